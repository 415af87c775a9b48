//! The text of every record file, kept from the one time it is read, and
//! tsc's own compact positions into it.
//!
//! - [`Sources`] holds each file's text under a [`FileId`], with a line
//!   index built once per file.
//! - [`Span`] is a file ID, a byte offset and a byte length, packed in
//!   eight bytes per value. Lines and columns are computed from it only
//!   when a finding is rendered ([`Sources::position`]).
//! - Each file's text is shared ([`Kept`]) with the records' long text
//!   values ([`crate::text::Text`]) that are spans of it.
//! - [`Spanned`] is a record value with its span. Every `Sp<T>` field of
//!   the records model is one, so each field's exact byte range in its
//!   file is known (for diagnostics, and for editing a file in place).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Position};

/// Which file of [`Sources`] a [`Span`] points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct FileId(pub u32);

/// A byte range in one kept file: `start..start + len`, in eight bytes
/// (the file's ID in the top 22 bits, then the offset and the length in
/// 21 bits each), so that a spanned ID or term of the records is 32 bytes
/// rather than 40. A record file is at most [`crate::yaml::MAX_FILE_BYTES`]
/// (1 MiB), and the loader reads at most [`Span::MAX_FILES`] files of a
/// tree (more are an E0004 finding); a larger offset, length or file ID
/// would be held as the largest one that fits.
//
// Two `u32`s (high and low half) rather than a `u64`, so that a span is
// aligned to 4 bytes and a spanned number is 12 bytes, not 16.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct Span([u32; 2]);

/// Bits of the offset, and of the length, in a [`Span`].
const SPAN_BITS: u32 = 21;
const SPAN_MASK: u64 = (1 << SPAN_BITS) - 1;

impl Span {
    /// One more than the largest file ID a span holds.
    pub(crate) const MAX_FILES: u32 = 1 << (64 - 2 * SPAN_BITS);

    /// The range `start..start + len` of `file`.
    pub(crate) fn new(file: FileId, start: u32, len: u32) -> Span {
        let fit = |v: u32| u64::from(v).min(SPAN_MASK);
        let file = u64::from(file.0.min(Span::MAX_FILES - 1));
        let packed = file << (2 * SPAN_BITS) | fit(start) << SPAN_BITS | fit(len);
        Span([(packed >> 32) as u32, packed as u32])
    }

    fn packed(self) -> u64 {
        u64::from(self.0[0]) << 32 | u64::from(self.0[1])
    }

    /// The file.
    pub(crate) fn file(self) -> FileId {
        FileId((self.packed() >> (2 * SPAN_BITS)) as u32)
    }

    /// Byte offset of the first byte.
    pub(crate) fn start(self) -> u32 {
        ((self.packed() >> SPAN_BITS) & SPAN_MASK) as u32
    }

    /// Length in bytes; 0 for a point (where only the start is known).
    pub(crate) fn len(self) -> u32 {
        (self.packed() & SPAN_MASK) as u32
    }

    /// The same range in another file.
    #[cfg(test)]
    pub(crate) fn in_file(self, file: FileId) -> Span {
        Span::new(file, self.start(), self.len())
    }

    /// The byte offset just past the range.
    pub(crate) fn end(self) -> u32 {
        self.start() + self.len()
    }

    /// The range as `usize` offsets, for slicing the file's text.
    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.start() as usize..self.end() as usize
    }
}

impl std::fmt::Debug for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Span")
            .field("file", &self.file())
            .field("start", &self.start())
            .field("len", &self.len())
            .finish()
    }
}

/// A value read from a record file, with the span of its source text
/// (quotes included for a quoted scalar; every line of a multi-line one).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is written.
    pub(crate) span: Span,
}

/// A kept file's text, shared by [`Sources`] and every
/// [`crate::text::Text`] that is a span of it.
pub(crate) type Kept = Arc<String>;

thread_local! {
    /// The file being parsed on this thread, for [`Spanned`]'s spans.
    static PARSING: Cell<FileId> = const { Cell::new(FileId(0)) };
    /// Its text, for the [`crate::text::Text`] values that are spans of it.
    static PARSING_TEXT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// Runs `parse` with `file` (whose text is `text`) as the file whose
/// values it deserialises, so that every [`Spanned`] value it reads
/// points into `file`, and every long text value may be a span of `text`.
pub(crate) fn parsing<R>(file: FileId, text: Option<&Kept>, parse: impl FnOnce() -> R) -> R {
    let before = PARSING.with(|p| p.replace(file));
    let text_before = PARSING_TEXT.with(|t| t.replace(text.cloned()));
    let result = parse();
    PARSING.with(|p| p.set(before));
    PARSING_TEXT.with(|t| t.replace(text_before));
    result
}

/// Calls `f` with the text of the file being parsed on this thread (see
/// [`parsing`]), if any.
pub(crate) fn with_current_text<R>(f: impl FnOnce(Option<&Kept>) -> R) -> R {
    PARSING_TEXT.with_borrow(|text| f(text.as_ref()))
}

/// The file being parsed on this thread (see [`parsing`]).
pub(crate) fn current_file() -> FileId {
    PARSING.with(Cell::get)
}

/// A span in the file being parsed, from serde-saphyr's location.
pub(crate) fn span_of(location: &serde_saphyr::Location) -> Option<Span> {
    let span = location.span();
    let start = span.byte_offset()?;
    let len = span.byte_len().unwrap_or(0);
    Some(Span::new(
        current_file(),
        u32::try_from(start).ok()?,
        u32::try_from(len).ok()?,
    ))
}

/// Read from YAML, a [`Spanned`] takes its span from the parser. Read from
/// the parse cache (a binary, not human-readable format, see
/// [`crate::cache`]) it is the value followed by its byte offset and
/// length, in the file being read (see [`parsing`]): a record read back
/// from the cache points at the same bytes as one parsed from the file.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            let (value, start, len) = <(T, u32, u32)>::deserialize(d)?;
            let file = current_file();
            return Ok(Spanned {
                value,
                span: Span::new(file, start, len),
            });
        }
        let read = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let span = span_of(&read.referenced).unwrap_or_default();
        Ok(Spanned {
            value: read.value,
            span,
        })
    }
}

/// The parse cache's binary form of a [`Spanned`]: the value, then its
/// byte offset and length (the file is the one it is read back into). A
/// human-readable form is the value alone.
impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return self.value.serialize(s);
        }
        (&self.value, self.span.start(), self.span.len()).serialize(s)
    }
}

/// The length in bytes of the flow collection (`[a, b]`, `{a: 1}`) that
/// `text` starts with, to its closing bracket; quoted scalars inside are
/// skipped. `None` when it is not closed.
fn flow_len(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

/// One kept file.
#[derive(Debug)]
struct SourceFile {
    path: Arc<Path>,
    /// `None` when the file was not valid UTF-8.
    text: Option<Kept>,
    /// Byte offset of the start of each line; `line_starts[0] == 0`.
    /// Built the first time a position in the file is asked for, so files
    /// without findings cost no index.
    line_starts: std::sync::OnceLock<Vec<u32>>,
    /// For each long line asked about (0-based index), the byte offset
    /// within the line of each of its characters, so that a column on it is
    /// found without counting from the line's start each time.
    char_starts: Mutex<HashMap<usize, Arc<[u32]>>>,
}

/// Lines longer than this many bytes are shown as an excerpt around the
/// value (see [`Sources::excerpt`]), and columns on them are found through
/// a character index built once per line, so that the cost of a finding
/// does not grow with the length of its line.
pub(crate) const LONG_LINE: usize = 512;

/// Characters of a long line shown on each side of the value.
const EXCERPT_CONTEXT: u64 = 24;

/// A part of a long line: its text, with `...` where the line was cut,
/// and where the value lies in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Excerpt {
    /// The text shown.
    pub(crate) text: String,
    /// The byte range of the value within `text`.
    pub(crate) span: std::ops::Range<usize>,
}

impl SourceFile {
    /// Line `index` (0-based) without its line break, and its byte offset.
    fn line(&self, index: usize) -> Option<(&str, usize)> {
        let text = self.text.as_deref()?.as_str();
        let line_starts = self.line_starts();
        let start = *line_starts.get(index)? as usize;
        let end = line_starts
            .get(index + 1)
            .map_or(text.len(), |next| *next as usize - 1);
        let line = text.get(start..end.max(start))?;
        Some((line.strip_suffix('\r').unwrap_or(line), start))
    }

    /// The byte offset within line `index` of each of its characters,
    /// computed once per line.
    fn char_starts(&self, index: usize, line: &str) -> Arc<[u32]> {
        let mut cache = self
            .char_starts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(index)
            .or_insert_with(|| {
                line.char_indices()
                    .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
                    .collect()
            })
            .clone()
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.iter().flat_map(|t| {
                    t.match_indices('\n')
                        .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX))
                }))
                .collect()
        })
    }
}

/// Every record file's text, by [`FileId`], as read by the loader.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// Each path's file (the last added under it), built the first time a
    /// file is looked up by path: only a finding being rendered does
    /// that, and hashing every path of a large tree as it is added cost
    /// 3 % of a warm `validate`. The paths are shared with `files`.
    by_path: std::sync::OnceLock<HashMap<Arc<Path>, FileId>>,
}

impl Sources {
    /// Makes room for `more` files, so that a large tree's list of files
    /// is not grown by doubling.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.files.reserve_exact(more);
    }

    /// Adds the text of `path` (`None` when it was not UTF-8) and returns
    /// its ID.
    pub(crate) fn add(&mut self, path: &Path, text: Option<Kept>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.by_path = std::sync::OnceLock::new();
        let path: Arc<Path> = path.into();
        self.files.push(SourceFile {
            path,
            text,
            line_starts: std::sync::OnceLock::new(),
            char_starts: Mutex::new(HashMap::new()),
        });
        id
    }

    /// The ID of the file at `path`, if it was read.
    pub(crate) fn id(&self, path: &Path) -> Option<FileId> {
        let by_path = self.by_path.get_or_init(|| {
            (self.files.iter().enumerate())
                .map(|(i, f)| {
                    (
                        Arc::clone(&f.path),
                        FileId(u32::try_from(i).unwrap_or(u32::MAX)),
                    )
                })
                .collect()
        });
        by_path.get(path).copied()
    }

    /// The path of `file`.
    pub(crate) fn path(&self, file: FileId) -> Option<&Path> {
        self.files.get(file.0 as usize).map(|f| &*f.path)
    }

    /// The text of `file`, when it was read as UTF-8.
    pub(crate) fn text(&self, file: FileId) -> Option<&str> {
        self.files
            .get(file.0 as usize)?
            .text
            .as_deref()
            .map(String::as_str)
    }

    /// The source text `span` covers.
    pub(crate) fn slice(&self, span: Span) -> Option<&str> {
        self.text(span.file())?.get(span.range())
    }

    /// The 1-based line and character column of byte `offset` in `file`.
    pub(crate) fn position(&self, file: FileId, offset: u32) -> Option<Position> {
        let source = self.files.get(file.0 as usize)?;
        let text = source.text.as_deref()?.as_str();
        let line_starts = source.line_starts();
        let line = line_starts.partition_point(|&s| s <= offset);
        let start = *line_starts.get(line.checked_sub(1)?)? as usize;
        let within = text.get(start..offset as usize)?;
        let column = if within.len() > LONG_LINE {
            let (full, _) = source.line(line - 1)?;
            let starts = source.char_starts(line - 1, full);
            starts.partition_point(|&c| (c as usize) < within.len()) + 1
        } else {
            within.chars().count() + 1
        };
        Some(Position {
            line: line as u64,
            column: column as u64,
        })
    }

    /// Where `span`'s underline ends: after its last character that is not
    /// white space. The parser's span of a block scalar (`|`, `>`, `>-`)
    /// runs on over the blank lines after it and to the start of the next
    /// key's line.
    fn content_end(&self, span: Span) -> u32 {
        let Some(text) = self.slice(span) else {
            return span.end();
        };
        if text == "[" || text == "{" {
            // The parser spans a flow collection by its opening bracket.
            let whole = self.text(span.file()).unwrap_or_default();
            if let Some(len) = flow_len(&whole[span.range().start..]) {
                return span.start() + u32::try_from(len).unwrap_or(span.len());
            }
        }
        let kept = text.trim_end_matches(char::is_whitespace).len();
        if kept == 0 {
            return span.end();
        }
        span.start() + u32::try_from(kept).unwrap_or(span.len())
    }

    /// Fills in the line and column of `finding` and of its related
    /// places from their spans: the start, and the end (exclusive) when the
    /// span has a length and the finding has no end of its own.
    pub(crate) fn resolve(&self, finding: &mut Finding) {
        if let Some(span) = finding.span {
            if let Some(start) = self.position(span.file(), span.start()) {
                finding.position = start;
            }
            if finding.end.is_none() && span.len() > 0 {
                finding.end = self.position(span.file(), self.content_end(span));
            }
        }
        for related in &mut finding.related {
            let Some(span) = related.span else { continue };
            if let Some(start) = self.position(span.file(), span.start()) {
                related.position = start;
            }
            if span.len() > 0 {
                related.end = self.position(span.file(), self.content_end(span));
            }
        }
    }

    /// Lines `first` to `last` (1-based, inclusive) of the file at `path`
    /// as one slice, without the final newline.
    pub(crate) fn lines(&self, path: &Path, first: u64, last: u64) -> Option<&str> {
        let source = self.files.get(self.id(path)?.0 as usize)?;
        let text = source.text.as_deref()?.as_str();
        let index = |line: u64| usize::try_from(line).ok()?.checked_sub(1);
        let line_starts = source.line_starts();
        let start = *line_starts.get(index(first)?)? as usize;
        let end = index(last)
            .and_then(|i| line_starts.get(i + 1))
            .map_or(text.len(), |next| *next as usize - 1);
        text.get(start..end.max(start))
    }
}

impl Sources {
    /// The length in bytes of line `line` (1-based) of the file at `path`.
    pub(crate) fn line_len(&self, path: &Path, line: u64) -> Option<usize> {
        self.lines(path, line, line).map(str::len)
    }

    /// The part of line `line` of the file at `path` from `EXCERPT_CONTEXT`
    /// characters before column `from` to as many after column `to`
    /// (exclusive), with `...` where the line is cut. Costs the length of
    /// the excerpt once the line has been indexed, so a thousand findings
    /// on one long line cost a thousand short excerpts.
    pub(crate) fn excerpt(&self, path: &Path, line: u64, from: u64, to: u64) -> Option<Excerpt> {
        let source = self.files.get(self.id(path)?.0 as usize)?;
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let (text, _) = source.line(index)?;
        let starts = source.char_starts(index, text);
        let chars = starts.len() as u64;
        let byte = |column: u64| -> usize {
            usize::try_from(column.saturating_sub(1))
                .ok()
                .and_then(|i| starts.get(i).map(|&b| b as usize))
                .unwrap_or(text.len())
        };
        let first = from.saturating_sub(EXCERPT_CONTEXT).max(1);
        let last = to
            .max(from + 1)
            .saturating_add(EXCERPT_CONTEXT)
            .min(chars + 1);
        let mut shown = String::new();
        if first > 1 {
            shown.push_str("...");
        }
        let base = shown.len();
        shown.push_str(text.get(byte(first)..byte(last))?);
        let span = base + byte(from) - byte(first)
            ..base + byte(to.max(from + 1)).min(byte(last)) - byte(first);
        if last <= chars {
            shown.push_str("...");
        }
        Some(Excerpt { text: shown, span })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Doc {
        id: Spanned<String>,
        list: Vec<Spanned<u32>>,
    }

    #[test]
    fn the_cache_form_keeps_the_bytes_and_takes_the_file_read_into() {
        let text = "id: \"TSC07/2\"\nlist: [4, 17]\n";
        let doc: Doc = parsing(FileId(3), None, || serde_saphyr::from_str(text)).unwrap();
        let span = Span::new(FileId(3), 4, 9);
        assert_eq!((doc.id.value.as_str(), doc.id.span), ("TSC07/2", span));
        assert_eq!(&text[doc.list[1].span.range()], "17");
        let bytes = postcard::to_stdvec(&doc).unwrap();
        let back: Doc = parsing(FileId(7), None, || postcard::from_bytes(&bytes)).unwrap();
        assert_eq!(back.id.span, span.in_file(FileId(7)));
        assert_eq!(back.id.value, doc.id.value);
        assert_eq!(&text[back.list[1].span.range()], "17");
        assert_eq!(back.list[1].span.file(), FileId(7));
    }

    #[test]
    fn a_span_packs_file_offset_and_length_and_orders_by_them() {
        let max = crate::yaml::MAX_FILE_BYTES as u32 + 1;
        let span = Span::new(FileId(Span::MAX_FILES - 1), max, max);
        assert_eq!(
            (span.file(), span.start(), span.len()),
            (FileId(Span::MAX_FILES - 1), max, max)
        );
        assert_eq!(span.range(), max as usize..2 * max as usize);
        let a = Span::new(FileId(1), 900, 2);
        assert!(a < Span::new(FileId(1), 901, 0) && a < Span::new(FileId(2), 0, 0));
        assert!(Span::new(FileId(1), 900, 1) < a);
        assert_eq!(std::mem::size_of::<Spanned<crate::model::Token>>(), 32);
        assert_eq!(std::mem::size_of::<Option<Spanned<u32>>>(), 16);
    }

    #[test]
    fn flow_collection_span() {
        assert_eq!(flow_len("[SECAS, ACME]\nx: 1"), Some(13));
        assert_eq!(flow_len("{a: \"]\\\"\", b: ['}']}"), Some(20));
        assert_eq!(flow_len("[a, b"), None);
    }

    #[test]
    fn positions_count_characters_from_the_line_start() {
        let mut sources = Sources::default();
        let id = sources.add(Path::new("f"), Some(Arc::new("a: 1\nb: “x” y\n".into())));
        let at = "a: 1\nb: “x” ".len() as u32;
        assert_eq!(
            sources.position(id, at),
            Some(Position { line: 2, column: 8 })
        );
        assert_eq!(sources.lines(Path::new("f"), 2, 2), Some("b: “x” y"));
    }
}
