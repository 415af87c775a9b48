//! [`Spanned`]: a record value together with where it stood in its file.
//!
//! Read from YAML, it takes the position serde-saphyr reports for the
//! value. Written to and read from the parse cache (a binary, not
//! human-readable serde format), it is the value followed by its line,
//! column and span, so a record read back from the cache points at the
//! same places as one parsed from the file. Which of the two a
//! (de)serializer wants is told by `is_human_readable`, as serde's own
//! types (IP addresses, times) do.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeTuple, Serializer};

/// Where a value stood in its file: 1-based line and column (in
/// characters), and its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    line: u64,
    column: u64,
    span: serde_saphyr::Span,
}

impl Location {
    /// The 1-based line; 0 when unknown.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The 1-based column, in characters; 0 when unknown.
    pub fn column(&self) -> u64 {
        self.column
    }

    /// The value's extent in characters (and bytes, when known), quotes
    /// included.
    pub fn span(&self) -> serde_saphyr::Span {
        self.span
    }
}

impl From<serde_saphyr::Location> for Location {
    fn from(location: serde_saphyr::Location) -> Self {
        Location {
            line: location.line(),
            column: location.column(),
            span: location.span(),
        }
    }
}

/// A value together with the place in its YAML file where it was
/// written ([`Spanned::referenced`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where the value is written.
    pub referenced: Location,
}

/// The binary form of a [`Location`]: line, column, span offset and
/// length, and the span's byte offset and length when known.
type Packed = (u64, u64, u64, u64, Option<(u64, u64)>);

fn pack(location: &Location) -> Packed {
    let span = location.span;
    let bytes = span.byte_offset().zip(span.byte_len());
    (
        location.line,
        location.column,
        span.offset(),
        span.len(),
        bytes,
    )
}

fn unpack((line, column, offset, len, bytes): Packed) -> Location {
    let span = serde_saphyr::Span::new(offset, len);
    let span = match bytes {
        Some((byte_offset, byte_len)) => span.with_byte_info(byte_offset, byte_len),
        None => span,
    };
    Location { line, column, span }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let read = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
            return Ok(Spanned {
                value: read.value,
                referenced: read.referenced.into(),
            });
        }
        let (value, packed) = <(T, Packed)>::deserialize(deserializer)?;
        Ok(Spanned {
            value,
            referenced: unpack(packed),
        })
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            // A human-readable form is the value as it was written.
            return self.value.serialize(serializer);
        }
        let mut tuple = serializer.serialize_tuple(2)?;
        tuple.serialize_element(&self.value)?;
        tuple.serialize_element(&pack(&self.referenced))?;
        tuple.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, serde::Serialize, PartialEq)]
    struct Doc {
        id: Spanned<String>,
        date: Spanned<chrono::NaiveDate>,
        list: Vec<Spanned<u32>>,
    }

    #[test]
    fn yaml_positions_survive_the_binary_form() {
        let text = "id: \"TSC07/2\"\ndate: 2016-06-16\nlist: [4, 17]\n";
        let doc: Doc = serde_saphyr::from_str(text).unwrap();
        assert_eq!(
            (doc.id.value.as_str(), doc.id.referenced.line()),
            ("TSC07/2", 1)
        );
        assert_eq!(doc.id.referenced.column(), 5);
        assert_eq!(doc.id.referenced.span().len(), 9);
        assert_eq!(doc.list[1].referenced.column(), 11);
        let bytes = postcard::to_stdvec(&doc).unwrap();
        let back: Doc = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, doc);
        assert_eq!(back.date.referenced.line(), 2);
        assert_eq!(back.date.referenced.span().len(), 10);
    }
}
