//! Markdown output (GitHub-flavoured), and the escaping every Markdown
//! renderer in `tsc` uses for record text.
//!
//! Record text is never trusted as markup: `&`, `<` and `>` become
//! entities, so `<script>` shows as text; inside table cells `|` is
//! escaped as `\|` and line breaks become `<br>`.

use super::Listing;

/// Escapes record text for a Markdown paragraph, so that it can add no
/// structure to the document but paragraphs and lists:
///
/// - `\` is doubled (so it cannot undo an escape), `&`, `<` and `>` become
///   entities (no raw HTML, no block quote), `[`, `]` and `|` are escaped
///   (no link, image, footnote or table), `://` and `www.` are escaped (no
///   bare URL becomes a link);
/// - at the start of a line, indentation is cut to three spaces (no
///   indented code block), and `#`, `=`, a fence (`` ` ``, `~`), `+` and a
///   line of only `-`, `*` or `_` are escaped (no heading, setext
///   underline, code fence or thematic break);
/// - a line starting `::` is escaped (no workflow command in a CI log).
///
/// Line breaks are kept, so paragraphs and `- ` lists written in summaries
/// stay paragraphs and lists.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(text, "\n", &mut out);
    out
}

/// [`escape_text`] of `text` appended to `out`, with `line_break` between
/// its lines: one pass over the text and one over each line, where
/// replacing each character in turn over the whole text cost a report a
/// tenth of its run.
fn escape_into(text: &str, line_break: &str, out: &mut String) {
    let mut first = true;
    for line in Lines(Some(text)) {
        if !first {
            out.push_str(line_break);
        }
        first = false;
        let body = line.trim_start();
        let indent = (line.len() - body.len()).min(3);
        // A list item's text starts a block of its own (`- # x` is a
        // heading in a list), so it is checked after the markers.
        let (markers, inner) = body.split_at(list_markers(body));
        out.push_str(&"   "[..indent]);
        escape_characters(markers, out);
        // Judged as the line will be written: `://` is written `\://`,
        // which starts no workflow command.
        if is_structural(inner) && !inner.starts_with("://") {
            out.push('\\');
        }
        escape_characters(inner, out);
    }
}

/// The lines of `text` split at `\r\n`, `\n` and a lone `\r`: one more
/// than it has line breaks, as `split` gives (an empty text is one empty
/// line).
struct Lines<'a>(Option<&'a str>);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.0?;
        match text.find(['\r', '\n']) {
            Some(at) => {
                let skip = if text[at..].starts_with("\r\n") { 2 } else { 1 };
                self.0 = Some(&text[at + skip..]);
                Some(&text[..at])
            }
            None => {
                self.0 = None;
                Some(text)
            }
        }
    }
}

/// Appends `text` (part of one line) to `out` with `\`, `&`, `<`, `>`, `[`,
/// `]`, `|`, `://` and `www.` (any case) escaped as [`escape_text`] says.
fn escape_characters(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    for (at, &b) in bytes.iter().enumerate() {
        let escaped = match b {
            b'\\' => "\\\\",
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'[' => "\\[",
            b']' => "\\]",
            b'|' => "\\|",
            b':' if bytes[at + 1..].starts_with(b"//") => "\\:",
            b'.' if at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www") => "\\.",
            _ => continue,
        };
        out.push_str(&text[plain..at]);
        out.push_str(escaped);
        plain = at + 1;
    }
    out.push_str(&text[plain..]);
}

/// The length of the list markers (`- `, `* `, `1. `, `2) `, each with the
/// spaces after it) that `line` starts with.
fn list_markers(line: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let marker = if rest.starts_with("- ") || rest.starts_with("* ") {
            1
        } else if (1..10).contains(&digits)
            && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") "))
        {
            digits + 1
        } else {
            return at;
        };
        let spaces = rest[marker..].chars().take_while(|c| *c == ' ').count();
        at += marker + spaces;
    }
}

/// Whether a line (or a list item's text) that starts with `text` would
/// start a heading, setext underline, fence, thematic break, `+` list or
/// workflow command.
fn is_structural(text: &str) -> bool {
    let trimmed = text.trim_end();
    let only = |c: char| !trimmed.is_empty() && trimmed.chars().all(|x| x == c || x == ' ');
    text.starts_with(['#', '=', '`', '~', '+', ':']) || only('-') || only('*') || only('_')
}

/// Escapes record text that must stay on one line (a heading, a title, a
/// list item): as [`escape_text`], with line breaks turned into spaces, so
/// a line break in a title cannot start a new heading or list.
pub(crate) fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text.trim(), " ", &mut out);
    out
}

/// Escapes record text for one table cell: as [`escape_text`] (which
/// escapes `|`), with every line break as `<br>`; trailing line breaks
/// dropped.
pub(crate) fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text.trim_end(), "<br>", &mut out);
    out
}

/// A Markdown table with `headers` (already safe) and rows of raw cell
/// text (escaped here).
pub(crate) fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", headers.join(" | ")));
    out.push_str(&format!(
        "|{}\n",
        headers.iter().map(|_| " --- |").collect::<String>()
    ));
    for row in rows {
        out.push('|');
        for cell in row {
            out.push(' ');
            escape_into(cell.trim_end(), "<br>", &mut out);
            out.push_str(" |");
        }
        out.push('\n');
    }
    out
}

/// `listing` as a Markdown table; missing values are `-`.
pub(crate) fn listing(listing: &Listing) -> String {
    let headers: Vec<&str> = listing.columns.iter().map(|c| c.header).collect();
    let rows: Vec<Vec<String>> = listing
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| v.display(", ").unwrap_or_else(|| "-".to_owned()))
                .collect()
        })
        .collect();
    table(&headers, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping as it was first written, one replacement after
    /// another over the whole text: [`escape_text`] must give exactly
    /// this.
    fn replace_one_by_one(text: &str) -> String {
        let text = text
            .replace('\\', "\\\\")
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('[', "\\[")
            .replace(']', "\\]")
            .replace('|', "\\|")
            .replace("://", "\\://")
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let lower = text.to_ascii_lowercase();
        let mut www = String::new();
        let mut rest = 0;
        for (at, _) in lower.match_indices("www.") {
            www.push_str(&text[rest..at + 3]);
            www.push_str("\\.");
            rest = at + 4;
        }
        www.push_str(&text[rest..]);
        www.split('\n')
            .map(|line| {
                let body = line.trim_start();
                let indent = (line.len() - body.len()).min(3);
                let (markers, inner) = body.split_at(list_markers(body));
                let escape = if is_structural(inner) { "\\" } else { "" };
                format!("{}{markers}{escape}{inner}", " ".repeat(indent))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    proptest::proptest! {
        #[test]
        fn one_pass_escapes_as_one_replacement_after_another(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "W", "www", "wWw.", ".", ":", "//", "://", "::", "\\", "&", "<", ">",
                    "[", "]", "|", "\r", "\n", "\r\n", " ", "    ", "\t", "\u{3000}", "- ", "* ",
                    "1. ", "12) ", "#", "=", "`", "~", "+", "-", "*", "_", "##[", "é", "x",
                ]),
                0..24,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(escape_text(&text), replace_one_by_one(&text));
            proptest::prop_assert_eq!(
                escape_cell(&text),
                replace_one_by_one(text.trim_end()).replace('\n', "<br>")
            );
            proptest::prop_assert_eq!(
                escape_inline(&text),
                replace_one_by_one(text.trim()).replace('\n', " ")
            );
        }
    }

    #[test]
    fn paragraphs_make_no_headings_links_or_images() {
        assert_eq!(
            super::escape_text("# Big\n- [x](http://e) ![i](http://e/i.png)"),
            "\\# Big\n- \\[x\\](http\\://e) !\\[i\\](http\\://e/i.png)"
        );
    }

    #[test]
    fn record_text_makes_no_fence_setext_heading_code_block_or_autolink() {
        assert_eq!(
            escape_text("```\ntext\n===\n---\n      code\n- # h\n1. ~~~\nsee www.x.org or a\\[b]"),
            "\\```\ntext\n\\===\n\\---\n   code\n- \\# h\n1. \\~~~\nsee www\\.x.org or a\\\\\\[b\\]"
        );
        assert_eq!(escape_text("::add-mask::x"), "\\::add-mask::x");
    }

    #[test]
    fn inline_text_cannot_start_a_heading() {
        // The `#` is escaped as well, which Markdown shows as a plain `#`.
        assert_eq!(super::escape_inline("x\n# H1 <b>"), "x \\# H1 &lt;b&gt;");
    }

    #[test]
    fn cells_escape_pipes_newlines_and_angle_brackets() {
        assert_eq!(
            escape_cell("A | B\n<script>x</script>\n"),
            "A \\| B<br>&lt;script&gt;x&lt;/script&gt;"
        );
    }
}
