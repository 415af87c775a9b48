//! `tsc schema`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use tsc::schema::{Kind, schema};

use super::EXIT_OK;

/// Arguments of `tsc schema`.
#[derive(Debug, Args)]
#[command(after_help = "\
Kinds: meeting, action, modification, people, organisations, principles, settings.

Examples:
  tsc schema                       list the kinds and the files each describes
  tsc schema action > action.schema.json
  tsc schema --out-dir schemas     write schemas/<kind>.schema.json for every kind

Point an editor at a schema with a first line like
  # yaml-language-server: $schema=../../schemas/action.schema.json
(see docs/records.md, \"Editors\").")]
pub struct SchemaArgs {
    /// The record file kind to print the schema of.
    #[arg(value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Write every kind's schema to DIR/<kind>.schema.json instead.
    #[arg(long, value_name = "DIR", conflicts_with = "kind")]
    pub out_dir: Option<PathBuf>,
}

fn parse_kind(name: &str) -> Result<Kind, String> {
    Kind::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        format!("no record kind `{name}`; kinds are {}", names.join(", "))
    })
}

fn pretty(kind: Kind) -> String {
    let mut text = serde_json::to_string_pretty(&schema(kind)).expect("schemas serialise");
    text.push('\n');
    text
}

/// Prints one schema, writes all of them, or lists the kinds.
pub fn run(args: &SchemaArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        for kind in Kind::ALL {
            let path = dir.join(format!("{}.schema.json", kind.name()));
            std::fs::write(&path, pretty(kind))
                .with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "{}", path.display())?;
        }
    } else if let Some(kind) = args.kind {
        out.write_all(pretty(kind).as_bytes())?;
    } else {
        writeln!(out, "{:<15}describes", "kind")?;
        for kind in Kind::ALL {
            writeln!(out, "{:<15}{}", kind.name(), kind.files())?;
        }
        writeln!(out, "\nprint one with `tsc schema KIND`")?;
    }
    Ok(EXIT_OK)
}
