//! `tsc validate`.

use std::io::Write;

use clap::Args;
use tsc::records::Loaded;
use tsc::validate::validate;

use super::{EXIT_FINDINGS, EXIT_OK};

/// Arguments of `tsc validate`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  tsc validate\n  tsc validate --records examples/minimal")]
pub struct ValidateArgs {}

/// Prints every finding and the one-line summary; returns 1 when there
/// are errors.
pub fn run(_args: &ValidateArgs, loaded: &Loaded, out: &mut dyn Write) -> anyhow::Result<u8> {
    let report = validate(loaded);
    for finding in &report.findings {
        writeln!(out, "{finding}")?;
    }
    let s = report.summary;
    let errors = report.error_count();
    let status = if errors == 0 {
        "ok".to_owned()
    } else {
        format!("{errors} error{}", if errors == 1 { "" } else { "s" })
    };
    writeln!(
        out,
        "{status}: {} meeting{}, {} modification proposals, {} actions, {} people, \
         {} organisations, {} principles",
        s.meetings,
        if s.meetings == 1 { "" } else { "s" },
        s.modifications,
        s.actions,
        s.people,
        s.organisations,
        s.principles
    )?;
    Ok(if errors == 0 { EXIT_OK } else { EXIT_FINDINGS })
}
