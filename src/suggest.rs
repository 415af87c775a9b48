//! "Did you mean ...?" suggestions for misspelled IDs and field names.

/// The candidate most similar to `input`, if one is similar enough to be
/// a plausible typo (normalised Damerau-Levenshtein similarity of at least
/// 0.6, via the strsim crate, ignoring case). Ties go to the candidate
/// that sorts first, so the answer does not depend on the candidates'
/// order (they often come from a hash map).
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    const THRESHOLD: f64 = 0.6;
    let input = input.to_lowercase();
    let input_len = input.chars().count();
    let mut best: Option<(&str, f64)> = None;
    for candidate in candidates {
        // The distance is at least the difference in length, so a
        // candidate whose length differs by more than (1 - THRESHOLD) of
        // the longer one cannot reach the threshold: skip the comparison.
        let len = candidate.chars().count();
        let longer = input_len.max(len) as f64;
        if input_len.abs_diff(len) as f64 > (1.0 - THRESHOLD) * longer {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(&input, &candidate.to_lowercase());
        // Two scores from the same function tie exactly or not at all.
        #[allow(clippy::float_cmp)]
        let better = best.is_none_or(|(b, s)| score > s || (score == s && candidate < b));
        if score >= THRESHOLD && better {
            best = Some((candidate, score));
        }
    }
    best.map(|(c, _)| c)
}

/// `did you mean `BEST`?`, saying where the two differ when they look
/// the same (`... they look the same, but differ at character 5: here
/// U+0061 LATIN SMALL LETTER A, U+0301 COMBINING ACUTE ACCENT; there
/// U+00E1 LATIN SMALL LETTER A WITH ACUTE`).
pub fn did_you_mean(input: &str, best: &str) -> String {
    match crate::unicode::look_alike_difference(input, best) {
        Some(difference) => {
            format!("did you mean `{best}`? They look the same, but `{input}` {difference}")
        }
        None => format!("did you mean `{best}`?"),
    }
}

/// Checks `value` against the IDs it may take (compared without regard
/// to case), so that a typo is refused with a suggestion: the message is
/// "unknown WHAT `VALUE`; did you mean `X`? use one of: ...".
///
/// # Errors
/// When `value` is none of `allowed`.
pub fn require_known<'a>(
    value: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
    what: &str,
) -> crate::error::Result<()> {
    if allowed.clone().any(|id| id.eq_ignore_ascii_case(value)) {
        return Ok(());
    }
    let list: Vec<&str> = allowed.clone().collect();
    if list.is_empty() {
        return Err(crate::error::Error::NotFound(format!(
            "unknown {what} `{value}`: the records define none"
        )));
    }
    let hint = closest(value, allowed)
        .map(|c| format!("{} ", did_you_mean(value, c)))
        .unwrap_or_default();
    Err(crate::error::Error::NotFound(format!(
        "unknown {what} `{value}`; {hint}use one of: {}",
        list.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::{closest, require_known};

    #[test]
    fn transposed_letters_are_suggested() {
        assert_eq!(closest("SECSA", ["DCC", "SECAS", "DECC"]), Some("SECAS"));
        assert_eq!(closest("ownr", ["id", "owner", "meeting"]), Some("owner"));
    }

    #[test]
    fn ties_go_to_the_candidate_that_sorts_first_whatever_the_order() {
        assert_eq!(closest("abcdz", ["abcdy", "abcdx"]), Some("abcdx"));
        assert_eq!(closest("abcdz", ["abcdx", "abcdy"]), Some("abcdx"));
    }

    #[test]
    fn an_empty_list_of_allowed_values_says_there_is_none() {
        let error = require_known("high", [].into_iter(), "interest level").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown interest level `high`: the records define none"
        );
    }

    #[test]
    fn unrelated_input_gets_no_suggestion() {
        assert_eq!(closest("zebra", ["SECAS", "DCC"]), None);
    }
}
