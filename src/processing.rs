//! Which file the loader is working on, so that an internal error (a bug
//! in `tsc`, surfacing as a panic) can name the file that triggered it.
//!
//! The loader sets the current file for the time it reads and parses it;
//! the binary's panic hook reads it with [`current_file`]. The record is
//! per thread, so it is always the panicking thread's file.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// The hidden environment variable that makes the loader fail with an
/// internal error on the file whose name (the last path component) equals
/// its value. It exists so that tests can check the internal-error path
/// (one line naming the file, exit status 2); see `docs/fuzzing.md`.
pub const FORCE_INTERNAL_ERROR_ENV: &str = "TSC_FORCE_INTERNAL_ERROR";

thread_local! {
    static CURRENT: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
}

/// The file this thread's loader is reading or parsing right now, if any.
pub fn current_file() -> Option<PathBuf> {
    CURRENT.with(|c| c.try_borrow().ok().and_then(|c| c.clone()))
}

/// Marks `file` as the current file until the returned guard is dropped
/// (which restores the previous one, normally none).
pub(crate) fn working_on(file: &Path) -> Working {
    let previous = CURRENT.with(|c| c.replace(Some(file.to_path_buf())));
    Working { previous }
}

/// Restores the previous current file when dropped.
pub(crate) struct Working {
    previous: Option<PathBuf>,
}

impl Drop for Working {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                *c = previous;
            }
        });
    }
}

/// Panics if [`FORCE_INTERNAL_ERROR_ENV`] names `file`'s file name. The
/// variable is read once per process (it was one `getenv` per file, 0.3 %
/// of a warm `validate` of a large tree).
pub(crate) fn force_internal_error_if_asked(file: &Path) {
    static WANTED: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
    let wanted = WANTED.get_or_init(|| {
        std::env::var_os(FORCE_INTERNAL_ERROR_ENV).filter(|wanted| !wanted.is_empty())
    });
    if let Some(wanted) = wanted
        && file.file_name() == Some(wanted.as_os_str())
    {
        panic!("internal error forced by {FORCE_INTERNAL_ERROR_ENV}");
    }
}
