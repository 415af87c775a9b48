//! Plain text wrapped to a terminal's width with a hanging indent, for
//! `tsc show`: a continuation line starts under the text of its first
//! line, after the indent and any list marker (`- `, ` 2. `) or label
//! (`Action: `), so that lists and fields stay readable in 80 columns.

/// `text` with every line longer than `width` characters broken at
/// spaces. A word longer than the room left is kept whole on a line of its
/// own. Underlines (lines of `=` only) are cut to `width`.
pub fn wrap_hanging(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if !body.is_empty() && body.chars().all(|c| c == '=') {
            out.extend(body.chars().take(width));
        } else {
            wrap_line(body, width, &mut out);
        }
        out.push_str(newline);
    }
    out
}

/// Where continuation lines of `line` start: after its indent and list
/// marker, or after a short `Label: `; prose continues at its indent.
fn hanging_indent(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    if rest.starts_with("- ") {
        return indent + 2;
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && rest[digits..].starts_with(". ") {
        return indent + digits + 2;
    }
    match rest.find(": ") {
        Some(at) if at <= 20 && !rest[..at].contains(' ') => indent + at + 2,
        _ => indent,
    }
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    if line.chars().count() <= width {
        out.push_str(line);
        return;
    }
    let hang = hanging_indent(line).min(width / 2);
    let indent = line.len() - line.trim_start().len();
    let mut current = line[..indent].to_owned();
    let mut current_len = indent;
    let mut fresh = true;
    for word in line[indent..].split(' ') {
        let len = word.chars().count();
        if !fresh && current_len + 1 + len > width {
            out.push_str(current.trim_end());
            out.push('\n');
            current = " ".repeat(hang);
            current_len = hang;
            fresh = true;
        }
        if !fresh {
            current.push(' ');
            current_len += 1;
        }
        current.push_str(word);
        current_len += len;
        fresh = false;
    }
    out.push_str(current.trim_end());
}

#[cfg(test)]
mod tests {
    use super::wrap_hanging;

    #[test]
    fn long_lines_hang_under_their_text() {
        let text = "- 2016-06-16 TSC_07_1606 (item 6): interest High\n  Impact: technical yes, business yes\n";
        assert_eq!(
            wrap_hanging(text, 30),
            "- 2016-06-16 TSC_07_1606 (item\n  6): interest High\n  Impact: technical yes,\n          business yes\n"
        );
        assert_eq!(wrap_hanging("Title\n=====\n", 3), "Title\n===\n");
        assert_eq!(wrap_hanging("short\n", 80), "short\n");
        assert_eq!(wrap_hanging("  a b c d e f", 6), "  a b\n  c d\n  e f");
        assert_eq!(
            wrap_hanging("  5. TSC Principles for Assessing", 16),
            "  5. TSC\n     Principles\n     for\n     Assessing"
        );
    }
}
