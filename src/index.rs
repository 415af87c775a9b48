//! The one index of a loaded records tree, built once per run after
//! loading: IDs to records (every definition kept, so duplicates are data
//! for E0201), actions by the meeting that raised them, action updates by
//! the meeting that reviewed them, assessments by proposal and by
//! meeting, and meetings in date order. Validation, every listing,
//! `show`, `minutes` and `report` read it; none builds its own map.

// foldhash (seeded per process, as std's SipHash is) instead of SipHash:
// the index's look-ups by ID hashed about 5 % of a warm `validate`.
use foldhash::{HashMap, HashMapExt};

use chrono::NaiveDate;

use crate::ids::natural_cmp;
use crate::load::{Located, Records};
use crate::model::{
    Action, ActionUpdate, AgendaItem, Assessment, Meeting, Modification, Organisation, Person,
    Principle,
};

/// One assessment of a proposal, with the meeting and agenda item that
/// made it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Assessed<'r> {
    /// The meeting.
    pub(crate) meeting: &'r Meeting,
    /// The agenda item holding the assessment table.
    pub(crate) item: &'r AgendaItem,
    /// The row of the table.
    pub(crate) assessment: &'r Assessment,
}

/// Every definition of each key, in file-path order.
type Defs<'r, K, T> = HashMap<K, Vec<&'r Located<T>>>;

fn defs<'r, K: std::hash::Hash + Eq, T>(
    list: &'r [Located<T>],
    key: impl Fn(&'r T) -> K,
) -> Defs<'r, K, T> {
    let mut map: Defs<'r, K, T> = HashMap::new();
    for located in list {
        map.entry(key(&located.record)).or_default().push(located);
    }
    map
}

/// The index of one [`Records`]; see the module documentation.
#[derive(Debug)]
pub struct Index<'r> {
    records: &'r Records,
    meetings: Defs<'r, &'r str, Meeting>,
    actions: Defs<'r, &'r str, Action>,
    modifications: Defs<'r, &'r str, Modification>,
    people: Defs<'r, &'r str, Person>,
    organisations: Defs<'r, &'r str, Organisation>,
    principles: Defs<'r, u32, Principle>,
    raised_at: HashMap<&'r str, Vec<&'r Action>>,
    reviewed_at: HashMap<&'r str, Vec<(&'r Action, &'r ActionUpdate)>>,
    assessments_of: HashMap<&'r str, Vec<Assessed<'r>>>,
    mentioned_at: HashMap<&'r str, Vec<&'r Meeting>>,
    by_date: Vec<&'r Meeting>,
}

impl<'r> Index<'r> {
    /// Indexes `records`, in one pass over each kind. The parts are
    /// independent, so they are built on every core (`rayon::join`): on
    /// one thread this was a serial stretch of a warm `validate` while the
    /// other core idled.
    pub fn new(records: &'r Records) -> Index<'r> {
        let ((by_date, assessments_of, mentioned_at), ((raised_at, reviewed_at), defs)) =
            rayon::join(
                || by_date_and_assessments(records),
                || {
                    rayon::join(
                        || raised_and_reviewed(records),
                        || {
                            rayon::join(
                                || {
                                    (
                                        defs(&records.meetings, |m| m.id.value.as_str()),
                                        defs(&records.modifications, |m| m.id.value.as_str()),
                                    )
                                },
                                || {
                                    (
                                        defs(&records.actions, |a| a.id.value.as_str()),
                                        defs(&records.people, |p| p.id.value.as_str()),
                                        defs(&records.organisations, |o| o.id.value.as_str()),
                                        defs(&records.principles, |p| p.number.value),
                                    )
                                },
                            )
                        },
                    )
                },
            );
        let ((meetings, modifications), (actions, people, organisations, principles)) = defs;
        Index {
            records,
            meetings,
            actions,
            modifications,
            people,
            organisations,
            principles,
            raised_at,
            reviewed_at,
            assessments_of,
            mentioned_at,
            by_date,
        }
    }

    /// The records this index covers.
    /// When the record `id` would be read from a file that exists but
    /// could not be read or parsed (too big, bad YAML), the one message
    /// every command gives for it: which file, and that `tsc validate`
    /// says why.
    pub(crate) fn unreadable(&self, id: &str) -> Option<String> {
        let stem = crate::ids::file_stem_for(id);
        let unread = &self.records().unread;
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

    pub(crate) fn records(&self) -> &'r Records {
        self.records
    }

    /// The meeting with this ID (its first definition).
    pub fn meeting(&self, id: &str) -> Option<&'r Meeting> {
        self.located_meeting(id).map(|m| &m.record)
    }

    /// The meeting with this ID, with its file.
    pub(crate) fn located_meeting(&self, id: &str) -> Option<&'r Located<Meeting>> {
        first(&self.meetings, id)
    }

    /// The date of the meeting with this ID.
    pub fn meeting_date(&self, id: &str) -> Option<NaiveDate> {
        self.meeting(id).and_then(Meeting::known_date)
    }

    /// The action with this ID (its first definition).
    pub(crate) fn action(&self, id: &str) -> Option<&'r Action> {
        first(&self.actions, id).map(|a| &a.record)
    }

    /// The person with this ID (its first definition).
    pub(crate) fn person(&self, id: &str) -> Option<&'r Person> {
        self.located_person(id).map(|p| &p.record)
    }

    /// The person with this ID, with its file.
    pub(crate) fn located_person(&self, id: &str) -> Option<&'r Located<Person>> {
        first(&self.people, id)
    }

    /// The organisation with this ID (its first definition).
    pub(crate) fn organisation(&self, id: &str) -> Option<&'r Organisation> {
        first(&self.organisations, id).map(|o| &o.record)
    }

    /// The modification proposal with this ID (its first definition).
    pub(crate) fn modification(&self, id: &str) -> Option<&'r Modification> {
        self.located_modification(id).map(|m| &m.record)
    }

    /// The modification proposal with this ID, with its file.
    pub(crate) fn located_modification(&self, id: &str) -> Option<&'r Located<Modification>> {
        first(&self.modifications, id)
    }

    /// The principle with this number (its first definition), with its file.
    pub(crate) fn principle(&self, number: u32) -> Option<&'r Located<Principle>> {
        self.principles
            .get(&number)
            .and_then(|d| d.first().copied())
    }

    /// Every principle number with its first definition.
    pub(crate) fn principles(&self) -> impl Iterator<Item = (u32, &'r Located<Principle>)> + '_ {
        self.principles
            .iter()
            .filter_map(|(n, d)| Some((*n, *d.first()?)))
    }

    /// How many principle numbers are defined.
    pub(crate) fn principle_count(&self) -> usize {
        self.principles.len()
    }

    /// Every person ID.
    pub(crate) fn person_ids(&self) -> impl Iterator<Item = &'r str> + Clone + '_ {
        self.people.keys().copied()
    }

    /// Every organisation ID.
    pub(crate) fn organisation_ids(&self) -> impl Iterator<Item = &'r str> + Clone + '_ {
        self.organisations.keys().copied()
    }

    /// Every principle number defined.
    pub(crate) fn principle_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.principles.keys().copied()
    }

    /// Every definition of each meeting, action, proposal, person,
    /// organisation and principle key, for E0201: `(kind, all definitions)`
    /// with the first definition first. Keys are `Display`ed by the caller.
    pub fn definitions(&self) -> Definitions<'_, 'r> {
        Definitions { index: self }
    }

    /// The actions meeting `id` raised, in natural ID order.
    pub(crate) fn actions_raised_at(&self, id: &str) -> &[&'r Action] {
        self.raised_at.get(id).map_or(&[], Vec::as_slice)
    }

    /// The action updates reported at meeting `id`, in action order.
    pub(crate) fn updates_reviewed_at(&self, id: &str) -> &[(&'r Action, &'r ActionUpdate)] {
        self.reviewed_at.get(id).map_or(&[], Vec::as_slice)
    }

    /// Every assessment of proposal `id`, oldest meeting first (ties by
    /// meeting ID, then agenda order).
    pub(crate) fn assessments_of(&self, id: &str) -> &[Assessed<'r>] {
        self.assessments_of.get(id).map_or(&[], Vec::as_slice)
    }

    /// The proposal IDs that have an assessment, in no particular order
    /// (a proposal need not be defined to be assessed).
    pub(crate) fn assessed_ids(&self) -> impl Iterator<Item = &'r str> + '_ {
        self.assessments_of.keys().copied()
    }

    /// The meetings that assessed proposal `id` or mentioned it in an
    /// agenda item, oldest first, each once.
    pub(crate) fn meetings_discussing(&self, id: &str) -> &[&'r Meeting] {
        self.mentioned_at.get(id).map_or(&[], Vec::as_slice)
    }

    /// A person or organisation ID as the minutes show it: the person's
    /// name (`Julian Hughes`), the organisation as
    /// [`Organisation::as_minuted`] names it (`SECAS`, `Ofgem`), or the ID
    /// itself when it resolves to nothing.
    pub(crate) fn name_of(&self, id: &'r str) -> &'r str {
        if let Some(person) = self.person(id) {
            &person.name.value
        } else if let Some(organisation) = self.organisation(id) {
            organisation.as_minuted()
        } else {
            id
        }
    }

    /// Every meeting, oldest first (ties by natural ID order).
    pub fn meetings_by_date(&self) -> &[&'r Meeting] {
        &self.by_date
    }

    /// Every person and organisation ID, for "did you mean" suggestions.
    pub fn owner_ids(&self) -> impl Iterator<Item = &'r str> + Clone + '_ {
        self.people.keys().chain(self.organisations.keys()).copied()
    }

    /// Every meeting ID.
    pub fn meeting_ids(&self) -> impl Iterator<Item = &'r str> + Clone + '_ {
        self.meetings.keys().copied()
    }

    /// Every modification proposal ID.
    pub(crate) fn modification_ids(&self) -> impl Iterator<Item = &'r str> + Clone + '_ {
        self.modifications.keys().copied()
    }

    /// Every action ID.
    pub(crate) fn action_ids(&self) -> impl Iterator<Item = &'r str> + Clone + '_ {
        self.actions.keys().copied()
    }
}

/// Every definition of every ID, from [`Index::definitions`].
#[derive(Debug, Clone, Copy)]
pub struct Definitions<'i, 'r> {
    index: &'i Index<'r>,
}

impl<'r> Definitions<'_, 'r> {
    /// The definitions of meeting `id`, first one first.
    pub fn meeting(&self, id: &str) -> &[&'r Located<Meeting>] {
        all(&self.index.meetings, id)
    }

    /// The definitions of action `id`.
    pub fn action(&self, id: &str) -> &[&'r Located<Action>] {
        all(&self.index.actions, id)
    }

    /// The definitions of proposal `id`.
    pub fn modification(&self, id: &str) -> &[&'r Located<Modification>] {
        all(&self.index.modifications, id)
    }

    /// The definitions of person `id`.
    pub fn person(&self, id: &str) -> &[&'r Located<Person>] {
        all(&self.index.people, id)
    }

    /// The definitions of organisation `id`.
    pub fn organisation(&self, id: &str) -> &[&'r Located<Organisation>] {
        all(&self.index.organisations, id)
    }

    /// The definitions of principle `number`.
    pub fn principle(&self, number: u32) -> &[&'r Located<Principle>] {
        self.index
            .principles
            .get(&number)
            .map_or(&[], Vec::as_slice)
    }
}

/// The meetings in date order, and every assessment and mention of each
/// proposal in that order (part of [`Index::new`]).
// The tuple is three fields of [`Index`], named there.
#[allow(clippy::type_complexity)]
fn by_date_and_assessments(
    records: &Records,
) -> (
    Vec<&Meeting>,
    HashMap<&str, Vec<Assessed<'_>>>,
    HashMap<&str, Vec<&Meeting>>,
) {
    let mut by_date: Vec<&Meeting> = records.meetings.iter().map(|m| &m.record).collect();
    by_date.sort_by(|a, b| {
        a.sort_date()
            .cmp(&b.sort_date())
            .then_with(|| natural_cmp(&a.id.value, &b.id.value))
    });
    let mut assessments_of: HashMap<&str, Vec<Assessed>> = HashMap::new();
    let mut mentioned_at: HashMap<&str, Vec<&Meeting>> = HashMap::new();
    for &meeting in &by_date {
        for item in &meeting.agenda {
            for assessment in &item.assessments {
                let id = assessment.modification.value.as_str();
                assessments_of.entry(id).or_default().push(Assessed {
                    meeting,
                    item,
                    assessment,
                });
                note_meeting(&mut mentioned_at, id, meeting);
            }
            for id in &item.modifications {
                note_meeting(&mut mentioned_at, id.value.as_str(), meeting);
            }
        }
    }
    (by_date, assessments_of, mentioned_at)
}

/// The actions each meeting raised (in natural ID order) and the action
/// updates each reviewed (part of [`Index::new`]).
// The tuple is two fields of [`Index`], named there.
#[allow(clippy::type_complexity)]
fn raised_and_reviewed(
    records: &Records,
) -> (
    HashMap<&str, Vec<&Action>>,
    HashMap<&str, Vec<(&Action, &ActionUpdate)>>,
) {
    let mut raised_at: HashMap<&str, Vec<&Action>> = HashMap::new();
    let mut reviewed_at: HashMap<&str, Vec<(&Action, &ActionUpdate)>> = HashMap::new();
    for action in records.actions.iter().map(|a| &a.record) {
        raised_at
            .entry(action.meeting.value.as_str())
            .or_default()
            .push(action);
        for update in &action.updates {
            if let Some(meeting) = &update.meeting {
                reviewed_at
                    .entry(meeting.value.as_str())
                    .or_default()
                    .push((action, update));
            }
        }
    }
    for actions in raised_at.values_mut() {
        actions.sort_by(|a, b| natural_cmp(&a.id.value, &b.id.value));
    }
    (raised_at, reviewed_at)
}

fn first<'r, T>(map: &Defs<'r, &'r str, T>, id: &str) -> Option<&'r Located<T>> {
    map.get(id).and_then(|d| d.first().copied())
}

fn all<'a, 'r, T>(map: &'a Defs<'r, &'r str, T>, id: &str) -> &'a [&'r Located<T>] {
    map.get(id).map_or(&[], Vec::as_slice)
}

fn note_meeting<'r>(
    map: &mut HashMap<&'r str, Vec<&'r Meeting>>,
    id: &'r str,
    meeting: &'r Meeting,
) {
    let list = map.entry(id).or_default();
    if !list.last().is_some_and(|m| std::ptr::eq(*m, meeting)) {
        list.push(meeting);
    }
}
