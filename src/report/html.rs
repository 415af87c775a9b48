//! The report as one self-contained HTML page with two inline SVG charts.

use maud::{Markup, PreEscaped, html};

use super::{Report, validation_line};
use crate::chart;
use crate::output::html::page;

fn svg(result: Result<String, String>) -> Markup {
    match result {
        Ok(svg) => html! { figure { (PreEscaped(svg)) } },
        Err(error) => html! { p.muted { "Chart not drawn: " (error) } },
    }
}

fn body(report: &Report<'_>) -> Markup {
    let bars: Vec<(String, usize)> = report
        .register
        .iter()
        .map(|(level, rows)| (level.clone(), rows.len()))
        .collect();
    html! {
        h1 { (report.committee) " status report" }
        p.muted { (super::dated_line(report)) }
        h2 { "Validation" }
        p class=(if report.errors == 0 { "ok" } else { "bad" }) { (validation_line(report)) }
        h2 { "Open actions" }
        p { (report.open_count()) " open, " (report.overdue_count()) " overdue." }
        (svg(chart::open_actions_over_time(&report.open_over_time)))
        @for (owner, rows) in &report.open_by_owner {
            h3 { (owner) }
            // One fixed layout for every owner's table, so that the
            // columns line up from one table to the next.
            table.fixed {
                colgroup { col style="width:12%"; col style="width:48%"; col style="width:17%"; col style="width:13%"; col style="width:10%"; }
                thead { tr { th { "ID" } th { "Action" } th { "Raised at" } th { "Due" } th { "Overdue" } } }
                tbody { @for r in rows {
                    tr class=[r.overdue.then_some("overdue")] {
                        td.date { (r.id) } td { (r.text) } td { (r.meeting) }
                        td.date { (r.due.map_or_else(|| "-".to_owned(), |d| d.to_string())) }
                        td { @if r.overdue { "overdue" } }
                    }
                } }
            }
        }
        @if let (Some(meeting), false) = (report.since_last.meeting, report.since_last.closed.is_empty()) {
            h2 { "Since the last meeting" }
            p { "Closed by " (meeting) " (" (report.since_last.closed.len()) "):" }
            table {
                thead { tr { th { "ID" } th { "Owner" } th { "Action" } th { "Status" } th { "Closed" } } }
                tbody { @for r in &report.since_last.closed {
                    tr {
                        td { (r.id) } td { (r.owner_shown) } td { (r.text) } td { (r.status_label) }
                        td { (r.closed.map_or_else(|| "-".to_owned(), |d| d.to_string())) }
                    }
                } }
            }
        }
        @if report.by_interest {
            h2 { "Modification register by interest level" }
            (svg(chart::proposals_by_interest(&bars)))
        } @else if !report.register.is_empty() {
            h2 { "Modification register" }
        }
        @for (level, rows) in &report.register {
            @if report.by_interest { h3 { (level) " (" (rows.len()) ")" } }
            @if rows.is_empty() { p.muted { "None." } } @else {
                table.fixed {
                    colgroup { col style="width:14%"; col style="width:54%"; col style="width:18%"; col style="width:14%"; }
                    thead { tr { th { "ID" } th { "Title" } th { "Phase" } th { "Last discussed" } } }
                    tbody { @for r in rows { tr {
                        td.date { (r.id) } td { (r.title) } td { (r.phase_label.unwrap_or("-")) }
                        td.date { (r.last_discussed.map_or_else(|| "-".to_owned(), |d| d.to_string())) }
                    } } }
                }
            }
        }
        h2 { "Recent meetings" }
        table {
            thead { tr { th { "Date" } th { "Meeting" } th { "Status" } th { "Attendees" } th { "Decisions" } th { "Actions raised" } } }
            tbody { @for m in &report.recent_meetings { tr {
                td.date { (m.date_text.as_deref().unwrap_or("-")) } td.date { (m.id) } td { (m.status_label.unwrap_or("-")) }
                td { (m.attendees) } td { (m.decisions) } td { (m.actions_raised) }
            } } }
        }
    }
}

/// Renders `report` as a complete, self-contained HTML page.
pub fn render(report: &Report<'_>) -> String {
    page(&format!("{} status report", report.committee), body(report))
}
