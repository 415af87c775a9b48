//! Terminal tables, drawn by comfy-table.
//!
//! Tables fit the terminal's width when standard output is a terminal
//! (comfy-table measures it) and wrap long text cells; when output is piped
//! they use plain ASCII borders and are not wrapped unless a width is
//! given. Headers are bold only when [`TableStyle::color`] is set, which the
//! CLI decides once for every command (`--color`, `NO_COLOR`, `CLICOLOR`,
//! `CLICOLOR_FORCE`, `TERM`); comfy-table is told, not asked.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, TableComponent, presets};

use super::{Listing, Value};
use crate::columns::{self, ColumnNeeds};
use crate::terminal::escape_controls;

/// How to draw a table.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableStyle {
    /// Use Unicode box-drawing borders (for terminals) instead of ASCII.
    pub(crate) unicode: bool,
    /// Fit the table into this many columns; `None` lets comfy-table use
    /// the terminal width when there is a terminal, and not wrap otherwise.
    pub(crate) width: Option<u16>,
    /// Style headers (bold), on a terminal or not.
    pub(crate) color: bool,
}

impl TableStyle {
    /// The style for standard output: Unicode borders on a terminal, plain
    /// ASCII when piped; styling unless `no_color` (the CLI's one colour
    /// decision, `--color` and the environment, says no).
    pub fn for_stdout(is_terminal: bool, no_color: bool, width: Option<u16>) -> TableStyle {
        TableStyle {
            unicode: is_terminal,
            width,
            color: !no_color,
        }
    }
}

fn new_table(style: TableStyle, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_preset(if style.unicode {
        presets::UTF8_FULL_CONDENSED
    } else {
        presets::ASCII_FULL_CONDENSED
    });
    if !style.unicode {
        // The preset draws the header rule's junctions as `=`.
        table.set_style(TableComponent::MiddleHeaderIntersections, '+');
    }
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = style.width {
        table.set_width(width);
    }
    table.set_header(header.iter().copied());
    table
}

/// The vertical lines of both presets.
const VERTICALS: [char; 3] = ['|', '│', '┆'];

/// `rendered` with its header's text in bold (SGR 1). comfy-table is built
/// without its terminal feature (and crossterm), so the header is styled
/// here, after the layout, where escape codes cannot upset the widths: the
/// lines above the header rule, between their vertical lines.
fn bold_header(rendered: &str) -> String {
    let bold = anstyle::Style::new().bold();
    let mut out = String::with_capacity(rendered.len() + 64);
    let mut in_header = false;
    for (n, line) in rendered.split_inclusive('\n').enumerate() {
        // Line 0 is the top border; the header runs to the header rule.
        in_header = (n == 1 || in_header) && line.starts_with(VERTICALS);
        if !in_header {
            out.push_str(line);
            continue;
        }
        let mut cell = String::new();
        let flush = |cell: &mut String, out: &mut String| {
            let text = cell.trim();
            if text.is_empty() {
                out.push_str(cell);
            } else {
                let start = cell.len() - cell.trim_start().len();
                let end = start + text.len();
                out.push_str(&format!(
                    "{}{bold}{text}{bold:#}{}",
                    &cell[..start],
                    &cell[end..]
                ));
            }
            cell.clear();
        };
        for c in line.chars() {
            if VERTICALS.contains(&c) || c == '\n' {
                flush(&mut cell, &mut out);
                out.push(c);
            } else {
                cell.push(c);
            }
        }
        flush(&mut cell, &mut out);
    }
    out
}

/// Columns whose values are never wrapped (IDs and dates); columns of
/// numbers and dates only are never wrapped either.
const UNWRAPPED: [&str; 6] = ["id", "date", "due", "meeting", "raised_at", "status_shown"];

/// Any [`Listing`] as a table; missing values are `-`, lists are joined
/// with `, `. Column widths come from [`columns::fit`]: IDs, dates and
/// numbers keep their content width, text columns share the rest and are
/// never narrower than their longest word (up to [`columns::WORD_FLOOR`]
/// characters); headers are abbreviated rather than broken.
pub(crate) fn listing_table(listing: &Listing, style: TableStyle) -> String {
    let cells: Vec<Vec<String>> = listing
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| terminal_safe(&v.display(", ").unwrap_or_else(|| "-".to_owned())))
                .collect()
        })
        .collect();
    let width_of = |s: &str| s.chars().count();
    let needs: Vec<ColumnNeeds> = listing
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let values = || {
                cells
                    .iter()
                    .filter_map(|row| row.get(i))
                    .map(String::as_str)
            };
            let numeric = listing.rows.iter().all(|row| {
                matches!(
                    row.get(i),
                    Some(Value::Int(_) | Value::Date(_) | Value::Null) | None
                )
            });
            let fixed = numeric || UNWRAPPED.contains(&column.key);
            // In text, long hyphenated words count as the parts they
            // break into; IDs are never broken.
            let broken: Vec<String> = values()
                .map(|v| {
                    if fixed {
                        v.to_owned()
                    } else {
                        columns::break_at_hyphens(v, columns::WORD_FLOOR)
                    }
                })
                .collect();
            let content = broken
                .iter()
                .flat_map(|v| v.lines())
                .map(width_of)
                .max()
                .unwrap_or(1);
            let longest_word = broken
                .iter()
                .flat_map(|v| v.split_whitespace())
                .map(width_of)
                .max()
                .unwrap_or(1);
            let header_word = column.header.split(' ').map(width_of).max().unwrap_or(1);
            ColumnNeeds {
                fixed,
                content,
                longest_word,
                header_word,
                header: width_of(column.header),
                ids: listing
                    .rows
                    .iter()
                    .any(|row| matches!(row.get(i), Some(Value::List(_)))),
            }
        })
        .collect();
    let total = style.width.map(usize::from).or_else(|| {
        (style.unicode)
            .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
            .flatten()
    });
    let widths = columns::fit(&needs, total);
    let headers: Vec<String> = listing
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, &w)| columns::abbreviate(c.header, w))
        .collect();
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut table = new_table(style, &header_refs);
    if total.is_some() {
        for (i, &w) in widths.iter().enumerate() {
            if let Some(c) = table.column_mut(i) {
                // comfy-table counts the one-space padding on each side.
                let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
                c.set_constraint(ColumnConstraint::Absolute(comfy_table::Width::Fixed(w)));
            }
        }
    }
    for row in cells {
        table.add_row(row.iter().zip(&widths).zip(&needs).map(|((cell, &w), n)| {
            if n.fixed {
                cell.clone()
            } else {
                columns::break_at_hyphens(cell, w)
            }
        }));
    }
    let rendered = table.to_string();
    if style.color {
        bold_header(&rendered)
    } else {
        rendered
    }
}

/// Longest run of non-blank characters handed to comfy-table in one piece.
/// Its wrapping of a single long word takes time quadratic in the word's
/// length (a 100,000-character word took minutes), so longer words are cut
/// into lines of this length first; a table cell is narrower anyway.
const LONGEST_WORD: usize = 40;

/// Longest line of a cell handed to comfy-table, in characters; a longer
/// line is broken at the first space past it. comfy-table measures widths
/// in `u16`, and a piped table (not wrapped) with a line of more than
/// 65,535 characters made it split that line word by word, in time
/// quadratic in the line's length: an action whose text was one line of
/// 66 kB took 2.5 s, and one of 1 MB (within the file size limit) 38 s.
const LONGEST_LINE: usize = 10_000;

/// Record text made safe for a terminal: control characters other than
/// line breaks (escape sequences, bell, backspace) are shown escaped
/// (`\u{1b}`) instead of being sent to the terminal, words longer than
/// [`LONGEST_WORD`] are cut into lines, and lines longer than
/// [`LONGEST_LINE`] are broken at a space.
fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    let mut line = 0;
    for c in text.chars() {
        if c == '\n' {
            run = 0;
            line = 0;
            out.push(c);
            continue;
        }
        if c == ' ' {
            run = 0;
            if line >= LONGEST_LINE {
                line = 0;
                out.push('\n');
            } else {
                line += 1;
                out.push(c);
            }
            continue;
        }
        if run == LONGEST_WORD {
            out.push('\n');
            run = 0;
            line = 0;
        }
        out.push_str(&escape_controls(c.encode_utf8(&mut [0; 4])));
        run += 1;
        line += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn control_characters_are_escaped_and_long_words_cut() {
        assert_eq!(
            terminal_safe("a\u{1b}]0;x\u{7}b\nc"),
            "a\\u{1b}]0;x\\u{7}b\nc"
        );
        let word = "x".repeat(100);
        let cut = terminal_safe(&word);
        assert_eq!(cut.lines().map(str::len).collect::<Vec<_>>(), [40, 40, 20]);
        assert_eq!(terminal_safe("ordinary words stay"), "ordinary words stay");
    }

    #[test]
    fn a_line_longer_than_comfy_tables_u16_width_is_broken_at_a_space() {
        // 13,200 words: one line of 66,000 characters, past u16::MAX.
        let text = vec!["word"; 13_200].join(" ");
        let safe = terminal_safe(&text);
        let lines: Vec<&str> = safe.lines().collect();
        // Broken at the first space past 10,000 characters: lines of
        // 2,001 words (10,004 characters), the last of the 1,194 left.
        assert_eq!(lines.len(), 7);
        assert!(lines[..6].iter().all(|l| l.len() == 10_004));
        assert_eq!(lines[6].len(), 1_194 * 5 - 1);
        // Nothing is lost: the line breaks stand where spaces were.
        assert_eq!(safe.replace('\n', " "), text);
        // A line break in the text starts the count again.
        let two = format!("{}\n{}", "a ".repeat(4_000), "b ".repeat(4_000));
        assert_eq!(terminal_safe(&two), two);
    }
}
