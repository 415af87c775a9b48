//! Finding the records directory and loading every record in it.
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
//! Which files are read: files ending `.yaml` or `.yml`. Ignored without a
//! finding: names starting with `.` (hidden files, `.DS_Store`, editor
//! locks `.#x.yaml` and swap files `.x.yaml.swp`), names ending with `~`
//! (editor backups), and files with any other extension (`README.md`).
//! Symbolic links are never followed; each is reported. A YAML file
//! anywhere else in the tree is reported as a stray file, and so is one
//! whose extension is not lower case (`X.YAML`). An entry named like a
//! YAML file that is not a regular file (a directory `x.yaml`) is
//! reported and not entered.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use serde::{Deserialize, Serialize};

use crate::cache::memo::MemoKey;
use crate::cache::{self, CacheDir, Hash, Usage};
use crate::error::Error;
use crate::finding::{Code, Finding, Position};
use crate::kind::Kind;
use crate::model::{
    Action, Meeting, Modification, Organisation, OrganisationsFile, PeopleFile, Person, Principle,
    PrinciplesFile,
};
use crate::processing;
use crate::settings::Settings;
use crate::shape;
use crate::shrink::Shrink;
use crate::source::{self, FileId, Sources};
use crate::yaml::{self, MAX_FILE_BYTES};

/// The environment variable that names the records directory when
/// `--records` is not given.
pub const RECORDS_ENV: &str = "TSC_RECORDS";

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
    pub settings_file: Option<PathBuf>,
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
    pub unread: Unread,
}

/// Record files that could not be read or parsed, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread {
    /// File stems under `meetings/`: the IDs those files should hold.
    pub meetings: HashSet<String>,
    /// File stems under `actions/` (`/` written as `-`).
    pub actions: HashSet<String>,
    /// File stems under `modifications/`.
    pub modifications: HashSet<String>,
    /// `people.yaml` gave no people.
    pub people: bool,
    /// `organisations.yaml` gave no organisations.
    pub organisations: bool,
    /// `principles.yaml` gave no principles.
    pub principles: bool,
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

/// Where `tsc` looks for records: `explicit` (`--records DIR`) if given,
/// else `env` (`TSC_RECORDS`) if set and not empty, else the nearest
/// directory named `records` in `cwd` or one of its ancestors (`cwd`
/// itself when it is that directory). A records directory found that way
/// must hold records, as one named by `--records` must.
///
/// # Errors
/// When no records directory can be found, the one named is not a
/// directory, or the one named or found holds no records; the message
/// says how to point `tsc` at one.
pub fn find_records_dir(
    explicit: Option<&Path>,
    env: Option<&OsStr>,
    cwd: &Path,
) -> crate::error::Result<PathBuf> {
    let named = explicit
        .map(|p| (p.to_path_buf(), "--records"))
        .or_else(|| {
            env.filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), RECORDS_ENV))
        });
    if let Some((dir, source)) = named {
        if !dir.is_dir() {
            return Err(Error::RecordsDir(format!(
                "the records directory {} (from {source}) does not exist or is not a directory",
                dir.display()
            )));
        }
        if let Err(error) = fs::read_dir(&dir) {
            return Err(Error::RecordsDir(format!(
                "cannot read the records directory {} (from {source}): {error}",
                dir.display()
            )));
        }
        if !looks_like_records(&dir) {
            let nested = dir.join("records");
            let hint = if looks_like_records(&nested) {
                format!("; did you mean {}?", nested.display())
            } else {
                String::new()
            };
            return Err(Error::RecordsDir(format!(
                "{} (from {source}) holds none of tsc.yaml, people.yaml, organisations.yaml, \
                 principles.yaml, meetings/, actions/ or modifications/, so it is not a \
                 records directory{hint}",
                dir.display()
            )));
        }
        return Ok(dir);
    }
    for ancestor in cwd.ancestors() {
        let candidate = ancestor.join("records");
        if candidate.is_dir() {
            if !looks_like_records(&candidate) {
                return Err(Error::RecordsDir(format!(
                    "{} (found above {}) holds none of tsc.yaml, people.yaml, \
                     organisations.yaml, principles.yaml, meetings/, actions/ or \
                     modifications/, so it is not a records directory; pass --records DIR \
                     or set {RECORDS_ENV}",
                    candidate.display(),
                    cwd.display()
                )));
            }
            return Ok(relative_to(&candidate, cwd));
        }
    }
    Err(Error::RecordsDir(format!(
        "no records directory found in {} or any parent directory; \
         pass --records DIR or set {RECORDS_ENV}",
        cwd.display()
    )))
}

/// `dir` as a path from `cwd` when it is `cwd` or below it (`.` for
/// `cwd` itself, so that `tsc` run inside `records/` reads `.`), else as
/// it is.
fn relative_to(dir: &Path, cwd: &Path) -> PathBuf {
    match dir.strip_prefix(cwd) {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.to_path_buf(),
        Err(_) => dir.to_path_buf(),
    }
}

/// The names a records directory is made of (see the module docs).
const RECORDS_ENTRIES: [Kind; 7] = Kind::ALL;

/// Whether `dir` holds at least one of [`RECORDS_ENTRIES`], so that a
/// wrong `--records` (an empty directory, the repository root) is a usage
/// error rather than an empty, valid-looking answer.
fn looks_like_records(dir: &Path) -> bool {
    RECORDS_ENTRIES
        .iter()
        .any(|kind| fs::symlink_metadata(dir.join(kind.entry())).is_ok())
}

/// Whether a file name is one the loader skips without a finding: hidden
/// names (`.DS_Store`, `.git`, editor locks `.#x.yaml`, swap files
/// `.x.yaml.swp`) and backups ending in `~`.
fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~')
}

fn is_yaml_name(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// `X.YAML`, `x.Yml`: a record file name with the extension in the wrong
/// case, which would otherwise be silently skipped.
fn is_miscased_yaml_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    is_yaml_name(&lower) && !is_yaml_name(name)
}

/// Classifies `relative` (a path inside the records directory).
fn classify(relative: &Path) -> Option<Kind> {
    let mut parts = relative.components().map(|c| c.as_os_str());
    let first = parts.next()?;
    let nested = parts.next().is_some();
    Kind::at(first.to_str()?, nested)
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

/// Whether a file of this name is one [`load_in_memory`] looks at: a
/// record file name (`.yaml`, `.yml`), or one in the wrong case, which is
/// reported.
pub fn is_record_file_name(name: &str) -> bool {
    is_yaml_name(name) || is_miscased_yaml_name(name)
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

/// The record files of a tree, read and hashed but not yet parsed: what
/// the parse cache and the `validate` memo are keyed by.
#[derive(Debug)]
pub struct Scanned {
    root: PathBuf,
    /// Findings of the walk (stray files, links, unreadable folders).
    findings: Vec<Finding>,
    files: Vec<ScannedFile>,
}

/// One record file of a [`Scanned`] tree.
#[derive(Debug)]
pub(crate) struct ScannedFile {
    pub(crate) path: PathBuf,
    pub(crate) kind: Kind,
    /// Its ID in the loaded [`Sources`]: its place in the walk.
    pub(crate) id: FileId,
    /// The file's bytes and their content hash, or why it could not be read.
    pub(crate) read: Result<(Vec<u8>, Hash), Box<Finding>>,
}

impl Scanned {
    /// Adds everything the loaded model depends on to `key`: the records
    /// directory as given, every finding of the walk, and every record
    /// file's path, kind and content hash (or read error).
    pub fn memo_key(&self, key: &mut MemoKey) {
        key.part(self.root.as_os_str().as_encoded_bytes());
        for finding in &self.findings {
            key.part(format!("{finding:?}").as_bytes());
        }
        for file in &self.files {
            key.part(file.path.as_os_str().as_encoded_bytes());
            key.part(&[cache::kind_tag(file.kind)]);
            match &file.read {
                Ok((_, hash)) => key.part(hash),
                Err(finding) => key.part(format!("{finding:?}").as_bytes()),
            };
        }
    }

    /// Parses every file (on every core), taking the parse of each file
    /// the cache in `cache` already holds from there, and rewriting the
    /// cache when it lacked any or held others. Files with a load finding
    /// are never cached.
    pub fn parse(self, cache: Option<&CacheDir>) -> (Loaded, Usage) {
        let mut loaded = empty(&self.root);
        loaded.findings = self.findings;
        let kinds: Vec<(PathBuf, Kind)> = self
            .files
            .iter()
            .map(|f| (f.path.clone(), f.kind))
            .collect();
        let (outcomes, usage) = cache::load::parse_all(self.files, cache, parse_file);
        // One record per file of these kinds: room for exactly that many.
        let count = |kind: Kind| kinds.iter().filter(|(_, k)| *k == kind).count();
        let records = &mut loaded.records;
        records.meetings.reserve_exact(count(Kind::Meeting));
        records.actions.reserve_exact(count(Kind::Action));
        records
            .modifications
            .reserve_exact(count(Kind::Modification));
        for ((path, kind), (text, outcome)) in kinds.into_iter().zip(outcomes) {
            loaded.sources.add(path.clone(), text);
            add(path, kind, outcome, &mut loaded);
        }
        resolve(&mut loaded);
        crate::stubs::fill_id_months(&mut loaded.records);
        (loaded, usage)
    }
}

/// Walks `root` and reads and hashes every record file in it (see
/// [`load`] for which files and what is reported).
///
/// # Errors
/// Only when `root` itself cannot be read (an I/O error, exit status 2).
pub fn scan(root: &Path) -> crate::error::Result<Scanned> {
    fs::read_dir(root).map_err(Error::io("cannot read records directory", root))?;
    let mut findings = Vec::new();
    // Read and hash on every core while the walk goes on, a batch of files
    // at a time; file `i` of the walk has [`FileId`] `i`, and the batches
    // are put back in walk order.
    let batches: std::sync::Mutex<Vec<(usize, Vec<ScannedFile>)>> = Default::default();
    let mut walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    rayon::scope(|scope| {
        let mut batch: Vec<(PathBuf, Kind)> = Vec::new();
        let mut walked = 0;
        let spawn = |batch: Vec<(PathBuf, Kind)>, first: usize| {
            let batches = &batches;
            scope.spawn(move |_| {
                let read = read_all(batch, first);
                batches
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((first, read));
            });
        };
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().unwrap_or(root).to_path_buf();
                    let help = io_help(error.io_error(), &path);
                    findings.push(
                        Finding::new(Code::Io, path, Position::default(), error.to_string())
                            .with_help(help),
                    );
                    continue;
                }
            };
            if entry.depth() == 0 {
                continue;
            }
            let path = entry.path();
            let name = entry.file_name().to_string_lossy();
            let relative = path.strip_prefix(root).unwrap_or(path);
            let file_type = entry.file_type();
            if file_type.is_symlink() {
                findings.push(symlink_finding(root, path));
                continue;
            }
            if !is_yaml_name(&name) {
                if file_type.is_file() && is_miscased_yaml_name(&name) {
                    findings.push(miscased_finding(path));
                }
                continue;
            }
            if !file_type.is_file() {
                let what = if file_type.is_dir() {
                    "a directory"
                } else {
                    "not a regular file"
                };
                findings.push(
                    Finding::new(
                        Code::NotAFile,
                        path,
                        Position::default(),
                        format!("named like a record file but {what}; it is not read"),
                    )
                    .with_help("rename it so its name does not end in `.yaml` or `.yml`"),
                );
                if file_type.is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
            match classify(relative) {
                Some(kind) => {
                    batch.push((path.to_path_buf(), kind));
                    walked += 1;
                    if batch.len() == READ_BATCH {
                        spawn(std::mem::take(&mut batch), walked - READ_BATCH);
                    }
                }
                None => findings.push(stray_finding(path)),
            }
        }
        let first = walked - batch.len();
        spawn(batch, first);
    });
    let mut batches = batches
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    batches.sort_unstable_by_key(|(first, _)| *first);
    let files = batches.into_iter().flat_map(|(_, files)| files).collect();
    Ok(Scanned {
        root: root.to_path_buf(),
        findings,
        files,
    })
}

/// How many files of the walk are read and hashed as one task.
const READ_BATCH: usize = 32;

/// Reads and hashes `files`, the files of the walk from number `first` on.
fn read_all(files: Vec<(PathBuf, Kind)>, first: usize) -> Vec<ScannedFile> {
    files
        .into_iter()
        .enumerate()
        .map(|(i, (path, kind))| {
            let _working = processing::working_on(&path);
            let read = read_bytes(&path).map(|bytes| {
                let hash = cache::hash_bytes(&bytes);
                (bytes, hash)
            });
            ScannedFile {
                path,
                kind,
                id: file_id(first + i),
                read,
            }
        })
        .collect()
}

fn file_id(index: usize) -> FileId {
    FileId(u32::try_from(index).unwrap_or(u32::MAX))
}

/// Fills in the lines and columns of the load findings from their spans.
fn resolve(loaded: &mut Loaded) {
    for finding in &mut loaded.findings {
        loaded.sources.resolve(finding);
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
    let mut read = 0;
    for (relative, bytes) in sorted {
        let path = root.join(relative);
        let _working = processing::working_on(&path);
        match sort_in_memory(relative, &path) {
            InMemory::Skipped => {}
            InMemory::Reported(finding) => loaded.findings.push(finding),
            InMemory::Record(kind) => {
                let id = file_id(read);
                read += 1;
                let (text, outcome) = parse_file(&path, kind, bytes.clone(), id);
                loaded.sources.add(path.clone(), text);
                add(path, kind, outcome, &mut loaded);
            }
        }
    }
    resolve(&mut loaded);
    crate::stubs::fill_id_months(&mut loaded.records);
    loaded
}

/// What [`load_in_memory`] and [`Scanned::in_memory`] do with a file.
enum InMemory {
    /// Hidden, a backup, or not named like YAML.
    Skipped,
    /// A stray or miscased file.
    Reported(Finding),
    /// A record file of this kind.
    Record(Kind),
}

/// Sorts the file at `relative` (inside the records directory; `path` is
/// it joined to the records directory) as the loader does.
fn sort_in_memory(relative: &Path, path: &Path) -> InMemory {
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let hidden = relative
        .components()
        .any(|c| is_ignored_name(&c.as_os_str().to_string_lossy()));
    if hidden || !is_yaml_name(&name) {
        if !hidden && is_miscased_yaml_name(&name) {
            return InMemory::Reported(miscased_finding(path));
        }
        return InMemory::Skipped;
    }
    match classify(relative) {
        Some(kind) => InMemory::Record(kind),
        None => InMemory::Reported(stray_finding(path)),
    }
}

impl Scanned {
    /// The tree `load_in_memory(root, files)` would load, scanned (each
    /// record file hashed) so that it can be parsed through the cache and
    /// memoised as a tree on disk is; `findings` are the reader's own
    /// (links, conflicts, oversized blobs), kept as walk findings. Used
    /// for `tsc validate --staged`.
    pub fn in_memory(
        root: &Path,
        mut files: Vec<(PathBuf, Vec<u8>)>,
        mut findings: Vec<Finding>,
    ) -> Scanned {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut records = Vec::with_capacity(files.len());
        for (relative, bytes) in files {
            let path = root.join(&relative);
            match sort_in_memory(&relative, &path) {
                InMemory::Skipped => {}
                InMemory::Reported(finding) => findings.push(finding),
                InMemory::Record(kind) => records.push((path, kind, bytes)),
            }
        }
        // Hashed on every core, as [`scan`] does.
        let files = records
            .into_par_iter()
            .enumerate()
            .map(|(i, (path, kind, bytes))| {
                let size = bytes.len() as u64;
                let read = if size > MAX_FILE_BYTES {
                    Err(Box::new(too_big(&path, size)))
                } else {
                    let hash = cache::hash_bytes(&bytes);
                    Ok((bytes, hash))
                };
                ScannedFile {
                    path,
                    kind,
                    id: file_id(i),
                    read,
                }
            })
            .collect();
        Scanned {
            root: root.to_path_buf(),
            findings,
            files,
        }
    }
}

fn empty(root: &Path) -> Loaded {
    Loaded {
        records: Records {
            root: root.to_path_buf(),
            ..Records::default()
        },
        sources: Sources::default(),
        findings: Vec::new(),
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

/// What to do about an I/O error met at `path`: a path too long for the
/// system is not a permissions problem.
fn io_help(error: Option<&std::io::Error>, path: &Path) -> String {
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
fn read_bytes(path: &Path) -> Result<Vec<u8>, Box<Finding>> {
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

/// Whether the loader reads a file at `relative` (inside the records
/// directory) as a record, rather than skipping or only naming it.
pub(crate) fn would_read(relative: &Path) -> bool {
    let name = relative.file_name().map(|n| n.to_string_lossy());
    let hidden = relative
        .components()
        .any(|c| is_ignored_name(&c.as_os_str().to_string_lossy()));
    !hidden && name.is_some_and(|n| is_yaml_name(&n)) && classify(relative).is_some()
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

/// What parsing one record file gave: its record(s), or the first
/// finding that says why it gave none.
pub(crate) type Outcome = Result<Parsed, Box<Finding>>;

/// What one record file gave: its record(s), or every finding that says
/// why it gave none (all of its field errors at once, see [`shape`]).
pub(crate) type FileOutcome = Result<Parsed, Vec<Finding>>;

/// The contents of one record file, by kind: what the parse cache holds
/// (settings excepted: they are parsed every time).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Parsed {
    People(Vec<Person>),
    Organisations(Vec<Organisation>),
    Principles(Vec<Principle>),
    Meeting(Box<Meeting>),
    Action(Box<Action>),
    Modification(Box<Modification>),
    // Last: serde numbers the variants it deserialises without the skipped
    // ones, so a skipped variant before others would shift their indices
    // in a binary format.
    #[serde(skip)]
    Settings(Box<Settings>),
}

/// Adds what the `kind` file at `path` gave to `loaded`.
fn add(path: PathBuf, kind: Kind, outcome: FileOutcome, loaded: &mut Loaded) {
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

/// Checks, decodes and parses the bytes of one file, the file `id` of
/// the sources. Needs nothing but the file, so files can be parsed on
/// several threads at once. Returns the text (kept for diagnostics and
/// edits) with what it gave.
pub(crate) fn parse_file(
    path: &Path,
    kind: Kind,
    bytes: Vec<u8>,
    id: FileId,
) -> (Option<String>, FileOutcome) {
    processing::force_internal_error_if_asked(path);
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return (None, Err(vec![too_big(path, size)]));
    }
    let text = match decode(path, bytes) {
        Ok(text) => text,
        Err(finding) => return (None, Err(vec![*finding])),
    };
    let outcome = source::parsing(id, || {
        let parsed = parse_kind(kind, &text, path).map(|mut parsed| {
            parsed.shrink();
            parsed
        });
        parsed.map_err(|finding| {
            // Only a file that is good YAML but has the wrong fields can be
            // a record of another kind; this also keeps a file that hit a
            // limit from being parsed again.
            let schema = matches!(
                finding.code,
                Code::UnknownField | Code::MissingField | Code::InvalidValue
            );
            let moved = if schema {
                wrong_folder(kind, &text, path)
            } else {
                None
            };
            if let Some(moved) = moved {
                return vec![moved];
            }
            // Every field error of the file, not only serde's first.
            let mut all = if schema && kind != Kind::Settings {
                shape::field_errors(kind, &text, path)
            } else {
                Vec::new()
            };
            // serde's own finding stays when the tree check did not see it
            // (a rule the schema does not carry).
            // One our own visitors raise is placed at its key, the tree
            // check's at the value: same line, same message, one finding.
            if !all.iter().any(|f| {
                f.code == finding.code
                    && (f.position == finding.position
                        || (f.position.line == finding.position.line
                            && f.message == finding.message))
            }) && (all.is_empty() || finding.code != Code::MissingField)
            {
                all.push(*finding);
                all.sort_by_key(|f| (f.position.line, f.position.column));
            }
            all
        })
    });
    (Some(text), outcome)
}

/// Parses `text` as a `kind` file.
fn parse_kind(kind: Kind, text: &str, path: &Path) -> Outcome {
    Ok(match kind {
        Kind::Settings => Parsed::Settings(Box::new(Settings::parse(text, path)?)),
        Kind::People => Parsed::People(yaml::parse::<PeopleFile>(text, path)?.people),
        Kind::Organisations => {
            Parsed::Organisations(yaml::parse::<OrganisationsFile>(text, path)?.organisations)
        }
        Kind::Principles => {
            Parsed::Principles(yaml::parse::<PrinciplesFile>(text, path)?.principles)
        }
        Kind::Meeting => Parsed::Meeting(yaml::parse(text, path)?),
        Kind::Action => Parsed::Action(yaml::parse(text, path)?),
        Kind::Modification => Parsed::Modification(yaml::parse(text, path)?),
    })
}

/// What each kind is called and where it belongs, for the wrong-folder
/// finding.
fn home(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Settings => ("committee settings", "tsc.yaml"),
        Kind::People => ("a list of people", "people.yaml"),
        Kind::Organisations => ("a list of organisations", "organisations.yaml"),
        Kind::Principles => ("a list of principles", "principles.yaml"),
        Kind::Meeting => ("a meeting record", "meetings/"),
        Kind::Action => ("an action record", "actions/"),
        Kind::Modification => ("a modification proposal record", "modifications/"),
    }
}

/// When a file that failed to parse as `kind` is a valid record of
/// another kind, the [`Code::WrongFolder`] finding saying so.
fn wrong_folder(kind: Kind, text: &str, path: &Path) -> Option<Finding> {
    // Settings are never a misplaced record: every field is optional, so
    // any mapping would parse as settings.
    let actual = Kind::ALL
        .into_iter()
        .filter(|k| *k != kind && *k != Kind::Settings)
        .find(|k| parse_kind(*k, text, path).is_ok())?;
    let (what, place) = home(actual);
    let (expected, _) = home(kind);
    Some(
        Finding::new(
            Code::WrongFolder,
            path,
            Position::default(),
            format!("file holds {what} where {expected} belongs"),
        )
        .with_help(format!("move it to `{place}`")),
    )
}

/// Decodes a file as UTF-8 text, without copying it.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Box<Finding>> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid_up_to = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
        let line = prefix.matches('\n').count() as u64 + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        Box::new(
            Finding::new(
                Code::YamlSyntax,
                path,
                Position { line, column },
                format!("file is not valid UTF-8 (bad byte at offset {valid_up_to})"),
            )
            .with_help("save the file as UTF-8"),
        )
    })
}
