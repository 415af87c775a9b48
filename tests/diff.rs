//! `tsc diff` and `tsc log` in a temporary git repository holding a copy
//! of `records/`: the acceptance scenario of the issue (close TSC07/01
//! with an update, raise an action, raise SECMP0007's interest at a new
//! meeting, rename a person) in every format, a record's history across
//! a `git mv`, an unparsable record in a revision, `--staged` and
//! `--exit-code`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{copy_dir, edit, real_records, stderr, stdout};
use serde_json::Value;

/// Runs git in `dir` with a fixed identity and no user configuration.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Ada Secretary")
        .env("GIT_AUTHOR_EMAIL", "ada@example.org")
        .env("GIT_COMMITTER_NAME", "Ada Secretary")
        .env("GIT_COMMITTER_EMAIL", "ada@example.org")
        .env("GIT_AUTHOR_DATE", "2016-08-12T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2016-08-12T10:00:00Z")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Runs `tsc` in `dir` (no colour, no `TSC_RECORDS`).
fn tsc_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(args)
        .current_dir(dir)
        .env_remove("TSC_RECORDS")
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("the tsc binary runs")
}

/// `tsc ARGS` in `dir`, which must exit 0; its standard output.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = tsc_in(dir, args);
    assert_eq!(out.status.code(), Some(0), "tsc {args:?}: {}", stderr(&out));
    stdout(&out)
}

const MEETING_8: &str = "\
id: TSC_08_1607
number: 8
date: 2016-07-14
status: draft
agenda:
  - number: 1
    title: Modification Development Update
    assessments:
      - modification: SECMP0007
        interest: medium
";

const MEETING_9: &str = "\
id: TSC_09_1608
number: 9
date: 2016-08-11
status: draft
agenda:
  - number: 1
    title: Modification Development Update
";

const ACTION_9_1: &str = "\
id: \"TSC09/01\"
meeting: TSC_09_1608
agenda_item: 1
owner: SECAS
text: Circulate the revised assessment of SECMP0007 to TSC members.
due: 2016-09-08
status: open
";

const CLOSING_NOTE: &str = "SECAS amended the consultant resource levels as recommended.";

/// A repository with three commits: the real records; two draft meetings
/// (TSC_08_1607 assessing SECMP0007 at Medium, TSC_09_1608 with no
/// assessment yet); then the change of the acceptance scenario.
fn scenario() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().to_path_buf();
    let records = repo.join("records");
    copy_dir(&real_records(), &records);
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "."]);
    git(
        &repo,
        &["commit", "-q", "-m", "Import the records of TSC_07_1606"],
    );
    fs::write(records.join("meetings/TSC_08_1607.yaml"), MEETING_8).unwrap();
    fs::write(records.join("meetings/TSC_09_1608.yaml"), MEETING_9).unwrap();
    git(&repo, &["add", "."]);
    git(
        &repo,
        &["commit", "-q", "-m", "Draft TSC_08_1607 and TSC_09_1608"],
    );

    // The change: close TSC07/01 with an update, raise TSC09/01, raise
    // SECMP0007's interest at TSC_09_1608, rename Julian Hughes.
    let action = records.join("actions/TSC07-01.yaml");
    edit(&action, "status: open", "status: closed");
    let mut text = fs::read_to_string(&action).unwrap();
    text.push_str(&format!(
        "closed: 2016-08-11\nupdates:\n  - date: 2016-08-11\n    meeting: TSC_09_1608\n    \
         agenda_item: 1\n    status: closed\n    note: {CLOSING_NOTE}\n"
    ));
    fs::write(&action, text).unwrap();
    fs::write(records.join("actions/TSC09-01.yaml"), ACTION_9_1).unwrap();
    let meeting = records.join("meetings/TSC_09_1608.yaml");
    let mut text = fs::read_to_string(&meeting).unwrap();
    text.push_str("    assessments:\n      - modification: SECMP0007\n        interest: high\n");
    fs::write(&meeting, text).unwrap();
    edit(
        &records.join("people.yaml"),
        "name: Julian Hughes",
        "name: Julian R. Hughes",
    );
    let valid = ok(&repo, &["validate"]);
    assert!(valid.starts_with("ok: 4 meetings"), "{valid}");
    git(&repo, &["add", "."]);
    git(
        &repo,
        &[
            "commit",
            "-q",
            "-m",
            "Close TSC07/01, raise TSC09/01, assess SECMP0007",
        ],
    );
    (dir, repo)
}

const CLOSED_LINE: &str = "      closed TSC07/01 on 2016-08-11 (Open → Closed) at TSC_09_1608 item 1: \
                           SECAS amended the consultant resource levels as recommended.";

#[test]
fn the_four_changes_in_the_human_format() {
    let (_dir, repo) = scenario();
    let text = ok(&repo, &["diff", "HEAD~1", "HEAD"]);
    let expected = format!(
        "Actions\n{CLOSED_LINE}\n      raised TSC09/01 at TSC_09_1608, owner SECAS, due \
         2016-09-08: Circulate the revised assessment of SECMP0007 to TSC members.\n\n\
         Modification proposals\n    interest SECMP0007 Medium → High at TSC_09_1608\n\n\
         People\n     renamed julian-hughes Julian Hughes → Julian R. Hughes\n\n\
         4 changes to 2 actions, 1 modification proposal and 1 person between HEAD~1 and HEAD\n"
    );
    assert_eq!(text, expected);
    // Coloured on request: the verbs are green for raised, red for closed.
    let coloured = ok(&repo, &["diff", "HEAD~1", "HEAD", "--color", "always"]);
    assert!(
        coloured.contains("\u{1b}[1m\u{1b}[32m      raised"),
        "{coloured}"
    );
    assert!(
        coloured.contains("\u{1b}[1m\u{1b}[31m      closed"),
        "{coloured}"
    );
}

#[test]
fn the_four_changes_in_markdown() {
    let (_dir, repo) = scenario();
    let text = ok(&repo, &["diff", "HEAD~1", "HEAD", "--format", "markdown"]);
    let expected = format!(
        "## Changes to the records: HEAD~1 → HEAD\n\n**Actions**\n\n\
         - **closed** TSC07/01 on 2016-08-11 (Open → Closed) at TSC_09_1608 item 1: {CLOSING_NOTE}\n\
         - **raised** TSC09/01 at TSC_09_1608, owner SECAS, due 2016-09-08: Circulate the \
         revised assessment of SECMP0007 to TSC members.\n\n\
         **Modification proposals**\n\n- **interest** SECMP0007 Medium → High at TSC_09_1608\n\n\
         **People**\n\n- **renamed** julian-hughes Julian Hughes → Julian R. Hughes\n\n\
         4 changes to 2 actions, 1 modification proposal and 1 person.\n"
    );
    assert_eq!(text, expected);
}

#[test]
fn the_four_changes_in_json_field_by_field() {
    let (_dir, repo) = scenario();
    let text = ok(&repo, &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["from"], "HEAD~1");
    assert_eq!(doc["to"], "HEAD");
    assert_eq!(
        doc["summary"],
        "4 changes to 2 actions, 1 modification proposal and 1 person"
    );
    let changes = doc["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 4, "{text}");

    let closed = changes[0].as_object().unwrap();
    assert_eq!(closed.len(), 7, "{closed:?}");
    assert_eq!(closed["record"], "action");
    assert_eq!(closed["id"], "TSC07/01");
    assert_eq!(closed["change"], "closed");
    assert_eq!(closed["from"], "Open");
    assert_eq!(closed["to"], "Closed");
    assert_eq!(closed["date"], "2016-08-11");
    let update = closed["update"].as_object().unwrap();
    assert_eq!(update.len(), 5);
    assert_eq!(update["date"], "2016-08-11");
    assert_eq!(update["meeting"], "TSC_09_1608");
    assert_eq!(update["agenda_item"], 1);
    assert_eq!(update["status"], "Closed");
    assert_eq!(update["note"], CLOSING_NOTE);

    let raised = changes[1].as_object().unwrap();
    assert_eq!(raised.len(), 7, "{raised:?}");
    assert_eq!(raised["record"], "action");
    assert_eq!(raised["id"], "TSC09/01");
    assert_eq!(raised["change"], "raised");
    assert_eq!(raised["meeting"], "TSC_09_1608");
    assert_eq!(raised["owner"], "SECAS");
    assert_eq!(raised["due"], "2016-09-08");
    assert_eq!(
        raised["text"],
        "Circulate the revised assessment of SECMP0007 to TSC members."
    );

    let interest = changes[2].as_object().unwrap();
    assert_eq!(interest.len(), 6, "{interest:?}");
    assert_eq!(interest["record"], "modification");
    assert_eq!(interest["id"], "SECMP0007");
    assert_eq!(interest["change"], "interest");
    assert_eq!(interest["from"], "Medium");
    assert_eq!(interest["to"], "High");
    assert_eq!(interest["meeting"], "TSC_09_1608");

    let renamed = changes[3].as_object().unwrap();
    assert_eq!(renamed.len(), 5, "{renamed:?}");
    assert_eq!(renamed["record"], "person");
    assert_eq!(renamed["id"], "julian-hughes");
    assert_eq!(renamed["change"], "renamed");
    assert_eq!(renamed["from"], "Julian Hughes");
    assert_eq!(renamed["to"], "Julian R. Hughes");
}

#[test]
fn new_meetings_are_changes_of_their_own() {
    let (_dir, repo) = scenario();
    let text = ok(&repo, &["diff", "HEAD~2", "HEAD~1"]);
    assert_eq!(
        text,
        "Modification proposals\n    interest SECMP0007 High → Medium at TSC_08_1607\n\n\
         Meetings\n       added TSC_08_1607 on 2016-07-14, draft\n       \
         added TSC_09_1608 on 2016-08-11, draft\n\n\
         3 changes to 1 modification proposal and 2 meetings between HEAD~2 and HEAD~1\n"
    );
}

#[test]
fn log_shows_both_commits_of_an_action_newest_first() {
    let (_dir, repo) = scenario();
    let text = ok(&repo, &["log", "TSC07/01"]);
    let short = |rev: &str| git(&repo, &["rev-parse", "--short", rev]).trim().to_owned();
    let expected = format!(
        "2016-08-12  Ada Secretary  {}  Close TSC07/01, raise TSC09/01, assess SECMP0007\n\
         {CLOSED_LINE}\n\n\
         2016-08-12  Ada Secretary  {}  Import the records of TSC_07_1606\n      \
         raised TSC07/01 at TSC_07_1606, owner SECAS: Amend the levels of consultant resource \
         allocated under the TSC Work Package July – September 2016 with the recommendation \
         from the TSC to the SECCo Board.\n",
        short("HEAD"),
        short("HEAD~2")
    );
    assert_eq!(text, expected);
}

#[test]
fn log_follows_a_git_mv() {
    let (_dir, repo) = scenario();
    fs::create_dir_all(repo.join("records/actions/2016")).unwrap();
    git(
        &repo,
        &[
            "mv",
            "records/actions/TSC07-01.yaml",
            "records/actions/2016/TSC07-01.yaml",
        ],
    );
    git(
        &repo,
        &["commit", "-q", "-m", "File the 2016 actions by year"],
    );
    let text = ok(&repo, &["log", "TSC07/01"]);
    let heads: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("2016-"))
        .map(|l| l.rsplit("  ").next().unwrap())
        .collect();
    assert_eq!(
        heads,
        [
            "File the 2016 actions by year",
            "Close TSC07/01, raise TSC09/01, assess SECMP0007",
            "Import the records of TSC_07_1606"
        ],
        "{text}"
    );
    assert!(
        text.contains(
            "       moved records/actions/TSC07-01.yaml → records/actions/2016/TSC07-01.yaml\n"
        ),
        "{text}"
    );
    assert!(text.contains(CLOSED_LINE), "{text}");
    // The move itself changes nothing in meaning.
    let json: Value =
        serde_json::from_str(&ok(&repo, &["log", "TSC07/01", "--format", "json"])).unwrap();
    let commits = json["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 3);
    assert_eq!(commits[0]["moved_from"], "records/actions/TSC07-01.yaml");
    assert_eq!(commits[0]["changes"].as_array().unwrap().len(), 0);
    assert_eq!(commits[1]["changes"][0]["change"], "closed");
    assert_eq!(commits[2]["changes"][0]["change"], "raised");
}

#[test]
fn an_unparsable_record_is_reported_with_revision_and_path() {
    let (_dir, repo) = scenario();
    let file = repo.join("records/actions/TSC07-02.yaml");
    edit(&file, "owner: ", "owner: [");
    git(&repo, &["commit", "-q", "-am", "Break TSC07/02"]);
    let out = tsc_in(&repo, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Records that did not load\n  unreadable records/actions/TSC07-02.yaml"),
        "{text}"
    );
    assert!(text.contains(" at HEAD: "), "{text}");
    // Not also reported as a removed action.
    assert!(!text.contains("removed"), "{text}");
    assert!(
        text.ends_with("1 change to 1 unreadable file between HEAD~1 and HEAD\n"),
        "{text}"
    );
    let doc: Value =
        serde_json::from_str(&ok(&repo, &["diff", "HEAD~1", "HEAD", "--format", "json"])).unwrap();
    let change = &doc["changes"][0];
    assert_eq!(change["record"], "unreadable");
    assert_eq!(change["change"], "unreadable");
    assert_eq!(change["revision"], "HEAD");
    assert_eq!(change["id"], "records/actions/TSC07-02.yaml");
    assert!(
        change["path"]
            .as_str()
            .unwrap()
            .starts_with("records/actions/TSC07-02.yaml"),
        "{change}"
    );
    assert!(!change["message"].as_str().unwrap().is_empty());
    // Mending it is reported as the failure at the old side.
    git(&repo, &["revert", "--no-edit", "HEAD"]);
    let text = ok(&repo, &["diff", "HEAD~1", "HEAD"]);
    assert!(text.contains(" at HEAD~1: "), "{text}");
}

#[test]
fn staged_compares_the_index_and_touches_neither_index_nor_work_tree() {
    let (_dir, repo) = scenario();
    let index = repo.join(".git/index");
    edit(
        &repo.join("records/actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: DCC",
    );
    git(&repo, &["add", "records/actions/TSC07-02.yaml"]);
    // An unstaged edit on top: only the working-tree diff sees it.
    edit(
        &repo.join("records/people.yaml"),
        "name: David Speake",
        "name: David J. Speake",
    );
    let index_before = fs::read(&index).unwrap();
    let mtime = fs::metadata(&index).unwrap().modified().unwrap();
    let staged = ok(&repo, &["diff", "--staged"]);
    assert_eq!(
        staged,
        "Actions\n       owner TSC07/02 SECAS → DCC\n\n\
         1 change to 1 action between HEAD and index\n"
    );
    let worktree = ok(&repo, &["diff"]);
    assert!(
        worktree.contains("owner TSC07/02 SECAS → DCC"),
        "{worktree}"
    );
    assert!(
        worktree.contains("renamed david-speake David Speake → David J. Speake"),
        "{worktree}"
    );
    assert!(
        worktree.ends_with("2 changes to 1 action and 1 person between HEAD and working tree\n")
    );
    assert_eq!(fs::read(&index).unwrap(), index_before);
    assert_eq!(fs::metadata(&index).unwrap().modified().unwrap(), mtime);
}

#[test]
fn exit_code_is_one_only_when_something_changed() {
    let (_dir, repo) = scenario();
    let status = |args: &[&str]| tsc_in(&repo, args).status.code();
    assert_eq!(status(&["diff", "HEAD~1", "HEAD", "--exit-code"]), Some(1));
    assert_eq!(status(&["diff", "HEAD~1", "HEAD"]), Some(0));
    assert_eq!(status(&["diff", "HEAD", "HEAD", "--exit-code"]), Some(0));
    assert_eq!(
        ok(&repo, &["diff", "--exit-code"]),
        "no changes between HEAD and working tree\n"
    );
    // A revision that does not exist is a usage error naming it.
    let out = tsc_in(&repo, &["diff", "no-such-branch", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-branch"), "{}", stderr(&out));
}

#[test]
fn record_text_makes_no_markdown_headings_links_or_fences() {
    let (_dir, repo) = scenario();
    edit(
        &repo.join("records/actions/TSC07-02.yaml"),
        "  Circulate the Panel risk register following the Panel meeting.",
        "  # Owned [here](http://evil.example) <b>x</b>\n\n  ```\n\n  - item",
    );
    let text = ok(&repo, &["diff", "--format", "markdown"]);
    use pulldown_cmark::{Event, Parser, Tag};
    let mut headings = 0;
    for event in Parser::new(&text) {
        match event {
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => {
                panic!("record text made markup: {text}")
            }
            Event::Html(_) | Event::InlineHtml(_) => panic!("record text made HTML: {text}"),
            _ => {}
        }
    }
    assert_eq!(headings, 1, "{text}");
    assert!(
        text.contains("**text** TSC07/02 is now: \\# Owned \\[here\\]"),
        "{text}"
    );
}

/// Every file of `records/` as `(path inside it, bytes)`.
fn real_files() -> Vec<(PathBuf, Vec<u8>)> {
    let root = real_records();
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let relative = path.strip_prefix(&root).unwrap().to_path_buf();
                files.push((relative, fs::read(&path).unwrap()));
            }
        }
    }
    files
}

/// `files` with `from` replaced by `to` in the file `path`.
fn changed(
    files: &[(PathBuf, Vec<u8>)],
    path: &str,
    from: &str,
    to: &str,
) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = files.to_vec();
    let file = files
        .iter_mut()
        .find(|(p, _)| p == Path::new(path))
        .unwrap_or_else(|| panic!("no {path}"));
    let text = String::from_utf8(file.1.clone()).unwrap();
    assert!(text.contains(from), "{from:?} not in {path}");
    file.1 = text.replacen(from, to, 1).into_bytes();
    files
}

/// The plain lines of the diff between two in-memory trees.
fn lines(old: &[(PathBuf, Vec<u8>)], new: &[(PathBuf, Vec<u8>)]) -> Vec<String> {
    use tsc::diff::{Side, diff};
    use tsc::load::load_in_memory;
    let (a, b) = (
        load_in_memory(Path::new("records"), old),
        load_in_memory(Path::new("records"), new),
    );
    assert!(
        a.findings.is_empty() && b.findings.is_empty(),
        "{:?}",
        b.findings
    );
    let side = |revision, loaded| Side { revision, loaded };
    diff(side("A", &a), side("B", &b))
        .changes
        .iter()
        .map(tsc::diff::Change::plain)
        .collect()
}

const TSC07_02: &str = "actions/TSC07-02.yaml";

/// Regression: editing the note of an action's first update was shown as
/// two new updates (the edited one and the unchanged one after it), and
/// deleting an update showed "no changes", so a pull request that rewrote
/// an action's history looked clean.
#[test]
fn edited_and_deleted_updates_are_shown_as_such() {
    let base = changed(
        &real_files(),
        TSC07_02,
        "status: open",
        "status: open\nupdates:\n  - date: 2016-06-16\n    meeting: TSC_07_1606\n    note: Chased, awaiting Panel.\n  - date: 2016-07-21\n    note: Panel meets on 17th.",
    );
    let edited = changed(
        &base,
        TSC07_02,
        "Chased, awaiting",
        "Chased, still awaiting",
    );
    assert_eq!(
        lines(&base, &edited),
        [
            "edited TSC07/02 update of 2016-06-16 at TSC_07_1606: Chased, still awaiting Panel. (was: Chased, awaiting Panel.)"
        ]
    );
    let deleted = changed(
        &base,
        TSC07_02,
        "  - date: 2016-07-21\n    note: Panel meets on 17th.",
        "",
    );
    assert_eq!(
        lines(&base, &deleted),
        ["deleted TSC07/02 update of 2016-07-21: Panel meets on 17th."]
    );
    // Added at the end, as before.
    assert_eq!(
        lines(&deleted, &base),
        ["update TSC07/02 2016-07-21: Panel meets on 17th."]
    );
}

#[test]
fn action_changes_follow_the_status_flags_not_their_ids() {
    let base = real_files();
    let one = |path: &str, from: &str, to: &str| lines(&base, &changed(&base, path, from, to));
    assert_eq!(
        one(TSC07_02, "status: open", "status: on-target"),
        ["status TSC07/02 Open → On target"]
    );
    assert_eq!(
        one(
            TSC07_02,
            "status: open",
            "status: withdrawn\nclosed: 2016-07-01"
        ),
        ["withdrawn TSC07/02 on 2016-07-01 (Open → Withdrawn)"]
    );
    assert_eq!(
        one(TSC07_02, "owner: SECAS", "owner: DCC\ndue: 2016-07-14"),
        [
            "owner TSC07/02 SECAS → DCC",
            "due TSC07/02 none → 2016-07-14"
        ]
    );
    assert_eq!(
        one(
            TSC07_02,
            "status: open",
            "status: open\nupdates:\n  - date: 2016-07-01\n    note: Waiting for the Panel."
        ),
        ["update TSC07/02 2016-07-01: Waiting for the Panel."]
    );
    assert_eq!(
        one(TSC07_02, "  Circulate the Panel", "  Send the Panel"),
        ["text TSC07/02 is now: Send the Panel risk register following the Panel meeting."]
    );
    // Reopened: closed on one side, open on the other.
    let closed = changed(
        &base,
        TSC07_02,
        "status: open",
        "status: closed\nclosed: 2016-07-01",
    );
    assert_eq!(lines(&closed, &base), ["reopened TSC07/02 (Closed → Open)"]);
    // A committee that calls its statuses `live` and `dropped` and says what
    // they mean with the flags gets the same words.
    let renamed = |files: &[(PathBuf, Vec<u8>)]| {
        let files = changed(files, "tsc.yaml", "- id: open\n", "- id: live\n");
        changed(&files, "tsc.yaml", "- id: withdrawn\n", "- id: dropped\n")
    };
    let live = renamed(&changed(&base, TSC07_02, "status: open", "status: live"));
    let dropped = changed(
        &live,
        TSC07_02,
        "status: live",
        "status: dropped\nclosed: 2016-07-01",
    );
    assert_eq!(
        lines(&live, &dropped),
        ["withdrawn TSC07/02 on 2016-07-01 (Open → Withdrawn)"]
    );
}

#[test]
fn proposal_meeting_and_register_changes() {
    let base = real_files();
    let one = |path: &str, from: &str, to: &str| lines(&base, &changed(&base, path, from, to));
    assert_eq!(
        one(
            "modifications/SECMP0007.yaml",
            "phase: refinement",
            "phase: report\nrelated: [SECMP0008]"
        ),
        [
            "phase SECMP0007 Refinement → Report",
            "related SECMP0007 + SECMP0008"
        ]
    );
    assert_eq!(
        one(
            "meetings/TSC_07_1606.yaml",
            "status: final",
            "status: draft"
        ),
        ["status TSC_07_1606 final → draft"]
    );
    assert_eq!(
        one(
            "meetings/TSC_07_1606.yaml",
            "  - person: colin-rowland\n    category: member\n    constituency: large-suppliers\n",
            ""
        ),
        ["attendance TSC_07_1606 − attended colin-rowland"]
    );
    assert_eq!(
        one(
            "organisations.yaml",
            "name: Smart Energy Code Administrator and Secretariat",
            "name: SEC Administrator and Secretariat"
        ),
        [
            "renamed SECAS Smart Energy Code Administrator and Secretariat → SEC Administrator and Secretariat"
        ]
    );
    assert_eq!(
        one(
            "people.yaml",
            "  - id: colin-rowland\n    name: Colin Rowland\n",
            "  - id: colin-rowland\n    name: Colin Rowland\n  - id: ada-newcomer\n    name: Ada Newcomer\n"
        ),
        ["added ada-newcomer: Ada Newcomer"]
    );
    assert_eq!(
        one("tsc.yaml", "label: Watching Brief", "label: Watching brief"),
        [
            "setting vocabularies.interest_levels: high (High), medium (Medium), watching-brief \
             (Watching Brief), no-interest (No interest) → high (High), medium (Medium), \
             watching-brief (Watching brief), no-interest (No interest)"
        ]
    );
    let without: Vec<_> = base
        .iter()
        .filter(|(p, _)| p != Path::new("modifications/SECMP0017.yaml"))
        .cloned()
        .collect();
    assert_eq!(lines(&base, &without), ["removed SECMP0017"]);
}

/// And only the commits of `people.yaml` that change that person
/// (new-user trial: a person's log listed `tsc init`'s commit and every
/// other person's, each "no change in meaning").
#[test]
fn log_of_a_person_shows_the_rename() {
    let (_dir, repo) = scenario();
    ok(
        &repo,
        &["person", "add", "Zed Other", "--organisation", "SECAS"],
    );
    git(&repo, &["commit", "-q", "-a", "-m", "Add Zed Other"]);
    let text = ok(&repo, &["log", "julian-hughes"]);
    let entries: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(entries.len(), 2, "{text}");
    assert!(
        entries[0].ends_with("\n     renamed julian-hughes Julian Hughes → Julian R. Hughes"),
        "{text}"
    );
    assert!(
        entries[1].ends_with("\n       added julian-hughes: Julian Hughes\n"),
        "{text}"
    );
    let out = tsc_in(&repo, &["log", "nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "tsc: error: no record has the ID `nobody`\n");
}

/// The `run:` lines of a job of the example workflow.
fn workflow_runs(job: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ci/github-actions.yml");
    let text = fs::read_to_string(path).unwrap();
    let workflow: Value = serde_saphyr::from_str(&text).unwrap();
    workflow["jobs"][job]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|step| step["run"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn the_example_pull_request_job_writes_the_diff_into_the_step_summary() {
    let runs = workflow_runs("pull-request");
    let validate = "tsc validate --format github --deny warnings";
    let diff = "tsc diff origin/main HEAD --format markdown >> \"$GITHUB_STEP_SUMMARY\"";
    assert!(runs.iter().any(|r| r == validate), "{runs:?}");
    assert!(runs.iter().any(|r| r == diff), "{runs:?}");
    assert!(
        workflow_runs("report")
            .iter()
            .any(|r| r == "tsc report >> \"$GITHUB_STEP_SUMMARY\"")
    );
    // Run the two steps as the runner would, on a pull request whose base
    // is the commit before the scenario's change.
    let (dir, repo) = scenario();
    git(&repo, &["update-ref", "refs/remotes/origin/main", "HEAD~1"]);
    let summary = dir.path().join("summary.md");
    let bin = Path::new(env!("CARGO_BIN_EXE_tsc")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    for step in [validate, diff] {
        let out = Command::new("sh")
            .args(["-e", "-c", step])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env_remove("TSC_RECORDS")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{step}: {}", stderr(&out));
    }
    let written = fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("## Changes to the records: origin/main → HEAD\n"),
        "{written}"
    );
    assert!(
        written.ends_with("4 changes to 2 actions, 1 modification proposal and 1 person.\n"),
        "{written}"
    );
}

/// Regression: `tsc log MEETING` said "no change in meaning" for the
/// commit that recorded an assessment in that meeting, because the
/// change is reported under the proposal assessed and the proposal's file
/// is not part of the meeting's history. Then it said "not assessed →
/// High", weighing the assessment against the meeting's file alone: the
/// proposal was Medium at TSC_07_1606 (new-user trial).
#[test]
fn log_of_a_meeting_shows_an_assessment_recorded_in_it() {
    let (_dir, repo) = scenario();
    let text = ok(&repo, &["log", "TSC_09_1608"]);
    let first = text.lines().take(2).collect::<Vec<_>>().join("\n");
    let short = git(&repo, &["rev-parse", "--short", "HEAD"])
        .trim()
        .to_owned();
    assert_eq!(
        first,
        format!(
            "2016-08-12  Ada Secretary  {short}  Close TSC07/01, raise TSC09/01, assess SECMP0007\n    \
             interest SECMP0007 Medium → High at TSC_09_1608"
        )
    );
}

/// Regression: a record file that did not load in a git revision (over
/// the size limit there) was reported as the record "removed", although
/// the working-tree diff of the same file said only that it did not load.
#[test]
fn a_record_that_did_not_load_in_a_revision_is_not_removed() {
    let (_dir, repo) = scenario();
    let file = repo.join("records/actions/TSC07-01.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let padding = format!("# {}\n", "x".repeat(1000)).repeat(1100);
    fs::write(&file, format!("{padding}{text}")).unwrap();
    git(&repo, &["commit", "-q", "-am", "Pad TSC07/01"]);
    let text = ok(&repo, &["diff", "HEAD~1", "HEAD"]);
    assert!(!text.contains("removed"), "{text}");
    assert!(
        text.ends_with(
            "record files may be at most 1048576 bytes (the limit)\n\n\
             1 change to 1 unreadable file between HEAD~1 and HEAD\n"
        ),
        "{text}"
    );
}

/// Regression (new-user trial): a closed action's `closed:` date typed
/// from 2026-12-01 to 2026-12-10 by hand gave "no changes between HEAD
/// and working tree", though the registers read that date.
#[test]
fn a_changed_closing_date_of_a_closed_action_is_a_change() {
    let closed = changed(
        &real_files(),
        TSC07_02,
        "status: open",
        "status: closed\nclosed: 2016-07-21\nupdates:\n  - date: 2016-07-21\n    meeting: TSC_07_1606\n    status: closed\n    note: Done.",
    );
    let retyped = changed(
        &closed,
        TSC07_02,
        "closed: 2016-07-21",
        "closed: 2016-07-28",
    );
    assert_eq!(
        lines(&closed, &retyped),
        ["closed-on TSC07/02 2016-07-21 → 2016-07-28"]
    );
}
