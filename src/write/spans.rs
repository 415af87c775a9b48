//! The one place where the write commands turn the model's spans into
//! byte ranges of the text they edit. The model is loaded from the texts
//! of a [`super::Tree`], so a span's byte offset is an offset into the
//! text [`super::Tree::text`] returns for the record's file.

use std::ops::Range;

use crate::model::Sp;

/// The bytes a value was written with (quotes included; a block scalar's
/// lines without its `|` or `>` header).
///
/// # Errors
/// When the parser gave the value no byte offset (it always does for text
/// parsed from a string; this guards against a value with no span).
pub(crate) fn range<T>(value: &Sp<T>) -> crate::error::Result<Range<usize>> {
    crate::refuse_unless!(
        value.span != crate::source::Span::default() || value.span.len() > 0,
        "a value has no span"
    );
    Ok(value.span.range())
}

/// Where a value starts.
///
/// # Errors
/// As [`range`].
pub(crate) fn start<T>(value: &Sp<T>) -> crate::error::Result<usize> {
    Ok(range(value)?.start)
}
