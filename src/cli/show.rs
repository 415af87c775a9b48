//! `tsc show`.

use std::io::Write;

use clap::Args;
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::show::show;

use super::output::AsOfArgs;
use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc show`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  tsc show DCP204         # a proposal: phases and every assessment, oldest first
  tsc show PA0112         # an action: raising item, updates, closure
  tsc show PANEL_69_1409  # a meeting summary
  tsc show ann-baxter     # a person: attendance and actions
  tsc show NWP            # an organisation
  tsc show 3              # a principle: wording, status, proposals not aligned")]
pub(crate) struct ShowArgs {
    /// The ID of a meeting, action, modification proposal, person or
    /// organisation, or a principle's number.
    #[arg(add = super::complete::record_ids())]
    pub id: String,
    #[command(flatten)]
    pub as_of: AsOfArgs,
    /// Wrap lines to this many columns, at least 40 (default: the
    /// terminal's width; no wrapping when output is not a terminal).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
}

/// Prints one record and its history.
pub(crate) fn run(
    args: &ShowArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let text = show(index, &args.id, args.as_of.today())?;
    let text = tsc::terminal::escape_controls(&text);
    let text = tsc::escape::line_starts(&text, tsc::escape::Flavour::Text);
    let width = args.width.map(usize::from).or_else(|| {
        terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
    });
    match width {
        Some(width) => write!(out, "{}", tsc::wrap::wrap_hanging(&text, width))?,
        None => write!(out, "{text}")?,
    }
    Ok(EXIT_OK)
}
