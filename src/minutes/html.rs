//! The minutes as one self-contained HTML page. maud escapes every piece of
//! record text.

use maud::{Markup, html};

use super::{MinutesView, decision_end, paragraph_list, paragraph_prefix};
use crate::settings::AssessmentColumn;

/// An attendance or apologies table from its header and rows.
fn people_table((header, rows): (Vec<&'static str>, Vec<Vec<String>>)) -> Markup {
    html! {
        table {
            thead { tr { @for h in &header { th { (h) } } } }
            tbody { @for row in &rows { tr { @for cell in row { td { (cell) } } } } }
        }
    }
}
use crate::output::html::{page, paragraphs};

fn body(view: &MinutesView) -> Markup {
    html! {
        h1 { (view.heading()) }
        p {
            strong { "Meeting " (view.id) }
            @for part in view.when() { ", " (part) }
        }
        @if let Some(status) = &view.status { p { "Status: " (status) } }
        @if !view.attendees.is_empty() { h2 { "Attendees" } }
        @for group in &view.attendees {
            @if !group.label.is_empty() { h3 { (group.label) } }
            (people_table(view.attendance_table(&group.lines)))
        }
        @if !view.apologies.is_empty() {
            h2 { "Apologies" }
            (people_table(view.apologies_table()))
        }
        @if !view.initials.is_empty() {
            p { "Initials: "
                @for (i, (initials, name)) in view.initials.iter().enumerate() {
                    @if i > 0 { "; " }
                    (initials) " " (name)
                }
                "."
            }
        }
        @for item in &view.items {
            section {
                h2 { (item.number) ". " (item.title) }
                @if !item.paragraphs.is_empty() {
                    p.muted { "Paragraphs: " (paragraph_list(&item.paragraphs)) }
                }
                @if let Some(by) = &item.presented_by { p.muted { "Presented by " (by) "." } }
                @if let Some(summary) = &item.summary { (paragraphs(summary)) }
                @if !item.papers.is_empty() {
                    p { "Papers:" }
                    ul { @for paper in &item.papers { li { (paper) } } }
                }
                @if !item.references.is_empty() {
                    p { "Refers to:" }
                    ul { @for r in &item.references { li { (r) } } }
                }
                @if !item.principles.is_empty() {
                    p { "Principles dealt with: "
                        (item.principles.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")) }
                }
                @if !item.mentions.is_empty() {
                    p { "Modification Proposals mentioned: " (item.mentions.join(", ")) }
                }
                @if !item.reviewed.is_empty() {
                    p { "Actions outstanding:" }
                    table.reviewed {
                        thead { tr { th { "ID" } th { "Owner" } th { "Action" } th { "Status" } th { "Note" } } }
                        tbody { @for r in &item.reviewed { tr {
                            td { (r.id) } td { (r.owner) } td { (r.text) } td { (r.status) } td { (r.note) }
                        } } }
                    }
                }
                @if !item.assessments.is_empty() {
                    // Each column's share of the width: TSC's, with that of a
                    // column left out given to the notes (AssessmentColumns::shown).
                    table.assessments.fixed {
                        colgroup {
                            @for (_, _, width) in &view.assessment_columns {
                                col style=(format!("width:{width}%"));
                            }
                        }
                        thead { tr {
                            @for (_, heading, _) in &view.assessment_columns { th { (heading) } }
                        } }
                        tbody { @for a in &item.assessments { tr {
                            @for (column, _, _) in &view.assessment_columns {
                                @match column {
                                    AssessmentColumn::Proposal => td { strong { (a.id) } @if let Some(t) = &a.title { br; (t) } },
                                    AssessmentColumn::Technical => td { (a.technical) },
                                    AssessmentColumn::Business => td { (a.business) },
                                    AssessmentColumn::EcNotification => td { (a.ec_notification) },
                                    AssessmentColumn::Notes => td {
                                        @if let Some(notes) = &a.notes { (paragraphs(notes)) }
                                        @if !a.concerns.is_empty() {
                                            p { (if a.concerns.len() == 1 { "Concern:" } else { "Concerns:" }) }
                                            ul { @for c in &a.concerns { li { (c) } } }
                                        }
                                        @for r in &a.remarks { p { (r) } }
                                    },
                                    AssessmentColumn::Interest => td { (a.interest) },
                                }
                            }
                        } } }
                    }
                }
                @if !item.decisions.is_empty() {
                    p { "The " (view.collective) ":" }
                    ul.decision {
                        @for (i, (verb, text, paragraph)) in item.decisions.iter().enumerate() {
                            li { (paragraph_prefix(*paragraph)) strong { (verb) } " " (text) (decision_end(i, item.decisions.len())) }
                        }
                    }
                }
                @for action in &item.actions {
                    p.action {
                        strong { "ACTION " (action.id) ":" } " " (action.owner) " — " (action.text)
                        @if let Some(due) = action.due { " (due " (due.to_string()) ")" }
                    }
                }
            }
        }
    }
}

/// Renders `view` as a complete HTML page.
pub fn render(view: &MinutesView) -> String {
    page(
        &match &view.status {
            Some(status) => format!("{} {status} Minutes {}", view.short_name, view.id),
            None => format!("{} Minutes {}", view.short_name, view.id),
        },
        body(view),
    )
}
