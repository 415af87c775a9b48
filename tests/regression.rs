//! Regression tests, one per defect users hit, each named after the bug
//! and asserting the exact output.

mod common;

use std::path::Path;

use common::{copy_tree, real_records, stderr, stdout, tsc};

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--records", root.to_str().unwrap()];
    all.extend_from_slice(args);
    tsc(&all)
}

#[test]
fn new_meeting_dated_before_the_latest_meeting_is_refused() {
    let (_dir, root) = copy_tree(&real_records());
    let out = run(&root, &["new", "meeting", "--date", "2016-06-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "tsc: error: --date 2016-06-01 is before the latest meeting, TSC_07_1606 on 2016-06-16: \
         a new meeting takes the next number (8, TSC_08_1606), so give a date on or after \
         2016-06-16; a meeting held earlier is recorded by writing its file by hand with its \
         own number\n"
    );
    assert!(!root.join("meetings/TSC_08_1606.yaml").exists());
}

#[test]
fn new_meeting_on_the_latest_meetings_day_warns() {
    let (_dir, root) = copy_tree(&real_records());
    let out = run(&root, &["new", "meeting", "--date", "2016-06-16"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = root.join("meetings/TSC_08_1606.yaml");
    assert_eq!(stdout(&out), format!("TSC_08_1606 {}\n", path.display()));
    assert_eq!(
        stderr(&out),
        format!(
            "tsc: warning: TSC_08_1606 is dated 2016-06-16, the same day as the latest meeting, \
             TSC_07_1606; if that was meant (a second meeting that day) nothing more is needed, \
             else remove {} and run again with the right --date\n",
            path.display()
        )
    );
    assert!(path.exists());
}
