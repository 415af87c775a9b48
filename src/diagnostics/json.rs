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

use schemars::JsonSchema;
use serde::Serialize;

use super::end_of;
use crate::finding::{Finding, Position};
use crate::validate::Report;

/// Version of the document's shape.
pub(crate) const VERSION: u32 = 1;

/// `tsc validate --format json`: the findings of one run.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "tsc validate --format json", deny_unknown_fields)]
struct Document<'a> {
    /// Version of the document's shape (1).
    #[schemars(range(min = 1, max = 1))]
    version: u32,
    /// Number of errors.
    errors: usize,
    /// Number of warnings.
    warnings: usize,
    /// Every finding, in the order of the human output.
    findings: Vec<JsonFinding<'a>>,
}

/// One finding as JSON.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct JsonFinding<'a> {
    /// Rule code, for example `E0103`.
    code: &'static str,
    /// Rule name, for example `unknown-owner`.
    name: &'static str,
    /// `error` or `warning`.
    severity: String,
    /// What is wrong.
    message: &'a str,
    /// The file, as a path from where tsc was run.
    file: String,
    /// 1-based line, or null for a whole file.
    line: Option<u64>,
    /// 1-based column in characters, or null.
    column: Option<u64>,
    /// Line of the end of the value, or null.
    end_line: Option<u64>,
    /// Column just after the value, or null.
    end_column: Option<u64>,
    /// How to fix it, or null.
    help: Option<&'a str>,
    /// Other places the finding concerns.
    related: Vec<JsonRelated<'a>>,
}

/// Another place a finding concerns.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct JsonRelated<'a> {
    /// The file.
    file: String,
    /// 1-based line, or null.
    line: Option<u64>,
    /// 1-based column, or null.
    column: Option<u64>,
    /// What the place is.
    label: &'a str,
}

/// The JSON Schema (draft 2020-12) of the document [`render`] writes.
pub(crate) fn document_schema() -> serde_json::Value {
    crate::schema::generate::<Document<'static>>()
}

fn known(position: Position) -> (Option<u64>, Option<u64>) {
    if position.is_whole_file() {
        (None, None)
    } else {
        (Some(position.line), Some(position.column))
    }
}

fn to_json(finding: &Finding) -> JsonFinding<'_> {
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
pub(crate) fn render(report: &Report) -> String {
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
