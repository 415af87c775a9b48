//! The one place YAML is parsed.
//!
//! [`parse`] deserialises one record file with serde-saphyr under the
//! options every record shares, and turns a parse failure into a
//! [`Finding`] with the rule, position and a hint. The limits below are
//! documented in `docs/records.md`.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::de::IgnoredAny;
use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

use crate::finding::{Code, Finding, Position};

/// Largest record file read, in bytes (1 MiB). A larger file is reported
/// as [`Code::LimitExceeded`] without being parsed.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Deepest nesting of mappings and sequences accepted in one file, block
/// or flow style alike.
pub const MAX_DEPTH: usize = 64;

/// Most alias (`*name`) uses accepted in one file.
pub(crate) const MAX_ALIASES: usize = 100;

/// Most parser events that aliases may replay in one file: an alias to a
/// list of ten scalars replays twelve events. This is what stops a
/// "billion laughs" bomb long before it costs memory.
pub const MAX_ALIAS_EVENTS: usize = 10_000;

/// Most parser events (roughly: scalars plus collection starts and ends)
/// accepted in one file, counting those replayed through aliases.
pub(crate) const MAX_EVENTS: usize = 1_000_000;

/// Most nodes (scalars, mappings and sequences) accepted in one file,
/// counting those replayed through aliases.
pub(crate) const MAX_NODES: usize = 250_000;

/// The serde-saphyr options every record file is parsed with: strict
/// booleans, numbers with leading zeros kept as strings, a number or
/// boolean where text belongs refused (`no_schema`: it must be quoted, as
/// the JSON Schema and other YAML readers see a number), a tag the parser
/// does not know refused (`!!strr`, `!custom`: PyYAML's `safe_load` refuses
/// them, so a record holding one is not one every reader reads), one
/// document, and the limits above. Public so that tools measuring the
/// parser (`examples/parse_floor.rs`) parse exactly as the loader does.
pub fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        no_schema: true,
        reject_unsupported_tags: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_aliases: MAX_ALIASES,
            max_events: MAX_EVENTS,
            max_nodes: MAX_NODES,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_ALIAS_EVENTS,
            max_replay_stack_depth: MAX_DEPTH,
        },
    }
}

/// What the top of a file holds, found by [`check_structure`].
enum Top {
    /// No document, or a document that is only `null`/`~`.
    Nothing,
    /// A mapping, as every record file has.
    Mapping,
    /// A sequence.
    List,
    /// A plain or quoted scalar.
    Scalar,
}

impl<'de> serde::Deserialize<'de> for Top {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
        d.deserialize_any(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> serde::de::Visitor<'de> for TopVisitor {
    type Value = Top;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a YAML document")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Top::Mapping)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::List)
    }
    fn visit_unit<E>(self) -> Result<Top, E> {
        Ok(Top::Nothing)
    }
    fn visit_none<E>(self) -> Result<Top, E> {
        Ok(Top::Nothing)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
    fn visit_i128<E>(self, _: i128) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
    fn visit_u128<E>(self, _: u128) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
    fn visit_str<E>(self, _: &str) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<Top, E> {
        Ok(Top::Scalar)
    }
}

/// Parses `text`, the contents of `file`, as one `T`.
///
/// Booleans must be written `true`/`false` (not `yes`/`no`) and numbers
/// with leading zeros stay strings. When the record does not parse, a
/// second, kind-independent pass over the YAML itself (one document, no
/// tabs, no duplicate keys, the limits above, a mapping at the top) decides
/// what to report, so a YAML fault is reported as such even where the
/// record's fields would have failed first. Well-formed records are parsed
/// once.
///
/// # Errors
/// A boxed [`Finding`] naming `file`, the position serde-saphyr reports and
/// the rule: [`Code::EmptyFile`] (no document, only comments, or `null`),
/// [`Code::YamlSyntax`], [`Code::DuplicateKey`], [`Code::LimitExceeded`]
/// (the message names the limit), [`Code::InvalidValue`] (a list or
/// scalar where the record's mapping belongs, or a bad value),
/// [`Code::UnknownField`] or [`Code::MissingField`].
pub(crate) fn parse<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Box<Finding>> {
    let record = serde_saphyr::from_str_with_options(text, options()).map_err(|error| {
        let finding = match check_structure(text, file) {
            Err(structural) => structural,
            Ok(()) => to_finding(&error, file, text),
        };
        Box::new(finding)
    })?;
    // Only a file that holds `<<` can repeat a merge key: the others are
    // not parsed twice.
    if text.contains("<<") {
        check_merge_keys(text, file).map_err(Box::new)?;
    }
    Ok(record)
}

/// Refuses a mapping that holds the merge key `<<` twice, as any other
/// key twice ([`Code::DuplicateKey`]): serde-saphyr merges both and the
/// first wins, while PyYAML keeps the last, so the record would be read
/// two ways. The file is parsed again with `<<` as an ordinary key, which
/// the duplicate-key check then sees.
#[allow(clippy::result_large_err)] // private, and only for files holding `<<`
fn check_merge_keys(text: &str, file: &Path) -> Result<(), Finding> {
    let mut literal = options();
    literal.merge_keys = serde_saphyr::MergeKeyPolicy::AsOrdinary;
    match serde_saphyr::from_str_with_options::<Top>(text, literal) {
        Err(error) if matches!(original(&error), Error::DuplicateMappingKey { .. }) => {
            Err(to_finding(&error, file, text))
        }
        _ => Ok(()),
    }
}

/// The kind-independent check of [`parse`]: the YAML is well-formed,
/// within the limits, and holds one mapping. Only run on files whose
/// record did not parse.
#[allow(clippy::result_large_err)] // private, and only on the failure path
fn check_structure(text: &str, file: &Path) -> Result<(), Finding> {
    let top: crate::source::Spanned<Top> = serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| to_finding(&e, file, text))?;
    let found = match top.value {
        Top::Mapping => return Ok(()),
        Top::Nothing => {
            let only_comments = text.lines().any(|l| l.trim_start().starts_with('#'));
            let what = if only_comments {
                "file holds only comments, no record"
            } else if text.trim().is_empty() {
                "file is empty"
            } else {
                "file holds an empty document, no record"
            };
            return Err(
                Finding::new(Code::EmptyFile, file, Position::default(), what)
                    .with_help("write the record's fields, or delete the file"),
            );
        }
        Top::List => "a list",
        Top::Scalar => "a single value",
    };
    let mut finding = Finding::new(
        Code::InvalidValue,
        file,
        first_content(text),
        format!("file holds {found} where a record's mapping of `field: value` lines belongs"),
    )
    .with_help("write the record as `field: value` lines starting in the first column");
    finding.span = Some(top.span).filter(|s| s.len() > 0);
    Err(finding)
}

/// Where the first line that is not blank, a comment or a `---` marker
/// starts (1:1 if there is none).
fn first_content(text: &str) -> Position {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "---" {
            continue;
        }
        let column = line.chars().count() - trimmed.chars().count() + 1;
        return Position {
            line: i as u64 + 1,
            column: column as u64,
        };
    }
    Position { line: 1, column: 1 }
}

/// Strips serde-saphyr's " at line N, column M" suffix: the position is
/// carried separately.
fn bare_message(error: &Error) -> String {
    let text = original(error).to_string();
    match text.rfind(" at line ") {
        Some(i) if text[i..].contains(", column ") => text[..i].to_owned(),
        _ => text,
    }
}

/// The error itself, without the snippet and alias-location wrappers
/// serde-saphyr puts around it.
fn original(mut error: &Error) -> &Error {
    while let Error::AliasError { error: inner, .. } | Error::WithSnippet { error: inner, .. } =
        error
    {
        error = inner;
    }
    error
}

/// The finding for `error`, with the span the parser gives for it.
fn to_finding(error: &Error, file: &Path, text: &str) -> Finding {
    let mut finding = finding_for(error, file, text);
    finding.span = error.location().and_then(|l| crate::source::span_of(&l));
    finding
}

fn finding_for(error: &Error, file: &Path, text: &str) -> Finding {
    let position = error.location().map(Position::from).unwrap_or_default();
    let inner = original(error);
    let raw = bare_message(error);
    let v = value_at(text, position)
        .or_else(|| string_in(&raw))
        .map_or_else(|| "this value".to_owned(), |v| format!("`{v}`"));
    let form = value_form(&raw, &v);
    let message = variant_message(inner, &v, text)
        .or_else(|| form.as_ref().map(|(m, _)| m.clone()))
        .unwrap_or_else(|| raw.clone());
    let form_help = form.map(|(_, help)| help.to_owned());
    let (code, help): (Code, Option<String>) = match inner {
        Error::DuplicateMappingKey { key, .. } => (
            Code::DuplicateKey,
            Some(match key {
                Some(k) => format!("remove one of the two `{k}` entries, or merge them"),
                None => "remove one of the two entries with this key".into(),
            }),
        ),
        Error::Budget { breach, .. } => return budget_finding(breach, file, position),
        Error::AliasReplayLimitExceeded { .. } | Error::AliasExpansionLimitExceeded { .. } => {
            return limit(
                file,
                position,
                format!("aliases expand to more than {MAX_ALIAS_EVENTS} events (the limit)"),
            );
        }
        Error::AliasReplayStackDepthExceeded { .. } => {
            return limit(file, position, depth_message());
        }
        Error::SerdeUnknownField {
            field, expected, ..
        } => (Code::UnknownField, unknown_field_help(field, expected)),
        Error::SerdeMissingField { field, .. } => (
            Code::MissingField,
            Some(format!("add a `{field}:` line to this record")),
        ),
        Error::InvalidBooleanStrict { .. } => (
            Code::InvalidValue,
            Some("write `true` or `false`".into()),
        ),
        // `owner: 5`, `text: 42`: other YAML readers (and the JSON
        // Schema) see a number, so the text must be quoted.
        Error::QuotingRequired { value, .. } => (
            Code::InvalidValue,
            Some(format!("quote it, if it is meant as text: \"{value}\"")),
        ),
        Error::SerdeInvalidType { .. }
        | Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::SerdeUnknownVariant { .. }
        | Error::InvalidScalar { .. }
        | Error::NullIntoString { .. }
        | Error::Message { .. } => {
            let empty = raw
                .contains("null")
                .then_some("give the field a value, or remove the line");
            (Code::InvalidValue, form_help.or(empty.map(str::to_owned)))
        }
        // `!!strr`, `!custom`, `!ruby/object`: PyYAML's `safe_load`
        // refuses the file. `!!timestamp` is a YAML 1.1 type, but tsc reads
        // dates (and all text) untagged.
        Error::UnsupportedTag { .. } | Error::TaggedScalarCannotDeserializeIntoString { .. } => (
            Code::YamlSyntax,
            Some("remove the tag: records are written without YAML tags".into()),
        ),
        Error::MultipleDocuments { .. } => (
            Code::YamlSyntax,
            Some("keep one record per file: remove the `---` separator and move the second document to its own file".into()),
        ),
        Error::Eof { .. } => (
            Code::MissingField,
            Some("the file is empty; write the record's fields, or delete the file".into()),
        ),
        // A value of the wrong shape (a list where text belongs, ...).
        _ if form_help.is_some() => (Code::InvalidValue, form_help),
        _ if raw.contains("recursion limit") => return limit(file, position, depth_message()),
        _ if raw.contains("tab") => (
            Code::YamlSyntax,
            Some("indent with spaces; YAML does not allow tabs for indentation".into()),
        ),
        _ => (Code::YamlSyntax, None),
    };
    // serde's "unknown field `x`, expected one of ..." is long; the help
    // line carries the suggestion or the list, and the key's end is known.
    let (message, end) = match inner {
        Error::SerdeUnknownField { field, .. } if position.line > 0 => (
            format!("unknown field `{field}`"),
            Some(Position {
                line: position.line,
                column: position.column + field.chars().count() as u64,
            }),
        ),
        _ => (message, None),
    };
    let mut finding = Finding::new(code, file, position, message);
    finding.help = help;
    finding.end = end;
    finding
}

fn depth_message() -> String {
    format!("nesting is deeper than {MAX_DEPTH} levels (the limit)")
}

/// A [`Code::LimitExceeded`] finding; `message` names the limit.
fn limit(file: &Path, position: Position, message: String) -> Finding {
    Finding::new(Code::LimitExceeded, file, position, message).with_help(
        "records are small, flat and written out: split the file, \
         un-nest the values, or write them out instead of using aliases",
    )
}

fn budget_finding(breach: &BudgetBreach, file: &Path, position: Position) -> Finding {
    let message = match breach {
        BudgetBreach::Documents { .. } => {
            return Finding::new(
                Code::YamlSyntax,
                file,
                position,
                "file holds more than one YAML document",
            )
            .with_help(
                "keep one record per file: remove the `---` separator \
                 and move the second document to its own file",
            );
        }
        BudgetBreach::Depth { .. } => depth_message(),
        BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => {
            format!("file uses more than {MAX_ALIASES} aliases (the limit)")
        }
        BudgetBreach::Nodes { .. } => {
            format!("file holds more than {MAX_NODES} values, counting aliases (the limit)")
        }
        BudgetBreach::Events { .. } => {
            format!("file holds more than {MAX_EVENTS} parser events, counting aliases (the limit)")
        }
        BudgetBreach::RecordedAnchorEvents { .. } | BudgetBreach::RecordedAnchorBytes { .. } => {
            format!("anchors hold more than {MAX_ALIAS_EVENTS} events (the limit)")
        }
        other => format!("file exceeds a parser limit ({other:?})"),
    };
    limit(file, position, message)
}

/// Our own words for the errors serde-saphyr names by variant (a key
/// twice, a boolean spelt `yes`, an empty value), naming the offending
/// value `v` where known.
fn variant_message(error: &Error, v: &str, text: &str) -> Option<String> {
    Some(match error {
        Error::DuplicateMappingKey { key: Some(k), .. } => {
            format!("`{k}` appears twice in the same mapping")
        }
        Error::DuplicateMappingKey { key: None, .. } => {
            "the same key appears twice in this mapping".to_owned()
        }
        Error::InvalidBooleanStrict { .. } => format!("{v} is not `true` or `false`"),
        Error::NullIntoString { .. } => "this field has no value".to_owned(),
        Error::UnsupportedTag { tag, .. } => format!("the YAML tag `{tag}` is not one tsc reads"),
        Error::TaggedScalarCannotDeserializeIntoString { location } => {
            let tag = tag_before(text, Position::from(*location)).map_or_else(
                || "this YAML tag".to_owned(),
                |t| format!("the YAML tag `{t}`"),
            );
            format!("{tag} is not one tsc reads here")
        }
        Error::QuotingRequired { value, .. } => {
            let what = if value.parse::<f64>().is_ok() {
                "a number"
            } else {
                "a true/false value"
            };
            format!("`{value}` is read as {what} where text belongs")
        }
        _ => return None,
    })
}

/// Library messages (chrono's date parser, serde's number and shape
/// errors) that mean a value of the wrong form, each with our own message
/// (`{}` is the offending value) and help. The one table both use.
const VALUE_FORMS: &[(&[&str], &str, &str)] = &[
    (
        &["input is out of range"],
        "{} is not a date that exists",
        "write a date that exists, as YYYY-MM-DD",
    ),
    (
        &[
            "input contains invalid characters",
            "premature end of input",
            "trailing input",
        ],
        "{} is not a date written as YYYY-MM-DD",
        "write the date as YYYY-MM-DD",
    ),
    (
        &["invalid u32", "expected u32"],
        "{} is not a whole number",
        "write a whole number without quotes, for example `2`",
    ),
    (
        &["expected an agenda item number"],
        "{} is not an agenda item number",
        "write the number as the minutes do, for example `2`, `2a` or `\"2.1\"`",
    ),
    (
        &["expected string scalar"],
        "text belongs here, not a list or a mapping",
        "write the text on the line after the colon, or as a `|` block",
    ),
    (
        &["expected sequence start"],
        "a list belongs here",
        "write a list: `[]`, `[a, b]`, or one `- item` per line",
    ),
    (
        &["expected mapping start"],
        "`field: value` lines belong here",
        "write `field: value` lines, indented under this key",
    ),
];

/// The entry of [`VALUE_FORMS`] whose pattern `raw` contains: our message
/// about `v`, and the help.
fn value_form(raw: &str, v: &str) -> Option<(String, &'static str)> {
    VALUE_FORMS
        .iter()
        .find(|(patterns, _, _)| patterns.iter().any(|p| raw.contains(p)))
        .map(|(_, message, help)| (message.replace("{}", v), *help))
}

/// The string serde's "invalid value: string \"one\", expected ..." names,
/// for an error our own visitors raise (the position is then the key's).
fn string_in(raw: &str) -> Option<String> {
    let rest = raw.split_once("invalid value: string \"")?.1;
    let (value, _) = rest.split_once('"')?;
    (!value.is_empty() && value.chars().count() <= 40).then(|| value.to_owned())
}

/// The line of `text` that `position` is on, and the 0-based character
/// column; `None` for line 0 or a position past the text.
fn line_at(text: &str, position: Position) -> Option<(&str, usize)> {
    let line = text
        .lines()
        .nth(usize::try_from(position.line).ok()?.checked_sub(1)?)?;
    let start = usize::try_from(position.column).ok()?.checked_sub(1)?;
    Some((line, start))
}

/// The tag (`!!timestamp`) written just before the value at `position`
/// in `text`, on the same line.
fn tag_before(text: &str, position: Position) -> Option<String> {
    let (line, start) = line_at(text, position)?;
    let before: String = line.chars().take(start).collect();
    let tag = before.split_whitespace().last()?;
    tag.starts_with('!').then(|| tag.to_owned())
}

/// The scalar that starts at `position` in `text`, unquoted, up to a
/// comment or the end of the line; `None` for an empty one or line 0.
fn value_at(text: &str, position: Position) -> Option<String> {
    let (line, start) = line_at(text, position)?;
    let rest: String = line.chars().skip(start).collect();
    let rest = rest.split(" #").next().unwrap_or("").trim();
    let value = rest.trim_matches(|c| c == '"' || c == '\'');
    if value.is_empty() || value.chars().count() > 40 || value.contains(": ") {
        return None;
    }
    Some(value.to_owned())
}

// Its caller's match takes an optional help from every arm.
#[allow(clippy::unnecessary_wraps)]
fn unknown_field_help(field: &str, expected: &[&str]) -> Option<String> {
    let best = crate::suggest::closest(field, expected.iter().copied());
    Some(match best {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("the fields allowed here are: {}", expected.join(", ")),
    })
}
