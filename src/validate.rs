//! Cross-record checks: unique IDs, IDs that match file names and
//! patterns, references that resolve, and vocabulary values that
//! `tsc.yaml` allows.
//!
//! [`validate`] never stops at the first problem: it returns every finding
//! in the stable order of [`crate::finding::sort_findings`].

use std::collections::HashMap;
use std::path::Path;

use serde_saphyr::Spanned;

use crate::finding::{Code, Finding, Position, sort_findings};
use crate::ids;
use crate::records::{Loaded, Records};
use crate::settings::{CompiledPatterns, Term};
use crate::suggest;

/// Counts of what was validated, for the one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Meeting records.
    pub meetings: usize,
    /// Modification proposal records.
    pub modifications: usize,
    /// Action records.
    pub actions: usize,
    /// Entries of `people.yaml`.
    pub people: usize,
    /// Entries of `organisations.yaml`.
    pub organisations: usize,
    /// Entries of `principles.yaml`.
    pub principles: usize,
}

impl Summary {
    /// Counts the records in `records`.
    pub fn of(records: &Records) -> Summary {
        Summary {
            meetings: records.meetings.len(),
            modifications: records.modifications.len(),
            actions: records.actions.len(),
            people: records.people.len(),
            organisations: records.organisations.len(),
            principles: records.principles.len(),
        }
    }
}

/// The outcome of validating a records tree.
#[derive(Debug, Clone)]
pub struct Report {
    /// Load findings and cross-reference findings, sorted.
    pub findings: Vec<Finding>,
    /// What was checked.
    pub summary: Summary,
}

impl Report {
    /// Number of findings with error severity.
    pub fn error_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
            .count()
    }
}

/// Validates what [`crate::records::load`] returned: keeps its findings
/// and adds every cross-record finding.
pub fn validate(loaded: &Loaded) -> Report {
    let mut findings = loaded.findings.clone();
    findings.extend(check(&loaded.records));
    sort_findings(&mut findings);
    Report {
        findings,
        summary: Summary::of(&loaded.records),
    }
}

/// IDs of every kind, each with where it is defined.
struct Index<'r> {
    people: HashMap<&'r str, &'r Path>,
    organisations: HashMap<&'r str, &'r Path>,
    meetings: HashMap<&'r str, &'r crate::records::Located<crate::model::Meeting>>,
    modifications: HashMap<&'r str, &'r Path>,
    principles: HashMap<u32, &'r Path>,
}

struct Checker<'r> {
    records: &'r Records,
    index: Index<'r>,
    patterns: Option<CompiledPatterns>,
    findings: Vec<Finding>,
}

/// Runs every cross-record check on `records`.
pub fn check(records: &Records) -> Vec<Finding> {
    let mut checker = Checker {
        records,
        index: Index {
            people: HashMap::new(),
            organisations: HashMap::new(),
            meetings: HashMap::new(),
            modifications: HashMap::new(),
            principles: HashMap::new(),
        },
        patterns: None,
        findings: Vec::new(),
    };
    checker.compile_patterns();
    checker.build_index();
    checker.check_people_and_organisations();
    checker.check_principles();
    checker.check_modifications();
    checker.check_meetings();
    checker.check_actions();
    checker.findings
}

fn at<T>(value: &Spanned<T>) -> Position {
    Position::of(value)
}

/// Maps each key to the file of its first definition, reporting every
/// later definition as a duplicate.
fn unique<'a, K>(
    findings: &mut Vec<Finding>,
    what: &str,
    entries: impl Iterator<Item = (K, &'a Path, Position)>,
) -> HashMap<K, &'a Path>
where
    K: std::hash::Hash + Eq + std::fmt::Display + Copy,
{
    let mut map: HashMap<K, &'a Path> = HashMap::new();
    for (key, file, position) in entries {
        if let Some(first) = map.get(&key) {
            findings.push(
                Finding::new(
                    Code::DuplicateId,
                    file,
                    position,
                    format!("{what} `{key}` is defined more than once"),
                )
                .with_help(format!(
                    "it is also defined in {}; keep one definition and rename or remove the other",
                    first.display()
                )),
            );
        } else {
            map.insert(key, file);
        }
    }
    map
}

impl<'r> Checker<'r> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn compile_patterns(&mut self) {
        match self.records.settings.id_patterns.compile() {
            Ok(p) => self.patterns = Some(p),
            Err((name, error)) => {
                let file = self
                    .records
                    .settings_file
                    .clone()
                    .unwrap_or_else(|| self.records.root.join("tsc.yaml"));
                self.push(
                    Finding::new(
                        Code::BadSettings,
                        file,
                        Position::default(),
                        format!("id_patterns.{name} is not a valid regular expression: {error}"),
                    )
                    .with_help("fix the pattern; ID pattern checks are skipped until then"),
                );
            }
        }
    }

    fn build_index(&mut self) {
        let r = self.records;
        let f = &mut self.findings;
        let people = r.people.iter().map(|p| {
            (
                p.record.id.value.as_str(),
                p.file.as_path(),
                at(&p.record.id),
            )
        });
        self.index.people = unique(f, "person", people);
        let orgs = r.organisations.iter().map(|o| {
            (
                o.record.id.value.as_str(),
                o.file.as_path(),
                at(&o.record.id),
            )
        });
        self.index.organisations = unique(f, "organisation", orgs);
        for o in &r.organisations {
            let id = o.record.id.value.as_str();
            if let Some(person_file) = self.index.people.get(id) {
                f.push(
                    Finding::new(
                        Code::DuplicateId,
                        &o.file,
                        at(&o.record.id),
                        format!("`{id}` is both an organisation and a person, so an owner `{id}` is ambiguous"),
                    )
                    .with_help(format!("rename the person in {} or the organisation", person_file.display())),
                );
            }
        }
        let meetings = r.meetings.iter().map(|m| {
            (
                m.record.id.value.as_str(),
                m.file.as_path(),
                at(&m.record.id),
            )
        });
        unique(f, "meeting", meetings);
        for m in &r.meetings {
            self.index
                .meetings
                .entry(m.record.id.value.as_str())
                .or_insert(m);
        }
        let mods = r.modifications.iter().map(|m| {
            (
                m.record.id.value.as_str(),
                m.file.as_path(),
                at(&m.record.id),
            )
        });
        self.index.modifications = unique(f, "modification proposal", mods);
        let principles = r.principles.iter().map(|p| {
            (
                p.record.number.value,
                p.file.as_path(),
                at(&p.record.number),
            )
        });
        self.index.principles = unique(f, "principle", principles);
        let actions = r.actions.iter().map(|a| {
            (
                a.record.id.value.as_str(),
                a.file.as_path(),
                at(&a.record.id),
            )
        });
        unique(f, "action", actions);
    }

    /// Checks that a per-file record's `id` matches its file name and the
    /// ID pattern.
    fn check_file_id(
        &mut self,
        file: &Path,
        id: &Spanned<String>,
        pattern: Option<&regex::Regex>,
        kind: &str,
    ) {
        let value = id.value.as_str();
        if !ids::is_safe_for_file_name(value) {
            self.push(
                Finding::new(Code::IdPattern, file, at(id), format!("{kind} ID `{value}` cannot be used as a file name"))
                    .with_help("IDs may not be empty, start with `.`, or contain `..`, `\\` or control characters"),
            );
            return;
        }
        let expected = ids::file_stem_for(value);
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem != expected {
            self.push(
                Finding::new(
                    Code::IdFileMismatch,
                    file,
                    at(id),
                    format!("{kind} ID `{value}` does not match the file name `{stem}`"),
                )
                .with_help(format!(
                    "rename the file to `{expected}.yaml`, or correct the `id`"
                )),
            );
        }
        if let Some(re) = pattern
            && !re.is_match(value)
        {
            self.push(
                Finding::new(
                    Code::IdPattern,
                    file,
                    at(id),
                    format!(
                        "{kind} ID `{value}` does not match the pattern `{}`",
                        re.as_str()
                    ),
                )
                .with_help("correct the ID, or change `id_patterns` in tsc.yaml"),
            );
        }
    }

    /// Reports `value` if it is not one of `terms`.
    fn check_term(
        &mut self,
        file: &Path,
        value: &Spanned<String>,
        terms: &[Term],
        field: &str,
        vocabulary: &str,
    ) {
        let v = value.value.as_str();
        if terms.iter().any(|t| t.id == v) {
            return;
        }
        self.unknown_term(
            file,
            value,
            terms.iter().map(|t| t.id.as_str()),
            field,
            vocabulary,
        );
    }

    fn unknown_term<'a>(
        &mut self,
        file: &Path,
        value: &Spanned<String>,
        allowed: impl Iterator<Item = &'a str> + Clone,
        field: &str,
        vocabulary: &str,
    ) {
        let v = value.value.as_str();
        let list: Vec<&str> = allowed.clone().collect();
        let help = match suggest::closest(v, allowed) {
            Some(best) => format!("did you mean `{best}`? allowed values: {}", list.join(", ")),
            None => format!(
                "allowed values: {} (set in tsc.yaml under vocabularies.{vocabulary})",
                list.join(", ")
            ),
        };
        self.push(
            Finding::new(
                Code::UnknownTerm,
                file,
                at(value),
                format!("`{v}` is not an allowed {field}"),
            )
            .with_help(help),
        );
    }

    /// Reports an unresolved reference with a "did you mean" hint.
    fn unresolved<'a>(
        &mut self,
        code: Code,
        file: &Path,
        value: &Spanned<String>,
        what: &str,
        known: impl Iterator<Item = &'a str>,
        defined_in: &str,
    ) {
        let v = value.value.as_str();
        let help = match suggest::closest(v, known) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("add `{v}` to {defined_in}, or correct the reference"),
        };
        self.push(
            Finding::new(code, file, at(value), format!("unknown {what} `{v}`")).with_help(help),
        );
    }

    fn person_ref(&mut self, file: &Path, value: &Spanned<String>) {
        if !self.index.people.contains_key(value.value.as_str()) {
            let known: Vec<&str> = self.index.people.keys().copied().collect();
            self.unresolved(
                Code::UnknownPerson,
                file,
                value,
                "person",
                known.into_iter(),
                "people.yaml",
            );
        }
    }

    fn organisation_ref(&mut self, file: &Path, value: &Spanned<String>) {
        if !self.index.organisations.contains_key(value.value.as_str()) {
            let known: Vec<&str> = self.index.organisations.keys().copied().collect();
            self.unresolved(
                Code::UnknownOrganisation,
                file,
                value,
                "organisation",
                known.into_iter(),
                "organisations.yaml",
            );
        }
    }

    /// An owner or presenter: a person or an organisation.
    fn party_ref(&mut self, file: &Path, value: &Spanned<String>, what: &str) {
        let v = value.value.as_str();
        if self.index.people.contains_key(v) || self.index.organisations.contains_key(v) {
            return;
        }
        let known: Vec<&str> = self
            .index
            .people
            .keys()
            .chain(self.index.organisations.keys())
            .copied()
            .collect();
        self.unresolved(
            Code::UnknownOwner,
            file,
            value,
            what,
            known.into_iter(),
            "people.yaml or organisations.yaml",
        );
    }

    fn meeting_ref(&mut self, file: &Path, value: &Spanned<String>) -> bool {
        if self.index.meetings.contains_key(value.value.as_str()) {
            return true;
        }
        let known: Vec<&str> = self.index.meetings.keys().copied().collect();
        self.unresolved(
            Code::UnknownMeeting,
            file,
            value,
            "meeting",
            known.into_iter(),
            "meetings/ (as a meeting record)",
        );
        false
    }

    fn modification_ref(&mut self, file: &Path, value: &Spanned<String>) {
        if !self.index.modifications.contains_key(value.value.as_str()) {
            let known: Vec<&str> = self.index.modifications.keys().copied().collect();
            self.unresolved(
                Code::UnknownModification,
                file,
                value,
                "modification proposal",
                known.into_iter(),
                "modifications/ (as a modification record)",
            );
        }
    }

    fn principle_ref(&mut self, file: &Path, value: &Spanned<u32>) {
        let n = value.value;
        if !self.index.principles.contains_key(&n) {
            let mut known: Vec<u32> = self.index.principles.keys().copied().collect();
            known.sort_unstable();
            let list = known
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            self.push(
                Finding::new(
                    Code::UnknownPrinciple,
                    file,
                    at(value),
                    format!("unknown principle {n}"),
                )
                .with_help(format!("principles.yaml defines: {list}")),
            );
        }
    }

    fn check_people_and_organisations(&mut self) {
        let r = self.records;
        for p in &r.people {
            if let Some(org) = &p.record.organisation {
                self.organisation_ref(&p.file, org);
            }
        }
    }

    fn check_principles(&mut self) {
        let r = self.records;
        let statuses = &r.settings.vocabularies.principle_statuses;
        for p in &r.principles {
            self.check_term(
                &p.file,
                &p.record.status,
                statuses,
                "principle status",
                "principle_statuses",
            );
            if let Some(into) = &p.record.merged_into {
                self.principle_ref(&p.file, into);
            }
            if let Some(meeting) = &p.record.decided_at {
                self.meeting_ref(&p.file, meeting);
            }
        }
    }

    fn check_modifications(&mut self) {
        let r = self.records;
        let phases = &r.settings.vocabularies.modification_phases;
        for m in &r.modifications {
            let pattern = self.patterns.as_ref().map(|p| p.modification.clone());
            self.check_file_id(
                &m.file,
                &m.record.id,
                pattern.as_ref(),
                "modification proposal",
            );
            if let Some(phase) = &m.record.phase {
                self.check_term(
                    &m.file,
                    phase,
                    phases,
                    "modification phase",
                    "modification_phases",
                );
            }
            for related in &m.record.related {
                self.modification_ref(&m.file, related);
            }
        }
    }

    fn check_meetings(&mut self) {
        let r = self.records;
        let vocab = &r.settings.vocabularies;
        for m in &r.meetings {
            let file = m.file.as_path();
            let meeting = &m.record;
            let pattern = self.patterns.as_ref().map(|p| p.meeting.clone());
            self.check_file_id(file, &meeting.id, pattern.as_ref(), "meeting");
            self.check_term(
                file,
                &meeting.status,
                &vocab.meeting_statuses,
                "meeting status",
                "meeting_statuses",
            );
            for time in [&meeting.start, &meeting.end].into_iter().flatten() {
                if chrono::NaiveTime::parse_from_str(&time.value, "%H:%M").is_err()
                    || time.value.len() != 5
                {
                    self.push(
                        Finding::new(
                            Code::InvalidValue,
                            file,
                            at(time),
                            format!("`{}` is not a time of day as HH:MM", time.value),
                        )
                        .with_help(
                            "write the time as a quoted 24-hour HH:MM, for example \"10:00\"",
                        ),
                    );
                }
            }
            for person in meeting.attendees.iter().chain(&meeting.apologies) {
                self.person_ref(file, &person.person);
                self.check_term(
                    file,
                    &person.category,
                    &vocab.attendee_categories,
                    "attendee category",
                    "attendee_categories",
                );
                if let Some(c) = &person.constituency {
                    self.check_term(
                        file,
                        c,
                        &vocab.constituencies,
                        "constituency",
                        "constituencies",
                    );
                }
                if let Some(org) = &person.representing {
                    self.organisation_ref(file, org);
                }
                if let Some(role) = &person.role {
                    self.check_term(file, role, &vocab.roles, "role", "roles");
                }
                if let Some(alt) = &person.alternate_for {
                    self.person_ref(file, alt);
                }
            }
            for item in &meeting.agenda {
                if let Some(p) = &item.presented_by {
                    self.party_ref(file, p, "presenter");
                }
                for d in &item.decisions {
                    if !vocab.decision_verbs.contains(&d.verb.value) {
                        let allowed = vocab.decision_verbs.iter().map(String::as_str);
                        self.unknown_term(
                            file,
                            &d.verb,
                            allowed,
                            "decision verb",
                            "decision_verbs",
                        );
                    }
                }
                for id in &item.modifications {
                    self.modification_ref(file, id);
                }
                for n in &item.principles {
                    self.principle_ref(file, n);
                }
                for a in &item.assessments {
                    self.modification_ref(file, &a.modification);
                    self.check_term(
                        file,
                        &a.interest,
                        &vocab.interest_levels,
                        "interest level",
                        "interest_levels",
                    );
                    if let Some(ec) = &a.ec_notification {
                        self.check_term(
                            file,
                            ec,
                            &vocab.ec_notification,
                            "EC notification value",
                            "ec_notification",
                        );
                    }
                    for n in &a.misaligned_principles {
                        self.principle_ref(file, n);
                    }
                    for id in &a.considered_with {
                        self.modification_ref(file, id);
                    }
                }
            }
        }
    }

    fn check_actions(&mut self) {
        let r = self.records;
        let statuses = &r.settings.vocabularies.action_statuses;
        for a in &r.actions {
            let file = a.file.as_path();
            let action = &a.record;
            let pattern = self.patterns.as_ref().map(|p| p.action.clone());
            self.check_file_id(file, &action.id, pattern.as_ref(), "action");
            self.party_ref(file, &action.owner, "owner");
            let status_ids = statuses.iter().map(|s| s.id.as_str());
            if !statuses.iter().any(|s| s.id == action.status.value) {
                self.unknown_term(
                    file,
                    &action.status,
                    status_ids.clone(),
                    "action status",
                    "action_statuses",
                );
            }
            for update in &action.updates {
                if let Some(m) = &update.meeting {
                    self.meeting_ref(file, m);
                }
                if let Some(s) = &update.status
                    && !statuses.iter().any(|t| t.id == s.value)
                {
                    self.unknown_term(
                        file,
                        s,
                        status_ids.clone(),
                        "action status",
                        "action_statuses",
                    );
                }
            }
            if self.meeting_ref(file, &action.meeting) {
                let meeting = self.index.meetings[action.meeting.value.as_str()];
                let n = action.agenda_item.value;
                if !meeting.record.agenda.iter().any(|i| i.number.value == n) {
                    self.push(
                        Finding::new(
                            Code::UnknownAgendaItem,
                            file,
                            at(&action.agenda_item),
                            format!("meeting {} has no agenda item {n}", meeting.record.id.value),
                        )
                        .with_help(format!(
                            "its agenda items are numbered {}",
                            meeting
                                .record
                                .agenda
                                .iter()
                                .map(|i| i.number.value.to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    );
                }
            }
        }
    }
}
