//! The minutes as Markdown. All record text goes through
//! [`crate::output::markdown`]'s escaping.

use std::fmt::Write;

use super::{MinutesView, decision_end, long_date};
use crate::output::markdown::{escape_cell, escape_inline, escape_text, table};

/// Renders `view` as a Markdown document.
pub fn render(view: &MinutesView) -> String {
    let mut md = String::new();
    // Every field but the summaries is one line.
    let e = escape_inline;
    let _ = writeln!(md, "# {} {} Minutes\n", e(&view.committee), e(&view.status));
    let mut when = format!("**Meeting {}**, {}", e(&view.id), long_date(view.date));
    if let Some(time) = &view.time {
        when.push_str(&format!(", {}", e(time)));
    }
    if let Some(location) = &view.location {
        when.push_str(&format!(", {}", e(location)));
    }
    let _ = writeln!(md, "{when}\n\nStatus: {}\n", e(&view.status));

    if !view.attendees.is_empty() {
        md.push_str("## Attendees\n\n");
    }
    for group in &view.attendees {
        let _ = writeln!(md, "### {}\n", e(&group.label));
        let rows: Vec<Vec<String>> = group
            .lines
            .iter()
            .map(|l| vec![l.context.clone(), l.annotated_name()])
            .collect();
        md.push_str(&table(&["Category", "Name"], &rows));
        md.push('\n');
    }
    if !view.apologies.is_empty() {
        md.push_str("## Apologies\n\n");
        let rows: Vec<Vec<String>> = view
            .apologies
            .iter()
            .map(|l| vec![l.context.clone(), l.annotated_name()])
            .collect();
        md.push_str(&table(&["Representing", "Name"], &rows));
        md.push('\n');
    }

    for item in &view.items {
        let _ = writeln!(md, "## {}. {}\n", item.number, e(&item.title));
        if let Some(by) = &item.presented_by {
            let _ = writeln!(md, "*Presented by {}.*\n", e(by));
        }
        if let Some(summary) = &item.summary {
            let _ = writeln!(md, "{}\n", escape_text(summary.trim_end()));
        }
        if !item.papers.is_empty() {
            md.push_str("Papers:\n\n");
            for paper in &item.papers {
                let _ = writeln!(md, "- {}", e(paper));
            }
            md.push('\n');
        }
        if !item.references.is_empty() {
            md.push_str("Refers to:\n\n");
            for reference in &item.references {
                let _ = writeln!(md, "- {}", e(reference));
            }
            md.push('\n');
        }
        if !item.principles.is_empty() {
            let list: Vec<String> = item.principles.iter().map(u32::to_string).collect();
            let _ = writeln!(md, "Principles dealt with: {}\n", list.join(", "));
        }
        if !item.mentions.is_empty() {
            let _ = writeln!(
                md,
                "Modification Proposals mentioned: {}\n",
                e(&item.mentions.join(", "))
            );
        }
        if !item.reviewed.is_empty() {
            md.push_str("Actions outstanding:\n\n");
            let rows: Vec<Vec<String>> = item
                .reviewed
                .iter()
                .map(|r| {
                    vec![
                        r.id.clone(),
                        r.owner.clone(),
                        r.text.clone(),
                        r.status.clone(),
                        r.note.clone(),
                    ]
                })
                .collect();
            md.push_str(&table(&["ID", "Owner", "Action", "Status", "Note"], &rows));
            md.push('\n');
        }
        if !item.assessments.is_empty() {
            let rows: Vec<Vec<String>> = item
                .assessments
                .iter()
                .map(|a| {
                    let mut notes: Vec<String> = a.notes.iter().cloned().collect();
                    notes.extend(a.concerns.iter().map(|c| format!("Concern: {c}")));
                    notes.extend(a.remarks.iter().cloned());
                    vec![
                        match &a.title {
                            Some(t) => format!("{} {t}", a.id),
                            None => a.id.clone(),
                        },
                        a.technical.clone(),
                        a.business.clone(),
                        a.ec_notification.clone(),
                        notes.join("\n"),
                        a.interest.clone(),
                    ]
                })
                .collect();
            md.push_str(&table(
                &[
                    "Modification Proposal",
                    "Impact: Technical",
                    "Impact: Business",
                    "EC Notification requirement",
                    "Notes/Concerns",
                    "Interest Level",
                ],
                &rows,
            ));
            md.push('\n');
        }
        if !item.decisions.is_empty() {
            let _ = writeln!(md, "The {}:\n", e(&view.short_name));
            let n = item.decisions.len();
            for (i, (verb, text)) in item.decisions.iter().enumerate() {
                let _ = writeln!(md, "- **{}** {}{}", e(verb), e(text), decision_end(i, n));
            }
            md.push('\n');
        }
        for action in &item.actions {
            let due = action
                .due
                .map(|d| format!(" (due {d})"))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "> **ACTION {}:** {} — {}{}\n",
                escape_cell(&action.id),
                escape_cell(&action.owner),
                escape_cell(&action.text),
                due
            );
        }
    }
    md
}
