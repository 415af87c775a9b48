//! `tsc schema`: the emitted JSON Schemas accept every real record and
//! every example, and reject a broken file, under an independent validator
//! (check-jsonschema, installed by scripts/test.sh).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{minimal_example, pytool, real_records, stdout, tsc};

/// The record files of `root` each schema kind describes.
fn files_of(root: &Path, kind: &str) -> Vec<PathBuf> {
    let single = |name: &str| vec![root.join(name)];
    let folder = |name: &str| {
        let mut files: Vec<PathBuf> = walk(&root.join(name));
        files.sort();
        files
    };
    match kind {
        "meeting" => folder("meetings"),
        "action" => folder("actions"),
        "modification" => folder("modifications"),
        "people" => single("people.yaml"),
        "organisations" => single("organisations.yaml"),
        "principles" => single("principles.yaml"),
        "settings" => single("tsc.yaml"),
        other => panic!("unexpected kind {other}"),
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
    out
}

fn check(schema: &Path, files: &[PathBuf]) -> std::process::Output {
    Command::new(pytool("check-jsonschema"))
        .arg("--schemafile")
        .arg(schema)
        .args(files)
        .output()
        .expect("check-jsonschema runs")
}

fn write_schemas() -> (tempfile::TempDir, Vec<(String, PathBuf)>) {
    let dir = tempfile::tempdir().unwrap();
    let out = tsc(&["schema", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let written: Vec<(String, PathBuf)> = stdout(&out)
        .lines()
        .map(|l| {
            let path = PathBuf::from(l);
            let name = path.file_name().unwrap().to_string_lossy();
            (name.trim_end_matches(".schema.json").to_owned(), path)
        })
        .collect();
    (dir, written)
}

#[test]
fn every_record_and_example_is_valid_against_its_schema() {
    let (_dir, schemas) = write_schemas();
    let kinds: Vec<&str> = schemas.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "meeting",
            "action",
            "modification",
            "people",
            "organisations",
            "principles",
            "settings"
        ]
    );
    let mut checked = 0;
    for (kind, schema) in &schemas {
        // One run per kind (check-jsonschema takes a second to start).
        let mut files = files_of(&real_records(), kind);
        files.extend(files_of(&minimal_example(), kind));
        let panel = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/review-panel");
        files.extend(files_of(&panel, kind).into_iter().filter(|f| f.exists()));
        let out = check(schema, &files);
        assert!(
            out.status.success(),
            "{kind}: {}{}",
            stdout(&out),
            common::stderr(&out)
        );
        checked += files.len();
    }
    // 2 meetings (one a stub) + 4 actions + 16 proposals + 4 registers and
    // settings in records/, 2 + 4 + 2 + 4 in examples/minimal, and 3 + 4 +
    // 2 + 3 (no principles) in examples/review-panel.
    assert_eq!(checked, 26 + 12 + 12);
}

#[test]
fn a_broken_record_fails_the_schema_too() {
    let (_dir, schemas) = write_schemas();
    let schema_of = |kind: &str| &schemas.iter().find(|(k, _)| k == kind).unwrap().1;
    let tmp = tempfile::tempdir().unwrap();
    let action = tmp.path().join("TSC07-01.yaml");
    let text = std::fs::read_to_string(real_records().join("actions/TSC07-01.yaml")).unwrap();
    std::fs::write(&action, text.replacen("owner:", "ownr:", 1)).unwrap();
    let out = check(schema_of("action"), std::slice::from_ref(&action));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("'ownr' was unexpected"),
        "{}",
        stdout(&out)
    );

    let meeting = tmp.path().join("TSC_07_1606.yaml");
    let text = std::fs::read_to_string(real_records().join("meetings/TSC_07_1606.yaml")).unwrap();
    std::fs::write(
        &meeting,
        text.replacen("start: \"10:00\"", "start: \"10.00\"", 1),
    )
    .unwrap();
    let out = check(schema_of("meeting"), std::slice::from_ref(&meeting));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("$.start"), "{}", stdout(&out));
}

#[test]
fn schema_needs_no_records_and_prints_one_kind() {
    let out = tsc(&["schema", "action"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "Action");
    let list = tsc(&["schema"]);
    assert!(
        stdout(&list).contains("meeting        meetings/**/*.yaml"),
        "{}",
        stdout(&list)
    );
    let bad = tsc(&["schema", "minutes"]);
    assert_eq!(bad.status.code(), Some(2));
}
