//! Terminal tables, drawn by comfy-table.
//!
//! Tables fit the terminal's width when standard output is a terminal
//! (comfy-table measures it) and wrap long text cells; when output is piped
//! they use plain ASCII borders and are not wrapped unless a width is
//! given. Headers are bold only when [`TableStyle::color`] is set, which the
//! CLI does for a terminal without `NO_COLOR` (comfy-table does not check
//! `NO_COLOR` itself).

use comfy_table::{Attribute, Cell, ColumnConstraint, ContentArrangement, Table, presets};

use crate::output::Listing;

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

/// Any [`Listing`] as a table; missing values are `-`, lists are joined
/// with `, `. ID and date columns keep their content width; text columns
/// wrap.
pub fn listing_table(listing: &Listing, style: TableStyle) -> String {
    let headers: Vec<&str> = listing.columns.iter().map(|c| c.header).collect();
    let mut table = new_table(style, &headers);
    for (i, column) in listing.columns.iter().enumerate() {
        if UNWRAPPED.contains(&column.key)
            && let Some(c) = table.column_mut(i)
        {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    for row in &listing.rows {
        table.add_row(
            row.iter()
                .map(|v| v.display(", ").unwrap_or_else(|| "-".to_owned())),
        );
    }
    table.to_string()
}
