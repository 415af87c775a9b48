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
//! - **Workflow commands.** A line of output never starts with `::` (GitHub
//!   Actions would obey `::add-mask::`, `::error ...::` or `::stop-commands::`
//!   in a log): tsc's own lines never do, and one from record text gets a
//!   backslash first, `\::` (in Markdown that is the escape of `:`, so the
//!   rendered text is unchanged), or `&#58;:` in HTML.
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
pub fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The bidirectional formatting characters (U+061C, U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069), which reorder the text shown
/// around them (`\u{202e}SACES` shows as SECAS).
pub fn is_bidi_control(c: char) -> bool {
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

/// `text` with a backslash (`&#58;` for the first colon in HTML) before
/// every line that starts with `::`, so that no line can be read as a
/// GitHub Actions workflow command. JSON lines never start with record
/// text, so JSON is returned as it is.
pub fn line_starts(text: &str, flavour: Flavour) -> Cow<'_, str> {
    let starts_command = |line: &str| line.starts_with("::");
    if flavour == Flavour::Json || !text.split('\n').any(starts_command) {
        return Cow::Borrowed(text);
    }
    let guarded: Vec<Cow<'_, str>> = text
        .split('\n')
        .map(|line| match line.strip_prefix(':') {
            Some(rest) if rest.starts_with(':') => match flavour {
                Flavour::Html => Cow::Owned(format!("&#58;{rest}")),
                _ => Cow::Owned(format!("\\{line}")),
            },
            _ => Cow::Borrowed(line),
        })
        .collect();
    Cow::Owned(guarded.join("\n"))
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
/// still point at the same characters.
pub fn source_line(text: &str) -> Cow<'_, str> {
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
    fn no_line_starts_a_workflow_command() {
        let text = "::add-mask::SECAS\nok :: fine\n::error file=x::y";
        assert_eq!(
            output(text, Flavour::Text),
            "\\::add-mask::SECAS\nok :: fine\n\\::error file=x::y"
        );
        assert_eq!(
            output(text, Flavour::Html),
            "&#58;:add-mask::SECAS\nok :: fine\n&#58;:error file=x::y"
        );
        assert_eq!(output(":x\n: :", Flavour::Markdown), ":x\n: :");
    }
}
