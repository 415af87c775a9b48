//! Dynamic shell completion (clap_complete's `unstable-dynamic` engine):
//! the shell asks `tsc` itself for candidates (`COMPLETE=bash tsc -- ...`),
//! so IDs and vocabulary values complete from the records, found as every
//! command finds them ($TSC_RECORDS, else the nearest `records/`).
//! Outside a records tree the record candidates are simply empty.

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use tsc::load::Records;

/// The records completion reads, if any load.
fn records() -> Option<Records> {
    let root = super::records_dir(None).ok()?;
    tsc::load::load(&root).ok().map(|loaded| loaded.records)
}

/// Candidates built from the records by `list`, which gives each value
/// and what it is.
fn from_records(list: fn(&Records) -> Vec<(String, String)>) -> ArgValueCandidates {
    ArgValueCandidates::new(move || {
        records()
            .map(|r| list(&r))
            .unwrap_or_default()
            .into_iter()
            .map(|(value, help)| CompletionCandidate::new(value).help(Some(help.into())))
            .collect::<Vec<_>>()
    })
}

fn meetings(r: &Records) -> Vec<(String, String)> {
    r.meetings
        .iter()
        .map(|m| {
            (
                m.record.id.value.to_string(),
                match m.record.date_text() {
                    Some(date) => format!("meeting of {date}"),
                    None => "meeting".to_owned(),
                },
            )
        })
        .collect()
}

fn owners(r: &Records) -> Vec<(String, String)> {
    let people = r
        .people
        .iter()
        .map(|p| (p.record.id.value.to_string(), p.record.name.value.clone()));
    let orgs = r
        .organisations
        .iter()
        .map(|o| (o.record.id.value.to_string(), o.record.name.value.clone()));
    orgs.chain(people).collect()
}

/// Every record ID `tsc show` takes: meetings, actions, proposals, people
/// and organisations.
pub(crate) fn record_ids() -> ArgValueCandidates {
    from_records(|r| {
        let mut all = meetings(r);
        all.extend(
            r.actions
                .iter()
                .map(|a| (a.record.id.value.to_string(), "action".to_owned())),
        );
        all.extend(r.modifications.iter().map(|m| {
            (
                m.record.id.value.to_string(),
                m.record.title_or_empty().into_owned(),
            )
        }));
        all.extend(owners(r));
        all.extend(
            r.principles
                .iter()
                .map(|p| (p.record.number.value.to_string(), "principle".to_owned())),
        );
        all
    })
}

/// Meeting IDs.
pub(crate) fn meeting_ids() -> ArgValueCandidates {
    from_records(meetings)
}

/// Person and organisation IDs (action owners).
pub(crate) fn owner_ids() -> ArgValueCandidates {
    from_records(owners)
}

/// The action statuses of `tsc.yaml`.
pub(crate) fn action_statuses() -> ArgValueCandidates {
    from_records(|r| terms(&r.settings.vocabularies.action_statuses))
}

fn terms(terms: &[tsc::settings::Term]) -> Vec<(String, String)> {
    terms
        .iter()
        .map(|t| (t.id.value.clone(), t.label.clone()))
        .collect()
}

/// The interest levels of `tsc.yaml`.
pub(crate) fn interest_levels() -> ArgValueCandidates {
    from_records(|r| terms(&r.settings.vocabularies.interest_levels))
}

/// The modification phases of `tsc.yaml`.
pub(crate) fn phases() -> ArgValueCandidates {
    from_records(|r| terms(&r.settings.vocabularies.modification_phases))
}
