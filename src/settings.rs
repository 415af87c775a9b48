//! The committee's settings: `tsc.yaml` at the root of the records
//! directory.
//!
//! Every field has a default, and the defaults are the Smart Energy Code
//! Technical Sub-Committee's, so an empty `tsc.yaml` (or none at all)
//! describes TSC. Another committee overrides the name, the ID patterns and
//! the vocabularies.

use std::path::Path;

use crate::source::{Span, Spanned};
use regex_lite::Regex;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::finding::Finding;
use crate::yaml;

/// The parsed contents of `tsc.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The committee's short and full name.
    pub committee: Committee,
    /// Regular expressions that record IDs must match.
    pub id_patterns: IdPatterns,
    /// How `tsc` makes new IDs; each must make IDs its pattern accepts.
    pub id_templates: IdTemplates,
    /// The items every new meeting's agenda opens with (`tsc new meeting`).
    pub standing_items: Vec<StandingItem>,
    /// How `tsc minutes` lays out a meeting.
    pub(crate) minutes: MinutesSettings,
    /// The allowed values of every vocabulary field.
    pub vocabularies: Vocabularies,
    /// Rules `tsc validate` does not report, by code (`W0601`) or name
    /// (`related-not-reciprocal`); see `docs/rules.md`.
    #[schemars(with = "Vec<String>")]
    pub(crate) allow: Vec<Spanned<String>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            committee: Committee::default(),
            id_patterns: IdPatterns::default(),
            id_templates: IdTemplates::default(),
            standing_items: default_standing_items(),
            minutes: MinutesSettings::default(),
            vocabularies: Vocabularies::default(),
            allow: Vec::new(),
        }
    }
}

impl Settings {
    /// Parses the text of `tsc.yaml` at `path` (once), and gives each
    /// vocabulary term the meanings its TSC default term of the same ID
    /// has unless the file says otherwise ([`Vocabularies::inherit_meanings`]).
    ///
    /// # Errors
    /// The finding of [`yaml::parse`] when the text is not valid settings.
    pub fn parse(text: &str, path: &Path) -> Result<Settings, Box<Finding>> {
        let mut settings: Settings = yaml::parse(text, path)?;
        settings.vocabularies.inherit_meanings();
        // The default categories head the members by the committee's own
        // name ("TSC Members" for TSC, "DWG Members" for a DWG that does
        // not list its categories); a list read from the file (its terms
        // have spans) is as written.
        let categories = &mut settings.vocabularies.attendee_categories;
        if categories.iter().all(|t| t.id.span == Span::default())
            && let Some(members) = categories.first_mut()
        {
            members.label = format!("{} Members", settings.committee.collective());
        }
        Ok(settings)
    }
}

/// Who the committee is.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Committee {
    /// Short name used in documents, for example `DCRP`.
    pub short_name: String,
    /// Full name, for example `Distribution Code Review Panel`.
    pub name: String,
    /// The body the committee reports to, if any.
    pub parent: Option<String>,
    /// How decisions are introduced: "The {collective_name}:" (for example
    /// `Panel`); the short name when left out.
    pub(crate) collective_name: Option<String>,
}

impl Committee {
    /// The name of the decision lead-in, "The …:": `collective_name`, else
    /// the short name.
    pub(crate) fn collective(&self) -> &str {
        self.collective_name.as_deref().unwrap_or(&self.short_name)
    }
}

/// `minutes:` in `tsc.yaml`: how `tsc minutes` lays out a meeting.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct MinutesSettings {
    /// The order of the attendees: grouped by category (the default) or
    /// as recorded.
    pub(crate) attendance: AttendanceOrder,
    /// The headings of the assessment table's columns; `null` leaves an
    /// optional column out.
    pub(crate) assessment_columns: AssessmentColumns,
}

/// `minutes.assessment_columns`: the heading of each column of the
/// assessment table in `tsc minutes`, in the table's order. The proposal
/// and interest columns are always shown; the others are left out when
/// set to `null` (`technical: ~`). TSC's headings are the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct AssessmentColumns {
    /// The proposal (ID and title): `Modification Proposal`.
    pub(crate) proposal: String,
    /// `impact.technical` (and its note): `Impact: Technical`.
    pub(crate) technical: Option<String>,
    /// `impact.business` (and its note): `Impact: Business`.
    pub(crate) business: Option<String>,
    /// `ec_notification`'s label: `EC Notification requirement`.
    pub(crate) ec_notification: Option<String>,
    /// Notes, concerns and remarks: `Notes/Concerns`.
    pub(crate) notes: Option<String>,
    /// The interest level's label: `Interest Level`.
    pub(crate) interest: String,
}

impl Default for AssessmentColumns {
    fn default() -> Self {
        AssessmentColumns {
            proposal: "Modification Proposal".into(),
            technical: Some("Impact: Technical".into()),
            business: Some("Impact: Business".into()),
            ec_notification: Some("EC Notification requirement".into()),
            notes: Some("Notes/Concerns".into()),
            interest: "Interest Level".into(),
        }
    }
}

/// One column of the assessment table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AssessmentColumn {
    /// The proposal's ID and title.
    Proposal,
    /// The technical impact.
    Technical,
    /// The business impact.
    Business,
    /// The EC notification requirement.
    EcNotification,
    /// Notes, concerns and remarks.
    Notes,
    /// The interest level.
    Interest,
}

impl AssessmentColumns {
    /// The columns shown, in the table's order, each with its heading and
    /// its share of the HTML table's width in percent (TSC's widths; the
    /// share of a column left out goes to the notes, else the proposal).
    pub(crate) fn shown(&self) -> Vec<(AssessmentColumn, &str, u32)> {
        use AssessmentColumn as C;
        let all = [
            (C::Proposal, Some(self.proposal.as_str()), 17),
            (C::Technical, self.technical.as_deref(), 9),
            (C::Business, self.business.as_deref(), 9),
            (C::EcNotification, self.ec_notification.as_deref(), 10),
            (C::Notes, self.notes.as_deref(), 45),
            (C::Interest, Some(self.interest.as_str()), 10),
        ];
        let spare: u32 = all
            .iter()
            .filter(|(_, heading, _)| heading.is_none())
            .map(|(_, _, width)| width)
            .sum();
        let taker = if self.notes.is_some() {
            C::Notes
        } else {
            C::Proposal
        };
        all.into_iter()
            .filter_map(|(column, heading, width)| {
                let width = if column == taker {
                    width + spare
                } else {
                    width
                };
                heading.map(|h| (column, h, width))
            })
            .collect()
    }
}

/// `minutes.attendance`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum AttendanceOrder {
    /// One table per attendee category, in the order of
    /// `vocabularies.attendee_categories`.
    #[default]
    ByCategory,
    /// One table, in the order the meeting file lists the attendees.
    AsRecorded,
}

/// ID patterns (the syntax of Rust's `regex` crate as regex-lite takes it,
/// anchored with `^...$`). Classes are ASCII: `\d` is `[0-9]`, `\w` is
/// `[0-9A-Za-z_]`, and Unicode classes such as `\p{L}` are refused.
///
/// The meeting pattern may capture `number`, `yy` and `mm`; the action
/// pattern may capture `meeting` (the raising meeting's number). Validation
/// uses these captures to check that a meeting's ID agrees with its number
/// and date, and that an action's ID agrees with the meeting that raised it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct IdPatterns {
    /// Meeting IDs, for example `^PANEL_(?<number>[0-9]{2,})_(?<yy>[0-9]{2})(?<mm>[0-9]{2})$`.
    pub meeting: String,
    /// Action IDs, for example `^PA(?<seq>[0-9]{4})$`.
    pub action: String,
    /// Modification proposal IDs, for example `^DCP[0-9]{3}$`.
    pub modification: String,
}

/// ID templates (see [`crate::template`]): `{name}` or `{name:02}`
/// placeholders for the numbers of [`crate::template::Fields`].
///
/// Each template keeps where `tsc.yaml` writes it (an empty span when it
/// is the default), so that E0302 and the write commands can name its
/// line and column; two sets of templates are equal when their text is.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct IdTemplates {
    /// New meeting IDs from `number`, `yyyy`, `yy`, `mm`, `dd`; the
    /// default fits the default `id_patterns.meeting`.
    #[schemars(with = "String")]
    pub meeting: Spanned<String>,
    /// New action IDs from `meeting_number`, `seq` and the raising
    /// meeting's `yyyy`, `yy`, `mm`, `dd`; the default fits the default
    /// `id_patterns.action`.
    #[schemars(with = "String")]
    pub action: Spanned<String>,
}

impl PartialEq for IdTemplates {
    fn eq(&self, other: &Self) -> bool {
        self.meeting.value == other.meeting.value && self.action.value == other.action.value
    }
}

impl Eq for IdTemplates {}

/// A template that `tsc.yaml` does not write: no place in any file.
fn unwritten(template: String) -> Spanned<String> {
    Spanned {
        value: template,
        span: Span::default(),
    }
}

impl Default for IdTemplates {
    /// TSC's templates: [`IdTemplates::with_prefix`] of `TSC`.
    fn default() -> Self {
        IdTemplates::with_prefix("TSC")
    }
}

/// Whether `prefix` can start the IDs of [`IdPatterns::with_prefixes`]
/// and [`IdTemplates::with_prefix`] as it is: ASCII letters and digits,
/// `-` and `_`, starting with a letter, so that it means itself in a
/// regular expression, in a template and in a file name.
pub fn is_id_prefix(prefix: &str) -> bool {
    prefix.starts_with(|c: char| c.is_ascii_alphabetic())
        && prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl IdTemplates {
    /// The templates of the default shape with IDs starting `prefix`
    /// (one that [`is_id_prefix`]): meetings `{prefix}_{number:02}_{yy}{mm}`,
    /// actions `{prefix}{meeting_number:02}/{seq:02}`. The defaults are
    /// TSC's (`TSC_07_1606`, `TSC07/01`).
    pub fn with_prefix(prefix: &str) -> IdTemplates {
        IdTemplates {
            meeting: unwritten(format!("{prefix}_{{number:02}}_{{yy}}{{mm}}")),
            action: unwritten(format!("{prefix}{{meeting_number:02}}/{{seq:02}}")),
        }
    }
}

/// An agenda item every meeting has, written into each new meeting's
/// agenda in the order listed.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StandingItem {
    /// The item's title, for example `Minutes and Actions Outstanding`.
    pub title: String,
    /// Whether this is the item where the previous meeting's minutes and
    /// the outstanding actions are reviewed: `tsc new meeting` lists the
    /// open actions under it, ready to be updated.
    #[serde(default)]
    pub(crate) review: bool,
}

/// TSC's standing items: one, the review of minutes and actions.
pub(crate) fn default_standing_items() -> Vec<StandingItem> {
    vec![StandingItem {
        title: "Minutes and Actions Outstanding".into(),
        review: true,
    }]
}

/// What a vocabulary term means to the rules and queries, as a flag on
/// the term. Rules ask for a meaning, never for an ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Meaning {
    /// An action status under which the action is still to do
    /// (`tsc actions --open`, E0403, E0405).
    Open,
    /// The meeting role of whoever chairs it (E0504).
    Chair,
    /// The meeting role of the meeting's secretary.
    Secretary,
    /// A principle status meaning it was merged into another (E0404,
    /// E0406, W0602).
    Merged,
    /// A principle status meaning it no longer applies (W0602).
    Retired,
    /// A modification phase meaning the proposal was withdrawn; an action
    /// status meaning the action was withdrawn rather than done.
    Withdrawn,
    /// A modification phase meaning the proposal's process has ended.
    Closed,
}

/// One allowed value of any vocabulary: its ID (where it is written in
/// `tsc.yaml`), its display label and its meaning flags. Every flag is
/// optional in the file; one left out takes the value of the default
/// term with the same ID, or `false`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The value written in records, for example `watching-brief`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// How documents display it, for example `Watching Brief`.
    pub label: String,
    /// Action statuses: whether `tsc actions --open` lists actions with
    /// this status.
    #[serde(default)]
    pub(crate) open: Option<bool>,
    /// Roles: whoever has this role chairs the meeting.
    #[serde(default)]
    pub(crate) chair: Option<bool>,
    /// Roles: whoever has this role is the meeting's secretary.
    #[serde(default)]
    pub(crate) secretary: Option<bool>,
    /// Principle statuses: the principle was merged into another.
    #[serde(default)]
    pub(crate) merged: Option<bool>,
    /// Principle statuses: the principle no longer applies.
    #[serde(default)]
    pub(crate) retired: Option<bool>,
    /// Modification phases: the proposal was withdrawn. Action statuses:
    /// the action was withdrawn rather than done (`tsc diff` says
    /// "withdrawn", not "closed").
    #[serde(default)]
    pub(crate) withdrawn: Option<bool>,
    /// Modification phases: the proposal's process has ended.
    #[serde(default)]
    pub(crate) closed: Option<bool>,
    /// Meeting statuses: `false` for a meeting known of but whose minutes
    /// are not kept (a stub), to which attendance, agenda and decision
    /// rules do not apply. Left out: as the default term of the same ID
    /// (`not-recorded` is `false`), else `true`.
    #[serde(default)]
    pub(crate) recorded: Option<bool>,
    /// Meeting kinds: the ID pattern of this kind's meetings, in place of
    /// `id_patterns.meeting` (with the same captures), so that a kind can
    /// be a series of its own.
    #[serde(default)]
    pub(crate) id_pattern: Option<String>,
    /// Meeting kinds: the ID template of this kind's meetings, in place of
    /// `id_templates.meeting` (for `tsc new meeting`).
    #[serde(default)]
    #[allow(
        dead_code,
        reason = "accepted in tsc.yaml and in its schema; `tsc new meeting` does not read kind templates yet"
    )]
    pub(crate) id_template: Option<String>,
}

impl Meaning {
    /// The meaning's flag as written in `tsc.yaml` (`open`, `chair`, ...).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Meaning::Open => "open",
            Meaning::Chair => "chair",
            Meaning::Secretary => "secretary",
            Meaning::Merged => "merged",
            Meaning::Retired => "retired",
            Meaning::Withdrawn => "withdrawn",
            Meaning::Closed => "closed",
        }
    }
}

impl Term {
    /// A term with no meaning flags set.
    pub(crate) fn new(id: &str, label: &str) -> Term {
        Term {
            id: Spanned {
                value: id.to_owned(),
                span: crate::source::Span::default(),
            },
            label: label.to_owned(),
            open: None,
            chair: None,
            secretary: None,
            merged: None,
            retired: None,
            withdrawn: None,
            closed: None,
            recorded: None,
            id_pattern: None,
            id_template: None,
        }
    }

    /// The meeting status term of a meeting that is not recorded.
    fn unrecorded(mut self) -> Term {
        self.recorded = Some(false);
        self
    }

    /// Meeting statuses: whether a meeting with this status is recorded
    /// (see [`Term::recorded`]).
    pub(crate) fn is_recorded(&self) -> bool {
        self.recorded != Some(false)
    }

    /// The term with `meaning` flagged.
    fn with(mut self, meaning: Meaning) -> Term {
        *self.flag_mut(meaning) = Some(true);
        self
    }

    /// The value written in records.
    pub fn id(&self) -> &str {
        &self.id.value
    }

    /// Whether the term has `meaning`.
    pub(crate) fn means(&self, meaning: Meaning) -> bool {
        self.flag(meaning).unwrap_or(false)
    }

    fn flag(&self, meaning: Meaning) -> Option<bool> {
        match meaning {
            Meaning::Open => self.open,
            Meaning::Chair => self.chair,
            Meaning::Secretary => self.secretary,
            Meaning::Merged => self.merged,
            Meaning::Retired => self.retired,
            Meaning::Withdrawn => self.withdrawn,
            Meaning::Closed => self.closed,
        }
    }

    fn flag_mut(&mut self, meaning: Meaning) -> &mut Option<bool> {
        match meaning {
            Meaning::Open => &mut self.open,
            Meaning::Chair => &mut self.chair,
            Meaning::Secretary => &mut self.secretary,
            Meaning::Merged => &mut self.merged,
            Meaning::Retired => &mut self.retired,
            Meaning::Withdrawn => &mut self.withdrawn,
            Meaning::Closed => &mut self.closed,
        }
    }
}

/// Every meaning, in the order `tsc.yaml` documents them.
pub(crate) const MEANINGS: [Meaning; 7] = [
    Meaning::Open,
    Meaning::Chair,
    Meaning::Secretary,
    Meaning::Merged,
    Meaning::Retired,
    Meaning::Withdrawn,
    Meaning::Closed,
];

/// Decision verbs are written as plain strings (`- NOTED`); each becomes
/// a [`Term`] labelled with itself.
fn verbs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Term>, D::Error> {
    let written: Vec<Spanned<String>> = Vec::deserialize(d)?;
    Ok(written
        .into_iter()
        .map(|id| {
            let mut term = Term::new(&id.value, &id.value);
            term.id = id;
            term
        })
        .collect())
}

/// The allowed values of vocabulary fields.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Vocabularies {
    /// `Action.status` and `ActionUpdate.status`; `open` flags the open
    /// ones.
    pub action_statuses: Vec<Term>,
    /// `Decision.verb`, written as plain strings.
    #[serde(deserialize_with = "verbs")]
    #[schemars(with = "Vec<String>")]
    pub(crate) decision_verbs: Vec<Term>,
    /// `Assessment.interest`, in descending order of interest.
    pub interest_levels: Vec<Term>,
    /// `Modification.phase`.
    pub modification_phases: Vec<Term>,
    /// `Meeting.status`.
    pub meeting_statuses: Vec<Term>,
    /// `Meeting.kind`; the first is the kind of a meeting that names none.
    pub meeting_kinds: Vec<Term>,
    /// `Attendance.category`.
    pub attendee_categories: Vec<Term>,
    /// `Attendance.constituency`.
    pub constituencies: Vec<Term>,
    /// `Attendance.role`; `chair` and `secretary` flag those roles.
    pub roles: Vec<Term>,
    /// `Assessment.ec_notification`.
    pub ec_notification: Vec<Term>,
    /// `Principle.status`; `merged` and `retired` flag those statuses.
    pub principle_statuses: Vec<Term>,
}

fn terms(pairs: &[(&str, &str)]) -> Vec<Term> {
    pairs
        .iter()
        .map(|(id, label)| Term::new(id, label))
        .collect()
}

impl Default for Committee {
    fn default() -> Self {
        Committee {
            short_name: "TSC".into(),
            name: "Technical Sub-Committee".into(),
            parent: Some("SEC Panel".into()),
            collective_name: None,
        }
    }
}

impl Default for IdPatterns {
    /// TSC's patterns: [`IdPatterns::with_prefixes`] of `TSC` and `SECMP`
    /// (written out, so that the binary holds the committee's name only
    /// as these default values).
    fn default() -> Self {
        IdPatterns {
            meeting: "^TSC_(?<number>[0-9]{2,})_(?<yy>[0-9]{2})(?<mm>[0-9]{2})$".into(),
            action: "^TSC(?<meeting>[0-9]{2,})/(?<seq>[0-9]{2,})$".into(),
            modification: "^SECMP[0-9]{4}$".into(),
        }
    }
}

impl IdPatterns {
    /// The patterns of the default shape with meeting and action IDs
    /// starting `ids` and proposal IDs starting `modifications` (each one
    /// that [`is_id_prefix`]): `{ids}_07_1606` (number, `yy`, `mm`),
    /// `{ids}07/01` (meeting number, `seq`) and `{modifications}0007`
    /// (four digits). They accept what [`IdTemplates::with_prefix`] of
    /// `ids` makes. The defaults are TSC's (`TSC`, `SECMP`).
    pub fn with_prefixes(ids: &str, modifications: &str) -> IdPatterns {
        IdPatterns {
            meeting: format!("^{ids}_(?<number>[0-9]{{2,}})_(?<yy>[0-9]{{2}})(?<mm>[0-9]{{2}})$"),
            action: format!("^{ids}(?<meeting>[0-9]{{2,}})/(?<seq>[0-9]{{2,}})$"),
            modification: format!("^{modifications}[0-9]{{4}}$"),
        }
    }
}

impl Default for Vocabularies {
    fn default() -> Self {
        let status = |id: &str, label: &str, open| Term {
            open: Some(open),
            ..Term::new(id, label)
        };
        Vocabularies {
            action_statuses: vec![
                status("open", "Open", true),
                status("on-target", "On target", true),
                status("closed", "Closed", false),
                status("withdrawn", "Withdrawn", false).with(Meaning::Withdrawn),
            ],
            decision_verbs: ["NOTED", "APPROVED", "AGREED", "CONSIDERED"]
                .map(|verb| Term::new(verb, verb))
                .to_vec(),
            interest_levels: terms(&[
                ("high", "High"),
                ("medium", "Medium"),
                ("watching-brief", "Watching Brief"),
                ("no-interest", "No interest"),
            ]),
            modification_phases: vec![
                Term::new("raised", "Raised"),
                Term::new("initial-consideration", "Initial consideration"),
                Term::new("refinement", "Refinement"),
                Term::new("report", "Report"),
                Term::new("decision", "Decision"),
                Term::new("implemented", "Implemented").with(Meaning::Closed),
                Term::new("withdrawn", "Withdrawn")
                    .with(Meaning::Withdrawn)
                    .with(Meaning::Closed),
                Term::new("rejected", "Rejected").with(Meaning::Closed),
            ],
            meeting_statuses: vec![
                Term::new("draft", "Draft"),
                Term::new("final", "Final"),
                Term::new("not-recorded", "Not recorded").unrecorded(),
            ],
            meeting_kinds: vec![Term::new("ordinary", "Ordinary")],
            attendee_categories: terms(&[
                ("member", "TSC Members"),
                ("participant", "Other Participants"),
            ]),
            constituencies: terms(&[
                ("large-suppliers", "Large Suppliers"),
                ("small-suppliers", "Small Suppliers"),
                ("electricity-networks", "Electricity Networks"),
                ("gas-networks", "Gas Networks"),
                ("other-sec-parties", "Other SEC Parties"),
            ]),
            roles: vec![
                Term::new("chair", "Chair").with(Meaning::Chair),
                Term::new("meeting-secretary", "Meeting Secretary").with(Meaning::Secretary),
            ],
            ec_notification: terms(&[("yes", "Yes"), ("potential", "Potential"), ("no", "No")]),
            principle_statuses: vec![
                Term::new("proposed", "Proposed"),
                Term::new("agreed", "Agreed"),
                Term::new("merged", "Merged").with(Meaning::Merged),
                Term::new("retired", "Retired").with(Meaning::Retired),
            ],
        }
    }
}

/// The ID patterns of [`IdPatterns`], compiled.
#[derive(Debug, Clone)]
pub(crate) struct CompiledPatterns {
    /// Compiled `id_patterns.meeting`.
    pub(crate) meeting: Regex,
    /// Compiled `id_patterns.action`.
    pub(crate) action: Regex,
    /// Compiled `id_patterns.modification`.
    pub(crate) modification: Regex,
    /// Compiled `id_pattern` of each meeting kind that has one, by kind ID.
    pub(crate) meeting_kinds: Vec<(String, Regex)>,
}

impl CompiledPatterns {
    /// The pattern meetings of `kind` must match: the kind's own
    /// `id_pattern`, else `id_patterns.meeting`. `None` means the first
    /// kind, as for a meeting that names none.
    pub(crate) fn meeting_of(&self, vocabularies: &Vocabularies, kind: Option<&str>) -> &Regex {
        let kind = kind.or_else(|| vocabularies.meeting_kinds.first().map(Term::id));
        kind.and_then(|k| self.meeting_kinds.iter().find(|(id, _)| id == k))
            .map_or(&self.meeting, |(_, regex)| regex)
    }
}

impl Settings {
    /// Compiles the ID patterns and each meeting kind's `id_pattern`.
    ///
    /// # Errors
    /// The settings path of the first pattern that is not a valid regular
    /// expression (`id_patterns.meeting`), with the pattern and
    /// regex-lite's explanation (see [`IdPatterns::compile`]).
    pub(crate) fn compile_patterns(&self) -> Result<CompiledPatterns, (String, String)> {
        let mut compiled = self
            .id_patterns
            .compile()
            .map_err(|(name, e)| (format!("id_patterns.{name}"), e))?;
        for kind in &self.vocabularies.meeting_kinds {
            if let Some(pattern) = &kind.id_pattern {
                let regex = compile(pattern).map_err(|e| {
                    (
                        format!("vocabularies.meeting_kinds `{}` id_pattern", kind.id()),
                        e,
                    )
                })?;
                compiled.meeting_kinds.push((kind.id().to_owned(), regex));
            }
        }
        Ok(compiled)
    }
}

impl IdPatterns {
    /// Compiles the three patterns.
    ///
    /// # Errors
    /// Returns the name of the first pattern that is not a valid regular
    /// expression, with the pattern and regex-lite's explanation:
    /// ``^SECMP[0-9]{4$`: expected closing brace for counted repetition, but got
    /// something else``.
    pub(crate) fn compile(&self) -> Result<CompiledPatterns, (&'static str, String)> {
        let one = |name: &'static str, pattern: &str| compile(pattern).map_err(|e| (name, e));
        Ok(CompiledPatterns {
            meeting: one("meeting", &self.meeting)?,
            action: one("action", &self.action)?,
            modification: one("modification", &self.modification)?,
            meeting_kinds: Vec::new(),
        })
    }
}

/// Compiles one ID pattern with regex-lite; its error names the pattern,
/// since regex-lite's message does not quote it.
fn compile(pattern: &str) -> Result<Regex, String> {
    Regex::new(pattern).map_err(|e| format!("`{pattern}`: {e}"))
}

impl Vocabularies {
    /// Each vocabulary's name in `tsc.yaml` with its terms.
    pub(crate) fn lists(&self) -> [(&'static str, &[Term]); 11] {
        [
            ("action_statuses", &self.action_statuses),
            ("decision_verbs", &self.decision_verbs),
            ("interest_levels", &self.interest_levels),
            ("modification_phases", &self.modification_phases),
            ("meeting_statuses", &self.meeting_statuses),
            ("meeting_kinds", &self.meeting_kinds),
            ("attendee_categories", &self.attendee_categories),
            ("constituencies", &self.constituencies),
            ("roles", &self.roles),
            ("ec_notification", &self.ec_notification),
            ("principle_statuses", &self.principle_statuses),
        ]
    }

    fn lists_mut(&mut self) -> [&mut Vec<Term>; 11] {
        [
            &mut self.action_statuses,
            &mut self.decision_verbs,
            &mut self.interest_levels,
            &mut self.modification_phases,
            &mut self.meeting_statuses,
            &mut self.meeting_kinds,
            &mut self.attendee_categories,
            &mut self.constituencies,
            &mut self.roles,
            &mut self.ec_notification,
            &mut self.principle_statuses,
        ]
    }

    /// Gives every meaning flag a term leaves out the value of the TSC
    /// default term with the same ID in the same vocabulary (so a
    /// `tsc.yaml` that writes `- id: chair` keeps the chair's meaning),
    /// or `false`.
    pub(crate) fn inherit_meanings(&mut self) {
        let defaults = Vocabularies::default();
        for (terms, (_, default_terms)) in self.lists_mut().into_iter().zip(defaults.lists()) {
            for term in terms.iter_mut() {
                let default = Vocabularies::term(default_terms, term.id());
                for meaning in MEANINGS {
                    let flag = term.flag_mut(meaning);
                    if flag.is_none() {
                        *flag = Some(default.is_some_and(|d| d.means(meaning)));
                    }
                }
                if term.recorded.is_none() {
                    term.recorded = default.and_then(|d| d.recorded);
                }
            }
        }
    }

    /// The term of `terms` whose ID is `id`: the one membership check.
    pub(crate) fn term<'a>(terms: &'a [Term], id: &str) -> Option<&'a Term> {
        terms.iter().find(|t| t.id() == id)
    }

    /// Whether `id` is a term of `terms` that has `meaning`.
    pub(crate) fn means(terms: &[Term], id: &str, meaning: Meaning) -> bool {
        Vocabularies::term(terms, id).is_some_and(|t| t.means(meaning))
    }

    /// The first action status that counts as open: the status of a new
    /// action.
    pub(crate) fn first_open_status(&self) -> Option<&Term> {
        self.action_statuses.iter().find(|s| s.means(Meaning::Open))
    }

    /// Whether `status` is one of the action statuses that count as open.
    pub fn is_open_status(&self, status: &str) -> bool {
        Vocabularies::means(&self.action_statuses, status, Meaning::Open)
    }

    /// The label of action status `id`, or `id` itself.
    pub(crate) fn action_status_label<'a>(&'a self, id: &'a str) -> &'a str {
        Vocabularies::label(&self.action_statuses, id)
    }

    /// Whether a meeting with this status (or none) is recorded: `false`
    /// only for a status whose term says `recorded: false`.
    pub(crate) fn is_recorded_status(&self, status: Option<&str>) -> bool {
        status.is_none_or(|s| {
            Vocabularies::term(&self.meeting_statuses, s).is_none_or(Term::is_recorded)
        })
    }

    /// The label of meeting status `id`, or `id` itself.
    pub(crate) fn meeting_status_label<'a>(&'a self, id: &'a str) -> &'a str {
        Vocabularies::label(&self.meeting_statuses, id)
    }

    /// The kind of a meeting that names `kind` (or none: the first kind).
    pub(crate) fn meeting_kind(&self, kind: Option<&str>) -> Option<&Term> {
        match kind {
            Some(k) => Vocabularies::term(&self.meeting_kinds, k),
            None => self.meeting_kinds.first(),
        }
    }

    /// The label of `id` in `terms`, or `id` itself when it is not listed.
    pub(crate) fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
        Vocabularies::term(terms, id).map_or(id, |t| t.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_patterns_capture_what_validation_reads() {
        let patterns = IdPatterns::default().compile().unwrap();
        let caps = patterns.meeting.captures("TSC_07_1606").unwrap();
        assert_eq!(
            (&caps["number"], &caps["yy"], &caps["mm"]),
            ("07", "16", "06")
        );
        assert_eq!(&patterns.action.captures("TSC07/04").unwrap()["seq"], "04");
        assert!(patterns.modification.is_match("SECMP0017"));
        assert!(!patterns.modification.is_match("SECMP/0017"));
    }

    #[test]
    fn another_prefix_makes_ids_of_the_same_shape() {
        assert_eq!(
            IdPatterns::with_prefixes("TSC", "SECMP"),
            IdPatterns::default()
        );
        assert_eq!(IdTemplates::with_prefix("TSC"), IdTemplates::default());
        let patterns = IdPatterns::with_prefixes("DWG", "DWGMP").compile().unwrap();
        let templates = IdTemplates::with_prefix("DWG");
        assert_eq!(templates.meeting.value, "DWG_{number:02}_{yy}{mm}");
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let meeting = crate::template::render(
            &templates.meeting.value,
            &crate::template::Fields::meeting(3, date),
        )
        .unwrap();
        assert_eq!(meeting, "DWG_03_2601");
        assert_eq!(
            &patterns.meeting.captures(&meeting).unwrap()["number"],
            "03"
        );
        let action = crate::template::Fields::action(3, date, 12);
        let action = crate::template::render(&templates.action.value, &action).unwrap();
        assert_eq!(action, "DWG03/12");
        assert!(patterns.action.is_match(&action));
        assert!(patterns.modification.is_match("DWGMP0001"));
        assert!(!patterns.meeting.is_match("TSC_03_2601"));
        assert!(is_id_prefix("Panel_2") && !is_id_prefix("Review Panel") && !is_id_prefix("2X"));
    }

    #[test]
    fn a_bad_pattern_is_quoted_with_what_is_wrong() {
        let mut ids = IdPatterns {
            modification: "^SECMP[0-9]{4$".to_owned(),
            ..IdPatterns::default()
        };
        assert_eq!(
            ids.compile().unwrap_err(),
            (
                "modification",
                "`^SECMP[0-9]{4$`: expected closing brace for counted repetition, but got something else"
                    .to_owned()
            )
        );
        ids.modification = r"^SECMP\p{Nd}{4}$".to_owned();
        assert_eq!(
            ids.compile().unwrap_err().1,
            r"`^SECMP\p{Nd}{4}$`: Unicode character classes are not supported"
        );
    }

    #[test]
    fn classes_are_ascii() {
        let ids = IdPatterns {
            modification: r"^SECMP\d{4}$".to_owned(),
            ..IdPatterns::default()
        };
        let patterns = ids.compile().unwrap();
        assert!(patterns.modification.is_match("SECMP0017"));
        // ARABIC-INDIC DIGIT ZERO..SEVEN: a digit to `regex`, not to an ID.
        assert!(
            !patterns
                .modification
                .is_match("SECMP\u{660}\u{660}\u{661}\u{667}")
        );
    }
}
