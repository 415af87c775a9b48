//! Parsing a record file's text as the record(s) of its kind.
//!
//! One function, [`parse_file`], takes one file's bytes to its records
//! or its findings and needs nothing else, so files parse on every core
//! and the parse cache can store its result by content hash. When a file
//! fails, it reports every field error at once (not only serde's first)
//! and says when the file is a good record of another kind in the wrong
//! folder, because those are the two mistakes people make by hand.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::decode::decode;
use super::read::too_big;
use crate::finding::{Code, Finding, Position};
use crate::kind::Kind;
use crate::model::{
    Action, Meeting, Modification, Organisation, OrganisationsFile, PeopleFile, Person, Principle,
    PrinciplesFile,
};
use crate::processing;
use crate::settings::Settings;
use crate::shape;
use crate::shrink::Shrink;
use crate::source::{self, FileId, Kept};
use crate::yaml::{self, MAX_FILE_BYTES};

/// What parsing one record file gave: its record(s), or the first
/// finding that says why it gave none.
pub(crate) type Outcome = Result<Parsed, Box<Finding>>;

/// What one record file gave: its record(s), or every finding that says
/// why it gave none (all of its field errors at once, see [`shape`]).
pub(crate) type FileOutcome = Result<Parsed, Vec<Finding>>;

/// The contents of one record file, by kind: what the parse cache holds
/// (settings excepted: they are parsed every time).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Parsed {
    People(Vec<Person>),
    Organisations(Vec<Organisation>),
    Principles(Vec<Principle>),
    Meeting(Box<Meeting>),
    Action(Box<Action>),
    Modification(Box<Modification>),
    // Last: serde numbers the variants it deserialises without the skipped
    // ones, so a skipped variant before others would shift their indices
    // in a binary format.
    #[serde(skip)]
    Settings(Box<Settings>),
}

/// Checks, decodes and parses the bytes of one file, the file `id` of
/// the sources. Needs nothing but the file, so files can be parsed on
/// several threads at once. Returns the text (kept for diagnostics and
/// edits) with what it gave.
pub(crate) fn parse_file(
    path: &Path,
    kind: Kind,
    bytes: Vec<u8>,
    id: FileId,
) -> (Option<Kept>, FileOutcome) {
    processing::force_internal_error_if_asked(path);
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return (None, Err(vec![too_big(path, size)]));
    }
    let text = match decode(path, bytes) {
        Ok(text) => Kept::new(text),
        Err(finding) => return (None, Err(vec![*finding])),
    };
    let outcome = source::parsing(id, Some(&text), || {
        let parsed = parse_kind(kind, &text, path).map(|mut parsed| {
            parsed.shrink();
            parsed
        });
        parsed.map_err(|finding| {
            // Only a file that is good YAML but has the wrong fields can be
            // a record of another kind; this also keeps a file that hit a
            // limit from being parsed again.
            let schema = matches!(
                finding.code,
                Code::UnknownField | Code::MissingField | Code::InvalidValue
            );
            // Every field error of the file, not only serde's first.
            let mut all = if schema && kind != Kind::Settings {
                shape::field_errors(kind, &text, path)
            } else {
                Vec::new()
            };
            // A file that merely lacks fields of its own kind (`id:` alone
            // in actions/) is that kind, unfinished, although it may also
            // read as another kind (a meeting stub needs only an `id`).
            let lacking = finding.code == Code::MissingField
                && all.iter().all(|f| f.code == Code::MissingField);
            let moved = if schema && !lacking {
                wrong_folder(kind, &text, path)
            } else {
                None
            };
            if let Some(moved) = moved {
                return vec![moved];
            }
            // serde's own finding stays when the tree check did not see it
            // (a rule the schema does not carry).
            // One our own visitors raise is placed at its key, the tree
            // check's at the value: same line, same message, one finding.
            // (Our visitor may name the value as it read it, `3` for
            // `agenda_item: 3.0`, the tree check as written: the messages
            // are compared without it.)
            if !all.iter().any(|f| {
                f.code == finding.code
                    && (f.position == finding.position
                        || (f.position.line == finding.position.line
                            && without_value(&f.message) == without_value(&finding.message)))
            }) && (all.is_empty() || finding.code != Code::MissingField)
            {
                all.push(*finding);
                all.sort_by_key(|f| (f.position.line, f.position.column));
            }
            all
        })
    });
    (Some(text), outcome)
}

/// `message` without the value it starts with (`` `3` ``, `this value`).
fn without_value(message: &str) -> &str {
    if let Some(rest) = message.strip_prefix('`') {
        return rest.split_once("` ").map_or(message, |(_, tail)| tail);
    }
    message.strip_prefix("this value ").unwrap_or(message)
}

/// Parses `text` as a `kind` file.
fn parse_kind(kind: Kind, text: &str, path: &Path) -> Outcome {
    Ok(match kind {
        Kind::Settings => Parsed::Settings(Box::new(Settings::parse(text, path)?)),
        Kind::People => Parsed::People(yaml::parse::<PeopleFile>(text, path)?.people),
        Kind::Organisations => {
            Parsed::Organisations(yaml::parse::<OrganisationsFile>(text, path)?.organisations)
        }
        Kind::Principles => {
            Parsed::Principles(yaml::parse::<PrinciplesFile>(text, path)?.principles)
        }
        Kind::Meeting => Parsed::Meeting(yaml::parse(text, path)?),
        Kind::Action => Parsed::Action(yaml::parse(text, path)?),
        Kind::Modification => Parsed::Modification(yaml::parse(text, path)?),
    })
}

/// When a file that failed to parse as `kind` is a valid record of
/// another kind, the [`Code::WrongFolder`] finding saying so.
fn wrong_folder(kind: Kind, text: &str, path: &Path) -> Option<Finding> {
    // Settings are never a misplaced record: every field is optional, so
    // any mapping would parse as settings.
    let actual = Kind::ALL
        .into_iter()
        .filter(|k| *k != kind && *k != Kind::Settings)
        .find(|k| parse_kind(*k, text, path).is_ok())?;
    let (what, place) = (actual.contents(), actual.place());
    let expected = kind.contents();
    Some(
        Finding::new(
            Code::WrongFolder,
            path,
            Position::default(),
            format!("file holds {what} where {expected} belongs"),
        )
        .with_help(format!("move it to `{place}`")),
    )
}
