//! The cache floor: what a warm `tsc validate` cannot avoid. Walks the
//! tree in path order, then reads every `.yaml` file and hashes its bytes
//! with BLAKE3 (the parse cache's content hash) on every core, as the
//! loader does before it looks anything up, and nothing else: no parse,
//! no cache look-up, no checks.
//!
//! `scripts/bench.sh` times this against warm runs of `tsc validate`.
//!
//! ```text
//! cargo run --release --example hash_floor -- target/bench-data/M
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use rayon::prelude::*;

/// Walk DIR, read and hash every .yaml file in it, and print how many
/// files and bytes that was.
#[derive(Debug, Parser)]
#[command(
    name = "hash_floor",
    after_help = "Example:\n  cargo run --release --example hash_floor -- target/bench-data/M"
)]
struct Args {
    /// The records directory to read.
    dir: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&args.dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    let read: Result<Vec<(usize, [u8; 32])>, String> = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((bytes.len(), tsc::cache::hash_bytes(&bytes)))
        })
        .collect();
    match read {
        Ok(hashes) => {
            let bytes: usize = hashes.iter().map(|(n, _)| n).sum();
            let xor = hashes.iter().fold(0u8, |x, (_, h)| x ^ h[0]);
            println!(
                "hashed {} files, {bytes} bytes (xor {xor:02x})",
                hashes.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hash_floor: cannot read {e}");
            ExitCode::from(2)
        }
    }
}
