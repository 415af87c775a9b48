//! The write commands, each as a function from the records (and the text
//! they were loaded from) to a [`Plan`]: the ID made or changed and the
//! [`Transaction`] that writes it. A function refuses ([`Error::Refused`], exit
//! status 2 in the binary) an unknown meeting, owner, item, status, level
//! or proposal with the same "did you mean" help as `tsc validate`, a
//! closed action closed again, and an ID that exists already. Whether the
//! records stay valid is checked afterwards, on the transaction.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::{OrRefuse, Transaction, Tree, spans};
use crate::edit::scalar::Style;
use crate::edit::{self, Layout, Value};
use crate::error::{Error, Result};
use crate::ids::{file_stem_for, natural_cmp};
use crate::index::Index;
use crate::kind::Kind;
use crate::load::{Located, Records};
use crate::model::Text;
use crate::model::{Action, Meeting, Token};
use crate::settings::{Meaning, Term};
use crate::suggest::require_known;
use crate::template::{self, Fields};
use crate::{refuse, refuse_unless};

/// What a write command will do: the ID it makes or changes, and the
/// files it writes.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The new or changed record's ID (a meeting, action or person ID, or
    /// `PROPOSAL@MEETING` for an assessment).
    pub id: String,
    /// The files to write.
    pub transaction: Transaction,
    /// What the command did that may not be what was meant, for the
    /// binary to print as warnings (the write goes ahead).
    pub warnings: Vec<Warning>,
}

/// `tsc new meeting`.
#[derive(Debug, Clone, Default)]
pub struct NewMeeting {
    /// The day of the meeting.
    pub date: Option<NaiveDate>,
    /// The meeting to copy attendance, place and times from (default: the
    /// latest).
    pub from: Option<String>,
    /// `HH:MM`, else the previous meeting's.
    pub start: Option<String>,
    /// `HH:MM`, else the previous meeting's.
    pub end: Option<String>,
    /// Else the previous meeting's.
    pub location: Option<String>,
}

/// Every person and organisation ID, by ID in natural order, so that a
/// "use one of:" list, and which of several matches a message names, is
/// the same every run.
fn owners_in_order<'r>(index: &Index<'r>) -> Vec<&'r str> {
    let mut owners: Vec<&str> = index.owner_ids().collect();
    owners.sort_by(|a, b| natural_cmp(a, b));
    owners
}

/// Refuses `id` as a record whose file exists but could not be read (the
/// message `show` gives) when none of the records read, `ids`, has it:
/// "unknown; did you mean" would send the user looking for a typo.
fn refuse_unreadable<'a>(
    index: &Index<'_>,
    mut ids: impl Iterator<Item = &'a str>,
    id: &str,
) -> Result<()> {
    if !ids.any(|known| known.eq_ignore_ascii_case(id))
        && let Some(message) = index.unreadable(id)
    {
        return Err(Error::Refused(format!("{message}; nothing was written")));
    }
    Ok(())
}

fn meeting<'r>(index: &Index<'r>, id: &str) -> Result<&'r Meeting> {
    let records = index.records();
    let ids = || records.meetings.iter().map(|m| m.record.id.value.as_str());
    refuse_unreadable(index, ids(), id)?;
    require_known(id, ids(), "meeting")?;
    index
        .meetings_by_date()
        .iter()
        .copied()
        .find(|m| m.id.value.eq_ignore_ascii_case(id))
        .or_refuse("unknown meeting")
}

fn agenda_item(meeting: &Meeting, item: &str) -> Result<()> {
    refuse_unless!(
        !meeting.agenda.is_empty(),
        "meeting {id} has no agenda items, so none is numbered {item}; add the item under \
         `agenda:` in its file (`- number: {item}` with its `title:`), then run this again",
        id = meeting.id.value
    );
    let numbers: Vec<String> = meeting
        .agenda
        .iter()
        .map(|i| i.number.value.to_string())
        .collect();
    require_known(
        item,
        numbers.iter().map(String::as_str),
        &format!("agenda item of {}", meeting.id.value),
    )
}

/// The date and number of `meeting`, which every write at a meeting
/// needs: a meeting that is not recorded (a stub), or one without a date
/// or number, is refused.
fn held(meeting: &Meeting) -> Result<(NaiveDate, u32)> {
    match (meeting.known_date(), meeting.number.as_ref()) {
        (Some(date), Some(number)) => Ok((date, number.value)),
        _ => Err(Error::Refused(format!(
            "meeting {} has no date or no number (a meeting that is not recorded); \
             record it first, or choose a recorded meeting",
            meeting.id.value
        ))),
    }
}

/// The number and date that name the actions raised at `meeting`: its
/// own, or for a stub that leaves them out, the `number` its ID names
/// and the first day of the month its ID names (as E0401 takes it).
fn numbered(
    meeting: &Meeting,
    patterns: &crate::settings::CompiledPatterns,
    settings: &crate::settings::Settings,
) -> Result<(NaiveDate, u32)> {
    if meeting.is_recorded(settings) {
        return held(meeting);
    }
    let date = meeting.known_date().or(meeting.id_month);
    let number = crate::stubs::number_or_id_number(patterns, settings, meeting);
    match (date, number) {
        (Some(date), Some(number)) => Ok((date, number)),
        _ => Err(Error::Refused(format!(
            "meeting {} is not recorded and neither it nor its ID gives its number and \
             month; add `number:` and `date:` to its file, then run this again",
            meeting.id.value
        ))),
    }
}

/// Refuses an action at `meeting` (numbered `number`, its own or the one
/// its ID names) while another meeting of its kind goes by that number
/// too (E0509): its actions would be numbered into that meeting's series
/// (a stub `DPWG_01_2512` beside meeting 1 once got `DPWG01/04`).
fn refuse_shared_number(
    records: &Records,
    patterns: &crate::settings::CompiledPatterns,
    meeting: &Meeting,
    number: u32,
) -> Result<()> {
    let settings = &records.settings;
    let kind = |m: &Meeting| m.kind.as_ref().map(|k| k.value.clone());
    let other = records.meetings.iter().map(|o| &o.record).find(|o| {
        o.id.value != meeting.id.value
            && kind(o) == kind(meeting)
            && crate::stubs::number_or_id_number(patterns, settings, o) == Some(number)
    });
    match other {
        Some(other) => Err(Error::Refused(format!(
            "meeting {} is numbered {number}, as {} is (E0509), so its actions would be \
             numbered among that meeting's; give one of them another number (its ID and \
             file name too), then run this again",
            meeting.id.value, other.id.value
        ))),
        None => Ok(()),
    }
}

/// An agenda item number as YAML writes it: a plain number unquoted,
/// anything else (`2a`) as text.
fn item_value(item: &str) -> Value {
    match item.parse::<u32>() {
        Ok(n) => Value::raw(n),
        Err(_) => Value::text(item),
    }
}

/// The ID a template makes, checked against its pattern.
fn make_id(
    template: &str,
    fields: &Fields,
    pattern: &regex_lite::Regex,
    kind: &str,
) -> Result<String> {
    let id = template::render(template, fields)
        .map_err(|e| Error::Refused(format!("id_templates.{kind} in tsc.yaml: {e}")))?;
    refuse_unless!(
        pattern.is_match(&id),
        "id_templates.{kind} made `{id}`, which id_patterns.{kind} does not accept; fix tsc.yaml (tsc validate reports it as E0302)"
    );
    Ok(id)
}

/// Refuses (E0302's message, at the template's line and column in
/// tsc.yaml when it is written there) while the `kind` template cannot
/// make IDs its pattern reads back with the right numbers: a template
/// that only happens to make a matching ID (`TSC{meeting_number:02}/{dd}{seq:02}`
/// makes `TSC06/0101`) would write actions under wrong IDs.
fn refuse_bad_template(
    tree: &Tree,
    records: &Records,
    patterns: &crate::settings::CompiledPatterns,
    kind: &'static str,
) -> Result<()> {
    let Some(bad) = crate::validate::templates::bad_template(&records.settings, patterns, &[kind])
    else {
        return Ok(());
    };
    let file = records
        .settings_file
        .clone()
        .unwrap_or_else(|| tree.root.join(Kind::Settings.entry()));
    let mut place = crate::escape::path(&file).clone();
    let span = bad.template.span;
    if let Some(text) = tree.text(&file).filter(|_| span.len() > 0) {
        let (line, column) = edit::line_column(text, span.start() as usize);
        place = format!("{place}:{line}:{column}");
    }
    Err(Error::Refused(format!(
        "{place}: {} (E0302); {}",
        bad.problem,
        bad.help()
    )))
}

fn patterns(records: &Records) -> Result<crate::settings::CompiledPatterns> {
    records.settings.id_patterns.compile().map_err(|(name, e)| {
        Error::Refused(format!("id_patterns.{name} in tsc.yaml is not valid: {e}"))
    })
}

/// The refusal of an edit engine's `LINE:COLUMN: why` in the file at
/// `path` (relative to the root): `PATH:LINE:COLUMN: why`.
fn refused_in<'a>(tree: &'a Tree, path: &'a Path) -> impl Fn(String) -> Error + 'a {
    move |why| {
        Error::Refused(format!(
            "{}:{why}",
            crate::escape::path(&tree.root.join(path))
        ))
    }
}

/// The text of a record's file, and its path relative to the root.
///
/// # Errors
/// When the file was not read, or breaks its lines with a carriage
/// return alone (see [`cr_only_line`]).
fn source<'t>(tree: &'t Tree, file: &Path) -> Result<(&'t str, PathBuf)> {
    let relative = file.strip_prefix(&tree.root).unwrap_or(file).to_path_buf();
    let text = tree
        .text(&relative)
        .or_refuse_with(|| format!("{} was not read", file.display()))?;
    if let Some((line, column)) = lone_carriage_return(text) {
        return Err(refused_in(tree, &relative)(format!(
            "{line}:{column}: this file breaks its lines with a carriage return alone (CR, \
             without LF), which tsc does not edit; convert its line endings to LF \
             (or CRLF) and run the command again"
        )));
    }
    Ok((text, relative))
}

/// Where the first carriage return used alone as a line break is (its
/// 1-based line and character column; a `\r` followed by anything but
/// `\n`, while one at the very end of a CRLF file is harmless), or `None`.
/// YAML reads such a file, but the edit engine finds lines by `\n` and
/// would take the whole file for one line (the trial's `action update`
/// then said "1:236: this list is written in flow style").
fn lone_carriage_return(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let at =
        (0..bytes.len().saturating_sub(1)).find(|&i| bytes[i] == b'\r' && bytes[i + 1] != b'\n')?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, column))
}

/// Actions open on `date`: raised at a meeting held by then, and either
/// still open or closed after it; in natural ID order.
fn open_on<'r>(index: &Index<'r>, date: NaiveDate) -> Vec<&'r Action> {
    let vocab = &index.records().settings.vocabularies;
    let mut open: Vec<&Action> = index
        .records()
        .actions
        .iter()
        .map(|a| &a.record)
        .filter(|a| {
            index
                .meeting_date(&a.meeting.value)
                .is_some_and(|d| d <= date)
        })
        .filter(|a| {
            vocab.is_open_status(&a.status.value)
                || a.closed.as_ref().is_some_and(|c| c.value > date)
        })
        .collect();
    open.sort_by(|a, b| natural_cmp(&a.id.value, &b.id.value));
    open
}

/// Proposals whose phase does not mean their process has ended
/// ([`Meaning::Closed`]), in the committee's
/// order: as last assessed (latest meeting first, in its table's order),
/// then the others by ID.
fn under_consideration<'r>(index: &Index<'r>) -> Vec<&'r str> {
    let records = index.records();
    let phases = &records.settings.vocabularies.modification_phases;
    let live = |id: &str| {
        index.modification(id).is_some_and(|m| {
            m.phase.as_ref().is_none_or(|p| {
                !phases
                    .iter()
                    .any(|t| t.id() == p.value && t.means(Meaning::Closed))
            })
        })
    };
    let mut order: Vec<&str> = Vec::new();
    for m in index.meetings_by_date().iter().copied().rev() {
        for a in m.agenda.iter().flat_map(|i| &i.assessments) {
            let id = a.modification.value.as_str();
            if live(id) && !order.contains(&id) {
                order.push(id);
            }
        }
    }
    let mut rest: Vec<&str> = records
        .modifications
        .iter()
        .map(|m| m.record.id.value.as_str())
        .filter(|id| live(id) && !order.contains(id))
        .collect();
    rest.sort_by(|a, b| natural_cmp(a, b));
    order.extend(rest);
    order
}

fn attendance(list: &[crate::model::Attendance]) -> Value {
    Value::List(
        list.iter()
            .map(|a| {
                let mut entries = vec![
                    ("person".to_owned(), Value::text(a.person.value.as_str())),
                    (
                        "category".to_owned(),
                        Value::text(a.category.value.as_str()),
                    ),
                ];
                let optional = [
                    (
                        "constituency",
                        a.constituency.as_ref().map(|v| v.value.to_string()),
                    ),
                    (
                        "representing",
                        a.representing.as_ref().map(|v| v.value.to_string()),
                    ),
                    ("capacity", a.capacity.as_deref().cloned()),
                    (
                        "role",
                        a.role.as_ref().map(|v| match v.value.0.as_slice() {
                            [one] => one.clone(),
                            many => format!("[{}]", many.join(", ")),
                        }),
                    ),
                    (
                        "alternate_for",
                        a.alternate_for.as_ref().map(|v| v.value.to_string()),
                    ),
                ];
                for (key, value) in optional {
                    if let Some(v) = value {
                        entries.push((key.to_owned(), Value::Text(v)));
                    }
                }
                Value::Map(entries)
            })
            .collect(),
    )
}

/// Comment lines at column `col`, wrapped before column 80.
fn comment_lines(col: usize, text: &str) -> String {
    let text = &edit::scalar::comment_text(text);
    let pad = format!("{}# ", " ".repeat(col));
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && pad.len() + line.len() + 1 + word.len() > 79 {
            out.push_str(&format!("{pad}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&format!("{pad}{line}\n"));
    out
}

/// `tsc new meeting`: the next meeting, as a draft, with the expected
/// attendance of `--from` (or the latest meeting), the standing items, the
/// actions open on its date under the review item, and the proposals still
/// under consideration.
///
/// # Errors
/// An unknown `--from` meeting, no `--date`, or a meeting ID or file that
/// exists already.
pub fn new_meeting(tree: &Tree, index: &Index<'_>, args: &NewMeeting) -> Result<Plan> {
    let records = index.records();
    let date = args
        .date
        .or_refuse("give the meeting's date with --date YYYY-MM-DD")?;
    let previous = match &args.from {
        Some(id) => Some(meeting(index, id)?),
        None => index.meetings_by_date().iter().copied().last(),
    };
    let settings = &records.settings;
    let patterns = patterns(records)?;
    // After the highest number any meeting goes by: a stub with no
    // `number:` goes by the one its ID names (as E0509 and `action new`
    // read it).
    let number = records
        .meetings
        .iter()
        .filter_map(|m| crate::stubs::number_or_id_number(&patterns, settings, &m.record))
        .max()
        .unwrap_or(0)
        + 1;
    refuse_bad_template(tree, records, &patterns, "meeting")?;
    let id = make_id(
        &settings.id_templates.meeting.value,
        &Fields::meeting(number, date),
        &patterns.meeting,
        "meeting",
    )?;
    refuse_unless!(index.meeting(&id).is_none(), "meeting {id} exists already");
    let path = PathBuf::from(Kind::Meeting.entry()).join(format!("{}.yaml", file_stem_for(&id)));
    let warnings = date_after_latest(index, date, &id, number, &tree.root.join(&path))?;
    let sibling = previous
        .and_then(|p| {
            records
                .meetings
                .iter()
                .find(|m| m.record.id.value == p.id.value)
        })
        .and_then(|m| tree.text(&m.file));
    let layout = sibling.map(Layout::of).unwrap_or_default();
    let draft = settings
        .vocabularies
        .meeting_statuses
        .first()
        .map_or("draft", Term::id);
    let time = |given: &Option<String>, old: Option<&Token>| {
        given.clone().or_else(|| old.map(Token::to_string))
    };
    let start = time(
        &args.start,
        previous.and_then(|p| p.start.as_ref().map(|s| &s.value)),
    );
    let end = time(
        &args.end,
        previous.and_then(|p| p.end.as_ref().map(|s| &s.value)),
    );
    let location = args
        .location
        .clone()
        .or_else(|| previous.and_then(|p| p.location.as_ref().map(Text::to_string)));
    let mut head = vec![
        ("id".to_owned(), Value::text(&id)),
        ("number".to_owned(), Value::raw(number)),
        ("date".to_owned(), Value::raw(date)),
    ];
    for (key, value) in [("start", start), ("end", end)] {
        if let Some(v) = value {
            head.push((key.to_owned(), Value::Styled(v, Style::Double)));
        }
    }
    if let Some(l) = location {
        head.push(("location".to_owned(), Value::Text(l)));
    }
    head.push(("status".to_owned(), Value::text(draft)));
    let short = &settings.committee.short_name;
    let mut text = edit::scalar::comment_text(&format!(
        "# Draft minutes of {short} meeting {number} ({id}), {date}."
    ));
    text.push('\n');
    text.push_str(&edit::render_document(&head, layout));
    if let Some(p) = previous.filter(|p| !p.attendees.is_empty() || !p.apologies.is_empty()) {
        text.push('\n');
        text.push_str(&comment_lines(
            0,
            &format!(
                "Expected attendance, copied from {}: correct it to who attended and who sent apologies.",
                p.id.value
            ),
        ));
        let mut lists = Vec::new();
        if !p.attendees.is_empty() {
            lists.push(("attendees".to_owned(), attendance(&p.attendees)));
        }
        if !p.apologies.is_empty() {
            lists.push(("apologies".to_owned(), attendance(&p.apologies)));
        }
        text.push_str(&edit::render_document(&lists, layout));
    }
    let items = &settings.standing_items;
    if !items.is_empty() {
        text.push_str("\nagenda:\n");
        let dash = layout.sequence_indent;
        let content = dash + layout.item_indent;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let entries = vec![
                ("number".to_owned(), Value::raw(n)),
                ("title".to_owned(), Value::text(&item.title)),
            ];
            text.push_str(&edit::render_item(&Value::Map(entries), dash, layout));
            if item.review {
                text.push_str(&review_comment(index, previous, &id, n, date, content));
            }
        }
        let proposals = under_consideration(index);
        if !proposals.is_empty() {
            text.push_str(&comment_lines(
                content,
                &format!(
                    "Proposals under consideration, to assess with `tsc assess ID --at {id} --item N --interest LEVEL`: {}.",
                    proposals.join(", ")
                ),
            ));
        }
    }
    let mut transaction = Transaction::default();
    transaction.create(tree, &path, text)?;
    Ok(Plan {
        id,
        transaction,
        warnings,
    })
}

/// Checks a new meeting's `date` against the latest recorded meeting's:
/// the new meeting takes the next number, so it must not be dated before
/// that meeting (refused), and one on the same day is written with a
/// warning (a second meeting that day is possible, a mistyped date more
/// likely).
fn date_after_latest(
    index: &Index<'_>,
    date: NaiveDate,
    id: &str,
    number: u32,
    path: &Path,
) -> Result<Vec<Warning>> {
    let latest = index
        .meetings_by_date()
        .iter()
        .rev()
        .find_map(|m| m.known_date().map(|d| (m.id.value.as_str(), d)));
    // A stub without a date that sorts after every dated meeting is the
    // latest by the month its ID names.
    let last = index.meetings_by_date().last();
    if let Some(stub) = last.filter(|m| m.known_date().is_none()) {
        let month = stub.sort_date();
        refuse_unless!(
            month.is_none_or(|m| date >= m),
            "--date {date} is before the month of the latest meeting, {} ({}, by its ID): \
             a new meeting takes the next number ({number}, {id}), so give a date in or after \
             that month; a meeting held earlier is recorded by writing its file by hand with \
             its own number",
            stub.id.value,
            month
                .map(|m| m.format("%B %Y").to_string())
                .unwrap_or_default()
        );
    }
    let Some((latest, held)) = latest else {
        return Ok(Vec::new());
    };
    refuse_unless!(
        date >= held,
        "--date {date} is before the latest meeting, {latest} on {held}: a new meeting \
         takes the next number ({number}, {id}), so give a date on or after {held}; \
         a meeting held earlier is recorded by writing its file by hand with its own number"
    );
    if date == held {
        return Ok(vec![Warning {
            text: format!(
                "{id} is dated {date}, the same day as the latest meeting, {latest}; \
                 if that was meant (a second meeting that day) nothing more is needed"
            ),
            undo: format!(
                "else remove {} and run again with the right --date",
                path.display()
            ),
            instead: "else run again with the right --date".to_owned(),
        }]);
    }
    Ok(Vec::new())
}

/// The comment under the review item: the meeting reviewed and each action
/// open on `date`, with the command that records its update.
fn review_comment(
    index: &Index<'_>,
    previous: Option<&Meeting>,
    id: &str,
    item: u32,
    date: NaiveDate,
    col: usize,
) -> String {
    let open = open_on(index, date);
    let reviewed = previous.map_or(String::new(), |p| {
        format!("Review of {}'s minutes. ", p.id.value)
    });
    let mut out = comment_lines(
        col,
        &format!(
            "{reviewed}{} action{} open on {date}; record what is reported with `tsc action update ID --at {id} --item {item} --note TEXT` or `tsc action close ID --at {id} --item {item}`.",
            open.len(),
            if open.len() == 1 { "" } else { "s" }
        ),
    );
    for a in open {
        let full = a.text.get();
        let text: String = full.chars().take(60).collect();
        let more = if full.chars().count() > 60 { "…" } else { "" };
        out.push_str(&edit::scalar::comment_text(&format!(
            "{}#   {} ({}): {text}{more}",
            " ".repeat(col),
            a.id.value,
            a.owner_as_of(Some(date))
                .map_or(crate::actions::NOT_RECORDED, |o| o.value.as_str())
        )));
        out.push('\n');
    }
    out
}

/// `tsc action new`.
#[derive(Debug, Clone, Default)]
pub struct NewAction {
    /// The meeting that raises it.
    pub meeting: String,
    /// The agenda item that raises it; `None` only for a meeting that is
    /// not recorded (a stub), whose actions name no item.
    pub item: Option<String>,
    /// A person or organisation ID; `None` only for a meeting that is not
    /// recorded (a legacy action whose owner is not known, W0605).
    pub owner: Option<String>,
    /// The due date.
    pub due: Option<NaiveDate>,
    /// What must be done.
    pub text: String,
}

/// The person or organisation ID `given` names, as the records spell it
/// (letter case aside).
///
/// # Errors
/// An unknown ID, refused with a "did you mean" and the known owners in
/// ID order.
fn known_owner<'a>(index: &Index<'a>, given: &'a str) -> Result<&'a str> {
    let owners = owners_in_order(index);
    require_known(given, owners.iter().copied(), "owner")?;
    Ok(owners
        .iter()
        .find(|o| o.eq_ignore_ascii_case(given))
        .copied()
        .unwrap_or(given))
}

/// `tsc action new`: the meeting's next action (the next `seq` of the
/// action template), in the style of the existing action files.
///
/// # Errors
/// An unknown meeting, item or owner, or an ID that exists already.
pub fn new_action(tree: &Tree, index: &Index<'_>, args: &NewAction) -> Result<Plan> {
    let records = index.records();
    let m = meeting(index, &args.meeting)?;
    let recorded = m.is_recorded(&records.settings);
    match (&args.item, recorded) {
        (Some(item), true) => agenda_item(m, item)?,
        (None, true) => {
            return Err(Error::Refused(format!(
                "give --item, the agenda item of {} that raises the action",
                m.id.value
            )));
        }
        (Some(_), false) => {
            return Err(Error::Refused(format!(
                "meeting {} is not recorded, so it has no agenda items; leave out --item \
                 (an action raised there names none)",
                m.id.value
            )));
        }
        (None, false) => {}
    }
    let owner = match &args.owner {
        Some(given) => Some(known_owner(index, given)?),
        None if recorded => {
            return Err(Error::Refused(format!(
                "give --owner, the person or organisation who must do it (only an action \
                 of a meeting that is not recorded may leave it out); {} is recorded",
                m.id.value
            )));
        }
        None => None,
    };
    let patterns = patterns(records)?;
    refuse_bad_template(tree, records, &patterns, "action")?;
    let raised: Vec<&Located<Action>> = records
        .actions
        .iter()
        .filter(|a| a.record.meeting.value == m.id.value)
        .collect();
    let seq_of = |a: &&Located<Action>| {
        patterns
            .action
            .captures(&a.record.id.value)
            .and_then(|c| c.name("seq")?.as_str().parse::<u32>().ok())
    };
    let mut seq = raised
        .iter()
        .filter_map(seq_of)
        .max()
        .unwrap_or(0)
        .max(u32::try_from(raised.len()).unwrap_or(0))
        + 1;
    let taken = |id: &str| {
        records.actions.iter().any(|a| a.record.id.value == id)
            || records.unread.actions.contains(&file_stem_for(id))
    };
    let template = &records.settings.id_templates.action.value;
    let (date, number) = numbered(m, &patterns, &records.settings)?;
    refuse_shared_number(records, &patterns, m, number)?;
    let mut id = make_id(
        template,
        &Fields::action(number, date, seq),
        &patterns.action,
        "action",
    )?;
    while taken(&id) {
        seq += 1;
        id = make_id(
            template,
            &Fields::action(number, date, seq),
            &patterns.action,
            "action",
        )?;
    }
    // Follow the existing action files: their ID quoting, text style and
    // indentation.
    let sibling = records
        .actions
        .first()
        .and_then(|a| tree.text(&a.file).map(|t| (t, &a.record)));
    let (id_style, layout) = match sibling {
        Some((text, a)) => {
            let written = spans::range(&a.id)
                .ok()
                .and_then(|r| text.get(r))
                .unwrap_or("");
            (edit::scalar::style_of(written, None), Layout::of(text))
        }
        None => (Style::Double, Layout::default()),
    };
    let open = records
        .settings
        .vocabularies
        .first_open_status()
        .map_or("open", Term::id);
    let mut entries = vec![
        ("id".to_owned(), Value::Styled(id.clone(), id_style)),
        ("meeting".to_owned(), Value::text(m.id.value.as_str())),
    ];
    if let Some(item) = &args.item {
        entries.push(("agenda_item".to_owned(), item_value(item)));
    }
    if let Some(owner) = owner {
        entries.push(("owner".to_owned(), Value::text(owner)));
    }
    entries.push((
        "text".to_owned(),
        Value::Styled(args.text.clone(), Style::Folded),
    ));
    if let Some(due) = args.due {
        entries.push(("due".to_owned(), Value::raw(due)));
    }
    entries.push(("status".to_owned(), Value::text(open)));
    let mut text = match &args.item {
        Some(item) => format!(
            "# Action {id}, raised at {} under agenda item {item}.\n",
            m.id.value
        ),
        None => format!(
            "# Action {id}, raised at {} (a meeting that is not recorded).\n",
            m.id.value
        ),
    };
    text.push_str(&edit::render_document(&entries, layout));
    let path = PathBuf::from(Kind::Action.entry()).join(format!("{}.yaml", file_stem_for(&id)));
    let mut transaction = Transaction::default();
    transaction.create(tree, &path, text)?;
    Ok(Plan {
        id,
        transaction,
        warnings: Vec::new(),
    })
}

/// `tsc action update` and `tsc action close`.
#[derive(Debug, Clone, Default)]
pub struct ActionReport {
    /// The action's ID.
    pub id: String,
    /// The meeting where the update was reported.
    pub at: String,
    /// The agenda item of `at` where it was reviewed.
    pub item: Option<String>,
    /// What was reported (for `close`, the status's label when not given).
    pub note: Option<String>,
    /// The status after the update.
    pub status: Option<String>,
    /// A due date set or moved at this update: written as the new
    /// update's `due`, never over the action's own `due`.
    pub due: Option<NaiveDate>,
    /// A person or organisation ID the action is reassigned to at this
    /// update: written as the new update's `owner`, never over the
    /// action's own `owner` (the one given when it was raised).
    pub owner: Option<String>,
}

fn find_action<'r>(index: &Index<'r>, id: &str) -> Result<&'r Located<Action>> {
    let records = index.records();
    let ids = || records.actions.iter().map(|a| a.record.id.value.as_str());
    refuse_unreadable(index, ids(), id)?;
    require_known(id, ids(), "action")?;
    records
        .actions
        .iter()
        .find(|a| a.record.id.value.eq_ignore_ascii_case(id))
        .or_refuse("unknown action")
}

fn status<'r>(records: &'r Records, id: &str) -> Result<&'r Term> {
    let statuses = &records.settings.vocabularies.action_statuses;
    require_known(id, statuses.iter().map(Term::id), "action status")?;
    statuses
        .iter()
        .find(|s| s.id().eq_ignore_ascii_case(id))
        .or_refuse("unknown status")
}

/// `tsc action update`: appends an update reported at `--at` (dated that
/// meeting's day). With `--status`, the action's `status` (and `closed`)
/// change with it, so the two never disagree (rule E0409).
///
/// # Errors
/// An unknown action, meeting, item, status or owner, or no `--note`.
pub fn update_action(tree: &Tree, index: &Index<'_>, args: &ActionReport) -> Result<Plan> {
    let records = index.records();
    let note = args
        .note
        .clone()
        .or_refuse("give what was reported with --note TEXT")?;
    let new_status = args
        .status
        .as_deref()
        .map(|s| status(records, s))
        .transpose()?;
    report_on_action(tree, index, args, note, new_status)
}

/// `tsc action close`: appends a closing update reported at `--at`, and
/// sets the closed status (`--status`, else the first status that is not
/// open) and the closed date, the meeting's day.
///
/// # Errors
/// An unknown action, meeting, item or status, a status that is an open
/// one, or an action that is closed already.
pub fn close_action(tree: &Tree, index: &Index<'_>, args: &ActionReport) -> Result<Plan> {
    let records = index.records();
    let located = find_action(index, &args.id)?;
    let vocab = &records.settings.vocabularies;
    refuse_unless!(
        vocab.is_open_status(&located.record.status.value),
        "action {} is `{}` already (closed {}); it cannot be closed again",
        located.record.id.value,
        located.record.status.value,
        located
            .record
            .closed
            .as_ref()
            .map_or("on an unknown day".to_owned(), |c| c.value.to_string())
    );
    let closed = match &args.status {
        Some(s) => {
            let s = status(records, s)?;
            refuse_unless!(
                !s.means(Meaning::Open),
                "`{}` is an open status; close with one that is not open",
                s.id()
            );
            s
        }
        None => vocab
            .action_statuses
            .iter()
            .find(|s| !s.means(Meaning::Open))
            .or_refuse("tsc.yaml lists no action status that is not open")?,
    };
    let note = args
        .note
        .clone()
        .unwrap_or_else(|| format!("{}.", closed.label));
    report_on_action(tree, index, args, note, Some(closed))
}

fn report_on_action(
    tree: &Tree,
    index: &Index<'_>,
    args: &ActionReport,
    note: String,
    new_status: Option<&Term>,
) -> Result<Plan> {
    let located = find_action(index, &args.id)?;
    let at = meeting(index, &args.at)?;
    if let Some(item) = &args.item {
        agenda_item(at, item)?;
    }
    let action = &located.record;
    let (date, _) = held(at)?;
    let (src, path) = source(tree, &located.file)?;
    let mut update = vec![
        ("date".to_owned(), Value::raw(date)),
        ("meeting".to_owned(), Value::text(at.id.value.as_str())),
    ];
    if let Some(item) = &args.item {
        update.push(("agenda_item".to_owned(), item_value(item)));
    }
    if let Some(s) = new_status {
        update.push(("status".to_owned(), Value::text(s.id())));
    }
    // A new due date is history too: the update carries it, and the
    // action's own `due` (the one given when it was raised) is kept, so
    // the minutes of earlier meetings still show the date they set.
    if let Some(due) = args.due {
        update.push(("due".to_owned(), Value::raw(due)));
    }
    // So is a new owner: the minutes of the meeting that raised the
    // action still name the owner it was given there.
    if let Some(owner) = &args.owner {
        let owner = known_owner(index, owner)?;
        update.push(("owner".to_owned(), Value::text(owner)));
    }
    update.push(("note".to_owned(), Value::Text(note)));
    let update = Value::Map(update);
    let status_at = spans::range(&action.status)?;
    let mut edits = Vec::new();
    if let Some(s) = new_status {
        if s.id() != action.status.value {
            edits.push(edit::replace_scalar(src, status_at.clone(), s.id()));
        }
        match (&action.closed, s.means(Meaning::Open)) {
            (Some(c), false) => edits.push(edit::replace_scalar(
                src,
                spans::range(c)?,
                &date.to_string(),
            )),
            // `closed: ~` as written is set, not given a twin.
            (None, false) => edits.push(
                edit::set_null_top(src, "closed", &date.to_string()).unwrap_or_else(|| {
                    edit::insert_after(src, status_at.start, "closed", &Value::raw(date))
                }),
            ),
            (Some(c), true) => edits.push(edit::remove_entry(src, spans::start(c)?)),
            (None, true) => {}
        }
    }
    match action.updates.last() {
        Some(last) => edits.push(
            edit::append_item(src, spans::start(&last.date)?, &update)
                .map_err(refused_in(tree, &path))?,
        ),
        // `updates: []` as written is filled in place, not given a twin.
        None => match edit::fill_empty_list(src, "updates", std::slice::from_ref(&update)) {
            Some(filled) => edits.extend(filled),
            None => {
                let keep_closed = new_status.is_none_or(|s| !s.means(Meaning::Open));
                let anchor = match &action.closed {
                    Some(c) if keep_closed => spans::start(c)?,
                    _ => status_at.start,
                };
                edits.push(edit::insert_after(
                    src,
                    anchor,
                    "updates",
                    &Value::List(vec![update]),
                ));
            }
        },
    }
    let mut transaction = Transaction::default();
    transaction.edit(tree, &path, &edits)?;
    Ok(Plan {
        id: action.id.value.to_string(),
        transaction,
        warnings: Vec::new(),
    })
}

/// `tsc person add`.
#[derive(Debug, Clone, Default)]
pub struct NewPerson {
    /// The name as the minutes write it.
    pub name: String,
    /// The ID, else made from the name.
    pub id: Option<String>,
    /// An organisation ID.
    pub organisation: Option<String>,
}

/// The ID made from a name: lower case, accents dropped, every run of
/// other characters one `-` (`Hélène O'Brien` is `helene-o-brien`).
pub(crate) fn person_id(name: &str) -> String {
    let plain: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    let mut id = String::new();
    for c in plain.chars() {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// The form two IDs share when they look alike: the UTS #39 skeleton of
/// the lower-cased ID ([`crate::unicode::skeleton`]).
fn skeleton(id: &str) -> String {
    crate::unicode::skeleton(&id.to_lowercase())
}

/// `tsc person add`: appends a person to `people.yaml`.
///
/// # Errors
/// An unknown organisation, an ID that is taken (by a person or an
/// organisation, whatever its case) or confusable with one that is, or a
/// name that gives no ID.
pub fn add_person(tree: &Tree, index: &Index<'_>, args: &NewPerson) -> Result<Plan> {
    let records = index.records();
    let id = args.id.clone().unwrap_or_else(|| person_id(&args.name));
    refuse_unless!(
        !id.is_empty(),
        "`{}` gives no ID; give one with --id",
        args.name
    );
    refuse_unless_free(index, &id)?;
    let organisation = match &args.organisation {
        Some(o) => {
            let ids = records
                .organisations
                .iter()
                .map(|x| x.record.id.value.as_str());
            require_known(o, ids.clone(), "organisation")?;
            Some(
                ids.clone()
                    .find(|x| x.eq_ignore_ascii_case(o))
                    .unwrap_or(o)
                    .to_owned(),
            )
        }
        None => None,
    };
    let mut entries = vec![
        ("id".to_owned(), Value::text(&id)),
        ("name".to_owned(), Value::text(&args.name)),
    ];
    if let Some(o) = organisation {
        entries.push(("organisation".to_owned(), Value::Text(o)));
    }
    let last = records.people.last().map(|p| (&p.file, &p.record.id));
    append_to_list(tree, Kind::People, last, Value::Map(entries), id)
}

/// `tsc organisation add`.
#[derive(Debug, Clone, Default)]
pub struct NewOrganisation {
    /// The name as the minutes write it.
    pub name: String,
    /// The ID the records use (`DCC`); the minutes show it where it is
    /// not the name.
    pub id: String,
    /// What the organisation is, for readers of the records.
    pub description: Option<String>,
}

/// `tsc organisation add`: appends an organisation to
/// `organisations.yaml`, as [`add_person`] appends a person.
///
/// # Errors
/// An empty ID, or one that is taken (by a person or an organisation,
/// whatever its case) or confusable with one that is.
pub fn add_organisation(tree: &Tree, index: &Index<'_>, args: &NewOrganisation) -> Result<Plan> {
    let id = args.id.trim().to_owned();
    refuse_unless!(!id.is_empty(), "give the organisation an ID with --id");
    refuse_unless_free(index, &id)?;
    let mut entries = vec![
        ("id".to_owned(), Value::text(&id)),
        ("name".to_owned(), Value::text(&args.name)),
    ];
    if let Some(d) = &args.description {
        entries.push(("description".to_owned(), Value::text(d)));
    }
    let last = index
        .records()
        .organisations
        .last()
        .map(|o| (&o.file, &o.record.id));
    append_to_list(tree, Kind::Organisations, last, Value::Map(entries), id)
}

/// Refuses an owner ID that a person or organisation has, whatever its
/// case, or that looks like one of theirs.
fn refuse_unless_free(index: &Index<'_>, id: &str) -> Result<()> {
    let owners = owners_in_order(index);
    if let Some(taken) = owners.iter().copied().find(|o| o.eq_ignore_ascii_case(id)) {
        let by = match (index.person(taken), index.organisation(taken)) {
            (Some(p), _) => format!("{} (`{taken}`, in people.yaml)", p.name.value),
            (None, Some(o)) => format!("the organisation {} (`{taken}`)", o.name.value),
            (None, None) => format!("`{taken}`"),
        };
        refuse!("the ID `{id}` is taken by {by}; give another with --id");
    }
    if let Some(like) = owners.iter().find(|o| skeleton(o) == skeleton(id)) {
        refuse!("the ID `{id}` looks like `{like}`, which exists; give another with --id");
    }
    Ok(())
}

/// Appends `entry` to the list of `kind`'s file (`people.yaml` or
/// `organisations.yaml`): after `last`, the file and ID of its last entry
/// when it has one; else into its `people: []` (or `organisations: []`),
/// as a new committee starts; else into a new file.
fn append_to_list(
    tree: &Tree,
    kind: Kind,
    last: Option<(&PathBuf, &crate::source::Spanned<crate::model::Token>)>,
    entry: Value,
    id: String,
) -> Result<Plan> {
    let (key, noun, none) = match kind {
        Kind::Organisations => ("organisations", "organisation", "no organisation"),
        _ => ("people", "person", "nobody"),
    };
    let mut transaction = Transaction::default();
    match last {
        Some((file, last_id)) => {
            let (src, path) = source(tree, file)?;
            let edit = edit::append_item(src, spans::start(last_id)?, &entry)
                .map_err(refused_in(tree, &path))?;
            transaction.edit(tree, &path, &[edit])?;
        }
        None => {
            let path = PathBuf::from(kind.entry());
            if let Some(src) = tree.text(&path) {
                // `people: []`, as a new committee starts, is filled in
                // place; a file that did not load is left to the user.
                let filled = edit::fill_empty_list(src, key, std::slice::from_ref(&entry));
                let filled = filled.or_refuse_with(|| {
                    format!(
                        "{} lists {none} and has no `{key}: []` to fill, or could not be \
                         read; run `tsc validate`, or add the first {noun} by hand",
                        kind.entry()
                    )
                })?;
                transaction.edit(tree, &path, &filled)?;
            } else {
                // There, but not read as a record file (a link, a
                // folder): `tsc validate` says why.
                refuse_unless!(
                    std::fs::symlink_metadata(tree.root.join(&path)).is_err(),
                    "{} could not be read as a record file; `tsc validate` says why; nothing was \
                     written",
                    kind.entry()
                );
                let text = edit::render_document(
                    &[(key.to_owned(), Value::List(vec![entry]))],
                    Layout::default(),
                );
                transaction.create(tree, &path, text)?;
            }
        }
    }
    Ok(Plan {
        id,
        transaction,
        warnings: Vec::new(),
    })
}

/// A warning of a [`Plan`]: one line, and what to undo when the write
/// was made and was not meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What may not be what was meant.
    pub text: String,
    /// How to undo the write if so ("remove FILE and run again with the
    /// right --date"); said only when the files were written.
    pub undo: String,
    /// What to do instead when nothing was written (`--dry-run`).
    pub instead: String,
}

impl Warning {
    /// The warning's line, for a write that was made (`written`) or not.
    pub fn line(&self, written: bool) -> String {
        let next = if written { &self.undo } else { &self.instead };
        format!("{}, {next}", self.text)
    }
}

/// `tsc assess`.
#[derive(Debug, Clone, Default)]
pub struct NewAssessment {
    /// The proposal's ID.
    pub proposal: String,
    /// The meeting that assessed it.
    pub at: String,
    /// The agenda item where it was assessed.
    pub item: String,
    /// The interest level.
    pub interest: String,
    /// Notes.
    pub note: Option<String>,
    /// Concerns, one each.
    pub concerns: Vec<String>,
    /// Technical impact, else the previous assessment's.
    pub technical: Option<bool>,
    /// Business impact, else the previous assessment's.
    pub business: Option<bool>,
    /// EC notification, else the previous assessment's.
    pub ec_notification: Option<String>,
}

/// `tsc assess`: adds an assessment to an agenda item of a meeting, with
/// the impact and EC notification of the proposal's previous assessment
/// unless given.
///
/// # Errors
/// An unknown proposal, meeting, item, level or EC notification value, or
/// a proposal already assessed at that meeting.
pub fn assess(tree: &Tree, index: &Index<'_>, args: &NewAssessment) -> Result<Plan> {
    let records = index.records();
    let ids = records
        .modifications
        .iter()
        .map(|m| m.record.id.value.as_str());
    require_known(&args.proposal, ids.clone(), "modification proposal")?;
    let proposal = ids
        .clone()
        .find(|m| m.eq_ignore_ascii_case(&args.proposal))
        .unwrap_or(&args.proposal);
    let at = meeting(index, &args.at)?;
    agenda_item(at, &args.item)?;
    let vocab = &records.settings.vocabularies;
    require_known(
        &args.interest,
        vocab.interest_levels.iter().map(Term::id),
        "interest level",
    )?;
    if let Some(ec) = &args.ec_notification {
        require_known(
            ec,
            vocab.ec_notification.iter().map(Term::id),
            "EC notification value",
        )?;
    }
    let history = index.assessments_of(proposal);
    refuse_unless!(
        !history.iter().any(|a| a.meeting.id.value == at.id.value),
        "{proposal} is already assessed at {}; edit that assessment instead",
        at.id.value
    );
    // The latest assessment before this meeting (the history is in date
    // order).
    let previous = history
        .iter()
        .rev()
        .find(|a| a.meeting.known_date() <= at.known_date())
        .map(|a| a.assessment);
    let mut impact = Vec::new();
    let old = previous.as_ref().map(|p| &p.impact);
    let technical = args
        .technical
        .or(old.and_then(|i| i.technical.as_ref().map(|v| v.value)));
    let business = args
        .business
        .or(old.and_then(|i| i.business.as_ref().map(|v| v.value)));
    if let Some(t) = technical {
        impact.push(("technical".to_owned(), Value::raw(t)));
        if let Some(n) = old
            .and_then(|i| i.technical_note.as_ref().map(Text::to_string))
            .filter(|_| args.technical.is_none())
        {
            impact.push(("technical_note".to_owned(), Value::Text(n)));
        }
    }
    if let Some(b) = business {
        impact.push(("business".to_owned(), Value::raw(b)));
        if let Some(n) = old
            .and_then(|i| i.business_note.as_ref().map(Text::to_string))
            .filter(|_| args.business.is_none())
        {
            impact.push(("business_note".to_owned(), Value::Text(n)));
        }
    }
    let ec = args.ec_notification.clone().or_else(|| {
        previous
            .as_ref()
            .and_then(|p| p.ec_notification.as_ref().map(|e| e.value.to_string()))
    });
    let mut row = vec![("modification".to_owned(), Value::text(proposal))];
    if !impact.is_empty() {
        row.push(("impact".to_owned(), Value::Map(impact)));
    }
    if let Some(ec) = ec {
        row.push(("ec_notification".to_owned(), Value::Text(ec)));
    }
    if let Some(n) = &args.note {
        row.push(("notes".to_owned(), Value::text(n)));
    }
    if !args.concerns.is_empty() {
        row.push((
            "concerns".to_owned(),
            Value::List(args.concerns.iter().map(Value::text).collect()),
        ));
    }
    let level = vocab
        .interest_levels
        .iter()
        .find(|t| t.id().eq_ignore_ascii_case(&args.interest))
        .map_or(args.interest.as_str(), Term::id);
    row.push(("interest".to_owned(), Value::text(level)));
    let row = Value::Map(row);
    let located = records
        .meetings
        .iter()
        .find(|m| m.record.id.value == at.id.value)
        .or_refuse("meeting not loaded")?;
    let (src, path) = source(tree, &located.file)?;
    let item = at
        .agenda
        .iter()
        .find(|i| i.number.value.as_str() == args.item.as_str())
        .or_refuse("no such item")?;
    let edit = match item.assessments.last() {
        Some(last) => edit::append_item(src, spans::start(&last.modification)?, &row),
        None => edit::add_to_item(
            src,
            spans::start(&item.number)?,
            "assessments",
            &Value::List(vec![row]),
        ),
    }
    .map_err(refused_in(tree, &path))?;
    let mut transaction = Transaction::default();
    transaction.edit(tree, &path, &[edit])?;
    Ok(Plan {
        id: format!("{proposal}@{}", at.id.value),
        transaction,
        warnings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_ids_are_lower_case_kebab_without_accents() {
        assert_eq!(person_id("Helen Marsh"), "helen-marsh");
        assert_eq!(person_id("Hélène O'Brien"), "helene-o-brien");
        assert_eq!(person_id("  Joana  Esgalhado "), "joana-esgalhado");
        assert_eq!(person_id("!!"), "");
    }

    #[test]
    fn look_alike_ids_share_a_skeleton() {
        assert_eq!(skeleton("julian-hughеs"), skeleton("julian-hughes"));
        assert_ne!(skeleton("julian-hughes"), skeleton("julian-hugh"));
    }
}
