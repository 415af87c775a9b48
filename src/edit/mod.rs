//! In-place edits of YAML text, as a person would make them.
//!
//! Every operation takes the file's text and the byte offset of a value
//! the model knows (a [`serde_saphyr::Spanned`] span), and returns an
//! [`Edit`]: a byte range and its new text. [`apply`] makes the edits;
//! every byte outside their ranges, comments and blank lines included, is
//! kept. New text follows the file's own indentation ([`Layout`]), list
//! style (blank lines between items when the list has them) and quoting;
//! new scalars are quoted only when a YAML reader would otherwise misread
//! them ([`scalar::inline`]), which is checked against the loader's own
//! parser.

pub(crate) mod block;
pub(crate) mod scalar;

use std::ops::Range;

pub(crate) use block::Layout;
use scalar::Style;

/// One change to a text: replace `range` with `text` (an insertion when
/// the range is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    /// The bytes replaced.
    pub(crate) range: Range<usize>,
    /// What replaces them.
    pub(crate) text: String,
}

/// A value to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// Written exactly as given: a number, a date, `true`.
    Raw(String),
    /// Text, plain when that reads back as the same string, else quoted.
    Text(String),
    /// Text in a given style: double quotes for IDs written that way,
    /// [`Style::Folded`] for long text (`>-` wrapped at the layout's
    /// width), [`Style::Literal`] for paragraphs. Falls back to double
    /// quotes when the style cannot hold the text.
    Styled(String, Style),
    /// A block mapping, in the order given.
    Map(Vec<(String, Value)>),
    /// A block sequence (`[]` when empty).
    List(Vec<Value>),
}

impl Value {
    /// Shorthand for [`Value::Text`].
    pub(crate) fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    /// Shorthand for [`Value::Raw`] of anything displayable.
    pub(crate) fn raw(s: impl std::fmt::Display) -> Value {
        Value::Raw(s.to_string())
    }
}

/// A mapping entry's lines: `key: value` at column `col` (the first line
/// starting with `lead` instead of the indentation, for a list item).
fn render_entry(key: &str, value: &Value, col: usize, lead: &str, layout: Layout) -> String {
    let mut out = format!("{lead}{key}:");
    out.push_str(&render_value(value, col, layout));
    out
}

/// What follows `key:` for `value` at key column `col`, through the end
/// of its last line.
fn render_value(value: &Value, col: usize, layout: Layout) -> String {
    let content = col + layout.indent;
    match value {
        Value::Raw(s) => format!(" {s}\n"),
        Value::Text(s) => format!(" {}\n", scalar::inline(s)),
        Value::Styled(s, Style::Folded) => match scalar::folded_lines(s, content, layout.width) {
            Some(lines) => format!(" >-\n{lines}"),
            None => format!(" {}\n", scalar::inline(s)),
        },
        Value::Styled(s, Style::Literal) => match scalar::literal_lines(s, content) {
            Some(lines) => format!(" |\n{lines}"),
            None => format!(" {}\n", scalar::double_quoted(s)),
        },
        Value::Styled(s, style) => format!(" {}\n", scalar::inline_in(s, *style)),
        Value::Map(entries) if entries.is_empty() => " {}\n".to_owned(),
        Value::Map(entries) => format!("\n{}", render_map(entries, content, None, layout)),
        Value::List(items) if items.is_empty() => " []\n".to_owned(),
        Value::List(items) => {
            let dash = col + layout.sequence_indent;
            let lines: String = items.iter().map(|i| render_item(i, dash, layout)).collect();
            format!("\n{lines}")
        }
    }
}

fn render_map(
    entries: &[(String, Value)],
    col: usize,
    first_lead: Option<&str>,
    layout: Layout,
) -> String {
    let pad = " ".repeat(col);
    entries
        .iter()
        .enumerate()
        .map(|(i, (k, v))| {
            let lead = first_lead.filter(|_| i == 0).unwrap_or(&pad);
            render_entry(k, v, col, lead, layout)
        })
        .collect()
}

/// A block sequence item whose `-` is at column `dash`, its content
/// `layout.item_indent` columns after it (`- key`, or `-   key`).
pub(crate) fn render_item(value: &Value, dash: usize, layout: Layout) -> String {
    let content = dash + layout.item_indent.max(2);
    let lead = format!("{}-{}", " ".repeat(dash), " ".repeat(content - dash - 1));
    match value {
        Value::Map(entries) if !entries.is_empty() => {
            render_map(entries, content, Some(&lead), layout)
        }
        other => {
            // `- value`: a scalar item's text is what follows `key:` (its
            // one space included).
            let rendered = render_value(other, content.saturating_sub(layout.indent), layout);
            format!("{}{rendered}", &lead[..lead.len() - 1])
        }
    }
}

/// Makes `edits` on `src`. Edits may not overlap; insertions at the same
/// place are made in the order given. In a file with `\r\n` line breaks,
/// the new text's line breaks are written `\r\n` too.
///
/// # Panics
/// When two edits overlap or a range is not on character boundaries (a
/// bug in the caller).
pub(crate) fn apply(src: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(src.len() + 256);
    let mut at = 0;
    let mut ended = src.is_empty() || src.ends_with('\n');
    // New lines follow the file's line breaks.
    let crlf = src.contains("\r\n");
    for edit in sorted {
        assert!(edit.range.start >= at, "overlapping edits");
        out.push_str(&src[at..edit.range.start]);
        if edit.range.start == src.len() && !ended {
            // The last line had no line break: give it one first (only
            // the `\n` when it already ends with the `\r` of a `\r\n`).
            out.push_str(if crlf && !src.ends_with('\r') {
                "\r\n"
            } else {
                "\n"
            });
            ended = true;
        }
        if crlf {
            out.push_str(&edit.text.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(&edit.text);
        }
        at = edit.range.end;
    }
    out.push_str(&src[at..]);
    out
}

/// Replaces the scalar written at `span` (a value span of the model) with
/// `value`, in the scalar's own style: plain stays plain where that is
/// safe, quotes stay the same quotes, a `>-` or `|` block stays a block
/// with the same indentation.
pub(crate) fn replace_scalar(src: &str, span: Range<usize>, value: &str) -> Edit {
    let start = block::line_start(src, span.start);
    let own_line = src[start..span.start].trim().is_empty() && start > 0;
    let header_line = own_line.then(|| {
        let above = block::line_start(src, start - 1);
        (above, src[above..start - 1].to_owned())
    });
    let style = scalar::style_of(
        &src[span.clone()],
        header_line.as_ref().map(|h| h.1.as_str()),
    );
    let indent = span.start - start;
    let block = |header: &str, lines: Option<String>| {
        let (above, line) = header_line.clone().unwrap_or_default();
        let indicator = above + line.rfind(header).unwrap_or(line.len());
        let text = match lines {
            Some(lines) => format!("{header}\n{lines}"),
            None => format!("{}\n", scalar::double_quoted(value)),
        };
        Edit {
            range: indicator..span.end,
            text,
        }
    };
    let header = header_line
        .as_ref()
        .map(|h| h.1.trim_end().rsplit(' ').next().unwrap_or("").to_owned())
        .unwrap_or_default();
    match style {
        Style::Folded if header == ">-" => block(
            ">-",
            scalar::folded_lines(value, indent, Layout::of(src).width),
        ),
        Style::Literal if header == "|" => block("|", scalar::literal_lines(value, indent)),
        Style::Folded | Style::Literal => block(&header, None),
        style => Edit {
            range: span,
            text: scalar::inline_in(value, style),
        },
    }
}

/// Inserts `key: value` as a new entry of the mapping that holds the
/// value at byte `anchor`, right after that value's entry.
pub(crate) fn insert_after(src: &str, anchor: usize, key: &str, value: &Value) -> Edit {
    let layout = Layout::of(src);
    let (end, col) = block::entry_end(src, anchor);
    Edit {
        range: end..end,
        text: render_entry(key, value, col, &" ".repeat(col), layout),
    }
}

/// Removes the mapping entry whose value is at byte `anchor`: its key's
/// line through the end of its value.
pub(crate) fn remove_entry(src: &str, anchor: usize) -> Edit {
    let (start, _) = block::key_of(src, anchor);
    let (end, _) = block::entry_end(src, anchor);
    Edit {
        range: start..end,
        text: String::new(),
    }
}

/// Appends `item` to the block sequence one of whose items holds the value
/// at byte `anchor`, after its last item, with the same indentation and,
/// when the items are separated by blank lines, a blank line before it.
///
/// # Errors
/// When `anchor` is not inside an item of a block sequence.
pub(crate) fn append_item(src: &str, anchor: usize, item: &Value) -> Result<Edit, String> {
    let (start, dash) = block::item_of(src, anchor).ok_or_else(|| not_block(src, anchor))?;
    let (end, spaced) = block::sequence_end(src, start, dash);
    let mut text = if spaced {
        "\n".to_owned()
    } else {
        String::new()
    };
    // The new item is spaced after its dash as its sibling is.
    let mut layout = Layout::of(src);
    let line = &src[start..block::next_line(src, start)];
    if let Some(n) = block::item_indent_of(line.trim_end_matches(['\n', '\r']), dash) {
        layout.item_indent = n;
    }
    text.push_str(&render_item(item, dash, layout));
    Ok(Edit {
        range: end..end,
        text,
    })
}

/// The 1-based line and column (in characters) of byte `offset` of `src`.
pub(crate) fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Why [`append_item`] or [`add_to_item`] cannot edit at byte `anchor`,
/// led by its `LINE:COLUMN` (1-based, columns in characters), for the
/// caller to put the file's path before: the list holding it is written
/// in flow style, which tsc does not edit.
fn not_block(src: &str, anchor: usize) -> String {
    let (line, column) = line_column(src, anchor);
    format!(
        "{line}:{column}: this list is written in flow style (`[...]` or `{{...}}`), \
         which tsc does not edit; rewrite it in block style, one `- ` item per line, \
         and run the command again"
    )
}

/// Adds `key: value` at the end of the mapping of the sequence item that
/// holds the value at byte `anchor` (for example a new field of one agenda
/// item), before any trailing comments and blank lines.
///
/// # Errors
/// When `anchor` is not inside an item of a block sequence.
pub(crate) fn add_to_item(
    src: &str,
    anchor: usize,
    key: &str,
    value: &Value,
) -> Result<Edit, String> {
    let (start, dash) = block::item_of(src, anchor).ok_or_else(|| not_block(src, anchor))?;
    let end = block::block_end(src, start, dash, false);
    // The item's own content column (`- key` or `-   key`).
    let line = &src[start..block::next_line(src, start)];
    let col = dash + block::item_indent_of(line.trim_end_matches(['\n', '\r']), dash).unwrap_or(2);
    Ok(Edit {
        range: end..end,
        text: render_entry(key, value, col, &" ".repeat(col), Layout::of(src)),
    })
}

/// Fills the top-level entry `key: []` (an empty flow sequence, as a
/// person writes "no updates yet") with `items`, as a block sequence under
/// the key: `updates: []  # none yet` becomes `updates:  # none yet` and
/// the items on the lines after it, so the comment stays where it was.
/// `None` when the file has no top-level `key: []`.
pub(crate) fn fill_empty_list(src: &str, key: &str, items: &[Value]) -> Option<Vec<Edit>> {
    let (end, colon, after) = top_entry(src, key)?;
    let value = after.trim_start_matches([' ', '\t']);
    let inner = value.strip_prefix('[')?.trim_start_matches([' ', '\t']);
    let rest = inner.strip_prefix(']')?;
    let close = end - rest.len();
    let tail = rest.trim_start_matches([' ', '\t']);
    if !(tail.trim_end().is_empty() || tail.starts_with('#')) {
        return None;
    }
    let list = render_value(&Value::List(items.to_vec()), 0, Layout::of(src));
    let lines = list.strip_prefix('\n').unwrap_or(&list).to_owned();
    // The brackets (and the spaces before them) go; the items go
    // after the key's line, comment and all.
    Some(vec![
        Edit {
            range: colon..close,
            text: String::new(),
        },
        Edit {
            range: end..end,
            text: lines,
        },
    ])
}

/// The first top-level entry `key:` of `src`: the end of its line, the
/// byte after its colon and the rest of the line from there.
fn top_entry<'s>(src: &'s str, key: &str) -> Option<(usize, usize, &'s str)> {
    let mut start = 0;
    while start < src.len() {
        let end = block::next_line(src, start);
        let line = &src[start..end];
        if let Some(after) = line.strip_prefix(key).and_then(|l| l.strip_prefix(':')) {
            return Some((end, start + key.len() + 1, after));
        }
        start = end;
    }
    None
}

/// Sets the top-level entry `key:` whose value is null as written (`~`,
/// `null`, `Null`, `NULL` or nothing, as the model reads an absent value)
/// to `value` (written as is): `closed: ~  # not yet` becomes
/// `closed: 2024-02-15  # not yet`, rather than a second `closed:`.
/// `None` when the file has no such entry.
pub(crate) fn set_null_top(src: &str, key: &str, value: &str) -> Option<Edit> {
    let (end, colon, after) = top_entry(src, key)?;
    let blank = after.len() - after.trim_start_matches([' ', '\t']).len();
    let rest = &after[blank..];
    let token = rest
        .split([' ', '\t', '#', '\r', '\n'])
        .next()
        .unwrap_or_default();
    let tail = rest[token.len()..].trim_start_matches([' ', '\t']);
    let null = matches!(token, "" | "~" | "null" | "Null" | "NULL");
    let commented = tail.trim_end().is_empty() || tail.starts_with('#');
    // An empty value followed by an indented block is not null.
    let next = &src[end..block::next_line(src, end)];
    let nested = token.is_empty() && next.starts_with([' ', '\t', '-']);
    if !null || !commented || nested {
        return None;
    }
    let at = colon + blank;
    let before = if blank == 0 { " " } else { "" };
    let after = if rest.starts_with('#') { " " } else { "" };
    Some(Edit {
        range: at..at + token.len(),
        text: format!("{before}{value}{after}"),
    })
}

/// Appends `key: value` at the end of the file's top-level mapping.
#[cfg(test)]
pub(crate) fn append_top(src: &str, key: &str, value: &Value) -> Edit {
    Edit {
        range: src.len()..src.len(),
        text: render_entry(key, value, 0, "", Layout::of(src)),
    }
}

/// `entries` as the lines of a new file's top-level mapping, in `layout`.
pub(crate) fn render_document(entries: &[(String, Value)], layout: Layout) -> String {
    render_map(entries, 0, None, layout)
}

#[cfg(test)]
mod tests;
