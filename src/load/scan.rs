//! Walking a records directory on disk and reading its record files.
//!
//! The walk is kept apart from parsing so that what the parse cache and
//! the `validate` memo are keyed by (every record file's path, kind and
//! content hash) is known before anything is parsed: an unchanged tree
//! then costs one walk and one hash per file. The walk runs in path
//! order; the reads run on every core and keep that order, so the result
//! never depends on the threads.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::parse::parse_file;
use super::read::{io_help, read_bytes, too_big};
use super::walk::{self, Verdict, is_ignored_os, judge};
use super::{Loaded, add, empty, resolve};
use crate::cache::memo::MemoKey;
use crate::cache::{self, CacheDir, Hash, Usage};
use crate::error::Error;
use crate::finding::{Code, Finding, Position};
use crate::kind::Kind;
use crate::processing;
use crate::source::FileId;
use crate::yaml::MAX_FILE_BYTES;

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
        // Each file's three parts and their length prefixes, so that the
        // key of a large tree is not grown by doubling.
        let per_file = |f: &ScannedFile| 8 + f.path.as_os_str().len() + 8 + 1 + 8 + 32;
        key.reserve(self.files.iter().map(per_file).sum());
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
        // One record per file of these kinds: room for exactly that many.
        let count = |kind: Kind| self.files.iter().filter(|f| f.kind == kind).count();
        loaded.sources.reserve(self.files.len());
        let records = &mut loaded.records;
        records.meetings.reserve_exact(count(Kind::Meeting));
        records.actions.reserve_exact(count(Kind::Action));
        records
            .modifications
            .reserve_exact(count(Kind::Modification));
        let (parses, usage) = cache::load::parse_all(self.files, cache, parse_file);
        for parse in parses {
            loaded.sources.add(&parse.path, parse.text);
            add(parse.path, parse.kind, parse.outcome, &mut loaded);
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
    let batches: std::sync::Mutex<Vec<(usize, Vec<ScannedFile>)>> = std::sync::Mutex::default();
    let mut walker = WalkDir::new(root)
        .follow_links(false)
        // By file name: siblings' paths are their folder's path, a
        // separator and their names, so comparing the whole paths' bytes
        // orders them as their names would, without taking each path
        // apart again for every comparison (which cost 2.5 % of a warm
        // `validate`).
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        // Hidden names are not walked, but for tsc's own temporary files,
        // which `judge` reports (W0013).
        .filter_entry(|e| {
            e.depth() == 0
                || !is_ignored_os(e.file_name())
                || crate::output::file::is_our_temp_name(&e.file_name().to_string_lossy(), None)
        });
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
            let relative = relative_to(path, root);
            let verdict = judge(relative, walk::Entry::of(entry.file_type()));
            if verdict == (Verdict::NotAFile { is_dir: true }) {
                walker.skip_current_dir();
            }
            match verdict {
                Verdict::Read(kind) => {
                    batch.push((path.to_path_buf(), kind));
                    walked += 1;
                    if batch.len() == READ_BATCH {
                        spawn(std::mem::take(&mut batch), walked - READ_BATCH);
                    }
                }
                verdict => findings.extend(verdict.finding(root, path)),
            }
        }
        let first = walked - batch.len();
        spawn(batch, first);
    });
    let mut batches = batches
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    batches.sort_unstable_by_key(|(first, _)| *first);
    let mut files = batches.into_iter().flat_map(|(_, files)| files).collect();
    findings.extend(keep_at_most(&mut files, MAX_RECORD_FILES, root));
    Ok(Scanned {
        root: root.to_path_buf(),
        findings,
        files,
    })
}

/// `path` (an entry of the walk of `root`) inside `root`. The walk makes
/// each entry's path by joining a name to its folder's, so on Unix it is
/// `root`'s bytes, a separator and the rest: taken so, not by comparing
/// the two paths part by part ([`Path::strip_prefix`], 7 % of the
/// instructions of a memo run). Anything else falls back to that.
fn relative_to<'p>(path: &'p Path, root: &Path) -> &'p Path {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let (whole, prefix) = (path.as_os_str().as_bytes(), root.as_os_str().as_bytes());
        if let Some(rest) = whole.strip_prefix(prefix) {
            let rest = match rest.strip_prefix(b"/") {
                Some(rest) => rest,
                None if prefix.ends_with(b"/") => rest,
                None => return path.strip_prefix(root).unwrap_or(path),
            };
            return Path::new(std::ffi::OsStr::from_bytes(rest));
        }
    }
    path.strip_prefix(root).unwrap_or(path)
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

impl Scanned {
    /// The tree `load_in_memory(root, files)` would load, scanned (each
    /// record file hashed) so that it can be parsed through the cache and
    /// memoised as a tree on disk is; `findings` are the reader's own
    /// (links, conflicts, oversized blobs), kept as walk findings. Used
    /// for `tsc validate --staged`.
    pub(crate) fn in_memory(
        root: &Path,
        mut files: Vec<(PathBuf, Vec<u8>)>,
        mut findings: Vec<Finding>,
    ) -> Scanned {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut records = Vec::with_capacity(files.len());
        for (relative, bytes) in files {
            let path = root.join(&relative);
            match judge(&relative, walk::Entry::File) {
                Verdict::Read(kind) => records.push((path, kind, bytes)),
                verdict => findings.extend(verdict.finding(root, &path)),
            }
        }
        findings.extend(keep_at_most(&mut records, MAX_RECORD_FILES, root));
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

/// The most record files read from one tree: a [`Span`] holds its
/// file's ID in 22 bits (4,194,304 files; L, the largest benchmark tree,
/// has 72,000).
///
/// [`Span`]: crate::source::Span
pub(super) const MAX_RECORD_FILES: usize = crate::source::Span::MAX_FILES as usize;

/// Keeps the first `max` of `files` (in path order) and, when there were
/// more, returns the limit finding that says which were left unread.
pub(super) fn keep_at_most<T>(files: &mut Vec<T>, max: usize, root: &Path) -> Option<Finding> {
    if files.len() <= max {
        return None;
    }
    let count = files.len();
    files.truncate(max);
    Some(
        Finding::new(
            Code::LimitExceeded,
            root,
            Position::default(),
            format!(
                "the records directory holds {count} record files, more than the {max} tsc reads; \
                 those after the first {max} in path order are not read"
            ),
        )
        .with_help("split the records into more than one records directory"),
    )
}

pub(super) fn file_id(index: usize) -> FileId {
    FileId(u32::try_from(index).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree with more record files than a span can name keeps the first
    /// ones in path order and says which were not read (E0004), rather than
    /// pointing the later files' findings into the last file that fits.
    #[test]
    fn more_record_files_than_a_span_names_are_a_limit_finding() {
        let mut files = vec!["a.yaml", "b.yaml", "c.yaml"];
        let finding = keep_at_most(&mut files, 2, Path::new("records")).unwrap();
        assert_eq!(files, ["a.yaml", "b.yaml"]);
        assert_eq!(finding.code, Code::LimitExceeded);
        assert_eq!(
            finding.message,
            "the records directory holds 3 record files, more than the 2 tsc reads; \
             those after the first 2 in path order are not read"
        );
        assert!(keep_at_most(&mut files, 2, Path::new("records")).is_none());
        assert_eq!(MAX_RECORD_FILES, 4_194_304);
    }

    #[test]
    fn an_entry_of_the_walk_is_taken_relative_to_its_root() {
        fn rel<'p>(path: &'p str, root: &str) -> &'p Path {
            relative_to(Path::new(path), Path::new(root))
        }
        assert_eq!(rel("M/meetings/x.yaml", "M"), Path::new("meetings/x.yaml"));
        assert_eq!(rel("M/meetings/x.yaml", "M/"), Path::new("meetings/x.yaml"));
        assert_eq!(rel("/a/M/people.yaml", "/a/M"), Path::new("people.yaml"));
        assert_eq!(rel("./M/tsc.yaml", "./M"), Path::new("tsc.yaml"));
        // Not a plain prefix: compared part by part.
        assert_eq!(rel("M/./x.yaml", "M/."), Path::new("x.yaml"));
        assert_eq!(rel("MN/x.yaml", "M"), Path::new("MN/x.yaml"));
    }
}
