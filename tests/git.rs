//! Records read from git without the work tree: the index (`validate
//! --staged`) and any tree-ish, for comparing revisions.

mod common;

use std::path::Path;

use common::{copy_dir, git, minimal_example};
use tsc::git::{Revision, load_records};

fn owner(records: &tsc::git::GitRecords, id: &str) -> String {
    let action = records
        .loaded
        .records
        .actions
        .iter()
        .find(|a| a.record.id.value == id)
        .unwrap();
    action.record.owner.as_ref().unwrap().value.to_string()
}

#[test]
fn records_load_from_any_revision_the_index_and_a_subdirectory() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(&minimal_example(), &repo.join("records"));
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "first"]);
    common::edit(
        &repo.join("records/actions/TSC02-10.yaml"),
        "owner: ACME",
        "owner: SECAS",
    );
    git(repo, &["commit", "-q", "-am", "second"]);
    common::edit(
        &repo.join("records/actions/TSC02-10.yaml"),
        "owner: SECAS",
        "owner: bram-sample",
    );
    git(repo, &["add", "."]);
    common::edit(
        &repo.join("records/actions/TSC02-10.yaml"),
        "owner: bram-sample",
        "owner: ada-example",
    );

    let first = load_records(repo, None, Revision::Tree("HEAD~1")).unwrap();
    let second = load_records(repo, None, Revision::Tree("HEAD")).unwrap();
    let staged = load_records(repo, None, Revision::Index).unwrap();
    assert_eq!(owner(&first, "TSC02/10"), "ACME");
    assert_eq!(owner(&second, "TSC02/10"), "SECAS");
    assert_eq!(owner(&staged, "TSC02/10"), "bram-sample");
    assert!(
        first.loaded.findings.is_empty(),
        "{:?}",
        first.loaded.findings
    );
    assert_eq!(first.loaded.records.actions.len(), 4);
    assert_eq!(first.loaded.records.people.len(), 4);
    // Paths are as the user in the current directory would write them,
    // and the files' text comes with them.
    assert_eq!(
        first.loaded.records.actions[3].file,
        Path::new("records/actions/TSC02-10.yaml")
    );
    let (_, bytes) = first
        .files
        .iter()
        .find(|(p, _)| p.ends_with("actions/TSC02-10.yaml"))
        .unwrap();
    assert!(String::from_utf8_lossy(bytes).contains("owner: ACME\n"));
    // From a subdirectory the nearest records/ above is found.
    let below = load_records(&repo.join("records/actions"), None, Revision::Tree("HEAD")).unwrap();
    assert_eq!(below.loaded.records.root, Path::new(".."));
    assert_eq!(owner(&below, "TSC02/10"), "SECAS");
    let error = load_records(repo, None, Revision::Tree("no-such-rev")).unwrap_err();
    assert!(
        format!("{error:#}").contains("git could not list git revision no-such-rev"),
        "{error:#}"
    );
}

#[test]
fn the_index_gives_the_findings_the_disk_would() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(&minimal_example(), &repo.join("records"));
    std::fs::write(repo.join("records/actions/X.YAML"), "id: x\n").unwrap();
    std::fs::write(repo.join("records/stray.yaml"), "id: x\n").unwrap();
    std::fs::write(repo.join("records/actions/.hidden.yaml"), "id: [\n").unwrap();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    let staged = load_records(repo, None, Revision::Index).unwrap();
    let disk = tsc::load::load(&repo.join("records")).unwrap();
    let codes = |findings: &[tsc::finding::Finding]| {
        let mut found: Vec<(String, String)> = findings
            .iter()
            .map(|f| {
                let name = f.file.file_name().unwrap().to_string_lossy().into_owned();
                (f.code.code().to_owned(), name)
            })
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        codes(&staged.loaded.findings),
        [
            ("E0005".to_owned(), "X.YAML".to_owned()),
            ("E0005".to_owned(), "stray.yaml".to_owned())
        ]
    );
    assert_eq!(codes(&staged.loaded.findings), codes(&disk.findings));
}

/// `validate --staged` in a repository with a file name that is not UTF-8:
/// outside the records it is ignored, inside it is read as on disk.
#[cfg(unix)]
#[test]
fn staged_non_utf8_path() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(&minimal_example(), &repo.join("records"));
    std::fs::create_dir(repo.join("docs")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(repo.join("docs").join(name), "x\n").unwrap();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    let staged = load_records(repo, None, Revision::Index).unwrap();
    assert_eq!(staged.loaded.findings.len(), 0);
    assert_eq!(owner(&staged, "TSC02/10"), "ACME");
    let inside = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    std::fs::write(repo.join("records").join(inside), "id: x\n").unwrap();
    git(repo, &["add", "."]);
    let staged = load_records(repo, None, Revision::Index).unwrap();
    let disk = tsc::load::load(&repo.join("records")).unwrap();
    let codes = |findings: &[tsc::finding::Finding]| {
        findings
            .iter()
            .map(|f| (f.code.code(), f.file.file_name().unwrap().to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(&staged.loaded.findings),
        [("E0005", inside.to_owned())]
    );
    assert_eq!(codes(&staged.loaded.findings), codes(&disk.findings));
}

/// An oversized staged blob gives the disk loader's limit finding, and is
/// not read.
#[test]
fn staged_oversized_blob_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(&minimal_example(), &repo.join("records"));
    let big = repo.join("records/actions/TSC02-99.yaml");
    std::fs::write(&big, "#".repeat(tsc::yaml::MAX_FILE_BYTES as usize + 1)).unwrap();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    let staged = load_records(repo, None, Revision::Index).unwrap();
    let disk = tsc::load::load(&repo.join("records")).unwrap();
    let found = |findings: &[tsc::finding::Finding]| {
        findings
            .iter()
            .map(|f| (f.code.code(), f.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found(&staged.loaded.findings),
        [(
            "E0004",
            format!(
                "file is {} bytes; record files may be at most {} bytes (the limit)",
                tsc::yaml::MAX_FILE_BYTES + 1,
                tsc::yaml::MAX_FILE_BYTES
            )
        )]
    );
    assert_eq!(found(&staged.loaded.findings), found(&disk.findings));
    assert!(
        staged
            .files
            .iter()
            .all(|(path, _)| !path.ends_with("TSC02-99.yaml"))
    );
}

/// `git add -N` puts an empty entry in the index that the next commit does
/// not hold: it is not an empty record file.
#[test]
fn staged_intent_to_add_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(&minimal_example(), &repo.join("records"));
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    std::fs::write(repo.join("records/actions/TSC02-98.yaml"), "id: [\n").unwrap();
    git(repo, &["add", "-N", "records/actions/TSC02-98.yaml"]);
    std::fs::write(repo.join("records/actions/TSC02-97.yaml"), "").unwrap();
    git(repo, &["add", "records/actions/TSC02-97.yaml"]);
    let staged = load_records(repo, None, Revision::Index).unwrap();
    let found: Vec<(&str, String)> = staged
        .loaded
        .findings
        .iter()
        .map(|f| {
            (
                f.code.code(),
                f.file.file_name().unwrap().to_string_lossy().into_owned(),
            )
        })
        .collect();
    // The really staged empty file is still reported.
    assert_eq!(found, [("E0007", "TSC02-97.yaml".to_owned())]);
}

/// The library returns its own typed error for a git failure (issue 9:
/// "The library's public API returns typed errors; anyhow stays in the
/// binary"), with the message the binary prints.
#[test]
fn git_failures_are_typed_library_errors() {
    let outside = tempfile::tempdir().unwrap();
    let records = outside.path().join("records");
    std::fs::create_dir(&records).unwrap();
    let Err(error) = load_records(outside.path(), None, Revision::Index) else {
        panic!("a directory outside any git work tree has no index");
    };
    let tsc::error::Error::Git { what, .. } = &error else {
        panic!("expected Error::Git, got {error:?}");
    };
    assert!(
        what.starts_with(
            "git could not find the repository (run tsc inside a git work tree): fatal: not a git repository"
        ),
        "{what}"
    );
}

/// Removes every loose object of the repository at `repo` (a repository
/// whose objects are all loose: staged, never packed), so that only what
/// tsc reads from the work tree can still be read.
fn remove_objects(repo: &Path) {
    for entry in std::fs::read_dir(repo.join(".git/objects")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.len() == 2 {
            std::fs::remove_dir_all(&path).unwrap();
        }
    }
}

/// The staged files that the work tree holds byte for byte are read from
/// the work tree (their git object IDs match), not from git: with git's
/// objects gone the index still loads. A file edited since it was staged,
/// or replaced by a link, is asked of git again, which then cannot find
/// it.
#[test]
fn staged_files_equal_to_the_work_tree_are_read_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(&minimal_example(), &repo.join("records"));
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    remove_objects(repo);
    let staged = load_records(repo, None, Revision::Index).unwrap();
    let disk = tsc::load::load(&repo.join("records")).unwrap();
    assert!(
        staged.loaded.findings.is_empty(),
        "{:?}",
        staged.loaded.findings
    );
    assert_eq!(owner(&staged, "TSC02/10"), "ACME");
    assert_eq!(staged.loaded.records.actions.len(), 4);
    assert_eq!(
        staged.loaded.records.modifications.len(),
        disk.records.modifications.len()
    );
    assert_eq!(
        staged.loaded.records.people.len(),
        disk.records.people.len()
    );

    let file = repo.join("records/actions/TSC02-10.yaml");
    common::edit(&file, "owner: ACME", "owner: SECAS");
    let error = load_records(repo, None, Revision::Index).unwrap_err();
    let oid = staged_oid(repo, "records/actions/TSC02-10.yaml");
    assert_eq!(
        format!("{error:#}"),
        format!("git cat-file cannot find {oid}")
    );

    common::edit(&file, "owner: SECAS", "owner: ACME");
    load_records(repo, None, Revision::Index).unwrap();
    #[cfg(unix)]
    {
        // The same bytes behind a link: the link is not followed.
        let elsewhere = dir.path().join("TSC02-10.yaml");
        std::fs::rename(&file, &elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
        let error = load_records(repo, None, Revision::Index).unwrap_err();
        assert_eq!(
            format!("{error:#}"),
            format!("git cat-file cannot find {oid}")
        );
    }
}

/// A work-tree file with the staged file's size and modification time but
/// other bytes (an edit within the same second, of the same length) is not
/// taken for the staged one: the staged owner is read.
#[test]
fn a_work_tree_file_of_the_staged_size_and_time_but_other_bytes_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(&minimal_example(), &repo.join("records"));
    let file = repo.join("records/actions/TSC02-10.yaml");
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    let staged_at = std::fs::metadata(&file).unwrap().modified().unwrap();
    let staged_len = std::fs::metadata(&file).unwrap().len();
    common::edit(&file, "owner: ACME", "owner: SECA");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(staged_at)
        .unwrap();
    let now = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (now.len(), now.modified().unwrap()),
        (staged_len, staged_at)
    );
    let staged = load_records(repo, None, Revision::Index).unwrap();
    assert_eq!(owner(&staged, "TSC02/10"), "ACME");
    let disk = tsc::load::load(&repo.join("records")).unwrap();
    let on_disk = disk
        .records
        .actions
        .iter()
        .find(|a| a.record.id.value == "TSC02/10");
    assert_eq!(
        on_disk
            .unwrap()
            .record
            .owner
            .as_ref()
            .unwrap()
            .value
            .as_str(),
        "SECA"
    );
}

/// The object ID the index holds for `path` (from the top of `repo`).
fn staged_oid(repo: &Path, path: &str) -> String {
    let out = std::process::Command::new("git")
        .args(["ls-files", "--stage", "--", path])
        .current_dir(repo)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.split(' ').nth(1).unwrap().to_owned()
}
