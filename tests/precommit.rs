//! The real pre-commit framework (installed by scripts/test.sh) runs this
//! repository's `.pre-commit-hooks.yaml` hook in a committee's repository:
//! a commit that breaks a reference is refused with the diagnostic shown,
//! a good commit passes, and unstaged edits are not what is validated.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{copy_dir, minimal_example, pytool};

fn run(cwd: &Path, program: &Path, args: &[&str], home: &Path) -> Output {
    let tsc_dir = Path::new(env!("CARGO_BIN_EXE_tsc")).parent().unwrap();
    let path = std::env::join_paths([tsc_dir.to_path_buf()].into_iter().chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("PATH", path)
        .env("HOME", home)
        .env("PRE_COMMIT_HOME", home.join("pre-commit-cache"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Secretariat")
        .env("GIT_AUTHOR_EMAIL", "secretariat@example.org")
        .env("GIT_COMMITTER_NAME", "Secretariat")
        .env("GIT_COMMITTER_EMAIL", "secretariat@example.org")
        .env("NO_COLOR", "1")
        .env_remove("TSC_RECORDS")
        .output()
        .expect("command runs")
}

fn git(cwd: &Path, args: &[&str], home: &Path) -> Output {
    run(cwd, Path::new("git"), args, home)
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn ok(out: Output) -> Output {
    assert!(out.status.success(), "{}", text(&out));
    out
}

/// A git repository holding this checkout's `.pre-commit-hooks.yaml` (as
/// it is in the working tree), and its commit.
fn hooks_repo(root: &Path, home: &Path) -> (PathBuf, String) {
    let repo = root.join("tsc");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
        repo.join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    ok(git(&repo, &["init", "-q"], home));
    ok(git(&repo, &["add", "."], home));
    ok(git(&repo, &["commit", "-q", "-m", "hooks"], home));
    let rev = ok(git(&repo, &["rev-parse", "HEAD"], home));
    (repo, String::from_utf8_lossy(&rev.stdout).trim().to_owned())
}

/// A committee's repository with the example records and pre-commit
/// installed, using this checkout's hooks with `hook` (the lines under
/// `hooks:`): (the temporary directory, HOME, the hooks repository, the
/// committee's repository).
fn committee_using(hook: &str) -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (hooks, rev) = hooks_repo(tmp.path(), &home);
    let committee = tmp.path().join("committee");
    copy_dir(&minimal_example(), &committee.join("records"));
    std::fs::write(
        committee.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n{hook}",
            hooks.display()
        ),
    )
    .unwrap();
    ok(git(&committee, &["init", "-q"], &home));
    ok(run(&committee, &pytool("pre-commit"), &["install"], &home));
    (tmp, home, hooks, committee)
}

#[test]
fn the_hook_refuses_a_broken_reference_and_passes_a_good_commit() {
    // The hook as published, except that tsc is taken from PATH instead of
    // being built by pre-commit (which takes minutes).
    let (_tmp, home, _hooks, committee) =
        committee_using("      - id: tsc-validate\n        language: system\n");
    ok(git(&committee, &["add", "."], &home));
    let good = git(
        &committee,
        &["commit", "-m", "Minutes of meetings 1 and 2"],
        &home,
    );
    assert!(good.status.success(), "{}", text(&good));
    assert!(
        text(&good).contains("tsc validate"),
        "the hook ran: {}",
        text(&good)
    );
    assert!(text(&good).contains("Passed"), "{}", text(&good));

    // Break a reference and stage it: the commit is refused.
    let action = committee.join("records/actions/TSC02-10.yaml");
    let original = std::fs::read_to_string(&action).unwrap();
    std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
    ok(git(&committee, &["add", "records"], &home));
    let bad = git(&committee, &["commit", "-m", "Change an owner"], &home);
    assert!(!bad.status.success(), "{}", text(&bad));
    let output = text(&bad);
    assert!(output.contains("Failed"), "{output}");
    assert!(
        output.contains("error[E0103]: unknown owner `ACNE`"),
        "{output}"
    );
    assert!(
        output.contains("--> records/actions/TSC02-10.yaml:5:8"),
        "{output}"
    );
    assert!(output.contains("did you mean `ACME`?"), "{output}");
    let log = ok(git(&committee, &["log", "--oneline"], &home));
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 1);

    // Stage a good version but keep the broken one unstaged in the working
    // tree: pre-commit stashes unstaged edits, so the commit is validated
    // as staged and passes, and the edit is back afterwards.
    std::fs::write(
        &action,
        original.replace("Confirm the example", "Confirm the"),
    )
    .unwrap();
    ok(git(&committee, &["add", "records"], &home));
    std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
    let staged = git(&committee, &["commit", "-m", "Shorten an action"], &home);
    assert!(staged.status.success(), "{}", text(&staged));
    assert!(
        std::fs::read_to_string(&action)
            .unwrap()
            .contains("owner: ACNE")
    );
}

#[test]
fn the_system_hook_runs_the_tsc_on_path_as_published() {
    // The published hook as it is: no override of its language.
    let (_tmp, home, hooks, committee) = committee_using("      - id: tsc-validate-system\n");
    let action = committee.join("records/actions/TSC02-10.yaml");
    let original = std::fs::read_to_string(&action).unwrap();
    std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
    ok(git(&committee, &["add", "."], &home));
    let bad = git(&committee, &["commit", "-m", "Minutes"], &home);
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(
        text(&bad).contains("error[E0103]: unknown owner `ACNE`"),
        "{}",
        text(&bad)
    );
    std::fs::write(&action, &original).unwrap();
    ok(git(&committee, &["add", "."], &home));
    let good = git(&committee, &["commit", "-m", "Minutes"], &home);
    assert!(good.status.success(), "{}", text(&good));
    assert!(text(&good).contains("tsc validate"), "{}", text(&good));
    assert!(text(&good).contains("Passed"), "{}", text(&good));
    // Both hooks check the same files with the same command.
    let hooks_text = std::fs::read_to_string(hooks.join(".pre-commit-hooks.yaml")).unwrap();
    assert_eq!(
        hooks_text.matches("entry: tsc validate").count(),
        2,
        "{hooks_text}"
    );
}
