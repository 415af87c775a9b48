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
            "settings",
            "validate.output",
            "actions.output",
            "mods.output",
            "meetings.output",
            "people.output",
            "organisations.output",
            "diff.output",
        ]
    );
    let mut checked = 0;
    for (kind, schema) in schemas.iter().filter(|(k, _)| !k.ends_with(".output")) {
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

/// Writes `text` as `name` in a fresh directory.
fn scratch(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn in_a_records_tree_the_schema_knows_the_committee_vocabularies_and_id_patterns() {
    let records = real_records();
    let out = tsc(&["--records", records.to_str().unwrap(), "schema", "action"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["properties"]["status"]["enum"],
        serde_json::json!(["open", "on-target", "closed", "withdrawn"])
    );
    assert_eq!(
        schema["properties"]["status"]["enumDescriptions"][1],
        "On target"
    );
    assert!(!out.stdout.windows(14).any(|w| w == b"\"default\": nul"));
    // Found from the current directory too, inside records/ itself.
    let inside = common::tsc_in(&records.join("actions"), &["schema", "action"]);
    assert_eq!(inside.stdout, out.stdout);
    // Outside any records tree: no committee, so no enum.
    let plain = tsc(&["schema", "action"]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(plain["properties"]["status"].get("enum").is_none());

    let (dir, schema_path) = scratch("action.schema.json", &stdout(&out));
    let text = std::fs::read_to_string(records.join("actions/TSC07-01.yaml")).unwrap();
    let good = dir.path().join("TSC07-01.yaml");
    std::fs::write(&good, &text).unwrap();
    let ok = check(&schema_path, std::slice::from_ref(&good));
    assert!(ok.status.success(), "{}", stdout(&ok));
    // What `tsc validate` calls E0301 and E0401, the editor now flags too.
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        text.replacen("status: open", "status: opne", 1).replacen(
            "meeting: TSC_07_1606",
            "meeting: TSC-07-1606",
            1,
        ),
    )
    .unwrap();
    let failed = check(&schema_path, std::slice::from_ref(&bad));
    assert_eq!(failed.status.code(), Some(1));
    let report = stdout(&failed);
    assert!(
        report.contains("$.status: 'opne' is not one of"),
        "{report}"
    );
    assert!(
        report.contains("$.meeting: 'TSC-07-1606' does not match"),
        "{report}"
    );
}

#[test]
fn a_number_where_text_belongs_fails_the_schema_and_tsc_alike() {
    let (_dir, schemas) = write_schemas();
    let schema = &schemas.iter().find(|(k, _)| k == "action").unwrap().1;
    let text = std::fs::read_to_string(real_records().join("actions/TSC07-02.yaml")).unwrap();
    let (_tmp, file) = scratch(
        "TSC07-02.yaml",
        &text.replacen("owner: SECAS", "owner: 5", 1),
    );
    let out = check(schema, std::slice::from_ref(&file));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("$.owner: 5 is not of type 'string'"),
        "{}",
        stdout(&out)
    );
    let (_copy, records) = common::copy_tree(&real_records());
    std::fs::copy(&file, records.join("actions/TSC07-02.yaml")).unwrap();
    let validate = tsc(&["--records", records.to_str().unwrap(), "validate"]);
    assert_eq!(validate.status.code(), Some(1));
    assert!(
        stdout(&validate).contains("error[E0010]: `5` is read as a number where text belongs"),
        "{}",
        stdout(&validate)
    );
}

#[test]
fn every_json_output_carries_a_version_and_matches_its_published_schema() {
    let (dir, schemas) = write_schemas();
    let records = real_records();
    let records = records.to_str().unwrap();
    let (_copy, broken) = common::copy_tree(&real_records());
    common::edit(
        &broken.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: SECSA",
    );
    let runs: [(&str, Vec<&str>); 6] = [
        (
            "validate",
            vec![
                "--records",
                broken.to_str().unwrap(),
                "validate",
                "--format",
                "json",
            ],
        ),
        (
            "actions",
            vec!["--records", records, "actions", "--format", "json"],
        ),
        (
            "mods",
            vec!["--records", records, "mods", "--format", "json"],
        ),
        (
            "meetings",
            vec!["--records", records, "meetings", "--format", "json"],
        ),
        (
            "people",
            vec!["--records", records, "people", "--format", "json"],
        ),
        (
            "organisations",
            vec!["--records", records, "organisations", "--format", "json"],
        ),
    ];
    let mut files = Vec::new();
    for (kind, args) in &runs {
        let out = tsc(args);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect(kind);
        assert_eq!(doc["version"], 1, "{kind}");
        let path = dir.path().join(format!("{kind}.json"));
        std::fs::write(&path, &out.stdout).unwrap();
        files.push((kind, path, doc));
        // The schema printed alone is the one written with the rest.
        let alone = tsc(&["schema", "--output", kind]);
        let written = &schemas
            .iter()
            .find(|(k, _)| *k == format!("{kind}.output"))
            .unwrap()
            .1;
        assert_eq!(stdout(&alone), std::fs::read_to_string(written).unwrap());
    }
    assert_eq!(files[0].2["findings"][0]["code"], "E0103");
    assert_eq!(files[1].2["rows"][0]["id"], "TSC07/01");
    assert_eq!(files[1].2["rows"][0]["owner"], "SECAS");
    for (kind, path, _) in &files {
        let schema = &schemas
            .iter()
            .find(|(k, _)| *k == format!("{kind}.output"))
            .unwrap()
            .1;
        let out = check(schema, std::slice::from_ref(path));
        assert!(
            out.status.success(),
            "{kind}: {}{}",
            stdout(&out),
            common::stderr(&out)
        );
    }
    // A row with a field the schema does not know, or without one it
    // requires, fails: the schema is closed.
    let mut doc = files[1].2.clone();
    doc["rows"][0]["colour"] = serde_json::json!("red");
    doc["rows"][1].as_object_mut().unwrap().remove("due");
    let (_tmp, bad) = scratch("actions.json", &doc.to_string());
    let schema = &schemas
        .iter()
        .find(|(k, _)| k == "actions.output")
        .unwrap()
        .1;
    let out = check(schema, std::slice::from_ref(&bad));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("'colour' was unexpected"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("'due' is a required property"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_diff_document_matches_its_published_schema() {
    let (_dir, schemas) = write_schemas();
    let schema = &schemas
        .iter()
        .find(|(k, _)| k == "diff.output")
        .expect("diff.output.schema.json is written")
        .1;
    // A change of every common kind: closed with an update, owner and due
    // date, a rename, a new meeting, an unreadable file.
    let repo = tempfile::tempdir().unwrap();
    let records = repo.path().join("records");
    common::copy_dir(&real_records(), &records);
    common::git(repo.path(), &["init", "-q"]);
    common::git(repo.path(), &["add", "."]);
    common::git(repo.path(), &["commit", "-q", "-m", "Import"]);
    common::edit(
        &records.join("actions/TSC07-01.yaml"),
        "status: open",
        "status: closed\nclosed: 2016-07-14\nupdates:\n  - date: 2016-07-14\n    status: closed\n    due: 2016-07-14\n    owner: DCC\n    note: Done.",
    );
    common::edit(
        &records.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: DCC\ndue: 2016-08-01",
    );
    common::edit(
        &records.join("people.yaml"),
        "name: Julian Hughes",
        "name: J. Hughes",
    );
    std::fs::write(records.join("actions/TSC07-03.yaml"), "id: [\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(["diff", "--format", "json"])
        .current_dir(repo.path())
        .env_remove("TSC_RECORDS")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["closed", "owner", "due", "renamed", "unreadable"]);
    // The closing update set a due date: the update's `due` is in the schema ...
    assert_eq!(doc["changes"][0]["update"]["due"], "2016-07-14");
    // ... and reassigned it: so is the update's `owner`.
    assert_eq!(doc["changes"][0]["update"]["owner"], "DCC");
    let (_tmp, file) = scratch("diff.json", &String::from_utf8_lossy(&out.stdout));
    let checked = check(schema, std::slice::from_ref(&file));
    assert!(checked.status.success(), "{}", stdout(&checked));
    // The schema is closed: an unknown field fails.
    let mut bad = doc.clone();
    bad["changes"][0]["colour"] = serde_json::json!("red");
    let (_tmp, file) = scratch("bad.json", &bad.to_string());
    assert!(!check(schema, &[file]).status.success());
}

/// `tsc schema actions` (the plural) names the kind `action` and the
/// `--output actions` schema; `tsc actions --help` describes the listing
/// JSON as it is, `{"version":1,"rows":[...]}`.
#[test]
fn schema_plural_kind_hint_and_listing_json_help() {
    let out = common::tsc(&["schema", "actions"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains(
            "no record kind `actions`; kinds are meeting, action, modification, people, organisations, principles, settings; did you mean `action`? (the schema of `tsc actions --format json` is `tsc schema --output actions`)"
        ),
        "{}",
        common::stderr(&out)
    );
    let help = common::stdout(&common::tsc(&["actions", "--help"]));
    assert!(help.contains("jq '.rows[].id'"), "{help}");
    assert!(!help.contains("'.[]"), "{help}");
    assert!(!help.contains("JSON array of objects"), "{help}");
    for example in [
        "examples/pre-commit/.pre-commit-config.yaml",
        "examples/ci/github-actions.yml",
    ] {
        let text = std::fs::read_to_string(example).unwrap();
        assert!(
            !text.contains("97af863"),
            "{example} pins a commit older than --staged"
        );
        assert!(
            !text.contains("Pin a tag"),
            "{example}: tsc publishes no tags"
        );
    }
}
