//! The `tsc` command line: argument parsing, printing and exit statuses.
//! All the work is done by the `tsc` library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use tsc::actions::{ActionFilter, action_rows};
use tsc::records::{self, Loaded};
use tsc::table::{TableStyle, actions_table};
use tsc::validate::validate;

/// Exit status when everything is fine.
const EXIT_OK: u8 = 0;
/// Exit status when `tsc validate` found errors in the records.
const EXIT_FINDINGS: u8 = 1;
/// Exit status for usage errors and I/O errors (clap uses 2 as well).
const EXIT_USAGE: u8 = 2;

/// Keep a technical committee's records as YAML and get answers from them.
///
/// tsc reads a records directory (meetings/, actions/, modifications/,
/// people.yaml, organisations.yaml, principles.yaml, tsc.yaml), checks it,
/// and prints what was decided and what is still to do.
///
/// Exit status: 0 success; 1 `validate` found errors; 2 usage or I/O error.
#[derive(Debug, Parser)]
#[command(name = "tsc", version, max_term_width = 100)]
struct Cli {
    /// The records directory. Default: $TSC_RECORDS, else the nearest
    /// `records/` directory in the current directory or one of its parents.
    #[arg(long, global = true, value_name = "DIR")]
    records: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every record: syntax, fields, IDs and references.
    ///
    /// Prints each problem as PATH:LINE:COLUMN: error[CODE]: MESSAGE with a
    /// help line, all of them in one run, then a one-line summary.
    /// Exit status 0 when there are no errors, 1 when there are.
    #[command(after_help = "Examples:\n  tsc validate\n  tsc validate --records examples/minimal")]
    Validate,

    /// List actions: ID, owner, text, the meeting that raised it, due date,
    /// status. Sorted by ID in natural order (TSC07/2 before TSC07/10).
    #[command(after_help = "Examples:\n  tsc actions --open\n  tsc actions --open | less")]
    Actions {
        /// Only actions whose status counts as open in tsc.yaml.
        #[arg(long)]
        open: bool,
        /// Fit the table into this many columns (default: the terminal's
        /// width; no wrapping when output is not a terminal).
        #[arg(long, value_name = "COLUMNS")]
        width: Option<u16>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("tsc: error: {error:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn load(cli_records: Option<&std::path::Path>) -> anyhow::Result<Loaded> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let env = std::env::var_os(records::RECORDS_ENV);
    let root = records::find_records_dir(cli_records, env.as_deref(), &cwd)?;
    records::load(&root)
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let loaded = load(cli.records.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Validate => {
            let report = validate(&loaded);
            for finding in &report.findings {
                writeln!(out, "{finding}")?;
            }
            let s = report.summary;
            let errors = report.error_count();
            let status = if errors == 0 {
                "ok".to_owned()
            } else {
                format!("{errors} error{}", if errors == 1 { "" } else { "s" })
            };
            writeln!(
                out,
                "{status}: {} meeting{}, {} modification proposals, {} actions, {} people, \
                 {} organisations, {} principles",
                s.meetings,
                if s.meetings == 1 { "" } else { "s" },
                s.modifications,
                s.actions,
                s.people,
                s.organisations,
                s.principles
            )?;
            Ok(if errors == 0 { EXIT_OK } else { EXIT_FINDINGS })
        }
        Command::Actions { open, width } => {
            warn_if_invalid(&loaded);
            let rows = action_rows(&loaded.records, &ActionFilter { open_only: open });
            if rows.is_empty() {
                writeln!(out, "no {}actions", if open { "open " } else { "" })?;
                return Ok(EXIT_OK);
            }
            let style = TableStyle {
                unicode: std::io::stdout().is_terminal(),
                width,
            };
            writeln!(out, "{}", actions_table(&rows, style))?;
            Ok(EXIT_OK)
        }
    }
}

/// Tells the user on standard error that some records did not load, so an
/// answer built from the rest is not mistaken for the whole story.
fn warn_if_invalid(loaded: &Loaded) {
    let n = loaded.findings.len();
    if n > 0 {
        eprintln!(
            "tsc: warning: {n} record file{} could not be read; run `tsc validate` for details",
            if n == 1 { "" } else { "s" }
        );
    }
}
