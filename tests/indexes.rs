//! The reports index the records once (issue 6) instead of scanning every
//! meeting or action per row. These tests check each index against the
//! per-row definition it replaced, on a synthetic tree where proposals are
//! assessed at many meetings, actions close at later meetings and people
//! attend and send apologies.

#[path = "../examples/synth/generate.rs"]
mod generate;

use chrono::NaiveDate;
use tsc::index::Index;
use tsc::load::{Loaded, load};
use tsc::register::{ModFilter, register_rows};

const MEETINGS: usize = 30;

fn loaded() -> (tempfile::TempDir, Loaded) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("records");
    generate::generate(&root, MEETINGS, 7).unwrap();
    let loaded = load(&root).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    (dir, loaded)
}

#[test]
fn register_rows_agree_with_each_proposals_own_history() {
    let (_dir, loaded) = loaded();
    let records = &loaded.records;
    let index = Index::new(records);
    let rows = register_rows(&index, &ModFilter::default());
    assert_eq!(rows.len(), records.modifications.len());
    let mut assessed = 0;
    // The per-row definitions, by scanning every meeting in date order.
    let by_date = index.meetings_by_date();
    for row in &rows {
        let latest = by_date
            .iter()
            .flat_map(|m| {
                m.agenda
                    .iter()
                    .flat_map(|i| &i.assessments)
                    .filter(|a| a.modification.value == row.id)
                    .map(move |a| (m, a))
            })
            .last();
        assert_eq!(
            row.interest,
            latest.map(|(_, a)| a.interest.value.as_str()),
            "{}",
            row.id
        );
        assert_eq!(
            row.assessed_at,
            latest.map(|(m, _)| m.id.value.as_str()),
            "{}",
            row.id
        );
        let last = by_date
            .iter()
            .rfind(|m| {
                m.agenda.iter().any(|i| {
                    i.assessments.iter().any(|a| a.modification.value == row.id)
                        || i.modifications.iter().any(|id| id.value == row.id)
                })
            })
            .and_then(|m| m.known_date());
        assert_eq!(row.last_discussed, last, "{}", row.id);
        assessed += usize::from(row.interest.is_some());
    }
    // Most proposals are assessed more than once: the index must keep the
    // latest, not the first.
    assert!(assessed > rows.len() / 2, "{assessed} of {}", rows.len());
}

#[test]
fn meeting_rows_count_the_actions_each_meeting_raised() {
    let (_dir, loaded) = loaded();
    let records = &loaded.records;
    let rows = tsc::meetings::meeting_rows(&Index::new(records));
    assert_eq!(rows.len(), MEETINGS);
    for row in &rows {
        let raised = records
            .actions
            .iter()
            .filter(|a| a.record.meeting.value == row.id)
            .count();
        assert_eq!(row.actions_raised, raised, "{}", row.id);
    }
    let total: usize = rows.iter().map(|r| r.actions_raised).sum();
    assert_eq!(total, records.actions.len());
}

#[test]
fn people_rows_list_each_meeting_attended_once_oldest_first() {
    let (_dir, loaded) = loaded();
    let records = &loaded.records;
    let index = Index::new(records);
    let by_date = index.meetings_by_date();
    let vocab = &records.settings.vocabularies;
    let people = tsc::participation::people(&index);
    assert_eq!(people.len(), records.people.len());
    for p in &people {
        let attended: Vec<&str> = by_date
            .iter()
            .filter(|m| m.attendees.iter().any(|a| a.person.value == p.id))
            .map(|m| m.id.value.as_str())
            .collect();
        let apologies: Vec<&str> = by_date
            .iter()
            .filter(|m| m.apologies.iter().any(|a| a.person.value == p.id))
            .map(|m| m.id.value.as_str())
            .collect();
        assert_eq!(p.attended, attended, "{}", p.id);
        assert_eq!(p.apologies, apologies, "{}", p.id);
        let owned = records
            .actions
            .iter()
            .filter(|a| a.record.owner.as_ref().is_some_and(|o| o.value == p.id));
        assert_eq!(p.actions.len(), owned.clone().count(), "{}", p.id);
        let open = owned
            .filter(|a| vocab.is_open_status(&a.record.status.value))
            .count();
        assert_eq!(p.open_actions, open, "{}", p.id);
    }
    assert!(people.iter().any(|p| !p.apologies.is_empty()));
}

#[test]
fn open_actions_over_time_count_raised_and_not_yet_closed_actions() {
    let (_dir, loaded) = loaded();
    let records = &loaded.records;
    let index = Index::new(records);
    let vocab = &records.settings.vocabularies;
    let today = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    let report = tsc::report::build(&loaded, &index, today);
    assert_eq!(report.open_over_time.len(), MEETINGS);
    let mut seen_a_closure = false;
    for (meeting, count) in &report.open_over_time {
        let date = index.meeting_date(meeting).unwrap();
        let expected = records
            .actions
            .iter()
            .map(|a| &a.record)
            .filter(|a| {
                index
                    .meeting_date(&a.meeting.value)
                    .is_some_and(|d| d <= date)
            })
            .filter(|a| match &a.closed {
                Some(closed) => closed.value > date,
                None => vocab.is_open_status(&a.status.value),
            })
            .count();
        assert_eq!(*count, expected, "after {meeting}");
        seen_a_closure |= records
            .actions
            .iter()
            .any(|a| a.record.closed.as_ref().is_some_and(|c| c.value <= date));
    }
    assert!(seen_a_closure, "the tree closes some actions");
}
