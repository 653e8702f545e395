//! The built-in vragenlijsten, every version of each, compiled into the app so they work
//! without any request.
//!
//! Each version is a file `builtin/<id>/<version>.json` in the instrument file format.
//! A version is never edited once it has shipped: a change is a new file with a higher
//! version, and the old file stays, so a meting collected with it still opens, compares
//! and exports. `build.rs` minifies every file and computes its content hash; a host test
//! pins the hash of every shipped version, so an edit in place fails the build's tests.

use crate::domain::instrument::{self, ContentHash, Instrument, Problem};

/// One version of one built-in vragenlijst.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinFile {
    /// The instrument id, e.g. [`STUDENT_ID`].
    pub id: &'static str,
    /// The version, e.g. `1.0.0`.
    pub version: &'static str,
    /// The content hash of the file ([`instrument::content_hash`]), computed at build time.
    pub hash: ContentHash,
    /// The file, minified.
    pub json: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/builtin_index.rs"));

/// The id of the built-in student vragenlijst.
pub const STUDENT_ID: &str = "spiegel-student";

/// The id of the built-in staff vragenlijst.
pub const STAFF_ID: &str = "spiegel-staff";

impl BuiltinFile {
    /// Parses the file (host tests guarantee every built-in file is valid).
    pub fn parse(&self) -> Result<Instrument, Vec<Problem>> {
        instrument::parse_known(self.json, self.hash)
    }
}

/// The newest version of the built-in vragenlijst `id`, if there is one.
pub fn current(id: &str) -> Option<&'static BuiltinFile> {
    // FILES is ordered by id, then oldest version first.
    FILES.iter().rev().find(|f| f.id == id)
}

/// The version `version` of the built-in vragenlijst `id`, if it ever shipped.
pub fn version(id: &str, version: &str) -> Option<&'static BuiltinFile> {
    FILES.iter().find(|f| f.id == id && f.version == version)
}

/// Parses the newest built-in student vragenlijst. A host test guarantees it is valid, so
/// the error branch only exists to keep the app from panicking if that ever broke.
pub fn student() -> Result<Instrument, Vec<Problem>> {
    parse_current(STUDENT_ID)
}

/// Parses the newest built-in staff vragenlijst (host tests guarantee it is valid and
/// that its mirror links resolve against the newest student vragenlijst).
pub fn staff() -> Result<Instrument, Vec<Problem>> {
    parse_current(STAFF_ID)
}

fn parse_current(id: &str) -> Result<Instrument, Vec<Problem>> {
    match current(id) {
        Some(file) => file.parse(),
        None => Err(vec![Problem::new(
            "id",
            instrument::ProblemKind::Syntax { detail: format!("no built-in instrument '{id}'") },
        )]),
    }
}
