//! `tsc.yaml`'s vocabularies: each value listed once.

use super::{Checker, repeats, settings_file};
use crate::finding::{Code, Finding};

impl Checker<'_> {
    /// Reports each vocabulary value that `tsc.yaml` lists a second time
    /// (two interest levels with `id: high`), at the second, with a label
    /// at the first.
    pub(super) fn check_vocabularies(&mut self) {
        let file = settings_file(self.records);
        for (vocabulary, terms) in self.records.settings.vocabularies.lists() {
            for (again, first) in repeats(terms.iter().map(|t| &t.id)) {
                self.push(
                    Finding::at_value(
                        Code::DuplicateTerm,
                        &file,
                        again,
                        format!(
                            "`{}` is listed twice in vocabularies.{vocabulary}",
                            again.value
                        ),
                    )
                    .with_related_value(&file, first, "first listed here")
                    .with_help("remove one of the two entries, or give the second its own `id`"),
                );
            }
        }
    }
}
