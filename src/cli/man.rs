//! `tsc man`: tsc(1) and one page per command, rendered by clap_mangen
//! with our own synopsis (value names included: `[--owner ORG|PERSON]`)
//! and the sections clap cannot know: EXIT STATUS, ENVIRONMENT and FILES.

use std::io::Write;
use std::path::{Path, PathBuf};

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
pub(crate) struct ManArgs {
    /// Write tsc.1 and one page per command (tsc-validate.1,
    /// tsc-actions.1, ...) into DIR instead of printing tsc.1.
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub out_dir: Option<PathBuf>,
}

/// The sections every page ends with (roff).
const TAIL: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success.
.TP
\fB1\fR
\fBtsc validate\fR found errors (or warnings, with \fB\-\-deny warnings\fR).
.TP
\fB2\fR
A usage error (bad arguments, an unknown ID given to a filter), an I/O error
(records directory missing, unreadable or not a records directory), or an
internal error (a bug; the one\-line message names the file being processed).
.PP
When the reader of standard output goes away (\fBtsc actions | head \-1\fR),
tsc stops quietly with the status the command would have returned.
.SH ENVIRONMENT
.TP
\fBTSC_RECORDS\fR
The records directory, when \fB\-\-records\fR is not given.
.TP
\fBTSC_CACHE_DIR\fR
The root of the parse cache, when \fB\-\-cache\-dir\fR is not given.
.TP
\fBTSC_CACHE_STATS\fR
When set and not empty, each load prints one line on how it used the cache,
and a validate answered from its memo says so.
.TP
\fBNO_COLOR\fR
When set and not empty, no styling (unless \fB\-\-color always\fR).
.TP
\fBCLICOLOR\fR
\fB0\fR turns styling off on a terminal.
.TP
\fBCLICOLOR_FORCE\fR
When set and not \fB0\fR, styling even when output is not a terminal.
.TP
\fBTERM\fR
\fBdumb\fR means a terminal without colour.
.TP
\fBTZ\fR
The time zone whose date is "today" (overdue actions), unless \fB\-\-as\-of\fR.
.TP
\fBCOMPLETE\fR
Set by the completion script (\fBtsc completions\fR) when the shell asks tsc
for candidates; not for use by hand.
.TP
\fBTSC_PANIC_DETAILS\fR
\fB1\fR prints the full report of an internal error, for developers.
.SH FILES
.TP
\fIrecords/\fR
The nearest directory of that name at or above the current directory (or the
current directory itself, inside it), unless \fB\-\-records\fR or
\fBTSC_RECORDS\fR names one. It must hold at least one of the entries below.
.TP
\fIrecords/tsc.yaml\fR
The committee's name, ID patterns, vocabularies and allowed rules.
.TP
\fIrecords/people.yaml\fR, \fIrecords/organisations.yaml\fR, \fIrecords/principles.yaml\fR
The registers.
.TP
\fIrecords/meetings/*.yaml\fR, \fIrecords/actions/*.yaml\fR, \fIrecords/modifications/*.yaml\fR
One record per file; see docs/records.md.
.TP
\fI~/.cache/tsc/\fR
The parse cache (the user cache directory; \fB\-\-cache\-dir\fR or
\fBTSC_CACHE_DIR\fR names another): one folder per records directory, holding
\fIparse\-00.pack\fR to \fIparse\-3f.pack\fR (parsed records by content hash),
\fIvalidate.memo\fR (the last \fBtsc validate\fR answer) and \fIrecords\fR (the
records directory it is for; folders of records directories that are gone
are removed). Safe to delete at any time.
.PP
tsc never writes under the records directory.
"#;

/// Escapes text for roff: backslashes and hyphens.
fn roff(text: &str) -> String {
    text.replace('\\', "\\\\").replace('-', "\\-")
}

/// The synopsis of `command`: its options with their value names, then
/// its positional arguments and subcommands.
fn synopsis(command: &clap::Command) -> String {
    let name = command.get_bin_name().unwrap_or(command.get_name());
    let mut line = format!("\\fB{}\\fR", roff(name));
    for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
        let values: Vec<String> = arg
            .get_value_names()
            .map(|names| {
                names
                    .iter()
                    .map(|n| format!(" \\fI{}\\fR", roff(n)))
                    .collect()
            })
            .unwrap_or_default();
        let takes_value = arg.get_action().takes_values();
        let value = if takes_value {
            values.first().cloned().unwrap_or_else(|| {
                format!(
                    " \\fI{}\\fR",
                    roff(&arg.get_id().to_string().to_uppercase())
                )
            })
        } else {
            String::new()
        };
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR|\\fB\\-\\-{}\\fR", roff(l)),
            (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", roff(l)),
            (Some(s), None) => format!("\\fB\\-{s}\\fR"),
            (None, None) => {
                let shown = value.trim().to_owned();
                if arg.is_required_set() {
                    line.push_str(&format!(" <{shown}>"));
                } else {
                    line.push_str(&format!(" [{shown}]"));
                }
                continue;
            }
        };
        if arg.is_required_set() {
            line.push_str(&format!(" {flag}{value}"));
        } else {
            line.push_str(&format!(" [{flag}{value}]"));
        }
    }
    if command.has_subcommands() {
        line.push_str(" <\\fIcommand\\fR>");
    }
    format!(".SH SYNOPSIS\n{line}\n")
}

/// One page: clap_mangen's sections, our synopsis and our tail.
fn page(command: &clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    out.write_all(synopsis(command).as_bytes())?;
    man.render_description_section(out)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(out)?;
    }
    if command.has_subcommands() {
        man.render_subcommands_section(out)?;
    }
    if command.get_after_long_help().is_some() || command.get_after_help().is_some() {
        man.render_extra_section(out)?;
    }
    out.write_all(TAIL.as_bytes())?;
    if command.get_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// Writes the page of `command` and of every subcommand into `dir`.
fn write_pages(command: &clap::Command, dir: &Path) -> std::io::Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    let name = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name());
    let mut text = Vec::new();
    page(command, &mut text)?;
    std::fs::write(dir.join(format!("{name}.1")), text)
}

/// Prints the tsc(1) man page (roff), or writes every page into a folder.
pub(crate) fn run(
    args: &ManArgs,
    command: clap::Command,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    // No `help` subcommand: there is no tsc-help(1) to refer to.
    let mut command = command.disable_help_subcommand(true);
    command.build();
    match &args.out_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            write_pages(&command, dir)
                .with_context(|| format!("cannot write the man pages into {}", dir.display()))?;
        }
        None => {
            let mut text = Vec::new();
            page(&command, &mut text)?;
            out.write_all(&text)?;
        }
    }
    Ok(EXIT_OK)
}
