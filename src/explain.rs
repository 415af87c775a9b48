//! The rule catalogue, `docs/rules.md`, compiled into the binary so that
//! `tsc validate --explain CODE` works anywhere.

use crate::finding::Code;

/// The whole catalogue.
pub const CATALOGUE: &str = include_str!("../docs/rules.md");

/// The catalogue entry of `code`: from its heading `## E0101
/// unknown-person` up to the next heading of the same or a higher level.
/// Every code has an entry (a test checks it), so an absent one is a
/// packaging bug; it yields a one-line pointer to `docs/rules.md`.
pub fn explain(code: Code) -> String {
    let heading = format!("## {} {}", code.code(), code.name());
    let mut lines = CATALOGUE.lines().skip_while(|l| l.trim_end() != heading);
    let Some(first) = lines.next() else {
        return format!("{code}: see docs/rules.md");
    };
    let rest = lines.take_while(|l| !(l.starts_with("## ") || l.starts_with("# ")));
    std::iter::once(first)
        .chain(rest)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_catalogue_entry_with_an_example_and_a_fix() {
        for &code in Code::ALL {
            let entry = explain(code);
            assert!(
                entry.starts_with(&format!("## {} {}", code.code(), code.name())),
                "no entry for {code} in docs/rules.md"
            );
            for part in ["Checks:", "Why:", "Fails:", "Fix:"] {
                assert!(entry.contains(part), "entry {code} lacks {part}:\n{entry}");
            }
        }
    }

    #[test]
    fn an_entry_stops_at_the_next_rule() {
        let entry = explain(Code::UnknownPerson);
        assert!(entry.contains("people.yaml"));
        assert!(!entry.contains("E0102"), "{entry}");
    }
}
