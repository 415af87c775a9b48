//! JSON output: one object, `{"version": 1, "rows": [...]}`, whose rows are
//! objects with the columns' keys as field names in column order. Dates
//! are `"YYYY-MM-DD"` strings, counts are numbers, lists are arrays,
//! missing values are `null`. The shape of each command's document is
//! published as a JSON Schema (`tsc schema --output KIND`,
//! [`super::json_schema`]).

use serde_json::{Map, Value as Json};

use super::{Listing, Value};

/// The JSON value of one cell.
pub(crate) fn value(cell: &Value) -> Json {
    match cell {
        Value::Text(t) => Json::String(t.trim_end().to_owned()),
        Value::Int(n) => Json::from(*n),
        Value::Date(d) => Json::String(d.to_string()),
        Value::Bool(b) => Json::Bool(*b),
        Value::List(items) => Json::Array(items.iter().cloned().map(Json::String).collect()),
        Value::Null => Json::Null,
    }
}

/// Version of the listing documents' shape: fields are only ever added,
/// and it changes if one is removed or changes meaning.
pub(crate) const VERSION: u32 = 1;

/// `listing` as a pretty-printed JSON document: its [`VERSION`] and its
/// rows.
pub(crate) fn listing(listing: &Listing) -> String {
    let rows: Vec<Json> = listing
        .rows
        .iter()
        .map(|row| {
            let object: Map<String, Json> = listing
                .columns
                .iter()
                .zip(row)
                .map(|(column, cell)| (column.key.to_owned(), value(cell)))
                .collect();
            Json::Object(object)
        })
        .collect();
    let document = serde_json::json!({ "version": VERSION, "rows": rows });
    serde_json::to_string_pretty(&document).expect("listings serialise to JSON")
}
