//! A synthetic records tree shaped like the TSC minutes, for benchmarks
//! and load tests.
//!
//! Shared by the `synth` example (`examples/synth/main.rs`), the criterion
//! benchmark (`benches/records.rs`) and `tests/synth.rs`, which include
//! this file with `#[path]`; it is not part of the `tsc` library.
//!
//! Shape per meeting (the seed, TSC_07_1606, has the same shape):
//! - about 20 attendees (the chair, about 11 members of whom up to two
//!   stand in as alternates for absent members, the meeting secretary and
//!   about 7 other participants, a third of them there for part of the
//!   meeting) and about 3 apologies; nobody is listed twice;
//! - 11 agenda items, each with a summary of one to three paragraphs, a
//!   paper and one to three decisions;
//! - about 15 modification-proposal assessments in item 6, drawn from the
//!   most recent proposals raised before the meeting;
//! - 3 to 5 actions; about half are closed (or withdrawn) by an update
//!   reported at one of the next three meetings, with `closed` set to that
//!   meeting's date.
//!
//! Around one new proposal is raised per meeting (0, 1, 1 or 2), after 16
//! raised before the first meeting; some are related to an earlier one, on
//! both sides. There are 80 people, 10 organisations and 8 principles
//! (6 agreed, one merged, one retired; only agreed ones are referred to).
//!
//! Meetings are monthly from 2000-01-16 for up to 1,200 meetings, else
//! every `36,524 / N` days from 2000-01-16, so every date stays in
//! 2000–2099 and the two-digit `yy` of `TSC_NN_YYMM` always agrees with the
//! date; the number is the sequence number, so IDs are unique. Meeting,
//! action and proposal files go in one subfolder per year.
//!
//! The output depends only on the meeting count and the seed: the same
//! arguments give byte-identical files. Generated text is drawn from a
//! fixed word list with no YAML indicator characters, so every scalar can
//! be written plain or as a `|` block without quoting.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, Months, NaiveDate};

/// Most meetings [`generate`] accepts: one a day for a century.
pub(crate) const MAX_MEETINGS: usize = 36_524;

/// Proposals raised before the first meeting (as SECMP0002–SECMP0017 were
/// before TSC_07_1606).
const INITIAL_PROPOSALS: usize = 16;

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Counts {
    /// Meeting records.
    pub meetings: usize,
    /// Modification proposal records.
    pub modifications: usize,
    /// Action records.
    pub actions: usize,
    /// Actions whose status is `closed` or `withdrawn`.
    pub closed_actions: usize,
    /// Entries of `people.yaml`.
    pub people: usize,
    /// Entries of `organisations.yaml`.
    pub organisations: usize,
    /// Entries of `principles.yaml`.
    pub principles: usize,
    /// Attendee lines over all meetings.
    pub attendees: usize,
    /// Apology lines over all meetings.
    pub apologies: usize,
    /// Assessment rows over all meetings.
    pub assessments: usize,
    /// Files written, `tsc.yaml` included.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

const ORGANISATIONS: [(&str, &str); 10] = [
    ("SECAS", "Smart Energy Code Administrator and Secretariat"),
    ("DCC", "Data Communications Company"),
    ("DECC", "Department of Energy and Climate Change"),
    ("OFGEM", "Ofgem"),
    ("SECCO", "SEC Company"),
    ("ELEXON", "Elexon"),
    ("XOSERVE", "Xoserve"),
    ("SMDA", "Smart Meter Device Assurance"),
    ("MRASCO", "MRA Service Company"),
    ("CSS", "Central Switching Service"),
];

/// Which organisations the 43 participants besides the secretary work
/// for, in order (the list may run longer than needed).
const PARTICIPANT_ORGS: [(&str, usize); 6] = [
    ("SECAS", 16),
    ("DCC", 12),
    ("DECC", 5),
    ("OFGEM", 5),
    ("ELEXON", 3),
    ("XOSERVE", 3),
];

/// The constituencies of the 35 members, in order.
const CONSTITUENCIES: [(&str, usize); 5] = [
    ("large-suppliers", 14),
    ("small-suppliers", 6),
    ("electricity-networks", 6),
    ("gas-networks", 4),
    ("other-sec-parties", 5),
];

const PEOPLE: usize = 80;
const MEMBERS: std::ops::Range<usize> = 1..36;
const SECRETARY: usize = 36;
const PARTICIPANTS: std::ops::Range<usize> = 37..80;

const FIRST_NAMES: [&str; 40] = [
    "Alan",
    "Alys",
    "Andrew",
    "Ashley",
    "Colin",
    "David",
    "Grahame",
    "Joana",
    "Julian",
    "Kevin",
    "Leigh",
    "Matt",
    "Mike",
    "Nigel",
    "Paul",
    "Rochelle",
    "Sarah",
    "Seamus",
    "Stephanie",
    "Tim",
    "Anna",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Fiona",
    "Gareth",
    "Hannah",
    "Imran",
    "Jess",
    "Kofi",
    "Laura",
    "Mohammed",
    "Nadia",
    "Owen",
    "Priya",
    "Rhys",
    "Sian",
    "Tom",
    "Yusuf",
];

const LAST_NAMES: [&str; 40] = [
    "Atkin",
    "Barber",
    "Bennett",
    "Boyle",
    "Campbell",
    "Creighton",
    "Esgalhado",
    "Gallagher",
    "Garrett",
    "Gratte",
    "Harrison",
    "Hughes",
    "Knowles",
    "Nash",
    "Newton",
    "Page",
    "Pocock",
    "Roderick",
    "Rowland",
    "Saker",
    "Shepherd",
    "Speake",
    "Weir",
    "Ahmed",
    "Baker",
    "Clarke",
    "Davies",
    "Evans",
    "Fraser",
    "Griffiths",
    "Hall",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Owusu",
    "Patel",
    "Reid",
    "Walsh",
];

const AGENDA_TITLES: [&str; 11] = [
    "Minutes and Actions Outstanding",
    "TSC Work Package",
    "TSC Activity Planner",
    "TSC Risk Register",
    "TSC Principles for Assessing Modification Proposals",
    "Modification Development Update",
    "Business Architecture Document Review",
    "Security Sub-Committee Update",
    "DCC Release Update",
    "Horizon Scanning",
    "Any Other Business",
];

/// The agenda item that holds the assessment table (as in TSC_07_1606).
const ASSESSMENT_ITEM: usize = 6;
/// The agenda item that deals with principles.
const PRINCIPLES_ITEM: usize = 5;

const PRINCIPLES: [&str; 8] = [
    "Any solution should minimise operational complexity for Service Users where possible.",
    "Efficiencies in implementation should be ensured where possible.",
    "Impact to the Technical and Business Architecture should be limited, unless significant benefit is identified.",
    "Solutions should be consistent with the end to end Smart Metering system design.",
    "Security of the Smart Metering system should not be reduced by any change.",
    "Changes should be testable by Service Users before they are released.",
    "Solutions should avoid duplicating data held elsewhere in the system.",
    "Solutions should favour existing interfaces over new ones.",
];
/// Principles 1..=AGREED_PRINCIPLES are agreed; 7 is merged into 4 and 8
/// retired.
const AGREED_PRINCIPLES: u32 = 6;

const INTEREST_LEVELS: [&str; 4] = ["high", "medium", "watching-brief", "no-interest"];
const PHASES: [&str; 5] = [
    "raised",
    "initial-consideration",
    "refinement",
    "report",
    "decision",
];
const VERBS: [&str; 4] = ["NOTED", "APPROVED", "AGREED", "CONSIDERED"];
const LOCATIONS: [&str; 3] = [
    "8 Fenchurch Place, London, EC3M 4AJ",
    "Gallery Court, Hampstead West, London, NW6 2PA",
    "Teleconference",
];

/// Words the generated prose is made of: letters and digits only, so no
/// sentence built from them needs YAML quoting.
const WORDS: [&str; 122] = [
    "the",
    "committee",
    "noted",
    "that",
    "smart",
    "meter",
    "firmware",
    "release",
    "DCC",
    "SECAS",
    "gateway",
    "interface",
    "specification",
    "testing",
    "security",
    "assessment",
    "change",
    "proposal",
    "working",
    "group",
    "impact",
    "design",
    "users",
    "suppliers",
    "networks",
    "service",
    "request",
    "device",
    "communications",
    "hub",
    "alert",
    "schedule",
    "data",
    "privacy",
    "consultation",
    "cost",
    "benefit",
    "timeline",
    "risk",
    "architecture",
    "document",
    "review",
    "solution",
    "option",
    "requirement",
    "industry",
    "party",
    "code",
    "panel",
    "board",
    "report",
    "update",
    "plan",
    "quarter",
    "resource",
    "analysis",
    "draft",
    "version",
    "message",
    "response",
    "performance",
    "capacity",
    "migration",
    "enrolment",
    "commissioning",
    "meters",
    "tariff",
    "prepayment",
    "metering",
    "electricity",
    "gas",
    "operator",
    "provider",
    "interoperability",
    "standard",
    "technical",
    "business",
    "process",
    "governance",
    "legal",
    "text",
    "drafting",
    "approach",
    "implementation",
    "window",
    "SMETS2",
    "DUIS",
    "GBCS",
    "CHTS",
    "baseline",
    "evidence",
    "members",
    "queried",
    "whether",
    "would",
    "should",
    "further",
    "clarified",
    "agreed",
    "considered",
    "following",
    "within",
    "across",
    "before",
    "after",
    "existing",
    "new",
    "additional",
    "limited",
    "significant",
    "minor",
    "expected",
    "current",
    "revised",
    "initial",
    "and",
    "of",
    "to",
    "in",
    "for",
    "with",
    "by",
];

/// One of the 80 people.
struct Person {
    id: String,
    name: String,
    /// A member's usual constituency; `None` for the chair and participants.
    constituency: Option<&'static str>,
    /// A participant's organisation.
    organisation: Option<&'static str>,
}

/// A modification proposal, written once every later relation is known.
struct Proposal {
    id: String,
    /// Index of the raising meeting; `None` for the initial ones.
    raised_at: Option<usize>,
    title: String,
    phase: &'static str,
    working_group: Option<u32>,
    related: Vec<usize>,
    notes: Option<String>,
}

/// The prose and pick helpers over one seeded generator.
struct Gen {
    rng: fastrand::Rng,
}

impl Gen {
    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.usize(..items.len())]
    }

    /// `lo..=hi` words, without a trailing period.
    fn words(&mut self, lo: usize, hi: usize) -> String {
        let n = self.rng.usize(lo..=hi);
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push_str(if self.chance(0.06) { ", " } else { " " });
            }
            let word = self.pick(&WORDS);
            s.push_str(word);
        }
        s
    }

    fn sentence(&mut self) -> String {
        let mut s = capitalise(&self.words(9, 20));
        s.push('.');
        s
    }

    fn paragraph(&mut self) -> String {
        let n = self.rng.usize(3..=6);
        (0..n)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn title(&mut self) -> String {
        capitalise(&self.words(4, 9))
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The dates of `n` meetings: monthly from 2000-01-16 for up to 1,200,
/// else every `36,524 / n` days from then, so all fall in 2000–2099.
pub(crate) fn meeting_dates(n: usize) -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2000, 1, 16).expect("a valid date");
    if n <= 1_200 {
        (0..n)
            .map(|i| start + Months::new(u32::try_from(i).expect("small")))
            .collect()
    } else {
        let step = (MAX_MEETINGS / n) as u64;
        (0..n).map(|i| start + Days::new(i as u64 * step)).collect()
    }
}

/// The TSC-style ID of meeting `number` held on `date`: `TSC_NN_YYMM`.
pub(crate) fn meeting_id(number: usize, date: NaiveDate) -> String {
    format!(
        "TSC_{number:02}_{:02}{:02}",
        date.year() % 100,
        date.month()
    )
}

fn people(g: &mut Gen) -> Vec<Person> {
    let mut taken = std::collections::BTreeSet::new();
    let mut names = Vec::with_capacity(PEOPLE);
    while names.len() < PEOPLE {
        let first = g.pick(&FIRST_NAMES);
        let last = g.pick(&LAST_NAMES);
        if taken.insert((first, last)) {
            names.push((first, last));
        }
    }
    let constituencies: Vec<&'static str> = CONSTITUENCIES
        .iter()
        .flat_map(|&(c, n)| std::iter::repeat_n(c, n))
        .collect();
    let orgs: Vec<&'static str> = PARTICIPANT_ORGS
        .iter()
        .flat_map(|&(o, n)| std::iter::repeat_n(o, n))
        .collect();
    names
        .into_iter()
        .enumerate()
        .map(|(i, (first, last))| Person {
            id: format!("{}-{}", first.to_lowercase(), last.to_lowercase()),
            name: format!("{first} {last}"),
            constituency: MEMBERS
                .contains(&i)
                .then(|| constituencies[i - MEMBERS.start]),
            organisation: if i == SECRETARY {
                Some("SECAS")
            } else if PARTICIPANTS.contains(&i) {
                Some(orgs[i - PARTICIPANTS.start])
            } else {
                None
            },
        })
        .collect()
}

/// Writes files under one root, counting them.
struct Writer {
    root: PathBuf,
    counts: Counts,
}

impl Writer {
    fn write(&mut self, relative: &str, text: &str) -> io::Result<()> {
        let path = self.root.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, text)?;
        self.counts.files += 1;
        self.counts.bytes += text.len() as u64;
        Ok(())
    }
}

/// Appends `key: |` and `text` as a literal block at `indent` spaces.
fn block(s: &mut String, indent: usize, key: &str, text: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(s, "{pad}{key}: |");
    for line in text.lines() {
        if line.is_empty() {
            s.push('\n');
        } else {
            let _ = writeln!(s, "{pad}  {line}");
        }
    }
}

/// Writes a synthetic records tree of `meetings` meetings into `out`,
/// which must not exist yet or be an empty directory.
///
/// # Errors
/// An I/O error from creating or writing a file, or `InvalidInput` when
/// `meetings` is 0 or above [`MAX_MEETINGS`], or `out` is not empty.
pub(crate) fn generate(out: &Path, meetings: usize, seed: u64) -> io::Result<Counts> {
    if meetings == 0 || meetings > MAX_MEETINGS {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("--meetings must be between 1 and {MAX_MEETINGS}"),
        ));
    }
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is not empty; give a new or empty directory",
                out.display()
            ),
        ));
    }
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed),
    };
    let mut w = Writer {
        root: out.to_path_buf(),
        counts: Counts::default(),
    };
    let dates = meeting_dates(meetings);
    let ids: Vec<String> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| meeting_id(i + 1, *d))
        .collect();
    let people = people(&mut g);
    let mut proposals: Vec<Proposal> = Vec::new();
    for _ in 0..INITIAL_PROPOSALS {
        new_proposal(&mut g, &mut proposals, None);
    }
    for m in 0..meetings {
        let assessable = proposals.len();
        let raised = g.pick(&[0, 1, 1, 2]);
        for _ in 0..raised {
            new_proposal(&mut g, &mut proposals, Some(m));
        }
        let (text, attendees) = meeting(
            &mut g,
            &mut w.counts,
            &people,
            &proposals,
            m,
            &dates,
            &ids,
            assessable,
        );
        let year = dates[m].year();
        w.write(&format!("meetings/{year}/{}.yaml", ids[m]), &text)?;
        w.counts.meetings += 1;
        for seq in 1..=g.rng.usize(3..=5) {
            let a = action(&mut g, m, seq, &dates, &ids, &attendees);
            w.write(&format!("actions/{year}/{}.yaml", a.stem), &a.text)?;
            w.counts.actions += 1;
            w.counts.closed_actions += usize::from(a.closed);
        }
    }
    for p in &proposals {
        let year = dates[p.raised_at.unwrap_or(0)].year();
        let text = proposal(p, &proposals, &ids);
        w.write(&format!("modifications/{year}/{}.yaml", p.id), &text)?;
        w.counts.modifications += 1;
    }
    w.write("tsc.yaml", &settings(proposals.len()))?;
    w.write("people.yaml", &people_file(&people))?;
    w.write("organisations.yaml", &organisations_file())?;
    w.write("principles.yaml", &principles_file(&ids[0]))?;
    w.counts.people = people.len();
    w.counts.organisations = ORGANISATIONS.len();
    w.counts.principles = PRINCIPLES.len();
    Ok(w.counts)
}

fn new_proposal(g: &mut Gen, proposals: &mut Vec<Proposal>, raised_at: Option<usize>) {
    let index = proposals.len();
    let mut related = Vec::new();
    if index > 4 && g.chance(0.15) {
        let other = index - g.rng.usize(1..=4.min(index));
        related.push(other);
        proposals[other].related.push(index);
    }
    let phase: &'static str = g.pick(&PHASES);
    proposals.push(Proposal {
        id: format!("SECMP{:04}", index + 1),
        raised_at,
        title: g.title(),
        phase,
        working_group: g.chance(0.6).then(|| g.rng.u32(1..=4)),
        related,
        notes: g.chance(0.5).then(|| g.sentence()),
    });
}

/// One attendee or apology line's fields.
struct Line<'p> {
    person: &'p Person,
    /// The constituency to write for a member (an alternate sits for the
    /// absent member's).
    constituency: Option<&'static str>,
    role: Option<&'static str>,
    alternate_for: Option<&'p str>,
    part: bool,
}

fn attendance(s: &mut String, key: &str, lines: &[Line]) {
    let _ = writeln!(s, "\n{key}:");
    for l in lines {
        let p = l.person;
        let _ = writeln!(s, "  - person: {}", p.id);
        match p.organisation {
            None => {
                let _ = writeln!(s, "    category: member");
                if let Some(c) = l.constituency {
                    let _ = writeln!(s, "    constituency: {c}");
                }
            }
            Some(org) => {
                let _ = writeln!(s, "    category: participant");
                let _ = writeln!(s, "    representing: {org}");
                if org == "DECC" {
                    let _ = writeln!(s, "    capacity: Secretary of State");
                }
            }
        }
        if let Some(role) = l.role {
            let _ = writeln!(s, "    role: {role}");
        }
        if let Some(alt) = l.alternate_for {
            let _ = writeln!(s, "    alternate_for: {alt}");
        }
        if l.part {
            let _ = writeln!(s, "    part: true");
        }
    }
}

/// Generates meeting `m` (0-based); returns the meeting file's text and
/// its attendees' IDs. `assessable` proposals were raised before it.
#[allow(clippy::too_many_arguments)]
fn meeting(
    g: &mut Gen,
    counts: &mut Counts,
    people: &[Person],
    proposals: &[Proposal],
    m: usize,
    dates: &[NaiveDate],
    ids: &[String],
    assessable: usize,
) -> (String, Vec<String>) {
    let date = dates[m];
    let id = &ids[m];
    let mut s = String::with_capacity(24 * 1024);
    let _ = writeln!(
        s,
        "# Synthetic minutes of TSC meeting {} ({id}), generated by `cargo run --example synth`.",
        m + 1
    );
    let _ = writeln!(s, "id: {id}");
    let _ = writeln!(s, "number: {}", m + 1);
    let _ = writeln!(s, "date: {date}");
    let (start, end) = g.pick(&[("10:00", "16:00"), ("10:30", "15:30"), ("13:00", "17:00")]);
    let _ = writeln!(s, "start: \"{start}\"\nend: \"{end}\"");
    let _ = writeln!(s, "location: {}", g.pick(&LOCATIONS));
    let status = if m + 1 == dates.len() {
        "draft"
    } else {
        "final"
    };
    let _ = writeln!(s, "status: {status}");

    // Who came: the chair, some members (two of them perhaps alternates for
    // absent members), the secretary and some participants.
    let mut members: Vec<usize> = MEMBERS.collect();
    g.rng.shuffle(&mut members);
    let present = g.rng.usize(10..=12);
    let (attending, absent) = members.split_at(present);
    let alternates = g.rng.usize(0..=2);
    let mut lines = vec![Line {
        person: &people[0],
        constituency: None,
        role: Some("chair"),
        alternate_for: None,
        part: false,
    }];
    for (k, &i) in attending.iter().enumerate() {
        let stands_for = (k < alternates).then(|| &people[absent[k]]);
        lines.push(Line {
            person: &people[i],
            constituency: stands_for.map_or(people[i].constituency, |p| p.constituency),
            role: None,
            alternate_for: stands_for.map(|p| p.id.as_str()),
            part: false,
        });
    }
    lines.push(Line {
        person: &people[SECRETARY],
        constituency: None,
        role: Some("meeting-secretary"),
        alternate_for: None,
        part: false,
    });
    let mut participants: Vec<usize> = PARTICIPANTS.collect();
    g.rng.shuffle(&mut participants);
    let guests = g.rng.usize(6..=8);
    let mut guest_ids = participants[..guests].to_vec();
    guest_ids.sort_unstable();
    for &i in &guest_ids {
        let part = g.chance(0.35);
        lines.push(Line {
            person: &people[i],
            constituency: None,
            role: None,
            alternate_for: None,
            part,
        });
    }
    attendance(&mut s, "attendees", &lines);
    counts.attendees += lines.len();
    let attendee_ids: Vec<&str> = lines.iter().map(|l| l.person.id.as_str()).collect();

    // Apologies: absent members nobody stands in for, and absent participants.
    let member_apologies = g.rng.usize(1..=2);
    let guest_apologies = g.rng.usize(1..=2);
    let mut sorry: Vec<Line> = absent[alternates..alternates + member_apologies]
        .iter()
        .chain(&participants[guests..guests + guest_apologies])
        .map(|&i| Line {
            person: &people[i],
            constituency: people[i].constituency,
            role: None,
            alternate_for: None,
            part: false,
        })
        .collect();
    sorry.sort_by(|a, b| a.person.id.cmp(&b.person.id));
    attendance(&mut s, "apologies", &sorry);
    counts.apologies += sorry.len();

    let _ = writeln!(s, "\nagenda:");
    for n in 1..=AGENDA_TITLES.len() {
        agenda_item(
            g,
            counts,
            &mut s,
            n,
            m,
            ids,
            proposals,
            assessable,
            &attendee_ids,
        );
    }
    (s, attendee_ids.iter().map(|&a| a.to_owned()).collect())
}

#[allow(clippy::too_many_arguments)]
fn agenda_item(
    g: &mut Gen,
    counts: &mut Counts,
    s: &mut String,
    n: usize,
    m: usize,
    ids: &[String],
    proposals: &[Proposal],
    assessable: usize,
    attendees: &[&str],
) {
    let title = AGENDA_TITLES[n - 1];
    let _ = writeln!(s, "\n  - number: {n}");
    let _ = writeln!(s, "    title: {title}");
    let presenter = match n {
        9 => "DCC".to_owned(),
        1 | 11 => "SECAS".to_owned(),
        _ if g.chance(0.2) => g.pick(attendees).to_owned(),
        _ => "SECAS".to_owned(),
    };
    let _ = writeln!(s, "    presented_by: {presenter}");
    let paragraphs = g.rng.usize(1..=3);
    let summary = (0..paragraphs)
        .map(|_| g.paragraph())
        .collect::<Vec<_>>()
        .join("\n\n");
    block(s, 4, "summary", &summary);
    if n != 1 && n != 11 {
        let _ = writeln!(s, "    papers:\n      - title: {title}");
        if g.chance(0.3) {
            let _ = writeln!(s, "        attachments: [Attachment A, Attachment B]");
        }
    }
    let _ = writeln!(s, "    decisions:");
    if n == 1 && m > 0 {
        let _ = writeln!(s, "      - verb: AGREED");
        let _ = writeln!(s, "        text: the minutes of {} as final", ids[m - 1]);
    }
    for _ in 0..g.rng.usize(1..=3) {
        let _ = writeln!(s, "      - verb: {}", g.pick(&VERBS));
        let _ = writeln!(s, "        text: the {}", g.words(4, 14));
    }
    if n == 1 && m == 0 {
        let _ = writeln!(s, "    external_references:");
        let _ = writeln!(
            s,
            "      - title: The meeting before the first synthetic one"
        );
        let _ = writeln!(
            s,
            "        note: Its minutes are not kept in these records."
        );
    }
    if n == PRINCIPLES_ITEM {
        let a = g.rng.u32(1..=AGREED_PRINCIPLES);
        let b = g.rng.u32(1..=AGREED_PRINCIPLES);
        let list = if a == b {
            format!("[{a}]")
        } else {
            format!("[{}, {}]", a.min(b), a.max(b))
        };
        let _ = writeln!(s, "    principles: {list}");
    }
    if n == ASSESSMENT_ITEM {
        let new: Vec<&str> = proposals[assessable..]
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        if !new.is_empty() {
            let _ = writeln!(s, "    modifications: [{}]", new.join(", "));
        }
        assessments(g, counts, s, proposals, assessable);
    }
}

/// About 15 assessment rows over the most recent proposals raised before
/// the meeting (`proposals[..assessable]`), in ID order.
fn assessments(
    g: &mut Gen,
    counts: &mut Counts,
    s: &mut String,
    proposals: &[Proposal],
    assessable: usize,
) {
    let window = assessable.min(24);
    let mut chosen: Vec<usize> = (assessable - window..assessable).collect();
    g.rng.shuffle(&mut chosen);
    chosen.truncate(g.rng.usize(13..=17).min(window));
    chosen.sort_unstable();
    let _ = writeln!(s, "    assessments:");
    for &i in &chosen {
        let p = &proposals[i];
        let _ = writeln!(s, "      - modification: {}", p.id);
        let technical = g.chance(0.7);
        let business = g.chance(0.4);
        if technical || business {
            let _ = writeln!(s, "        impact:");
            if technical {
                let _ = writeln!(s, "          technical: true");
                if g.chance(0.3) {
                    let _ = writeln!(s, "          technical_note: DUIS / GBCS / SMETS");
                }
            }
            if business {
                let _ = writeln!(s, "          business: true");
                if g.chance(0.2) {
                    let _ = writeln!(s, "          business_note: Limited to DNOs");
                }
            }
        }
        match g.rng.usize(0..4) {
            0 => {
                let _ = writeln!(s, "        ec_notification: \"yes\"");
            }
            1 => {
                let _ = writeln!(s, "        ec_notification: potential");
            }
            2 => {
                let _ = writeln!(s, "        ec_notification: \"no\"");
            }
            _ => {}
        }
        let notes = (0..g.rng.usize(1..=3))
            .map(|_| g.sentence())
            .collect::<Vec<_>>()
            .join(" ");
        block(s, 8, "notes", &notes);
        let concerns = g.rng.usize(0..=2);
        if concerns > 0 {
            let _ = writeln!(s, "        concerns:");
            for _ in 0..concerns {
                let _ = writeln!(s, "          - {}", g.sentence());
            }
        }
        let _ = writeln!(s, "        interest: {}", g.pick(&INTEREST_LEVELS));
        if g.chance(0.1) {
            let a = g.rng.u32(1..=AGREED_PRINCIPLES);
            let _ = writeln!(s, "        misaligned_principles: [{a}]");
        }
        let together: Vec<&str> = p
            .related
            .iter()
            .filter(|r| chosen.contains(r))
            .map(|&r| proposals[r].id.as_str())
            .collect();
        if !together.is_empty() {
            let _ = writeln!(s, "        considered_with: [{}]", together.join(", "));
        }
        counts.assessments += 1;
    }
}

fn proposal(p: &Proposal, proposals: &[Proposal], ids: &[String]) -> String {
    let mut s = String::new();
    let raised = p.raised_at.map_or_else(
        || "before the first meeting".to_owned(),
        |m| format!("at {}", ids[m]),
    );
    let _ = writeln!(
        s,
        "# Synthetic modification proposal {}, raised {raised}.",
        p.id
    );
    let _ = writeln!(s, "id: {}", p.id);
    let _ = writeln!(s, "title: {}", p.title);
    let _ = writeln!(s, "phase: {}", p.phase);
    if let Some(wg) = p.working_group {
        let _ = writeln!(s, "working_group: WG{wg}");
    }
    if !p.related.is_empty() {
        let mut related: Vec<&str> = p
            .related
            .iter()
            .map(|&r| proposals[r].id.as_str())
            .collect();
        related.sort_unstable();
        let _ = writeln!(s, "related: [{}]", related.join(", "));
    }
    if let Some(notes) = &p.notes {
        let _ = writeln!(s, "notes: {notes}");
    }
    s
}

/// One generated action file.
struct ActionFile {
    stem: String,
    text: String,
    /// Whether its status is `closed` or `withdrawn`.
    closed: bool,
}

/// Action `seq` of meeting `m`: half of them are closed (or withdrawn) by
/// an update at one of the next three meetings, reported on that meeting's
/// date; the rest stay open or on target.
fn action(
    g: &mut Gen,
    m: usize,
    seq: usize,
    dates: &[NaiveDate],
    ids: &[String],
    attendees: &[String],
) -> ActionFile {
    let number = m + 1;
    let id = format!("TSC{number:02}/{seq:02}");
    let stem = format!("TSC{number:02}-{seq:02}");
    let item = g.rng.usize(1..=AGENDA_TITLES.len());
    let owner = match g.rng.usize(0..20) {
        0..=9 => "SECAS".to_owned(),
        10..=12 => "DCC".to_owned(),
        _ => attendees[g.rng.usize(..attendees.len())].clone(),
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Synthetic action {id}, raised at {} under agenda item {item}.",
        ids[m]
    );
    let _ = writeln!(s, "id: \"{id}\"");
    let _ = writeln!(s, "meeting: {}", ids[m]);
    let _ = writeln!(s, "agenda_item: {item}");
    let _ = writeln!(s, "owner: {owner}");
    let _ = writeln!(s, "text: {}", g.sentence());
    if g.chance(0.8) {
        let due = dates[m] + Days::new(g.rng.u64(7..=42));
        let _ = writeln!(s, "due: {due}");
    }
    let later = dates.len() - 1 - m;
    let mut updates: Vec<(usize, &str, String)> = Vec::new();
    let status = if later > 0 && g.chance(0.5) {
        let k = g.rng.usize(1..=3.min(later));
        if k > 1 && g.chance(0.5) {
            updates.push((m + 1, "on-target", g.sentence()));
        }
        let end = if g.chance(0.9) { "closed" } else { "withdrawn" };
        updates.push((m + k, end, g.sentence()));
        end
    } else if g.chance(0.3) {
        if later > 0 {
            updates.push((m + 1, "on-target", g.sentence()));
        }
        "on-target"
    } else {
        "open"
    };
    let _ = writeln!(s, "status: {status}");
    let closed = status == "closed" || status == "withdrawn";
    if closed {
        let last = updates.last().expect("a closing update").0;
        let _ = writeln!(s, "closed: {}", dates[last]);
    }
    if !updates.is_empty() {
        let _ = writeln!(s, "updates:");
        for (at, status, note) in &updates {
            let _ = writeln!(s, "  - date: {}", dates[*at]);
            let _ = writeln!(s, "    meeting: {}", ids[*at]);
            let _ = writeln!(s, "    status: {status}");
            let _ = writeln!(s, "    note: {note}");
        }
    }
    ActionFile {
        stem,
        text: s,
        closed,
    }
}

fn settings(proposals: usize) -> String {
    // SECMP takes four digits; a tree with more proposals widens it.
    let modification = if proposals <= 9_999 {
        "^SECMP[0-9]{4}$"
    } else {
        "^SECMP[0-9]{4,}$"
    };
    format!(
        "# Synthetic committee settings: TSC's defaults, with room for {proposals} proposals.\n\
         committee:\n  short_name: TSC\n  name: Technical Sub-Committee\n  parent: SEC Panel\n\
         id_patterns:\n\
         \x20 meeting: '^TSC_(?<number>[0-9]{{2,}})_(?<yy>[0-9]{{2}})(?<mm>[0-9]{{2}})$'\n\
         \x20 action: '^TSC(?<meeting>[0-9]{{2,}})/(?<seq>[0-9]{{2,}})$'\n\
         \x20 modification: '{modification}'\n"
    )
}

fn people_file(people: &[Person]) -> String {
    let mut s = String::from(
        "# Synthetic people: the chair, 35 members and 44 other participants.\npeople:\n",
    );
    for p in people {
        let _ = writeln!(s, "  - id: {}\n    name: {}", p.id, p.name);
        if let Some(org) = p.organisation {
            let _ = writeln!(s, "    organisation: {org}");
        }
    }
    s
}

fn organisations_file() -> String {
    let mut s = String::from("# Synthetic organisations.\norganisations:\n");
    for (id, name) in ORGANISATIONS {
        let _ = writeln!(s, "  - id: {id}\n    name: {name}");
    }
    s
}

fn principles_file(first_meeting: &str) -> String {
    let mut s = String::from(
        "# Synthetic principles: 1-6 agreed, 7 merged into 4, 8 retired.\nprinciples:\n",
    );
    for (i, text) in PRINCIPLES.iter().enumerate() {
        let number = i as u32 + 1;
        let _ = writeln!(s, "  - number: {number}\n    text: {text}");
        let status = match number {
            7 => "merged\n    merged_into: 4",
            8 => "retired",
            _ => "agreed",
        };
        let _ = writeln!(s, "    status: {status}\n    decided_at: {first_meeting}");
    }
    s
}
