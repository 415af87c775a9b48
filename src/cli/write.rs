//! The write commands: `tsc new meeting`, `tsc action new|update|close`,
//! `tsc person add` and `tsc assess`. Each builds a transaction in the
//! library, checks the records as they would be after it, and then
//! writes, or with `--dry-run` prints the diff.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use tsc::diagnostics::{Format, render};
use tsc::index::Index;
use tsc::validate::{Report, validate_with};
use tsc::write::commands::{self, Plan};
use tsc::write::{Checked, Tree, WriteLock};

use super::{EXIT_FINDINGS, EXIT_OK};

/// `--dry-run` and `--format`, for every write command.
#[derive(Debug, Args)]
pub(crate) struct WriteArgs {
    /// Print the change as a unified diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// `text`: one line per file, `ID PATH`; `json`: one document with
    /// `id`, `files` (`path`, `created`), `written` and, with
    /// `--dry-run`, `diff`.
    #[arg(long, value_enum, default_value_t = WriteFormat::Text)]
    pub format: WriteFormat,
}

/// `--format` of a write command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum WriteFormat {
    /// `ID PATH` lines (the diff with `--dry-run`).
    Text,
    /// One JSON document.
    Json,
}

/// `tsc new`.
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    #[command(subcommand)]
    what: NewWhat,
}

#[derive(Debug, Subcommand)]
enum NewWhat {
    /// Write the next meeting as a draft: its number and ID from the ID
    /// template, the expected attendance, place and times of --from (or
    /// the latest meeting), the standing items, and the actions open on
    /// its date under the review item.
    Meeting(NewMeetingArgs),
}

#[derive(Debug, Args)]
struct NewMeetingArgs {
    /// The day of the meeting.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: NaiveDate,
    /// The meeting to copy attendance, location and times from.
    #[arg(long, value_name = "ID")]
    from: Option<String>,
    /// Start time, HH:MM.
    #[arg(long, value_name = "HH:MM")]
    start: Option<String>,
    /// End time, HH:MM.
    #[arg(long, value_name = "HH:MM")]
    end: Option<String>,
    /// Where it is held.
    #[arg(long, value_name = "TEXT")]
    location: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

/// `tsc action`.
#[derive(Debug, Args)]
pub(crate) struct ActionArgs {
    #[command(subcommand)]
    what: ActionWhat,
}

#[derive(Debug, Subcommand)]
enum ActionWhat {
    /// Raise the next action of a meeting.
    New(ActionNewArgs),
    /// Record progress reported at a meeting.
    Update(ActionUpdateArgs),
    /// Close an action at a meeting: a closing update, the closed status
    /// and the closed date (the meeting's day).
    Close(ActionCloseArgs),
}

#[derive(Debug, Args)]
struct ActionNewArgs {
    /// The meeting that raises it.
    #[arg(long, value_name = "ID")]
    meeting: String,
    /// The agenda item that raises it (left out for a meeting that is not
    /// recorded, whose actions name no item).
    #[arg(long, value_name = "N")]
    item: Option<String>,
    /// Who must do it: a person or organisation ID (left out only for an
    /// action of a meeting that is not recorded whose minutes do not say).
    #[arg(long)]
    owner: Option<String>,
    /// When it is due.
    #[arg(long, value_name = "YYYY-MM-DD")]
    due: Option<NaiveDate>,
    /// What must be done.
    text: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
struct ActionUpdateArgs {
    /// The action's ID.
    id: String,
    /// The meeting where the update was reported.
    #[arg(long, value_name = "MEETING")]
    at: String,
    /// The agenda item of that meeting where it was reviewed.
    #[arg(long, value_name = "N")]
    item: Option<String>,
    /// What was reported.
    #[arg(long)]
    note: String,
    /// The status after the update (the action's status changes with it).
    #[arg(long)]
    status: Option<String>,
    /// The due date set or moved at this update (written on the update;
    /// the action's own `due`, as raised, is kept).
    #[arg(long, value_name = "YYYY-MM-DD")]
    due: Option<NaiveDate>,
    /// The person or organisation the action is reassigned to at this
    /// update (written on the update; the action's own `owner`, as
    /// raised, is kept).
    #[arg(long, value_name = "ORG|PERSON", add = super::complete::owner_ids())]
    owner: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
struct ActionCloseArgs {
    /// The action's ID.
    id: String,
    /// The meeting where it was closed.
    #[arg(long, value_name = "MEETING")]
    at: String,
    /// The agenda item of that meeting where it was reviewed.
    #[arg(long, value_name = "N")]
    item: Option<String>,
    /// What was reported (default: the status's label).
    #[arg(long)]
    note: Option<String>,
    /// The closed status (default: the first status that is not open).
    #[arg(long)]
    status: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

/// `tsc person`.
#[derive(Debug, Args)]
pub(crate) struct PersonArgs {
    #[command(subcommand)]
    what: PersonWhat,
}

#[derive(Debug, Subcommand)]
enum PersonWhat {
    /// Add a person to people.yaml, with an ID made from the name.
    Add(PersonAddArgs),
}

#[derive(Debug, Args)]
struct PersonAddArgs {
    /// The name as the minutes write it.
    name: String,
    /// The ID (default: from the name, `Helen Marsh` is `helen-marsh`).
    #[arg(long)]
    id: Option<String>,
    /// The organisation the person works for (an organisation ID).
    #[arg(long, value_name = "ORG")]
    organisation: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

/// `tsc organisation`.
#[derive(Debug, Args)]
pub(crate) struct OrganisationArgs {
    #[command(subcommand)]
    what: OrganisationWhat,
}

#[derive(Debug, Subcommand)]
enum OrganisationWhat {
    /// Add an organisation to organisations.yaml.
    Add(OrganisationAddArgs),
}

#[derive(Debug, Args)]
struct OrganisationAddArgs {
    /// The name as the minutes write it (`Data Communications Company`).
    name: String,
    /// The ID the records use for it (`DCC`): owners, `organisation` and
    /// `representing` name it. The minutes show the ID where it is not the
    /// name.
    #[arg(long)]
    id: String,
    /// What the organisation is, for readers of the records.
    #[arg(long, value_name = "TEXT")]
    description: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

/// `tsc assess`.
#[derive(Debug, Args)]
pub(crate) struct AssessArgs {
    /// The modification proposal's ID.
    proposal: String,
    /// The meeting that assessed it.
    #[arg(long, value_name = "MEETING")]
    at: String,
    /// The agenda item where it was assessed.
    #[arg(long, value_name = "N")]
    item: String,
    /// The interest level, from vocabularies.interest_levels.
    #[arg(long, value_name = "LEVEL")]
    interest: String,
    /// Notes on the assessment.
    #[arg(long)]
    note: Option<String>,
    /// A concern raised; repeat for more.
    #[arg(long = "concern", value_name = "TEXT")]
    concerns: Vec<String>,
    /// Technical impact: yes or no (also true/false, on/off, 1/0;
    /// default: the previous assessment's).
    #[arg(long, value_name = "yes|no", value_parser = clap::builder::BoolishValueParser::new())]
    technical: Option<bool>,
    /// Business impact: yes or no (also true/false, on/off, 1/0;
    /// default: the previous assessment's).
    #[arg(long, value_name = "yes|no", value_parser = clap::builder::BoolishValueParser::new())]
    business: Option<bool>,
    /// EC notification requirement (default: the previous assessment's).
    #[arg(long, value_name = "VALUE")]
    ec_notification: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

/// `tsc new ...`.
pub(crate) fn run_new(
    args: &NewArgs,
    records: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let NewWhat::Meeting(a) = &args.what;
    let request = commands::NewMeeting {
        date: Some(a.date),
        from: a.from.clone(),
        start: a.start.clone(),
        end: a.end.clone(),
        location: a.location.clone(),
    };
    run(records, &a.write, out, |t, r| {
        commands::new_meeting(t, r, &request)
    })
}

/// `tsc action ...`.
pub(crate) fn run_action(
    args: &ActionArgs,
    records: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    match &args.what {
        ActionWhat::New(a) => {
            let request = commands::NewAction {
                meeting: a.meeting.clone(),
                item: a.item.clone(),
                owner: a.owner.clone(),
                due: a.due,
                text: a.text.clone(),
            };
            run(records, &a.write, out, |t, r| {
                commands::new_action(t, r, &request)
            })
        }
        ActionWhat::Update(a) => {
            let request = commands::ActionReport {
                id: a.id.clone(),
                at: a.at.clone(),
                item: a.item.clone(),
                note: Some(a.note.clone()),
                status: a.status.clone(),
                due: a.due,
                owner: a.owner.clone(),
            };
            run(records, &a.write, out, |t, r| {
                commands::update_action(t, r, &request)
            })
        }
        ActionWhat::Close(a) => {
            let request = commands::ActionReport {
                id: a.id.clone(),
                at: a.at.clone(),
                item: a.item.clone(),
                note: a.note.clone(),
                status: a.status.clone(),
                due: None,
                owner: None,
            };
            run(records, &a.write, out, |t, r| {
                commands::close_action(t, r, &request)
            })
        }
    }
}

/// `tsc person add`.
pub(crate) fn run_person(
    args: &PersonArgs,
    records: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let PersonWhat::Add(a) = &args.what;
    let request = commands::NewPerson {
        name: a.name.clone(),
        id: a.id.clone(),
        organisation: a.organisation.clone(),
    };
    run(records, &a.write, out, |t, r| {
        commands::add_person(t, r, &request)
    })
}

/// `tsc organisation add`.
pub(crate) fn run_organisation(
    args: &OrganisationArgs,
    records: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let OrganisationWhat::Add(a) = &args.what;
    let request = commands::NewOrganisation {
        name: a.name.clone(),
        id: a.id.clone(),
        description: a.description.clone(),
    };
    run(records, &a.write, out, |t, r| {
        commands::add_organisation(t, r, &request)
    })
}

/// `tsc assess`.
pub(crate) fn run_assess(
    a: &AssessArgs,
    records: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let request = commands::NewAssessment {
        proposal: a.proposal.clone(),
        at: a.at.clone(),
        item: a.item.clone(),
        interest: a.interest.clone(),
        note: a.note.clone(),
        concerns: a.concerns.clone(),
        technical: a.technical,
        business: a.business,
        ec_notification: a.ec_notification.clone(),
    };
    run(records, &a.write, out, |t, r| {
        commands::assess(t, r, &request)
    })
}

/// Reads the records, builds the plan (a refusal is an error: exit 2),
/// checks it (a new error: the findings on standard error, exit 1,
/// nothing written), then writes it or prints its diff.
fn run(
    records: Option<&Path>,
    args: &WriteArgs,
    out: &mut dyn Write,
    build: impl FnOnce(&Tree, &Index<'_>) -> tsc::error::Result<Plan>,
) -> anyhow::Result<u8> {
    let root = super::records_dir(records)?;
    // Held from before the records are read to the last rename, so that
    // two writes at once run one after the other and the second reads
    // what the first wrote (two `new meeting` runs would otherwise both
    // number theirs after the same latest meeting). A dry run writes
    // nothing and waits for nobody.
    let held = if args.dry_run {
        None
    } else {
        Some(WriteLock::take(&root)?)
    };
    // Read once: the loader keeps every file's text, the model's spans
    // point into it, and the edits are made on it.
    let loaded = tsc::load::load(&root)?;
    // Without its `tsc.yaml` the records hold the built-in (TSC)
    // settings: a record written now would get the TSC's IDs and
    // vocabularies in another committee's tree.
    if let Some(finding) = loaded.settings_failure() {
        return Err(tsc::error::Error::Refused(format!(
            "tsc.yaml could not be read: {}; nothing was written; \
             fix tsc.yaml first (tsc validate shows every finding)",
            where_and_what(finding)
        ))
        .into());
    }
    let index = Index::new(&loaded.records);
    let tree = Tree::from_loaded(&loaded)?;
    let before = validate_with(&loaded, &index);
    let plan = build(&tree, &index)?;
    finish(
        &plan,
        &tree,
        &before,
        &root,
        args,
        &[],
        out,
        || match &held {
            Some(held) => plan.transaction.commit_held(&root, held),
            None => plan.transaction.commit(&root),
        },
    )
}

/// `PATH:LINE:COL: error[CODE]: message` for one load finding (every
/// one is an error; `PATH:` alone when it is about the whole file).
fn where_and_what(finding: &tsc::finding::Finding) -> String {
    let place = match finding.position.line {
        0 => finding.file.display().to_string(),
        line => format!(
            "{}:{line}:{}",
            finding.file.display(),
            finding.position.column
        ),
    };
    format!(
        "{place}: error[{}]: {}",
        finding.code.code(),
        finding.message
    )
}

/// The records directory `root` as a path from the top of the git work
/// tree that holds it, `None` outside one. `root` need not exist yet
/// (`tsc init`): git is asked from the nearest folder above it that does.
fn from_top(root: &Path) -> Option<std::path::PathBuf> {
    let here = Path::new(".");
    let (found, rest) = root.ancestors().find_map(|dir| {
        let rest = root.strip_prefix(dir).unwrap_or(Path::new(""));
        let dir = if dir.as_os_str().is_empty() {
            here
        } else {
            dir
        };
        dir.is_dir().then_some((dir, rest))
    })?;
    let repo = tsc::git::Repository::discover(found).ok()?;
    repo.from_top(&here.join(rest))
}

/// Checks `plan` against the records `tree` holds (validated as
/// `before`): a new error prints the findings and writes nothing (exit 1).
/// Otherwise prints its warnings, writes it with `commit` (unless
/// `--dry-run`) and prints what it wrote, or would write: `ID PATH` lines
/// (`folders` too, with a trailing `/`), the diff, or one JSON document.
#[allow(clippy::too_many_arguments, reason = "one call per kind of write")]
pub(crate) fn finish(
    plan: &Plan,
    tree: &Tree,
    before: &Report,
    root: &Path,
    args: &WriteArgs,
    folders: &[std::path::PathBuf],
    out: &mut dyn Write,
    commit: impl FnOnce() -> tsc::error::Result<()>,
) -> anyhow::Result<u8> {
    let checked = plan.transaction.check(tree, before);
    if !checked.added.is_empty() {
        refuse(plan, &checked);
        return Ok(EXIT_FINDINGS);
    }
    for warning in &plan.warnings {
        super::say(&format!("tsc: warning: {}", warning.line(!args.dry_run)));
    }
    // Paths as git names them, from the top of the work tree, so that
    // the diff applies with `git apply` there; outside a repository,
    // from the records directory.
    let diff = if args.dry_run {
        plan.transaction.diff(&from_top(root).unwrap_or_default())
    } else {
        String::new()
    };
    if !args.dry_run {
        commit()?;
    }
    let files: Vec<(String, bool)> = plan
        .transaction
        .changes()
        .iter()
        .map(|c| (root.join(&c.path).display().to_string(), c.before.is_none()))
        .collect();
    let folders: Vec<String> = folders
        .iter()
        .map(|f| format!("{}/", root.join(f).display()))
        .collect();
    match (args.format, args.dry_run) {
        (WriteFormat::Json, _) => {
            let mut doc = serde_json::json!({
                "id": plan.id,
                "files": files.iter().map(|(path, created)| serde_json::json!({"path": path, "created": created})).collect::<Vec<_>>(),
                "written": !args.dry_run,
            });
            if !folders.is_empty() {
                doc["folders"] = serde_json::json!(folders);
            }
            if args.dry_run {
                doc["diff"] = serde_json::Value::String(diff);
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        (WriteFormat::Text, true) => {
            write!(out, "{diff}")?;
            if !folders.is_empty() {
                super::say(&format!(
                    "tsc: --dry-run: nothing was written; the folders {} would be made too",
                    folders.join(", ")
                ));
            }
        }
        (WriteFormat::Text, false) => {
            for path in files.iter().map(|(path, _)| path).chain(&folders) {
                writeln!(out, "{} {path}", plan.id)?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// Prints the errors the write would add, on the records as they would
/// be, and says that nothing was written.
fn refuse(plan: &Plan, checked: &Checked) {
    let report = Report {
        findings: checked.added.clone(),
        summary: checked.after.summary,
    };
    let text = render(&report, Format::Human, &checked.loaded.sources, false);
    super::say(text.trim_end());
    super::say(&format!(
        "tsc: nothing was written: the change to {} would add {} error{} to the records",
        plan.id,
        checked.added.len(),
        if checked.added.len() == 1 { "" } else { "s" }
    ));
}
