//! One load of a records tree at a git revision, as `tsc diff` does for
//! each of its two sides (`tsc::git::load_records`: `git ls-tree`, one
//! `git cat-file --batch`, the in-memory loader), and nothing else.
//!
//! `scripts/bench.sh` times `tsc diff REV_A REV_B` against two of these:
//! the diff itself should cost little beyond its two loads.
//!
//! ```text
//! cargo run --release --example git_load -- target/bench-data/M-git/records HEAD
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tsc::git::{Revision, load_records};

/// Load the records directory DIR as git revision REV holds it, and print
/// how many files that was.
#[derive(Debug, Parser)]
#[command(name = "git_load")]
struct Args {
    /// The records directory (in a git work tree).
    dir: PathBuf,
    /// The revision to read.
    rev: String,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let cwd = std::env::current_dir().expect("the current directory");
    match load_records(&cwd, Some(&args.dir), Revision::Tree(&args.rev)) {
        Ok(tree) => {
            println!("{} files", tree.files.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("git_load: {error:#}");
            ExitCode::from(2)
        }
    }
}
