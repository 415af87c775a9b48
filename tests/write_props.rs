//! Property test of the write side: random sequences of write commands
//! applied (in memory, through the same transaction the binary commits)
//! to a copy of the real records. After every command that is not
//! refused: the records validate without errors, every file the command
//! did not change is byte-identical, every line of a changed file that the
//! command did not mean to change is still there in order, and reloading
//! gives the state the command describes.

mod common;

use std::path::Path;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tsc::validate::validate;
use tsc::write::Tree;
use tsc::write::commands::{self, ActionReport, NewAction, NewAssessment, NewMeeting, NewPerson};

#[derive(Debug, Clone)]
enum Step {
    Meeting {
        days: u64,
    },
    Action {
        owner: usize,
        text: String,
        due: Option<u64>,
    },
    Update {
        action: usize,
        note: String,
        status: Option<usize>,
        due: Option<u64>,
        owner: Option<usize>,
    },
    Close {
        action: usize,
        note: Option<String>,
        status: usize,
    },
    Person {
        name: String,
        organisation: Option<usize>,
    },
    Assess {
        proposal: usize,
        interest: usize,
        note: Option<String>,
    },
}

const OWNERS: &[&str] = &["SECAS", "DCC", "julian-hughes", "OFGEM"];
const OPEN: &[&str] = &["open", "on-target"];
const CLOSED: &[&str] = &["closed", "withdrawn"];
const ORGS: &[&str] = &["DCC", "SECAS", "DECC"];
const LEVELS: &[&str] = &["high", "medium", "watching-brief", "no-interest"];

/// Text with the characters that need quoting in YAML.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 ,.:#'\"()-]{0,50}[A-Za-z.)]"
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1u64..40).prop_map(|days| Step::Meeting { days }),
        (0..OWNERS.len(), text(), proptest::option::of(0u64..90))
            .prop_map(|(owner, text, due)| Step::Action { owner, text, due }),
        (
            0usize..12,
            text(),
            proptest::option::of(0..OPEN.len()),
            proptest::option::of(0u64..60),
            proptest::option::of(0..OWNERS.len())
        )
            .prop_map(|(action, note, status, due, owner)| Step::Update {
                action,
                note,
                status,
                due,
                owner
            }),
        (0usize..12, proptest::option::of(text()), 0..CLOSED.len()).prop_map(
            |(action, note, status)| Step::Close {
                action,
                note,
                status
            }
        ),
        (
            "[A-Z][a-zé]{2,8} [A-Z][a-z']{2,9}",
            proptest::option::of(0..ORGS.len())
        )
            .prop_map(|(name, organisation)| Step::Person { name, organisation }),
        (0usize..16, 0..LEVELS.len(), proptest::option::of(text())).prop_map(
            |(proposal, interest, note)| Step::Assess {
                proposal,
                interest,
                note
            }
        ),
    ]
}

/// Whether `new` holds every line of `old` except those starting with one
/// of `changed`, in the same order.
fn keeps_lines(old: &str, new: &str, changed: &[&str]) -> bool {
    let mut rest = new.lines();
    old.lines()
        .filter(|l| !changed.iter().any(|c| l.starts_with(c)))
        .all(|line| rest.any(|n| n == line))
}

fn latest_meeting(records: &tsc::load::Records) -> (String, NaiveDate) {
    let m = records
        .meetings
        .iter()
        .map(|m| &m.record)
        .max_by_key(|m| m.known_date())
        .unwrap();
    (m.id.value.to_string(), m.known_date().unwrap())
}

fn action_id(records: &tsc::load::Records, n: usize) -> String {
    let mut ids: Vec<String> = records
        .actions
        .iter()
        .map(|a| a.record.id.value.to_string())
        .collect();
    ids.sort();
    ids[n % ids.len()].clone()
}

/// Runs one step; `None` when it was refused (by the command or because it
/// would add an error), else the tree after it.
fn apply(tree: &Tree, step: &Step) -> Option<(Tree, usize)> {
    let loaded = tree.load();
    let records = &loaded.records;
    let index = tsc::index::Index::new(records);
    let (latest, date) = latest_meeting(records);
    let plan = match step {
        Step::Meeting { days } => commands::new_meeting(
            tree,
            &index,
            &NewMeeting {
                date: Some(date.checked_add_days(Days::new(*days)).unwrap()),
                ..NewMeeting::default()
            },
        ),
        Step::Action { owner, text, due } => commands::new_action(
            tree,
            &index,
            &NewAction {
                meeting: latest.clone(),
                item: Some("1".to_owned()),
                owner: Some(OWNERS[*owner].into()),
                due: due.map(|d| date.checked_add_days(Days::new(d)).unwrap()),
                text: text.clone(),
            },
        ),
        Step::Update {
            action,
            note,
            status,
            due,
            owner,
        } => commands::update_action(
            tree,
            &index,
            &ActionReport {
                id: action_id(records, *action),
                at: latest.clone(),
                item: Some("1".to_owned()),
                note: Some(note.clone()),
                status: status.map(|s| OPEN[s].to_owned()),
                due: due.map(|d| date.checked_add_days(Days::new(d)).unwrap()),
                owner: owner.map(|o| OWNERS[o].to_owned()),
            },
        ),
        Step::Close {
            action,
            note,
            status,
        } => commands::close_action(
            tree,
            &index,
            &ActionReport {
                id: action_id(records, *action),
                at: latest.clone(),
                item: Some("1".to_owned()),
                note: note.clone(),
                status: Some(CLOSED[*status].to_owned()),
                due: None,
                owner: None,
            },
        ),
        Step::Person { name, organisation } => commands::add_person(
            tree,
            &index,
            &NewPerson {
                name: name.clone(),
                id: None,
                organisation: organisation.map(|o| ORGS[o].to_owned()),
            },
        ),
        Step::Assess {
            proposal,
            interest,
            note,
        } => commands::assess(
            tree,
            &index,
            &NewAssessment {
                proposal: format!("SECMP{:04}", 2 + proposal),
                at: latest.clone(),
                item: "1".to_owned(),
                interest: LEVELS[*interest].into(),
                note: note.clone(),
                ..NewAssessment::default()
            },
        ),
    }
    .ok()?;
    let before = validate(&loaded);
    let checked = plan.transaction.check(tree, &before);
    if !checked.added.is_empty() {
        return None;
    }
    let after = plan.transaction.apply_to(tree);
    // Files the command did not change are byte-identical.
    let changed: Vec<&Path> = plan
        .transaction
        .changes()
        .iter()
        .map(|c| c.path.as_path())
        .collect();
    for (path, text) in &tree.files {
        if !changed.contains(&path.as_path()) {
            assert_eq!(
                after.files.get(path),
                Some(text),
                "{} changed",
                path.display()
            );
        }
    }
    // Edited files keep every line not meant to change (an action's own
    // `due:` included: a new due date is the update's).
    for change in plan.transaction.changes() {
        if let Some(old) = &change.before {
            assert!(
                keeps_lines(old, &change.after, &["status:", "closed:"]),
                "{step:?} lost lines of {}:\n{old}\n---\n{}",
                change.path.display(),
                change.after
            );
        }
    }
    // Reloading gives the state the command describes.
    let records = &checked.loaded.records;
    let vocab = &records.settings.vocabularies;
    match step {
        Step::Update {
            action,
            note,
            status,
            due,
            owner,
        } => {
            let id = action_id(&loaded.records, *action);
            let a = find(records, &id);
            let was = find(&loaded.records, &id);
            // A due date given is in effect from the update's day on;
            // none given leaves the due date as it was.
            let expected = match due {
                Some(d) => Some(date.checked_add_days(Days::new(*d)).unwrap()),
                None => was.due_as_of(None),
            };
            assert_eq!(a.due_as_of(None), expected);
            assert_eq!(a.due_as_of(date.pred_opt()), was.due_as_of(date.pred_opt()));
            // So is an owner given (a reassignment); the action's own
            // `owner`, as raised, is never rewritten.
            let owner_of = |a: &tsc::model::Action, d| a.owner_as_of(d).map(|o| o.value.clone());
            let expected = match owner {
                Some(o) => Some(OWNERS[*o].into()),
                None => owner_of(was, None),
            };
            assert_eq!(owner_of(a, None), expected);
            assert_eq!(owner_of(a, date.pred_opt()), owner_of(was, date.pred_opt()));
            let own = |a: &tsc::model::Action| a.owner.as_ref().map(|o| o.value.clone());
            assert_eq!(own(a), own(was));
            let last = a.updates.last().unwrap();
            assert_eq!(&last.note, note);
            assert_eq!(
                last.agenda_item.as_ref().map(|n| n.value.as_str()),
                Some("1")
            );
            if let Some(s) = status {
                assert_eq!(a.status.value, OPEN[*s]);
                assert!(a.closed.is_none());
            }
        }
        Step::Close {
            action,
            note,
            status,
        } => {
            let a = find(records, &action_id(&loaded.records, *action));
            assert_eq!(a.status.value, CLOSED[*status]);
            assert!(!vocab.is_open_status(&a.status.value));
            assert_eq!(a.closed.as_ref().map(|c| c.value), Some(date));
            let last = a.updates.last().unwrap();
            assert_eq!(
                last.status.as_ref().map(|s| s.value.as_str()),
                Some(CLOSED[*status])
            );
            if let Some(n) = note {
                assert_eq!(&last.note, n);
            }
        }
        Step::Action { owner, text, .. } => {
            let a = find(records, &plan.id);
            assert_eq!(a.owner.as_ref().unwrap().value, OWNERS[*owner]);
            assert_eq!(&a.text, text);
            assert_eq!(a.meeting.value, latest);
        }
        Step::Person { name, .. } => {
            let p = records
                .people
                .iter()
                .find(|p| p.record.id.value == plan.id)
                .unwrap();
            assert_eq!(&p.record.name.value, name);
        }
        Step::Assess { interest, note, .. } => {
            let m = records
                .meetings
                .iter()
                .find(|m| m.record.id.value == latest)
                .unwrap();
            let (proposal, _) = plan.id.split_once('@').unwrap();
            let a = m.record.agenda[0]
                .assessments
                .iter()
                .find(|a| a.modification.value == proposal)
                .unwrap();
            assert_eq!(a.interest.value, LEVELS[*interest]);
            assert_eq!(
                a.notes.as_ref().map(ToString::to_string).as_ref(),
                note.as_ref()
            );
        }
        Step::Meeting { .. } => {
            assert!(
                records
                    .meetings
                    .iter()
                    .any(|m| m.record.id.value == plan.id)
            );
        }
    }
    Some((after, checked.after.error_count()))
}

fn find<'r>(records: &'r tsc::load::Records, id: &str) -> &'r tsc::model::Action {
    &records
        .actions
        .iter()
        .find(|a| a.record.id.value == id)
        .unwrap()
        .record
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20, ..ProptestConfig::default() })]

    #[test]
    fn random_write_sequences_keep_the_records_valid_and_every_other_byte(
        steps in proptest::collection::vec(step(), 1..8)
    ) {
        let mut tree = Tree::read(&common::real_records()).unwrap();
        let mut applied = 0;
        for step in &steps {
            if let Some((next, errors)) = apply(&tree, step) {
                tree = next;
                applied += 1;
                prop_assert_eq!(errors, 0, "after {:?}", step);
            }
        }
        // A new meeting is always possible, so nothing blocks every step.
        let meeting_asked = steps.iter().any(|s| matches!(s, Step::Meeting { .. }));
        prop_assert!(applied > 0 || !meeting_asked, "no step applied");
    }
}
