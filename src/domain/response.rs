//! A submitted response, as analysis and export see it.

use std::collections::BTreeMap;

use crate::domain::answer::Answer;

/// One respondent's submitted answers to one instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Random id made on the device, only to count a response once.
    pub id: String,
    /// Instrument id.
    pub instrument: String,
    /// Instrument version answered.
    pub instrument_version: String,
    /// ISO week of submission, e.g. `2026-W48`.
    pub week: String,
    /// Answers by item id (only items that were shown).
    pub answers: BTreeMap<String, Answer>,
}
