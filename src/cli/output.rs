//! Arguments and printing shared by the listing commands.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;
use clap::Args;
use tsc::escape::{self, Flavour};
use tsc::load::Records;
use tsc::output::table::TableStyle;
use tsc::output::{Format, Listing, render};
use tsc::report::as_of;
use tsc::today::local_today;

/// `--format` and `--width`, for every listing command.
#[derive(Debug, Args)]
pub(crate) struct OutputArgs {
    /// Output format: a table for people, or JSON, CSV or Markdown for
    /// scripts, spreadsheets and $GITHUB_STEP_SUMMARY.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Fit the table into this many columns, at least 40 (default: the
    /// terminal's width; no wrapping when output is not a terminal).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
    /// With `--format csv`: start with a UTF-8 byte-order mark, so that
    /// Excel and LibreOffice Calc read the file as UTF-8 (`Zoë`, `–`)
    /// with their default import.
    #[arg(long)]
    pub bom: bool,
}

/// `--format` of the listing commands; the command line's names for the
/// library's [`Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A table for people, fitted to the terminal's width.
    Table,
    /// One JSON object, `{"version": 1, "rows": [...]}`: one object per
    /// row, keyed by field name.
    Json,
    /// CSV with a header line of field names; safe to open in a spreadsheet.
    Csv,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}

impl OutputArgs {
    /// Prints `listing`; for tables, `empty` instead when it has no rows.
    pub(crate) fn print(
        &self,
        listing: &Listing,
        empty: &str,
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        let format = Format::from(self.format);
        if self.bom && format != Format::Csv {
            anyhow::bail!("--bom is for --format csv only");
        }
        if self.bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        if listing.rows.is_empty() && format == Format::Table {
            writeln!(out, "{empty}")?;
            return Ok(());
        }
        let style = TableStyle::for_stdout(
            std::io::stdout().is_terminal(),
            !super::color::styled(),
            self.width,
        );
        let text = render(listing, format, style);
        let text = match format {
            // Tables escape record text cell by cell and may be coloured.
            Format::Table => escape::line_starts(&text, Flavour::Text),
            Format::Json => escape::output(&text, Flavour::Json),
            Format::Csv => escape::output(&text, Flavour::Text),
            Format::Markdown => escape::output(&text, Flavour::Markdown),
        };
        write!(out, "{text}")?;
        Ok(())
    }
}

/// Parses a `YYYY-MM-DD` date argument.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        format!("`{text}` is not a date: {e}; write it as YYYY-MM-DD, e.g. 2016-06-17")
    })
}

/// `--as-of DATE`, for commands that depend on today's date.
#[derive(Debug, Args)]
pub(crate) struct AsOfArgs {
    /// The day that counts as today (YYYY-MM-DD). Default: today's date in
    /// the system's time zone. An action is overdue from the day after its
    /// due date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

impl AsOfArgs {
    /// `--as-of`, else the local date.
    pub(crate) fn today(&self) -> NaiveDate {
        self.as_of.unwrap_or_else(local_today)
    }

    /// The records as they stood at the end of `today` (from
    /// [`AsOfArgs::today`], asked once by the caller), for every reader
    /// with `--as-of`, given or not: no `--as-of` is `--as-of` today.
    /// `None` when the records hold nothing dated after `today`: then
    /// they are that view themselves, and are not copied.
    pub(crate) fn view(records: &Records, today: NaiveDate) -> Option<Records> {
        as_of::view(records, today)
    }
}

/// The formats of documents (`tsc minutes`, `tsc report`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DocFormat {
    /// GitHub-flavoured Markdown.
    #[default]
    Markdown,
    /// One self-contained HTML file (inline CSS, no external assets).
    Html,
}

impl DocFormat {
    /// The format a file named `path` is expected to hold, from its
    /// extension (`.html`/`.htm`: HTML; `.md`/`.markdown`: Markdown, in
    /// any case); `None` for any other name.
    pub(crate) fn of_file(path: &std::path::Path) -> Option<DocFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(DocFormat::Html),
            "md" | "markdown" => Some(DocFormat::Markdown),
            _ => None,
        }
    }

    /// `text`, a document in this format, made safe to print as
    /// [`tsc::escape`] says.
    pub(crate) fn escape(self, text: &str) -> String {
        let flavour = match self {
            DocFormat::Markdown => Flavour::Markdown,
            DocFormat::Html => Flavour::Html,
        };
        escape::output(text, flavour).into_owned()
    }
}
