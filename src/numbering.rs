//! Values of the record format that may be written more than one way:
//! agenda item numbers (`2`, `"2a"`, `"2.1"`) and a role or a list of
//! roles (`chair` or `[deputy-chair, chair]`).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::ids::natural_cmp;

/// An agenda item number as the minutes write it: `2`, `2a` or `2.1`.
///
/// Written in YAML as a number (`number: 2`) or a string (`number: 2a`,
/// `number: "2.1"`); items order naturally (`2` < `2.1` < `2a` < `10`) and
/// references (`agenda_item`) compare the text as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemNumber(pub String);

impl ItemNumber {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as an integer, when it is a plain one (`2`, not `2a` or
    /// `02`): JSON writes such a number as a number, as before item
    /// numbers could carry letters.
    pub fn as_integer(&self) -> Option<u32> {
        let plain = !self.0.is_empty()
            && self.0.bytes().all(|b| b.is_ascii_digit())
            && (self.0 == "0" || !self.0.starts_with('0'));
        plain.then(|| self.0.parse().ok()).flatten()
    }

    /// Natural order: `2` before `2.1` before `2a` before `10`.
    pub(crate) fn natural_cmp(&self, other: &ItemNumber) -> Ordering {
        natural_cmp(&self.0, &other.0)
    }
}

impl fmt::Display for ItemNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// JSON writes a plain number as a number; the parse cache (a binary,
/// not human-readable format) keeps the text as written.
impl Serialize for ItemNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_str(&self.0);
        }
        match self.as_integer() {
            Some(n) => serializer.serialize_u32(n),
            None => serializer.serialize_str(&self.0),
        }
    }
}

struct ItemNumberVisitor;

impl Visitor<'_> for ItemNumberVisitor {
    type Value = ItemNumber;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an agenda item number such as 2, 2a or 2.1")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<ItemNumber, E> {
        Ok(ItemNumber(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<ItemNumber, E> {
        if v < 0 {
            return Err(E::invalid_value(de::Unexpected::Signed(v), &self));
        }
        Ok(ItemNumber(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<ItemNumber, E> {
        // `2.10` would read as 2.1: a dotted number must be quoted, as the
        // JSON Schema says.
        Err(E::invalid_value(de::Unexpected::Str(&v.to_string()), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<ItemNumber, E> {
        let ok = !v.is_empty()
            && v.len() <= 16
            && v.starts_with(|c: char| c.is_ascii_digit())
            && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
        if ok {
            Ok(ItemNumber(v.to_owned()))
        } else {
            Err(E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
}

impl<'de> Deserialize<'de> for ItemNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ItemNumber, D::Error> {
        if !deserializer.is_human_readable() {
            // The parse cache's form: the text as written, checked when it
            // was first read.
            return String::deserialize(deserializer).map(ItemNumber);
        }
        deserializer.deserialize_any(ItemNumberVisitor)
    }
}

impl JsonSchema for ItemNumber {
    fn schema_name() -> Cow<'static, str> {
        "ItemNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An agenda item number: 2, \"2a\" or \"2.1\".",
            "x-tsc-what": "an agenda item number",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": "^[0-9][0-9A-Za-z.]{0,15}$" }
            ]
        })
    }
}

/// One role or several, as `role: chair` or `role: [deputy-chair, chair]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roles(pub Vec<String>);

impl Roles {
    /// The roles, in the order written.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

struct RolesVisitor;

impl<'de> Visitor<'de> for RolesVisitor {
    type Value = Roles;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a role, or a list of roles")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Roles, E> {
        Ok(Roles(vec![v.to_owned()]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Roles, A::Error> {
        let mut roles = Vec::new();
        while let Some(role) = seq.next_element::<String>()? {
            roles.push(role);
        }
        if roles.is_empty() {
            return Err(de::Error::invalid_length(0, &"at least one role"));
        }
        Ok(Roles(roles))
    }
}

impl<'de> Deserialize<'de> for Roles {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Roles, D::Error> {
        if !deserializer.is_human_readable() {
            // The parse cache's form: the list (see `Serialize`).
            return Vec::<String>::deserialize(deserializer).map(Roles);
        }
        deserializer.deserialize_any(RolesVisitor)
    }
}

/// The parse cache's form of [`Roles`]: the list of roles.
impl Serialize for Roles {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl JsonSchema for Roles {
    fn schema_name() -> Cow<'static, str> {
        "Roles".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A role from vocabularies.roles, or a list of them.",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" }, "minItems": 1 }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_numbers_order_naturally_and_plain_ones_stay_integers() {
        let mut items: Vec<ItemNumber> = ["10", "2a", "2.1", "2", "1"]
            .map(|s| ItemNumber(s.to_owned()))
            .to_vec();
        items.sort_by(ItemNumber::natural_cmp);
        let order: Vec<&str> = items.iter().map(ItemNumber::as_str).collect();
        assert_eq!(order, ["1", "2", "2.1", "2a", "10"]);
        assert_eq!(ItemNumber("12".into()).as_integer(), Some(12));
        assert_eq!(ItemNumber("2a".into()).as_integer(), None);
        assert_eq!(ItemNumber("02".into()).as_integer(), None);
    }
}
