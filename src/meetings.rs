//! The list of meetings, with what each one produced.
//!
//! Source: `meetings/*.yaml` (date, ID, status, attendees, apologies,
//! agenda items' decisions and assessments) and `actions/*.yaml` (the
//! actions each meeting raised, by their `meeting` field).

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::index::Index;
use crate::model::{Meeting, Text};
use crate::output::{Listing, Value};
use crate::settings::Settings;

/// Counts for one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow<'r> {
    /// The day it was held, when known.
    pub(crate) date: Option<NaiveDate>,
    /// The date as listed: the day, else the month its ID names
    /// (`2014-08`).
    pub(crate) date_text: Option<String>,
    /// Meeting ID, for example `TSC_07_1606`.
    pub id: &'r str,
    /// The meeting's number, when recorded.
    pub(crate) number: Option<u32>,
    /// Kind ID from `meeting_kinds` (the first kind when it names none).
    pub(crate) kind: Option<&'r str>,
    /// The kind's label.
    pub(crate) kind_label: Option<&'r str>,
    /// The minutes' own title, when recorded.
    pub(crate) title: Option<Cow<'r, str>>,
    /// Status ID of the minutes (`draft`, `final`), when recorded.
    pub(crate) status: Option<&'r str>,
    /// The status's label (`Final`, `Not recorded`).
    pub(crate) status_label: Option<&'r str>,
    /// Whether the minutes are recorded (`false` for a stub).
    pub(crate) recorded: bool,
    /// Number of attendees.
    pub(crate) attendees: usize,
    /// Number of apologies.
    pub(crate) apologies: usize,
    /// Number of agenda items.
    pub(crate) agenda_items: usize,
    /// Number of decisions over all agenda items.
    pub(crate) decisions: usize,
    /// Number of actions whose `meeting` is this one.
    pub actions_raised: usize,
    /// Number of proposal assessments.
    pub(crate) assessments: usize,
}

impl<'r> MeetingRow<'r> {
    /// Counts what `meeting` holds; `actions_raised` is given.
    fn counting(
        meeting: &'r Meeting,
        settings: &'r Settings,
        actions_raised: usize,
    ) -> MeetingRow<'r> {
        let vocabularies = &settings.vocabularies;
        let status = meeting.status.as_ref().map(|s| s.value.as_str());
        let kind = vocabularies.meeting_kind(meeting.kind.as_ref().map(|k| k.value.as_str()));
        MeetingRow {
            date: meeting.known_date(),
            date_text: meeting.date_text(),
            id: &meeting.id.value,
            number: meeting.number.as_ref().map(|n| n.value),
            kind: meeting
                .kind
                .as_ref()
                .map(|k| k.value.as_str())
                .or(kind.map(super::settings::Term::id)),
            kind_label: kind.map(|k| k.label.as_str()),
            title: meeting.title.as_ref().map(Text::get),
            status,
            status_label: status.map(|s| vocabularies.meeting_status_label(s)),
            recorded: meeting.is_recorded(settings),
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
        .map(|m| {
            let settings = &index.records().settings;
            MeetingRow::counting(m, settings, index.actions_raised_at(&m.id.value).len())
        })
        .collect()
}

/// The meetings as a [`Listing`]. Keys: `date` (`YYYY-MM-DD`, or
/// `YYYY-MM` from the ID when the day is not known), `id`, `number`,
/// `kind`, `kind_label`, `title`, `status`, `status_label`, `recorded`,
/// `attendees`, `apologies`, `agenda_items`, `decisions`,
/// `actions_raised`, `assessments` (counts are numbers). Tables show the
/// number, the kind only when the meetings are of more than one, and the
/// assessments only when some meeting made one.
pub fn listing(rows: &[MeetingRow<'_>]) -> Listing {
    let kinds: std::collections::HashSet<Option<&str>> = rows.iter().map(|r| r.kind).collect();
    let mut machine = vec![
        "apologies",
        "agenda_items",
        "kind",
        "title",
        "status",
        "recorded",
    ];
    if kinds.len() < 2 {
        machine.push("kind_label");
    }
    // A committee that assesses nothing is not shown an empty column.
    if rows.iter().all(|r| r.assessments == 0) {
        machine.push("assessments");
    }
    let mut listing = Listing::new(&[
        ("date", "Date"),
        ("id", "ID"),
        ("number", "No."),
        ("kind", "Kind"),
        ("kind_label", "Kind"),
        ("title", "Title"),
        ("status", "Status"),
        ("status_label", "Status"),
        ("recorded", "Recorded"),
        ("attendees", "Attendees"),
        ("apologies", "Apologies"),
        ("agenda_items", "Items"),
        ("decisions", "Decisions"),
        ("actions_raised", "Actions"),
        ("assessments", "Assessments"),
    ])
    .machine_only(&machine);
    for row in rows {
        listing.push(vec![
            Value::opt_text(row.date_text.as_deref()),
            Value::Text(row.id.to_owned()),
            row.number.map_or(Value::Null, |n| Value::Int(i64::from(n))),
            Value::opt_text(row.kind),
            Value::opt_text(row.kind_label),
            Value::opt_text(row.title.as_deref()),
            Value::opt_text(row.status),
            Value::opt_text(row.status_label),
            Value::Bool(row.recorded),
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
