//! The second, fictional committee of `examples/review-panel`: it is not
//! the default committee, and uses every field of the format that other
//! committees need (stub meetings, legacy actions, attendance as minuted,
//! special meetings, items like `2a`, paragraphs, no interest levels).
//!
//! Its outputs are compared in full with `tests/snapshots/review-panel/`.
//! After a deliberate change, regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test review_panel` and review the diff.

mod common;

use std::path::{Path, PathBuf};

use common::{stderr, stdout, tsc};

fn panel() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/review-panel")
}

fn snapshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/review-panel")
}

/// Every command whose output is kept, with its snapshot's name. Dates
/// are fixed with `--as-of` so that "overdue" does not move.
const COMMANDS: &[(&str, &[&str])] = &[
    ("validate.txt", &["validate"]),
    ("validate.json", &["validate", "--format", "json"]),
    ("meetings.txt", &["meetings"]),
    ("meetings.json", &["meetings", "--format", "json"]),
    ("actions.txt", &["actions", "--as-of", "2014-10-01"]),
    (
        "actions.json",
        &["actions", "--as-of", "2014-10-01", "--format", "json"],
    ),
    ("mods.txt", &["mods"]),
    ("people.txt", &["people"]),
    ("organisations.txt", &["organisations"]),
    ("mods.json", &["mods", "--format", "json"]),
    ("minutes-PANEL_69_1409.md", &["minutes", "PANEL_69_1409"]),
    (
        "minutes-PANEL_69_1409.html",
        &["minutes", "PANEL_69_1409", "--format", "html"],
    ),
    ("minutes-PANELS_04_1409.md", &["minutes", "PANELS_04_1409"]),
    ("show-PANEL_69_1409.txt", &["show", "PANEL_69_1409"]),
    ("show-PANEL_68_1408.txt", &["show", "PANEL_68_1408"]),
    (
        "show-PA0112.txt",
        &["show", "PA0112", "--as-of", "2014-10-01"],
    ),
    ("show-DCP204.txt", &["show", "DCP204"]),
    ("show-DCP205.txt", &["show", "DCP205"]),
    ("report.md", &["report", "--as-of", "2014-10-01"]),
    (
        "report.html",
        &["report", "--as-of", "2014-10-01", "--format", "html"],
    ),
];

/// The output of `tsc --records examples/review-panel ARGS`, with the
/// records path written as `RECORDS`.
fn output(args: &[&str]) -> (i32, String) {
    let root = panel();
    let root_text = root.to_str().unwrap();
    let mut all = vec!["--records", root_text];
    all.extend_from_slice(args);
    let out = tsc(&all);
    let text = stdout(&out).replace(root_text, "RECORDS");
    (out.status.code().unwrap_or(-1), text)
}

/// Words and phrases of the default committee and of the seed records
/// that no output of another committee may contain.
const DEFAULT_COMMITTEE_WORDING: &[&str] = &[
    "TSC",
    "SEC",
    "SECMP",
    "SECAS",
    "Technical Sub-Committee",
    "Smart Energy",
    "TSC Members",
    "Other Participants",
    "Interest Level",
    "interest level",
    "Assessments",
    "principle",
];

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
}

fn has_default_wording(text: &str) -> Option<&'static str> {
    DEFAULT_COMMITTEE_WORDING.iter().copied().find(|w| {
        if w.contains(' ') {
            text.contains(w)
        } else {
            words(text).any(|word| word == *w || word.eq_ignore_ascii_case(&format!("{w}s")))
        }
    })
}

#[test]
fn the_panel_validates_with_only_the_two_expected_warnings() {
    let (code, text) = output(&["validate"]);
    assert_eq!(code, 0, "{text}");
    let codes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("warning["))
        .map(|l| &l[..5])
        .collect();
    assert_eq!(codes, ["W0605", "W0606"], "{text}");
    assert!(!text.contains("error["), "{text}");
    assert!(
        text.ends_with(
            "no errors, 2 warnings: 3 meetings, 2 modification proposals, 4 actions, 7 people, 5 organisations\n"
        ),
        "{text}"
    );
}

#[test]
fn outputs_match_their_snapshots_and_name_no_default_committee() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut differ = Vec::new();
    for (name, args) in COMMANDS {
        let (code, text) = output(args);
        assert_eq!(code, 0, "{name}: {text}");
        if let Some(word) = has_default_wording(&text) {
            panic!("{name} names `{word}`:\n{text}");
        }
        let path = snapshots().join(name);
        if update {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let expected =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if expected != text {
            differ.push(format!("{name}:\n{text}"));
        }
    }
    assert!(
        differ.is_empty(),
        "snapshots differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn minutes_of_a_stub_say_it_is_not_recorded() {
    let root = panel();
    let out = tsc(&[
        "--records",
        root.to_str().unwrap(),
        "minutes",
        "PANEL_68_1408",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "tsc: error: meeting `PANEL_68_1408` is not recorded (status: Not recorded): \
         its minutes are not kept in the records; Raised action PA0112; its minutes \
         were not transcribed.\n"
    );
}

#[test]
fn the_minutes_keep_the_attendance_as_minuted() {
    let (_, md) = output(&["minutes", "PANEL_69_1409"]);
    // No status word: the minutes never say draft or approved.
    assert!(
        md.starts_with("# Distribution Code Review Panel (DCRP) Minutes\n"),
        "{md}"
    );
    assert!(!md.contains("Status:"), "{md}");
    assert!(md.contains("**Meeting PANEL_69_1409**, meeting number 69, 11 September 2014"));
    // As recorded: one table in the file's order, with the columns used.
    let table = &md[md.find("| Name |").unwrap()..md.find("## Apologies").unwrap()];
    assert!(
        table.starts_with("| Name | Initials | Role | Organisation |\n"),
        "{table}"
    );
    let names: Vec<&str> = table
        .lines()
        .skip(2)
        .filter_map(|l| l.split(" | ").next())
        .map(|c| c.trim_start_matches("| "))
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        names,
        [
            "Colin Drummond",
            "Emma Fairley (remote)",
            "Garath Holt (Gareth Holt)",
            "Irene Jones",
            "Kamal Lee (part)",
        ]
    );
    assert!(md.contains("| Colin Drummond | CD | Deputy Chair, Chair | HGD |"));
    // The organisation written at the meeting, not the usual one (BSL).
    assert!(md.contains("| Irene Jones | IJ |  | ERA |"));
    // The capacity is kept.
    assert!(md.contains("| Kamal Lee (part) | KL | Presenter – DCP204 | NWP |"));
    // The usual chair's apologies keep her standing role.
    assert!(md.contains("| Ann Baxter | AB | Chair | NWP |"));
    assert!(md.contains("Initials: CD Colin Drummond; EF Emma Fairley;"));
    // Items in natural order, with their paragraphs; decisions led in by
    // the collective name.
    let items: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("## ") && l.contains(". "))
        .collect();
    assert_eq!(
        items,
        [
            "## 1. Apologies and declarations of interest",
            "## 2. Minutes and actions of the previous meeting",
            "## 2a. Matters arising",
            "## 3. DCP204 Voltage step-change reporting",
            "## 10. Any other business",
        ]
    );
    assert!(md.contains("Paragraphs: 1205, 1206, 1207"));
    assert!(md.contains("The Panel:\n\n- 1203 **NOTED** that action PA0112 remains open."));
    // Regression: a person owner was shown by ID (`emma-fairley`); minutes
    // name people, and organisations by their acronym, as minutes do.
    assert!(md.contains("> **ACTION PA0114:** Emma Fairley — Circulate the template review"));
}

#[test]
fn the_special_meeting_is_its_own_series_with_its_own_title() {
    let (_, md) = output(&["minutes", "PANELS_04_1409"]);
    assert!(
        md.starts_with("# Special Review Panel Draft Minutes\n"),
        "{md}"
    );
    let (_, json) = output(&["meetings", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = &json["rows"];
    let special = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "PANELS_04_1409")
        .unwrap();
    assert_eq!(special["number"], 4);
    assert_eq!(special["kind"], "special");
    assert_eq!(special["kind_label"], "Special Review Panel");
    let stub = &rows[0];
    assert_eq!(stub["id"], "PANEL_68_1408");
    assert_eq!(stub["date"], "2014-08");
    assert_eq!(stub["recorded"], false);
    assert_eq!(stub["status_label"], "Not recorded");
}

#[test]
fn the_legacy_action_lists_its_owner_as_not_recorded() {
    let (_, table) = output(&["actions", "--as-of", "2014-10-01"]);
    assert!(table.contains("| PA0112 | not recorded |"), "{table}");
    let (_, json) = output(&["actions", "--format", "json", "--as-of", "2014-10-01"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = &json["rows"];
    assert_eq!(rows[0]["id"], "PA0112");
    assert_eq!(rows[0]["owner"], serde_json::Value::Null);
    assert_eq!(rows[0]["agenda_item"], serde_json::Value::Null);
    assert_eq!(rows[2]["agenda_item"], "2a");
    assert_eq!(rows[2]["status"], "closed");
    assert_eq!(rows[2]["status_label"], "Closed");
    let (_, show) = output(&["show", "PA0112", "--as-of", "2014-10-01"]);
    assert!(show.contains("Owner: not recorded\n"), "{show}");
    assert!(
        show.contains("- 2014-09-11 at PANEL_69_1409 item 2 (paragraph 1203): Still outstanding.")
    );
}

#[test]
fn a_legacy_action_cannot_be_updated_before_the_month_its_stub_names() {
    let (_dir, root) = common::copy_tree(&panel());
    common::edit(
        &root.join("actions/PA0112.yaml"),
        "  - date: 2014-09-11\n    meeting: PANEL_69_1409",
        "  - date: 2014-07-31\n    meeting: PANEL_69_1409",
    );
    let out = tsc(&["--records", root.to_str().unwrap(), "validate"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "error[E0401]: action PA0112 is updated on 2014-07-31 but was raised in 2014-08"
        ),
        "{text}"
    );
    assert!(
        text.contains("raised at PANEL_68_1408 in 2014-08"),
        "{text}"
    );
}
