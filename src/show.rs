//! `tsc show ID`: one record of any kind with its history across meetings,
//! as plain text.
//!
//! - a modification proposal: every assessment in date order with interest
//!   level, impact, EC notification, notes, concerns and principles, and
//!   every other meeting that mentioned it;
//! - an action: the agenda item that raised it, every update, its closure;
//! - a meeting: a summary (attendance, agenda items with decisions,
//!   actions raised);
//! - a person or organisation: attendance and actions owned;
//! - a principle (by its number): wording, status, the meeting that
//!   decided it, notes, and the proposals assessed as not aligning with it.

use std::borrow::Cow;
use std::fmt::Write;

use chrono::NaiveDate;

use crate::actions::{ActionRow, NOT_RECORDED};
use crate::index::Index;
use crate::minutes::paragraph_list;
use crate::model::{Action, ItemNumber, Meeting, Principle};
use crate::participation::{Participation, organisations, people};
use crate::register::{assessments_of, meetings_discussing};
use crate::settings::Vocabularies;
use crate::suggest::closest;

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "{text}\n{}", "=".repeat(text.chars().count()));
}

fn item_title<'m>(meeting: &'m Meeting, number: &ItemNumber) -> Cow<'m, str> {
    meeting
        .agenda
        .iter()
        .find(|i| i.number.value == *number)
        .map_or(Cow::Borrowed(""), |i| i.title.get())
}

/// `2023-05-04 ID`, or the month its ID names, or the ID alone.
fn dated_meeting(meeting: &Meeting) -> String {
    match meeting.date_text() {
        Some(date) => format!("{date} {}", meeting.id.value),
        None => meeting.id.value.to_string(),
    }
}

/// ` (paragraph 1203)`, or nothing.
fn paragraph_note(paragraph: Option<&crate::source::Spanned<u32>>) -> String {
    paragraph
        .map(|p| format!(" (paragraph {})", p.value))
        .unwrap_or_default()
}

/// What an update did to its action's due date and owner, as ` (due
/// date moved from A to B; reassigned from C to D)`; empty when it did
/// neither.
fn change_note<'r>(
    index: &Index<'r>,
    action: &'r Action,
    update: &'r crate::model::ActionUpdate,
) -> String {
    crate::actions::update_change_words(index, action, update)
        .map(|words| format!(" ({words})"))
        .unwrap_or_default()
}

fn show_modification(index: &Index<'_>, id: &str, out: &mut String) {
    let Some(m) = index.modification(id) else {
        return;
    };
    let vocab = &index.records().settings.vocabularies;
    match m.title_text() {
        Some(title) => heading(out, &format!("{}: {title}", m.id.value)),
        None => heading(out, &format!("{} (title not recorded)", m.id.value)),
    }
    if let Some(proposer) = &m.proposer {
        let _ = writeln!(out, "Proposer: {}", index.name_of(&proposer.value));
    }
    if m.urgent {
        let _ = writeln!(out, "Urgent: yes");
    }
    if let Some(phase) = m.current_phase() {
        let _ = writeln!(
            out,
            "Phase: {}",
            Vocabularies::label(&vocab.modification_phases, &phase.value)
        );
    }
    if !m.phases.is_empty() {
        let _ = writeln!(out, "Phase history:");
        for change in &m.phases {
            let mut when: Vec<String> = Vec::new();
            when.extend(change.date.as_ref().map(|d| d.value.to_string()));
            when.extend(change.meeting.as_ref().map(|m| m.value.to_string()));
            let when = if when.is_empty() {
                String::new()
            } else {
                format!(" ({})", when.join(", "))
            };
            let _ = writeln!(
                out,
                "- {}{when}",
                Vocabularies::label(&vocab.modification_phases, &change.phase.value)
            );
        }
    }
    if let Some(wg) = &m.working_group {
        let _ = writeln!(out, "Working group: {wg}");
    }
    if !m.related.is_empty() {
        let related: Vec<&str> = m.related.iter().map(|r| r.value.as_str()).collect();
        let _ = writeln!(out, "Related: {}", related.join(", "));
    }
    if let Some(notes) = &m.notes {
        let _ = writeln!(out, "Notes: {}", notes.get().trim());
    }
    let assessed = assessments_of(index, id);
    // A committee without interest levels does not assess proposals.
    if !(assessed.is_empty() && vocab.interest_levels.is_empty()) {
        let _ = writeln!(out, "\nAssessments ({}):", assessed.len());
    }
    for a in &assessed {
        let x = a.assessment;
        let _ = writeln!(
            out,
            "\n- {} (item {}, {}): interest {}",
            dated_meeting(a.meeting),
            a.item.number.value,
            a.item.title,
            Vocabularies::label(&vocab.interest_levels, &x.interest.value)
        );
        let yes = |v: &Option<crate::model::Sp<bool>>| match v {
            Some(v) if v.value => "yes",
            Some(_) => "no",
            None => "-",
        };
        // The columns `minutes.assessment_columns` leaves out are left
        // out here too.
        let columns = &index.records().settings.minutes.assessment_columns;
        let mut impact = Vec::new();
        if columns.technical.is_some() {
            impact.push(format!("technical {}", yes(&x.impact.technical)));
        }
        if columns.business.is_some() {
            impact.push(format!("business {}", yes(&x.impact.business)));
        }
        let mut parts = Vec::new();
        if !impact.is_empty() {
            parts.push(format!("Impact: {}", impact.join(", ")));
        }
        if columns.ec_notification.is_some() {
            let ec = x.ec_notification.as_ref().map_or("-", |e| {
                Vocabularies::label(&vocab.ec_notification, &e.value)
            });
            parts.push(format!("EC notification: {ec}"));
        }
        if !parts.is_empty() {
            let _ = writeln!(out, "  {}", parts.join("; "));
        }
        // Notes and concerns are the notes column's.
        let notes = x.notes.as_ref().filter(|_| columns.notes.is_some());
        if let Some(notes) = notes {
            for line in notes.get().trim().lines().filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(out, "  {line}");
            }
        }
        let concerns = if columns.notes.is_some() {
            x.concerns.as_slice()
        } else {
            &[]
        };
        for concern in concerns {
            let _ = writeln!(out, "  Concern: {concern}");
        }
        if !x.misaligned_principles.is_empty() {
            let list: Vec<String> = x
                .misaligned_principles
                .iter()
                .map(|p| p.value.to_string())
                .collect();
            let _ = writeln!(out, "  Does not align with principles {}", list.join(", "));
        }
        if !x.considered_with.is_empty() {
            let list: Vec<&str> = x.considered_with.iter().map(|p| p.value.as_str()).collect();
            let _ = writeln!(out, "  Considered together with {}", list.join(", "));
        }
    }
    let mentioned: Vec<String> = meetings_discussing(index, id)
        .into_iter()
        .filter(|m| !assessed.iter().any(|a| a.meeting.id.value == m.id.value))
        .map(dated_meeting)
        .collect();
    if !mentioned.is_empty() {
        let _ = writeln!(out, "\nAlso mentioned at: {}", mentioned.join(", "));
    }
}

/// `action` as it stood at the end of `today` (`--as-of`, else the local
/// date), as `tsc actions` lists it: its updates by then and the status,
/// closing date, due date and owner they left; an action whose meeting
/// was held after `today` says it was not yet raised.
fn show_action(index: &Index<'_>, action: &Action, today: NaiveDate, out: &mut String) {
    let vocab = &index.records().settings.vocabularies;
    let action = &crate::report::as_of::action_as_of(action, today, vocab);
    let row = ActionRow::of(action, index, today);
    heading(out, &format!("Action {}", row.id));
    let _ = writeln!(out, "Owner: {}", row.owner_shown);
    let _ = writeln!(out, "Action: {}", row.text.trim());
    let meeting = index.meeting(row.meeting);
    let raised_on = meeting
        .and_then(Meeting::date_text)
        .unwrap_or_else(|| "?".to_owned());
    let recorded = meeting.is_none_or(|m| m.is_recorded(&index.records().settings));
    let under = match row.agenda_item {
        Some(item) => {
            let title = meeting.map_or(Cow::Borrowed(""), |m| item_title(m, item));
            format!(" under item {item} ({title})")
        }
        None => String::new(),
    };
    let unrecorded = if recorded {
        ""
    } else {
        " (a meeting not recorded)"
    };
    let _ = writeln!(
        out,
        "Raised: {raised_on} {}{under}{unrecorded}",
        row.meeting
    );
    let _ = writeln!(
        out,
        "Due: {}",
        row.due.map_or_else(|| "-".to_owned(), |d| d.to_string())
    );
    let raised_later = meeting
        .and_then(Meeting::sort_date)
        .is_some_and(|held| held > today);
    if raised_later {
        let _ = writeln!(out, "Status: not yet raised on {today}");
    } else {
        let _ = writeln!(
            out,
            "Status: {}{}",
            row.status_label,
            if row.overdue { " (overdue)" } else { "" }
        );
    }
    if !action.updates.is_empty() {
        let _ = writeln!(out, "\nUpdates:");
        for u in &action.updates {
            let at = u
                .meeting
                .as_ref()
                .map(|m| format!(" at {}", m.value))
                .unwrap_or_default();
            let item = u
                .agenda_item
                .as_ref()
                .map(|i| format!(" item {}", i.value))
                .unwrap_or_default();
            let paragraph = paragraph_note(u.paragraph.as_ref());
            let status = u
                .status
                .as_ref()
                .map(|s| format!(" [{}]", vocab.action_status_label(&s.value)))
                .unwrap_or_default();
            let due = change_note(index, action, u);
            let _ = writeln!(
                out,
                "- {}{at}{item}{paragraph}{status}{due}: {}",
                u.date.value,
                u.note.get().trim()
            );
        }
    }
    if let Some(closed) = row.closed {
        let _ = writeln!(out, "\nClosed: {closed}");
    }
}

fn show_meeting(index: &Index<'_>, meeting: &Meeting, out: &mut String) {
    let records = index.records();
    let settings = &records.settings;
    let vocab = &settings.vocabularies;
    heading(out, &format!("Meeting {}", meeting.id.value));
    if let Some(title) = &meeting.title {
        let _ = writeln!(out, "Title: {title}");
    }
    if let Some(n) = &meeting.number {
        let _ = writeln!(out, "Number: {}", n.value);
    }
    if vocab.meeting_kinds.len() > 1
        && let Some(kind) = vocab.meeting_kind(meeting.kind.as_ref().map(|k| k.value.as_str()))
    {
        let _ = writeln!(out, "Kind: {}", kind.label);
    }
    match (&meeting.date, meeting.id_month) {
        (Some(date), _) => {
            let _ = writeln!(out, "Date: {}", date.value);
        }
        (None, Some(month)) => {
            let _ = writeln!(
                out,
                "Date: not recorded (the ID says {})",
                month.format("%Y-%m")
            );
        }
        (None, None) => {
            let _ = writeln!(out, "Date: not recorded");
        }
    }
    if let Some(location) = &meeting.location {
        let _ = writeln!(out, "Location: {location}");
    }
    if let Some(status) = &meeting.status {
        let _ = writeln!(out, "Status: {}", vocab.meeting_status_label(&status.value));
    }
    if let Some(note) = &meeting.note {
        let _ = writeln!(out, "Note: {}", note.get().trim());
    }
    if !meeting.is_recorded(settings) {
        let _ = writeln!(out, "\nIts minutes are not recorded.");
        show_raised_and_reviewed(index, meeting, out);
        return;
    }
    let _ = writeln!(
        out,
        "Attendees: {}; apologies: {}",
        meeting.attendees.len(),
        meeting.apologies.len()
    );
    if !meeting.agenda.is_empty() {
        let _ = writeln!(out, "\nAgenda:");
    }
    let mut agenda: Vec<&crate::model::AgendaItem> = meeting.agenda.iter().collect();
    agenda.sort_by(|a, b| a.number.value.natural_cmp(&b.number.value));
    for item in agenda {
        let verbs: Vec<&str> = item
            .decisions
            .iter()
            .map(|d| d.verb.value.as_str())
            .collect();
        let mut extra = String::new();
        if !verbs.is_empty() {
            extra.push_str(&format!(" — {}", verbs.join(", ")));
        }
        if !item.assessments.is_empty() {
            let n = item.assessments.len();
            let noun = if n == 1 { "proposal" } else { "proposals" };
            extra.push_str(&format!(" — {n} {noun} assessed"));
        }
        let _ = writeln!(out, "{:>3}. {}{extra}", item.number.value, item.title);
        if !item.paragraphs.is_empty() {
            let numbers: Vec<u32> = item.paragraphs.iter().map(|p| p.value).collect();
            let _ = writeln!(out, "     Paragraphs: {}", paragraph_list(&numbers));
        }
        for d in item.decisions.iter().filter(|d| d.paragraph.is_some()) {
            let _ = writeln!(
                out,
                "     {} {}{}",
                d.verb.value,
                d.text.get().trim(),
                paragraph_note(d.paragraph.as_ref())
            );
        }
    }
    show_raised_and_reviewed(index, meeting, out);
}

/// The actions `meeting` raised, and the updates reported at it.
fn show_raised_and_reviewed(index: &Index<'_>, meeting: &Meeting, out: &mut String) {
    let records = index.records();
    let vocab = &records.settings.vocabularies;
    let raised = index.actions_raised_at(&meeting.id.value);
    let reviewed = crate::actions::reported_at(index, &meeting.id.value);
    if !reviewed.is_empty() {
        let _ = writeln!(out, "\nActions reviewed ({}):", reviewed.len());
        for r in &reviewed {
            let item = r
                .update
                .agenda_item
                .as_ref()
                .map(|n| format!(" under item {}", n.value))
                .unwrap_or_default();
            let paragraph = paragraph_note(r.update.paragraph.as_ref());
            let due = change_note(index, r.action, r.update);
            let _ = writeln!(
                out,
                "- {} ({}, {}){item}{paragraph}{due}: {}",
                r.action.id.value,
                r.owner.map_or(NOT_RECORDED, |o| index.name_of(o)),
                vocab.action_status_label(r.status),
                r.update.note.get().trim()
            );
        }
    }
    let _ = writeln!(out, "\nActions raised ({}):", raised.len());
    for a in raised {
        let _ = writeln!(
            out,
            "- {} ({}, {}): {}",
            a.id.value,
            // The owner it was raised with, as of the meeting.
            a.owner_as_of(Some(meeting.sort_date().unwrap_or(NaiveDate::MIN)))
                .map_or(NOT_RECORDED, |o| index.name_of(&o.value)),
            vocab.action_status_label(&a.status.value),
            a.text.get().trim()
        );
    }
}

fn show_participant(index: &Index<'_>, p: &Participation<'_>, kind: &str, out: &mut String) {
    heading(out, &format!("{kind} {}: {}", p.id, p.name));
    if let Some(org) = p.organisation {
        let _ = writeln!(out, "Organisation: {org}");
    }
    let dated = |ids: &[&str]| -> String {
        if ids.is_empty() {
            return "none".to_owned();
        }
        ids.iter()
            .map(|id| match index.meeting_date(id) {
                Some(d) => format!("{id} ({d})"),
                None => (*id).to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "Attended: {}", dated(&p.attended));
    let _ = writeln!(out, "Apologies: {}", dated(&p.apologies));
    if p.actions.is_empty() {
        let _ = writeln!(out, "\nActions owned: none");
    } else {
        let _ = writeln!(
            out,
            "\nActions owned ({}, {} open):",
            p.actions.len(),
            p.open_actions
        );
    }
    for id in &p.actions {
        if let Some(a) = index
            .records()
            .actions
            .iter()
            .find(|a| a.record.id.value == *id)
        {
            let _ = writeln!(
                out,
                "- {id} [{}]: {}",
                index
                    .records()
                    .settings
                    .vocabularies
                    .action_status_label(&a.record.status.value),
                a.record.text.get().trim()
            );
        }
    }
}

fn show_principle(index: &Index<'_>, principle: &Principle, out: &mut String) {
    let records = index.records();
    let vocab = &records.settings.vocabularies;
    let number = principle.number.value;
    heading(out, &format!("Principle {number}"));
    if let Some(text) = &principle.text {
        let _ = writeln!(out, "{}", text.get().trim());
    }
    let status = &principle.status.value;
    let _ = write!(
        out,
        "Status: {}",
        Vocabularies::label(&vocab.principle_statuses, status)
    );
    if let Some(into) = &principle.merged_into {
        let _ = write!(out, ", into principle {}", into.value);
    }
    if let Some(at) = &principle.decided_at {
        let decided = index
            .meeting(&at.value)
            .map_or_else(|| at.value.to_string(), dated_meeting);
        let _ = write!(out, " (decided at {decided})");
    }
    out.push('\n');
    let merged: Vec<String> = index
        .principles()
        .filter(|(_, p)| {
            p.record
                .merged_into
                .as_ref()
                .is_some_and(|m| m.value == number)
        })
        .map(|(n, _)| n.to_string())
        .collect();
    if !merged.is_empty() {
        let _ = writeln!(out, "Merged into it: {}", merged.join(", "));
    }
    if !principle.notes.is_empty() {
        let _ = writeln!(out, "\nNotes:\n");
        for note in &principle.notes {
            let _ = writeln!(out, "- {}", note.get().trim());
        }
    }
    // One pass over the meetings in date order: the assessments that name
    // this principle as one the proposal does not align with.
    let mut misaligned = Vec::new();
    for meeting in index.meetings_by_date() {
        for item in &meeting.agenda {
            for assessment in &item.assessments {
                if assessment
                    .misaligned_principles
                    .iter()
                    .any(|p| p.value == number)
                {
                    misaligned.push(format!(
                        "- {} (item {}): {}",
                        dated_meeting(meeting),
                        item.number.value,
                        assessment.modification.value
                    ));
                }
            }
        }
    }
    if !misaligned.is_empty() {
        let _ = writeln!(
            out,
            "\nProposals assessed as not aligning with it ({}):\n",
            misaligned.len()
        );
        for line in misaligned {
            let _ = writeln!(out, "{line}");
        }
    }
}

/// The record with this ID (meeting, action, modification proposal,
/// person, organisation, or a principle's number) and its history, as
/// plain text. An ID that
/// matches exactly one record only when case is ignored (`secas`) shows
/// that record. `today` decides
/// whether an action is overdue (see [`crate::today`]).
///
/// # Errors
/// When no record has that ID (the message suggests the closest one), or
/// the file that would hold it could not be read.
pub fn show(index: &Index<'_>, id: &str, today: NaiveDate) -> crate::error::Result<String> {
    let mut out = String::new();
    if index.modification(id).is_some() {
        show_modification(index, id, &mut out);
    } else if let Some(meeting) = index.meeting(id) {
        show_meeting(index, meeting, &mut out);
    } else if let Some(a) = index.action(id) {
        show_action(index, a, today, &mut out);
    } else if index.person(id).is_some() || index.organisation(id).is_some() {
        // A person's or organisation's meetings and actions as of `today`,
        // as `tsc people` counts them.
        let view = crate::report::as_of::view(index.records(), today);
        let view_index = view.as_ref().map(Index::new);
        let at = view_index.as_ref().unwrap_or(index);
        let (rows, kind) = if index.person(id).is_some() {
            (people(at), "Person")
        } else {
            (organisations(at), "Organisation")
        };
        if let Some(row) = rows.into_iter().find(|row| row.id == id) {
            show_participant(at, &row, kind, &mut out);
        }
    } else if let Some(principle) = id.parse().ok().and_then(|n| index.principle(n)) {
        show_principle(index, &principle.record, &mut out);
    } else {
        let mut all: Vec<&str> = index
            .meeting_ids()
            .chain(index.action_ids())
            .chain(index.modification_ids())
            .chain(index.owner_ids())
            .collect();
        all.sort_unstable();
        if let Some(message) = index.unreadable(id) {
            return Err(crate::error::Error::NotFound(message));
        }
        // `secas` for `SECAS`: the one ID that differs only in case.
        let mut same = all.iter().filter(|c| c.eq_ignore_ascii_case(id));
        if let (Some(only), None) = (same.next(), same.next()) {
            return show(index, only, today);
        }
        let hint = closest(id, all.iter().copied())
            .map(|c| format!("; {}", crate::suggest::did_you_mean(id, c)))
            .unwrap_or_default();
        return Err(crate::error::Error::NotFound(format!(
            "no record has the ID `{id}`{hint}"
        )));
    }
    Ok(out)
}
