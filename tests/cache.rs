//! The parse cache and the `validate` memo never change an answer: after
//! each of the changes that made other tools' caches go stale, `tsc
//! validate` through the cache prints exactly what a `--no-cache` run
//! prints, and the cache is seen to be used (its hit counts, printed with
//! `TSC_CACHE_STATS=1`).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `tsc` on `records` with `args`, through the cache under `cache`
/// (or with `--no-cache` when `cache` is `None`), using the binary `exe`.
fn run_with(exe: &Path, records: &Path, cache: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(exe);
    command
        .arg("--records")
        .arg(records)
        .args(args)
        .env_remove("TSC_RECORDS")
        .env_remove("TSC_CACHE_DIR")
        .env("NO_COLOR", "1")
        .env("TSC_CACHE_STATS", "1")
        .current_dir(std::env::temp_dir());
    match cache {
        Some(dir) => command.arg("--cache-dir").arg(dir),
        None => command.arg("--no-cache"),
    };
    command.output().expect("the tsc binary runs")
}

fn tsc_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tsc"))
}

/// Standard error without the cache's own lines (its use and its notes).
fn answer_stderr(output: &Output) -> String {
    common::stderr(output)
        .lines()
        .filter(|l| !l.starts_with("tsc: cache: ") && !l.starts_with("tsc: note: "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The cache's own lines on standard error.
fn cache_lines(output: &Output) -> Vec<String> {
    common::stderr(output)
        .lines()
        .filter(|l| l.starts_with("tsc: cache: ") || l.starts_with("tsc: note: "))
        .map(str::to_owned)
        .collect()
}

/// Runs `validate args` through the cache and without it, asserts that
/// the two agree (output, the rest of standard error, exit status) and
/// returns the cached run.
fn validate_agrees(exe: &Path, records: &Path, cache: &Path, args: &[&str]) -> Output {
    let mut full = vec!["validate"];
    full.extend_from_slice(args);
    let cached = run_with(exe, records, Some(cache), &full);
    let fresh = run_with(exe, records, None, &full);
    assert_eq!(common::stdout(&cached), common::stdout(&fresh));
    assert_eq!(answer_stderr(&cached), answer_stderr(&fresh));
    assert_eq!(cached.status.code(), fresh.status.code());
    cached
}

/// The line `TSC_CACHE_STATS` prints, alone.
fn stats(hits: usize, parsed: usize, written: &str) -> [String; 1] {
    [format!(
        "tsc: cache: {hits} hits, {parsed} parsed, {written}"
    )]
}

/// The line `TSC_CACHE_STATS` prints when validate's memo answers.
const MEMO_USED: &str = "tsc: cache: memo used: the last answer, nothing parsed or checked";

/// A copy of the real records and an empty cache root beside it.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (temp, records) = common::copy_tree(&common::real_records());
    let cache = temp.path().join("cache");
    (temp, records, cache)
}

/// The 25 record files of the real records other than `tsc.yaml`, the
/// ones the cache holds (2 meetings, 4 actions, 16 proposals, people,
/// organisations and principles).
const CACHEABLE: usize = 25;

#[test]
fn a_warm_run_parses_nothing_and_a_repeated_validate_is_served_whole() {
    let (_temp, records, cache) = setup();
    let cold = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(cache_lines(&cold), stats(0, CACHEABLE, "written"));
    assert_eq!(cold.status.code(), Some(0));
    // Another command: every parse from the cache, nothing to rewrite.
    let actions = run_with(&tsc_bin(), &records, Some(&cache), &["actions", "--open"]);
    assert_eq!(cache_lines(&actions), stats(CACHEABLE, 0, "not written"));
    let fresh = run_with(&tsc_bin(), &records, None, &["actions", "--open"]);
    assert_eq!(common::stdout(&actions), common::stdout(&fresh));
    assert!(common::stdout(&actions).contains("TSC07/02"));
    // The same validate again: the memo answers, so no load at all.
    let memo = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(cache_lines(&memo), [MEMO_USED]);
    // Other options are other inputs: loaded again, from the cache.
    let json = validate_agrees(&tsc_bin(), &records, &cache, &["--format", "json"]);
    assert_eq!(cache_lines(&json), stats(CACHEABLE, 0, "not written"));
    // Nothing was written under the records.
    let mut names: Vec<_> = walk(&records);
    names.sort();
    let mut real: Vec<_> = walk(&common::real_records());
    real.sort();
    assert_eq!(names, real);
}

fn walk(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path.strip_prefix(root).unwrap().to_path_buf());
        }
    }
    found
}

#[test]
fn an_edit_that_keeps_size_and_modification_time_is_seen() {
    let (_temp, records, cache) = setup();
    let file = records.join("actions/TSC07-02.yaml");
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    let modified = fs::metadata(&file).unwrap().modified().unwrap();
    let before = fs::metadata(&file).unwrap().len();
    common::edit(&file, "owner: SECAS", "owner: SECSA");
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(&file).unwrap().len(), before);
    assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), modified);
    let warm = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    common::assert_diagnostic(
        &common::stdout(&warm),
        "error[E0103]: unknown owner `SECSA`",
        &file,
        5,
        8,
    );
    assert_eq!(warm.status.code(), Some(1));
    assert_eq!(cache_lines(&warm), stats(CACHEABLE - 1, 1, "written"));
}

#[test]
fn a_file_moved_to_another_kinds_folder_is_parsed_as_that_kind() {
    let (_temp, records, cache) = setup();
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    let moved = records.join("meetings/TSC07-02.yaml");
    fs::rename(records.join("actions/TSC07-02.yaml"), &moved).unwrap();
    let warm = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    let text = common::stdout(&warm);
    assert!(
        text.contains("file holds an action record where a meeting record belongs"),
        "{text}"
    );
    // Same bytes, but another kind: not served from the action's entry.
    assert_eq!(cache_lines(&warm), stats(CACHEABLE - 1, 0, "written"));
    // Moved back: the action's parse is long pruned, so parsed again.
    fs::rename(&moved, records.join("actions/TSC07-02.yaml")).unwrap();
    let back = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(back.status.code(), Some(0));
    assert_eq!(cache_lines(&back), stats(CACHEABLE - 1, 1, "written"));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "advice.detachedHead=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        common::stderr(&status)
    );
}

#[test]
fn switching_branches_back_and_forth_gives_each_branchs_answer() {
    let (_temp, records, cache) = setup();
    git(&records, &["init", "-q"]);
    git(&records, &["add", "."]);
    git(&records, &["commit", "-qm", "seed"]);
    git(&records, &["checkout", "-qb", "edits"]);
    common::edit(
        &records.join("actions/TSC07-03.yaml"),
        "status: ",
        "status: pending\nx: ",
    );
    fs::remove_file(records.join("modifications/SECMP0002.yaml")).unwrap();
    git(&records, &["commit", "-qam", "edits"]);
    let mut outputs = Vec::new();
    for branch in ["main", "edits", "main", "edits"] {
        git(&records, &["checkout", "-q", branch]);
        let run = validate_agrees(&tsc_bin(), &records, &cache, &["--format", "json"]);
        outputs.push((branch, run.status.code(), common::stdout(&run)));
    }
    assert_eq!(outputs[0], outputs[2]);
    assert_eq!(outputs[1], outputs[3]);
    assert_eq!(outputs[0].1, Some(0));
    assert_eq!(outputs[1].1, Some(1));
    assert!(outputs[1].2.contains("SECMP0002"), "{}", outputs[1].2);
}

#[test]
fn a_deleted_file_is_gone_from_the_answer() {
    let (_temp, records, cache) = setup();
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    fs::remove_file(records.join("people.yaml")).unwrap();
    let warm = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(warm.status.code(), Some(1));
    assert!(common::stdout(&warm).contains("unknown person"));
    assert_eq!(cache_lines(&warm), stats(CACHEABLE - 1, 0, "written"));
}

#[test]
fn a_changed_tsc_yaml_changes_the_checks_not_the_parses() {
    let (_temp, records, cache) = setup();
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    common::edit(&records.join("tsc.yaml"), "- id: open\n", "- id: opened\n");
    let warm = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(warm.status.code(), Some(1));
    let text = common::stdout(&warm);
    assert!(text.contains("status: open"), "{text}");
    // Every record parse still served: settings are an input of the
    // checks, which run every time.
    assert_eq!(cache_lines(&warm), stats(CACHEABLE, 0, "not written"));
}

#[test]
fn a_new_build_of_tsc_starts_a_fresh_cache() {
    let (temp, records, cache) = setup();
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    // A rebuilt binary: same version, another executable (size and time).
    let rebuilt = temp.path().join("tsc-rebuilt");
    fs::copy(tsc_bin(), &rebuilt).unwrap();
    let warm = validate_agrees(&rebuilt, &records, &cache, &[]);
    assert_eq!(cache_lines(&warm), stats(0, CACHEABLE, "written"));
    // And the old build, in turn, does not read the new build's cache.
    let old = validate_agrees(&tsc_bin(), &records, &cache, &["--format", "json"]);
    assert_eq!(cache_lines(&old), stats(0, CACHEABLE, "written"));
}

/// The one folder under the cache root.
fn folder(cache: &Path) -> PathBuf {
    let mut dirs: Vec<_> = fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs.pop().unwrap()
}

/// The store's shard files in a cache folder, in name order.
fn shards(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("parse-") && name.ends_with(".pack")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn an_edit_rewrites_only_the_shards_it_touches() {
    let (_temp, records, cache) = setup();
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    let before: Vec<(PathBuf, Vec<u8>)> = shards(&folder(&cache))
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    // 25 entries spread over the 64 shards.
    assert!(before.len() > 10, "{}", before.len());
    common::edit(
        &records.join("actions/TSC07-02.yaml"),
        "owner: SECAS",
        "owner: SECSA",
    );
    let warm = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(cache_lines(&warm), stats(CACHEABLE - 1, 1, "written"));
    let after = shards(&folder(&cache));
    let changed = before
        .iter()
        .filter(|(path, bytes)| fs::read(path).ok().as_ref() != Some(bytes))
        .count();
    let added = after
        .iter()
        .filter(|p| !before.iter().any(|(q, _)| q == *p))
        .count();
    // The old parse's shard lost it and the new parse's shard gained it
    // (they may be one shard, or the old one may now be empty and gone).
    assert!(
        (1..=2).contains(&(changed + added)),
        "{changed} changed, {added} added"
    );
    // Exactly the run's entries are kept: the next run rewrites nothing.
    let again = validate_agrees(&tsc_bin(), &records, &cache, &["--format", "json"]);
    assert_eq!(cache_lines(&again), stats(CACHEABLE, 0, "not written"));
}

#[test]
fn folders_of_records_directories_that_are_gone_are_pruned() {
    let cache = tempfile::tempdir().unwrap();
    let (gone, gone_records) = common::copy_tree(&common::real_records());
    let (_kept, kept_records) = common::copy_tree(&common::real_records());
    validate_agrees(&tsc_bin(), &gone_records, cache.path(), &[]);
    let gone_folder = folder(cache.path());
    assert_eq!(
        fs::read(gone_folder.join("records")).unwrap(),
        gone_records
            .canonicalize()
            .unwrap()
            .as_os_str()
            .as_encoded_bytes()
    );
    // Something else in the cache root, not a cache folder: left alone.
    let foreign = cache.path().join("0123456789abcdef0123456789abcdef");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), b"not tsc's").unwrap();
    // Regression: an empty folder named like a cache folder, and one
    // holding only a user's file called `records` naming no directory,
    // were removed as cache folders. Only a folder with a store or memo
    // file that carries tsc's signature is one.
    let empty = cache.path().join("fedcba9876543210fedcba9876543210");
    fs::create_dir(&empty).unwrap();
    let named = cache.path().join("00000000000000000000000000000000");
    fs::create_dir(&named).unwrap();
    fs::write(named.join("records"), b"my notes").unwrap();
    fs::write(named.join("parse-00.pack"), b"my other notes").unwrap();
    drop(gone);
    assert!(!gone_records.exists());
    // A run that writes prunes the folder of the records that are gone.
    let run = validate_agrees(&tsc_bin(), &kept_records, cache.path(), &[]);
    assert_eq!(cache_lines(&run), stats(0, CACHEABLE, "written"));
    assert!(!gone_folder.exists());
    let mut left: Vec<PathBuf> = fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    left.sort();
    assert_eq!(left.len(), 4, "{left:?}");
    assert!(left.contains(&foreign));
    assert!(left.contains(&empty) && left.contains(&named), "{left:?}");
    assert_eq!(fs::read(named.join("records")).unwrap(), b"my notes");
    assert!(foreign.join("notes.txt").exists());
}

#[test]
fn staged_files_are_parsed_through_the_cache_by_their_content() {
    let (_temp, records, cache) = setup();
    git(&records, &["init", "-q"]);
    git(&records, &["add", "."]);
    git(&records, &["commit", "-qm", "seed"]);
    // The work tree's parses fill the cache.
    let work = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(cache_lines(&work), stats(0, CACHEABLE, "written"));
    // The same content staged: every parse served from those entries.
    let staged = validate_agrees(
        &tsc_bin(),
        &records,
        &cache,
        &["--staged", "--format", "json"],
    );
    assert_eq!(cache_lines(&staged), stats(CACHEABLE, 0, "not written"));
    // Staged content that differs from the work tree's: a misspelt owner
    // staged, then put right in the work tree only.
    let file = records.join("actions/TSC07-02.yaml");
    common::edit(&file, "owner: SECAS", "owner: SECSA");
    git(&records, &["add", "actions/TSC07-02.yaml"]);
    common::edit(&file, "owner: SECSA", "owner: SECAS");
    let staged = validate_agrees(&tsc_bin(), &records, &cache, &["--staged"]);
    assert_eq!(staged.status.code(), Some(1));
    common::assert_diagnostic(
        &common::stdout(&staged),
        "error[E0103]: unknown owner `SECSA`",
        &file,
        5,
        8,
    );
    assert_eq!(cache_lines(&staged), stats(CACHEABLE - 1, 1, "written"));
    // The work tree still validates, and is not answered by the staged
    // run's memo.
    let work = validate_agrees(&tsc_bin(), &records, &cache, &[]);
    assert_eq!(work.status.code(), Some(0));
    assert_eq!(cache_lines(&work), stats(CACHEABLE - 1, 1, "written"));
    // And the staged answer again, from the cache.
    let staged = validate_agrees(&tsc_bin(), &records, &cache, &["--staged"]);
    assert_eq!(staged.status.code(), Some(1));
    assert_eq!(cache_lines(&staged), stats(CACHEABLE - 1, 1, "written"));
    // The same staged run twice: the second is the memo's.
    let memo = validate_agrees(&tsc_bin(), &records, &cache, &["--staged"]);
    assert_eq!(cache_lines(&memo), [MEMO_USED]);
    assert_eq!(common::stdout(&memo), common::stdout(&staged));
}

#[test]
fn a_corrupt_truncated_or_foreign_cache_is_noted_and_rebuilt() {
    let (_temp, records, cache) = setup();
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    let pack = shards(&folder(&cache))[0].clone();
    let memo = folder(&cache).join("validate.memo");
    let good = fs::read(&pack).unwrap();
    let damaged: [(&str, Vec<u8>); 3] = [
        ("is corrupt (an entry's checksum does not match)", {
            let mut bytes = good.clone();
            bytes[good.len() / 3] ^= 0x55;
            bytes
        }),
        ("is truncated", good[..good.len() / 2].to_vec()),
        (
            "is not a tsc cache store",
            b"{\"cache\": \"of another tool\"}\n".to_vec(),
        ),
    ];
    for (problem, bytes) in damaged {
        fs::write(&pack, &bytes).unwrap();
        let _ = fs::remove_file(&memo);
        let run = validate_agrees(&tsc_bin(), &records, &cache, &[]);
        let lines = cache_lines(&run);
        assert_eq!(
            lines[0],
            format!(
                "tsc: note: cache file {} {problem}; ignored it and rebuilding it",
                pack.display()
            )
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].ends_with("parsed, written"), "{lines:?}");
        // Rebuilt: the next run is clean and served from the cache.
        let again = validate_agrees(&tsc_bin(), &records, &cache, &["--format", "json"]);
        assert_eq!(cache_lines(&again), stats(CACHEABLE, 0, "not written"));
    }
    // A damaged memo is noted too, and answered afresh.
    let mut bytes = fs::read(&memo).unwrap();
    let at = bytes.len() - 40;
    bytes[at] ^= 1;
    fs::write(&memo, &bytes).unwrap();
    let run = validate_agrees(&tsc_bin(), &records, &cache, &["--format", "json"]);
    assert_eq!(
        cache_lines(&run)[0],
        format!(
            "tsc: note: cache file {} is corrupt (its checksum does not match); ignored it and rebuilding it",
            memo.display()
        )
    );
}

#[test]
fn an_unwritable_cache_location_just_means_no_caching() {
    let (temp, records, _) = setup();
    let blocker = temp.path().join("not-a-directory");
    fs::write(&blocker, b"a file where the cache root should be").unwrap();
    for _ in 0..2 {
        let run = validate_agrees(&tsc_bin(), &records, &blocker, &[]);
        assert_eq!(cache_lines(&run), stats(0, CACHEABLE, "not written"));
    }
}

#[test]
fn a_cache_directory_inside_the_records_is_never_written() {
    let (_temp, records, _) = setup();
    let inside = records.join(".cache");
    let run = validate_agrees(&tsc_bin(), &records, &inside, &[]);
    assert_eq!(
        common::stderr(&run).lines().next().unwrap(),
        format!(
            "tsc: note: not caching: the cache directory {} is inside the records",
            inside.display()
        )
    );
    assert!(!inside.exists());
}

#[test]
fn two_processes_at_once_leave_a_whole_cache() {
    let (_temp, records, cache) = setup();
    let fresh = run_with(&tsc_bin(), &records, None, &["validate"]);
    for round in 0..3 {
        // Each round changes one file so that both runs write the store.
        let file = records.join(format!("actions/TSC07-0{}.yaml", round + 1));
        common::edit(&file, "text: >-", "text: >-\n  # edited");
        let fresh = run_with(&tsc_bin(), &records, None, &["validate"]);
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(tsc_bin())
                    .arg("--records")
                    .arg(&records)
                    .arg("--cache-dir")
                    .arg(&cache)
                    .arg("validate")
                    .env("NO_COLOR", "1")
                    .env("TSC_CACHE_STATS", "1")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert_eq!(common::stdout(&output), common::stdout(&fresh));
            assert_eq!(output.status.code(), fresh.status.code());
            let notes: Vec<_> = cache_lines(&output)
                .into_iter()
                .filter(|l| l.starts_with("tsc: note:"))
                .collect();
            assert!(notes.is_empty(), "{notes:?}");
        }
        let after = validate_agrees(&tsc_bin(), &records, &cache, &["--format", "json"]);
        assert_eq!(cache_lines(&after), stats(CACHEABLE, 0, "not written"));
    }
    assert_eq!(fresh.status.code(), Some(0));
}

#[test]
fn every_command_answers_the_same_through_the_cache() {
    let (_temp, records, cache) = setup();
    validate_agrees(&tsc_bin(), &records, &cache, &[]);
    for args in [
        &["actions", "--open"][..],
        &["mods", "--format", "json"],
        &["report", "--as-of", "2016-07-01"],
        &["meetings"],
        &["people"],
        &["show", "SECMP0014"],
        &["minutes", "TSC_07_1606"],
    ] {
        let cached = run_with(&tsc_bin(), &records, Some(&cache), args);
        let fresh = run_with(&tsc_bin(), &records, None, args);
        assert_eq!(common::stdout(&cached), common::stdout(&fresh), "{args:?}");
        assert!(!common::stdout(&cached).is_empty(), "{args:?}");
        assert_eq!(
            cache_lines(&cached),
            stats(CACHEABLE, 0, "not written"),
            "{args:?}"
        );
    }
}

/// The review-panel example's item numbers (`2a`), role lists and stub
/// meeting go through the cache's binary form: every read command gives
/// from a warm cache what it gives without one.
#[test]
fn the_review_panel_example_reads_the_same_from_a_warm_cache() {
    let exe = tsc_bin();
    let records = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/review-panel");
    let cache = tempfile::tempdir().unwrap();
    let commands: [&[&str]; 6] = [
        &["minutes", "PANEL_69_1409"],
        &["meetings", "--format", "json"],
        &["actions", "--format", "json"],
        &["show", "PANEL_69_1409"],
        &["mods", "--format", "json"],
        &["report", "--as-of", "2014-10-01"],
    ];
    for args in commands {
        let cold = run_with(&exe, &records, None, args);
        assert!(cold.status.success(), "{args:?}: {}", answer_stderr(&cold));
        let _fill = run_with(&exe, &records, Some(cache.path()), args);
        let warm = run_with(&exe, &records, Some(cache.path()), args);
        assert_eq!(
            String::from_utf8_lossy(&warm.stdout),
            String::from_utf8_lossy(&cold.stdout),
            "{args:?}"
        );
    }
}
