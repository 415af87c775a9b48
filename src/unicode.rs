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

/// Whether every byte of `text` is printable ASCII (U+0020 to U+007E) or
/// a tab: such text holds neither an invisible character
/// ([`first_invisible`]) nor a control character ([`first_control`]).
/// One pass, in blocks without an early exit so that the compiler can
/// test many bytes at once: the names, labels and titles of a large tree's
/// meetings are millions of characters, and walking them character by
/// character was 4 % of a warm `validate`.
pub(crate) fn is_printable_ascii(text: &str) -> bool {
    let other = |b: u8| u8::from(!matches!(b, 0x20..=0x7e | b'\t'));
    text.as_bytes()
        .chunks(32)
        .all(|block| block.iter().fold(0, |found, &b| found | other(b)) == 0)
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
    // In ASCII a character is a byte: the same test, without decoding
    // UTF-8 (every name, label and reference of a meeting comes here).
    if text.is_ascii() {
        return text
            .bytes()
            .position(|b| b.is_ascii_control() && b != b'\t')
            .map(|i| (i + 1, char::from(text.as_bytes()[i])));
    }
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
///
/// An ASCII `text` (almost every ID) is the concatenation of its
/// characters' skeletons, looked up in [`ascii_skeletons`]: the 7,000 IDs
/// of a large tree otherwise spent 5 % of a warm `validate` in
/// unicode-security's decompositions. Any other text, or ASCII holding a
/// character whose skeleton is not a concatenable piece, goes through
/// unicode-security.
pub(crate) fn skeleton(text: &str) -> String {
    if text.is_ascii() {
        let table = ascii_skeletons();
        let mut out = String::with_capacity(text.len());
        let whole = text.bytes().all(|b| match &table[usize::from(b)] {
            Some(piece) => {
                out.push_str(piece);
                true
            }
            None => false,
        });
        if whole {
            return out;
        }
    }
    unicode_security::skeleton(text).collect()
}

/// The skeleton of each ASCII character (by code), computed once by
/// unicode-security itself, where it can be concatenated: `None` for a
/// character whose skeleton holds a character of non-zero canonical
/// combining class.
///
/// Why concatenation is exact: skeleton(X) = NFD(prototypes(ignorables
/// removed(NFD(X)))). NFD leaves ASCII as it is, and the removal and the
/// prototype mapping go character by character, so for ASCII X the inner
/// string is the concatenation of each character's mapped piece. The
/// final NFD decomposes character by character too; only its canonical
/// reordering could act across two pieces, and it moves only characters
/// of non-zero combining class. Each piece is already in NFD (it is a
/// skeleton), so when no piece holds such a character the NFD of the
/// concatenation is the concatenation of the pieces.
fn ascii_skeletons() -> &'static [Option<Box<str>>; 128] {
    static TABLE: std::sync::OnceLock<[Option<Box<str>>; 128]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|code| {
            let c = char::from(code as u8);
            let piece: String = unicode_security::skeleton(c.encode_utf8(&mut [0; 4])).collect();
            let starters = piece
                .chars()
                .all(|p| unicode_normalization::char::canonical_combining_class(p) == 0);
            starters.then(|| piece.into_boxed_str())
        })
    })
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

    /// The ASCII fast path of [`skeleton`] gives unicode-security's
    /// skeleton for every ASCII character alone and in every pair (where
    /// a canonical reordering across the two pieces would show).
    #[test]
    fn ascii_skeletons_are_unicode_securitys() {
        let full = |text: &str| unicode_security::skeleton(text).collect::<String>();
        for a in 0..128u8 {
            for b in 0..128u8 {
                let text = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(skeleton(&text), full(&text), "{text:?}");
            }
        }
        // ASCII look-alikes still share one: `m` is drawn as `rn`, `I` and
        // `1` as `l`, `0` as `O`.
        assert_eq!(skeleton("map"), "rnap");
        assert_eq!(skeleton("SECMP0I"), skeleton("SECMPOl"));
        assert_eq!(skeleton("TSC1"), full("TSC1"));
        // Non-ASCII takes the whole way: a Cyrillic Е looks like E.
        assert_eq!(skeleton("S\u{415}CAS"), skeleton("SECAS"));
        assert_eq!(skeleton("SECAS\u{200b}"), "SECAS");
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

    /// What [`is_printable_ascii`] lets through holds nothing that
    /// [`first_invisible`] or [`first_control`] would find; what it stops
    /// is every other byte.
    #[test]
    fn printable_ascii_holds_no_invisible_or_control_character() {
        for b in 0..128u8 {
            let c = char::from(b);
            // Long enough to fill a block and leave a rest.
            for at in [0, 31, 32, 40] {
                let mut text = "A".repeat(41);
                text.replace_range(at..=at, c.encode_utf8(&mut [0; 4]));
                let clean = first_invisible(&text).is_none() && first_control(&text).is_none();
                assert_eq!(is_printable_ascii(&text), clean, "{b:#x} at {at}");
                assert_eq!(
                    is_printable_ascii(&text),
                    b == b'\t' || (0x20..0x7f).contains(&b)
                );
            }
        }
        assert!(is_printable_ascii(""));
        assert!(!is_printable_ascii("Julian\u{200b}Hughes"));
        assert!(!is_printable_ascii("Julián"));
        assert_eq!(
            first_invisible("Julian\u{200b}Hughes"),
            Some((7, '\u{200b}'))
        );
    }

    /// The ASCII fast path of [`first_control`] finds what the character
    /// walk finds: C0 controls and DEL, not the tab; past ASCII, the
    /// character walk still counts in characters.
    #[test]
    fn controls_are_found_in_ascii_and_beyond() {
        assert_eq!(first_control("SECAS"), None);
        assert_eq!(first_control("SEC\tAS"), None);
        assert_eq!(first_control("SEC\u{1b}[31mAS"), Some((4, '\u{1b}')));
        assert_eq!(first_control("a\u{7f}"), Some((2, '\u{7f}')));
        assert_eq!(first_control("line\nbreak"), Some((5, '\n')));
        assert_eq!(first_control("\0"), Some((1, '\0')));
        assert_eq!(first_control("é\u{1b}"), Some((2, '\u{1b}')));
        assert_eq!(first_control("é\u{85}"), Some((2, '\u{85}')));
        assert_eq!(first_control("x\u{2028}"), Some((2, '\u{2028}')));
        for b in 0..128u8 {
            let text = format!("ab{}", char::from(b));
            let walked = text
                .chars()
                .enumerate()
                .find(|&(_, c)| c.is_control() && c != '\t')
                .map(|(i, c)| (i + 1, c));
            assert_eq!(first_control(&text), walked, "{b:#x}");
        }
    }
}
