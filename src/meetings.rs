//! The list of meetings, with what each one produced.
//!
//! Source: `meetings/*.yaml` (date, ID, status, attendees, apologies,
//! agenda items' decisions and assessments) and `actions/*.yaml` (the
//! actions each meeting raised, by their `meeting` field).

use chrono::NaiveDate;

use crate::index::Index;
use crate::model::Meeting;
use crate::output::{Listing, Value};

/// Counts for one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow<'r> {
    /// The day it was held.
    pub date: NaiveDate,
    /// Meeting ID, for example `TSC_07_1606`.
    pub id: &'r str,
    /// Status of the minutes (`draft`, `final`).
    pub status: &'r str,
    /// Number of attendees.
    pub attendees: usize,
    /// Number of apologies.
    pub apologies: usize,
    /// Number of agenda items.
    pub agenda_items: usize,
    /// Number of decisions over all agenda items.
    pub decisions: usize,
    /// Number of actions whose `meeting` is this one.
    pub actions_raised: usize,
    /// Number of proposal assessments.
    pub assessments: usize,
}

impl<'r> MeetingRow<'r> {
    /// Counts what `meeting` holds; `actions_raised` is given.
    fn counting(meeting: &'r Meeting, actions_raised: usize) -> MeetingRow<'r> {
        MeetingRow {
            date: meeting.date.value,
            id: &meeting.id.value,
            status: &meeting.status.value,
            attendees: meeting.attendees.len(),
            apologies: meeting.apologies.len(),
            agenda_items: meeting.agenda.len(),
            decisions: meeting.agenda.iter().map(|i| i.decisions.len()).sum(),
            actions_raised,
            assessments: meeting.agenda.iter().map(|i| i.assessments.len()).sum(),
        }
    }
}

/// Every meeting, oldest first.
pub fn meeting_rows<'r>(index: &Index<'r>) -> Vec<MeetingRow<'r>> {
    index
        .meetings_by_date()
        .iter()
        .map(|m| MeetingRow::counting(m, index.actions_raised_at(&m.id.value).len()))
        .collect()
}

/// The meetings as a [`Listing`]. Keys: `date`, `id`, `status`,
/// `attendees`, `apologies`, `agenda_items`, `decisions`,
/// `actions_raised`, `assessments` (counts are numbers).
pub fn listing(rows: &[MeetingRow<'_>]) -> Listing {
    let mut listing = Listing::new(&[
        ("date", "Date"),
        ("id", "ID"),
        ("status", "Status"),
        ("attendees", "Attendees"),
        ("apologies", "Apologies"),
        ("agenda_items", "Items"),
        ("decisions", "Decisions"),
        ("actions_raised", "Actions"),
        ("assessments", "Assessments"),
    ])
    .machine_only(&["apologies", "agenda_items"]);
    for row in rows {
        listing.push(vec![
            Value::Date(row.date),
            Value::Text(row.id.to_owned()),
            Value::Text(row.status.to_owned()),
            Value::count(row.attendees),
            Value::count(row.apologies),
            Value::count(row.agenda_items),
            Value::count(row.decisions),
            Value::count(row.actions_raised),
            Value::count(row.assessments),
        ]);
    }
    listing
}
