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
