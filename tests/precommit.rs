//! The real pre-commit framework (installed by scripts/test.sh) runs this
//! repository's `.pre-commit-hooks.yaml` hook in a committee's repository:
//! a commit that breaks a reference is refused with the diagnostic shown,
//! a good commit passes, and unstaged edits are not what is validated.
//! The hook validates the git index (`tsc validate --staged`) on every
//! commit, so deletions, moves, `git rm --cached`, ignored files and
//! `TSC_RECORDS` cannot make it check another tree than the commit's.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{copy_dir, minimal_example, pytool};

fn run(cwd: &Path, program: &Path, args: &[&str], home: &Path) -> Output {
    run_with(cwd, program, args, home, &[])
}

fn run_with(
    cwd: &Path,
    program: &Path,
    args: &[&str],
    home: &Path,
    env: &[(&str, &Path)],
) -> Output {
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
        .envs(env.iter().copied())
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

#[test]
fn the_hook_refuses_a_broken_reference_and_passes_a_good_commit() {
    // Committee::new commits the example through the hook, which passes.
    let committee = Committee::new();
    committee.stage_a_misspelt_owner();
    committee.refused(
        committee.commit("Change an owner"),
        &[
            "error[E0103]: unknown owner `ACNE`",
            "--> records/actions/TSC02-10.yaml:5:8",
            "did you mean `ACME`?",
        ],
    );
}

/// A committee repository with `examples/minimal` committed through the
/// hook (which must pass), in a temporary directory.
struct Committee {
    tmp: tempfile::TempDir,
    home: PathBuf,
    dir: PathBuf,
}

impl Committee {
    fn new() -> Committee {
        Committee::using("      - id: tsc-validate\n        language: system\n")
    }

    /// The same, with `hook` as the lines under `hooks:` of its
    /// `.pre-commit-config.yaml`.
    fn using(hook: &str) -> Committee {
        Committee::configured(|hooks, rev| {
            format!(
                "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n{hook}",
                hooks.display()
            )
        })
    }

    /// The same, with the `.pre-commit-config.yaml` that `config` writes
    /// given the hooks repository and its commit.
    fn configured(config: impl FnOnce(&Path, &str) -> String) -> Committee {
        let tmp = tempfile::tempdir().unwrap();
        let home = tmp.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        let (hooks, rev) = hooks_repo(tmp.path(), &home);
        let dir = tmp.path().join("committee");
        copy_dir(&minimal_example(), &dir.join("records"));
        std::fs::write(dir.join(".pre-commit-config.yaml"), config(&hooks, &rev)).unwrap();
        let committee = Committee { tmp, home, dir };
        committee.git(&["init", "-q"]);
        ok(run(
            &committee.dir,
            &pytool("pre-commit"),
            &["install"],
            &committee.home,
        ));
        committee.git(&["add", "."]);
        let first = committee.commit("Minutes of meetings 1 and 2");
        assert!(first.status.success(), "{}", text(&first));
        assert!(text(&first).contains("tsc validate"), "{}", text(&first));
        assert!(text(&first).contains("Passed"), "{}", text(&first));
        committee
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    /// Misspells action TSC02-10's owner (`ACNE` for `ACME`, line 5,
    /// column 8) and stages it.
    fn stage_a_misspelt_owner(&self) {
        let action = self.path("records/actions/TSC02-10.yaml");
        let original = std::fs::read_to_string(&action).unwrap();
        std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
        self.git(&["add", "records"]);
    }

    fn git(&self, args: &[&str]) -> Output {
        ok(git(&self.dir, args, &self.home))
    }

    fn commit(&self, message: &str) -> Output {
        git(&self.dir, &["commit", "-m", message], &self.home)
    }

    fn commits(&self) -> usize {
        let log = self.git(&["log", "--oneline"]);
        String::from_utf8_lossy(&log.stdout).lines().count()
    }

    /// Commits, expecting the hook to refuse with every one of `expected`
    /// in its output; the history keeps its one commit.
    fn refused(&self, output: Output, expected: &[&str]) {
        let shown = text(&output);
        assert!(!output.status.success(), "the commit landed: {shown}");
        assert!(shown.contains("tsc validate"), "{shown}");
        assert!(shown.contains("Failed"), "{shown}");
        for line in expected {
            assert!(shown.contains(line), "{line:?} not in {shown}");
        }
        assert_eq!(self.commits(), 1, "{shown}");
    }
}

const DANGLING_SECMP0102: [&str; 2] = [
    "error[E0106]: unknown modification proposal `SECMP0102`",
    "--> records/modifications/SECMP0101.yaml:7:5",
];

#[test]
fn deleting_a_referenced_record_is_refused() {
    let committee = Committee::new();
    committee.git(&["rm", "-q", "records/modifications/SECMP0102.yaml"]);
    committee.refused(committee.commit("Drop SECMP0102"), &DANGLING_SECMP0102);
}

#[test]
fn deleting_people_yaml_is_refused() {
    let committee = Committee::new();
    committee.git(&["rm", "-q", "records/people.yaml"]);
    committee.refused(
        committee.commit("Drop the people"),
        &["error[E0101]: unknown person `ada-example`", "errors:"],
    );
}

#[test]
fn moving_a_record_out_of_records_is_refused() {
    let committee = Committee::new();
    committee.git(&[
        "mv",
        "records/modifications/SECMP0102.yaml",
        "SECMP0102.yaml",
    ]);
    committee.refused(committee.commit("Move SECMP0102 out"), &DANGLING_SECMP0102);
}

#[test]
fn a_file_removed_from_the_index_but_kept_on_disk_is_refused() {
    let committee = Committee::new();
    committee.git(&[
        "rm",
        "-q",
        "--cached",
        "records/modifications/SECMP0102.yaml",
    ]);
    assert!(
        committee
            .path("records/modifications/SECMP0102.yaml")
            .exists()
    );
    committee.refused(committee.commit("Untrack SECMP0102"), &DANGLING_SECMP0102);
}

#[test]
fn a_git_ignored_record_does_not_count() {
    let committee = Committee::new();
    std::fs::write(
        committee.path(".gitignore"),
        "records/modifications/SECMP0103.yaml\n",
    )
    .unwrap();
    std::fs::write(
        committee.path("records/modifications/SECMP0103.yaml"),
        "id: SECMP0103\ntitle: Ignored\nphase: refinement\nrelated:\n  - SECMP0101\n",
    )
    .unwrap();
    let mods = committee.path("records/modifications/SECMP0101.yaml");
    let text = std::fs::read_to_string(&mods).unwrap();
    std::fs::write(&mods, format!("{text}  - SECMP0103\n")).unwrap();
    committee.git(&["add", "."]);
    let status = committee.git(&["status", "--porcelain", "--ignored"]);
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("!! records/modifications/SECMP0103.yaml")
    );
    committee.refused(
        committee.commit("Relate SECMP0103"),
        &[
            "error[E0106]: unknown modification proposal `SECMP0103`",
            "--> records/modifications/SECMP0101.yaml:8:5",
        ],
    );
}

#[test]
fn tsc_records_pointing_elsewhere_is_ignored() {
    let committee = Committee::new();
    let elsewhere = committee.tmp.path().join("elsewhere");
    copy_dir(&minimal_example(), &elsewhere);
    let action = committee.path("records/actions/TSC02-10.yaml");
    let original = std::fs::read_to_string(&action).unwrap();
    std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
    committee.git(&["add", "records"]);
    let out = run_with(
        &committee.dir,
        Path::new("git"),
        &["commit", "-m", "Change an owner"],
        &committee.home,
        &[("TSC_RECORDS", &elsewhere)],
    );
    committee.refused(
        out,
        &[
            "error[E0103]: unknown owner `ACNE`",
            "--> records/actions/TSC02-10.yaml:5:8",
        ],
    );
}

#[test]
fn a_bad_staged_edit_is_refused_even_when_the_working_tree_is_good() {
    let committee = Committee::new();
    let action = committee.path("records/actions/TSC02-10.yaml");
    let original = std::fs::read_to_string(&action).unwrap();
    std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
    committee.git(&["add", "records"]);
    std::fs::write(&action, &original).unwrap();
    committee.refused(
        committee.commit("Change an owner"),
        &["error[E0103]: unknown owner `ACNE`", "5 | owner: ACNE"],
    );
    assert_eq!(std::fs::read_to_string(&action).unwrap(), original);
}

#[test]
fn a_good_staged_edit_passes_even_when_the_working_tree_is_bad() {
    let committee = Committee::new();
    let action = committee.path("records/actions/TSC02-10.yaml");
    let original = std::fs::read_to_string(&action).unwrap();
    std::fs::write(
        &action,
        original.replace("Confirm the example", "Confirm the"),
    )
    .unwrap();
    committee.git(&["add", "records"]);
    std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
    let staged = committee.commit("Shorten an action");
    assert!(staged.status.success(), "{}", text(&staged));
    assert!(text(&staged).contains("Passed"), "{}", text(&staged));
    assert_eq!(committee.commits(), 2);
    assert!(
        std::fs::read_to_string(&action)
            .unwrap()
            .contains("owner: ACNE")
    );
}

#[test]
fn the_published_hook_validates_the_index_on_every_commit() {
    let hooks = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    assert!(hooks.contains("entry: tsc validate --staged\n"), "{hooks}");
    assert!(hooks.contains("always_run: true\n"), "{hooks}");
    assert!(hooks.contains("pass_filenames: false\n"), "{hooks}");
    assert!(!hooks.contains("files:"), "{hooks}");
}

#[test]
fn the_system_hook_runs_the_tsc_on_path_as_published() {
    // The published tsc-validate-system hook as it is: no override of its
    // language, so the tsc on PATH runs `validate --staged`.
    let committee = Committee::using("      - id: tsc-validate-system\n");
    let action = committee.path("records/actions/TSC02-10.yaml");
    let original = std::fs::read_to_string(&action).unwrap();
    std::fs::write(&action, original.replace("owner: ACME", "owner: ACNE")).unwrap();
    committee.git(&["add", "."]);
    committee.refused(
        committee.commit("Change an owner"),
        &["error[E0103]: unknown owner `ACNE`"],
    );
    // Both published hooks run the same command.
    let hooks = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    assert_eq!(
        hooks.matches("entry: tsc validate --staged").count(),
        2,
        "{hooks}"
    );
}

#[test]
fn the_examples_offline_recipe_with_repo_local_refuses_a_broken_reference() {
    // examples/pre-commit/.pre-commit-config.yaml's commented `repo: local`
    // hook, uncommented as a committee would: no tsc repository at all.
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/pre-commit/.pre-commit-config.yaml"),
    )
    .unwrap();
    let recipe: String = example
        .lines()
        .skip_while(|line| *line != "#  - repo: local")
        .map_while(|line| line.strip_prefix('#').filter(|l| !l.trim().is_empty()))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(recipe.lines().count(), 8, "{recipe}");
    let committee = Committee::configured(|_, _| format!("repos:\n{recipe}"));
    committee.stage_a_misspelt_owner();
    committee.refused(
        committee.commit("Change an owner"),
        &[
            "error[E0103]: unknown owner `ACNE`",
            "--> records/actions/TSC02-10.yaml:5:8",
        ],
    );
}
