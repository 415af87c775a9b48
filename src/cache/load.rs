//! Parsing a scanned tree through the store: each file's parse comes from
//! the store when it holds the file's (kind, content hash), else from the
//! parser; then the store is rewritten, streaming, when it lacked entries
//! or held entries this run did not use.

use std::path::Path;

use rayon::prelude::*;

use super::pack::{Reader, Writer, check_of};
use super::{CacheDir, Hash, Note, Usage, kind_tag};
use crate::kind::Kind;
use crate::load::parse::{FileOutcome, Parsed};
use crate::load::scan::ScannedFile;
use crate::processing;
use crate::source::{self, FileId};

/// How many parses are serialised at once (in parallel) before being
/// written, which bounds the memory a store write needs.
const WRITE_BATCH: usize = 256;

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
pub(crate) type Parse = fn(&Path, Kind, Vec<u8>, FileId) -> (Option<String>, FileOutcome);

/// Parses every file of `files` (on every core) through the store in
/// `cache`, with `parse` for the files it does not hold; returns each
/// file's text and outcome in the files' order, and how the cache was
/// used. A file served from the store is still decoded as text, for the
/// sources: only the parse is cached.
pub(crate) fn parse_all(
    files: Vec<ScannedFile>,
    cache: Option<&CacheDir>,
    parse: Parse,
) -> (Vec<(Option<String>, FileOutcome)>, Usage) {
    let mut usage = Usage::default();
    let reader = match cache.map(Reader::open) {
        Some(Ok(reader)) => reader,
        Some(Err(note)) => {
            usage.notes.push(note);
            None
        }
        None => None,
    };
    type Result1 = (
        Option<String>,
        FileOutcome,
        Source,
        Option<Entry>,
        Option<Note>,
    );
    let results: Vec<Result1> = files
        .into_par_iter()
        .map(|file| {
            let _working = processing::working_on(&file.path);
            let (bytes, hash) = match file.read {
                Ok(read) => read,
                Err(finding) => return (None, Err(vec![*finding]), Source::Other, None, None),
            };
            if !cacheable(file.kind) {
                let (text, outcome) = parse(&file.path, file.kind, bytes, file.id);
                return (text, outcome, Source::Other, None, None);
            }
            let mut problem = None;
            let tag = kind_tag(file.kind);
            let mut bytes = bytes;
            if let Some(reader) = &reader {
                match cached(reader, tag, &hash, file.id) {
                    Some(Ok(parsed)) if fits(&parsed, file.kind) => {
                        match String::from_utf8(bytes) {
                            Ok(text) => {
                                processing::force_internal_error_if_asked(&file.path);
                                let entry = Some((tag, hash));
                                return (Some(text), Ok(parsed), Source::Hit, entry, None);
                            }
                            // Cannot be: the entry is of a file that decoded.
                            Err(e) => bytes = e.into_bytes(),
                        }
                    }
                    Some(Ok(_)) => problem = Some(undecodable(reader)),
                    Some(Err(note)) => problem = Some(note),
                    None => {}
                }
            }
            let (text, outcome) = parse(&file.path, file.kind, bytes, file.id);
            (text, outcome, Source::Miss, Some((tag, hash)), problem)
        })
        .collect();
    let mut texts = Vec::with_capacity(results.len());
    let mut outcomes = Vec::with_capacity(results.len());
    let mut hashes = Vec::with_capacity(results.len());
    let mut hits = Vec::with_capacity(results.len());
    let mut used = std::collections::HashSet::new();
    let mut damaged = false;
    for (text, outcome, source, hash, problem) in results {
        texts.push(text);
        match source {
            Source::Hit => usage.hits += 1,
            Source::Miss if outcome.is_ok() => usage.misses += 1,
            _ => {}
        }
        if let Some(note) = problem {
            damaged = true;
            if !usage.notes.contains(&note) {
                usage.notes.push(note);
            }
        }
        let key = hash.filter(|_| outcome.is_ok());
        if let (Source::Hit, Some(entry)) = (source, key) {
            used.insert(entry);
        }
        hashes.push(key);
        hits.push(source == Source::Hit);
        outcomes.push(outcome);
    }
    if let Some(dir) = cache {
        let stale = reader.as_ref().is_some_and(|r| r.len() != used.len());
        if damaged || stale || usage.misses > 0 || !usage.notes.is_empty() {
            // A cache location that cannot be written means no caching.
            let old = reader.as_ref().filter(|_| !damaged);
            usage.written = write(dir, old, &outcomes, &hashes, &hits).is_ok();
        }
    }
    (texts.into_iter().zip(outcomes).collect(), usage)
}

thread_local! {
    /// Each thread's payload buffer, reused from one entry to the next.
    static PAYLOAD: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The parse the store holds for `(tag, hash)`, decoded with its spans
/// pointing into the file `id`.
fn cached(reader: &Reader, tag: u8, hash: &Hash, id: FileId) -> Option<Result<Parsed, Note>> {
    PAYLOAD.with_borrow_mut(|payload| {
        Some(match reader.get_into(tag, hash, payload)? {
            Ok(()) => source::parsing(id, || postcard::from_bytes::<Parsed>(payload))
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

/// One entry ready to write: kind tag, content hash, payload and its
/// checksum.
type Encoded = (u8, Hash, Vec<u8>, [u8; 16]);

/// Writes a new store holding exactly the parses of this run, a batch at
/// a time, on every core: a parse that came from the `old` store is copied
/// from it as it is (with its checksum), any other is serialised.
fn write(
    dir: &CacheDir,
    old: Option<&Reader>,
    outcomes: &[FileOutcome],
    entries: &[Option<Entry>],
    hits: &[bool],
) -> std::io::Result<()> {
    let mut writer = Writer::create(dir)?;
    let entries: Vec<(&Parsed, Entry, bool)> = outcomes
        .iter()
        .zip(entries)
        .zip(hits)
        .filter_map(|((outcome, entry), hit)| Some((outcome.as_ref().ok()?, (*entry)?, *hit)))
        .collect();
    for batch in entries.chunks(WRITE_BATCH) {
        let encoded: Vec<Option<Encoded>> = batch
            .par_iter()
            .map(|(parsed, (tag, hash), hit)| {
                let copied = old.filter(|_| *hit).and_then(|r| r.raw(*tag, hash));
                Some(match copied {
                    Some((payload, check)) => (*tag, *hash, payload, check),
                    None => {
                        // Serialised and checksummed here, on every core; the
                        // writer only appends.
                        let payload = postcard::to_stdvec(parsed).ok()?;
                        let check = check_of(&payload);
                        (*tag, *hash, payload, check)
                    }
                })
            })
            .collect();
        for (kind, hash, payload, check) in encoded.into_iter().flatten() {
            writer.add_checked(kind, &hash, &payload, Some(check))?;
        }
    }
    writer.finish()
}
