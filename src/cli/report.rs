//! `tsc report`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::output::file::write_atomic;
use tsc::report::{build_as_of, html, markdown};

use super::EXIT_OK;
use super::output::{AsOfArgs, DocFormat};

/// Arguments of `tsc report`.
#[derive(Debug, Args)]
#[command(after_help = "\
The report always exits 0 when it could be written; its validation section
says whether the records are valid (run `tsc validate` to gate CI on that).

Examples:
  tsc report >> \"$GITHUB_STEP_SUMMARY\"
  tsc report --format html --output site/report.html
  tsc report --as-of 2024-03-02")]
pub(crate) struct ReportArgs {
    /// Output format [default: html when FILE ends `.html` or `.htm`,
    /// otherwise markdown].
    #[arg(long, value_enum)]
    pub(crate) format: Option<DocFormat>,
    /// Write the report to FILE (atomically) instead of standard output;
    /// `-` means standard output. FILE must be outside the records
    /// directory. A descriptor (/dev/stdout, /proc/self/fd/1), device or
    /// pipe is written through, never truncated; a read-only file is
    /// refused. The temporary file is named `.tsc-report-FILE.XXXXXX.tmp`.
    #[arg(long, short, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub as_of: AsOfArgs,
}

/// Writes the status report.
pub(crate) fn run(
    args: &ReportArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    // The report counts the findings itself, but not that its statuses
    // and vocabularies are the built-in ones.
    if loaded.settings_failure().is_some() {
        super::say(
            "tsc: warning: tsc.yaml could not be read, so the built-in settings were used; \
             run `tsc validate` for details",
        );
    }
    // Counted as of `--as-of` or today alike: no `--as-of` is `--as-of`
    // today, and only the first line says which was asked.
    let today = args.as_of.today();
    let view = AsOfArgs::view(&loaded.records, today);
    let view_index = view.as_ref().map(Index::new);
    let (records, records_index) = match (&view, &view_index) {
        (Some(view), Some(view_index)) => (view, view_index),
        _ => (&loaded.records, index),
    };
    let stated = args.as_of.as_of.is_some();
    let report = build_as_of(loaded, index, records, records_index, today, stated);
    let format = args.format.unwrap_or_else(|| {
        let file = args
            .output
            .as_deref()
            .filter(|path| path.as_os_str() != "-");
        file.and_then(DocFormat::of_file).unwrap_or_default()
    });
    let text = format.escape(&match format {
        DocFormat::Markdown => markdown::render(&report),
        DocFormat::Html => html::render(&report),
    });
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            write_atomic(path, &text, &loaded.records.root, out)?;
        }
        _ => write!(out, "{text}")?,
    }
    Ok(EXIT_OK)
}
