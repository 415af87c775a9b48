//! Findings point at whole values, from the spans the loader kept: a
//! quoted scalar and a multi-line scalar are underlined end to end, and
//! rendering never reads a record file a second time.

mod common;

use common::{copy_tree, edit, minimal_example, stdout, tsc};

#[test]
fn a_quoted_value_is_underlined_whole() {
    let (_dir, root) = copy_tree(&minimal_example());
    edit(
        &root.join("actions/TSC01-01.yaml"),
        "agenda_item: 2",
        "agenda_item: \"four five\"",
    );
    let out = tsc(&["validate", "--records", root.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains("agenda_item: \"four five\"\n  |              ^^^^^^^^^^^ invalid-value"),
        "{text}"
    );
}

#[test]
fn a_multi_line_value_is_underlined_to_its_last_line() {
    let (_dir, root) = copy_tree(&minimal_example());
    edit(
        &root.join("actions/TSC01-01.yaml"),
        "status: closed\n",
        "status: \"not\n  known\"\n",
    );
    let out = tsc(&[
        "validate",
        "--format",
        "json",
        "--records",
        root.to_str().unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["code"], "E0301", "{json}");
    let (line, end_line) = (finding["line"].as_u64(), finding["end_line"].as_u64());
    assert_eq!(end_line, line.map(|l| l + 1), "{json}");
    assert_eq!(finding["end_column"], 9, "{json}");
}

/// `strace -f -e trace=openat` of `tsc validate` on a tree with one broken
/// record opens that record exactly once. Skipped where strace is absent
/// (scripts/test.sh installs it).
#[test]
fn a_broken_record_is_opened_once() {
    let (_dir, root) = copy_tree(&minimal_example());
    let broken = root.join("actions/TSC01-01.yaml");
    edit(&broken, "owner: ", "owner: [");
    let Ok(out) = std::process::Command::new("strace")
        .args(["-f", "-e", "trace=openat", env!("CARGO_BIN_EXE_tsc")])
        .args(["validate", "--records", root.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .output()
    else {
        eprintln!("strace is not installed; skipped");
        return;
    };
    let trace = String::from_utf8_lossy(&out.stderr);
    let opens = trace
        .lines()
        .filter(|l| l.contains("openat(") && l.contains(broken.to_str().unwrap()))
        .count();
    assert_eq!(opens, 1, "{trace}");
    assert!(stdout(&out).contains("TSC01-01.yaml"), "{}", stdout(&out));
}

/// `tsc validate --format json` of the records at `root`.
fn validate_json(root: &std::path::Path) -> serde_json::Value {
    let out = tsc(&[
        "--records",
        root.to_str().unwrap(),
        "validate",
        "--format",
        "json",
    ]);
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// A block scalar's underline ends at its last content character, not on
/// the blank lines after it or at the start of the next key's line.
#[test]
fn block_scalar_span_ends_at_content() {
    let (_dir, root) = copy_tree(&minimal_example());
    for (indicator, end_line) in [("|", 7), (">", 7), (">-", 7)] {
        let file = root.join("actions/TSC02-10.yaml");
        let text =
            std::fs::read_to_string(minimal_example().join("actions/TSC02-10.yaml")).unwrap();
        let owner = format!("owner: {indicator}\n  NO\n  BODY\n\n");
        std::fs::write(&file, text.replace("owner: ACME\n", &owner)).unwrap();
        let json = validate_json(&root);
        let finding = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "E0103")
            .unwrap_or_else(|| panic!("{json}"));
        assert_eq!(
            (
                &finding["line"],
                &finding["end_line"],
                &finding["end_column"]
            ),
            (&6.into(), &end_line.into(), &7.into()),
            "{indicator}: {finding}"
        );
    }
}

/// A flow sequence or mapping where a text belongs is underlined whole,
/// not only its opening bracket.
#[test]
fn flow_collection_span_covers_the_collection() {
    let (_dir, root) = copy_tree(&minimal_example());
    edit(
        &root.join("actions/TSC02-10.yaml"),
        "owner: ACME",
        "owner: [SECAS, ACME]",
    );
    let json = validate_json(&root);
    let finding = &json["findings"][0];
    assert_eq!(
        (&finding["line"], &finding["column"], &finding["end_column"]),
        (&5.into(), &8.into(), &21.into()),
        "{json}"
    );
}
