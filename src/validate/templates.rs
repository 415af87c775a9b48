//! `id_templates` in `tsc.yaml`: each template must make IDs that its own
//! ID pattern accepts, with the numbers the pattern captures.

use chrono::NaiveDate;
use regex_lite::Regex;

use super::{Checker, settings_file};
use crate::finding::{Code, Finding, Position};
use crate::template::{self, Fields};

/// Sample numbers a template is tried with: a small meeting and action,
/// and numbers with more digits than the padding.
fn samples() -> [(u32, NaiveDate, u32); 2] {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    [(7, day(2016, 6, 16), 1), (123, day(2031, 12, 9), 105)]
}

impl Checker<'_> {
    /// Reports (E0302) a template that does not render, or renders an ID
    /// its pattern rejects or reads back with other numbers.
    pub(super) fn check_templates(&mut self) {
        let Some(patterns) = self.patterns.clone() else {
            return;
        };
        let settings = &self.records.settings;
        let templates = settings.id_templates.clone();
        // The default templates are the default committee's: a committee
        // with ID patterns of its own that writes no `id_templates` is not
        // told its patterns reject them (the write commands refuse, naming
        // the template, when asked to make an ID).
        let defaults = crate::settings::Settings::default();
        if templates == defaults.id_templates && settings.id_patterns != defaults.id_patterns {
            return;
        }
        for (number, date, seq) in samples() {
            let meeting = Fields::meeting(number, date);
            let yy = date.format("%y").to_string();
            let mm = date.format("%m").to_string();
            let expect = [("number", number.to_string()), ("yy", yy), ("mm", mm)];
            if !self.check_template(
                "meeting",
                &templates.meeting,
                &meeting,
                &patterns.meeting,
                &expect,
            ) {
                return;
            }
            let action = Fields::action(number, date, seq);
            let expect = [("meeting", number.to_string()), ("seq", seq.to_string())];
            if !self.check_template(
                "action",
                &templates.action,
                &action,
                &patterns.action,
                &expect,
            ) {
                return;
            }
        }
    }

    /// One template with one set of fields; `false` when it was reported.
    fn check_template(
        &mut self,
        kind: &str,
        template: &str,
        fields: &Fields,
        pattern: &Regex,
        expect: &[(&str, String)],
    ) -> bool {
        let problem = match template::render(template, fields) {
            Err(e) => Some(format!("id_templates.{kind} `{template}` cannot be used: {e}")),
            Ok(id) => match pattern.captures(&id) {
                None => Some(format!(
                    "id_templates.{kind} `{template}` makes `{id}`, which id_patterns.{kind} does not accept"
                )),
                Some(caps) => expect
                    .iter()
                    .find_map(|(name, want)| {
                        let got = caps.name(name)?.as_str().trim_start_matches('0');
                        (got != want.trim_start_matches('0')).then(|| {
                            format!(
                                "id_templates.{kind} `{template}` makes `{id}`, whose `{name}` reads {got} instead of {want}"
                            )
                        })
                    }),
            },
        };
        let Some(message) = problem else { return true };
        let file = settings_file(self.records);
        self.push(
            Finding::new(Code::BadSettings, file, Position::default(), message).with_help(format!(
                "make id_templates.{kind} and id_patterns.{kind} agree; tsc cannot make new {kind} IDs until then"
            )),
        );
        false
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::finding::Code;
    use crate::load::load_in_memory;

    fn settings_findings(tsc_yaml: &str) -> Vec<String> {
        let files = [(PathBuf::from("tsc.yaml"), tsc_yaml.as_bytes().to_vec())];
        let loaded = load_in_memory(Path::new("r"), &files);
        crate::validate::validate(&loaded)
            .findings
            .into_iter()
            .filter(|f| f.code == Code::BadSettings)
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn the_tsc_defaults_agree_with_the_patterns() {
        assert!(settings_findings("committee: {short_name: TSC, name: T}\n").is_empty());
    }

    #[test]
    fn a_template_its_pattern_rejects_is_bad_settings() {
        assert_eq!(
            settings_findings("id_templates:\n  meeting: \"TSC-{number}\"\n"),
            [
                "id_templates.meeting `TSC-{number}` makes `TSC-7`, which id_patterns.meeting does not accept"
            ]
        );
        assert_eq!(
            settings_findings("id_templates:\n  action: \"TSC{seq:02}/{meeting_number:02}\"\n"),
            [
                "id_templates.action `TSC{seq:02}/{meeting_number:02}` makes `TSC01/07`, whose `meeting` reads 1 instead of 7"
            ]
        );
        assert_eq!(
            settings_findings("id_templates:\n  action: \"TSC{meeting:02}/{seq:02}\"\n"),
            [
                "id_templates.action `TSC{meeting:02}/{seq:02}` cannot be used: `{meeting}` is not a field; the fields are meeting_number, seq, yyyy, yy, mm, dd"
            ]
        );
    }
}
