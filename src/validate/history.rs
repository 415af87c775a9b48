//! Rules for what the minutes of a committee leave out: history before
//! the first recorded meeting (legacy actions without an owner, proposals
//! cited only by ID) and attendance as minuted (initials).

use super::Checker;
use crate::finding::{Code, Finding};

/// E0508: within a recorded meeting, no two people share initials.
pub(super) fn duplicate_initials(checker: &mut Checker<'_>) {
    let records = checker.records;
    for m in &records.meetings {
        if m.record.is_recorded(&records.settings) {
            checker.check_initials(&m.file, &m.record);
        }
    }
}

/// W0605: an action whose owner the minutes do not say.
pub(super) fn owner_not_recorded(checker: &mut Checker<'_>) {
    for a in &checker.records.actions {
        let action = &a.record;
        if action.owner.is_none() {
            checker.push(
                Finding::at_value(
                    Code::OwnerNotRecorded,
                    &a.file,
                    &action.id,
                    format!("action {} has no owner", action.id.value),
                )
                .with_help(
                    "add `owner:` when the minutes name one; a legacy action whose \
                     minutes do not say lists as owner \"not recorded\"",
                ),
            );
        }
    }
}

/// W0606: a proposal the records know only by its ID.
pub(super) fn title_not_recorded(checker: &mut Checker<'_>) {
    for m in &checker.records.modifications {
        if m.record.title.is_none() {
            checker.push(
                Finding::at_value(
                    Code::TitleNotRecorded,
                    &m.file,
                    &m.record.id,
                    format!("modification proposal {} has no title", m.record.id.value),
                )
                .with_help(
                    "add `title:` when it is known; minutes that cite the proposal \
                     only by its ID leave it out",
                ),
            );
        }
    }
}
