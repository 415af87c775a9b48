//! Nothing is lost: commands that only read never create, change or
//! delete anything under the records directory, on the real records and
//! on every tree of the bad-input corpus (plus one holding the faults that
//! cannot be committed: links, NUL and invalid UTF-8 bytes, an oversized
//! file, a directory named `x.yaml`).

mod common;

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use common::{copy_tree, real_records, stderr, stdout, tsc};

/// Every read-only command the binary has, with the arguments that make
/// it do the most reading. Add each new read-only command here.
const READ_ONLY_COMMANDS: &[&[&str]] = &[
    &["validate"],
    &["validate", "--format", "json"],
    &["validate", "--format", "github"],
    &["validate", "--staged"],
    &["actions"],
    &["actions", "--open"],
    &["actions", "--width", "40"],
    &["actions", "--overdue", "--format", "csv"],
    &["mods"],
    &["mods", "--format", "json"],
    &["meetings"],
    &["people"],
    &["organisations"],
    &["show", "TSC_07_1606"],
    &["show", "TSC07/01"],
    &["show", "SECMP0014"],
    &["minutes", "TSC_07_1606"],
    &["minutes", "TSC_07_1606", "--format", "html"],
    &["report"],
    &["report", "--format", "html"],
    &["schema"],
];

/// A hash of everything under `root`, links not followed: every entry's
/// path, type, permissions, length, modification time and contents (for
/// a link, its target).
fn tree_hash(root: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    let mut entries: Vec<PathBuf> = Vec::new();
    collect(root, &mut entries);
    entries.sort();
    for path in entries {
        let meta = fs::symlink_metadata(&path).unwrap();
        path.hash(&mut hasher);
        format!("{:?}", meta.file_type()).hash(&mut hasher);
        format!("{:?}", meta.permissions()).hash(&mut hasher);
        meta.len().hash(&mut hasher);
        meta.modified().unwrap().hash(&mut hasher);
        if meta.file_type().is_symlink() {
            fs::read_link(&path).unwrap().hash(&mut hasher);
        } else if meta.is_file() {
            fs::read(&path).unwrap().hash(&mut hasher);
        }
    }
    hasher.finish()
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        into.push(path.clone());
        if entry.file_type().unwrap().is_dir() {
            collect(&path, into);
        }
    }
}

/// Runs every read-only command on `root` and asserts the tree's hash is
/// unchanged and no command says `panicked`.
fn assert_read_only(root: &Path) {
    let before = tree_hash(root);
    for command in READ_ONLY_COMMANDS {
        let mut args: Vec<&str> = command.to_vec();
        args.extend(["--records", root.to_str().unwrap()]);
        let out = tsc(&args);
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?} ended with {:?}",
            out.status
        );
        assert_eq!(
            tree_hash(root),
            before,
            "{args:?} changed {}",
            root.display()
        );
    }
}

#[test]
fn read_only_commands_leave_the_real_records_untouched() {
    assert_read_only(&real_records());
}

#[test]
fn read_only_commands_leave_every_bad_corpus_tree_untouched() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut cases = 0;
    for entry in fs::read_dir(&corpus).unwrap() {
        let tree = entry.unwrap().path();
        if tree.is_dir() {
            assert_read_only(&tree);
            cases += 1;
        }
    }
    assert!(cases >= 14, "only {cases} corpus trees found");
}

#[test]
fn read_only_commands_leave_a_tree_of_uncommittable_faults_untouched() {
    let (_dir, root) = copy_tree(&real_records());
    fs::write(root.join("actions/TSC07-05.yaml"), b"id: \"TSC07/05\0\"\n").unwrap();
    fs::write(root.join("actions/TSC07-06.yaml"), b"text: caf\xe9\n").unwrap();
    fs::write(
        root.join("actions/TSC07-07.yaml"),
        vec![b'#'; 1024 * 1024 + 1],
    )
    .unwrap();
    fs::create_dir_all(root.join("meetings/2016.yaml")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("TSC07-08.yaml", root.join("actions/TSC07-08.yaml")).unwrap();
        symlink("/etc/hostname", root.join("modifications/SECMP0099.yaml")).unwrap();
        symlink("..", root.join("meetings/up")).unwrap();
    }
    assert_read_only(&root);
}

/// `validate --staged` reads the git index and objects only: in a
/// repository holding the real records, with an unstaged edit and an
/// untracked file, the whole work tree and `.git` (the index file
/// included) are unchanged afterwards, and the findings are the index's.
#[test]
fn validate_staged_changes_neither_the_work_tree_nor_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    common::copy_dir(&real_records(), &repo.join("records"));
    let git = |args: &[&str]| common::git(repo, args);
    git(&["init", "-q"]);
    git(&["add", "."]);
    fs::write(repo.join("records/people.yaml"), "people: [\n").unwrap();
    fs::write(repo.join("records/actions/TSC07-09.yaml"), "id: x\n").unwrap();
    let before = tree_hash(repo);
    for args in [
        &["validate", "--staged"][..],
        &["validate", "--staged", "--format", "json"],
        &["validate", "--staged", "--records", "records"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tsc"))
            .args(args)
            .current_dir(repo)
            .env_remove("TSC_RECORDS")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(tree_hash(repo), before, "{args:?} changed the repository");
    }
    let out = tsc(&[
        "validate",
        "--staged",
        "--records",
        repo.join("records").to_str().unwrap(),
    ]);
    assert!(
        stdout(&out).starts_with("ok: 1 meeting, 16 modification proposals, 4 actions, 23 people"),
        "{}",
        stdout(&out)
    );
    assert_eq!(tree_hash(repo), before);
}
