//! The command-line front end: one module per subcommand. Each module
//! holds its clap arguments and a `run` function that prints and returns
//! the exit status; the work itself is done by the `tsc` library.

pub(crate) mod actions;
pub(crate) mod cache;
pub(crate) mod color;
pub(crate) mod complete;
pub(crate) mod completions;
pub(crate) mod diff;
pub(crate) mod init;
pub(crate) mod internal_error;
pub(crate) mod man;
pub(crate) mod meetings;
pub(crate) mod minutes;
pub(crate) mod mods;
pub(crate) mod output;
pub(crate) mod people;
pub(crate) mod report;
pub(crate) mod schema;
pub(crate) mod show;
pub(crate) mod validate;
pub(crate) mod write;

use std::path::{Path, PathBuf};

use anyhow::Context;
use tsc::load::{self, Loaded};

/// Exit status when everything is fine.
pub(crate) const EXIT_OK: u8 = 0;
/// Exit status when `tsc validate` found errors in the records.
pub(crate) const EXIT_FINDINGS: u8 = 1;
/// Exit status for usage errors and I/O errors (clap uses 2 as well).
pub(crate) const EXIT_USAGE: u8 = 2;

/// Finds the records directory: `--records`, `$TSC_RECORDS`, or the
/// nearest `records/` above the current directory.
pub(crate) fn records_dir(cli_records: Option<&Path>) -> anyhow::Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let env = std::env::var_os(load::RECORDS_ENV);
    Ok(load::find_records_dir(cli_records, env.as_deref(), &cwd)?)
}

/// Finds the records directory and loads it, through the parse cache
/// unless `--no-cache`.
pub(crate) fn load(cli_records: Option<&Path>, cache: &cache::CacheArgs) -> anyhow::Result<Loaded> {
    let root = records_dir(cli_records)?;
    let scanned = load::scan(&root)?;
    Ok(parse(scanned, cache.dir_for(&root).as_ref()))
}

/// Parses a scanned tree through the cache folder `dir` (if any) and
/// prints the cache's notes.
pub(crate) fn parse(scanned: load::Scanned, dir: Option<&tsc::cache::CacheDir>) -> Loaded {
    let (loaded, usage) = scanned.parse(dir);
    cache::report(&usage);
    loaded
}

/// Tells the user on standard error that some records did not load, so an
/// answer built from the rest is not mistaken for the whole story.
pub(crate) fn warn_if_invalid(loaded: &Loaded) {
    let n = loaded.findings.len();
    // Without tsc.yaml the answer is built with the built-in (TSC)
    // settings: their vocabularies, statuses and ID patterns.
    let settings = if loaded.settings_failure().is_some() {
        " (tsc.yaml among them: the built-in settings were used)"
    } else {
        ""
    };
    if n > 0 {
        say(&format!(
            "tsc: warning: {n} record file{} could not be read{settings}; run `tsc validate` for details",
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// Writes one line to standard error, ignoring failure: when standard
/// error is a closed pipe there is nobody left to tell, and `eprintln!`
/// would panic.
pub(crate) fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Whether `error` comes from writing to a reader that went away (`tsc
/// actions | head -1`). Such a run has done what was asked of it.
pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Checks a filter value against the IDs it may take, so that a typo is a
/// usage error (exit 2) with a suggestion rather than an empty answer.
///
/// # Errors
/// When `value` is none of `allowed` (compared without regard to case).
pub(crate) fn require_known<'a>(
    value: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
    what: &str,
) -> anyhow::Result<()> {
    Ok(tsc::suggest::require_known(value, allowed, what)?)
}
