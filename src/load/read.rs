//! Reading a record file's bytes, within the size limit.
//!
//! Records come from whoever can push to the repository, so a file is
//! never read whole before its size is checked: at most the limit plus
//! one byte is read, which also catches a file that grows while it is
//! read. An I/O error becomes a finding on that file, not a failed run,
//! so one unreadable file does not hide the findings of the rest.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::finding::{Code, Finding, Position};
use crate::yaml::MAX_FILE_BYTES;

/// What to do about an I/O error met at `path`: a path too long for the
/// system is not a permissions problem.
pub(super) fn io_help(error: Option<&std::io::Error>, path: &Path) -> String {
    match error.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::InvalidFilename) => format!(
            "the path is {} characters long, more than the system allows; \
             move the records higher up or shorten the folder names",
            path.as_os_str().len()
        ),
        Some(std::io::ErrorKind::PermissionDenied) => "check the file's permissions".to_owned(),
        _ => "check that the file exists and is readable".to_owned(),
    }
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of a file, so an oversized
/// (or growing) file is never read whole.
pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, Box<Finding>> {
    let io_finding = |e: std::io::Error| {
        let help = io_help(Some(&e), path);
        Box::new(
            Finding::new(
                Code::Io,
                path,
                Position::default(),
                format!("cannot read file: {e}"),
            )
            .with_help(help),
        )
    };
    let file = fs::File::open(path).map_err(io_finding)?;
    let size = file.metadata().map_err(io_finding)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(too_big(path, size)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_finding)?;
    Ok(bytes)
}

/// The limit finding for a record file of `size` bytes at `path`.
pub(crate) fn too_big(path: &Path, size: u64) -> Finding {
    Finding::new(
        Code::LimitExceeded,
        path,
        Position::default(),
        format!(
            "file is {size} bytes; record files may be at most {MAX_FILE_BYTES} bytes (the limit)"
        ),
    )
    .with_help("split the record, or move long text out of the records")
}
