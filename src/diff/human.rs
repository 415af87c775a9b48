//! The human format of a diff, laid out like a compiler's summary: a
//! heading per kind of record, each change on its own line with its verb
//! right-aligned (as cargo prints `Compiling`), coloured by what it does
//! when `styled`, then one summary line.
//!
//! ```text
//! Actions
//!       closed TSC07/01 on 2016-07-14 (Open → Closed) at TSC_08_1607: Done.
//!
//! 1 change to 1 action between HEAD~1 and HEAD
//! ```

use anstyle::{AnsiColor, Style};

use super::{Change, Diff, Piece, Tone};
use crate::terminal::escape_controls;

/// Width the verbs are right-aligned to.
const VERB_WIDTH: usize = 12;

/// Renders `diff` for a terminal; `styled` adds ANSI colours.
pub fn render(diff: &Diff, styled: bool) -> String {
    let paint = |style: Style, text: &str| {
        if styled {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    };
    let bold = Style::new().bold();
    let mut out = String::new();
    for (subject, changes) in diff.groups() {
        out.push_str(&paint(bold, subject.heading()));
        out.push('\n');
        for change in changes {
            out.push_str(&line(change, styled));
            out.push('\n');
        }
        out.push('\n');
    }
    let summary = diff.worded(Some(&format!(
        "{} and {}",
        escape_controls(&diff.from),
        escape_controls(&diff.to)
    )));
    out.push_str(&paint(bold, &summary));
    out.push('\n');
    out
}

/// One change as one line: the verb right-aligned, then its words, record
/// text with control characters escaped.
pub fn line(change: &Change, styled: bool) -> String {
    let colour = match change.tone() {
        Tone::Added => AnsiColor::Green,
        Tone::Removed => AnsiColor::Red,
        Tone::Changed => AnsiColor::Yellow,
    };
    let verb = format!("{:>VERB_WIDTH$}", change.verb());
    let mut out = if styled {
        let style = Style::new().fg_color(Some(colour.into())).bold();
        format!("{style}{verb}{style:#} ")
    } else {
        format!("{verb} ")
    };
    let id_style = Style::new().bold();
    for piece in change.words() {
        match piece {
            Piece::Word(w) => out.push_str(&w),
            Piece::Id(id) if styled => {
                out.push_str(&format!("{id_style}{}{id_style:#}", one_line(&id)));
            }
            Piece::Id(text) | Piece::Text(text) => out.push_str(&one_line(&text)),
        }
    }
    out
}

/// Record text on one line, control characters escaped: a long note is
/// shown whole, with its line breaks as spaces.
fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_controls(&joined).into_owned()
}
