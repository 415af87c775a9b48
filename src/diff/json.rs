//! The JSON format of a diff: one document,
//!
//! ```json
//! {"version": 1, "from": "HEAD~1", "to": "HEAD",
//!  "summary": "1 change: 1 action",
//!  "changes": [{"record": "action", "id": "TSC07/01", "change": "closed",
//!               "from": "Open", "to": "Closed", "date": "2016-07-14"}]}
//! ```
//!
//! Each change has `record` (`action`, `modification`, `meeting`,
//! `person`, `organisation`, `principle`, `settings`, `unreadable`), `id`,
//! `change` (the human format's verb: `raised`, `closed`, `interest`,
//! ...) and the fields of that kind, listed in
//! `docs/output.md`.

use serde::Serialize;

use super::{Change, Diff};

/// The version of the JSON document; raised when a field changes meaning
/// or goes away.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'d> {
    version: u32,
    from: &'d str,
    to: &'d str,
    summary: String,
    changes: Vec<serde_json::Value>,
}

/// One change as JSON, with `change` set to its verb.
pub fn change(change: &Change) -> serde_json::Value {
    let mut value = serde_json::to_value(change).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("change".to_owned(), change.verb().into());
    }
    value
}

/// Renders `diff` as one pretty-printed JSON document and a line break.
pub fn render(diff: &Diff) -> String {
    let document = Document {
        version: VERSION,
        from: &diff.from,
        to: &diff.to,
        summary: diff.summary(),
        changes: diff.changes.iter().map(change).collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
