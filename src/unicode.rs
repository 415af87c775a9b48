//! What Unicode makes of an ID: normal form (unicode-normalization),
//! invisible and bidirectional format characters (General_Category `Cf`,
//! from unicode-properties), default-ignorable fillers (UTS #39, from
//! unicode-security) and blank symbols, look-alikes (the UTS #39 skeleton, from
//! unicode-security), and a description of where two look-alikes differ
//! (character names from unicode_names2, user-perceived characters from
//! unicode-segmentation).

use unicode_normalization::is_nfc;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_security::GeneralSecurityProfile;
use unicode_security::general_security_profile::IdentifierType;
use unicode_segmentation::UnicodeSegmentation;

/// `U+0301 COMBINING ACUTE ACCENT`: a character's code point and name, or
/// the code point alone for a character without a name in Unicode 15.0
/// (unicode_names2 0.6's tables): controls, unassigned code points and the
/// characters added since.
pub(crate) fn describe(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => format!("U+{:04X} {name}", u32::from(c)),
        None => format!("U+{:04X}", u32::from(c)),
    }
}

/// Whether `text` is in Normalization Form C.
pub(crate) fn is_normalized(text: &str) -> bool {
    is_nfc(text)
}

/// Characters that draw nothing although they are neither white space,
/// nor format characters, nor default-ignorable: U+2800 BRAILLE PATTERN
/// BLANK (a symbol, General_Category `So`, that renders as a blank cell),
/// U+1D159 MUSICAL SYMBOL NULL NOTEHEAD (a symbol, `So`, drawn as nothing)
/// and U+16FE4 KHITAN SMALL SCRIPT FILLER (a mark, `Mn`, that only pads a
/// cluster). No Unicode property names them; this list is ours, from the
/// usual lists of blank-drawing characters (every other character on them
/// is white space, `Cf` or default-ignorable, which E0207 already finds).
pub(crate) const BLANK_SYMBOLS: &[char] = &['\u{2800}', '\u{1d159}', '\u{16fe4}'];

/// Whether `c` is an invisible format character (General_Category `Cf`:
/// the bidirectional controls such as U+202E RIGHT-TO-LEFT OVERRIDE,
/// zero-width spaces and joiners, the byte order mark, soft hyphens).
pub(crate) fn is_format(c: char) -> bool {
    c.general_category() == GeneralCategory::Format
}

/// Whether `c` is invisible: a format character ([`is_format`]), a
/// default-ignorable character by UTS #39's Identifier_Type (from
/// unicode-security: the fillers U+3164 HANGUL FILLER, U+115F HANGUL
/// CHOSEONG FILLER, U+1160 HANGUL JUNGSEONG FILLER and U+FFA0 HALFWIDTH
/// HANGUL FILLER, U+034F COMBINING GRAPHEME JOINER, the variation
/// selectors, the tag characters), or one of [`BLANK_SYMBOLS`].
pub(crate) fn is_invisible(c: char) -> bool {
    is_format(c)
        || c.identifier_type() == Some(IdentifierType::Default_Ignorable)
        || BLANK_SYMBOLS.contains(&c)
}

/// The first invisible character ([`is_invisible`]) in `text`, with its
/// 1-based position in characters.
pub(crate) fn first_invisible(text: &str) -> Option<(usize, char)> {
    // No ASCII character is invisible; most text is ASCII, and looking up
    // each character's properties is slow.
    if text.is_ascii() {
        return None;
    }
    text.chars()
        .enumerate()
        .find(|&(_, c)| is_invisible(c))
        .map(|(i, c)| (i + 1, c))
}

/// The first control character in `text` other than a tab (General_Category
/// `Cc`: C0 such as U+001B ESCAPE and the line breaks, DEL, C1 such as
/// U+0085 NEXT LINE), or U+2028 LINE SEPARATOR or U+2029 PARAGRAPH
/// SEPARATOR (line breaks too, to JavaScript and YAML 1.1 readers), with
/// its 1-based position in characters. A tab is left to the white-space
/// check.
pub(crate) fn first_control(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| (c.is_control() && c != '\t') || is_separator_line_break(c))
        .map(|(i, c)| (i + 1, c))
}

/// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR.
pub(crate) fn is_separator_line_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// The UTS #39 skeleton of `text`: two strings with the same skeleton
/// look the same (`SECAS`, `SЕCAS` with a Cyrillic Е, `ＳＥＣＡＳ`).
pub(crate) fn skeleton(text: &str) -> String {
    unicode_security::skeleton(text).collect()
}

/// What `text` looks like: the UTS #39 [`skeleton`] of its visible
/// characters (invisible ones, [`is_invisible`], left out). Two strings
/// with the same one cannot be told apart on screen: `AE`, `A\u{200b}E`
/// and `АE` (Cyrillic А).
pub(crate) fn seen_as(text: &str) -> String {
    let visible: String = text.chars().filter(|&c| !is_invisible(c)).collect();
    skeleton(&visible)
}

/// When `a` and `b` differ but look the same (the same skeleton once
/// invisible characters, [`is_invisible`], are left out), where they
/// differ, in user-perceived characters: `differs at character 5: here
/// U+0061 LATIN SMALL LETTER A, U+0301 COMBINING ACUTE ACCENT; there
/// U+00E1 LATIN SMALL LETTER A WITH ACUTE`.
pub(crate) fn look_alike_difference(a: &str, b: &str) -> Option<String> {
    if a == b || seen_as(a) != seen_as(b) {
        return None;
    }
    let left: Vec<&str> = a.graphemes(true).collect();
    let right: Vec<&str> = b.graphemes(true).collect();
    let at = left
        .iter()
        .zip(&right)
        .position(|(x, y)| x != y)
        .unwrap_or(left.len().min(right.len()));
    let names = |g: Option<&&str>| match g {
        Some(g) => g.chars().map(describe).collect::<Vec<_>>().join(", "),
        None => "nothing".to_owned(),
    };
    Some(format!(
        "differs at character {}: here {}; there {}",
        at + 1,
        names(left.get(at)),
        names(right.get(at))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_are_told_apart_by_name() {
        assert_eq!(
            look_alike_difference("julia\u{301}n-hughes", "julián-hughes").as_deref(),
            Some(
                "differs at character 5: here U+0061 LATIN SMALL LETTER A, U+0301 COMBINING ACUTE ACCENT; \
                 there U+00E1 LATIN SMALL LETTER A WITH ACUTE"
            )
        );
        assert_eq!(
            look_alike_difference("S\u{415}CAS", "SECAS").as_deref(),
            Some(
                "differs at character 2: here U+0415 CYRILLIC CAPITAL LETTER IE; there U+0045 LATIN CAPITAL LETTER E"
            )
        );
        assert_eq!(look_alike_difference("SECSA", "SECAS"), None);
    }

    #[test]
    fn characters_are_named_as_in_unicode_15() {
        // Named since Unicode 1.1 and 15.0; CJK ideographs by their code point.
        assert_eq!(describe('\u{202e}'), "U+202E RIGHT-TO-LEFT OVERRIDE");
        assert_eq!(describe('\u{11f00}'), "U+11F00 KAWI SIGN CANDRABINDU");
        assert_eq!(describe('\u{4e00}'), "U+4E00 CJK UNIFIED IDEOGRAPH-4E00");
        // A control (no name), and BLOCK OCTANT-234 (added in Unicode 16.0).
        assert_eq!(describe('\u{7}'), "U+0007");
        assert_eq!(describe('\u{1cd08}'), "U+1CD08");
    }

    #[test]
    fn full_width_and_invisible_ids_share_a_skeleton() {
        assert_eq!(skeleton("ＳＥＣＡＳ"), skeleton("SECAS"));
        assert_eq!(skeleton("SECAS\u{200b}"), skeleton("SECAS"));
        assert_eq!(first_invisible("SECAS\u{200b}"), Some((6, '\u{200b}')));
        assert_eq!(first_invisible("\u{202e}SACES"), Some((1, '\u{202e}')));
        assert_eq!(first_invisible("julián"), None);
        for blank in [
            '\u{2800}',
            '\u{1d159}',
            '\u{16fe4}',
            '\u{3164}',
            '\u{115f}',
            '\u{1160}',
            '\u{ffa0}',
            '\u{17b4}',
            '\u{180e}',
        ] {
            assert_eq!(first_invisible(&format!("DCC{blank}")), Some((4, blank)));
        }
        assert_eq!(first_invisible("ＳＥＣＡＳ — Ofgem’s «DECC»"), None);
        assert_eq!(
            look_alike_difference("DCC", "DCC\u{2800}").as_deref(),
            Some("differs at character 4: here nothing; there U+2800 BRAILLE PATTERN BLANK")
        );
        assert_eq!(
            look_alike_difference("DCC", "DCC\u{1d159}").as_deref(),
            Some(
                "differs at character 4: here nothing; there U+1D159 MUSICAL SYMBOL NULL NOTEHEAD"
            )
        );
        assert!(!is_normalized("julia\u{301}n"));
    }
}
