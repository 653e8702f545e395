//! The instrument file format, version 1: the JSON shape researchers and teams write.
//!
//! Every struct rejects unknown keys, so a misspelled key is reported instead of being
//! silently ignored. The shape is deliberately flat (an item's kind is a plain `"kind"`
//! field next to the fields that kind uses); [`super::parse`] checks which fields belong
//! to which kind and reports the rest as problems. docs/formats.md documents it with an example.

use serde::Deserialize;

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole instrument file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentFile {
    /// Must be [`FORMAT_VERSION`].
    pub spiegel_instrument: u32,
    /// Stable id.
    pub id: String,
    /// Content version.
    pub version: String,
    /// `student` or `staff`.
    pub audience: String,
    /// Title in both languages.
    pub title: TextFile,
    /// Introduction in both languages.
    #[serde(default)]
    pub intro: Option<TextFile>,
    /// Rough minutes to fill in.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Id of the student instrument this (staff) instrument mirrors.
    #[serde(default)]
    pub mirrors: Option<String>,
    /// Themes.
    #[serde(default)]
    pub themes: Vec<LabelFile>,
    /// Constructs.
    #[serde(default)]
    pub constructs: Vec<LabelFile>,
    /// Named scales that items and matrices can refer to.
    #[serde(default)]
    pub scales: Vec<ScaleFile>,
    /// The four cut points, in whole percent, between the five answers of every `share`
    /// item, e.g. `[10, 40, 60, 90]`: staff see each answer with its range.
    #[serde(default)]
    pub share_cuts: Option<Vec<i64>>,
    /// Sections.
    pub sections: Vec<SectionFile>,
}

/// A text; both languages are needed, and a missing one is reported as a problem.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct TextFile {
    /// Dutch.
    #[serde(default)]
    pub nl: Option<String>,
    /// English.
    #[serde(default)]
    pub en: Option<String>,
}

/// An id with a label: a theme or a construct.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelFile {
    /// Id.
    pub id: String,
    /// Label.
    pub label: TextFile,
}

/// A named scale.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleFile {
    /// Id that items use in `"scale"`.
    pub id: String,
    /// Points, lowest first.
    #[serde(default)]
    pub points: Vec<ChoiceFile>,
}

/// A coded option or scale point.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFile {
    /// Code.
    pub code: String,
    /// Label.
    pub label: TextFile,
    /// An option of a multiple choice that cannot be picked together with another
    /// ("niets", "geen van deze"): picking it clears the others and the other way round.
    #[serde(default)]
    pub exclusive: Option<bool>,
    /// An option of a single or multiple choice shown only when this holds.
    #[serde(default)]
    pub show_if: Option<ConditionFile>,
}

/// A section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    /// Id.
    pub id: String,
    /// Title.
    pub title: TextFile,
    /// Condition.
    #[serde(default)]
    pub show_if: Option<ConditionFile>,
    /// Items.
    #[serde(default)]
    pub items: Vec<ItemFile>,
}

/// The source of an item.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// Document, e.g. `seed-000`.
    pub document: String,
    /// Line ranges, e.g. `1093-1094, 1100`.
    #[serde(default)]
    pub lines: Option<String>,
}

/// An item: common fields plus the fields of its kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    /// Id.
    pub id: String,
    /// Kind name, e.g. `single_choice`.
    pub kind: String,
    /// Question.
    pub text: TextFile,
    /// Extra explanation.
    #[serde(default)]
    pub help: Option<TextFile>,
    /// Construct id.
    #[serde(default)]
    pub construct: Option<String>,
    /// Source.
    #[serde(default)]
    pub source: Option<SourceFile>,
    /// Required (default true).
    #[serde(default)]
    pub required: Option<bool>,
    /// Offer "weet ik niet".
    #[serde(default)]
    pub dont_know: Option<bool>,
    /// What "weet ik niet" says for this item, e.g. "Heb ik niet" for a lesson a student
    /// does not have (the code stays `weet_niet`).
    #[serde(default)]
    pub dont_know_label: Option<TextFile>,
    /// Offer "sla over".
    #[serde(default)]
    pub skip: Option<bool>,
    /// Condition.
    #[serde(default)]
    pub show_if: Option<ConditionFile>,
    /// Options (single and multiple choice).
    #[serde(default)]
    pub options: Option<Vec<ChoiceFile>>,
    /// Most options (multiple choice).
    #[serde(default)]
    pub max_choices: Option<usize>,
    /// Named scale (scale, matrix).
    #[serde(default)]
    pub scale: Option<String>,
    /// Inline points (scale, matrix), instead of a named scale.
    #[serde(default)]
    pub points: Option<Vec<ChoiceFile>>,
    /// Smallest value (number).
    #[serde(default)]
    pub min: Option<i64>,
    /// Largest value (number).
    #[serde(default)]
    pub max: Option<i64>,
    /// Unit (number).
    #[serde(default)]
    pub unit: Option<TextFile>,
    /// Maximum length (open text).
    #[serde(default)]
    pub max_length: Option<usize>,
    /// Rows (matrix).
    #[serde(default)]
    pub rows: Option<Vec<RowFile>>,
    /// The student item this item estimates or mirrors.
    #[serde(default)]
    pub mirror: Option<MirrorFile>,
    /// The part of a meting's context that answers this item when the team set it
    /// (`niveau` or `leerweg`); the item is then not asked.
    #[serde(default)]
    pub from_context: Option<String>,
    /// The code this item counts as in the mirror when its condition hides it because of
    /// an earlier answer (for example "geen" when "Heb je hulp nodig?" was answered "nee").
    #[serde(default)]
    pub when_hidden: Option<String>,
}

/// A mirror link: the student item (and matrix row) a staff item mirrors, and for a
/// share estimate the answer codes it estimates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MirrorFile {
    /// Student item id.
    pub item: String,
    /// Row id, when the student item is a matrix.
    #[serde(default)]
    pub row: Option<String>,
    /// Answer codes estimated (share items); absent for an ordinal mirror.
    #[serde(default)]
    pub codes: Option<Vec<String>>,
}

/// A matrix row.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowFile {
    /// Id within the matrix.
    pub id: String,
    /// Statement.
    pub text: TextFile,
    /// Construct; defaults to the matrix's.
    #[serde(default)]
    pub construct: Option<String>,
    /// The student item (and row) this row mirrors, on the same scale.
    #[serde(default)]
    pub mirror: Option<MirrorFile>,
}

/// A condition: exactly one of the forms below.
///
/// - `{"item": "stage", "in": ["ja"]}`
/// - `{"item": "leeftijd", "between": [16, 18]}`
/// - `{"item": "x", "answered": true}` (or `false`)
/// - `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ConditionFile {
    /// Item the condition looks at.
    #[serde(default)]
    pub item: Option<String>,
    /// Codes.
    #[serde(default, rename = "in")]
    pub in_codes: Option<Vec<String>>,
    /// Inclusive range.
    #[serde(default)]
    pub between: Option<[i64; 2]>,
    /// Answered or not.
    #[serde(default)]
    pub answered: Option<bool>,
    /// All of.
    #[serde(default)]
    pub all: Option<Vec<ConditionFile>>,
    /// Any of.
    #[serde(default)]
    pub any: Option<Vec<ConditionFile>>,
    /// Not.
    #[serde(default)]
    pub not: Option<Box<ConditionFile>>,
}
