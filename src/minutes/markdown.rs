//! The minutes as Markdown. All record text goes through
//! [`crate::output::markdown`]'s escaping.

use std::fmt::Write;

use super::{MinutesView, decision_end, paragraph_list, paragraph_prefix};
use crate::output::markdown::{escape_cell, escape_inline, escape_text, table};
use crate::settings::AssessmentColumn;

/// Renders `view` as a Markdown document.
pub fn render(view: &MinutesView) -> String {
    let mut md = String::new();
    // Every field but the summaries is one line.
    let e = escape_inline;
    let _ = writeln!(md, "# {}\n", e(&view.heading()));
    let mut when = format!("**Meeting {}**", e(&view.id));
    for part in view.when() {
        when.push_str(&format!(", {}", e(&part)));
    }
    let _ = writeln!(md, "{when}\n");
    if let Some(status) = &view.status {
        let _ = writeln!(md, "Status: {}\n", e(status));
    }

    if !view.attendees.is_empty() {
        md.push_str("## Attendees\n\n");
    }
    for group in &view.attendees {
        if !group.label.is_empty() {
            let _ = writeln!(md, "### {}\n", e(&group.label));
        }
        let (header, rows) = view.attendance_table(&group.lines);
        md.push_str(&table(&header, &rows));
        md.push('\n');
    }
    if !view.apologies.is_empty() {
        md.push_str("## Apologies\n\n");
        let (header, rows) = view.apologies_table();
        md.push_str(&table(&header, &rows));
        md.push('\n');
    }
    if !view.initials.is_empty() {
        let key: Vec<String> = view
            .initials
            .iter()
            .map(|(i, name)| format!("{} {}", e(i), e(name)))
            .collect();
        let _ = writeln!(md, "Initials: {}.\n", key.join("; "));
    }

    for item in &view.items {
        let _ = writeln!(md, "## {}. {}\n", e(&item.number), e(&item.title));
        if !item.paragraphs.is_empty() {
            let _ = writeln!(md, "Paragraphs: {}\n", paragraph_list(&item.paragraphs));
        }
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
                    let columns = view.assessment_columns.iter();
                    columns
                        .map(|(column, _, _)| match column {
                            AssessmentColumn::Proposal => match &a.title {
                                Some(t) => format!("{} {t}", a.id),
                                None => a.id.clone(),
                            },
                            AssessmentColumn::Technical => a.technical.clone(),
                            AssessmentColumn::Business => a.business.clone(),
                            AssessmentColumn::EcNotification => a.ec_notification.clone(),
                            AssessmentColumn::Notes => {
                                let mut notes: Vec<String> = a.notes.iter().cloned().collect();
                                notes.extend(a.concerns.iter().map(|c| format!("Concern: {c}")));
                                notes.extend(a.remarks.iter().cloned());
                                notes.join("\n")
                            }
                            AssessmentColumn::Interest => a.interest.clone(),
                        })
                        .collect()
                })
                .collect();
            // The headings come from tsc.yaml: escaped as record text is.
            let headings: Vec<String> = view
                .assessment_columns
                .iter()
                .map(|(_, heading, _)| escape_cell(heading))
                .collect();
            let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
            md.push_str(&table(&headings, &rows));
            md.push('\n');
        }
        if !item.decisions.is_empty() {
            let _ = writeln!(md, "The {}:\n", e(&view.collective));
            let n = item.decisions.len();
            for (i, (verb, text, paragraph)) in item.decisions.iter().enumerate() {
                let _ = writeln!(
                    md,
                    "- {}**{}** {}{}",
                    paragraph_prefix(*paragraph),
                    e(verb),
                    e(text),
                    decision_end(i, n)
                );
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
