//! Markdown output (GitHub-flavoured), and the escaping every Markdown
//! renderer in `tsc` uses for record text.
//!
//! Record text is never trusted as markup: `&`, `<` and `>` become
//! entities, so `<script>` shows as text; inside table cells `|` is
//! escaped as `\|` and line breaks become `<br>`.

use super::Listing;

/// Escapes record text for a Markdown paragraph: `&`, `<` and `>` become
/// entities, `[` and `]` are escaped so no link or image is made, and a
/// `#` that starts a line is escaped so no heading is made. Line breaks
/// are kept, so lists written in summaries stay lists.
pub fn escape_text(text: &str) -> String {
    let text = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    text.split('\n')
        .map(|line| {
            let body = line.trim_start();
            if body.starts_with('#') {
                format!("{}\\{body}", &line[..line.len() - body.len()])
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes record text that must stay on one line (a heading, a title, a
/// list item): as [`escape_text`], with line breaks turned into spaces, so
/// a line break in a title cannot start a new heading or list.
pub fn escape_inline(text: &str) -> String {
    escape_text(text.trim()).replace('\n', " ")
}

/// Escapes record text for one table cell: as [`escape_text`], plus `|`
/// as `\|` and every line break as `<br>`; trailing line breaks dropped.
pub fn escape_cell(text: &str) -> String {
    escape_text(text.trim_end())
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

/// A Markdown table with `headers` (already safe) and rows of raw cell
/// text (escaped here).
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", headers.join(" | ")));
    out.push_str(&format!(
        "|{}\n",
        headers.iter().map(|_| " --- |").collect::<String>()
    ));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| escape_cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// `listing` as a Markdown table; missing values are `-`.
pub fn listing(listing: &Listing) -> String {
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

    #[test]
    fn paragraphs_make_no_headings_links_or_images() {
        assert_eq!(
            super::escape_text("# Big\n- [x](http://e) ![i](http://e/i.png)"),
            "\\# Big\n- \\[x\\](http://e) !\\[i\\](http://e/i.png)"
        );
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
