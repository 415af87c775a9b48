//! The walk policy: which entries of a records directory are read as
//! records, which are skipped in silence, and which are reported.
//!
//! It is one policy for every loader, so that `tsc validate` on disk, the
//! git loader behind `--staged` and the in-memory loader of the tests and
//! the fuzzer agree on what is a record: a file one of them reads and
//! another skips would be a finding that comes and goes with the loader.
//!
//! Which files are read: files ending `.yaml` or `.yml`. Ignored without a
//! finding: names starting with `.` (hidden files, `.DS_Store`, editor
//! locks `.#x.yaml` and swap files `.x.yaml.swp`), names ending with `~`
//! (editor backups), and files with any other extension (`README.md`).
//! Symbolic links are never followed; each is reported. A YAML file
//! anywhere else in the tree is reported as a stray file, and so is one
//! whose extension is not lower case (`X.YAML`). An entry named like a
//! YAML file that is not a regular file (a directory `x.yaml`) is
//! reported and not entered.

use std::fs;
use std::path::Path;

use super::discover::RECORDS_ENTRIES;
use crate::finding::{Code, Finding, Position};
use crate::kind::Kind;

/// Whether a file name is one the loader skips without a finding: hidden
/// names (`.DS_Store`, `.git`, editor locks `.#x.yaml`, swap files
/// `.x.yaml.swp`) and backups ending in `~`.
pub(super) fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~')
}

pub(super) fn is_yaml_name(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// `X.YAML`, `x.Yml`: a record file name with the extension in the wrong
/// case, which would otherwise be silently skipped.
pub(super) fn is_miscased_yaml_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    is_yaml_name(&lower) && !is_yaml_name(name)
}

/// Classifies `relative` (a path inside the records directory).
pub(super) fn classify(relative: &Path) -> Option<Kind> {
    let mut parts = relative.components().map(|c| c.as_os_str());
    let first = parts.next()?;
    let nested = parts.next().is_some();
    Kind::at(first.to_str()?, nested)
}

pub(super) fn miscased_finding(path: &Path) -> Finding {
    Finding::new(
        Code::StrayFile,
        path,
        Position::default(),
        "file extension is not lower-case `.yaml`; it is not read",
    )
    .with_help("rename it to end in `.yaml`")
}

/// Whether a file of this name is one [`load_in_memory`] looks at: a
/// record file name (`.yaml`, `.yml`), or one in the wrong case, which is
/// reported.
pub fn is_record_file_name(name: &str) -> bool {
    is_yaml_name(name) || is_miscased_yaml_name(name)
}

pub(super) fn stray_finding(path: &Path) -> Finding {
    let finding = Finding::new(
        Code::StrayFile,
        path,
        Position::default(),
        "YAML file outside the record folders; it is not read",
    );
    // `tsc.yml`, `People.yaml`: a top-level file spelt another way.
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase());
    let file_name = path.file_name().map(|n| n.to_string_lossy());
    let meant = RECORDS_ENTRIES
        .iter()
        .map(|kind| kind.entry())
        .filter(|name| name.ends_with(".yaml"))
        .filter(|name| file_name.as_deref() != Some(*name))
        .find(|name| stem.as_deref() == name.strip_suffix(".yaml"));
    match meant {
        Some(name) => finding.with_help(format!("rename it to `{name}`")),
        None => finding.with_help(
            "move it into meetings/, actions/ or modifications/, \
             or rename it if it is not a record",
        ),
    }
}

/// The finding for a symbolic link at `path`: it says where the link
/// points, whether that is a loop or outside the records directory.
pub(super) fn symlink_finding(root: &Path, path: &Path) -> Finding {
    let target = fs::read_link(path)
        .map(|t| format!(" to `{}`", t.display()))
        .unwrap_or_default();
    let detail = match fs::canonicalize(path) {
        Err(_) => "it is broken or part of a loop",
        Ok(resolved) => match fs::canonicalize(root) {
            Ok(root) if !resolved.starts_with(&root) => "it points outside the records directory",
            _ => "it points inside the records directory",
        },
    };
    Finding::new(
        Code::Symlink,
        path,
        Position::default(),
        format!("symbolic link{target}; {detail}, and links are never followed"),
    )
    .with_help("replace the link with the file itself, or remove it")
}

/// Whether the loader reads a file at `relative` (inside the records
/// directory) as a record, rather than skipping or only naming it.
pub(crate) fn would_read(relative: &Path) -> bool {
    let name = relative.file_name().map(|n| n.to_string_lossy());
    let hidden = relative
        .components()
        .any(|c| is_ignored_name(&c.as_os_str().to_string_lossy()));
    !hidden && name.is_some_and(|n| is_yaml_name(&n)) && classify(relative).is_some()
}
