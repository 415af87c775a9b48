//! The library's typed errors. Findings about the records are not errors
//! (see [`crate::finding`]); these are the failures that stop a command:
//! exit status 2 in the binary.

use std::path::Path;

/// Why a library call could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read, created or written.
    #[error("{what}")]
    Io {
        /// What was being done, naming the path.
        what: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The records directory named or looked for is not usable.
    #[error("{0}")]
    RecordsDir(String),
    /// No record has the ID asked for; the message suggests the closest.
    #[error("{0}")]
    NotFound(String),
    /// An output file cannot be written where it was asked for.
    #[error("{0}")]
    Output(String),
    /// A write command refuses what it was asked: an unknown meeting,
    /// owner, item, status or level (with a "did you mean"), a closed
    /// action closed again, an ID or file that exists already.
    #[error("{0}")]
    Refused(String),
    /// git could not be run, failed, or printed what tsc cannot read
    /// (`tsc validate --staged`, `tsc diff`, `tsc log`). The message says
    /// what git was asked to do, and git's own error when it gave one.
    #[error("{what}")]
    Git {
        /// What git was asked to do, and how it failed.
        what: String,
        /// The operating system's error, when git could not be run or
        /// its pipe broke.
        #[source]
        source: Option<std::io::Error>,
    },
}

/// A library result.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An [`Error::Io`] saying `what` failed on `path`.
    pub(crate) fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
        let what = format!("{what} {}", path.display());
        move |source| Error::Io { what, source }
    }

    /// An [`Error::Git`] with no underlying I/O error.
    pub(crate) fn git(what: impl Into<String>) -> Error {
        Error::Git {
            what: what.into(),
            source: None,
        }
    }

    /// An [`Error::Git`] for an I/O error while running git.
    pub(crate) fn git_io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let what = what.into();
        move |source| Error::Git {
            what,
            source: Some(source),
        }
    }
}
