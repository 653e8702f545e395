//! The export file, format version 1: its own versioned types, separate from the domain
//! types, so that a later change inside the app cannot silently change files researchers
//! already hold. `public/schema/spiegel-export.v1.schema.json` describes the same shape.
//!
//! No type here has a field that can hold a name, a team label, a device id, a browser
//! or a time of day. The only free text is [`ExportResponse::texts`], which is empty
//! unless the team chose to include scrubbed and reviewed open answers.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::report::Anonymisation;

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportDocument {
    /// The format version, [`FORMAT_VERSION`].
    pub spiegel_export: u32,
    /// The ISO week the export was made, e.g. `2026-W48`. No day, no time.
    pub created: String,
    /// The settings the export was made with.
    pub parameters: Parameters,
    /// What every item, code and missing-value code means.
    pub codebook: Codebook,
    /// The metingen, with export-local ids.
    pub metingen: Vec<ExportMeting>,
    /// What was generalised, suppressed or left out, and why.
    pub anonymisation: Anonymisation,
    /// Counts per meting, item (and matrix row) and code; cells below `k` are hidden.
    pub aggregates: Vec<MetingAggregates>,
    /// One record per response, in random order; absent in an aggregates-only export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responses: Option<Vec<ExportResponse>>,
}

/// A text in Dutch and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
}

/// How coarse dates are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Coarse {
    /// ISO weeks, `2026-W48`.
    #[default]
    Week,
    /// Months, `2026-11` (the month of the Thursday of the ISO week).
    Month,
}

/// The settings an export was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    /// The smallest group shown: every quasi-identifier combination and every shown count
    /// rests on at least `k` responses.
    pub k: usize,
    /// What the five share bands of staff estimates stand for.
    pub bands: BandParameters,
    /// How coarse the periods are.
    pub dates: Coarse,
    /// Whether scrubbed, reviewed open answers are included.
    pub open_text: bool,
    /// Whether single responses were left out (only aggregates).
    pub aggregates_only: bool,
    /// The anonymisation steps that ran, in order.
    pub steps: Vec<Step>,
}

/// The share bands: four cut points and the five ranges they make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandParameters {
    /// Cut points in percent.
    pub cuts: Vec<u8>,
    /// The bands, lowest first.
    pub ranges: Vec<BandRange>,
}

/// One share band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandRange {
    /// The share code, e.g. `klein_deel`.
    pub code: String,
    /// Lowest percentage (inclusive).
    pub from: u8,
    /// Highest percentage (inclusive).
    pub to: u8,
}

/// An anonymisation step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Response and meting ids are fresh random values, unlinkable to the device's.
    FreshIds,
    /// Records are in random order.
    OrderShuffled,
    /// Dates are ISO weeks or months.
    DatesCoarsened,
    /// No device, browser or timing data: the format has no field for it.
    NoDeviceData,
    /// Metingen with fewer than `k` responses: context suppressed, records left out.
    SmallMetingenLeftOut,
    /// Quasi-identifiers generalised or suppressed until every combination within a
    /// meting holds at least `k` records.
    QuasiIdentifiersKAnonymous,
    /// Answers to questions shown only for some values of a generalised
    /// quasi-identifier are suppressed, so the routing does not reveal the value.
    RoutedAnswersSuppressed,
    /// Aggregate cells below `k` hidden, plus complementary cells.
    CellsBelowKSuppressed,
    /// Open answers left out.
    OpenTextLeftOut,
    /// Open answers scrubbed of e-mail addresses, phone numbers, postcodes, long numbers
    /// and names, then reviewed by the team.
    OpenTextScrubbedAndReviewed,
    /// Single responses left out: aggregates only.
    ResponsesLeftOut,
}

/// The codebook: missing-value codes and every instrument used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codebook {
    /// Codes that stand for a missing value, in every answer.
    pub missing_codes: Vec<CodeLabel>,
    /// The instruments.
    pub instruments: Vec<CodebookInstrument>,
}

/// A code with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeLabel {
    /// The code.
    pub code: String,
    /// What it means.
    pub label: Label,
    /// An option of a multiple choice never picked together with another ("niets");
    /// written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
    /// The option was offered only when this held (e.g. "hbo" only at niveau 4);
    /// written only when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ConditionCode>,
}

/// Whether a flag is off (serde leaves such flags out).
fn is_false(b: &bool) -> bool {
    !*b
}

/// An id with its label: a theme or construct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    /// The id.
    pub id: String,
    /// The label.
    pub label: Label,
}

/// One instrument as its responses were coded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookInstrument {
    /// Instrument id.
    pub id: String,
    /// Content version.
    pub version: String,
    /// `sha256:` and the hexadecimal SHA-256 of this entry without this field, as
    /// canonical JSON (keys sorted, no spaces).
    pub content_hash: String,
    /// `student` or `staff`.
    pub audience: String,
    /// Title.
    pub title: Label,
    /// The student instrument this staff instrument mirrors.
    pub mirrors: Option<String>,
    /// Themes.
    pub themes: Vec<Labelled>,
    /// Constructs.
    pub constructs: Vec<Labelled>,
    /// Sections, in order, with their conditions.
    pub sections: Vec<CodebookSection>,
    /// Items, in order.
    pub items: Vec<CodebookItem>,
}

/// A section of an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookSection {
    /// Section id.
    pub id: String,
    /// Title.
    pub title: Label,
    /// Shown only when this holds.
    pub show_if: Option<ConditionCode>,
}

/// A `show_if` condition, in the form of the instrument file: exactly one of
/// `item` + `in`, `item` + `between`, `item` + `answered`, `all`, `any`, `not`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionCode {
    /// The item looked at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Holds when the answer holds one of these codes.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_codes: Option<Vec<String>>,
    /// Holds when the number lies in this inclusive range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub between: Option<[i64; 2]>,
    /// Holds when the item has a real answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<bool>,
    /// Every part holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<ConditionCode>>,
    /// Some part holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<ConditionCode>>,
    /// The part does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<ConditionCode>>,
}

/// Where an item comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCode {
    /// The seed document.
    pub document: String,
    /// Line ranges in it.
    pub lines: String,
}

/// A mirror link from a staff item (or row) to a student item (or row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MirrorCode {
    /// The student item.
    pub item: String,
    /// The student matrix row.
    pub row: Option<String>,
    /// For a share estimate: the student codes whose share is estimated.
    pub codes: Vec<String>,
}

/// The range of a number item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberRange {
    /// Smallest allowed.
    pub min: i64,
    /// Largest allowed.
    pub max: i64,
    /// Unit.
    pub unit: Option<Label>,
}

/// A matrix row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookRow {
    /// Row id.
    pub id: String,
    /// The statement.
    pub text: Label,
    /// Construct of the row.
    pub construct: String,
    /// The student item (and row) it mirrors.
    pub mirror: Option<MirrorCode>,
}

/// One item (question) of an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookItem {
    /// Item id: the key of its answer in [`ExportResponse::answers`].
    pub id: String,
    /// The section it is in.
    pub section: String,
    /// `single_choice`, `multiple_choice`, `scale`, `yes_no`, `share`, `number`,
    /// `open_text` or `matrix`.
    pub kind: String,
    /// The question.
    pub text: Label,
    /// Construct measured.
    pub construct: String,
    /// Where it comes from.
    pub source: SourceCode,
    /// Whether an answer was required.
    pub required: bool,
    /// Whether "weet ik niet" was offered.
    pub dont_know: bool,
    /// Whether "sla over" was offered.
    pub skippable: bool,
    /// Shown only when this holds (besides its section's condition).
    pub show_if: Option<ConditionCode>,
    /// The answer codes, in order (lowest first for scales, shares and matrices).
    pub codes: Vec<CodeLabel>,
    /// Most options that may be picked (multiple choice).
    pub max_choices: Option<usize>,
    /// The range (number).
    pub number: Option<NumberRange>,
    /// Longest answer in characters (open text).
    pub max_length: Option<usize>,
    /// The rows (matrix).
    pub rows: Vec<CodebookRow>,
    /// The student item it mirrors (staff).
    pub mirror: Option<MirrorCode>,
    /// What "weet ik niet" said for this item, when it said something else (e.g. "Heb
    /// ik niet"); the code is still `weet_niet`. Written only when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know_label: Option<Label>,
    /// `niveau` or `leerweg` when the meting's context answered this item if the team
    /// set it (the respondent was then not asked); written only when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_context: Option<String>,
    /// The code the mirror counts this item as when earlier answers hid it (the record
    /// itself holds no answer then); written only when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_hidden: Option<String>,
    /// Whether answers may hold something a person wrote themselves.
    pub possibly_identifying: bool,
    /// Whether it is a quasi-identifier (see [`Anonymisation::quasi_identifiers`]).
    pub quasi_identifier: bool,
}

/// Coarse context of a meting's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextCode {
    /// Opleidingsdomein code; `null` when left open, `onderdrukt` when suppressed.
    pub domein: Option<String>,
    /// Niveau code; `null` when left open, `onderdrukt` when suppressed.
    pub niveau: Option<String>,
    /// Leerweg code; `null` when left open, `onderdrukt` when suppressed.
    pub leerweg: Option<String>,
}

/// A meting: one round of one instrument for one team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportMeting {
    /// Export-local id, fresh at every export.
    pub id: String,
    /// Instrument id.
    pub instrument: String,
    /// Instrument version.
    pub instrument_version: String,
    /// Coarse team context.
    pub context: ContextCode,
    /// When it was made: ISO week or month.
    pub period: String,
    /// Responses collected.
    pub responses: usize,
    /// Records of it in [`ExportDocument::responses`].
    pub records: usize,
}

/// A shared string: an item id, a code or a period. Cloning it does not copy the text,
/// so a large export repeats no strings in memory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sym(pub Arc<str>);

impl Sym {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Sym {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::borrow::Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Sym {
    fn from(text: &str) -> Sym {
        Sym(Arc::from(text))
    }
}

impl From<String> for Sym {
    fn from(text: String) -> Sym {
        Sym(Arc::from(text))
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Sym, D::Error> {
        String::deserialize(deserializer).map(Sym::from)
    }
}

/// Values by key, in a fixed order (the instrument's), written as a JSON object. Reading
/// keeps the file's order; a key given twice is kept twice (and refused by the checks of
/// [`super::read_export`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed<V>(pub Vec<(Sym, V)>);

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    /// The value of `key`, if any.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Keys and values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Sym, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &Sym> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values, in order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'k, V> IntoIterator for &'k Keyed<V> {
    type Item = (&'k Sym, &'k V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'k, (Sym, V)>, fn(&'k (Sym, V)) -> (&'k Sym, &'k V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Keyed<V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Keyed<V>, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Keyed<V>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Keyed<V>, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((k, v)) = map.next_entry::<Sym, V>()? {
                    out.push((k, v));
                }
                Ok(Keyed(out))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// One coded answer. In JSON: an integer, a string, a list of strings or an object of
/// strings; the item's kind in the codebook says which fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coded {
    /// A number.
    Number(i64),
    /// One code: an answer code, a generalised code or a missing-value code.
    Code(Sym),
    /// The picked codes of a multiple choice, in option order.
    Codes(Vec<Sym>),
    /// Matrix rows, in the instrument's row order: row id to code (or `weet_niet`).
    Rows(Keyed<Sym>),
}

impl Coded {
    /// A single code.
    pub fn code(code: &str) -> Coded {
        Coded::Code(Sym::from(code))
    }
}

impl Serialize for Coded {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Coded::Number(n) => serializer.serialize_i64(*n),
            Coded::Code(c) => c.serialize(serializer),
            Coded::Codes(cs) => cs.serialize(serializer),
            Coded::Rows(rows) => rows.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Coded {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Coded, D::Error> {
        deserializer.deserialize_any(CodedVisitor)
    }
}

/// Reads a [`Coded`] by the JSON type it meets, without buffering.
struct CodedVisitor;

impl<'de> serde::de::Visitor<'de> for CodedVisitor {
    type Value = Coded;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an integer, a code, a list of codes or an object of row codes")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Coded, E> {
        Ok(Coded::Number(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Coded, E> {
        i64::try_from(v).map(Coded::Number).map_err(|_| E::custom("number out of range"))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Coded, E> {
        Ok(Coded::Code(Sym::from(v)))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Coded, A::Error> {
        let mut codes = Vec::new();
        while let Some(code) = seq.next_element::<Sym>()? {
            codes.push(code);
        }
        Ok(Coded::Codes(codes))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Coded, A::Error> {
        let mut rows = Vec::new();
        while let Some((row, code)) = map.next_entry::<Sym, Sym>()? {
            rows.push((row, code));
        }
        Ok(Coded::Rows(Keyed(rows)))
    }
}

/// One response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportResponse {
    /// Fresh random id, unlinkable to the device's response id.
    pub id: String,
    /// Export-local meting id.
    pub meting: Sym,
    /// When it was given: ISO week, month or `onderdrukt`.
    pub period: Sym,
    /// Coded answers by item id, in instrument order. An item without a key was not shown
    /// or not answered.
    pub answers: Keyed<Coded>,
    /// Scrubbed, reviewed open answers by item id (only when included).
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub texts: Keyed<String>,
}

/// Counts for one meting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetingAggregates {
    /// Export-local meting id.
    pub meting: Sym,
    /// Responses counted.
    pub responses: usize,
    /// Per coded item and matrix row, in instrument order.
    pub items: Vec<ItemAggregate>,
}

/// Counts for one item or matrix row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAggregate {
    /// Item id.
    pub item: Sym,
    /// Matrix row id.
    pub row: Option<Sym>,
    /// Responses with a real answer (at least one known code); `null` when below `k`.
    pub n: Option<usize>,
    /// Counts per answer code, then per missing-value code offered.
    pub cells: Vec<Cell>,
}

/// One count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The code.
    pub code: Sym,
    /// Responses whose answer holds it; `null` when suppressed.
    pub count: Option<usize>,
    /// Hidden because it is below `k`, or because it would reveal a hidden cell.
    pub suppressed: bool,
}
