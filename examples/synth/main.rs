//! Writes a synthetic records tree shaped like the TSC minutes, for
//! benchmarks (`scripts/bench.sh`, `benches/records.rs`) and load tests.
//!
//! ```text
//! cargo run --release --example synth -- --meetings 1200 --out target/bench-data/M
//! ```
//!
//! The shape of the tree is described in `generate.rs`.

mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Write a synthetic, valid records tree of N meetings into DIR.
///
/// Per meeting: about 20 attendees and 3 apologies, 11 agenda items,
/// about 15 modification-proposal assessments and 3 to 5 actions (about
/// half closed at a later meeting). About one new proposal per meeting;
/// 80 people. The same --meetings and --seed always give the same bytes.
#[derive(Debug, Parser)]
#[command(
    name = "synth",
    after_help = "Examples:\n  \
        cargo run --release --example synth -- --meetings 120 --out /tmp/S\n  \
        cargo run --release --example synth -- --meetings 12000 --out /tmp/L --seed 7\n  \
        tsc validate --records /tmp/S"
)]
struct Args {
    /// How many meetings to write (1 to 36,524). Up to 1,200 are monthly
    /// from January 2000; more are held every 36,524/N days.
    #[arg(long, value_name = "N")]
    meetings: usize,
    /// The directory to write; it must not exist yet or be empty.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seed of the random choices.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match generate::generate(&args.out, args.meetings, args.seed) {
        Ok(c) => {
            println!(
                "wrote {} meetings, {} actions ({} closed), {} modification proposals, \
                 {} people to {} ({} files, {:.1} MB)",
                c.meetings,
                c.actions,
                c.closed_actions,
                c.modifications,
                c.people,
                args.out.display(),
                c.files,
                c.bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: error: {e}");
            ExitCode::from(2)
        }
    }
}
