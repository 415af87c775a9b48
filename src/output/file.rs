//! Writing a generated document to a file, atomically and never inside
//! the records.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let path =
        std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))?;
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
pub fn write_atomic(path: &Path, contents: &str, records_root: &Path) -> anyhow::Result<()> {
    let target = absolute(path)?;
    let root = absolute(records_root)?;
    if target.starts_with(&root) {
        bail!(
            "refusing to write {} inside the records directory {}; choose a path outside it",
            path.display(),
            records_root.display()
        );
    }
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            bail!("{} is a directory; give a file name", path.display());
        }
        if !meta.is_file() {
            let mut device = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .with_context(|| format!("cannot open {}", path.display()))?;
            device
                .write_all(contents.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(());
        }
    }
    let dir = target
        .parent()
        .filter(|d| d.is_dir())
        .with_context(|| format!("the directory of {} does not exist", path.display()))?;
    let temp = temp_beside(dir, &target, contents)?;
    temp.persist(&target)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// A temporary file in `dir` (named `.tsc-…`, which the records loader
/// skips) holding `contents`, synced to disk, with the permissions of
/// `target` when it exists, else `0666` less the umask: ready to be
/// renamed over `target`.
///
/// # Errors
/// On an I/O error.
pub fn temp_beside(
    dir: &Path,
    target: &Path,
    contents: &str,
) -> anyhow::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        // Like open(2) with mode 0666: the umask then takes its share.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .prefix(".tsc-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let keep = std::fs::metadata(target).ok().map(|m| m.permissions());
    keep.map_or(Ok(()), |p| temp.as_file().set_permissions(p))
        .and_then(|()| temp.write_all(contents.as_bytes()))
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", target.display()))?;
    Ok(temp)
}
