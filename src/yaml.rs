//! The one place YAML is parsed.
//!
//! [`parse`] deserialises one record file with serde-saphyr under the
//! options every record shares, and turns a parse failure into a
//! [`Finding`] with the rule, position and a hint. The limits below are
//! documented in `docs/records.md`.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::Error;

use crate::finding::{Code, Finding, Position};

/// Largest record file read, in bytes (1 MiB). A larger file is reported
/// as [`Code::LimitExceeded`] without being parsed.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Deepest nesting of mappings and sequences accepted in one file.
pub const MAX_DEPTH: usize = 64;

/// Most alias (`*name`) uses accepted in one file.
pub const MAX_ALIASES: usize = 100;

/// Most parser events (roughly: scalars plus collection starts and ends)
/// accepted in one file, counting those replayed through aliases.
pub const MAX_EVENTS: usize = 1_000_000;

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_aliases: MAX_ALIASES,
            max_events: MAX_EVENTS,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_EVENTS,
        },
    }
}

/// Parses `text`, the contents of `file`, as one `T`.
///
/// Booleans must be written `true`/`false` (not `yes`/`no`), numbers with
/// leading zeros stay strings, duplicate keys are rejected, and the limits
/// above apply.
///
/// # Errors
/// A [`Finding`] naming `file`, the position serde-saphyr reports and the
/// rule: [`Code::YamlSyntax`], [`Code::DuplicateKey`],
/// [`Code::LimitExceeded`], [`Code::UnknownField`], [`Code::MissingField`]
/// or [`Code::InvalidValue`].
// One finding per unparsable file: its size does not matter.
#[allow(clippy::result_large_err)]
pub fn parse<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Finding> {
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| to_finding(&e, file))
}

/// Strips serde-saphyr's " at line N, column M" suffix: the position is
/// carried separately.
fn bare_message(error: &Error) -> String {
    let text = error.without_snippet().to_string();
    match text.rfind(" at line ") {
        Some(i) if text[i..].contains(", column ") => text[..i].to_owned(),
        _ => text,
    }
}

fn to_finding(error: &Error, file: &Path) -> Finding {
    let position = error.location().map(Position::from).unwrap_or_default();
    let message = bare_message(error);
    let inner = error.without_snippet();
    let (code, help): (Code, Option<String>) = match inner {
        Error::DuplicateMappingKey { key, .. } => (
            Code::DuplicateKey,
            Some(match key {
                Some(k) => format!("remove one of the two `{k}` entries, or merge them"),
                None => "remove one of the two entries with this key".into(),
            }),
        ),
        Error::Budget { .. }
        | Error::AliasError { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => (
            Code::LimitExceeded,
            Some(format!(
                "records allow at most {MAX_DEPTH} levels of nesting and {MAX_ALIASES} aliases; \
                 write the values out instead of nesting or aliasing them"
            )),
        ),
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
        Error::SerdeInvalidType { .. }
        | Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::SerdeUnknownVariant { .. }
        | Error::InvalidScalar { .. }
        | Error::NullIntoString { .. }
        | Error::Message { .. } => (Code::InvalidValue, value_help(&message)),
        Error::MultipleDocuments { .. } => (
            Code::YamlSyntax,
            Some("keep one record per file: remove the `---` separator and move the second document to its own file".into()),
        ),
        Error::Eof { .. } => (
            Code::MissingField,
            Some("the file is empty; write the record's fields, or delete the file".into()),
        ),
        _ if message.contains("recursion limit") => (
            Code::LimitExceeded,
            Some(format!("records allow at most {MAX_DEPTH} levels of nesting")),
        ),
        _ if message.contains("tab") => (
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

fn value_help(message: &str) -> Option<String> {
    if message.contains("input is out of range") || message.contains("premature end of input") {
        Some("write a date that exists, as YYYY-MM-DD".into())
    } else if message.contains("input contains invalid characters") {
        Some("write the date as YYYY-MM-DD".into())
    } else if message.contains("null") {
        Some("give the field a value, or remove the line".into())
    } else {
        None
    }
}

fn unknown_field_help(field: &str, expected: &[&str]) -> Option<String> {
    let best = crate::suggest::closest(field, expected.iter().copied());
    Some(match best {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("the fields allowed here are: {}", expected.join(", ")),
    })
}
