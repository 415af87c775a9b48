//! The records as they stood at the end of a day, for `tsc actions`,
//! `tsc report` and `tsc show ACTION`, as of `--as-of` or today alike: only
//! the meetings held by then, the actions raised at them, and each
//! action's state as its updates by then left it. No `--as-of` must mean
//! `--as-of` today, so both read this one view: a meeting written for a
//! later day, or a close at it, does not count before that day (it once
//! did, without `--as-of` only).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::load::Records;
use crate::model::Action;
use crate::settings::Vocabularies;

/// `records` as of the end of `date`:
///
/// - meetings held after `date` are left out;
/// - so are actions raised at a meeting held after `date` (an action
///   whose meeting is not in the records is kept: its date is unknown);
/// - action updates dated after `date` are left out, and an action closed
///   after `date`, or whose status was set by a later update, takes the
///   status of its last update by then, else the vocabulary's first open
///   status (the state it was raised in), with that update's day as its
///   closing date when that status is not an open one (an action
///   reopened later was closed then), else no closing date; a
///   due date moved by a later update is, with that update gone, the one
///   in effect that day ([`crate::model::Action::due_as_of`]).
///
/// - a proposal first seen after `date` (every assessment or mention of
///   it at a meeting held after `date`, and every dated phase change after it)
///   is left out; a proposal with no assessment and no dated phase is
///   kept, its date being unknown; phase changes dated after `date`, and
///   every one listed after such a change (dated or not), are left out (a
///   proposal whose every phase change is later has no known phase by
///   then).
///
/// People, organisations, principles and settings are kept: they carry
/// no date of their own. `tsc actions` and `tsc report` (with `--as-of`
/// or without, as of today) both read this view, so they agree on what
/// existed.
pub fn records_as_of(records: &Records, date: NaiveDate) -> Records {
    let mut view = records.clone();
    view.meetings
        .retain(|m| m.record.sort_date().is_none_or(|d| d <= date));
    // The meetings held after `date`, found once (not once per action).
    let held_later: std::collections::HashSet<&str> = records
        .meetings
        .iter()
        .filter(|m| m.record.sort_date().is_some_and(|d| d > date))
        .map(|m| m.record.id.value.as_str())
        .collect();
    view.actions
        .retain(|a| !held_later.contains(a.record.meeting.value.as_str()));
    let vocabularies = &records.settings.vocabularies;
    for action in &mut view.actions {
        rewind(&mut action.record, date, vocabularies);
    }
    let seen = first_seen(records);
    view.modifications.retain(|m| {
        seen.get(m.record.id.value.as_str())
            .is_none_or(|d| *d <= date)
    });
    for proposal in &mut view.modifications {
        let proposal = &mut proposal.record;
        let before = proposal.phases.len();
        // Phases are listed in order: the first one dated after `date`,
        // and every one after it (dated or not), came later.
        let later = proposal
            .phases
            .iter()
            .position(|p| p.date.as_ref().is_some_and(|d| d.value > date));
        if let Some(first_later) = later {
            proposal.phases.truncate(first_later);
        }
        if before > 0 && proposal.phases.is_empty() {
            proposal.phase = None;
        }
    }
    view
}

/// The records as they stood at the end of `today`, for every reader
/// that counts as of a day ([`records_as_of`]); `None` when they hold
/// nothing dated after it ([`holds_later`]), so that they are that view
/// themselves and are not copied.
pub fn view(records: &Records, today: NaiveDate) -> Option<Records> {
    holds_later(records, today).then(|| records_as_of(records, today))
}

/// Whether `records` hold anything dated after the end of `date`: a
/// meeting held (or, undated, whose ID names a month) after it, an action
/// update or closing date after it, or a proposal's phase change after
/// it. When they hold none, [`records_as_of`] would return the records
/// unchanged, so a caller can read `records` themselves and skip the copy
/// (one pass, no allocation; the copy of the large tree L costs more than
/// its report).
pub fn holds_later(records: &Records, date: NaiveDate) -> bool {
    let later = |d: NaiveDate| d > date;
    records
        .meetings
        .iter()
        .any(|m| m.record.sort_date().is_some_and(later))
        || records.actions.iter().any(|a| {
            let a = &a.record;
            a.closed.as_ref().is_some_and(|c| later(c.value))
                || a.updates.iter().any(|u| later(u.date.value))
        })
        || records.modifications.iter().any(|m| {
            (m.record.phases.iter()).any(|p| p.date.as_ref().is_some_and(|d| later(d.value)))
        })
}

/// `action` as it stood at the end of `date`, as [`records_as_of`] turns
/// each action back: its updates by then, and the status, closing date
/// and due date they left (`tsc show ACTION`, as of today or `--as-of`).
/// Whether it had been raised by then is for the caller to ask: that
/// depends on its meeting.
pub fn action_as_of(action: &Action, date: NaiveDate, vocabularies: &Vocabularies) -> Action {
    let mut action = action.clone();
    rewind(&mut action, date, vocabularies);
    action
}

/// The first day each proposal is seen: its earliest assessment or
/// mention at a dated meeting or its earliest dated phase change.
fn first_seen(records: &Records) -> HashMap<&str, NaiveDate> {
    let mut seen: HashMap<&str, NaiveDate> = HashMap::new();
    for meeting in &records.meetings {
        let Some(day) = meeting.record.sort_date() else {
            continue;
        };
        for item in &meeting.record.agenda {
            let assessed = item.assessments.iter().map(|a| &a.modification);
            for id in assessed.chain(&item.modifications) {
                let first = seen.entry(id.value.as_str()).or_insert(day);
                *first = (*first).min(day);
            }
        }
    }
    for proposal in &records.modifications {
        for change in &proposal.record.phases {
            if let Some(day) = &change.date {
                let first = seen
                    .entry(proposal.record.id.value.as_str())
                    .or_insert(day.value);
                *first = (*first).min(day.value);
            }
        }
    }
    seen
}

/// Turns `action` back to its state at the end of `date`: the status of
/// its last update by then that reports one (else the vocabulary's first
/// open status), and, when that status is not an open one, the day of
/// that update as its closing date, so that an action reopened later is
/// shown closed, and when, as it stood.
fn rewind(action: &mut Action, date: NaiveDate, vocabularies: &Vocabularies) {
    let later_status = action
        .updates
        .iter()
        .any(|u| u.date.value > date && u.status.is_some());
    let closed_later = action.closed.as_ref().is_some_and(|c| c.value > date);
    action.updates.retain(|u| u.date.value <= date);
    if !(later_status || closed_later) {
        return;
    }
    action.closed = None;
    let first_open = vocabularies
        .first_open_status()
        .map(crate::settings::Term::id);
    let earlier = action
        .updates
        .iter()
        .rev()
        .find(|u| u.status.is_some())
        .and_then(|u| Some((u.status.as_ref()?, &u.date)));
    match (earlier, first_open) {
        (Some((status, day)), _) => {
            action.status.value = status.value.clone();
            if !vocabularies.is_open_status(&status.value) {
                action.closed = Some(day.clone());
            }
        }
        (None, Some(open)) => action.status.value = open.into(),
        (None, None) => {}
    }
}
