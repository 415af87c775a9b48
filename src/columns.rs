//! Column widths for terminal tables, by priority.
//!
//! IDs, dates and numbers are never wrapped: their columns get their
//! content's width. Text columns share what is left: each first gets its
//! floor (its longest word, up to [`WORD_FLOOR`] characters, so that no
//! word of [`WORD_FLOOR`] characters or fewer is broken), then the rest is
//! handed out in equal shares, a column taking no more than its text
//! needs, so that a long title takes the width short columns leave. A
//! header is abbreviated (`Assessm.`) before a never-wrapped column is
//! widened for it.

/// What a column holds, as far as its width is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ColumnNeeds {
    /// Never wrapped (IDs, dates, numbers).
    pub(crate) fixed: bool,
    /// Width of the widest line of content, header left out.
    pub(crate) content: usize,
    /// Width of the longest word of content (for fixed columns, the
    /// content width).
    pub(crate) longest_word: usize,
    /// Width of the header's longest word.
    pub(crate) header_word: usize,
    /// Width of the header on one line.
    pub(crate) header: usize,
    /// A list of IDs: it wraps between IDs, never inside one, so its
    /// floor is its longest word however long.
    pub(crate) ids: bool,
}

/// Words of this many characters or fewer are never broken.
pub(crate) const WORD_FLOOR: usize = 12;

/// Narrowest any column is made, borders left out.
const NARROWEST: usize = 3;

/// The width of each column's text (padding and borders left out) for a
/// table of `total` terminal columns, or each column's natural width when
/// `total` is `None` (nothing is wrapped).
pub(crate) fn fit(columns: &[ColumnNeeds], total: Option<usize>) -> Vec<usize> {
    let natural: Vec<usize> = columns
        .iter()
        .map(|c| c.content.max(c.header).max(1))
        .collect();
    let Some(total) = total else {
        return natural;
    };
    // `| a | b |`: three characters per column and one more.
    let available = total.saturating_sub(3 * columns.len() + 1);
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| {
            if c.fixed {
                c.content.max(c.header_word).max(1)
            } else if c.ids {
                c.longest_word.max(c.header_word).max(1)
            } else {
                c.longest_word.clamp(1, WORD_FLOOR)
            }
        })
        .collect();
    let used = |w: &[usize]| w.iter().sum::<usize>();
    // Too wide at the floors: abbreviate the headers of fixed columns,
    // then narrow the widest text floors, a character at a time.
    while used(&widths) > available {
        let header_room = columns
            .iter()
            .zip(&widths)
            .enumerate()
            .filter(|(_, (c, w))| {
                let least = if c.ids { c.longest_word } else { c.content };
                (c.fixed || c.ids) && **w > least.max(NARROWEST)
            })
            .max_by_key(|(_, (_, w))| **w)
            .map(|(i, _)| i);
        let text_room = columns
            .iter()
            .zip(&widths)
            .enumerate()
            .filter(|(_, (c, w))| !c.fixed && !c.ids && **w > NARROWEST)
            .max_by_key(|(_, (_, w))| **w)
            .map(|(i, _)| i);
        match header_room.or(text_room) {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    // Room left: equal shares to the text columns that want more, a
    // column taking no more than its natural width and leaving the rest to
    // the others (so a long title gets what short columns do not need).
    let mut spare = available.saturating_sub(used(&widths));
    while spare > 0 {
        let wanting: Vec<usize> = (0..columns.len())
            .filter(|&i| !columns[i].fixed && widths[i] < natural[i])
            .collect();
        if wanting.is_empty() {
            break;
        }
        let share = (spare / wanting.len()).max(1);
        for i in wanting {
            let add = share.min(natural[i] - widths[i]).min(spare);
            widths[i] += add;
            spare -= add;
        }
    }
    widths
}

/// `header` made to fit `width`: words longer than the width are cut and
/// end with `.` (`Assessments` in 8 is `Assessm.`); spaces still break
/// the header into lines.
pub(crate) fn abbreviate(header: &str, width: usize) -> String {
    header
        .split(' ')
        .map(|word| {
            if word.chars().count() <= width || width < 2 {
                word.to_owned()
            } else {
                let kept: String = word.chars().take(width - 1).collect();
                format!("{kept}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with each word wider than `width` that holds hyphens broken
/// after a hyphen (`initial-` / `consideration`), so that the table breaks
/// it where a reader would rather than mid-word.
pub(crate) fn break_at_hyphens(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| {
            line.split(' ')
                .map(|word| split_word(word, width))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn split_word(word: &str, width: usize) -> String {
    if word.chars().count() <= width || !word.contains('-') {
        return word.to_owned();
    }
    let mut out = String::new();
    let mut line = String::new();
    for part in word.split_inclusive('-') {
        if !line.is_empty() && line.chars().count() + part.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        line.push_str(part);
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(content: usize, word: usize, header: usize) -> ColumnNeeds {
        ColumnNeeds {
            fixed: false,
            content,
            longest_word: word,
            header_word: header,
            header,
            ids: false,
        }
    }

    fn fixed(content: usize, header: usize) -> ColumnNeeds {
        ColumnNeeds {
            fixed: true,
            content,
            longest_word: content,
            header_word: header,
            header,
            ids: false,
        }
    }

    #[test]
    fn fixed_columns_keep_their_width_and_text_takes_the_rest() {
        // ID, a long title, a short word column, a date.
        let columns = [fixed(9, 2), text(100, 12, 5), text(14, 8, 8), fixed(10, 4)];
        let widths = fit(&columns, Some(80));
        assert_eq!(widths.iter().sum::<usize>() + 3 * 4 + 1, 80);
        assert_eq!(widths[0], 9);
        assert_eq!(widths[3], 10);
        assert_eq!(widths[2], 14);
        assert_eq!(widths[1], 80 - 13 - 9 - 10 - 14);
        // Unknown width: nothing wraps.
        assert_eq!(fit(&columns, None), [9, 100, 14, 10]);
    }

    #[test]
    fn headers_of_number_columns_are_abbreviated_before_words_break() {
        let columns = [
            fixed(10, 4),
            fixed(11, 2),
            text(6, 6, 6),
            fixed(2, 9),
            fixed(2, 9),
            fixed(1, 7),
            fixed(2, 11),
        ];
        let widths = fit(&columns, Some(80));
        assert_eq!(widths.iter().sum::<usize>() + 3 * 7 + 1, 80);
        assert_eq!(&widths[..3], [10, 11, 6]);
        assert_eq!(abbreviate("Assessments", widths[6]), "Assessm.");
        assert_eq!(abbreviate("Last discussed", 10), "Last discussed");
    }

    #[test]
    fn long_hyphenated_words_break_after_a_hyphen() {
        assert_eq!(
            break_at_hyphens("initial-consideration", 13),
            "initial-\nconsideration"
        );
        assert_eq!(break_at_hyphens("on-target", 13), "on-target");
    }
}
