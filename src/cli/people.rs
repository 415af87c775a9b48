//! `tsc people` and `tsc organisations`.

use std::io::Write;

use clap::Args;
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::participation::{listing, organisations, people};

use super::output::OutputArgs;
use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc people` and `tsc organisations`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  tsc people\n  tsc organisations --format json")]
pub(crate) struct ParticipationArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Prints every person: meetings attended, apologies, actions owned.
pub(crate) fn run_people(
    args: &ParticipationArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let rows = people(index);
    args.output.print(&listing(&rows), "no people", out)?;
    Ok(EXIT_OK)
}

/// Prints every organisation: meetings attended, apologies, actions owned.
pub(crate) fn run_organisations(
    args: &ParticipationArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let rows = organisations(index);
    args.output
        .print(&listing(&rows), "no organisations", out)?;
    Ok(EXIT_OK)
}
