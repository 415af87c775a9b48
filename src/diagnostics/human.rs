//! The human format: each finding as rustc renders an error, then a
//! one-line summary.
//!
//! ```text
//! error[E0103]: unknown owner `SECSA`
//!  --> records/actions/TSC07-02.yaml:5:8
//!   |
//! 5 | owner: SECSA
//!   |        ^^^^^ unknown-owner
//!   |
//!   = help: did you mean `SECAS`?
//! ```
//!
//! The primary label under the value is the rule's name; related places
//! (the first definition of a duplicate ID, ...) get secondary labels, in
//! the same snippet when they are in the same file.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{byte_offset, end_of};
use crate::escape;
use crate::finding::{Finding, Position, Related, Severity};
use crate::source::{LONG_LINE, Sources};
use crate::terminal::escape_controls;
use crate::validate::Report;

/// Width the renderer trims long source lines to.
const WIDTH: usize = 80;

/// Renders every finding of `report`, then the summary line.
pub(crate) fn render(report: &Report, sources: &Sources, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(WIDTH);
    let mut out = String::new();
    for finding in &report.findings {
        out.push_str(&render_one(finding, sources, &renderer));
        out.push_str("\n\n");
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

/// How many lines apart a related label may be to share the finding's
/// snippet.
const NEARBY_LINES: u64 = 6;

/// One finding, rendered without a trailing newline.
pub(crate) fn render_one(finding: &Finding, sources: &Sources, renderer: &Renderer) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(escape_controls(&finding.message))
        .id(finding.code.code());
    let primary_path = escape::path(&finding.file);
    // Snippets of other files; declared before `group`, which borrows them.
    let mut others: Vec<(&Related, String, std::ops::Range<usize>)> = Vec::new();
    let mut group = Group::with_title(title);
    // Only the lines the labels stand on are handed to the renderer, so a
    // finding costs the same however long its file is.
    let end = end_of(finding);
    // A related place a few lines away shares the primary snippet; one
    // further off gets a snippet of its own, as one in another file does.
    let same_file = |r: &&Related| {
        r.file == finding.file
            && !r.position.is_whole_file()
            && r.position.line.abs_diff(finding.position.line) <= NEARBY_LINES
    };
    let lines = std::iter::once(finding.position.line)
        .chain(end.map(|e| e.line))
        .chain(
            finding
                .related
                .iter()
                .filter(same_file)
                .map(|r| r.position.line),
        )
        .filter(|line| *line > 0);
    let first = lines.clone().min().unwrap_or(0);
    let last = lines.max().unwrap_or(0);
    let line = finding.position.line;
    let long = line > 0
        && sources
            .line_len(&finding.file, line)
            .is_some_and(|n| n > LONG_LINE);
    if long {
        // A long line (a one-line file of a thousand items) is shown as an
        // excerpt around the value, and related places as notes, so each
        // finding costs the same however long the line is.
        let to = end
            .filter(|e| e.line == line)
            .map_or(finding.position.column + 1, |e| e.column);
        group = group.element(
            Origin::path(primary_path)
                .line(usize::try_from(line).unwrap_or(1))
                .char_column(usize::try_from(finding.position.column).unwrap_or(1)),
        );
        let excerpt = sources.excerpt(&finding.file, line, finding.position.column, to);
        if let Some(excerpt) = &excerpt {
            group = group.element(
                Snippet::source(escape::source_line(&excerpt.text))
                    .line_start(usize::try_from(line).unwrap_or(1))
                    .annotation(
                        AnnotationKind::Primary
                            .span(excerpt.span.clone())
                            .label(finding.code.name()),
                    ),
            );
        }
        for related in &finding.related {
            group = group.element(Level::NOTE.message(note(related)));
        }
        if let Some(help) = &finding.help {
            group = group.element(Level::HELP.message(escape_controls(help)));
        }
        // The excerpt has no path of its own (the origin above gives the
        // true column), so the renderer's empty `:::` line is dropped.
        let rendered = renderer.render(&[group]);
        return rendered
            .lines()
            .filter(|l| !is_empty_origin(l))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let primary_text: Option<String> = if finding.position.is_whole_file() {
        None
    } else {
        sources
            .lines(&finding.file, first, last)
            .map(|t| escape::source_line(t).into_owned())
    };
    let shift = |p: Position| Position {
        line: p.line + 1 - first,
        column: p.column,
    };
    let primary_span = primary_text
        .as_deref()
        .and_then(|t| span(t, shift(finding.position), end.map(shift)));
    let mut notes = Vec::new();
    match (primary_text.as_deref(), primary_span) {
        (Some(text), Some(range)) => {
            let mut snippet = Snippet::source(text)
                .line_start(usize::try_from(first).unwrap_or(1))
                .path(primary_path)
                .annotation(
                    AnnotationKind::Primary
                        .span(range)
                        .label(finding.code.name()),
                );
            for related in &finding.related {
                if same_file(&related) {
                    if let Some(range) = span(text, shift(related.position), related.end.map(shift))
                    {
                        snippet = snippet.annotation(
                            AnnotationKind::Context
                                .span(range)
                                .label(related.label.as_str()),
                        );
                        continue;
                    }
                } else if !related.position.is_whole_file() {
                    let line = related.position.line;
                    let other = sources
                        .lines(&related.file, line, line)
                        .map(|t| escape::source_line(t).into_owned());
                    let on_line = |p: Position| Position {
                        line: p.line + 1 - line,
                        column: p.column,
                    };
                    let end = related.end.filter(|e| e.line == line).map(on_line);
                    if let Some((text, range)) =
                        other.and_then(|t| span(&t, on_line(related.position), end).map(|r| (t, r)))
                    {
                        others.push((related, text, range));
                        continue;
                    }
                }
                notes.push(note(related));
            }
            group = group.element(snippet);
            for (related, text, range) in &others {
                group = group.element(
                    Snippet::source(text.as_str())
                        .line_start(usize::try_from(related.position.line).unwrap_or(1))
                        .path(escape::path(&related.file))
                        .annotation(
                            AnnotationKind::Context
                                .span(range.clone())
                                .label(related.label.as_str()),
                        ),
                );
            }
        }
        _ => {
            let mut origin = Origin::path(primary_path);
            if !finding.position.is_whole_file() {
                origin = origin
                    .line(finding.position.line as usize)
                    .char_column(finding.position.column as usize);
            }
            group = group.element(origin);
            notes.extend(finding.related.iter().map(note));
        }
    }
    for n in notes {
        group = group.element(Level::NOTE.message(n));
    }
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.message(escape_controls(help)));
    }
    renderer.render(&[group])
}

/// Whether a rendered line is an origin marker `:::` with no path,
/// styled or not.
fn is_empty_origin(line: &str) -> bool {
    let mut parts = line.split('\u{1b}');
    let mut plain = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        plain.push_str(part.split_once('m').map_or(part, |(_, rest)| rest));
    }
    plain.trim() == ":::"
}

fn note(related: &Related) -> String {
    if related.position.is_whole_file() {
        format!("{}: {}", related.label, escape::path(&related.file))
    } else {
        format!(
            "{}: {}:{}:{}",
            related.label,
            escape::path(&related.file),
            related.position.line,
            related.position.column
        )
    }
}

/// The byte range from `start` to `end` (or one character), when `start`
/// is in `text`.
fn span(text: &str, start: Position, end: Option<Position>) -> Option<std::ops::Range<usize>> {
    let from = byte_offset(text, start)?;
    let to = end
        .and_then(|end| byte_offset(text, end))
        .unwrap_or(from)
        .max(from);
    Some(from..to.max(from + usize::from(from < text.len())))
}

/// `2 errors: 1 meeting, 16 modification proposals, ...`, or `ok: ...`;
/// warnings are counted after the errors (`no errors, 1 warning: ...`).
pub(crate) fn summary_line(report: &Report) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let errors = report.error_count();
    let warnings = report.warning_count();
    let status = match (errors, warnings) {
        (0, 0) => "ok".to_owned(),
        (0, w) => format!("no errors, {}", plural(w, "warning")),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    format!("{status}: {}", report.summary.counts())
}
