//! `tsc actions`.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use tsc::actions::{ActionQuery, ActionSort, listing, query_actions};
use tsc::index::Index;
use tsc::load::Loaded;
use tsc::suggest::closest;

use super::output::{AsOfArgs, OutputArgs, parse_date};
use super::{EXIT_OK, warn_if_invalid};

/// The order of `tsc actions`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub(crate) enum SortKey {
    /// By ID in natural order: A7/2 before A7/10 before A7/100.
    #[default]
    Id,
    /// By due date, earliest first; no due date last; ties by ID.
    Due,
}

/// Arguments of `tsc actions`.
#[derive(Debug, Args)]
#[command(after_help = "\
Filters combine: an action is listed when it passes all of them.

Dates: a due date is a whole day. An open action due on 2016-07-14 is
due all of that day and overdue from 2016-07-15 on. \"Today\" is the date
in the system's time zone unless --as-of names it. With --as-of, the
actions are as they stood at the end of that day, as `tsc report --as-of`
counts them: none raised at a later meeting, no later update, and the
status those updates left.

Examples:
  tsc actions --open
  tsc actions --owner NWP --sort due
  tsc actions --overdue --as-of 2024-03-02
  tsc actions --open --format json | jq '.rows[].id'
  tsc actions --meeting PANEL_69_1409 --format csv > actions.csv")]
pub(crate) struct ActionsArgs {
    /// Only actions whose status counts as open in tsc.yaml.
    #[arg(long)]
    pub open: bool,
    /// Only actions with this status (e.g. open, on-target, closed).
    #[arg(long, value_name = "S", add = super::complete::action_statuses())]
    pub status: Option<String>,
    /// Only actions owned by this organisation or person ID (e.g. NWP),
    /// matched exactly; an ID no record defines is a warning, not an error.
    #[arg(long, value_name = "ORG|PERSON", add = super::complete::owner_ids())]
    pub owner: Option<String>,
    /// Only actions raised at this meeting (e.g. PANEL_69_1409); an ID no
    /// meeting has is a warning, not an error.
    #[arg(long, value_name = "ID", add = super::complete::meeting_ids())]
    pub meeting: Option<String>,
    /// Only open actions whose due date has passed.
    #[arg(long)]
    pub overdue: bool,
    /// Only actions due before this date (YYYY-MM-DD; undated ones never).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due_before: Option<NaiveDate>,
    /// Sort order.
    #[arg(long, value_enum, default_value_t = SortKey::Id)]
    pub sort: SortKey,
    #[command(flatten)]
    pub as_of: AsOfArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Warns that `what` has the ID `id`, suggesting the closest of `ids`.
fn warn_unknown<'a>(what: &str, id: &str, ids: impl Iterator<Item = &'a str> + Clone) {
    let hint = closest(id, ids)
        .map(|c| format!("; {}", tsc::suggest::did_you_mean(id, c)))
        .unwrap_or_default();
    super::say(&format!("tsc: warning: {what} has the ID `{id}`{hint}"));
}

/// Prints the action log.
pub(crate) fn run(
    args: &ActionsArgs,
    loaded: &Loaded,
    index: &Index<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    warn_if_invalid(loaded);
    let records = &loaded.records;
    // An unknown owner or meeting is a warning, not a usage error: the
    // table lists every action's owner and raising meeting as written,
    // known or not (`tsc validate` reports an unknown one, E0103), so one
    // only the actions name can still be filtered on. IDs match exactly,
    // as `tsc validate` and the other tables match them (`secas` is not
    // `SECAS`); letter case only counts for the suggestion.
    if let Some(owner) = &args.owner
        && !index.owner_ids().any(|id| id == owner)
    {
        warn_unknown("no person or organisation", owner, index.owner_ids());
    }
    if let Some(meeting) = &args.meeting
        && index.meeting(meeting).is_none()
    {
        warn_unknown("no meeting", meeting, index.meeting_ids());
    }
    if let Some(status) = &args.status {
        let statuses = records.settings.vocabularies.action_statuses.iter();
        super::require_known(
            status,
            statuses.map(tsc::settings::Term::id),
            "action status",
        )?;
    }
    let today = args.as_of.today();
    let query = ActionQuery {
        open_only: args.open,
        status: args.status.clone(),
        owner: args.owner.clone(),
        meeting: args.meeting.clone(),
        overdue_only: args.overdue,
        due_before: args.due_before,
        today,
        sort: match args.sort {
            SortKey::Id => ActionSort::Id,
            SortKey::Due => ActionSort::Due,
        },
    };
    // The actions as they stood at the end of `--as-of` or today (the
    // view `tsc report` counts): none raised later, no later update, and
    // the state those updates left.
    let view = AsOfArgs::view(records, today);
    let view_index = view.as_ref().map(Index::new);
    let index = view_index.as_ref().unwrap_or(index);
    let rows = query_actions(index, &query);
    args.output
        .print(&listing(&rows), "no actions match", out)?;
    Ok(EXIT_OK)
}
