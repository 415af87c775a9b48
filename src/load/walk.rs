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
//! The one hidden name reported is a temporary file of tsc's own
//! (`.tsc-record-TSC07-01.yaml.a1B2c3.tmp`), which a killed write left and
//! `git add -A` would commit: a warning, saying how it goes away.
//! Symbolic links are never followed; each is reported. A YAML file
//! anywhere else in the tree is reported as a stray file, and so is one
//! whose extension is not lower case (`X.YAML`). An entry named like a
//! YAML file that is not a regular file (a directory `x.yaml`) is
//! reported and not entered.

use std::fs;
use std::path::Path;

use crate::finding::{Code, Finding, Position};
use crate::kind::Kind;

/// Whether a file name is one the loader skips without a finding: hidden
/// names (`.DS_Store`, `.git`, editor locks `.#x.yaml`, swap files
/// `.x.yaml.swp`) and backups ending in `~`. Judged on the name's bytes:
/// `.` and `~` are ASCII, so a name that is not UTF-8 starts with `.` or
/// ends with `~` exactly when its lossy text does, and no text is made
/// (the walk asks this of every entry and every part of its path).
pub(super) fn is_ignored_os(name: &std::ffi::OsStr) -> bool {
    let bytes = name.as_encoded_bytes();
    bytes.first() == Some(&b'.') || bytes.last() == Some(&b'~')
}

/// Whether a file name ends `.yaml` or `.yml`, in lower case only: a
/// name in another case is reported instead (see [`is_miscased_yaml_name`]).
#[allow(clippy::case_sensitive_file_extension_comparisons)]
fn is_yaml_name(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// `X.YAML`, `x.Yml`: a record file name with the extension in the wrong
/// case, which would otherwise be silently skipped.
fn is_miscased_yaml_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    is_yaml_name(&lower) && !is_yaml_name(name)
}

/// Classifies a path inside the records directory by its first part and
/// whether more parts follow it.
fn classify(first: Option<&std::ffi::OsStr>, nested: bool) -> Option<Kind> {
    Kind::at(first?.to_str()?, nested)
}

fn miscased_finding(path: &Path) -> Finding {
    Finding::new(
        Code::StrayFile,
        path,
        Position::default(),
        "file extension is not lower-case `.yaml`; it is not read",
    )
    .with_help("rename it to end in `.yaml`")
}

/// Whether a file of this name is one [`super::load_in_memory`] looks at: a
/// record file name (`.yaml`, `.yml`), or one in the wrong case, which is
/// reported.
pub(crate) fn is_record_file_name(name: &str) -> bool {
    is_yaml_name(name) || is_miscased_yaml_name(name)
}

fn leftover_finding(path: &Path) -> Finding {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let target = name
        .strip_prefix(".tsc-record-")
        .or_else(|| name.strip_prefix(".tsc-report-"))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .and_then(|rest| rest.rsplit_once('.'))
        .map_or(String::new(), |(target, _)| target.to_owned());
    Finding::new(
        Code::LeftoverTempFile,
        path,
        Position::default(),
        format!("temporary file left by an interrupted write of `{target}`; it is not read"),
    )
    .with_help(format!(
        "delete it; the next tsc write of `{target}` also removes it"
    ))
}

fn stray_finding(path: &Path) -> Finding {
    let finding = Finding::new(
        Code::StrayFile,
        path,
        Position::default(),
        "YAML file outside the record folders; it is not read",
    );
    // `tsc.yml`, `People.yaml`: a top-level file spelt another way.
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase());
    let file_name = path.file_name().map(|n| n.to_string_lossy());
    let meant = Kind::ALL
        .iter()
        .filter(|kind| !kind.is_folder())
        .map(|kind| kind.entry())
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
fn symlink_finding(root: &Path, path: &Path) -> Finding {
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

/// The finding for an entry named like a record file that is not a
/// regular file: a directory (`is_dir`), a pipe, a socket or a device.
fn not_a_file_finding(path: &Path, is_dir: bool) -> Finding {
    let what = if is_dir {
        "a directory"
    } else {
        "not a regular file"
    };
    Finding::new(
        Code::NotAFile,
        path,
        Position::default(),
        format!("named like a record file but {what}; it is not read"),
    )
    .with_help("rename it so its name does not end in `.yaml` or `.yml`")
}

/// What an entry of the tree is, as far as the walk policy cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A regular file (every entry of an in-memory or git tree).
    File,
    /// A directory.
    Dir,
    /// A symbolic link, whatever it points to.
    Symlink,
    /// A pipe, socket or device.
    Other,
}

impl Entry {
    /// The entry a file type (from `symlink_metadata`, never following a
    /// link) describes.
    pub(crate) fn of(file_type: fs::FileType) -> Entry {
        if file_type.is_symlink() {
            Entry::Symlink
        } else if file_type.is_dir() {
            Entry::Dir
        } else if file_type.is_file() {
            Entry::File
        } else {
            Entry::Other
        }
    }
}

/// What the loaders do with one entry of the tree: see [`judge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Read and parse it as a record file of this kind.
    Read(Kind),
    /// Pass over it without a finding: a hidden name, a backup, a file
    /// with another extension, or a directory to walk into.
    Skip,
    /// Report it as a YAML file outside the record folders.
    Stray,
    /// Report its extension as not lower case (`X.YAML`).
    Miscased,
    /// Report it as a symbolic link, not followed.
    Symlink,
    /// Report it as a temporary file a killed write left (not read).
    Leftover,
    /// Report it as named like a record file but not a regular file; a
    /// directory (`is_dir`) is not walked into.
    NotAFile {
        /// Whether it is a directory.
        is_dir: bool,
    },
}

impl Verdict {
    /// The finding the loaders report for the entry at `path` under
    /// `root`; `None` for one that is read or skipped.
    pub(crate) fn finding(self, root: &Path, path: &Path) -> Option<Finding> {
        match self {
            Verdict::Read(_) | Verdict::Skip => None,
            Verdict::Stray => Some(stray_finding(path)),
            Verdict::Miscased => Some(miscased_finding(path)),
            Verdict::Symlink => Some(symlink_finding(root, path)),
            Verdict::Leftover => Some(leftover_finding(path)),
            Verdict::NotAFile { is_dir } => Some(not_a_file_finding(path, is_dir)),
        }
    }
}

/// The walk policy (see the module docs) for the entry at `relative`, a
/// path inside the records directory: the one file filter, used by the
/// disk walk ([`super::scan`]), [`super::load_in_memory`] and the git
/// loader alike.
pub(crate) fn judge(relative: &Path, entry: Entry) -> Verdict {
    // One pass over the parts of the path (each costs a parse; the walk
    // judges every entry of the tree): whether any is hidden, the first,
    // whether there are more, and the file name (the last, when it is a
    // name and not `/`).
    let (mut first, mut nested, mut file_name) = (None, false, None);
    let mut parts = relative.components().peekable();
    while let Some(part) = parts.next() {
        if is_ignored_os(part.as_os_str()) {
            // Hidden, but for tsc's own temporary file (not in a hidden
            // folder), which is reported (W0013).
            let ours = parts.peek().is_none()
                && entry == Entry::File
                && crate::output::file::is_our_temp_name(&part.as_os_str().to_string_lossy(), None);
            return if ours {
                Verdict::Leftover
            } else {
                Verdict::Skip
            };
        }
        match first {
            None => first = Some(part.as_os_str()),
            Some(_) => nested = true,
        }
        file_name = match part {
            std::path::Component::Normal(name) => Some(name),
            _ => None,
        };
    }
    if entry == Entry::Symlink {
        return Verdict::Symlink;
    }
    let name = file_name.map(|n| n.to_string_lossy()).unwrap_or_default();
    if !is_yaml_name(&name) {
        return if entry == Entry::File && is_miscased_yaml_name(&name) {
            Verdict::Miscased
        } else {
            Verdict::Skip
        };
    }
    if entry != Entry::File {
        return Verdict::NotAFile {
            is_dir: entry == Entry::Dir,
        };
    }
    match classify(first, nested) {
        Some(kind) => Verdict::Read(kind),
        None => Verdict::Stray,
    }
}

/// Whether the loader reads a file at `relative` (inside the records
/// directory) as a record, rather than skipping or only naming it.
pub(crate) fn would_read(relative: &Path) -> bool {
    matches!(judge(relative, Entry::File), Verdict::Read(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(relative: &str) -> Verdict {
        judge(Path::new(relative), Entry::File)
    }

    #[test]
    fn record_files_are_read_by_kind() {
        assert_eq!(
            file("meetings/2025/TSC_07_1606.yaml"),
            Verdict::Read(Kind::Meeting)
        );
        assert_eq!(file("actions/TSC07-01.yml"), Verdict::Read(Kind::Action));
        assert_eq!(file("people.yaml"), Verdict::Read(Kind::People));
        assert_eq!(file("tsc.yaml"), Verdict::Read(Kind::Settings));
    }

    #[test]
    fn hidden_backup_and_other_files_are_skipped() {
        assert_eq!(file(".git/meetings/x.yaml"), Verdict::Skip);
        assert_eq!(file("meetings/.#TSC_07_1606.yaml"), Verdict::Skip);
        assert_eq!(file("meetings/TSC_07_1606.yaml~"), Verdict::Skip);
        assert_eq!(file("README.md"), Verdict::Skip);
        assert_eq!(judge(Path::new("meetings"), Entry::Dir), Verdict::Skip);
        assert_eq!(file("./meetings/x.yaml"), Verdict::Skip);
        assert_eq!(file("meetings/../x.yaml"), Verdict::Skip);
    }

    /// Hidden and backup names are told by their bytes, as their lossy
    /// text would tell them, also when they are not UTF-8.
    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_judged_by_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let os = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_owned();
        assert!(is_ignored_os(&os(b".\xff.yaml")));
        assert!(is_ignored_os(&os(b"\xffx.yaml~")));
        assert!(!is_ignored_os(&os(b"\xff.yaml")));
        let mut path = std::path::PathBuf::from("meetings");
        path.push(os(b".\xff"));
        path.push("x.yaml");
        assert_eq!(judge(&path, Entry::File), Verdict::Skip);
        let bad = Path::new("meetings").join(os(b"\xff.yaml"));
        assert_eq!(judge(&bad, Entry::File), Verdict::Read(Kind::Meeting));
    }

    /// Trial defect 8: a killed write's temporary file was skipped in
    /// silence; only tsc's own names are reported, and not inside a
    /// hidden folder.
    #[test]
    fn our_temporary_files_are_reported_as_leftovers() {
        let leftover = "actions/.tsc-record-TSC07-01.yaml.a1B2c3.tmp";
        assert_eq!(file(leftover), Verdict::Leftover);
        assert_eq!(
            file(".tsc-report-people.yaml.Xy7kL2.tmp"),
            Verdict::Leftover
        );
        assert_eq!(file(".git/.tsc-record-x.yaml.a1B2c3.tmp"), Verdict::Skip);
        assert_eq!(file("actions/.tsc-record-TSC07-01.yaml.tmp"), Verdict::Skip);
        assert_eq!(file("actions/.tsc-other-x.yaml.a1B2c3.tmp"), Verdict::Skip);
        assert_eq!(judge(Path::new(leftover), Entry::Dir), Verdict::Skip);
    }

    #[test]
    fn misplaced_miscased_linked_and_special_entries_are_reported() {
        assert_eq!(file("notes/x.yaml"), Verdict::Stray);
        assert_eq!(file("meetings.yaml"), Verdict::Stray);
        assert_eq!(file("People.yaml"), Verdict::Stray);
        assert_eq!(file("actions/nested/x.yaml"), Verdict::Read(Kind::Action));
        assert_eq!(file("meetings/TSC_07_1606.YAML"), Verdict::Miscased);
        // A directory named `X.YAML` is walked into, not reported.
        assert_eq!(
            judge(Path::new("meetings/X.YAML"), Entry::Dir),
            Verdict::Skip
        );
        assert_eq!(
            judge(Path::new("people.yaml"), Entry::Symlink),
            Verdict::Symlink
        );
        assert_eq!(
            judge(Path::new("meetings/x.yaml"), Entry::Dir),
            Verdict::NotAFile { is_dir: true }
        );
        assert_eq!(
            judge(Path::new("meetings/x.yaml"), Entry::Other),
            Verdict::NotAFile { is_dir: false }
        );
        assert!(would_read(Path::new("modifications/MP123.yaml")));
        assert!(!would_read(Path::new("modifications.yaml")));
    }
}
