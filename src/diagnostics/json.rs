//! The JSON format: one document,
//!
//! ```json
//! {
//!   "version": 1,
//!   "errors": 1,
//!   "warnings": 0,
//!   "findings": [
//!     {
//!       "code": "E0103", "name": "unknown-owner", "severity": "error",
//!       "message": "unknown owner `SECSA`",
//!       "file": "records/actions/TSC07-02.yaml",
//!       "line": 5, "column": 8, "end_line": 5, "end_column": 13,
//!       "help": "did you mean `SECAS`?",
//!       "related": []
//!     }
//!   ]
//! }
//! ```
//!
//! Lines and columns are 1-based and count characters; `end_column` is
//! exclusive (the column just after the value). `line`, `column`,
//! `end_line` and `end_column` are `null` when a finding concerns a whole
//! file; `help` is `null` when there is none. Fields are only ever added,
//! and `version` changes if one is removed or changes meaning.

use serde::Serialize;

use super::end_of;
use crate::finding::{Finding, Position};
use crate::validate::Report;

/// Version of the document's shape.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    errors: usize,
    warnings: usize,
    findings: Vec<JsonFinding<'a>>,
}

/// One finding as JSON.
#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    name: &'static str,
    severity: String,
    message: &'a str,
    file: String,
    line: Option<u64>,
    column: Option<u64>,
    end_line: Option<u64>,
    end_column: Option<u64>,
    help: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: String,
    line: Option<u64>,
    column: Option<u64>,
    label: &'a str,
}

fn known(position: Position) -> (Option<u64>, Option<u64>) {
    if position.is_whole_file() {
        (None, None)
    } else {
        (Some(position.line), Some(position.column))
    }
}

fn to_json<'a>(finding: &'a Finding) -> JsonFinding<'a> {
    let (line, column) = known(finding.position);
    let end = end_of(finding);
    let (end_line, end_column) = end.map_or((None, None), known);
    JsonFinding {
        code: finding.code.code(),
        name: finding.code.name(),
        severity: finding.severity.to_string(),
        message: &finding.message,
        file: finding.file.display().to_string(),
        line,
        column,
        end_line,
        end_column,
        help: finding.help.as_deref(),
        related: finding
            .related
            .iter()
            .map(|r| {
                let (line, column) = known(r.position);
                JsonRelated {
                    file: r.file.display().to_string(),
                    line,
                    column,
                    label: &r.label,
                }
            })
            .collect(),
    }
}

/// The whole report as one pretty-printed JSON document.
pub fn render(report: &Report) -> String {
    let document = Document {
        version: VERSION,
        errors: report.error_count(),
        warnings: report.warning_count(),
        findings: report.findings.iter().map(|f| to_json(f)).collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).expect("findings serialise to JSON");
    text.push('\n');
    text
}
