//! `tsc` keeps a technical committee's records (meetings, actions,
//! modification proposals, and the people, organisations and principles
//! they refer to) as YAML files, checks them, and answers questions about
//! them.
//!
//! The library does all the work and never prints; the `tsc` binary parses
//! arguments, prints and chooses the exit status.
//!
//! - [`load::find_records_dir`] and [`load::load`] read a records
//!   directory into [`load::Records`] plus load [`finding::Finding`]s.
//! - [`validate::validate`] adds the cross-record checks.
//! - `source::Sources` keeps every file's text; records and findings
//!   point into it with `source::Span`s.
//! - [`index::Index`], built once per run, maps IDs to records and holds
//!   the cross-record lookups every command needs.
//! - [`actions::query_actions`] answers "which actions are open?", and
//!   [`output::table`] draws the answer.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod actions;
pub mod cache;
pub(crate) mod chart;
pub(crate) mod columns;
pub mod diagnostics;
pub mod diff;
pub(crate) mod ecma_regex;
pub(crate) mod edit;
pub mod error;
pub mod escape;
pub mod explain;
pub mod finding;
pub mod git;
pub mod history;
pub(crate) mod ids;
pub mod index;
pub mod init;
pub(crate) mod kind;
pub mod load;
pub mod meetings;
pub mod minutes;
pub mod model;
pub(crate) mod numbering;
pub mod output;
pub mod participation;
pub mod processing;
pub mod register;
pub mod report;
pub mod schema;
pub mod settings;
pub(crate) mod shape;
pub mod show;
pub(crate) mod shrink;
pub(crate) mod source;
pub(crate) mod stubs;
pub mod suggest;
pub(crate) mod template;
pub mod terminal;
pub(crate) mod text;
pub mod today;
pub(crate) mod unicode;
pub mod validate;
pub mod wrap;
pub mod write;
pub mod yaml;
