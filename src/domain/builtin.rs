//! The built-in vragenlijsten, every version of each.
//!
//! The table of them ([`FILES`]: id, version, content hash) is always compiled in. The
//! files themselves are compiled in too with the feature `embed-builtins` (the default:
//! host, tests, `make fixtures`); the two apps are built without it and fetch a version
//! when they need it, in its checked form ([`instrument::checked`]: validated when
//! `make dist` wrote it, so reading it needs neither the file format nor its validation)
//! as `builtin/v1/<id>-<version>-<hash>.bin` next to the page ([`BuiltinFile::path`]), so
//! a student's phone downloads only the vragenlijst of its invitation, never every
//! version of every one.
//!
//! Each version is a file `builtin/<id>/<version>.json` in the instrument file format.
//! A version is never edited once it has shipped: a change is a new file with a higher
//! version, and the old file stays, so a meting collected with it still opens, compares
//! and exports. `build.rs` minifies every file and computes its content hash; a host test
//! pins the hash of every shipped version, so an edit in place fails the build's tests.

use crate::domain::instrument::{self, checked, CheckedError, ContentHash, Instrument, Problem};

/// One version of one built-in vragenlijst.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinFile {
    /// The instrument id, e.g. [`STUDENT_ID`].
    pub id: &'static str,
    /// The version, e.g. `1.0.0`.
    pub version: &'static str,
    /// The content hash of the file ([`instrument::content_hash`]), computed at build time.
    pub hash: ContentHash,
    /// The file, minified, when it is compiled in (feature `embed-builtins`).
    pub json: Option<&'static str>,
}

/// The minified file `$file` of `OUT_DIR` (written by `build.rs`), when compiled in.
#[cfg(feature = "embed-builtins")]
macro_rules! embedded {
    ($file:literal) => {
        Some(include_str!(concat!(env!("OUT_DIR"), "/", $file)))
    };
}

/// Not compiled in: the apps fetch the file ([`BuiltinFile::path`]).
#[cfg(not(feature = "embed-builtins"))]
macro_rules! embedded {
    ($file:literal) => {
        None
    };
}

include!(concat!(env!("OUT_DIR"), "/builtin_index.rs"));

/// The id of the built-in student vragenlijst.
pub const STUDENT_ID: &str = "spiegel-student";

/// The id of the built-in staff vragenlijst.
pub const STAFF_ID: &str = "spiegel-staff";

impl BuiltinFile {
    /// Parses the compiled-in file (host tests guarantee every built-in file is valid).
    /// Without the feature `embed-builtins` the file is not compiled in (the apps read
    /// what they fetch with [`BuiltinFile::read_checked`]), and neither is the parser on
    /// this path: the student app's download holds no instrument validation.
    pub fn parse(&self) -> Result<Instrument, Vec<Problem>> {
        #[cfg(feature = "embed-builtins")]
        if let Some(json) = self.json {
            return instrument::parse_known(json, self.hash);
        }
        Err(vec![Problem::new(
            "id",
            instrument::ProblemKind::Syntax {
                detail: format!("{}@{} is not compiled in", self.id, self.version),
            },
        )])
    }

    /// Reads this version as fetched from [`BuiltinFile::path`]: its checked form
    /// ([`checked`]), which `make dist` writes from the validated file. Refuses a damaged
    /// file, and the file of another vragenlijst or version under this name (its content
    /// hash is not this version's).
    pub fn read_checked(&self, bytes: &[u8]) -> Result<Instrument, CheckedError> {
        let instrument = checked::decode(bytes)?;
        if instrument.hash != self.hash
            || instrument.id != self.id
            || instrument.version != self.version
        {
            return Err(CheckedError::Other);
        }
        Ok(instrument)
    }

    /// Where the apps find this version, relative to their page: its checked form, named
    /// by the id, the version and the first 16 hexadecimal characters of the content hash,
    /// in a folder per version of the checked form, so the name changes with the content
    /// and the form and the file can be cached for good.
    pub fn path(&self) -> String {
        let hash = self.hash.to_text();
        let hex = hash.trim_start_matches("sha256:");
        format!(
            "builtin/v{}/{}-{}-{}.bin",
            checked::VERSION,
            self.id,
            self.version,
            &hex[..16.min(hex.len())]
        )
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
