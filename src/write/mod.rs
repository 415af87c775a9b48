//! The write side: a set of file edits and new files made as one checked
//! transaction.
//!
//! A [`Tree`] holds the text of every record file as the loader kept it
//! when it read the records (once); the model's byte spans are offsets
//! into exactly that text, which is what is edited. A [`Transaction`] collects the new text of each changed or
//! created file; [`Transaction::check`] loads and validates the records
//! as they would be after the write and lists every error the write would
//! add; [`Transaction::diff`] is the unified diff `--dry-run` prints; and
//! [`Transaction::commit`] writes every file atomically (a temporary file
//! in the same directory, renamed over the old one).
//!
//! [`commands`] builds the transaction of each write command.

pub mod commands;
pub(crate) mod spans;

/// Refuses (returns [`Error::Refused`]) with a formatted message.
#[macro_export]
macro_rules! refuse {
    ($($message:tt)*) => {
        return Err($crate::error::Error::Refused(format!($($message)*)))
    };
}

/// Refuses with a formatted message unless the condition holds.
#[macro_export]
macro_rules! refuse_unless {
    ($condition:expr, $($message:tt)*) => {
        if !$condition {
            $crate::refuse!($($message)*);
        }
    };
}

/// A missing value as a refusal with a message.
pub(crate) trait OrRefuse<T> {
    /// The value, or [`Error::Refused`] with `message`.
    fn or_refuse(self, message: &str) -> Result<T>;
    /// The value, or [`Error::Refused`] with the message `message` makes.
    fn or_refuse_with(self, message: impl FnOnce() -> String) -> Result<T>;
}

impl<T> OrRefuse<T> for Option<T> {
    fn or_refuse(self, message: &str) -> Result<T> {
        self.ok_or_else(|| Error::Refused(message.to_owned()))
    }

    fn or_refuse_with(self, message: impl FnOnce() -> String) -> Result<T> {
        self.ok_or_else(|| Error::Refused(message()))
    }
}

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::edit::{self, Edit};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::load::{self, Loaded};
use crate::source::FileId;
use crate::validate::{self, Report};

/// The text of every record file of a records directory, by path relative
/// to it, read once.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The records directory.
    pub(crate) root: PathBuf,
    /// Each regular `.yaml`/`.yml` file's text, by relative path. Hidden
    /// names, backups and symbolic links are left out, as the loader
    /// leaves them out.
    pub files: BTreeMap<PathBuf, String>,
}

impl Tree {
    /// The texts the loader kept when it read `loaded` (every record file
    /// it read, once), by path relative to the records directory.
    ///
    /// # Errors
    /// When a record file is not UTF-8: a write must start from records
    /// it can read (`tsc validate` reports the file).
    pub fn from_loaded(loaded: &Loaded) -> Result<Tree> {
        let root = loaded.records.root.clone();
        let mut files = BTreeMap::new();
        let sources = &loaded.sources;
        for id in (0..)
            .map(FileId)
            .take_while(|id| sources.path(*id).is_some())
        {
            let path = sources.path(id).unwrap_or(&root);
            let text = sources.text(id).or_refuse_with(|| {
                format!("{} is not UTF-8; `tsc validate` says where", path.display())
            })?;
            let relative = path.strip_prefix(&root).unwrap_or(path).to_path_buf();
            files.insert(relative, text.to_owned());
        }
        Ok(Tree { root, files })
    }

    /// Loads the records under `root` ([`load::load`]) and keeps their
    /// texts, as [`Tree::from_loaded`].
    ///
    /// # Errors
    /// When the directory cannot be read, or as [`Tree::from_loaded`].
    pub fn read(root: &Path) -> Result<Tree> {
        Tree::from_loaded(&load::load(root)?)
    }

    /// A tree with no record files, at `root` (new records: `tsc init`).
    pub fn empty(root: &Path) -> Tree {
        Tree {
            root: root.to_path_buf(),
            files: BTreeMap::new(),
        }
    }

    /// The tree made of `files` (relative path and text) under `root`,
    /// for tests.
    #[cfg(test)]
    pub(crate) fn from_files(
        root: &Path,
        files: impl IntoIterator<Item = (PathBuf, String)>,
    ) -> Tree {
        Tree {
            root: root.to_path_buf(),
            files: files.into_iter().collect(),
        }
    }

    /// Loads the records from the texts, as [`load::load`] would.
    pub fn load(&self) -> Loaded {
        let bytes: Vec<(PathBuf, Vec<u8>)> = self
            .files
            .iter()
            .map(|(p, t)| (p.clone(), t.as_bytes().to_vec()))
            .collect();
        load::load_in_memory(&self.root, &bytes)
    }

    /// The text of the file at `path` (as the model names it, under the
    /// root, or relative to it).
    pub(crate) fn text(&self, path: &Path) -> Option<&str> {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        self.files.get(relative).map(String::as_str)
    }
}

/// One file the transaction changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Relative to the records directory.
    pub path: PathBuf,
    /// The text before, or `None` for a new file.
    pub before: Option<String>,
    /// The text after.
    pub after: String,
}

/// Edits and new files, made together or not at all.
#[derive(Debug, Clone, Default)]
pub struct Transaction {
    changes: Vec<Change>,
}

/// What [`Transaction::check`] found.
#[derive(Debug)]
pub struct Checked {
    /// The records as they would be after the write, validated.
    pub after: Report,
    /// The loaded records after the write.
    pub loaded: Loaded,
    /// Errors after the write that were not there before.
    pub added: Vec<Finding>,
}

impl Transaction {
    /// The changes, in the order they were added.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Makes `edits` on the file at `path` (relative), on top of any edit
    /// this transaction already made to it.
    ///
    /// # Errors
    /// When the tree has no such file.
    pub(crate) fn edit(&mut self, tree: &Tree, path: &Path, edits: &[Edit]) -> Result<()> {
        let relative = path.strip_prefix(&tree.root).unwrap_or(path).to_path_buf();
        if let Some(change) = self.changes.iter_mut().find(|c| c.path == relative) {
            change.after = edit::apply(&change.after, edits);
            return Ok(());
        }
        let before = tree
            .files
            .get(&relative)
            .or_refuse_with(|| format!("no record file {}", relative.display()))?;
        self.changes.push(Change {
            path: relative,
            before: Some(before.clone()),
            after: edit::apply(before, edits),
        });
        Ok(())
    }

    /// Adds a new file at `path` (relative).
    ///
    /// # Errors
    /// When the file exists already.
    pub(crate) fn create(&mut self, tree: &Tree, path: &Path, text: String) -> Result<()> {
        let taken = tree.files.contains_key(path)
            || tree.root.join(path).exists()
            || self.changes.iter().any(|c| c.path == path);
        refuse_unless!(!taken, "{} exists already", tree.root.join(path).display());
        self.changes.push(Change {
            path: path.to_path_buf(),
            before: None,
            after: text,
        });
        Ok(())
    }

    /// The tree as it would be after the write.
    pub fn apply_to(&self, tree: &Tree) -> Tree {
        let mut after = tree.clone();
        for change in &self.changes {
            after
                .files
                .insert(change.path.clone(), change.after.clone());
        }
        after
    }

    /// Loads and validates the records as they would be after the write,
    /// and lists the errors that `before` (the validation of the tree as
    /// it is) does not have. Findings are compared by rule, file and
    /// message, not by position, since an edit moves the lines below it.
    pub fn check(&self, tree: &Tree, before: &Report) -> Checked {
        let loaded = self.apply_to(tree).load();
        let after = validate::validate(&loaded);
        let key = |f: &Finding| (f.code, f.file.clone(), f.message.clone());
        let mut counts: HashMap<_, usize> = HashMap::new();
        for f in before
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            *counts.entry(key(f)).or_default() += 1;
        }
        let mut added = Vec::new();
        for f in after
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            match counts.get_mut(&key(f)) {
                Some(n) if *n > 0 => *n -= 1,
                _ => added.push(f.clone()),
            }
        }
        Checked {
            after,
            loaded,
            added,
        }
    }

    /// The unified diff of every change (`a/PATH`, `b/PATH` headers, as
    /// git writes them; `/dev/null` for a new file), three lines of context.
    /// PATH is the file's path inside the records joined to `dir`: the
    /// records directory from the top of the git work tree (`records`),
    /// so that `git apply` takes the diff from there, or empty.
    pub fn diff(&self, dir: &Path) -> String {
        let mut out = String::new();
        for change in &self.changes {
            let path = dir.join(&change.path).to_string_lossy().replace('\\', "/");
            let before = change.before.as_deref().unwrap_or("");
            let old = if change.before.is_some() {
                format!("a/{path}")
            } else {
                "/dev/null".to_owned()
            };
            let diff = similar::TextDiff::from_lines(before, change.after.as_str());
            out.push_str(
                &diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&old, &format!("b/{path}"))
                    .to_string(),
            );
        }
        out
    }

    /// Writes every changed and new file: first each into a temporary file
    /// beside it, then each renamed over its name, so no reader sees half
    /// a file and a failure while preparing writes nothing. An existing
    /// file keeps its permissions.
    ///
    /// The renames are made under an advisory lock on the records
    /// directory ([`WriteLock`]), so two writes never interleave their
    /// checks and renames, and an edited file is replaced only if it
    /// still holds exactly the bytes it was read with: a file another
    /// write (or an editor) changed since is refused, and nothing is
    /// written, so no change is lost.
    ///
    /// # Errors
    /// [`Error::Refused`] when an edited file changed, or a new one was
    /// created, since the records were read (nothing is written); on an
    /// I/O error, files renamed before it stay written.
    pub fn commit(&self, root: &Path) -> Result<()> {
        // A new records directory (`tsc init`) is made before it is locked.
        std::fs::create_dir_all(root).map_err(Error::io("cannot create", root))?;
        self.commit_held(root, &WriteLock::take(root)?)
    }

    /// [`Transaction::commit`] under a [`WriteLock`] the caller took on
    /// `root` before it read the records, and holds until this returns:
    /// a write command that reads, plans and writes under one lock never
    /// interleaves with another, which then reads what this one wrote
    /// (two `tsc new meeting` at once number their meetings one after
    /// the other).
    ///
    /// # Errors
    /// As [`Transaction::commit`].
    pub fn commit_held(&self, root: &Path, held: &WriteLock) -> Result<()> {
        // The loader never follows a link (E0008), so a write through one
        // would land outside the records it checked: refuse before any
        // file is touched.
        for change in &self.changes {
            refuse_links(root, &change.path)?;
        }
        let mut ready = Vec::new();
        for change in &self.changes {
            let target = root.join(&change.path);
            let dir = target
                .parent()
                .or_refuse_with(|| format!("{} has no directory", target.display()))?;
            std::fs::create_dir_all(dir).map_err(Error::io("cannot create", dir))?;
            let prefix = crate::output::file::record_temp_prefix(&target);
            let temp =
                crate::output::file::temp_beside(dir, &target, &target, &change.after, &prefix)?;
            ready.push((temp, target, change.before.is_none()));
        }
        // Under the lock no other tsc writes these records; an edited
        // file must still be as it was read (an editor may have saved it).
        for change in &self.changes {
            let Some(before) = &change.before else {
                continue;
            };
            let target = root.join(&change.path);
            if std::fs::read(&target).ok().as_deref() != Some(before.as_bytes()) {
                return Err(Error::Refused(format!(
                    "{} changed while this command ran; nothing was written; run it again",
                    crate::escape::path(&target)
                )));
            }
        }
        // New files first, each only where no file is (another tsc may
        // have created it since the records were read): a clash undoes
        // this write's new files and changes nothing else.
        ready.sort_by_key(|(_, _, new)| !*new);
        let mut created: Vec<PathBuf> = Vec::new();
        for (temp, target, new) in ready {
            if !new {
                temp.persist(&target)
                    .map_err(|e| e.error)
                    .map_err(Error::io("cannot write", &target))?;
                continue;
            }
            match temp.persist_noclobber(&target) {
                Ok(_) => created.push(target),
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    for path in &created {
                        let _ = std::fs::remove_file(path);
                    }
                    return Err(Error::Refused(format!(
                        "{} was created by someone else since tsc read the records; \
                         nothing was written: run the command again",
                        target.display()
                    )));
                }
                Err(e) => return Err(Error::io("cannot write", &target)(e.error)),
            }
        }
        // What a killed earlier write of these files left beside them
        // (`.tsc-record-NAME.XXXXXX.tmp`, or `.tsc-report-` as tsc named
        // them before): under the lock no other tsc is writing them, so
        // any such file is a leftover; unlocked, only an old one is.
        let age = if held.0.is_some() {
            std::time::Duration::ZERO
        } else {
            crate::output::file::LEFTOVER_AGE
        };
        for change in &self.changes {
            let target = root.join(&change.path);
            if let Some(dir) = target.parent() {
                for prefix in [
                    crate::output::file::record_temp_prefix(&target),
                    crate::output::file::temp_prefix(&target),
                ] {
                    crate::output::file::remove_leftovers(dir, &prefix, age);
                }
            }
        }
        Ok(())
    }
}

/// An advisory lock (`flock`, through [`std::fs::File::lock`]) held by
/// a write command from before it reads the records to its last rename
/// (the CLI), or by [`Transaction::commit`] from its last check, and released when
/// dropped (or when the process ends, however it ends). On Unix it is
/// taken on the records directory itself, so no lock file is left
/// anywhere; elsewhere, where a directory cannot be opened as a file,
/// on `.tsc-write.lock` in it (a hidden name, which the loader skips).
/// Readers never take it: a write's renames are atomic as they are.
#[derive(Debug)]
pub struct WriteLock(
    /// The locked file; closing it releases the lock. `None` where the
    /// file system cannot lock.
    Option<std::fs::File>,
);

impl WriteLock {
    /// Waits for, then takes, the write lock of the records at `root`.
    /// Where the file system cannot lock, the write goes ahead unlocked
    /// (the check of each edited file's bytes still applies).
    ///
    /// # Errors
    /// When the directory (or lock file) cannot be opened or locked.
    pub fn take(root: &Path) -> Result<WriteLock> {
        #[cfg(unix)]
        let file = std::fs::File::open(root);
        #[cfg(not(unix))]
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(".tsc-write.lock"));
        let file = file.map_err(Error::io("cannot open for locking", root))?;
        match file.lock() {
            Ok(()) => Ok(WriteLock(Some(file))),
            Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(WriteLock(None)),
            Err(e) => Err(Error::io("cannot lock", root)(e)),
        }
    }
}

/// Refuses to write `relative` under `root` when the file itself, or a
/// folder on the way to it, is a symbolic link (a dangling one included).
///
/// # Errors
/// [`Error::Refused`], naming the link.
fn refuse_links(root: &Path, relative: &Path) -> Result<()> {
    let mut at = root.to_path_buf();
    for part in relative.components() {
        at.push(part);
        let Ok(meta) = std::fs::symlink_metadata(&at) else {
            // Nothing there yet: nothing below it can be a link either.
            return Ok(());
        };
        if meta.file_type().is_symlink() {
            return Err(Error::Refused(format!(
                "nothing was written: {} is a symbolic link, and tsc never writes through links \
                 (validate does not follow them either); replace it with the folder or file it \
                 points to",
                crate::escape::path(&at)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree at `root` with `people: []` in people.yaml (made unless it
    /// is there) and an empty actions folder, read, and a write that
    /// fills the list and creates `actions/A-1.yaml`.
    fn edit_and_create(root: &Path) -> (Tree, Transaction) {
        std::fs::create_dir_all(root.join("actions")).unwrap();
        if !root.join("people.yaml").exists() {
            std::fs::write(root.join("people.yaml"), "people: []\n").unwrap();
        }
        let tree = Tree::read(root).unwrap();
        let mut t = Transaction::default();
        let edit = Edit {
            range: 8..10,
            text: "[x]".into(),
        };
        t.edit(&tree, Path::new("people.yaml"), &[edit]).unwrap();
        t.create(&tree, Path::new("actions/A-1.yaml"), "id: A/1\n".into())
            .unwrap();
        (tree, t)
    }

    /// Regression: two `tsc action new` run at once both took the next ID
    /// and both said they wrote it, but the second rename replaced the
    /// first one's file. A new file is now only ever created where no
    /// file is, and a clash writes nothing (the edit in the same write
    /// included).
    #[test]
    fn a_file_created_by_someone_else_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (_, t) = edit_and_create(root);
        // Another process writes the same new file after the read.
        std::fs::write(root.join("actions/A-1.yaml"), "id: A/1\ntext: theirs\n").unwrap();
        let Err(Error::Refused(message)) = t.commit(root) else {
            panic!("the clash is refused");
        };
        assert_eq!(
            message,
            format!(
                "{} was created by someone else since tsc read the records; \
                 nothing was written: run the command again",
                root.join("actions/A-1.yaml").display()
            )
        );
        assert_eq!(
            std::fs::read_to_string(root.join("actions/A-1.yaml")).unwrap(),
            "id: A/1\ntext: theirs\n"
        );
        assert_eq!(
            std::fs::read_to_string(root.join("people.yaml")).unwrap(),
            "people: []\n"
        );
    }

    /// Regression: two writes that edit the same file both read it, and
    /// the second rename replaced the first one's edit. An edited file
    /// that changed since it was read is now refused, and nothing of the
    /// write is made (its new file included).
    #[test]
    fn a_file_changed_by_someone_else_meanwhile_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (_, t) = edit_and_create(root);
        let theirs = "people: [y]\n";
        std::fs::write(root.join("people.yaml"), theirs).unwrap();
        let Err(Error::Refused(message)) = t.commit(root) else {
            panic!("the changed file is refused");
        };
        assert_eq!(
            message,
            format!(
                "{} changed while this command ran; nothing was written; run it again",
                root.join("people.yaml").display()
            )
        );
        assert_eq!(
            std::fs::read_to_string(root.join("people.yaml")).unwrap(),
            theirs
        );
        assert!(!root.join("actions/A-1.yaml").exists());
        // A file removed meanwhile is not written back either.
        std::fs::remove_file(root.join("people.yaml")).unwrap();
        assert!(matches!(t.commit(root), Err(Error::Refused(_))));
        assert!(!root.join("people.yaml").exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_write_lock_is_held_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let held = WriteLock::take(dir.path()).unwrap();
        let other = std::fs::File::open(dir.path()).unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        drop(held);
        other.try_lock().unwrap();
    }

    #[test]
    fn commit_writes_every_file_keeps_permissions_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("actions")).unwrap();
        std::fs::write(root.join("people.yaml"), "people: []\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let p = std::fs::Permissions::from_mode(0o640);
            std::fs::set_permissions(root.join("people.yaml"), p).unwrap();
        }
        let (tree, mut t) = edit_and_create(root);
        assert_eq!(tree.text(Path::new("people.yaml")), Some("people: []\n"));
        assert!(
            t.create(&tree, Path::new("people.yaml"), String::new())
                .is_err(),
            "an existing file is never created over"
        );
        t.commit(root).unwrap();
        assert_eq!(
            std::fs::read_to_string(root.join("people.yaml")).unwrap(),
            "people: [x]\n"
        );
        assert_eq!(
            std::fs::read_to_string(root.join("actions/A-1.yaml")).unwrap(),
            "id: A/1\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(root.join("people.yaml"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let names: Vec<String> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(std::result::Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".tsc-"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn the_diff_of_a_new_file_is_against_dev_null() {
        let tree = Tree::from_files(Path::new("r"), []);
        let mut t = Transaction::default();
        t.create(&tree, Path::new("meetings/M_1.yaml"), "id: M_1\n".into())
            .unwrap();
        assert_eq!(
            t.diff(Path::new("")),
            "--- /dev/null\n+++ b/meetings/M_1.yaml\n@@ -0,0 +1 @@\n+id: M_1\n"
        );
        assert_eq!(
            t.diff(Path::new("records")),
            "--- /dev/null\n+++ b/records/meetings/M_1.yaml\n@@ -0,0 +1 @@\n+id: M_1\n"
        );
    }
}
