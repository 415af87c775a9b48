//! `tsc show`.

use std::io::Write;

use clap::Args;
use tsc::records::Loaded;
use tsc::show::show;

use super::output::AsOfArgs;
use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc show`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  tsc show SECMP0014      # every assessment of a proposal, oldest first
  tsc show TSC07/01       # an action: raising item, updates, closure
  tsc show TSC_07_1606    # a meeting summary
  tsc show julian-hughes  # a person: attendance and actions
  tsc show SECAS          # an organisation")]
pub struct ShowArgs {
    /// The ID of a meeting, action, modification proposal, person or
    /// organisation.
    pub id: String,
    #[command(flatten)]
    pub as_of: AsOfArgs,
}

/// Prints one record and its history.
pub fn run(args: &ShowArgs, loaded: &Loaded, out: &mut dyn Write) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let text = show(&loaded.records, &args.id, args.as_of.today())?;
    let text = tsc::terminal::escape_controls(&text);
    write!(
        out,
        "{}",
        tsc::escape::line_starts(&text, tsc::escape::Flavour::Text)
    )?;
    Ok(EXIT_OK)
}
