//! `tsc man`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::EXIT_OK;

/// Arguments of `tsc man`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  tsc man | man -l -                                  # read tsc(1) now
  tsc man --out-dir ~/.local/share/man/man1           # install every page
  man tsc-actions                                     # then read one command's page")]
pub struct ManArgs {
    /// Write tsc.1 and one page per command (tsc-validate.1,
    /// tsc-actions.1, ...) into DIR instead of printing tsc.1.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// Prints the tsc(1) man page (roff), or writes every page into a folder.
pub fn run(args: &ManArgs, command: clap::Command, out: &mut dyn Write) -> anyhow::Result<u8> {
    match &args.out_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("cannot write the man pages into {}", dir.display()))?;
        }
        None => clap_mangen::Man::new(command).render(out)?,
    }
    Ok(EXIT_OK)
}
