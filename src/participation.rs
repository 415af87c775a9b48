//! Who took part and who owns what: the rows of `tsc people` and
//! `tsc organisations`.
//!
//! Source: the attendee and apologies tables of `meetings/*.yaml`, the
//! `presented_by` of agenda items, and the `owner` of `actions/*.yaml`.
//! A person attended a meeting when they are in its attendee table; an
//! organisation attended when someone in that table represents it or when
//! it presented an agenda item.

use crate::ids::natural_cmp;
use crate::lookup::Lookup;
use crate::model::Meeting;
use crate::output::{Listing, Value};
use crate::records::Records;

/// What one person or organisation took part in and owns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation<'r> {
    /// Person or organisation ID.
    pub id: &'r str,
    /// Full name.
    pub name: &'r str,
    /// For a person, the organisation recorded in `people.yaml`.
    pub organisation: Option<&'r str>,
    /// Meetings attended, oldest first.
    pub attended: Vec<&'r str>,
    /// Meetings they sent apologies to, oldest first.
    pub apologies: Vec<&'r str>,
    /// Actions owned, in natural ID order.
    pub actions: Vec<&'r str>,
    /// How many of those are open.
    pub open_actions: usize,
}

fn owned<'r>(records: &'r Records, id: &str) -> (Vec<&'r str>, usize) {
    let mut ids = Vec::new();
    let mut open = 0;
    for action in &records.actions {
        let a = &action.record;
        if a.owner.value == id {
            ids.push(a.id.value.as_str());
            if records
                .settings
                .vocabularies
                .is_open_status(&a.status.value)
            {
                open += 1;
            }
        }
    }
    ids.sort_by(|a, b| natural_cmp(a, b));
    (ids, open)
}

fn meetings_where<'r>(lookup: &Lookup<'r>, test: impl Fn(&Meeting) -> bool) -> Vec<&'r str> {
    lookup
        .meetings_by_date()
        .into_iter()
        .filter(|m| test(m))
        .map(|m| m.id.value.as_str())
        .collect()
}

/// Every person in `people.yaml`, in natural ID order.
pub fn people(records: &Records) -> Vec<Participation<'_>> {
    let lookup = Lookup::new(records);
    let mut rows: Vec<Participation<'_>> = records
        .people
        .iter()
        .map(|p| {
            let p = &p.record;
            let id = p.id.value.as_str();
            let (actions, open_actions) = owned(records, id);
            Participation {
                id,
                name: &p.name,
                organisation: p.organisation.as_ref().map(|o| o.value.as_str()),
                attended: meetings_where(&lookup, |m| {
                    m.attendees.iter().any(|a| a.person.value == id)
                }),
                apologies: meetings_where(&lookup, |m| {
                    m.apologies.iter().any(|a| a.person.value == id)
                }),
                actions,
                open_actions,
            }
        })
        .collect();
    rows.sort_by(|a, b| natural_cmp(a.id, b.id));
    rows
}

/// Every organisation in `organisations.yaml`, in natural ID order.
pub fn organisations(records: &Records) -> Vec<Participation<'_>> {
    let lookup = Lookup::new(records);
    let represents = |list: &[crate::model::Attendance], id: &str| {
        list.iter()
            .any(|a| a.representing.as_ref().is_some_and(|r| r.value == id))
    };
    let mut rows: Vec<Participation<'_>> = records
        .organisations
        .iter()
        .map(|o| {
            let o = &o.record;
            let id = o.id.value.as_str();
            let (actions, open_actions) = owned(records, id);
            Participation {
                id,
                name: &o.name,
                organisation: None,
                attended: meetings_where(&lookup, |m| {
                    represents(&m.attendees, id)
                        || m.agenda
                            .iter()
                            .any(|i| i.presented_by.as_ref().is_some_and(|p| p.value == id))
                }),
                apologies: meetings_where(&lookup, |m| represents(&m.apologies, id)),
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
/// (a number).
pub fn listing(rows: &[Participation<'_>]) -> Listing {
    let mut listing = Listing::new(&[
        ("id", "ID"),
        ("name", "Name"),
        ("organisation", "Organisation"),
        ("attended", "Attended"),
        ("apologies", "Apologies"),
        ("actions", "Actions owned"),
        ("open_actions", "Open"),
    ]);
    if rows.iter().all(|r| r.organisation.is_none()) {
        listing = listing.machine_only(&["organisation"]);
    }
    for row in rows {
        let list = |ids: &[&str]| Value::List(ids.iter().map(|s| (*s).to_owned()).collect());
        listing.push(vec![
            Value::Text(row.id.to_owned()),
            Value::Text(row.name.to_owned()),
            Value::opt_text(row.organisation),
            list(&row.attended),
            list(&row.apologies),
            list(&row.actions),
            Value::count(row.open_actions),
        ]);
    }
    listing
}
