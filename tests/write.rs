//! The secretary's side, tried on a copy of the real records as a new user
//! would: record TSC_08_1607 after TSC_07_1606 with the six commands of
//! issue 11, then check validate, the action log, the minutes, the
//! register, and that every untouched byte is kept. Then every refusal.

mod common;

use std::path::{Path, PathBuf};

use common::{copy_tree, minimal_example, real_records, snapshot, stderr, stdout, tsc};

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--records", root.to_str().unwrap()];
    all.extend_from_slice(args);
    tsc(&all)
}

fn ok(root: &Path, args: &[&str]) -> String {
    let out = run(root, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

const STEPS: &[&[&str]] = &[
    &[
        "new",
        "meeting",
        "--date",
        "2016-07-21",
        "--from",
        "TSC_07_1606",
    ],
    &["person", "add", "Helen Marsh", "--organisation", "DCC"],
    &[
        "action",
        "new",
        "--meeting",
        "TSC_08_1607",
        "--item",
        "1",
        "--owner",
        "DCC",
        "--due",
        "2016-09-15",
        "Report on the progress of the Business Architecture Document to the September meeting.",
    ],
    &[
        "action",
        "close",
        "TSC07/01",
        "--at",
        "TSC_08_1607",
        "--item",
        "1",
        "--note",
        "The work package was amended and recommended to the SECCo Board.",
    ],
    &[
        "action",
        "update",
        "TSC07/03",
        "--at",
        "TSC_08_1607",
        "--item",
        "1",
        "--note",
        "Detail drafted for principles 1 to 4: the rest by September.",
    ],
    &[
        "assess",
        "SECMP0007",
        "--at",
        "TSC_08_1607",
        "--item",
        "1",
        "--interest",
        "medium",
    ],
];

/// The tree after the six commands, and what each printed.
fn recorded() -> (tempfile::TempDir, PathBuf, Vec<String>) {
    let (dir, root) = copy_tree(&real_records());
    let printed = STEPS.iter().map(|args| ok(&root, args)).collect();
    (dir, root, printed)
}

#[test]
fn the_six_commands_record_the_next_meeting() {
    let before = snapshot(&real_records());
    let (_dir, root, printed) = recorded();
    let r = root.display();
    assert_eq!(
        printed,
        [
            format!("TSC_08_1607 {r}/meetings/TSC_08_1607.yaml\n"),
            format!("helen-marsh {r}/people.yaml\n"),
            format!("TSC08/01 {r}/actions/TSC08-01.yaml\n"),
            format!("TSC07/01 {r}/actions/TSC07-01.yaml\n"),
            format!("TSC07/03 {r}/actions/TSC07-03.yaml\n"),
            format!("SECMP0007@TSC_08_1607 {r}/meetings/TSC_08_1607.yaml\n"),
        ]
    );

    // 2. A draft meeting with its placeholders is a valid record.
    let validate = run(&root, &["validate"]);
    assert_eq!(validate.status.code(), Some(0), "{}", stdout(&validate));

    // 3. The action log.
    let open = ok(&root, &["actions", "--open", "--format", "csv"]);
    let ids: Vec<&str> = open
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["TSC07/02", "TSC07/03", "TSC07/04", "TSC08/01"]);

    // 4. The minutes show the review under item 1.
    let minutes = ok(&root, &["minutes", "TSC_08_1607"]);
    let item1 = &minutes[minutes
        .find("## 1. Minutes and Actions Outstanding")
        .unwrap()..];
    assert!(item1.contains(
        "| TSC07/01 | SECAS | Amend the levels of consultant resource allocated under the TSC Work Package July – September 2016 with the recommendation from the TSC to the SECCo Board. | Closed | The work package was amended and recommended to the SECCo Board. |"
    ), "{item1}");
    assert!(item1.contains(
        "| TSC07/03 | SECAS | Add detail under each agreed TSC principle. | Open | Detail drafted for principles 1 to 4: the rest by September. |"
    ));
    let html = ok(&root, &["minutes", "TSC_08_1607", "--format", "html"]);
    assert!(html.contains("<td>TSC07/03</td><td>SECAS</td><td>Add detail under each agreed TSC principle.</td><td>Open</td><td>Detail drafted for principles 1 to 4: the rest by September.</td>"), "{html}");
    let show = ok(&root, &["show", "TSC_08_1607"]);
    assert!(show.contains("Actions reviewed (2):\n- TSC07/01 (SECAS, Closed) under item 1: "));

    // 5. The register.
    let mods = ok(&root, &["mods", "--format", "csv"]);
    let row = mods.lines().find(|l| l.starts_with("SECMP0007,")).unwrap();
    assert!(
        row.contains(",medium,Medium,TSC_08_1607,2016-07-21,"),
        "{row}"
    );

    // The report's "since the last meeting" has the closure.
    let report = ok(&root, &["report", "--as-of", "2016-07-22"]);
    assert!(report.contains("## Since the last meeting\n\nClosed by TSC_08_1607 (1):"));
    assert!(report.contains("| TSC07/01 | SECAS |"));

    // 6. Untouched files are byte-identical; touched ones keep every line
    // that was not edited.
    let after = snapshot(&root);
    let touched = [
        "people.yaml",
        "actions/TSC07-01.yaml",
        "actions/TSC07-03.yaml",
    ]
    .map(PathBuf::from);
    for (path, bytes) in &before {
        if !touched.contains(path) {
            assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
        }
    }
    for path in &touched {
        let old = String::from_utf8(before[path].clone()).unwrap();
        let new = String::from_utf8(after[path].clone()).unwrap();
        let kept: Vec<&str> = old.lines().filter(|l| !l.starts_with("status:")).collect();
        let new_lines: Vec<&str> = new.lines().collect();
        for line in kept {
            assert!(
                new_lines.contains(&line),
                "{}: lost {line:?}",
                path.display()
            );
        }
        assert!(
            new.starts_with(old.lines().next().unwrap()),
            "header comment kept"
        );
    }
    let added: Vec<&PathBuf> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    assert_eq!(
        added,
        [
            &PathBuf::from("actions/TSC08-01.yaml"),
            &PathBuf::from("meetings/TSC_08_1607.yaml")
        ]
    );
    assert_eq!(
        String::from_utf8(after[&PathBuf::from("actions/TSC07-01.yaml")].clone()).unwrap(),
        format!(
            "{}status: closed\nclosed: 2016-07-21\nupdates:\n  - date: 2016-07-21\n    meeting: TSC_08_1607\n    agenda_item: 1\n    status: closed\n    note: The work package was amended and recommended to the SECCo Board.\n",
            String::from_utf8(before[&PathBuf::from("actions/TSC07-01.yaml")].clone())
                .unwrap()
                .strip_suffix("status: open\n")
                .unwrap()
        )
    );
    assert_eq!(
        String::from_utf8(after[&PathBuf::from("actions/TSC08-01.yaml")].clone()).unwrap(),
        "# Action TSC08/01, raised at TSC_08_1607 under agenda item 1.\nid: \"TSC08/01\"\nmeeting: TSC_08_1607\nagenda_item: 1\nowner: DCC\ntext: >-\n  Report on the progress of the Business Architecture Document to the\n  September meeting.\ndue: 2016-09-15\nstatus: open\n"
    );
}

#[test]
fn the_new_meeting_copies_attendance_and_lists_what_to_review() {
    let (_dir, root) = copy_tree(&real_records());
    ok(&root, STEPS[0]);
    let text = std::fs::read_to_string(root.join("meetings/TSC_08_1607.yaml")).unwrap();
    assert!(text.starts_with(
        "# Draft minutes of TSC meeting 8 (TSC_08_1607), 2016-07-21.\nid: TSC_08_1607\nnumber: 8\ndate: 2016-07-21\nstart: \"10:00\"\nend: \"16:00\"\nlocation: 8 Fenchurch Place, London, EC3M 4AJ\nstatus: draft\n"
    ));
    assert!(text.contains(
        "  - person: seamus-gallagher\n    category: participant\n    representing: DECC\n    capacity: Secretary of State\n"
    ));
    assert!(text.contains(
        "apologies:\n  - person: andy-knowles\n    category: member\n    constituency: small-suppliers\n  - person: mike-bennett\n"
    ));
    assert!(text.contains("agenda:\n  - number: 1\n    title: Minutes and Actions Outstanding\n    # Review of TSC_07_1606's minutes. 4 actions open on 2016-07-21;"));
    assert!(text.contains("    #   TSC07/02 (SECAS): Circulate the Panel risk register"));
    let seed = std::fs::read_to_string(real_records().join("meetings/TSC_07_1606.yaml")).unwrap();
    assert_eq!(
        text.matches("  - person: ").count(),
        seed.matches("  - person: ").count()
    );
    assert!(
        !text.contains("part: true"),
        "(part) is not expected attendance"
    );
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let (_dir, root) = copy_tree(&real_records());
    let before = snapshot(&root);
    let diff = ok(
        &root,
        &[
            "action",
            "update",
            "TSC07/02",
            "--at",
            "TSC_07_1606",
            "--note",
            "Circulated.",
            "--dry-run",
        ],
    );
    assert_eq!(
        diff,
        "--- a/actions/TSC07-02.yaml\n+++ b/actions/TSC07-02.yaml\n@@ -6,3 +6,7 @@\n text: >-\n   Circulate the Panel risk register following the Panel meeting.\n status: open\n+updates:\n+  - date: 2016-06-16\n+    meeting: TSC_07_1606\n+    note: Circulated.\n"
    );
    assert_eq!(snapshot(&root), before);
    let json = ok(
        &root,
        &[
            "person",
            "add",
            "Helen Marsh",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["id"], "helen-marsh");
    assert_eq!(doc["written"], false);
    assert_eq!(doc["files"][0]["created"], false);
    assert!(
        doc["diff"]
            .as_str()
            .unwrap()
            .ends_with("+  - id: helen-marsh\n+    name: Helen Marsh\n")
    );
    assert_eq!(snapshot(&root), before);
}

/// Regression: with `meetings/` a symbolic link to a folder outside the
/// records, `tsc new meeting` wrote the new meeting through it, outside
/// the tree validate checks (it never follows links, E0008); and a
/// dangling link where the new file goes was replaced. Both are refused,
/// and nothing is written.
#[cfg(unix)]
#[test]
fn writes_never_go_through_a_symbolic_link() {
    let (dir, root) = copy_tree(&real_records());
    let outside = dir.path().join("outside");
    std::fs::rename(root.join("meetings"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("meetings")).unwrap();
    let before = snapshot(&outside);
    let out = run(&root, &["new", "meeting", "--date", "2016-07-21"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("meetings is a symbolic link, and tsc never writes through links"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&outside), before);

    let (_dir, root) = copy_tree(&real_records());
    let target = root.join("meetings/TSC_08_1607.yaml");
    std::os::unix::fs::symlink(dir.path().join("evil.yaml"), &target).unwrap();
    let out = run(&root, STEPS[0]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("TSC_08_1607.yaml is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert!(
        std::fs::symlink_metadata(&target)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!dir.path().join("evil.yaml").exists());
}

/// Regression: an action written with `updates: []` ("none yet") was
/// refused, because the update was added as a second `updates` key
/// (E0003). The empty list is now filled in place, its comment kept.
#[test]
fn an_update_fills_an_empty_updates_list_in_place() {
    let (_dir, root) = copy_tree(&minimal_example());
    let file = root.join("actions/TSC02-10.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    assert!(before.ends_with("status: open\n"), "{before}");
    std::fs::write(&file, format!("{before}updates: []  # none yet\n")).unwrap();
    ok(
        &root,
        &[
            "action",
            "update",
            "TSC02/10",
            "--at",
            "TSC_02_2402",
            "--note",
            "Counted.",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!(
            "{before}updates:  # none yet\n  - date: 2024-02-15\n    meeting: TSC_02_2402\n    note: Counted.\n"
        )
    );
    let show = ok(&root, &["show", "TSC02/10"]);
    assert!(show.contains("Counted."), "{show}");
}

#[test]
fn closing_with_another_status_and_updating_with_a_status_keep_one_state() {
    let (_dir, root) = copy_tree(&real_records());
    ok(&root, STEPS[0]);
    ok(
        &root,
        &[
            "action",
            "update",
            "TSC07/04",
            "--at",
            "TSC_08_1607",
            "--note",
            "On track.",
            "--status",
            "on-target",
            "--due",
            "2016-08-18",
        ],
    );
    ok(
        &root,
        &[
            "action",
            "close",
            "TSC07/02",
            "--at",
            "TSC_08_1607",
            "--status",
            "withdrawn",
        ],
    );
    let a4 = std::fs::read_to_string(root.join("actions/TSC07-04.yaml")).unwrap();
    // The new due date is the update's: the action's own fields keep
    // what was given when it was raised (it had no due date).
    assert!(a4.ends_with("in word format to TSC members.\nstatus: on-target\nupdates:\n  - date: 2016-07-21\n    meeting: TSC_08_1607\n    status: on-target\n    due: 2016-08-18\n    note: On track.\n"), "{a4}");
    let a2 = std::fs::read_to_string(root.join("actions/TSC07-02.yaml")).unwrap();
    assert!(a2.ends_with("status: withdrawn\nclosed: 2016-07-21\nupdates:\n  - date: 2016-07-21\n    meeting: TSC_08_1607\n    status: withdrawn\n    note: Withdrawn.\n"), "{a2}");
    assert_eq!(run(&root, &["validate"]).status.code(), Some(0));
    // Reopening removes the closed date with the status.
    ok(
        &root,
        &[
            "action",
            "update",
            "TSC07/02",
            "--at",
            "TSC_08_1607",
            "--note",
            "Reopened.",
            "--status",
            "open",
        ],
    );
    let a2 = std::fs::read_to_string(root.join("actions/TSC07-02.yaml")).unwrap();
    assert!(!a2.contains("closed: 2016"), "{a2}");
    assert!(a2.contains("status: open\nupdates:\n"));
    assert_eq!(run(&root, &["validate"]).status.code(), Some(0));
}

/// Runs a command that must be refused with exit status 2, writing
/// nothing, and returns its message.
fn refused(root: &Path, args: &[&str]) -> String {
    let before = snapshot(root);
    let out = run(root, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
    assert_eq!(snapshot(root), before, "{args:?} wrote");
    stderr(&out)
}

#[test]
fn unknown_names_and_repeats_are_refused_with_did_you_mean() {
    let (_dir, root) = copy_tree(&real_records());
    ok(&root, STEPS[0]);
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "action",
                "new",
                "--meeting",
                "TSC_08_1670",
                "--item",
                "1",
                "--owner",
                "DCC",
                "x",
            ],
            "unknown meeting `TSC_08_1670`; did you mean `TSC_08_1607`?",
        ),
        (
            &[
                "action",
                "new",
                "--meeting",
                "TSC_08_1607",
                "--item",
                "1",
                "--owner",
                "SECSA",
                "x",
            ],
            "unknown owner `SECSA`; did you mean `SECAS`?",
        ),
        (
            &[
                "action",
                "new",
                "--meeting",
                "TSC_08_1607",
                "--item",
                "9",
                "--owner",
                "DCC",
                "x",
            ],
            "unknown agenda item of TSC_08_1607 `9`; use one of: 1",
        ),
        (
            &[
                "action",
                "update",
                "TSC07/03",
                "--at",
                "TSC_08_1607",
                "--note",
                "x",
                "--status",
                "opne",
            ],
            "unknown action status `opne`; did you mean `open`?",
        ),
        (
            &["action", "close", "TSC07/10", "--at", "TSC_08_1607"],
            "unknown action `TSC07/10`; did you mean `TSC07/01`?",
        ),
        (
            &[
                "assess",
                "SECMP0007",
                "--at",
                "TSC_08_1607",
                "--item",
                "1",
                "--interest",
                "hihg",
            ],
            "unknown interest level `hihg`; did you mean `high`?",
        ),
        (
            &[
                "assess",
                "SECMP0070",
                "--at",
                "TSC_08_1607",
                "--item",
                "1",
                "--interest",
                "high",
            ],
            "unknown modification proposal `SECMP0070`; did you mean `SECMP0007`?",
        ),
        (
            &["person", "add", "Someone", "--organisation", "DDC"],
            "unknown organisation `DDC`; did you mean `DCC`?",
        ),
        (
            &["person", "add", "Julian Hughes"],
            "the ID `julian-hughes` is taken by Julian Hughes (`julian-hughes`, in people.yaml)",
        ),
        (
            &["person", "add", "J", "--id", "secas"],
            "the ID `secas` is taken by the organisation Smart Energy Code Administrator and Secretariat (`SECAS`)",
        ),
        (
            &["person", "add", "Julian", "--id", "julian-hughеs"],
            "the ID `julian-hughеs` looks like `julian-hughes`, which exists",
        ),
        (
            &[
                "new",
                "meeting",
                "--date",
                "2016-07-21",
                "--from",
                "TSC_07_1660",
            ],
            "unknown meeting `TSC_07_1660`; did you mean `TSC_07_1606`?",
        ),
        (
            &[
                "action",
                "close",
                "TSC07/01",
                "--at",
                "TSC_08_1607",
                "--status",
                "on-target",
            ],
            "`on-target` is an open status; close with one that is not open",
        ),
    ];
    for (args, message) in cases {
        let err = refused(&root, args);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    ok(
        &root,
        &["action", "close", "TSC07/01", "--at", "TSC_08_1607"],
    );
    let err = refused(
        &root,
        &["action", "close", "TSC07/01", "--at", "TSC_08_1607"],
    );
    assert!(
        err.contains(
            "action TSC07/01 is `closed` already (closed 2016-07-21); it cannot be closed again"
        ),
        "{err}"
    );
    ok(
        &root,
        &[
            "assess",
            "SECMP0007",
            "--at",
            "TSC_08_1607",
            "--item",
            "1",
            "--interest",
            "medium",
        ],
    );
    let err = refused(
        &root,
        &[
            "assess",
            "SECMP0007",
            "--at",
            "TSC_08_1607",
            "--item",
            "1",
            "--interest",
            "high",
        ],
    );
    assert!(
        err.contains("SECMP0007 is already assessed at TSC_08_1607"),
        "{err}"
    );
}

#[test]
fn a_write_that_would_add_an_error_is_refused_with_the_findings() {
    let (_dir, root) = copy_tree(&real_records());
    let before = snapshot(&root);
    // Due before the meeting that raises it: E0402.
    let out = run(
        &root,
        &[
            "action",
            "new",
            "--meeting",
            "TSC_07_1606",
            "--item",
            "2",
            "--owner",
            "SECAS",
            "--due",
            "2016-01-01",
            "Too early.",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "error[E0402]: action TSC07/05 is due 2016-01-01 but was raised on 2016-06-16"
        ),
        "{err}"
    );
    assert!(err.contains("actions/TSC07-05.yaml:8:6"), "{err}");
    assert!(err.contains(
        "tsc: nothing was written: the change to TSC07/05 would add 1 error to the records"
    ));
    assert_eq!(snapshot(&root), before);
}

#[test]
fn a_meeting_id_that_exists_is_refused() {
    let (_dir, root) = copy_tree(&real_records());
    // A stub known to have been held in July 2016, named TSC_08_1607 but
    // numbered 5 (a slip, E0204): the next meeting after TSC_07_1606
    // (number 8), held that month, would take its ID. (A stub with no
    // `number:` goes by its ID's 8, and the next meeting is 9.)
    std::fs::write(
        root.join("meetings/TSC_08_1607.yaml"),
        "id: TSC_08_1607\nnumber: 5\nstatus: not-recorded\n",
    )
    .unwrap();
    let err = refused(&root, &["new", "meeting", "--date", "2016-07-21"]);
    assert!(err.contains("meeting TSC_08_1607 exists already"), "{err}");
}

#[test]
fn an_update_under_an_item_its_meeting_lacks_is_an_error() {
    let (_dir, root) = copy_tree(&real_records());
    let file = root.join("actions/TSC07-02.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        format!("{text}updates:\n  - date: 2016-06-16\n    meeting: TSC_07_1606\n    agenda_item: 12\n    note: x\n  - date: 2016-06-16\n    agenda_item: 1\n    note: y\n"),
    )
    .unwrap();
    let out = run(&root, &["validate"]);
    let text = stdout(&out);
    assert!(
        text.contains("error[E0105]: meeting TSC_07_1606 has no agenda item 12"),
        "{text}"
    );
    assert!(
        text.contains("error[E0105]: update names agenda item 1 but no meeting"),
        "{text}"
    );
}

/// Runs each of `runs` (a command line after `--records ROOT`) in a
/// process of its own, all started together, each editing `file`. Every
/// run must succeed or be refused with the one line that says the file
/// changed under it; and the file must hold `written(i)` exactly for the
/// runs `i` that succeeded. Returns how many did.
fn race(
    root: &Path,
    file: &Path,
    runs: &[Vec<String>],
    written: impl Fn(usize) -> String,
) -> usize {
    let children: Vec<_> = runs
        .iter()
        .map(|args| {
            std::process::Command::new(env!("CARGO_BIN_EXE_tsc"))
                .arg("--records")
                .arg(root)
                .args(args)
                .env_remove("TSC_RECORDS")
                .env("TSC_CACHE_DIR", common::test_cache_root())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let changed = format!(
        "tsc: error: {} changed while this command ran; nothing was written; run it again\n",
        file.display()
    );
    let outs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let text = std::fs::read_to_string(file).unwrap();
    let mut won = 0;
    for (i, out) in outs.iter().enumerate() {
        let success = out.status.code() == Some(0);
        if !success {
            assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
            assert_eq!(stderr(out), changed);
        }
        won += usize::from(success);
        assert_eq!(text.contains(&written(i)), success, "run {i}: {text}");
    }
    won
}

/// Regression: two write commands that edit the same file both read it,
/// and the second rename replaced the first one's edit, though both said
/// they wrote. Now every command that says it wrote is in the file.
#[test]
fn concurrent_edits_of_one_file_lose_nothing() {
    let (_dir, root) = copy_tree(&minimal_example());
    let adds: Vec<Vec<String>> = (0..8)
        .map(|i| vec!["person".into(), "add".into(), format!("Racer Number{i}")])
        .collect();
    let won = race(&root, &root.join("people.yaml"), &adds, |i| {
        format!("  - id: racer-number{i}\n    name: Racer Number{i}\n")
    });
    assert!(won > 0);
    let update = [
        "action",
        "update",
        "TSC01/02",
        "--at",
        "TSC_02_2402",
        "--note",
    ];
    let updates: Vec<Vec<String>> = (0..6)
        .map(|i| {
            let mut args = update.map(String::from).to_vec();
            args.push(format!("Progress report {i}."));
            args
        })
        .collect();
    let action = root.join("actions/TSC01-02.yaml");
    let won = race(&root, &action, &updates, |i| {
        format!("note: Progress report {i}.\n")
    });
    assert!(won > 0);
    assert_eq!(run(&root, &["validate"]).status.code(), Some(0));
}

#[test]
fn organisation_add_appends_to_organisations_yaml_keeping_every_byte() {
    // Trial: `person add --organisation X` needed organisations.yaml edited
    // by hand first; `organisation add` writes the organisation.
    let (_dir, root) = copy_tree(&real_records());
    let file = root.join("organisations.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        ok(
            &root,
            &[
                "organisation",
                "add",
                "Electralink",
                "--id",
                "ELX",
                "--description",
                "Runs the data transfer network: yes, it attends.",
            ],
        ),
        format!("ELX {}/organisations.yaml\n", root.display())
    );
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        after,
        format!(
            "{before}  - id: ELX\n    name: Electralink\n    \
             description: \"Runs the data transfer network: yes, it attends.\"\n"
        )
    );
    ok(
        &root,
        &["person", "add", "Ann Example", "--organisation", "elx"],
    );
    assert!(
        std::fs::read_to_string(root.join("people.yaml"))
            .unwrap()
            .ends_with("  - id: ann-example\n    name: Ann Example\n    organisation: ELX\n")
    );
    assert_eq!(
        ok(&root, &["validate"]),
        "ok: 2 meetings, 16 modification proposals, 4 actions, 24 people, 5 organisations, 5 principles\n"
    );
    for (args, message) in [
        (
            &["organisation", "add", "Data Comms", "--id", "dcc"][..],
            "tsc: error: the ID `dcc` is taken by the organisation Data Communications Company \
             (`DCC`); give another with --id\n",
        ),
        (
            &["organisation", "add", "Someone", "--id", "julian-hughes"][..],
            "tsc: error: the ID `julian-hughes` is taken by Julian Hughes (`julian-hughes`, in \
             people.yaml); give another with --id\n",
        ),
        (
            &["organisation", "add", "Nobody", "--id", " "][..],
            "tsc: error: give the organisation an ID with --id\n",
        ),
    ] {
        let out = run(&root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), message, "{args:?}");
    }
}
