//! The parse floor: the least work any validator of a records tree must
//! do. Reads every `.yaml` file under DIR, one after another on one
//! thread, and parses each into an untyped `serde_json::Value` with the
//! YAML crate `tsc` uses (serde-saphyr, with the loader's own options from
//! `tsc::yaml::options`: strict booleans, the limits), and nothing else: no
//! typed records, no spans kept, no checks.
//!
//! `scripts/bench.sh` times this against `tsc validate` on the same tree.
//!
//! ```text
//! cargo run --release --example parse_floor -- target/bench-data/M
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tsc::yaml::options;

/// Read and parse every .yaml file under DIR into untyped values, on one
/// thread, and print how many files and bytes that was.
#[derive(Debug, Parser)]
#[command(
    name = "parse_floor",
    after_help = "Example:\n  cargo run --release --example parse_floor -- target/bench-data/M"
)]
struct Args {
    /// The records directory to read.
    dir: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let (mut files, mut bytes, mut failed) = (0usize, 0usize, 0usize);
    let walker = walkdir::WalkDir::new(&args.dir).sort_by_file_name();
    for entry in walker.into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("parse_floor: cannot read {}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        files += 1;
        bytes += text.len();
        if let Err(e) = serde_saphyr::from_str_with_options::<serde_json::Value>(&text, options()) {
            eprintln!("parse_floor: {}: {e}", path.display());
            failed += 1;
        }
    }
    println!("parsed {files} files, {bytes} bytes; {failed} did not parse");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
