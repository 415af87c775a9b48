//! Record text on its way to a terminal.
//!
//! Records are typed by many people; a value can hold control characters
//! (an escape sequence, a bell) that a terminal would obey. Everything
//! `tsc` prints as plain text passes through [`escape_controls`].

use std::borrow::Cow;

/// `text` with every control character other than a line break shown
/// escaped (`\u{1b}`) instead of sent to the terminal. Text without
/// control characters is returned as it is, without copying.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let escaped = |c: char| (c.is_control() && c != '\n') || crate::escape::is_bidi_control(c);
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn escapes_and_bells_are_shown_not_obeyed() {
        assert_eq!(
            escape_controls("a\u{1b}[31mb\u{7}\nc"),
            "a\\u{1b}[31mb\\u{7}\nc"
        );
        assert!(matches!(
            escape_controls("plain\ntext"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
