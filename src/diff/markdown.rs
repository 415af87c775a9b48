//! The Markdown format of a diff, for a pull-request comment or
//! `$GITHUB_STEP_SUMMARY`: a heading, a bold line per kind of record and
//! a list item per change. Record text goes through
//! [`escape_inline`](crate::output::markdown::escape_inline), so it cannot
//! start a heading, a list, a link or a code fence, or carry HTML.

use super::{Diff, Piece};
use crate::output::markdown::escape_inline;

/// Renders `diff` as GitHub-flavoured Markdown.
pub fn render(diff: &Diff) -> String {
    let mut md = format!(
        "## Changes to the records: {} → {}\n\n",
        escape_inline(&diff.from),
        escape_inline(&diff.to)
    );
    if diff.is_empty() {
        md.push_str("No changes in meaning.\n");
        return md;
    }
    for (subject, changes) in diff.groups() {
        md.push_str(&format!("**{}**\n\n", subject.heading()));
        for change in changes {
            md.push_str(&format!("- **{}** ", change.verb()));
            for piece in change.words() {
                match piece {
                    Piece::Word(w) => md.push_str(&w),
                    Piece::Id(text) | Piece::Text(text) => {
                        // Inline code would keep an ID literal but can be
                        // broken out of by a backtick; escaped text cannot.
                        md.push_str(&escape_inline(&text));
                    }
                }
            }
            md.push('\n');
        }
        md.push('\n');
    }
    md.push_str(&format!("{}.\n", capitalised(&diff.summary())));
    md
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
