//! The `tsc` command line: argument parsing, printing and exit statuses.
//! All the work is done by the `tsc` library; each subcommand lives in its
//! own module under `cli/`.

mod cli;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use tsc::index::Index;
use tsc::load::Loaded;

/// mimalloc instead of the system allocator: loading allocates hundreds
/// of thousands of small strings on every core, and glibc's per-thread
/// arenas spent a fifth of a warm run (from the parse cache) in malloc and
/// growing their heaps (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keep a technical committee's records as YAML and get answers from them.
///
/// tsc reads a records directory (meetings/, actions/, modifications/,
/// people.yaml, organisations.yaml, principles.yaml, tsc.yaml), checks it,
/// and prints what was decided and what is still to do.
///
/// Exit status: 0 success; 1 `validate` found errors; 2 usage or I/O error.
///
/// Run `tsc validate --explain CODE` for what a finding's rule checks.
#[derive(Debug, Parser)]
#[command(name = "tsc", version, max_term_width = 100)]
struct Cli {
    /// The records directory. Default: $TSC_RECORDS, else the nearest
    /// `records/` directory in the current directory or one of its parents.
    #[arg(long, global = true, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    records: Option<PathBuf>,

    /// When to style output (bold headers, coloured diagnostics): `auto`
    /// on a colour terminal, following NO_COLOR, CLICOLOR, CLICOLOR_FORCE
    /// and TERM; `always`; `never`.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    color: cli::color::ColorArg,

    #[command(flatten)]
    cache: cli::cache::CacheArgs,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every record: syntax, fields, IDs, references and the rules
    /// in docs/rules.md.
    ///
    /// Prints every problem in every file in one run, like a compiler:
    /// `error[CODE]: MESSAGE`, `--> PATH:LINE:COLUMN`, the source line with
    /// the value underlined and a help line; then a one-line summary.
    /// Exit status 0 when there are no errors, 1 when there are.
    Validate(cli::validate::ValidateArgs),

    /// Print the JSON Schema (draft 2020-12) of a record file kind, for
    /// editors and other validators.
    Schema(cli::schema::SchemaArgs),

    /// List actions: ID, owner, text, the meeting that raised it, due date,
    /// status. Sorted by ID in natural order (A7/2 before A7/10 before A7/100).
    Actions(cli::actions::ActionsArgs),

    /// The modification register: one row per proposal with its latest
    /// interest level, when it was last discussed, and related proposals.
    #[command(visible_alias = "modifications")]
    Mods(cli::mods::ModsArgs),

    /// List meetings: date, ID, status, attendees, decisions, actions raised.
    Meetings(cli::meetings::MeetingsArgs),

    /// List people: meetings attended, apologies sent, actions owned.
    People(cli::people::ParticipationArgs),

    /// List organisations: meetings attended, apologies, actions owned.
    Organisations(cli::people::ParticipationArgs),

    /// Render a meeting's full minutes from the records, in the shape of
    /// the original document, as Markdown or self-contained HTML.
    Minutes(cli::minutes::MinutesArgs),

    /// Write the status report (validation, open and overdue actions by
    /// owner, the register by interest level, recent meetings) as Markdown
    /// or self-contained HTML with charts.
    Report(cli::report::ReportArgs),

    /// What a change to the records means: actions raised, closed or
    /// reassigned, interest levels and phases, meetings added or made
    /// final, names changed, between two revisions (default: HEAD and
    /// the working tree).
    Diff(cli::diff::DiffArgs),

    /// Each commit that changed one record, newest first, with the change
    /// in meaning in the words of `tsc diff`.
    Log(cli::diff::LogArgs),

    /// Show one record of any kind (meeting, action, proposal, person,
    /// organisation) with its history across meetings.
    Show(cli::show::ShowArgs),

    /// Start a committee's records: a commented tsc.yaml with its name and
    /// ID patterns, empty people.yaml and organisations.yaml, and the
    /// record folders.
    ///
    /// `tsc validate` passes on them at once, and `tsc new meeting`,
    /// `tsc person add` and `tsc action new` work on them next. A
    /// directory that already holds records is refused (exit 2) and
    /// nothing is written; `--dry-run` prints what would be written.
    Init(cli::init::InitArgs),

    /// Write a new record: `tsc new meeting --date YYYY-MM-DD`.
    ///
    /// Every write command checks the records as they would be after it
    /// and writes nothing if that adds an error (exit 1); `--dry-run`
    /// prints the diff instead of writing.
    New(cli::write::NewArgs),

    /// Raise, update or close an action: `tsc action new|update|close`.
    Action(cli::write::ActionArgs),

    /// Add a person to people.yaml: `tsc person add NAME`.
    Person(cli::write::PersonArgs),

    /// Add an organisation to organisations.yaml: `tsc organisation add
    /// NAME --id ID`.
    Organisation(cli::write::OrganisationArgs),

    /// Record the committee's assessment of a modification proposal at a
    /// meeting.
    Assess(cli::write::AssessArgs),

    /// Write a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(cli::completions::CompletionsArgs),

    /// Write the tsc(1) man page to standard output.
    Man(cli::man::ManArgs),
}

fn main() -> ExitCode {
    // `COMPLETE=bash tsc -- tsc show SEC`: the shell asking for candidates.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = Cli::parse();
    cli::color::set(cli.color);
    cli::internal_error::install_hook();
    match std::panic::catch_unwind(|| run(&cli)) {
        Ok(Ok(code)) => ExitCode::from(code),
        // The reader of standard output went away (`tsc actions | head`):
        // stop quietly, as other command-line tools do.
        Ok(Err(error)) if cli::is_broken_pipe(&error) => ExitCode::from(cli::EXIT_OK),
        Ok(Err(error)) => {
            // The message may quote a path or an ID from the records.
            let line = format!("tsc: error: {error:#}");
            cli::say(&tsc::escape::output(&line, tsc::escape::Flavour::Text));
            ExitCode::from(cli::EXIT_USAGE)
        }
        // The hook has already printed the one-line report.
        Err(_) => ExitCode::from(cli::EXIT_USAGE),
    }
}

/// Standard output, locked and buffered, whose write errors say that it
/// was standard output that failed (`/dev/full`, a closed pipe).
struct Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Stdout {
    fn named(error: std::io::Error) -> std::io::Error {
        std::io::Error::new(
            error.kind(),
            format!("cannot write to standard output: {error}"),
        )
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf).map_err(Stdout::named)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(Stdout::named)
    }
}

fn run(cli: &Cli) -> anyhow::Result<u8> {
    let mut out = Stdout(std::io::BufWriter::new(std::io::stdout().lock()));
    let records = cli.records.as_deref();
    // Each command loads the records itself, so that those that need none
    // (`completions`, `man`, `schema`, `validate --explain`) work outside a
    // records tree.
    let code = match &cli.command {
        Command::Completions(args) => cli::completions::run(args, &mut Cli::command(), &mut out)?,
        Command::Man(args) => cli::man::run(args, Cli::command(), &mut out)?,
        Command::Schema(args) => cli::schema::run(args, records, &mut out)?,
        Command::Validate(args) => cli::validate::run(args, records, &cli.cache, &mut out)?,
        Command::Diff(args) => cli::diff::run(args, records, &mut out)?,
        Command::Init(args) => cli::init::run(args, records, &mut out)?,
        Command::New(args) => cli::write::run_new(args, records, &mut out)?,
        Command::Action(args) => cli::write::run_action(args, records, &mut out)?,
        Command::Person(args) => cli::write::run_person(args, records, &mut out)?,
        Command::Organisation(args) => cli::write::run_organisation(args, records, &mut out)?,
        Command::Assess(args) => cli::write::run_assess(args, records, &mut out)?,
        command => {
            // Loaded once (through the parse cache) and indexed once; every
            // command reads this index. Both live until the process exits:
            // freeing them value by value would cost several per cent of a
            // run on a large tree, for nothing.
            let loaded: &Loaded = Box::leak(Box::new(cli::load(records, &cli.cache)?));
            let index: &Index = Box::leak(Box::new(Index::new(&loaded.records)));
            let out = &mut out;
            match command {
                Command::Log(args) => cli::diff::run_log(args, loaded, index, out)?,
                Command::Actions(args) => cli::actions::run(args, loaded, index, out)?,
                Command::Minutes(args) => cli::minutes::run(args, loaded, index, out)?,
                Command::Report(args) => cli::report::run(args, loaded, index, out)?,
                Command::Show(args) => cli::show::run(args, loaded, index, out)?,
                Command::Mods(args) => cli::mods::run(args, loaded, index, out)?,
                Command::Meetings(args) => cli::meetings::run(args, loaded, index, out)?,
                Command::People(args) => cli::people::run_people(args, loaded, index, out)?,
                Command::Organisations(args) => {
                    cli::people::run_organisations(args, loaded, index, out)?
                }
                Command::Completions(_)
                | Command::Man(_)
                | Command::Schema(_)
                | Command::Validate(_)
                | Command::Init(_)
                | Command::New(_)
                | Command::Action(_)
                | Command::Person(_)
                | Command::Organisation(_)
                | Command::Assess(_)
                | Command::Diff(_) => unreachable!("handled above"),
            }
        }
    };
    match out.flush() {
        // The reader went away after the command had its answer: the
        // command's own status stands (validate's 1 must survive `| head`).
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        other => other.map(|()| code).map_err(Into::into),
    }
}
