//! `tsc meetings`.

use std::io::Write;

use clap::Args;
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::meetings::{listing, meeting_rows};

use super::output::OutputArgs;
use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc meetings`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  tsc meetings\n  tsc meetings --format csv")]
pub(crate) struct MeetingsArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Prints one row per meeting, oldest first.
pub(crate) fn run(
    args: &MeetingsArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let rows = meeting_rows(index);
    args.output.print(&listing(&rows), "no meetings", out)?;
    Ok(EXIT_OK)
}
