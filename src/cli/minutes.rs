//! `tsc minutes`.

use std::io::Write;

use clap::Args;
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::minutes::{html, markdown, view};

use super::output::DocFormat;
use super::{EXIT_OK, warn_if_invalid};

/// Arguments of `tsc minutes`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  tsc minutes PANEL_69_1409\n  tsc minutes PANEL_69_1409 --format html > minutes.html"
)]
pub(crate) struct MinutesArgs {
    /// The meeting ID, for example PANEL_69_1409 (`tsc meetings` lists them).
    #[arg(add = super::complete::meeting_ids())]
    pub meeting: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DocFormat::Markdown)]
    pub format: DocFormat,
}

/// Prints the minutes of one meeting.
pub(crate) fn run(
    args: &MinutesArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let minutes = view(index, &args.meeting)?;
    let text = match args.format {
        DocFormat::Markdown => markdown::render(&minutes),
        DocFormat::Html => html::render(&minutes),
    };
    write!(out, "{}", args.format.escape(&text))?;
    Ok(EXIT_OK)
}
