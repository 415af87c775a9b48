//! "Did you mean ...?" suggestions for misspelled IDs and field names.

/// The candidate most similar to `input`, if one is similar enough to be
/// a plausible typo (normalised Damerau-Levenshtein similarity of at least
/// 0.6, via the strsim crate). Ties go to the first candidate.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(&str, f64)> = None;
    for candidate in candidates {
        let score = strsim::normalized_damerau_levenshtein(
            &input.to_lowercase(),
            &candidate.to_lowercase(),
        );
        if score >= 0.6 && best.is_none_or(|(_, s)| score > s) {
            best = Some((candidate, score));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn transposed_letters_are_suggested() {
        assert_eq!(closest("SECSA", ["DCC", "SECAS", "DECC"]), Some("SECAS"));
        assert_eq!(closest("ownr", ["id", "owner", "meeting"]), Some("owner"));
    }

    #[test]
    fn unrelated_input_gets_no_suggestion() {
        assert_eq!(closest("zebra", ["SECAS", "DCC"]), None);
    }
}
