//! The vragenlijsten on this device: the built-in ones and the team's or researcher's
//! own, opened from a file. Deciding whether an own file may join is pure logic, here.

use crate::domain::builtin;
use crate::domain::instrument::{self, check_mirrors, Instrument, Problem, ProblemKind};

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

impl Catalog {
    /// The built-in vragenlijsten. One that fails to parse (a bug a host test guards
    /// against) is left out rather than stopping the app.
    pub fn with_builtins() -> Catalog {
        let mut c = Catalog::default();
        for i in [builtin::student(), builtin::staff()].into_iter().flatten() {
            c.entries.push((Origin::BuiltIn, i));
        }
        c
    }

    /// The instrument with this id.
    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.entries.iter().find(|(_, i)| i.id == id).map(|(_, i)| i)
    }

    /// Every instrument with its origin, built-ins first.
    pub fn entries(&self) -> impl Iterator<Item = (Origin, &Instrument)> {
        self.entries.iter().map(|(o, i)| (*o, i))
    }

    /// Checks an own instrument file and, when it is valid, adds it (replacing an own
    /// instrument with the same id, e.g. a newer version). Returns every problem
    /// otherwise; the catalogue is then unchanged.
    ///
    /// On top of [`instrument::parse`]: the id may not be a built-in's, and a staff
    /// instrument's mirror links must resolve against the instrument it names in
    /// `"mirrors"`, which must already be on the device.
    pub fn accept(&mut self, json: &str) -> Result<&Instrument, Vec<Problem>> {
        let own = instrument::parse(json)?;
        if self.entries.iter().any(|(o, i)| *o == Origin::BuiltIn && i.id == own.id) {
            return Err(vec![Problem::new("id", ProblemKind::IdTaken { id: own.id })]);
        }
        if let Some(target) = &own.mirrors {
            let student = self.get(target).ok_or_else(|| {
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
        self.entries.retain(|(_, i)| i.id != own.id);
        self.entries.push((Origin::Own, own));
        Ok(&self.entries[self.entries.len() - 1].1)
    }
}
