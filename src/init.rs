//! `tsc init`: the starting records of a committee that begins to use
//! tsc. It writes a commented `tsc.yaml` naming the committee, with ID
//! patterns and templates of the default shape for its own prefix
//! ([`IdPatterns::with_prefixes`], [`IdTemplates::with_prefix`]) and the
//! built-in defaults of every other setting as a comment to copy from;
//! an empty `people.yaml` and `organisations.yaml` (`people: []`, which
//! `tsc person add` fills in place); and the record folders. Nothing here
//! is any committee's own: the values come from the [`Starter`] and from
//! the defaults of [`crate::settings`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::edit::scalar;
use crate::error::{Error, Result};
use crate::kind::Kind;
use crate::settings::{IdPatterns, IdTemplates, MEANINGS, Meaning, Settings, Term, is_id_prefix};
use crate::template::{self, Fields};
use crate::write::commands::Plan;
use crate::write::{Transaction, Tree};

/// Who the new committee is: what `tsc init` must be told.
#[derive(Debug, Clone, Default)]
pub struct Starter {
    /// The short name documents use (`DWG`); also the prefix of meeting
    /// and action IDs unless `id_prefix` is given.
    pub short_name: String,
    /// The full name (`Design Working Group`).
    pub name: String,
    /// The body the committee reports to, if any.
    pub parent: Option<String>,
    /// The start of meeting and action IDs (`DWG` makes `DWG_01_2601` and
    /// `DWG01/01`); default: the short name.
    pub id_prefix: Option<String>,
    /// The start of modification proposal IDs, before four digits (`DCP`
    /// makes `DCP0001`); default: the ID prefix.
    pub modification_prefix: Option<String>,
}

/// What `tsc init` writes: the files, as a [`Plan`] whose ID is the
/// committee's short name, and the record folders.
#[derive(Debug, Clone)]
pub struct Init {
    /// The new files (`tsc.yaml`, `people.yaml`, `organisations.yaml`).
    pub plan: Plan,
    /// The record folders, relative to the records directory
    /// (`meetings`, `actions`, `modifications`).
    pub folders: Vec<PathBuf>,
}

impl Init {
    /// Writes the files (atomically, each only where no file is) and then
    /// makes the folders.
    ///
    /// # Errors
    /// As [`Transaction::commit`]: a file created meanwhile by someone
    /// else is refused and nothing is written; or on an I/O error.
    pub fn commit(&self, root: &Path) -> Result<()> {
        self.plan.transaction.commit(root)?;
        for folder in &self.folders {
            let path = root.join(folder);
            std::fs::create_dir_all(&path).map_err(Error::io("cannot create", &path))?;
        }
        Ok(())
    }
}

/// The files and folders of new records at `root` for `starter`; `today`
/// dates the example IDs in the comments.
///
/// # Errors
/// [`Error::Refused`] when `root` is not a directory (and is not
/// missing), or already holds records: an entry of any record kind
/// (`tsc.yaml`, `meetings/`, ...) or any YAML file, however deep (hidden
/// folders aside); when the short name or the full name is empty or not
/// one line; or when a prefix cannot start IDs ([`is_id_prefix`]).
pub fn plan(root: &Path, starter: &Starter, today: NaiveDate) -> Result<Init> {
    refuse_existing(root)?;
    for (what, value) in [
        ("--short-name", &starter.short_name),
        ("--name", &starter.name),
    ] {
        crate::refuse_unless!(
            !value.trim().is_empty() && !value.contains(['\n', '\r']),
            "{what} must be one line of text, not empty"
        );
    }
    let ids = starter
        .id_prefix
        .clone()
        .unwrap_or_else(|| starter.short_name.clone());
    crate::refuse_unless!(
        is_id_prefix(&ids),
        "`{ids}` cannot start record IDs (a letter, then letters, digits, `-` or `_`); \
         give the prefix of meeting and action IDs with --id-prefix"
    );
    let modifications = starter
        .modification_prefix
        .clone()
        .unwrap_or_else(|| ids.clone());
    crate::refuse_unless!(
        is_id_prefix(&modifications),
        "`{modifications}` cannot start modification proposal IDs (a letter, then letters, \
         digits, `-` or `_`); give another with --modification-prefix"
    );
    let tree = Tree::empty(root);
    let mut transaction = Transaction::default();
    let settings = settings_text(starter, &ids, &modifications, today);
    transaction.create(&tree, Path::new(Kind::Settings.entry()), settings)?;
    for (kind, key, what) in [
        (Kind::People, "people", "Everyone the records name"),
        (
            Kind::Organisations,
            "organisations",
            "The bodies that attend, present or own actions",
        ),
    ] {
        let text = format!("# {what}; docs/records.md shows the fields.\n{key}: []\n");
        transaction.create(&tree, Path::new(kind.entry()), text)?;
    }
    let folders = Kind::ALL
        .iter()
        .filter(|k| k.is_folder())
        .map(|k| PathBuf::from(k.entry()))
        .collect();
    Ok(Init {
        plan: Plan {
            id: starter.short_name.clone(),
            transaction,
            warnings: Vec::new(),
        },
        folders,
    })
}

/// Refuses a `root` that is not a directory, or that holds records.
fn refuse_existing(root: &Path) -> Result<()> {
    refuse_inside_records(root)?;
    let Ok(meta) = std::fs::symlink_metadata(root) else {
        return Ok(());
    };
    crate::refuse_unless!(
        meta.is_dir(),
        "{} exists and is not a directory; nothing was written",
        crate::escape::path(root)
    );
    let held = Kind::ALL
        .iter()
        .map(|k| root.join(k.entry()))
        .find(|p| std::fs::symlink_metadata(p).is_ok())
        .or_else(|| {
            walkdir::WalkDir::new(root)
                .min_depth(1)
                .into_iter()
                .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .filter_map(std::result::Result::ok)
                .find(|e| crate::load::walk::is_record_file_name(&e.file_name().to_string_lossy()))
                .map(walkdir::DirEntry::into_path)
        });
    if let Some(path) = held {
        crate::refuse!(
            "{} already holds records ({}); nothing was written: tsc init starts a records \
             directory that has none",
            crate::escape::path(root),
            crate::escape::path(&path)
        );
    }
    Ok(())
}

/// Refuses a `root` inside another records directory: a folder above it
/// that holds `tsc.yaml`, `people.yaml` or `organisations.yaml` (the new
/// records would be stray files of that tree, E0005/E0006).
fn refuse_inside_records(root: &Path) -> Result<()> {
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let files = [Kind::Settings, Kind::People, Kind::Organisations];
    for dir in absolute.ancestors().skip(1) {
        if let Some(file) = files
            .iter()
            .map(|k| dir.join(k.entry()))
            .find(|f| f.is_file())
        {
            crate::refuse!(
                "{} is inside the records directory {} (it holds {}); nothing was written: \
                 start the new records outside it",
                crate::escape::path(root),
                crate::escape::path(dir),
                crate::escape::path(Path::new(file.file_name().unwrap_or_default()))
            );
        }
    }
    Ok(())
}

/// A one-line text as YAML writes it in a flow collection (`{ id: x }`):
/// plain when that is safe there, else double quoted.
fn flow(value: &str) -> String {
    if scalar::plain_is_safe(value) && !value.contains([',', '[', ']', '{', '}']) {
        value.to_owned()
    } else {
        scalar::double_quoted(value)
    }
}

/// One vocabulary term as a flow mapping: its ID, label and the meaning
/// flags it has (`open` always for action statuses, `recorded: false`
/// for a stub's status).
fn term_line(term: &Term, statuses: bool) -> String {
    let mut out = format!("{{ id: {}, label: {}", flow(term.id()), flow(&term.label));
    for meaning in MEANINGS {
        if term.means(meaning) || (statuses && meaning == Meaning::Open) {
            out.push_str(&format!(", {}: {}", meaning.name(), term.means(meaning)));
        }
    }
    if !term.is_recorded() {
        out.push_str(", recorded: false");
    }
    out.push_str(" }");
    out
}

/// The text of the starter `tsc.yaml`.
fn settings_text(starter: &Starter, ids: &str, modifications: &str, today: NaiveDate) -> String {
    let patterns = IdPatterns::with_prefixes(ids, modifications);
    let templates = IdTemplates::with_prefix(ids);
    let example = |t: &str, fields: &Fields| template::render(t, fields).unwrap_or_default();
    let meeting = example(&templates.meeting.value, &Fields::meeting(1, today));
    let action = example(&templates.action.value, &Fields::action(1, today, 1));
    let short = scalar::inline(&starter.short_name);
    let parent = starter
        .parent
        .as_deref()
        .map_or("~".to_owned(), scalar::inline);
    let mut text = format!(
        "# The settings of {name} ({short_name}), started by `tsc init`.\n\
         # A setting left out takes its built-in default: docs/records.md lists\n\
         # every one, and `tsc schema settings` is their schema for editors.\n\
         committee:\n\
         \x20 short_name: {short}\n\
         \x20 name: {full}\n\
         \x20 parent: {parent}  # the body it reports to; ~ for none\n\
         \x20 # collective_name: {short}  # decisions read \"The {short_name}: NOTED ...\"\n\
         \n\
         # Record IDs, as regular expressions, and how tsc makes new ones (the\n\
         # templates must make IDs the patterns accept): meetings {meeting} (number\n\
         # 1 in {month}), actions {action} (the first action raised at meeting 1),\n\
         # modification proposals {modifications}0001.\n\
         id_patterns:\n\
         \x20 meeting: {pm}\n\
         \x20 action: {pa}\n\
         \x20 modification: {pmod}\n\
         id_templates:\n\
         \x20 meeting: {tm}\n\
         \x20 action: {ta}\n\
         \n\
         # Rules tsc validate does not report, by code or name (docs/rules.md).\n\
         allow: []\n",
        name = scalar::comment_text(&starter.name),
        short_name = scalar::comment_text(&starter.short_name),
        full = scalar::inline(&starter.name),
        month = today.format("%B %Y"),
        pm = scalar::inline_in(&patterns.meeting, scalar::Style::Single),
        pa = scalar::inline_in(&patterns.action, scalar::Style::Single),
        pmod = scalar::inline_in(&patterns.modification, scalar::Style::Single),
        tm = scalar::double_quoted(&templates.meeting.value),
        ta = scalar::double_quoted(&templates.action.value),
    );
    // The defaults as this committee gets them (the members' category is
    // labelled with its name), commented out, to copy and change.
    let defaults = Settings::parse(&text, Path::new(Kind::Settings.entry()))
        .map(|s| defaults_comment(&s))
        .unwrap_or_default();
    text.push_str(&defaults);
    text
}

/// The built-in standing items, minutes layout and vocabularies of
/// `settings`, as YAML with every default commented out where it stands,
/// except the two defaults that are the SEC's own and would not fit
/// another committee: the assessment table's "EC Notification
/// requirement" column (`minutes.assessment_columns.ec_notification`,
/// written `~`: no column) and the SEC's five constituencies
/// (`vocabularies.constituencies`, written `[]`). Uncommenting a line
/// gives the built-in default of that setting.
fn defaults_comment(settings: &Settings) -> String {
    let mut lines = vec![
        String::new(),
        "# The built-in defaults of the other settings, commented out where they".to_owned(),
        "# stand. To change one, uncomment it and edit it (a list: all of it, as a".to_owned(),
        "# list replaces the default).".to_owned(),
        "# standing_items:            # every new meeting's agenda opens with these".to_owned(),
    ];
    for item in &settings.standing_items {
        lines.push(format!("#   - title: {}", scalar::inline(&item.title)));
        if item.review {
            lines.push("#     review: true          # where open actions are reviewed".into());
        }
    }
    let columns = &settings.minutes.assessment_columns;
    lines.push("minutes:".into());
    lines.push("  # attendance: by-category   # or as-recorded".into());
    lines.push("  assessment_columns:       # ~ leaves a column out".into());
    let optional = |v: &Option<String>| v.as_deref().map_or("~".to_owned(), scalar::inline);
    for (key, value) in [
        ("proposal", scalar::inline(&columns.proposal)),
        ("technical", optional(&columns.technical)),
        ("business", optional(&columns.business)),
        ("ec_notification", optional(&columns.ec_notification)),
        ("notes", optional(&columns.notes)),
        ("interest", scalar::inline(&columns.interest)),
    ] {
        if key == "ec_notification" {
            // Set, not commented: uncommenting a default beside it would
            // write the key twice.
            lines.push(format!(
                "    ec_notification: ~  # none here; built in: {value} (a heading shows the column)"
            ));
        } else {
            lines.push(format!("    # {key}: {value}"));
        }
    }
    lines.push("vocabularies:".into());
    for (name, terms) in settings.vocabularies.lists() {
        if name == "decision_verbs" {
            let verbs: Vec<String> = terms.iter().map(|t| flow(t.id())).collect();
            lines.push(format!("  # {name}: [{}]", verbs.join(", ")));
            continue;
        }
        if name == "constituencies" {
            // Set, not commented, as `ec_notification` is.
            let built_in: Vec<&str> = terms.iter().map(|t| t.label.as_str()).collect();
            lines.push(format!(
                "  constituencies: []  # none here; list this committee's, if any (built in: {})",
                built_in.join(", ")
            ));
            continue;
        }
        lines.push(format!("  # {name}:"));
        for term in terms {
            let line = term_line(term, name == "action_statuses");
            lines.push(format!("  #   - {line}"));
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
    }

    fn dwg() -> Starter {
        Starter {
            short_name: "DWG".into(),
            name: "Design Working Group".into(),
            ..Starter::default()
        }
    }

    fn settings_of(init: &Init) -> String {
        init.plan.transaction.changes()[0].after.clone()
    }

    #[test]
    fn the_settings_name_the_committee_and_its_own_ids() {
        let dir = tempfile::tempdir().unwrap();
        let init = plan(&dir.path().join("records"), &dwg(), day()).unwrap();
        let text = settings_of(&init);
        let head: String = text.split("\n\n# The built-in").next().unwrap().to_owned();
        assert_eq!(
            head,
            "# The settings of Design Working Group (DWG), started by `tsc init`.\n\
             # A setting left out takes its built-in default: docs/records.md lists\n\
             # every one, and `tsc schema settings` is their schema for editors.\n\
             committee:\n  short_name: DWG\n  name: Design Working Group\n  \
             parent: ~  # the body it reports to; ~ for none\n  \
             # collective_name: DWG  # decisions read \"The DWG: NOTED ...\"\n\n\
             # Record IDs, as regular expressions, and how tsc makes new ones (the\n\
             # templates must make IDs the patterns accept): meetings DWG_01_2601 (number\n\
             # 1 in January 2026), actions DWG01/01 (the first action raised at meeting 1),\n\
             # modification proposals DWG0001.\n\
             id_patterns:\n  \
             meeting: '^DWG_(?<number>[0-9]{2,})_(?<yy>[0-9]{2})(?<mm>[0-9]{2})$'\n  \
             action: '^DWG(?<meeting>[0-9]{2,})/(?<seq>[0-9]{2,})$'\n  \
             modification: '^DWG[0-9]{4}$'\n\
             id_templates:\n  meeting: \"DWG_{number:02}_{yy}{mm}\"\n  \
             action: \"DWG{meeting_number:02}/{seq:02}\"\n\n\
             # Rules tsc validate does not report, by code or name (docs/rules.md).\n\
             allow: []"
        );
        let settings = Settings::parse(&text, Path::new("tsc.yaml")).unwrap();
        assert_eq!(settings.committee.short_name, "DWG");
        assert_eq!(settings.committee.parent, None);
        assert_eq!(
            settings.id_patterns,
            IdPatterns::with_prefixes("DWG", "DWG")
        );
        assert_eq!(
            init.folders,
            [
                PathBuf::from("meetings"),
                PathBuf::from("actions"),
                PathBuf::from("modifications")
            ]
        );
    }

    /// The commented-out defaults, uncommented where they stand (and the
    /// two SEC defaults the starter sets aside taken out), are the built-in
    /// defaults: uncommenting a line changes nothing until it is edited.
    #[test]
    fn the_commented_defaults_read_back_as_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let text = settings_of(&plan(dir.path(), &dwg(), day()).unwrap());
        let tail = &text[text.find("\n# The built-in").unwrap()..];
        let uncommented: String = text
            .lines()
            .filter(|l| {
                !l.starts_with("    ec_notification: ~") && !l.starts_with("  constituencies: []")
            })
            .map(|l| {
                let indent = l.len() - l.trim_start().len();
                match l.trim_start().strip_prefix("# ") {
                    Some(rest)
                        if tail.contains(l)
                            && (rest.starts_with(' ')
                                || rest.starts_with("- ")
                                || rest.split_once(':').is_some_and(|(k, _)| {
                                    !k.contains(' ')
                                        && k.chars().all(|c| c == '_' || c.is_ascii_lowercase())
                                })) =>
                    {
                        format!("{}{rest}\n", &l[..indent])
                    }
                    _ => format!("{l}\n"),
                }
            })
            .collect();
        assert!(uncommented.contains(
            "\nvocabularies:\n  action_statuses:\n    - { id: open, label: Open, open: true }\n"
        ));
        assert!(uncommented.contains("    - { id: \"yes\", label: \"Yes\" }\n"));
        assert!(uncommented.contains("    - { id: member, label: DWG Members }\n"));
        // Every commented line uncommented where it stands: no key twice.
        assert!(!text.contains("# ec_notification: EC") && !text.contains("# constituencies:"));
        let written = Settings::parse(&uncommented, Path::new("tsc.yaml")).unwrap();
        let defaults = Settings::parse(
            "committee:\n  short_name: DWG\n  name: Design Working Group\n",
            Path::new("tsc.yaml"),
        )
        .unwrap();
        let terms = |s: &Settings| -> Vec<String> {
            s.vocabularies
                .lists()
                .iter()
                .flat_map(|(name, terms)| {
                    terms
                        .iter()
                        .map(move |t| format!("{name} {}", term_line(t, true)))
                })
                .collect()
        };
        assert_eq!(terms(&written), terms(&defaults));
        assert_eq!(
            written.minutes.assessment_columns,
            defaults.minutes.assessment_columns
        );
        assert_eq!(written.minutes.attendance, defaults.minutes.attendance);
        assert_eq!(written.standing_items.len(), defaults.standing_items.len());
        assert_eq!(
            written.standing_items[0].title,
            defaults.standing_items[0].title
        );
    }

    /// A new committee is not the SEC's: its minutes have no "EC
    /// Notification requirement" column and it has no constituencies,
    /// while every other setting is the built-in default (trial: a new
    /// committee's minutes showed the SEC's column and "Other SEC Parties").
    #[test]
    fn a_new_committee_starts_without_the_secs_column_and_constituencies() {
        let dir = tempfile::tempdir().unwrap();
        let text = settings_of(&plan(dir.path(), &dwg(), day()).unwrap());
        let settings = Settings::parse(&text, Path::new("tsc.yaml")).unwrap();
        assert_eq!(settings.minutes.assessment_columns.ec_notification, None);
        assert!(settings.vocabularies.constituencies.is_empty());
        let defaults = crate::settings::AssessmentColumns::default();
        assert_eq!(
            settings.minutes.assessment_columns,
            crate::settings::AssessmentColumns {
                ec_notification: None,
                ..defaults
            }
        );
        assert_eq!(settings.vocabularies.attendee_categories.len(), 2);
        assert!(!text.contains("\n# minutes:") && !text.contains("\n# vocabularies:"));
    }

    #[test]
    fn a_directory_with_records_or_a_bad_name_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("notes/.git")).unwrap();
        std::fs::write(root.join("notes/.git/x.yaml"), "").unwrap();
        std::fs::write(root.join("README.md"), "").unwrap();
        assert!(
            plan(root, &dwg(), day()).is_ok(),
            "hidden and other files are not records"
        );
        std::fs::write(root.join("notes/old.yml"), "").unwrap();
        let Err(Error::Refused(message)) = plan(root, &dwg(), day()) else {
            panic!("a YAML file is refused");
        };
        assert_eq!(
            message,
            format!(
                "{} already holds records ({}); nothing was written: tsc init starts a records \
                 directory that has none",
                root.display(),
                root.join("notes/old.yml").display()
            )
        );
        let empty = tempfile::tempdir().unwrap();
        std::fs::create_dir(empty.path().join("meetings")).unwrap();
        assert!(
            plan(empty.path(), &dwg(), day()).is_err(),
            "a record folder is records"
        );
        let spaced = Starter {
            short_name: "Review Panel".into(),
            ..dwg()
        };
        let Err(Error::Refused(message)) = plan(&root.join("new"), &spaced, day()) else {
            panic!("a short name with a space cannot start IDs");
        };
        assert!(
            message.starts_with("`Review Panel` cannot start record IDs"),
            "{message}"
        );
        let fixed = Starter {
            id_prefix: Some("RP".into()),
            ..spaced
        };
        assert!(plan(&root.join("new"), &fixed, day()).is_ok());
    }
}
