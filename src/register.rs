//! The modification register: one row per proposal with its latest
//! interest level, and each proposal's assessment history.
//!
//! Source: `modifications/*.yaml` (ID, title, phase, related) joined with
//! the assessment tables of the meetings' agenda items
//! (`agenda[].assessments`) and their mentions (`agenda[].modifications`).

use chrono::NaiveDate;

use crate::ids::natural_cmp;
use crate::index::Index;
use crate::model::Meeting;
use crate::output::{Listing, Value};
use crate::settings::{Term, Vocabularies};

pub(crate) use crate::index::Assessed;

/// Every assessment of proposal `id`, oldest meeting first (ties by
/// meeting ID, then agenda order).
pub(crate) fn assessments_of<'r>(index: &Index<'r>, id: &str) -> Vec<Assessed<'r>> {
    index.assessments_of(id).to_vec()
}

/// The meetings that discussed proposal `id` (assessed it or mentioned it
/// in an agenda item), oldest first.
pub(crate) fn meetings_discussing<'r>(index: &Index<'r>, id: &str) -> Vec<&'r Meeting> {
    index.meetings_discussing(id).to_vec()
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
    pub(crate) title: std::borrow::Cow<'r, str>,
    /// Phase ID, if recorded: the last of `phases`, else `phase`.
    pub(crate) phase: Option<&'r str>,
    /// The phase's label from `tsc.yaml`.
    pub(crate) phase_label: Option<&'r str>,
    /// Working group, if recorded.
    pub(crate) working_group: Option<&'r str>,
    /// Interest level ID from the most recent meeting that assessed it.
    pub interest: Option<&'r str>,
    /// That meeting's ID.
    pub assessed_at: Option<&'r str>,
    /// Date of the most recent meeting that discussed it.
    pub last_discussed: Option<NaiveDate>,
    /// Related proposal IDs, in natural order.
    pub(crate) related: Vec<&'r str>,
}

/// Whether `wanted` names the term `id` (by ID or label, any case).
pub fn term_matches(terms: &[Term], id: &str, wanted: &str) -> bool {
    id.eq_ignore_ascii_case(wanted)
        || Vocabularies::label(terms, id).eq_ignore_ascii_case(wanted)
        || id.eq_ignore_ascii_case(&wanted.replace(' ', "-"))
}

/// The register: proposals that pass `filter`, in natural ID order.
pub fn register_rows<'r>(index: &Index<'r>, filter: &ModFilter) -> Vec<ModRow<'r>> {
    let records = index.records();
    let levels = &records.settings.vocabularies.interest_levels;
    let phases = &records.settings.vocabularies.modification_phases;
    let mut rows: Vec<ModRow<'r>> = records
        .modifications
        .iter()
        .map(|m| {
            let m = &m.record;
            let id = m.id.value.as_str();
            let latest = index.assessments_of(id).last();
            let last_discussed = index
                .meetings_discussing(id)
                .last()
                .and_then(|m| m.known_date());
            let mut related: Vec<&str> = m.related.iter().map(|r| r.value.as_str()).collect();
            related.sort_by(|a, b| natural_cmp(a, b));
            ModRow {
                id: &m.id.value,
                title: m.title_or_empty(),
                phase: m.current_phase().map(|p| p.value.as_str()),
                phase_label: m
                    .current_phase()
                    .map(|p| Vocabularies::label(phases, &p.value)),
                working_group: m.working_group.as_deref(),
                interest: latest.map(|a| a.assessment.interest.value.as_str()),
                assessed_at: latest.map(|a| a.meeting.id.value.as_str()),
                last_discussed,
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

/// The register as a [`Listing`]. Keys: `id`, `title` (null when not
/// recorded), `phase` (ID), `phase_label`, `interest` (level ID),
/// `interest_label`, `assessed_at` (meeting ID), `last_discussed` (date),
/// `related` (IDs). Tables and Markdown show three cells instead, so that
/// a title gets most of 80 columns: the ID with the date it was last
/// discussed under it, the title with its related proposals under it, and
/// the interest level with the phase label under it; a committee without
/// interest levels sees the phase label alone.
pub fn listing(rows: &[ModRow<'_>], vocabularies: &Vocabularies) -> Listing {
    let mut listing = Listing::new(&[
        ("id", "ID"),
        ("proposal_seen", "Proposal"),
        ("title", "Title"),
        ("title_seen", "Title"),
        ("phase", "Phase"),
        ("phase_label", "Phase"),
        ("interest", "Interest"),
        ("interest_label", "Interest level"),
        ("interest_seen", "Interest/phase"),
        ("assessed_at", "Assessed at"),
        ("last_discussed", "Last discussed"),
        ("related", "Related"),
    ])
    // Without interest levels, tables show the phase alone.
    .machine_only(if vocabularies.interest_levels.is_empty() {
        &[
            "id",
            "title",
            "phase",
            "interest",
            "interest_label",
            "interest_seen",
            "assessed_at",
            "last_discussed",
            "related",
        ]
    } else {
        &[
            "id",
            "title",
            "phase",
            "phase_label",
            "interest",
            "interest_label",
            "assessed_at",
            "last_discussed",
            "related",
        ]
    })
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
            Value::opt_text(Some(&*row.title).filter(|t| !t.is_empty())),
            Value::Text(under(&row.title, related)),
            Value::opt_text(row.phase),
            Value::opt_text(row.phase_label),
            Value::opt_text(row.interest),
            Value::opt_text(label),
            Value::Text(under(
                label.unwrap_or("-"),
                row.phase_label.map(str::to_owned),
            )),
            Value::opt_text(row.assessed_at),
            Value::opt_date(row.last_discussed),
            Value::List(row.related.iter().map(|r| (*r).to_owned()).collect()),
        ]);
    }
    listing
}
