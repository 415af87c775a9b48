//! Rendering findings for people and machines.
//!
//! - [`human`]: rustc-style diagnostics (annotate-snippets): code, message,
//!   `--> path:line:column`, the source line with the value underlined,
//!   second labels at related places, and a `help:` line;
//! - [`json`]: one JSON document with one stable object per finding
//!   (documented in `docs/rules.md`, "Output formats");
//! - [`github`]: GitHub Actions workflow commands (`::error file=...::...`).
//!
//! Every format renders from the text the loader kept ([`Sources`]) and
//! never reads a file again; all three agree on where a value ends, the
//! end of its span.

pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;

use crate::finding::{Finding, Position};
use crate::source::Sources;
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

/// Renders `report` in `format`. `styled` adds ANSI colours to the human
/// format (the other formats are never styled).
pub fn render(report: &Report, format: Format, sources: &Sources, styled: bool) -> String {
    match format {
        Format::Human => human::render(report, sources, styled),
        Format::Json => json::render(report),
        Format::Github => github::render(report),
    }
}

/// The byte offset of a 1-based `line` and character `column` in `text`,
/// or `None` when the position is not in the text. A column past the end
/// of the line is clamped to the line's end.
pub(crate) fn byte_offset(text: &str, position: Position) -> Option<usize> {
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

/// Where the value a finding points at ends (exclusive): the end of its
/// span as the loader or the rule recorded it, else one character past
/// its start. `None` for whole-file findings.
pub(crate) fn end_of(finding: &Finding) -> Option<Position> {
    if let Some(end) = finding.end {
        return Some(end);
    }
    let start = finding.position;
    if start.is_whole_file() {
        return None;
    }
    Some(Position {
        line: start.line,
        column: start.column + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_count_characters_not_bytes() {
        let text = "a: 1\nb: “x” y\n";
        let at = byte_offset(text, Position { line: 2, column: 5 }).unwrap();
        assert_eq!(&text[at..], "x” y\n");
    }
}
