//! `tsc validate`.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use clap::{Args, ValueEnum};
use tsc::cache::memo::{self, Memo, MemoKey};
use tsc::diagnostics::{Format, render};
use tsc::escape::{self, Flavour};
use tsc::explain::explain;
use tsc::finding::Code;
use tsc::git::{self, Revision};
use tsc::index::Index;
use tsc::processing::FORCE_INTERNAL_ERROR_ENV;
use tsc::validate::validate_with;

use super::cache::CacheArgs;
use super::{EXIT_FINDINGS, EXIT_OK};

/// Arguments of `tsc validate`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  tsc validate                              check ./records (or the nearest records/ above)
  tsc validate --records examples/minimal   check another records directory
  tsc validate --deny warnings              fail on warnings too (for CI)
  tsc validate --format json | jq '.findings[] | .code'
  tsc validate --format github              annotations in a GitHub Actions run
  tsc validate --explain E0101              what rule E0101 checks and how to fix it
  tsc validate --staged                     check what the next commit holds (pre-commit)

Exit status: 0 no errors (and no warnings with --deny warnings); 1 findings;
2 usage or I/O error. The status is the same in every format.")]
pub(crate) struct ValidateArgs {
    /// How to print findings: `human` (rustc-style, the default), `json`
    /// (one document; fields in docs/rules.md) or `github` (workflow
    /// commands that annotate a pull request).
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// `--deny warnings`: warnings make the exit status 1 as errors do.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<DenyArg>,
    /// Print the catalogue entry of a rule (code like E0101 or name like
    /// unknown-person) and exit; needs no records.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
    /// Validate the records as they are in the git index (what the next
    /// commit will hold), read through git: untracked, ignored and
    /// unstaged files do not count, and $TSC_RECORDS is ignored (only
    /// --records names another directory). For the pre-commit hook.
    #[arg(long)]
    pub staged: bool,
}

/// `--format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
    /// Diagnostics like a compiler's (rustc style).
    Human,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands.
    Github,
}

/// `--deny`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum DenyArg {
    /// Treat warnings as errors for the exit status.
    Warnings,
}

/// Prints the catalogue entry for `--explain`, or validates the records
/// and prints every finding; returns 1 when the run fails.
pub(crate) fn run(
    args: &ValidateArgs,
    records: Option<&Path>,
    cache: &CacheArgs,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    if let Some(name) = &args.explain {
        let code = Code::parse(name).ok_or_else(|| {
            let names = Code::ALL.iter().map(|c| c.code()).collect::<Vec<_>>();
            anyhow::anyhow!(
                "no rule `{name}`; rules are {} (see docs/rules.md)",
                names.join(", ")
            )
        })?;
        writeln!(out, "{}", explain(code).trim_end())?;
        return Ok(EXIT_OK);
    }
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
    };
    let styled = super::color::styled();
    let deny_warnings = matches!(args.deny, Some(DenyArg::Warnings));
    // `--staged` reads the index through git; the parses go through the
    // same content-keyed cache as the work tree's (its folder is the work
    // tree's records directory's), so a staged file equal to the one on
    // disk is served from the same entry.
    let (scanned, cache_for) = if args.staged {
        let cwd = std::env::current_dir().context("cannot read the current directory")?;
        let tree = git::scan_records(&cwd, records, Revision::Index)?;
        (tree.scanned, tree.work_tree_dir)
    } else {
        let root = super::records_dir(records)?;
        (tsc::load::scan(&root)?, root)
    };
    let dir = cache.dir_for(&cache_for);
    // The whole-run memo: every input of this run, so that the same
    // inputs may be answered with the same output without parsing or
    // checking. A staged tree with the same files, findings and records
    // path as the work tree is the same input.
    let memo_key = dir.as_ref().map(|_| {
        let mut key = MemoKey::new();
        let options = format!("validate {format:?} styled={styled} deny-warnings={deny_warnings}");
        let forced = std::env::var_os(FORCE_INTERNAL_ERROR_ENV).unwrap_or_default();
        key.part(options.as_bytes()).part(forced.as_encoded_bytes());
        scanned.memo_key(&mut key);
        key.finish()
    });
    if let (Some(dir), Some(key)) = (&dir, &memo_key) {
        match memo::read(dir, key) {
            Ok(Some(memo)) => {
                super::cache::report_memo_used();
                // The scanned files (every record file's bytes, read on
                // the other threads) are not freed one by one just before
                // the process exits: that was 3 % of a memo run.
                std::mem::forget(scanned);
                return replay(&memo, out);
            }
            Ok(None) => {}
            Err(note) => super::say(&format!("tsc: note: {note}")),
        }
    }
    let loaded = super::parse(scanned, dir.as_ref());
    let index = Index::new(&loaded.records);
    let report = validate_with(&loaded, &index);
    let code = if report.fails(deny_warnings) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    let text = render(&report, format, &loaded.sources, styled);
    let text = match format {
        // The human format escapes record text field by field, and may
        // be coloured.
        Format::Human => escape::line_starts(&text, Flavour::Text),
        Format::Json => escape::output(&text, Flavour::Json),
        // Every line is a workflow command tsc writes; record text in it
        // has its line breaks escaped (`%0A`).
        Format::Github => escape::controls(&text, Flavour::Text),
    };
    let denied = (deny_warnings && report.error_count() == 0 && report.warning_count() > 0)
        .then_some("tsc: warnings are denied (--deny warnings), so this run fails");
    // As for the other commands, the model is not freed value by value
    // just before the process exits.
    std::mem::forget(report);
    std::mem::forget(index);
    std::mem::forget(loaded);
    if let (Some(dir), Some(key)) = (&dir, &memo_key) {
        let memo = Memo {
            status: code,
            stderr: denied
                .map(|line| format!("{line}\n"))
                .unwrap_or_default()
                .into_bytes(),
            stdout: text.into_owned().into_bytes(),
        };
        // A cache location that cannot be written just means no memo.
        let _ = memo::write(dir, key, &memo);
        return replay(&memo, out);
    }
    match out.write_all(text.as_bytes()) {
        // `tsc validate | head`: the reader stopped early, but the verdict
        // is known and must reach the pipeline (a CI gate with pipefail).
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(code),
        other => other?,
    }
    if let Some(line) = denied {
        super::say(line);
    }
    Ok(code)
}

/// Prints what a run printed, and returns its status.
fn replay(memo: &Memo, out: &mut dyn Write) -> anyhow::Result<u8> {
    match out.write_all(&memo.stdout) {
        // As above: the verdict must reach the pipeline.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(memo.status),
        other => other?,
    }
    if !memo.stderr.is_empty() {
        let _ = std::io::stderr().write_all(&memo.stderr);
    }
    Ok(memo.status)
}
