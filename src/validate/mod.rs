//! Cross-record checks, one module per concern:
//!
//! - [`identity`]: unique IDs, IDs that match file names and patterns, and
//!   IDs that agree with the record's own fields (meeting number and date,
//!   the meeting that raised an action);
//! - [`references`]: references that resolve, with "did you mean";
//! - [`meetings`]: attendance (twice listed, attending and apologising,
//!   alternates beside their member, an absent chair) and vocabulary;
//! - [`actions`]: dates against the day the action was raised, and rules
//!   that depend on an action's status;
//! - [`registers`]: `people.yaml`, `organisations.yaml`, `principles.yaml`
//!   and modification proposals (relations listed on both sides, nothing
//!   related to itself, merges that end somewhere);
//! - [`vocabularies`]: `tsc.yaml`'s vocabularies list each value once.
//!
//! [`validate`] never stops at the first problem: it returns every finding
//! in the stable order of [`crate::finding::sort_findings`], without the
//! rules that `tsc.yaml` allows. Every rule is documented in `docs/rules.md`.

mod actions;
mod history;
mod identity;
mod meetings;
mod references;
mod registers;
pub(crate) mod templates;
mod unicode;
mod vocabularies;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::kind::Kind;
use crate::model::Token;
use rayon::prelude::*;

use crate::source::Spanned;

use crate::finding::{Code, Finding, Position, Severity, sort_findings};
use crate::index::Index;
use crate::load::{Loaded, Records};
use crate::settings::{CompiledPatterns, Term, Vocabularies};
use crate::suggest;

/// Counts of what was validated, for the one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Meeting records.
    pub(crate) meetings: usize,
    /// Modification proposal records.
    pub modifications: usize,
    /// Action records.
    pub actions: usize,
    /// Entries of `people.yaml`.
    pub(crate) people: usize,
    /// Entries of `organisations.yaml`.
    pub(crate) organisations: usize,
    /// Entries of `principles.yaml`.
    pub(crate) principles: usize,
}

impl Summary {
    /// The counts as a phrase, `1 meeting, 16 modification proposals, 4
    /// actions, 23 people, 4 organisations, 5 principles`; principles are
    /// left out when there are none.
    pub(crate) fn counts(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![
            plural(self.meetings, "meeting", "meetings"),
            plural(
                self.modifications,
                "modification proposal",
                "modification proposals",
            ),
            plural(self.actions, "action", "actions"),
            plural(self.people, "person", "people"),
            plural(self.organisations, "organisation", "organisations"),
        ];
        if self.principles > 0 {
            parts.push(plural(self.principles, "principle", "principles"));
        }
        parts.join(", ")
    }

    /// Counts the records in `records`.
    pub(crate) fn of(records: &Records) -> Summary {
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
    /// Load findings and cross-reference findings, sorted, without the
    /// rules that `tsc.yaml` allows.
    pub findings: Vec<Finding>,
    /// What was checked.
    pub summary: Summary,
}

impl Report {
    /// Number of findings with error severity.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of findings with warning severity.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether the run fails: there are errors, or `deny_warnings` is set
    /// and there are warnings.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.error_count() > 0 || (deny_warnings && self.warning_count() > 0)
    }
}

/// Validates what [`crate::load::load`] returned: keeps its findings,
/// adds every cross-record finding, and drops the findings of rules listed
/// under `allow` in `tsc.yaml`.
pub fn validate(loaded: &Loaded) -> Report {
    validate_with(loaded, &Index::new(&loaded.records))
}

/// [`validate`] with the index of `loaded.records` the caller has built
/// (once per run).
///
/// When `tsc.yaml` could not be read ([`Loaded::settings_failure`]) no
/// rule runs: every rule reads the settings (the ID patterns, the
/// vocabularies, `allow`), and the built-in ones that stand in for the
/// file would report another committee's every record. The load
/// findings of every file are kept, with one [`Code::BadSettings`] on
/// `tsc.yaml` that says the rest was not checked.
pub fn validate_with(loaded: &Loaded, index: &Index<'_>) -> Report {
    if let Some(first) = loaded.settings_failure() {
        let mut findings = loaded.findings.clone();
        sort_findings(&mut findings);
        // After tsc.yaml's own findings, which say what is wrong with it.
        let at = findings
            .iter()
            .rposition(|f| f.file == first.file)
            .map_or(0, |i| i + 1);
        findings.insert(at, not_checked(&first.file));
        return Report {
            findings,
            summary: Summary::of(&loaded.records),
        };
    }
    let mut settings_findings = Vec::new();
    let allowed = allowed_rules(&loaded.records, &mut settings_findings);
    let mut sink = Sink {
        findings: Vec::new(),
        allowed,
        suggestions_left: SUGGESTION_BUDGET,
    };
    for finding in loaded.findings.iter().cloned().chain(settings_findings) {
        sink.push(finding);
    }
    let mut checker = Checker {
        records: index.records(),
        index,
        sources: &loaded.sources,
        patterns: None,
        sink,
    };
    // The patterns first: the ID rules need them.
    compile_patterns(&mut checker);
    run_rules(&mut checker);
    let mut findings = checker.sink.findings;
    for finding in &mut findings {
        loaded.sources.resolve(finding);
    }
    sort_findings(&mut findings);
    Report {
        findings,
        summary: Summary::of(&loaded.records),
    }
}

/// The finding on the whole of `tsc.yaml` (at `file`) that says no rule
/// was checked because the file could not be read.
fn not_checked(file: &Path) -> Finding {
    Finding::new(
        Code::BadSettings,
        file,
        Position::default(),
        "tsc.yaml could not be read, so no rule was checked",
    )
    .with_help(
        "the other records were not checked, because they are checked \
         against tsc.yaml: fix it and run again",
    )
}

/// The rules named in `tsc.yaml`'s `allow` list; an entry that names no
/// rule, or a rule that cannot be allowed ([`Code::can_be_allowed`]), is
/// reported.
fn allowed_rules(records: &Records, findings: &mut Vec<Finding>) -> HashSet<Code> {
    let mut allowed = HashSet::new();
    let file = settings_file(records);
    for entry in &records.settings.allow {
        match Code::parse(&entry.value) {
            Some(code) if !code.can_be_allowed() => findings.push(
                Finding::at_value(
                    Code::BadSettings,
                    &file,
                    entry,
                    format!("`allow` cannot switch off `{code}`"),
                )
                .with_help(
                    "a finding of this rule means a record file was not read, \
                     so it cannot be allowed; fix the file instead",
                ),
            ),
            None => {
                let names = Code::ALL.iter().map(|c| c.name());
                let help = match suggest::closest(&entry.value, names) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "write a rule's code or name from docs/rules.md, \
                             for example `W0601` or `related-not-reciprocal`"
                        .to_owned(),
                };
                findings.push(
                    Finding::at_value(
                        Code::BadSettings,
                        &file,
                        entry,
                        format!(
                            "`allow` names no rule that can be allowed: `{}`",
                            entry.value
                        ),
                    )
                    .with_help(help),
                );
            }
            Some(code) => {
                allowed.insert(code);
            }
        }
    }
    allowed
}

fn settings_file(records: &Records) -> std::path::PathBuf {
    records
        .settings_file
        .clone()
        .unwrap_or_else(|| records.root.join(Kind::Settings.entry()))
}

/// How many unresolved references get a "did you mean" search. Each
/// search compares against every known ID, so a tree with thousands of
/// broken references would otherwise take minutes; past this many, the
/// help says where to define the ID instead.
const SUGGESTION_BUDGET: usize = 50;

/// Where rules put their findings. It drops the findings of rules that
/// `tsc.yaml` allows, and rations the "did you mean" searches.
struct Sink {
    findings: Vec<Finding>,
    /// Rules named under `allow` in `tsc.yaml`.
    allowed: HashSet<Code>,
    /// "Did you mean" searches left (see [`SUGGESTION_BUDGET`]).
    suggestions_left: usize,
}

impl Sink {
    /// Keeps `finding` unless its rule is allowed.
    fn push(&mut self, finding: Finding) {
        if !self.allowed.contains(&finding.code) {
            self.findings.push(finding);
        }
    }

    /// The closest of `known` to `value`, while the budget lasts.
    fn suggest<'a>(
        &mut self,
        value: &str,
        known: impl Iterator<Item = &'a str>,
    ) -> Option<&'a str> {
        if self.suggestions_left == 0 {
            return None;
        }
        self.suggestions_left -= 1;
        suggest::closest(value, known)
    }
}

/// What every rule reads (the records and their one index) and the sink
/// it reports into.
struct Checker<'r> {
    records: &'r Records,
    index: &'r Index<'r>,
    /// The kept text of every file, for rules that quote what was written.
    sources: &'r crate::source::Sources,
    /// The ID patterns of `tsc.yaml`, once [`compile_patterns`] has
    /// compiled them.
    patterns: Option<CompiledPatterns>,
    sink: Sink,
}

/// Runs every rule of [`RULES`] into `checker`'s sink (after
/// [`compile_patterns`]), in
/// [`RULES`] order. The rules only read the records, so they run on every
/// core, each into a sink of its own that starts with the whole
/// suggestion budget, and their findings are joined in rule order. That
/// gives exactly what running them one after another gives whenever the
/// rules together used no more suggestions than the budget held (each had
/// at least what it used); otherwise they are run again one after another,
/// so that the budget runs out where it always has.
fn run_rules(checker: &mut Checker<'_>) {
    let budget = checker.sink.suggestions_left;
    let rules = RULES;
    let shared: &Checker<'_> = checker;
    let ran: Vec<(Vec<Finding>, usize)> = rules
        .par_iter()
        .map(|rule| {
            let mut own = Checker {
                records: shared.records,
                index: shared.index,
                sources: shared.sources,
                patterns: shared.patterns.clone(),
                sink: Sink {
                    findings: Vec::new(),
                    allowed: shared.sink.allowed.clone(),
                    suggestions_left: budget,
                },
            };
            (rule.check)(&mut own);
            (own.sink.findings, budget - own.sink.suggestions_left)
        })
        .collect();
    let used: usize = ran.iter().map(|(_, used)| used).sum();
    if used <= budget {
        checker.sink.suggestions_left -= used;
        for (findings, _) in ran {
            checker.sink.findings.extend(findings);
        }
    } else {
        for rule in rules {
            (rule.check)(checker);
        }
    }
}

/// One entry of the rule list: a plain function over the records and the
/// index that pushes into the sink.
struct Rule {
    check: fn(&mut Checker<'_>),
}

/// Every cross-record check, in the order their findings are joined (the
/// report is sorted afterwards). Each reads only the records, the index
/// and the ID patterns, which [`compile_patterns`] compiles before any of
/// them runs (reporting E0302 when one does not compile), so they may run
/// at once ([`run_rules`]). Adding a check means one function and one
/// entry here (and its codes in the catalogue).
const RULES: &[Rule] = &[
    // tsc.yaml's ID templates make IDs their patterns accept (E0302)
    Rule {
        check: |c| c.check_templates(),
    },
    // IDs defined once (E0201)
    Rule {
        check: |c| c.check_duplicate_ids(),
    },
    // IDs in NFC, no invisible characters, no look-alike IDs (E0206-E0208)
    Rule {
        check: |c| c.check_unicode(),
    },
    // vocabularies list each value once (E0303)
    Rule {
        check: |c| c.check_vocabularies(),
    },
    // people and organisations (E0102, E0203)
    Rule {
        check: |c| c.check_people_and_organisations(),
    },
    // principles (E0301, E0404, E0406, E0107, E0104)
    Rule {
        check: |c| c.check_principles(),
    },
    // modification proposals (E0202, E0203, E0407, W0601, W0603)
    Rule {
        check: |c| c.check_modifications(),
    },
    // meetings: IDs, attendance, agenda, assessments, vocabularies (E05xx, ...)
    Rule {
        check: |c| c.check_meetings(),
    },
    // actions: IDs, references, dates, statuses (E04xx, ...)
    Rule {
        check: |c| c.check_actions(),
    },
    // initials name one person in a recorded meeting (E0508)
    Rule {
        check: history::duplicate_initials,
    },
    // history before the records: owners and titles the minutes leave out
    // (W0605, W0606)
    Rule {
        check: history::owner_not_recorded,
    },
    Rule {
        check: history::title_not_recorded,
    },
];

/// Each value of `list` that repeats an earlier one, paired with the
/// first one, in list order.
fn repeats<'a, T: Eq + std::hash::Hash + 'a>(
    list: impl IntoIterator<Item = &'a Spanned<T>>,
) -> Vec<(&'a Spanned<T>, &'a Spanned<T>)> {
    let list: Vec<&'a Spanned<T>> = list.into_iter().collect();
    let mut found = Vec::new();
    // Most lists are short: comparing each value with the ones before it
    // costs less than hashing them.
    if list.len() <= 16 {
        for (i, value) in list.iter().enumerate() {
            if let Some(earlier) = list[..i].iter().find(|e| e.value == value.value) {
                found.push((*value, *earlier));
            }
        }
        return found;
    }
    let mut first: HashMap<&T, &Spanned<T>> = HashMap::new();
    for value in list {
        match first.get(&value.value) {
            Some(earlier) => found.push((value, *earlier)),
            None => {
                first.insert(&value.value, value);
            }
        }
    }
    found
}

/// The text `span` covers in `file`, as written (quotes included); only
/// read for a finding that quotes it. `None` when the file cannot be read
/// again.
impl Checker<'_> {
    /// Reports a date that chrono read but that is not written as exactly
    /// `YYYY-MM-DD` (`2024-3-1`, `+2024-03-01`, `' 2024-03-01'`): the
    /// JSON Schema and other tools would reject it. The value's source
    /// length tells: ten characters, or twelve with quotes.
    fn check_date_form(&mut self, file: &Path, date: &Spanned<chrono::NaiveDate>) {
        let written = date.span.len();
        if written == 0 || written == 10 || written == 12 {
            return;
        }
        let canonical = date.value.format("%Y-%m-%d");
        let written = self.sources.slice(date.span).filter(|t| !t.is_empty());
        // A date reached through an alias (`date: *d`, or a field of
        // `<<: *u`) has the alias's span: what was written is at the
        // anchor. An anchored mapping's dates are checked where written.
        if let Some(alias) = written.and_then(|t| t.strip_prefix('*')) {
            let Some(anchored) = self.anchored_scalar(date.span, alias) else {
                return;
            };
            let len = anchored.len();
            let quoted = anchored.starts_with(['"', '\'']);
            if len == 10 || (quoted && len == 12) {
                return;
            }
            let message = format!(
                "the date `{anchored}` (anchor `&{alias}`, used here) is not written as YYYY-MM-DD"
            );
            self.push(
                Finding::at_value(Code::InvalidValue, file, date, message)
                    .with_help(format!("write `{canonical}` at the anchor `&{alias}`")),
            );
            return;
        }
        // A date of a flow mapping merged in (`<<: {due: 2026-02-10}`) has
        // the mapping's span: look for it, written as it should be, in
        // the mapping.
        if written.is_some_and(|t| t.starts_with('{')) {
            let mapping = self.sources.text(date.span.file()).and_then(|text| {
                let rest = text.get(date.span.range().start..)?;
                rest.get(..rest.find('}').map_or(rest.len(), |end| end + 1))
            });
            let form = canonical.to_string();
            let as_written = mapping.is_some_and(|m| {
                m.match_indices(&form).any(|(i, _)| {
                    let before = m[..i].chars().next_back();
                    let after = m[i + form.len()..].chars().next();
                    before.is_some_and(|c| matches!(c, ' ' | ':' | '{' | ',' | '"' | '\''))
                        && after
                            .is_none_or(|c| matches!(c, ' ' | ',' | '}' | '"' | '\'' | '\n' | '\r'))
                })
            });
            if !as_written {
                self.push(
                    Finding::at_value(
                        Code::InvalidValue,
                        file,
                        date,
                        format!(
                            "the date {canonical}, in the mapping merged in here, is not written \
                             as YYYY-MM-DD"
                        ),
                    )
                    .with_help(format!("write `{canonical}` in the mapping after `<<:`")),
                );
            }
            return;
        }
        let message = match written {
            Some(text) => format!("the date `{text}` is not written as YYYY-MM-DD"),
            None => format!("the date {canonical} is not written as YYYY-MM-DD"),
        };
        self.push(
            Finding::at_value(Code::InvalidValue, file, date, message)
                .with_help(format!("write `{canonical}`")),
        );
    }

    /// The scalar written after the anchor `&name` that the alias at
    /// `alias` (`*name`) refers to (the last such anchor before it), up to
    /// a comment or the line's end; `None` when the anchor holds a
    /// mapping or list (`- &u date: ...`, `&u {...}`), or cannot be found.
    fn anchored_scalar(&self, alias: crate::source::Span, name: &str) -> Option<&str> {
        let text = self.sources.text(alias.file())?;
        let before = text.get(..alias.range().start)?;
        let anchor = format!("&{name}");
        let at = before.rmatch_indices(&anchor).find(|&(i, _)| {
            let prior = before[..i].chars().next_back();
            let next = before[i + anchor.len()..].chars().next();
            prior.is_none_or(|c| c == ' ' || c == '\n' || c == '-')
                && next.is_none_or(|c| c == ' ' || c == '\n' || c == '\r')
        })?;
        let rest = &before[at.0 + anchor.len()..];
        let line = rest.lines().next().unwrap_or("");
        let value = line.split(" #").next().unwrap_or("").trim();
        let collection = value.is_empty()
            || value.starts_with(['{', '[', '!'])
            || value.contains(": ")
            || value.ends_with(':');
        (!collection).then_some(value)
    }

    fn push(&mut self, finding: Finding) {
        self.sink.push(finding);
    }

    /// Reports each value of `list` (the `field` of a record in `file`,
    /// each value a `what`) that repeats an earlier one, as a warning with
    /// a label at the first.
    fn check_listed_once<T>(&mut self, file: &Path, list: &[Spanned<T>], field: &str, what: &str)
    where
        T: Eq + std::hash::Hash + std::fmt::Display,
    {
        for (again, first) in repeats(list) {
            self.push(
                Finding::at_value(
                    Code::ListedTwice,
                    file,
                    again,
                    format!("{what} {} is listed twice in `{field}`", again.value),
                )
                .with_related_value(file, first, "first listed here")
                .with_help("remove the second entry"),
            );
        }
    }
}

/// Compiles `tsc.yaml`'s ID patterns for the rules that check IDs.
fn compile_patterns(checker: &mut Checker<'_>) {
    match checker.records.settings.compile_patterns() {
        Ok(p) => checker.patterns = Some(p),
        Err((name, error)) => {
            let file = settings_file(checker.records);
            checker.push(
                Finding::new(
                    Code::BadSettings,
                    file,
                    Position::default(),
                    format!("{name} is not a valid regular expression: {error}"),
                )
                .with_help("fix the pattern; ID pattern checks are skipped until then"),
            );
        }
    }
}

impl Checker<'_> {
    /// Reports `value` if it is not one of `terms`.
    fn check_term(
        &mut self,
        file: &Path,
        value: &Spanned<Token>,
        terms: &[Term],
        field: &str,
        vocabulary: &str,
    ) {
        if Vocabularies::term(terms, &value.value).is_some() {
            return;
        }
        self.unknown_term(file, value, terms.iter().map(Term::id), field, vocabulary);
    }

    fn unknown_term<'a>(
        &mut self,
        file: &Path,
        value: &Spanned<Token>,
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
            Finding::at_value(
                Code::UnknownTerm,
                file,
                value,
                format!("`{v}` is not an allowed {field}"),
            )
            .with_help(help),
        );
    }
}
