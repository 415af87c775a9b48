//! Whole-output snapshots: what every read command prints on this
//! repository's records, `examples/minimal`, the synthetic S tree and each
//! tree of the bad-input corpus (`tests/bad/`), compared in full against
//! the files in `tests/snapshots/`.
//!
//! Covered: `validate` in the human, JSON and GitHub formats; every
//! listing (`actions`, `mods`, `meetings`, `people`, `organisations`) in
//! every format; `minutes` and `report` in Markdown and HTML; `show` of
//! every record (a sample of them on the synthetic tree). Dates that
//! depend on today are fixed with `--as-of`, and the tree's own path is
//! written `[ROOT]`, so the snapshots are the same on every machine.
//!
//! After a deliberate change of output, rewrite the snapshots with
//! `SNAPSHOTS=overwrite cargo test --test snapshots` and review the diff.

mod common;

#[path = "../examples/synth/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::{minimal_example, real_records, tsc};

/// The day that counts as today in every snapshot.
const AS_OF: &str = "2024-06-01";

const LISTINGS: [&str; 5] = ["actions", "mods", "meetings", "people", "organisations"];
const LISTING_FORMATS: [&str; 4] = ["table", "json", "csv", "markdown"];

/// Runs `tsc --records ROOT ARGS` and writes the command, its exit
/// status, standard output and standard error to `out`, with `root`
/// written `[ROOT]`.
fn run(out: &mut String, root: &Path, args: &[&str]) {
    let root_text = root.to_str().unwrap();
    let mut full = vec!["--records", root_text];
    full.extend_from_slice(args);
    let output = tsc(&full);
    let redact = |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(root_text, "[ROOT]");
    writeln!(out, "$ tsc {}", args.join(" ")).unwrap();
    writeln!(out, "[exit {}]", output.status.code().unwrap_or(-1)).unwrap();
    out.push_str(&redact(&output.stdout));
    let err = redact(&output.stderr);
    if !err.is_empty() {
        writeln!(out, "[stderr]").unwrap();
        out.push_str(&err);
    }
    out.push_str("\n[end]\n\n");
}

/// The file stems of `root/folder/**/*.yaml`, sorted.
fn stems(root: &Path, folder: &str) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(root.join(folder))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| e.path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

/// The `id` of every row of a JSON listing.
fn listed_ids(root: &Path, listing: &str) -> Vec<String> {
    let output = tsc(&[
        "--records",
        root.to_str().unwrap(),
        listing,
        "--format",
        "json",
    ]);
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    rows.as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every command's output on the tree at `root`. `sample` keeps `show`
/// and `minutes` to the first and last record of each kind.
fn outputs(root: &Path, sample: bool) -> String {
    let mut out = String::new();
    for format in ["human", "json", "github"] {
        run(&mut out, root, &["validate", "--format", format]);
    }
    for listing in LISTINGS {
        for format in LISTING_FORMATS {
            let mut args = vec![listing, "--format", format];
            if listing == "actions" {
                args.extend(["--as-of", AS_OF]);
            }
            run(&mut out, root, &args);
        }
    }
    run(&mut out, root, &["actions", "--open", "--as-of", AS_OF]);
    for format in ["markdown", "html"] {
        run(
            &mut out,
            root,
            &["report", "--format", format, "--as-of", AS_OF],
        );
    }
    let pick = |mut ids: Vec<String>| {
        if sample && ids.len() > 2 {
            ids = vec![ids[0].clone(), ids[ids.len() - 1].clone()];
        }
        ids
    };
    let meetings = pick(stems(root, "meetings"));
    for meeting in &meetings {
        for format in ["markdown", "html"] {
            run(&mut out, root, &["minutes", meeting, "--format", format]);
        }
    }
    let actions = pick(listed_ids(root, "actions"));
    let mods = pick(listed_ids(root, "mods"));
    let people = pick(listed_ids(root, "people"));
    let organisations = pick(listed_ids(root, "organisations"));
    for id in [meetings, actions, mods, people, organisations]
        .iter()
        .flatten()
    {
        run(&mut out, root, &["show", id, "--as-of", AS_OF]);
    }
    out
}

fn snapshot_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"))
}

fn assert_snapshot(name: &str, actual: String) {
    let path = snapshot_file(name);
    snapbox::Assert::new()
        .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
        .eq(actual, snapbox::Data::read_from(&path, None).raw());
}

#[test]
fn the_real_records() {
    assert_snapshot("records", outputs(&real_records(), false));
}

#[test]
fn the_minimal_example() {
    assert_snapshot("minimal", outputs(&minimal_example(), false));
}

#[test]
fn synthetic_s_tree() {
    // S as scripts/bench.sh makes it: 120 meetings, seed 1.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("records");
    generate::generate(&root, 120, 1).unwrap();
    assert_snapshot("synth-s", outputs(&root, true));
}

#[test]
fn bad_input_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    let mut out = String::new();
    for case in cases {
        writeln!(out, "## {}\n", case.file_name().unwrap().to_string_lossy()).unwrap();
        for format in ["human", "json", "github"] {
            run(&mut out, &case, &["validate", "--format", format]);
        }
        for listing in LISTINGS {
            if listing == "actions" {
                run(&mut out, &case, &[listing, "--as-of", AS_OF]);
            } else {
                run(&mut out, &case, &[listing]);
            }
        }
    }
    assert_snapshot("bad", out);
}
