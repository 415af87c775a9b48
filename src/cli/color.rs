//! `--color WHEN`, for every command: the one place `tsc` decides whether
//! to style what it prints.
//!
//! The decision is anstream's: with `auto`, `NO_COLOR` turns styling
//! off, `CLICOLOR_FORCE` turns it on, `CLICOLOR=0` turns it off, and
//! otherwise standard output must be a terminal that supports colour
//! (not `TERM=dumb`). `always` and `never` override all of them.

use clap::ValueEnum;

/// `--color`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub(crate) enum ColorArg {
    /// Style output on a colour terminal, following NO_COLOR, CLICOLOR,
    /// CLICOLOR_FORCE and TERM.
    #[default]
    Auto,
    /// Always style.
    Always,
    /// Never style.
    Never,
}

/// Makes `when` the choice every later [`styled`] call follows.
pub(crate) fn set(when: ColorArg) {
    anstream::ColorChoice::write_global(match when {
        ColorArg::Auto => anstream::ColorChoice::Auto,
        ColorArg::Always => anstream::ColorChoice::Always,
        ColorArg::Never => anstream::ColorChoice::Never,
    });
}

/// Whether what is written to standard output is styled.
pub(crate) fn styled() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}
