//! Terminal tables, drawn by comfy-table.
//!
//! Tables fit the terminal's width when standard output is a terminal
//! (comfy-table measures it) and wrap long text cells; when output is piped
//! they use plain ASCII borders and are not wrapped unless a width is
//! given.

use comfy_table::{ContentArrangement, Table, presets};

use crate::actions::ActionRow;

/// How to draw a table.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableStyle {
    /// Use Unicode box-drawing borders (for terminals) instead of ASCII.
    pub unicode: bool,
    /// Fit the table into this many columns; `None` lets comfy-table use
    /// the terminal width when there is a terminal, and not wrap otherwise.
    pub width: Option<u16>,
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
    table.set_header(header.iter().copied());
    table
}

/// The action log as a table: ID, owner, action text, the raising meeting
/// and its date, due date and status.
pub fn actions_table(rows: &[ActionRow<'_>], style: TableStyle) -> String {
    let mut table = new_table(style, &["ID", "Owner", "Action", "Raised", "Due", "Status"]);
    for row in rows {
        let raised = match row.raised {
            Some(date) => format!("{}\n{date}", row.meeting),
            None => row.meeting.to_owned(),
        };
        let due = row.due.map_or_else(|| "-".to_owned(), |d| d.to_string());
        table.add_row(vec![
            row.id.to_owned(),
            row.owner.to_owned(),
            row.text.to_owned(),
            raised,
            due,
            row.status.to_owned(),
        ]);
    }
    table.to_string()
}
