//! `tsc diff` and `tsc log`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use tsc::diff::{Side, Subject, diff, human, json, markdown};
use tsc::escape::{self, Flavour};
use tsc::git::{self, Repository, Revision};
use tsc::history::{Target, history};
use tsc::index::Index;
use tsc::load::{self, Loaded};

use super::{EXIT_FINDINGS, EXIT_OK};

/// Arguments of `tsc diff`.
#[derive(Debug, Args)]
#[command(after_help = "\
Which records are compared:
  tsc diff                      HEAD with the working tree
  tsc diff --staged             HEAD with the index (what the next commit holds)
  tsc diff main                 main with the working tree
  tsc diff origin/main HEAD     two revisions
Revisions are read through git: the working tree and the index are never
touched, and nothing in the repository is written.

Examples:
  tsc diff origin/main HEAD --format markdown >> \"$GITHUB_STEP_SUMMARY\"
  tsc diff --staged --exit-code          exit 1 when the next commit changes anything

Exit status: 0 whether or not anything changed (1 when it did, with
--exit-code); 2 usage, git or I/O error.")]
pub(crate) struct DiffArgs {
    /// The old revision (default: HEAD).
    #[arg(value_name = "REV_A")]
    pub rev_a: Option<String>,
    /// The new revision (default: the working tree, or the index with
    /// --staged).
    #[arg(value_name = "REV_B")]
    pub rev_b: Option<String>,
    /// Compare with the index instead of the working tree.
    #[arg(long, visible_alias = "cached", conflicts_with = "rev_b")]
    pub staged: bool,
    /// Exit 1 when there are changes, as `git diff --exit-code` does.
    #[arg(long)]
    pub exit_code: bool,
    /// `human` (grouped, coloured like a compiler's summary), `markdown`
    /// (for a pull-request comment or $GITHUB_STEP_SUMMARY) or `json`.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

/// `tsc diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// Grouped lines with the verb first.
    Human,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One JSON document (fields in docs/output.md).
    Json,
}

/// The records directory as the working tree names it: `--records`,
/// `$TSC_RECORDS` or the nearest `records/`; `None` when there is none
/// (the revisions may still hold one, found as `validate --staged` finds
/// it).
fn records_dir(cwd: &Path, explicit: Option<&Path>) -> anyhow::Result<Option<PathBuf>> {
    let env = std::env::var_os(load::RECORDS_ENV);
    match load::find_records_dir(explicit, env.as_deref(), cwd) {
        Ok(dir) => Ok(Some(dir)),
        Err(_) if explicit.is_none() => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// One side of the comparison, loaded: a revision or the index through
/// git (as `validate --staged` reads it), or the working tree from disk.
fn load_side(cwd: &Path, dir: Option<&Path>, rev: Option<Revision<'_>>) -> anyhow::Result<Loaded> {
    match (rev, dir) {
        (Some(rev), dir) => Ok(git::load_records(cwd, dir, rev)?.loaded),
        (None, Some(dir)) => Ok(load::load(dir)?),
        (None, None) => anyhow::bail!(
            "no records directory in the working tree; pass --records DIR or compare two revisions"
        ),
    }
}

/// Runs `tsc diff`.
pub(crate) fn run(
    args: &DiffArgs,
    explicit: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let dir = records_dir(&cwd, explicit)?;
    let old_name = args.rev_a.as_deref().unwrap_or("HEAD");
    let (new_rev, new_name) = match (&args.rev_b, args.staged) {
        (Some(rev), _) => (Some(Revision::Tree(rev)), rev.as_str()),
        (None, true) => (Some(Revision::Index), "index"),
        (None, false) => (None, "working tree"),
    };
    // The two sides are independent: load them at the same time.
    let dir = dir.as_deref();
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| load_side(&cwd, dir, Some(Revision::Tree(old_name))));
        let new = load_side(&cwd, dir, new_rev);
        let old = old
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old, new)
    });
    let (old, new) = (old?, new?);
    let changes = diff(
        Side {
            revision: old_name,
            loaded: &old,
        },
        Side {
            revision: new_name,
            loaded: &new,
        },
    );
    // Record text is escaped field by field in each renderer; the whole
    // output then passes the one output policy (no line from record text
    // can be a workflow command in a CI log).
    let text = match args.format {
        DiffFormat::Human => escape::line_starts(
            &human::render(&changes, super::color::styled()),
            Flavour::Text,
        )
        .into_owned(),
        DiffFormat::Markdown => {
            escape::output(&markdown::render(&changes), Flavour::Markdown).into_owned()
        }
        DiffFormat::Json => escape::output(&json::render(&changes), Flavour::Json).into_owned(),
    };
    out.write_all(text.as_bytes())?;
    Ok(if args.exit_code && !changes.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Arguments of `tsc log`.
#[derive(Debug, Args)]
#[command(after_help = "\
Each commit that changed the record's file, newest first: date, author,
short commit ID and subject, then the change in meaning in the words of
`tsc diff`. A rename of the file (`git mv`) is followed. For a proposal,
also each commit that added, changed or removed an assessment of it in a
meeting's file.

Examples:
  tsc log PA0112
  tsc log DCP204
  tsc log ann-baxter")]
pub(crate) struct LogArgs {
    /// A record ID: action, meeting, proposal, person, organisation or
    /// principle number.
    pub id: String,
    /// `human` or `json` (one document: the commits and their changes).
    #[arg(long, value_enum, default_value_t = LogFormat::Human)]
    pub format: LogFormat,
}

/// `tsc log --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LogFormat {
    /// One paragraph per commit.
    Human,
    /// One JSON document.
    Json,
}

/// The file and kind of the record with ID `id`, from the index (the
/// first definition, when an ID is defined twice).
fn locate(index: &Index<'_>, id: &str) -> Option<(PathBuf, Subject)> {
    let defined = index.definitions();
    let first = |files: Vec<&Path>, subject| files.first().map(|f| (f.to_path_buf(), subject));
    first(
        defined
            .action(id)
            .iter()
            .map(|l| l.file.as_path())
            .collect(),
        Subject::Action,
    )
    .or_else(|| {
        first(
            defined
                .meeting(id)
                .iter()
                .map(|l| l.file.as_path())
                .collect(),
            Subject::Meeting,
        )
    })
    .or_else(|| {
        let files = defined
            .modification(id)
            .iter()
            .map(|l| l.file.as_path())
            .collect();
        first(files, Subject::Modification)
    })
    .or_else(|| {
        first(
            defined
                .person(id)
                .iter()
                .map(|l| l.file.as_path())
                .collect(),
            Subject::Person,
        )
    })
    .or_else(|| {
        let files = defined
            .organisation(id)
            .iter()
            .map(|l| l.file.as_path())
            .collect();
        first(files, Subject::Organisation)
    })
    .or_else(|| {
        let number = id.parse::<u32>().ok()?;
        let files = defined
            .principle(number)
            .iter()
            .map(|l| l.file.as_path())
            .collect();
        first(files, Subject::Principle)
    })
}

/// Runs `tsc log`.
pub(crate) fn run_log(
    args: &LogArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    // Written whole at the end, through the one output policy.
    let mut text: Vec<u8> = Vec::new();
    let code = write_log(args, loaded, index, &mut text)?;
    let text = String::from_utf8_lossy(&text);
    // The human form is coloured by tsc and its record text escaped field
    // by field: only its line starts are guarded.
    let text = match args.format {
        LogFormat::Human => escape::line_starts(&text, Flavour::Text),
        LogFormat::Json => escape::output(&text, Flavour::Json),
    };
    out.write_all(text.as_bytes())?;
    Ok(code)
}

fn write_log(
    args: &LogArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let Some((file, subject)) = locate(index, &args.id) else {
        bail!("no record has the ID `{}`", args.id);
    };
    // The repository that holds the records, which may not be the current
    // directory's (`--records ../minutes/records`).
    let root = cwd.join(&loaded.records.root);
    let repo = Repository::discover(&root)?;
    let outside = || anyhow::anyhow!("{} is outside the git work tree", root.display());
    let assessed_in: Vec<PathBuf> = tsc::history::context_files(index, subject, &args.id)
        .iter()
        .filter_map(|f| repo.from_top(&cwd.join(f)))
        .collect();
    let target = Target {
        dir: &repo.from_top(&root).ok_or_else(outside)?,
        file: &repo.from_top(&cwd.join(&file)).ok_or_else(outside)?,
        subject,
        id: &args.id,
        assessed_in: &assessed_in,
    };
    let commits = history(&repo, target)?;
    if args.format == LogFormat::Json {
        let list: Vec<serde_json::Value> = commits
            .iter()
            .map(|c| {
                serde_json::json!({
                    "commit": c.hash,
                    "short": c.short,
                    "date": c.date,
                    "author": c.author,
                    "subject": c.subject,
                    "moved_from": c.moved.as_ref().map(|(from, _)| from),
                    "changes": c.changes.iter().map(json::change).collect::<Vec<_>>(),
                    "assessed_at": c.assessed_at,
                    "assessed": c.assessed,
                })
            })
            .collect();
        let document = serde_json::json!({
            "version": json::VERSION,
            "id": args.id,
            "commits": list,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
        return Ok(EXIT_OK);
    }
    let styled = super::color::styled();
    let safe = |s: &str| tsc::terminal::escape_controls(s).into_owned();
    for (i, commit) in commits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let short = if styled {
            let style = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Yellow.into()));
            format!("{style}{}{style:#}", commit.short)
        } else {
            commit.short.clone()
        };
        writeln!(
            out,
            "{}  {}  {short}  {}",
            commit.date,
            safe(&commit.author),
            safe(&commit.subject)
        )?;
        if let Some((from, to)) = &commit.moved {
            writeln!(out, "{:>12} {} → {}", "moved", safe(from), safe(to))?;
        }
        for change in &commit.changes {
            writeln!(out, "{}", human::line(change, styled))?;
        }
        let mut said = !commit.changes.is_empty() || commit.moved.is_some();
        // An assessment that left the latest interest level as it was.
        if commit.changes.is_empty() && !commit.assessed_at.is_empty() {
            writeln!(
                out,
                "{:>12} {} at {}, its latest interest level unchanged",
                "assessed",
                safe(&args.id),
                safe(&commit.assessed_at.join(", "))
            )?;
            said = true;
        }
        // For a meeting: each assessment it records that did the same.
        for proposal in commit.unchanged_assessments() {
            writeln!(
                out,
                "{:>12} {} at {}, its latest interest level unchanged",
                "assessed",
                safe(proposal),
                safe(&args.id)
            )?;
            said = true;
        }
        if !said {
            writeln!(out, "{:>12} no change in meaning", "")?;
        }
    }
    if commits.is_empty() {
        writeln!(out, "no commits change {}", safe(&args.id))?;
    }
    Ok(EXIT_OK)
}
