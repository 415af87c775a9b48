//! HTML documents: one self-contained file (inline CSS, no scripts, no
//! external assets). Markup is built with maud, which escapes every
//! interpolated string, so record text can never become markup.

use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The inline style sheet of every HTML document `tsc` writes.
const CSS: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;border-bottom:2px solid #2b5797;padding-bottom:.3rem}
h2{font-size:1.25rem;margin-top:2rem;color:#2b5797}
h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.92rem}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#eef2f8}
.ok{color:#1a7f37;font-weight:600}.bad{color:#b42318;font-weight:600}
.overdue{color:#b42318}
.muted{color:#666}
.decision strong{letter-spacing:.03em}
.action{background:#fff7e0;border-left:4px solid #d9a400;padding:.4rem .6rem;margin:.5rem 0}
figure{margin:1rem 0}
svg{max-width:100%;height:auto}
figure svg{width:100%}
td p{margin:0}td p+p,td p+ul,td ul+p{margin-top:.4em}td ul{margin:.3em 0 0;padding-left:1.2em}
.date{white-space:nowrap}
table.fixed{table-layout:fixed}
table.assessments{font-size:.85rem}
table.assessments th{font-size:.8rem}
@media print{
@page{size:A4;margin:16mm 14mm 18mm}
body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.35}
h1{font-size:16pt}h2{font-size:13pt;margin-top:1.2em}h3{font-size:11pt}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
table{font-size:9pt;break-inside:auto}
thead{display:table-header-group}
tr,li,.action,figure{break-inside:avoid;page-break-inside:avoid}
th{background:#eef2f8;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.action{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
";

/// A complete HTML5 document with `title` and `body`.
pub(crate) fn page(title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body { (body) }
        }
    }
    .into_string()
}

/// Record text as HTML, read as the Markdown that `tsc minutes --format
/// markdown` prints it as (blank lines separate paragraphs, `- ` starts a
/// list item, indented `- ` a nested one), rendered by pulldown-cmark.
/// Raw HTML in the text is shown as text, never passed through, so
/// `<script>` stays harmless; links and images keep only their text, so no
/// `javascript:` or remote address can get into the document; headings
/// become paragraphs.
pub(crate) fn paragraphs(text: &str) -> Markup {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let events = Parser::new(text).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { .. } | Tag::Image { .. })
        | Event::End(TagEnd::Link | TagEnd::Image) => None,
        // A heading inside a summary would compete with the document's own.
        Event::Start(Tag::Heading { .. }) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::Heading(_)) => Some(Event::End(TagEnd::Paragraph)),
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    PreEscaped(out)
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn record_text_cannot_become_markup_links_or_scripts() {
        let html = paragraphs("Intro\n\n- one\n  - nested <script>x</script>\n\n[click](javascript:alert(1)) ![i](http://evil/x.png)").into_string();
        assert!(html.contains("<ul>\n<li>one"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href") && !html.contains("src="), "{html}");
        assert!(html.contains("click"), "{html}");
    }
}
