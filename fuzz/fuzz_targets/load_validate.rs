//! Loader + validator fuzz target: the real records tree with one file
//! replaced by the fuzzer's bytes. The first input byte picks which file
//! (or a new file in one of the record folders); the rest is its content.
//! Loading and validating must never panic, whatever the bytes.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;

/// Where the fuzzer's bytes may land: every kind of record file.
const PLACES: &[&str] = &[
    "tsc.yaml",
    "people.yaml",
    "organisations.yaml",
    "principles.yaml",
    "meetings/TSC_07_1606.yaml",
    "actions/TSC07-01.yaml",
    "modifications/SECMP0007.yaml",
    "meetings/2016/TSC_08_1607.yaml",
    "actions/TSC07-05.yaml",
    "modifications/SECMP0099.yaml",
    "notes/stray.yaml",
];

fn real_tree() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../records");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("records directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let bytes = std::fs::read(&path).expect("record file");
            files.push((path.strip_prefix(root).unwrap().to_path_buf(), bytes));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    thread_local! {
        static TREE: Vec<(PathBuf, Vec<u8>)> = real_tree();
    }
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let place = Path::new(PLACES[usize::from(pick) % PLACES.len()]);
    let mut files = TREE.with(Clone::clone);
    files.retain(|(path, _)| path != place);
    files.push((place.to_path_buf(), content.to_vec()));
    let loaded = tsc::load::load_in_memory(Path::new("records"), &files);
    let report = tsc::validate::validate(&loaded);
    // Every finding must render (the CLI prints them all).
    for finding in &report.findings {
        let _ = finding.to_string();
    }
});
