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

use crate::actions::NOT_RECORDED;
use crate::index::Index;
use crate::model::{Attendance, Impact, Text};
use crate::settings::{AssessmentColumn, AttendanceOrder, Vocabularies};
use crate::suggest::closest;

/// The minutes of one meeting, ready to lay out.
#[derive(Debug, Clone)]
pub struct MinutesView {
    /// The heading's name: the meeting's own `title`, else the committee's
    /// full name and short name (`name (short_name)`).
    pub(crate) committee: String,
    /// The committee's short name, for the HTML page title.
    pub(crate) short_name: String,
    /// The decision lead-in's name, "The {collective}:", from
    /// `committee.collective_name` (the short name by default).
    pub(crate) collective: String,
    /// Meeting ID.
    pub(crate) id: String,
    /// The meeting's number, when recorded.
    pub(crate) number: Option<u32>,
    /// The day it was held, when known.
    pub(crate) date: Option<NaiveDate>,
    /// `10:00 – 16:00`, when recorded.
    pub(crate) time: Option<String>,
    /// Location, when recorded.
    pub(crate) location: Option<String>,
    /// Status label of the minutes, for example `Final`; `None` when the
    /// minutes never say.
    pub(crate) status: Option<String>,
    /// Attendees by category, in the order of `attendee_categories`; or,
    /// with `minutes.attendance: as-recorded`, one group with an empty
    /// label in the order recorded.
    pub(crate) attendees: Vec<Group>,
    /// Whether the attendees are one table in the order recorded, with
    /// the columns of [`Columns`].
    pub(crate) as_recorded: bool,
    /// Which optional attendance columns the meeting uses.
    pub(crate) columns: Columns,
    /// Apologies, as lines.
    pub(crate) apologies: Vec<Line>,
    /// The initials key, `(initials, name)`, in the order of the
    /// attendance; empty when the meeting records no initials.
    pub(crate) initials: Vec<(String, String)>,
    /// The agenda items, in order.
    pub(crate) items: Vec<ItemView>,
    /// The assessment table's columns, from `minutes.assessment_columns`:
    /// each with its heading and its share of the HTML table's width.
    pub(crate) assessment_columns: Vec<(AssessmentColumn, String, u32)>,
}

/// Attendees of one category, for example `TSC Members`.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// The category's label.
    pub(crate) label: String,
    /// One line per person.
    pub(crate) lines: Vec<Line>,
}

/// The optional columns of an attendance table that a meeting uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Columns {
    /// Some attendee has initials.
    pub(crate) initials: bool,
    /// Some attendee has a role or capacity.
    pub(crate) role: bool,
    /// Some attendee has an organisation.
    pub(crate) organisation: bool,
}

/// One person in an attendee or apologies table.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// What they sit for: role, constituency or represented organisation
    /// (with capacity), for example `DECC (Secretary of State)`.
    pub(crate) context: String,
    /// The name: as the minutes spell it (`name_as_written`) with the
    /// `people.yaml` name after it in brackets when they differ, else the
    /// full name.
    pub(crate) name: String,
    /// Initials, when recorded.
    pub(crate) initials: Option<String>,
    /// Role labels joined, with the capacity after them.
    pub(crate) role: Option<String>,
    /// The organisation as written at the meeting, else the one
    /// represented, else the person's usual one.
    pub(crate) organisation: Option<String>,
    /// Dialled in.
    pub(crate) remote: bool,
    /// `alternate to NAME`, when standing in for a member.
    pub(crate) alternate_for: Option<String>,
    /// Attended part of the meeting.
    pub(crate) part: bool,
}

impl Line {
    /// The name with its annotations, for example `David Speake (alternate
    /// to Rochelle Harrison)` or `Alys Garrett (part)`.
    pub(crate) fn annotated_name(&self) -> String {
        let mut text = self.name.clone();
        if let Some(member) = &self.alternate_for {
            text.push_str(&format!(" (alternate to {member})"));
        }
        if self.part {
            text.push_str(" (part)");
        }
        if self.remote {
            text.push_str(" (remote)");
        }
        text
    }
}

/// One agenda item.
#[derive(Debug, Clone)]
pub(crate) struct ItemView {
    /// Number in the agenda, as written (`2`, `2a`).
    pub(crate) number: String,
    /// The minutes' paragraph numbers under the item.
    pub(crate) paragraphs: Vec<u32>,
    /// Heading.
    pub(crate) title: String,
    /// Who presented it (name or organisation ID).
    pub(crate) presented_by: Option<String>,
    /// The discussion.
    pub(crate) summary: Option<String>,
    /// Papers, each with its attachments joined: `Title (Attachment A,
    /// Attachment B)`.
    pub(crate) papers: Vec<String>,
    /// Decisions as `(verb, text, paragraph)`.
    pub(crate) decisions: Vec<(String, String, Option<u32>)>,
    /// Actions raised under the item.
    pub(crate) actions: Vec<ActionLine>,
    /// The "Actions outstanding" table: actions updated at this meeting
    /// under this item (updates that name no item are shown under the
    /// first item).
    pub(crate) reviewed: Vec<ReviewLine>,
    /// The assessment table's rows.
    pub(crate) assessments: Vec<AssessmentRow>,
    /// Other proposals the item mentions (IDs).
    pub(crate) mentions: Vec<String>,
    /// Principles the item dealt with (numbers).
    pub(crate) principles: Vec<u32>,
    /// Outside references, `title: note`.
    pub(crate) references: Vec<String>,
}

/// An action raised under an agenda item.
#[derive(Debug, Clone)]
pub(crate) struct ActionLine {
    /// Action ID.
    pub(crate) id: String,
    /// The owner as of the meeting ([`crate::model::Action::owner_as_of`]),
    /// as the minutes name owners, or "not recorded".
    pub(crate) owner: String,
    /// What must be done.
    pub(crate) text: String,
    /// Due date as of the meeting ([`crate::model::Action::due_as_of`]),
    /// when one was set by then.
    pub(crate) due: Option<NaiveDate>,
}

/// One row of the "Actions outstanding" table.
#[derive(Debug, Clone)]
pub(crate) struct ReviewLine {
    /// Action ID.
    pub(crate) id: String,
    /// The owner after the update, as the minutes name owners.
    pub(crate) owner: String,
    /// What must be done.
    pub(crate) text: String,
    /// The status as reported (its label).
    pub(crate) status: String,
    /// What was reported, and what the update did to the due date and
    /// the owner, when it set them.
    pub(crate) note: String,
}

/// The "Actions outstanding" table's note: what was reported, and what
/// the update did to the due date and the owner, when it set them
/// ("Principles 1 to 4 done. (due date moved from 2016-07-21 to
/// 2016-08-31)", "... (reassigned from SECAS to DCC)").
fn reviewed_note<'r>(index: &Index<'r>, r: &crate::actions::Reported<'r>) -> String {
    let note = r.update.note.get().trim().to_owned();
    match crate::actions::update_change_words(index, r.action, r.update) {
        Some(words) => {
            if note.is_empty() {
                format!("({words})")
            } else {
                format!("{note} ({words})")
            }
        }
        None => note,
    }
}

/// One row of the assessment table.
#[derive(Debug, Clone)]
pub(crate) struct AssessmentRow {
    /// Proposal ID.
    pub(crate) id: String,
    /// Proposal title, when the proposal record exists.
    pub(crate) title: Option<String>,
    /// Technical impact cell, for example `Yes – DUIS / GBCS / SMETS`.
    pub(crate) technical: String,
    /// Business impact cell.
    pub(crate) business: String,
    /// EC notification requirement label, or empty.
    pub(crate) ec_notification: String,
    /// The notes narrative.
    pub(crate) notes: Option<String>,
    /// Concerns, one per entry.
    pub(crate) concerns: Vec<String>,
    /// Further remarks derived from structured fields, for example
    /// `Does not align with principles 1, 3, 4`.
    pub(crate) remarks: Vec<String>,
    /// Interest level label, for example `Watching Brief`.
    pub(crate) interest: String,
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
            impact.technical_note.as_ref().map(Text::get).as_deref(),
        ),
        impact_cell(
            impact.business.as_ref().map(|v| v.value),
            impact.business_note.as_ref().map(Text::get).as_deref(),
        ),
    )
}

/// One attendee or apologies line. Both show an organisation as the
/// minutes do, by [`crate::model::Organisation::as_minuted`]: `DECC`
/// (not "Department of Energy and Climate Change"), `Ofgem` (not
/// `OFGEM`).
fn line(attendance: &Attendance, index: &Index<'_>, vocab: &Vocabularies) -> Line {
    let role = attendance.role.as_ref().map(|r| {
        r.value
            .iter()
            .map(|id| Vocabularies::label(&vocab.roles, id))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let mut context = match (&attendance.constituency, &attendance.representing) {
        (Some(c), _) => Vocabularies::label(&vocab.constituencies, &c.value).to_owned(),
        (None, Some(org)) => {
            let shown = index.name_of(&org.value).to_owned();
            match &attendance.capacity {
                Some(capacity) => format!("{shown} ({capacity})"),
                None => shown,
            }
        }
        (None, None) => attendance.capacity.as_deref().cloned().unwrap_or_default(),
    };
    match (&role, context.is_empty()) {
        (Some(role), true) => {
            context = format!("{} {role}", index.records().settings.committee.short_name);
        }
        (Some(role), false) => context = format!("{context} ({role})"),
        (None, _) => {}
    }
    let name_of = |id: &str| {
        index
            .person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.value.clone())
    };
    let person = attendance.person.value.as_str();
    let name = match &attendance.name_as_written {
        Some(written) if **written != name_of(person) => {
            format!("{written} ({})", name_of(person))
        }
        _ => name_of(person),
    };
    let role_cell = match (role, &attendance.capacity) {
        (Some(r), Some(c)) => Some(format!("{r} ({c})")),
        (Some(r), None) => Some(r),
        (None, c) => c.as_deref().cloned(),
    };
    let organisation = attendance
        .organisation
        .as_deref()
        .or(attendance.representing.as_ref())
        .map(|o| index.name_of(&o.value).to_owned())
        .or_else(|| {
            attendance
                .constituency
                .as_ref()
                .map(|c| Vocabularies::label(&vocab.constituencies, &c.value).to_owned())
        })
        .or_else(|| {
            index
                .person(person)
                .and_then(|p| p.organisation.as_ref())
                .map(|o| index.name_of(&o.value).to_owned())
        });
    Line {
        context,
        name,
        initials: attendance.initials.as_ref().map(|i| i.value.to_string()),
        role: role_cell,
        organisation,
        remote: attendance.remote,
        alternate_for: attendance.alternate_for.as_ref().map(|a| name_of(&a.value)),
        part: attendance.part,
    }
}

/// Why `tsc minutes` of a stub prints nothing but that it is not recorded.
fn not_recorded(meeting: &crate::model::Meeting, vocab: &Vocabularies) -> String {
    let status = meeting
        .status
        .as_ref()
        .map_or("", |s| vocab.meeting_status_label(&s.value));
    let mut message = format!(
        "meeting `{}` is not recorded (status: {status}): its minutes are not kept in the records",
        meeting.id.value
    );
    if let Some(note) = &meeting.note {
        message.push_str(&format!("; {}", note.get().trim()));
    }
    message
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
        let hint = closest(id, index.meeting_ids()).map_or_else(
            || "; `tsc meetings` lists them".to_owned(),
            |c| format!("; {}", crate::suggest::did_you_mean(id, c)),
        );
        return Err(crate::error::Error::NotFound(format!(
            "no meeting has the ID `{id}`{hint}"
        )));
    };
    let settings = &records.settings;
    let vocab = &settings.vocabularies;
    if !meeting.is_recorded(settings) {
        return Err(crate::error::Error::NotFound(not_recorded(meeting, vocab)));
    }
    let as_recorded = settings.minutes.attendance == AttendanceOrder::AsRecorded;
    let attendees: Vec<Group> = if as_recorded {
        vec![Group {
            label: String::new(),
            lines: meeting
                .attendees
                .iter()
                .map(|a| line(a, index, vocab))
                .collect(),
        }]
    } else {
        vocab
            .attendee_categories
            .iter()
            .map(|category| Group {
                label: category.label.clone(),
                lines: meeting
                    .attendees
                    .iter()
                    .filter(|a| a.category.value == category.id())
                    .map(|a| line(a, index, vocab))
                    .collect(),
            })
            .collect()
    };
    let attendees: Vec<Group> = attendees
        .into_iter()
        .filter(|g| !g.lines.is_empty())
        .collect();
    let apologies: Vec<Line> = meeting
        .apologies
        .iter()
        .map(|a| line(a, index, vocab))
        .collect();
    let everyone = || attendees.iter().flat_map(|g| &g.lines).chain(&apologies);
    let columns = Columns {
        initials: everyone().any(|l| l.initials.is_some()),
        role: everyone().any(|l| l.role.is_some()),
        organisation: everyone().any(|l| l.organisation.is_some()),
    };
    let initials = everyone()
        .filter_map(|l| {
            let name = l.name.clone();
            l.initials.clone().map(|i| (i, name))
        })
        .collect();
    let mut agenda: Vec<&crate::model::AgendaItem> = meeting.agenda.iter().collect();
    agenda.sort_by(|a, b| a.number.value.natural_cmp(&b.number.value));
    let actions = index.actions_raised_at(&meeting.id.value);
    // The minutes tell what was known at the end of the meeting's day (a
    // meeting with no day at all: what was known when the action was
    // raised).
    let as_of = meeting.sort_date().unwrap_or(NaiveDate::MIN);
    let reported = crate::actions::reported_at(index, &meeting.id.value);
    // Updates that name no item are shown under the first item.
    let first_item = agenda.first().map(|i| &i.number.value);
    let statuses = &vocab.action_statuses;
    let items = agenda
        .into_iter()
        .map(|item| ItemView {
            reviewed: reported
                .iter()
                .filter(|r| {
                    r.update
                        .agenda_item
                        .as_ref()
                        .map(|n| &n.value)
                        .or(first_item)
                        == Some(&item.number.value)
                })
                .map(|r| ReviewLine {
                    id: r.action.id.value.to_string(),
                    // The owner after the update: a reassignment there
                    // names the new owner (and the note says so).
                    owner: r
                        .owner
                        .map_or(NOT_RECORDED, |o| index.name_of(o))
                        .to_owned(),
                    text: r.action.text.get().trim().to_owned(),
                    status: statuses
                        .iter()
                        .find(|s| s.id() == r.status)
                        .map_or(r.status, |s| s.label.as_str())
                        .to_owned(),
                    note: reviewed_note(index, r),
                })
                .collect(),
            number: item.number.value.to_string(),
            paragraphs: item.paragraphs.iter().map(|p| p.value).collect(),
            title: item.title.to_string(),
            presented_by: item
                .presented_by
                .as_ref()
                .map(|p| index.name_of(&p.value).to_owned()),
            summary: item.summary.as_ref().map(Text::to_string),
            papers: item
                .papers
                .iter()
                .map(|p| {
                    if p.attachments.is_empty() {
                        p.title.to_string()
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
                    let text = d.text.get();
                    let text = text.trim().trim_end_matches(['.', ';']).trim_end();
                    (
                        d.verb.value.to_string(),
                        text.to_owned(),
                        d.paragraph.as_ref().map(|p| p.value),
                    )
                })
                .collect(),
            actions: actions
                .iter()
                .filter(|a| {
                    a.agenda_item
                        .as_ref()
                        .is_some_and(|i| i.value == item.number.value)
                })
                .map(|a| ActionLine {
                    id: a.id.value.to_string(),
                    // A person by name, an organisation by its acronym,
                    // as minutes write owners.
                    // As of this meeting too: a later reassignment is
                    // not what these minutes recorded.
                    owner: a
                        .owner_as_of(Some(as_of))
                        .map_or(NOT_RECORDED, |o| index.name_of(o.value.as_str()))
                        .to_owned(),
                    text: a.text.get().trim().to_owned(),
                    // As of this meeting: a due date moved at a later
                    // meeting is not what these minutes recorded.
                    due: a.due_as_of(Some(as_of)),
                })
                .collect(),
            assessments: item
                .assessments
                .iter()
                .map(|a| {
                    let (technical, business) = impact_cells(&a.impact);
                    let mut remarks = Vec::new();
                    let notes = a.notes.as_ref().map(Text::get).unwrap_or_default();
                    if !a.misaligned_principles.is_empty()
                        && !says_misaligned(&notes, &a.misaligned_principles)
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
                        && !a
                            .considered_with
                            .iter()
                            .all(|m| notes.contains(m.value.as_str()))
                    {
                        let list: Vec<&str> =
                            a.considered_with.iter().map(|m| m.value.as_str()).collect();
                        remarks.push(format!("Considered together with {}", list.join(", ")));
                    }
                    AssessmentRow {
                        id: a.modification.value.to_string(),
                        title: index
                            .modification(&a.modification.value)
                            .and_then(|m| m.title_text().map(Text::to_string)),
                        technical,
                        business,
                        ec_notification: a
                            .ec_notification
                            .as_ref()
                            .map(|e| {
                                Vocabularies::label(&vocab.ec_notification, &e.value).to_owned()
                            })
                            .unwrap_or_default(),
                        notes: a.notes.as_ref().map(|n| n.get().trim().to_owned()),
                        concerns: a.concerns.iter().map(Text::to_string).collect(),
                        remarks,
                        interest: Vocabularies::label(&vocab.interest_levels, &a.interest.value)
                            .to_owned(),
                    }
                })
                .collect(),
            mentions: item
                .modifications
                .iter()
                .map(|m| m.value.to_string())
                .collect(),
            principles: item.principles.iter().map(|p| p.value).collect(),
            references: item
                .external_references
                .iter()
                .map(|r| match &r.note {
                    Some(note) => format!("{}: {}", r.title, note.get().trim()),
                    None => r.title.to_string(),
                })
                .collect(),
        })
        .collect();
    Ok(MinutesView {
        committee: meeting.title.as_ref().map_or_else(
            || {
                format!(
                    "{} ({})",
                    settings.committee.name, settings.committee.short_name
                )
            },
            Text::to_string,
        ),
        short_name: settings.committee.short_name.clone(),
        collective: settings.committee.collective().to_owned(),
        id: meeting.id.value.to_string(),
        number: meeting.number.as_ref().map(|n| n.value),
        date: meeting.known_date(),
        time: match (&meeting.start, &meeting.end) {
            (Some(s), Some(e)) => Some(format!("{} – {}", s.value, e.value)),
            (Some(s), None) => Some(s.value.to_string()),
            _ => None,
        },
        location: meeting.location.as_ref().map(Text::to_string),
        status: meeting
            .status
            .as_ref()
            .map(|s| vocab.meeting_status_label(&s.value).to_owned()),
        attendees,
        as_recorded,
        columns,
        apologies,
        initials,
        items,
        assessment_columns: settings
            .minutes
            .assessment_columns
            .shown()
            .into_iter()
            .map(|(column, heading, width)| (column, heading.to_owned(), width))
            .collect(),
    })
}

impl MinutesView {
    /// The heading: `{committee} {status} Minutes`, without a status word
    /// when the minutes never state one.
    pub(crate) fn heading(&self) -> String {
        match &self.status {
            Some(status) => format!("{} {status} Minutes", self.committee),
            None => format!("{} Minutes", self.committee),
        }
    }

    /// What follows `Meeting {id}`: `meeting number 7`, the long date,
    /// the time and the location, each when recorded.
    pub(crate) fn when(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(n) = self.number {
            parts.push(format!("meeting number {n}"));
        }
        if let Some(date) = self.date {
            parts.push(long_date(date));
        }
        parts.extend(self.time.clone());
        parts.extend(self.location.clone());
        parts
    }

    /// The header cells of the attendance table, and for each line its
    /// cells: with `as-recorded`, Name then Initials, Role and
    /// Organisation as used; else the category's context and the name,
    /// with Initials when used.
    pub(crate) fn attendance_table(&self, lines: &[Line]) -> (Vec<&'static str>, Vec<Vec<String>>) {
        self.table_of(lines, "Category")
    }

    /// As [`MinutesView::attendance_table`], for the apologies.
    pub(crate) fn apologies_table(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        self.table_of(&self.apologies, "Representing")
    }

    fn table_of(
        &self,
        lines: &[Line],
        context: &'static str,
    ) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let c = self.columns;
        let cell = |v: &Option<String>| v.clone().unwrap_or_default();
        if self.as_recorded {
            let mut header = vec!["Name"];
            header.extend(c.initials.then_some("Initials"));
            header.extend(c.role.then_some("Role"));
            header.extend(c.organisation.then_some("Organisation"));
            let rows = lines
                .iter()
                .map(|l| {
                    let mut row = vec![l.annotated_name()];
                    if c.initials {
                        row.push(cell(&l.initials));
                    }
                    if c.role {
                        row.push(cell(&l.role));
                    }
                    if c.organisation {
                        row.push(cell(&l.organisation));
                    }
                    row
                })
                .collect();
            (header, rows)
        } else {
            let mut header = vec![context, "Name"];
            header.extend(c.initials.then_some("Initials"));
            let rows = lines
                .iter()
                .map(|l| {
                    let mut row = vec![l.context.clone(), l.annotated_name()];
                    if c.initials {
                        row.push(cell(&l.initials));
                    }
                    row
                })
                .collect();
            (header, rows)
        }
    }
}

/// Paragraph numbers as the minutes cite them: `1205, 1206, 1207`.
pub(crate) fn paragraph_list(paragraphs: &[u32]) -> String {
    paragraphs
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `1206 ` before a decision with a paragraph number; empty without.
pub(crate) fn paragraph_prefix(paragraph: Option<u32>) -> String {
    paragraph.map(|p| format!("{p} ")).unwrap_or_default()
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
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The decision list's joiner: `;` between decisions, `; and` before the
/// last, `.` after it, as the minutes write "The TSC: NOTED …; and
/// APPROVED …."
pub(crate) fn decision_end(index: usize, count: usize) -> &'static str {
    if index + 1 == count {
        "."
    } else if index + 2 == count {
        "; and"
    } else {
        ";"
    }
}
