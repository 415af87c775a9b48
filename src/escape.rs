//! One policy for record text on its way out, whatever the command and
//! format (documented in `docs/output.md`, "Record text in outputs"):
//!
//! - **Control characters.** No C0 control other than line feed and tab,
//!   no DEL and no C1 control (ESC, CSI `U+009B`, BEL, the start of OSC 8
//!   links and OSC 52 clipboard writes) and no bidirectional control
//!   (U+202E RIGHT-TO-LEFT OVERRIDE) reaches the output raw. In text,
//!   CSV, Markdown and HTML it is shown escaped, `\u{1b}`; in JSON it is a
//!   JSON escape, `\u001b` (serde_json writes C0 so; C1 and DEL are
//!   rewritten here).
//! - **Workflow commands.** A line of output never starts with `::` or
//!   `##[`, after any leading white space (the GitHub runner trims it, then
//!   would obey `::add-mask::`, `::error ...::`, `::stop-commands::` or
//!   `##[error]` in a log): tsc's own lines never do, and one from record
//!   text gets a backslash first, `\::` (in Markdown that is the escape of
//!   `:`, so the rendered text is unchanged), or `&#58;:` / `&#35;#[` in
//!   HTML.
//!
//! Every command passes its whole output through [`output`] (or, for
//! output that tsc itself coloured, [`line_starts`] after escaping the
//! record text field by field with [`crate::terminal::escape_controls`]).

use std::borrow::Cow;

/// The kind of document being written, which decides how an escape is
/// spelt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// Plain text, tables, CSV and diagnostics.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// JSON.
    Json,
}

/// Whether `c` may not reach the output raw: every control character but
/// line feed and tab, and the bidirectional controls (see
/// [`is_bidi_control`]).
pub(crate) fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The bidirectional formatting characters (U+061C, U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069), which reorder the text shown
/// around them (`\u{202e}SACES` shows as SECAS).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character that [`is_forbidden_control`]
/// names escaped as `flavour` spells it, and every line that starts with
/// `::` guarded (see the module docs). Text that needs neither is returned
/// as it is, without copying.
pub fn output(text: &str, flavour: Flavour) -> Cow<'_, str> {
    let controls = controls(text, flavour);
    match line_starts(&controls, flavour) {
        Cow::Borrowed(_) => controls,
        Cow::Owned(guarded) => Cow::Owned(guarded),
    }
}

/// `text` with every control character that [`is_forbidden_control`]
/// names escaped as `flavour` spells it. For output whose lines tsc starts
/// itself and whose record text never starts a line (the GitHub format,
/// where line breaks in a message are `%0A`).
pub fn controls(text: &str, flavour: Flavour) -> Cow<'_, str> {
    if text.chars().any(is_forbidden_control) {
        let mut out = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            if !is_forbidden_control(c) {
                out.push(c);
            } else if flavour == Flavour::Json {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            } else {
                out.extend(c.escape_default());
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Where the workflow command that `line` would start begins, if it
/// would start one: the GitHub runner trims a line's leading whitespace
/// (any Unicode white space, as .NET `TrimStart` does) and then obeys a
/// line that starts with `::` (`::add-mask::`) or with `##[` (the older
/// `##[error]`, `##[group]`). `:::` is not one (a command's name cannot
/// start with `:`), so the ` ::: FILE:LINE:COLUMN` lines of diagnostics
/// stay as they are.
fn command_start(line: &str) -> Option<usize> {
    let start = line.len() - line.trim_start_matches(char::is_whitespace).len();
    let rest = &line[start..];
    let command = rest.starts_with("::") && !rest.starts_with(":::");
    (command || rest.starts_with("##[")).then_some(start)
}

/// `text` with a backslash (`&#58;` or `&#35;` for the first character in
/// HTML) before every `::` or `##[` that starts a line, after any leading
/// white space, so that no line can be read as a GitHub Actions workflow
/// command; and every other `##[` in a line written `##\[` (`##&#91;` in
/// HTML), because the runner's older command parser looks for `##[`
/// anywhere in a line (`ActionCommand.TryParse`), so `text ##[add-mask]x`
/// would be obeyed. JSON lines never start with record text, so JSON is
/// returned as it is.
pub fn line_starts(text: &str, flavour: Flavour) -> Cow<'_, str> {
    if flavour == Flavour::Json
        || !text
            .split('\n')
            .any(|l| command_start(l).is_some() || l.contains("##["))
    {
        return Cow::Borrowed(text);
    }
    let guarded: Vec<Cow<'_, str>> = text
        .split('\n')
        .map(|line| {
            let start = command_start(line);
            let inner = mid_line_commands(line, start, flavour);
            match start {
                Some(start) => {
                    let (indent, rest) = inner.split_at(start);
                    Cow::Owned(match flavour {
                        Flavour::Html if rest.starts_with(':') => {
                            format!("{indent}&#58;{}", &rest[1..])
                        }
                        Flavour::Html => format!("{indent}&#35;{}", &rest[1..]),
                        _ => format!("{indent}\\{rest}"),
                    })
                }
                None => inner,
            }
        })
        .collect();
    Cow::Owned(guarded.join("\n"))
}

/// `line` with every `##[` except the one at `start` (a line-start command,
/// guarded by [`line_starts`] itself) broken up: `##\[`, `##&#91;` in HTML.
fn mid_line_commands(line: &str, start: Option<usize>, flavour: Flavour) -> Cow<'_, str> {
    let breaks: Vec<usize> = line
        .match_indices("##[")
        .map(|(i, _)| i)
        .filter(|i| Some(*i) != start)
        .collect();
    if breaks.is_empty() {
        return Cow::Borrowed(line);
    }
    let bracket = if flavour == Flavour::Html {
        "&#91;"
    } else {
        "\\["
    };
    let mut out = String::with_capacity(line.len() + 4 * breaks.len());
    let mut at = 0;
    for i in breaks {
        out.push_str(&line[at..i + 2]);
        out.push_str(bracket);
        at = i + 3;
    }
    out.push_str(&line[at..]);
    Cow::Owned(out)
}

/// A path as shown in diagnostics: every control character, line breaks
/// and tabs included, escaped (`\n`, `\u{1b}`), so that a file name can
/// neither split a ` --> PATH:LINE:COLUMN` line nor send a terminal a
/// command.
pub fn path(path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    if !shown.chars().any(char::is_control) {
        return shown;
    }
    shown
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().collect()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A source line for a diagnostic's snippet: each forbidden control
/// character replaced by `U+FFFD`, one character for one, so that columns
/// still point at the same characters. The `\r` of a CRLF line ending is
/// dropped, not shown.
pub(crate) fn source_line(text: &str) -> Cow<'_, str> {
    let text = text.strip_suffix('\r').unwrap_or(text);
    if !text.chars().any(is_forbidden_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_forbidden_control(c) {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_in_each_flavour_and_newline_and_tab_kept() {
        let payload = "a\u{1b}[2Jb\u{7}\u{9b}c\u{7f}\td\ne\r";
        assert_eq!(
            output(payload, Flavour::Text),
            "a\\u{1b}[2Jb\\u{7}\\u{9b}c\\u{7f}\td\ne\\r"
        );
        assert_eq!(
            output(payload, Flavour::Json),
            "a\\u001b[2Jb\\u0007\\u009bc\\u007f\td\ne\\u000d"
        );
        assert!(matches!(
            output("plain\ttext\n", Flavour::Text),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn crlf_source_line() {
        assert_eq!(source_line("id: x\r"), "id: x");
        assert_eq!(source_line("a\rb\r"), "a\u{fffd}b");
    }

    #[test]
    fn no_line_starts_a_workflow_command() {
        let cases = [
            (
                "::add-mask::SECAS\nok :: fine\n::error file=x::y",
                "\\::add-mask::SECAS\nok :: fine\n\\::error file=x::y",
                "&#58;:add-mask::SECAS\nok :: fine\n&#58;:error file=x::y",
            ),
            // workflow_command_after_leading_whitespace_is_guarded
            (
                "  ::add-mask::S\n\t::error::x\n\u{a0}##[group]g\n a :: b\n# ##[x",
                "  \\::add-mask::S\n\t\\::error::x\n\u{a0}\\##[group]g\n a :: b\n# ##\\[x",
                "  &#58;:add-mask::S\n\t&#58;:error::x\n\u{a0}&#35;#[group]g\n a :: b\n# ##&#91;x",
            ),
            // Regression: the runner's older parser obeys `##[` anywhere
            // in a line, so text in the middle of a table row or a
            // diagnostic could mask a value or stop the annotations.
            (
                "Add detail ##[add-mask]SECAS then ##[stop-commands]t0k\n##[error]a ##[warning]b",
                "Add detail ##\\[add-mask]SECAS then ##\\[stop-commands]t0k\n\\##[error]a ##\\[warning]b",
                "Add detail ##&#91;add-mask]SECAS then ##&#91;stop-commands]t0k\n&#35;#[error]a ##&#91;warning]b",
            ),
            (" ::: f:1:2", " ::: f:1:2", " ::: f:1:2"),
        ];
        for (text, plain, html) in cases {
            assert_eq!(output(text, Flavour::Text), plain);
            assert_eq!(output(text, Flavour::Html), html);
        }
        assert_eq!(output(":x\n: :", Flavour::Markdown), ":x\n: :");
    }
}
