//! Parsing a scanned tree through the store: each file's parse comes from
//! the store when it holds the file's (kind, content hash), else from the
//! parser; then each shard of the store that lacked an entry of this run
//! or held one it did not use is rewritten, streaming.

use std::path::Path;

use rayon::prelude::*;

use super::pack::{Opened, Reader, SHARDS, Writer, shard_of};
use super::{CacheDir, Hash, Note, Usage, kind_tag};
use crate::kind::Kind;
use crate::load::parse::{FileOutcome, Parsed};
use crate::load::scan::ScannedFile;
use crate::processing;
use crate::source::{self, FileId, Kept};

/// Whether files of `kind` are cached. Settings are not: `tsc.yaml` is one
/// small file, and parsing it also records where each term is written.
fn cacheable(kind: Kind) -> bool {
    kind != Kind::Settings
}

/// A store entry's key: kind tag and content hash.
type Entry = (u8, Hash);

/// Where one file's outcome came from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Hit,
    Miss,
    /// Not cacheable: settings, or a file that could not be read.
    Other,
}

/// What [`crate::load::parse::parse_file`] gives for one file: its text (kept
/// in the loaded sources) and its outcome.
pub(crate) type Parse = fn(&Path, Kind, Vec<u8>, FileId) -> (Option<Kept>, FileOutcome);

/// One shard of the store as this run found it.
enum Shard {
    /// No file, or one of another key: nothing to read.
    Absent { exists: bool },
    /// Readable.
    Open(Reader),
    /// Not a store, truncated or corrupt: never read, always rewritten.
    Damaged,
}

/// One file's parse, as [`parse_all`] gives it back: its path and kind
/// (moved from the scanned file, not copied), its text for the sources and
/// its outcome, with what the store's bookkeeping needs.
pub(crate) struct FileParse {
    /// The file, as scanned.
    pub(crate) path: std::path::PathBuf,
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its text, kept in the loaded sources (`None`: not read, or not UTF-8).
    pub(crate) text: Option<Kept>,
    /// Its record(s), or why it gave none.
    pub(crate) outcome: FileOutcome,
    source: Source,
    /// Its store entry, for a cacheable file that was read.
    entry: Option<Entry>,
    /// What was wrong with the store's entry for it, if anything.
    problem: Option<Box<Note>>,
}

/// Parses every file of `files` (on every core) through the store in
/// `cache`, with `parse` for the files it does not hold; returns each
/// file's parse in the files' order, and how the cache was used. A file
/// served from the store is still decoded as text, for the sources: only
/// the parse is cached.
///
/// The parses are collected once, into one list the caller consumes: the
/// bookkeeping (which shards are stale) reads them where they are, and
/// the store's entries mark themselves used ([`Reader::mark_used`]), so a
/// warm run of a large tree allocates no per-file lists besides it.
pub(crate) fn parse_all(
    files: Vec<ScannedFile>,
    cache: Option<&CacheDir>,
    parse: Parse,
) -> (Vec<FileParse>, Usage) {
    let mut usage = Usage::default();
    let mut shards: Vec<Shard> = match cache {
        Some(dir) => (0..SHARDS)
            .into_par_iter()
            .map(|shard| match Reader::open(dir, shard) {
                Ok(Opened::Open(reader)) => (Shard::Open(reader), None),
                Ok(Opened::Absent) => (Shard::Absent { exists: false }, None),
                Ok(Opened::Other) => (Shard::Absent { exists: true }, None),
                Err(note) => (Shard::Damaged, Some(note)),
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(shard, note)| {
                usage.notes.extend(note);
                shard
            })
            .collect(),
        None => Vec::new(),
    };
    let results: Vec<FileParse> = files
        .into_par_iter()
        .map(|file| {
            let _working = processing::working_on(&file.path);
            let (text, outcome, source, entry, problem) = 'parse: {
                let (bytes, hash) = match file.read {
                    Ok(read) => read,
                    Err(finding) => {
                        break 'parse (None, Err(vec![*finding]), Source::Other, None, None);
                    }
                };
                if !cacheable(file.kind) {
                    let (text, outcome) = parse(&file.path, file.kind, bytes, file.id);
                    break 'parse (text, outcome, Source::Other, None, None);
                }
                let mut problem = None;
                let tag = kind_tag(file.kind);
                let mut bytes = bytes;
                if let Some(Shard::Open(reader)) = shards.get(shard_of(&hash))
                    && reader.holds(tag, &hash)
                {
                    // The entry's text values are spans of this text.
                    match String::from_utf8(bytes) {
                        Ok(text) => {
                            let text = Kept::new(text);
                            match cached(reader, tag, &hash, file.id, &text) {
                                Some(Ok(parsed)) if fits(&parsed, file.kind) => {
                                    processing::force_internal_error_if_asked(&file.path);
                                    reader.mark_used(tag, &hash);
                                    let entry = Some((tag, hash));
                                    break 'parse (
                                        Some(text),
                                        Ok(parsed),
                                        Source::Hit,
                                        entry,
                                        None,
                                    );
                                }
                                Some(Ok(_)) => problem = Some(Box::new(undecodable(reader))),
                                Some(Err(note)) => problem = Some(Box::new(note)),
                                None => {}
                            }
                            bytes = Kept::try_unwrap(text).map_or_else(
                                |shared| shared.as_bytes().to_vec(),
                                String::into_bytes,
                            );
                        }
                        // Not text: the file is parsed, for its finding.
                        Err(e) => bytes = e.into_bytes(),
                    }
                }
                let (text, outcome) = parse(&file.path, file.kind, bytes, file.id);
                let entry = Some((tag, hash)).filter(|_| outcome.is_ok());
                (text, outcome, Source::Miss, entry, problem)
            };
            FileParse {
                path: file.path,
                kind: file.kind,
                text,
                outcome,
                source,
                entry,
                problem,
            }
        })
        .collect();
    // Per shard: whether it lacks an entry this run parsed.
    let mut lacking = [false; SHARDS];
    for result in &results {
        match result.source {
            Source::Hit => usage.hits += 1,
            Source::Miss if result.outcome.is_ok() => usage.misses += 1,
            _ => {}
        }
        if let (Some((_, hash)), Source::Miss) = (&result.entry, result.source) {
            lacking[shard_of(hash)] = true;
        }
        if let Some(note) = &result.problem {
            if let Some((_, hash)) = &result.entry {
                shards[shard_of(hash)] = Shard::Damaged;
            }
            if !usage.notes.contains(note) {
                usage.notes.push((**note).clone());
            }
        }
    }
    if let Some(dir) = cache {
        let stale: Vec<usize> = (0..SHARDS)
            .filter(|&i| {
                lacking[i]
                    || match &shards[i] {
                        Shard::Open(reader) => !reader.all_used(),
                        Shard::Absent { exists } => *exists,
                        Shard::Damaged => true,
                    }
            })
            .collect();
        // A cache location that cannot be written means no caching.
        if !stale.is_empty() && dir.create().is_ok() {
            let written: Vec<bool> = stale
                .par_iter()
                .map(|&shard| {
                    let old = match &shards[shard] {
                        Shard::Open(reader) => Some(reader),
                        _ => None,
                    };
                    let mine = results.iter().filter_map(|result| {
                        let entry = result.entry.filter(|(_, hash)| shard_of(hash) == shard)?;
                        let hit = result.source == Source::Hit;
                        Some((result.outcome.as_ref().ok()?, entry, hit))
                    });
                    write(dir, shard, old, mine).is_ok()
                })
                .collect();
            usage.written = written.iter().any(|w| *w);
            if usage.written {
                dir.prune_others();
            }
        }
    }
    (results, usage)
}

thread_local! {
    /// Each thread's payload buffer, reused from one entry to the next.
    static PAYLOAD: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The parse the store holds for `(tag, hash)`, decoded with its spans
/// pointing into the file `id`.
fn cached(
    reader: &Reader,
    tag: u8,
    hash: &Hash,
    id: FileId,
    text: &Kept,
) -> Option<Result<Parsed, Note>> {
    PAYLOAD.with_borrow_mut(|buffer| {
        Some(match reader.get_into(tag, hash, buffer)? {
            Ok(len) => source::parsing(id, Some(text), || {
                postcard::from_bytes::<Parsed>(&buffer[..len])
            })
            .map_err(|_| undecodable(reader)),
            Err(note) => Err(note),
        })
    })
}

fn undecodable(reader: &Reader) -> Note {
    Note {
        file: reader.path().to_path_buf(),
        problem: "is corrupt (an entry does not decode)".to_owned(),
    }
}

/// Whether a parse read back from the store is of the kind asked for (a
/// kind tag and hash that match but a payload of another kind would mean
/// a damaged store).
fn fits(parsed: &Parsed, kind: Kind) -> bool {
    matches!(
        (parsed, kind),
        (Parsed::People(_), Kind::People)
            | (Parsed::Organisations(_), Kind::Organisations)
            | (Parsed::Principles(_), Kind::Principles)
            | (Parsed::Meeting(_), Kind::Meeting)
            | (Parsed::Action(_), Kind::Action)
            | (Parsed::Modification(_), Kind::Modification)
    )
}

/// Writes shard `shard` anew, holding exactly the parses of this run
/// that belong in it (`mine`: each parse, its entry and whether it came
/// from the store), or removes it when there are none. A parse that came
/// from the `old` shard is copied from it as it is (with its checksum),
/// any other is serialised.
fn write<'a>(
    dir: &CacheDir,
    shard: usize,
    old: Option<&Reader>,
    mine: impl Iterator<Item = (&'a Parsed, Entry, bool)>,
) -> std::io::Result<()> {
    let mut writer = Writer::create(dir, shard)?;
    let mut any = false;
    for (parsed, (tag, hash), hit) in mine {
        let copied = old.filter(|_| hit).and_then(|r| r.raw(tag, &hash));
        match copied {
            Some((payload, check)) => writer.add_checked(tag, &hash, &payload, Some(check))?,
            None => match postcard::to_stdvec(parsed) {
                Ok(payload) => writer.add(tag, &hash, &payload)?,
                // Not cached; the run goes on without it.
                Err(_) => continue,
            },
        }
        any = true;
    }
    if any {
        writer.finish()
    } else {
        drop(writer);
        match std::fs::remove_file(dir.shard_path(shard)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}
