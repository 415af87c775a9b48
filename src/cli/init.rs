//! `tsc init [DIR]`: start the records of a committee.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use tsc::init::{self, Starter};
use tsc::validate::validate;
use tsc::write::Tree;

use super::write::{WriteArgs, finish};

/// Arguments of `tsc init`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  tsc init --short-name DWG --name \"Design Working Group\"        # ./records
  tsc init panel/records --short-name \"Review Panel\" --name \"Distribution Code Review Panel\" \\
      --id-prefix PANEL --modification-prefix DCP --dry-run")]
pub(crate) struct InitArgs {
    /// The new records directory (default: --records, else `records` in
    /// the current directory). It may exist, but must hold no records.
    #[arg(value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    dir: Option<PathBuf>,
    /// The committee's short name, as documents use it (`DWG`); also the
    /// start of its meeting and action IDs unless --id-prefix is given.
    #[arg(long, value_name = "NAME")]
    short_name: String,
    /// The committee's full name (`Design Working Group`).
    #[arg(long, value_name = "TEXT")]
    name: String,
    /// The body the committee reports to, if any.
    #[arg(long, value_name = "BODY")]
    parent: Option<String>,
    /// The start of meeting and action IDs: PREFIX_01_2601 and PREFIX01/01
    /// (default: the short name).
    #[arg(long, value_name = "PREFIX")]
    id_prefix: Option<String>,
    /// The start of modification proposal IDs, before four digits:
    /// PREFIX0001 (default: the ID prefix).
    #[arg(long, value_name = "PREFIX")]
    modification_prefix: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

/// Writes the starting records (or with `--dry-run` prints them), after
/// checking that they validate.
pub(crate) fn run(
    args: &InitArgs,
    records: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let root = args
        .dir
        .clone()
        .or_else(|| records.map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("records"));
    let starter = Starter {
        short_name: args.short_name.clone(),
        name: args.name.clone(),
        parent: args.parent.clone(),
        id_prefix: args.id_prefix.clone(),
        modification_prefix: args.modification_prefix.clone(),
    };
    let init = init::plan(&root, &starter, tsc::today::local_today())?;
    let tree = Tree::empty(&root);
    let before = validate(&tree.load());
    finish(
        &init.plan,
        &tree,
        &before,
        &root,
        &args.write,
        &init.folders,
        out,
        || init.commit(&root),
    )
}
