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

    /// Where the kind lives in a records directory: the folder of a
    /// one-record-per-file kind, or the name of a top-level file. The one
    /// place these names are written.
    pub fn entry(self) -> &'static str {
        match self {
            Kind::Meeting => "meetings",
            Kind::Action => "actions",
            Kind::Modification => "modifications",
            Kind::People => "people.yaml",
            Kind::Organisations => "organisations.yaml",
            Kind::Principles => "principles.yaml",
            Kind::Settings => "tsc.yaml",
        }
    }

    /// Whether each record of the kind is a file of its own in the folder
    /// [`Kind::entry`] (meetings, actions, proposals).
    pub fn is_folder(self) -> bool {
        matches!(self, Kind::Meeting | Kind::Action | Kind::Modification)
    }

    /// The files of a records directory the kind describes, as a glob.
    pub fn files(self) -> String {
        if self.is_folder() {
            format!("{}/**/*.yaml", self.entry())
        } else {
            self.entry().to_owned()
        }
    }

    /// The kind whose top-level file (`nested` false) or folder (`nested`
    /// true) is called `name`.
    pub fn at(name: &str, nested: bool) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.is_folder() == nested && k.entry() == name)
    }

    /// The kind called `name`, ignoring ASCII case.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }
}
