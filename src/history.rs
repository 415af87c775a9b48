//! A record's history: each commit that changed its file, newest first,
//! with the change in meaning in the words of `tsc diff`.
//!
//! The commits come from `git log --follow --name-status` on the record's
//! file, so a rename (`git mv`) is followed. For each commit, the file and
//! `tsc.yaml` (for the vocabularies' meanings) are read at the commit and
//! at its first parent, all in one `git cat-file --batch`, loaded in
//! memory, and [`diff`]ed; only the changes about the record are kept.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

use crate::diff::{Change, Side, Subject, diff};
use crate::git::{Repository, output};
use crate::kind::Kind;
use crate::load::{Loaded, load_in_memory};

/// One commit that changed the record's file.
#[derive(Debug, Clone)]
pub struct Commit {
    /// The full commit ID.
    pub hash: String,
    /// The abbreviated commit ID, as `git log --format=%h` gives it.
    pub short: String,
    /// The author date, `YYYY-MM-DD`.
    pub date: String,
    /// The author's name.
    pub author: String,
    /// The first line of the commit message.
    pub subject: String,
    /// When the commit renamed the file: the old and new paths from the
    /// top of the work tree.
    pub moved: Option<(String, String)>,
    /// The changes in meaning to the record.
    pub changes: Vec<Change>,
}

/// What to look up: the record and the records directory it lives in.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The records directory, from the top of the work tree.
    pub dir: &'a Path,
    /// The record's file now, from the top of the work tree.
    pub file: &'a Path,
    /// What kind of record it is.
    pub subject: Subject,
    /// Its ID.
    pub id: &'a str,
}

/// One entry of `git log --name-status`, before reading the blobs.
struct Logged {
    hash: String,
    short: String,
    date: String,
    author: String,
    subject: String,
    /// The file's path before and after the commit (from the top).
    before: Option<String>,
    after: Option<String>,
}

/// The history of `target` in `repo`, newest commit first.
///
/// # Errors
/// When git cannot be run or fails.
pub fn history(repo: &Repository, target: Target<'_>) -> Result<Vec<Commit>> {
    let logged = log_entries(repo, target.file)?;
    let settings = target
        .dir
        .join(Kind::Settings.entry())
        .display()
        .to_string();
    // Four objects per commit: the file and tsc.yaml after, then before.
    let mut names = Vec::new();
    let mut slots: Vec<Option<usize>> = Vec::new();
    for entry in &logged {
        let parent = format!("{}^", entry.hash);
        for (rev, path) in [(&entry.hash, &entry.after), (&parent, &entry.before)] {
            for path in [path.as_deref(), Some(settings.as_str())] {
                slots.push(path.map(|path| {
                    names.push(format!("{rev}:{path}"));
                    names.len() - 1
                }));
            }
        }
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut blobs = repo.objects(&names)?;
    let mut slots = slots.into_iter();
    let mut take = move || slots.next().flatten().and_then(|i| blobs[i].take());
    let mut commits = Vec::new();
    for entry in logged {
        let mut side = |path: &Option<String>| {
            let record = take();
            let settings = take();
            load_side(target.dir, path.as_deref(), record, settings)
        };
        let new = side(&entry.after);
        let old = side(&entry.before);
        let parent = format!("{}^", entry.short);
        let changes = diff(
            Side {
                revision: &parent,
                loaded: &old,
            },
            Side {
                revision: &entry.short,
                loaded: &new,
            },
        )
        .changes
        .into_iter()
        .filter(|c| about_target(c, target))
        .collect();
        let moved = match (&entry.before, &entry.after) {
            (Some(b), Some(a)) if b != a => Some((b.clone(), a.clone())),
            _ => None,
        };
        commits.push(Commit {
            hash: entry.hash,
            short: entry.short,
            date: entry.date,
            author: entry.author,
            subject: entry.subject,
            moved,
            changes,
        });
    }
    Ok(commits)
}

/// Whether `change`, found by diffing the target's file (and tsc.yaml)
/// alone, is about the target: a change to the record itself, a file
/// that did not load, or for a meeting the assessments recorded in it
/// (which [`diff`] reports under the proposal assessed, and which can come
/// from nowhere but this file).
fn about_target(change: &Change, target: Target<'_>) -> bool {
    (change.record == target.subject && change.id == target.id)
        || change.record == Subject::Unreadable
        || (target.subject == Subject::Meeting && change.record == Subject::Modification)
}

/// The record file and `tsc.yaml` of one side, loaded in memory as if
/// they were the whole records directory; findings name files from the
/// top of the work tree.
fn load_side(
    dir: &Path,
    path: Option<&str>,
    record: Option<Vec<u8>>,
    settings: Option<Vec<u8>>,
) -> Loaded {
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if let (Some(path), Some(bytes)) = (path, record) {
        let path = Path::new(path);
        files.push((path.strip_prefix(dir).unwrap_or(path).to_path_buf(), bytes));
    }
    let is_settings = files
        .iter()
        .any(|(p, _)| p == Path::new(Kind::Settings.entry()));
    if let Some(bytes) = settings.filter(|_| !is_settings) {
        files.push((PathBuf::from(Kind::Settings.entry()), bytes));
    }
    load_in_memory(dir, &files)
}

/// Runs `git log --follow --name-status` on `file`.
fn log_entries(repo: &Repository, file: &Path) -> Result<Vec<Logged>> {
    let mut command = repo.command();
    command.args([
        "-c",
        "core.quotePath=false",
        "log",
        "--follow",
        "--name-status",
        "-M",
        "--format=%x1e%H%x1f%h%x1f%as%x1f%an%x1f%s",
        "--",
    ]);
    command.arg(format!(":(top,literal){}", file.display()));
    let out = output(command, &format!("list the commits of {}", file.display()))?;
    let text =
        String::from_utf8(out).map_err(|_| Error::git("git log gave text that is not UTF-8"))?;
    let mut entries = Vec::new();
    for chunk in text.split('\u{1e}').filter(|c| !c.trim().is_empty()) {
        let mut lines = chunk.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\u{1f}').collect();
        let [hash, short, date, author, subject] = header.as_slice() else {
            continue;
        };
        let mut entry = Logged {
            hash: (*hash).to_owned(),
            short: (*short).to_owned(),
            date: (*date).to_owned(),
            author: (*author).to_owned(),
            subject: (*subject).to_owned(),
            before: None,
            after: None,
        };
        for line in lines.filter(|l| !l.is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                [status, old, new] if status.starts_with('R') || status.starts_with('C') => {
                    entry.before = Some((*old).to_owned());
                    entry.after = Some((*new).to_owned());
                }
                [status, path] if status.starts_with('A') => entry.after = Some((*path).to_owned()),
                [status, path] if status.starts_with('D') => {
                    entry.before = Some((*path).to_owned());
                }
                [_, path] => {
                    entry.before = Some((*path).to_owned());
                    entry.after = Some((*path).to_owned());
                }
                _ => {}
            }
        }
        entries.push(entry);
    }
    Ok(entries)
}
