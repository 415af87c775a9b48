//! Property test: the real records, mutated the way hand edits and bad
//! merges mutate them (lines deleted or duplicated, random bytes and YAML
//! punctuation inserted, the file cut short), never make loading or
//! validating panic, and a mutated meeting, action or modification file
//! is either read or named by a finding, never silently dropped.
//!
//! 32 cases by default, so `cargo test` stays fast. For a long local run:
//! `TSC_PROPTEST_CASES=20000 cargo test --release --test mutations`
//! (documented in `docs/fuzzing.md`).

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;
use tsc::cache::{CacheDir, CacheKey};
use tsc::diagnostics::{Format, render};
use tsc::load::{load_in_memory, scan};
use tsc::validate::validate;

/// The environment variable that sets the number of cases.
const CASES_ENV: &str = "TSC_PROPTEST_CASES";

/// Every file of the real records, as (path inside the tree, bytes).
fn real_files() -> &'static [(PathBuf, Vec<u8>)] {
    static FILES: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = common::real_records();
        let mut files = Vec::new();
        collect(&root, &root, &mut files);
        files.sort();
        files
    })
}

fn collect(root: &Path, dir: &Path, into: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, into);
        } else {
            let bytes = std::fs::read(&path).unwrap();
            into.push((path.strip_prefix(root).unwrap().to_path_buf(), bytes));
        }
    }
}

/// YAML punctuation and constructs that change how a file parses.
const PUNCTUATION: &[&str] = &[
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "?",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "!tag ",
    "'",
    "\"",
    "|",
    ">-",
    "#",
    "\t",
    "\n",
    "  ",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "<<: *a\n",
    "~",
    "null",
    "yes",
    "0x1F",
    "2016-02-30",
    "\u{feff}",
    "\r",
    "\\",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    InsertBytes(usize, Vec<u8>),
    InsertPunctuation(usize, &'static str),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::InsertBytes(at, bytes)),
        (any::<usize>(), proptest::sample::select(PUNCTUATION))
            .prop_map(|(at, p)| Mutation::InsertPunctuation(at, p)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Applies `m` to `bytes`; positions are taken modulo the length.
fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let lines = |b: &[u8]| -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' {
                spans.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < b.len() {
            spans.push((start, b.len()));
        }
        spans
    };
    match m {
        Mutation::DeleteLine(n) | Mutation::DuplicateLine(n) => {
            let spans = lines(bytes);
            if spans.is_empty() {
                return;
            }
            let (start, end) = spans[n % spans.len()];
            if matches!(m, Mutation::DeleteLine(_)) {
                bytes.drain(start..end);
            } else {
                let line = bytes[start..end].to_vec();
                bytes.splice(end..end, line);
            }
        }
        Mutation::InsertBytes(at, new) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::InsertPunctuation(at, p) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, p.bytes());
        }
        Mutation::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
    }
}

fn cases() -> u32 {
    std::env::var(CASES_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_records_never_panic_and_are_never_silently_dropped(
        pick in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let mut files = real_files().to_vec();
        let index = pick % files.len();
        for m in &mutations {
            apply(&mut files[index].1, m);
        }
        let root = Path::new("records");
        let mutated = root.join(&files[index].0);
        let loaded = load_in_memory(root, &files);
        let report = validate(&loaded);
        for finding in &report.findings {
            prop_assert!(!finding.to_string().is_empty());
        }
        let per_record_file = ["meetings", "actions", "modifications"]
            .iter()
            .any(|folder| files[index].0.starts_with(folder));
        if per_record_file {
            let r = &loaded.records;
            let read = r.meetings.iter().any(|m| m.file == mutated)
                || r.actions.iter().any(|a| a.file == mutated)
                || r.modifications.iter().any(|m| m.file == mutated);
            let named = report.findings.iter().any(|f| f.file == mutated);
            prop_assert!(read || named, "{} was dropped silently", mutated.display());
        }
    }

    /// The same mutations on disk, loaded through a warm parse cache, give
    /// exactly the output of a load without it.
    #[test]
    fn mutated_records_through_the_cache_validate_as_without_it(
        pick in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let (_, root, dir) = cached_tree();
        let mut files = real_files().to_vec();
        let index = pick % files.len();
        for m in &mutations {
            apply(&mut files[index].1, m);
        }
        write_tree(root, &files);
        let (cached, usage) = scan(root).unwrap().parse(Some(dir));
        let (fresh, _) = scan(root).unwrap().parse(None);
        prop_assert_eq!(rendered(&cached), rendered(&fresh));
        prop_assert_eq!(cached.findings.len(), fresh.findings.len());
        // Every file came from the cache but the mutated one and the one
        // the case before mutated (whose first parse that run pruned).
        prop_assert!(usage.hits >= CACHED_FILES - 2, "{:?}", usage);
        prop_assert!(usage.notes.is_empty(), "{:?}", usage.notes);
    }
}

/// A records tree on disk that the cached cases rewrite, and its cache
/// folder, warmed with the real records' parses.
fn cached_tree() -> &'static (tempfile::TempDir, PathBuf, CacheDir) {
    static TREE: OnceLock<(tempfile::TempDir, PathBuf, CacheDir)> = OnceLock::new();
    TREE.get_or_init(|| {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("records");
        let dir = CacheDir::for_records(
            &temp.path().join("cache"),
            &root,
            CacheKey::new("mutations", "test"),
        );
        write_tree(&root, real_files());
        let (_, usage) = scan(&root).unwrap().parse(Some(&dir));
        assert!(usage.written && usage.misses == CACHED_FILES, "{usage:?}");
        (temp, root, dir)
    })
}

/// The real record files the cache holds (all but `tsc.yaml`).
const CACHED_FILES: usize = 25;

fn write_tree(root: &Path, files: &[(PathBuf, Vec<u8>)]) {
    let _ = std::fs::remove_dir_all(root);
    for (path, bytes) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// `validate`'s human and JSON output for `loaded`.
fn rendered(loaded: &tsc::load::Loaded) -> (String, String) {
    let report = validate(loaded);
    (
        render(&report, Format::Human, &loaded.sources, false),
        render(&report, Format::Json, &loaded.sources, false),
    )
}

#[test]
fn the_unmutated_records_load_cleanly_in_memory() {
    let loaded = load_in_memory(Path::new("records"), real_files());
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    let report = validate(&loaded);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(report.summary.actions, 4);
    assert_eq!(report.summary.modifications, 16);
}
