//! The report as Markdown, suitable for `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write;

use super::{Report, validation_line};
use crate::output::markdown::{escape_inline, table};

/// Renders `report` as Markdown.
pub fn render(report: &Report<'_>) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {} status report\n", escape_inline(&report.committee));
    let _ = writeln!(md, "{}\n", super::dated_line(report));
    let mark = if report.errors == 0 { "✅" } else { "❌" };
    let _ = writeln!(
        md,
        "## Validation\n\n{mark} {}\n",
        escape_inline(&validation_line(report))
    );

    let _ = writeln!(
        md,
        "## Open actions\n\n{} open, {} overdue.\n",
        report.open_count(),
        report.overdue_count()
    );
    for (owner, rows) in &report.open_by_owner {
        let _ = writeln!(md, "### {}\n", escape_inline(owner));
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.id.to_owned(),
                    r.text.to_string(),
                    r.meeting.to_owned(),
                    r.due.map_or_else(|| "-".to_owned(), |d| d.to_string()),
                    if r.overdue { "**overdue**" } else { "" }.to_owned(),
                ]
            })
            .collect();
        md.push_str(&table(
            &["ID", "Action", "Raised at", "Due", "Overdue"],
            &rows,
        ));
        md.push('\n');
    }

    if let (Some(meeting), false) = (
        report.since_last.meeting,
        report.since_last.closed.is_empty(),
    ) {
        let _ = writeln!(
            md,
            "## Since the last meeting\n\nClosed by {} ({}):\n",
            escape_inline(meeting),
            report.since_last.closed.len()
        );
        let rows: Vec<Vec<String>> = report
            .since_last
            .closed
            .iter()
            .map(|r| {
                vec![
                    r.id.to_owned(),
                    r.owner_shown.to_owned(),
                    r.text.to_string(),
                    r.status_label.to_owned(),
                    r.closed.map_or_else(|| "-".to_owned(), |d| d.to_string()),
                ]
            })
            .collect();
        md.push_str(&table(
            &["ID", "Owner", "Action", "Status", "Closed"],
            &rows,
        ));
        md.push('\n');
    }

    if !report.register.is_empty() {
        md.push_str(if report.by_interest {
            "## Modification register by interest level\n\n"
        } else {
            "## Modification register\n\n"
        });
    }
    for (level, rows) in &report.register {
        if report.by_interest {
            let _ = writeln!(md, "### {} ({})\n", escape_inline(level), rows.len());
        }
        if rows.is_empty() {
            md.push_str("None.\n\n");
            continue;
        }
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.id.to_owned(),
                    r.title.to_string(),
                    r.phase_label.unwrap_or("-").to_owned(),
                    r.last_discussed
                        .map_or_else(|| "-".to_owned(), |d| d.to_string()),
                ]
            })
            .collect();
        md.push_str(&table(&["ID", "Title", "Phase", "Last discussed"], &rows));
        md.push('\n');
    }

    md.push_str("## Recent meetings\n\n");
    let rows: Vec<Vec<String>> = report
        .recent_meetings
        .iter()
        .map(|m| {
            vec![
                m.date_text.clone().unwrap_or_else(|| "-".to_owned()),
                m.id.to_owned(),
                m.status_label.unwrap_or("-").to_owned(),
                m.attendees.to_string(),
                m.decisions.to_string(),
                m.actions_raised.to_string(),
            ]
        })
        .collect();
    md.push_str(&table(
        &[
            "Date",
            "Meeting",
            "Status",
            "Attendees",
            "Decisions",
            "Actions raised",
        ],
        &rows,
    ));
    md
}
