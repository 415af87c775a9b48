//! Findings: what `tsc validate` reports.
//!
//! A [`Finding`] names a rule ([`Code`]), a severity, a file and a position
//! (1-based line and column, as in editors), a message and, where there is
//! one, a hint on how to fix it. Findings sort by file, then line, then
//! column, then code, so every run prints them in the same order.

use std::fmt;
use std::path::PathBuf;

use crate::source::{Span, Spanned};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Severity {
    /// Makes `tsc validate` exit with status 1.
    Error,
    /// Reported, but does not change the exit status.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = ($code:literal, $name:literal, $sev:ident), )*) => {
        /// A validation rule. Each has a stable code (`E0101`) and a
        /// stable kebab-case name (`unknown-person`); both are documented
        /// in `docs/rules.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable code, for example `E0101`.
            pub fn code(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The stable kebab-case name, for example `unknown-person`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity the rule has unless settings change it.
            pub(crate) fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// Looks a rule up by code (`E0101`) or name (`unknown-person`),
            /// ignoring ASCII case.
            pub fn parse(text: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| {
                    c.code().eq_ignore_ascii_case(text) || c.name().eq_ignore_ascii_case(text)
                })
            }
        }
    };
}

codes! {
    /// A file could not be read.
    Io = ("E0001", "unreadable-file", Error),
    /// The file is not well-formed YAML (includes tabs used for indentation).
    YamlSyntax = ("E0002", "yaml-syntax", Error),
    /// A mapping has the same key twice.
    DuplicateKey = ("E0003", "duplicate-key", Error),
    /// A file exceeds a size, nesting or alias limit.
    LimitExceeded = ("E0004", "limit-exceeded", Error),
    /// A file in the records tree that is not a record of its folder's kind.
    StrayFile = ("E0005", "stray-file", Error),
    /// A record of one kind in another kind's folder (a meeting in `actions/`).
    WrongFolder = ("E0006", "wrong-folder", Error),
    /// A record file that is empty, holds only comments, or only `null`.
    EmptyFile = ("E0007", "empty-file", Error),
    /// A symbolic link in the records tree; links are never followed.
    Symlink = ("E0008", "symlink", Error),
    /// Something named like a record file that is not a regular file (a
    /// directory named `x.yaml`, a pipe, a device).
    NotAFile = ("E0009", "not-a-file", Error),
    /// A value has the wrong type or cannot exist (a date like 2016-02-30).
    InvalidValue = ("E0010", "invalid-value", Error),
    /// A field the record kind does not have.
    UnknownField = ("E0011", "unknown-field", Error),
    /// A required field is absent.
    MissingField = ("E0012", "missing-field", Error),
    /// A temporary file a killed write command left beside a record.
    LeftoverTempFile = ("W0013", "leftover-temporary-file", Warning),
    /// A person ID that `people.yaml` does not define.
    UnknownPerson = ("E0101", "unknown-person", Error),
    /// An organisation ID that `organisations.yaml` does not define.
    UnknownOrganisation = ("E0102", "unknown-organisation", Error),
    /// An action owner that is neither a person nor an organisation.
    UnknownOwner = ("E0103", "unknown-owner", Error),
    /// A meeting ID with no meeting record.
    UnknownMeeting = ("E0104", "unknown-meeting", Error),
    /// An agenda item number the meeting does not have.
    UnknownAgendaItem = ("E0105", "unknown-agenda-item", Error),
    /// A modification proposal ID with no record.
    UnknownModification = ("E0106", "unknown-modification", Error),
    /// A principle number that `principles.yaml` does not define.
    UnknownPrinciple = ("E0107", "unknown-principle", Error),
    /// The same ID defined twice.
    DuplicateId = ("E0201", "duplicate-id", Error),
    /// A record whose `id` does not match its file name.
    IdFileMismatch = ("E0202", "id-file-mismatch", Error),
    /// An ID that does not match the pattern in `tsc.yaml`.
    IdPattern = ("E0203", "id-pattern", Error),
    /// A meeting ID that disagrees with the meeting's number or date.
    MeetingIdMismatch = ("E0204", "meeting-id-mismatch", Error),
    /// An action ID that does not belong to the meeting that raised it.
    ActionIdMismatch = ("E0205", "action-id-mismatch", Error),
    /// An ID that is not in Unicode Normalization Form C.
    IdNotNfc = ("E0206", "id-not-nfc", Error),
    /// An ID or one-line field holding a bidirectional control or an
    /// invisible format character (General_Category Cf).
    InvisibleCharacter = ("E0207", "invisible-character", Error),
    /// Two IDs that look the same (the same UTS #39 skeleton).
    ConfusableId = ("E0208", "confusable-id", Error),
    /// Two people or organisations shown by the same name.
    DuplicateName = ("E0209", "duplicate-name", Error),
    /// A vocabulary value that `tsc.yaml` does not allow.
    UnknownTerm = ("E0301", "unknown-term", Error),
    /// `tsc.yaml` itself is unusable (a bad ID pattern, an unknown rule in `allow`).
    BadSettings = ("E0302", "bad-settings", Error),
    /// A value listed twice in one vocabulary of `tsc.yaml`.
    DuplicateTerm = ("E0303", "duplicate-term", Error),
    /// An action update or closure dated before the action was raised.
    DatedBeforeRaised = ("E0401", "dated-before-raised", Error),
    /// A due date before the date the action was raised.
    DueBeforeRaised = ("E0402", "due-before-raised", Error),
    /// An action whose status is not open but which does not say when it was closed.
    MissingClosedDate = ("E0403", "missing-closed-date", Error),
    /// A merged principle that does not say which principle it was merged into.
    MissingMergedInto = ("E0404", "missing-merged-into", Error),
    /// An action with a `closed` date whose status is still an open one.
    ClosedButOpen = ("E0405", "closed-but-open", Error),
    /// A principle merged into itself, or merges that go round in a circle.
    MergeCycle = ("E0406", "merge-cycle", Error),
    /// A proposal listed as related to itself, or assessed together with itself.
    RelatedToItself = ("E0407", "related-to-itself", Error),
    /// Action updates that are not in date order, oldest first.
    UpdatesOutOfOrder = ("E0408", "updates-out-of-order", Error),
    /// An action whose `status` is not the status its latest update reports.
    StatusNotLatest = ("E0409", "status-not-latest", Error),
    /// A closed action whose `closed` date is not the date of the update that closed it.
    ClosedNotLatest = ("E0410", "closed-not-latest", Error),
    /// A person both attending and sending apologies at the same meeting.
    AttendedAndApologised = ("E0501", "attended-and-apologised", Error),
    /// A person listed twice in the attendees, or twice in the apologies, of one meeting.
    DuplicateAttendee = ("E0502", "duplicate-attendee", Error),
    /// An alternate who attends alongside the member they stand in for.
    AlternateWithMember = ("E0503", "alternate-with-member", Error),
    /// A meeting whose chair is not among its attendees.
    ChairNotAttending = ("E0504", "chair-not-attending", Error),
    /// Two agenda items of one meeting with the same number.
    DuplicateAgendaItem = ("E0505", "duplicate-agenda-item", Error),
    /// The same proposal assessed twice at one meeting.
    DuplicateAssessment = ("E0506", "duplicate-assessment", Error),
    /// A meeting whose end time is before its start time.
    EndBeforeStart = ("E0507", "end-before-start", Error),
    /// Two people at one meeting with the same initials.
    DuplicateInitials = ("E0508", "duplicate-initials", Error),
    /// Two meetings of one kind with the same number.
    DuplicateMeetingNumber = ("E0509", "duplicate-meeting-number", Error),
    /// A related proposal that does not list the relation back.
    RelatedNotReciprocal = ("W0601", "related-not-reciprocal", Warning),
    /// A reference to a principle that was merged or retired before the meeting.
    SupersededPrinciple = ("W0602", "superseded-principle", Warning),
    /// The same ID or number listed twice in one list of references.
    ListedTwice = ("W0603", "listed-twice", Warning),
    /// An action update whose date is not the date of the meeting it names.
    UpdateDateNotMeeting = ("W0604", "update-date-not-meeting", Warning),
    /// An action whose owner the minutes do not record.
    OwnerNotRecorded = ("W0605", "owner-not-recorded", Warning),
    /// A modification proposal whose title the records do not hold.
    TitleNotRecorded = ("W0606", "title-not-recorded", Warning),
}

impl Code {
    /// Whether `tsc.yaml`'s `allow` list may switch the rule off. Rules
    /// whose finding means a file was not read (every `E00xx` code: syntax,
    /// limits, types, fields, stray or unreadable files) cannot be allowed,
    /// or records would vanish without a word; nor can `E0302
    /// bad-settings`, which reports the `allow` list itself.
    pub(crate) fn can_be_allowed(self) -> bool {
        !self.code().starts_with("E00") && self != Code::BadSettings
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.name())
    }
}

/// A 1-based line and column in a file. Line 0 means "the whole file".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// 1-based line number; 0 when the finding concerns the whole file.
    pub line: u64,
    /// 1-based column, counted in characters; 0 with line 0.
    pub column: u64,
}

impl Position {
    /// Whether this is the "whole file" position (line 0).
    pub(crate) fn is_whole_file(self) -> bool {
        self.line == 0
    }
}

impl From<serde_saphyr::Location> for Position {
    fn from(location: serde_saphyr::Location) -> Self {
        Position {
            line: location.line(),
            column: location.column(),
        }
    }
}

/// A second place a finding points at, such as the first definition of a
/// duplicated ID. Rendered as a secondary label in the human format and as
/// `related` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Related {
    /// The file, as a path the user can open.
    pub file: PathBuf,
    /// Where in the file (line 0: the whole file).
    pub position: Position,
    /// What is there, for example `first defined here`.
    pub(crate) label: String,
    /// Where the value there ends (exclusive), when known.
    pub(crate) end: Option<Position>,
    /// The place as a span into the kept source, from which `position`
    /// and `end` are filled in ([`crate::source::Sources::resolve`]).
    pub(crate) span: Option<Span>,
}

/// One problem found in the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that was broken.
    pub code: Code,
    /// Error or warning.
    pub(crate) severity: Severity,
    /// The file, as a path the user can open (the records directory joined
    /// with the file's path inside it).
    pub file: PathBuf,
    /// Where in the file.
    pub position: Position,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, if there is something specific to say.
    pub help: Option<String>,
    /// Where the offending value ends (exclusive: the column just after
    /// its last character), when known.
    pub(crate) end: Option<Position>,
    /// Other places the finding refers to, in the order they were added.
    pub related: Vec<Related>,
    /// The offending value as a span into the kept source; `position` and
    /// `end` are computed from it ([`crate::source::Sources::resolve`]).
    pub(crate) span: Option<Span>,
}

impl Finding {
    /// A finding with the rule's default severity and no help.
    pub(crate) fn new(
        code: Code,
        file: impl Into<PathBuf>,
        position: Position,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            file: file.into(),
            position,
            message: message.into(),
            help: None,
            end: None,
            related: Vec::new(),
            span: None,
        }
    }

    /// A finding that points at a whole spanned value, start to end; its
    /// line and column are filled in from the span when it is resolved.
    pub(crate) fn at_value<T>(
        code: Code,
        file: impl Into<PathBuf>,
        value: &Spanned<T>,
        message: impl Into<String>,
    ) -> Finding {
        let mut finding = Finding::new(code, file, Position::default(), message);
        finding.span = Some(value.span);
        finding
    }

    /// Adds a second place the finding refers to: where `value` is
    /// written in `file`.
    pub(crate) fn with_related_value<T>(
        mut self,
        file: impl Into<PathBuf>,
        value: &Spanned<T>,
        label: impl Into<String>,
    ) -> Finding {
        self.related.push(Related {
            file: file.into(),
            position: Position::default(),
            label: label.into(),
            end: None,
            span: Some(value.span),
        });
        self
    }

    /// Adds a hint on how to fix the problem.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Sort key giving the stable report order: file, line, column, code.
    pub(crate) fn sort_key(&self) -> (&PathBuf, Position, Code, &str) {
        (&self.file, self.position, self.code, &self.message)
    }
}

impl fmt::Display for Finding {
    /// `PATH:LINE:COLUMN: error[E0101]: MESSAGE` and, if there is help, a
    /// second line `  help: ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.file.display(),
            self.position.line,
            self.position.column,
            self.severity,
            self.code.code(),
            self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Sorts findings into the stable report order and drops exact repeats.
pub(crate) fn sort_findings(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
}
