//! Finding the extent of block-style YAML nodes from a value's byte
//! offset (as the model's spans give it), by indentation alone: where a
//! mapping entry or a sequence item ends, and the file's indentation
//! style. Trailing blank lines, and comments not indented like the
//! node's content, are not part of a node (they introduce what follows),
//! so text inserted at a node's end goes before them; a trailing comment
//! indented like the content is part of it.

/// The start of the line that holds byte `pos`.
pub(crate) fn line_start(src: &str, pos: usize) -> usize {
    src[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line after the one that holds byte `pos` (the end of
/// the text when it is the last line).
pub(crate) fn next_line(src: &str, pos: usize) -> usize {
    src[pos..].find('\n').map_or(src.len(), |i| pos + i + 1)
}

/// The line starting at `start`, without its line break.
fn line_at(src: &str, start: usize) -> &str {
    let rest = &src[start..];
    rest.split('\n').next().unwrap_or("")
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A blank line or one that holds only a comment.
fn is_filler(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The column of the content after any `- ` sequence indicators at the
/// start of `line` (the key's column for `  - date: ...`).
fn content_column(line: &str) -> usize {
    let mut col = indent_of(line);
    while line[col..].starts_with("- ") || &line[col..] == "-" {
        col += 1;
        col += indent_of(&line[col..]);
    }
    col
}

/// The start of the previous line that is not blank or a comment.
fn previous_content_line(src: &str, start: usize) -> Option<usize> {
    let mut pos = start;
    while pos > 0 {
        pos = line_start(src, pos - 1);
        if !is_filler(line_at(src, pos)) {
            return Some(pos);
        }
    }
    None
}

/// The line and key column of the mapping entry whose value starts at
/// byte `value`. A block scalar's value starts on the line below its key,
/// so the key is looked for above it.
pub(crate) fn key_of(src: &str, value: usize) -> (usize, usize) {
    let mut start = line_start(src, value);
    if src[start..value].trim().is_empty() {
        let col = value - start;
        while let Some(above) = previous_content_line(src, start) {
            start = above;
            if indent_of(line_at(src, above)) < col {
                break;
            }
        }
    }
    (start, content_column(line_at(src, start)))
}

/// The end of the node on the line at `start` whose content is at column
/// `col`: the start of the first line after it that belongs to something
/// else. Lines indented more than `col` belong to it, and so does a `- `
/// line at `col` itself when `compact` (a block sequence written at its
/// key's own indentation).
pub(crate) fn block_end(src: &str, start: usize, col: usize, compact: bool) -> usize {
    let mut end = next_line(src, start);
    let mut pos = end;
    while pos < src.len() {
        let line = line_at(src, pos);
        let next = next_line(src, pos);
        let indent = indent_of(line);
        if is_filler(line) {
            // A comment indented like the node's content is part of it;
            // blank lines and other comments only if more of it follows.
            if !line.trim().is_empty() && indent > col {
                end = next;
            }
            pos = next;
            continue;
        }
        let dash = line[indent..].starts_with("- ") || &line[indent..] == "-";
        if indent > col || (compact && indent == col && dash) {
            end = next;
            pos = next;
            continue;
        }
        break;
    }
    kept_blank_lines(src, end)
}

/// `end`, moved past the blank lines after it when the node before `end`
/// ends in a block scalar that keeps its trailing line breaks (`|+`,
/// `>+`): those blank lines are part of its value, and text inserted
/// before them would change it.
fn kept_blank_lines(src: &str, end: usize) -> usize {
    let Some(last) = previous_content_line(src, end) else {
        return end;
    };
    let content = indent_of(line_at(src, last));
    // The header is the last line itself (an empty `|+`) or the nearest
    // line above it indented less than its content.
    if !is_keep_header(line_at(src, last)) {
        let mut pos = last;
        loop {
            let Some(above) = previous_content_line(src, pos) else {
                return end;
            };
            if indent_of(line_at(src, above)) < content {
                if !is_keep_header(line_at(src, above)) {
                    return end;
                }
                break;
            }
            pos = above;
        }
    }
    let mut pos = end;
    while pos < src.len() && line_at(src, pos).trim().is_empty() {
        pos = next_line(src, pos);
    }
    pos
}

/// Whether `line` ends with a block scalar header that keeps trailing
/// line breaks: `|+`, `>+`, `|2+`, `|+2` (a comment after it allowed).
fn is_keep_header(line: &str) -> bool {
    let code = line.split(" #").next().unwrap_or("").trim_end();
    let token = code.rsplit([' ', '\t']).next().unwrap_or("");
    let mut chars = token.chars();
    matches!(chars.next(), Some('|' | '>'))
        && token.contains('+')
        && chars.all(|c| c == '+' || c.is_ascii_digit())
}

/// Whether the key on the line at `start` has its value on the lines below
/// (nothing but a comment after the colon).
fn value_below(src: &str, start: usize) -> bool {
    let line = line_at(src, start);
    let after = line.split(" #").next().unwrap_or("").trim_end();
    after.ends_with(':')
}

/// The end of the mapping entry whose value starts at byte `value`, and
/// its key's column.
pub(crate) fn entry_end(src: &str, value: usize) -> (usize, usize) {
    let (start, col) = key_of(src, value);
    (block_end(src, start, col, value_below(src, start)), col)
}

/// The sequence item that holds the value at byte `value` (a value of the
/// item's mapping, or the item's scalar): the start of its `- ` line and
/// the dash's column.
pub(crate) fn item_of(src: &str, value: usize) -> Option<(usize, usize)> {
    let (mut start, col) = key_of(src, value);
    loop {
        let line = line_at(src, start);
        if !is_filler(line) {
            let indent = indent_of(line);
            if content_column(line) == col && indent < col {
                // The last dash before the content: `- - x` nests.
                let dash = line[..col].rfind('-')?;
                return Some((start, dash));
            }
            if indent < col {
                return None;
            }
        }
        if start == 0 {
            return None;
        }
        start = line_start(src, start - 1);
    }
}

/// The end of the block sequence whose item has its `- ` line at `start`
/// with the dash at column `dash`: the end of its last item. Also says
/// whether the items are separated by blank lines.
pub(crate) fn sequence_end(src: &str, start: usize, dash: usize) -> (usize, bool) {
    let mut end = block_end(src, start, dash, false);
    let mut spaced = None;
    loop {
        let mut pos = end;
        let mut blank = false;
        while pos < src.len() && is_filler(line_at(src, pos)) {
            blank |= line_at(src, pos).trim().is_empty();
            pos = next_line(src, pos);
        }
        let line = line_at(src, pos);
        let more = pos < src.len()
            && indent_of(line) == dash
            && (line[dash..].starts_with("- ") || &line[dash..] == "-");
        if !more {
            // Appending after the last item: the items before it say.
            let spaced = spaced.or_else(|| spaced_before(src, start, dash));
            return (end, spaced.unwrap_or(false));
        }
        spaced.get_or_insert(blank);
        end = block_end(src, pos, dash, false);
    }
}

/// Whether the sequence item whose `- ` line starts at `start` (dash at
/// column `dash`) is separated from the item before it by a blank line;
/// `None` when it is the first item.
fn spaced_before(src: &str, start: usize, dash: usize) -> Option<bool> {
    let mut pos = start;
    let mut blank = false;
    while pos > 0 {
        pos = line_start(src, pos - 1);
        let line = line_at(src, pos);
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if is_filler(line) {
            continue;
        }
        let indent = indent_of(line);
        let item = indent == dash && (line[dash..].starts_with("- ") || &line[dash..] == "-");
        return (indent > dash || item).then_some(blank);
    }
    None
}

/// How a file indents: the indentation of a nested mapping under its key,
/// and of a block sequence's `- ` under its key (0 for sequences written
/// at the key's own indentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Spaces a nested mapping is indented by.
    pub(crate) indent: usize,
    /// Spaces a block sequence's `- ` is indented by, under its key.
    pub(crate) sequence_indent: usize,
    /// The column before which folded text is wrapped.
    pub(crate) width: usize,
    /// Columns from a sequence item's `-` to its content: 2 for `- key`,
    /// 4 for `-   key`.
    pub(crate) item_indent: usize,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            indent: 2,
            sequence_indent: 2,
            width: 78,
            item_indent: 2,
        }
    }
}

/// Columns from the `-` of the sequence item on `line` (its dash at
/// column `dash`) to the item's content (2 for `- key`, 4 for `-   key`),
/// or `None` when nothing follows the dash on its line.
pub(crate) fn item_indent_of(line: &str, dash: usize) -> Option<usize> {
    let after = line.get(dash + 1..)?;
    let gap = indent_of(after);
    (gap > 0 && !is_filler(&after[gap..])).then_some(gap + 1)
}

impl Layout {
    /// The layout `src` uses, from its first nested mapping and its first
    /// block sequence under a key (its first item's spacing after the
    /// dash); the defaults where it has none.
    pub(crate) fn of(src: &str) -> Layout {
        let mut layout = Layout::default();
        let (mut mapping, mut sequence, mut item) = (None, None, None);
        let mut pos = 0;
        while pos < src.len() && (mapping.is_none() || sequence.is_none()) {
            let next = next_line(src, pos);
            let line = line_at(src, pos);
            if !is_filler(line) && value_below(src, pos) {
                let col = content_column(line);
                let mut below = next;
                while below < src.len() && is_filler(line_at(src, below)) {
                    below = next_line(src, below);
                }
                let child = line_at(src, below);
                let indent = indent_of(child);
                let dash = child[indent..].starts_with("- ");
                if dash && indent >= col && sequence.is_none() {
                    sequence = Some(indent - col);
                    item = item_indent_of(child, indent);
                } else if !dash && indent > col && mapping.is_none() {
                    mapping = Some(indent - col);
                }
            }
            pos = next;
        }
        layout.indent = mapping.unwrap_or(layout.indent);
        layout.sequence_indent = sequence.unwrap_or(layout.sequence_indent);
        layout.item_indent = item.unwrap_or(layout.item_indent);
        layout
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTION: &str =
        "# Action.\nid: \"X/01\"\ntext: >-\n  two\n  lines\nstatus: open\n# trailing\n";

    #[test]
    fn an_entry_ends_before_the_next_key_and_trailing_comments() {
        let text_value = ACTION.find("two").unwrap();
        assert_eq!(
            key_of(ACTION, text_value),
            (ACTION.find("text").unwrap(), 0)
        );
        let (end, col) = entry_end(ACTION, text_value);
        assert_eq!((&ACTION[end..], col), ("status: open\n# trailing\n", 0));
        let (end, _) = entry_end(ACTION, ACTION.find("open").unwrap());
        assert_eq!(&ACTION[end..], "# trailing\n");
    }

    #[test]
    fn sequences_end_after_their_last_item() {
        let src = "a:\n  - k: 1\n    j: 2\n\n  - k: 3\n\nb: 4\n";
        let (start, dash) = item_of(src, src.find('2').unwrap()).unwrap();
        assert_eq!((start, dash), (src.find("  - k: 1").unwrap(), 2));
        let (end, spaced) = sequence_end(src, start, dash);
        assert_eq!((&src[end..], spaced), ("\nb: 4\n", true));
        let compact = "a:\n- x\n- y\nb: 1\n";
        let (start, dash) = item_of(compact, compact.find('x').unwrap()).unwrap();
        let (end, spaced) = sequence_end(compact, start, dash);
        assert_eq!((&compact[end..], spaced), ("b: 1\n", false));
    }

    #[test]
    fn the_layout_is_read_from_the_file() {
        assert_eq!(Layout::of("a:\n    b: 1\nc:\n- d\n").indent, 4);
        assert_eq!(Layout::of("a:\n    b: 1\nc:\n- d\n").sequence_indent, 0);
        assert_eq!(Layout::of("id: x\n"), Layout::default());
        assert_eq!(Layout::of("a:\n  -   b: 1\n").item_indent, 4);
        assert_eq!(Layout::of("a:\n  -\n    b: 1\n").item_indent, 2);
    }
}
