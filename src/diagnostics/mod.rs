//! Rendering findings for people and machines.
//!
//! - [`human`]: rustc-style diagnostics (annotate-snippets): code, message,
//!   `--> path:line:column`, the source line with the value underlined,
//!   second labels at related places, and a `help:` line;
//! - [`json`]: one JSON document with one stable object per finding
//!   (documented in `docs/rules.md`, "Output formats");
//! - [`github`]: GitHub Actions workflow commands (`::error file=...::...`).
//!
//! Every format reads the files a finding points at through a
//! [`SourceCache`] (read-only), so that all three agree on where a value
//! ends even when the finding itself only knows where it starts.

pub mod github;
pub mod human;
pub mod json;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::finding::{Finding, Position};
use crate::validate::Report;

/// The output formats of `tsc validate --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// rustc-style diagnostics and a one-line summary (the default).
    #[default]
    Human,
    /// One JSON document (see [`json`]).
    Json,
    /// GitHub Actions workflow commands (see [`github`]).
    Github,
}

/// The text of the files findings point at, read on first use. Only what
/// the loader itself would read is read: a regular file (not a link, pipe
/// or directory) within [`crate::yaml::MAX_FILE_BYTES`]. Anything else, or
/// a file that cannot be read as UTF-8, is remembered as absent; findings
/// in it are then rendered without a source line.
#[derive(Debug, Default)]
pub struct SourceCache {
    files: HashMap<PathBuf, Option<Source>>,
    /// Never read a file: only what was inserted counts (records read
    /// from git, where the work tree may hold other text).
    memory_only: bool,
}

/// A file's text and where each of its lines starts, so that a finding's
/// lines are found without scanning the file again.
#[derive(Debug)]
struct Source {
    text: String,
    /// Byte offset of the start of each line; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    /// For each long line asked about (1-based number), the byte offset
    /// of each of its characters within the line, so that a column is
    /// found without counting from the line's start each time.
    char_starts: HashMap<u64, Vec<usize>>,
}

/// Lines longer than this many bytes are shown as an excerpt around the
/// value (see [`SourceCache::excerpt`]), so that the cost of a finding does
/// not grow with the length of its line.
pub const LONG_LINE: usize = 512;

/// Characters of a long line shown on each side of the value.
const EXCERPT_CONTEXT: u64 = 24;

/// A part of a long line: its text, with `...` where the line was cut,
/// and where the value lies in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text shown.
    pub text: String,
    /// The byte range of the value within `text`.
    pub span: std::ops::Range<usize>,
}

impl Source {
    fn new(text: String) -> Source {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            text,
            line_starts,
            char_starts: HashMap::new(),
        }
    }

    /// Line `line` (1-based, without its line break) and the byte offset
    /// of each of its characters, computed once per line.
    fn indexed_line(&mut self, line: u64) -> Option<(&str, &[usize])> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *self.line_starts.get(index)?;
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        let text = self.text.get(start..end)?;
        let text = text.strip_suffix('\r').unwrap_or(text);
        let starts = self
            .char_starts
            .entry(line)
            .or_insert_with(|| text.char_indices().map(|(i, _)| i).collect());
        Some((text, starts))
    }
}

impl SourceCache {
    /// An empty cache.
    pub fn new() -> SourceCache {
        SourceCache::default()
    }

    /// Adds `text` as the contents of `file` (for tests and callers that
    /// already hold the text).
    pub fn insert(&mut self, file: impl Into<PathBuf>, text: impl Into<String>) {
        self.files
            .insert(file.into(), Some(Source::new(text.into())));
    }

    /// A cache of exactly `files` (paths and bytes, as records read from
    /// git give them) that never reads the file system; a file that is
    /// not UTF-8 is absent.
    pub fn in_memory(files: &[(PathBuf, Vec<u8>)]) -> SourceCache {
        let files = files
            .iter()
            .map(|(path, bytes)| {
                let text = String::from_utf8(bytes.clone()).ok().map(Source::new);
                (path.clone(), text)
            })
            .collect();
        SourceCache {
            files,
            memory_only: true,
        }
    }

    fn source(&mut self, file: &Path) -> Option<&Source> {
        let memory_only = self.memory_only;
        self.files
            .entry(file.to_path_buf())
            .or_insert_with(|| {
                if memory_only {
                    return None;
                }
                let meta = std::fs::symlink_metadata(file).ok()?;
                if !meta.is_file() || meta.len() > crate::yaml::MAX_FILE_BYTES {
                    return None;
                }
                std::fs::read_to_string(file).ok().map(Source::new)
            })
            .as_ref()
    }

    /// The text of `file`, read on first use.
    pub fn get(&mut self, file: &Path) -> Option<&str> {
        self.source(file).map(|s| s.text.as_str())
    }

    /// Lines `first` to `last` (1-based, inclusive) of `file` as one slice,
    /// when the file can be read and holds line `first`.
    pub fn lines(&mut self, file: &Path, first: u64, last: u64) -> Option<&str> {
        let source = self.source(file)?;
        let index = |line: u64| usize::try_from(line).ok()?.checked_sub(1);
        let start = *source.line_starts.get(index(first)?)?;
        let end = index(last)
            .and_then(|i| source.line_starts.get(i + 1))
            .map_or(source.text.len(), |next| next - 1);
        source.text.get(start..end.max(start))
    }

    /// The length in bytes of line `line` of `file`, when it has one.
    pub fn line_len(&mut self, file: &Path, line: u64) -> Option<usize> {
        self.lines(file, line, line).map(str::len)
    }

    /// The part of line `line` of `file` from `EXCERPT_CONTEXT` characters
    /// before column `from` to as many after column `to` (exclusive), with
    /// `...` where the line is cut. Costs the length of the excerpt once
    /// the line has been indexed, so a thousand findings on one long line
    /// cost a thousand short excerpts.
    pub fn excerpt(&mut self, file: &Path, line: u64, from: u64, to: u64) -> Option<Excerpt> {
        let (text, starts) = self.source_mut(file)?.indexed_line(line)?;
        let chars = starts.len() as u64;
        let byte = |column: u64| -> usize {
            usize::try_from(column.saturating_sub(1))
                .ok()
                .and_then(|i| starts.get(i).copied())
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
        shown.push_str(&text[byte(first)..byte(last)]);
        let span = base + byte(from) - byte(first)
            ..base + byte(to.max(from + 1)).min(byte(last)) - byte(first);
        if last <= chars {
            shown.push_str("...");
        }
        Some(Excerpt { text: shown, span })
    }

    fn source_mut(&mut self, file: &Path) -> Option<&mut Source> {
        self.source(file)?;
        self.files.get_mut(file)?.as_mut()
    }

    /// Where `finding`'s value ends, as [`end_of`] tells, reading only the
    /// finding's own line (from the value on, for a long line).
    pub fn end_of(&mut self, finding: &Finding) -> Option<Position> {
        let line = finding.position.line;
        if finding.end.is_some() || line == 0 {
            return end_of(finding, None);
        }
        if self
            .line_len(&finding.file, line)
            .is_some_and(|n| n > LONG_LINE)
        {
            let column = finding.position.column;
            let (text, starts) = self.source_mut(&finding.file)?.indexed_line(line)?;
            let skip = usize::try_from(column.saturating_sub(1)).ok()?;
            let rest = &text[starts.get(skip).copied().unwrap_or(text.len())..];
            let mut on_line = finding.clone();
            on_line.position = Position { line: 1, column: 1 };
            return end_of(&on_line, Some(rest)).map(|end| Position {
                line,
                column: end.column + column - 1,
            });
        }
        let text = self.lines(&finding.file, line, line);
        let mut on_line = finding.clone();
        on_line.position.line = 1;
        end_of(&on_line, text).map(|end| Position {
            line: end.line + line - 1,
            column: end.column,
        })
    }
}

/// Renders `report` in `format`. `styled` adds ANSI colours to the human
/// format (the other formats are never styled).
pub fn render(report: &Report, format: Format, sources: &mut SourceCache, styled: bool) -> String {
    match format {
        Format::Human => human::render(report, sources, styled),
        Format::Json => json::render(report, sources),
        Format::Github => github::render(report, sources),
    }
}

/// The byte offset of a 1-based `line` and character `column` in `text`,
/// or `None` when the position is not in the text. A column past the end
/// of the line is clamped to the line's end.
pub fn byte_offset(text: &str, position: Position) -> Option<usize> {
    if position.line == 0 {
        return None;
    }
    let line_start = if position.line == 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(usize::try_from(position.line - 2).ok()?)?
            .0
            + 1
    };
    let line = text[line_start..].split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    let skip = usize::try_from(position.column.saturating_sub(1)).ok()?;
    let within = line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i);
    Some(line_start + within)
}

/// Where the value a finding points at ends (exclusive): the finding's
/// own `end` when it has one, else the end of the token at its position
/// in `text` (up to whitespace, a `,` or `]`, or a `:` that ends a key),
/// at least one character long. `None` for whole-file findings.
pub fn end_of(finding: &Finding, text: Option<&str>) -> Option<Position> {
    if let Some(end) = finding.end {
        return Some(end);
    }
    let start = finding.position;
    if start.is_whole_file() {
        return None;
    }
    let Some(offset) = text.and_then(|t| byte_offset(t, start)) else {
        return Some(Position {
            line: start.line,
            column: start.column + 1,
        });
    };
    let rest = &text.unwrap_or("")[offset..];
    let mut chars = 0u64;
    let mut iter = rest.chars().peekable();
    while let Some(c) = iter.next() {
        let ends_key = c == ':' && iter.peek().is_none_or(|n| n.is_whitespace());
        if c.is_whitespace() || c == ',' || c == ']' || ends_key {
            break;
        }
        chars += 1;
    }
    Some(Position {
        line: start.line,
        column: start.column + chars.max(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    #[test]
    fn byte_offsets_count_characters_not_bytes() {
        let text = "a: 1\nb: “x” y\n";
        let at = byte_offset(text, Position { line: 2, column: 5 }).unwrap();
        assert_eq!(&text[at..], "x” y\n");
    }

    #[test]
    fn a_token_ends_before_a_key_colon_but_not_inside_a_time() {
        let text = "id: x\nownr: SECAS\nstart: 10:00\n";
        let key = Finding::new(
            Code::UnknownField,
            "f",
            Position { line: 2, column: 1 },
            "m",
        );
        assert_eq!(
            end_of(&key, Some(text)),
            Some(Position { line: 2, column: 5 })
        );
        let time = Finding::new(
            Code::InvalidValue,
            "f",
            Position { line: 3, column: 8 },
            "m",
        );
        assert_eq!(
            end_of(&time, Some(text)),
            Some(Position {
                line: 3,
                column: 13
            })
        );
    }
}
