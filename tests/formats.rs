//! Acceptance: a copy of the real records with five different faults in
//! four files gives the same five findings in one run in every format,
//! with exit status 1, and the JSON positions are right.

mod common;

use std::path::PathBuf;

use common::{copy_tree, edit, real_records, stdout, tsc};

struct Fault {
    code: &'static str,
    title: String,
    file: PathBuf,
    line: usize,
    column: usize,
    end_column: usize,
    help: &'static str,
}

/// Breaks the copy at `root` and returns the expected findings, in report
/// order (file, line, column).
fn break_records(root: &std::path::Path) -> Vec<Fault> {
    let owner_file = root.join("actions/TSC07-02.yaml");
    let (l1, c1) = edit(&owner_file, "owner: SECAS", "owner: SECSA");
    let field_file = root.join("actions/TSC07-03.yaml");
    let (l2, c2) = edit(&field_file, "owner: SECAS", "ownr: SECAS");
    let meeting = root.join("meetings/TSC_07_1606.yaml");
    let (l3, c3) = edit(&meeting, "start: \"10:00\"", "start: \"10.00\"");
    let (l4, c4) = edit(&meeting, "person: tim-boyle", "person: tim-doyle");
    let proposal = root.join("modifications/SECMP0005.yaml");
    let (l5, c5) = edit(&proposal, "phase: refinement", "phase: refinment");
    vec![
        Fault {
            code: "E0103",
            title: "error[E0103]: unknown owner `SECSA`".into(),
            file: owner_file,
            line: l1,
            column: c1 + "owner: ".len(),
            end_column: c1 + "owner: SECSA".len(),
            help: "did you mean `SECAS`?",
        },
        Fault {
            code: "E0011",
            title: "error[E0011]: unknown field `ownr`".into(),
            file: field_file,
            line: l2,
            column: c2,
            end_column: c2 + "ownr".len(),
            help: "did you mean `owner`?",
        },
        Fault {
            code: "E0010",
            title: "error[E0010]: `10.00` is not a time of day as HH:MM".into(),
            file: meeting.clone(),
            line: l3,
            column: c3 + "start: ".len(),
            end_column: c3 + "start: \"10.00\"".len(),
            help: "write the time as a quoted 24-hour HH:MM, for example \"10:00\"",
        },
        Fault {
            code: "E0101",
            title: "error[E0101]: unknown person `tim-doyle`".into(),
            file: meeting,
            line: l4,
            column: c4 + "person: ".len(),
            end_column: c4 + "person: tim-doyle".len(),
            help: "did you mean `tim-boyle`?",
        },
        Fault {
            code: "E0301",
            title: "error[E0301]: `refinment` is not an allowed modification phase".into(),
            file: proposal,
            line: l5,
            column: c5 + "phase: ".len(),
            end_column: c5 + "phase: refinment".len(),
            help: "did you mean `refinement`?",
        },
    ]
}

#[test]
fn five_faults_in_four_files_are_all_reported_in_every_format() {
    let (_dir, root) = copy_tree(&real_records());
    let faults = break_records(&root);
    let records = root.to_str().unwrap();

    let human = tsc(&["validate", "--records", records]);
    assert_eq!(human.status.code(), Some(1));
    let text = stdout(&human);
    for f in &faults {
        common::assert_diagnostic(&text, &f.title, &f.file, f.line, f.column);
    }
    assert_eq!(
        text.matches("\nerror[").count() + usize::from(text.starts_with("error[")),
        5,
        "{text}"
    );
    assert!(text.contains("5 errors: 1 meeting"), "{text}");

    let json = tsc(&["validate", "--format", "json", "--records", records]);
    assert_eq!(json.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], 5);
    assert_eq!(doc["warnings"], 0);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5, "{doc:#}");
    for (f, j) in faults.iter().zip(findings) {
        assert_eq!(j["code"], f.code);
        assert_eq!(j["severity"], "error");
        assert_eq!(j["file"], f.file.to_str().unwrap());
        assert_eq!(j["line"], f.line as u64, "{j}");
        assert_eq!(j["column"], f.column as u64, "{j}");
        assert_eq!(j["end_line"], f.line as u64, "{j}");
        assert_eq!(j["end_column"], f.end_column as u64, "{j}");
        assert!(j["help"].as_str().unwrap().starts_with(f.help), "{j}");
        assert_eq!(
            format!("error[{}]: {}", f.code, j["message"].as_str().unwrap()),
            f.title
        );
    }

    let github = tsc(&["validate", "--format", "github", "--records", records]);
    assert_eq!(github.status.code(), Some(1));
    let text = stdout(&github);
    let commands: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), 5, "{text}");
    for (f, line) in faults.iter().zip(&commands) {
        let expected = format!(
            "::error file={},line={},col={},endLine={},endColumn={},title={} ",
            f.file.display(),
            f.line,
            f.column,
            f.line,
            f.end_column - 1,
            f.code
        );
        assert!(
            line.starts_with(&expected),
            "{line}\ndoes not start with\n{expected}"
        );
        assert!(line.contains("%0Ahelp: "), "{line}");
        assert!(!line.contains('\n'));
    }
}

#[test]
fn github_messages_escape_percent_and_newlines() {
    let (_dir, root) = copy_tree(&real_records());
    edit(
        &root.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: \"50%,x\"",
    );
    let out = tsc(&[
        "validate",
        "--format",
        "github",
        "--records",
        root.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    let line = text.lines().find(|l| l.starts_with("::error")).unwrap();
    assert!(
        line.contains("::unknown owner `50%25,x`%0Ahelp: "),
        "{line}"
    );
    assert!(line.contains("title=E0103 unknown-owner::"), "{line}");
}

#[test]
fn colour_follows_the_color_flag() {
    let (_dir, root) = copy_tree(&real_records());
    edit(
        &root.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: SECSA",
    );
    let records = root.to_str().unwrap();
    let plain = tsc(&["validate", "--records", records]);
    assert!(
        !stdout(&plain).contains('\x1b'),
        "NO_COLOR and a pipe mean no colour"
    );
    let always = tsc(&["validate", "--color", "always", "--records", records]);
    assert!(stdout(&always).contains("\x1b["), "{}", stdout(&always));
    assert_eq!(always.status.code(), Some(1));
}

/// Runs `tsc` (output piped) with exactly these colour variables set.
fn tsc_with_env(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_tsc"));
    command.args(args).env_remove("TSC_RECORDS");
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        command.env_remove(var);
    }
    command.envs(env.iter().copied());
    stdout(&command.output().expect("tsc runs"))
}

#[test]
fn one_colour_decision_for_listings_and_validate() {
    let (_dir, root) = copy_tree(&real_records());
    edit(
        &root.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: SECSA",
    );
    let records = root.to_str().unwrap();
    let bold_header = "| \u{1b}[1mDate\u{1b}[0m ";
    for args in [
        vec!["--records", records, "meetings"],
        vec!["--records", records, "validate"],
    ] {
        let styled = |env: &[(&str, &str)]| tsc_with_env(&args, env).contains('\u{1b}');
        // Piped: plain, unless forced.
        assert!(!styled(&[]), "{args:?}");
        assert!(styled(&[("CLICOLOR_FORCE", "1")]), "{args:?}");
        assert!(
            !styled(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
            "{args:?}"
        );
        assert!(!styled(&[("CLICOLOR", "0")]), "{args:?}");
        let mut always = args.clone();
        always.extend(["--color", "always"]);
        assert!(tsc_with_env(&always, &[("NO_COLOR", "1")]).contains('\u{1b}'));
        let mut never = args.clone();
        never.extend(["--color", "never"]);
        assert!(!tsc_with_env(&never, &[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    }
    let forced = tsc_with_env(
        &["--records", records, "meetings"],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(
        forced.lines().nth(1).unwrap().starts_with(bold_header),
        "{forced}"
    );
}

#[test]
fn csv_with_bom_starts_with_the_utf8_mark_and_keeps_accents() {
    let (_dir, root) = copy_tree(&real_records());
    edit(
        &root.join("people.yaml"),
        "name: Julian Hughes",
        "name: Zoë Müller – résumé",
    );
    let records = root.to_str().unwrap();
    let out = tsc(&["--records", records, "people", "--format", "csv", "--bom"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(
        out.stdout.starts_with(b"\xEF\xBB\xBFid,name,"),
        "{:?}",
        &out.stdout[..12]
    );
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    assert!(text.contains(",Zoë Müller – résumé,"), "{text}");
    let plain = tsc(&["--records", records, "people", "--format", "csv"]);
    assert!(plain.stdout.starts_with(b"id,name,"));
    let refused = tsc(&["--records", records, "people", "--bom"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        common::stderr(&refused),
        "tsc: error: --bom is for --format csv only\n"
    );
}
