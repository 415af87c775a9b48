//! The registers: people, organisations, principles and modification
//! proposals.

use std::collections::HashMap;
use std::path::Path;

use super::{Checker, repeats};
use crate::finding::{Code, Finding};
use crate::model::Token;
use crate::settings::{Meaning, Vocabularies};
use crate::source::Spanned;

impl Checker<'_> {
    pub(super) fn check_people_and_organisations(&mut self) {
        let r = self.records;
        for p in &r.people {
            if let Some(org) = &p.record.organisation {
                self.organisation_ref(&p.file, org);
            }
            self.check_owner_id_start("person", &p.file, &p.record.id);
        }
        for o in &r.organisations {
            self.check_owner_id_start("organisation", &o.file, &o.record.id);
        }
        self.check_shown_names();
    }

    /// A person's or organisation's ID starts with a letter or a digit:
    /// the command line takes `--owner -x` for an option, and a name
    /// starting with `.` for a hidden one (trial: `organisation add --id=-x`
    /// was written and passed).
    fn check_owner_id_start(&mut self, kind: &str, file: &Path, id: &Spanned<Token>) {
        let value = id.value.as_str();
        // An invisible or other non-ASCII first character is E0207's.
        if !value
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        {
            return;
        }
        self.push(
            Finding::at_value(
                Code::IdPattern,
                file,
                id,
                format!("{kind} ID `{value}` does not start with a letter or a digit"),
            )
            .with_help(
                "start it with a letter or a digit: on the command line an ID starting \
                 with `-` is taken for an option (`--owner -x`)",
            ),
        );
    }

    /// No two people or organisations are shown by the same name: tables,
    /// minutes and the report name an owner by it (a person by name, an
    /// organisation as minuted), so a person named `SECAS` would pass for
    /// the organisation. Names are compared ignoring case, by their
    /// confusable skeleton; the first (organisations, then people, in file
    /// order) keeps the name and each later one is reported.
    fn check_shown_names(&mut self) {
        let r = self.records;
        let organisations = r.organisations.iter().map(|o| {
            let org = &o.record;
            let span = if org.as_minuted() == org.id.value.as_str() {
                org.id.span
            } else {
                org.name.span
            };
            (
                o.file.as_path(),
                org.id.value.as_str(),
                org.as_minuted(),
                span,
                "organisation",
            )
        });
        let people = r.people.iter().map(|p| {
            let person = &p.record;
            let name = person.name.value.as_str();
            (
                p.file.as_path(),
                person.id.value.as_str(),
                name,
                person.name.span,
                "person",
            )
        });
        let mut first: HashMap<String, (&std::path::Path, &str, crate::source::Span, &str)> =
            HashMap::new();
        for (file, id, shown, span, kind) in organisations.chain(people) {
            let key = crate::unicode::skeleton(&shown.to_lowercase());
            let Some(&(other_file, other_id, other_span, other_kind)) = first.get(&key) else {
                first.insert(key, (file, id, span, kind));
                continue;
            };
            let skeleton = crate::unicode::skeleton;
            if skeleton(other_id) == skeleton(id) {
                // The same ID twice is E0201's, IDs that look alike E0208's.
                continue;
            }
            let at = |span| Spanned { value: (), span };
            self.push(
                Finding::at_value(
                    Code::DuplicateName,
                    file,
                    &at(span),
                    format!("{kind} `{id}` is shown as `{shown}`, as {other_kind} `{other_id}` is"),
                )
                .with_related_value(other_file, &at(other_span), "shown so first")
                .with_help(
                    "give one a name that tells them apart (a middle initial, or the \
                     organisation in brackets); tables and minutes show owners by name",
                ),
            );
        }
    }

    /// Status from the vocabulary; a merged principle names the one it
    /// joined; references resolve.
    pub(super) fn check_principles(&mut self) {
        let r = self.records;
        let statuses = &r.settings.vocabularies.principle_statuses;
        for p in &r.principles {
            let principle = &p.record;
            self.check_term(
                &p.file,
                &principle.status,
                statuses,
                "principle status",
                "principle_statuses",
            );
            if Vocabularies::means(statuses, &principle.status.value, Meaning::Merged)
                && principle.merged_into.is_none()
            {
                self.push(
                    Finding::at_value(
                        Code::MissingMergedInto,
                        &p.file,
                        &principle.status,
                        format!(
                            "principle {} is merged but does not say into which principle",
                            principle.number.value
                        ),
                    )
                    .with_help("add `merged_into: N`, the number of the principle it joined"),
                );
            }
            if let Some(into) = &principle.merged_into {
                self.principle_ref(&p.file, into, None);
            }
            if let Some(meeting) = &principle.decided_at {
                self.meeting_ref(&p.file, meeting);
            }
        }
        self.check_merge_cycles();
    }

    /// Follows each principle's `merged_into` chain; a chain that comes
    /// back to where it started is reported once, at the `merged_into` of
    /// the circle's principle that comes last in `principles.yaml`, with
    /// a label at the `merged_into` it leads to.
    fn check_merge_cycles(&mut self) {
        let r = self.records;
        let index = self.index;
        let order: HashMap<u32, usize> = r
            .principles
            .iter()
            .enumerate()
            .rev()
            .map(|(i, p)| (p.record.number.value, i))
            .collect();
        let into = |n: u32| {
            index
                .principle(n)
                .and_then(|p| p.record.merged_into.as_ref())
        };
        let mut found = Vec::new();
        for (start, p) in index.principles() {
            let Some(first_step) = &p.record.merged_into else {
                continue;
            };
            let mut circle = vec![start];
            let mut next = Some(first_step.value);
            while let Some(n) =
                next.filter(|&n| n != start && circle.len() <= index.principle_count())
            {
                circle.push(n);
                next = into(n).map(|m| m.value);
            }
            let closes = next == Some(start);
            let last = circle.iter().max_by_key(|n| order.get(n)).copied();
            if closes && last == Some(start) {
                found.push((p, circle));
            }
        }
        found.sort_by_key(|(p, _)| order.get(&p.record.number.value));
        let mut findings = Vec::new();
        for (p, circle) in found {
            let n = p.record.number.value;
            let Some(merged_into) = &p.record.merged_into else {
                continue;
            };
            let mut finding = if circle.len() == 1 {
                Finding::at_value(
                    Code::MergeCycle,
                    &p.file,
                    merged_into,
                    format!("principle {n} is merged into itself"),
                )
            } else {
                let path = circle
                    .iter()
                    .chain([&n])
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(" -> ");
                Finding::at_value(
                    Code::MergeCycle,
                    &p.file,
                    merged_into,
                    format!("the merges of principle {n} go round in a circle: {path}"),
                )
            };
            let target = merged_into.value;
            if let (Some(other), Some(onward)) = (index.principle(target), into(target))
                && circle.len() > 1
            {
                finding = finding.with_related_value(
                    &other.file,
                    onward,
                    format!("principle {target} is merged into {} here", onward.value),
                );
            }
            findings
                .push(finding.with_help("remove `merged_into` from the principle that carries on"));
        }
        for finding in findings {
            self.push(finding);
        }
    }

    /// ID, phase, and related proposals that exist and list the relation
    /// back (a warning when they do not).
    pub(super) fn check_modifications(&mut self) {
        let r = self.records;
        let phases = &r.settings.vocabularies.modification_phases;
        for m in &r.modifications {
            self.check_file_id(
                &m.file,
                &m.record.id,
                &|p| &p.modification,
                "modification proposal",
            );
            let history = m.record.phases.iter().map(|p| &p.phase);
            for phase in m.record.phase.iter().chain(history) {
                self.check_term(
                    &m.file,
                    phase,
                    phases,
                    "modification phase",
                    "modification_phases",
                );
            }
            for change in &m.record.phases {
                if let Some(meeting) = &change.meeting {
                    self.meeting_ref(&m.file, meeting);
                }
                if let Some(date) = &change.date {
                    self.check_date_form(&m.file, date);
                }
            }
            if let Some(proposer) = &m.record.proposer {
                self.party_ref(&m.file, proposer, "proposer");
            }
            let id = m.record.id.value.as_str();
            self.check_listed_once(
                &m.file,
                &m.record.related,
                "related",
                "modification proposal",
            );
            let repeated: Vec<_> = repeats(&m.record.related)
                .into_iter()
                .map(|(again, _)| again)
                .collect();
            for related in &m.record.related {
                if related.value == id {
                    self.push(
                        Finding::at_value(
                            Code::RelatedToItself,
                            &m.file,
                            related,
                            format!("{id} lists itself as related"),
                        )
                        .with_help(format!("remove {id} from its own `related` list")),
                    );
                    continue;
                }
                if repeated.iter().any(|r| std::ptr::eq(*r, related))
                    || !self.modification_ref(&m.file, related)
                {
                    continue;
                }
                let Some(other) = self.index.located_modification(&related.value) else {
                    continue;
                };
                if other.record.related.iter().any(|r| r.value == id) {
                    continue;
                }
                self.push(
                    Finding::at_value(
                        Code::RelatedNotReciprocal,
                        &m.file,
                        related,
                        format!(
                            "{id} lists {} as related, but {} does not list {id}",
                            related.value, related.value
                        ),
                    )
                    .with_related_value(
                        &other.file,
                        &other.record.id,
                        format!("{} has no `related: [{id}]`", related.value),
                    )
                    .with_help(format!(
                        "add {id} to the `related` list of {}",
                        related.value
                    )),
                );
            }
        }
    }
}
