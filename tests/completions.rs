//! Shell completion through the real shell: the script `tsc completions
//! bash` writes is sourced in an interactive bash, which then asks `tsc`
//! for candidates as it would on TAB, and `COMPREPLY` is checked.

mod common;

use std::path::Path;
use std::process::Command;

use common::{real_records, stdout};

/// What bash's completion offers for the words of `line` (the last word
/// being completed), run in `dir` with this build's `tsc` first on PATH.
fn complete(dir: &Path, line: &[&str]) -> Vec<String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_tsc")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let words: Vec<String> = line.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        r#"source <(tsc completions bash)
COMP_WORDS=({words})
COMP_CWORD={cword}
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
COMP_TYPE=9
_clap_complete_tsc tsc "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        words = words.join(" "),
        cword = line.len() - 1,
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-i", "-c", &script])
        .env("PATH", path)
        .env_remove("TSC_RECORDS")
        .env_remove("COMPLETE")
        .current_dir(dir)
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", common::stderr(&out));
    stdout(&out)
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_end().to_owned())
        .collect()
}

#[test]
fn show_completes_proposal_ids_from_the_records() {
    let records = real_records();
    let found = complete(&records, &["tsc", "show", "SECMP001"]);
    let expected: Vec<String> = (10..=17).map(|n| format!("SECMP00{n}")).collect();
    assert_eq!(found, expected);
}

#[test]
fn kinds_owners_statuses_and_meetings_complete() {
    let records = real_records();
    let kinds = complete(&records, &["tsc", "schema", ""]);
    // The kinds come first (options follow only for an empty word).
    let names: Vec<&str> = tsc::schema::Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(kinds[..7], names, "{kinds:?}");
    assert_eq!(
        complete(&records, &["tsc", "schema", "m"]),
        ["meeting", "modification"]
    );
    assert_eq!(
        complete(&records, &["tsc", "actions", "--owner", "SEC"]),
        ["SECAS"]
    );
    assert_eq!(
        complete(&records, &["tsc", "actions", "--status", "o"]),
        ["open", "on-target"]
    );
    assert_eq!(
        complete(&records, &["tsc", "minutes", "TSC"]),
        ["TSC_07_1606"]
    );
    assert_eq!(
        complete(&records, &["tsc", "mods", "--interest", "w"]),
        ["watching-brief"]
    );
    // Outside a records tree, record values have no candidates; files are
    // not offered in their place.
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("SECMP0010.txt"), "").unwrap();
    assert_eq!(
        complete(empty.path(), &["tsc", "show", "SECMP001"]),
        Vec::<String>::new()
    );
}
