//! One output layer for every listing command (`actions`, `mods`,
//! `meetings`, `people`, `organisations`): a query builds a [`Listing`],
//! and [`render`] writes it as a terminal table, JSON, CSV or Markdown.
//!
//! The JSON field names and CSV column names are the [`Column::key`]s,
//! documented per command in `docs/output.md`; they are part of the
//! interface and do not change between releases.

pub(crate) mod csv;
pub mod file;
pub(crate) mod html;
pub(crate) mod json;
pub mod json_schema;
pub(crate) mod markdown;
pub mod table;

use chrono::NaiveDate;

use table::{TableStyle, listing_table};

/// An output format of the listing commands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// A table for people, fitted to the terminal's width.
    #[default]
    Table,
    /// One JSON object, `{"version": 1, "rows": [...]}`: one object per
    /// row, keyed by field name.
    Json,
    /// CSV with a header line of field names; safe to open in a spreadsheet.
    Csv,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

/// One cell of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text from the records (escaped or neutralised by each format).
    Text(String),
    /// A count or number; stays a number in JSON and CSV.
    Int(i64),
    /// A calendar date, written `YYYY-MM-DD`.
    Date(NaiveDate),
    /// A yes/no value.
    Bool(bool),
    /// Several IDs or words (a JSON array; joined elsewhere).
    List(Vec<String>),
    /// No value (JSON `null`, an empty CSV cell, `-` in tables).
    Null,
}

impl Value {
    /// Text, or [`Value::Null`] when absent.
    pub(crate) fn opt_text(text: Option<&str>) -> Value {
        text.map_or(Value::Null, |t| Value::Text(t.to_owned()))
    }

    /// A date, or [`Value::Null`] when absent.
    pub(crate) fn opt_date(date: Option<NaiveDate>) -> Value {
        date.map_or(Value::Null, Value::Date)
    }

    /// An agenda item number: a number when it is a plain one (`2`), else
    /// its text as written (`2a`).
    pub(crate) fn item(number: &crate::model::ItemNumber) -> Value {
        match number.as_integer() {
            Some(n) => Value::Int(i64::from(n)),
            None => Value::Text(number.as_str().to_owned()),
        }
    }

    /// A count.
    pub(crate) fn count(n: usize) -> Value {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// The cell as display text, lists joined with `sep`; `None` for
    /// [`Value::Null`].
    pub(crate) fn display(&self, sep: &str) -> Option<String> {
        match self {
            Value::Text(t) => Some(t.trim_end().to_owned()),
            Value::Int(n) => Some(n.to_string()),
            Value::Date(d) => Some(d.to_string()),
            Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_owned()),
            Value::List(items) => Some(items.join(sep)),
            Value::Null => None,
        }
    }
}

/// A column: its stable machine name and its human header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Column {
    /// JSON field name and CSV column name, `snake_case`.
    pub(crate) key: &'static str,
    /// Header in tables and Markdown.
    pub(crate) header: &'static str,
}

/// Rows of cells under named columns: what every listing command prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The columns, in display order.
    pub(crate) columns: Vec<Column>,
    /// The rows; each has one value per column.
    pub rows: Vec<Vec<Value>>,
    /// Keys of columns that JSON and CSV carry but tables, Markdown and
    /// HTML leave out to stay readable in 80 columns.
    pub(crate) machine_only: Vec<&'static str>,
    /// Keys of columns that only tables, Markdown and HTML show: a
    /// combination of machine columns made for reading (for example the
    /// raising meeting and its date in one cell).
    pub(crate) human_only: Vec<&'static str>,
}

impl Listing {
    /// An empty listing with these `(key, header)` columns.
    pub(crate) fn new(columns: &[(&'static str, &'static str)]) -> Listing {
        Listing {
            columns: columns
                .iter()
                .map(|&(key, header)| Column { key, header })
                .collect(),
            rows: Vec::new(),
            machine_only: Vec::new(),
            human_only: Vec::new(),
        }
    }

    /// Marks columns as carried by JSON and CSV only.
    pub(crate) fn machine_only(mut self, keys: &[&'static str]) -> Listing {
        self.machine_only = keys.to_vec();
        self
    }

    /// Marks columns as shown to people only (tables, Markdown, HTML).
    pub(crate) fn human_only(mut self, keys: &[&'static str]) -> Listing {
        self.human_only = keys.to_vec();
        self
    }

    /// The listing without its machine-only columns: what people read.
    pub(crate) fn human_view(&self) -> Listing {
        self.without(&self.machine_only)
    }

    /// The listing without its human-only columns: what JSON and CSV carry.
    pub(crate) fn machine_view(&self) -> Listing {
        self.without(&self.human_only)
    }

    fn without(&self, dropped: &[&'static str]) -> Listing {
        let keep: Vec<bool> = self
            .columns
            .iter()
            .map(|c| !dropped.contains(&c.key))
            .collect();
        let pick = |cells: &[Value]| -> Vec<Value> {
            cells
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| v.clone())
                .collect()
        };
        Listing {
            columns: self
                .columns
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(c, _)| *c)
                .collect(),
            rows: self.rows.iter().map(|r| pick(r)).collect(),
            machine_only: Vec::new(),
            human_only: Vec::new(),
        }
    }

    /// Adds a row.
    ///
    /// # Panics
    /// When the row does not have one value per column (a programming
    /// error).
    pub(crate) fn push(&mut self, row: Vec<Value>) {
        assert_eq!(row.len(), self.columns.len(), "one value per column");
        self.rows.push(row);
    }
}

/// Renders `listing` in `format`. `style` only matters for
/// [`Format::Table`]. The result ends with a newline.
pub fn render(listing: &Listing, format: Format, style: TableStyle) -> String {
    let mut text = match format {
        Format::Table => listing_table(&listing.human_view(), style),
        Format::Json => json::listing(&listing.machine_view()),
        Format::Csv => csv::listing(&listing.machine_view()),
        Format::Markdown => markdown::listing(&listing.human_view()),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
