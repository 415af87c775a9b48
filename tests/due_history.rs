//! Regression tests for "a due date has history": `tsc action update
//! --due` used to rewrite the action's one `due:` field, so the final
//! minutes of an earlier meeting, and `--as-of` views, showed a due date
//! set later (the new-user trial saw TSC_07_1606's minutes gain "(due
//! 2016-08-31)" from an update at TSC_08_1607). Now the update carries
//! `due`, the action's own `due` stays the one given when it was raised,
//! and every output asks for the due date as of its own point in time.
//! Each test is named after what went wrong and asserts exact output.

mod common;

use std::path::{Path, PathBuf};

use common::history::{
    assert_update_diff_and_log, check_action_schema, csv_line, ok, records_repo, run, update,
};
use common::{copy_tree, edit, real_records, stderr, stdout, tsc_in};

/// TSC07/02 as the seed records it, given the due date 2016-07-14 when
/// it was raised at TSC_07_1606 (the seed's actions have none).
const TSC07_02_DUE: &str = "# Action TSC07/02, raised at TSC_07_1606 under agenda item 4.\n\
    id: \"TSC07/02\"\n\
    meeting: TSC_07_1606\n\
    agenda_item: 4\n\
    owner: SECAS\n\
    text: >-\n  Circulate the Panel risk register following the Panel meeting.\n\
    due: 2016-07-14\n\
    status: open\n";

/// The lines `action update TSC07/02 --due 2016-08-31` appends to it.
const MOVED_AT_TSC_08: &str = "updates:\n\
    \x20 - date: 2016-07-21\n\
    \x20   meeting: TSC_08_1607\n\
    \x20   agenda_item: 1\n\
    \x20   due: 2016-08-31\n\
    \x20   note: Deferred until the Panel has met.\n";

/// A copy of the seed records in which TSC07/02 was raised due
/// 2016-07-14, with TSC_08_1607 made for 2016-07-21.
fn seed_with_a_due_date() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = copy_tree(&real_records());
    let path = root.join("actions/TSC07-02.yaml");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        TSC07_02_DUE.replace("due: 2016-07-14\n", "")
    );
    std::fs::write(&path, TSC07_02_DUE).unwrap();
    ok(&root, &["new", "meeting", "--date", "2016-07-21"]);
    (dir, root)
}

/// Moves TSC07/02's due date to 2016-08-31 at TSC_08_1607; its output.
fn move_due(root: &Path) -> String {
    let out = update(
        root,
        "TSC07/02",
        "TSC_08_1607",
        &[
            "--item",
            "1",
            "--note",
            "Deferred until the Panel has met.",
            "--due",
            "2016-08-31",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn due_moved_at_a_later_meeting_no_longer_changes_the_earlier_minutes() {
    let (_dir, root) = seed_with_a_due_date();
    let before_md = ok(&root, &["minutes", "TSC_07_1606"]);
    let before_html = ok(&root, &["minutes", "TSC_07_1606", "--format", "html"]);
    assert!(
        before_md.contains(
            "\n> **ACTION TSC07/02:** SECAS — Circulate the Panel risk register following the \
             Panel meeting. (due 2016-07-14)\n"
        ),
        "{before_md}"
    );
    move_due(&root);
    // TSC_07_1606 set 2016-07-14; 2016-08-31 was only decided at
    // TSC_08_1607: its minutes are byte for byte what they were.
    assert_eq!(ok(&root, &["minutes", "TSC_07_1606"]), before_md);
    assert_eq!(
        ok(&root, &["minutes", "TSC_07_1606", "--format", "html"]),
        before_html
    );
    // The minutes of TSC_08_1607 say the due date moved there.
    let later = ok(&root, &["minutes", "TSC_08_1607"]);
    assert!(
        later.contains(
            "\n| TSC07/02 | SECAS | Circulate the Panel risk register following the Panel \
             meeting. | Open | Deferred until the Panel has met. (due date moved from \
             2016-07-14 to 2016-08-31) |\n"
        ),
        "{later}"
    );
    let html = ok(&root, &["minutes", "TSC_08_1607", "--format", "html"]);
    assert!(
        html.contains(
            "<td>Deferred until the Panel has met. (due date moved from 2016-07-14 to \
             2016-08-31)</td>"
        ),
        "{html}"
    );
}

#[test]
fn due_set_at_a_later_meeting_on_an_action_raised_without_one_is_not_in_the_earlier_minutes() {
    // The trial's case: TSC07/03 had no due date, and TSC_07_1606's
    // minutes gained "(due 2016-08-31)" from the update at TSC_08_1607.
    let (_dir, root) = copy_tree(&real_records());
    let before = ok(&root, &["minutes", "TSC_07_1606"]);
    ok(&root, &["new", "meeting", "--date", "2016-07-21"]);
    let out = update(
        &root,
        "TSC07/03",
        "TSC_08_1607",
        &[
            "--item",
            "1",
            "--note",
            "Principles 1 to 4 done.",
            "--due",
            "2016-08-31",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = ok(&root, &["minutes", "TSC_07_1606"]);
    assert_eq!(after, before);
    assert!(
        after.contains(
            "\n> **ACTION TSC07/03:** SECAS — Add detail under each agreed TSC principle.\n"
        ),
        "{after}"
    );
    let later = ok(&root, &["minutes", "TSC_08_1607"]);
    assert!(
        later.contains(
            "\n| TSC07/03 | SECAS | Add detail under each agreed TSC principle. | Open | \
             Principles 1 to 4 done. (due date set to 2016-08-31) |\n"
        ),
        "{later}"
    );
}

#[test]
fn actions_as_of_a_day_before_the_due_date_moved_show_the_old_due_date() {
    let (_dir, root) = seed_with_a_due_date();
    move_due(&root);
    let row = |due: &str, overdue: &str| {
        format!(
            "TSC07/02,SECAS,Circulate the Panel risk register following the Panel meeting.,\
             TSC_07_1606,2016-06-16,4,{due},open,Open,true,{overdue},"
        )
    };
    // On 2016-07-20 it was due 2016-07-14, and overdue.
    assert_eq!(
        csv_line(&root, "2016-07-20", "TSC07/02"),
        row("2016-07-14", "true")
    );
    // From TSC_08_1607's day on it is due 2016-08-31, and no longer overdue.
    assert_eq!(
        csv_line(&root, "2016-07-21", "TSC07/02"),
        row("2016-08-31", "false")
    );
    assert_eq!(
        csv_line(&root, "2016-09-01", "TSC07/02"),
        row("2016-08-31", "true")
    );
    // Sorting and filtering by due date read the same date.
    let due_before = ok(
        &root,
        &[
            "actions",
            "--as-of",
            "2016-07-20",
            "--due-before",
            "2016-07-15",
            "--format",
            "csv",
        ],
    );
    assert_eq!(due_before.lines().count(), 2, "{due_before}");
    let due_before = ok(
        &root,
        &[
            "actions",
            "--as-of",
            "2016-07-21",
            "--due-before",
            "2016-07-15",
            "--format",
            "csv",
        ],
    );
    assert_eq!(due_before.lines().count(), 1, "{due_before}");
}

#[test]
fn report_as_of_a_day_before_the_due_date_moved_shows_the_old_due_date() {
    let (_dir, root) = seed_with_a_due_date();
    move_due(&root);
    let line = |date: &str| {
        ok(&root, &["report", "--as-of", date])
            .lines()
            .find(|l| l.starts_with("| TSC07/02 |"))
            .unwrap_or_else(|| panic!("TSC07/02 not in the report as of {date}"))
            .to_owned()
    };
    assert_eq!(
        line("2016-07-20"),
        "| TSC07/02 | Circulate the Panel risk register following the Panel meeting. | \
         TSC_07_1606 | 2016-07-14 | **overdue** |"
    );
    assert_eq!(
        line("2016-07-21"),
        "| TSC07/02 | Circulate the Panel risk register following the Panel meeting. | \
         TSC_07_1606 | 2016-08-31 |  |"
    );
}

#[test]
fn action_update_due_writes_due_on_the_new_update_and_keeps_the_actions_own_due() {
    let (_dir, root) = seed_with_a_due_date();
    let path = root.join("actions/TSC07-02.yaml");
    assert_eq!(move_due(&root), format!("TSC07/02 {}\n", path.display()));
    // Only the update's lines are added: `due: 2016-07-14`, as raised,
    // is kept byte for byte.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{TSC07_02_DUE}{MOVED_AT_TSC_08}")
    );
    assert_eq!(
        ok(&root, &["validate"]),
        "ok: 3 meetings, 16 modification proposals, 4 actions, 23 people, 4 organisations, 5 principles\n"
    );
    // A second move is a second update; the first stays as it was.
    ok(&root, &["new", "meeting", "--date", "2016-08-18"]);
    let out = update(
        &root,
        "TSC07/02",
        "TSC_09_1608",
        &[
            "--note",
            "Circulated in draft.",
            "--status",
            "on-target",
            "--due",
            "2016-09-15",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!(
            "{}{MOVED_AT_TSC_08}\x20 - date: 2016-08-18\n    meeting: TSC_09_1608\n    \
             status: on-target\n    due: 2016-09-15\n    note: Circulated in draft.\n",
            TSC07_02_DUE.replace("status: open", "status: on-target")
        )
    );
    assert_eq!(
        csv_line(&root, "2016-08-17", "TSC07/02").split(',').nth(6),
        Some("2016-08-31")
    );
    assert_eq!(
        csv_line(&root, "2016-08-18", "TSC07/02").split(',').nth(6),
        Some("2016-09-15")
    );
}

#[test]
fn action_update_due_adds_no_line_between_a_comment_and_the_key_it_introduces() {
    let (_dir, root) = seed_with_a_due_date();
    let path = root.join("actions/TSC07-02.yaml");
    let commented = TSC07_02_DUE.replace(
        "status: open\n",
        "# Open until the Panel has seen the register.\nstatus: open\n",
    );
    std::fs::write(&path, &commented).unwrap();
    move_due(&root);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{commented}{MOVED_AT_TSC_08}")
    );
    // An action with no due date at all: nothing is written above
    // `status:` either (the old --due put `due:` between the comment and
    // `status:`).
    let path = root.join("actions/TSC07-04.yaml");
    let before = std::fs::read_to_string(&path).unwrap().replace(
        "status: open\n",
        "# Reviewed at every meeting.\nstatus: open\n",
    );
    std::fs::write(&path, &before).unwrap();
    let out = update(
        &root,
        "TSC07/04",
        "TSC_08_1607",
        &["--note", "Word versions requested.", "--due", "2016-08-01"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!(
            "{before}updates:\n  - date: 2016-07-21\n    meeting: TSC_08_1607\n    \
             due: 2016-08-01\n    note: Word versions requested.\n"
        )
    );
}

#[test]
fn show_tells_the_due_date_changes_in_the_actions_history() {
    let (_dir, root) = seed_with_a_due_date();
    move_due(&root);
    assert_eq!(
        ok(&root, &["show", "TSC07/02", "--as-of", "2016-07-22"]),
        "Action TSC07/02\n\
         ===============\n\
         Owner: SECAS\n\
         Action: Circulate the Panel risk register following the Panel meeting.\n\
         Raised: 2016-06-16 TSC_07_1606 under item 4 (TSC Risk Register)\n\
         Due: 2016-08-31\n\
         Status: Open\n\
         \n\
         Updates:\n\
         - 2016-07-21 at TSC_08_1607 item 1 (due date moved from 2016-07-14 to 2016-08-31): \
         Deferred until the Panel has met.\n"
    );
    let meeting = ok(&root, &["show", "TSC_08_1607"]);
    assert!(
        meeting.contains(
            "\n- TSC07/02 (SECAS, Open) under item 1 (due date moved from 2016-07-14 to \
             2016-08-31): Deferred until the Panel has met.\n"
        ),
        "{meeting}"
    );
}

#[test]
fn diff_and_log_tell_a_due_date_set_at_an_update_as_a_change() {
    let (_dir, repo, records) = records_repo(|records| {
        std::fs::write(records.join("actions/TSC07-02.yaml"), TSC07_02_DUE).unwrap();
    });
    let repo = repo.as_path();
    ok(&records, &["new", "meeting", "--date", "2016-07-21"]);
    move_due(&records);
    let line = "update TSC07/02 2016-07-21 at TSC_08_1607 item 1, due 2016-07-14 → 2016-08-31: \
                Deferred until the Panel has met.";
    assert_update_diff_and_log(
        repo,
        line,
        &serde_json::json!({
            "record": "action", "id": "TSC07/02", "change": "update", "date": "2016-07-21",
            "meeting": "TSC_08_1607", "agenda_item": 1, "due": "2016-08-31",
            "note": "Deferred until the Panel has met."
        }),
    );
    // Correcting the moved date is an edit of that update, worded with
    // what it was.
    edit(
        &records.join("actions/TSC07-02.yaml"),
        "    due: 2016-08-31",
        "    due: 2016-09-01",
    );
    let out = stdout(&tsc_in(repo, &["diff"]));
    assert!(
        out.contains(
            "      edited TSC07/02 update of 2016-07-21 at TSC_08_1607 item 1, due 2016-07-14 \
             → 2016-09-01 (due was: 2016-08-31): Deferred until the Panel has met.\n"
        ),
        "{out}"
    );
}

/// Runs `validate --format json`, which must fail, and returns each
/// finding's code and message.
fn findings(root: &Path) -> Vec<(String, String)> {
    let out = run(root, &["validate", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_due_date_an_update_sets_before_its_own_day_is_e0402() {
    let (_dir, root) = seed_with_a_due_date();
    move_due(&root);
    let path = root.join("actions/TSC07-02.yaml");
    edit(&path, "    due: 2016-08-31", "    due: 2016-07-20");
    assert_eq!(
        findings(&root),
        [(
            "E0402".to_owned(),
            "action TSC07/02 is due 2016-07-20 from its update of 2016-07-21, before the update \
             itself"
                .to_owned()
        )]
    );
    // An update dated before the raising (E0401) whose due date is too.
    edit(
        &path,
        "  - date: 2016-07-21\n    meeting: TSC_08_1607\n    agenda_item: 1\n",
        "  - date: 2016-06-01\n",
    );
    edit(&path, "    due: 2016-07-20", "    due: 2016-06-10");
    assert_eq!(
        findings(&root),
        [
            (
                "E0401".to_owned(),
                "action TSC07/02 is updated on 2016-06-01 but was raised on 2016-06-16".to_owned()
            ),
            (
                "E0402".to_owned(),
                "action TSC07/02 is due 2016-06-10 from its update of 2016-06-01 but was \
                 raised on 2016-06-16"
                    .to_owned()
            ),
        ]
    );
    // A write that would set such a date is refused and writes nothing.
    let (_dir, root) = seed_with_a_due_date();
    let path = root.join("actions/TSC07-02.yaml");
    let out = update(
        &root,
        "TSC07/02",
        "TSC_08_1607",
        &["--note", "Late.", "--due", "2016-07-01"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "error[E0402]: action TSC07/02 is due 2016-07-01 from its update of 2016-07-21, before \
             the update itself\n"
        ),
        "{err}"
    );
    assert!(
        err.ends_with(
            "tsc: nothing was written: the change to TSC07/02 would add 1 error to the records\n"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TSC07_02_DUE);
}

#[test]
fn the_action_schema_knows_an_updates_due_date() {
    let (_dir, root) = seed_with_a_due_date();
    move_due(&root);
    let check = |file: &Path| check_action_schema(&root, file);
    let action = root.join("actions/TSC07-02.yaml");
    let good = check(&action);
    assert!(good.status.success(), "{}", stdout(&good));
    edit(&action, "    due: 2016-08-31", "    due: end of August");
    let bad = check(&action);
    assert_eq!(bad.status.code(), Some(1), "{}", stdout(&bad));
    assert!(
        stdout(&bad).contains("$.updates[0].due"),
        "{}",
        stdout(&bad)
    );
}
