//! The minutes as one self-contained HTML page. maud escapes every piece of
//! record text.

use maud::{Markup, html};

use super::{MinutesView, decision_end, long_date};
use crate::output::html::{page, paragraphs};

fn body(view: &MinutesView) -> Markup {
    html! {
        h1 { (view.committee) " " (view.status) " Minutes" }
        p {
            strong { "Meeting " (view.id) } ", " (long_date(view.date))
            @if let Some(time) = &view.time { ", " (time) }
            @if let Some(location) = &view.location { ", " (location) }
        }
        p { "Status: " (view.status) }
        @if !view.attendees.is_empty() { h2 { "Attendees" } }
        @for group in &view.attendees {
            h3 { (group.label) }
            table {
                thead { tr { th { "Category" } th { "Name" } } }
                tbody { @for l in &group.lines { tr { td { (l.context) } td { (l.annotated_name()) } } } }
            }
        }
        @if !view.apologies.is_empty() {
            h2 { "Apologies" }
            table {
                thead { tr { th { "Representing" } th { "Name" } } }
                tbody { @for l in &view.apologies { tr { td { (l.context) } td { (l.annotated_name()) } } } }
            }
        }
        @for item in &view.items {
            section {
                h2 { (item.number) ". " (item.title) }
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
                    // Notes/Concerns takes half the width; the short
                    // columns share the rest.
                    table.assessments.fixed {
                        colgroup {
                            col style="width:17%"; col style="width:9%"; col style="width:9%";
                            col style="width:10%"; col style="width:45%"; col style="width:10%";
                        }
                        thead { tr {
                            th { "Modification Proposal" } th { "Impact: Technical" }
                            th { "Impact: Business" } th { "EC Notification requirement" }
                            th { "Notes/Concerns" } th { "Interest Level" }
                        } }
                        tbody { @for a in &item.assessments { tr {
                            td { strong { (a.id) } @if let Some(t) = &a.title { br; (t) } }
                            td { (a.technical) } td { (a.business) } td { (a.ec_notification) }
                            td {
                                @if let Some(notes) = &a.notes { (paragraphs(notes)) }
                                @if !a.concerns.is_empty() {
                                    p { "Concerns:" }
                                    ul { @for c in &a.concerns { li { (c) } } }
                                }
                                @for r in &a.remarks { p { (r) } }
                            }
                            td { (a.interest) }
                        } } }
                    }
                }
                @if !item.decisions.is_empty() {
                    p { "The " (view.short_name) ":" }
                    ul.decision {
                        @for (i, (verb, text)) in item.decisions.iter().enumerate() {
                            li { strong { (verb) } " " (text) (decision_end(i, item.decisions.len())) }
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
        &format!("{} {} Minutes {}", view.short_name, view.status, view.id),
        body(view),
    )
}
