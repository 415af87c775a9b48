//! Decoding a record file's bytes as text.
//!
//! Records are UTF-8 YAML. A file that is not gets one finding placed at
//! its first bad byte, because the YAML parser would otherwise report a
//! confusing syntax error somewhere else, or none. The bytes become the
//! text without a copy: the text is kept for the whole run (diagnostics
//! and edits point into it), so a second copy would double the memory.

use std::path::Path;

use crate::finding::{Code, Finding, Position};

/// Decodes a file as UTF-8 text, without copying it.
pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Box<Finding>> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid_up_to = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
        let line = prefix.matches('\n').count() as u64 + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        Box::new(
            Finding::new(
                Code::YamlSyntax,
                path,
                Position { line, column },
                format!("file is not valid UTF-8 (bad byte at offset {valid_up_to})"),
            )
            .with_help("save the file as UTF-8"),
        )
    })
}
