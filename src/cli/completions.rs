//! `tsc completions SHELL`.

use std::io::Write;

use clap::Args;
use clap_complete::Shell;

use super::EXIT_OK;

/// Arguments of `tsc completions`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  tsc completions bash > ~/.local/share/bash-completion/completions/tsc
  tsc completions zsh > ~/.zfunc/_tsc
  tsc completions fish > ~/.config/fish/completions/tsc.fish")]
pub(crate) struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Writes the completion script for `args.shell`.
pub(crate) fn run(
    args: &CompletionsArgs,
    command: &mut clap::Command,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    // clap_complete panics when its writer fails (a closed pipe); generate
    // into memory and let the write error reach the caller instead.
    let _ = command;
    let mut script = Vec::new();
    let shells = clap_complete::env::Shells::builtins();
    let shell = shells
        .completer(&args.shell.to_string())
        .expect("clap_complete registers every shell it names");
    shell.write_registration("COMPLETE", "tsc", "tsc", "tsc", &mut script)?;
    out.write_all(&script)?;
    Ok(EXIT_OK)
}
