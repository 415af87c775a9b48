//! What "today" is, and when a date-only due date is overdue.
//!
//! Records hold due dates as plain calendar dates (`due: 2016-07-14`), with
//! no time and no time zone. `tsc` reads them by this rule:
//!
//! - an action is **due** for the whole of its due date, from the day's
//!   first minute (00:00) to its last (23:59);
//! - it is **overdue** from the first minute of the next day on, that is
//!   when `today > due`;
//! - "today" is the calendar date of the current instant in the time zone
//!   of the person asking (the system's local time zone), unless
//!   `--as-of DATE` names the day explicitly.
//!
//! So an action due on 2016-07-14 is not overdue at 23:59 on the 14th in
//! London, and is overdue at 00:00 on the 15th; a user in Tokyo sees it
//! turn overdue nine hours before a user in UTC does, because their
//! calendar day starts earlier. [`today_in`] takes the instant and the
//! time zone as arguments so that this can be tested without a clock.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// The calendar date of `instant` in time zone `zone`.
///
/// `zone` may be [`chrono::Local`] (the system time zone, what the CLI
/// uses), a [`chrono::FixedOffset`], or a `chrono_tz::Tz`.
pub fn today_in<Tz: TimeZone>(instant: DateTime<Utc>, zone: &Tz) -> NaiveDate {
    instant.with_timezone(zone).date_naive()
}

/// Today in the system's local time zone, from the system clock.
pub fn local_today() -> NaiveDate {
    today_in(Utc::now(), &chrono::Local)
}

/// Whether an action due on `due` is overdue on `today`: true from the day
/// after the due date on, never on the due date itself.
pub fn is_overdue(due: NaiveDate, today: NaiveDate) -> bool {
    today > due
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn due_date_is_not_overdue_on_the_day_itself() {
        let due = date("2016-07-14");
        assert!(!is_overdue(due, date("2016-07-13")));
        assert!(!is_overdue(due, date("2016-07-14")));
        assert!(is_overdue(due, date("2016-07-15")));
    }

    #[test]
    fn today_follows_the_offset_not_utc() {
        // 2016-07-14T20:00Z is already the 15th in UTC+09:00.
        let instant: DateTime<Utc> = "2016-07-14T20:00:00Z".parse().unwrap();
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        let new_york = FixedOffset::west_opt(4 * 3600).unwrap();
        assert_eq!(today_in(instant, &tokyo), date("2016-07-15"));
        assert_eq!(today_in(instant, &new_york), date("2016-07-14"));
        assert_eq!(today_in(instant, &Utc), date("2016-07-14"));
    }
}
