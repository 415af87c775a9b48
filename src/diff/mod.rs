//! What a change to the records means: the semantic difference between
//! two loaded record sets (two git revisions, a revision and the index, or
//! a revision and the working tree).
//!
//! [`diff`] compares two [`Loaded`] sets record by record, by ID, and
//! returns typed [`Change`]s: actions raised, closed, reopened or
//! withdrawn (by the status terms' meaning flags, never their IDs), an
//! action's owner, due date or text changed and its updates added;
//! proposals added or removed, their latest interest level (`Medium →
//! High`, with the meeting that assessed it), phase and related
//! proposals; meetings added or removed, their status (`draft → final`)
//! and attendance; people, organisations and principles added, removed or
//! renamed; settings; and every record file that failed to load at either
//! side, with its revision and path.
//!
//! [`human`], [`markdown`] and [`json`] render the result; each change's
//! words come from [`Change::words`], so every format, and `tsc log`,
//! says the same thing.

pub mod human;
pub mod json;
pub mod markdown;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::ids::{file_stem_for, natural_cmp};
use crate::index::Index;
use crate::load::{Loaded, Records};
use crate::model::{Action, Modification, Principle, Text};
use crate::settings::{MEANINGS, Meaning, Term, Vocabularies};

/// One side of a comparison: the records and where they came from.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// How the side is named to the user: a revision (`HEAD~1`), `index`
    /// or `working tree`.
    pub revision: &'a str,
    /// The records loaded at that revision.
    pub loaded: &'a Loaded,
}

/// What kind of record a change is about; also the group it is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Subject {
    /// An action (`actions/`).
    Action,
    /// A modification proposal (`modifications/`, and its assessments).
    Modification,
    /// A meeting (`meetings/`).
    Meeting,
    /// An entry of `people.yaml`.
    Person,
    /// An entry of `organisations.yaml`.
    Organisation,
    /// An entry of `principles.yaml`.
    Principle,
    /// `tsc.yaml`.
    Settings,
    /// A record file that did not load.
    Unreadable,
}

impl Subject {
    /// The group heading: `Actions`, `Modification proposals`, ...
    pub(crate) fn heading(self) -> &'static str {
        match self {
            Subject::Action => "Actions",
            Subject::Modification => "Modification proposals",
            Subject::Meeting => "Meetings",
            Subject::Person => "People",
            Subject::Organisation => "Organisations",
            Subject::Principle => "Principles",
            Subject::Settings => "Settings",
            Subject::Unreadable => "Records that did not load",
        }
    }

    /// The subject counted `n` times: `1 action`, `2 people`, ...
    pub(crate) fn counted(self, n: usize) -> String {
        let (one, many) = match self {
            Subject::Action => ("action", "actions"),
            Subject::Modification => ("modification proposal", "modification proposals"),
            Subject::Meeting => ("meeting", "meetings"),
            Subject::Person => ("person", "people"),
            Subject::Organisation => ("organisation", "organisations"),
            Subject::Principle => ("principle", "principles"),
            Subject::Settings => ("setting", "settings"),
            Subject::Unreadable => ("unreadable file", "unreadable files"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// What changed. Values are shown as the records' vocabulary labels
/// (`Open`, `High`), except meeting statuses, which are shown as written
/// (`draft → final`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub(crate) enum What {
    /// A new action, or a new record of any other kind.
    Added {
        /// For an action: the meeting that raised it.
        #[serde(skip_serializing_if = "Option::is_none")]
        meeting: Option<String>,
        /// An action's owner.
        #[serde(skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        /// An action's due date, as given when it was raised.
        #[serde(skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
        /// A meeting's date.
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
        /// An action's text, a proposal's title, a person's or
        /// organisation's name, a principle's text.
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// A meeting's status, an action's status when not open.
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<String>,
    },
    /// The record is gone.
    Removed,
    /// An action went from an open status to a closed one.
    Closed(Transition),
    /// An action went from an open status to a withdrawn one.
    Withdrawn(Transition),
    /// An action went from a closed or withdrawn status to an open one.
    Reopened(Transition),
    /// A status changed without opening or closing: an action from `Open`
    /// to `On target`, a meeting from `draft` to `final`, a principle
    /// from `Proposed` to `Agreed`.
    Status {
        /// The old status.
        from: String,
        /// The new status.
        to: String,
    },
    /// An action's own owner (the one given when it was raised) changed;
    /// a reassignment at an update is told with that update.
    Owner {
        /// The old owner.
        from: String,
        /// The new owner.
        to: String,
    },
    /// An action's own due date (the one given when it was raised) was
    /// set, changed or removed; a due date an update sets is told with
    /// that update.
    Due {
        /// The old due date.
        from: Option<NaiveDate>,
        /// The new due date.
        to: Option<NaiveDate>,
    },
    /// A closed (or withdrawn) action's closing date changed, its status
    /// staying closed.
    ClosedOn {
        /// The old closing date.
        from: Option<NaiveDate>,
        /// The new closing date.
        to: Option<NaiveDate>,
    },
    /// An action's text changed (or a proposal's title, a principle's
    /// wording).
    Text {
        /// The old text.
        from: String,
        /// The new text.
        to: String,
    },
    /// An update was added to an action.
    Update(Update),
    /// An update already recorded was changed (the same day and meeting,
    /// another note, status or item).
    Edited {
        /// The update as it is now.
        update: Update,
        /// The update as it was.
        previous: Update,
    },
    /// An update was deleted from an action's history.
    Deleted {
        /// The update that is gone.
        update: Update,
    },
    /// A proposal's latest interest level changed, at a meeting.
    Interest {
        /// The old latest level; `None` when it was not assessed.
        from: Option<String>,
        /// The new latest level; `None` when no assessment is left.
        to: Option<String>,
        /// The meeting of the new latest assessment.
        #[serde(skip_serializing_if = "Option::is_none")]
        meeting: Option<String>,
    },
    /// A proposal's phase changed.
    Phase {
        /// The old phase.
        from: Option<String>,
        /// The new phase.
        to: Option<String>,
    },
    /// Related proposals were added or removed.
    Related {
        /// IDs added.
        added: Vec<String>,
        /// IDs removed.
        removed: Vec<String>,
    },
    /// People were added to or removed from a meeting's attendees or
    /// apologies.
    Attendance {
        /// Person IDs now attending who were not.
        attended: Vec<String>,
        /// Person IDs no longer attending.
        no_longer_attended: Vec<String>,
        /// Person IDs now sending apologies who were not.
        apologies: Vec<String>,
        /// Person IDs no longer sending apologies.
        no_longer_apologies: Vec<String>,
    },
    /// A person's or organisation's name changed.
    Renamed {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// A setting of `tsc.yaml` changed; `id` names it
    /// (`vocabularies.interest_levels`, `committee.name`, ...).
    Setting {
        /// The old value, shown as text.
        from: Option<String>,
        /// The new value, shown as text.
        to: Option<String>,
    },
    /// A record file did not load; `id` is its path.
    Unreadable {
        /// The revision at which it did not load.
        revision: String,
        /// The file, as `PATH[:LINE:COLUMN]`.
        path: String,
        /// Why.
        message: String,
    },
}

/// An action's change of status between open and not open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Transition {
    /// The old status's label.
    pub(crate) from: String,
    /// The new status's label.
    pub(crate) to: String,
    /// The closing date, when closed or withdrawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) date: Option<NaiveDate>,
    /// The update added with the change of status, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) update: Option<Update>,
}

/// An action update, as the diff shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Update {
    /// The day of the update.
    pub(crate) date: NaiveDate,
    /// The meeting it was reported at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) meeting: Option<String>,
    /// The agenda item of that meeting it was reported under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) agenda_item: Option<crate::model::ItemNumber>,
    /// The status it set (label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<String>,
    /// The due date it set or moved to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) due: Option<NaiveDate>,
    /// The due date in effect before it (the action's own, or an earlier
    /// update's), when it set one: the words say `due FROM → TO`.
    #[serde(skip)]
    pub(crate) due_before: Option<NaiveDate>,
    /// The owner (ID) it reassigned the action to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) owner: Option<String>,
    /// The owner (ID) before it, when it reassigned the action: the
    /// words say `owner FROM → TO` (`not recorded` when none was named).
    #[serde(skip)]
    pub(crate) owner_before: Option<String>,
    /// What was reported.
    pub(crate) note: String,
}

/// One change in meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What kind of record it is about.
    pub(crate) record: Subject,
    /// The record's ID (a person ID, a principle number, a setting's
    /// name, or for an unreadable file its path).
    pub(crate) id: String,
    /// What changed.
    #[serde(flatten)]
    pub(crate) what: What,
}

/// A piece of a change's sentence, so that each format can style or
/// escape it: words are `tsc`'s own, IDs and text come from the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// `tsc`'s own words (`at`, `→`, punctuation).
    Word(String),
    /// An ID or a vocabulary label from the records.
    Id(String),
    /// Free text from the records (an action's text, a name, a note).
    Text(String),
}

/// The result of [`diff`].
#[derive(Debug, Clone, Default)]
pub struct Diff {
    /// The old side's name (`HEAD~1`).
    pub(crate) from: String,
    /// The new side's name (`HEAD`, `index`, `working tree`).
    pub(crate) to: String,
    /// The changes, grouped by [`Subject`] in its order, then in natural
    /// ID order, then in the order found.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether nothing changed (and nothing failed to load).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes grouped by subject, in [`Subject`] order.
    pub(crate) fn groups(&self) -> Vec<(Subject, Vec<&Change>)> {
        let mut groups: BTreeMap<Subject, Vec<&Change>> = BTreeMap::new();
        for change in &self.changes {
            groups.entry(change.record).or_default().push(change);
        }
        groups.into_iter().collect()
    }

    /// `4 changes to 2 actions, 1 modification proposal and 1 person`,
    /// `3 changes to 1 action`, or `no changes`.
    pub(crate) fn summary(&self) -> String {
        self.worded(None)
    }

    /// The summary line, with `between` (`HEAD~1 and HEAD`) after the
    /// records when given: changes are counted once each, records once
    /// per kind and ID however many of their changes there are.
    pub(crate) fn worded(&self, between: Option<&str>) -> String {
        let n = self.changes.len();
        let mut line = match n {
            0 => "no changes".to_owned(),
            1 => "1 change".to_owned(),
            n => format!("{n} changes"),
        };
        let parts: Vec<String> = self
            .groups()
            .iter()
            .map(|(subject, changes)| {
                let ids: std::collections::BTreeSet<&str> =
                    changes.iter().map(|c| c.id.as_str()).collect();
                subject.counted(ids.len())
            })
            .collect();
        if let Some((last, rest)) = parts.split_last() {
            line.push_str(" to ");
            if !rest.is_empty() {
                line.push_str(&rest.join(", "));
                line.push_str(" and ");
            }
            line.push_str(last);
        }
        if let Some(between) = between {
            line.push_str(" between ");
            line.push_str(between);
        }
        line
    }
}

impl Change {
    /// The verb that heads the change's line: `raised`, `closed`,
    /// `interest`, `renamed`, ...
    pub(crate) fn verb(&self) -> &'static str {
        match &self.what {
            What::Added { .. } if self.record == Subject::Action => "raised",
            What::Added { .. } => "added",
            What::Removed => "removed",
            What::Closed(_) => "closed",
            What::Withdrawn(_) => "withdrawn",
            What::Reopened(_) => "reopened",
            What::Status { .. } => "status",
            What::Owner { .. } => "owner",
            What::Due { .. } => "due",
            What::ClosedOn { .. } => "closed-on",
            What::Text { .. } => "text",
            What::Update(_) => "update",
            What::Edited { .. } => "edited",
            What::Deleted { .. } => "deleted",
            What::Interest { .. } => "interest",
            What::Phase { .. } => "phase",
            What::Related { .. } => "related",
            What::Attendance { .. } => "attendance",
            What::Renamed { .. } => "renamed",
            What::Setting { .. } => "setting",
            What::Unreadable { .. } => "unreadable",
        }
    }

    /// Whether the change adds (green), removes or closes (red), or
    /// changes (yellow) something; renderers colour the verb by it.
    pub(crate) fn tone(&self) -> Tone {
        match &self.what {
            What::Added { .. } | What::Reopened(_) => Tone::Added,
            What::Removed
            | What::Closed(_)
            | What::Withdrawn(_)
            | What::Deleted { .. }
            | What::Unreadable { .. } => Tone::Removed,
            _ => Tone::Changed,
        }
    }

    /// The sentence after the verb, in pieces: `TSC07/01 on 2016-07-14
    /// (Open → Closed) at TSC_08_1607: note`.
    pub(crate) fn words(&self) -> Vec<Piece> {
        let mut w = Words(Vec::new());
        w.id(&self.id);
        match &self.what {
            What::Added {
                meeting,
                owner,
                due,
                date,
                text,
                status,
            } => {
                if let Some(meeting) = meeting {
                    w.word(" at ").id(meeting);
                }
                if let Some(date) = date {
                    w.word(&format!(" on {date}"));
                }
                if let Some(owner) = owner {
                    w.word(", owner ").id(owner);
                }
                if let Some(due) = due {
                    w.word(&format!(", due {due}"));
                }
                if let Some(status) = status {
                    w.word(", ").id(status);
                }
                if let Some(text) = text {
                    w.word(": ").text(text);
                }
            }
            What::Removed => {}
            What::Closed(t) | What::Withdrawn(t) | What::Reopened(t) => {
                if let Some(date) = t.date {
                    w.word(&format!(" on {date}"));
                }
                w.word(" (").id(&t.from).word(" → ").id(&t.to).word(")");
                if let Some(update) = &t.update {
                    w.reported(update);
                    w.due_set(update).owner_set(update);
                    w.word(": ").text(&update.note);
                }
            }
            What::Status { from, to } | What::Owner { from, to } | What::Renamed { from, to } => {
                let is_text = matches!(self.what, What::Renamed { .. });
                w.word(" ");
                w.either(from, is_text).word(" → ");
                w.either(to, is_text);
            }
            What::Due { from, to } | What::ClosedOn { from, to } => {
                let date = |d: &Option<NaiveDate>| d.map_or("none".to_owned(), |d| d.to_string());
                w.word(&format!(" {} → {}", date(from), date(to)));
            }
            What::Text { to, .. } => {
                w.word(" is now: ").text(to);
            }
            What::Update(update) => {
                w.word(&format!(" {}", update.date));
                w.reported(update);
                if let Some(status) = &update.status {
                    w.word(" (").id(status).word(")");
                }
                w.due_set(update).owner_set(update);
                w.word(": ").text(&update.note);
            }
            What::Edited { update, previous } => {
                w.word(&format!(" update of {}", update.date));
                w.reported(update);
                if let Some(status) = &update.status {
                    w.word(" (").id(status).word(")");
                }
                w.due_set(update).owner_set(update);
                if previous.due != update.due {
                    let was = previous.due.map_or("none".to_owned(), |d| d.to_string());
                    w.word(&format!(" (due was: {was})"));
                }
                if previous.owner != update.owner {
                    let was = previous.owner.as_deref().unwrap_or("none");
                    w.word(" (owner was: ").id(was).word(")");
                }
                w.word(": ").text(&update.note);
                if previous.note != update.note {
                    w.word(" (was: ").text(&previous.note).word(")");
                }
            }
            What::Deleted { update } => {
                w.word(&format!(" update of {}", update.date));
                w.reported(update);
                w.due_set(update).owner_set(update);
                w.word(": ").text(&update.note);
            }
            What::Interest { from, to, meeting } => {
                w.word(" ").maybe(from, "not assessed").word(" → ");
                w.maybe(to, "not assessed");
                if let Some(meeting) = meeting {
                    w.word(" at ").id(meeting);
                }
            }
            What::Phase { from, to } => {
                w.word(" ").maybe(from, "none").word(" → ");
                w.maybe(to, "none");
            }
            What::Related { added, removed } => {
                w.signed(&[("+", added), ("−", removed)]);
            }
            What::Attendance {
                attended,
                no_longer_attended,
                apologies,
                no_longer_apologies,
            } => {
                w.signed(&[
                    ("+ attended", attended),
                    ("− attended", no_longer_attended),
                    ("+ apologies", apologies),
                    ("− apologies", no_longer_apologies),
                ]);
            }
            What::Setting { from, to } => {
                w.word(": ").maybe_text(from, "none").word(" → ");
                w.maybe_text(to, "none");
            }
            What::Unreadable {
                revision, message, ..
            } => {
                w.word(" at ").id(revision).word(": ").text(message);
            }
        }
        w.0
    }

    /// [`Change::verb`] and [`Change::words`] as one plain line.
    pub fn plain(&self) -> String {
        let mut line = format!("{} ", self.verb());
        for piece in self.words() {
            match piece {
                Piece::Word(s) | Piece::Id(s) | Piece::Text(s) => line.push_str(&s),
            }
        }
        line
    }
}

/// How a change reads at a glance, for colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Something new: raised, added, reopened.
    Added,
    /// Something gone: closed, withdrawn, removed, unreadable.
    Removed,
    /// Something different.
    Changed,
}

/// Builds a change's pieces.
struct Words(Vec<Piece>);

impl Words {
    fn word(&mut self, s: &str) -> &mut Self {
        self.0.push(Piece::Word(s.to_owned()));
        self
    }
    fn id(&mut self, s: &str) -> &mut Self {
        self.0.push(Piece::Id(s.to_owned()));
        self
    }
    fn text(&mut self, s: &str) -> &mut Self {
        self.0.push(Piece::Text(s.to_owned()));
        self
    }
    /// ` at MEETING` and ` item N`, where an update was reported.
    fn reported(&mut self, update: &Update) {
        if let Some(meeting) = &update.meeting {
            self.word(" at ").id(meeting);
        }
        if let Some(item) = &update.agenda_item {
            self.word(&format!(" item {item}"));
        }
    }

    /// `, due 2016-07-21 → 2016-08-31` (`none → ...` when no due date
    /// was set before) for an update that set a due date, as the `due`
    /// change of an action's own date reads.
    fn due_set(&mut self, update: &Update) -> &mut Self {
        if let Some(due) = update.due {
            let before = update
                .due_before
                .map_or("none".to_owned(), |d| d.to_string());
            self.word(&format!(", due {before} → {due}"));
        }
        self
    }

    /// `, owner SECAS → DCC` (`not recorded → ...` when no owner was
    /// named before) for an update that reassigned the action, as the
    /// `owner` change of an action's own owner reads.
    fn owner_set(&mut self, update: &Update) -> &mut Self {
        if let Some(owner) = &update.owner {
            let before = update
                .owner_before
                .as_deref()
                .unwrap_or(crate::actions::NOT_RECORDED);
            self.word(", owner ").id(before).word(" → ").id(owner);
        }
        self
    }

    fn either(&mut self, s: &str, is_text: bool) -> &mut Self {
        if is_text { self.text(s) } else { self.id(s) }
    }
    fn maybe(&mut self, s: &Option<String>, none: &str) -> &mut Self {
        match s {
            Some(s) => self.id(s),
            None => self.word(none),
        }
    }
    fn maybe_text(&mut self, s: &Option<String>, none: &str) -> &mut Self {
        match s {
            Some(s) => self.text(s),
            None => self.word(none),
        }
    }
    fn signed(&mut self, lists: &[(&str, &Vec<String>)]) {
        let mut first = true;
        for (sign, ids) in lists {
            if ids.is_empty() {
                continue;
            }
            self.word(if first { " " } else { "; " });
            self.word(sign).word(" ");
            first = false;
            for (i, id) in ids.iter().enumerate() {
                if i > 0 {
                    self.word(", ");
                }
                self.id(id);
            }
        }
    }
}

/// Compares `old` with `new` and returns every change in meaning.
pub fn diff(old: Side<'_>, new: Side<'_>) -> Diff {
    let mut changes = Vec::new();
    let (a, b) = (&old.loaded.records, &new.loaded.records);
    // One index per side, built once; every comparison reads them.
    let sides = Sides {
        a,
        b,
        ia: Index::new(a),
        ib: Index::new(b),
    };
    diff_actions(&sides, &mut changes);
    diff_modifications(&sides, &mut changes);
    diff_meetings(&sides, &mut changes);
    diff_registers(&sides, &mut changes);
    diff_settings(
        &a.settings.vocabularies,
        &b.settings.vocabularies,
        a,
        b,
        &mut changes,
    );
    for side in [old, new] {
        unreadable(side, &mut changes);
    }
    // Group by subject, then natural ID order; `sort_by` is stable, so the
    // changes of one record keep the order they were found in.
    changes.sort_by(|x, y| {
        x.record
            .cmp(&y.record)
            .then_with(|| natural_cmp(&x.id, &y.id))
    });
    Diff {
        from: old.revision.to_owned(),
        to: new.revision.to_owned(),
        changes,
    }
}

/// Both sides' records and their indexes.
struct Sides<'r> {
    a: &'r Records,
    b: &'r Records,
    ia: Index<'r>,
    ib: Index<'r>,
}

/// Pairs the records of two sides by ID (the first definition of each,
/// as the index gives it; duplicates are `tsc validate`'s business):
/// `(id, old, new)` for every ID on either side, in ID order. A record
/// missing on one side because its file did not load there (`unread`) is
/// left out: the unreadable file is the change.
fn pair<'r, T: 'r>(
    ids: [Vec<&'r str>; 2],
    old: impl Fn(&str) -> Option<&'r T>,
    new: impl Fn(&str) -> Option<&'r T>,
    unread: [&dyn Fn(&str) -> bool; 2],
) -> Vec<(String, Option<&'r T>, Option<&'r T>)> {
    let ids: BTreeSet<&str> = ids.into_iter().flatten().collect();
    ids.into_iter()
        .filter_map(|id| {
            let (a, b) = (old(id), new(id));
            let skip = (a.is_none() && unread[0](id)) || (b.is_none() && unread[1](id));
            (!skip).then(|| (id.to_owned(), a, b))
        })
        .collect()
}

fn push(changes: &mut Vec<Change>, record: Subject, id: &str, what: What) {
    changes.push(Change {
        record,
        id: id.to_owned(),
        what,
    });
}

fn label(terms: &[Term], id: &str) -> String {
    Vocabularies::label(terms, id).to_owned()
}

fn status_label(vocab: &Vocabularies, id: &str) -> String {
    label(&vocab.action_statuses, id)
}

fn unread_stem(set: &std::collections::HashSet<String>) -> impl Fn(&str) -> bool + '_ {
    move |id: &str| set.contains(&file_stem_for(id))
}

fn diff_actions(s: &Sides<'_>, changes: &mut Vec<Change>) {
    let (va, vb) = (&s.a.settings.vocabularies, &s.b.settings.vocabularies);
    let pairs = pair(
        [s.ia.action_ids().collect(), s.ib.action_ids().collect()],
        |id| s.ia.action(id),
        |id| s.ib.action(id),
        [
            &unread_stem(&s.a.unread.actions),
            &unread_stem(&s.b.unread.actions),
        ],
    );
    for (id, before, after) in pairs {
        match (before, after) {
            (None, Some(action)) => {
                let status = &action.status.value;
                push(
                    changes,
                    Subject::Action,
                    &id,
                    What::Added {
                        meeting: Some(action.meeting.value.to_string()),
                        owner: action.owner.as_ref().map(|o| o.value.to_string()),
                        due: action.due.as_ref().map(|d| d.value),
                        date: None,
                        text: Some(action.text.to_string()),
                        status: (!vb.is_open_status(status)).then(|| status_label(vb, status)),
                    },
                );
            }
            (Some(_), None) => push(changes, Subject::Action, &id, What::Removed),
            (Some(x), Some(y)) => action_changes(&id, x, y, va, vb, changes),
            (None, None) => {}
        }
    }
}

fn action_changes(
    id: &str,
    x: &Action,
    y: &Action,
    va: &Vocabularies,
    vb: &Vocabularies,
    changes: &mut Vec<Change>,
) {
    let to_update = |u: &crate::model::ActionUpdate, a: &Action, v: &Vocabularies| {
        let due = a.due_change(u);
        let owner = a.owner_change(u);
        Update {
            date: u.date.value,
            meeting: u.meeting.as_ref().map(|m| m.value.to_string()),
            agenda_item: u.agenda_item.as_ref().map(|i| i.value.clone()),
            status: u.status.as_ref().map(|s| status_label(v, &s.value)),
            due: due.map(|(_, set)| set),
            due_before: due.and_then(|(before, _)| before),
            owner: owner.map(|(_, to)| to.to_owned()),
            owner_before: owner.and_then(|(before, _)| before.map(str::to_owned)),
            note: u.note.to_string(),
        }
    };
    // An update equal in every field on both sides is unchanged; of the
    // rest, one of the same day and meeting on both sides was edited, a
    // new one was added, and an old one left was deleted.
    let same = |o: &crate::model::ActionUpdate, u: &crate::model::ActionUpdate| {
        o.date.value == u.date.value
            && o.meeting.as_ref().map(|m| &m.value) == u.meeting.as_ref().map(|m| &m.value)
            && o.agenda_item.as_ref().map(|i| &i.value) == u.agenda_item.as_ref().map(|i| &i.value)
            && o.note == u.note
            && o.status.as_ref().map(|s| &s.value) == u.status.as_ref().map(|s| &s.value)
            && o.due.as_ref().map(|d| d.value) == u.due.as_ref().map(|d| d.value)
            && o.owner.as_ref().map(|w| &w.value) == u.owner.as_ref().map(|w| &w.value)
    };
    let mut old_left: Vec<Option<&crate::model::ActionUpdate>> =
        x.updates.iter().map(Some).collect();
    let mut new_left = Vec::new();
    for u in &y.updates {
        match old_left.iter_mut().find(|o| o.is_some_and(|o| same(o, u))) {
            Some(slot) => *slot = None,
            None => new_left.push(u),
        }
    }
    let mut added = Vec::new();
    let mut edited = Vec::new();
    for u in new_left {
        let pair = old_left.iter_mut().find(|o| {
            o.is_some_and(|o| {
                o.date.value == u.date.value
                    && o.meeting.as_ref().map(|m| &m.value) == u.meeting.as_ref().map(|m| &m.value)
            })
        });
        match pair.and_then(Option::take) {
            Some(o) => edited.push((to_update(o, x, va), to_update(u, y, vb))),
            None => added.push(to_update(u, y, vb)),
        }
    }
    let deleted: Vec<Update> = old_left
        .into_iter()
        .flatten()
        .map(|o| to_update(o, x, va))
        .collect();
    let mut added = added.into_iter().peekable();
    let (from, to) = (&x.status.value, &y.status.value);
    let (was_open, is_open) = (va.is_open_status(from), vb.is_open_status(to));
    let transition = |update: Option<Update>| Transition {
        from: status_label(va, from),
        to: status_label(vb, to),
        date: if is_open {
            None
        } else {
            y.closed.as_ref().map(|c| c.value)
        },
        update,
    };
    if was_open != is_open {
        // The update that set the new status goes with the change.
        let sets = |u: &Update| u.status.as_deref() == Some(status_label(vb, to).as_str());
        let update = if added.peek().is_some_and(sets) {
            added.next()
        } else {
            None
        };
        let what = if is_open {
            What::Reopened(transition(update))
        } else if Vocabularies::means(&vb.action_statuses, to, Meaning::Withdrawn) {
            What::Withdrawn(transition(update))
        } else {
            What::Closed(transition(update))
        };
        push(changes, Subject::Action, id, what);
    } else if from != to {
        push(
            changes,
            Subject::Action,
            id,
            What::Status {
                from: status_label(va, from),
                to: status_label(vb, to),
            },
        );
    }
    let (closed_x, closed_y) = (
        x.closed.as_ref().map(|c| c.value),
        y.closed.as_ref().map(|c| c.value),
    );
    if !was_open && !is_open && closed_x != closed_y {
        push(
            changes,
            Subject::Action,
            id,
            What::ClosedOn {
                from: closed_x,
                to: closed_y,
            },
        );
    }
    let owner = |a: &Action| {
        a.owner
            .as_ref()
            .map_or(crate::actions::NOT_RECORDED, |o| o.value.as_str())
            .to_owned()
    };
    if owner(x) != owner(y) {
        push(
            changes,
            Subject::Action,
            id,
            What::Owner {
                from: owner(x),
                to: owner(y),
            },
        );
    }
    let (due_x, due_y) = (
        x.due.as_ref().map(|d| d.value),
        y.due.as_ref().map(|d| d.value),
    );
    if due_x != due_y {
        push(
            changes,
            Subject::Action,
            id,
            What::Due {
                from: due_x,
                to: due_y,
            },
        );
    }
    if x.text.get().trim() != y.text.get().trim() {
        push(
            changes,
            Subject::Action,
            id,
            What::Text {
                from: x.text.to_string(),
                to: y.text.to_string(),
            },
        );
    }
    for update in added {
        push(changes, Subject::Action, id, What::Update(update));
    }
    for (previous, update) in edited {
        push(
            changes,
            Subject::Action,
            id,
            What::Edited { update, previous },
        );
    }
    for update in deleted {
        push(changes, Subject::Action, id, What::Deleted { update });
    }
}

/// A proposal's latest assessment, `(interest ID, meeting ID)`: the
/// index lists them oldest meeting first.
fn latest_interest<'r>(index: &Index<'r>, id: &str) -> Option<(&'r str, &'r str)> {
    index.assessments_of(id).last().map(|a| {
        (
            a.assessment.interest.value.as_str(),
            a.meeting.id.value.as_str(),
        )
    })
}

fn diff_modifications(s: &Sides<'_>, changes: &mut Vec<Change>) {
    let (va, vb) = (&s.a.settings.vocabularies, &s.b.settings.vocabularies);
    let pairs = pair(
        [
            s.ia.modification_ids().collect(),
            s.ib.modification_ids().collect(),
        ],
        |id| s.ia.modification(id),
        |id| s.ib.modification(id),
        [
            &unread_stem(&s.a.unread.modifications),
            &unread_stem(&s.b.unread.modifications),
        ],
    );
    let phase = |v: &Vocabularies, m: &Modification| {
        m.current_phase()
            .map(|p| label(&v.modification_phases, &p.value))
    };
    for (id, before, after) in &pairs {
        match (before, after) {
            (None, Some(m)) => push(
                changes,
                Subject::Modification,
                id,
                What::Added {
                    meeting: None,
                    owner: None,
                    due: None,
                    date: None,
                    text: m.title_text().map(Text::to_string),
                    status: phase(vb, m),
                },
            ),
            (Some(_), None) => push(changes, Subject::Modification, id, What::Removed),
            (Some(x), Some(y)) => {
                if x.title_text().map(Text::get).as_deref().map(str::trim)
                    != y.title_text().map(Text::get).as_deref().map(str::trim)
                {
                    push(
                        changes,
                        Subject::Modification,
                        id,
                        What::Text {
                            from: x.title_text().map(Text::to_string).unwrap_or_default(),
                            to: y.title_text().map(Text::to_string).unwrap_or_default(),
                        },
                    );
                }
                let written = |m: &Modification| m.current_phase().map(|p| p.value.clone());
                if written(x) != written(y) {
                    let (from, to) = (phase(va, x), phase(vb, y));
                    push(changes, Subject::Modification, id, What::Phase { from, to });
                }
                let ids = |m: &Modification| -> BTreeSet<String> {
                    m.related.iter().map(|r| r.value.to_string()).collect()
                };
                let (r, s) = (ids(x), ids(y));
                if r != s {
                    push(
                        changes,
                        Subject::Modification,
                        id,
                        What::Related {
                            added: sorted(s.difference(&r)),
                            removed: sorted(r.difference(&s)),
                        },
                    );
                }
            }
            (None, None) => {}
        }
    }
    // The latest interest level of every proposal on either side, and of
    // any other proposal assessed there (`tsc log` of a meeting diffs that
    // meeting's file alone, without the proposals it assesses).
    let mut assessed: Vec<&str> = pairs.iter().map(|(id, _, _)| id.as_str()).collect();
    let paired: std::collections::HashSet<&str> = assessed.iter().copied().collect();
    let mut unpaired: Vec<&str> = (s.ia.assessed_ids().chain(s.ib.assessed_ids()))
        .filter(|id| !paired.contains(id))
        .collect();
    unpaired.sort_by(|x, y| natural_cmp(x, y));
    unpaired.dedup();
    assessed.extend(unpaired);
    for id in assessed {
        let (la, lb) = (latest_interest(&s.ia, id), latest_interest(&s.ib, id));
        // Compared by ID: a relabelled level is a settings change only.
        let (x, y) = (la.map(|l| l.0), lb.map(|l| l.0));
        if x != y {
            let before = x.map(|level| label(&va.interest_levels, level));
            let after = y.map(|level| label(&vb.interest_levels, level));
            push(
                changes,
                Subject::Modification,
                id,
                What::Interest {
                    from: before,
                    to: after,
                    meeting: lb.map(|(_, m)| m.to_owned()),
                },
            );
        }
    }
}

fn sorted<'s>(ids: impl Iterator<Item = &'s String>) -> Vec<String> {
    let mut ids: Vec<String> = ids.cloned().collect();
    ids.sort_by(|x, y| natural_cmp(x, y));
    ids
}

fn diff_meetings(s: &Sides<'_>, changes: &mut Vec<Change>) {
    let pairs = pair(
        [s.ia.meeting_ids().collect(), s.ib.meeting_ids().collect()],
        |id| s.ia.meeting(id),
        |id| s.ib.meeting(id),
        [&|id| s.a.unread.meetings.contains(id), &|id| {
            s.b.unread.meetings.contains(id)
        }],
    );
    for (id, before, after) in pairs {
        match (before, after) {
            (None, Some(m)) => push(
                changes,
                Subject::Meeting,
                &id,
                What::Added {
                    meeting: None,
                    owner: None,
                    due: None,
                    date: m.known_date(),
                    text: None,
                    status: m.status.as_ref().map(|s| s.value.to_string()),
                },
            ),
            (Some(_), None) => push(changes, Subject::Meeting, &id, What::Removed),
            (Some(x), Some(y)) => {
                let status = |m: &crate::model::Meeting| {
                    m.status
                        .as_ref()
                        .map_or("not stated", |s| s.value.as_str())
                        .to_owned()
                };
                if status(x) != status(y) {
                    push(
                        changes,
                        Subject::Meeting,
                        &id,
                        What::Status {
                            from: status(x),
                            to: status(y),
                        },
                    );
                }
                let people = |list: &[crate::model::Attendance]| -> BTreeSet<String> {
                    list.iter().map(|p| p.person.value.to_string()).collect()
                };
                let (at_x, at_y) = (people(&x.attendees), people(&y.attendees));
                let (ap_x, ap_y) = (people(&x.apologies), people(&y.apologies));
                if at_x != at_y || ap_x != ap_y {
                    push(
                        changes,
                        Subject::Meeting,
                        &id,
                        What::Attendance {
                            attended: sorted(at_y.difference(&at_x)),
                            no_longer_attended: sorted(at_x.difference(&at_y)),
                            apologies: sorted(ap_y.difference(&ap_x)),
                            no_longer_apologies: sorted(ap_x.difference(&ap_y)),
                        },
                    );
                }
            }
            (None, None) => {}
        }
    }
}

/// People, organisations and principles: added, removed, renamed (or,
/// for a principle, its text or status changed).
fn diff_registers(s: &Sides<'_>, changes: &mut Vec<Change>) {
    let (a, b) = (&s.a.unread, &s.b.unread);
    let people = pair(
        [s.ia.person_ids().collect(), s.ib.person_ids().collect()],
        |id| s.ia.person(id).map(|p| &p.name.value),
        |id| s.ib.person(id).map(|p| &p.name.value),
        [&|_| a.people, &|_| b.people],
    );
    let organisations = pair(
        [
            s.ia.organisation_ids().collect(),
            s.ib.organisation_ids().collect(),
        ],
        |id| s.ia.organisation(id).map(|o| &o.name.value),
        |id| s.ib.organisation(id).map(|o| &o.name.value),
        [&|_| a.organisations, &|_| b.organisations],
    );
    let numbers = |index: &Index<'_>| -> Vec<String> {
        index.principle_numbers().map(|n| n.to_string()).collect()
    };
    let (numbers_a, numbers_b) = (numbers(&s.ia), numbers(&s.ib));
    fn principle<'r>(index: &Index<'r>, id: &str) -> Option<&'r Principle> {
        let number = id.parse::<u32>().ok()?;
        index.principle(number).map(|l| &l.record)
    }
    let principles = pair(
        [
            numbers_a.iter().map(String::as_str).collect(),
            numbers_b.iter().map(String::as_str).collect(),
        ],
        |id| principle(&s.ia, id),
        |id| principle(&s.ib, id),
        [&|_| a.principles, &|_| b.principles],
    );
    // Every entry with its name (a principle's text, which may be absent).
    type Named<'n> = Vec<(
        String,
        Option<Option<Cow<'n, str>>>,
        Option<Option<Cow<'n, str>>>,
    )>;
    fn named<'n>(list: Vec<(String, Option<&'n String>, Option<&'n String>)>) -> Named<'n> {
        let name = |n: &'n String| Some(Cow::Borrowed(n.as_str()));
        list.into_iter()
            .map(|(id, x, y)| (id, x.map(name), y.map(name)))
            .collect()
    }
    let principles: Named<'_> = principles
        .into_iter()
        .map(|(id, x, y)| {
            if let (Some(x), Some(y)) = (x, y) {
                principle_status(s, &id, x, y, changes);
            }
            (
                id,
                x.map(|p| p.text.as_ref().map(Text::get)),
                y.map(|p| p.text.as_ref().map(Text::get)),
            )
        })
        .collect();
    for (subject, list) in [
        (Subject::Person, named(people)),
        (Subject::Organisation, named(organisations)),
        (Subject::Principle, principles),
    ] {
        for (id, before, after) in list {
            let what = match (before, after) {
                (None, Some(name)) => What::Added {
                    meeting: None,
                    owner: None,
                    due: None,
                    date: None,
                    text: name.map(Cow::into_owned),
                    status: None,
                },
                (Some(_), None) => What::Removed,
                (Some(Some(x)), Some(Some(y))) if x.trim() != y.trim() => {
                    let (from, to) = (x.into_owned(), y.into_owned());
                    if subject == Subject::Principle {
                        What::Text { from, to }
                    } else {
                        What::Renamed { from, to }
                    }
                }
                _ => continue,
            };
            push(changes, subject, &id, what);
        }
    }
}

fn principle_status(
    s: &Sides<'_>,
    id: &str,
    before: &Principle,
    after: &Principle,
    changes: &mut Vec<Change>,
) {
    let (va, vb) = (&s.a.settings.vocabularies, &s.b.settings.vocabularies);
    if before.status.value != after.status.value {
        push(
            changes,
            Subject::Principle,
            id,
            What::Status {
                from: label(&va.principle_statuses, &before.status.value),
                to: label(&vb.principle_statuses, &after.status.value),
            },
        );
    }
}

/// Settings: the committee, the ID patterns, `allow:` and each
/// vocabulary, compared as the text a reader would compare.
fn diff_settings(
    va: &Vocabularies,
    vb: &Vocabularies,
    a: &Records,
    b: &Records,
    changes: &mut Vec<Change>,
) {
    let (sa, sb) = (&a.settings, &b.settings);
    let mut setting = |name: &str, x: String, y: String| {
        if x != y {
            let some = |s: String| (!s.is_empty()).then_some(s);
            push(
                changes,
                Subject::Settings,
                name,
                What::Setting {
                    from: some(x),
                    to: some(y),
                },
            );
        }
    };
    setting(
        "committee.short_name",
        sa.committee.short_name.clone(),
        sb.committee.short_name.clone(),
    );
    setting(
        "committee.name",
        sa.committee.name.clone(),
        sb.committee.name.clone(),
    );
    setting(
        "committee.parent",
        sa.committee.parent.clone().unwrap_or_default(),
        sb.committee.parent.clone().unwrap_or_default(),
    );
    setting(
        "id_patterns.meeting",
        sa.id_patterns.meeting.clone(),
        sb.id_patterns.meeting.clone(),
    );
    setting(
        "id_patterns.action",
        sa.id_patterns.action.clone(),
        sb.id_patterns.action.clone(),
    );
    setting(
        "id_patterns.modification",
        sa.id_patterns.modification.clone(),
        sb.id_patterns.modification.clone(),
    );
    let allow = |s: &crate::settings::Settings| {
        s.allow
            .iter()
            .map(|r| r.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    setting("allow", allow(sa), allow(sb));
    for ((name, x), (_, y)) in vocabulary_texts(va).into_iter().zip(vocabulary_texts(vb)) {
        setting(&format!("vocabularies.{name}"), x, y);
    }
}

/// Each vocabulary as one line of text: `open (Open; open), closed
/// (Closed)`, with the meaning flags each term has.
fn vocabulary_texts(v: &Vocabularies) -> Vec<(&'static str, String)> {
    v.lists()
        .into_iter()
        .map(|(name, terms)| {
            let text = terms
                .iter()
                .map(|t| {
                    let flags: Vec<&str> = MEANINGS
                        .into_iter()
                        .filter(|m| t.means(*m))
                        .map(Meaning::name)
                        .collect();
                    if flags.is_empty() {
                        format!("{} ({})", t.id(), t.label)
                    } else {
                        format!("{} ({}; {})", t.id(), t.label, flags.join(", "))
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            (name, text)
        })
        .collect()
}

/// Every load finding of `side`, as an unreadable-file change.
fn unreadable(side: Side<'_>, changes: &mut Vec<Change>) {
    for finding in &side.loaded.findings {
        let mut path = finding.file.display().to_string();
        if !finding.position.is_whole_file() {
            path.push_str(&format!(
                ":{}:{}",
                finding.position.line, finding.position.column
            ));
        }
        push(
            changes,
            Subject::Unreadable,
            &finding.file.display().to_string(),
            What::Unreadable {
                revision: side.revision.to_owned(),
                path,
                message: finding.message.clone(),
            },
        );
    }
}
