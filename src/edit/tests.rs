//! Exact-byte tests of the edit engine on the real record files.

use std::ops::Range;
use std::path::Path;

use super::*;
use crate::model::{Action, Meeting, PeopleFile, Sp};

const TSC07_01: &str = include_str!("../../records/actions/TSC07-01.yaml");
const TSC07_04: &str = include_str!("../../records/actions/TSC07-04.yaml");
const MEETING: &str = include_str!("../../records/meetings/TSC_07_1606.yaml");
const PEOPLE: &str = include_str!("../../records/people.yaml");

fn span<T>(v: &Sp<T>) -> Range<usize> {
    v.span.range()
}

fn action(text: &str) -> Action {
    crate::yaml::parse(text, Path::new("a.yaml")).unwrap()
}

/// Applies `edits` and checks that the result still parses as `T`.
fn edited<T: serde::de::DeserializeOwned>(src: &str, edits: &[Edit]) -> (String, T) {
    let out = apply(src, edits);
    let parsed = crate::yaml::parse(&out, Path::new("x.yaml")).unwrap();
    (out, parsed)
}

#[test]
fn closing_an_action_changes_its_status_and_adds_the_closure_after_it() {
    let a = action(TSC07_01);
    let status = span(&a.status);
    let update = Value::List(vec![Value::Map(vec![
        ("date".into(), Value::raw("2016-07-21")),
        ("meeting".into(), Value::text("TSC_08_1607")),
        ("agenda_item".into(), Value::raw(1)),
        ("status".into(), Value::text("closed")),
        (
            "note".into(),
            Value::text("Amended and sent to the SECCo Board."),
        ),
    ])]);
    let edits = [
        replace_scalar(TSC07_01, status.clone(), "closed"),
        insert_after(TSC07_01, status.start, "closed", &Value::raw("2016-07-21")),
        insert_after(TSC07_01, status.start, "updates", &update),
    ];
    let (out, after): (String, Action) = edited(TSC07_01, &edits);
    assert_eq!(
        out,
        "# Action TSC07/01, raised at TSC_07_1606 under agenda item 2.\n\
         id: \"TSC07/01\"\n\
         meeting: TSC_07_1606\n\
         agenda_item: 2\n\
         owner: SECAS\n\
         text: >-\n  \
         Amend the levels of consultant resource allocated under the TSC Work\n  \
         Package July – September 2016 with the recommendation from the TSC to the\n  \
         SECCo Board.\n\
         status: closed\n\
         closed: 2016-07-21\n\
         updates:\n  \
         - date: 2016-07-21\n    \
         meeting: TSC_08_1607\n    \
         agenda_item: 1\n    \
         status: closed\n    \
         note: Amended and sent to the SECCo Board.\n"
    );
    assert_eq!(after.status.value, "closed");
    assert_eq!(
        after.updates[0].note,
        "Amended and sent to the SECCo Board."
    );
}

#[test]
fn a_second_update_is_appended_after_the_first_keeping_comments() {
    let first = Value::Map(vec![
        ("date".into(), Value::raw("2016-07-21")),
        ("note".into(), Value::text("Started.")),
    ]);
    let status = span(&action(TSC07_04).status);
    let once = apply(
        TSC07_04,
        &[insert_after(
            TSC07_04,
            status.start,
            "updates",
            &Value::List(vec![first]),
        )],
    );
    let a = action(&once);
    let second = Value::Map(vec![
        ("date".into(), Value::raw("2016-08-18")),
        ("note".into(), Value::text("Sent: see \"Attachments\" #2")),
    ]);
    let edit = append_item(&once, span(&a.updates[0].date).start, &second).unwrap();
    let (out, after): (String, Action) = edited(&once, &[edit]);
    assert!(out.starts_with(&TSC07_04[..TSC07_04.find("status").unwrap()]));
    assert!(out.contains("# \"(Modification Development Update)\" is added for context"));
    assert!(out.ends_with(
        "updates:\n  - date: 2016-07-21\n    note: Started.\n  - date: 2016-08-18\n    note: \"Sent: see \\\"Attachments\\\" #2\"\n"
    ));
    assert_eq!(after.updates[1].note, "Sent: see \"Attachments\" #2");
}

#[test]
fn replacing_keeps_quotes_and_folded_blocks() {
    let a = action(TSC07_04);
    let id = replace_scalar(TSC07_04, span(&a.id), "TSC07/05");
    assert_eq!(id.text, "\"TSC07/05\"");
    let text = "Circulate Attachments A, B and C in word format to TSC members and to the Working Group 2 chair.";
    let a_text_span = {
        let start = TSC07_04.find("Circulate").unwrap();
        start..TSC07_04.find("status:").unwrap()
    };
    let edit = replace_scalar(TSC07_04, a_text_span, text);
    let (out, after): (String, Action) = edited(TSC07_04, &[edit]);
    assert!(out.contains(
        "text: >-\n  Circulate Attachments A, B and C in word format to TSC members and to the\n  Working Group 2 chair.\nstatus: open\n"
    ));
    assert_eq!(after.text, text);
}

#[test]
fn an_assessment_is_appended_to_an_agenda_item_with_a_blank_line_like_the_others() {
    let m: Meeting = crate::yaml::parse(MEETING, Path::new("m.yaml")).unwrap();
    let item6 = m
        .agenda
        .iter()
        .find(|i| i.number.value.as_str() == "6")
        .unwrap();
    let anchor = span(&item6.assessments[0].modification).start;
    let row = Value::Map(vec![
        ("modification".into(), Value::text("SECMP0018")),
        ("interest".into(), Value::text("medium")),
    ]);
    let edit = append_item(MEETING, anchor, &row).unwrap();
    let after_last = MEETING.find("\n  - number: 7").unwrap();
    assert_eq!(edit.range, after_last..after_last);
    assert_eq!(
        edit.text,
        "\n      - modification: SECMP0018\n        interest: medium\n"
    );
    let (_, after): (String, Meeting) = edited(MEETING, &[edit]);
    let item6 = after
        .agenda
        .iter()
        .find(|i| i.number.value.as_str() == "6")
        .unwrap();
    assert_eq!(
        item6.assessments.last().unwrap().modification.value,
        "SECMP0018"
    );
    assert_eq!(item6.assessments.len(), 17);
}

#[test]
fn a_field_is_added_at_the_end_of_an_agenda_item_before_the_blank_line() {
    let m: Meeting = crate::yaml::parse(MEETING, Path::new("m.yaml")).unwrap();
    let item1 = &m.agenda[0];
    let rows = Value::List(vec![Value::Map(vec![
        ("modification".into(), Value::text("SECMP0007")),
        ("interest".into(), Value::text("medium")),
    ])]);
    let edit = add_to_item(MEETING, span(&item1.number).start, "assessments", &rows).unwrap();
    let (out, after): (String, Meeting) = edited(MEETING, &[edit]);
    assert!(out.contains(
        "suggested by a TSC member and DECC, and were agreed as final.\n    assessments:\n      \
         - modification: SECMP0007\n        interest: medium\n\n  - number: 2\n"
    ));
    assert_eq!(after.agenda[0].assessments[0].interest.value, "medium");
}

#[test]
fn a_person_is_appended_to_people_yaml() {
    let p: PeopleFile = crate::yaml::parse(PEOPLE, Path::new("people.yaml")).unwrap();
    let last = p.people.last().unwrap();
    let entry = Value::Map(vec![
        ("id".into(), Value::text("helen-marsh")),
        ("name".into(), Value::text("Helen Marsh")),
        ("organisation".into(), Value::text("DCC")),
    ]);
    let edit = append_item(PEOPLE, span(&last.id).start, &entry).unwrap();
    let (out, after): (String, PeopleFile) = edited(PEOPLE, &[edit]);
    assert_eq!(
        out,
        format!("{PEOPLE}  - id: helen-marsh\n    name: Helen Marsh\n    organisation: DCC\n")
    );
    assert_eq!(after.people.len(), p.people.len() + 1);
}

/// Regression: a list written with `-   key` (three spaces after the
/// dash) got new items written `- key`, in another style than the file's.
#[test]
fn new_items_are_spaced_after_the_dash_as_the_file_spaces_them() {
    let src = "# People.\npeople:\n  -   id: ann-example   # first\n      name: Ann Example\n\n  -   id: bo-example\n      name: Bo Example\n";
    let p: PeopleFile = crate::yaml::parse(src, Path::new("people.yaml")).unwrap();
    let entry = Value::Map(vec![
        ("id".into(), Value::text("helen-marsh")),
        ("name".into(), Value::text("Helen Marsh")),
        (
            "roles".into(),
            Value::List(vec![Value::text("chair"), Value::text("secretary")]),
        ),
    ]);
    let edit = append_item(src, span(&p.people[1].id).start, &entry).unwrap();
    assert_eq!(
        apply(src, &[edit]),
        format!(
            "{src}\n  -   id: helen-marsh\n      name: Helen Marsh\n      roles:\n        -   chair\n        -   secretary\n"
        )
    );
    // A field added to an item goes at the item's own content column.
    let meeting = "id: M_1\nagenda:\n-   number: 1\n    title: Minutes\n";
    let m: Meeting = crate::yaml::parse(meeting, Path::new("m.yaml")).unwrap();
    let row = Value::List(vec![Value::Map(vec![
        ("modification".into(), Value::text("MP1")),
        ("interest".into(), Value::text("high")),
    ])]);
    let edit = add_to_item(
        meeting,
        span(&m.agenda[0].number).start,
        "assessments",
        &row,
    )
    .unwrap();
    let (out, after): (String, Meeting) = edited(meeting, &[edit]);
    assert_eq!(
        out,
        "id: M_1\nagenda:\n-   number: 1\n    title: Minutes\n    assessments:\n    -   modification: MP1\n        interest: high\n"
    );
    assert_eq!(after.agenda[0].assessments[0].interest.value, "high");
}

#[test]
fn a_file_without_a_final_line_break_gets_one_before_new_text() {
    let src = "id: x\nstatus: open";
    let edit = append_top(src, "closed", &Value::raw("2016-07-21"));
    assert_eq!(
        apply(src, &[edit]),
        "id: x\nstatus: open\nclosed: 2016-07-21\n"
    );
}

#[test]
fn new_documents_follow_the_layout() {
    let doc = render_document(
        &[
            ("id".into(), Value::Styled("TSC08/01".into(), Style::Double)),
            ("tags".into(), Value::List(vec![])),
            (
                "nested".into(),
                Value::Map(vec![("a".into(), Value::raw(1))]),
            ),
        ],
        Layout {
            indent: 4,
            sequence_indent: 0,
            width: 78,
            item_indent: 2,
        },
    );
    assert_eq!(doc, "id: \"TSC08/01\"\ntags: []\nnested:\n    a: 1\n");
}

#[test]
fn crlf_files_get_crlf_lines() {
    let src = TSC07_01.replace('\n', "\r\n");
    let a = action(&src);
    let status = span(&a.status);
    let edits = [
        replace_scalar(&src, status.clone(), "closed"),
        insert_after(&src, status.start, "closed", &Value::raw("2016-07-21")),
    ];
    let (out, after): (String, Action) = edited(&src, &edits);
    assert!(
        out.ends_with("SECCo Board.\r\nstatus: closed\r\nclosed: 2016-07-21\r\n"),
        "{out:?}"
    );
    assert!(!out.replace("\r\n", "").contains('\n'));
    assert_eq!(after.closed.unwrap().value.to_string(), "2016-07-21");
}

#[test]
fn an_empty_flow_list_is_filled_in_place_keeping_its_comment() {
    let item = Value::Map(vec![
        ("date".into(), Value::raw("2016-07-21")),
        ("note".into(), Value::text("Started.")),
    ]);
    let src = "id: X\nupdates: [ ]  # none yet\n# end\n";
    let edits = fill_empty_list(src, "updates", std::slice::from_ref(&item)).unwrap();
    assert_eq!(
        apply(src, &edits),
        "id: X\nupdates:  # none yet\n  - date: 2016-07-21\n    note: Started.\n# end\n"
    );
    // No trailing line break: one is added before the items.
    let edits = fill_empty_list("updates: []", "updates", std::slice::from_ref(&item)).unwrap();
    assert_eq!(
        apply("updates: []", &edits),
        "updates:\n  - date: 2016-07-21\n    note: Started.\n"
    );
    // Not an empty flow list, or not at the top level: nothing to fill.
    for src in [
        "updates: [a]\n",
        "  updates: []\n",
        "updates:\n  - a\n",
        "note: \"updates: []\"\n",
    ] {
        assert_eq!(
            fill_empty_list(src, "updates", std::slice::from_ref(&item)),
            None,
            "{src}"
        );
    }
}

#[test]
fn a_null_top_level_value_is_set_in_place_keeping_its_comment() {
    for (src, want) in [
        ("id: X\nclosed: ~\n", "id: X\nclosed: 2024-02-15\n"),
        (
            "closed: null  # not yet\n",
            "closed: 2024-02-15  # not yet\n",
        ),
        ("closed:\nid: X\n", "closed: 2024-02-15\nid: X\n"),
        ("closed:  # not yet\n", "closed:  2024-02-15 # not yet\n"),
        ("closed: ~", "closed: 2024-02-15"),
    ] {
        let edit = set_null_top(src, "closed", "2024-02-15").unwrap();
        assert_eq!(apply(src, &[edit]), want, "{src}");
    }
    // Not null, nested, not at the top level, or absent: nothing to set.
    for src in [
        "closed: 2024-01-01\n",
        "closed:\n  - a\n",
        "  closed: ~\n",
        "note: \"closed: ~\"\n",
        "closed: ~ x\n",
        "id: X\n",
    ] {
        assert_eq!(set_null_top(src, "closed", "2024-02-15"), None, "{src}");
    }
}

/// Regression: an update appended after one whose note is a `|+` block
/// went between the note and its trailing blank lines, so the earlier
/// note lost the line breaks it keeps.
#[test]
fn an_item_after_a_kept_block_scalar_goes_after_its_blank_lines() {
    let src = "id: X\nupdates:\n  - date: 2016-06-16\n    note: |+\n      literal\n\n\n";
    let a = action(&format!(
        "meeting: M\nowner: O\ntext: t\nstatus: open\n{src}"
    ));
    assert_eq!(a.updates[0].note, "literal\n\n\n");
    let item = Value::Map(vec![
        ("date".into(), Value::raw("2016-07-21")),
        ("note".into(), Value::text("new")),
    ]);
    let anchor = src.find("2016-06-16").unwrap();
    let out = apply(src, &[append_item(src, anchor, &item).unwrap()]);
    assert_eq!(
        out,
        "id: X\nupdates:\n  - date: 2016-06-16\n    note: |+\n      literal\n\n\n  - date: 2016-07-21\n    note: new\n"
    );
    let after = action(&format!(
        "meeting: M\nowner: O\ntext: t\nstatus: open\n{out}"
    ));
    assert_eq!(after.updates[0].note, "literal\n\n\n");
    assert_eq!(after.updates[1].note, "new");
    // `|` (clip) is unchanged: the item goes before the blank lines.
    let clip = src.replace("|+", "|");
    let out = apply(&clip, &[append_item(&clip, anchor, &item).unwrap()]);
    assert!(
        out.contains("      literal\n  - date: 2016-07-21\n"),
        "{out}"
    );
}

/// Regression: a CRLF file whose last line ended `\r` without its `\n`
/// got `\r\r\n` when an entry was appended after it.
#[test]
fn appending_after_a_last_line_ending_in_a_lone_cr_completes_its_crlf() {
    let src = "id: X\r\nstatus: open # c\r";
    let edit = Edit {
        range: src.len()..src.len(),
        text: "closed: 2016-07-21\n".to_owned(),
    };
    assert_eq!(
        apply(src, &[edit]),
        "id: X\r\nstatus: open # c\r\nclosed: 2016-07-21\r\n"
    );
}
