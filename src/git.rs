//! Reading records out of git: the index (what the next commit will hold,
//! for `tsc validate --staged`) or any tree-ish (`HEAD`, a commit, a tag),
//! without writing the work tree or the index file, and without reading
//! the index file itself.
//!
//! Git is read through the `git` command: `git ls-files --stage` or `git
//! ls-tree -r` list the blobs, and one `git cat-file --batch` reads them.
//! The `git` that runs the commit is the one that reads the index, so
//! whatever it supports (split and sparse indexes, `GIT_INDEX_FILE` set by
//! `git commit -a` or `git commit PATH`, worktrees, alternates) is read
//! as that commit will see it. For the index, a staged blob whose bytes
//! the work tree's file holds exactly (its SHA-1 object ID is the
//! index's: a pre-commit hook mostly sees such files) is read from the
//! work tree instead, which costs a fraction of inflating it from git's
//! object store; only its content decides, never its size or time.
//!
//! The blobs go through [`crate::load::load_in_memory`], the loader the
//! property tests use, so a file read from git gives the same records and
//! findings as the same bytes on disk.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use rayon::prelude::*;

use crate::error::{Error, Result};

use crate::finding::{Code, Finding, Position};
use crate::load::read::too_big;
use crate::load::scan::Scanned;
use crate::load::walk::{Entry as WalkEntry, Verdict, is_record_file_name, judge, would_read};
use crate::load::{Loaded, load_in_memory};
use crate::yaml::MAX_FILE_BYTES;

/// Which git tree to read the records from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision<'a> {
    /// The index: what `git commit` would record now.
    Index,
    /// A tree-ish such as `HEAD`, `main~2` or a commit ID.
    Tree(&'a str),
}

/// A git repository, seen from a directory inside its work tree.
#[derive(Debug, Clone)]
pub struct Repository {
    /// Where git commands are run (the caller's directory), so that a
    /// relative `GIT_DIR` keeps its meaning.
    cwd: PathBuf,
    /// `cwd` relative to the top of the work tree (`git rev-parse
    /// --show-prefix`), with `/` separators; empty at the top.
    prefix: PathBuf,
    /// The top of the work tree (`git rev-parse --show-toplevel`).
    top: PathBuf,
}

/// Records read from git, with the text of every record file, so that
/// diagnostics show the lines that were validated rather than what the
/// work tree holds.
#[derive(Debug)]
pub struct GitRecords {
    /// The records and the loader's findings.
    pub loaded: Loaded,
    /// Each record file as [`Loaded`]'s findings name it, and its bytes.
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

/// The record files of a tree or the index, read but not parsed.
#[derive(Debug)]
struct Blobs {
    /// The records directory as findings name it.
    root: PathBuf,
    /// Each file's path inside the records directory, and its bytes.
    files: Vec<(PathBuf, Vec<u8>)>,
    /// Links, submodules, conflicts and oversized files, not read.
    findings: Vec<Finding>,
}

impl Blobs {
    fn load(self) -> GitRecords {
        let mut loaded = load_in_memory(&self.root, &self.files);
        loaded.findings.extend(self.findings);
        crate::load::note_unread(&mut loaded);
        let files = self
            .files
            .into_iter()
            .map(|(relative, bytes)| (self.root.join(relative), bytes))
            .collect();
        GitRecords { loaded, files }
    }
}

/// The records of a tree or the index, read and hashed but not parsed
/// ([`scan_records`]), to be parsed through the parse cache.
#[derive(Debug)]
pub struct GitScan {
    /// The record files, as [`crate::load::scan`] gives those on disk.
    pub scanned: Scanned,
    /// The records directory in the work tree (whether or not it exists
    /// there): whose cache folder the parses share, since the cache is
    /// keyed by content and staged files mostly equal the work tree's.
    pub work_tree_dir: PathBuf,
}

/// One blob in a tree or the index.
#[derive(Debug, Clone)]
struct Entry {
    /// `100644`, `100755`, `120000` (a link), `160000` (a submodule).
    mode: String,
    /// The object ID.
    oid: String,
    /// The merge stage (0 unless the file has a conflict).
    stage: u8,
    /// Path from the top of the work tree.
    path: PathBuf,
}

/// A `git` command run in `cwd` that takes no lock and reads no input.
pub(crate) fn git(cwd: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(cwd)
        // Never take a lock or refresh the index: reading is all we do.
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null());
    command
}

/// Runs `command` and returns its standard output; the error says what
/// git was asked `what` to do.
pub(crate) fn output(mut command: Command, what: &str) -> Result<Vec<u8>> {
    let out = command.output().map_err(Error::git_io(format!(
        "cannot run git to {what}; is git installed?"
    )))?;
    if !out.status.success() {
        return Err(Error::git(format!(
            "git could not {what}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

impl Repository {
    /// The repository whose work tree holds `cwd`.
    ///
    /// # Errors
    /// When `cwd` is not inside a git work tree, or git cannot be run.
    pub fn discover(cwd: &Path) -> Result<Repository> {
        let mut command = git(cwd);
        command.args(["rev-parse", "--show-toplevel", "--show-prefix"]);
        let out = output(
            command,
            "find the repository (run tsc inside a git work tree)",
        )?;
        let text =
            String::from_utf8(out).map_err(|_| Error::git("the repository path is not UTF-8"))?;
        let mut lines = text.split('\n');
        let top = PathBuf::from(lines.next().unwrap_or_default());
        let prefix = PathBuf::from(lines.next().unwrap_or_default());
        Ok(Repository {
            cwd: cwd.to_path_buf(),
            prefix,
            top,
        })
    }

    /// The records directory of the tree at `revision`, from the top of
    /// the work tree: `explicit` (a path relative to the current
    /// directory) when given, else the nearest `records/` at or above the
    /// current directory that holds a file in that tree.
    ///
    /// # Errors
    /// When `explicit` leaves the work tree, or no records directory is
    /// in the tree, or git fails.
    pub(crate) fn records_dir(
        &self,
        explicit: Option<&Path>,
        revision: Revision<'_>,
    ) -> Result<PathBuf> {
        if let Some(dir) = explicit {
            return self.from_top(dir).ok_or_else(|| {
                Error::git(format!(
                    "the records directory {} is outside the git work tree",
                    dir.display()
                ))
            });
        }
        let entries = self.entries(revision, Path::new(""))?;
        self.nearest_records(&entries, revision)
    }

    /// `path` (relative to the current directory, or absolute) as a path
    /// from the top of the work tree; `None` when it is outside.
    pub fn from_top(&self, path: &Path) -> Option<PathBuf> {
        if path.is_absolute() {
            let real = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
            let top = self.top.canonicalize().unwrap_or_else(|_| self.top.clone());
            real.strip_prefix(&top).ok().map(Path::to_path_buf)
        } else {
            lexical_join(&self.prefix, path)
        }
    }

    /// A git command run where this repository was discovered.
    pub(crate) fn command(&self) -> Command {
        git(&self.cwd)
    }

    /// The nearest `records/` at or above the current directory that holds
    /// one of `entries`.
    fn nearest_records(&self, entries: &[Entry], revision: Revision<'_>) -> Result<PathBuf> {
        let mut here = Some(self.prefix.as_path());
        while let Some(dir) = here {
            let candidate = dir.join("records");
            if entries.iter().any(|e| e.path.starts_with(&candidate)) {
                return Ok(candidate);
            }
            here = dir.parent();
        }
        Err(Error::git(format!(
            "no records directory in {} at or above the current directory; pass --records DIR",
            describe(revision)
        )))
    }

    /// Lists the blobs under `dir` (from the top of the work tree; empty
    /// for everything) in the index or a tree.
    fn entries(&self, revision: Revision<'_>, dir: &Path) -> Result<Vec<Entry>> {
        let spec = format!(":(top,literal){}", dir.display());
        let spec = if dir.as_os_str().is_empty() {
            ":(top)".to_owned()
        } else {
            spec
        };
        let mut command = git(&self.cwd);
        match revision {
            Revision::Index => {
                command.args(["ls-files", "--stage", "-z", "--full-name", "--", &spec]);
            }
            Revision::Tree(rev) => {
                command.args(["ls-tree", "-r", "-z", "--full-tree", rev, "--", &spec]);
            }
        }
        let out = output(command, &format!("list {}", describe(revision)))?;
        out.split(|b| *b == 0)
            .filter(|record| !record.is_empty())
            .map(|record| parse_entry(record, revision))
            .collect()
    }

    /// Runs one `git cat-file MODE` (`--batch` or `--batch-check`) for
    /// `names` (object IDs, or `REV:PATH` with PATH from the top of the
    /// work tree), and gives `each` the output after each object's header,
    /// with the object's type and size from it; `None` for a name that is
    /// missing.
    fn batch<T>(
        &self,
        mode: &str,
        names: &[&str],
        mut each: impl FnMut(&mut BufReader<std::process::ChildStdout>, &str, u64) -> std::io::Result<T>,
    ) -> Result<Vec<Option<T>>> {
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = git(&self.cwd)
            .args(["cat-file", mode])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(Error::git_io("cannot run git cat-file; is git installed?"))?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| Error::git("git cat-file has no input"))?;
        let request: String = names.iter().map(|name| format!("{name}\n")).collect();
        // Write on another thread: git answers while it reads, and both
        // pipes would fill up if we wrote everything first.
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let mut reader = BufReader::new(
            child
                .stdout
                .take()
                .ok_or_else(|| Error::git("git cat-file has no output"))?,
        );
        let mut answers = Vec::with_capacity(names.len());
        for name in names {
            let mut header = String::new();
            reader
                .read_line(&mut header)
                .map_err(Error::git_io(format!("git cat-file cannot read {name}")))?;
            // `NAME missing` (or `ambiguous`): no such object.
            let fields: Vec<&str> = header.split_whitespace().collect();
            if matches!(fields.last(), Some(&"missing" | &"ambiguous")) {
                answers.push(None);
                continue;
            }
            let size = fields
                .get(2)
                .and_then(|s| s.parse::<u64>().ok())
                .ok_or_else(|| Error::git(format!("git cat-file cannot read {name}: {header}")))?;
            let kind = fields.get(1).copied().unwrap_or_default();
            let answer = each(&mut reader, kind, size)
                .map_err(Error::git_io(format!("git cat-file cannot read {name}")))?;
            answers.push(Some(answer));
        }
        drop(reader);
        writer
            .join()
            .map_err(|_| Error::git("writing to git cat-file failed"))?
            .map_err(Error::git_io("writing to git cat-file failed"))?;
        let status = child
            .wait()
            .map_err(Error::git_io("waiting for git cat-file failed"))?;
        if !status.success() {
            return Err(Error::git(format!("git cat-file failed ({status})")));
        }
        Ok(answers)
    }

    /// The sizes of the objects `oids`, from one `git cat-file
    /// --batch-check` (no object is read).
    fn sizes(&self, oids: &[&str]) -> Result<Vec<u64>> {
        let sizes = self.batch("--batch-check", oids, |_, _, size| Ok(size))?;
        oids.iter()
            .zip(sizes)
            .map(|(oid, size)| {
                size.ok_or_else(|| Error::git(format!("git cat-file cannot find {oid}")))
            })
            .collect()
    }

    /// Reads the blobs `oids` with one `git cat-file --batch`.
    fn blobs(&self, oids: &[&str]) -> Result<Vec<Vec<u8>>> {
        let objects = self.objects(oids)?;
        oids.iter()
            .zip(objects)
            .map(|(oid, blob)| {
                blob.ok_or_else(|| Error::git(format!("git cat-file cannot read {oid}")))
            })
            .collect()
    }

    /// Reads objects named as `git cat-file` takes them (an object ID, or
    /// `REV:PATH` with PATH from the top of the work tree) with one `git
    /// cat-file --batch`; `None` for a name that is missing or is not a
    /// file (`REV:DIR` names a tree).
    ///
    /// # Errors
    /// When git cannot be run or its answer is cut short.
    pub(crate) fn objects(&self, names: &[&str]) -> Result<Vec<Option<Vec<u8>>>> {
        let objects = self.batch("--batch", names, |reader, kind, size| {
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            reader.take(size).read_to_end(&mut bytes)?;
            let mut newline = [0u8; 1];
            reader.read_exact(&mut newline)?;
            Ok((kind == "blob").then_some(bytes))
        })?;
        Ok(objects.into_iter().map(Option::flatten).collect())
    }

    /// The intent-to-add entries (`git add -N`) among `paths` (from the
    /// top of the work tree), from `git status --porcelain=v2`.
    fn intent_to_add(&self, paths: &[&Path]) -> Result<Vec<PathBuf>> {
        let mut command = git(&self.cwd);
        command.args([
            "status",
            "--porcelain=v2",
            "-z",
            "--untracked-files=no",
            "--ignore-submodules=all",
            "--",
        ]);
        for path in paths {
            let mut spec = std::ffi::OsString::from(":(top,literal)");
            spec.push(path.as_os_str());
            command.arg(spec);
        }
        intent_to_add(&output(command, "read git status")?)
    }

    /// Reads the record files among `entries`, the blobs under `dir`, and
    /// gives the findings of those it does not read.
    fn read_entries(
        &self,
        dir: &Path,
        entries: &[Entry],
        root: PathBuf,
        revision: Revision<'_>,
    ) -> Result<Blobs> {
        let mut findings = Vec::new();
        let mut blobs: Vec<&Entry> = Vec::new();
        for entry in entries {
            let relative = entry.path.strip_prefix(dir).unwrap_or(&entry.path);
            let shown = root.join(relative);
            if entry.stage != 0 {
                if entry.stage == 1 || blobs.iter().any(|b| b.path == entry.path) {
                    continue;
                }
                findings.push(
                    Finding::new(
                        Code::Io,
                        &shown,
                        Position::default(),
                        "file has an unresolved merge conflict in the index",
                    )
                    .with_help("resolve the conflict and `git add` the file"),
                );
                continue;
            }
            match entry.mode.as_str() {
                "120000" => findings.push(
                    Finding::new(
                        Code::Symlink,
                        &shown,
                        Position::default(),
                        "symbolic link; links are never followed",
                    )
                    .with_help("replace the link with the file itself, or remove it"),
                ),
                "160000" => findings.push(
                    Finding::new(
                        Code::NotAFile,
                        &shown,
                        Position::default(),
                        "a git submodule, not a file; it is not read",
                    )
                    .with_help("remove the submodule from the records directory"),
                ),
                _ => blobs.push(entry),
            }
        }
        // Only what the loader would read is fetched; a temporary file a
        // killed write left is reported as the disk walk reports it
        // (W0013), without its bytes.
        blobs.retain(|e| {
            let name = e.path.file_name().map(|n| n.to_string_lossy());
            if name.as_deref().is_some_and(is_record_file_name) {
                return true;
            }
            let relative = e.path.strip_prefix(dir).unwrap_or(&e.path);
            if judge(relative, WalkEntry::File) == Verdict::Leftover {
                findings.extend(Verdict::Leftover.finding(&root, &root.join(relative)));
            }
            false
        });
        // The staged blobs that the work tree holds byte for byte (the
        // usual case in a pre-commit hook) are read from there; git is
        // asked only for the rest.
        let mut local: Vec<Option<Vec<u8>>> = if revision == Revision::Index {
            blobs
                .par_iter()
                .map(|e| work_tree_copy(&self.top, e))
                .collect()
        } else {
            vec![None; blobs.len()]
        };
        // Sizes first: an oversized blob gives the disk loader's limit
        // finding without being read, and an empty one may be an
        // intent-to-add entry, which the next commit does not hold.
        let oids: Vec<&str> = blobs
            .iter()
            .zip(&local)
            .filter(|(_, copy)| copy.is_none())
            .map(|(e, _)| e.oid.as_str())
            .collect();
        let mut asked = self.sizes(&oids)?.into_iter();
        let sizes: Vec<u64> = local
            .iter()
            .map(|copy| match copy {
                Some(bytes) => bytes.len() as u64,
                None => asked.next().unwrap_or_default(),
            })
            .collect();
        let empty: Vec<&Path> = blobs
            .iter()
            .zip(&sizes)
            .filter(|(_, size)| **size == 0)
            .map(|(e, _)| e.path.as_path())
            .collect();
        let added = if revision == Revision::Index && !empty.is_empty() {
            self.intent_to_add(&empty)?
        } else {
            Vec::new()
        };
        let mut fetched = Vec::with_capacity(blobs.len());
        let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::with_capacity(blobs.len());
        for ((entry, size), copy) in blobs.into_iter().zip(sizes).zip(&mut local) {
            if size == 0 && added.contains(&entry.path) {
                continue;
            }
            let relative = entry.path.strip_prefix(dir).unwrap_or(&entry.path);
            if let Some(bytes) = copy.take() {
                files.push((relative.to_path_buf(), bytes));
                continue;
            }
            if size > MAX_FILE_BYTES && would_read(relative) {
                findings.push(too_big(&root.join(relative), size));
                continue;
            }
            // An oversized file the loader only names (a stray file) is
            // given to it without its bytes.
            if size <= MAX_FILE_BYTES {
                fetched.push((files.len(), entry.oid.as_str()));
            }
            files.push((relative.to_path_buf(), Vec::new()));
        }
        let oids: Vec<&str> = fetched.iter().map(|(_, oid)| *oid).collect();
        for ((i, _), bytes) in fetched.iter().zip(self.blobs(&oids)?) {
            files[*i].1 = bytes;
        }
        Ok(Blobs {
            root,
            files,
            findings,
        })
    }

    /// `dir` (from the top of the work tree) as a path from the current
    /// directory: `records` at the top, `../records` one level down, `..`
    /// from `records/actions`.
    fn display_path(&self, dir: &Path) -> PathBuf {
        if let Ok(inside) = dir.strip_prefix(&self.prefix) {
            if inside.as_os_str().is_empty() {
                return PathBuf::from(".");
            }
            return inside.to_path_buf();
        }
        let here: Vec<_> = self.prefix.components().collect();
        let there: Vec<_> = dir.components().collect();
        let common = here.iter().zip(&there).take_while(|(a, b)| a == b).count();
        let mut path: PathBuf = here[common..].iter().map(|_| "..").collect();
        path.extend(&there[common..]);
        path
    }
}

/// The bytes of the work tree's file for the index entry `entry` (under
/// the work tree `top`) when they are exactly the staged blob's: its git
/// object ID (SHA-1 of `blob SIZE\0` and the bytes) is the entry's. Not
/// read at all when the file is a link or something other than a plain
/// file, or is over the size limit, or when the repository names objects
/// otherwise (SHA-256); `None` then, and whenever the bytes differ (an
/// unstaged edit, a clean or smudge filter, line-ending conversion), so
/// the blob is read from git. Neither the file's size nor its time is
/// trusted: only its content decides.
fn work_tree_copy(top: &Path, entry: &Entry) -> Option<Vec<u8>> {
    let wanted = parse_sha1(&entry.oid)?;
    let path = top.join(&entry.path);
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(&path)
        .ok()?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (blob_id(&bytes) == wanted).then_some(bytes)
}

/// The git object ID (SHA-1) of a blob holding `bytes`.
fn blob_id(bytes: &[u8]) -> [u8; 20] {
    use sha1::Digest;
    let mut hasher = sha1::Sha1::new();
    hasher.update(format!("blob {}\0", bytes.len()).as_bytes());
    hasher.update(bytes);
    hasher.finalize().into()
}

/// A SHA-1 object ID written as 40 hexadecimal digits; `None` for any
/// other (a SHA-256 repository's 64 digits).
fn parse_sha1(oid: &str) -> Option<[u8; 20]> {
    if oid.len() != 40 || !oid.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut id = [0u8; 20];
    for (byte, pair) in id.iter_mut().zip(oid.as_bytes().chunks_exact(2)) {
        let pair = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(id)
}

/// Loads the records as they are in `revision` of the repository around
/// `cwd`: the records directory is `explicit` (relative to `cwd`) or the
/// nearest `records/` at or above `cwd` in that tree. Nothing outside git's
/// object store and index is read, and nothing is written.
///
/// # Errors
/// When `cwd` is not in a git work tree, no records directory is found in
/// the tree, or git fails.
pub fn load_records(
    cwd: &Path,
    explicit: Option<&Path>,
    revision: Revision<'_>,
) -> Result<GitRecords> {
    let (repo, dir, entries, root) = locate(cwd, explicit, revision)?;
    Ok(repo.read_entries(&dir, &entries, root, revision)?.load())
}

/// What [`load_records`] reads, hashed and not yet parsed: the same
/// records directory, files and findings, for parsing through the parse
/// cache ([`Scanned::parse`]); parsed, it gives what [`load_records`]
/// gives.
///
/// # Errors
/// As [`load_records`].
pub fn scan_records(
    cwd: &Path,
    explicit: Option<&Path>,
    revision: Revision<'_>,
) -> Result<GitScan> {
    let (repo, dir, entries, root) = locate(cwd, explicit, revision)?;
    let blobs = repo.read_entries(&dir, &entries, root, revision)?;
    Ok(GitScan {
        scanned: Scanned::in_memory(&blobs.root, blobs.files, blobs.findings),
        work_tree_dir: repo.top.join(&dir),
    })
}

/// The repository, its records directory (from the top of the work
/// tree), the blobs under it in `revision`, and the directory as findings
/// name it, for [`load_records`].
fn locate(
    cwd: &Path,
    explicit: Option<&Path>,
    revision: Revision<'_>,
) -> Result<(Repository, PathBuf, Vec<Entry>, PathBuf)> {
    // `--records DIR` names a directory that may be in another repository
    // than the current directory's: look for the repository from there.
    if let Some(given) = explicit {
        let at = cwd.join(given);
        if at.is_dir() {
            let repo = Repository::discover(&at)?;
            let dir = repo.records_dir(Some(Path::new(".")), revision)?;
            let entries = repo.entries(revision, &dir)?;
            return Ok((repo, dir, entries, given.to_path_buf()));
        }
    }
    let repo = Repository::discover(cwd)?;
    let (dir, entries) = if explicit.is_some() {
        let dir = repo.records_dir(explicit, revision)?;
        let entries = repo.entries(revision, &dir)?;
        (dir, entries)
    } else {
        // One listing both finds the records directory and gives its files.
        let mut entries = repo.entries(revision, Path::new(""))?;
        let dir = repo.nearest_records(&entries, revision)?;
        entries.retain(|e| e.path.starts_with(&dir));
        (dir, entries)
    };
    let root = repo.display_path(&dir);
    Ok((repo, dir, entries, root))
}

fn describe(revision: Revision<'_>) -> String {
    match revision {
        Revision::Index => "the git index".to_owned(),
        Revision::Tree(rev) => format!("git revision {rev}"),
    }
}

/// Parses one record of `ls-files --stage -z` (`MODE OID STAGE\tPATH`) or
/// `ls-tree -r -z` (`MODE TYPE OID\tPATH`). The path is kept as git gave
/// its bytes, so a file name that is not UTF-8 is read as the disk loader
/// would read it.
fn parse_entry(record: &[u8], revision: Revision<'_>) -> Result<Entry> {
    let unexpected = || {
        Error::git(format!(
            "unexpected git output `{}`",
            String::from_utf8_lossy(record)
        ))
    };
    let tab = record
        .iter()
        .position(|b| *b == b'\t')
        .ok_or_else(unexpected)?;
    let meta = std::str::from_utf8(&record[..tab]).map_err(|_| unexpected())?;
    let fields: Vec<&str> = meta.split(' ').collect();
    let (mode, oid, stage) = match (revision, fields.as_slice()) {
        (Revision::Index, [mode, oid, stage]) => (*mode, *oid, stage.parse().unwrap_or(0)),
        (Revision::Tree(_), [mode, _kind, oid]) => (*mode, *oid, 0),
        _ => return Err(unexpected()),
    };
    Ok(Entry {
        mode: mode.to_owned(),
        oid: oid.to_owned(),
        stage,
        path: path_from_bytes(&record[tab + 1..])?,
    })
}

/// A path git printed, from its bytes.
#[cfg(unix)]
// The Windows version can fail; both keep one signature.
#[allow(clippy::unnecessary_wraps)]
fn path_from_bytes(bytes: &[u8]) -> Result<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Ok(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

/// A path git printed, from its bytes (which must be UTF-8 here).
#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Result<PathBuf> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::git("git listed a path that is not UTF-8"))?;
    Ok(PathBuf::from(text))
}

/// The paths of `git status --porcelain=v2 -z` records that are
/// intent-to-add entries (`git add -N`: `1 .A ...`), which are in the
/// index but not in what the next commit holds.
fn intent_to_add(status: &[u8]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut records = status.split(|b| *b == 0);
    while let Some(record) = records.next() {
        if record.starts_with(b"2 ") {
            // A rename: its original path is the next record.
            records.next();
        } else if record.starts_with(b"1 .A ") {
            let path = record.splitn(9, |b| *b == b' ').nth(8);
            if let Some(path) = path {
                found.push(path_from_bytes(path)?);
            }
        }
    }
    Ok(found)
}

/// `base` joined with `path`, `.` and `..` resolved without the file
/// system; `None` when `..` climbs above the top.
fn lexical_join(base: &Path, path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in base.join(path).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_tree_listings_are_parsed() {
        let index = parse_entry(b"100644 abc 0\trecords/people.yaml", Revision::Index).unwrap();
        assert_eq!(
            (index.mode.as_str(), index.oid.as_str(), index.stage),
            ("100644", "abc", 0)
        );
        assert_eq!(index.path, Path::new("records/people.yaml"));
        let tree = parse_entry(b"120000 blob def\trecords/x.yaml", Revision::Tree("HEAD")).unwrap();
        assert_eq!((tree.mode.as_str(), tree.oid.as_str()), ("120000", "def"));
    }

    #[test]
    fn explicit_directories_are_resolved_from_the_prefix() {
        assert_eq!(
            lexical_join(Path::new("a/b"), Path::new("../records")),
            Some(PathBuf::from("a/records"))
        );
        assert_eq!(lexical_join(Path::new(""), Path::new("../x")), None);
        assert_eq!(
            lexical_join(Path::new(""), Path::new("./records")),
            Some(PathBuf::from("records"))
        );
    }
}
