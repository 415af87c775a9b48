//! The foundation: the real minutes load, validate, and answer
//! `tsc actions --open`; broken references are reported with positions.

mod common;

use common::{copy_tree, edit, real_records, stdout, tsc, tsc_in};
use tsc::actions::{ActionQuery, query_actions};
use tsc::finding::Code;
use tsc::load::load;
use tsc::validate::validate;

#[test]
fn real_records_validate_cleanly_with_a_summary() {
    let out = tsc(&["validate", "--records", real_records().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out).trim(),
        "ok: 2 meetings, 16 modification proposals, 4 actions, 23 people, 4 organisations, 5 principles"
    );
}

#[test]
fn open_actions_are_the_four_from_the_minutes_all_owned_by_secas() {
    let loaded = load(&real_records()).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    let query = ActionQuery {
        open_only: true,
        ..ActionQuery::all(chrono::NaiveDate::from_ymd_opt(2016, 6, 17).unwrap())
    };
    let rows = query_actions(&tsc::index::Index::new(&loaded.records), &query);
    let ids: Vec<&str> = rows.iter().map(|r| r.id).collect();
    assert_eq!(ids, ["TSC07/01", "TSC07/02", "TSC07/03", "TSC07/04"]);
    assert!(rows.iter().all(|r| r.owner == Some("SECAS")));
    assert!(rows.iter().all(|r| r.meeting == "TSC_07_1606"));
    assert_eq!(rows[0].raised.unwrap().to_string(), "2016-06-16");
    let items: Vec<u32> = rows
        .iter()
        .map(|r| r.agenda_item.unwrap().as_integer().unwrap())
        .collect();
    assert_eq!(items, [2, 4, 5, 6]);
    assert!(
        rows[1]
            .text
            .contains("Circulate the Panel risk register following the Panel meeting")
    );
    assert!(
        rows[2]
            .text
            .contains("Add detail under each agreed TSC principle")
    );
    assert!(rows[3].text.contains("Attachments A, B and C"));
}

#[test]
fn actions_open_prints_a_table_that_fits_80_columns() {
    let out = tsc(&[
        "actions",
        "--open",
        "--width",
        "80",
        "--records",
        real_records().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for id in ["TSC07/01", "TSC07/02", "TSC07/03", "TSC07/04"] {
        assert!(text.contains(id), "{id} missing from\n{text}");
    }
    assert!(text.contains("SECAS"));
    // The raising meeting and its date share the "Raised" cell.
    assert_eq!(text.matches("TSC_07_1606").count(), 4, "{text}");
    assert_eq!(text.matches("2016-06-16").count(), 4, "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "line wider than 80: {line}");
    }
}

#[test]
fn the_meeting_carries_the_minutes_facts() {
    let loaded = load(&real_records()).unwrap();
    let meeting = &loaded
        .records
        .meetings
        .iter()
        .find(|m| m.record.id.value == "TSC_07_1606")
        .unwrap()
        .record;
    assert_eq!(meeting.number.as_ref().unwrap().value, 7);
    assert_eq!(meeting.known_date().unwrap().to_string(), "2016-06-16");
    assert_eq!(meeting.attendees.len(), 18);
    assert_eq!(meeting.apologies.len(), 3);
    assert_eq!(meeting.agenda.len(), 11);
    let chair = meeting
        .attendees
        .iter()
        .find(|a| a.role.as_ref().is_some_and(|r| r.value.0 == ["chair"]))
        .unwrap();
    assert_eq!(chair.person.value, "julian-hughes");
    let alternates: Vec<(&str, &str)> = meeting
        .attendees
        .iter()
        .filter_map(|a| {
            a.alternate_for
                .as_ref()
                .map(|f| (a.person.value.as_str(), f.value.as_str()))
        })
        .collect();
    assert_eq!(
        alternates,
        [
            ("david-speake", "rochelle-harrison"),
            ("paul-saker", "ashley-pocock")
        ]
    );
    let part: Vec<&str> = meeting
        .attendees
        .iter()
        .filter(|a| a.part)
        .map(|a| a.person.value.as_str())
        .collect();
    assert_eq!(
        part,
        [
            "alys-garrett",
            "kevin-atkin",
            "david-barber",
            "sarah-gratte"
        ]
    );
    let assessments = &meeting.agenda[5].assessments;
    assert_eq!(assessments.len(), 16);
    let high: Vec<&str> = assessments
        .iter()
        .filter(|a| a.interest.value == "high")
        .map(|a| a.modification.value.as_str())
        .collect();
    assert_eq!(high, ["SECMP0005", "SECMP0007", "SECMP0014"]);
    let secmp0014 = assessments
        .iter()
        .find(|a| a.modification.value == "SECMP0014")
        .unwrap();
    let misaligned: Vec<u32> = secmp0014
        .misaligned_principles
        .iter()
        .map(|p| p.value)
        .collect();
    assert_eq!(misaligned, [1, 3, 4]);
    let verbs: Vec<&str> = meeting.agenda[1]
        .decisions
        .iter()
        .map(|d| d.verb.value.as_str())
        .collect();
    assert_eq!(verbs, ["NOTED", "APPROVED"]);
}

#[test]
fn broken_references_are_all_reported_with_file_line_and_column() {
    let (_dir, copy) = copy_tree(&real_records());
    let action = copy.join("actions/TSC07-02.yaml");
    let (owner_line, owner_col) = edit(&action, "owner: SECAS", "owner: SECSA");
    let meeting = copy.join("meetings/TSC_07_1606.yaml");
    let (person_line, person_col) = edit(&meeting, "person: tim-boyle", "person: tim-doyle");

    let out = tsc(&["validate", "--records", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    common::assert_diagnostic(
        &text,
        "error[E0103]: unknown owner `SECSA`",
        &action,
        owner_line,
        owner_col + "owner: ".len(),
    );
    common::assert_diagnostic(
        &text,
        "error[E0101]: unknown person `tim-doyle`",
        &meeting,
        person_line,
        person_col + "person: ".len(),
    );
    assert!(text.contains("help: did you mean `SECAS`?"), "{text}");
    assert!(text.contains("help: did you mean `tim-boyle`?"), "{text}");
    assert!(text.trim_end().ends_with("2 errors: 2 meetings, 16 modification proposals, 4 actions, 23 people, 4 organisations, 5 principles"), "{text}");
}

#[test]
fn an_id_that_does_not_match_its_file_name_is_reported() {
    let (_dir, copy) = copy_tree(&real_records());
    let file = copy.join("modifications/SECMP0007.yaml");
    let (line, column) = edit(&file, "id: SECMP0007", "id: SECMP0070");
    let loaded = load(&copy).unwrap();
    let report = validate(&loaded);
    let mismatch: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::IdFileMismatch)
        .collect();
    assert_eq!(mismatch.len(), 1, "{:?}", report.findings);
    assert_eq!(mismatch[0].file, file);
    assert_eq!(mismatch[0].position.line as usize, line);
    assert_eq!(mismatch[0].position.column as usize, column + "id: ".len());
    assert!(mismatch[0].message.contains("SECMP0070"));
}

#[test]
fn records_directory_is_found_by_walking_up() {
    let (dir, copy) = copy_tree(&real_records());
    let nested = copy.join("meetings");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(["actions", "--open"])
        .env_remove("TSC_RECORDS")
        .current_dir(&nested)
        .output()
        .unwrap();
    // From inside records/meetings the nearest `records` ancestor is the copy.
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(stdout(&out).contains("TSC07/04"));
    drop(dir);
}

#[test]
fn inside_records_itself_the_records_are_found() {
    let (_dir, copy) = copy_tree(&real_records());
    let out = tsc_in(&copy, &["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert_eq!(
        stdout(&out),
        "ok: 2 meetings, 16 modification proposals, 4 actions, 23 people, 4 organisations, 5 principles\n"
    );
    // Findings are then named from where the user stands.
    edit(
        &copy.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: SECSA",
    );
    let out = tsc_in(&copy, &["validate"]);
    assert!(
        stdout(&out).contains(" --> ./actions/TSC07-02.yaml:5:8"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_stray_empty_records_directory_above_is_refused_as_with_records() {
    let top = tempfile::tempdir().unwrap();
    std::fs::create_dir(top.path().join("records")).unwrap();
    let below = top.path().join("notes");
    std::fs::create_dir(&below).unwrap();
    let out = tsc_in(&below, &["validate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let stray = top.path().join("records");
    assert_eq!(
        common::stderr(&out),
        format!(
            "tsc: error: {} (found above {}) holds none of tsc.yaml, people.yaml, \
             organisations.yaml, principles.yaml, meetings/, actions/ or modifications/, \
             so it is not a records directory; pass --records DIR or set TSC_RECORDS\n",
            stray.display(),
            below.display()
        )
    );
    let named = tsc(&["validate", "--records", stray.to_str().unwrap()]);
    assert_eq!(named.status.code(), Some(2));
}

#[test]
fn github_annotations_name_files_from_the_work_tree_root() {
    let top = tempfile::tempdir().unwrap();
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(top.path())
        .status()
        .expect("git runs");
    assert!(git.success());
    let records = top.path().join("records");
    common::copy_dir(&real_records(), &records);
    edit(
        &records.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: SECSA",
    );
    let docs = top.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let out = tsc_in(
        &docs,
        &["validate", "--records", "../records", "--format", "github"],
    );
    assert_eq!(out.status.code(), Some(1));
    let first = stdout(&out).lines().next().unwrap().to_owned();
    assert!(
        first.starts_with("::error file=records/actions/TSC07-02.yaml,line=5,col=8,"),
        "{first}"
    );
    // The human format keeps the path as given.
    let human = tsc_in(&docs, &["validate", "--records", "../records"]);
    assert!(stdout(&human).contains(" --> ../records/actions/TSC07-02.yaml:5:8"));
}

#[test]
fn missing_records_directory_is_a_usage_error() {
    let out = tsc(&["validate", "--records", "/nonexistent/records"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("does not exist"));
}

#[test]
fn a_directory_that_is_not_a_records_directory_is_a_usage_error() {
    let empty = tempfile::tempdir().unwrap();
    let out = tsc(&["validate", "--records", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("is not a records directory"));

    // The repository root instead of its records/: the error points there.
    let repo = real_records().parent().unwrap().to_path_buf();
    let out = tsc(&["actions", "--records", repo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let expected = format!("did you mean {}?", repo.join("records").display());
    assert!(
        common::stderr(&out).contains(&expected),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn a_record_that_does_not_load_is_reported_once_not_again_by_every_reference() {
    let (_dir, copy) = copy_tree(&real_records());
    let meeting = copy.join("meetings/TSC_07_1606.yaml");
    let (line, column) = edit(&meeting, "location:", "locaton:");
    let people = copy.join("people.yaml");
    edit(&people, "people:", "persons:");
    let report = validate(&load(&copy).unwrap());
    let found: Vec<(Code, &std::path::Path, u64, u64)> = report
        .findings
        .iter()
        .map(|f| (f.code, f.file.as_path(), f.position.line, f.position.column))
        .collect();
    // The actions and principles that name TSC_07_1606, and every person
    // reference, would each be "unknown" if the unread files were ignored.
    assert_eq!(
        found,
        [
            (
                Code::UnknownField,
                meeting.as_path(),
                line as u64,
                column as u64
            ),
            (Code::UnknownField, people.as_path(), 3, 1),
        ],
        "{:#?}",
        report.findings
    );
}

#[test]
fn value_errors_name_the_value_in_plain_words() {
    let (_dir, copy) = copy_tree(&common::minimal_example());
    let actions = copy.join("actions");
    edit(
        &actions.join("TSC01-01.yaml"),
        "due: 2024-02-01",
        "due: 2024-02-30",
    );
    edit(
        &actions.join("TSC01-02.yaml"),
        "agenda_item: 1",
        "agenda_item: one",
    );
    edit(
        &actions.join("TSC02-10.yaml"),
        "due: 2024-02-20",
        "due: 20-02-2024",
    );
    let report = validate(&load(&copy).unwrap());
    let messages: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`2024-02-30` is not a date that exists",
            "`one` is not an agenda item number",
            "`20-02-2024` is not a date written as YYYY-MM-DD",
        ]
    );
}

#[test]
fn validate_keeps_its_failing_status_when_the_reader_stops_early() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let (_dir, copy) = copy_tree(&common::minimal_example());
    let meeting = copy.join("meetings/TSC_01_2401.yaml");
    // Far more output than a pipe buffers: 600 unknown attendees.
    let many: String = (0..600)
        .map(|i| format!("  - person: nobody-{i}\n    category: member\n"))
        .collect();
    edit(&meeting, "attendees:\n", &format!("attendees:\n{many}"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(["validate", "--records", copy.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, like `tsc validate | head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(first.contains("E0101"), "{first}");
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    assert!(common::stderr(&out).is_empty(), "{}", common::stderr(&out));
}

#[test]
fn control_characters_in_records_never_reach_the_terminal() {
    let (_dir, copy) = copy_tree(&common::minimal_example());
    let actions = copy.join("actions");
    edit(
        &actions.join("TSC01-01.yaml"),
        "owner: SECAS",
        "owner: \"\\e[31mSECSA\"",
    );
    edit(
        &actions.join("TSC01-02.yaml"),
        "text: ",
        "text: \"\\e]0;pwned\\a\" # ",
    );
    let records = copy.to_str().unwrap();
    for args in [
        &["validate", "--records", records][..],
        &["show", "TSC01/02", "--records", records],
        &["actions", "--records", records],
    ] {
        let out = tsc(args);
        let text = stdout(&out);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text}"
        );
        assert!(text.contains("\\u{1b}"), "{args:?}: {text}");
    }
}

#[test]
fn owner_ids_that_differ_only_in_case_are_duplicates() {
    let (_dir, copy) = copy_tree(&common::minimal_example());
    let people = copy.join("people.yaml");
    edit(
        &people,
        "people:\n",
        "people:\n  - id: secas\n    name: Sec As\n",
    );
    let report = validate(&load(&copy).unwrap());
    let found: Vec<(Code, std::path::PathBuf, u64, u64)> = report
        .findings
        .iter()
        .map(|f| (f.code, f.file.clone(), f.position.line, f.position.column))
        .collect();
    assert_eq!(
        found,
        [(Code::DuplicateId, copy.join("organisations.yaml"), 3, 9)]
    );
    assert_eq!(report.findings[0].related[0].file, people);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_an_error_that_names_it() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(["actions", "--records", real_records().to_str().unwrap()])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("cannot write to standard output"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn dates_must_be_written_as_yyyy_mm_dd() {
    let (_dir, copy) = copy_tree(&common::minimal_example());
    let action = copy.join("actions/TSC01-02.yaml");
    let (line, column) = edit(&action, "due: 2024-03-01", "due: 2024-3-1");
    let quoted = copy.join("actions/TSC02-10.yaml");
    edit(&quoted, "due: 2024-02-20", "due: \"2024-02-20\"");
    let report = validate(&load(&copy).unwrap());
    let found: Vec<(Code, &std::path::Path, u64, u64, &str)> = report
        .findings
        .iter()
        .map(|f| {
            (
                f.code,
                f.file.as_path(),
                f.position.line,
                f.position.column,
                f.message.as_str(),
            )
        })
        .collect();
    // The quoted date is fine; the short one is not.
    assert_eq!(
        found,
        [(
            Code::InvalidValue,
            action.as_path(),
            line as u64,
            (column + "due: ".len()) as u64,
            "the date `2024-3-1` is not written as YYYY-MM-DD"
        )]
    );
}

#[test]
fn run_inside_records_actions_findings_are_named_from_there_as_with_staged() {
    // Trial: from records/actions, `validate` named findings by absolute
    // path while `validate --staged` said `../actions/...`.
    let (dir, copy) = copy_tree(&real_records());
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(status.status.success(), "{args:?}");
    };
    git(&["init", "-q"]);
    edit(
        &copy.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: SECSA",
    );
    git(&["add", "."]);
    let inside = copy.join("actions");
    for args in [&["validate"][..], &["validate", "--staged"][..]] {
        let out = tsc_in(&inside, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stdout(&out).contains(" --> ../actions/TSC07-02.yaml:5:8\n"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
}
