//! Giving back the spare capacity a parse leaves in the records.
//!
//! The YAML deserialiser grows every list and many strings as it reads
//! them (doubling a `Vec`'s capacity, pushing onto a `String`), so a
//! freshly parsed record holds, on average, a third more memory than its
//! values need: on the synthetic L tree about 0.45 × the YAML's size.
//! [`Shrink::shrink`] trims every `Vec` and `String` of a record to its
//! length, once, right after the parse. A record read back from the parse
//! cache is already exact (the binary form carries every length).
//!
//! Each impl destructures its struct without `..`, so a field added to
//! the model without being listed here is a compile error, not a silent
//! leak of capacity.

use chrono::NaiveDate;

use crate::load::parse::Parsed;
use crate::model::{
    Action, ActionUpdate, AgendaItem, Assessment, Attendance, Decision, ExternalReference, Impact,
    Meeting, Modification, Organisation, Paper, Person, PhaseChange, Principle,
};
use crate::numbering::{ItemNumber, Roles};
use crate::source::Spanned;

/// A value whose heap parts can be trimmed to their contents.
pub(crate) trait Shrink {
    /// Trims every `Vec` and `String` in `self` to its length.
    fn shrink(&mut self);
}

/// Moved into a fresh allocation of exactly its length, rather than
/// `shrink_to_fit`: that is a `realloc`, which an allocator may grant in
/// place without giving anything back (mimalloc keeps any block that is
/// at most twice the size asked for, and a list grown by doubling always
/// is), so the spare capacity stayed allocated.
impl Shrink for String {
    fn shrink(&mut self) {
        if self.capacity() > self.len() {
            *self = self.as_str().to_owned();
        }
    }
}

/// A long token moves back inline if it fits; a short one is inline already.
impl Shrink for crate::model::Token {
    fn shrink(&mut self) {
        self.shrink_to_fit();
    }
}

/// Moved into a fresh allocation of exactly its length, as a `String` is.
impl<T: Shrink> Shrink for Vec<T> {
    fn shrink(&mut self) {
        if self.capacity() > self.len() {
            let mut exact = Vec::with_capacity(self.len());
            exact.append(self);
            *self = exact;
        }
        for item in self {
            item.shrink();
        }
    }
}

impl<T: Shrink> Shrink for Option<T> {
    fn shrink(&mut self) {
        if let Some(value) = self {
            value.shrink();
        }
    }
}

impl<T: Shrink> Shrink for Box<T> {
    fn shrink(&mut self) {
        (**self).shrink();
    }
}

impl<T: Shrink> Shrink for Spanned<T> {
    fn shrink(&mut self) {
        self.value.shrink();
    }
}

/// Values without heap parts.
macro_rules! nothing_to_shrink {
    ($($t:ty),*) => {
        $(impl Shrink for $t {
            fn shrink(&mut self) {}
        })*
    };
}

nothing_to_shrink!(u32, bool, NaiveDate, crate::text::Text);

impl Shrink for ItemNumber {
    fn shrink(&mut self) {
        self.0.shrink();
    }
}

impl Shrink for Roles {
    fn shrink(&mut self) {
        self.0.shrink();
    }
}

/// Implements [`Shrink`] for a struct by shrinking each of the named
/// fields; the pattern is exhaustive, so every field must be named.
macro_rules! shrink_fields {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Shrink for $t {
            fn shrink(&mut self) {
                let $t { $($field),* } = self;
                $($field.shrink();)*
            }
        }
    };
}

shrink_fields!(Meeting {
    id,
    number,
    kind,
    title,
    date,
    start,
    end,
    location,
    status,
    note,
    attendees,
    apologies,
    agenda,
    id_month,
});
shrink_fields!(Attendance {
    person,
    category,
    constituency,
    representing,
    capacity,
    role,
    initials,
    organisation,
    remote,
    name_as_written,
    alternate_for,
    part,
});
shrink_fields!(AgendaItem {
    number,
    paragraphs,
    title,
    presented_by,
    summary,
    papers,
    decisions,
    modifications,
    principles,
    assessments,
    external_references,
});
shrink_fields!(Paper { title, attachments });
shrink_fields!(Decision {
    verb,
    text,
    paragraph
});
shrink_fields!(ExternalReference { title, note });
shrink_fields!(Assessment {
    modification,
    impact,
    ec_notification,
    notes,
    concerns,
    interest,
    misaligned_principles,
    considered_with,
});
shrink_fields!(Impact {
    technical,
    technical_note,
    business,
    business_note,
});
shrink_fields!(Action {
    id,
    meeting,
    agenda_item,
    owner,
    text,
    due,
    status,
    closed,
    updates,
});
shrink_fields!(ActionUpdate {
    date,
    meeting,
    agenda_item,
    paragraph,
    status,
    due,
    owner,
    note,
});
shrink_fields!(Modification {
    id,
    title,
    proposer,
    urgent,
    phase,
    phases,
    working_group,
    related,
    notes,
});
shrink_fields!(PhaseChange {
    phase,
    date,
    meeting
});
shrink_fields!(Person {
    id,
    name,
    organisation
});
shrink_fields!(Organisation {
    id,
    name,
    description
});
shrink_fields!(Principle {
    number,
    text,
    status,
    merged_into,
    decided_at,
    notes,
});

impl Shrink for Parsed {
    fn shrink(&mut self) {
        match self {
            Parsed::People(list) => list.shrink(),
            Parsed::Organisations(list) => list.shrink(),
            Parsed::Principles(list) => list.shrink(),
            Parsed::Meeting(meeting) => meeting.shrink(),
            Parsed::Action(action) => action.shrink(),
            Parsed::Modification(modification) => modification.shrink(),
            // One small file, parsed every run.
            Parsed::Settings(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parsed_meeting_keeps_no_spare_capacity() {
        let text = "id: TSC_07_1606\nattendees:\n  - person: a\n    category: member\n  \
                    - person: b\n    category: member\n  - person: c\n    category: member\n\
                    agenda:\n  - number: 1\n    title: Minutes\n    summary: |\n      One.\n\n      Two.\n";
        let mut meeting: Meeting = serde_saphyr::from_str(text).unwrap();
        meeting.attendees.reserve(10);
        meeting.shrink();
        assert_eq!(meeting.attendees.capacity(), 3);
        let summary = meeting.agenda[0].summary.as_ref().unwrap();
        assert_eq!(summary.get(), "One.\n\nTwo.\n");
        assert_eq!(meeting.attendees[2].person.value, "c");
    }
}
