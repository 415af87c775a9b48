//! The kinds of record file, and where each lives in a records directory.
//! Shared by the loader (which file is what), `tsc schema` (one schema per
//! kind) and messages that name a kind.

/// A record file kind, named as on the command line (`tsc schema KIND`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `meetings/<ID>.yaml`.
    Meeting,
    /// `actions/<ID>.yaml`.
    Action,
    /// `modifications/<ID>.yaml`.
    Modification,
    /// `people.yaml`.
    People,
    /// `organisations.yaml`.
    Organisations,
    /// `principles.yaml`.
    Principles,
    /// `tsc.yaml`.
    Settings,
}

impl Kind {
    /// Every kind, in the order `tsc schema` lists them.
    pub const ALL: [Kind; 7] = [
        Kind::Meeting,
        Kind::Action,
        Kind::Modification,
        Kind::People,
        Kind::Organisations,
        Kind::Principles,
        Kind::Settings,
    ];

    /// The kind's name: `meeting`, `action`, `modification`, `people`,
    /// `organisations`, `principles` or `settings`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Action => "action",
            Kind::Modification => "modification",
            Kind::People => "people",
            Kind::Organisations => "organisations",
            Kind::Principles => "principles",
            Kind::Settings => "settings",
        }
    }

    /// The files of a records directory the kind describes, as a glob.
    pub fn files(self) -> &'static str {
        match self {
            Kind::Meeting => "meetings/**/*.yaml",
            Kind::Action => "actions/**/*.yaml",
            Kind::Modification => "modifications/**/*.yaml",
            Kind::People => "people.yaml",
            Kind::Organisations => "organisations.yaml",
            Kind::Principles => "principles.yaml",
            Kind::Settings => "tsc.yaml",
        }
    }

    /// The kind called `name`, ignoring ASCII case.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }
}
