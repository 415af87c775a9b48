//! Unicode rules for IDs and one-line fields: IDs in NFC (E0206), no
//! bidirectional controls, invisible format characters or control
//! characters such as ESC (E0207), and no
//! two IDs that look the same (E0208, the UTS #39 skeleton).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::model::{AgendaItem, Attendance, Token};
use crate::source::Spanned;

use super::Checker;
use crate::finding::{Code, Finding};
use crate::unicode::{
    describe, first_control, first_invisible, is_format, is_normalized, is_printable_ascii,
    is_separator_line_break, look_alike_difference, skeleton,
};

/// A defined ID: its kind (for messages), file and spanned value.
type Defined<'r> = (&'static str, &'r PathBuf, &'r Spanned<Token>);

impl<'r> Checker<'r> {
    /// Runs the Unicode rules on every ID and one-line field.
    pub(super) fn check_unicode(&mut self) {
        let r = self.records;
        let owners: Vec<Defined<'r>> = r
            .people
            .iter()
            .map(|p| ("person", &p.file, &p.record.id))
            .chain(
                r.organisations
                    .iter()
                    .map(|o| ("organisation", &o.file, &o.record.id)),
            )
            .collect();
        let meetings: Vec<Defined<'r>> = r
            .meetings
            .iter()
            .map(|m| ("meeting", &m.file, &m.record.id))
            .collect();
        let actions: Vec<Defined<'r>> = r
            .actions
            .iter()
            .map(|a| ("action", &a.file, &a.record.id))
            .collect();
        let modifications: Vec<Defined<'r>> = r
            .modifications
            .iter()
            .map(|m| ("modification proposal", &m.file, &m.record.id))
            .collect();
        for group in [&owners, &meetings, &actions, &modifications] {
            for (kind, file, id) in group {
                self.check_id_text(kind, file, id);
            }
            self.check_confusables(group);
        }
        self.check_one_line_fields();
    }

    fn check_id_text(&mut self, kind: &str, file: &Path, id: &Spanned<Token>) {
        let value = id.value.as_str();
        if !is_normalized(value) {
            let nfc: String = unicode_normalization::UnicodeNormalization::nfc(value).collect();
            self.push(
                Finding::at_value(
                    Code::IdNotNfc,
                    file,
                    id,
                    format!("{kind} ID `{value}` is not in Unicode Normalization Form C"),
                )
                .with_help(format!(
                    "write it as `{nfc}` (NFC); {}",
                    look_alike_difference(value, &nfc).unwrap_or_default()
                )),
            );
        }
        let what = || format!("{kind} ID `{value}`");
        self.invisible(file, what, value, id);
        self.white_space(file, what, value, id);
    }

    /// Reports an ID (or a reference to one) described by `what` that
    /// holds white space of any kind: a no-break space (U+00A0) or another
    /// space separator looks like a space, or like nothing at the end.
    fn white_space<T>(
        &mut self,
        file: &Path,
        what: impl FnOnce() -> String,
        text: &str,
        place: &Spanned<T>,
    ) {
        // In ASCII a character is a byte (an ID or owner is almost always
        // ASCII).
        let found = if text.is_ascii() {
            let at = text.bytes().position(|b| char::from(b).is_whitespace());
            at.map(|i| (i, char::from(text.as_bytes()[i])))
        } else {
            text.chars().enumerate().find(|(_, c)| c.is_whitespace())
        };
        let help = "delete it: IDs hold no white space of any kind (a no-break space \
                    looks like a space, or like nothing at the end)";
        let found = found.map(|(i, c)| (i + 1, c));
        self.character(file, what, place, found, "white space character", help);
    }

    /// Reports `text` (the field described by `what`, found at `place`)
    /// when it holds an invisible format character. `what` is only
    /// written out when there is something to report.
    fn invisible<T>(
        &mut self,
        file: &Path,
        what: impl FnOnce() -> String,
        text: &str,
        place: &Spanned<T>,
    ) {
        if is_printable_ascii(text) {
            return;
        }
        // The first of an invisible format character and a control
        // character (ESC, a line break, NEL: not one line of text, and ESC
        // starts a terminal's escape sequences).
        let format = first_invisible(text);
        let control = first_control(text);
        let (found, noun, help) = match (format, control) {
            (_, Some(c)) if format.is_none_or(|f| c.0 < f.0) => (
                control,
                if is_separator_line_break(c.1) {
                    "line break"
                } else {
                    "control character"
                },
                "delete it: control characters (escape, line breaks, C1 controls) are not \
                 one line of text, and make different text look the same",
            ),
            (_, _) if format.is_some_and(|(_, c)| !is_format(c)) => (
                format,
                "invisible character",
                "delete it: it draws nothing (a filler or a blank pattern), so \
                 different text looks the same",
            ),
            _ => (
                format,
                "invisible character",
                "delete it: bidirectional controls and invisible format characters \
                 make different text look the same",
            ),
        };
        self.character(file, what, place, found, noun, help);
    }

    /// The E0207 finding for the character `found` (at a 1-based
    /// character column), named `noun`, in the field `what`.
    fn character<T>(
        &mut self,
        file: &Path,
        what: impl FnOnce() -> String,
        place: &Spanned<T>,
        found: Option<(usize, char)>,
        noun: &str,
        help: &str,
    ) {
        if let Some((column, c)) = found {
            let what = what();
            self.push(
                Finding::at_value(
                    Code::InvisibleCharacter,
                    file,
                    place,
                    format!(
                        "{what} holds the {noun} {} at character {column}",
                        describe(c)
                    ),
                )
                .with_help(help),
            );
        }
    }

    fn check_confusables(&mut self, ids: &[Defined<'r>]) {
        let mut seen: HashMap<String, Defined<'r>> = HashMap::with_capacity(ids.len());
        for &(kind, file, id) in ids {
            let key = skeleton(&id.value);
            match seen.get(&key) {
                Some(&(first_kind, first_file, first)) if first.value != id.value => {
                    let difference = look_alike_difference(&id.value, &first.value)
                        .unwrap_or_else(|| "differs".to_owned());
                    self.push(
                        Finding::at_value(
                            Code::ConfusableId,
                            file,
                            id,
                            format!(
                                "{kind} ID `{}` looks the same as {first_kind} ID `{}`; it {difference}",
                                id.value, first.value
                            ),
                        )
                        .with_related_value(first_file, first, "the look-alike")
                        .with_help(format!(
                            "rename one of them (`{}` is defined in {}); IDs that look alike cannot be told apart",
                            first.value,
                            crate::escape::path(first_file)
                        )),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (kind, file, id));
                }
            }
        }
    }

    /// Names, titles and the spanned references that are one line of text.
    fn check_one_line_fields(&mut self) {
        let r = self.records;
        for p in &r.people {
            let what = || format!("the name of person `{}`", p.record.id.value);
            self.invisible(&p.file, what, &p.record.name.value, &p.record.name);
        }
        for o in &r.organisations {
            let what = || format!("the name of organisation `{}`", o.record.id.value);
            self.invisible(&o.file, what, &o.record.name.value, &o.record.name);
        }
        for m in &r.modifications {
            let what = || format!("the title of `{}`", m.record.id.value);
            if let Some(title) = &m.record.title {
                self.invisible(&m.file, what, &title.value.get(), title);
            }
            if let Some(group) = &m.record.working_group {
                let what = || format!("the working group of `{}`", m.record.id.value);
                self.invisible(&m.file, what, group, &m.record.id);
            }
        }
        for a in &r.actions {
            let updates = a.record.updates.iter().filter_map(|u| u.owner.as_ref());
            for owner in a.record.owner.iter().chain(updates) {
                let what = || format!("owner `{}`", owner.value);
                self.invisible(&a.file, what, &owner.value, owner);
                self.white_space(&a.file, what, &owner.value, owner);
            }
        }
        for m in &r.meetings {
            let meeting = &m.record;
            let people = meeting.attendees.iter().chain(&meeting.apologies);
            let references = people.flat_map(|a| {
                [
                    Some(&a.person),
                    a.representing.as_ref(),
                    a.organisation.as_deref(),
                    a.alternate_for.as_deref(),
                ]
            });
            let presenters = meeting.agenda.iter().map(|i| i.presented_by.as_ref());
            for value in references.chain(presenters).flatten() {
                let what = || format!("`{}`", value.value);
                self.invisible(&m.file, what, &value.value, value);
            }
            for a in meeting.attendees.iter().chain(&meeting.apologies) {
                self.check_attendance_labels(&m.file, a);
            }
            let labels = [("title", &meeting.title), ("location", &meeting.location)];
            for (field, text) in labels {
                if let Some(text) = text {
                    let what = || format!("the {field} of meeting `{}`", meeting.id.value);
                    self.invisible(&m.file, what, &text.get(), &meeting.id);
                }
            }
            for item in &meeting.agenda {
                self.check_item_labels(&m.file, item);
            }
        }
    }

    /// An attendance line's initials (at their own place), capacity and
    /// name as written (at the person's ID, as they keep no place).
    fn check_attendance_labels(&mut self, file: &Path, a: &Attendance) {
        let person = &a.person.value;
        if let Some(initials) = &a.initials {
            let what = || format!("the initials of `{person}`");
            self.invisible(file, what, &initials.value, initials);
        }
        let labels = [
            ("capacity", &a.capacity),
            ("name as written", &a.name_as_written),
        ];
        for (field, text) in labels {
            if let Some(text) = text {
                let what = || format!("the {field} of `{person}`");
                self.invisible(file, what, text, &a.person);
            }
        }
    }

    /// An agenda item's title, its papers' titles and attachments and its
    /// external references' titles, at the item's number (titles keep
    /// no place of their own).
    fn check_item_labels(&mut self, file: &Path, item: &AgendaItem) {
        let number = &item.number;
        let what = || format!("the title of agenda item {}", number.value);
        self.invisible(file, what, &item.title.get(), number);
        for paper in &item.papers {
            let what = || format!("a paper's title in agenda item {}", number.value);
            self.invisible(file, what, &paper.title.get(), number);
            for attachment in &paper.attachments {
                let what = || format!("an attachment in agenda item {}", number.value);
                self.invisible(file, what, attachment, number);
            }
        }
        for reference in &item.external_references {
            let what = || {
                format!(
                    "an external reference's title in agenda item {}",
                    number.value
                )
            };
            self.invisible(file, what, &reference.title.get(), number);
        }
    }
}
