//! The `tsc` command line: argument parsing, printing and exit statuses.
//! All the work is done by the `tsc` library; each subcommand lives in its
//! own module under `cli/`.

mod cli;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    Validate(cli::validate::ValidateArgs),

    /// List actions: ID, owner, text, the meeting that raised it, due date,
    /// status. Sorted by ID in natural order (TSC07/2 before TSC07/10).
    Actions(cli::actions::ActionsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::internal_error::install_hook();
    match std::panic::catch_unwind(|| run(&cli)) {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(error)) => {
            eprintln!("tsc: error: {error:#}");
            ExitCode::from(cli::EXIT_USAGE)
        }
        // The hook has already printed the one-line report.
        Err(_) => ExitCode::from(cli::EXIT_USAGE),
    }
}

fn run(cli: &Cli) -> anyhow::Result<u8> {
    let loaded = cli::load(cli.records.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = match &cli.command {
        Command::Validate(args) => cli::validate::run(args, &loaded, &mut out)?,
        Command::Actions(args) => cli::actions::run(args, &loaded, &mut out)?,
    };
    out.flush()?;
    Ok(code)
}
