//! Writing a generated document to a file, atomically and never inside
//! the records.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

fn absolute(path: &Path) -> Result<PathBuf> {
    let path = std::path::absolute(path).map_err(Error::io("cannot resolve", path))?;
    // Resolve symbolic links in the longest part of the path that exists.
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// Writes `contents` to `path`. A regular file (new or existing) is
/// written atomically: into a temporary file in the same directory, then
/// renamed over `path`, so a reader never sees half a file; an existing
/// file keeps its permissions, and a new one gets the usual `0666` less the
/// umask. Anything else that already exists under that name (a device such
/// as `/dev/stdout`, a named pipe) is written through, never replaced.
///
/// # Errors
/// When `path` lies inside `records_root` (generated files must not be
/// mixed with the records), names a directory, or its directory does not
/// exist, or on an I/O error.
pub fn write_atomic(path: &Path, contents: &str, records_root: &Path) -> Result<()> {
    let target = absolute(path)?;
    let root = absolute(records_root)?;
    if target.starts_with(&root) {
        return Err(Error::Output(format!(
            "refusing to write {} inside the records directory {}; choose a path outside it",
            path.display(),
            records_root.display()
        )));
    }
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(Error::Output(format!(
                "{} is a directory; give a file name",
                path.display()
            )));
        }
        if !meta.is_file() {
            let mut device = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(Error::io("cannot open", path))?;
            device
                .write_all(contents.as_bytes())
                .map_err(Error::io("cannot write", path))?;
            return Ok(());
        }
    }
    let dir = target.parent().filter(|d| d.is_dir()).ok_or_else(|| {
        Error::Output(format!(
            "the directory of {} does not exist",
            path.display()
        ))
    })?;
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        // Like open(2) with mode 0666: the umask then takes its share.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .map_err(Error::io("cannot create a temporary file in", dir))?;
    let keep = existing.map(|m| m.permissions());
    keep.map_or(Ok(()), |p| temp.as_file().set_permissions(p))
        .and_then(|()| temp.write_all(contents.as_bytes()))
        .and_then(|()| temp.as_file().sync_all())
        .map_err(Error::io("cannot write", path))?;
    temp.persist(&target)
        .map_err(|e| e.error)
        .map_err(Error::io("cannot write", path))?;
    Ok(())
}
