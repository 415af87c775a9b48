//! The action log: which actions exist, which are open, in what order.
//!
//! Source: `actions/*.yaml`, joined with the meeting that raised each
//! action (for its date) and with `tsc.yaml`'s action statuses (for which
//! statuses count as open).

use chrono::NaiveDate;

use crate::ids::natural_cmp;
use crate::model::Action;
use crate::records::Records;

/// Which actions to list. The default lists every action.
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    /// Only actions whose status counts as open in `tsc.yaml`.
    pub open_only: bool,
}

/// One action, flattened for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow<'r> {
    /// Action ID, for example `TSC07/01`.
    pub id: &'r str,
    /// Owner ID (person or organisation), for example `SECAS`.
    pub owner: &'r str,
    /// What must be done.
    pub text: &'r str,
    /// ID of the meeting that raised the action.
    pub meeting: &'r str,
    /// Date of that meeting; `None` when the meeting record is missing.
    pub raised: Option<NaiveDate>,
    /// Agenda item that raised it.
    pub agenda_item: u32,
    /// Due date, if one was set.
    pub due: Option<NaiveDate>,
    /// Status ID, for example `open`.
    pub status: &'r str,
    /// Whether the status counts as open.
    pub open: bool,
}

impl<'r> ActionRow<'r> {
    fn of(action: &'r Action, records: &'r Records) -> ActionRow<'r> {
        let meeting_id = action.meeting.value.as_str();
        let raised = records
            .meetings
            .iter()
            .find(|m| m.record.id.value == meeting_id)
            .map(|m| m.record.date.value);
        ActionRow {
            id: &action.id.value,
            owner: &action.owner.value,
            text: &action.text,
            meeting: meeting_id,
            raised,
            agenda_item: action.agenda_item.value,
            due: action.due.as_ref().map(|d| d.value),
            status: &action.status.value,
            open: records
                .settings
                .vocabularies
                .is_open_status(&action.status.value),
        }
    }
}

/// The actions that pass `filter`, in natural ID order (`TSC07/2` before
/// `TSC07/10`, `TSC07/99` before `TSC08/01`).
pub fn action_rows<'r>(records: &'r Records, filter: &ActionFilter) -> Vec<ActionRow<'r>> {
    let mut rows: Vec<ActionRow<'r>> = records
        .actions
        .iter()
        .map(|a| ActionRow::of(&a.record, records))
        .filter(|row| !filter.open_only || row.open)
        .collect();
    rows.sort_by(|a, b| natural_cmp(a.id, b.id));
    rows
}
