//! The parse cache's command-line options, and loading through it.

use std::path::{Path, PathBuf};

use clap::Args;
use tsc::cache::{self, CACHE_DIR_ENV, CacheDir, CacheKey, Usage};

/// `--cache-dir` and `--no-cache`, taken by every command.
#[derive(Debug, Args)]
pub(crate) struct CacheArgs {
    /// Where to keep the parse cache (one folder per records directory
    /// inside it). Default: $TSC_CACHE_DIR, else the user cache directory
    /// (~/.cache/tsc on Linux). Never under the records.
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Neither read nor write the parse cache: parse every file.
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// The environment variable that makes every load print one line on how
/// it used the cache (for the benchmark and for checking a CI set-up).
pub(crate) const CACHE_STATS_ENV: &str = "TSC_CACHE_STATS";

impl CacheArgs {
    /// The cache folder for the records directory `records`, unless
    /// caching is off or there is nowhere to put it.
    pub(crate) fn dir_for(&self, records: &Path) -> Option<CacheDir> {
        if self.no_cache {
            return None;
        }
        let root = self
            .cache_dir
            .clone()
            .or_else(|| {
                std::env::var_os(CACHE_DIR_ENV)
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(cache::default_root)?;
        if cache::is_inside(&root, records) {
            super::say(&format!(
                "tsc: note: not caching: the cache directory {} is inside the records",
                root.display()
            ));
            return None;
        }
        Some(CacheDir::for_records(&root, records, CacheKey::current()))
    }
}

/// Prints the cache's notes (one line each) and, when asked, its use.
pub(crate) fn report(usage: &Usage) {
    for note in &usage.notes {
        super::say(&format!("tsc: note: {note}"));
    }
    if stats_wanted() {
        super::say(&format!(
            "tsc: cache: {} hits, {} parsed, {}",
            usage.hits,
            usage.misses,
            if usage.written {
                "written"
            } else {
                "not written"
            }
        ));
    }
}

/// Whether `TSC_CACHE_STATS` asks for the line on how a run used the cache.
pub(crate) fn stats_wanted() -> bool {
    std::env::var_os(CACHE_STATS_ENV).is_some_and(|v| !v.is_empty())
}

/// With `TSC_CACHE_STATS`, says that `tsc validate` answered from its memo
/// (nothing loaded, parsed or checked).
pub(crate) fn report_memo_used() {
    if stats_wanted() {
        super::say("tsc: cache: memo used: the last answer, nothing parsed or checked");
    }
}
