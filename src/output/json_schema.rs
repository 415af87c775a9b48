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
}

/// The JSON type of one row field.
#[derive(Debug, Clone, Copy)]
enum Type {
    Text,
    OptText,
    Int,
    Date,
    OptDate,
    Bool,
    Ids,
}

impl Type {
    fn schema(self) -> Value {
        match self {
            Type::Text => json!({ "type": "string" }),
            Type::OptText => json!({ "type": ["string", "null"] }),
            Type::Int => json!({ "type": "integer", "minimum": 0 }),
            Type::Date => json!({ "type": "string", "format": "date" }),
            Type::OptDate => json!({ "type": ["string", "null"], "format": "date" }),
            Type::Bool => json!({ "type": "boolean" }),
            Type::Ids => json!({ "type": "array", "items": { "type": "string" } }),
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
        }
    }

    /// The row fields of a listing, in column order, with their types and
    /// meanings; `None` for `validate`.
    fn fields(self) -> Option<&'static [(&'static str, Type, &'static str)]> {
        const ACTIONS: [(&str, Type, &str); 11] = [
            ("id", Type::Text, "Action ID, for example TSC07/01."),
            ("owner", Type::Text, "Person or organisation ID."),
            ("text", Type::Text, "What must be done."),
            ("meeting", Type::Text, "ID of the meeting that raised it."),
            (
                "raised",
                Type::OptDate,
                "Date of that meeting (null when it is not in the records).",
            ),
            (
                "agenda_item",
                Type::Int,
                "Number of the agenda item that raised it.",
            ),
            ("due", Type::OptDate, "Due date, or null."),
            (
                "status",
                Type::Text,
                "Status ID from vocabularies.action_statuses.",
            ),
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
        const MODS: [(&str, Type, &str); 8] = [
            ("id", Type::Text, "Proposal ID, for example SECMP0007."),
            ("title", Type::Text, "The proposal's title."),
            ("phase", Type::OptText, "Phase ID, or null."),
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
        const MEETINGS: [(&str, Type, &str); 9] = [
            ("date", Type::Date, "The day of the meeting."),
            ("id", Type::Text, "Meeting ID, for example TSC_07_1606."),
            ("status", Type::Text, "Status ID of the minutes."),
            ("attendees", Type::Int, "Number of attendees."),
            ("apologies", Type::Int, "Number of apologies."),
            ("agenda_items", Type::Int, "Number of agenda items."),
            ("decisions", Type::Int, "Number of decisions."),
            ("actions_raised", Type::Int, "Number of actions raised."),
            ("assessments", Type::Int, "Number of proposals assessed."),
        ];
        match self {
            OutputKind::Validate => None,
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
        return crate::diagnostics::json::document_schema();
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
                "open",
                "overdue",
                "closed"
            ]
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
