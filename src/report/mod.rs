//! The status report for CI and for the committee pack: validation status,
//! open and overdue actions grouped by owner, the modification register
//! grouped by interest level, recent meetings with counts, and the date it
//! was generated.
//!
//! [`build`] gathers a [`Report`] from the loaded records;
//! [`markdown::render`] (for `$GITHUB_STEP_SUMMARY`) and [`html::render`]
//! (one self-contained page with SVG charts) lay it out.

pub mod as_of;
pub mod html;
pub mod markdown;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::actions::{ActionQuery, ActionRow, ActionSort, NOT_RECORDED, query_actions};
use crate::index::Index;
use crate::load::{Loaded, Records};
use crate::meetings::{MeetingRow, meeting_rows};
use crate::register::{ModFilter, ModRow, register_rows};
use crate::settings::Vocabularies;
use crate::validate::{Summary, validate_with};

/// How many meetings "recent meetings" shows.
pub(crate) const RECENT_MEETINGS: usize = 5;

/// Everything the report shows.
#[derive(Debug, Clone)]
pub struct Report<'r> {
    /// `Technical Sub-Committee (TSC)`.
    pub(crate) committee: String,
    /// The day the report counts as today (`--as-of`, else the local date).
    pub(crate) generated: NaiveDate,
    /// `--as-of`: the report counts only what existed on that day.
    pub(crate) as_of: Option<NaiveDate>,
    /// Number of validation errors (0 means the records are valid).
    pub(crate) errors: usize,
    /// Number of validation findings of any severity.
    pub findings: usize,
    /// What was validated.
    pub summary: Summary,
    /// Open actions grouped by owner, each shown as the minutes name it
    /// (a person by name, an organisation by its acronym, see
    /// [`crate::model::Organisation::as_minuted`]); owners in natural order of
    /// their IDs, actions by due date then ID; each row says whether it is
    /// overdue.
    pub(crate) open_by_owner: Vec<(&'r str, Vec<ActionRow<'r>>)>,
    /// The register grouped by latest interest level label, in the
    /// vocabulary's order, then `Not assessed`; empty levels are kept so
    /// the chart shows them. Without interest levels or assessments
    /// ([`Report::by_interest`] false): one group, with an empty label.
    pub(crate) register: Vec<(String, Vec<ModRow<'r>>)>,
    /// Whether the committee uses interest levels and the records hold
    /// assessments; when not, nothing mentions them.
    pub(crate) by_interest: bool,
    /// The most recent meetings, newest first.
    pub(crate) recent_meetings: Vec<MeetingRow<'r>>,
    /// Open actions after each meeting: `(meeting ID, open count)`, oldest
    /// meeting first.
    pub open_over_time: Vec<(String, usize)>,
    /// "Since the last meeting": the actions closed after the meeting
    /// before the latest one, up to the latest (empty when none were).
    pub(crate) since_last: SinceLast<'r>,
}

/// What changed at the latest meeting, since the one before it.
#[derive(Debug, Clone, Default)]
pub(crate) struct SinceLast<'r> {
    /// The latest meeting's ID.
    pub(crate) meeting: Option<&'r str>,
    /// Actions closed after the meeting before `meeting` was held, up to
    /// `meeting`.
    pub(crate) closed: Vec<ActionRow<'r>>,
}

impl Report<'_> {
    /// Number of open actions.
    pub(crate) fn open_count(&self) -> usize {
        self.open_by_owner.iter().map(|(_, rows)| rows.len()).sum()
    }

    /// Number of overdue actions.
    pub(crate) fn overdue_count(&self) -> usize {
        self.open_by_owner
            .iter()
            .flat_map(|(_, rows)| rows)
            .filter(|r| r.overdue)
            .count()
    }
}

/// Counts open actions just after a meeting on a given day: raised at a
/// meeting held on or before that day, and not closed by then. An action
/// whose status is closed but which has no `closed` date counts as closed
/// from the start. Built once (two sorted lists of dates), then each
/// count is two binary searches, so the chart over every meeting costs
/// O((meetings + actions) log actions), not meetings × actions.
struct OpenCounter {
    /// The raising meeting's date of every action that is open at some
    /// time: those with a `closed` date, and those open with none.
    raised: Vec<NaiveDate>,
    /// For the actions with a `closed` date, the later of the raising day
    /// and the closing day: from then on the action is raised and closed.
    gone: Vec<NaiveDate>,
}

impl OpenCounter {
    fn new(records: &Records, index: &Index<'_>) -> OpenCounter {
        let vocab = &records.settings.vocabularies;
        let mut counter = OpenCounter {
            raised: Vec::new(),
            gone: Vec::new(),
        };
        for a in records.actions.iter().map(|a| &a.record) {
            let Some(raised) = index
                .meeting(&a.meeting.value)
                .and_then(super::model::Meeting::sort_date)
            else {
                continue;
            };
            match &a.closed {
                Some(closed) => {
                    counter.raised.push(raised);
                    counter.gone.push(raised.max(closed.value));
                }
                None if vocab.is_open_status(&a.status.value) => counter.raised.push(raised),
                None => {}
            }
        }
        counter.raised.sort_unstable();
        counter.gone.sort_unstable();
        counter
    }

    /// Open actions just after a meeting on `date`.
    fn open_after(&self, date: NaiveDate) -> usize {
        let upto = |dates: &[NaiveDate]| dates.partition_point(|d| *d <= date);
        upto(&self.raised) - upto(&self.gone)
    }
}

/// Builds the report of `loaded` for `today`, counting every record
/// (what `tsc report` shows when the records hold nothing dated after
/// `today`, [`as_of::holds_later`]; else it reads [`build_as_of`]).
pub fn build<'r>(loaded: &'r Loaded, index: &Index<'r>, today: NaiveDate) -> Report<'r> {
    let validation = validate_with(loaded, index);
    build_from(&loaded.records, index, &validation, today, None)
}

/// Builds the report of `view` (the records as of `date`, from
/// [`as_of::records_as_of`], with its own index) with the validation
/// errors of all of `loaded`: whether the records are valid is about the
/// records as they are (a principle decided at a later meeting is no
/// error), while every count is as of `date`. `stated`: the day was
/// given (`--as-of`), and the report's first line says what is counted;
/// else it is today, and the line says only that (`tsc report` counts
/// as of today either way).
pub fn build_as_of<'r>(
    loaded: &Loaded,
    index: &Index<'_>,
    view: &'r Records,
    view_index: &Index<'r>,
    date: NaiveDate,
    stated: bool,
) -> Report<'r> {
    let validation = validate_with(loaded, index);
    build_from(view, view_index, &validation, date, stated.then_some(date))
}

fn build_from<'r>(
    records: &'r Records,
    index: &Index<'r>,
    validation: &crate::validate::Report,
    today: NaiveDate,
    as_of: Option<NaiveDate>,
) -> Report<'r> {
    let open = query_actions(
        index,
        &ActionQuery {
            open_only: true,
            sort: ActionSort::Due,
            ..ActionQuery::all(today)
        },
    );
    fn owner_of<'r>(r: &ActionRow<'r>) -> &'r str {
        r.owner.unwrap_or(NOT_RECORDED)
    }
    let mut owners: Vec<&str> = open.iter().map(owner_of).collect();
    owners.sort_by(|a, b| crate::ids::natural_cmp(a, b));
    owners.dedup();
    let mut by_owner: HashMap<&str, Vec<ActionRow<'_>>> = HashMap::new();
    for row in &open {
        by_owner.entry(owner_of(row)).or_default().push(row.clone());
    }
    let open_by_owner = owners
        .into_iter()
        .map(|o| {
            (
                index.name_of(o),
                by_owner.get(o).cloned().unwrap_or_default(),
            )
        })
        .collect();

    let all = register_rows(index, &ModFilter::default());
    let levels = &records.settings.vocabularies.interest_levels;
    let by_interest = !levels.is_empty()
        && records
            .meetings
            .iter()
            .any(|m| m.record.agenda.iter().any(|i| !i.assessments.is_empty()));
    let mut register: Vec<(String, Vec<ModRow<'_>>)> = levels
        .iter()
        .map(|t| {
            let rows = all
                .iter()
                .filter(|r| r.interest == Some(t.id()))
                .cloned()
                .collect();
            (t.label.clone(), rows)
        })
        .collect();
    let unassessed: Vec<ModRow<'_>> = all
        .iter()
        .filter(|r| {
            r.interest
                .is_none_or(|i| Vocabularies::term(levels, i).is_none())
        })
        .cloned()
        .collect();
    if !unassessed.is_empty() {
        register.push(("Not assessed".to_owned(), unassessed));
    }
    if !by_interest {
        register = if all.is_empty() {
            Vec::new()
        } else {
            vec![(String::new(), all.clone())]
        };
    }

    let mut recent = meeting_rows(index);
    recent.reverse();
    recent.truncate(RECENT_MEETINGS);

    let counter = OpenCounter::new(records, index);
    let open_over_time = index
        .meetings_by_date()
        .iter()
        .filter_map(|m| Some((m.id.value.to_string(), counter.open_after(m.sort_date()?))))
        .collect();

    let by_date = index.meetings_by_date();
    let latest = by_date.last().copied();
    let before = by_date.len().checked_sub(2).map(|i| by_date[i]);
    let since_last = SinceLast {
        meeting: latest.map(|m| m.id.value.as_str()),
        closed: latest
            .and_then(super::model::Meeting::known_date)
            .map_or_else(Vec::new, |held| {
                crate::actions::closed_between(
                    records,
                    before.and_then(super::model::Meeting::known_date),
                    held,
                )
                .into_iter()
                .map(|a| ActionRow::of(a, index, today))
                .collect()
            }),
    };

    let committee = &records.settings.committee;
    Report {
        since_last,
        committee: format!("{} ({})", committee.name, committee.short_name),
        generated: today,
        as_of,
        errors: validation.error_count(),
        findings: validation.findings.len(),
        // What is counted: as of `--as-of`, only what existed by then.
        summary: Summary::of(records),
        open_by_owner,
        register,
        by_interest,
        recent_meetings: recent,
        open_over_time,
    }
}

/// `Generated for 2024-03-02.`, or with `--as-of`, `As of 2024-02-01:
/// only meetings held, actions raised and action updates made by then
/// are counted.`
pub(crate) fn dated_line(report: &Report<'_>) -> String {
    match report.as_of {
        Some(date) => format!(
            "As of {date}: only meetings held, actions raised and action updates made by then \
             are counted."
        ),
        None => format!("Generated for {}.", report.generated),
    }
}

/// The one-line validation status, for example `Valid: 1 meeting, 16
/// modification proposals, 4 actions` or `3 errors in the records`.
pub(crate) fn validation_line(report: &Report<'_>) -> String {
    let s = report.summary;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let warnings = report.findings - report.errors;
    if report.errors == 0 {
        let valid = if warnings == 0 {
            "Valid".to_owned()
        } else {
            format!("Valid, with {}", plural(warnings, "warning", "warnings"))
        };
        format!("{valid}: {}", s.counts())
    } else {
        let also = if warnings == 0 {
            String::new()
        } else {
            format!(" and {}", plural(warnings, "warning", "warnings"))
        };
        format!(
            "{}{also} in the records; run `tsc validate` for details",
            plural(report.errors, "error", "errors"),
        )
    }
}
