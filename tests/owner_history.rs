//! Regression tests for "an action's owner has history": `tsc action
//! update` had no `--owner`, so reassigning an action meant hand-editing
//! its one `owner:` field, and the minutes of the meeting that raised it,
//! `--as-of` views and `tsc show` then named the new owner as if they had
//! always owned it (the new-user trial). Now an update carries `owner`,
//! the action's own `owner` stays the one given when it was raised, and
//! every output asks for the owner as of its own point in time
//! (`Action::owner_as_of`), as for the due date. Each test is named after
//! what went wrong and asserts exact output.

mod common;

use std::path::{Path, PathBuf};

use common::history::{
    assert_update_diff_and_log, check_action_schema, csv_line, ok, records_repo, run, update,
};
use common::{assert_diagnostic, copy_tree, edit, real_records, stderr, stdout, tsc_in};

/// TSC07/02 as the seed records it: raised at TSC_07_1606, owner SECAS.
const TSC07_02: &str = "# Action TSC07/02, raised at TSC_07_1606 under agenda item 4.\n\
    id: \"TSC07/02\"\n\
    meeting: TSC_07_1606\n\
    agenda_item: 4\n\
    owner: SECAS\n\
    text: >-\n  Circulate the Panel risk register following the Panel meeting.\n\
    status: open\n";

/// The lines `action update TSC07/02 --owner dcc` at TSC_08_1607 appends.
const REASSIGNED_AT_TSC_08: &str = "updates:\n\
    \x20 - date: 2016-07-21\n\
    \x20   meeting: TSC_08_1607\n\
    \x20   agenda_item: 1\n\
    \x20   owner: DCC\n\
    \x20   note: The DCC will circulate it.\n";

/// A copy of the seed records with TSC_08_1607 made for 2016-07-21.
fn seed_with_a_second_meeting() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = copy_tree(&real_records());
    assert_eq!(
        std::fs::read_to_string(root.join("actions/TSC07-02.yaml")).unwrap(),
        TSC07_02
    );
    ok(&root, &["new", "meeting", "--date", "2016-07-21"]);
    (dir, root)
}

/// Reassigns TSC07/02 from SECAS to the DCC at TSC_08_1607 (the owner
/// given in lower case, as a user types it); its output.
fn reassign(root: &Path) -> String {
    let out = update(
        root,
        "TSC07/02",
        "TSC_08_1607",
        &[
            "--item",
            "1",
            "--note",
            "The DCC will circulate it.",
            "--owner",
            "dcc",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn a_reassignment_at_a_later_meeting_no_longer_changes_the_earlier_minutes() {
    let (_dir, root) = seed_with_a_second_meeting();
    let before_md = ok(&root, &["minutes", "TSC_07_1606"]);
    let before_html = ok(&root, &["minutes", "TSC_07_1606", "--format", "html"]);
    assert!(
        before_md.contains(
            "\n> **ACTION TSC07/02:** SECAS — Circulate the Panel risk register following the \
             Panel meeting.\n"
        ),
        "{before_md}"
    );
    reassign(&root);
    // TSC_07_1606 gave the action to SECAS; the DCC only took it on at
    // TSC_08_1607: the earlier minutes are byte for byte what they were.
    assert_eq!(ok(&root, &["minutes", "TSC_07_1606"]), before_md);
    assert_eq!(
        ok(&root, &["minutes", "TSC_07_1606", "--format", "html"]),
        before_html
    );
    // The minutes of TSC_08_1607 name the new owner and say it changed
    // there, worded as a due-date move is.
    let later = ok(&root, &["minutes", "TSC_08_1607"]);
    assert!(
        later.contains(
            "\n| TSC07/02 | DCC | Circulate the Panel risk register following the Panel \
             meeting. | Open | The DCC will circulate it. (reassigned from SECAS to DCC) |\n"
        ),
        "{later}"
    );
    let html = ok(&root, &["minutes", "TSC_08_1607", "--format", "html"]);
    assert!(
        html.contains(
            "<tr><td>TSC07/02</td><td>DCC</td><td>Circulate the Panel risk register following \
             the Panel meeting.</td><td>Open</td><td>The DCC will circulate it. (reassigned \
             from SECAS to DCC)</td></tr>"
        ),
        "{html}"
    );
}

#[test]
fn the_minutes_name_a_person_reassigned_to_and_tell_a_due_date_moved_with_it() {
    let (_dir, root) = seed_with_a_second_meeting();
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
            "--owner",
            "alys-garrett",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let later = ok(&root, &["minutes", "TSC_08_1607"]);
    assert!(
        later.contains(
            "\n| TSC07/03 | Alys Garrett | Add detail under each agreed TSC principle. | Open | \
             Principles 1 to 4 done. (due date set to 2016-08-31; reassigned from SECAS to \
             Alys Garrett) |\n"
        ),
        "{later}"
    );
    // `owner:` follows `due:` on the update, as the fields are listed.
    assert!(
        std::fs::read_to_string(root.join("actions/TSC07-03.yaml"))
            .unwrap()
            .ends_with(
                "  - date: 2016-07-21\n    meeting: TSC_08_1607\n    agenda_item: 1\n    \
                 due: 2016-08-31\n    owner: alys-garrett\n    note: Principles 1 to 4 done.\n"
            )
    );
}

#[test]
fn actions_as_of_a_day_before_the_reassignment_name_the_old_owner() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    let row = |owner: &str| {
        format!(
            "TSC07/02,{owner},Circulate the Panel risk register following the Panel meeting.,\
             TSC_07_1606,2016-06-16,4,,open,Open,true,false,"
        )
    };
    assert_eq!(csv_line(&root, "2016-07-20", "TSC07/02"), row("SECAS"));
    assert_eq!(csv_line(&root, "2016-07-21", "TSC07/02"), row("DCC"));
    let json: serde_json::Value = serde_json::from_str(&ok(
        &root,
        &["actions", "--as-of", "2016-07-20", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["rows"][1]["id"], "TSC07/02");
    assert_eq!(json["rows"][1]["owner"], "SECAS");
}

/// The IDs `tsc actions --as-of DATE --owner OWNER` lists.
fn owned(root: &Path, date: &str, owner: &str) -> Vec<String> {
    ok(
        root,
        &[
            "actions", "--as-of", date, "--owner", owner, "--format", "csv",
        ],
    )
    .lines()
    .skip(1)
    .map(|l| l.split(',').next().unwrap().to_owned())
    .collect()
}

#[test]
fn the_owner_filter_reads_the_owner_as_of_the_day() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    assert_eq!(
        owned(&root, "2016-07-20", "SECAS"),
        ["TSC07/01", "TSC07/02", "TSC07/03", "TSC07/04"]
    );
    assert!(owned(&root, "2016-07-20", "DCC").is_empty());
    assert_eq!(
        owned(&root, "2016-07-21", "SECAS"),
        ["TSC07/01", "TSC07/03", "TSC07/04"]
    );
    assert_eq!(owned(&root, "2016-07-21", "DCC"), ["TSC07/02"]);
}

#[test]
fn report_as_of_a_day_groups_by_the_owner_then() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    let headings = |date: &str| -> Vec<String> {
        let report = ok(&root, &["report", "--as-of", date]);
        let open = &report[report.find("## Open actions").unwrap()..];
        let open = &open[..open.find("## Modification register").unwrap()];
        open.lines()
            .filter(|l| l.starts_with("### "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(headings("2016-07-20"), ["### SECAS"]);
    assert_eq!(headings("2016-07-21"), ["### DCC", "### SECAS"]);
}

#[test]
fn action_update_owner_writes_owner_on_the_new_update_and_keeps_the_actions_own_owner() {
    let (_dir, root) = seed_with_a_second_meeting();
    let path = root.join("actions/TSC07-02.yaml");
    assert_eq!(reassign(&root), format!("TSC07/02 {}\n", path.display()));
    // Only the update's lines are added, the owner spelled as the records
    // spell it; `owner: SECAS`, as raised, is kept byte for byte.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{TSC07_02}{REASSIGNED_AT_TSC_08}")
    );
    assert_eq!(
        ok(&root, &["validate"]),
        "ok: 3 meetings, 16 modification proposals, 4 actions, 23 people, 4 organisations, 5 principles\n"
    );
    // An unknown owner is refused as `action new --owner` refuses it, and
    // nothing is written.
    let out = update(
        &root,
        "TSC07/02",
        "TSC_08_1607",
        &["--note", "Back to SECAS.", "--owner", "SECSA"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), common::SECSA_REFUSED);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{TSC07_02}{REASSIGNED_AT_TSC_08}")
    );
}

#[test]
fn show_tells_the_reassignment_in_the_actions_history() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    assert_eq!(
        ok(&root, &["show", "TSC07/02", "--as-of", "2016-07-22"]),
        "Action TSC07/02\n\
         ===============\n\
         Owner: DCC\n\
         Action: Circulate the Panel risk register following the Panel meeting.\n\
         Raised: 2016-06-16 TSC_07_1606 under item 4 (TSC Risk Register)\n\
         Due: -\n\
         Status: Open\n\
         \n\
         Updates:\n\
         - 2016-07-21 at TSC_08_1607 item 1 (reassigned from SECAS to DCC): The DCC will \
         circulate it.\n"
    );
    let at = ok(&root, &["show", "TSC07/02", "--as-of", "2016-07-20"]);
    assert!(
        at.starts_with("Action TSC07/02\n===============\nOwner: SECAS\n"),
        "{at}"
    );
    let meeting = ok(&root, &["show", "TSC_08_1607"]);
    assert!(
        meeting.contains(
            "\n- TSC07/02 (DCC, Open) under item 1 (reassigned from SECAS to DCC): The DCC will \
             circulate it.\n"
        ),
        "{meeting}"
    );
    // The meeting that raised it raised it for SECAS.
    let raised = ok(&root, &["show", "TSC_07_1606"]);
    assert!(
        raised.contains(
            "\n- TSC07/02 (SECAS, Open): Circulate the Panel risk register following the Panel \
             meeting.\n"
        ),
        "{raised}"
    );
}

#[test]
fn diff_and_log_tell_a_reassignment_at_an_update_as_a_change() {
    let (_dir, repo, records) = records_repo(|_| {});
    let repo = repo.as_path();
    ok(&records, &["new", "meeting", "--date", "2016-07-21"]);
    reassign(&records);
    let line = "update TSC07/02 2016-07-21 at TSC_08_1607 item 1, owner SECAS → DCC: The DCC will \
                circulate it.";
    assert_update_diff_and_log(
        repo,
        line,
        &serde_json::json!({
            "record": "action", "id": "TSC07/02", "change": "update", "date": "2016-07-21",
            "meeting": "TSC_08_1607", "agenda_item": 1, "owner": "DCC",
            "note": "The DCC will circulate it."
        }),
    );
    // Correcting whom it went to is an edit of that update, worded with
    // whom it was.
    edit(
        &records.join("actions/TSC07-02.yaml"),
        "    owner: DCC",
        "    owner: matt-roderick",
    );
    let out = stdout(&tsc_in(repo, &["diff"]));
    assert!(
        out.contains(
            "      edited TSC07/02 update of 2016-07-21 at TSC_08_1607 item 1, owner SECAS → \
             matt-roderick (owner was: DCC): The DCC will circulate it.\n"
        ),
        "{out}"
    );
}

#[test]
fn an_unknown_owner_on_an_update_is_e0103_at_its_line_and_column() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    let path = root.join("actions/TSC07-02.yaml");
    let (line, column) = edit(&path, "DCC\n    note", "SECSA\n    note");
    assert_eq!((line, column), (13, 12));
    let out = run(&root, &["validate"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_diagnostic(&text, "error[E0103]: unknown owner `SECSA`", &path, 13, 12);
    assert!(
        text.contains("   = help: did you mean `SECAS`?\n"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "1 error: 3 meetings, 16 modification proposals, 4 actions, 23 people, 4 \
             organisations, 5 principles\n"
        ),
        "{text}"
    );
}

#[test]
fn people_count_an_action_with_its_owner_after_every_reassignment() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    let csv = ok(&root, &["organisations", "--format", "csv"]);
    let line = |id: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap_or_else(|| panic!("{id} not in {csv}"))
            .to_owned()
    };
    assert!(line("DCC").ends_with(",TSC07/02,1"), "{}", line("DCC"));
    assert!(
        line("SECAS").ends_with(",TSC07/01; TSC07/03; TSC07/04,3"),
        "{}",
        line("SECAS")
    );
}

#[test]
fn the_action_schema_knows_an_updates_owner() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    let check = |file: &Path| check_action_schema(&root, file);
    let action = root.join("actions/TSC07-02.yaml");
    let good = check(&action);
    assert!(good.status.success(), "{}", stdout(&good));
    edit(&action, "    owner: DCC", "    owner: [DCC, SECAS]");
    let bad = check(&action);
    assert_eq!(bad.status.code(), Some(1), "{}", stdout(&bad));
    assert!(
        stdout(&bad).contains("$.updates[0].owner"),
        "{}",
        stdout(&bad)
    );
}

#[test]
fn the_next_meetings_review_comment_names_the_owner_after_the_reassignment() {
    let (_dir, root) = seed_with_a_second_meeting();
    reassign(&root);
    ok(&root, &["new", "meeting", "--date", "2016-08-18"]);
    let draft = std::fs::read_to_string(root.join("meetings/TSC_09_1608.yaml")).unwrap();
    assert!(
        draft.contains(
            "\n    #   TSC07/02 (DCC): Circulate the Panel risk register following the Panel \
             meetin…\n"
        ),
        "{draft}"
    );
    assert!(
        draft.contains("\n    #   TSC07/03 (SECAS): Add detail under each agreed TSC principle.\n"),
        "{draft}"
    );
}
