//! JSON output: an array of objects, one per row, with the columns' keys
//! as field names in column order. Dates are `"YYYY-MM-DD"` strings,
//! counts are numbers, lists are arrays, missing values are `null`.

use serde_json::{Map, Value as Json};

use super::{Listing, Value};

/// The JSON value of one cell.
pub fn value(cell: &Value) -> Json {
    match cell {
        Value::Text(t) => Json::String(t.trim_end().to_owned()),
        Value::Int(n) => Json::from(*n),
        Value::Date(d) => Json::String(d.to_string()),
        Value::Bool(b) => Json::Bool(*b),
        Value::List(items) => Json::Array(items.iter().cloned().map(Json::String).collect()),
        Value::Null => Json::Null,
    }
}

/// `listing` as a pretty-printed JSON array.
pub fn listing(listing: &Listing) -> String {
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
    serde_json::to_string_pretty(&Json::Array(rows)).unwrap_or_else(|_| "[]".to_owned())
}
