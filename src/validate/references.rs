//! References that must resolve: people, organisations, owners and
//! presenters, meetings, modification proposals and principles. Each
//! unresolved reference gets "did you mean `X`?" when a known ID is close.

use std::path::Path;

use crate::kind::Kind;
use crate::model::Token;
use crate::source::Spanned;
use chrono::NaiveDate;

use super::Checker;
use crate::finding::{Code, Finding};
use crate::ids::file_stem_for;
use crate::settings::{Meaning, Vocabularies};

impl Checker<'_> {
    /// Reports an unresolved reference with a "did you mean" hint (for the
    /// first [`super::SUGGESTION_BUDGET`] of them).
    fn unresolved<'a>(
        &mut self,
        code: Code,
        file: &Path,
        value: &Spanned<Token>,
        what: &str,
        known: impl Iterator<Item = &'a str>,
        defined_in: &str,
    ) {
        let v = value.value.as_str();
        let best = self.sink.suggest(v, known);
        let help = match best {
            Some(best) => crate::suggest::did_you_mean(v, best),
            None => format!("add `{v}` to {defined_in}, or correct the reference"),
        };
        self.push(
            Finding::at_value(code, file, value, format!("unknown {what} `{v}`")).with_help(help),
        );
    }

    pub(super) fn person_ref(&mut self, file: &Path, value: &Spanned<Token>) {
        let unread = self.records.unread.people;
        if !unread && self.index.person(&value.value).is_none() {
            let known: Vec<&str> = self.index.person_ids().collect();
            self.unresolved(
                Code::UnknownPerson,
                file,
                value,
                "person",
                known.into_iter(),
                Kind::People.entry(),
            );
        }
    }

    pub(super) fn organisation_ref(&mut self, file: &Path, value: &Spanned<Token>) {
        let unread = self.records.unread.organisations;
        if !unread && self.index.organisation(&value.value).is_none() {
            let known: Vec<&str> = self.index.organisation_ids().collect();
            self.unresolved(
                Code::UnknownOrganisation,
                file,
                value,
                "organisation",
                known.into_iter(),
                Kind::Organisations.entry(),
            );
        }
    }

    /// An owner or presenter: a person or an organisation.
    pub(super) fn party_ref(&mut self, file: &Path, value: &Spanned<Token>, what: &str) {
        let v = value.value.as_str();
        let unread = &self.records.unread;
        if self.index.person(v).is_some()
            || self.index.organisation(v).is_some()
            || unread.people
            || unread.organisations
        {
            return;
        }
        let known: Vec<&str> = self.index.owner_ids().collect();
        self.unresolved(
            Code::UnknownOwner,
            file,
            value,
            what,
            known.into_iter(),
            &format!(
                "{} or {}",
                Kind::People.entry(),
                Kind::Organisations.entry()
            ),
        );
    }

    /// Whether `value` names a meeting record; reports it when not.
    pub(super) fn meeting_ref(&mut self, file: &Path, value: &Spanned<Token>) -> bool {
        if self.index.meeting(&value.value).is_some() {
            return true;
        }
        // The meeting's file exists but did not load: its own finding says why.
        if self
            .records
            .unread
            .meetings
            .contains(&file_stem_for(&value.value))
        {
            return false;
        }
        let known: Vec<&str> = self.index.meeting_ids().collect();
        self.unresolved(
            Code::UnknownMeeting,
            file,
            value,
            "meeting",
            known.into_iter(),
            &format!("{} (as a meeting record)", Kind::Meeting.place()),
        );
        false
    }

    /// Whether `value` names a modification proposal; reports it when not.
    pub(super) fn modification_ref(&mut self, file: &Path, value: &Spanned<Token>) -> bool {
        if self.index.modification(&value.value).is_some() {
            return true;
        }
        if (self.records.unread.modifications).contains(&file_stem_for(&value.value)) {
            return false;
        }
        let known: Vec<&str> = self.index.modification_ids().collect();
        self.unresolved(
            Code::UnknownModification,
            file,
            value,
            "modification proposal",
            known.into_iter(),
            &format!("{} (as a modification record)", Kind::Modification.place()),
        );
        false
    }

    /// A principle number. With `on`, the day of the meeting that refers
    /// to it, a principle merged or retired at an earlier meeting (or with
    /// no `decided_at`) gives a warning.
    pub(super) fn principle_ref(
        &mut self,
        file: &Path,
        value: &Spanned<u32>,
        on: Option<NaiveDate>,
    ) {
        let n = value.value;
        if self.records.unread.principles && self.index.principle(n).is_none() {
            return;
        }
        let Some(principle) = self.index.principle(n) else {
            let mut known: Vec<u32> = self.index.principle_numbers().collect();
            known.sort_unstable();
            let list = known
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            self.push(
                Finding::at_value(
                    Code::UnknownPrinciple,
                    file,
                    value,
                    format!("unknown principle {n}"),
                )
                .with_help(format!("{} defines: {list}", Kind::Principles.entry())),
            );
            return;
        };
        let status = principle.record.status.value.as_str();
        let Some(on) = on else { return };
        let statuses = &self.records.settings.vocabularies.principle_statuses;
        let superseded = Vocabularies::term(statuses, status)
            .is_some_and(|t| t.means(Meaning::Merged) || t.means(Meaning::Retired));
        if !superseded {
            return;
        }
        let decided = principle
            .record
            .decided_at
            .as_ref()
            .and_then(|m| self.index.meeting_date(&m.value));
        if decided.is_some_and(|d| d >= on) {
            return;
        }
        let help = match &principle.record.merged_into {
            Some(into) => format!("refer to principle {} instead", into.value),
            None => "remove the reference, or refer to the principle that replaced it".to_owned(),
        };
        self.push(
            Finding::at_value(
                Code::SupersededPrinciple,
                file,
                value,
                format!("principle {n} was {status} before this meeting"),
            )
            .with_related_value(
                &principle.file,
                &principle.record.status,
                format!("principle {n} is {status} here"),
            )
            .with_help(help),
        );
    }
}
