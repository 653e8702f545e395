//! The anonymisation report of the export file (format version 1): what was generalised,
//! suppressed or left out, and why. Counts and codes only, never text.

use serde::{Deserialize, Serialize};

/// What anonymisation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anonymisation {
    /// The quasi-identifiers and their generalisation hierarchies.
    pub quasi_identifiers: Vec<QuasiIdentifier>,
    /// Metingen with fewer than `k` responses.
    pub small_metingen: Vec<SmallMeting>,
    /// Quasi-identifiers generalised, per meting.
    pub generalised: Vec<Generalised>,
    /// Records whose quasi-identifiers were all suppressed, per meting.
    pub suppressed: Vec<Suppressed>,
    /// Routed answers suppressed, per meting and item.
    pub blanked: Vec<Blanked>,
    /// Open answers.
    pub texts: TextReport,
    /// Aggregate cells.
    pub cells: CellReport,
}

/// Why something was generalised, suppressed or left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The meting has fewer than `k` responses.
    FewerThanKResponses,
    /// Some combination of quasi-identifier values held fewer than `k` records.
    CombinationBelowK,
    /// The suppressed records themselves were fewer than `k`, so more were added.
    SuppressedGroupBelowK,
    /// The question is shown only for some of the values merged, so its answer (or its
    /// absence) would reveal the value.
    ShownOnlyForSomeValues,
}

/// A quasi-identifier and its hierarchy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuasiIdentifier {
    /// Instrument id.
    pub instrument: String,
    /// Instrument version.
    pub instrument_version: String,
    /// Item id; `null` for the response's period.
    pub item: Option<String>,
    /// Level 1, 2, …: each applies its groups on top of the levels before it. The last
    /// level maps every value (`*`) to `onderdrukt`.
    pub levels: Vec<Level>,
}

/// One generalisation level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Level number, from 1.
    pub level: usize,
    /// The values merged, and into what.
    pub groups: Vec<Group>,
}

/// Values merged into one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The values (`*` for every value, `week` for an ISO week).
    pub from: Vec<String>,
    /// The value they become (`month` for the month of the week).
    pub to: String,
}

/// A meting with fewer than `k` responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmallMeting {
    /// Export-local meting id.
    pub meting: String,
    /// Responses it has (none of them are records).
    pub responses: usize,
    /// Why.
    pub reason: Reason,
}

/// A quasi-identifier generalised in one meting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generalised {
    /// Export-local meting id.
    pub meting: String,
    /// Item id; `null` for the period.
    pub item: Option<String>,
    /// The level reached (see the hierarchy).
    pub level: usize,
    /// Records that now hold a generalised value or `onderdrukt`.
    pub records: usize,
    /// Why.
    pub reason: Reason,
}

/// Records of one meting whose quasi-identifiers were all suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppressed {
    /// Export-local meting id.
    pub meting: String,
    /// How many records.
    pub records: usize,
    /// Why.
    pub reason: Reason,
}

/// Answers to one item suppressed in one meting because of routing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blanked {
    /// Export-local meting id.
    pub meting: String,
    /// The item whose answers became `onderdrukt`.
    pub item: String,
    /// The quasi-identifier whose generalisation made it necessary.
    pub because_of: String,
    /// Records affected.
    pub records: usize,
    /// Why.
    pub reason: Reason,
}

/// What happened to open answers. Counts only, never text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextReport {
    /// Whether open answers are included.
    pub included: bool,
    /// Open answers that could have been included.
    pub offered: usize,
    /// Dropped by the team in the review.
    pub dropped: usize,
    /// Included answers in which something was replaced.
    pub scrubbed: usize,
    /// Replacements per kind of pattern.
    pub patterns: PatternCounts,
}

/// Replacements per kind of pattern.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternCounts {
    /// E-mail addresses.
    pub email: usize,
    /// Phone numbers.
    pub phone: usize,
    /// Postcodes.
    pub postcode: usize,
    /// Student numbers and other runs of five or more digits.
    pub number: usize,
    /// Names after "mijn naam is", "ik heet", "ik ben", "my name is", "I am".
    pub name: usize,
    /// Social media handles (`@naam`).
    pub handle: usize,
}

/// Aggregate cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellReport {
    /// Cells in all aggregates.
    pub cells: usize,
    /// Cells hidden.
    pub suppressed: usize,
}
