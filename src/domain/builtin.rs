//! The built-in vragenlijsten, compiled into the app so they work without any request.

use crate::domain::instrument::{self, Instrument, Problem};

/// The student vragenlijst, as JSON in the instrument file format (`builtin/student.json`,
/// minified by `build.rs`).
pub const STUDENT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/student.min.json"));

/// The id of the built-in student vragenlijst.
pub const STUDENT_ID: &str = "spiegel-student";

/// The staff vragenlijst, as JSON in the instrument file format (`builtin/staff.json`,
/// minified by `build.rs`).
pub const STAFF_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/staff.min.json"));

/// The id of the built-in staff vragenlijst.
pub const STAFF_ID: &str = "spiegel-staff";

/// Parses the built-in staff vragenlijst (host tests guarantee it is valid and that its
/// mirror links resolve against the student vragenlijst).
pub fn staff() -> Result<Instrument, Vec<Problem>> {
    instrument::parse(STAFF_JSON)
}

/// Parses the built-in student vragenlijst. A host test guarantees it is valid, so the
/// error branch only exists to keep the app from panicking if that ever broke.
pub fn student() -> Result<Instrument, Vec<Problem>> {
    instrument::parse(STUDENT_JSON)
}
