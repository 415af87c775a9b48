//! `tsc people` and `tsc organisations`.

use std::io::Write;

use clap::Args;
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::participation::{listing, organisations, people};

use super::output::{AsOfArgs, OutputArgs};
use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc people` and `tsc organisations`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  tsc people\n  tsc organisations --format json\n  \
                         tsc people --as-of 2016-07-01"
)]
pub(crate) struct ParticipationArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// The records as they stood at the end of this day, as `tsc actions`
    /// reads them: meetings held and actions raised, updated and closed
    /// by then.
    #[command(flatten)]
    pub as_of: AsOfArgs,
}

/// Prints every person: meetings attended, apologies, actions owned.
pub(crate) fn run_people(
    args: &ParticipationArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let view = AsOfArgs::view(&loaded.records, args.as_of.today());
    let view_index = view.as_ref().map(Index::new);
    let rows = people(view_index.as_ref().unwrap_or(index));
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
    let view = AsOfArgs::view(&loaded.records, args.as_of.today());
    let view_index = view.as_ref().map(Index::new);
    let rows = organisations(view_index.as_ref().unwrap_or(index));
    args.output
        .print(&listing(&rows), "no organisations", out)?;
    Ok(EXIT_OK)
}
