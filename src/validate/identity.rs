//! IDs: defined once, usable as file names, matching their file name and
//! the patterns in `tsc.yaml`, and agreeing with the record's own fields.

use std::collections::HashMap;
use std::path::Path;

use crate::model::Token;
use crate::source::Spanned;
use chrono::Datelike;

use super::Checker;
use crate::finding::{Code, Finding};
use crate::ids;
use crate::load::Located;
use crate::model::{Action, Meeting};
use crate::settings::CompiledPatterns;

/// Reports every definition of a key after the first (as the index keeps
/// them, `definitions(key)`) as a duplicate, with a second label at the
/// first.
fn duplicates<'a, T, K, V: 'a>(
    sink: &mut super::Sink,
    what: &str,
    records: &'a [Located<T>],
    key: impl Fn(&'a T) -> (K, &'a Spanned<V>),
    definitions: impl Fn(K) -> &'a [&'a Located<T>],
) where
    K: std::fmt::Display + Copy,
{
    for located in records {
        let (k, value) = key(&located.record);
        let Some(first) = definitions(k).first() else {
            continue;
        };
        if std::ptr::eq(*first, located) {
            continue;
        }
        let (_, first_value) = key(&first.record);
        sink.push(
            Finding::at_value(
                Code::DuplicateId,
                &located.file,
                value,
                format!("{what} `{k}` is defined more than once"),
            )
            .with_related_value(&first.file, first_value, "first defined here")
            .with_help(format!(
                "it is also defined in {}; keep one definition and rename or remove the other",
                crate::escape::path(&first.file)
            )),
        );
    }
}

impl Checker<'_> {
    /// Reports every ID defined more than once (E0201).
    pub(super) fn check_duplicate_ids(&mut self) {
        let r = self.records;
        let f = &mut self.sink;
        let defs = self.index.definitions();
        duplicates(
            f,
            "person",
            &r.people,
            |p| (p.id.value.as_str(), &p.id),
            |k| defs.person(k),
        );
        duplicates(
            f,
            "organisation",
            &r.organisations,
            |o| (o.id.value.as_str(), &o.id),
            |k| defs.organisation(k),
        );
        for o in &r.organisations {
            let id = o.record.id.value.as_str();
            if let Some(person) = self.index.located_person(id) {
                f.push(
                    Finding::at_value(
                        Code::DuplicateId,
                        &o.file,
                        &o.record.id,
                        format!("`{id}` is both an organisation and a person, so an owner `{id}` is ambiguous"),
                    )
                    .with_related_value(&person.file, &person.record.id, "the person")
                    .with_help(format!("rename the person in {} or the organisation", crate::escape::path(&person.file))),
                );
            }
        }
        // Owners are looked up without regard to case (`--owner secas`,
        // `tsc show secas`), so IDs may not differ only in case.
        let owners = r
            .people
            .iter()
            .map(|p| (&p.file, &p.record.id))
            .chain(r.organisations.iter().map(|o| (&o.file, &o.record.id)));
        let mut folded: HashMap<String, (&std::path::PathBuf, &Spanned<Token>)> = HashMap::new();
        for (file, id) in owners {
            match folded.get(&id.value.as_str().to_lowercase()) {
                Some((first_file, first)) if first.value != id.value => f.push(
                    Finding::at_value(
                        Code::DuplicateId,
                        file,
                        id,
                        format!("`{}` differs from `{}` only in case", id.value, first.value),
                    )
                    .with_related_value(first_file, first, "defined here")
                    .with_help("people and organisations are found without regard to case; rename one of them"),
                ),
                Some(_) => {}
                None => {
                    folded.insert(id.value.as_str().to_lowercase(), (file, id));
                }
            }
        }
        duplicates(
            f,
            "meeting",
            &r.meetings,
            |m| (m.id.value.as_str(), &m.id),
            |k| defs.meeting(k),
        );
        duplicates(
            f,
            "modification proposal",
            &r.modifications,
            |m| (m.id.value.as_str(), &m.id),
            |k| defs.modification(k),
        );
        duplicates(
            f,
            "principle",
            &r.principles,
            |p| (p.number.value, &p.number),
            |k| defs.principle(k),
        );
        duplicates(
            f,
            "action",
            &r.actions,
            |a| (a.id.value.as_str(), &a.id),
            |k| defs.action(k),
        );
    }

    /// Checks that a per-file record's `id` matches its file name and the
    /// ID pattern, and returns the pattern's captures of the ID (`None`
    /// when it does not match or the patterns did not compile), so that
    /// the rules reading the ID's numbers match it only once.
    pub(super) fn check_file_id<'v>(
        &mut self,
        file: &Path,
        id: &'v Spanned<Token>,
        pattern: &dyn Fn(&CompiledPatterns) -> &regex_lite::Regex,
        kind: &str,
    ) -> Option<regex_lite::Captures<'v>> {
        let value = id.value.as_str();
        // The compiled pattern is borrowed, never cloned: a cloned regex
        // starts with an empty matching cache, which cost 5 % of `validate`.
        let (captures, mismatch) = match self.patterns.as_ref().map(pattern) {
            Some(re) => {
                let captures = re.captures(value);
                let mismatch = captures.is_none().then(|| re.as_str().to_owned());
                (captures, mismatch)
            }
            None => (None, None),
        };
        if !ids::is_safe_for_file_name(value) {
            self.push(
                Finding::at_value(Code::IdPattern, file, id, format!("{kind} ID `{value}` cannot be used as a file name"))
                    .with_help("IDs may not be empty, start with `.`, or contain `..`, `\\` or control characters"),
            );
            return captures;
        }
        // The stem is only built into a String when it differs (a stem
        // that is not UTF-8 is compared as written out, as before).
        let stem = file.file_stem().unwrap_or_default();
        let same = match stem.to_str() {
            Some(stem) => ids::is_file_stem_for(stem, value),
            None => stem.to_string_lossy() == ids::file_stem_for(value),
        };
        if !same {
            let expected = ids::file_stem_for(value);
            let stem = stem.to_string_lossy();
            let shown = crate::escape::path(Path::new(&*stem));
            self.push(
                Finding::at_value(
                    Code::IdFileMismatch,
                    file,
                    id,
                    format!("{kind} ID `{value}` does not match the file name `{shown}`"),
                )
                .with_help(format!(
                    "rename the file to `{expected}.yaml`, or correct the `id`"
                )),
            );
        }
        if let Some(pattern) = mismatch {
            self.push(
                Finding::at_value(
                    Code::IdPattern,
                    file,
                    id,
                    format!("{kind} ID `{value}` does not match the pattern `{pattern}`"),
                )
                .with_help("correct the ID, or change `id_patterns` in tsc.yaml"),
            );
        }
        captures
    }

    /// A meeting ID's `number`, `yy` and `mm` captures (`caps`, from
    /// [`Checker::check_file_id`]) must agree with the meeting's `number`
    /// and `date` (TSC_07_1606: meeting 7, June 2016).
    pub(super) fn check_meeting_id_agrees(
        &mut self,
        file: &Path,
        meeting: &Meeting,
        caps: Option<&regex_lite::Captures<'_>>,
    ) {
        let Some(caps) = caps else {
            return;
        };
        let capture = |name: &str| number_of(caps, name);
        let id = &meeting.id.value;
        let mut disagreements = Vec::new();
        if let Some(n) = capture("number")
            && let Some(number) = &meeting.number
            && n != number.value
        {
            disagreements.push((
                format!(
                    "meeting ID `{id}` says meeting {n}, but `number` is {}",
                    number.value
                ),
                number.span,
                "the meeting's number",
            ));
        }
        // Without a date (a stub), the ID's month is all that is known.
        if let Some(date) = &meeting.date {
            let day = date.value;
            let yy_differs =
                capture("yy").is_some_and(|yy| yy != day.year().rem_euclid(100) as u32);
            let mm_differs = capture("mm").is_some_and(|mm| mm != day.month());
            if yy_differs || mm_differs {
                disagreements.push((
                    format!("meeting ID `{id}` does not agree with the meeting's date {day}"),
                    date.span,
                    "the meeting's date",
                ));
            }
        }
        if disagreements.is_empty() {
            return;
        }
        // Actions numbered after the ID agree with it and not with
        // `number`: the cause is reported once, here, with a note. (Only
        // counted when there is a disagreement: matching every action's ID
        // again costs a twelfth of a warm `validate`.)
        let id_number = capture("number");
        let followers = self
            .index
            .actions_raised_at(id)
            .iter()
            .filter(|a| id_number.is_some() && self.action_meeting_number(a) == id_number)
            .count();
        for (i, (message, related_span, label)) in disagreements.into_iter().enumerate() {
            let related = Spanned {
                value: (),
                span: related_span,
            };
            let mut help = "correct the ID (and rename the file), or the number or date".to_owned();
            if i == 0 && followers > 0 && id_number != meeting.number.as_ref().map(|n| n.value) {
                let n = id_number.unwrap_or_default();
                help.push_str(&format!(
                    "; {followers} action{} raised at this meeting {} numbered after meeting {n}, \
                     as the ID says, and {} not reported separately",
                    if followers == 1 { "" } else { "s" },
                    if followers == 1 { "is" } else { "are" },
                    if followers == 1 { "is" } else { "are" },
                ));
            }
            self.push(
                Finding::at_value(Code::MeetingIdMismatch, file, &meeting.id, message)
                    .with_related_value(file, &related, label)
                    .with_help(help),
            );
        }
    }

    /// The meeting number an action's ID names (its `meeting` capture).
    fn action_meeting_number(&self, action: &Action) -> Option<u32> {
        self.patterns
            .as_ref()
            .and_then(|p| p.action.captures(&action.id.value))
            .and_then(|c| number_of(&c, "meeting"))
    }

    /// An action ID's `meeting` capture (`named`: the number in the
    /// captures [`Checker::check_file_id`] gave) must be the number of the
    /// meeting that raised it (TSC07/01 is raised at meeting 7).
    pub(super) fn check_action_id_agrees(
        &mut self,
        file: &Path,
        action: &Action,
        named: Option<u32>,
        meeting: &Meeting,
    ) {
        let Some(number) = meeting.number.as_ref().map(|n| n.value) else {
            return;
        };
        let Some(n) = named else {
            return;
        };
        if n == number {
            return;
        }
        // The action agrees with its meeting's ID, and the ID disagrees
        // with the meeting's `number`: that is one E0204 on the meeting.
        // (The meeting's ID is matched only here, when the numbers differ:
        // for every action it cost a twelfth of a warm `validate`.)
        let vocabularies = &self.records.settings.vocabularies;
        let kind = meeting.kind.as_ref().map(|k| k.value.as_str());
        let meeting_id_number = self
            .patterns
            .as_ref()
            .and_then(|p| p.meeting_of(vocabularies, kind).captures(&meeting.id.value))
            .and_then(|c| number_of(&c, "number"));
        if meeting_id_number != Some(n) {
            self.push(
                Finding::at_value(
                    Code::ActionIdMismatch,
                    file,
                    &action.id,
                    format!(
                        "action ID `{}` belongs to meeting {n}, but it was raised at {} (meeting {})",
                        action.id.value, meeting.id.value, number
                    ),
                )
                .with_related_value(file, &action.meeting, "the meeting that raised it")
                .with_help("number the action after the meeting that raised it, or correct `meeting`"),
            );
        }
    }
}

/// The number the group `name` of `caps` holds, when it holds one.
pub(super) fn number_of(caps: &regex_lite::Captures<'_>, name: &str) -> Option<u32> {
    caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok())
}
