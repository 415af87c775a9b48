//! JSON Schemas (draft 2020-12) of the JSON documents `tsc` prints, so
//! that scripts can check what they read: `tsc schema --output KIND`.
//!
//! A listing document is `{"version": 1, "rows": [...]}` (see
//! [`super::json`]); each command's row fields are listed here with their
//! types, in the order of the command's columns, and `tests/schema.rs`
//! checks every command's real output against its schema with
//! check-jsonschema, so the list cannot drift from the output.

use serde_json::{Map, Value, json};

/// A JSON document `tsc` prints: `validate --format json` or a listing
/// command's `--format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputKind {
    /// `tsc validate --format json`.
    Validate,
    /// `tsc actions --format json`.
    Actions,
    /// `tsc mods --format json`.
    Mods,
    /// `tsc meetings --format json`.
    Meetings,
    /// `tsc people --format json`.
    People,
    /// `tsc organisations --format json`.
    Organisations,
    /// `tsc diff --format json`.
    Diff,
}

/// The JSON type of one row field.
#[derive(Debug, Clone, Copy)]
enum Type {
    Text,
    OptText,
    Int,
    OptDate,
    Bool,
    Ids,
    /// An agenda item number: a number (`2`), text as written (`"2a"`),
    /// or null.
    OptItem,
    /// A date, or `YYYY-MM` from the ID of a meeting whose day is not
    /// recorded.
    Day,
}

impl Type {
    fn schema(self) -> Value {
        match self {
            Type::Text => json!({ "type": "string" }),
            Type::OptText => json!({ "type": ["string", "null"] }),
            Type::Int => json!({ "type": "integer", "minimum": 0 }),
            Type::OptDate => json!({ "type": ["string", "null"], "format": "date" }),
            Type::Bool => json!({ "type": "boolean" }),
            Type::Ids => json!({ "type": "array", "items": { "type": "string" } }),
            Type::OptItem => json!({ "type": ["integer", "string", "null"] }),
            Type::Day => json!({
                "type": ["string", "null"],
                "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"
            }),
        }
    }
}

/// The participation listings' fields (people and organisations).
const PARTICIPATION: [(&str, Type, &str); 7] = [
    ("id", Type::Text, "Person or organisation ID."),
    ("name", Type::Text, "Full name."),
    (
        "organisation",
        Type::OptText,
        "For a person, the organisation they work for; null for an organisation.",
    ),
    (
        "attended",
        Type::Ids,
        "IDs of the meetings attended (for an organisation: represented or presented at).",
    ),
    (
        "apologies",
        Type::Ids,
        "IDs of the meetings apologies were sent for.",
    ),
    ("actions", Type::Ids, "IDs of the actions owned."),
    (
        "open_actions",
        Type::Int,
        "How many of those actions are open.",
    ),
];

impl OutputKind {
    /// The kind's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Validate => "validate",
            OutputKind::Actions => "actions",
            OutputKind::Mods => "mods",
            OutputKind::Meetings => "meetings",
            OutputKind::People => "people",
            OutputKind::Organisations => "organisations",
            OutputKind::Diff => "diff",
        }
    }

    /// The row fields of a listing, in column order, with their types and
    /// meanings; `None` for `validate`.
    fn fields(self) -> Option<&'static [(&'static str, Type, &'static str)]> {
        const ACTIONS: [(&str, Type, &str); 12] = [
            ("id", Type::Text, "Action ID, for example PA0112."),
            (
                "owner",
                Type::OptText,
                "Person or organisation ID of the owner as of today or --as-of (the latest update by then that reassigned it, else the one given when the action was raised); null when the minutes do not record one.",
            ),
            ("text", Type::Text, "What must be done."),
            ("meeting", Type::Text, "ID of the meeting that raised it."),
            (
                "raised",
                Type::OptDate,
                "Date of that meeting (null when it is not in the records).",
            ),
            (
                "agenda_item",
                Type::OptItem,
                "The agenda item that raised it, as written (2, \"2a\"); null for an action raised at a meeting not recorded.",
            ),
            (
                "due",
                Type::OptDate,
                "Due date as of today or --as-of (the latest update by then that set one, else the one given when the action was raised), or null.",
            ),
            (
                "status",
                Type::Text,
                "Status ID from vocabularies.action_statuses.",
            ),
            ("status_label", Type::Text, "That status's label."),
            ("open", Type::Bool, "Whether the status counts as open."),
            (
                "overdue",
                Type::Bool,
                "Open and due before today (or --as-of).",
            ),
            (
                "closed",
                Type::OptDate,
                "Date the action was closed, or null.",
            ),
        ];
        const MODS: [(&str, Type, &str); 9] = [
            ("id", Type::Text, "Proposal ID, for example DCP204."),
            (
                "title",
                Type::OptText,
                "The proposal's title, or null when not recorded.",
            ),
            (
                "phase",
                Type::OptText,
                "Current phase ID (the last of its history), or null.",
            ),
            ("phase_label", Type::OptText, "That phase's label, or null."),
            (
                "interest",
                Type::OptText,
                "Interest level ID from the latest assessment, or null.",
            ),
            (
                "interest_label",
                Type::OptText,
                "That interest level's label, or null.",
            ),
            (
                "assessed_at",
                Type::OptText,
                "ID of the meeting of the latest assessment, or null.",
            ),
            (
                "last_discussed",
                Type::OptDate,
                "Date of the latest meeting that assessed or mentioned it.",
            ),
            ("related", Type::Ids, "IDs of related proposals."),
        ];
        const MEETINGS: [(&str, Type, &str); 15] = [
            (
                "date",
                Type::Day,
                "The day of the meeting, or YYYY-MM from its ID when the day is not recorded.",
            ),
            ("id", Type::Text, "Meeting ID, for example PANEL_69_1409."),
            ("number", Type::OptItem, "The meeting's number, or null."),
            (
                "kind",
                Type::OptText,
                "Kind ID from vocabularies.meeting_kinds.",
            ),
            ("kind_label", Type::OptText, "That kind's label."),
            ("title", Type::OptText, "The minutes' own title, or null."),
            (
                "status",
                Type::OptText,
                "Status ID of the minutes, or null when they never state one.",
            ),
            (
                "status_label",
                Type::OptText,
                "That status's label, or null.",
            ),
            (
                "recorded",
                Type::Bool,
                "false for a meeting known of whose minutes are not kept.",
            ),
            ("attendees", Type::Int, "Number of attendees."),
            ("apologies", Type::Int, "Number of apologies."),
            ("agenda_items", Type::Int, "Number of agenda items."),
            ("decisions", Type::Int, "Number of decisions."),
            ("actions_raised", Type::Int, "Number of actions raised."),
            ("assessments", Type::Int, "Number of proposals assessed."),
        ];
        match self {
            OutputKind::Validate | OutputKind::Diff => None,
            OutputKind::Actions => Some(&ACTIONS),
            OutputKind::Mods => Some(&MODS),
            OutputKind::Meetings => Some(&MEETINGS),
            OutputKind::People | OutputKind::Organisations => Some(&PARTICIPATION),
        }
    }
}

/// The JSON Schema (draft 2020-12) of the document `kind` prints.
pub fn output_schema(kind: OutputKind) -> Value {
    let Some(fields) = kind.fields() else {
        return match kind {
            OutputKind::Diff => crate::diff::json::document_schema(),
            _ => crate::diagnostics::json::document_schema(),
        };
    };
    let mut properties = Map::new();
    for (key, ty, description) in fields {
        let mut field = ty.schema();
        field["description"] = json!(description);
        properties.insert((*key).to_owned(), field);
    }
    let required: Vec<&str> = fields.iter().map(|(key, _, _)| *key).collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("tsc {} --format json", kind.name()),
        "type": "object",
        "additionalProperties": false,
        "required": ["version", "rows"],
        "properties": {
            "version": {
                "const": super::json::VERSION,
                "description": "Version of the document's shape; fields are only ever added, and it changes if one is removed or changes meaning."
            },
            "rows": {
                "type": "array",
                "description": "One object per row, in the command's order.",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": required,
                    "properties": properties,
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_actions_schema_lists_its_fields_in_column_order() {
        let s = output_schema(OutputKind::Actions);
        let row = &s["properties"]["rows"]["items"];
        let keys: Vec<&str> = row["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "id",
                "owner",
                "text",
                "meeting",
                "raised",
                "agenda_item",
                "due",
                "status",
                "status_label",
                "open",
                "overdue",
                "closed"
            ]
        );
        assert_eq!(
            row["properties"]["owner"]["type"],
            json!(["string", "null"])
        );
        assert_eq!(
            row["properties"]["agenda_item"]["type"],
            json!(["integer", "string", "null"])
        );
        assert_eq!(row["properties"]["due"]["type"], json!(["string", "null"]));
        assert_eq!(s["properties"]["version"]["const"], 1);
    }

    #[test]
    fn the_validate_schema_requires_its_version() {
        let s = output_schema(OutputKind::Validate);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let required = s["required"].as_array().unwrap();
        assert!(required.contains(&json!("version")), "{s}");
        assert!(required.contains(&json!("findings")), "{s}");
    }
}
