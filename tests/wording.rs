//! No committee's wording is hard-coded: apart from the default
//! committee's settings (the values of `Settings::default()`, which a
//! `tsc.yaml` replaces), the names of `tsc`'s own environment variables
//! and the signatures of its cache files, the `tsc` binary holds none of
//! the default committee's names, acronyms or ID prefixes.
//!
//! The rule catalogue (`docs/rules.md`, compiled in for `--explain`) is
//! documentation whose examples cite the seed records; it is left out of
//! the search.

use regex::bytes::Regex;
use tsc::settings::Settings;

/// The default committee's settings as written in the binary: every text
/// value of the defaults, longest first.
fn default_texts() -> Vec<String> {
    let s = Settings::default();
    let v = &s.vocabularies;
    let mut texts = vec![
        s.committee.name.clone(),
        s.id_patterns.meeting.clone(),
        s.id_patterns.action.clone(),
        s.id_patterns.modification.clone(),
        s.id_templates.meeting.clone(),
        s.id_templates.action.clone(),
    ];
    texts.extend(s.standing_items.iter().map(|i| i.title.clone()));
    texts.extend(s.committee.parent.clone());
    let labels = (v.interest_levels.iter())
        .chain(&v.modification_phases)
        .chain(&v.meeting_statuses)
        .chain(&v.meeting_kinds)
        .chain(&v.attendee_categories)
        .chain(&v.constituencies)
        .chain(&v.roles)
        .chain(&v.ec_notification)
        .chain(&v.principle_statuses);
    for term in labels {
        texts.push(term.id().to_owned());
        texts.push(term.label.clone());
    }
    texts.retain(|t| t.len() > 3);
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts
}

#[test]
fn the_binary_names_no_committee_outside_the_default_settings() {
    let bytes = std::fs::read(env!("CARGO_BIN_EXE_tsc")).unwrap();
    let mut allowed = vec![tsc::explain::CATALOGUE.to_owned()];
    allowed.extend(
        [
            "TSC_RECORDS",
            "TSC_PANIC_DETAILS",
            "TSC_FORCE_INTERNAL_ERROR",
            "TSC_CACHE_DIR",
            "TSC_CACHE_STATS",
            // The parse cache's own file signatures (tsc's, not a committee's).
            "TSCPACK",
            "TSCPEND",
            "TSCMEMO",
        ]
        .map(String::from),
    );
    allowed.extend(default_texts());
    let escaped: Vec<String> = allowed.iter().map(|t| regex::escape(t)).collect();
    let allowed = Regex::new(&format!("(?-u){}", escaped.join("|"))).unwrap();
    let rest = allowed.replace_all(&bytes, &b"\0"[..]);
    let words = Regex::new(
        // A name ends where a letter does not follow: `SECMP0011` and
        // `SEC's` count, a library's `SECRET_...` does not.
        r"(?-u)(?:^|[^A-Za-z0-9_])(TSC|SEC|SECMP|SECAS|Technical Sub-Committee|Smart Energy)(?:$|[^A-Za-z])",
    )
    .unwrap();
    let short = Settings::default().committee.short_name;
    let mut bare = 0;
    let mut found = Vec::new();
    // Wording is text: a run of printable characters. Three letters alone
    // between other bytes are machine code that happens to spell them.
    let printable = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t';
    let run = |from: usize, to: usize| {
        let before = rest[..from]
            .iter()
            .rev()
            .take_while(|b| printable(**b))
            .count();
        let after = rest[to..].iter().take_while(|b| printable(**b)).count();
        before + (to - from) + after
    };
    for m in words.captures_iter(&rest) {
        let word = m.get(1).unwrap();
        if run(word.start(), word.end()) < 8 {
            continue;
        }
        if word.as_bytes() == short.as_bytes() && bare == 0 {
            // The one literal of the default short name, between two
            // other default values.
            bare += 1;
            continue;
        }
        let from = word.start().saturating_sub(60);
        let to = (word.end() + 60).min(rest.len());
        found.push(String::from_utf8_lossy(&rest[from..to]).replace(|c: char| c.is_control(), "."));
    }
    assert!(
        found.is_empty(),
        "hard-coded committee wording:\n{found:#?}"
    );
}
