//! Who took part and who owns what: the rows of `tsc people` and
//! `tsc organisations`.
//!
//! Source: the attendee and apologies tables of `meetings/*.yaml`, the
//! `presented_by` of agenda items, and the `owner` of `actions/*.yaml`.
//! A person attended a meeting when they are in its attendee table; an
//! organisation attended when someone in that table represents it or when
//! it presented an agenda item.

use std::collections::HashMap;

use crate::ids::natural_cmp;
use crate::index::Index;
use crate::load::Records;
use crate::model::{Attendance, Meeting};
use crate::output::{Listing, Value};

/// What one person or organisation took part in and owns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation<'r> {
    /// Person or organisation ID.
    pub id: &'r str,
    /// Full name.
    pub(crate) name: &'r str,
    /// For a person, the organisation recorded in `people.yaml`.
    pub(crate) organisation: Option<&'r str>,
    /// Meetings attended, oldest first.
    pub attended: Vec<&'r str>,
    /// Meetings they sent apologies to, oldest first.
    pub apologies: Vec<&'r str>,
    /// Actions owned, in natural ID order.
    pub actions: Vec<&'r str>,
    /// How many of those are open.
    pub open_actions: usize,
}

/// Each owner's actions (in natural ID order) and how many of them are
/// open, from one pass over the actions.
fn owned(records: &Records) -> HashMap<&str, (Vec<&str>, usize)> {
    let vocabularies = &records.settings.vocabularies;
    let mut owned: HashMap<&str, (Vec<&str>, usize)> = HashMap::new();
    for action in &records.actions {
        let a = &action.record;
        // Who owns it now: after every update, reassignments included.
        let Some(owner) = a.owner_as_of(None) else {
            continue;
        };
        let (ids, open) = owned.entry(owner.value.as_str()).or_default();
        ids.push(a.id.value.as_str());
        if vocabularies.is_open_status(&a.status.value) {
            *open += 1;
        }
    }
    for (ids, _) in owned.values_mut() {
        ids.sort_by(|a, b| natural_cmp(a, b));
    }
    owned
}

/// For every ID that `named` finds in a meeting, the IDs of those
/// meetings, oldest first and each meeting once; from one pass over the
/// meetings.
fn meetings_naming<'r, I>(
    index: &Index<'r>,
    named: impl Fn(&'r Meeting) -> I,
) -> HashMap<&'r str, Vec<&'r str>>
where
    I: Iterator<Item = &'r str>,
{
    let mut found: HashMap<&'r str, Vec<&'r Meeting>> = HashMap::new();
    for &meeting in index.meetings_by_date() {
        for id in named(meeting) {
            let list = found.entry(id).or_default();
            if !list.last().is_some_and(|m| std::ptr::eq(*m, meeting)) {
                list.push(meeting);
            }
        }
    }
    found
        .into_iter()
        .map(|(id, meetings)| (id, meetings.iter().map(|m| m.id.value.as_str()).collect()))
        .collect()
}

/// The people listed in an attendee or apologies table.
fn people_in(list: &[Attendance]) -> impl Iterator<Item = &str> {
    list.iter().map(|a| a.person.value.as_str())
}

/// The organisations that people in an attendee or apologies table
/// represent, or were minuted as being from (`organisation`).
fn represented(list: &[Attendance]) -> impl Iterator<Item = &str> {
    list.iter().flat_map(|a| {
        (a.representing.iter())
            .chain(a.organisation.as_deref())
            .map(|r| r.value.as_str())
    })
}

/// The list `index` holds for `id`, or an empty one.
fn listed<'r>(index: &HashMap<&str, Vec<&'r str>>, id: &str) -> Vec<&'r str> {
    index.get(id).cloned().unwrap_or_default()
}

/// Every person in `people.yaml`, in natural ID order.
pub fn people<'r>(index: &Index<'r>) -> Vec<Participation<'r>> {
    let records = index.records();
    let attended = meetings_naming(index, |m| people_in(&m.attendees));
    let apologies = meetings_naming(index, |m| people_in(&m.apologies));
    let parties = records.people.iter().map(|p| {
        let p = &p.record;
        let organisation = p.organisation.as_ref().map(|o| o.value.as_str());
        (p.id.value.as_str(), p.name.value.as_str(), organisation)
    });
    rows(records, parties, &attended, &apologies)
}

/// Every organisation in `organisations.yaml`, in natural ID order.
pub fn organisations<'r>(index: &Index<'r>) -> Vec<Participation<'r>> {
    let records = index.records();
    let attended = meetings_naming(index, |m| {
        let presenters = m
            .agenda
            .iter()
            .filter_map(|i| i.presented_by.as_ref().map(|p| p.value.as_str()));
        represented(&m.attendees).chain(presenters)
    });
    let apologies = meetings_naming(index, |m| represented(&m.apologies));
    let parties = records.organisations.iter().map(|o| {
        let o = &o.record;
        (o.id.value.as_str(), o.name.value.as_str(), None)
    });
    rows(records, parties, &attended, &apologies)
}

/// One row per `(id, name, organisation)` party, with the meetings it
/// attended or sent apologies to and the actions it owns, in natural ID
/// order.
fn rows<'r>(
    records: &'r Records,
    parties: impl Iterator<Item = (&'r str, &'r str, Option<&'r str>)>,
    attended: &HashMap<&'r str, Vec<&'r str>>,
    apologies: &HashMap<&'r str, Vec<&'r str>>,
) -> Vec<Participation<'r>> {
    let owned = owned(records);
    let mut rows: Vec<Participation<'r>> = parties
        .map(|(id, name, organisation)| {
            let (actions, open_actions) = owned.get(id).cloned().unwrap_or_default();
            Participation {
                id,
                name,
                organisation,
                attended: listed(attended, id),
                apologies: listed(apologies, id),
                actions,
                open_actions,
            }
        })
        .collect();
    rows.sort_by(|a, b| natural_cmp(a.id, b.id));
    rows
}

/// People or organisations as a [`Listing`]. Keys: `id`, `name`,
/// `organisation` (people only; `null` otherwise), `attended` (meeting
/// IDs), `apologies` (meeting IDs), `actions` (action IDs), `open_actions`
/// (a number). Tables and Markdown show the meetings attended and those
/// with apologies in one cell, `TSC_07_1606 (apologies)` for the latter,
/// so that names are not squeezed at 80 columns.
pub fn listing(rows: &[Participation<'_>]) -> Listing {
    let mut listing = Listing::new(&[
        ("id", "ID"),
        ("name", "Name"),
        ("organisation", "Organisation"),
        ("attended", "Attended"),
        ("apologies", "Apologies"),
        ("meetings_seen", "Meetings"),
        ("actions", "Actions owned"),
        ("open_actions", "Open"),
    ])
    .human_only(&["meetings_seen"]);
    listing.machine_only = if rows.iter().all(|r| r.organisation.is_none()) {
        vec!["organisation", "attended", "apologies"]
    } else {
        vec!["attended", "apologies"]
    };
    for row in rows {
        let list = |ids: &[&str]| Value::List(ids.iter().map(|s| (*s).to_owned()).collect());
        let meetings: Vec<String> = row
            .attended
            .iter()
            .map(|m| (*m).to_owned())
            .chain(row.apologies.iter().map(|m| format!("{m} (apologies)")))
            .collect();
        listing.push(vec![
            Value::Text(row.id.to_owned()),
            Value::Text(row.name.to_owned()),
            Value::opt_text(row.organisation),
            list(&row.attended),
            list(&row.apologies),
            Value::List(meetings),
            list(&row.actions),
            Value::count(row.open_actions),
        ]);
    }
    listing
}
