//! The committee's settings: `tsc.yaml` at the root of the records
//! directory.
//!
//! Every field has a default, and the defaults are the Smart Energy Code
//! Technical Sub-Committee's, so an empty `tsc.yaml` (or none at all)
//! describes TSC. Another committee overrides the name, the ID patterns and
//! the vocabularies.

use std::path::Path;

use crate::spanned::Spanned;
use regex::Regex;
use schemars::JsonSchema;
use serde::Deserialize;

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
    /// The allowed values of every vocabulary field.
    pub vocabularies: Vocabularies,
    /// Rules `tsc validate` does not report, by code (`W0601`) or name
    /// (`related-not-reciprocal`); see `docs/rules.md`.
    #[schemars(with = "Vec<String>")]
    pub allow: Vec<Spanned<String>>,
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
    pub fn lists(&self) -> [(&'static str, Vec<&Spanned<String>>); 10] {
        fn ids(terms: &[WrittenTerm]) -> Vec<&Spanned<String>> {
            terms.iter().map(|t| &t.id).collect()
        }
        [
            ("action_statuses", ids(&self.action_statuses)),
            ("decision_verbs", self.decision_verbs.iter().collect()),
            ("interest_levels", ids(&self.interest_levels)),
            ("modification_phases", ids(&self.modification_phases)),
            ("meeting_statuses", ids(&self.meeting_statuses)),
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
    /// Short name used in documents, for example `TSC`.
    pub short_name: String,
    /// Full name, for example `Technical Sub-Committee`.
    pub name: String,
    /// The body the committee reports to, for example `SEC Panel`.
    pub parent: Option<String>,
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
    /// Meeting IDs; TSC default `^TSC_(?<number>[0-9]{2,})_(?<yy>[0-9]{2})(?<mm>[0-9]{2})$`.
    pub meeting: String,
    /// Action IDs; TSC default `^TSC(?<meeting>[0-9]{2,})/(?<seq>[0-9]{2,})$`.
    pub action: String,
    /// Modification proposal IDs; TSC default `^SECMP[0-9]{4}$`.
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
    pub meeting_statuses: Vec<Term>,
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
            meeting_statuses: terms(&[("draft", "Draft"), ("final", "Final")]),
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

    /// The label of `id` in `terms`, or `id` itself when it is not listed.
    pub fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
        terms
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.label.as_str())
    }
}
