//! The parse cache: parsed records kept between runs, keyed by the
//! content of the files they were parsed from.
//!
//! Parsing YAML is nearly all of the time `tsc` spends on a large records
//! tree; reading and hashing the same files costs a small fraction of it.
//! So the loader hashes every record file and takes the parse of any
//! file whose (kind, content hash) it has seen before from the cache.
//! Every check still runs on every run, on the whole model: only parses
//! are cached, never a verdict (the optional [`memo`] for `validate` is
//! keyed by every input of the run, see there).
//!
//! - **Hash.** BLAKE3 (the `blake3` crate) over the file's bytes. It runs
//!   at several GB/s with SIMD, so hashing all of a large tree costs a few
//!   milliseconds, and unlike xxh3 it is collision resistant: a cache kept
//!   between CI runs (`actions/cache`) decides which findings are shown, so
//!   two files crafted to share a hash must not be able to hide an error.
//! - **Key of the whole cache.** [`CacheKey`]: the tool version, the build
//!   (size and modification time of the running executable, so every
//!   rebuild starts afresh even at the same version), [`FORMAT`] and the
//!   parser's limits. A store written under another key is not read.
//! - **Where.** [`default_root`] (the user cache directory, from the `dirs`
//!   crate) or a directory the caller names, then one folder per records
//!   directory, named by a hash of its canonical path ([`CacheDir::for_records`]).
//!   Nothing is ever written under the records directory.
//! - **Sharded.** The store is [`pack::SHARDS`] files, each entry in the
//!   one its content hash picks, and a run rewrites only the shards that
//!   lack an entry it parsed or hold one it did not use: after editing two
//!   files of a large tree, at most four small shards.
//! - **Safe.** Each shard is written to a temporary name and renamed, so
//!   readers see the old or the new shard, whole; concurrent runs each
//!   write whole shards and the last rename wins (any mix of shards is a
//!   valid store: every entry is keyed by the content it was parsed
//!   from). Every entry and each shard's index carry a checksum; a
//!   corrupt, truncated or foreign shard is ignored (and rewritten) with a
//!   [`Note`]. A directory that cannot be created or written just means no
//!   caching.
//! - **Pruned.** A shard is rewritten whenever it holds an entry the run
//!   did not use, so after every run that could write, the store holds
//!   exactly that run's entries. Each folder records the records
//!   directory it is for (`records`), and a run that writes removes the
//!   folders of records directories that no longer exist (temporary
//!   copies), and left-behind temporary files ([`sweep`]).

pub(crate) mod load;
pub mod memo;
pub(crate) mod pack;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::kind::Kind;
use crate::yaml;

/// The version of the cache's file formats (the store, the memo and the
/// binary form of records). Raise it whenever any of them changes.
pub(crate) const FORMAT: u32 = 7;

/// The environment variable naming the cache root when `--cache-dir` is
/// not given.
pub const CACHE_DIR_ENV: &str = "TSC_CACHE_DIR";

/// A BLAKE3 hash.
pub(crate) type Hash = [u8; 32];

/// What the cache as a whole is keyed by: a store written under another
/// key is never read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CacheKey(pub Hash);

impl CacheKey {
    /// The key for `tool_version` and `build` (any bytes that tell builds
    /// apart), with this build's [`FORMAT`] and parser limits.
    pub fn new(tool_version: &str, build: &str) -> CacheKey {
        let mut hasher = blake3::Hasher::new();
        let parser_options = format!(
            "max-file-bytes={} max-depth={} max-aliases={} max-alias-events={} \
             max-events={} max-nodes={}",
            yaml::MAX_FILE_BYTES,
            yaml::MAX_DEPTH,
            yaml::MAX_ALIASES,
            yaml::MAX_ALIAS_EVENTS,
            yaml::MAX_EVENTS,
            yaml::MAX_NODES,
        );
        for part in [
            "tsc parse cache",
            tool_version,
            build,
            &FORMAT.to_string(),
            &parser_options,
        ] {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        CacheKey(*hasher.finalize().as_bytes())
    }

    /// The key of the running program: this crate's version and the
    /// executable's build id ([`build_id`]).
    pub fn current() -> CacheKey {
        let build = std::env::current_exe()
            .map(|exe| build_id(&exe))
            .unwrap_or_default();
        CacheKey::new(env!("CARGO_PKG_VERSION"), &build)
    }
}

/// Tells builds of `tsc` apart: the executable's size and modification
/// time (nanoseconds), which change with every link. Reading two fields
/// of metadata costs nothing, where hashing the binary would cost
/// milliseconds on every run. Empty when they cannot be read.
pub(crate) fn build_id(executable: &Path) -> String {
    let Ok(meta) = std::fs::metadata(executable) else {
        return String::new();
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{} bytes, modified {modified}", meta.len())
}

/// The content hash of a file's bytes.
pub fn hash_bytes(bytes: &[u8]) -> Hash {
    *blake3::hash(bytes).as_bytes()
}

/// The user cache directory's `tsc` folder (`~/.cache/tsc` on Linux),
/// when the platform has one.
pub fn default_root() -> Option<PathBuf> {
    dirs::cache_dir().map(|dir| dir.join("tsc"))
}

/// The cache folder of one records directory, with the key its contents
/// must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheDir {
    /// The folder: `<root>/<hash of the canonical records path>`.
    pub(crate) dir: PathBuf,
    /// What every file in it is keyed by.
    pub(crate) key: CacheKey,
    /// The canonical path of the records directory it is for, written to
    /// its `records` file so that [`CacheDir::prune_others`] can tell when
    /// that directory is gone.
    pub(crate) records: PathBuf,
}

/// The prefix of a shard being written.
pub(crate) const TEMP_SHARD: &str = ".parse-";
/// The prefix of a memo being written.
pub(crate) const TEMP_MEMO: &str = ".validate.memo.";
/// The file of a cache folder naming its records directory.
const RECORDS_FILE: &str = "records";

impl CacheDir {
    /// The folder for `records` under the cache root `root`: named by the
    /// first 32 hex digits of the hash of the records directory's canonical
    /// path, so that two trees never share entries' bookkeeping and the
    /// same tree reached by another path shares its cache.
    pub fn for_records(root: &Path, records: &Path, key: CacheKey) -> CacheDir {
        let canonical = records
            .canonicalize()
            .unwrap_or_else(|_| records.to_path_buf());
        let hash = hash_bytes(canonical.as_os_str().as_encoded_bytes());
        CacheDir {
            dir: root.join(hex(&hash[..16])),
            key,
            records: canonical,
        }
    }

    /// Shard `shard` of the store of parsed records (see [`pack`]).
    pub(crate) fn shard_path(&self, shard: usize) -> PathBuf {
        self.dir.join(format!("parse-{shard:02x}.pack"))
    }

    /// Creates the folder, and its `records` file naming the records
    /// directory, when they do not exist yet.
    ///
    /// # Errors
    /// When the folder cannot be created or written (read-only, full).
    pub(crate) fn create(&self) -> std::io::Result<()> {
        let named = self.dir.join(RECORDS_FILE);
        if named.is_file() {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix(".records.")
            .tempfile_in(&self.dir)?;
        std::io::Write::write_all(&mut temp, self.records.as_os_str().as_encoded_bytes())?;
        temp.persist(named).map_err(|e| e.error)?;
        Ok(())
    }

    /// Removes the other folders under the cache root whose records
    /// directory no longer exists (a temporary copy, a deleted clone), and
    /// this folder's left-behind temporary files ([`sweep`]). Only folders
    /// named like cache folders and holding nothing but cache files are
    /// touched; one without a `records` file (written by an older format)
    /// is removed once nothing in it has changed for a day. Failures are
    /// ignored: pruning is housekeeping.
    pub(crate) fn prune_others(&self) {
        sweep(&self.dir);
        let Some(root) = self.dir.parent() else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(root) else {
            return;
        };
        for entry in entries.flatten() {
            let folder = entry.path();
            let name = entry.file_name();
            let named_like_ours = name.len() == 32
                && name
                    .to_str()
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_hexdigit()));
            if !named_like_ours || folder == self.dir || !is_cache_folder(&folder) {
                continue;
            }
            let gone = match std::fs::read(folder.join(RECORDS_FILE)) {
                Ok(bytes) => path_from_bytes(bytes).is_some_and(|p| !p.is_dir()),
                Err(_) => age(&folder).is_some_and(|a| a > LEGACY),
            };
            if gone {
                let _ = std::fs::remove_dir_all(&folder);
            }
        }
    }

    /// The memo of the last `validate` run.
    pub(crate) fn memo_path(&self) -> PathBuf {
        self.dir.join("validate.memo")
    }
}

/// How old a temporary file in a cache folder must be before it counts
/// as left behind by a run that was killed while writing.
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(3600);

/// How long a cache folder of an older format (without a `records` file)
/// is kept unchanged before it is pruned.
const LEGACY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// The store of format 1, one file; later formats never read it.
const LEGACY_STORE: &str = "parse.pack";

/// How long ago `path` was last modified.
fn age(path: &Path) -> Option<std::time::Duration> {
    std::fs::metadata(path)
        .ok()?
        .modified()
        .ok()?
        .elapsed()
        .ok()
}

/// Whether every entry of `folder` is a file a cache folder holds.
fn is_cache_folder(folder: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return false;
    };
    let mut signed = false;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            return false;
        }
        let store = name == LEGACY_STORE
            || name == "validate.memo"
            || name
                .strip_prefix("parse-")
                .and_then(|n| n.strip_suffix(".pack"))
                .is_some_and(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_hexdigit()));
        let ours = store
            || name == RECORDS_FILE
            || name.starts_with(TEMP_SHARD)
            || name.starts_with(TEMP_MEMO)
            || name.starts_with(".records.");
        if !ours {
            return false;
        }
        // At least one store or memo file that starts with tsc's own
        // signature: an empty folder, or one holding only a file named
        // `records`, may be anybody's.
        signed |= store && starts_with_signature(&entry.path());
    }
    signed
}

/// Whether the file at `path` starts `TSC` and a cache file's tag
/// (`TSCPACK`, `TSCMEMO`).
fn starts_with_signature(path: &Path) -> bool {
    let mut head = [0u8; 7];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && (&head == b"TSCPACK" || &head == b"TSCMEMO")
}

/// A path written as its bytes by [`CacheDir::create`].
#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // the same signature as the non-Unix one
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

/// A path written as its bytes by [`CacheDir::create`] (UTF-8 here; any
/// other path is never judged gone).
#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

/// Removes temporary files that killed runs left in the cache `folder`
/// (files of a run still writing are younger than [`ABANDONED`]), and the
/// store of format 1.
pub(crate) fn sweep(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let temporary = name.starts_with(TEMP_SHARD)
            || name.starts_with(TEMP_MEMO)
            || name.starts_with(".records.");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > ABANDONED);
        if (temporary && old) || name == LEGACY_STORE {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the cache root `root` lies inside the records directory
/// `records`, where read commands must never write.
pub fn is_inside(root: &Path, records: &Path) -> bool {
    let Ok(records) = records.canonicalize() else {
        return false;
    };
    // The root may not exist yet: judge by its nearest existing ancestor.
    root.ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find_map(|a| a.canonicalize().ok())
        .or_else(|| std::env::current_dir().ok())
        .is_some_and(|existing| existing.starts_with(&records))
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Something the user may want to know about the cache, for the binary
/// to print as one line. Never an error: the run goes on without the
/// cache (or the bad part of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The cache file concerned.
    pub(crate) file: PathBuf,
    /// What was wrong with it.
    pub(crate) problem: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cache file {} {}; ignored it and rebuilding it",
            self.file.display(),
            self.problem
        )
    }
}

/// The one-byte tag of a record kind in the cache's files.
pub(crate) fn kind_tag(kind: Kind) -> u8 {
    match kind {
        Kind::Settings => 0,
        Kind::People => 1,
        Kind::Organisations => 2,
        Kind::Principles => 3,
        Kind::Meeting => 4,
        Kind::Action => 5,
        Kind::Modification => 6,
    }
}

/// How a load used the cache, for tests and the benchmark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// Files whose parse came from the cache.
    pub hits: usize,
    /// Cacheable files that were parsed (and, when the store could be
    /// written, added to it).
    pub misses: usize,
    /// Whether the store was (re)written.
    pub written: bool,
    /// Problems with the cache files, each worth one line on stderr.
    pub notes: Vec<Note>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_the_key_changes_it() {
        let base = CacheKey::new("0.1.0", "build a");
        assert_eq!(base, CacheKey::new("0.1.0", "build a"));
        assert_ne!(base, CacheKey::new("0.1.1", "build a"));
        assert_ne!(base, CacheKey::new("0.1.0", "build b"));
        // Length prefixes keep the parts apart.
        assert_ne!(
            CacheKey::new("0.1.0b", "uild a"),
            CacheKey::new("0.1.0", "build a")
        );
    }

    #[test]
    fn a_cache_root_under_the_records_is_refused() {
        let temp = tempfile::tempdir().unwrap();
        let records = temp.path().join("records");
        std::fs::create_dir(&records).unwrap();
        assert!(is_inside(&records.join(".cache/tsc"), &records));
        assert!(is_inside(&records, &records));
        assert!(!is_inside(&temp.path().join("cache"), &records));
        assert!(!is_inside(&temp.path().join("records-cache"), &records));
    }

    #[test]
    fn left_behind_temporary_files_are_swept_and_the_rest_kept() {
        let temp = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - 2 * ABANDONED;
        for name in [
            ".parse-07.pack.abc",
            ".validate.memo.def",
            "parse-07.pack",
            ".parse-07.pack.new",
            "parse.pack",
        ] {
            std::fs::write(temp.path().join(name), b"x").unwrap();
        }
        for name in [".parse-07.pack.abc", ".validate.memo.def", "parse-07.pack"] {
            let file = std::fs::File::options()
                .write(true)
                .open(temp.path().join(name));
            file.unwrap().set_modified(old).unwrap();
        }
        sweep(temp.path());
        let mut left: Vec<String> = std::fs::read_dir(temp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        // The format-1 store goes whatever its age.
        assert_eq!(left, [".parse-07.pack.new", "parse-07.pack"]);
    }

    #[test]
    fn each_records_directory_has_its_own_folder() {
        let key = CacheKey::new("v", "b");
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let root = Path::new("/cache");
        let in_a = CacheDir::for_records(root, a.path(), key);
        assert_ne!(in_a, CacheDir::for_records(root, b.path(), key));
        // The same directory reached through `..` is the same folder.
        let roundabout = a.path().join("..").join(a.path().file_name().unwrap());
        assert_eq!(in_a, CacheDir::for_records(root, &roundabout, key));
        assert_eq!(in_a.dir.parent(), Some(root));
        assert_eq!(in_a.dir.file_name().unwrap().len(), 32);
    }
}
