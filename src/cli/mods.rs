//! `tsc mods` (alias `tsc modifications`).

use std::io::Write;

use clap::Args;
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::register::term_matches;
use tsc::register::{ModFilter, listing, register_rows};
use tsc::settings::Term;

use super::output::OutputArgs;
use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc mods`.
#[derive(Debug, Args)]
#[command(after_help = "\
The interest level is the one given by the most recent meeting that
assessed the proposal; \"last discussed\" is the most recent meeting that
assessed or mentioned it.

Examples:
  tsc mods
  tsc mods --interest high
  tsc mods --interest 'watching brief' --format markdown
  tsc mods --status refinement --format json")]
pub(crate) struct ModsArgs {
    /// Only proposals at this latest interest level (ID or label, any
    /// case: high, medium, watching-brief, no-interest).
    #[arg(long, value_name = "LEVEL", add = super::complete::interest_levels())]
    pub interest: Option<String>,
    /// Only proposals in this phase (e.g. refinement).
    #[arg(long, value_name = "S", add = super::complete::phases())]
    pub status: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Prints the modification register.
pub(crate) fn run(
    args: &ModsArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let records = &loaded.records;
    let vocabularies = &records.settings.vocabularies;
    // A level or phase may be given by ID or label ("Watching Brief").
    let known = |terms: &[Term], v: &str| terms.iter().any(|t| term_matches(terms, t.id(), v));
    if let Some(level) = &args.interest
        && !known(&vocabularies.interest_levels, level)
    {
        let levels = vocabularies.interest_levels.iter();
        super::require_known(level, levels.map(tsc::settings::Term::id), "interest level")?;
    }
    if let Some(phase) = &args.status
        && !known(&vocabularies.modification_phases, phase)
    {
        let phases = vocabularies.modification_phases.iter();
        super::require_known(phase, phases.map(tsc::settings::Term::id), "phase")?;
    }
    let filter = ModFilter {
        interest: args.interest.clone(),
        status: args.status.clone(),
    };
    let rows = register_rows(index, &filter);
    args.output.print(
        &listing(&rows, vocabularies),
        "no modification proposals match",
        out,
    )?;
    Ok(EXIT_OK)
}
