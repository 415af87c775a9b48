//! Meetings known of but not recorded (stubs), and meetings whose date is
//! not known: such a meeting sorts, and its ID is checked, by the month
//! its ID names (the `yy` and `mm` captures of its ID pattern).

use chrono::NaiveDate;

use crate::load::Records;
use crate::model::Meeting;
use crate::settings::{CompiledPatterns, Settings};

/// The numbers `meeting`'s ID names by its pattern's captures `names`
/// (`PANEL_68_1408`: number 68, yy 14, mm 08), each `None` when the ID
/// does not match or the capture is absent or not a number.
fn id_numbers<const N: usize>(
    patterns: &CompiledPatterns,
    settings: &Settings,
    meeting: &Meeting,
    names: [&str; N],
) -> [Option<u32>; N] {
    let kind = meeting.kind.as_ref().map(|k| k.value.as_str());
    let regex = patterns.meeting_of(&settings.vocabularies, kind);
    let caps = regex.captures(&meeting.id.value);
    names.map(|name| caps.as_ref()?.name(name)?.as_str().parse::<u32>().ok())
}

/// The first day of the month `id` names by its pattern's `yy` and `mm`
/// captures (`PANEL_68_1408` is August 2014), when it names one.
pub(crate) fn id_month(
    patterns: &CompiledPatterns,
    settings: &Settings,
    meeting: &Meeting,
) -> Option<NaiveDate> {
    let [yy, mm] = id_numbers(patterns, settings, meeting, ["yy", "mm"]);
    NaiveDate::from_ymd_opt(2000 + i32::try_from(yy?).ok()?, mm?, 1)
}

/// The meeting number `meeting`'s ID names by its pattern's `number`
/// capture (`PANEL_68_1408` is meeting 68), when it names one.
pub(crate) fn id_number(
    patterns: &CompiledPatterns,
    settings: &Settings,
    meeting: &Meeting,
) -> Option<u32> {
    let [number] = id_numbers(patterns, settings, meeting, ["number"]);
    number
}

/// The number `meeting` goes by: its `number`, else the one its ID names
/// ([`id_number`]), as a stub or a meeting whose `number:` is left out is
/// numbered (its actions are numbered after it, and E0509 counts it).
pub(crate) fn number_or_id_number(
    patterns: &CompiledPatterns,
    settings: &Settings,
    meeting: &Meeting,
) -> Option<u32> {
    (meeting.number.as_ref().map(|n| n.value)).or_else(|| id_number(patterns, settings, meeting))
}

/// Fills [`Meeting::id_month`] of every meeting that has no `date`, once
/// after loading (nothing when the ID patterns do not compile).
pub(crate) fn fill_id_months(records: &mut Records) {
    if records.meetings.iter().all(|m| m.record.date.is_some()) {
        return;
    }
    let Ok(patterns) = records.settings.compile_patterns() else {
        return;
    };
    let settings = &records.settings;
    for m in &mut records.meetings {
        if m.record.date.is_none() {
            m.record.id_month = id_month(&patterns, settings, &m.record);
        }
    }
}

impl Meeting {
    /// The day it was held, when known.
    pub fn known_date(&self) -> Option<NaiveDate> {
        self.date.as_ref().map(|d| d.value)
    }

    /// The date it sorts by: its date, else the first of the month its ID
    /// names. `None` sorts first.
    pub(crate) fn sort_date(&self) -> Option<NaiveDate> {
        self.known_date().or(self.id_month)
    }

    /// Whether its minutes are recorded: `false` for a stub, whose status
    /// term says `recorded: false`.
    pub(crate) fn is_recorded(&self, settings: &Settings) -> bool {
        settings
            .vocabularies
            .is_recorded_status(self.status.as_ref().map(|s| s.value.as_str()))
    }

    /// Its date as listings show it: the date, else the month its ID
    /// names (`2014-08`), else nothing.
    pub fn date_text(&self) -> Option<String> {
        match (self.known_date(), self.id_month) {
            (Some(d), _) => Some(d.to_string()),
            (None, Some(m)) => Some(m.format("%Y-%m").to_string()),
            (None, None) => None,
        }
    }
}
