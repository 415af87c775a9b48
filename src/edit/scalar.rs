//! Writing scalars the way a person would: plain when the plain form
//! reads back as the same string, quoted only when it must be, and in the
//! quoting style already used where a value is replaced.

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// How a scalar is written in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `value`
    Plain,
    /// `'value'`
    Single,
    /// `"value"`
    Double,
    /// `|` and the text on the lines below.
    Literal,
    /// `>` (or `>-`) and the text folded on the lines below.
    Folded,
}

/// The style of the scalar whose source (as a span of the model gives it)
/// is `written`: a quoted span starts with its quote; a block scalar's
/// span starts on the line after its `|` or `>` header, so `header` is the
/// text of the line before the span when the span starts a line.
pub(crate) fn style_of(written: &str, header: Option<&str>) -> Style {
    if written.starts_with('"') {
        Style::Double
    } else if written.starts_with('\'') {
        Style::Single
    } else {
        match header.map(|h| h.trim_end().rsplit(' ').next().unwrap_or("")) {
            Some(h) if h.starts_with('|') => Style::Literal,
            Some(h) if h.starts_with('>') => Style::Folded,
            _ => Style::Plain,
        }
    }
}

/// Whether `c` is written only as an escape in a double-quoted scalar:
/// control characters (C0, DEL, C1), which YAML 1.1 readers such as
/// PyYAML refuse (or, for NEL U+0085, take for a line break), the line
/// and paragraph separators U+2028 and U+2029 (line breaks to YAML 1.1,
/// so a raw one changes the value), a byte order mark inside text, and
/// the noncharacters U+FFFE and U+FFFF, which PyYAML refuses.
pub(crate) fn must_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// `text` for a `#` comment: every character [`must_escape`] would
/// escape (line breaks included) becomes a space, since a comment has
/// no escapes and a YAML 1.1 reader ends it at NEL, U+2028 or U+2029.
pub(crate) fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if must_escape(c) { ' ' } else { c })
        .collect()
}

/// Words that YAML readers take for something other than a string.
const NOT_STRINGS: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf",
    ".nan",
];

/// Whether `value` written plain would be read by YAML tools as exactly
/// this string (no number, boolean, null, indicator or comment).
pub(crate) fn plain_is_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let risky_start = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    let number = value
        .trim_start_matches(['+', '-'])
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
        && value
            .chars()
            .all(|c| c.is_ascii_hexdigit() || "+-._oxOX".contains(c));
    !(risky_start
        || number
        || value != value.trim()
        || value.contains(": ")
        || value.contains(" #")
        || value.ends_with(':')
        || value.chars().any(must_escape)
        || NOT_STRINGS.contains(&value.to_ascii_lowercase().as_str())
        || YAML_1_1_NOT_STRING.is_match(value))
        && reads_back(value, value)
}

/// The plain scalars a YAML 1.1 reader takes for something other than a
/// string: PyYAML's implicit resolvers (`yaml/resolver.py`, PyYAML 6),
/// one alternative each, in its order: booleans, floats (`1.5`, `1_0.5`,
/// sexagesimal `1:30.5`, `.inf`), integers (`0b1`, octal `07`, `1_000`,
/// `0x1F`, sexagesimal `12:30` = 750 and `1:2:3` = 3723), the merge key
/// `<<`, null, timestamps (`2026-02-12`, `2026-02-12 10:00:00`,
/// `2026-02-12T10:00:00Z`) and the value key `=` (which PyYAML refuses to
/// load). Such a value is quoted, so that such readers read the text that
/// was written.
static YAML_1_1_NOT_STRING: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    let resolvers = [
        r"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?",
        r"\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",
        r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*",
        r"[-+]?\.(?:inf|Inf|INF)",
        r"\.(?:nan|NaN|NAN)",
        r"[-+]?0b[0-1_]+",
        r"[-+]?0[0-7_]+",
        r"[-+]?(?:0|[1-9][0-9_]*)",
        r"[-+]?0x[0-9a-fA-F_]+",
        r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
        r"<<",
        r"~|null|Null|NULL",
        r"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]",
        r"[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?",
        r"=",
    ];
    regex_lite::Regex::new(&format!("^(?:{})$", resolvers.join("|"))).expect("a valid regex")
});

/// Whether `written`, as the value of a mapping key, reads back through
/// the loader's YAML parser as the string `value` (and not as a number,
/// boolean or null).
pub(crate) fn reads_back(written: &str, value: &str) -> bool {
    let doc = format!("k: {written}\n");
    let parsed: Result<BTreeMap<String, serde_json::Value>, _> =
        serde_saphyr::from_str_with_options(&doc, crate::yaml::options());
    matches!(parsed.as_ref().ok().and_then(|m| m.get("k")), Some(serde_json::Value::String(s)) if s == value)
}

/// `value` in double quotes, with YAML escapes.
pub(crate) fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if must_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `value` in single quotes, or `None` when single quotes cannot hold it
/// (line breaks and control characters need double quotes).
pub(crate) fn single_quoted(value: &str) -> Option<String> {
    (!value.chars().any(must_escape)).then(|| format!("'{}'", value.replace('\'', "''")))
}

/// `value` as a one-line scalar: plain when that is safe, else double
/// quoted.
pub(crate) fn inline(value: &str) -> String {
    if plain_is_safe(value) {
        value.to_owned()
    } else {
        double_quoted(value)
    }
}

/// `value` as a one-line scalar in `style` where that style can hold it
/// (plain only when safe), else double quoted.
pub(crate) fn inline_in(value: &str, style: Style) -> String {
    match style {
        Style::Single => single_quoted(value).unwrap_or_else(|| double_quoted(value)),
        Style::Double => double_quoted(value),
        _ => inline(value),
    }
}

/// The lines of a folded (`>-`) block holding `value`, each indented by
/// `indent` spaces and wrapped before `width` columns, or `None` when a
/// folded block cannot hold it exactly (leading or doubled spaces, line
/// breaks, trailing spaces).
pub(crate) fn folded_lines(value: &str, indent: usize, width: usize) -> Option<String> {
    let simple = !value.is_empty()
        && value == value.trim()
        && !value.contains("  ")
        && !value.chars().any(must_escape);
    if !simple {
        return None;
    }
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let mut line = String::new();
    for word in value.split(' ') {
        if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&pad);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&pad);
    out.push_str(&line);
    out.push('\n');
    let doc = format!("k: >-\n{out}");
    let parsed: Result<BTreeMap<String, String>, _> =
        serde_saphyr::from_str_with_options(&doc, crate::yaml::options());
    (parsed.ok()?.get("k")? == value).then_some(out)
}

/// The lines of a literal (`|`) block holding `value` (which must end in
/// one line break, as `|` keeps one), indented by `indent`, or `None` when
/// a literal block cannot hold it exactly.
pub(crate) fn literal_lines(value: &str, indent: usize) -> Option<String> {
    let body = value.strip_suffix('\n')?;
    if body.is_empty()
        || body.starts_with(' ')
        || body.ends_with('\n')
        || body.chars().any(|c| must_escape(c) && c != '\n')
    {
        return None;
    }
    let pad = " ".repeat(indent);
    let out: String = body
        .split('\n')
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect();
    let doc = format!("k: |\n{out}");
    let parsed: Result<BTreeMap<String, String>, _> =
        serde_saphyr::from_str_with_options(&doc, crate::yaml::options());
    (parsed.ok()?.get("k")? == value).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_nel_and_controls_are_escaped_in_double_quotes() {
        assert_eq!(inline("a\u{2028}b"), "\"a\\u2028b\"");
        assert_eq!(
            inline("a\u{2029}b\u{85}c\u{1b}"),
            "\"a\\u2029b\\u0085c\\u001B\""
        );
        assert_eq!(inline_in("a\u{2028}b", Style::Single), "\"a\\u2028b\"");
        assert_eq!(folded_lines("a\u{2028}b", 2, 80), None);
        assert_eq!(literal_lines("a\u{2029}b\n", 2), None);
        assert_eq!(comment_text("a\u{2028}b\u{85}c\nd"), "a b c d");
    }

    #[test]
    fn ordinary_text_stays_plain() {
        assert_eq!(inline("Circulated to members."), "Circulated to members.");
        assert_eq!(inline("SECAS"), "SECAS");
        assert_eq!(inline("closed"), "closed");
        assert_eq!(inline("Helen Marsh"), "Helen Marsh");
    }

    #[test]
    fn text_a_reader_would_misread_is_quoted() {
        for (value, written) in [
            ("yes", "\"yes\""),
            ("No", "\"No\""),
            ("12", "\"12\""),
            ("1.5", "\"1.5\""),
            ("", "\"\""),
            ("a: b", "\"a: b\""),
            ("x #y", "\"x #y\""),
            ("- item", "\"- item\""),
            ("#hash", "\"#hash\""),
            ("TSC07/01", "TSC07/01"),
            (" lead", "\" lead\""),
            ("two\nlines", "\"two\\nlines\""),
            ("say \"hi\"", "say \"hi\""),
            ("'q'", "\"'q'\""),
        ] {
            assert_eq!(inline(value), written, "{value:?}");
            assert!(reads_back(&inline(value), value), "{value:?}");
        }
    }

    /// Trial defect 5: `12:30` was written plain and PyYAML read 750;
    /// `2026-02-12 10:00:00` a datetime; `<<` and `=` made it refuse the
    /// file. Every YAML 1.1 resolver's form is quoted now.
    #[test]
    fn yaml_1_1_numbers_timestamps_merge_and_value_keys_are_quoted() {
        for value in [
            "12:30",
            "1:2:3",
            "+1:30",
            "1:30.5",
            "2026-02-12 10:00:00",
            "2026-02-12T10:00:00Z",
            "2026-2-1 1:00:00.5 +01:00",
            "2026-02-12t10:00:00",
            "<<",
            "=",
            "0b1",
            "0x1F",
            "1_000",
            "0o7",
            "+1",
            ".inf",
            ".NaN",
            "1_0.5",
            ".5e+3",
            "NULL",
            "OFF",
        ] {
            assert_eq!(inline(value), format!("\"{value}\""), "{value:?}");
        }
        // Text that merely looks close stays plain.
        for value in [
            "12:30 pm",
            "10:00-11:00",
            "a=b",
            "<<<",
            "x << y",
            "2026-02-12 noon",
        ] {
            assert_eq!(inline(value), value, "{value:?}");
        }
    }

    #[test]
    fn styles_are_kept_where_they_can_hold_the_value() {
        assert_eq!(inline_in("TSC08/01", Style::Double), "\"TSC08/01\"");
        assert_eq!(inline_in("it's", Style::Single), "'it''s'");
        assert_eq!(inline_in("a\nb", Style::Single), "\"a\\nb\"");
        assert_eq!(style_of("\"TSC07/01\"", None), Style::Double);
        assert_eq!(style_of("hello\n", Some("text: >-")), Style::Folded);
        assert_eq!(style_of("hello\n", Some("summary: |")), Style::Literal);
        assert_eq!(style_of("open", None), Style::Plain);
    }

    #[test]
    fn folded_text_wraps_and_reads_back() {
        let text = "Report on the DCC's progress with the Business Architecture Document to the September meeting.";
        let lines = folded_lines(text, 2, 78).unwrap();
        assert_eq!(
            lines,
            "  Report on the DCC's progress with the Business Architecture Document to the\n  September meeting.\n"
        );
        assert_eq!(folded_lines("two  spaces", 2, 78), None);
        assert_eq!(folded_lines("line\nbreak", 2, 78), None);
    }

    #[test]
    fn literal_text_keeps_paragraphs() {
        assert_eq!(
            literal_lines("One.\n\nTwo.\n", 6).unwrap(),
            "      One.\n\n      Two.\n"
        );
        assert_eq!(literal_lines("no final break", 6), None);
    }
}
