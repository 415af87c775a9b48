//! Reading a records directory into one loaded model.
//!
//! Loading is a pipeline, one module per stage, so that each concern has
//! one home and the disk, in-memory and git loaders share every stage but
//! the first:
//!
//! 1. [`discover`]: which directory is the records directory.
//! 2. [`walk`]: which names in it are records, which are skipped and which
//!    are reported. The one file filter; [`scan`] (the disk) and
//!    [`load_in_memory`] (tests, the fuzzer, git) both ask it.
//! 3. [`read`]: the file's bytes, never more than the size limit.
//! 4. [`decode`]: the bytes as UTF-8 text, kept for diagnostics and edits.
//! 5. [`parse`]: the text as a typed record of the file's kind, or every
//!    finding that says why it is not one.
//!
//! This module joins the stages and holds what they produce: [`Loaded`],
//! the records by kind plus the kept sources and the load findings.
//!
//! Layout of a records directory (documented in `docs/records.md`):
//!
//! | path                      | holds                                  |
//! |---------------------------|----------------------------------------|
//! | `tsc.yaml`                | [`Settings`] (optional)                |
//! | `people.yaml`             | [`PeopleFile`]                         |
//! | `organisations.yaml`      | [`OrganisationsFile`]                  |
//! | `principles.yaml`         | [`PrinciplesFile`]                     |
//! | `meetings/**/<ID>.yaml`   | one [`Meeting`] per file               |
//! | `actions/**/<ID>.yaml`    | one [`Action`] per file (`/` as `-`)   |
//! | `modifications/**/<ID>.yaml` | one [`Modification`] per file       |
//!
//! [`PeopleFile`]: crate::model::PeopleFile
//! [`OrganisationsFile`]: crate::model::OrganisationsFile
//! [`PrinciplesFile`]: crate::model::PrinciplesFile

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::finding::{Code, Finding};
use crate::kind::Kind;
use crate::model::{Action, Meeting, Modification, Organisation, Person, Principle};
use crate::processing;
use crate::settings::Settings;
use crate::source::Sources;

pub(crate) mod decode;
pub(crate) mod discover;
pub(crate) mod parse;
pub(crate) mod read;
pub(crate) mod scan;
pub(crate) mod walk;

pub use discover::{RECORDS_ENV, find_records_dir};
pub use scan::{Scanned, scan};

use parse::{FileOutcome, Parsed, parse_file};
use scan::file_id;
use walk::{Verdict, judge};

/// A record together with the file it was read from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The file, as the records directory joined with the path inside it.
    pub file: PathBuf,
    /// The record.
    pub record: T,
}

/// Every record that parsed, grouped by kind, in file-path order.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// The records directory, as given or found.
    pub root: PathBuf,
    /// `tsc.yaml`, or the TSC defaults when it is absent or unreadable.
    pub settings: Settings,
    /// Where the settings came from, when a `tsc.yaml` exists.
    pub(crate) settings_file: Option<PathBuf>,
    /// `meetings/**.yaml`.
    pub meetings: Vec<Located<Meeting>>,
    /// `actions/**.yaml`.
    pub actions: Vec<Located<Action>>,
    /// `modifications/**.yaml`.
    pub modifications: Vec<Located<Modification>>,
    /// Entries of `people.yaml`.
    pub people: Vec<Located<Person>>,
    /// Entries of `organisations.yaml`.
    pub organisations: Vec<Located<Organisation>>,
    /// Entries of `principles.yaml`.
    pub principles: Vec<Located<Principle>>,
    /// Record files that exist but gave no record (each has its own
    /// finding), so that references to what they hold are not reported a
    /// second time as unknown.
    pub(crate) unread: Unread,
}

/// Record files that could not be read or parsed, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Unread {
    /// File stems under `meetings/`: the IDs those files should hold.
    pub(crate) meetings: HashSet<String>,
    /// File stems under `actions/` (`/` written as `-`).
    pub(crate) actions: HashSet<String>,
    /// File stems under `modifications/`.
    pub(crate) modifications: HashSet<String>,
    /// `people.yaml` gave no people.
    pub(crate) people: bool,
    /// `organisations.yaml` gave no organisations.
    pub(crate) organisations: bool,
    /// `principles.yaml` gave no principles.
    pub(crate) principles: bool,
}

impl Unread {
    fn note(&mut self, kind: Kind, path: &Path) {
        let stem = || {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        match kind {
            Kind::Settings => {}
            Kind::People => self.people = true,
            Kind::Organisations => self.organisations = true,
            Kind::Principles => self.principles = true,
            Kind::Meeting => {
                self.meetings.insert(stem());
            }
            Kind::Action => {
                self.actions.insert(stem());
            }
            Kind::Modification => {
                self.modifications.insert(stem());
            }
        }
    }
}

/// The result of [`load`]: the records that parsed, and a finding for
/// every file that did not.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The records that parsed.
    pub records: Records,
    /// The text of every record file read, which every span points into.
    pub sources: Sources,
    /// Problems met while reading and parsing (not cross-reference checks).
    pub findings: Vec<Finding>,
}

impl Loaded {
    /// `tsc.yaml`'s first finding (by line and column) when the file
    /// exists but could not be read or parsed, `None` when it loaded or
    /// there is none. The records then hold the built-in (TSC) settings,
    /// whose ID patterns and vocabularies are another committee's: the
    /// write commands refuse, `tsc validate` checks no rule, and the
    /// readers warn.
    pub fn settings_failure(&self) -> Option<&Finding> {
        // Only a `tsc.yaml` that parsed is kept as the settings file, and
        // every finding of the loader on it means it did not.
        if self.records.settings_file.is_some() {
            return None;
        }
        let path = self.records.root.join(Kind::Settings.entry());
        self.findings
            .iter()
            .filter(|f| f.file == path)
            .min_by_key(|f| (f.position.line, f.position.column))
    }
}

/// Loads every record under `root`: [`scan`], then [`Scanned::parse`]
/// without a cache.
///
/// The tree is walked in path order; then the files are read and parsed
/// in parallel (one thread per core), and their records and findings are
/// added in path order, so the result does not depend on the threads. A
/// file that cannot be read or parsed gives a finding and loading goes on
/// with the next file; nothing under
/// `root` is ever written, and nothing is followed or opened outside it:
/// symbolic links give [`Code::Symlink`], and an entry with a record
/// file's name that is not a regular file (a directory `x.yaml`, a pipe)
/// gives [`Code::NotAFile`] and is not entered or opened.
///
/// # Errors
/// Only when `root` itself cannot be read (an I/O error, exit status 2).
pub fn load(root: &Path) -> crate::error::Result<Loaded> {
    Ok(scan(root)?.parse(None).0)
}

/// Fills in the lines and columns of the load findings from their spans.
pub(super) fn resolve(loaded: &mut Loaded) {
    for finding in &mut loaded.findings {
        loaded.sources.resolve(finding);
    }
    note_unread(loaded);
}

/// Notes as unread every record whose file has a finding that kept it
/// from being read (a link, a file over the size limit, an I/O error,
/// something other than a file): `tsc diff` then says the file did not
/// load instead of "removed". For the git reader's own findings too.
pub(crate) fn note_unread(loaded: &mut Loaded) {
    let root = &loaded.records.root;
    for finding in &loaded.findings {
        let unread = matches!(
            finding.code,
            Code::Io | Code::LimitExceeded | Code::Symlink | Code::NotAFile
        );
        if unread
            && let Ok(relative) = finding.file.strip_prefix(root)
            && let Verdict::Read(kind) = judge(relative, walk::Entry::File)
        {
            loaded.records.unread.note(kind, &finding.file);
        }
    }
}

/// Loads records from memory as [`load`] would from a tree under `root`
/// holding exactly `files` (paths relative to `root`, and their bytes):
/// the same classification, limits, parsing and findings, without
/// touching the file system. Used by the property tests and the fuzzer.
pub fn load_in_memory(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Loaded {
    let mut loaded = empty(root);
    let mut sorted: Vec<&(PathBuf, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut records = Vec::new();
    for (relative, bytes) in sorted {
        let path = root.join(relative);
        match judge(relative, walk::Entry::File) {
            Verdict::Read(kind) => records.push((path, kind, bytes)),
            verdict => loaded.findings.extend(verdict.finding(root, &path)),
        }
    }
    let limit = scan::keep_at_most(&mut records, scan::MAX_RECORD_FILES, root);
    loaded.findings.extend(limit);
    for (read, (path, kind, bytes)) in records.into_iter().enumerate() {
        let _working = processing::working_on(&path);
        let (text, outcome) = parse_file(&path, kind, bytes.clone(), file_id(read));
        loaded.sources.add(&path, text);
        add(path, kind, outcome, &mut loaded);
    }
    resolve(&mut loaded);
    crate::stubs::fill_id_months(&mut loaded.records);
    loaded
}

pub(super) fn empty(root: &Path) -> Loaded {
    Loaded {
        records: Records {
            root: root.to_path_buf(),
            ..Records::default()
        },
        sources: Sources::default(),
        findings: Vec::new(),
    }
}

/// Adds what the `kind` file at `path` gave to `loaded`.
pub(super) fn add(path: PathBuf, kind: Kind, outcome: FileOutcome, loaded: &mut Loaded) {
    let records = &mut loaded.records;
    let parsed = match outcome {
        Ok(parsed) => parsed,
        Err(findings) => {
            records.unread.note(kind, &path);
            loaded.findings.extend(findings);
            return;
        }
    };
    fn located<T>(file: &Path, list: Vec<T>) -> Vec<Located<T>> {
        list.into_iter()
            .map(|record| Located {
                file: file.to_path_buf(),
                record,
            })
            .collect()
    }
    match parsed {
        Parsed::Settings(settings) => {
            records.settings = *settings;
            records.settings_file = Some(path);
        }
        Parsed::People(list) => records.people.extend(located(&path, list)),
        Parsed::Organisations(list) => records.organisations.extend(located(&path, list)),
        Parsed::Principles(list) => records.principles.extend(located(&path, list)),
        Parsed::Meeting(record) => records.meetings.push(Located {
            file: path,
            record: *record,
        }),
        Parsed::Action(record) => records.actions.push(Located {
            file: path,
            record: *record,
        }),
        Parsed::Modification(record) => records.modifications.push(Located {
            file: path,
            record: *record,
        }),
    }
}
