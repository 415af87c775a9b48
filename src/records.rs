//! Finding the records directory and loading every record in it.
//!
//! Layout of a records directory (documented in `docs/records.md`):
//!
//! | path                      | holds                                  |
//! |---------------------------|----------------------------------------|
//! | `tsc.yaml`                | [`Settings`] (optional)                |
//! | `people.yaml`             | [`PeopleFile`]                         |
//! | `organisations.yaml`      | [`OrganisationsFile`]                  |
//! | `principles.yaml`         | [`PrinciplesFile`]                     |
//! | `meetings/**/<ID>.yaml`   | one [`Meeting`] per file               |
//! | `actions/**/<ID>.yaml`    | one [`Action`] per file (`/` as `-`)   |
//! | `modifications/**/<ID>.yaml` | one [`Modification`] per file       |
//!
//! Which files are read: files ending `.yaml` or `.yml`. Ignored without a
//! finding: names starting with `.` (hidden files, `.DS_Store`, editor
//! locks `.#x.yaml` and swap files `.x.yaml.swp`), names ending with `~`
//! (editor backups), and files with any other extension (`README.md`).
//! Symbolic links are never followed; each is reported. A YAML file
//! anywhere else in the tree is reported as a stray file.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use walkdir::WalkDir;

use crate::finding::{Code, Finding, Position};
use crate::model::{
    Action, Meeting, Modification, Organisation, OrganisationsFile, PeopleFile, Person, Principle,
    PrinciplesFile,
};
use crate::settings::Settings;
use crate::yaml::{self, MAX_FILE_BYTES};

/// The environment variable that names the records directory when
/// `--records` is not given.
pub const RECORDS_ENV: &str = "TSC_RECORDS";

/// A record together with the file it was read from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The file, as the records directory joined with the path inside it.
    pub file: PathBuf,
    /// The record.
    pub record: T,
}

/// Every record that parsed, grouped by kind, in file-path order.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// The records directory, as given or found.
    pub root: PathBuf,
    /// `tsc.yaml`, or the TSC defaults when it is absent or unreadable.
    pub settings: Settings,
    /// Where the settings came from, when a `tsc.yaml` exists.
    pub settings_file: Option<PathBuf>,
    /// `meetings/**.yaml`.
    pub meetings: Vec<Located<Meeting>>,
    /// `actions/**.yaml`.
    pub actions: Vec<Located<Action>>,
    /// `modifications/**.yaml`.
    pub modifications: Vec<Located<Modification>>,
    /// Entries of `people.yaml`.
    pub people: Vec<Located<Person>>,
    /// Entries of `organisations.yaml`.
    pub organisations: Vec<Located<Organisation>>,
    /// Entries of `principles.yaml`.
    pub principles: Vec<Located<Principle>>,
}

/// The result of [`load`]: the records that parsed, and a finding for
/// every file that did not.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The records that parsed.
    pub records: Records,
    /// Problems met while reading and parsing (not cross-reference checks).
    pub findings: Vec<Finding>,
}

/// Where `tsc` looks for records: `explicit` (`--records DIR`) if given,
/// else `env` (`TSC_RECORDS`) if set and not empty, else the nearest
/// directory named `records` in `cwd` or one of its ancestors.
///
/// # Errors
/// When no records directory can be found, or the one named is not a
/// directory; the message says how to point `tsc` at one.
pub fn find_records_dir(
    explicit: Option<&Path>,
    env: Option<&OsStr>,
    cwd: &Path,
) -> anyhow::Result<PathBuf> {
    let named = explicit
        .map(|p| (p.to_path_buf(), "--records"))
        .or_else(|| {
            env.filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), RECORDS_ENV))
        });
    if let Some((dir, source)) = named {
        if !dir.is_dir() {
            bail!(
                "the records directory {} (from {source}) does not exist or is not a directory",
                dir.display()
            );
        }
        return Ok(dir);
    }
    for ancestor in cwd.ancestors() {
        let candidate = ancestor.join("records");
        if candidate.is_dir() {
            // Show a path relative to where the user stands when we can.
            return Ok(candidate
                .strip_prefix(cwd)
                .map(Path::to_path_buf)
                .unwrap_or(candidate));
        }
    }
    bail!(
        "no records directory found in {} or any parent directory; \
         pass --records DIR or set {RECORDS_ENV}",
        cwd.display()
    )
}

/// What a file in the records tree is, by its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Settings,
    People,
    Organisations,
    Principles,
    Meeting,
    Action,
    Modification,
}

/// Whether a file name is one the loader skips without a finding.
fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~')
}

fn is_yaml_name(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// Classifies `relative` (a path inside the records directory).
fn classify(relative: &Path) -> Option<Kind> {
    let mut parts = relative.components().map(|c| c.as_os_str());
    let first = parts.next()?;
    let nested = parts.next().is_some();
    if !nested {
        return match first.to_str()? {
            "tsc.yaml" => Some(Kind::Settings),
            "people.yaml" => Some(Kind::People),
            "organisations.yaml" => Some(Kind::Organisations),
            "principles.yaml" => Some(Kind::Principles),
            _ => None,
        };
    }
    match first.to_str()? {
        "meetings" => Some(Kind::Meeting),
        "actions" => Some(Kind::Action),
        "modifications" => Some(Kind::Modification),
        _ => None,
    }
}

/// Loads every record under `root`.
///
/// Files are visited in path order. A file that cannot be read or parsed
/// gives a finding and loading goes on with the next file; nothing under
/// `root` is ever written.
///
/// # Errors
/// Only when `root` itself cannot be read (an I/O error, exit status 2).
pub fn load(root: &Path) -> anyhow::Result<Loaded> {
    fs::read_dir(root)
        .with_context(|| format!("cannot read records directory {}", root.display()))?;
    let mut loaded = Loaded {
        records: Records {
            root: root.to_path_buf(),
            ..Records::default()
        },
        findings: Vec::new(),
    };
    let mut files: Vec<(PathBuf, Kind)> = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                loaded.findings.push(
                    Finding::new(Code::Io, path, Position::default(), error.to_string())
                        .with_help("check the file's permissions"),
                );
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        let relative = path.strip_prefix(root).unwrap_or(path);
        if entry.path_is_symlink() {
            loaded.findings.push(
                Finding::new(
                    Code::StrayFile,
                    path,
                    Position::default(),
                    "symbolic link in the records tree; it was not followed",
                )
                .with_help("replace the link with the file itself, or remove it"),
            );
            continue;
        }
        if !entry.file_type().is_file() || !is_yaml_name(&name) {
            continue;
        }
        match classify(relative) {
            Some(kind) => files.push((path.to_path_buf(), kind)),
            None => loaded.findings.push(
                Finding::new(
                    Code::StrayFile,
                    path,
                    Position::default(),
                    "YAML file outside the record folders; it is not read",
                )
                .with_help(
                    "move it into meetings/, actions/ or modifications/, \
                     or rename it if it is not a record",
                ),
            ),
        }
    }
    for (path, kind) in files {
        read_one(&path, kind, &mut loaded);
    }
    Ok(loaded)
}

/// Reads and parses one file into `loaded`.
fn read_one(path: &Path, kind: Kind, loaded: &mut Loaded) {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(finding) => {
            loaded.findings.push(*finding);
            return;
        }
    };
    let records = &mut loaded.records;
    let file = path.to_path_buf();
    let result = match kind {
        Kind::Settings => yaml::parse::<Settings>(&text, path).map(|s| {
            records.settings = s;
            records.settings_file = Some(file);
        }),
        Kind::People => yaml::parse::<PeopleFile>(&text, path).map(|f| {
            records
                .people
                .extend(f.people.into_iter().map(|record| Located {
                    file: file.clone(),
                    record,
                }));
        }),
        Kind::Organisations => yaml::parse::<OrganisationsFile>(&text, path).map(|f| {
            records
                .organisations
                .extend(f.organisations.into_iter().map(|record| Located {
                    file: file.clone(),
                    record,
                }));
        }),
        Kind::Principles => yaml::parse::<PrinciplesFile>(&text, path).map(|f| {
            records
                .principles
                .extend(f.principles.into_iter().map(|record| Located {
                    file: file.clone(),
                    record,
                }));
        }),
        Kind::Meeting => yaml::parse::<Meeting>(&text, path)
            .map(|record| records.meetings.push(Located { file, record })),
        Kind::Action => yaml::parse::<Action>(&text, path)
            .map(|record| records.actions.push(Located { file, record })),
        Kind::Modification => yaml::parse::<Modification>(&text, path)
            .map(|record| records.modifications.push(Located { file, record })),
    };
    if let Err(finding) = result {
        loaded.findings.push(finding);
    }
}

/// Reads a file as UTF-8 text, enforcing [`MAX_FILE_BYTES`].
fn read_text(path: &Path) -> Result<String, Box<Finding>> {
    let io_finding = |e: std::io::Error| {
        Box::new(
            Finding::new(
                Code::Io,
                path,
                Position::default(),
                format!("cannot read file: {e}"),
            )
            .with_help("check that the file exists and is readable"),
        )
    };
    let size = fs::metadata(path).map_err(io_finding)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(
            Finding::new(
                Code::LimitExceeded,
                path,
                Position::default(),
                format!("file is {size} bytes; record files may be at most {MAX_FILE_BYTES} bytes"),
            )
            .with_help("split the record, or move long text out of the records"),
        ));
    }
    let bytes = fs::read(path).map_err(io_finding)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let prefix = String::from_utf8_lossy(valid);
        let line = prefix.matches('\n').count() as u64 + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        Box::new(
            Finding::new(
                Code::YamlSyntax,
                path,
                Position { line, column },
                format!(
                    "file is not valid UTF-8 (bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
            .with_help("save the file as UTF-8"),
        )
    })
}
