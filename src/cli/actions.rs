//! `tsc actions`.

use std::io::{IsTerminal, Write};

use clap::Args;
use tsc::actions::{ActionFilter, action_rows};
use tsc::records::Loaded;
use tsc::table::{TableStyle, actions_table};

use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc actions`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  tsc actions --open\n  tsc actions --open | less")]
pub struct ActionsArgs {
    /// Only actions whose status counts as open in tsc.yaml.
    #[arg(long)]
    pub open: bool,
    /// Fit the table into this many columns (default: the terminal's
    /// width; no wrapping when output is not a terminal).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
}

/// Prints the action table.
pub fn run(args: &ActionsArgs, loaded: &Loaded, out: &mut dyn Write) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let filter = ActionFilter {
        open_only: args.open,
    };
    let rows = action_rows(&loaded.records, &filter);
    if rows.is_empty() {
        writeln!(out, "no {}actions", if args.open { "open " } else { "" })?;
        return Ok(EXIT_OK);
    }
    let style = TableStyle {
        unicode: std::io::stdout().is_terminal(),
        width: args.width,
    };
    writeln!(out, "{}", actions_table(&rows, style))?;
    Ok(EXIT_OK)
}
