//! The vragenlijsten on this device: every version of the built-in ones and the team's
//! or researcher's own, opened from a file. Deciding whether an own file may join is pure
//! logic, here.
//!
//! Versions are kept side by side. A new meting uses the newest version of a vragenlijst
//! ([`Catalog::current`]); a meting, an invitation and a response name the exact version
//! they were made with ([`Catalog::version`]), and their answers are only ever read with
//! that version's content ([`Catalog::exact`]).

use std::cmp::Ordering;

use crate::domain::builtin;
use crate::domain::instrument::{
    self, check_mirrors, ContentHash, Instrument, Problem, ProblemKind,
};

/// Where an instrument in the catalogue comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the app.
    BuiltIn,
    /// Opened from a file on this device.
    Own,
}

/// The instruments available on this device.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<(Origin, Instrument)>,
}

/// Orders two versions by their numeric parts, so `1.10.0` comes after `1.9.0`; parts
/// that are not numbers compare as text.
pub fn version_order(a: &str, b: &str) -> Ordering {
    let mut left = a.split('.');
    let mut right = b.split('.');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(x), Ok(y)) => x.cmp(&y),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

impl Catalog {
    /// Every version of the built-in vragenlijsten. One that fails to parse (a bug a host
    /// test guards against) is left out rather than stopping the app.
    pub fn with_builtins() -> Catalog {
        let mut c = Catalog::default();
        // The student vragenlijst first: the start screen and new metingen list it first.
        let files = builtin::FILES.iter().filter(|f| f.id == builtin::STUDENT_ID);
        for file in files.chain(builtin::FILES.iter().filter(|f| f.id != builtin::STUDENT_ID)) {
            if let Ok(i) = file.parse() {
                c.entries.push((Origin::BuiltIn, i));
            }
        }
        c
    }

    /// A catalogue of the built-in vragenlijsten given, parsed by the caller (the apps
    /// fetch the files they need, see [`builtin::BuiltinFile::parse_fetched`]).
    pub fn with_parsed_builtins(builtins: Vec<Instrument>) -> Catalog {
        Catalog { entries: builtins.into_iter().map(|i| (Origin::BuiltIn, i)).collect() }
    }

    /// Adds an own instrument that the team page already accepted, read back from its
    /// checked form ([`crate::storage::own`]) by a page that does not validate files (the
    /// student page). Left out, with `false`, when its id is a built-in's or this
    /// catalogue already holds that id and version.
    pub fn add_checked(&mut self, own: Instrument) -> bool {
        let taken = self
            .entries
            .iter()
            .any(|(o, i)| i.id == own.id && (*o == Origin::BuiltIn || i.version == own.version));
        if !taken {
            self.entries.push((Origin::Own, own));
        }
        !taken
    }

    /// The newest version of the instrument with this id: what a new meting or run uses.
    pub fn current(&self, id: &str) -> Option<&Instrument> {
        self.entries
            .iter()
            .map(|(_, i)| i)
            .filter(|i| i.id == id)
            .max_by(|a, b| version_order(&a.version, &b.version))
    }

    /// The instrument with this id and version.
    pub fn version(&self, id: &str, version: &str) -> Option<&Instrument> {
        self.entries.iter().map(|(_, i)| i).find(|i| i.id == id && i.version == version)
    }

    /// The instrument with this id and version, if its content is `hash` (when given).
    /// `None` also when the device holds that version with other content.
    pub fn exact(
        &self,
        id: &str,
        version: &str,
        hash: Option<&ContentHash>,
    ) -> Option<&Instrument> {
        self.version(id, version).filter(|i| hash.is_none_or(|h| *h == i.hash))
    }

    /// The instrument whose content hash is `hash`.
    pub fn by_hash(&self, hash: &ContentHash) -> Option<&Instrument> {
        self.entries.iter().map(|(_, i)| i).find(|i| i.hash == *hash)
    }

    /// Every instrument and version with its origin, built-ins first.
    pub fn entries(&self) -> impl Iterator<Item = (Origin, &Instrument)> {
        self.entries.iter().map(|(o, i)| (*o, i))
    }

    /// The newest version of every instrument, with its origin, built-ins first, each id
    /// where its first version stands.
    pub fn currents(&self) -> impl Iterator<Item = (Origin, &Instrument)> {
        let mut seen: Vec<&str> = Vec::new();
        self.entries.iter().filter_map(move |(o, i)| {
            if seen.contains(&i.id.as_str()) {
                return None;
            }
            seen.push(&i.id);
            Some((*o, self.current(&i.id)?))
        })
    }

    /// Checks an own instrument file and, when it is valid, adds it next to any other
    /// version of the same id. Returns every problem otherwise; the catalogue is then
    /// unchanged. A file this catalogue already holds (the same content) is accepted
    /// again without a second copy.
    ///
    /// On top of [`instrument::parse`]: the id may not be a built-in's; the same id and
    /// version with other content is refused ([`ProblemKind::VersionTaken`]), since
    /// responses to one would be read with the other; and a staff instrument's mirror
    /// links must resolve against the newest version of the instrument it names in
    /// `"mirrors"`, which must already be on the device.
    pub fn accept(&mut self, json: &str) -> Result<&Instrument, Vec<Problem>> {
        let own = instrument::parse(json)?;
        if self.entries.iter().any(|(o, i)| *o == Origin::BuiltIn && i.id == own.id) {
            return Err(vec![Problem::new("id", ProblemKind::IdTaken { id: own.id })]);
        }
        if let Some(at) =
            self.entries.iter().position(|(_, i)| i.id == own.id && i.version == own.version)
        {
            if self.entries[at].1.hash != own.hash {
                let (id, version) = (own.id, own.version);
                return Err(vec![Problem::new(
                    "version",
                    ProblemKind::VersionTaken { id, version },
                )]);
            }
            return Ok(&self.entries[at].1);
        }
        if let Some(target) = &own.mirrors {
            let student = self.current(target).ok_or_else(|| {
                vec![Problem::new(
                    "mirrors",
                    ProblemKind::MirrorTargetMissing { expected: target.clone() },
                )]
            })?;
            let problems = check_mirrors(&own, student);
            if !problems.is_empty() {
                return Err(problems);
            }
        }
        self.entries.push((Origin::Own, own));
        Ok(&self.entries[self.entries.len() - 1].1)
    }
}
