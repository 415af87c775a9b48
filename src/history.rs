//! A record's history: each commit that changed its file, newest first,
//! with the change in meaning in the words of `tsc diff`.
//!
//! The commits come from `git log --follow --name-status` on the record's
//! file, so a rename (`git mv`) is followed. For each commit, the file and
//! `tsc.yaml` (for the vocabularies' meanings) are read at the commit and
//! at its first parent, all in one `git cat-file --batch`, loaded in
//! memory, and [`diff`]ed; only the changes about the record are kept.

use std::collections::HashMap;
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
    /// For a proposal: the meetings whose assessment of it the commit
    /// added, changed or removed (in a meeting's file), in natural ID
    /// order; empty for other records and for commits of the proposal's
    /// own file alone.
    pub assessed_at: Vec<String>,
    /// For a meeting: the proposals whose assessment in it the commit
    /// added, changed or removed, in natural ID order; empty for other
    /// records.
    pub assessed: Vec<String>,
}

impl Commit {
    /// For a meeting: the proposals of [`Commit::assessed`] whose latest
    /// interest level the commit left as it was (no change about them).
    pub fn unchanged_assessments(&self) -> impl Iterator<Item = &str> {
        self.assessed
            .iter()
            .filter(|p| !self.changes.iter().any(|c| &c.id == *p))
            .map(String::as_str)
    }
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
    /// For a proposal: the meeting files that assess it now, from the top
    /// of the work tree ([`assessing_files`]). They are read at each
    /// commit that changed a meeting file, beside the files it changed,
    /// so that the interest level before and after is known.
    pub assessed_in: &'a [PathBuf],
}

/// The files of the meetings that assess proposal `id` in `index`, as
/// loaded (the records directory joined with the path inside it), each
/// once, in path order.
pub fn assessing_files(index: &crate::index::Index<'_>, id: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = index
        .assessments_of(id)
        .iter()
        .filter_map(|a| index.located_meeting(&a.meeting.id.value))
        .map(|m| m.file.clone())
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The meeting files read beside a record's own file at each commit, for
/// the latest interest levels its history speaks of: for a proposal, the
/// meetings that assess it now ([`assessing_files`]); for a meeting, the
/// other meetings that assess the proposals it assesses (so that an
/// assessment it records is weighed against the proposal's earlier ones,
/// not against none); nothing for other records.
pub fn context_files(index: &crate::index::Index<'_>, subject: Subject, id: &str) -> Vec<PathBuf> {
    match subject {
        Subject::Modification => assessing_files(index, id),
        Subject::Meeting => {
            let own = index.located_meeting(id).map(|m| m.file.clone());
            let mut files: Vec<PathBuf> = index
                .assessed_ids()
                .filter(|p| {
                    index
                        .assessments_of(p)
                        .iter()
                        .any(|a| a.meeting.id.value == id)
                })
                .flat_map(|p| assessing_files(index, p))
                .filter(|f| Some(f) != own.as_ref())
                .collect();
            files.sort();
            files.dedup();
            files
        }
        _ => Vec::new(),
    }
}

/// One entry of `git log --name-status`, before reading the blobs.
struct Logged {
    hash: String,
    short: String,
    date: String,
    author: String,
    subject: String,
    /// The committer time, seconds since the epoch, for merging two logs.
    time: i64,
    /// Each changed file's path before and after the commit (from the
    /// top); one for a record's file.
    paths: Vec<(Option<String>, Option<String>)>,
}

/// The history of `target` in `repo`, newest commit first. For a
/// proposal, the commits that changed its assessments in a meeting's file
/// are listed too, with the change of its interest level.
///
/// # Errors
/// When git cannot be run or fails.
pub fn history(repo: &Repository, target: Target<'_>) -> Result<Vec<Commit>> {
    let logged = log_entries(repo, target.file, true)?;
    let mut commits = file_commits(repo, target, logged)?;
    // A person, organisation or principle shares its file with the
    // others: a commit of the file that changed nothing about it is
    // another entry's history, not its own.
    if matches!(
        target.subject,
        Subject::Person | Subject::Organisation | Subject::Principle
    ) {
        commits.retain(|(_, c)| !c.changes.is_empty());
    }
    if target.subject == Subject::Modification {
        let meetings = target.dir.join(Kind::Meeting.entry());
        let logged = log_entries(repo, &meetings, false)?;
        for (time, commit) in assessment_commits(repo, target, logged)? {
            match commits.iter_mut().find(|(_, c)| c.hash == commit.hash) {
                Some((_, same)) => {
                    same.changes.extend(commit.changes);
                    same.assessed_at = commit.assessed_at;
                }
                None => commits.push((time, commit)),
            }
        }
        // Newest first: by commit time, and within one second in the
        // order git lists the commits of both (an older name of a renamed
        // file's, which that log does not list, after them).
        let rank = log_order(repo, &[target.file, &meetings])?;
        commits.sort_by_key(|(time, c)| {
            (
                std::cmp::Reverse(*time),
                rank.get(c.hash.as_str()).copied().unwrap_or(usize::MAX),
            )
        });
    }
    Ok(commits.into_iter().map(|(_, c)| c).collect())
}

/// The settings path, from the top of the work tree.
fn settings_path(target: Target<'_>) -> String {
    target
        .dir
        .join(Kind::Settings.entry())
        .display()
        .to_string()
}

/// Reads `REV:PATH` for each `(rev, path)`, in one `git cat-file
/// --batch`; `None` for no path, or one missing at that revision.
fn read_all(
    repo: &Repository,
    wanted: &[(String, Option<String>)],
) -> Result<Vec<Option<Vec<u8>>>> {
    let names: Vec<String> = wanted
        .iter()
        .filter_map(|(rev, path)| path.as_ref().map(|p| format!("{rev}:{p}")))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut blobs = repo.objects(&names)?.into_iter();
    Ok(wanted
        .iter()
        .map(|(_, path)| path.as_ref().and_then(|_| blobs.next().flatten()))
        .collect())
}

/// The commits of the target's own file, each with its commit time.
fn file_commits(
    repo: &Repository,
    target: Target<'_>,
    logged: Vec<Logged>,
) -> Result<Vec<(i64, Commit)>> {
    let settings = settings_path(target);
    // For a meeting, the meetings that assess what it assesses, read at
    // both sides too ([`context_files`]).
    let context: Vec<String> = match target.subject {
        Subject::Meeting => target
            .assessed_in
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        _ => Vec::new(),
    };
    // Per side of each commit: the file, the context files and tsc.yaml,
    // after, then before.
    let mut wanted = Vec::new();
    for entry in &logged {
        let (before, after) = entry.paths.last().cloned().unwrap_or_default();
        let parent = format!("{}^", entry.hash);
        for (rev, path) in [(&entry.hash, after), (&parent, before)] {
            wanted.push((rev.clone(), path));
            wanted.extend(context.iter().map(|c| (rev.clone(), Some(c.clone()))));
            wanted.push((rev.clone(), Some(settings.clone())));
        }
    }
    let mut blobs = read_all(repo, &wanted)?.into_iter();
    let mut commits = Vec::new();
    for entry in logged {
        let (before, after) = entry.paths.last().cloned().unwrap_or_default();
        let mut side = |path: &Option<String>| {
            let record = blobs.next().flatten();
            let mut files: Vec<(&str, Vec<u8>)> = path.as_deref().zip(record).into_iter().collect();
            for c in &context {
                if let Some(bytes) = blobs.next().flatten()
                    && path.as_deref() != Some(c.as_str())
                {
                    files.push((c.as_str(), bytes));
                }
            }
            let settings = blobs.next().flatten();
            load_side(target.dir, files, settings)
        };
        let new = side(&after);
        let old = side(&before);
        let changes = changes_between(&entry, &old, &new, |c| about_target(c, target));
        let assessed = match target.subject {
            Subject::Meeting => assessed_in_meeting(&old, &new, target.id),
            _ => Vec::new(),
        };
        let moved = match (&before, &after) {
            (Some(b), Some(a)) if b != a => Some((b.clone(), a.clone())),
            _ => None,
        };
        let mut commit = commit(&entry, moved, changes, Vec::new());
        commit.assessed = assessed;
        commits.push((entry.time, commit));
    }
    Ok(commits)
}

/// The commits that changed a meeting file's assessments of the target
/// proposal. Whether one did is told from the files it changed alone;
/// its change in meaning from those and the files that assess the
/// proposal now ([`Target::assessed_in`]), each as it was at that side.
fn assessment_commits(
    repo: &Repository,
    target: Target<'_>,
    logged: Vec<Logged>,
) -> Result<Vec<(i64, Commit)>> {
    let settings = settings_path(target);
    // The files one side of a commit holds: those it changed, and with
    // `context` those that assess the proposal now.
    let paths = |entry: &Logged, after: bool, context: bool| -> Vec<String> {
        let changed = entry
            .paths
            .iter()
            .filter_map(|(b, a)| if after { a.clone() } else { b.clone() });
        let assessing = target.assessed_in.iter().map(|p| p.display().to_string());
        let mut paths: Vec<String> = changed.chain(assessing.filter(|_| context)).collect();
        paths.sort();
        paths.dedup();
        paths
    };
    // Both sides of each entry, the commit's then its first parent's.
    let load_sides = |entries: &[&Logged], context: bool| -> Result<Vec<(Loaded, Loaded)>> {
        let mut wanted = Vec::new();
        for entry in entries {
            let parent = format!("{}^", entry.hash);
            for (rev, after) in [(&entry.hash, true), (&parent, false)] {
                let files = paths(entry, after, context).into_iter();
                wanted.extend(files.map(|p| (rev.clone(), Some(p))));
                wanted.push((rev.clone(), Some(settings.clone())));
            }
        }
        let mut blobs = read_all(repo, &wanted)?.into_iter();
        let mut side = |entry: &Logged, after: bool| {
            let files: Vec<(String, Vec<u8>)> = paths(entry, after, context)
                .into_iter()
                .filter_map(|p| blobs.next().flatten().map(|b| (p, b)))
                .collect();
            let settings = blobs.next().flatten();
            let files = files.iter().map(|(p, b)| (p.as_str(), b.clone())).collect();
            load_side(target.dir, files, settings)
        };
        Ok(entries
            .iter()
            .map(|entry| {
                let new = side(entry, true);
                (new, side(entry, false))
            })
            .collect())
    };
    // First the changed files alone, which is enough to tell whether the
    // commit changed an assessment of the proposal: most do not.
    let all: Vec<&Logged> = logged.iter().collect();
    let mut touched: Vec<(&Logged, Vec<String>)> = Vec::new();
    for (entry, (new, old)) in all.iter().zip(load_sides(&all, false)?) {
        let of_target = |a: &Assessed| a.proposal == target.id;
        let assessed_at = changed(&old, &new, of_target, |a| &a.meeting);
        if !assessed_at.is_empty() {
            touched.push((entry, assessed_at));
        }
    }
    // Then those with the meetings that assess it now, for its latest
    // interest level before and after.
    let entries: Vec<&Logged> = touched.iter().map(|(entry, _)| *entry).collect();
    let sides = load_sides(&entries, true)?;
    Ok(touched
        .into_iter()
        .zip(sides)
        .map(|((entry, assessed_at), (new, old))| {
            let changes = changes_between(entry, &old, &new, |c| {
                c.record == Subject::Modification && c.id == target.id
            });
            (entry.time, commit(entry, None, changes, assessed_at))
        })
        .collect())
}

/// The proposals whose assessment at meeting `id` differs between `old`
/// and `new` (added, changed or removed), in natural ID order.
fn assessed_in_meeting(old: &Loaded, new: &Loaded, id: &str) -> Vec<String> {
    changed(old, new, |a| a.meeting == id, |a| &a.proposal)
}

/// One assessment recorded in a loaded side: the proposal, the meeting and
/// the assessment as its fields' values.
#[derive(PartialEq)]
struct Assessed {
    proposal: String,
    meeting: String,
    fields: serde_json::Value,
}

/// Of the assessments `keep` keeps, those that differ between `old` and
/// `new` (added, changed or removed), named by `name`, in natural order,
/// each once.
fn changed(
    old: &Loaded,
    new: &Loaded,
    keep: impl Fn(&Assessed) -> bool,
    name: impl Fn(&Assessed) -> &String,
) -> Vec<String> {
    let all = |loaded: &Loaded| -> Vec<Assessed> {
        let index = crate::index::Index::new(&loaded.records);
        let mut found = Vec::new();
        for proposal in index.assessed_ids() {
            for a in index.assessments_of(proposal) {
                let assessed = Assessed {
                    proposal: proposal.to_owned(),
                    meeting: a.meeting.id.value.to_string(),
                    fields: serde_json::to_value(a.assessment).unwrap_or_default(),
                };
                if keep(&assessed) {
                    found.push(assessed);
                }
            }
        }
        found
    };
    let (was, is) = (all(old), all(new));
    let mut names: Vec<String> = was
        .iter()
        .chain(&is)
        .filter(|a| !(was.contains(a) && is.contains(a)))
        .map(|a| name(a).clone())
        .collect();
    names.sort_by(|a, b| crate::ids::natural_cmp(a, b));
    names.dedup();
    names
}

/// The changes from `old` (the commit's first parent) to `new` (the
/// commit) that `keep` keeps.
fn changes_between(
    entry: &Logged,
    old: &Loaded,
    new: &Loaded,
    keep: impl Fn(&Change) -> bool,
) -> Vec<Change> {
    let parent = format!("{}^", entry.short);
    diff(
        Side {
            revision: &parent,
            loaded: old,
        },
        Side {
            revision: &entry.short,
            loaded: new,
        },
    )
    .changes
    .into_iter()
    .filter(keep)
    .collect()
}

fn commit(
    entry: &Logged,
    moved: Option<(String, String)>,
    changes: Vec<Change>,
    assessed_at: Vec<String>,
) -> Commit {
    Commit {
        hash: entry.hash.clone(),
        short: entry.short.clone(),
        date: entry.date.clone(),
        author: entry.author.clone(),
        subject: entry.subject.clone(),
        moved,
        changes,
        assessed_at,
        assessed: Vec::new(),
    }
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

/// The record files and `tsc.yaml` of one side (paths from the top of
/// the work tree, with their bytes), loaded in memory as if they were the
/// whole records directory; findings name files from the top of the work
/// tree.
fn load_side(dir: &Path, record: Vec<(&str, Vec<u8>)>, settings: Option<Vec<u8>>) -> Loaded {
    let mut files: Vec<(PathBuf, Vec<u8>)> = record
        .into_iter()
        .map(|(path, bytes)| {
            let path = Path::new(path);
            (path.strip_prefix(dir).unwrap_or(path).to_path_buf(), bytes)
        })
        .collect();
    let is_settings = files
        .iter()
        .any(|(p, _)| p == Path::new(Kind::Settings.entry()));
    if let Some(bytes) = settings.filter(|_| !is_settings) {
        files.push((PathBuf::from(Kind::Settings.entry()), bytes));
    }
    load_in_memory(dir, &files)
}

/// Each commit that changed one of `paths` (from the top of the work
/// tree), by its position in `git log`'s list, newest first.
fn log_order(repo: &Repository, paths: &[&Path]) -> Result<HashMap<String, usize>> {
    let mut command = repo.command();
    command.args(["log", "--format=%H", "--"]);
    for path in paths {
        command.arg(format!(":(top,literal){}", path.display()));
    }
    let out = output(command, "list the commits of a proposal and the meetings")?;
    Ok(String::from_utf8_lossy(&out)
        .lines()
        .enumerate()
        .map(|(i, hash)| (hash.to_owned(), i))
        .collect())
}

/// Runs `git log --name-status` on `path` (a file or a folder, from the
/// top of the work tree), with `--follow` for a file.
fn log_entries(repo: &Repository, path: &Path, follow: bool) -> Result<Vec<Logged>> {
    let file = path;
    let mut command = repo.command();
    command.args(["-c", "core.quotePath=false", "log"]);
    if follow {
        command.arg("--follow");
    }
    command.args([
        "--name-status",
        "-M",
        "--format=%x1e%H%x1f%h%x1f%as%x1f%an%x1f%ct%x1f%s",
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
        let [hash, short, date, author, time, subject] = header.as_slice() else {
            continue;
        };
        let mut entry = Logged {
            hash: (*hash).to_owned(),
            short: (*short).to_owned(),
            date: (*date).to_owned(),
            author: (*author).to_owned(),
            subject: (*subject).to_owned(),
            time: time.parse().unwrap_or_default(),
            paths: Vec::new(),
        };
        for line in lines.filter(|l| !l.is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                [status, old, new] if status.starts_with('R') || status.starts_with('C') => {
                    entry
                        .paths
                        .push((Some((*old).to_owned()), Some((*new).to_owned())));
                }
                [status, path] if status.starts_with('A') => {
                    entry.paths.push((None, Some((*path).to_owned())));
                }
                [status, path] if status.starts_with('D') => {
                    entry.paths.push((Some((*path).to_owned()), None));
                }
                [_, path] => entry
                    .paths
                    .push((Some((*path).to_owned()), Some((*path).to_owned()))),
                _ => {}
            }
        }
        entries.push(entry);
    }
    Ok(entries)
}
