//! Every field error of a file in one run.
//!
//! serde stops at the first error in a file, so a file with four mistakes
//! would need four runs of `tsc validate`. When the typed read of a record
//! fails on its fields, the loader asks [`field_errors`] instead: the file
//! is read again as an untyped tree that keeps every node's position, and
//! the tree is checked against the record's JSON Schema ([`crate::schema`],
//! the one editors use), so `tsc validate` and the editor list the same
//! mistakes: unknown fields, missing fields (at the mapping's first line,
//! naming the field), and values of the wrong type.

use std::path::Path;

use serde::Deserialize;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::Spanned;

use crate::finding::{Code, Finding, Position};
use crate::kind::Kind;

/// One node of the untyped tree.
#[derive(Debug)]
enum Node {
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
    Seq(Vec<Spanned<Node>>),
    Text(String),
    Int(i128),
    Float(f64),
    Bool(bool),
    Null,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            entries.push((key, map.next_value::<Spanned<Node>>()?));
        }
        Ok(Node::Map(entries))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Text(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(i128::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Int(i128::from(v)))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
}

/// Every unknown field, missing field and value of the wrong type in the
/// `kind` file `text`, in file order; empty when the file cannot be read
/// as a tree (a YAML error, which the typed read reports), is not a
/// mapping sharing a field with the record, or its fields are right (the
/// typed read's error is about something else).
pub(crate) fn field_errors(kind: Kind, text: &str, file: &Path) -> Vec<Finding> {
    let Ok(root) = serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options()) else {
        return Vec::new();
    };
    let schema = crate::schema::schema(kind);
    // Only a mapping that shares a field with the record is checked field
    // by field: a list, a single value, or a file that is some other text
    // entirely gets the one finding that says so.
    let Node::Map(entries) = &root.value else {
        return Vec::new();
    };
    let known = schema["properties"].as_object();
    if !entries
        .iter()
        .any(|(key, _)| known.is_some_and(|p| p.contains_key(&key.value)))
    {
        return Vec::new();
    }
    let mut checker = ShapeChecker {
        file,
        text,
        defs: &schema["$defs"],
        findings: Vec::new(),
    };
    checker.check(&root, &schema);
    let mut findings = checker.findings;
    findings.sort_by_key(|f| (f.position.line, f.position.column));
    findings
}

/// The loader's options, but reading numbers and booleans as what they
/// look like, so that a number where text belongs can be told.
fn options() -> serde_saphyr::Options {
    let mut options = crate::yaml::options();
    options.no_schema = false;
    options
}

struct ShapeChecker<'a> {
    file: &'a Path,
    text: &'a str,
    defs: &'a Value,
    findings: Vec<Finding>,
}

fn at<T>(node: &Spanned<T>) -> Position {
    Position::from(node.referenced)
}

/// The JSON type names of a schema's `type` (one name or a list).
fn types(schema: &Value) -> Vec<&str> {
    match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The JSON Schema type of a node.
fn node_type(node: &Node) -> &'static str {
    match node {
        Node::Map(_) => "object",
        Node::Seq(_) => "array",
        Node::Text(_) => "string",
        Node::Int(_) => "integer",
        Node::Float(_) => "number",
        Node::Bool(_) => "boolean",
        Node::Null => "null",
    }
}

/// `schema`, or the definition in `defs` its `$ref` names.
fn resolve<'s>(defs: &'s Value, schema: &'s Value) -> &'s Value {
    match schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => &defs[name],
        None => schema,
    }
}

impl ShapeChecker<'_> {
    fn push(&mut self, code: Code, position: Position, message: String, help: String) {
        self.findings
            .push(Finding::new(code, self.file, position, message).with_help(help));
    }

    /// Whether `node` takes one of the forms `schema` allows, looking
    /// through `anyOf` and `$ref`, and at a string's `pattern`.
    fn fits(&self, node: &Spanned<Node>, schema: &Value) -> bool {
        let schema = resolve(self.defs, schema);
        if let Some(alternatives) = schema["anyOf"].as_array() {
            return alternatives.iter().any(|a| self.fits(node, a));
        }
        let allowed = types(schema);
        let found = node_type(&node.value);
        let typed = allowed.is_empty()
            || allowed.contains(&found)
            || (found == "integer" && allowed.contains(&"number"));
        let patterned = match (&node.value, schema["pattern"].as_str()) {
            (Node::Text(text), Some(pattern)) => {
                regex_lite::Regex::new(pattern).is_ok_and(|re| re.is_match(text))
            }
            _ => true,
        };
        typed && patterned
    }

    /// A value of a field that takes one of several forms (`anyOf`, such
    /// as an agenda item number, `2` or `2a`): checked against the first
    /// form it takes, or reported as none of them.
    fn check_alternatives(&mut self, node: &Spanned<Node>, schema: &Value, alternatives: &[Value]) {
        match alternatives.iter().find(|a| self.fits(node, a)) {
            Some(form) => self.check(node, form),
            None => {
                let named = std::iter::once(schema)
                    .chain(alternatives.iter().map(|a| resolve(self.defs, a)))
                    .find(|s| s["x-tsc-what"].is_string())
                    .unwrap_or(schema);
                let what = named["x-tsc-what"]
                    .as_str()
                    .unwrap_or("a value this field takes");
                let schema = named;
                // A number as written (`3.0`, not the 3 it reads as).
                let written = || {
                    let span = node.referenced.span();
                    let start = usize::try_from(span.byte_offset()?).ok()?;
                    let len = usize::try_from(span.byte_len()?).ok()?;
                    let text = self.text.get(start..start + len)?.trim();
                    (!text.is_empty() && text.chars().count() <= 40).then(|| format!("`{text}`"))
                };
                let shown = match &node.value {
                    Node::Text(text) => format!("`{text}`"),
                    Node::Int(_) | Node::Float(_) | Node::Bool(_) => {
                        written().unwrap_or_else(|| "this value".to_owned())
                    }
                    _ => "this value".to_owned(),
                };
                let help = schema["description"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                self.push_value(
                    Code::InvalidValue,
                    node,
                    format!("{shown} is not {what}"),
                    help,
                );
            }
        }
    }

    /// Like [`Self::push`], at `node` with its whole span, so the
    /// underline covers the value as written (quotes included).
    fn push_value(&mut self, code: Code, node: &Spanned<Node>, message: String, help: String) {
        let mut finding = Finding::new(code, self.file, at(node), message).with_help(help);
        finding.span = crate::source::span_of(&node.referenced);
        self.findings.push(finding);
    }

    fn check(&mut self, node: &Spanned<Node>, schema: &Value) {
        let defs = self.defs;
        let schema = resolve(defs, schema);
        if let Some(alternatives) = schema["anyOf"].as_array() {
            return self.check_alternatives(node, schema, alternatives);
        }
        let allowed = types(schema);
        let found = node_type(&node.value);
        let fits = allowed.is_empty()
            || allowed.contains(&found)
            || (found == "integer" && allowed.contains(&"number"));
        if !fits {
            self.wrong_type(node, &allowed, schema["format"] == "date");
            return;
        }
        match &node.value {
            Node::Map(entries) => self.check_map(node, entries, schema),
            Node::Seq(items) => {
                for item in items {
                    self.check(item, &schema["items"]);
                }
            }
            Node::Text(text)
                if schema["format"] == "date"
                    && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() =>
            {
                let shaped = text.len() == 10
                    && text.chars().enumerate().all(|(i, c)| {
                        if i == 4 || i == 7 {
                            c == '-'
                        } else {
                            c.is_ascii_digit()
                        }
                    });
                let (message, help) = if shaped {
                    (
                        "is not a date that exists",
                        "write a date that exists, as YYYY-MM-DD",
                    )
                } else {
                    (
                        "is not a date written as YYYY-MM-DD",
                        "write the date as YYYY-MM-DD",
                    )
                };
                self.push_value(
                    Code::InvalidValue,
                    node,
                    format!("`{text}` {message}"),
                    help.to_owned(),
                );
            }
            _ => {}
        }
    }

    /// A value of the wrong type at `node`; `date` when the field holds a
    /// date (the schema's `format: date`).
    fn wrong_type(&mut self, node: &Spanned<Node>, allowed: &[&str], date: bool) {
        let shown = match &node.value {
            Node::Text(t) => format!("`{t}`"),
            Node::Int(n) => format!("`{n}`"),
            Node::Float(x) => format!("`{x}`"),
            Node::Bool(b) => format!("`{b}`"),
            Node::Null => "this field has no value".to_owned(),
            Node::Map(_) => "a mapping".to_owned(),
            Node::Seq(_) => "a list".to_owned(),
        };
        let (message, help) = if date && !matches!(node.value, Node::Null) {
            let message = match &node.value {
                Node::Map(_) | Node::Seq(_) => format!("a date belongs here, not {shown}"),
                _ => format!("{shown} is not a date written as YYYY-MM-DD"),
            };
            (
                message,
                "write one date after the colon, as YYYY-MM-DD".to_owned(),
            )
        } else if allowed.contains(&"string") {
            match &node.value {
                Node::Int(_) | Node::Float(_) | Node::Bool(_) => {
                    let what = if matches!(node.value, Node::Bool(_)) {
                        "a true/false value"
                    } else {
                        "a number"
                    };
                    let raw = shown.trim_matches('`');
                    (
                        format!("{shown} is read as {what} where text belongs"),
                        format!("quote it, if it is meant as text: \"{raw}\""),
                    )
                }
                Node::Null => (
                    shown,
                    "give the field a value, or remove the line".to_owned(),
                ),
                _ => (
                    "text belongs here, not a list or a mapping".to_owned(),
                    "write the text on the line after the colon, or as a `|` block".to_owned(),
                ),
            }
        } else if allowed.contains(&"integer") {
            (
                format!("{shown} is not a whole number"),
                "write a whole number without quotes, for example `2`".to_owned(),
            )
        } else if allowed.contains(&"boolean") {
            (
                format!("{shown} is not `true` or `false`"),
                "write `true` or `false`".to_owned(),
            )
        } else if allowed.contains(&"array") {
            (
                "a list belongs here".to_owned(),
                "write a list: `[]`, `[a, b]`, or one `- item` per line".to_owned(),
            )
        } else {
            (
                "`field: value` lines belong here".to_owned(),
                "write `field: value` lines, indented under this key".to_owned(),
            )
        };
        self.push_value(Code::InvalidValue, node, message, help);
    }

    fn check_map(
        &mut self,
        node: &Spanned<Node>,
        entries: &[(Spanned<String>, Spanned<Node>)],
        schema: &Value,
    ) {
        let properties = schema["properties"].as_object();
        let names: Vec<&str> = properties
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        // Fields a misspelt key is taken for: `ownr` is not also a missing
        // `owner`, one cause is reported once.
        let mut meant: Vec<&str> = Vec::new();
        for (key, value) in entries {
            match properties.and_then(|p| p.get(&key.value)) {
                Some(property) => self.check(value, property),
                None if schema["additionalProperties"] == false => {
                    let best = crate::suggest::closest(&key.value, names.iter().copied());
                    meant.extend(best);
                    let help = match best {
                        Some(name) => format!("did you mean `{name}`?"),
                        None => format!("the fields allowed here are: {}", names.join(", ")),
                    };
                    let mut finding = Finding::new(
                        Code::UnknownField,
                        self.file,
                        at(key),
                        format!("unknown field `{}`", key.value),
                    )
                    .with_help(help);
                    let start = at(key);
                    finding.end = Some(Position {
                        line: start.line,
                        column: start.column + key.value.chars().count() as u64,
                    });
                    self.findings.push(finding);
                }
                None => {}
            }
        }
        // A missing field is reported where the mapping starts: its first
        // key (the mapping itself when it is empty).
        let first = entries.first().map_or_else(|| at(node), |(key, _)| at(key));
        let required = schema["required"].as_array().into_iter().flatten();
        for field in required.filter_map(Value::as_str) {
            if !entries.iter().any(|(key, _)| key.value == field) && !meant.contains(&field) {
                self.push(
                    Code::MissingField,
                    first,
                    format!("missing field `{field}`"),
                    format!("add a `{field}:` line to this record"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_mistakes_in_an_action_are_four_findings() {
        // (An owner may be left out: W0605, not a field error.)
        let text = "id: \"TSC07/01\"\nmeeting: TSC_07_1606\nagenda_item: two\nzzz: SECAS\ntext: 42\nstatus: open\ndue: 2016-9-1x\n";
        let found: Vec<(&str, u64, u64, String)> =
            field_errors(Kind::Action, text, Path::new("a.yaml"))
                .iter()
                .map(|f| {
                    (
                        f.code.code(),
                        f.position.line,
                        f.position.column,
                        f.message.clone(),
                    )
                })
                .collect();
        assert_eq!(
            found,
            [
                (
                    "E0010",
                    3,
                    14,
                    "`two` is not an agenda item number".to_owned()
                ),
                ("E0011", 4, 1, "unknown field `zzz`".to_owned()),
                (
                    "E0010",
                    5,
                    7,
                    "`42` is read as a number where text belongs".to_owned()
                ),
                (
                    "E0010",
                    7,
                    6,
                    "`2016-9-1x` is not a date written as YYYY-MM-DD".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_misspelt_field_is_not_also_a_missing_one() {
        let text = "id: \"TSC07/01\"\nmeeting: TSC_07_1606\nagenda_item: 2\nownr: SECAS\ntext: A.\nstatus: open\n";
        let found = field_errors(Kind::Action, text, Path::new("a.yaml"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `owner`?"));
    }

    #[test]
    fn a_missing_field_in_a_list_item_is_at_the_items_first_line() {
        let text = "id: TSC_07_1606\nnumber: 7\ndate: 2016-06-16\nstatus: final\nattendees:\n  - person: a\n    category: member\n  - category: member\n    part: true\n";
        let found = field_errors(Kind::Meeting, text, Path::new("m.yaml"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "missing field `person`");
        assert_eq!(found[0].position, Position { line: 8, column: 5 });
    }

    #[test]
    fn a_good_record_has_no_field_errors() {
        let text = "id: \"TSC07/01\"\nmeeting: TSC_07_1606\nagenda_item: 2\nowner: SECAS\ntext: Amend.\nstatus: open\n";
        assert!(field_errors(Kind::Action, text, Path::new("a.yaml")).is_empty());
    }
}
