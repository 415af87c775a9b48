//! `tsc schema`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use tsc::output::json_schema::{OutputKind, output_schema};
use tsc::schema::{Kind, committee_schema, schema};
use tsc::settings::Settings;

use super::EXIT_OK;

/// Arguments of `tsc schema`.
#[derive(Debug, Args)]
#[command(after_help = "\
Kinds: meeting, action, modification, people, organisations, principles, settings.
Outputs (--output): validate, actions, mods, meetings, people, organisations.

Run in a records tree (or with --records), the record schemas carry the
committee's vocabularies from tsc.yaml as enums and its ID patterns.

Examples:
  tsc schema                       list the kinds and the files each describes
  tsc schema action > action.schema.json
  tsc schema --out-dir schemas     write schemas/<kind>.schema.json for every kind
  tsc schema --output actions      the schema of `tsc actions --format json`

Point an editor at a schema with a first line like
  # yaml-language-server: $schema=../../schemas/action.schema.json
(see docs/records.md, \"Editors\").")]
pub(crate) struct SchemaArgs {
    /// The record file kind to print the schema of.
    #[arg(value_name = "KIND", value_parser = parse_kind, add = kind_completer())]
    pub kind: Option<Kind>,
    /// Print the schema of a command's JSON output instead.
    #[arg(long, value_name = "OUTPUT", value_enum, conflicts_with = "kind")]
    pub output: Option<OutputKind>,
    /// Write every kind's schema to DIR/<kind>.schema.json, and every JSON
    /// output's to DIR/<output>.output.schema.json, instead.
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath, conflicts_with_all = ["kind", "output"])]
    pub out_dir: Option<PathBuf>,
}

fn kind_completer() -> clap_complete::engine::ArgValueCandidates {
    clap_complete::engine::ArgValueCandidates::new(|| {
        Kind::ALL
            .iter()
            .map(|k| {
                clap_complete::engine::CompletionCandidate::new(k.name())
                    .help(Some(k.files().into()))
            })
            .collect::<Vec<_>>()
    })
}

fn parse_kind(name: &str) -> Result<Kind, String> {
    Kind::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        let mut message = format!("no record kind `{name}`; kinds are {}", names.join(", "));
        // `actions` is the kind `action`, or the output of `tsc actions`.
        if let Some(kind) = tsc::suggest::closest(name, names.iter().copied()) {
            message.push_str(&format!("; {}", tsc::suggest::did_you_mean(name, kind)));
        }
        if <OutputKind as clap::ValueEnum>::from_str(name, true).is_ok() {
            message.push_str(&format!(
                " (the schema of `tsc {name} --format json` is `tsc schema --output {name}`)"
            ));
        }
        message
    })
}

fn pretty(schema: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("schemas serialise");
    text.push('\n');
    text
}

/// The settings of the records tree `tsc` would read, if there is one:
/// `None` outside a records tree. A `tsc.yaml` that does not parse is an
/// error, so that an editor is not handed a schema of the defaults.
fn committee(records: Option<&Path>) -> anyhow::Result<Option<Settings>> {
    let root = match super::records_dir(records) {
        Ok(root) => root,
        Err(_) if records.is_none() => return Ok(None),
        Err(error) => return Err(error),
    };
    let path = root.join(Kind::Settings.entry());
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Some(Settings::default()));
    };
    Settings::parse(&text, &path).map(Some).map_err(|finding| {
        anyhow::anyhow!(
            "{}: {}; run `tsc validate`",
            path.display(),
            finding.message
        )
    })
}

/// Prints one schema, writes all of them, or lists the kinds.
pub(crate) fn run(
    args: &SchemaArgs,
    records: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let record_schema = |kind: Kind, settings: &Option<Settings>| match settings {
        Some(settings) => committee_schema(kind, settings),
        None => schema(kind),
    };
    if let Some(dir) = &args.out_dir {
        let settings = committee(records)?;
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut files: Vec<(String, serde_json::Value)> = Kind::ALL
            .iter()
            .map(|&k| {
                (
                    format!("{}.schema.json", k.name()),
                    record_schema(k, &settings),
                )
            })
            .collect();
        for kind in <OutputKind as clap::ValueEnum>::value_variants() {
            files.push((
                format!("{}.output.schema.json", kind.name()),
                output_schema(*kind),
            ));
        }
        for (name, schema) in files {
            let path = dir.join(name);
            std::fs::write(&path, pretty(&schema))
                .with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "{}", path.display())?;
        }
    } else if let Some(kind) = args.output {
        out.write_all(pretty(&output_schema(kind)).as_bytes())?;
    } else if let Some(kind) = args.kind {
        let settings = committee(records)?;
        out.write_all(pretty(&record_schema(kind, &settings)).as_bytes())?;
    } else {
        writeln!(out, "{:<15}describes", "kind")?;
        for kind in Kind::ALL {
            writeln!(out, "{:<15}{}", kind.name(), kind.files())?;
        }
        writeln!(out, "\nprint one with `tsc schema KIND`")?;
    }
    Ok(EXIT_OK)
}
