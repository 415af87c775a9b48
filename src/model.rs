//! The record model: one plain struct per record file kind.
//!
//! Every struct here is what one YAML file deserialises into. Values that a
//! finding may need to point at (IDs, references, vocabulary values, dates)
//! are wrapped in [`Spanned`] so that the line and column of the value in
//! its file survive deserialisation. Long text (summaries, notes,
//! decisions, titles) is a [`Text`]: a span of the file's kept text,
//! decoded on use, rather than a second copy of it. The structs deliberately avoid
//! `#[serde(flatten)]`, `untagged` and internally tagged enums, because
//! serde-saphyr loses spans inside them.
//!
//! Every struct rejects unknown fields (`deny_unknown_fields`), so a
//! misspelled field is a finding rather than silently ignored data.
//!
//! Field-by-field documentation with examples lives in `docs/records.md`.
//!
//! Every struct also derives [`JsonSchema`], so `tsc schema` emits the
//! JSON Schema editors use; `#[schemars(with = "T")]` describes a
//! `Spanned<T>` field as the plain `T` written in the file.

use crate::source::Spanned;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub(crate) use crate::numbering::{ItemNumber, Roles};

/// A value together with where it stood in its YAML file.
pub(crate) type Sp<T> = Spanned<T>;

/// A short text value of a record: an ID, a reference to one, a
/// vocabulary term, a time of day. Up to 24 bytes are held inline, so the
/// hundreds of thousands of such values of a large tree cost no heap
/// allocation each; longer ones live on the heap as a `String` does. It
/// reads as a `&str` (`as_str`, `Deref`) and is written, in YAML, JSON
/// and the parse cache, exactly as a `String` is.
pub type Token = compact_str::CompactString;

pub use crate::text::Text;

/// A meeting of the committee: `meetings/<ID>.yaml`.
///
/// Source: the minutes' title block (meeting ID, date, times, place), the
/// attendee and apologies tables, and the numbered agenda items.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Meeting ID, for example `PANEL_69_1409` (meeting 69, held in 2014-09).
    /// Must match the file name and the `meeting` ID pattern in `tsc.yaml`.
    #[schemars(with = "String")]
    pub id: Sp<Token>,
    /// The meeting's sequence number (69 for PANEL_69_1409); may be left out
    /// only on a meeting that is not recorded (a stub).
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub number: Option<Sp<u32>>,
    /// The kind of meeting, from `vocabularies.meeting_kinds`; the first
    /// kind listed when left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) kind: Option<Sp<Token>>,
    /// The minutes' own title (`Special Review Panel`), in place of the
    /// heading's default.
    #[serde(default)]
    pub(crate) title: Option<Text>,
    /// The day the meeting was held; may be left out only on a stub.
    #[serde(default)]
    #[schemars(with = "Option<NaiveDate>")]
    pub(crate) date: Option<Sp<NaiveDate>>,
    /// Start time, local to the meeting, as `HH:MM`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    )]
    pub(crate) start: Option<Sp<Token>>,
    /// End time, local to the meeting, as `HH:MM`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    )]
    pub(crate) end: Option<Sp<Token>>,
    /// Where the meeting was held (free text address).
    #[serde(default)]
    pub(crate) location: Option<Text>,
    /// Status of the minutes, from `vocabularies.meeting_statuses`
    /// (`draft`, `final` or `not-recorded` by default); left out when the
    /// minutes never say. A status whose term has `recorded: false` makes
    /// the file a stub: a meeting known of, whose minutes are not kept.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) status: Option<Sp<Token>>,
    /// What is known of a meeting that is not recorded, or any remark on
    /// the record.
    #[serde(default)]
    pub(crate) note: Option<Text>,
    /// Who attended, in the order of the minutes.
    #[serde(default)]
    pub attendees: Vec<Attendance>,
    /// Who sent apologies.
    #[serde(default)]
    pub apologies: Vec<Attendance>,
    /// The numbered agenda items.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// For a meeting without a `date`: the first day of the month its ID
    /// names; filled after loading ([`crate::stubs::fill_id_months`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) id_month: Option<NaiveDate>,
}

/// One line of the attendee or apologies table of a meeting.
///
/// Members of the committee sit for a constituency (Large Suppliers, ...);
/// other participants represent an organisation.
//
// The fields most lines leave out (`capacity`, `role`, `initials`,
// `organisation`, `name_as_written`, `alternate_for`) are boxed: absent, each costs 8
// bytes instead of 24 to 40, and a large tree holds tens of thousands of
// attendance lines. (Not a doc comment: it would change the JSON Schema.)
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Person ID from `people.yaml`.
    #[schemars(with = "String")]
    pub person: Sp<Token>,
    /// `member` or `participant`, from `vocabularies.attendee_categories`.
    #[schemars(with = "String")]
    pub(crate) category: Sp<Token>,
    /// For members: the constituency they sit for, from
    /// `vocabularies.constituencies`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) constituency: Option<Sp<Token>>,
    /// For other participants: the organisation they represent
    /// (organisation ID from `organisations.yaml`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) representing: Option<Sp<Token>>,
    /// The capacity in which an organisation is represented, as written in
    /// the minutes (for example `Presenter – DCP204`).
    #[serde(default)]
    #[allow(clippy::box_collection)] // 8 bytes when absent, as most lines are; a String is 24
    pub(crate) capacity: Option<Box<String>>,
    /// Meeting role, or a list of roles, from `vocabularies.roles`
    /// (`chair`, `meeting-secretary`). In the apologies, a person's
    /// standing role.
    #[serde(default)]
    #[schemars(with = "Option<Roles>")]
    pub role: Option<Box<Sp<Roles>>>,
    /// The initials the minutes use for the person (`AB`), unique within
    /// a meeting.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) initials: Option<Box<Sp<Token>>>,
    /// The company as written at this meeting (organisation ID), in place
    /// of the person's usual organisation.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) organisation: Option<Box<Sp<Token>>>,
    /// `true` when the person dialled in.
    #[serde(default)]
    pub(crate) remote: bool,
    /// The name as the minutes spell it, when that differs from
    /// `people.yaml`.
    #[serde(default)]
    #[allow(clippy::box_collection)] // 8 bytes when absent, as most lines are; a String is 24
    pub(crate) name_as_written: Option<Box<String>>,
    /// The member this person stands in for ("alternate to ..."): a person ID.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub alternate_for: Option<Box<Sp<Token>>>,
    /// `true` when the minutes mark the attendance "(part)".
    #[serde(default)]
    pub part: bool,
}

/// One numbered agenda item of a meeting.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item's number in the minutes: `2`, `2a` or `2.1`.
    #[schemars(with = "ItemNumber")]
    pub(crate) number: Sp<ItemNumber>,
    /// The minutes' paragraph numbers under this item, for committees
    /// that number paragraphs across meetings (`[1201, 1202]`).
    #[serde(default)]
    #[schemars(with = "Vec<u32>")]
    pub(crate) paragraphs: Vec<Sp<u32>>,
    /// The item's heading, for example `Matters arising`.
    pub(crate) title: Text,
    /// Who presented the item: organisation or person ID.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) presented_by: Option<Sp<Token>>,
    /// The discussion, in the minutes' words or a faithful summary.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Papers presented under this item.
    #[serde(default)]
    pub(crate) papers: Vec<Paper>,
    /// The decisions recorded as "The {collective_name}: NOTED ...; APPROVED ...".
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Modification proposals mentioned in the item (IDs), other than
    /// those in `assessments`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub modifications: Vec<Sp<Token>>,
    /// Principles the item dealt with (principle numbers).
    #[serde(default)]
    #[schemars(with = "Vec<u32>")]
    pub(crate) principles: Vec<Sp<u32>>,
    /// The committee's assessment of modification proposals (the table in
    /// the "Modification Development Update" item).
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Things outside the records that the item refers to, such as a
    /// meeting whose minutes are not kept in this repository.
    #[serde(default)]
    pub(crate) external_references: Vec<ExternalReference>,
}

/// A paper tabled under an agenda item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Paper {
    /// The paper's title as the minutes describe it.
    pub(crate) title: Text,
    /// Attachments to the paper, by name (for example `Attachment A`).
    #[serde(default)]
    pub(crate) attachments: Vec<String>,
}

/// One decision: a verb from `vocabularies.decision_verbs` and its object.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// `NOTED`, `APPROVED`, `AGREED` or `CONSIDERED` by default.
    #[schemars(with = "String")]
    pub verb: Sp<Token>,
    /// What was noted, approved, ...: the rest of the minutes' sentence.
    pub text: Text,
    /// The minutes' paragraph number of the decision, when paragraphs are
    /// numbered.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub(crate) paragraph: Option<Sp<u32>>,
}

/// A pointer to something the records do not hold.
///
/// Validation never resolves it; it exists so that records can mention
/// earlier meetings or outside documents without a broken reference.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExternalReference {
    /// What is referred to, for example a meeting whose minutes are not kept.
    pub(crate) title: Text,
    /// Why it is referred to.
    #[serde(default)]
    pub(crate) note: Option<Text>,
}

/// The committee's view of one modification proposal at one meeting: a row
/// of the minutes' assessment table.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Modification proposal ID.
    #[schemars(with = "String")]
    pub modification: Sp<Token>,
    /// The "Impact" columns.
    #[serde(default)]
    pub(crate) impact: Impact,
    /// "EC Notification requirement", from `vocabularies.ec_notification`
    /// (`yes`, `potential`, `no`); absent when the minutes leave it blank.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) ec_notification: Option<Sp<Token>>,
    /// The "Notes/Concerns" column's narrative.
    #[serde(default)]
    pub notes: Option<Text>,
    /// Concerns raised, one per entry.
    #[serde(default)]
    pub(crate) concerns: Vec<Text>,
    /// "Interest Level", from `vocabularies.interest_levels`.
    #[schemars(with = "String")]
    pub interest: Sp<Token>,
    /// Principles the committee said the proposal does not align with.
    #[serde(default)]
    #[schemars(with = "Vec<u32>")]
    pub misaligned_principles: Vec<Sp<u32>>,
    /// Proposals the committee will consider together with this one.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) considered_with: Vec<Sp<Token>>,
}

/// The "Impact" columns of the assessment table. `None` means the minutes
/// leave the cell blank.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Impact {
    /// Technical impact (`true` for "Yes").
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub(crate) technical: Option<Sp<bool>>,
    /// Qualifier of the technical impact, for example `DUIS / GBCS / SMETS`.
    #[serde(default)]
    pub(crate) technical_note: Option<Text>,
    /// Business impact (`true` for "Yes").
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub(crate) business: Option<Sp<bool>>,
    /// Qualifier of the business impact, for example `Limited to DNOs`.
    #[serde(default)]
    pub(crate) business_note: Option<Text>,
}

/// An action: `actions/<ID with / as ->.yaml`, for example
/// `actions/A07-01.yaml` for `A07/01`.
///
/// Source: the "ACTION ...:" lines of the minutes.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Action ID, for example `PA0112`.
    #[schemars(with = "String")]
    pub id: Sp<Token>,
    /// The meeting that raised the action.
    #[schemars(with = "String")]
    pub meeting: Sp<Token>,
    /// The number of the agenda item that raised it, as written there; may
    /// be left out for an action raised at a meeting that is not recorded.
    #[serde(default)]
    #[schemars(with = "Option<ItemNumber>")]
    pub(crate) agenda_item: Option<Sp<ItemNumber>>,
    /// Who must do it: an organisation ID or a person ID, as given when
    /// it was raised; left out when the minutes do not say (W0605). An
    /// update that reassigns the action carries its own `owner`;
    /// [`Action::owner_as_of`] says who owns it when.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<Sp<Token>>,
    /// What must be done.
    pub text: Text,
    /// The date by which it is due, as given when it was raised, if one
    /// was. An update that sets or moves the due date carries its own
    /// `due`; [`Action::due_as_of`] says which is in effect when.
    #[serde(default)]
    #[schemars(with = "Option<NaiveDate>")]
    pub(crate) due: Option<Sp<NaiveDate>>,
    /// Current status, from `vocabularies.action_statuses`.
    #[schemars(with = "String")]
    pub status: Sp<Token>,
    /// The date the action was closed; required when the status is not an
    /// open one.
    #[serde(default)]
    #[schemars(with = "Option<NaiveDate>")]
    pub closed: Option<Sp<NaiveDate>>,
    /// Progress reported since the action was raised, oldest first.
    #[serde(default)]
    pub updates: Vec<ActionUpdate>,
}

/// A progress update on an action.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionUpdate {
    /// The day of the update.
    #[schemars(with = "NaiveDate")]
    pub date: Sp<NaiveDate>,
    /// The meeting at which it was reported, if any.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub meeting: Option<Sp<Token>>,
    /// The agenda item of that meeting where it was reported, as written.
    #[serde(default)]
    #[schemars(with = "Option<ItemNumber>")]
    pub agenda_item: Option<Sp<ItemNumber>>,
    /// The minutes' paragraph number of the update.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub(crate) paragraph: Option<Sp<u32>>,
    /// The status after the update, from `vocabularies.action_statuses`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub status: Option<Sp<Token>>,
    /// The due date set or moved at this update, if it set one: from the
    /// update's day on, the action is due then (until a later update
    /// moves it again).
    #[serde(default)]
    #[schemars(with = "Option<NaiveDate>")]
    pub(crate) due: Option<Sp<NaiveDate>>,
    /// The owner the action was reassigned to at this update (a person or
    /// organisation ID), if it was: from the update's day on, they own it
    /// (until a later update reassigns it again).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<Sp<Token>>,
    /// What was reported.
    pub note: Text,
}

impl Action {
    /// The action's due date as of the end of day `date` (`None`: with
    /// every update counted): the `due` of the latest update dated on or
    /// before `date` that carries one, else the action's own `due` (the
    /// one given when it was raised); `None` when no due date was set by
    /// then. Of several updates that count, the last listed wins (updates
    /// are listed oldest first, E0408).
    ///
    /// Every document asks this, each for its own point in time: the
    /// minutes of a meeting as of its day, `tsc actions` and `tsc report`
    /// as of today or `--as-of`, so nothing shows as due at a meeting a
    /// date that was only set later.
    pub fn due_as_of(&self, date: Option<NaiveDate>) -> Option<NaiveDate> {
        latest(self.due.as_ref(), self.counted(date), |u| u.due.as_ref()).map(|d| d.value)
    }

    /// What `update` (one of this action's updates) did to the due date:
    /// `Some((before, set))` when it carries `due`, `before` being the due
    /// date in effect after the updates listed before it (the action's own
    /// `due` when none of them set one; for an update that is not this
    /// action's, after all of them). `None` when it sets no due date.
    pub(crate) fn due_change(
        &self,
        update: &ActionUpdate,
    ) -> Option<(Option<NaiveDate>, NaiveDate)> {
        let set = update.due.as_ref()?.value;
        let before = latest(self.due.as_ref(), self.before(update), |u| u.due.as_ref());
        Some((before.map(|d| d.value), set))
    }

    /// The action's owner (a person or organisation ID, with its span) as
    /// of the end of day `date` (`None`: with every update counted): the
    /// `owner` of the latest update dated on or before `date` that
    /// carries one (a reassignment), else the action's own `owner` (the
    /// one given when it was raised); `None` when the minutes name no
    /// owner by then. Of several updates that count, the last listed wins,
    /// as for [`Action::due_as_of`].
    ///
    /// The minutes of a meeting ask it as of their day, `tsc actions`,
    /// `tsc report` and `tsc show` as of today or `--as-of`, so no
    /// document names as owner at a meeting someone who was only given
    /// the action later.
    pub fn owner_as_of(&self, date: Option<NaiveDate>) -> Option<&Sp<Token>> {
        latest(self.owner.as_ref(), self.counted(date), |u| {
            u.owner.as_ref()
        })
    }

    /// What `update` (one of this action's updates) did to the owner:
    /// `Some((before, to))` (IDs) when it carries `owner`, `before` being
    /// the owner after the updates listed before it (the action's own
    /// `owner` when none of them reassigned it; `None` when no owner was
    /// named). `None` when the update reassigns nothing.
    pub(crate) fn owner_change<'a>(
        &'a self,
        update: &'a ActionUpdate,
    ) -> Option<(Option<&'a str>, &'a str)> {
        let to = update.owner.as_ref()?.value.as_str();
        let before = latest(self.owner.as_ref(), self.before(update), |u| {
            u.owner.as_ref()
        });
        Some((before.map(|o| o.value.as_str()), to))
    }

    /// The owner in effect after `update` (one of this action's updates):
    /// its own `owner` when it reassigns the action, else the owner after
    /// the updates listed before it.
    pub(crate) fn owner_after<'a>(&'a self, update: &'a ActionUpdate) -> Option<&'a Sp<Token>> {
        let before = || {
            latest(self.owner.as_ref(), self.before(update), |u| {
                u.owner.as_ref()
            })
        };
        update.owner.as_ref().or_else(before)
    }

    /// The updates dated on or before `date` (all of them for `None`).
    fn counted(&self, date: Option<NaiveDate>) -> impl DoubleEndedIterator<Item = &ActionUpdate> {
        self.updates
            .iter()
            .filter(move |u| date.is_none_or(|d| u.date.value <= d))
    }

    /// The updates listed before `update` (all of them when `update` is
    /// not one of this action's).
    fn before(&self, update: &ActionUpdate) -> std::slice::Iter<'_, ActionUpdate> {
        let at = self
            .updates
            .iter()
            .position(|u| std::ptr::eq(u, update))
            .unwrap_or(self.updates.len());
        self.updates[..at].iter()
    }
}

/// The value in effect after `updates` (a run of an action's updates,
/// oldest first): the last of them for which `field` gives one, else the
/// action's own (`own`, as given when it was raised).
fn latest<'a, T>(
    own: Option<&'a T>,
    updates: impl DoubleEndedIterator<Item = &'a ActionUpdate>,
    field: impl Fn(&'a ActionUpdate) -> Option<&'a T>,
) -> Option<&'a T> {
    updates.rev().find_map(field).or(own)
}

/// How documents say what an update did to an action's due date (from
/// [`Action::due_change`]), for the minutes' "Actions outstanding" table
/// and `tsc show`: `due date moved from 2016-07-21 to 2016-08-31`, `due
/// date set to 2016-08-31` (none before), `due date 2016-08-31 kept` (the
/// same date again); `None` when the update sets no due date.
pub(crate) fn due_change_words(action: &Action, update: &ActionUpdate) -> Option<String> {
    let (before, set) = action.due_change(update)?;
    Some(match before {
        Some(b) if b == set => format!("due date {set} kept"),
        Some(b) => format!("due date moved from {b} to {set}"),
        None => format!("due date set to {set}"),
    })
}

/// A modification proposal: `modifications/<ID>.yaml`.
///
/// Source: the first column of the assessment table (ID and title); the
/// assessments themselves live in the meetings that made them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Modification {
    /// Proposal ID, for example `DCP204`.
    #[schemars(with = "String")]
    pub id: Sp<Token>,
    /// The proposal's title; left out when the minutes cite the proposal
    /// only by its ID (W0606). Spanned, so that findings on it (E0207)
    /// point at the title rather than the ID.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Sp<Text>>,
    /// Who raised it: a person or organisation ID.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) proposer: Option<Sp<Token>>,
    /// `true` for a proposal progressed as urgent.
    #[serde(default)]
    pub(crate) urgent: bool,
    /// Where the proposal is in the modification process, from
    /// `vocabularies.modification_phases`; with `phases`, the last entry's
    /// phase is the current one.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) phase: Option<Sp<Token>>,
    /// The proposal's history of phases, oldest first.
    #[serde(default)]
    pub(crate) phases: Vec<PhaseChange>,
    /// The working group developing it, if known (for example `WG2`).
    #[serde(default)]
    pub(crate) working_group: Option<String>,
    /// Related proposals (IDs). Relations should be listed on both sides.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) related: Vec<Sp<Token>>,
    /// Free-text notes about the proposal itself.
    #[serde(default)]
    pub(crate) notes: Option<Text>,
}

/// One entry of a proposal's phase history.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhaseChange {
    /// The phase entered, from `vocabularies.modification_phases`.
    #[schemars(with = "String")]
    pub(crate) phase: Sp<Token>,
    /// The day it entered the phase, when known.
    #[serde(default)]
    #[schemars(with = "Option<NaiveDate>")]
    pub(crate) date: Option<Sp<NaiveDate>>,
    /// The meeting that moved it there, when there was one.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) meeting: Option<Sp<Token>>,
}

impl Modification {
    /// The current phase: the last entry of `phases`, or `phase` when
    /// there is no history.
    pub(crate) fn current_phase(&self) -> Option<&Sp<Token>> {
        self.phases.last().map(|p| &p.phase).or(self.phase.as_ref())
    }

    /// The title, when the records have one.
    pub(crate) fn title_text(&self) -> Option<&Text> {
        self.title.as_ref().map(|t| &t.value)
    }

    /// The title, or the empty string when the records have none.
    pub fn title_or_empty(&self) -> std::borrow::Cow<'_, str> {
        self.title
            .as_ref()
            .map_or(std::borrow::Cow::Borrowed(""), |t| t.value.get())
    }
}

/// `people.yaml`: everyone the records name.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeopleFile {
    /// The people, in any order.
    pub(crate) people: Vec<Person>,
}

/// A person named in the minutes.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Lower-case kebab ID, for example `julian-hughes`.
    #[schemars(with = "String")]
    pub id: Sp<Token>,
    /// Full name as written in the minutes.
    #[schemars(with = "String")]
    pub name: Sp<String>,
    /// The organisation the person works for, if the minutes say.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) organisation: Option<Sp<Token>>,
}

/// `organisations.yaml`: bodies that attend, present or own actions.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct OrganisationsFile {
    /// The organisations, in any order.
    pub(crate) organisations: Vec<Organisation>,
}

/// An organisation: a company or body the minutes name.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Short ID, usually the acronym used in the minutes (`NWP`).
    #[schemars(with = "String")]
    pub id: Sp<Token>,
    /// Full name.
    #[schemars(with = "String")]
    pub name: Sp<String>,
    /// What the organisation is, in a few words.
    #[serde(default)]
    pub(crate) description: Option<String>,
}

impl Organisation {
    /// The organisation as the minutes name it: its ID, the acronym the
    /// minutes use (`DECC`, not "Department of Energy and Climate
    /// Change"), unless its name is that same word in other letter case,
    /// which is then how the minutes write it (`Ofgem` for `OFGEM`).
    pub fn as_minuted(&self) -> &str {
        let same = |a: &str, b: &str| {
            a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase))
        };
        if same(&self.name.value, &self.id.value) {
            &self.name.value
        } else {
            &self.id.value
        }
    }
}

/// `principles.yaml`: the principles the committee assesses proposals by.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PrinciplesFile {
    /// The principles, by number.
    pub(crate) principles: Vec<Principle>,
}

/// One principle for assessing modification proposals.
///
/// Source: the principles item of the minutes that agreed them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    /// The principle's number (1-based).
    #[schemars(with = "u32")]
    pub number: Sp<u32>,
    /// The principle's wording, if the records hold it.
    #[serde(default)]
    pub(crate) text: Option<Text>,
    /// `agreed`, `merged`, `retired` or `proposed`, from
    /// `vocabularies.principle_statuses`.
    #[schemars(with = "String")]
    pub(crate) status: Sp<Token>,
    /// For a merged principle: the number it was merged into.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub(crate) merged_into: Option<Sp<u32>>,
    /// The meeting at which the status was decided.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(crate) decided_at: Option<Sp<Token>>,
    /// Discussion recorded against the principle.
    #[serde(default)]
    pub(crate) notes: Vec<Text>,
}
