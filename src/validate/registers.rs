//! The registers: people, organisations, principles and modification
//! proposals.

use super::{Checker, at};
use crate::finding::{Code, Finding};

impl<'r> Checker<'r> {
    pub(super) fn check_people_and_organisations(&mut self) {
        let r = self.records;
        for p in &r.people {
            if let Some(org) = &p.record.organisation {
                self.organisation_ref(&p.file, org);
            }
        }
    }

    /// Status from the vocabulary; a merged principle names the one it
    /// joined; references resolve.
    pub(super) fn check_principles(&mut self) {
        let r = self.records;
        let statuses = &r.settings.vocabularies.principle_statuses;
        for p in &r.principles {
            let principle = &p.record;
            self.check_term(
                &p.file,
                &principle.status,
                statuses,
                "principle status",
                "principle_statuses",
            );
            if principle.status.value == "merged" && principle.merged_into.is_none() {
                self.push(
                    Finding::at_value(
                        Code::MissingMergedInto,
                        &p.file,
                        &principle.status,
                        format!(
                            "principle {} is merged but does not say into which principle",
                            principle.number.value
                        ),
                    )
                    .with_help("add `merged_into: N`, the number of the principle it joined"),
                );
            }
            if let Some(into) = &principle.merged_into {
                self.principle_ref(&p.file, into, None);
            }
            if let Some(meeting) = &principle.decided_at {
                self.meeting_ref(&p.file, meeting);
            }
        }
    }

    /// ID, phase, and related proposals that exist and list the relation
    /// back (a warning when they do not).
    pub(super) fn check_modifications(&mut self) {
        let r = self.records;
        let phases = &r.settings.vocabularies.modification_phases;
        for m in &r.modifications {
            self.check_file_id(
                &m.file,
                &m.record.id,
                |p| &p.modification,
                "modification proposal",
            );
            if let Some(phase) = &m.record.phase {
                self.check_term(
                    &m.file,
                    phase,
                    phases,
                    "modification phase",
                    "modification_phases",
                );
            }
            let id = m.record.id.value.as_str();
            for related in &m.record.related {
                if !self.modification_ref(&m.file, related) {
                    continue;
                }
                let other = self.index.modifications[related.value.as_str()];
                if other.record.related.iter().any(|r| r.value == id) {
                    continue;
                }
                self.push(
                    Finding::at_value(
                        Code::RelatedNotReciprocal,
                        &m.file,
                        related,
                        format!(
                            "{id} lists {} as related, but {} does not list {id}",
                            related.value, related.value
                        ),
                    )
                    .with_related(
                        &other.file,
                        at(&other.record.id),
                        format!("{} has no `related: [{id}]`", related.value),
                    )
                    .with_help(format!(
                        "add {id} to the `related` list of {}",
                        related.value
                    )),
                );
            }
        }
    }
}
