//! The synthetic records generator (`examples/synth`) writes trees that
//! `tsc validate` accepts, with the shape the benchmarks rely on, and the
//! same bytes for the same seed.

mod common;

#[path = "../examples/synth/generate.rs"]
mod generate;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use chrono::Datelike;
use common::{stdout, tsc};
use generate::{Counts, generate, meeting_dates, meeting_id};
use tsc::load::load;

const MEETINGS: usize = 24;

fn tree(seed: u64) -> (tempfile::TempDir, Counts) {
    let dir = tempfile::tempdir().unwrap();
    let counts = generate(&dir.path().join("records"), MEETINGS, seed).unwrap();
    (dir, counts)
}

/// Every file under `root`, by relative path, with its bytes.
fn contents(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap();
            (rel.display().to_string(), std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn a_small_tree_validates_with_the_counts_written() {
    let (dir, c) = tree(1);
    let root = dir.path().join("records");
    let out = tsc(&["validate", "--records", root.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(
        text.trim(),
        format!(
            "ok: {MEETINGS} meetings, {} modification proposals, {} actions, 80 people, \
             10 organisations, 8 principles",
            c.modifications, c.actions
        )
    );
    assert_eq!(c.meetings, MEETINGS);
    assert_eq!((c.people, c.organisations, c.principles), (80, 10, 8));
    // 3 to 5 actions, about 1 new proposal per meeting after the first 16.
    assert!((3 * MEETINGS..=5 * MEETINGS).contains(&c.actions), "{c:?}");
    assert!((16 + MEETINGS / 2..=16 + 2 * MEETINGS).contains(&c.modifications));
    assert_eq!(contents(&root).len(), c.files);
    let bytes: usize = contents(&root).values().map(Vec::len).sum();
    assert_eq!(bytes as u64, c.bytes);
}

#[test]
fn meetings_have_the_seeds_shape() {
    let (dir, c) = tree(3);
    let loaded = load(&dir.path().join("records")).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    let r = &loaded.records;
    assert_eq!(r.meetings.len(), MEETINGS);
    let attendees: usize = r.meetings.iter().map(|m| m.record.attendees.len()).sum();
    let apologies: usize = r.meetings.iter().map(|m| m.record.apologies.len()).sum();
    assert_eq!((attendees, apologies), (c.attendees, c.apologies));
    assert!((18 * MEETINGS..=22 * MEETINGS).contains(&attendees));
    assert!((2 * MEETINGS..=4 * MEETINGS).contains(&apologies));
    // About a third of the 6 to 8 other participants attend in part.
    let part = r
        .meetings
        .iter()
        .flat_map(|m| &m.record.attendees)
        .filter(|a| a.part)
        .count();
    assert!((MEETINGS..=4 * MEETINGS).contains(&part), "{part}");
    for m in &r.meetings {
        let meeting = &m.record;
        assert_eq!(meeting.agenda.len(), 11, "{}", meeting.id.value);
        assert!(
            meeting
                .agenda
                .iter()
                .all(|i| i.summary.is_some() && !i.decisions.is_empty())
        );
        // Nobody is listed twice, and the chair attends.
        let mut seen = HashSet::new();
        for a in meeting.attendees.iter().chain(&meeting.apologies) {
            assert!(seen.insert(&a.person.value), "{} twice", a.person.value);
        }
        assert_eq!(
            meeting.attendees[0].role.as_ref().unwrap().value.0,
            ["chair"]
        );
        // An alternate never sits beside the member they stand in for.
        for a in &meeting.attendees {
            if let Some(alt) = &a.alternate_for {
                assert!(!seen.contains(&alt.value));
            }
        }
        // Meeting IDs agree with number and date.
        assert_eq!(
            meeting.id.value,
            meeting_id(
                meeting.number.as_ref().unwrap().value as usize,
                meeting.known_date().unwrap()
            )
        );
    }
    let assessments: usize = r
        .meetings
        .iter()
        .flat_map(|m| &m.record.agenda)
        .map(|i| i.assessments.len())
        .sum();
    assert_eq!(assessments, c.assessments);
    assert!((13 * MEETINGS..=17 * MEETINGS).contains(&assessments));
}

#[test]
fn about_half_the_actions_are_closed_at_a_later_meeting() {
    let (dir, c) = tree(5);
    let loaded = load(&dir.path().join("records")).unwrap();
    let r = &loaded.records;
    let dates: HashMap<&str, chrono::NaiveDate> = r
        .meetings
        .iter()
        .map(|m| (m.record.id.value.as_str(), m.record.known_date().unwrap()))
        .collect();
    let closed: Vec<_> = r
        .actions
        .iter()
        .map(|a| &a.record)
        .filter(|a| a.status.value == "closed" || a.status.value == "withdrawn")
        .collect();
    assert_eq!(closed.len(), c.closed_actions);
    assert!(closed.len() * 10 >= c.actions * 3 && closed.len() * 10 <= c.actions * 6);
    for a in closed {
        let raised = dates[a.meeting.value.as_str()];
        let last = a.updates.last().expect("a closing update");
        let at = last.meeting.as_ref().unwrap().value.as_str();
        assert!(dates[at] > raised, "{}", a.id.value);
        assert_eq!(last.date.value, dates[at]);
        assert_eq!(a.closed.as_ref().unwrap().value, dates[at]);
        assert_eq!(last.status.as_ref().unwrap().value, a.status.value);
    }
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let (a, _) = tree(42);
    let (b, _) = tree(42);
    let (other, _) = tree(43);
    let first = contents(&a.path().join("records"));
    assert_eq!(first, contents(&b.path().join("records")));
    assert_ne!(first, contents(&other.path().join("records")));
}

#[test]
fn twelve_thousand_meetings_keep_unique_ids_that_agree_with_their_dates() {
    let dates = meeting_dates(12_000);
    assert!(dates.iter().all(|d| (2000..=2099).contains(&d.year())));
    assert!(dates.windows(2).all(|w| w[0] < w[1]));
    let ids: HashSet<String> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| meeting_id(i + 1, *d))
        .collect();
    assert_eq!(ids.len(), 12_000);
    assert_eq!(meeting_id(12_000, dates[11_999]), "TSC_12000_9808");
    // Every 36,524 / 12,000 = 3 days: 2000-01-16 + 11,999 × 3 days.
    assert_eq!(dates[11_999].to_string(), "2098-08-06");
    // Up to 1,200 meetings are monthly: M ends in December 2099.
    assert_eq!(meeting_dates(1_200)[1_199].to_string(), "2099-12-16");
}

#[test]
fn a_non_empty_directory_is_refused() {
    let (dir, _) = tree(1);
    let error = generate(&dir.path().join("records"), 3, 1).unwrap_err();
    assert!(error.to_string().contains("is not empty"), "{error}");
    assert!(generate(&dir.path().join("new"), 0, 1).is_err());
}
