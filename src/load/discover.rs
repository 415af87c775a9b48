//! Finding the records directory.
//!
//! `tsc` is run from anywhere in a repository, so it looks for the
//! records the way git looks for `.git`: an explicit `--records`, then
//! `TSC_RECORDS`, then the nearest `records/` above the working
//! directory. A directory that holds none of the record files is refused
//! rather than loaded, because an empty load would look like a clean,
//! valid committee and hide the mistake.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::kind::Kind;

/// The environment variable that names the records directory when
/// `--records` is not given.
pub const RECORDS_ENV: &str = "TSC_RECORDS";

/// Where `tsc` looks for records: `explicit` (`--records DIR`) if given,
/// else `env` (`TSC_RECORDS`) if set and not empty, else the nearest
/// directory named `records` in `cwd` or one of its ancestors (`cwd`
/// itself when it is that directory). A records directory found that way
/// must hold records, as one named by `--records` must.
///
/// # Errors
/// When no records directory can be found, the one named is not a
/// directory, or the one named or found holds no records; the message
/// says how to point `tsc` at one.
pub fn find_records_dir(
    explicit: Option<&Path>,
    env: Option<&OsStr>,
    cwd: &Path,
) -> crate::error::Result<PathBuf> {
    let named = explicit
        .map(|p| (p.to_path_buf(), "--records"))
        .or_else(|| {
            env.filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), RECORDS_ENV))
        });
    if let Some((dir, source)) = named {
        if !dir.is_dir() {
            return Err(Error::RecordsDir(format!(
                "the records directory {} (from {source}) does not exist or is not a directory",
                dir.display()
            )));
        }
        if let Err(error) = fs::read_dir(&dir) {
            return Err(Error::RecordsDir(format!(
                "cannot read the records directory {} (from {source}): {error}",
                dir.display()
            )));
        }
        if !looks_like_records(&dir) {
            let nested = dir.join("records");
            let hint = if looks_like_records(&nested) {
                format!("; did you mean {}?", nested.display())
            } else {
                String::new()
            };
            return Err(Error::RecordsDir(format!(
                "{} (from {source}) holds none of tsc.yaml, people.yaml, organisations.yaml, \
                 principles.yaml, meetings/, actions/ or modifications/, so it is not a \
                 records directory{hint}",
                dir.display()
            )));
        }
        return Ok(dir);
    }
    for ancestor in cwd.ancestors() {
        let candidate = ancestor.join("records");
        if candidate.is_dir() {
            if !looks_like_records(&candidate) {
                return Err(Error::RecordsDir(format!(
                    "{} (found above {}) holds none of tsc.yaml, people.yaml, \
                     organisations.yaml, principles.yaml, meetings/, actions/ or \
                     modifications/, so it is not a records directory; pass --records DIR \
                     or set {RECORDS_ENV}",
                    candidate.display(),
                    cwd.display()
                )));
            }
            return Ok(relative_to(&candidate, cwd));
        }
    }
    Err(Error::RecordsDir(format!(
        "no records directory found in {} or any parent directory; \
         pass --records DIR or set {RECORDS_ENV}",
        cwd.display()
    )))
}

/// `dir`, the `records` folder found in `cwd` or one of its ancestors, as
/// a path from `cwd`: `.` for `cwd` itself (so that `tsc` run inside
/// `records/` reads `.`), `records/...` below it, `..` (as many as it
/// takes) when `cwd` is inside it, and `../records` and so on beside it.
/// Findings are then named from where the user stands, as git and
/// `validate --staged` name them: run in `records/actions`, a finding is
/// at `../actions/X.yaml`, not at an absolute path.
fn relative_to(dir: &Path, cwd: &Path) -> PathBuf {
    if let Ok(rest) = dir.strip_prefix(cwd) {
        return if rest.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            rest.to_path_buf()
        };
    }
    let up = |from: &Path| -> PathBuf { from.components().map(|_| "..").collect() };
    if let Ok(inside) = cwd.strip_prefix(dir) {
        return up(inside);
    }
    match dir
        .parent()
        .and_then(|above| Some((above, cwd.strip_prefix(above).ok()?)))
    {
        Some((_, below)) => up(below).join(dir.file_name().unwrap_or_default()),
        None => dir.to_path_buf(),
    }
}

/// Whether `dir` holds the entry of at least one [`Kind`], so that a
/// wrong `--records` (an empty directory, the repository root) is a usage
/// error rather than an empty, valid-looking answer.
fn looks_like_records(dir: &Path) -> bool {
    Kind::ALL
        .iter()
        .any(|kind| fs::symlink_metadata(dir.join(kind.entry())).is_ok())
}

#[cfg(test)]
mod tests {
    use super::relative_to;
    use std::path::{Path, PathBuf};

    #[test]
    fn the_records_found_are_named_from_the_current_directory() {
        let records = Path::new("/c/records");
        let from = |cwd: &str| relative_to(records, Path::new(cwd));
        assert_eq!(from("/c/records"), PathBuf::from("."));
        assert_eq!(from("/c"), PathBuf::from("records"));
        assert_eq!(from("/c/records/actions"), PathBuf::from(".."));
        assert_eq!(from("/c/records/actions/2016"), PathBuf::from("../.."));
        assert_eq!(from("/c/docs"), PathBuf::from("../records"));
        assert_eq!(from("/c/docs/a/b"), PathBuf::from("../../../records"));
        assert_eq!(
            relative_to(Path::new("/c/x/records"), Path::new("/c")),
            PathBuf::from("x/records")
        );
    }
}
