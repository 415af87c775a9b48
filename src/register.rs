//! The modification register: one row per proposal with its latest
//! interest level, and each proposal's assessment history.
//!
//! Source: `modifications/*.yaml` (ID, title, phase, related) joined with
//! the assessment tables of the meetings' agenda items
//! (`agenda[].assessments`) and their mentions (`agenda[].modifications`).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::ids::natural_cmp;
use crate::lookup::Lookup;
use crate::model::{AgendaItem, Assessment, Meeting};
use crate::output::{Listing, Value};
use crate::records::Records;
use crate::settings::{Term, Vocabularies};

/// One assessment of a proposal, with the meeting and agenda item that
/// made it.
#[derive(Debug, Clone, Copy)]
pub struct Assessed<'r> {
    /// The meeting.
    pub meeting: &'r Meeting,
    /// The agenda item holding the assessment table.
    pub item: &'r AgendaItem,
    /// The row of the table.
    pub assessment: &'r Assessment,
}

/// Every assessment of proposal `id`, oldest meeting first (ties by
/// meeting ID, then agenda order).
pub fn assessments_of<'r>(lookup: &Lookup<'r>, id: &str) -> Vec<Assessed<'r>> {
    let mut found = Vec::new();
    for meeting in lookup.meetings_by_date() {
        for item in &meeting.agenda {
            for assessment in &item.assessments {
                if assessment.modification.value == id {
                    found.push(Assessed {
                        meeting,
                        item,
                        assessment,
                    });
                }
            }
        }
    }
    found
}

/// The meetings that discussed proposal `id` (assessed it or mentioned it
/// in an agenda item), oldest first.
pub fn meetings_discussing<'r>(lookup: &Lookup<'r>, id: &str) -> Vec<&'r Meeting> {
    lookup
        .meetings_by_date()
        .into_iter()
        .filter(|m| {
            m.agenda.iter().any(|item| {
                item.assessments.iter().any(|a| a.modification.value == id)
                    || item.modifications.iter().any(|m| m.value == id)
            })
        })
        .collect()
}

/// What the meetings say about one proposal, for its register row.
#[derive(Debug, Clone, Copy, Default)]
struct Discussed<'r> {
    /// The latest assessment: the last of [`assessments_of`].
    latest: Option<Assessed<'r>>,
    /// The date of the last of [`meetings_discussing`].
    last_discussed: Option<NaiveDate>,
}

/// [`Discussed`] for every proposal ID that a meeting assesses or
/// mentions, from one pass over the meetings in date order (so the
/// register costs one pass, not one per proposal).
fn discussions<'r>(lookup: &Lookup<'r>) -> HashMap<&'r str, Discussed<'r>> {
    let mut found: HashMap<&'r str, Discussed<'r>> = HashMap::new();
    for meeting in lookup.meetings_by_date() {
        let date = Some(meeting.date.value);
        for item in &meeting.agenda {
            for assessment in &item.assessments {
                let entry = found
                    .entry(assessment.modification.value.as_str())
                    .or_default();
                entry.latest = Some(Assessed {
                    meeting,
                    item,
                    assessment,
                });
                entry.last_discussed = date;
            }
            for id in &item.modifications {
                found.entry(id.value.as_str()).or_default().last_discussed = date;
            }
        }
    }
    found
}

/// Which proposals to list. The default lists all.
#[derive(Debug, Clone, Default)]
pub struct ModFilter {
    /// Only proposals whose latest interest level is this one, given as
    /// its ID (`watching-brief`) or label (`Watching Brief`), any case.
    pub interest: Option<String>,
    /// Only proposals in this phase (ID from `modification_phases`).
    pub status: Option<String>,
}

/// One row of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModRow<'r> {
    /// Proposal ID, for example `SECMP0007`.
    pub id: &'r str,
    /// Title.
    pub title: &'r str,
    /// Phase ID, if recorded.
    pub phase: Option<&'r str>,
    /// Working group, if recorded.
    pub working_group: Option<&'r str>,
    /// Interest level ID from the most recent meeting that assessed it.
    pub interest: Option<&'r str>,
    /// That meeting's ID.
    pub assessed_at: Option<&'r str>,
    /// Date of the most recent meeting that discussed it.
    pub last_discussed: Option<NaiveDate>,
    /// Related proposal IDs, in natural order.
    pub related: Vec<&'r str>,
}

/// Whether `wanted` names the term `id` (by ID or label, any case).
pub fn term_matches(terms: &[Term], id: &str, wanted: &str) -> bool {
    id.eq_ignore_ascii_case(wanted)
        || Vocabularies::label(terms, id).eq_ignore_ascii_case(wanted)
        || id.eq_ignore_ascii_case(&wanted.replace(' ', "-"))
}

/// The register: proposals that pass `filter`, in natural ID order.
pub fn register_rows<'r>(records: &'r Records, filter: &ModFilter) -> Vec<ModRow<'r>> {
    let lookup = Lookup::new(records);
    let discussed = discussions(&lookup);
    let levels = &records.settings.vocabularies.interest_levels;
    let phases = &records.settings.vocabularies.modification_phases;
    let mut rows: Vec<ModRow<'r>> = records
        .modifications
        .iter()
        .map(|m| {
            let m = &m.record;
            let history = discussed
                .get(m.id.value.as_str())
                .copied()
                .unwrap_or_default();
            let latest = history.latest;
            let mut related: Vec<&str> = m.related.iter().map(|r| r.value.as_str()).collect();
            related.sort_by(|a, b| natural_cmp(a, b));
            ModRow {
                id: &m.id.value,
                title: &m.title,
                phase: m.phase.as_ref().map(|p| p.value.as_str()),
                working_group: m.working_group.as_deref(),
                interest: latest.map(|a| a.assessment.interest.value.as_str()),
                assessed_at: latest.map(|a| a.meeting.id.value.as_str()),
                last_discussed: history.last_discussed,
                related,
            }
        })
        .filter(|row| {
            filter
                .interest
                .as_deref()
                .is_none_or(|want| row.interest.is_some_and(|i| term_matches(levels, i, want)))
        })
        .filter(|row| {
            filter
                .status
                .as_deref()
                .is_none_or(|want| row.phase.is_some_and(|p| term_matches(phases, p, want)))
        })
        .collect();
    rows.sort_by(|a, b| natural_cmp(a.id, b.id));
    rows
}

/// The register as a [`Listing`]. Keys: `id`, `title`, `phase`,
/// `interest` (level ID), `interest_label`, `assessed_at` (meeting ID),
/// `last_discussed` (date), `related` (IDs). Tables and Markdown show
/// three cells instead, so that a title gets most of 80 columns: the ID
/// with the date it was last discussed under it, the title with its
/// related proposals under it, and the interest level with the phase.
pub fn listing(rows: &[ModRow<'_>], vocabularies: &Vocabularies) -> Listing {
    let mut listing = Listing::new(&[
        ("id", "ID"),
        ("proposal_seen", "Proposal"),
        ("title", "Title"),
        ("title_seen", "Title"),
        ("phase", "Phase"),
        ("interest", "Interest"),
        ("interest_label", "Interest level"),
        ("interest_seen", "Interest/phase"),
        ("assessed_at", "Assessed at"),
        ("last_discussed", "Last discussed"),
        ("related", "Related"),
    ])
    .machine_only(&[
        "id",
        "title",
        "phase",
        "interest",
        "interest_label",
        "assessed_at",
        "last_discussed",
        "related",
    ])
    .human_only(&["proposal_seen", "title_seen", "interest_seen"]);
    for row in rows {
        let label = row
            .interest
            .map(|i| Vocabularies::label(&vocabularies.interest_levels, i));
        let under = |top: &str, below: Option<String>| match below {
            Some(below) => format!("{top}\n{below}"),
            None => top.to_owned(),
        };
        let related =
            (!row.related.is_empty()).then(|| format!("related: {}", row.related.join(", ")));
        listing.push(vec![
            Value::Text(row.id.to_owned()),
            Value::Text(under(row.id, row.last_discussed.map(|d| d.to_string()))),
            Value::Text(row.title.to_owned()),
            Value::Text(under(row.title, related)),
            Value::opt_text(row.phase),
            Value::opt_text(row.interest),
            Value::opt_text(label),
            Value::Text(under(label.unwrap_or("-"), row.phase.map(str::to_owned))),
            Value::opt_text(row.assessed_at),
            Value::opt_date(row.last_discussed),
            Value::List(row.related.iter().map(|r| (*r).to_owned()).collect()),
        ]);
    }
    listing
}
