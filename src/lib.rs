//! `tsc` keeps a technical committee's records (meetings, actions,
//! modification proposals, and the people, organisations and principles
//! they refer to) as YAML files, checks them, and answers questions about
//! them.
//!
//! The library does all the work and never prints; the `tsc` binary parses
//! arguments, prints and chooses the exit status.
//!
//! - [`records::find_records_dir`] and [`records::load`] read a records
//!   directory into [`records::Records`] plus load [`finding::Finding`]s.
//! - [`validate::validate`] adds the cross-record checks.
//! - [`source::Sources`] keeps every file's text; records and findings
//!   point into it with [`source::Span`]s.
//! - [`index::Index`], built once per run, maps IDs to records and holds
//!   the cross-record lookups every command needs.
//! - [`actions::query_actions`] answers "which actions are open?", and
//!   [`output::table`] draws the answer.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod actions;
pub mod cache;
pub mod chart;
pub mod columns;
pub mod diagnostics;
pub mod diff;
pub mod edit;
pub mod error;
pub mod escape;
pub mod explain;
pub mod finding;
pub mod git;
pub mod history;
pub mod ids;
pub mod index;
pub mod kind;
pub mod meetings;
pub mod minutes;
pub mod model;
pub mod numbering;
pub mod output;
pub mod participation;
pub mod processing;
pub mod records;
pub mod register;
pub mod report;
pub mod schema;
pub mod settings;
pub mod shape;
pub mod show;
pub(crate) mod shrink;
pub mod source;
pub mod stubs;
pub mod suggest;
pub mod template;
pub mod terminal;
pub mod today;
pub mod unicode;
pub mod validate;
pub mod wrap;
pub mod write;
pub mod yaml;
