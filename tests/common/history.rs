//! Helpers for the tests of an action's history (`due_history.rs`,
//! `owner_history.rs`): runs on a copy of the records, the update that
//! changes the history, and what reads it.

use std::path::{Path, PathBuf};
use std::process::Output;

use super::{copy_dir, git, pytool, real_records, stderr, stdout, tsc, tsc_in};

/// Runs `tsc --records ROOT ARGS...`.
pub(crate) fn run(root: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--records", root.to_str().unwrap()];
    all.extend_from_slice(args);
    tsc(&all)
}

/// Runs a command that must succeed and returns its standard output.
pub(crate) fn ok(root: &Path, args: &[&str]) -> String {
    let out = run(root, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// `tsc action update ID --at MEETING REST...`.
pub(crate) fn update(root: &Path, id: &str, at: &str, rest: &[&str]) -> Output {
    let mut args = vec!["action", "update", id, "--at", at];
    args.extend_from_slice(rest);
    run(root, &args)
}

/// The CSV line of `id` in `tsc actions --as-of DATE --format csv`.
pub(crate) fn csv_line(root: &Path, date: &str, id: &str) -> String {
    ok(root, &["actions", "--as-of", date, "--format", "csv"])
        .lines()
        .find(|l| l.starts_with(&format!("{id},")))
        .unwrap_or_else(|| panic!("{id} not listed as of {date}"))
        .to_owned()
}

/// A git repository whose `records/` is a copy of the seed records, as
/// `prepare` leaves them, committed as "Import"; the repository's path
/// and its records' path.
pub(crate) fn records_repo(prepare: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().to_path_buf();
    let records = repo.join("records");
    copy_dir(&real_records(), &records);
    prepare(&records);
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "Import"]);
    (dir, repo, records)
}

/// Checks the action file `file` against `tsc schema action` of the
/// records at `root` with check-jsonschema.
pub(crate) fn check_action_schema(root: &Path, file: &Path) -> Output {
    let schema = root.join("../action.schema.json");
    std::fs::write(&schema, ok(root, &["schema", "action"])).unwrap();
    std::process::Command::new(pytool("check-jsonschema"))
        .arg("--schemafile")
        .arg(&schema)
        .arg(file)
        .output()
        .expect("check-jsonschema runs")
}

/// Asserts what `tsc diff` says in `repo` (its records' TSC07/02 given
/// one update at the new meeting TSC_08_1607 of 2016-07-21, not yet
/// committed): `line`, the update's words, and `json`, its JSON change;
/// then commits it, and asserts `tsc log TSC07/02` says `line` too.
pub(crate) fn assert_update_diff_and_log(repo: &Path, line: &str, json: &serde_json::Value) {
    let out = tsc_in(repo, &["diff"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "Actions\n      {line}\n\nMeetings\n       added TSC_08_1607 on 2016-07-21, draft\n\n\
             2 changes to 1 action and 1 meeting between HEAD and working tree\n"
        )
    );
    let doc: serde_json::Value =
        serde_json::from_str(&stdout(&tsc_in(repo, &["diff", "--format", "json"]))).unwrap();
    assert_eq!(&doc["changes"][0], json);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "Record TSC_08_1607"]);
    let log = stdout(&tsc_in(repo, &["log", "TSC07/02"]));
    assert!(log.contains(&format!("    {line}\n")), "{log}");
}
