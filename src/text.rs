//! [`Text`]: a long text value of a record (a summary, a note, a
//! decision's wording, a title), held as a span into its file's kept text
//! instead of a second copy of it.
//!
//! The loader keeps every record file's text for the whole run (see
//! [`crate::source::Sources`]); before [`Text`], the records also owned a
//! copy of every long text value in them, about 0.7 × the YAML's size on
//! a large tree. A [`Text`] read from a file is instead a shared handle on
//! that file's text, a byte range and one flag:
//!
//! - **raw**: the value is exactly the bytes of the range (a plain
//!   one-line scalar, or the inside of a quoted scalar without escapes);
//! - **block**: the range is a literal (`|`) or folded (`>`) block scalar
//!   from its indicator on, decoded on use ([`Text::get`]) by the YAML
//!   rules for its chomping, indentation and folding;
//! - **owned**: anything else (escapes, multi-line plain or quoted
//!   scalars, explicit indentation indicators): the value itself.
//!
//! It is correct by construction: while parsing, the span form is kept
//! only when decoding it gives exactly the string the YAML parser read
//! ([`Text::from_parse`]); otherwise the parser's string is kept. Equality,
//! display and every human-readable serialisation (JSON output, diffs)
//! use the decoded value. The parse cache stores the span form (offsets
//! within the file) and rebinds it to the file being loaded.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::source;

/// The value of a long text field of a record; reads as a string through
/// [`Text::get`] or [`fmt::Display`]. Sixteen bytes, with no allocation
/// of its own when it is a span of its file.
#[derive(Clone)]
pub struct Text {
    /// The file's kept text, or (owned) the value itself.
    src: Arc<String>,
    /// Byte offset of the range in `src`; [`OWNED`] for an owned value.
    start: u32,
    /// Byte length of the range, with [`BLOCK`] set for a block scalar.
    len: u32,
}

/// `start` of an owned value: the value is the whole of `src`.
const OWNED: u32 = u32::MAX;
/// The bit of `len` that marks a block scalar to decode.
const BLOCK: u32 = 1 << 31;

/// Where decoded pieces of a value go. `put` returns `false` to stop.
trait Sink {
    fn put(&mut self, piece: &str) -> bool;
}

impl Sink for String {
    fn put(&mut self, piece: &str) -> bool {
        self.push_str(piece);
        true
    }
}

/// Matches the pieces against an expected string, front to back.
struct Matcher<'a>(&'a str);

impl Sink for Matcher<'_> {
    fn put(&mut self, piece: &str) -> bool {
        match self.0.strip_prefix(piece) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }
}

struct Writer<'a, 'b>(&'a mut fmt::Formatter<'b>, fmt::Result);

impl Sink for Writer<'_, '_> {
    fn put(&mut self, piece: &str) -> bool {
        self.1 = self.0.write_str(piece);
        self.1.is_ok()
    }
}

/// How a block scalar ends (its chomping indicator).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Chomp {
    /// `-`: no final line break.
    Strip,
    /// No indicator: one final line break.
    Clip,
    /// `+`: every final line break.
    Keep,
}

/// What one line of a folded scalar was, for folding the next one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    /// Text that starts with a character other than white space.
    Normal,
    /// More indented text (starts with a space or a tab).
    Spaced,
}

/// Decodes the block scalar `raw` (from its `|` or `>` to the end of its
/// span) into `out`. `None` when `raw` is not a block scalar this decoder
/// reads (an explicit indentation indicator, a bad header), or when `out`
/// stopped it.
fn decode_block(raw: &str, out: &mut impl Sink) -> Option<()> {
    let folded = match raw.as_bytes().first()? {
        b'|' => false,
        b'>' => true,
        _ => return None,
    };
    let (header, body) = match raw.find('\n') {
        Some(i) => (&raw[1..i], &raw[i + 1..]),
        None => (&raw[1..], ""),
    };
    let header = header.strip_suffix('\r').unwrap_or(header);
    let (chomp, rest) = match header.as_bytes().first() {
        Some(b'-') => (Chomp::Strip, &header[1..]),
        Some(b'+') => (Chomp::Keep, &header[1..]),
        _ => (Chomp::Clip, header),
    };
    // Only white space, then perhaps a comment, may follow; an indentation
    // indicator (a digit) is relative to the parent's indentation, which
    // the span does not show.
    let rest = rest.trim_start_matches([' ', '\t']);
    if !(rest.is_empty() || (rest.starts_with('#') && rest.len() < header.len())) {
        return None;
    }
    // Each line of the body and whether a line break ends it. A last
    // piece without one that is only spaces is the next line's
    // indentation, not part of the scalar.
    let lines = body.split_inclusive('\n').filter_map(|line| {
        let (text, broken) = match line.strip_suffix('\n') {
            Some(text) => (text.strip_suffix('\r').unwrap_or(text), true),
            None if line.bytes().all(|b| b == b' ') => return None,
            None => (line, false),
        };
        Some((text, broken))
    });
    let spaces = |text: &str| text.bytes().take_while(|b| *b == b' ').count();
    let indent = lines
        .clone()
        .find(|(text, _)| text.bytes().any(|b| b != b' '))
        .map_or(usize::MAX, |(text, _)| spaces(text));
    let mut seen: Option<Line> = None;
    // Line breaks not yet written: after the last text line, and empty lines.
    let mut breaks = 0usize;
    let put_breaks = |out: &mut dyn FnMut(&str) -> bool, n: usize| (0..n).all(|_| out("\n"));
    let mut put = |piece: &str| out.put(piece);
    for (text, broken) in lines {
        let blank = text.bytes().all(|b| b == b' ');
        if blank && text.len() <= indent {
            breaks += usize::from(broken);
            continue;
        }
        if !blank && spaces(text) < indent {
            // A less indented line (a comment, the next key) ends it.
            break;
        }
        let content = &text[indent..];
        let kind = if content.starts_with([' ', '\t']) {
            Line::Spaced
        } else {
            Line::Normal
        };
        let ok = match seen {
            Some(Line::Normal) if folded && kind == Line::Normal && breaks == 1 => put(" "),
            Some(Line::Normal) if folded && kind == Line::Normal => {
                put_breaks(&mut put, breaks.saturating_sub(1))
            }
            _ => put_breaks(&mut put, breaks),
        };
        if !ok || !put(content) {
            return None;
        }
        seen = Some(kind);
        breaks = usize::from(broken);
    }
    let last = match chomp {
        Chomp::Clip if seen.is_some() => breaks.min(1),
        Chomp::Strip | Chomp::Clip => 0,
        Chomp::Keep => breaks,
    };
    put_breaks(&mut put, last).then_some(())
}

/// Where the indicator (`|` or `>`) of a block scalar whose content
/// starts at byte `content` of `file` may be: the offset itself, then each
/// `|` and `>` of the header line (the line before the content and the
/// empty lines that lead it), last first.
fn header_candidates(file: &str, content: usize) -> impl Iterator<Item = usize> + '_ {
    let before = file.get(..content).unwrap_or_default();
    let line_start = before.trim_end_matches(' ').len();
    let mut header: Option<(usize, &str)> = None;
    if line_start == 0 || before.as_bytes().get(line_start - 1) == Some(&b'\n') {
        // Back over the empty lines to the header line.
        let mut end = line_start;
        while end > 0 {
            let line_end = end - 1;
            let start = file[..line_end].rfind('\n').map_or(0, |i| i + 1);
            let line = &file[start..line_end];
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.bytes().all(|b| b == b' ') {
                end = start;
                continue;
            }
            header = Some((start, line));
            break;
        }
    }
    let own = file
        .get(content..)
        .filter(|rest| rest.starts_with(['|', '>']))
        .map(|_| content);
    let in_header = header
        .into_iter()
        .flat_map(|(start, line)| line.rmatch_indices(['|', '>']).map(move |(i, _)| start + i));
    own.into_iter().chain(in_header)
}

impl Text {
    /// An owned value (not a span of any file).
    pub fn owned(value: impl Into<String>) -> Text {
        Text {
            src: Arc::new(value.into()),
            start: OWNED,
            len: 0,
        }
    }

    /// The text the parser read at `span` of `file` (the file being
    /// parsed), as a span of `file` when decoding that span gives exactly
    /// `value`, else `value` itself.
    pub(crate) fn from_parse(
        value: String,
        file: Option<&Arc<String>>,
        span: source::Span,
    ) -> Text {
        let Some(file) = file else {
            return Text::owned(value);
        };
        let Some(raw) = file.get(span.range()) else {
            return Text::owned(value);
        };
        let at = |offset: usize, len: usize, flag: u32| {
            Some(Text {
                src: Arc::clone(file),
                start: span.start() + u32::try_from(offset).ok()?,
                len: u32::try_from(len).ok().filter(|l| l & BLOCK == 0)? | flag,
            })
        };
        let found = if raw.starts_with(value.as_str()) {
            at(0, value.len(), 0)
        } else if raw.starts_with(['"', '\''])
            && raw.get(1..).is_some_and(|r| r.starts_with(value.as_str()))
        {
            at(1, value.len(), 0)
        } else {
            // A block scalar: the parser's span starts at its first
            // content character; the range kept starts at its indicator.
            let end = span.range().end;
            header_candidates(file, span.start() as usize).find_map(|header| {
                let raw = file.get(header..end)?;
                let mut matcher = Matcher(&value);
                let decoded = decode_block(raw, &mut matcher).is_some() && matcher.0.is_empty();
                decoded.then_some(())?;
                Some(Text {
                    src: Arc::clone(file),
                    start: u32::try_from(header).ok()?,
                    len: u32::try_from(raw.len()).ok().filter(|l| l & BLOCK == 0)? | BLOCK,
                })
            })
        };
        found.unwrap_or_else(|| Text::owned(value))
    }

    /// The bytes of the file this value is a span of (or the value itself).
    fn raw(&self) -> &str {
        if self.start == OWNED {
            return &self.src;
        }
        let len = (self.len & !BLOCK) as usize;
        let start = self.start as usize;
        self.src.get(start..start + len).unwrap_or_default()
    }

    fn is_block(&self) -> bool {
        self.start != OWNED && self.len & BLOCK != 0
    }

    /// Writes the value's pieces into `out`; `false` when `out` stopped.
    fn pieces(&self, out: &mut impl Sink) -> bool {
        if self.is_block() {
            decode_block(self.raw(), out).is_some()
        } else {
            out.put(self.raw())
        }
    }

    /// The value: borrowed from the file's text, or decoded (a block
    /// scalar's lines without their indentation, chomped or folded).
    pub fn get(&self) -> Cow<'_, str> {
        if !self.is_block() {
            return Cow::Borrowed(self.raw());
        }
        let mut value = String::with_capacity(self.raw().len());
        self.pieces(&mut value);
        Cow::Owned(value)
    }

    /// Whether the value is the empty string.
    pub fn is_empty(&self) -> bool {
        self.pieces(&mut Matcher(""))
    }

    /// The value's span in its file (`start`, `len`, block flag) for the
    /// parse cache, or `None` for an owned value.
    fn packed(&self) -> Option<(u32, u32)> {
        (self.start != OWNED).then_some((self.start, self.len))
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::owned(String::new())
    }
}

impl From<String> for Text {
    fn from(value: String) -> Text {
        Text::owned(value)
    }
}

impl From<&str> for Text {
    fn from(value: &str) -> Text {
        Text::owned(value)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut writer = Writer(f, Ok(()));
        self.pieces(&mut writer);
        writer.1
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.get(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        let mut matcher = Matcher(other);
        self.pieces(&mut matcher) && matcher.0.is_empty()
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self == *other.as_str()
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

/// The parse cache's binary form of a [`Text`].
#[derive(Serialize, Deserialize)]
enum Packed<S> {
    /// A span of the file: offset, and length with the block flag.
    Span(u32, u32),
    /// An owned value.
    Owned(S),
}

/// Human-readable (JSON, YAML): the value. Binary (the parse cache): the
/// span within its file, or the owned value.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.collect_str(self);
        }
        match self.packed() {
            Some((start, len)) => Packed::<&str>::Span(start, len).serialize(s),
            None => Packed::Owned(self.src.as_str()).serialize(s),
        }
    }
}

/// Read from YAML, the parser's string, kept as a span of the file being
/// parsed when that decodes to the same string ([`Text::from_parse`]).
/// Read from the parse cache, a span is bound to the file being loaded
/// (see [`source::parsing`]), and refused when it does not lie within it.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        if d.is_human_readable() {
            let read = serde_saphyr::Spanned::<String>::deserialize(d)?;
            let Some(span) = source::span_of(&read.referenced) else {
                return Ok(Text::owned(read.value));
            };
            return Ok(source::with_current_text(|file| {
                Text::from_parse(read.value, file, span)
            }));
        }
        match Packed::<String>::deserialize(d)? {
            Packed::Owned(value) => Ok(Text::owned(value)),
            Packed::Span(start, len) => source::with_current_text(|file| {
                let file = file.ok_or_else(|| D::Error::custom("a text span with no file"))?;
                let text = Text {
                    src: Arc::clone(file),
                    start,
                    len,
                };
                let end = start as usize + (len & !BLOCK) as usize;
                let fits = start != OWNED && file.get(start as usize..end).is_some();
                if !fits || (text.is_block() && !text.raw().starts_with(['|', '>'])) {
                    return Err(D::Error::custom("a text span outside its file"));
                }
                Ok(text)
            }),
        }
    }
}

/// Described in JSON Schema as the string it is.
impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
