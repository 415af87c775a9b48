//! `id_templates` in `tsc.yaml`: each template must make IDs that its own
//! ID pattern accepts, with the numbers the pattern captures.

use chrono::NaiveDate;
use regex_lite::Regex;

use super::{Checker, settings_file};
use crate::finding::{Code, Finding, Position};
use crate::settings::{CompiledPatterns, Settings};
use crate::source::Spanned;
use crate::template::{self, Fields};

/// Sample numbers a template is tried with: a small meeting and action,
/// and numbers with more digits than the padding.
fn samples() -> [(u32, NaiveDate, u32); 2] {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    [(7, day(2016, 6, 16), 1), (123, day(2031, 12, 9), 105)]
}

/// A template of `tsc.yaml` that cannot make IDs: which kind (`meeting`
/// or `action`), the template as written, and what is wrong with it.
pub(crate) struct BadTemplate<'s> {
    /// `meeting` or `action`.
    pub(crate) kind: &'static str,
    /// The template, with its place in tsc.yaml (empty when unwritten).
    pub(crate) template: &'s Spanned<String>,
    /// What is wrong: the message of E0302.
    pub(crate) problem: String,
}

impl BadTemplate<'_> {
    /// The help of E0302 and of the write commands' refusal.
    pub(crate) fn help(&self) -> String {
        let kind = self.kind;
        format!(
            "make id_templates.{kind} and id_patterns.{kind} agree; tsc cannot make new {kind} IDs until then"
        )
    }
}

/// The first of `kinds` (`meeting`, `action`) whose template in
/// `settings` does not render, or renders an ID its pattern (of
/// `patterns`) rejects or reads back with other numbers.
pub(crate) fn bad_template<'s>(
    settings: &'s Settings,
    patterns: &CompiledPatterns,
    kinds: &[&'static str],
) -> Option<BadTemplate<'s>> {
    let templates = &settings.id_templates;
    // The default templates are the default committee's: a committee
    // with ID patterns of its own that writes no `id_templates` is not
    // told its patterns reject them (the write commands refuse, naming
    // the template, when asked to make an ID).
    let defaults = Settings::default();
    if *templates == defaults.id_templates && settings.id_patterns != defaults.id_patterns {
        return None;
    }
    for &kind in kinds {
        for (number, date, seq) in samples() {
            let yy = date.format("%y").to_string();
            let mm = date.format("%m").to_string();
            let (template, fields, pattern, expect) = if kind == "meeting" {
                let expect = vec![("number", number.to_string()), ("yy", yy), ("mm", mm)];
                let fields = Fields::meeting(number, date);
                (&templates.meeting, fields, &patterns.meeting, expect)
            } else {
                let expect = vec![("meeting", number.to_string()), ("seq", seq.to_string())];
                let fields = Fields::action(number, date, seq);
                (&templates.action, fields, &patterns.action, expect)
            };
            if let Some(problem) =
                template_problem(kind, &template.value, &fields, pattern, &expect)
            {
                return Some(BadTemplate {
                    kind,
                    template,
                    problem,
                });
            }
        }
    }
    None
}

/// What is wrong with one template and one set of fields, if anything.
fn template_problem(
    kind: &str,
    template: &str,
    fields: &Fields,
    pattern: &Regex,
    expect: &[(&str, String)],
) -> Option<String> {
    match template::render(template, fields) {
        Err(e) => Some(format!("id_templates.{kind} `{template}` cannot be used: {e}")),
        Ok(id) => match pattern.captures(&id) {
            None => Some(format!(
                "id_templates.{kind} `{template}` makes `{id}`, which id_patterns.{kind} does not accept"
            )),
            Some(caps) => expect.iter().find_map(|(name, want)| {
                let got = caps.name(name)?.as_str().trim_start_matches('0');
                (got != want.trim_start_matches('0')).then(|| {
                    format!(
                        "id_templates.{kind} `{template}` makes `{id}`, whose `{name}` reads {got} instead of {want}"
                    )
                })
            }),
        },
    }
}

impl Checker<'_> {
    /// Reports (E0302) a template that does not render, or renders an ID
    /// its pattern rejects or reads back with other numbers: at the
    /// template in tsc.yaml when it is written there.
    pub(super) fn check_templates(&mut self) {
        let Some(patterns) = self.patterns.clone() else {
            return;
        };
        let Some(bad) = bad_template(&self.records.settings, &patterns, &["meeting", "action"])
        else {
            return;
        };
        let file = settings_file(self.records);
        let finding = if bad.template.span.len() > 0 {
            Finding::at_value(Code::BadSettings, file, bad.template, bad.problem.clone())
        } else {
            Finding::new(
                Code::BadSettings,
                file,
                Position::default(),
                bad.problem.clone(),
            )
        };
        let help = bad.help();
        self.push(finding.with_help(help));
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
