//! The JSON format of a diff: one document,
//!
//! ```json
//! {"version": 1, "from": "HEAD~1", "to": "HEAD",
//!  "summary": "1 change to 1 action",
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

/// The JSON Schema (draft 2020-12) of the document [`render`] prints
/// (`tsc schema --output diff`): closed, so a field it does not list fails.
pub(crate) fn document_schema() -> serde_json::Value {
    use serde_json::json;
    let text = json!({ "type": "string" });
    let opt_text = json!({ "type": ["string", "null"] });
    let date = json!({ "type": "string", "format": "date" });
    let ids = json!({ "type": "array", "items": { "type": "string" } });
    let update = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["date", "note"],
        "properties": {
            "date": date.clone(), "meeting": text.clone(), "status": text.clone(), "note": text.clone(),
            "due": date.clone(), "owner": text.clone(),
            "agenda_item": { "type": ["integer", "string"] },
        }
    });
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "tsc diff --format json",
        "type": "object",
        "additionalProperties": false,
        "required": ["version", "from", "to", "summary", "changes"],
        "properties": {
            "version": {
                "const": VERSION,
                "description": "Version of the document's shape; it changes if a field is removed or changes meaning."
            },
            "from": { "type": "string", "description": "The old side: a revision as given." },
            "to": { "type": "string", "description": "The new side: a revision, `index` or `working tree`." },
            "summary": { "type": "string", "description": "The summary line." },
            "changes": {
                "type": "array",
                "description": "One object per change, grouped by record, then in ID order (fields by change in docs/output.md).",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["record", "id", "change"],
                    "properties": {
                        "record": { "enum": ["action", "modification", "meeting", "person",
                            "organisation", "principle", "settings", "unreadable"] },
                        "id": text,
                        "change": { "enum": ["raised", "added", "removed", "closed", "withdrawn",
                            "reopened", "status", "owner", "due", "closed-on", "text", "update", "edited", "deleted", "interest",
                            "phase", "related", "attendance", "renamed", "setting", "unreadable"] },
                        "from": opt_text,
                        "to": opt_text,
                        "meeting": text,
                        "owner": text,
                        "due": date,
                        "date": date,
                        "text": text,
                        "status": text,
                        "note": text,
                        "update": update,
                        "added": ids,
                        "removed": ids,
                        "attended": ids,
                        "no_longer_attended": ids,
                        "apologies": ids,
                        "no_longer_apologies": ids,
                        "revision": text,
                        "path": text,
                        "message": text,
                    }
                }
            }
        }
    });
    // An edited update's old form (`change: edited`).
    let previous = schema["properties"]["changes"]["items"]["properties"]["update"].clone();
    schema["properties"]["changes"]["items"]["properties"]["previous"] = previous;
    schema
}
