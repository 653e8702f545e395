//! Exports of one meting that cannot be joined into groups below `k`.
//!
//! Two exports of the same meting, anonymised each on its own, can be joined: records link
//! one to one through their answers, and a student who is 1 of 5 with weeks in one export
//! and 1 of 5 with months in the other may be 1 of 1 in the join. So a meting's
//! anonymisation is kept on the device as its [`ExportPlan`] and every later export
//! follows it:
//!
//! - **The responses that may leave**: not part of the plan but of the meting's
//!   *released set*, which the mirror shares ([`super::MetingInput::released`],
//!   [`crate::domain::analysis::release`]). An export takes the responses collected since
//!   the set last grew only when there are at least `k` of them; fewer stay on the
//!   device (the app says how many), so comparing two exports, or an export with the
//!   mirror, never shows the answers of one or two late students, in the records or in
//!   the counts.
//! - **`k`** never goes below the first export's. Once records left, every later export
//!   with records uses that same `k`.
//! - **The record plan** ([`RecordPlan`]), frozen at the first export with records: the
//!   level of each quasi-identifier, weeks or months, and which records had every
//!   quasi-identifier suppressed. A later export uses the same levels or higher (months
//!   after weeks is fine, weeks after months is refused), keeps those records suppressed,
//!   and anonymises responses that arrived since as a group of their own
//!   ([`RecordPlan::batches`]). Every quasi-identifier value of a record in the later
//!   export is then a merge of its value in the earlier one, no earlier group is split,
//!   and the new records form groups of at least `k` among themselves: in the join of
//!   any two exports every group still holds at least `k` records.
//!
//! The plan (like the released set) holds response ids of the device and never leaves it (except inside the
//! team's encrypted backup, so a restored device keeps following it).

use std::collections::BTreeSet;

use super::Coarse;
use crate::domain::text::Lang;

/// How coarse the period of a record plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PeriodLevel {
    /// ISO weeks.
    Week,
    /// Months.
    Month,
    /// Suppressed.
    Suppressed,
}

/// The anonymisation of a meting's records, frozen at its first export with records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPlan {
    /// The `k` of that export.
    pub k: usize,
    /// Weeks or months.
    pub dates: Coarse,
    /// Per quasi-identifier item id, the level reached (see [`super::quasi`]).
    pub levels: Vec<(String, usize)>,
    /// The level of the period.
    pub period: PeriodLevel,
    /// Device ids of the records whose every quasi-identifier was suppressed.
    pub suppressed: BTreeSet<String>,
    /// Device ids of the records, by the export they first left in: each batch is
    /// k-anonymous on its own.
    pub batches: Vec<BTreeSet<String>>,
}

/// What a meting's exports so far fix for the next one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportPlan {
    /// The `k` of the meting's first export.
    pub k: usize,
    /// The record plan, once records have left.
    pub records: Option<RecordPlan>,
}

/// Why an export of a meting with a plan is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `k` below that of the meting's first export.
    LowerK {
        /// The first export's `k`.
        was: usize,
    },
    /// Records with another `k` than the first export with records.
    OtherK {
        /// That export's `k`.
        was: usize,
    },
    /// Weeks after an export with records in months.
    FinerDates,
}

impl Refusal {
    /// The reason in plain words, naming what to choose instead.
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::LowerK { was }, Lang::Nl) => format!(
                "Deze meting is eerder geëxporteerd met k = {was}. Een volgende export gebruikt k = {was} of meer; anders zijn de exports samen te leggen tot groepjes kleiner dan {was}."
            ),
            (Refusal::LowerK { was }, Lang::En) => format!(
                "This meting was exported before with k = {was}. A later export uses k = {was} or more; otherwise the exports together show groups smaller than {was}."
            ),
            (Refusal::OtherK { was }, Lang::Nl) => format!(
                "Deze meting is eerder per antwoord geëxporteerd met k = {was}. Kies weer k = {was}, of exporteer alleen totalen."
            ),
            (Refusal::OtherK { was }, Lang::En) => format!(
                "This meting was exported with single responses before, with k = {was}. Choose k = {was} again, or export totals only."
            ),
            (Refusal::FinerDates, Lang::Nl) => "Deze meting is eerder per maand geëxporteerd. Kies weer maanden: weken naast maanden maken antwoorden herkenbaar.".into(),
            (Refusal::FinerDates, Lang::En) => "This meting was exported by month before. Choose months again: weeks next to months make responses recognisable.".into(),
        }
    }
}

/// Checks the team's choices for one meting against its plan.
pub fn check(
    plan: Option<&ExportPlan>,
    k: usize,
    dates: Coarse,
    with_records: bool,
) -> Result<(), Refusal> {
    let Some(plan) = plan else { return Ok(()) };
    if k < plan.k {
        return Err(Refusal::LowerK { was: plan.k });
    }
    if let (true, Some(records)) = (with_records, &plan.records) {
        if k != records.k {
            return Err(Refusal::OtherK { was: records.k });
        }
        if records.dates == Coarse::Month && dates == Coarse::Week {
            return Err(Refusal::FinerDates);
        }
    }
    Ok(())
}
