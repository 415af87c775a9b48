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
//! - [`actions::query_actions`] answers "which actions are open?", and
//!   [`table`] draws the answer.

pub mod actions;
pub mod cache;
pub mod chart;
pub mod columns;
pub mod diagnostics;
pub mod escape;
pub mod explain;
pub mod finding;
pub mod git;
pub mod ids;
pub mod kind;
pub mod lookup;
pub mod meetings;
pub mod minutes;
pub mod model;
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
pub mod spanned;
pub mod suggest;
pub mod table;
pub mod terminal;
pub mod today;
pub mod unicode;
pub mod validate;
pub mod wrap;
pub mod yaml;
