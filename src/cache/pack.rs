//! The store of parsed records: [`SHARDS`] files per records directory,
//! `parse-00.pack` to `parse-3f.pack`; an entry lives in the shard its
//! content hash picks ([`shard_of`]), so a run that changed two files
//! rewrites at most four small shards instead of the whole store. Each
//! shard is a whole store of its own:
//!
//! ```text
//! header   MAGIC (8 bytes) | cache key (32)
//! payloads one after another, each the postcard bytes of one file's parse
//! index    per entry: kind (1) | content hash (32) | offset (8) | length (4)
//!          | the payload's XXH3-128 hash
//! trailer  index offset (8) | entry count (8) | BLAKE3 of header and
//!          index (32) | END (8)
//! ```
//!
//! Integers are little-endian. The index comes last so the store can be
//! written as a stream, one payload at a time, without holding them; a
//! reader reads the index and then each payload it needs at its offset,
//! from any thread, checking its checksum before trusting it.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use foldhash::{HashMap, HashMapExt};
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use super::{CacheDir, Hash, Note};

/// How many files the store is split into. More shards make a small
/// change cheaper to write (a shard of M is about 0.5 MB) and a run
/// open more files (each costs a few microseconds).
pub(crate) const SHARDS: usize = 64;

/// The shard an entry of content hash `hash` lives in: its first six
/// bits, uniform since the hash is.
pub(crate) fn shard_of(hash: &Hash) -> usize {
    usize::from(hash[0]) * SHARDS / 256
}

const MAGIC: &[u8; 8] = b"TSCPACK\x01";
const END: &[u8; 8] = b"TSCPEND\x01";
const HEADER: u64 = 8 + 32;
const ENTRY: u64 = 1 + 32 + 8 + 4 + 16;
const TRAILER: u64 = 8 + 8 + 32 + 8;

/// Where one payload is, its checksum, and whether this run used it.
#[derive(Debug)]
struct Slot {
    offset: u64,
    len: u32,
    check: [u8; 16],
    /// Set by [`Reader::mark_used`] (from any thread): a shard with an
    /// entry this run did not use is rewritten without it.
    used: AtomicBool,
}

/// An open shard of the store, ready to hand out payloads.
#[derive(Debug)]
pub(crate) struct Reader {
    file: File,
    path: PathBuf,
    index: HashMap<(u8, Hash), Slot>,
}

fn note(path: &std::path::Path, problem: &str) -> Note {
    Note {
        file: path.to_path_buf(),
        problem: problem.to_owned(),
    }
}

/// The checksum of a payload: its XXH3-128 hash. It only has to catch
/// accidental damage (a checksum of any kind cannot stop whoever can write
/// the cache from writing a matching one), and costs a tenth of BLAKE3,
/// which a warm run would otherwise spend on every payload.
fn check_of(payload: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes()
}

/// What opening one shard found.
#[derive(Debug)]
pub(crate) enum Opened {
    /// No shard file (or one that cannot be opened).
    Absent,
    /// A shard written under another [`super::CacheKey`] (another build
    /// or version: an expected change, not worth a note); never read, and
    /// replaced or removed by the next write.
    Other,
    /// A shard of this key.
    Open(Reader),
}

impl Reader {
    /// Opens shard `shard` of the store of `dir`. `Err` with a note when
    /// it is not a store, or is truncated or corrupt.
    pub(crate) fn open(dir: &CacheDir, shard: usize) -> Result<Opened, Note> {
        let path = dir.shard_path(shard);
        let Ok(mut file) = File::open(&path) else {
            return Ok(Opened::Absent);
        };
        let len = file
            .metadata()
            .map_err(|e| note(&path, &format!("cannot be read ({e})")))?
            .len();
        let mut header = [0u8; HEADER as usize];
        let start = usize::try_from(len.min(HEADER)).unwrap_or(0);
        if file.read_exact(&mut header[..start]).is_err() {
            return Err(note(&path, "is truncated"));
        }
        if start >= MAGIC.len() && &header[..8] != MAGIC {
            return Err(note(&path, "is not a tsc cache store"));
        }
        if len < HEADER + TRAILER {
            return Err(note(&path, "is truncated"));
        }
        if header[8..] != dir.key.0 {
            return Ok(Opened::Other);
        }
        let mut trailer = [0u8; TRAILER as usize];
        file.seek(SeekFrom::Start(len - TRAILER))
            .and_then(|_| file.read_exact(&mut trailer))
            .map_err(|_| note(&path, "is truncated"))?;
        if &trailer[48..] != END {
            return Err(note(&path, "is truncated"));
        }
        let index_offset = u64::from_le_bytes(trailer[..8].try_into().unwrap_or_default());
        let count = u64::from_le_bytes(trailer[8..16].try_into().unwrap_or_default());
        let fits = count
            .checked_mul(ENTRY)
            .and_then(|n| n.checked_add(index_offset))
            .is_some_and(|end| end == len - TRAILER && index_offset >= HEADER);
        if !fits {
            return Err(note(&path, "is corrupt (its index does not fit)"));
        }
        let mut raw = vec![0u8; (count * ENTRY) as usize];
        file.seek(SeekFrom::Start(index_offset))
            .and_then(|_| file.read_exact(&mut raw))
            .map_err(|_| note(&path, "is truncated"))?;
        let mut hasher = blake3::Hasher::new();
        hasher.update(&header);
        hasher.update(&raw);
        if hasher.finalize().as_bytes() != &trailer[16..48] {
            return Err(note(
                &path,
                "is corrupt (its index checksum does not match)",
            ));
        }
        let mut index = HashMap::with_capacity(count as usize);
        for entry in raw.chunks_exact(ENTRY as usize) {
            let (kind, rest) = (entry[0], &entry[1..]);
            let hash: Hash = rest[..32].try_into().unwrap_or_default();
            let offset = u64::from_le_bytes(rest[32..40].try_into().unwrap_or_default());
            let len = u32::from_le_bytes(rest[40..44].try_into().unwrap_or_default());
            let check = rest[44..60].try_into().unwrap_or_default();
            if offset < HEADER || offset + u64::from(len) > index_offset {
                return Err(note(&path, "is corrupt (an entry lies outside it)"));
            }
            let used = AtomicBool::new(false);
            let slot = Slot {
                offset,
                len,
                check,
                used,
            };
            index.insert((kind, hash), slot);
        }
        Ok(Opened::Open(Reader { file, path, index }))
    }

    /// The store's file.
    pub(crate) fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// How many entries the store holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    /// Notes that this run used the entry for `(kind, hash)`; safe to call
    /// from several threads at once.
    pub(crate) fn mark_used(&self, kind: u8, hash: &Hash) {
        if let Some(slot) = self.index.get(&(kind, *hash)) {
            slot.used.store(true, Ordering::Relaxed);
        }
    }

    /// Whether this run used every entry of the store ([`Reader::mark_used`]).
    pub(crate) fn all_used(&self) -> bool {
        self.index
            .values()
            .all(|slot| slot.used.load(Ordering::Relaxed))
    }

    /// Whether the store has an entry for `(kind, hash)`.
    pub(crate) fn holds(&self, kind: u8, hash: &Hash) -> bool {
        self.index.contains_key(&(kind, *hash))
    }

    /// The payload stored for `(kind, hash)`: `None` when there is none,
    /// `Some(Err)` when it cannot be read or fails its checksum. Safe to
    /// call from several threads at once.
    #[cfg(test)]
    pub(crate) fn get(&self, kind: u8, hash: &Hash) -> Option<Result<Vec<u8>, Note>> {
        let mut payload = Vec::new();
        self.get_into(kind, hash, &mut payload).map(|read| {
            read.map(|len| {
                payload.truncate(len);
                payload
            })
        })
    }

    /// The payload stored for `(kind, hash)` and its stored checksum,
    /// unchecked: for copying an entry that [`Reader::get`] has already
    /// checked into a new store.
    pub(crate) fn raw(&self, kind: u8, hash: &Hash) -> Option<(Vec<u8>, [u8; 16])> {
        let slot = self.index.get(&(kind, *hash))?;
        let mut payload = vec![0u8; slot.len as usize];
        read_at(&self.file, &mut payload, slot.offset).ok()?;
        Some((payload, slot.check))
    }

    /// [`Reader::get`] into `buffer`, whose allocation is reused: the
    /// payload is the returned length's first bytes of it. The buffer only
    /// ever grows, so that the bytes a read overwrites are not zeroed
    /// first (clearing it for each entry cost 3 % of a warm `validate`).
    pub(crate) fn get_into(
        &self,
        kind: u8,
        hash: &Hash,
        buffer: &mut Vec<u8>,
    ) -> Option<Result<usize, Note>> {
        let slot = self.index.get(&(kind, *hash))?;
        let len = slot.len as usize;
        if buffer.len() < len {
            buffer.resize(len, 0);
        }
        let payload = &mut buffer[..len];
        if read_at(&self.file, payload, slot.offset).is_err() {
            return Some(Err(note(&self.path, "is truncated")));
        }
        if check_of(payload) != slot.check {
            return Some(Err(note(
                &self.path,
                "is corrupt (an entry's checksum does not match)",
            )));
        }
        Some(Ok(len))
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// A shard being written: payloads stream to a temporary file in the
/// cache folder, which [`Writer::finish`] renames over the shard.
pub(crate) struct Writer {
    out: BufWriter<tempfile::NamedTempFile>,
    final_path: PathBuf,
    header: [u8; HEADER as usize],
    offset: u64,
    index: Vec<u8>,
    seen: HashSet<(u8, Hash)>,
}

impl Writer {
    /// Starts a new shard `shard` for `dir`, whose folder must exist
    /// ([`CacheDir::create`]).
    ///
    /// # Errors
    /// When the folder cannot be written (read-only, full): the caller
    /// then just does not cache.
    pub(crate) fn create(dir: &CacheDir, shard: usize) -> io::Result<Writer> {
        let temp = tempfile::Builder::new()
            .prefix(super::TEMP_SHARD)
            .tempfile_in(&dir.dir)?;
        let mut header = [0u8; HEADER as usize];
        header[..8].copy_from_slice(MAGIC);
        header[8..].copy_from_slice(&dir.key.0);
        let mut out = BufWriter::with_capacity(1 << 20, temp);
        out.write_all(&header)?;
        Ok(Writer {
            out,
            final_path: dir.shard_path(shard),
            header,
            offset: HEADER,
            index: Vec::new(),
            seen: HashSet::new(),
        })
    }

    /// Appends the payload for `(kind, hash)`; a second payload for the
    /// same key (two files with the same bytes) is skipped.
    ///
    /// # Errors
    /// When writing fails (a full disk).
    pub(crate) fn add(&mut self, kind: u8, hash: &Hash, payload: &[u8]) -> io::Result<()> {
        self.add_checked(kind, hash, payload, None)
    }

    /// [`Writer::add`], with the payload's checksum when it is known
    /// already (an entry copied from another store).
    ///
    /// # Errors
    /// When writing fails (a full disk).
    pub(crate) fn add_checked(
        &mut self,
        kind: u8,
        hash: &Hash,
        payload: &[u8],
        check: Option<[u8; 16]>,
    ) -> io::Result<()> {
        if !self.seen.insert((kind, *hash)) {
            return Ok(());
        }
        let len = u32::try_from(payload.len())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "entry too large"))?;
        self.out.write_all(payload)?;
        self.index.push(kind);
        self.index.extend_from_slice(hash);
        self.index.extend_from_slice(&self.offset.to_le_bytes());
        self.index.extend_from_slice(&len.to_le_bytes());
        self.index
            .extend_from_slice(&check.unwrap_or_else(|| check_of(payload)));
        self.offset += u64::from(len);
        Ok(())
    }

    /// Writes the index and trailer and renames the file over the shard.
    ///
    /// # Errors
    /// When writing or renaming fails; the shard is then left as it was.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        let count = (self.index.len() as u64) / ENTRY;
        self.out.write_all(&self.index)?;
        let mut hasher = blake3::Hasher::new();
        hasher.update(&self.header);
        hasher.update(&self.index);
        self.out.write_all(&self.offset.to_le_bytes())?;
        self.out.write_all(&count.to_le_bytes())?;
        self.out.write_all(hasher.finalize().as_bytes())?;
        self.out.write_all(END)?;
        let temp = self
            .out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        temp.persist(&self.final_path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::super::CacheKey;
    use super::*;

    fn dir_in(temp: &tempfile::TempDir, key: &str) -> CacheDir {
        CacheDir {
            dir: temp.path().join("c"),
            key: CacheKey::new(key, "test"),
            records: temp.path().join("records"),
        }
    }

    fn write(dir: &CacheDir, shard: usize, entries: &[(u8, Hash, &[u8])]) {
        fs::create_dir_all(&dir.dir).unwrap();
        let mut writer = Writer::create(dir, shard).unwrap();
        for (kind, hash, payload) in entries {
            writer.add(*kind, hash, payload).unwrap();
        }
        writer.finish().unwrap();
    }

    fn open(dir: &CacheDir, shard: usize) -> Reader {
        match Reader::open(dir, shard).unwrap() {
            Opened::Open(reader) => reader,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn entries_come_back_by_kind_and_hash() {
        let temp = tempfile::tempdir().unwrap();
        let dir = dir_in(&temp, "v1");
        write(
            &dir,
            3,
            &[(4, [1; 32], b"meeting"), (5, [1; 32], b"action")],
        );
        let reader = open(&dir, 3);
        assert_eq!(reader.len(), 2);
        assert_eq!(reader.get(4, &[1; 32]).unwrap().unwrap(), b"meeting");
        assert_eq!(reader.get(5, &[1; 32]).unwrap().unwrap(), b"action");
        assert!(reader.get(6, &[1; 32]).is_none());
        // Reading an entry does not count as using it; marking it does,
        // and only a shard whose every entry is marked is all used.
        assert!(!reader.all_used());
        reader.mark_used(4, &[1; 32]);
        reader.mark_used(6, &[1; 32]);
        assert!(!reader.all_used());
        reader.mark_used(5, &[1; 32]);
        assert!(reader.all_used());
        assert!(dir.shard_path(3).ends_with("parse-03.pack"));
        // Another shard: none. Another key: not read, and no note.
        assert!(matches!(Reader::open(&dir, 4), Ok(Opened::Absent)));
        assert!(matches!(
            Reader::open(&dir_in(&temp, "v2"), 3),
            Ok(Opened::Other)
        ));
    }

    #[test]
    fn hashes_spread_over_every_shard_in_order() {
        assert_eq!(shard_of(&[0; 32]), 0);
        assert_eq!(shard_of(&[3; 32]), 0);
        assert_eq!(shard_of(&[4; 32]), 1);
        assert_eq!(shard_of(&[0xff; 32]), SHARDS - 1);
    }

    #[test]
    fn damage_is_noted_never_trusted() {
        let temp = tempfile::tempdir().unwrap();
        let dir = dir_in(&temp, "v1");
        write(&dir, 0, &[(4, [7; 32], b"the parsed meeting")]);
        let path = dir.shard_path(0);
        let good = fs::read(&path).unwrap();

        fs::write(&path, &good[..good.len() - 3]).unwrap();
        let err = Reader::open(&dir, 0).unwrap_err();
        assert_eq!(err.problem, "is truncated");

        let mut flipped = good.clone();
        flipped[HEADER as usize + 2] ^= 0x20;
        fs::write(&path, &flipped).unwrap();
        let reader = open(&dir, 0);
        let err = reader.get(4, &[7; 32]).unwrap().unwrap_err();
        assert_eq!(
            err.problem,
            "is corrupt (an entry's checksum does not match)"
        );

        let mut index_hit = good.clone();
        let at = good.len() - TRAILER as usize - 5;
        index_hit[at] ^= 1;
        fs::write(&path, &index_hit).unwrap();
        let err = Reader::open(&dir, 0).unwrap_err();
        assert_eq!(
            err.problem,
            "is corrupt (its index checksum does not match)"
        );

        fs::write(&path, b"{\"some\": \"other tool's file\", \"padding\": 0000000000000000000000000000000000000000000}").unwrap();
        let err = Reader::open(&dir, 0).unwrap_err();
        assert_eq!(err.problem, "is not a tsc cache store");
        assert_eq!(
            err.to_string(),
            format!(
                "cache file {} is not a tsc cache store; ignored it and rebuilding it",
                path.display()
            )
        );
    }

    #[test]
    fn an_unwritable_folder_is_an_error_for_the_caller_to_skip() {
        let temp = tempfile::tempdir().unwrap();
        let dir = dir_in(&temp, "v1");
        // No folder: nowhere to write.
        assert!(Writer::create(&dir, 0).is_err());
    }
}
