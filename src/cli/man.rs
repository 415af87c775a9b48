//! `tsc man`.

use std::io::Write;

use clap::Args;

use super::EXIT_OK;

/// Arguments of `tsc man`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  tsc man | man -l -
  tsc man > ~/.local/share/man/man1/tsc.1")]
pub struct ManArgs {}

/// Writes the tsc(1) man page (roff), with every subcommand listed.
pub fn run(_args: &ManArgs, command: clap::Command, out: &mut dyn Write) -> anyhow::Result<u8> {
    clap_mangen::Man::new(command).render(out)?;
    Ok(EXIT_OK)
}
