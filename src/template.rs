//! ID templates: how `tsc` makes a new record's ID from numbers such as
//! the meeting's number and date or an action's sequence number.
//!
//! A template is text with placeholders: `{name}` writes the number as
//! is, `{name:02}` pads it with zeros to two digits; `{{` and `}}` write a
//! brace. TSC's defaults are `TSC_{number:02}_{yy}{mm}` for meetings and
//! `TSC{meeting_number:02}/{seq:02}` for actions. A template is one
//! string, so a committee (or, later, each kind of meeting) can have its
//! own; [`Fields`] names the numbers a template may use.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// The numbers a template may use, by placeholder name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fields(Vec<(&'static str, u64)>);

impl Fields {
    /// The fields of a meeting: `number`, and its date as `yyyy`, `yy`,
    /// `mm` and `dd`.
    pub(crate) fn meeting(number: u32, date: NaiveDate) -> Fields {
        let mut fields = Fields(vec![("number", u64::from(number))]);
        fields.add_date(date);
        fields
    }

    /// The fields of an action: `meeting_number` and the raising
    /// meeting's date (`yyyy`, `yy`, `mm`, `dd`), and `seq`, the action's
    /// place among that meeting's actions (1 for the first).
    pub(crate) fn action(meeting_number: u32, date: NaiveDate, seq: u32) -> Fields {
        let mut fields = Fields(vec![
            ("meeting_number", u64::from(meeting_number)),
            ("seq", u64::from(seq)),
        ]);
        fields.add_date(date);
        fields
    }

    fn add_date(&mut self, date: NaiveDate) {
        let year = u64::try_from(date.year()).unwrap_or(0);
        self.0.extend([
            ("yyyy", year),
            ("yy", year % 100),
            ("mm", u64::from(date.month())),
            ("dd", u64::from(date.day())),
        ]);
    }

    /// The names of the fields, for messages.
    pub(crate) fn names(&self) -> Vec<&'static str> {
        self.0.iter().map(|(n, _)| *n).collect()
    }

    fn get(&self, name: &str) -> Option<u64> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

/// Why a template could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TemplateError {
    /// `{name}` names no field; the fields that exist are listed.
    UnknownField(String, Vec<&'static str>),
    /// A `{` without its `}`, a lone `}`, or a bad width after `:`.
    Syntax(String),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::UnknownField(name, known) => write!(
                f,
                "`{{{name}}}` is not a field; the fields are {}",
                known.join(", ")
            ),
            TemplateError::Syntax(what) => f.write_str(what),
        }
    }
}

/// Renders `template` with `fields`, for example `TSC_{number:02}_{yy}{mm}`
/// with meeting 8 of 2016-07-21 gives `TSC_08_1607`. Two digits are always
/// written for `yy`, `mm` and `dd`, as dates are.
///
/// # Errors
/// [`TemplateError`] for an unknown placeholder or a malformed one.
pub(crate) fn render(template: &str, fields: &Fields) -> Result<String, TemplateError> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            return Err(TemplateError::Syntax(
                "a `}` without its `{` (write `}}` for a brace)".into(),
            ));
        }
        let close = tail.find('}').ok_or_else(|| {
            TemplateError::Syntax("a `{` without its `}` (write `{{` for a brace)".into())
        })?;
        let inner = &tail[1..close];
        let (name, width) = match inner.split_once(':') {
            Some((name, spec)) => {
                let width = spec.trim_start_matches('0');
                let width = if width.is_empty() { spec } else { width };
                let width: usize = width.parse().map_err(|_| {
                    TemplateError::Syntax(format!(
                        "`{{{inner}}}`: after `:` write a width such as `02`"
                    ))
                })?;
                (name, width)
            }
            None => (inner, 0),
        };
        let value = fields
            .get(name)
            .ok_or_else(|| TemplateError::UnknownField(name.to_owned(), fields.names()))?;
        let width = if matches!(name, "yy" | "mm" | "dd") {
            width.max(2)
        } else {
            width
        };
        out.push_str(&format!("{value:0width$}"));
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn tsc_defaults_make_tsc_ids() {
        let m = Fields::meeting(8, day("2016-07-21"));
        assert_eq!(
            render("TSC_{number:02}_{yy}{mm}", &m).unwrap(),
            "TSC_08_1607"
        );
        let a = Fields::action(8, day("2016-07-21"), 1);
        assert_eq!(
            render("TSC{meeting_number:02}/{seq:02}", &a).unwrap(),
            "TSC08/01"
        );
        let a = Fields::action(123, day("2016-07-21"), 100);
        assert_eq!(
            render("TSC{meeting_number:02}/{seq:02}", &a).unwrap(),
            "TSC123/100"
        );
    }

    #[test]
    fn braces_and_errors() {
        let m = Fields::meeting(8, day("2016-07-01"));
        assert_eq!(render("{{{yyyy}-{dd}}}", &m).unwrap(), "{2016-01}");
        assert_eq!(
            render("M{n}", &m).unwrap_err().to_string(),
            "`{n}` is not a field; the fields are number, yyyy, yy, mm, dd"
        );
        assert!(matches!(
            render("M{number", &m),
            Err(TemplateError::Syntax(_))
        ));
        assert!(matches!(
            render("M{number:x}", &m),
            Err(TemplateError::Syntax(_))
        ));
    }
}
