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

/// How the temporary file of a document written to `target` (`report
/// --output`) starts: `.tsc-report-`, the target's file name and a dot;
/// six random characters and `.tmp` follow
/// (`.tsc-report-report.md.a1B2c3.tmp`). The leading dot makes the
/// records loader skip it; [`write_atomic`] removes any left over by an
/// interrupted earlier write of the same target.
pub fn temp_prefix(target: &Path) -> String {
    format!(".tsc-report-{}.", file_name(target))
}

/// How the temporary file of a record written to `target` by a write
/// command starts: `.tsc-record-`, the file name and a dot
/// (`.tsc-record-TSC07-01.yaml.a1B2c3.tmp`), so a file a killed write
/// left says what it was for.
pub fn record_temp_prefix(target: &Path) -> String {
    format!(".tsc-record-{}.", file_name(target))
}

fn file_name(target: &Path) -> String {
    target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `name` is that of a temporary file of ours (a record's or a
/// document's: `.tsc-record-` or `.tsc-report-`, a file name, a dot, six
/// characters, `.tmp`), for `target_name` when given.
pub(crate) fn is_our_temp_name(name: &str, target_name: Option<&str>) -> bool {
    let Some(rest) = name
        .strip_prefix(".tsc-record-")
        .or_else(|| name.strip_prefix(".tsc-report-"))
        .and_then(|rest| rest.strip_suffix(".tmp"))
    else {
        return false;
    };
    let Some((target, random)) = rest.rsplit_once('.') else {
        return false;
    };
    random.chars().count() == 6 && !target.is_empty() && target_name.is_none_or(|t| t == target)
}

/// The descriptor a path names directly, without opening anything:
/// `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`, `/proc/self/fd/N`
/// and `/proc/<our pid>/fd/N`.
fn named_descriptor(path: &Path) -> Option<u32> {
    let text = path.to_str()?;
    match text {
        "/dev/stdin" => return Some(0),
        "/dev/stdout" => return Some(1),
        "/dev/stderr" => return Some(2),
        _ => {}
    }
    let pid = format!("/proc/{}/fd/", std::process::id());
    [
        "/dev/fd/",
        "/proc/self/fd/",
        "/proc/thread-self/fd/",
        pid.as_str(),
    ]
    .iter()
    .find_map(|prefix| text.strip_prefix(prefix))
    .and_then(|n| n.parse().ok())
}

/// The file our descriptor `n` is open on, as the kernel names it
/// (`/proc/self/fd/N` is a link to it); `None` for a pipe, a socket or
/// where there is no `/proc`.
fn descriptor_target(n: u32) -> Option<PathBuf> {
    let target = std::fs::read_link(format!("/proc/self/fd/{n}")).ok()?;
    target
        .is_absolute()
        .then(|| target.canonicalize().unwrap_or(target))
}

/// Whether `meta` is the very file our standard output is open on
/// (`tsc report --output s.md >> s.md`).
#[cfg(unix)]
fn is_our_stdout(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self/fd/1")
        .or_else(|_| std::fs::metadata("/dev/stdout"))
        .is_ok_and(|out| out.dev() == meta.dev() && out.ino() == meta.ino())
}

#[cfg(not(unix))]
fn is_our_stdout(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Writes `contents` to `path`, never destroying what is there unasked:
///
/// - a path that names one of our open descriptors (`/dev/stdout`,
///   `/proc/self/fd/1`, `/dev/fd/3`), or the file our standard output is
///   open on, is written through: standard output goes to `stdout` (so
///   `tsc report --output /dev/stdout >> s.md` appends, and the shell's
///   offset moves on for what it writes next), standard error to our
///   standard error, another descriptor is opened for appending, never
///   truncated or replaced;
/// - anything else that is not a regular file (a device such as
///   `/dev/null`, a named pipe) is written through, never replaced;
/// - a regular file (new or existing) is written atomically: into a
///   temporary file in the same directory (named as [`temp_prefix`] says),
///   then renamed over `path`, so a reader never sees half a file. An
///   existing file keeps its permissions and, where the process may, its
///   owner and group; a new one gets the usual `0666` less the umask.
///   A read-only file (no write permission at all, or one the process
///   cannot open for writing, as the shell's `>` would refuse) is refused.
///
/// # Errors
/// When `path` lies inside `records_root` (generated files must not be
/// mixed with the records), names a directory (an existing one, or a
/// name ending in `/`, `.` or `..`) or a read-only file, or its
/// directory does not exist, or on an I/O error.
pub fn write_atomic(
    path: &Path,
    contents: &str,
    records_root: &Path,
    stdout: &mut dyn Write,
) -> Result<()> {
    // `x.html/` names a directory, whatever the path's tidied form
    // (without the slash) would say: refused before anything is resolved.
    if names_a_directory(path) {
        let shown = path.display().to_string();
        let file = shown.trim_end_matches('/');
        let such_as = if file.is_empty() || file.ends_with('.') {
            String::new()
        } else {
            format!(" such as {file}")
        };
        return Err(Error::Output(format!(
            "{shown} names a directory (it ends in `/`, `.` or `..`); give a file name{such_as}"
        )));
    }
    let given = std::path::absolute(path).map_err(Error::io("cannot resolve", path))?;
    let refuse = || {
        Err(Error::Output(format!(
            "refusing to write {} inside the records directory {}; choose a path outside it",
            path.display(),
            records_root.display()
        )))
    };
    // A descriptor open on a file in the records (`exec 3<records/tsc.yaml;
    // --output /dev/fd/3`) is refused like the file's own path.
    let root = absolute(records_root)?;
    let descriptor = named_descriptor(&given).and_then(descriptor_target);
    if descriptor.is_some_and(|target| target.starts_with(&root)) {
        return refuse();
    }
    let existing = std::fs::metadata(&given).ok();
    let through_stdout = named_descriptor(&given) == Some(1)
        || existing
            .as_ref()
            .is_some_and(|m| m.is_file() && is_our_stdout(m));
    if through_stdout {
        stdout
            .write_all(contents.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|source| Error::Io {
                what: "cannot write to standard output".to_owned(),
                source,
            })?;
        return Ok(());
    }
    match named_descriptor(&given) {
        // Our standard error, through its own descriptor, as stdout above.
        Some(2) => {
            let mut stderr = std::io::stderr().lock();
            stderr
                .write_all(contents.as_bytes())
                .and_then(|()| stderr.flush())
                .map_err(|source| Error::Io {
                    what: "cannot write to standard error".to_owned(),
                    source,
                })?;
            return Ok(());
        }
        Some(_) => return write_through(&given, path, contents, true),
        None => {}
    }
    let target = absolute(path)?;
    if target.starts_with(&root) {
        return refuse();
    }
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(Error::Output(format!(
                "{} is a directory; give a file name",
                path.display()
            )));
        }
        if !meta.is_file() {
            return write_through(&target, path, contents, false);
        }
        let writable = std::fs::OpenOptions::new().write(true).open(&target);
        if meta.permissions().readonly() || writable.is_err() {
            return Err(Error::Output(format!(
                "{} is read-only; refusing to replace it (make it writable, or choose another file)",
                path.display()
            )));
        }
    }
    let dir = target.parent().filter(|d| d.is_dir()).ok_or_else(|| {
        Error::Output(format!(
            "the directory of {} does not exist",
            path.display()
        ))
    })?;
    remove_leftovers(dir, &temp_prefix(&target), LEFTOVER_AGE);
    let temp = temp_beside(dir, &target, path, contents, &temp_prefix(&target))?;
    temp.persist(&target)
        .map_err(|e| e.error)
        .map_err(Error::io("cannot write", path))?;
    Ok(())
}

/// Whether `path` as written can only name a directory: it ends in a
/// separator, or its last part is `.` or `..`.
fn names_a_directory(path: &Path) -> bool {
    let text = path.as_os_str().as_encoded_bytes();
    text.ends_with(b"/")
        || text == b"."
        || text.ends_with(b"/.")
        || path.components().next_back() == Some(std::path::Component::ParentDir)
}

/// A temporary file in `dir` for `target`, named `prefix` (one of
/// [`temp_prefix`] and [`record_temp_prefix`]), six random characters and
/// `.tmp`, holding `contents`, synced to disk, with the owner and
/// permissions of `target` when it exists, else `0666` less the umask:
/// ready to be renamed over `target`. Messages name the file as `shown`.
///
/// # Errors
/// On an I/O error.
pub(crate) fn temp_beside(
    dir: &Path,
    target: &Path,
    shown: &Path,
    contents: &str,
    prefix: &str,
) -> Result<tempfile::NamedTempFile> {
    let existing = std::fs::metadata(target)
        .ok()
        .filter(std::fs::Metadata::is_file);
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp").rand_bytes(6);
    #[cfg(unix)]
    {
        // Like open(2) with mode 0666: the umask then takes its share.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .map_err(Error::io("cannot create a temporary file in", dir))?;
    if let Some(meta) = &existing {
        keep_owner(temp.as_file(), meta);
    }
    let keep = existing.map(|m| m.permissions());
    keep.map_or(Ok(()), |p| temp.as_file().set_permissions(p))
        .and_then(|()| temp.write_all(contents.as_bytes()))
        .and_then(|()| temp.as_file().sync_all())
        .map_err(Error::io("cannot write", shown))?;
    Ok(temp)
}

/// Opens `target` for writing without creating, truncating or replacing
/// it (appending when `append`) and writes `contents`.
fn write_through(target: &Path, shown: &Path, contents: &str, append: bool) -> Result<()> {
    let mut device = std::fs::OpenOptions::new()
        .write(true)
        .append(append)
        .open(target)
        .map_err(Error::io("cannot open", shown))?;
    device
        .write_all(contents.as_bytes())
        .map_err(Error::io("cannot write", shown))
}

/// Gives the temporary file the owner and group of the file it replaces,
/// where the process may (root may; others may keep their own group).
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &std::fs::File, _meta: &std::fs::Metadata) {}

/// How old a document's temporary file must be before it counts as left
/// by an interrupted write: a younger one may be another tsc's write in
/// progress, which removing it would break. (A record's needs no age: a
/// write command holds the records' write lock, so no other is writing.)
pub(crate) const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes temporary files an interrupted write of the same target left
/// in `dir` (`PREFIX` + six characters + `.tmp`, last modified more than
/// `age` ago); nothing else is touched.
pub(crate) fn remove_leftovers(dir: &Path, prefix: &str, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let leftover = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|random| random.chars().count() == 6 && !random.contains('.'));
        let stale = || {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|at| at.elapsed().is_ok_and(|old| old >= age))
        };
        if leftover && entry.file_type().is_ok_and(|t| t.is_file()) && stale() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
