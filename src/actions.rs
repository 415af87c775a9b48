//! The action log: which actions exist, which are open or overdue, in what
//! order.
//!
//! Source: `actions/*.yaml`, joined with the meeting that raised each
//! action (for its date) and with `tsc.yaml`'s action statuses (for which
//! statuses count as open). "Overdue" follows the date rule of
//! [`crate::today`]: an open action is overdue from the day after its due
//! date.

use std::borrow::Cow;
use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::ids::natural_cmp;
use crate::index::Index;
use crate::load::Records;
use crate::model::{Action, ItemNumber};
use crate::settings::Term;
use crate::today::is_overdue;

/// The order of an action list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ActionSort {
    /// By ID in natural order (`TSC07/09` before `TSC07/10` before `TSC07/100`).
    #[default]
    Id,
    /// By due date, earliest first; actions with no due date last; ties
    /// by ID in natural order.
    Due,
}

/// Every filter of `tsc actions`. Filters combine: an action is listed
/// when it passes all of them.
#[derive(Debug, Clone)]
pub struct ActionQuery {
    /// Only actions whose status counts as open in `tsc.yaml`.
    pub open_only: bool,
    /// Only actions with this status ID (for example `closed`), compared
    /// without regard to case.
    pub status: Option<String>,
    /// Only actions owned by this person or organisation ID as of
    /// `today` (compared exactly, as `tsc validate` and the other tables
    /// compare IDs).
    pub owner: Option<String>,
    /// Only actions raised at this meeting ID.
    pub meeting: Option<String>,
    /// Only open actions whose due date is before `today`.
    pub overdue_only: bool,
    /// Only actions with a due date strictly before this date.
    pub due_before: Option<NaiveDate>,
    /// The day that counts as today for "overdue".
    pub today: NaiveDate,
    /// The order of the result.
    pub sort: ActionSort,
}

impl ActionQuery {
    /// A query that lists every action, sorted by ID, with `today` as
    /// today.
    pub fn all(today: NaiveDate) -> ActionQuery {
        ActionQuery {
            open_only: false,
            status: None,
            owner: None,
            meeting: None,
            overdue_only: false,
            due_before: None,
            today,
            sort: ActionSort::Id,
        }
    }

    fn admits(&self, row: &ActionRow<'_>) -> bool {
        (!self.open_only || row.open)
            && self
                .status
                .as_deref()
                .is_none_or(|s| row.status.eq_ignore_ascii_case(s))
            && self.owner.as_deref().is_none_or(|o| row.owner == Some(o))
            && self.meeting.as_deref().is_none_or(|m| row.meeting == m)
            && (!self.overdue_only || row.overdue)
            && self
                .due_before
                .is_none_or(|limit| row.due.is_some_and(|due| due < limit))
    }
}

/// One action, flattened for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow<'r> {
    /// Action ID, for example `TSC07/01`.
    pub id: &'r str,
    /// Owner ID (person or organisation) as of the row's "today"
    /// ([`Action::owner_as_of`]); `None` when the minutes do not say
    /// (listed as "not recorded").
    pub owner: Option<&'r str>,
    /// The owner as the minutes show it: a person's name, an organisation
    /// by [`crate::model::Organisation::as_minuted`], the ID when it names
    /// no one; "not recorded" when the minutes do not say. What tables and
    /// documents show.
    pub owner_shown: &'r str,
    /// What must be done.
    pub text: Cow<'r, str>,
    /// ID of the meeting that raised the action.
    pub meeting: &'r str,
    /// Date of that meeting; `None` when the meeting record is missing.
    pub raised: Option<NaiveDate>,
    /// Agenda item that raised it, as written; `None` for an action
    /// raised at a meeting that is not recorded.
    pub agenda_item: Option<&'r ItemNumber>,
    /// Due date as of the row's "today" ([`Action::due_as_of`]), if
    /// one was set by then.
    pub(crate) due: Option<NaiveDate>,
    /// Status ID, for example `open`.
    pub(crate) status: &'r str,
    /// The status's label from `tsc.yaml`, for example `Open`.
    pub(crate) status_label: &'r str,
    /// Whether the status counts as open.
    pub(crate) open: bool,
    /// Whether the action is open and its due date has passed (see
    /// [`crate::today`]).
    pub overdue: bool,
    /// The date it was closed, if it was.
    pub(crate) closed: Option<NaiveDate>,
}

impl<'r> ActionRow<'r> {
    /// Flattens `action` as of `today`: its due date then, and "overdue"
    /// judged against it; the raising meeting's date comes from `index`.
    pub(crate) fn of(action: &'r Action, index: &Index<'r>, today: NaiveDate) -> ActionRow<'r> {
        let meeting_id = action.meeting.value.as_str();
        let raised = index.meeting_date(meeting_id);
        let vocabularies = &index.records().settings.vocabularies;
        let open = vocabularies.is_open_status(&action.status.value);
        // The due date as of `today`: a later update's move does not
        // count yet.
        let due = action.due_as_of(Some(today));
        // The owner as of `today` too: a later reassignment does not count
        // yet.
        let owner = action.owner_as_of(Some(today)).map(|o| o.value.as_str());
        ActionRow {
            id: &action.id.value,
            owner,
            owner_shown: owner.map_or(NOT_RECORDED, |o| index.name_of(o)),
            text: action.text.get(),
            meeting: meeting_id,
            raised,
            agenda_item: action.agenda_item.as_ref().map(|i| &i.value),
            due,
            status: &action.status.value,
            status_label: vocabularies.action_status_label(&action.status.value),
            open,
            overdue: open && due.is_some_and(|d| is_overdue(d, today)),
            closed: action.closed.as_ref().map(|d| d.value),
        }
    }
}

/// How listings show an owner the minutes do not name.
pub(crate) const NOT_RECORDED: &str = "not recorded";

/// Orders two rows by due date, undated last, ties by natural ID order.
pub(crate) fn by_due_then_id(a: &ActionRow<'_>, b: &ActionRow<'_>) -> Ordering {
    let key = |r: &ActionRow<'_>| (r.due.is_none(), r.due);
    key(a).cmp(&key(b)).then_with(|| natural_cmp(a.id, b.id))
}

/// The actions that pass `query`, in the order it asks for. The same
/// records and query always give the same order.
pub fn query_actions<'r>(index: &Index<'r>, query: &ActionQuery) -> Vec<ActionRow<'r>> {
    let mut rows: Vec<ActionRow<'r>> = index
        .records()
        .actions
        .iter()
        .map(|a| ActionRow::of(&a.record, index, query.today))
        .filter(|row| query.admits(row))
        .collect();
    match query.sort {
        ActionSort::Id => rows.sort_by(|a, b| natural_cmp(a.id, b.id)),
        ActionSort::Due => rows.sort_by(by_due_then_id),
    }
    rows
}

/// The action log as a [`crate::output::Listing`]. JSON and CSV keys:
/// `id`, `owner` (`null` when not recorded), `text`, `meeting` (raising
/// meeting ID), `raised` (its date), `agenda_item` (a number, or the text
/// as written such as `"2a"`), `due`, `status`, `status_label`, `open`,
/// `overdue`, `closed`. Tables show ID, owner (a person's name, an
/// organisation as the minutes name it, "not recorded" when the minutes
/// do not say), action, "Raised" (meeting ID and date in one
/// cell), due date and status label (with "overdue" under it when it is).
pub fn listing(rows: &[ActionRow<'_>]) -> crate::output::Listing {
    use crate::output::{Listing, Value};
    let mut listing = Listing::new(&[
        ("id", "ID"),
        ("owner", "Owner"),
        ("owner_shown", "Owner"),
        ("text", "Action"),
        ("meeting", "Raised at"),
        ("raised", "Raised on"),
        ("raised_at", "Raised"),
        ("agenda_item", "Item"),
        ("due", "Due"),
        ("status", "Status"),
        ("status_label", "Status label"),
        ("status_shown", "Status"),
        ("open", "Open"),
        ("overdue", "Overdue"),
        ("closed", "Closed"),
    ])
    .machine_only(&[
        "owner",
        "meeting",
        "raised",
        "agenda_item",
        "status",
        "status_label",
        "open",
        "overdue",
        "closed",
    ])
    .human_only(&["owner_shown", "raised_at", "status_shown"]);
    for row in rows {
        let raised_at = match row.raised {
            Some(date) => format!("{}\n{date}", row.meeting),
            None => row.meeting.to_owned(),
        };
        let status_shown = if row.overdue {
            format!("{}\noverdue", row.status_label)
        } else {
            row.status_label.to_owned()
        };
        listing.push(vec![
            Value::Text(row.id.to_owned()),
            Value::opt_text(row.owner),
            Value::Text(row.owner_shown.to_owned()),
            Value::Text(row.text.to_string()),
            Value::Text(row.meeting.to_owned()),
            Value::opt_date(row.raised),
            Value::Text(raised_at),
            row.agenda_item.map_or(Value::Null, Value::item),
            Value::opt_date(row.due),
            Value::Text(row.status.to_owned()),
            Value::Text(row.status_label.to_owned()),
            Value::Text(status_shown),
            Value::Bool(row.open),
            Value::Bool(row.overdue),
            Value::opt_date(row.closed),
        ]);
    }
    listing
}

/// An update reported at a meeting: the meeting's review of an action.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reported<'r> {
    /// The action.
    pub(crate) action: &'r Action,
    /// The update.
    pub(crate) update: &'r crate::model::ActionUpdate,
    /// The status in effect after the update: the latest status reported
    /// up to it, else (no update reports one) the action's `status`.
    pub(crate) status: &'r str,
    /// The owner ID in effect after the update ([`Action::owner_after`]);
    /// `None` when no owner was named.
    pub(crate) owner: Option<&'r str>,
}

/// What `update` did to its action's due date and owner, as documents
/// say it (the minutes' "Actions outstanding" note and `tsc show`): `due
/// date moved from 2016-07-14 to 2016-08-31` ([`crate::model::due_change_words`]),
/// `reassigned from SECAS to Helen Marsh` (owners as the minutes name
/// them; `assigned to ...` when none was named before, `owner ... kept`
/// when the same again), joined by `; `; `None` when it did neither.
pub(crate) fn update_change_words<'r>(
    index: &Index<'r>,
    action: &'r Action,
    update: &'r crate::model::ActionUpdate,
) -> Option<String> {
    let due = crate::model::due_change_words(action, update);
    let owner = action.owner_change(update).map(|(before, to)| {
        let to = index.name_of(to);
        match before.map(|b| index.name_of(b)) {
            Some(b) if b == to => format!("owner {to} kept"),
            Some(b) => format!("reassigned from {b} to {to}"),
            None => format!("assigned to {to}"),
        }
    });
    match (due, owner) {
        (Some(d), Some(o)) => Some(format!("{d}; {o}")),
        (d, o) => d.or(o),
    }
}

/// Every update reported at meeting `id`, wherever its action was raised,
/// in natural ID order of the actions (an action updated twice at one
/// meeting appears twice, in the order written).
pub(crate) fn reported_at<'r>(index: &Index<'r>, id: &str) -> Vec<Reported<'r>> {
    let records = index.records();
    let mut found: Vec<Reported<'r>> = index
        .updates_reviewed_at(id)
        .iter()
        .map(|&(action, update)| {
            let upto = action
                .updates
                .iter()
                .position(|u| std::ptr::eq(u, update))
                .map_or(action.updates.len(), |i| i + 1);
            let reported = action.updates[..upto]
                .iter()
                .rev()
                .find_map(|u| u.status.as_ref().map(|s| s.value.as_str()));
            let never = action.updates.iter().all(|u| u.status.is_none());
            let fallback = if never {
                action.status.value.as_str()
            } else {
                first_open(records).unwrap_or(action.status.value.as_str())
            };
            Reported {
                action,
                update,
                status: reported.unwrap_or(fallback),
                owner: action.owner_after(update).map(|o| o.value.as_str()),
            }
        })
        .collect();
    found.sort_by(|a, b| natural_cmp(&a.action.id.value, &b.action.id.value));
    found
}

/// The first action status that counts as open (the status of a new
/// action).
fn first_open(records: &Records) -> Option<&str> {
    records
        .settings
        .vocabularies
        .first_open_status()
        .map(Term::id)
}

/// The actions closed after `after` (exclusive) and up to `until`
/// (inclusive), in natural ID order: what the committee closed since the
/// meeting before.
pub(crate) fn closed_between(
    records: &Records,
    after: Option<NaiveDate>,
    until: NaiveDate,
) -> Vec<&Action> {
    let mut closed: Vec<&Action> = records
        .actions
        .iter()
        .map(|a| &a.record)
        .filter(|a| {
            a.closed
                .as_ref()
                .is_some_and(|c| c.value <= until && after.is_none_or(|d| c.value > d))
        })
        .collect();
    closed.sort_by(|a, b| natural_cmp(&a.id.value, &b.id.value));
    closed
}
