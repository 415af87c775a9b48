//! `tsc init`, tried as a committee starting to use tsc would: the
//! starter records validate at once, and the first meeting, person and
//! action are written on them with no hand edit. A directory that holds
//! records is refused, and `--dry-run` writes nothing.

mod common;

use common::{copy_tree, real_records, snapshot, stderr, stdout, tsc};

fn ok(args: &[&str]) -> String {
    let out = tsc(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

const DWG: &[&str] = &["--short-name", "DWG", "--name", "Design Working Group"];

#[test]
fn a_new_committee_validates_and_takes_its_first_meeting_person_and_action() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("dwg");
    let r = root.to_str().unwrap();
    let mut init = vec!["init", r, "--parent", "Standards Board"];
    init.extend_from_slice(DWG);
    assert_eq!(
        ok(&init),
        [
            "tsc.yaml",
            "people.yaml",
            "organisations.yaml",
            "meetings/",
            "actions/",
            "modifications/"
        ]
        .map(|p| format!("DWG {r}/{p}\n"))
        .concat()
    );
    assert_eq!(
        std::fs::read_to_string(root.join("people.yaml")).unwrap(),
        "# Everyone the records name; docs/records.md shows the fields.\npeople: []\n"
    );
    let settings = std::fs::read_to_string(root.join("tsc.yaml")).unwrap();
    assert!(
        settings.contains(
            "  short_name: DWG\n  name: Design Working Group\n  parent: Standards Board  #"
        ),
        "{settings}"
    );
    assert!(root.join("meetings").is_dir() && root.join("modifications").is_dir());
    assert_eq!(
        ok(&["--records", r, "validate"]),
        "ok: 0 meetings, 0 modification proposals, 0 actions, 0 people, 0 organisations\n"
    );
    assert_eq!(
        ok(&["--records", r, "new", "meeting", "--date", "2026-01-15"]),
        format!("DWG_01_2601 {r}/meetings/DWG_01_2601.yaml\n")
    );
    assert_eq!(
        ok(&["--records", r, "person", "add", "Ann Example"]),
        format!("ann-example {r}/people.yaml\n")
    );
    assert_eq!(
        std::fs::read_to_string(root.join("people.yaml")).unwrap(),
        "# Everyone the records name; docs/records.md shows the fields.\n\
         people:\n  - id: ann-example\n    name: Ann Example\n"
    );
    let raised = ok(&[
        "--records",
        r,
        "action",
        "new",
        "--meeting",
        "DWG_01_2601",
        "--item",
        "1",
        "--owner",
        "ann-example",
        "--due",
        "2026-02-12",
        "Circulate the terms of reference.",
    ]);
    assert_eq!(raised, format!("DWG01/01 {r}/actions/DWG01-01.yaml\n"));
    assert_eq!(
        ok(&["--records", r, "validate"]),
        "ok: 1 meeting, 0 modification proposals, 1 action, 1 person, 0 organisations\n"
    );
    let open = ok(&["--records", r, "actions", "--open", "--format", "csv"]);
    assert!(
        open.contains("DWG01/01,ann-example,Circulate the terms of reference.,DWG_01_2601,2026-01-15,1,2026-02-12,open"),
        "{open}"
    );
    let minutes = ok(&["--records", r, "minutes", "DWG_01_2601"]);
    assert!(
        minutes.starts_with("# Design Working Group (DWG)"),
        "{minutes}"
    );
}

#[test]
fn a_directory_that_holds_records_is_refused_and_nothing_is_written() {
    let (_dir, root) = copy_tree(&real_records());
    let before = snapshot(&root);
    let mut args = vec!["init", root.to_str().unwrap()];
    args.extend_from_slice(DWG);
    let out = tsc(&args);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "tsc: error: {} already holds records ({}); nothing was written: tsc init starts \
             a records directory that has none\n",
            root.display(),
            root.join("meetings").display()
        )
    );
    assert_eq!(snapshot(&root), before);
}

#[test]
fn dry_run_prints_the_files_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("records");
    let mut args = vec!["--records", root.to_str().unwrap(), "init", "--dry-run"];
    args.extend_from_slice(DWG);
    let out = tsc(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- /dev/null\n+++ b/tsc.yaml\n"),
        "{diff}"
    );
    assert!(
        diff.contains("--- /dev/null\n+++ b/organisations.yaml\n@@ -0,0 +1,2 @@\n+# The bodies"),
        "{diff}"
    );
    assert!(
        diff.contains("+  action: \"DWG{meeting_number:02}/{seq:02}\"\n"),
        "{diff}"
    );
    let r = root.display();
    assert_eq!(
        stderr(&out),
        format!(
            "tsc: --dry-run: nothing was written; the folders {r}/meetings/, {r}/actions/, \
             {r}/modifications/ would be made too\n"
        )
    );
    assert!(!root.exists());
}

#[test]
fn a_short_name_that_cannot_start_ids_needs_a_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("panel");
    let r = root.to_str().unwrap();
    let name = [
        "--short-name",
        "Review Panel",
        "--name",
        "Code Review Panel",
    ];
    let mut args = vec!["init", r];
    args.extend_from_slice(&name);
    let out = tsc(&args);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "tsc: error: `Review Panel` cannot start record IDs (a letter, then letters, digits, \
         `-` or `_`); give the prefix of meeting and action IDs with --id-prefix\n"
    );
    assert!(!root.exists());
    args.extend_from_slice(&["--id-prefix", "PANEL", "--modification-prefix", "DCP"]);
    ok(&args);
    let settings = std::fs::read_to_string(root.join("tsc.yaml")).unwrap();
    assert!(
        settings.contains("  short_name: Review Panel\n"),
        "{settings}"
    );
    assert!(
        settings.contains("  modification: '^DCP[0-9]{4}$'\n"),
        "{settings}"
    );
    ok(&["--records", r, "validate"]);
    assert_eq!(
        ok(&["--records", r, "new", "meeting", "--date", "2026-03-05"]),
        format!("PANEL_01_2603 {r}/meetings/PANEL_01_2603.yaml\n")
    );
}

#[test]
fn the_first_organisation_fills_the_empty_list_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("dwg");
    let r = root.to_str().unwrap();
    let mut init = vec!["init", r];
    init.extend_from_slice(DWG);
    ok(&init);
    assert_eq!(
        ok(&[
            "--records",
            r,
            "organisation",
            "add",
            "Standards Board",
            "--id",
            "SB"
        ]),
        format!("SB {r}/organisations.yaml\n")
    );
    assert_eq!(
        std::fs::read_to_string(root.join("organisations.yaml")).unwrap(),
        "# The bodies that attend, present or own actions; docs/records.md shows the fields.\n\
         organisations:\n  - id: SB\n    name: Standards Board\n"
    );
    assert_eq!(
        ok(&["--records", r, "validate"]),
        "ok: 0 meetings, 0 modification proposals, 0 actions, 0 people, 1 organisation\n"
    );
}
