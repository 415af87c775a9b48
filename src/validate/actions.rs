//! Actions: ID, owner, status, the meeting and agenda item that raised
//! them, and dates that cannot come before the day they were raised.

use std::collections::HashMap;
use std::path::Path;

use crate::source::Spanned;
use chrono::NaiveDate;

use super::Checker;
use crate::finding::{Code, Finding};
use crate::load::Located;
use crate::model::{Action, ItemNumber, Meeting};
use crate::settings::{Meaning, Vocabularies};

/// An action ID with its `meeting` and `seq` captures written as plain
/// numbers (`DPWG001/02` and `DPWG01/002` are both `DPWG1/2`), so that two
/// IDs naming the same meeting and action compare equal; `None` when the
/// pattern has neither capture, or one is not a number.
fn numbers_key(caps: &regex_lite::Captures<'_>, id: &str) -> Option<String> {
    let mut spans = Vec::with_capacity(2);
    for name in ["meeting", "seq"] {
        if let Some(m) = caps.name(name) {
            spans.push((m.range(), m.as_str().parse::<u32>().ok()?));
        }
    }
    spans.sort_by_key(|(range, _)| range.start);
    let mut key = String::with_capacity(id.len());
    let mut at = 0;
    for (range, number) in spans {
        // Nested or overlapping captures: no key.
        key.push_str(id.get(at..range.start)?);
        key.push_str(&number.to_string());
        at = range.end;
    }
    if at == 0 {
        return None;
    }
    key.push_str(&id[at..]);
    Some(key)
}

impl Checker<'_> {
    pub(super) fn check_actions(&mut self) {
        let r = self.records;
        // The first action of each numbered key and file name (E0201).
        let mut by_numbers: HashMap<String, &Located<Action>> = HashMap::new();
        let mut by_file: HashMap<String, &Located<Action>> = HashMap::new();
        for a in &r.actions {
            let file = a.file.as_path();
            let action = &a.record;
            let caps = self.check_file_id(file, &action.id, &|p| &p.action, "action");
            let named =
                (caps.as_ref()).and_then(|caps| super::identity::number_of(caps, "meeting"));
            let key = caps
                .as_ref()
                .and_then(|caps| numbers_key(caps, &action.id.value));
            self.check_same_action(a, key, &mut by_numbers, &mut by_file);
            // The owner given when it was raised, and each one an update
            // reassigned it to: one rule, one did-you-mean.
            let owners =
                (action.owner.iter()).chain(action.updates.iter().filter_map(|u| u.owner.as_ref()));
            for owner in owners {
                self.party_ref(file, owner, "owner");
            }
            let dates = (action.due.iter())
                .chain(&action.closed)
                .chain(action.updates.iter().map(|u| &u.date))
                .chain(action.updates.iter().filter_map(|u| u.due.as_ref()));
            for date in dates {
                self.check_date_form(file, date);
            }
            self.check_action_statuses(file, action);
            self.check_status_is_latest(file, action);
            self.check_closed_is_latest(file, action);
            self.check_updates(file, action);
            if self.meeting_ref(file, &action.meeting) {
                let Some(meeting) = self.index.meeting(&action.meeting.value) else {
                    continue;
                };
                self.check_agenda_item(file, action, meeting);
                self.check_action_id_agrees(file, action, named, meeting);
                self.check_action_dates(file, action, meeting);
            }
        }
    }

    /// Two actions with different IDs that name the same meeting and
    /// action numbers (`DPWG01/02`, `DPWG001/02`, `DPWG01/002`: `key`,
    /// from [`numbers_key`]) or the same file name (`DPWG01/02`,
    /// `DPWG01-02` under a pattern that takes either) are one action
    /// written twice: the later in file order is reported (E0201), with a
    /// second label at the first. The same ID twice is E0201's own case,
    /// reported once by [`Checker::check_duplicate_ids`], not here.
    fn check_same_action<'r>(
        &mut self,
        a: &'r Located<Action>,
        key: Option<String>,
        by_numbers: &mut HashMap<String, &'r Located<Action>>,
        by_file: &mut HashMap<String, &'r Located<Action>>,
    ) {
        let id = &a.record.id;
        let stem = crate::ids::file_stem_for(&id.value);
        let same_file = match by_file.get(&stem) {
            Some(first) => (first.record.id.value != id.value).then_some(*first),
            None => {
                by_file.insert(stem.clone(), a);
                None
            }
        };
        let same_numbers = key.and_then(|key| match by_numbers.get(&key) {
            Some(first) => (first.record.id.value != id.value).then_some(*first),
            None => {
                by_numbers.insert(key, a);
                None
            }
        });
        let (first, message) = match (same_file, same_numbers) {
            (Some(first), _) => (
                first,
                format!(
                    "action `{}` is stored as `{stem}.yaml`, as `{}` is",
                    id.value, first.record.id.value
                ),
            ),
            (None, Some(first)) => (
                first,
                format!(
                    "action `{}` names the same meeting and action numbers as `{}`",
                    id.value, first.record.id.value
                ),
            ),
            (None, None) => return,
        };
        self.push(
            Finding::at_value(Code::DuplicateId, &a.file, id, message)
                .with_related_value(&first.file, &first.record.id, "first defined here")
                .with_help(format!(
                    "`{}` is defined in {}; they are one action: keep one definition and \
                     renumber or remove the other",
                    first.record.id.value,
                    crate::escape::path(&first.file)
                )),
        );
    }

    /// Status values come from the vocabulary; an action whose status is
    /// not an open one must say when it was closed, and one that is still
    /// open must not have a closed date.
    fn check_action_statuses(&mut self, file: &Path, action: &Action) {
        let statuses = &self.records.settings.vocabularies.action_statuses;
        let all = std::iter::once(&action.status)
            .chain(action.updates.iter().filter_map(|u| u.status.as_ref()));
        for s in all {
            self.check_term(file, s, statuses, "action status", "action_statuses");
        }
        let known = Vocabularies::term(statuses, &action.status.value);
        if known.is_some_and(|s| !s.means(Meaning::Open)) && action.closed.is_none() {
            self.push(
                Finding::at_value(
                    Code::MissingClosedDate,
                    file,
                    &action.status,
                    format!(
                        "action {} is `{}` but does not say when it was closed",
                        action.id.value, action.status.value
                    ),
                )
                .with_help("add `closed: YYYY-MM-DD`, the day the action was closed"),
            );
        }
        if let Some(closed) = &action.closed
            && known.is_some_and(|s| s.means(Meaning::Open))
        {
            self.push(
                Finding::at_value(
                    Code::ClosedButOpen,
                    file,
                    closed,
                    format!(
                        "action {} has a closed date but its status `{}` is an open one",
                        action.id.value, action.status.value
                    ),
                )
                .with_help(
                    "set `status` to a closed status (for example `closed`), \
                     or remove `closed` if the action is still open",
                ),
            );
        }
    }

    /// One source of truth: the action's `status` is its current state,
    /// and the latest update that reports a status must report that one.
    fn check_status_is_latest(&mut self, file: &Path, action: &Action) {
        let Some(reported) = action.updates.iter().rev().find_map(|u| u.status.as_ref()) else {
            return;
        };
        if reported.value == action.status.value {
            return;
        }
        self.push(
            Finding::at_value(
                Code::StatusNotLatest,
                file,
                &action.status,
                format!(
                    "action {} is `{}` but its latest update reports `{}`",
                    action.id.value, action.status.value, reported.value
                ),
            )
            .with_related_value(file, reported, "the latest update's status")
            .with_help(format!(
                "set `status: {}`, or correct the update; `tsc action update` and \
                 `tsc action close` keep the two in step",
                reported.value
            )),
        );
    }

    /// One source of truth for when an action closed: the `closed` date
    /// of an action whose latest status-reporting update reports its
    /// closing status is that update's date (a different status is
    /// E0409's finding, not this one).
    fn check_closed_is_latest(&mut self, file: &Path, action: &Action) {
        let Some(closed) = &action.closed else {
            return;
        };
        let Some(update) = action.updates.iter().rev().find(|u| u.status.is_some()) else {
            return;
        };
        let reports_own_status = update
            .status
            .as_ref()
            .is_some_and(|s| s.value == action.status.value);
        if !reports_own_status || update.date.value == closed.value {
            return;
        }
        self.push(
            Finding::at_value(
                Code::ClosedNotLatest,
                file,
                closed,
                format!(
                    "action {} was closed on {} but the update that reports `{}` is dated {}",
                    action.id.value, closed.value, action.status.value, update.date.value
                ),
            )
            .with_related_value(file, &update.date, "the closing update's date")
            .with_help(format!(
                "set `closed: {}`, or correct the update's date; `tsc action close` \
                 writes both",
                update.date.value
            )),
        );
    }

    /// Updates are listed oldest first, and one that names the meeting
    /// where it was reported is dated that meeting's day (a warning).
    fn check_updates(&mut self, file: &Path, action: &Action) {
        for pair in action.updates.windows(2) {
            let (before, update) = (&pair[0].date, &pair[1].date);
            if update.value < before.value {
                self.push(
                    Finding::at_value(
                        Code::UpdatesOutOfOrder,
                        file,
                        update,
                        format!(
                            "update dated {} is listed after one dated {}",
                            update.value, before.value
                        ),
                    )
                    .with_related_value(file, before, "the update before it")
                    .with_help("list `updates` oldest first, or correct the date"),
                );
            }
        }
        for update in &action.updates {
            if let (None, Some(item)) = (&update.meeting, &update.agenda_item) {
                self.push(
                    Finding::at_value(
                        Code::UnknownAgendaItem,
                        file,
                        item,
                        format!("update names agenda item {} but no meeting", item.value),
                    )
                    .with_help("add `meeting:` with the meeting where it was reviewed"),
                );
            }
            let Some(m) = &update.meeting else { continue };
            if !self.meeting_ref(file, m) {
                continue;
            }
            let Some(reviewed) = self.index.meeting(&m.value) else {
                continue;
            };
            if let Some(item) = &update.agenda_item {
                self.agenda_item_ref(file, item, reviewed);
            }
            let Some(held) = reviewed.known_date() else {
                continue;
            };
            if update.date.value != held {
                self.push(
                    Finding::at_value(
                        Code::UpdateDateNotMeeting,
                        file,
                        &update.date,
                        format!(
                            "update dated {} names {}, held on {held}",
                            update.date.value, m.value
                        ),
                    )
                    .with_related_value(file, m, format!("{} was held on {held}", m.value))
                    .with_help(format!(
                        "date the update {held}, or correct (or remove) its `meeting`"
                    )),
                );
            }
        }
    }

    fn check_agenda_item(&mut self, file: &Path, action: &Action, meeting: &Meeting) {
        match &action.agenda_item {
            Some(item) => self.agenda_item_ref(file, item, meeting),
            None if meeting.is_recorded(&self.records.settings) => self.push(
                Finding::at_value(
                    Code::MissingField,
                    file,
                    &action.id,
                    format!(
                        "action {} does not say which agenda item of {} raised it",
                        action.id.value, meeting.id.value
                    ),
                )
                .with_help(
                    "add `agenda_item:`; only an action raised at a meeting that is \
                     not recorded may leave it out",
                ),
            ),
            None => {}
        }
    }

    /// `item` must be one of `meeting`'s agenda item numbers, as written.
    fn agenda_item_ref(&mut self, file: &Path, item: &Spanned<ItemNumber>, meeting: &Meeting) {
        let n = &item.value;
        // A meeting that is not recorded has no agenda to check against.
        if !meeting.is_recorded(&self.records.settings)
            || meeting.agenda.iter().any(|i| i.number.value == *n)
        {
            return;
        }
        let numbers = meeting
            .agenda
            .iter()
            .map(|i| i.number.value.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        self.push(
            Finding::at_value(
                Code::UnknownAgendaItem,
                file,
                item,
                format!("meeting {} has no agenda item {n}", meeting.id.value),
            )
            .with_help(format!("its agenda items are numbered {numbers}")),
        );
    }

    /// Due date, closure and updates may not come before the day of the
    /// meeting that raised the action, and a due date an update sets not
    /// before that update's day (E0402 either way).
    fn check_action_dates(&mut self, file: &Path, action: &Action, meeting: &Meeting) {
        // A meeting whose day is not recorded was held in the month its ID
        // names: nothing can be dated before that month.
        let (raised, on) = match (meeting.known_date(), meeting.id_month) {
            (Some(day), _) => (day, format!("on {day}")),
            (None, Some(month)) => (month, format!("in {}", month.format("%Y-%m"))),
            (None, None) => return,
        };
        let early = |d: &Spanned<NaiveDate>| d.value < raised;
        let raised_label = format!("raised at {} {on}", meeting.id.value);
        if let Some(due) = action.due.as_ref().filter(|d| early(d)) {
            self.push(
                Finding::at_value(
                    Code::DueBeforeRaised,
                    file,
                    due,
                    format!(
                        "action {} is due {} but was raised {on}",
                        action.id.value, due.value
                    ),
                )
                .with_related_value(file, &action.meeting, raised_label.clone())
                .with_help("correct the due date, or the meeting that raised the action"),
            );
        }
        // A due date set at an update is due no earlier than that update
        // (nor than the raising).
        for update in &action.updates {
            let Some(due) = &update.due else { continue };
            let day = update.date.value;
            let before_update = due.value < day;
            if !before_update && !early(due) {
                continue;
            }
            let why = if before_update {
                ", before the update itself".to_owned()
            } else {
                format!(" but was raised {on}")
            };
            let finding = Finding::at_value(
                Code::DueBeforeRaised,
                file,
                due,
                format!(
                    "action {} is due {} from its update of {day}{why}",
                    action.id.value, due.value
                ),
            );
            let finding = if before_update {
                finding.with_related_value(file, &update.date, "the update that set it")
            } else {
                finding.with_related_value(file, &action.meeting, raised_label.clone())
            };
            self.push(finding.with_help(
                "correct the update's due date: a due date set at an update is on or after \
                 the update's day",
            ));
        }
        let closed = action.closed.iter().map(|d| (d, "closed"));
        let updates = action.updates.iter().map(|u| (&u.date, "updated"));
        for (date, what) in closed.chain(updates).filter(|(d, _)| early(d)) {
            self.push(
                Finding::at_value(
                    Code::DatedBeforeRaised,
                    file,
                    date,
                    format!(
                        "action {} is {what} on {} but was raised {on}",
                        action.id.value, date.value
                    ),
                )
                .with_related_value(file, &action.meeting, raised_label.clone())
                .with_help("correct the date; an action cannot change before it is raised"),
            );
        }
    }
}
