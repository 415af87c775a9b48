//! The minutes of a meeting, rendered from the records in the shape of the
//! original document: header, attendees grouped by category, apologies,
//! each agenda item with its summary, papers, decisions ("The TSC: NOTED
//! …; APPROVED …") and the actions it raised, and the assessment table of
//! modification proposals.
//!
//! [`view`] gathers everything from the records into a [`MinutesView`];
//! [`markdown::render`] and [`html::render`] lay it out. Every piece of
//! record text is escaped by the renderer.

pub mod html;
pub mod markdown;

use chrono::NaiveDate;

use crate::index::Index;
use crate::model::{Attendance, Impact};
use crate::settings::Vocabularies;
use crate::suggest::closest;

/// The minutes of one meeting, ready to lay out.
#[derive(Debug, Clone)]
pub struct MinutesView {
    /// Committee full name and short name, for example `Technical
    /// Sub-Committee (TSC)`.
    pub committee: String,
    /// The committee's short name, for "The TSC:" decision lines.
    pub short_name: String,
    /// Meeting ID.
    pub id: String,
    /// The day it was held.
    pub date: NaiveDate,
    /// `10:00 – 16:00`, when recorded.
    pub time: Option<String>,
    /// Location, when recorded.
    pub location: Option<String>,
    /// Status label of the minutes, for example `Final`.
    pub status: String,
    /// Attendees by category, in the order of `attendee_categories`.
    pub attendees: Vec<Group>,
    /// Apologies, as lines.
    pub apologies: Vec<Line>,
    /// The agenda items, in order.
    pub items: Vec<ItemView>,
}

/// Attendees of one category, for example `TSC Members`.
#[derive(Debug, Clone)]
pub struct Group {
    /// The category's label.
    pub label: String,
    /// One line per person.
    pub lines: Vec<Line>,
}

/// One person in an attendee or apologies table.
#[derive(Debug, Clone)]
pub struct Line {
    /// What they sit for: role, constituency or represented organisation
    /// (with capacity), for example `DECC (Secretary of State)`.
    pub context: String,
    /// Full name.
    pub name: String,
    /// `alternate to NAME`, when standing in for a member.
    pub alternate_for: Option<String>,
    /// Attended part of the meeting.
    pub part: bool,
}

impl Line {
    /// The name with its annotations, for example `David Speake (alternate
    /// to Rochelle Harrison)` or `Alys Garrett (part)`.
    pub fn annotated_name(&self) -> String {
        let mut text = self.name.clone();
        if let Some(member) = &self.alternate_for {
            text.push_str(&format!(" (alternate to {member})"));
        }
        if self.part {
            text.push_str(" (part)");
        }
        text
    }
}

/// One agenda item.
#[derive(Debug, Clone)]
pub struct ItemView {
    /// Number in the agenda.
    pub number: u32,
    /// Heading.
    pub title: String,
    /// Who presented it (name or organisation ID).
    pub presented_by: Option<String>,
    /// The discussion.
    pub summary: Option<String>,
    /// Papers, each with its attachments joined: `Title (Attachment A,
    /// Attachment B)`.
    pub papers: Vec<String>,
    /// Decisions as `(verb, text)`.
    pub decisions: Vec<(String, String)>,
    /// Actions raised under the item.
    pub actions: Vec<ActionLine>,
    /// The "Actions outstanding" table: actions updated at this meeting
    /// under this item (updates that name no item are shown under the
    /// first item).
    pub reviewed: Vec<ReviewLine>,
    /// The assessment table's rows.
    pub assessments: Vec<AssessmentRow>,
    /// Other proposals the item mentions (IDs).
    pub mentions: Vec<String>,
    /// Principles the item dealt with (numbers).
    pub principles: Vec<u32>,
    /// Outside references, `title: note`.
    pub references: Vec<String>,
}

/// An action raised under an agenda item.
#[derive(Debug, Clone)]
pub struct ActionLine {
    /// Action ID.
    pub id: String,
    /// Owner ID.
    pub owner: String,
    /// What must be done.
    pub text: String,
    /// Due date, when set.
    pub due: Option<NaiveDate>,
}

/// One row of the "Actions outstanding" table.
#[derive(Debug, Clone)]
pub struct ReviewLine {
    /// Action ID.
    pub id: String,
    /// Owner ID.
    pub owner: String,
    /// What must be done.
    pub text: String,
    /// The status as reported (its label).
    pub status: String,
    /// What was reported.
    pub note: String,
}

/// One row of the assessment table.
#[derive(Debug, Clone)]
pub struct AssessmentRow {
    /// Proposal ID.
    pub id: String,
    /// Proposal title, when the proposal record exists.
    pub title: Option<String>,
    /// Technical impact cell, for example `Yes – DUIS / GBCS / SMETS`.
    pub technical: String,
    /// Business impact cell.
    pub business: String,
    /// EC notification requirement label, or empty.
    pub ec_notification: String,
    /// The notes narrative.
    pub notes: Option<String>,
    /// Concerns, one per entry.
    pub concerns: Vec<String>,
    /// Further remarks derived from structured fields, for example
    /// `Does not align with principles 1, 3, 4`.
    pub remarks: Vec<String>,
    /// Interest level label, for example `Watching Brief`.
    pub interest: String,
}

fn impact_cell(value: Option<bool>, note: Option<&str>) -> String {
    let base = match value {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "",
    };
    match (base, note) {
        ("", Some(n)) => n.to_owned(),
        (b, Some(n)) => format!("{b} – {n}"),
        (b, None) => b.to_owned(),
    }
}

fn impact_cells(impact: &Impact) -> (String, String) {
    (
        impact_cell(
            impact.technical.as_ref().map(|v| v.value),
            impact.technical_note.as_deref(),
        ),
        impact_cell(
            impact.business.as_ref().map(|v| v.value),
            impact.business_note.as_deref(),
        ),
    )
}

/// One attendee or apologies line. `org_names`: show an organisation by
/// its name (`Ofgem`) rather than its ID (`OFGEM`), as the apologies
/// table of the minutes does.
fn line(attendance: &Attendance, index: &Index<'_>, vocab: &Vocabularies, org_names: bool) -> Line {
    let role = attendance
        .role
        .as_ref()
        .map(|r| Vocabularies::label(&vocab.roles, &r.value).to_owned());
    let mut context = match (&attendance.constituency, &attendance.representing) {
        (Some(c), _) => Vocabularies::label(&vocab.constituencies, &c.value).to_owned(),
        (None, Some(org)) => {
            let shown = match index.organisation(&org.value) {
                Some(o) if org_names => o.name.clone(),
                _ => org.value.clone(),
            };
            match &attendance.capacity {
                Some(capacity) => format!("{shown} ({capacity})"),
                None => shown,
            }
        }
        (None, None) => String::new(),
    };
    match (role, context.is_empty()) {
        (Some(role), true) => {
            context = format!("{} {role}", index.records().settings.committee.short_name)
        }
        (Some(role), false) => context = format!("{context} ({role})"),
        (None, _) => {}
    }
    let name_of = |id: &str| {
        index
            .person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    };
    Line {
        context,
        name: name_of(&attendance.person.value),
        alternate_for: attendance.alternate_for.as_ref().map(|a| name_of(&a.value)),
        part: attendance.part,
    }
}

/// Gathers the minutes of meeting `id`.
///
/// # Errors
/// When no meeting has that ID (the message suggests the closest ID), or
/// its file could not be read.
pub fn view(index: &Index<'_>, id: &str) -> crate::error::Result<MinutesView> {
    let records = index.records();
    let Some(meeting) = index.meeting(id) else {
        if let Some(message) = index.unreadable(id) {
            return Err(crate::error::Error::NotFound(message));
        }
        let hint = closest(id, index.meeting_ids())
            .map(|c| format!("; {}", crate::suggest::did_you_mean(id, c)))
            .unwrap_or_else(|| "; `tsc meetings` lists them".to_owned());
        return Err(crate::error::Error::NotFound(format!(
            "no meeting has the ID `{id}`{hint}"
        )));
    };
    let settings = &records.settings;
    let vocab = &settings.vocabularies;
    let attendees = vocab
        .attendee_categories
        .iter()
        .map(|category| Group {
            label: category.label.clone(),
            lines: meeting
                .attendees
                .iter()
                .filter(|a| a.category.value == category.id())
                .map(|a| line(a, index, vocab, false))
                .collect(),
        })
        .filter(|g| !g.lines.is_empty())
        .collect();
    let actions = index.actions_raised_at(&meeting.id.value);
    let reported = crate::actions::reported_at(index, &meeting.id.value);
    let first_item = meeting.agenda.first().map(|i| i.number.value);
    let statuses = &vocab.action_statuses;
    let items = meeting
        .agenda
        .iter()
        .map(|item| ItemView {
            reviewed: reported
                .iter()
                .filter(|r| {
                    r.update
                        .agenda_item
                        .as_ref()
                        .map(|n| n.value)
                        .or(first_item)
                        == Some(item.number.value)
                })
                .map(|r| ReviewLine {
                    id: r.action.id.value.clone(),
                    owner: r.action.owner.value.clone(),
                    text: r.action.text.trim().to_owned(),
                    status: statuses
                        .iter()
                        .find(|s| s.id() == r.status)
                        .map_or(r.status, |s| s.label.as_str())
                        .to_owned(),
                    note: r.update.note.trim().to_owned(),
                })
                .collect(),
            number: item.number.value,
            title: item.title.clone(),
            presented_by: item
                .presented_by
                .as_ref()
                .map(|p| index.name_of(&p.value).to_owned()),
            summary: item.summary.clone(),
            papers: item
                .papers
                .iter()
                .map(|p| {
                    if p.attachments.is_empty() {
                        p.title.clone()
                    } else {
                        format!("{} ({})", p.title, p.attachments.join(", "))
                    }
                })
                .collect(),
            decisions: item
                .decisions
                .iter()
                // The list supplies its own `;`, `; and` and `.`.
                .map(|d| {
                    let text = d.text.trim().trim_end_matches(['.', ';']).trim_end();
                    (d.verb.value.clone(), text.to_owned())
                })
                .collect(),
            actions: actions
                .iter()
                .filter(|a| a.agenda_item.value == item.number.value)
                .map(|a| ActionLine {
                    id: a.id.value.clone(),
                    owner: a.owner.value.clone(),
                    text: a.text.trim().to_owned(),
                    due: a.due.as_ref().map(|d| d.value),
                })
                .collect(),
            assessments: item
                .assessments
                .iter()
                .map(|a| {
                    let (technical, business) = impact_cells(&a.impact);
                    let mut remarks = Vec::new();
                    let notes = a.notes.as_deref().unwrap_or_default();
                    if !a.misaligned_principles.is_empty()
                        && !says_misaligned(notes, &a.misaligned_principles)
                    {
                        let list: Vec<String> = a
                            .misaligned_principles
                            .iter()
                            .map(|p| p.value.to_string())
                            .collect();
                        remarks.push(format!(
                            "Does not align with principles {}",
                            list.join(", ")
                        ));
                    }
                    if !a.considered_with.is_empty()
                        && !a.considered_with.iter().all(|m| notes.contains(&m.value))
                    {
                        let list: Vec<&str> =
                            a.considered_with.iter().map(|m| m.value.as_str()).collect();
                        remarks.push(format!("Considered together with {}", list.join(", ")));
                    }
                    AssessmentRow {
                        id: a.modification.value.clone(),
                        title: index
                            .modification(&a.modification.value)
                            .map(|m| m.title.clone()),
                        technical,
                        business,
                        ec_notification: a
                            .ec_notification
                            .as_ref()
                            .map(|e| {
                                Vocabularies::label(&vocab.ec_notification, &e.value).to_owned()
                            })
                            .unwrap_or_default(),
                        notes: a.notes.as_ref().map(|n| n.trim().to_owned()),
                        concerns: a.concerns.clone(),
                        remarks,
                        interest: Vocabularies::label(&vocab.interest_levels, &a.interest.value)
                            .to_owned(),
                    }
                })
                .collect(),
            mentions: item.modifications.iter().map(|m| m.value.clone()).collect(),
            principles: item.principles.iter().map(|p| p.value).collect(),
            references: item
                .external_references
                .iter()
                .map(|r| match &r.note {
                    Some(note) => format!("{}: {}", r.title, note.trim()),
                    None => r.title.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(MinutesView {
        committee: format!(
            "{} ({})",
            settings.committee.name, settings.committee.short_name
        ),
        short_name: settings.committee.short_name.clone(),
        id: meeting.id.value.clone(),
        date: meeting.date.value,
        time: match (&meeting.start, &meeting.end) {
            (Some(s), Some(e)) => Some(format!("{} – {}", s.value, e.value)),
            (Some(s), None) => Some(s.value.clone()),
            _ => None,
        },
        location: meeting.location.clone(),
        status: Vocabularies::label(&vocab.meeting_statuses, &meeting.status.value).to_owned(),
        attendees,
        apologies: meeting
            .apologies
            .iter()
            .map(|a| line(a, index, vocab, true))
            .collect(),
        items,
    })
}

/// Whether assessment notes already say that the proposal does not align
/// with each of `principles` ("does not align with Principles 1, 3, and
/// 4"), so the remark would repeat them.
fn says_misaligned(notes: &str, principles: &[crate::source::Spanned<u32>]) -> bool {
    let lower = notes.to_lowercase();
    let Some(at) = lower.find("align with principle") else {
        return false;
    };
    let sentence = lower[at..].split(['.', '\n']).next().unwrap_or_default();
    let numbers: Vec<&str> = sentence
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .collect();
    principles
        .iter()
        .all(|p| numbers.contains(&p.value.to_string().as_str()))
}

/// The date as the minutes write it: `16 June 2016`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The decision list's joiner: `;` between decisions, `; and` before the
/// last, `.` after it, as the minutes write "The TSC: NOTED …; and
/// APPROVED …."
pub fn decision_end(index: usize, count: usize) -> &'static str {
    if index + 1 == count {
        "."
    } else if index + 2 == count {
        "; and"
    } else {
        ";"
    }
}
