//! Reading a records tree out of git: a revision's tree or the index,
//! through `git ls-tree -r -z` (or `git ls-files --stage -z`) and one
//! `git cat-file --batch`. The work tree and the index file are never
//! read or written (`GIT_OPTIONAL_LOCKS=0`, so not even a refresh).
//!
//! The blobs go through [`load_in_memory`], so a file read from git gives
//! the same records and findings as the same bytes on disk.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::records::{Loaded, load_in_memory};

/// A git repository, seen from a directory inside its work tree.
#[derive(Debug, Clone)]
pub struct Repo {
    /// Where git runs (the caller's directory).
    cwd: PathBuf,
    /// The top of the work tree.
    top: PathBuf,
    /// `cwd` relative to the top.
    prefix: PathBuf,
}

/// Which tree to read: the index, or a revision (`HEAD`, `main~2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rev<'a> {
    /// What `git commit` would record now.
    Index,
    /// A tree-ish.
    Tree(&'a str),
}

/// A `git` command run in `cwd` that takes no lock and reads no input.
pub fn git(cwd: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(cwd)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null());
    command
}

/// Runs `command` and returns its standard output.
///
/// # Errors
/// When git cannot be run or fails; the message says what it was doing.
pub fn output(mut command: Command, what: &str) -> anyhow::Result<Vec<u8>> {
    let out = command
        .output()
        .with_context(|| format!("cannot run git to {what}; is git installed?"))?;
    if !out.status.success() {
        bail!(
            "git could not {what}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

impl Repo {
    /// The repository whose work tree holds `cwd`.
    ///
    /// # Errors
    /// When `cwd` is not in a git work tree.
    pub fn discover(cwd: &Path) -> anyhow::Result<Repo> {
        let mut command = git(cwd);
        command.args(["rev-parse", "--show-toplevel", "--show-prefix"]);
        let text = String::from_utf8(output(command, "find the repository")?)
            .context("the repository path is not UTF-8")?;
        let mut lines = text.split('\n');
        let top = PathBuf::from(lines.next().unwrap_or_default());
        let prefix = PathBuf::from(lines.next().unwrap_or_default());
        Ok(Repo {
            cwd: cwd.to_path_buf(),
            top,
            prefix,
        })
    }

    /// Where git runs.
    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// `dir` (relative to the current directory, or absolute) as a path
    /// from the top of the work tree.
    ///
    /// # Errors
    /// When `dir` is outside the work tree.
    pub fn from_top(&self, dir: &Path) -> anyhow::Result<PathBuf> {
        let inside = if dir.is_absolute() {
            let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            let top = self.top.canonicalize().unwrap_or_else(|_| self.top.clone());
            real.strip_prefix(&top).ok().map(Path::to_path_buf)
        } else {
            lexical_join(&self.prefix, dir)
        };
        inside.with_context(|| format!("{} is outside the git work tree", dir.display()))
    }

    /// Loads the records directory `dir` (from the top of the work tree)
    /// as it is at `rev`; findings name files under `shown`.
    ///
    /// # Errors
    /// When git fails, or `rev` holds nothing under `dir`.
    pub fn load(&self, dir: &Path, rev: Rev<'_>, shown: &Path) -> anyhow::Result<Loaded> {
        let mut command = git(&self.cwd);
        let spec = format!(":(top,literal){}", dir.display());
        match rev {
            Rev::Index => command.args(["ls-files", "--stage", "-z", "--", &spec]),
            Rev::Tree(rev) => {
                command.args(["ls-tree", "-r", "-z", "--full-tree", rev, "--", &spec])
            }
        };
        let listing = output(command, &format!("list {}", describe(rev)))?;
        let mut paths = Vec::new();
        let mut oids = Vec::new();
        for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
            let text = std::str::from_utf8(entry).context("git listed a path that is not UTF-8")?;
            let (meta, path) = text
                .split_once('\t')
                .with_context(|| format!("unexpected git output `{text}`"))?;
            let fields: Vec<&str> = meta.split(' ').collect();
            let oid = match (rev, fields.as_slice()) {
                (Rev::Index, [_, oid, "0"]) | (Rev::Tree(_), [_, "blob", oid]) => *oid,
                _ => continue,
            };
            let path = Path::new(path);
            let relative = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
            paths.push(relative);
            oids.push(oid.to_owned());
        }
        if paths.is_empty() {
            bail!("{} holds no records under {}", describe(rev), dir.display());
        }
        let blobs = self.blobs(&oids)?;
        let files: Vec<(PathBuf, Vec<u8>)> = paths
            .into_iter()
            .zip(blobs)
            .filter_map(|(p, b)| b.map(|b| (p, b)))
            .collect();
        Ok(load_in_memory(shown, &files))
    }

    /// Reads objects (IDs, or `REV:PATH` from the top) with one `git
    /// cat-file --batch`; `None` for each that does not exist or is not a
    /// file.
    ///
    /// # Errors
    /// When git cannot be run or its answer is cut short.
    pub fn blobs(&self, names: &[String]) -> anyhow::Result<Vec<Option<Vec<u8>>>> {
        let mut child = git(&self.cwd)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("cannot run git cat-file; is git installed?")?;
        let mut stdin = child.stdin.take().context("git cat-file has no input")?;
        let request: String = names.iter().map(|n| format!("{n}\n")).collect();
        // Written from another thread: git answers while it reads, and
        // both pipes would fill if everything were written first.
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let mut reader = BufReader::new(child.stdout.take().context("git cat-file has no output")?);
        let mut blobs = Vec::with_capacity(names.len());
        for name in names {
            let mut header = String::new();
            reader.read_line(&mut header)?;
            if header.trim_end().ends_with(" missing") || header.trim_end().ends_with(" ambiguous")
            {
                blobs.push(None);
                continue;
            }
            let size = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse::<u64>().ok())
                .with_context(|| format!("git cat-file cannot read {name}: {header}"))?;
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            (&mut reader).take(size).read_to_end(&mut bytes)?;
            let mut newline = [0u8; 1];
            reader.read_exact(&mut newline)?;
            // `REV:DIR` names a tree: not a file.
            let is_blob = header.split_whitespace().nth(1) == Some("blob");
            blobs.push(is_blob.then_some(bytes));
        }
        drop(reader);
        writer
            .join()
            .map_err(|_| anyhow::anyhow!("writing to git cat-file failed"))??;
        child.wait()?;
        Ok(blobs)
    }
}

/// Loads the records directory `dir` (relative to `cwd`) as it is at
/// `rev` of the repository around `cwd`, without touching the work tree
/// or the index file.
///
/// # Errors
/// When `cwd` is not in a git work tree or git fails.
pub fn load_records(cwd: &Path, dir: &Path, rev: Rev<'_>) -> anyhow::Result<Loaded> {
    // A records directory that exists may be in another repository than
    // the current directory's: look for the repository from there.
    let at = cwd.join(dir);
    let (repo, inside) = if at.is_dir() {
        let repo = Repo::discover(&at)?;
        let inside = repo.from_top(Path::new("."))?;
        (repo, inside)
    } else {
        let repo = Repo::discover(cwd)?;
        let inside = repo.from_top(dir)?;
        (repo, inside)
    };
    repo.load(&inside, rev, dir)
}

fn describe(rev: Rev<'_>) -> String {
    match rev {
        Rev::Index => "the git index".to_owned(),
        Rev::Tree(rev) => format!("git revision {rev}"),
    }
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
