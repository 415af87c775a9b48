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
    !id.is_empty()
        && !id.contains("..")
        && !id.contains('\\')
        && !id.starts_with('.')
        && !id.chars().any(char::is_control)
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
    }
}
