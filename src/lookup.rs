//! Resolving IDs to records: which meeting, person, organisation or
//! proposal an ID names. Every query module goes through [`Lookup`] so that
//! an ID is resolved the same way everywhere.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::ids::natural_cmp;
use crate::model::{Meeting, Modification, Organisation, Person};
use crate::records::Records;

/// Maps from ID to record, built once per query from a [`Records`].
#[derive(Debug)]
pub struct Lookup<'r> {
    records: &'r Records,
    meetings: HashMap<&'r str, &'r Meeting>,
    people: HashMap<&'r str, &'r Person>,
    organisations: HashMap<&'r str, &'r Organisation>,
    modifications: HashMap<&'r str, &'r Modification>,
}

impl<'r> Lookup<'r> {
    /// Indexes `records`. When an ID occurs twice (a validation error) the
    /// first record in file-path order wins.
    pub fn new(records: &'r Records) -> Lookup<'r> {
        fn index<'r, T>(
            items: impl Iterator<Item = &'r T>,
            id: impl Fn(&'r T) -> &'r str,
        ) -> HashMap<&'r str, &'r T> {
            let mut map = HashMap::new();
            for item in items {
                map.entry(id(item)).or_insert(item);
            }
            map
        }
        Lookup {
            records,
            meetings: index(records.meetings.iter().map(|m| &m.record), |m| {
                m.id.value.as_str()
            }),
            people: index(records.people.iter().map(|p| &p.record), |p| {
                p.id.value.as_str()
            }),
            organisations: index(records.organisations.iter().map(|o| &o.record), |o| {
                o.id.value.as_str()
            }),
            modifications: index(records.modifications.iter().map(|m| &m.record), |m| {
                m.id.value.as_str()
            }),
        }
    }

    /// The records this lookup indexes.
    pub fn records(&self) -> &'r Records {
        self.records
    }

    /// The meeting with this ID.
    pub fn meeting(&self, id: &str) -> Option<&'r Meeting> {
        self.meetings.get(id).copied()
    }

    /// The date of the meeting with this ID.
    pub fn meeting_date(&self, id: &str) -> Option<NaiveDate> {
        self.meeting(id).map(|m| m.date.value)
    }

    /// The person with this ID.
    pub fn person(&self, id: &str) -> Option<&'r Person> {
        self.people.get(id).copied()
    }

    /// The organisation with this ID.
    pub fn organisation(&self, id: &str) -> Option<&'r Organisation> {
        self.organisations.get(id).copied()
    }

    /// The modification proposal with this ID.
    pub fn modification(&self, id: &str) -> Option<&'r Modification> {
        self.modifications.get(id).copied()
    }

    /// A display name for a person or organisation ID: the person's name,
    /// the organisation's ID (organisations are known by their acronym), or
    /// the ID itself when it resolves to nothing.
    pub fn name_of(&self, id: &'r str) -> &'r str {
        if let Some(person) = self.person(id) {
            &person.name
        } else {
            id
        }
    }

    /// Every meeting, oldest first (ties by natural ID order).
    pub fn meetings_by_date(&self) -> Vec<&'r Meeting> {
        let mut meetings: Vec<&Meeting> = self.records.meetings.iter().map(|m| &m.record).collect();
        meetings.sort_by(|a, b| {
            a.date
                .value
                .cmp(&b.date.value)
                .then_with(|| natural_cmp(&a.id.value, &b.id.value))
        });
        meetings
    }

    /// Every person and organisation ID, for "did you mean" suggestions.
    pub fn owner_ids(&self) -> impl Iterator<Item = &'r str> + '_ {
        self.people.keys().chain(self.organisations.keys()).copied()
    }
}

/// When the record `id` would be read from a file that exists but could
/// not be read or parsed (too big, bad YAML), the one message every
/// command gives for it: which file, and that `tsc validate` says why.
pub fn unreadable(records: &Records, id: &str) -> Option<String> {
    let stem = crate::ids::file_stem_for(id);
    let unread = &records.unread;
    let kind = if unread.meetings.contains(&stem) {
        "meeting"
    } else if unread.actions.contains(&stem) {
        "action"
    } else if unread.modifications.contains(&stem) {
        "modification proposal"
    } else {
        return None;
    };
    Some(format!(
        "the {kind} file for `{id}` could not be read; `tsc validate` says what is wrong with it"
    ))
}
