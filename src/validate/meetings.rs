//! Meetings: ID agreement, times, vocabulary, references, and who was
//! there (nobody twice, nobody both attending and apologising, no
//! alternate beside the member they stand in for, a chair who attended).

use foldhash::{HashMap, HashMapExt};
use std::path::Path;

use crate::model::Token;
use crate::source::Spanned;

use super::Checker;
use crate::finding::{Code, Finding};
use crate::model::{Assessment, Attendance, ItemNumber, Meeting};
use crate::settings::{Meaning, Vocabularies};

impl Checker<'_> {
    pub(super) fn check_meetings(&mut self) {
        let r = self.records;
        for m in &r.meetings {
            let file = m.file.as_path();
            let meeting = &m.record;
            let vocabularies = &r.settings.vocabularies;
            let kind = meeting.kind.as_ref().map(|k| k.value.as_str());
            let caps = self.check_file_id(
                file,
                &meeting.id,
                &|p| p.meeting_of(vocabularies, kind),
                "meeting",
            );
            self.check_meeting_id_agrees(file, meeting, caps.as_ref());
            self.check_meeting_terms(file, meeting);
            // Attendance, agenda and decision rules do not apply to a
            // meeting that is not recorded (a stub).
            if meeting.is_recorded(&r.settings) {
                self.check_recorded_fields(file, meeting);
                self.check_meeting_fields(file, meeting);
                self.check_attendance(file, meeting);
                self.check_agenda(file, meeting);
            }
        }
        self.check_meeting_numbers();
    }

    /// No two meetings of one kind have the same number: the first (in
    /// date order) keeps it, each later one is reported. A meeting that
    /// leaves `number:` out (a stub, or a recorded meeting missing it)
    /// goes by the number its ID names, as its actions are numbered
    /// ([`crate::stubs::number_or_id_number`]); only those IDs are matched
    /// again.
    fn check_meeting_numbers(&mut self) {
        let settings = &self.records.settings;
        let mut first: HashMap<(Option<&str>, u32), (&Path, &Meeting)> = HashMap::new();
        for m in self.index.meetings_by_date() {
            let number = match (&m.number, &self.patterns) {
                (Some(number), _) => number.value,
                (None, Some(patterns)) => {
                    match crate::stubs::number_or_id_number(patterns, settings, m) {
                        Some(number) => number,
                        None => continue,
                    }
                }
                (None, None) => continue,
            };
            let kind = m.kind.as_ref().map(|k| k.value.as_str());
            let Some(file) = self
                .index
                .located_meeting(&m.id.value)
                .map(|l| l.file.as_path())
            else {
                continue;
            };
            match first.get(&(kind, number)) {
                None => {
                    first.insert((kind, number), (file, m));
                }
                Some((other_file, other)) => {
                    // ` (by its ID)` for a meeting with no `number:`.
                    let how = |m: &Meeting| {
                        if m.number.is_some() {
                            ""
                        } else {
                            " (by its ID)"
                        }
                    };
                    let message = format!(
                        "meeting {} is numbered {number}{}, as {} is{}",
                        m.id.value,
                        how(m),
                        other.id.value,
                        how(other)
                    );
                    let finding = match &m.number {
                        Some(own) => {
                            Finding::at_value(Code::DuplicateMeetingNumber, file, own, message)
                        }
                        None => {
                            Finding::at_value(Code::DuplicateMeetingNumber, file, &m.id, message)
                        }
                    };
                    let label = "the meeting numbered so first";
                    let finding = match &other.number {
                        Some(theirs) => finding.with_related_value(other_file, theirs, label),
                        None => finding.with_related_value(other_file, &other.id, label),
                    };
                    self.push(finding.with_help(
                        "number each meeting once; if two `tsc new meeting` ran at once, \
                         remove the one made by mistake",
                    ));
                }
            }
        }
    }

    /// The status and kind come from their vocabularies.
    fn check_meeting_terms(&mut self, file: &Path, meeting: &Meeting) {
        let vocab = &self.records.settings.vocabularies;
        if let Some(status) = &meeting.status {
            let terms = &vocab.meeting_statuses;
            self.check_term(file, status, terms, "meeting status", "meeting_statuses");
        }
        if let Some(kind) = &meeting.kind {
            self.check_term(
                file,
                kind,
                &vocab.meeting_kinds,
                "meeting kind",
                "meeting_kinds",
            );
        }
        if let Some(date) = &meeting.date {
            self.check_date_form(file, date);
        }
    }

    /// A recorded meeting has a number and a date; only a stub may leave
    /// them out.
    fn check_recorded_fields(&mut self, file: &Path, meeting: &Meeting) {
        let missing = [
            ("number", meeting.number.is_none()),
            ("date", meeting.date.is_none()),
        ];
        for (field, absent) in missing {
            if absent {
                self.push(
                    Finding::at_value(
                        Code::MissingField,
                        file,
                        &meeting.id,
                        format!("meeting {} has no `{field}`", meeting.id.value),
                    )
                    .with_help(format!(
                        "add `{field}:`; only a meeting whose status says it is not \
                         recorded may leave it out"
                    )),
                );
            }
        }
    }

    fn check_meeting_fields(&mut self, file: &Path, meeting: &Meeting) {
        let vocab = &self.records.settings.vocabularies;
        let time_of_day = |time: &Spanned<Token>| {
            chrono::NaiveTime::parse_from_str(&time.value, "%H:%M")
                .ok()
                .filter(|_| time.value.len() == 5)
        };
        if let (Some(start), Some(end)) = (&meeting.start, &meeting.end)
            && let (Some(from), Some(to)) = (time_of_day(start), time_of_day(end))
            && to < from
        {
            self.push(
                Finding::at_value(
                    Code::EndBeforeStart,
                    file,
                    end,
                    format!(
                        "meeting {} ends at {} but starts at {}",
                        meeting.id.value, end.value, start.value
                    ),
                )
                .with_related_value(file, start, "the start time")
                .with_help("correct `start` or `end` (24-hour HH:MM)"),
            );
        }
        for time in [&meeting.start, &meeting.end].into_iter().flatten() {
            if time_of_day(time).is_none() {
                self.push(
                    Finding::at_value(
                        Code::InvalidValue,
                        file,
                        time,
                        format!("`{}` is not a time of day as HH:MM", time.value),
                    )
                    .with_help("write the time as a quoted 24-hour HH:MM, for example \"10:00\""),
                );
            }
        }
        for person in meeting.attendees.iter().chain(&meeting.apologies) {
            self.person_ref(file, &person.person);
            self.check_term(
                file,
                &person.category,
                &vocab.attendee_categories,
                "attendee category",
                "attendee_categories",
            );
            if let Some(c) = &person.constituency {
                self.check_term(
                    file,
                    c,
                    &vocab.constituencies,
                    "constituency",
                    "constituencies",
                );
            }
            for org in person
                .representing
                .iter()
                .chain(person.organisation.as_deref())
            {
                self.organisation_ref(file, org);
            }
            if let Some(roles) = &person.role {
                for role in roles.value.iter() {
                    let one = Spanned {
                        value: Token::from(role),
                        span: roles.span,
                    };
                    self.check_term(file, &one, &vocab.roles, "role", "roles");
                }
            }
            if let Some(alt) = &person.alternate_for {
                self.person_ref(file, alt);
            }
        }
    }

    /// Reports every entry of `list` whose person already appeared earlier
    /// in it, and returns the first entry of each person.
    fn first_entries<'m>(
        &mut self,
        file: &Path,
        list: &'m [Attendance],
        what: &str,
    ) -> HashMap<&'m str, &'m Attendance> {
        // Room for every entry at once: growing the map as it fills cost
        // more than the look-ups.
        let mut first: HashMap<&str, &Attendance> = HashMap::with_capacity(list.len());
        for entry in list {
            let person = entry.person.value.as_str();
            if let Some(earlier) = first.get(person) {
                self.push(
                    Finding::at_value(
                        Code::DuplicateAttendee,
                        file,
                        &entry.person,
                        format!("`{person}` is listed twice in the {what}"),
                    )
                    .with_related_value(file, &earlier.person, "first listed here")
                    .with_help("remove one of the two entries"),
                );
            } else {
                first.insert(person, entry);
            }
        }
        first
    }

    fn check_attendance(&mut self, file: &Path, meeting: &Meeting) {
        let attended = self.first_entries(file, &meeting.attendees, "attendees");
        let apologised = self.first_entries(file, &meeting.apologies, "apologies");
        let roles = &self.records.settings.vocabularies.roles;
        for entry in &meeting.apologies {
            let person = entry.person.value.as_str();
            // The chair is whoever has a role with the `chair` flag.
            let chaired = |a: &Attendance| {
                a.role.as_ref().is_some_and(|r| {
                    r.value
                        .iter()
                        .any(|role| Vocabularies::means(roles, role, Meaning::Chair))
                })
            };
            if let Some(attendance) = attended.get(person)
                && std::ptr::eq(apologised[person], entry)
                && !chaired(attendance)
            {
                self.push(
                    Finding::at_value(
                        Code::AttendedAndApologised,
                        file,
                        &entry.person,
                        format!("`{person}` both attended and sent apologies"),
                    )
                    .with_related_value(file, &attendance.person, "listed as attending here")
                    .with_help("keep the person in `attendees` or in `apologies`, not both"),
                );
            }
            // The person who chaired, not the one whose standing role is
            // chair: a usual chair may send apologies while another chairs.
            if let Some(chair) = attended.get(person)
                && std::ptr::eq(apologised[person], entry)
                && chaired(chair)
            {
                self.push(
                    Finding::at_value(
                        Code::ChairNotAttending,
                        file,
                        &entry.person,
                        format!("`{person}` chaired the meeting but is listed under apologies"),
                    )
                    .with_related_value(file, &chair.person, "chaired the meeting here")
                    .with_help(
                        "remove the person from `apologies`, or give the chair role to \
                         the attendee who chaired",
                    ),
                );
            }
        }
        for entry in &meeting.attendees {
            let Some(member) = &entry.alternate_for else {
                continue;
            };
            if let Some(present) = attended.get(member.value.as_str()) {
                self.push(
                    Finding::at_value(
                        Code::AlternateWithMember,
                        file,
                        member,
                        format!(
                            "`{}` attended as alternate for `{}`, who attended too",
                            entry.person.value, member.value
                        ),
                    )
                    .with_related_value(file, &present.person, "the member attended here")
                    .with_help("remove `alternate_for`, or move the member to `apologies`"),
                );
            }
        }
    }

    /// Initials name one person within a meeting (E0508).
    pub(super) fn check_initials(&mut self, file: &Path, meeting: &Meeting) {
        // Keyed by what the initials look like, so that `AE` and
        // `A\u{200b}E` (an E0207 error too) are still named as one.
        let mut first: HashMap<String, &Attendance> =
            HashMap::with_capacity(meeting.attendees.len() + meeting.apologies.len());
        for entry in meeting.attendees.iter().chain(&meeting.apologies) {
            let Some(initials) = &entry.initials else {
                continue;
            };
            let key = crate::unicode::seen_as(&initials.value);
            match first.get(&key) {
                Some(earlier) if earlier.person.value != entry.person.value => {
                    let earlier_at = earlier.initials.as_deref().unwrap_or(&earlier.person);
                    let (a, b) = (&earlier.person.value, &entry.person.value);
                    let id = &meeting.id.value;
                    let message = match crate::unicode::look_alike_difference(
                        &initials.value,
                        &earlier_at.value,
                    ) {
                        None => format!(
                            "`{a}` and `{b}` both have the initials {} at meeting {id}",
                            initials.value
                        ),
                        Some(difference) => format!(
                            "`{a}` and `{b}` have initials that look the same at meeting \
                             {id}: `{}` and `{}`; the second {difference}",
                            earlier_at.value, initials.value
                        ),
                    };
                    self.push(
                        Finding::at_value(Code::DuplicateInitials, file, initials, message)
                            .with_related_value(file, earlier_at, "first given here")
                            .with_help("give each person their own initials, as the minutes do"),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(key, entry);
                }
            }
        }
    }

    fn check_agenda(&mut self, file: &Path, meeting: &Meeting) {
        let vocab = &self.records.settings.vocabularies;
        let on = meeting.known_date();
        let mut numbers: HashMap<&ItemNumber, &Spanned<ItemNumber>> =
            HashMap::with_capacity(meeting.agenda.len());
        let assessments = meeting.agenda.iter().map(|i| i.assessments.len()).sum();
        let mut assessed: HashMap<&str, &Assessment> = HashMap::with_capacity(assessments);
        for item in &meeting.agenda {
            if let Some(earlier) = numbers.insert(&item.number.value, &item.number) {
                self.push(
                    Finding::at_value(
                        Code::DuplicateAgendaItem,
                        file,
                        &item.number,
                        format!(
                            "meeting {} has two agenda items numbered {}",
                            meeting.id.value, item.number.value
                        ),
                    )
                    .with_related_value(file, earlier, "first numbered here")
                    .with_help("number the agenda items as the minutes do, each number once"),
                );
            }
            if let Some(p) = &item.presented_by {
                self.party_ref(file, p, "presenter");
            }
            self.check_listed_once(file, &item.paragraphs, "paragraphs", "paragraph");
            for d in &item.decisions {
                self.check_term(
                    file,
                    &d.verb,
                    &vocab.decision_verbs,
                    "decision verb",
                    "decision_verbs",
                );
            }
            for id in &item.modifications {
                self.modification_ref(file, id);
            }
            self.check_listed_once(
                file,
                &item.modifications,
                "modifications",
                "modification proposal",
            );
            for n in &item.principles {
                self.principle_ref(file, n, on);
            }
            self.check_listed_once(file, &item.principles, "principles", "principle");
            for a in &item.assessments {
                self.modification_ref(file, &a.modification);
                let id = a.modification.value.as_str();
                if let Some(earlier) = assessed.insert(id, a) {
                    self.push(
                        Finding::at_value(
                            Code::DuplicateAssessment,
                            file,
                            &a.modification,
                            format!("{id} is assessed twice at meeting {}", meeting.id.value),
                        )
                        .with_related_value(file, &earlier.modification, "first assessed here")
                        .with_help("merge the two assessments, or correct the proposal ID of one"),
                    );
                    assessed.insert(id, earlier);
                }
                self.check_term(
                    file,
                    &a.interest,
                    &vocab.interest_levels,
                    "interest level",
                    "interest_levels",
                );
                if let Some(ec) = &a.ec_notification {
                    self.check_term(
                        file,
                        ec,
                        &vocab.ec_notification,
                        "EC notification value",
                        "ec_notification",
                    );
                }
                for n in &a.misaligned_principles {
                    self.principle_ref(file, n, on);
                }
                self.check_listed_once(
                    file,
                    &a.misaligned_principles,
                    "misaligned_principles",
                    "principle",
                );
                for id in &a.considered_with {
                    if id.value == a.modification.value {
                        self.push(
                            Finding::at_value(
                                Code::RelatedToItself,
                                file,
                                id,
                                format!(
                                    "the assessment of {} says it was considered with itself",
                                    id.value
                                ),
                            )
                            .with_related_value(file, &a.modification, "the proposal assessed")
                            .with_help(
                                "`considered_with` names the other proposals assessed \
                                 together with this one; remove this entry",
                            ),
                        );
                    } else {
                        self.modification_ref(file, id);
                    }
                }
                self.check_listed_once(
                    file,
                    &a.considered_with,
                    "considered_with",
                    "modification proposal",
                );
            }
        }
    }
}
