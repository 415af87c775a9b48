//! Record IDs: how they map to file names and how they sort.

use std::cmp::Ordering;

/// The file stem a record with this ID must have: the ID with every `/`
/// written as `-` (`TSC07/01` is stored as `TSC07-01.yaml`).
pub(crate) fn file_stem_for(id: &str) -> String {
    id.replace('/', "-")
}

/// Whether `id` can be turned into a file name at all: it is not empty,
/// is not `.` or `..`, and holds no path separator other than the `/` that
/// [`file_stem_for`] rewrites, no `..` and no control character.
pub(crate) fn is_safe_for_file_name(id: &str) -> bool {
    // Byte tests, which give the same answers (`.` and `\` are ASCII, and
    // so never part of another character's UTF-8), without the set-up of
    // a substring search per ID; the control test walks characters only
    // past ASCII, where C1 controls (U+0080 to U+009F) take two bytes.
    let bytes = id.as_bytes();
    let controls = if id.is_ascii() {
        bytes.iter().any(u8::is_ascii_control)
    } else {
        id.chars().any(char::is_control)
    };
    !id.is_empty()
        && !bytes.windows(2).any(|pair| pair == b"..")
        && !bytes.contains(&b'\\')
        && !id.starts_with('.')
        && !controls
}

/// Whether `stem` is [`file_stem_for`]`(id)`, without building it.
pub(crate) fn is_file_stem_for(stem: &str, id: &str) -> bool {
    stem.len() == id.len()
        && stem
            .bytes()
            .zip(id.bytes())
            .all(|(s, i)| s == if i == b'/' { b'-' } else { i })
}

/// Natural order of IDs: digit runs compare by value, so `TSC07/2` sorts
/// before `TSC07/10` and `TSC07/99` before `TSC08/01`. Equal-by-value IDs
/// that differ in spelling (`TSC07/1`, `TSC07/01`) fall back to plain
/// string order, so the order is total.
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    alphanumeric_sort::compare_str(a, b).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_ids_become_file_stems() {
        assert_eq!(file_stem_for("TSC07/01"), "TSC07-01");
        assert_eq!(file_stem_for("SECMP0007"), "SECMP0007");
    }

    #[test]
    fn natural_order_compares_numbers_by_value() {
        let mut ids = vec!["TSC08/01", "TSC07/10", "TSC07/99", "TSC07/2"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(ids, ["TSC07/2", "TSC07/10", "TSC07/99", "TSC08/01"]);
    }

    #[test]
    fn unsafe_ids_are_recognised() {
        assert!(is_safe_for_file_name("TSC07/01"));
        assert!(!is_safe_for_file_name("../etc"));
        assert!(!is_safe_for_file_name("a\\b"));
        assert!(!is_safe_for_file_name(""));
        assert!(!is_safe_for_file_name("a..b"));
        assert!(!is_safe_for_file_name(".hidden"));
        assert!(is_safe_for_file_name("a.b.c"));
        assert!(!is_safe_for_file_name("TSC\u{1b}07"));
        assert!(!is_safe_for_file_name("TSC\u{7f}"));
        assert!(!is_safe_for_file_name("TSC07\t01"));
        // Past ASCII: a C1 control is found, other characters are not.
        assert!(!is_safe_for_file_name("julián\u{85}"));
        assert!(is_safe_for_file_name("julián…"));
        assert!(!is_safe_for_file_name("julián..x"));
    }

    /// The byte tests of [`is_safe_for_file_name`] answer as the
    /// substring and character tests did, for every string of up to four
    /// characters drawn from the ones that matter.
    #[test]
    fn unsafe_ids_are_found_as_by_the_character_tests() {
        let old = |id: &str| {
            !id.is_empty()
                && !id.contains("..")
                && !id.contains('\\')
                && !id.starts_with('.')
                && !id.chars().any(char::is_control)
        };
        let alphabet = [
            '.', '\\', 'a', '/', '\u{1b}', '\u{85}', 'é', '\t', '\u{7f}', '…',
        ];
        let mut ids = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = ids
                .iter()
                .flat_map(|id| alphabet.iter().map(move |c| format!("{id}{c}")))
                .collect();
            ids.extend(longer);
        }
        ids.dedup();
        for id in &ids {
            assert_eq!(is_safe_for_file_name(id), old(id), "{id:?}");
        }
    }

    #[test]
    fn file_stems_are_compared_as_built() {
        for (stem, id) in [
            ("TSC07-01", "TSC07/01"),
            ("TSC07-01", "TSC07-01"),
            ("TSC07/01", "TSC07/01"),
            ("TSC07-1", "TSC07/01"),
            ("SECMP0007", "SECMP0007"),
            ("julián", "julián"),
            ("julia\u{301}n", "julián"),
            ("", ""),
        ] {
            assert_eq!(
                is_file_stem_for(stem, id),
                stem == file_stem_for(id),
                "{stem} {id}"
            );
        }
    }
}
