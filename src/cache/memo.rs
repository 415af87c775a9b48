//! The whole-run memo of `validate`: the rendered output and exit status
//! of the last run, served again when every input is the same.
//!
//! Its key ([`MemoKey`]) covers everything the output depends on: the
//! [`CacheKey`](super::CacheKey) (tool, build, format, parser limits), the
//! records directory as it is printed, every file's path, kind and content
//! hash, every finding of the walk itself (stray files, links and the
//! like, whose text names things the hashes do not cover), and the
//! command's options. Settings are covered by `tsc.yaml`'s hash. Only the
//! last run is kept.
//!
//! ```text
//! MAGIC (8) | cache key (32) | memo key (32) | exit status (1)
//! | stderr length (8) | stderr | stdout length (8) | stdout
//! | BLAKE3 of all that (32)
//! ```

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};

use super::{CacheDir, Hash, Note};

const MAGIC: &[u8; 8] = b"TSCMEMO\x01";

/// Builds a [`MemoKey`] from the parts of a run, each length-prefixed so
/// that parts cannot run into each other. The parts are gathered and
/// hashed once, in [`MemoKey::finish`]: four small updates of a hasher
/// per record file cost more than hashing their bytes (about 100 bytes a
/// file) in one go.
#[derive(Debug, Clone, Default)]
pub struct MemoKey(Vec<u8>);

impl MemoKey {
    /// An empty key.
    pub fn new() -> MemoKey {
        MemoKey::default()
    }

    /// Makes room for `more` bytes of parts (each part takes its length
    /// and 8 bytes).
    pub fn reserve(&mut self, more: usize) {
        self.0.reserve(more);
    }

    /// Adds one part.
    pub fn part(&mut self, bytes: &[u8]) -> &mut MemoKey {
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
        self
    }

    /// The finished key.
    pub fn finish(&self) -> Hash {
        *blake3::hash(&self.0).as_bytes()
    }
}

/// What a `validate` run printed and returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memo {
    /// The exit status.
    pub status: u8,
    /// What went to standard error, byte for byte.
    pub stderr: Vec<u8>,
    /// What went to standard output, byte for byte.
    pub stdout: Vec<u8>,
}

fn note(dir: &CacheDir, problem: &str) -> Note {
    Note {
        file: dir.memo_path(),
        problem: problem.to_owned(),
    }
}

/// The memo of `dir` when it was written for `key`: `Ok(None)` when there
/// is none or it is for other inputs, `Err` with a note when it is
/// truncated, corrupt or not a memo.
///
/// # Errors
/// The note, when the memo file is there but cannot be used.
pub fn read(dir: &CacheDir, key: &Hash) -> Result<Option<Memo>, Note> {
    let mut bytes = Vec::new();
    match File::open(dir.memo_path()).and_then(|mut f| f.read_to_end(&mut bytes)) {
        Ok(_) => {}
        Err(_) => return Ok(None),
    }
    if bytes.len() < 8 + 32 + 32 + 1 + 8 + 8 + 32 {
        return Err(note(dir, "is truncated"));
    }
    if &bytes[..8] != MAGIC {
        return Err(note(dir, "is not a tsc validate memo"));
    }
    if bytes[8..40] != dir.key.0 || bytes[40..72] != *key {
        return Ok(None);
    }
    let (body, check) = bytes.split_at(bytes.len() - 32);
    if blake3::hash(body).as_bytes() != check {
        return Err(note(dir, "is corrupt (its checksum does not match)"));
    }
    let status = body[72];
    let mut rest = &body[73..];
    let mut take = || -> Option<Vec<u8>> {
        let len = usize::try_from(u64::from_le_bytes(rest.get(..8)?.try_into().ok()?)).ok()?;
        let part = rest.get(8..8usize.checked_add(len)?)?.to_vec();
        rest = &rest[8 + len..];
        Some(part)
    };
    let (Some(stderr), Some(stdout)) = (take(), take()) else {
        return Err(note(dir, "is corrupt (its lengths do not add up)"));
    };
    Ok(Some(Memo {
        status,
        stderr,
        stdout,
    }))
}

/// Replaces the memo of `dir` with `memo` for `key`, atomically.
///
/// # Errors
/// When the folder cannot be created or written; the caller then just
/// does not memoise.
pub fn write(dir: &CacheDir, key: &Hash, memo: &Memo) -> io::Result<()> {
    dir.create()?;
    let temp = tempfile::Builder::new()
        .prefix(super::TEMP_MEMO)
        .tempfile_in(&dir.dir)?;
    let mut hasher = blake3::Hasher::new();
    let mut out = BufWriter::new(temp);
    let status = [memo.status];
    let stderr_len = (memo.stderr.len() as u64).to_le_bytes();
    let stdout_len = (memo.stdout.len() as u64).to_le_bytes();
    for part in [
        &MAGIC[..],
        &dir.key.0,
        key,
        &status,
        &stderr_len,
        &memo.stderr,
        &stdout_len,
        &memo.stdout,
    ] {
        hasher.update(part);
        out.write_all(part)?;
    }
    out.write_all(hasher.finalize().as_bytes())?;
    let temp = out
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    temp.persist(dir.memo_path()).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::CacheKey;
    use super::*;

    #[test]
    fn a_memo_is_served_only_for_its_own_inputs() {
        let temp = tempfile::tempdir().unwrap();
        let dir = CacheDir {
            dir: temp.path().join("m"),
            key: CacheKey::new("v", "b"),
            records: temp.path().join("records"),
        };
        let key = MemoKey::new()
            .part(b"records")
            .part(b"--format human")
            .finish();
        let other = MemoKey::new()
            .part(b"records")
            .part(b"--format json")
            .finish();
        assert_eq!(read(&dir, &key), Ok(None));
        let memo = Memo {
            status: 1,
            stderr: b"tsc: warnings are denied\n".to_vec(),
            stdout: b"error[E0103]: unknown owner `SECSA`\n".to_vec(),
        };
        write(&dir, &key, &memo).unwrap();
        assert_eq!(read(&dir, &key), Ok(Some(memo)));
        assert_eq!(read(&dir, &other), Ok(None));

        let mut bytes = std::fs::read(dir.memo_path()).unwrap();
        let last = bytes.len() - 40;
        bytes[last] ^= 1;
        std::fs::write(dir.memo_path(), &bytes).unwrap();
        let err = read(&dir, &key).unwrap_err();
        assert_eq!(err.problem, "is corrupt (its checksum does not match)");
    }
}
