//! The committee's settings: `tsc.yaml` at the root of the records
//! directory.
//!
//! Every field has a default, and the defaults are the Smart Energy Code
//! Technical Sub-Committee's, so an empty `tsc.yaml` (or none at all)
//! describes TSC. Another committee overrides the name, the ID patterns and
//! the vocabularies.

use std::path::Path;

use regex::Regex;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::finding::Finding;
use crate::yaml;

/// The parsed contents of `tsc.yaml`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The committee's short and full name.
    pub committee: Committee,
    /// Regular expressions that record IDs must match.
    pub id_patterns: IdPatterns,
    /// How `tsc minutes` lays out a meeting.
    pub minutes: MinutesSettings,
    /// The allowed values of every vocabulary field.
    pub vocabularies: Vocabularies,
    /// Rules `tsc validate` does not report, by code (`W0601`) or name
    /// (`related-not-reciprocal`); see `docs/rules.md`.
    #[schemars(with = "Vec<String>")]
    pub allow: Vec<serde_saphyr::Spanned<String>>,
    /// Where each vocabulary value is written in `tsc.yaml`; filled by
    /// [`Settings::parse`], empty for the defaults.
    #[serde(skip)]
    #[schemars(skip)]
    pub written: WrittenVocabularies,
}

impl Settings {
    /// Parses the text of `tsc.yaml` at `path`, noting where each
    /// vocabulary value is written ([`Settings::written`]).
    ///
    /// # Errors
    /// The finding of [`yaml::parse`] when the text is not valid settings.
    pub fn parse(text: &str, path: &Path) -> Result<Settings, Box<Finding>> {
        let mut settings: Settings = yaml::parse(text, path)?;
        if let Ok(written) = yaml::parse::<WrittenSettings>(text, path) {
            settings.written = written.vocabularies;
        }
        Ok(settings)
    }
}

/// The values of each vocabulary as written in `tsc.yaml`, with their
/// positions (the `id` of a term, or a decision verb), so that validation
/// can point at a value listed twice. A vocabulary left to its default is
/// empty here.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WrittenVocabularies {
    /// `vocabularies.action_statuses[].id`.
    pub action_statuses: Vec<WrittenTerm>,
    /// `vocabularies.decision_verbs[]`.
    pub decision_verbs: Vec<Spanned<String>>,
    /// `vocabularies.interest_levels[].id`.
    pub interest_levels: Vec<WrittenTerm>,
    /// `vocabularies.modification_phases[].id`.
    pub modification_phases: Vec<WrittenTerm>,
    /// `vocabularies.meeting_statuses[].id`.
    pub meeting_statuses: Vec<WrittenTerm>,
    /// `vocabularies.meeting_kinds[].id`.
    pub meeting_kinds: Vec<WrittenTerm>,
    /// `vocabularies.attendee_categories[].id`.
    pub attendee_categories: Vec<WrittenTerm>,
    /// `vocabularies.constituencies[].id`.
    pub constituencies: Vec<WrittenTerm>,
    /// `vocabularies.roles[].id`.
    pub roles: Vec<WrittenTerm>,
    /// `vocabularies.ec_notification[].id`.
    pub ec_notification: Vec<WrittenTerm>,
    /// `vocabularies.principle_statuses[].id`.
    pub principle_statuses: Vec<WrittenTerm>,
}

impl WrittenVocabularies {
    /// Each vocabulary's name in `tsc.yaml` with its values as written.
    pub fn lists(&self) -> [(&'static str, Vec<&Spanned<String>>); 11] {
        fn ids(terms: &[WrittenTerm]) -> Vec<&Spanned<String>> {
            terms.iter().map(|t| &t.id).collect()
        }
        [
            ("action_statuses", ids(&self.action_statuses)),
            ("decision_verbs", self.decision_verbs.iter().collect()),
            ("interest_levels", ids(&self.interest_levels)),
            ("modification_phases", ids(&self.modification_phases)),
            ("meeting_statuses", ids(&self.meeting_statuses)),
            ("meeting_kinds", ids(&self.meeting_kinds)),
            ("attendee_categories", ids(&self.attendee_categories)),
            ("constituencies", ids(&self.constituencies)),
            ("roles", ids(&self.roles)),
            ("ec_notification", ids(&self.ec_notification)),
            ("principle_statuses", ids(&self.principle_statuses)),
        ]
    }
}

/// One vocabulary term as written: only its `id` matters here.
#[derive(Debug, Clone, Deserialize)]
pub struct WrittenTerm {
    /// The term's `id`, where it is written.
    pub id: Spanned<String>,
}

/// `tsc.yaml` read only for where its vocabulary values are written.
#[derive(Deserialize, Default)]
#[serde(default)]
struct WrittenSettings {
    vocabularies: WrittenVocabularies,
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
    pub collective_name: Option<String>,
}

impl Committee {
    /// The name of the decision lead-in, "The …:": `collective_name`, else
    /// the short name.
    pub fn collective(&self) -> &str {
        self.collective_name.as_deref().unwrap_or(&self.short_name)
    }
}

/// `minutes:` in `tsc.yaml`: how `tsc minutes` lays out a meeting.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct MinutesSettings {
    /// The order of the attendees: grouped by category (the default) or
    /// as recorded.
    pub attendance: AttendanceOrder,
}

/// `minutes.attendance`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AttendanceOrder {
    /// One table per attendee category, in the order of
    /// `vocabularies.attendee_categories`.
    #[default]
    ByCategory,
    /// One table, in the order the meeting file lists the attendees.
    AsRecorded,
}

/// ID patterns (Rust `regex` syntax, anchored with `^...$`).
///
/// The meeting pattern may capture `number`, `yy` and `mm`; the action
/// pattern may capture `meeting` (the raising meeting's number). Validation
/// uses these captures to check that a meeting's ID agrees with its number
/// and date, and that an action's ID agrees with the meeting that raised it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct IdPatterns {
    /// Meeting IDs, for example `^PANEL_(?<number>[0-9]{2,})_(?<yy>[0-9]{2})(?<mm>[0-9]{2})$`.
    pub meeting: String,
    /// Action IDs, for example `^PA(?<seq>[0-9]{4})$`.
    pub action: String,
    /// Modification proposal IDs, for example `^DCP[0-9]{3}$`.
    pub modification: String,
}

/// One allowed value of a vocabulary, with its display label.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The value written in records, for example `watching-brief`.
    pub id: String,
    /// How documents display it, for example `Watching Brief`.
    pub label: String,
}

/// An action status and whether it counts as open.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionStatus {
    /// The value written in records, for example `open`.
    pub id: String,
    /// How documents display it.
    pub label: String,
    /// Whether `tsc actions --open` lists actions with this status.
    pub open: bool,
}

/// A meeting status and whether its minutes are recorded.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingStatus {
    /// The value written in records, for example `final`.
    pub id: String,
    /// How documents display it.
    pub label: String,
    /// `false` for a meeting known of but whose minutes are not kept (a
    /// stub); attendance, agenda and decision rules do not apply to it.
    #[serde(default = "yes")]
    pub recorded: bool,
}

fn yes() -> bool {
    true
}

/// A kind of meeting (ordinary, special, ...), each of which may be its
/// own series with its own ID pattern and template.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingKind {
    /// The value written in records, for example `special`.
    pub id: String,
    /// How documents display it, for example `Special Review Panel`.
    pub label: String,
    /// The ID pattern of this kind's meetings, in place of
    /// `id_patterns.meeting` (the same captures).
    #[serde(default)]
    pub id_pattern: Option<String>,
    /// The ID template of this kind's meetings, in place of
    /// `id_templates.meeting` (for `tsc new meeting`).
    #[serde(default)]
    pub id_template: Option<String>,
}

/// The allowed values of vocabulary fields.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Vocabularies {
    /// `Action.status` and `ActionUpdate.status`.
    pub action_statuses: Vec<ActionStatus>,
    /// `Decision.verb`.
    pub decision_verbs: Vec<String>,
    /// `Assessment.interest`, in descending order of interest.
    pub interest_levels: Vec<Term>,
    /// `Modification.phase`.
    pub modification_phases: Vec<Term>,
    /// `Meeting.status`.
    pub meeting_statuses: Vec<MeetingStatus>,
    /// `Meeting.kind`; the first is the kind of a meeting that names none.
    pub meeting_kinds: Vec<MeetingKind>,
    /// `Attendance.category`.
    pub attendee_categories: Vec<Term>,
    /// `Attendance.constituency`.
    pub constituencies: Vec<Term>,
    /// `Attendance.role`.
    pub roles: Vec<Term>,
    /// `Assessment.ec_notification`.
    pub ec_notification: Vec<Term>,
    /// `Principle.status`.
    pub principle_statuses: Vec<Term>,
}

fn terms(pairs: &[(&str, &str)]) -> Vec<Term> {
    pairs
        .iter()
        .map(|(id, label)| Term {
            id: (*id).to_owned(),
            label: (*label).to_owned(),
        })
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
    fn default() -> Self {
        IdPatterns {
            meeting: "^TSC_(?<number>[0-9]{2,})_(?<yy>[0-9]{2})(?<mm>[0-9]{2})$".into(),
            action: "^TSC(?<meeting>[0-9]{2,})/(?<seq>[0-9]{2,})$".into(),
            modification: "^SECMP[0-9]{4}$".into(),
        }
    }
}

impl Default for Vocabularies {
    fn default() -> Self {
        let status = |id: &str, label: &str, open| ActionStatus {
            id: id.into(),
            label: label.into(),
            open,
        };
        Vocabularies {
            action_statuses: vec![
                status("open", "Open", true),
                status("on-target", "On target", true),
                status("closed", "Closed", false),
                status("withdrawn", "Withdrawn", false),
            ],
            decision_verbs: ["NOTED", "APPROVED", "AGREED", "CONSIDERED"]
                .map(String::from)
                .to_vec(),
            interest_levels: terms(&[
                ("high", "High"),
                ("medium", "Medium"),
                ("watching-brief", "Watching Brief"),
                ("no-interest", "No interest"),
            ]),
            modification_phases: terms(&[
                ("raised", "Raised"),
                ("initial-consideration", "Initial consideration"),
                ("refinement", "Refinement"),
                ("report", "Report"),
                ("decision", "Decision"),
                ("implemented", "Implemented"),
                ("withdrawn", "Withdrawn"),
                ("rejected", "Rejected"),
            ]),
            meeting_statuses: [
                ("draft", "Draft", true),
                ("final", "Final", true),
                ("not-recorded", "Not recorded", false),
            ]
            .map(|(id, label, recorded)| MeetingStatus {
                id: id.into(),
                label: label.into(),
                recorded,
            })
            .to_vec(),
            meeting_kinds: vec![MeetingKind {
                id: "ordinary".into(),
                label: "Ordinary".into(),
                id_pattern: None,
                id_template: None,
            }],
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
            roles: terms(&[
                ("chair", "Chair"),
                ("meeting-secretary", "Meeting Secretary"),
            ]),
            ec_notification: terms(&[("yes", "Yes"), ("potential", "Potential"), ("no", "No")]),
            principle_statuses: terms(&[
                ("proposed", "Proposed"),
                ("agreed", "Agreed"),
                ("merged", "Merged"),
                ("retired", "Retired"),
            ]),
        }
    }
}

/// The ID patterns of [`IdPatterns`], compiled.
#[derive(Debug, Clone)]
pub struct CompiledPatterns {
    /// Compiled `id_patterns.meeting`.
    pub meeting: Regex,
    /// Compiled `id_patterns.action`.
    pub action: Regex,
    /// Compiled `id_patterns.modification`.
    pub modification: Regex,
    /// Compiled `id_pattern` of each meeting kind that has one, by kind ID.
    pub meeting_kinds: Vec<(String, Regex)>,
}

impl CompiledPatterns {
    /// The pattern meetings of `kind` must match: the kind's own
    /// `id_pattern`, else `id_patterns.meeting`. `None` means the first
    /// kind, as for a meeting that names none.
    pub fn meeting_of(&self, vocabularies: &Vocabularies, kind: Option<&str>) -> &Regex {
        let kind = kind.or_else(|| vocabularies.meeting_kinds.first().map(|k| k.id.as_str()));
        kind.and_then(|k| self.meeting_kinds.iter().find(|(id, _)| id == k))
            .map_or(&self.meeting, |(_, regex)| regex)
    }
}

impl Settings {
    /// Compiles the ID patterns and each meeting kind's `id_pattern`.
    ///
    /// # Errors
    /// The settings path of the first pattern that is not a valid regular
    /// expression (`id_patterns.meeting`), with the regex crate's
    /// explanation.
    pub fn compile_patterns(&self) -> Result<CompiledPatterns, (String, String)> {
        let mut compiled = self
            .id_patterns
            .compile()
            .map_err(|(name, e)| (format!("id_patterns.{name}"), e))?;
        for kind in &self.vocabularies.meeting_kinds {
            if let Some(pattern) = &kind.id_pattern {
                let regex = Regex::new(pattern).map_err(|e| {
                    (
                        format!("vocabularies.meeting_kinds `{}` id_pattern", kind.id),
                        e.to_string(),
                    )
                })?;
                compiled.meeting_kinds.push((kind.id.clone(), regex));
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
    /// expression, with the regex crate's explanation.
    pub fn compile(&self) -> Result<CompiledPatterns, (&'static str, String)> {
        let one = |name: &'static str, pattern: &str| {
            Regex::new(pattern).map_err(|e| (name, e.to_string()))
        };
        Ok(CompiledPatterns {
            meeting: one("meeting", &self.meeting)?,
            action: one("action", &self.action)?,
            modification: one("modification", &self.modification)?,
            meeting_kinds: Vec::new(),
        })
    }
}

impl Vocabularies {
    /// Whether `status` is one of the action statuses that count as open.
    pub fn is_open_status(&self, status: &str) -> bool {
        self.action_statuses
            .iter()
            .any(|s| s.id == status && s.open)
    }

    /// The label of action status `id`, or `id` itself.
    pub fn action_status_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.action_statuses
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.label.as_str())
    }

    /// Whether a meeting with this status (or none) is recorded: `false`
    /// only for a status whose term says `recorded: false`.
    pub fn is_recorded_status(&self, status: Option<&str>) -> bool {
        status.is_none_or(|s| {
            self.meeting_statuses
                .iter()
                .find(|t| t.id == s)
                .is_none_or(|t| t.recorded)
        })
    }

    /// The label of meeting status `id`, or `id` itself.
    pub fn meeting_status_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.meeting_statuses
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.label.as_str())
    }

    /// The kind of a meeting that names `kind` (or none: the first kind).
    pub fn meeting_kind(&self, kind: Option<&str>) -> Option<&MeetingKind> {
        match kind {
            Some(k) => self.meeting_kinds.iter().find(|t| t.id == k),
            None => self.meeting_kinds.first(),
        }
    }

    /// The label of `id` in `terms`, or `id` itself when it is not listed.
    pub fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
        terms
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.label.as_str())
    }
}
