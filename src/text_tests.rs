use super::*;
use crate::source::{FileId, Kept, parsing};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Debug, Deserialize, Serialize)]
struct Doc {
    v: Text,
    #[serde(default)]
    w: Option<u32>,
}

#[derive(Debug, Deserialize)]
struct Plain {
    v: String,
}

/// `text` parsed as a [`Doc`] whose `v` may be a span of it, and as the
/// plain string the parser reads; `None` when it is not valid YAML.
fn both(text: &str) -> Option<(Kept, Text, String)> {
    let kept: Kept = Arc::new(text.to_owned());
    let plain: Plain = serde_saphyr::from_str(text).ok()?;
    let doc: Doc = parsing(FileId(0), Some(&kept), || serde_saphyr::from_str(text)).ok()?;
    Some((kept, doc.v, plain.v))
}

fn form(text: &Text) -> &'static str {
    match text.packed() {
        None => "owned",
        Some((_, len)) if len & BLOCK != 0 => "block",
        Some(_) => "raw",
    }
}

/// Every way of reading the value agrees with the parser's string.
fn agrees(kept: &Kept, value: &Text, expected: &str) {
    assert_eq!(value.get(), expected);
    assert_eq!(value.to_string(), expected);
    assert!(*value == *expected);
    assert_eq!(value.is_empty(), expected.is_empty());
    assert_eq!(
        serde_json::to_string(value).unwrap(),
        serde_json::to_string(expected).unwrap()
    );
    // The parse cache's form, read back into the same file's text.
    let bytes = postcard::to_stdvec(value).unwrap();
    let back: Text = parsing(FileId(0), Some(kept), || postcard::from_bytes(&bytes)).unwrap();
    assert_eq!(back.get(), expected);
    assert_eq!(form(&back), form(value));
}

#[test]
fn each_style_reads_as_the_parser_reads_it_and_the_common_ones_are_spans() {
    let cases: &[(&str, &str, &str)] = &[
        ("v: plain words here\nw: 1\n", "plain words here", "raw"),
        ("v: 'single quoted'\n", "single quoted", "raw"),
        ("v: \"double quoted\"\n", "double quoted", "raw"),
        (
            "v: \"with \\\"escapes\\\"\\n\"\n",
            "with \"escapes\"\n",
            "owned",
        ),
        ("v: 'it''s'\n", "it's", "owned"),
        ("v: |\n  one\n\n  two\nw: 1\n", "one\n\ntwo\n", "block"),
        ("v: |-\n  one\n  two\n\n\nw: 1\n", "one\ntwo", "block"),
        // The parser's span is the value itself here.
        ("v: |+\n  one\n\n\nw: 1\n", "one\n\n\n", "raw"),
        ("v: |+\n  one\n  two\n\n", "one\ntwo\n\n", "block"),
        (
            "v: >\n  one\n  two\n\n  three\nw: 1\n",
            "one two\nthree\n",
            "block",
        ),
        ("v: >-\n  a\n    b\n  c\n", "a\n  b\nc", "block"),
        (
            "v: |\r\n  crlf\r\n  lines\r\nw: 1\r\n",
            "crlf\nlines\n",
            "block",
        ),
        ("v: |  # a comment\n  x\n\n  y\n", "x\n\ny\n", "block"),
        (
            "v: |\n  tab\there \n  trailing  \n",
            "tab\there \ntrailing  \n",
            "block",
        ),
        (
            "v: |\n  “Unicode” – ü\n  ½\n",
            "“Unicode” – ü\n½\n",
            "block",
        ),
        ("v: |2\n   indented\n  less\n", " indented\nless\n", "owned"),
        ("v: plain\n  continued\n", "plain continued", "owned"),
        ("v: \"\"\n", "", "raw"),
    ];
    for (text, expected, expected_form) in cases {
        let (kept, value, plain) = both(text).unwrap_or_else(|| panic!("{text:?} parses"));
        assert_eq!(plain, *expected, "{text:?}");
        agrees(&kept, &value, expected);
        assert_eq!(form(&value), *expected_form, "{text:?}");
    }
}

#[test]
fn outside_a_parse_it_is_owned_and_a_span_outside_the_file_is_refused() {
    let doc: Doc = serde_saphyr::from_str("v: |\n  x\n").unwrap();
    assert_eq!((form(&doc.v), doc.v.get()), ("owned", "x\n".into()));
    let (kept, value, _) = both("v: |\n  a long enough value\n").unwrap();
    let bytes = postcard::to_stdvec(&value).unwrap();
    let short: Kept = Arc::new("v: |\n".to_owned());
    let read = parsing(FileId(0), Some(&short), || {
        postcard::from_bytes::<Text>(&bytes)
    });
    assert!(read.is_err());
    let read = parsing(FileId(0), None, || postcard::from_bytes::<Text>(&bytes));
    assert!(read.is_err());
    let read = parsing(FileId(0), Some(&kept), || {
        postcard::from_bytes::<Text>(&bytes)
    });
    assert_eq!(read.unwrap().get(), "a long enough value\n");
}

/// A scalar of one of many styles, with lines of awkward characters.
fn scalar() -> impl Strategy<Value = String> {
    let lines = || {
        let line = proptest::string::string_regex("[a-z ü“#:'\"\\\\\t-]{0,12}").unwrap();
        proptest::collection::vec(line, 1..5)
    };
    let header = prop_oneof![
        Just("|"),
        Just("|-"),
        Just("|+"),
        Just(">"),
        Just(">-"),
        Just(">+"),
        Just("|2"),
        Just("| # c")
    ];
    let block = (
        header,
        lines(),
        1usize..5,
        proptest::collection::vec(0usize..4, 4),
        0usize..3,
    )
        .prop_map(|(header, lines, indent, extra, blanks)| {
            let mut out = format!("{header}\n");
            for (i, line) in lines.iter().enumerate() {
                let more = extra.get(i).copied().unwrap_or(0) % 3;
                out.push_str(&" ".repeat(indent + if i == 0 { 0 } else { more }));
                out.push_str(line);
                out.push('\n');
                if i == 0 {
                    out.push_str(&"\n".repeat(blanks));
                }
            }
            out.push_str(&"\n".repeat(blanks));
            out
        });
    let flow = (prop_oneof![Just(""), Just("'"), Just("\"")], lines())
        .prop_map(|(quote, lines)| format!("{quote}{}{quote}\n", lines.join("\n  ")));
    prop_oneof![block, flow]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn the_value_read_through_text_is_always_the_parsers_string(
        scalar in scalar(),
        crlf in any::<bool>(),
        nested in any::<bool>(),
        after in any::<bool>(),
    ) {
        let mut text = if nested {
            format!("x:\n  v: {}", scalar.replace('\n', "\n  "))
        } else {
            format!("v: {scalar}")
        };
        if after {
            text.push_str("w: 1\n");
        }
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        if let Some((kept, value, plain)) = both(&text).filter(|_| !nested) {
            agrees(&kept, &value, &plain);
        }
        if nested {
            #[derive(Deserialize)]
            struct Outer { x: Doc }
            #[derive(Deserialize)]
            struct OuterPlain { x: Plain }
            let kept: Kept = Arc::new(text.clone());
            let plain: Option<OuterPlain> = serde_saphyr::from_str(&text).ok();
            let doc: Option<Outer> =
                parsing(FileId(0), Some(&kept), || serde_saphyr::from_str(&text)).ok();
            if let (Some(plain), Some(doc)) = (plain, doc) {
                agrees(&kept, &doc.x.v, &plain.x.v);
            }
        }
    }
}

#[test]
fn the_generated_scalars_reach_every_form() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeMap::new();
    for _ in 0..2000 {
        let scalar = scalar().new_tree(&mut runner).unwrap().current();
        if let Some((_, value, _)) = both(&format!("v: {scalar}w: 1\n")) {
            *seen.entry(form(&value)).or_insert(0) += 1;
        }
    }
    assert!(
        seen.values().all(|n| *n > 50) && seen.len() == 3,
        "{seen:?}"
    );
}
