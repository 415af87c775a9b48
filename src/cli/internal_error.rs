//! What the user sees when `tsc` has a bug: one line on standard error
//! naming the file being processed and asking for a report, then exit
//! status 2 (`main` catches the unwinding panic). Rust's default panic
//! message and backtrace hint are replaced, since they speak to the
//! developer, not the user; set `TSC_PANIC_DETAILS=1` to get them back
//! (the `RUST_BACKTRACE` setting then applies as usual).

use std::panic::PanicHookInfo;

/// The environment variable that, set to `1`, makes an internal error
/// print Rust's own panic message (and backtrace, per `RUST_BACKTRACE`)
/// after the one-line report.
pub(crate) const DETAILS_ENV: &str = "TSC_PANIC_DETAILS";

/// Replaces the default panic hook with the one-line report.
pub(crate) fn install_hook() {
    let default = std::panic::take_hook();
    let developer = std::env::var_os(DETAILS_ENV).is_some_and(|v| v == "1");
    std::panic::set_hook(Box::new(move |info| {
        super::say(&report_line(info));
        if developer {
            default(info);
        }
    }));
}

fn report_line(info: &PanicHookInfo<'_>) -> String {
    let what = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_owned());
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    let file = match tsc::processing::current_file() {
        Some(file) => format!(" while processing {}", tsc::escape::path(&file)),
        None => String::new(),
    };
    format!(
        "tsc: internal error{file}: {what}{at}; this is a bug in tsc, please report it \
         to the tsc maintainers, with that file if you can"
    )
    .replace('\n', " ")
}
