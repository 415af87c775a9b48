//! No committee's wording is hard-coded: apart from the default
//! committee's settings (the values of `Settings::default()`, which a
//! `tsc.yaml` replaces), the names of `tsc`'s own environment variables
//! and the signatures of its cache files, the `tsc` binary holds none of
//! the default committee's names, acronyms or ID prefixes.
//!
//! The rule catalogue (`docs/rules.md`, compiled in for `--explain`) is
//! documentation whose examples cite the seed records; it is left out of
//! the search.
//!
//! Only the sections the program loads are searched (code and data): the
//! debug information and symbol table are tooling metadata, whose binary
//! encoding spelled `\0SEC\0` by chance after a dependency changed.

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
        s.id_templates.meeting.value.clone(),
        s.id_templates.action.value.clone(),
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

/// The bytes of an ELF executable's sections that are loaded when it runs
/// (flag SHF_ALLOC: code, read-only data, data), each followed by a NUL;
/// debug information and the symbol table are left out, since their
/// binary encoding can spell `SEC` by chance. Any other file is returned
/// whole.
fn loaded_bytes(file: &[u8]) -> Vec<u8> {
    let u16_at = |at: usize| u16::from_le_bytes(file[at..at + 2].try_into().unwrap());
    let u64_at = |at: usize| u64::from_le_bytes(file[at..at + 8].try_into().unwrap());
    // 64-bit, little-endian ELF only (what tsc's tests run on).
    if !file.starts_with(b"\x7fELF\x02\x01") {
        return file.to_vec();
    }
    let (table, entry, count) = (u64_at(0x28) as usize, u16_at(0x3a) as usize, u16_at(0x3c));
    let mut loaded = Vec::new();
    for i in 0..usize::from(count) {
        let header = table + i * entry;
        let (kind, flags) = (
            u32::from_le_bytes(file[header + 4..header + 8].try_into().unwrap()),
            u64_at(header + 8),
        );
        let (offset, size) = (
            u64_at(header + 0x18) as usize,
            u64_at(header + 0x20) as usize,
        );
        // SHF_ALLOC, and not SHT_NOBITS (.bss has no bytes in the file).
        if flags & 2 != 0 && kind != 8 {
            loaded.extend_from_slice(&file[offset..offset + size]);
            loaded.push(0);
        }
    }
    loaded
}

#[test]
fn only_the_loaded_sections_of_the_binary_are_searched() {
    let file = std::fs::read(env!("CARGO_BIN_EXE_tsc")).unwrap();
    let loaded = loaded_bytes(&file);
    let holds = |bytes: &[u8], text: &[u8]| bytes.windows(text.len()).any(|w| w == text);
    // The strings are there (a message of `tsc validate`); the section
    // names (.shstrtab, a section never loaded) are not.
    assert!(holds(&loaded, b"is not written as YYYY-MM-DD"));
    assert!(holds(&file, b".shstrtab") && !holds(&loaded, b".shstrtab"));
    assert!(
        loaded.len() < file.len(),
        "{} of {} bytes",
        loaded.len(),
        file.len()
    );
}

#[test]
fn the_binary_names_no_committee_outside_the_default_settings() {
    let bytes = loaded_bytes(&std::fs::read(env!("CARGO_BIN_EXE_tsc")).unwrap());
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
