//! CSV output, written by the csv crate (RFC 4180 quoting).
//!
//! A header line of column keys, then one line per row. Text cells that
//! begin with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading
//! `'`, so that a spreadsheet shows them as text instead of running them as
//! a formula (OWASP, "CSV Injection"). Numbers and dates are written as
//! they are, so they stay numbers; lists are joined with `; `.

use super::{Listing, Value};

/// The characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` made safe for a spreadsheet: prefixed with `'` when it begins
/// with one of `= + - @`, tab or carriage return.
pub(crate) fn neutralise(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn cell(value: &Value) -> String {
    match value {
        Value::Text(_) | Value::List(_) => neutralise(&value.display("; ").unwrap_or_default()),
        Value::Bool(b) => b.to_string(),
        other => other.display("; ").unwrap_or_default(),
    }
}

/// `listing` as CSV text.
pub(crate) fn listing(listing: &Listing) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = || -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        writer.write_record(listing.columns.iter().map(|c| c.key))?;
        for row in &listing.rows {
            writer.write_record(row.iter().map(cell))?;
        }
        writer.flush()?;
        Ok(writer.get_ref().clone())
    };
    // Writing to a Vec cannot fail; fall back to nothing if it ever does.
    let bytes = write().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_plain_text_is_not() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("-1+2"), "'-1+2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("SECAS"), "SECAS");
    }

    #[test]
    fn negative_numbers_stay_numbers() {
        let mut l = Listing::new(&[("n", "N"), ("t", "T")]);
        l.push(vec![Value::Int(-3), Value::Text("-3".into())]);
        assert_eq!(listing(&l), "n,t\n-3,'-3\n");
    }
}
