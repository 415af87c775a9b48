//! Terminal tables, drawn by comfy-table.
//!
//! Tables fit the terminal's width when standard output is a terminal
//! (comfy-table measures it) and wrap long text cells; when output is piped
//! they use plain ASCII borders and are not wrapped unless a width is
//! given. Headers are bold only when [`TableStyle::color`] is set, which the
//! CLI does for a terminal without `NO_COLOR` (comfy-table does not check
//! `NO_COLOR` itself).

use comfy_table::{Attribute, Cell, ColumnConstraint, ContentArrangement, Table, presets};

use super::Listing;
use crate::terminal::escape_controls;

/// How to draw a table.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableStyle {
    /// Use Unicode box-drawing borders (for terminals) instead of ASCII.
    pub unicode: bool,
    /// Fit the table into this many columns; `None` lets comfy-table use
    /// the terminal width when there is a terminal, and not wrap otherwise.
    pub width: Option<u16>,
    /// Style headers (bold). Off when piped or when `NO_COLOR` is set.
    pub color: bool,
}

impl TableStyle {
    /// The style for standard output: Unicode borders and styling on a
    /// terminal, styling off when `no_color` (`NO_COLOR` is set), plain
    /// ASCII when piped.
    pub fn for_stdout(is_terminal: bool, no_color: bool, width: Option<u16>) -> TableStyle {
        TableStyle {
            unicode: is_terminal,
            width,
            color: is_terminal && !no_color,
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
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if style.color {
        table.set_header(
            header
                .iter()
                .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
        );
    } else {
        table.set_header(header.iter().copied());
    }
    table
}

/// Columns whose values are never wrapped (IDs and dates).
const UNWRAPPED: [&str; 6] = ["id", "date", "due", "meeting", "raised_at", "status_shown"];

/// Narrowest a text column is squeezed to: its longest word, up to this
/// many characters, so ordinary words and IDs are not broken in the middle.
const WORD_FLOOR: usize = 11;

/// Any [`Listing`] as a table; missing values are `-`, lists are joined
/// with `, `. ID and date columns keep their content width; other columns
/// wrap, but are never narrower than their longest word (up to
/// [`WORD_FLOOR`] characters).
pub fn listing_table(listing: &Listing, style: TableStyle) -> String {
    let headers: Vec<&str> = listing.columns.iter().map(|c| c.header).collect();
    let mut table = new_table(style, &headers);
    let cells: Vec<Vec<String>> = listing
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| terminal_safe(&v.display(", ").unwrap_or_else(|| "-".to_owned())))
                .collect()
        })
        .collect();
    // Each column's floor: the content width of ID and date columns, the
    // longest word (up to WORD_FLOOR) of the others; `None` = content width.
    let mut floors: Vec<(usize, bool)> = listing
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let words = cells
                .iter()
                .filter_map(|row| row.get(i))
                .map(String::as_str)
                .chain(std::iter::once(column.header));
            if UNWRAPPED.contains(&column.key) {
                let widest = words.flat_map(str::lines).map(|l| l.chars().count()).max();
                (widest.unwrap_or(1), true)
            } else {
                let longest = words
                    .flat_map(str::split_whitespace)
                    .map(|word| word.chars().count())
                    .max();
                (longest.unwrap_or(1).min(WORD_FLOOR), false)
            }
        })
        .collect();
    // When the floors alone would overflow the width, lower the widest
    // text floors first: breaking a word beats breaking the table.
    if let Some(width) = table.width() {
        let total = |f: &[(usize, bool)]| f.iter().map(|(w, _)| w + 3).sum::<usize>() + 1;
        while total(&floors) > usize::from(width) {
            let Some(widest) = floors
                .iter_mut()
                .filter(|(w, fixed)| !fixed && *w > 3)
                .max_by_key(|(w, _)| *w)
            else {
                break;
            };
            widest.0 -= 1;
        }
    }
    for (i, (floor, fixed)) in floors.into_iter().enumerate() {
        let Some(c) = table.column_mut(i) else {
            continue;
        };
        c.set_constraint(if fixed {
            ColumnConstraint::ContentWidth
        } else {
            // comfy-table counts the one-space padding on each side.
            let floor = u16::try_from(floor + 2).unwrap_or(u16::MAX);
            ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(floor))
        });
    }
    for row in cells {
        table.add_row(row);
    }
    table.to_string()
}

/// Longest run of non-blank characters handed to comfy-table in one piece.
/// Its wrapping of a single long word takes time quadratic in the word's
/// length (a 100,000-character word took minutes), so longer words are cut
/// into lines of this length first; a table cell is narrower anyway.
const LONGEST_WORD: usize = 40;

/// Record text made safe for a terminal: control characters other than
/// line breaks (escape sequences, bell, backspace) are shown escaped
/// (`\u{1b}`) instead of being sent to the terminal, and words longer than
/// [`LONGEST_WORD`] are cut into lines.
fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        if c == '\n' || c == ' ' {
            run = 0;
            out.push(c);
            continue;
        }
        if run == LONGEST_WORD {
            out.push('\n');
            run = 0;
        }
        out.push_str(&escape_controls(c.encode_utf8(&mut [0; 4])));
        run += 1;
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
}
