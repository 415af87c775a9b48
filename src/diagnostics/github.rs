//! The GitHub Actions format: one workflow command per finding,
//!
//! ```text
//! ::error file=records/actions/TSC07-02.yaml,line=5,col=8,endLine=5,endColumn=12,title=E0103 unknown-owner::unknown owner `SECSA`%0Ahelp: did you mean `SECAS`?
//! ```
//!
//! then the summary line. `endColumn` is the column of the value's last
//! character (inclusive). Values are escaped as the Actions toolkit
//! (`@actions/core`) escapes them: in the message `%`, `\r`, `\n`; in
//! properties also `:` and `,`.
//!
//! GitHub places an annotation by its path from the repository's root, so
//! inside a git work tree `file=` is relative to the work tree's root
//! (`records/...` even for `tsc validate --records ../records` run from a
//! subdirectory); elsewhere it is the path as `tsc` read it.

use std::path::{Path, PathBuf};

use super::{end_of, human::summary_line};
use crate::finding::{Finding, Severity};
use crate::validate::Report;

/// Escapes a command's message (data) as `@actions/core` does.
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property's value as `@actions/core` does.
pub(crate) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The root of the git work tree holding `dir` (the nearest directory at
/// or above it with a `.git` entry), if any.
fn work_tree_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `file` as a path from the work tree `root` when it lies inside it,
/// else as it was read.
fn annotation_path(file: &Path, root: Option<&Path>) -> String {
    let inside = root.and_then(|root| {
        let absolute = std::fs::canonicalize(file).ok()?;
        absolute.strip_prefix(root).ok().map(Path::to_path_buf)
    });
    crate::escape::path(inside.as_deref().unwrap_or(file))
}

fn command(finding: &Finding, root: Option<&Path>) -> String {
    let kind = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = vec![("file", annotation_path(&finding.file, root))];
    if !finding.position.is_whole_file() {
        properties.push(("line", finding.position.line.to_string()));
        properties.push(("col", finding.position.column.to_string()));
        if let Some(end) = end_of(finding) {
            properties.push(("endLine", end.line.to_string()));
            let last = end.column.saturating_sub(1).max(finding.position.column);
            properties.push(("endColumn", last.to_string()));
        }
    }
    properties.push(("title", finding.code.to_string()));
    let properties = properties
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect::<Vec<_>>()
        .join(",");
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!("::{kind} {properties}::{}", escape_data(&message))
}

/// One command per finding, then the summary line.
pub(crate) fn render(report: &Report) -> String {
    let root = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .ok()
        .and_then(|cwd| work_tree_root(&cwd));
    let mut out = String::new();
    for finding in &report.findings {
        out.push_str(&command(finding, root.as_deref()));
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_actions_toolkit() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("C:\\x,y%\n"), "C%3A\\x%2Cy%25%0A");
    }
}
