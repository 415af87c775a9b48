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
    pub(crate) fn is_folder(self) -> bool {
        matches!(self, Kind::Meeting | Kind::Action | Kind::Modification)
    }

    /// Where the kind lives, as messages name it: the folder with a
    /// trailing `/` (`meetings/`), or the top-level file (`people.yaml`).
    pub(crate) fn place(self) -> String {
        if self.is_folder() {
            format!("{}/", self.entry())
        } else {
            self.entry().to_owned()
        }
    }

    /// What a file of the kind holds, as messages say it: `a meeting
    /// record`, `a list of people`, `committee settings`.
    pub(crate) fn contents(self) -> &'static str {
        match self {
            Kind::Settings => "committee settings",
            Kind::People => "a list of people",
            Kind::Organisations => "a list of organisations",
            Kind::Principles => "a list of principles",
            Kind::Meeting => "a meeting record",
            Kind::Action => "an action record",
            Kind::Modification => "a modification proposal record",
        }
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
    pub(crate) fn at(name: &str, nested: bool) -> Option<Kind> {
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

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn places_are_folders_with_a_slash_or_top_level_files() {
        let places: Vec<String> = Kind::ALL.into_iter().map(Kind::place).collect();
        assert_eq!(
            places,
            [
                "meetings/",
                "actions/",
                "modifications/",
                "people.yaml",
                "organisations.yaml",
                "principles.yaml",
                "tsc.yaml"
            ]
        );
        assert_eq!(Kind::at("actions", true), Some(Kind::Action));
        assert_eq!(Kind::at("actions", false), None);
        assert_eq!(Kind::at("tsc.yaml", false), Some(Kind::Settings));
    }
}
