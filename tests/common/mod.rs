//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub(crate) mod history;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// How a write command refuses the unknown owner `SECSA` in the seed
/// records: the did-you-mean and every owner in ID order.
pub(crate) const SECSA_REFUSED: &str = "tsc: error: unknown owner `SECSA`; did you mean `SECAS`? \
    use one of: DCC, DECC, OFGEM, SECAS, alan-creighton, alys-garrett, andrew-campbell, \
    andy-knowles, ashley-pocock, colin-rowland, david-barber, david-speake, grahame-weir, \
    joana-esgalhado, julian-hughes, kevin-atkin, leigh-page, matt-roderick, mike-bennett, \
    nigel-nash, paul-saker, rochelle-harrison, sarah-gratte, seamus-gallagher, \
    stephanie-shepherd, tim-boyle, tim-newton\n";

/// This repository's real records (the TSC_07_1606 minutes).
pub(crate) fn real_records() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

/// The small fictional example tree.
pub(crate) fn minimal_example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minimal")
}

/// Runs the `tsc` binary with `args`, from a directory with no `records/`
/// above it and with `TSC_RECORDS` unset, so only `--records` counts. Its
/// parse cache lives under the build's temporary directory, not the
/// user's cache directory.
pub(crate) fn tsc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(args)
        .env_remove("TSC_RECORDS")
        .env("TSC_CACHE_DIR", test_cache_root())
        .env("NO_COLOR", "1")
        .current_dir(std::env::temp_dir())
        .output()
        .expect("the tsc binary runs")
}

/// The cache root the tests' runs of `tsc` share.
pub(crate) fn test_cache_root() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("tsc-cache")
}

/// Runs the `tsc` binary with `args` in `dir`, with `TSC_RECORDS` unset,
/// so that the records are found from `dir` (or named by `--records`).
pub(crate) fn tsc_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(args)
        .env_remove("TSC_RECORDS")
        .env("TSC_CACHE_DIR", test_cache_root())
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .output()
        .expect("the tsc binary runs")
}

/// Standard output as text.
pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `root`, by relative path, with its bytes.
pub(crate) fn snapshot(root: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Copies a directory tree into a fresh temporary directory and returns
/// the temporary directory (kept alive by the caller) and the copy's path.
pub(crate) fn copy_tree(from: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let to = dir.path().join("records");
    copy_dir(from, &to);
    (dir, to)
}

/// Copies the tree `from` into `to`, creating `to` if needed and
/// overwriting files that exist (so it also lays a tree over another).
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Replaces the first occurrence of `from` in `file` with `to`, returning
/// the 1-based line and column where the replacement starts.
pub(crate) fn edit(file: &Path, from: &str, to: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(file).unwrap();
    let at = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not in {}", file.display()));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
    (line, column)
}

/// Asserts that `text` (human `tsc validate` output) holds the diagnostic
/// `SEVERITY[CODE]: MESSAGE` immediately followed by `--> FILE:LINE:COLUMN`.
pub(crate) fn assert_diagnostic(text: &str, title: &str, file: &Path, line: usize, column: usize) {
    let arrow = format!("--> {}:{line}:{column}", file.display());
    let lines: Vec<&str> = text.lines().collect();
    let found = lines
        .windows(2)
        .any(|w| w[0] == title && w[1].trim_start() == arrow);
    assert!(found, "expected\n{title}\n {arrow}\nin\n{text}");
}

/// A Python tool that `scripts/test.sh` installs (pre-commit,
/// check-jsonschema): from `$TSC_PYTOOLS`, else `target/pytools/bin`.
/// Panics with instructions when it is missing, so a missing tool fails
/// the test rather than skipping it.
pub(crate) fn pytool(name: &str) -> PathBuf {
    let dir = std::env::var_os("TSC_PYTOOLS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pytools/bin"),
        PathBuf::from,
    );
    let tool = dir.join(name);
    assert!(
        tool.exists(),
        "{} is missing; run ./scripts/test.sh, which installs it",
        tool.display()
    );
    tool
}

/// The one-line meeting file of the bad corpus: a meeting whose agenda
/// holds `items` items all numbered 1, written `{number: 1,title: x}` one
/// after another on a single line (42,000 make 884 kB, under the size
/// cap). Returns the file's text and the 1-based column of the `1` of
/// item `k` (0-based).
pub(crate) fn one_line_agenda(items: usize) -> (String, impl Fn(usize) -> usize) {
    let head = "{id: TSC_03_2403, number: 3, date: 2024-03-20, start: \"10:00\", end: \"12:00\", \
                status: draft, attendees: [{person: ada-example, category: member, role: chair}], \
                agenda: [";
    let item = "{number: 1,title: x}";
    let mut text = String::with_capacity(head.len() + items * (item.len() + 1) + 4);
    text.push_str(head);
    for k in 0..items {
        if k > 0 {
            text.push(',');
        }
        text.push_str(item);
    }
    text.push_str("]}\n");
    let first = head.chars().count() + "{number: ".len() + 1;
    (text, move |k| first + k * (item.len() + 1))
}

/// Runs `git ARGS` in `dir` as a secretariat with no system configuration,
/// and asserts that it succeeds.
pub(crate) fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Secretariat")
        .env("GIT_AUTHOR_EMAIL", "secretariat@example.org")
        .env("GIT_COMMITTER_NAME", "Secretariat")
        .env("GIT_COMMITTER_EMAIL", "secretariat@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
