//! The typed model of a vragenlijst (instrument): sections of items, each item with a
//! kind, a construct and a source.
//!
//! Instruments arrive as JSON in the versioned file format of [`file`]; [`parse`] turns a
//! file into an [`Instrument`] and reports every [`Problem`] it finds, with its place.

mod bands;
pub mod checked;
pub mod file;
mod hash;
mod json_error;
pub mod mirror;
pub mod problem;
mod reach;
mod validate;

pub use bands::{Bands, BandsError, SHARE_BANDS};
pub use checked::CheckedError;
pub use hash::{canonical_json, content_hash, ContentHash};
pub use mirror::check_mirrors;
pub use problem::{JsonProblem, Problem, ProblemKind};
pub use validate::{max_sealed_len, parse, parse_known, MAX_MAX_LENGTH};

use crate::domain::condition::Condition;
use crate::domain::text::Text;

/// Who an instrument is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Students fill it in about themselves.
    Student,
    /// Staff fill it in about their students and their team.
    Staff,
}

/// A validated instrument. Every id is unique, every reference resolves and every text
/// exists in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Instrument {
    /// Stable id, e.g. `spiegel-student`.
    pub id: String,
    /// Version of the content, e.g. `1.0.0`; responses record it.
    pub version: String,
    /// The content hash of the file it was read from ([`content_hash`]): responses are
    /// bound to it, so another file with the same id and version is never mistaken for it.
    pub hash: ContentHash,
    /// Who fills it in.
    pub audience: Audience,
    /// Title shown on the start screen.
    pub title: Text,
    /// Short introduction shown before the first question.
    pub intro: Text,
    /// Rough time it takes to fill in, in minutes.
    pub minutes: u32,
    /// Id of the student instrument this one mirrors (staff instruments).
    pub mirrors: Option<String>,
    /// Themes that group constructs (the part of a construct id before the dot).
    pub themes: Vec<Theme>,
    /// Constructs the items measure.
    pub constructs: Vec<Construct>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// A theme, such as `toekomst` or `pedagogisch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Id, lower case, no dots.
    pub id: String,
    /// Name shown in the comparison.
    pub label: Text,
}

/// A construct an item measures, such as `toekomst.doorstroom`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Construct {
    /// Id of the form `theme.name`.
    pub id: String,
    /// Name shown in the comparison and the codebook.
    pub label: Text,
}

/// Where an item comes from: a seed report and line numbers in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The document, e.g. `seed-000` for the built-in instruments.
    pub document: String,
    /// Line ranges in that document, e.g. `1093-1094, 1100`.
    pub lines: String,
}

/// A section: a titled group of items, optionally shown only under a condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Unique id.
    pub id: String,
    /// Title shown above its questions.
    pub title: Text,
    /// Shown only when this holds.
    pub show_if: Option<Condition>,
    /// The items, in order.
    pub items: Vec<Item>,
}

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Unique id across the instrument.
    pub id: String,
    /// The question.
    pub text: Text,
    /// Optional extra explanation under the question.
    pub help: Option<Text>,
    /// Construct id this item measures.
    pub construct: String,
    /// Where the item comes from.
    pub source: Source,
    /// Whether an answer is needed before going on.
    pub required: bool,
    /// Whether "weet ik niet" is offered.
    pub dont_know: bool,
    /// What the "weet ik niet" answer says here instead, e.g. "Heb ik niet" on a row of
    /// lessons; its code stays `weet_niet` (a missing value).
    pub dont_know_label: Option<Text>,
    /// Whether "sla over" is offered (always possible for optional items).
    pub skippable: bool,
    /// Shown only when this holds (besides its section's condition).
    pub show_if: Option<Condition>,
    /// What kind of answer it takes.
    pub kind: ItemKind,
    /// The student item it mirrors (staff instruments).
    pub mirror: Option<Mirror>,
    /// The part of a meting's context that answers this item when the team set it; the
    /// item is then not asked (see [`crate::domain::meting::Context::answers`]).
    pub from_context: Option<ContextKey>,
    /// The code this item counts as in the mirror analysis when its condition hides it
    /// because of earlier answers (every item the condition looks at has a real answer).
    pub when_hidden: Option<String>,
}

/// A part of a meting's context that can answer an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextKey {
    /// The mbo niveau (`1` to `4`).
    Niveau,
    /// The leerweg (`bol`, `bbl`).
    Leerweg,
}

impl ContextKey {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            ContextKey::Niveau => "niveau",
            ContextKey::Leerweg => "leerweg",
        }
    }

    /// The key with this file name.
    pub fn from_name(name: &str) -> Option<ContextKey> {
        match name {
            "niveau" => Some(ContextKey::Niveau),
            "leerweg" => Some(ContextKey::Leerweg),
            _ => None,
        }
    }
}

/// A link from a staff item (or matrix row) to the student item it mirrors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mirror {
    /// The student item.
    pub item: String,
    /// The row, when the student item is a matrix.
    pub row: Option<String>,
    /// For a share estimate: the student answer codes whose share staff estimate. Empty
    /// for an ordinal mirror (the same statement on a scale with as many points).
    pub codes: Vec<String>,
}

/// A coded answer option (or a point of a scale).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Code stored in answers and exports.
    pub code: String,
    /// Label shown to the respondent.
    pub label: Text,
    /// An option of a multiple choice that excludes every other ("niets"): picking it
    /// clears the others, picking another clears it, and a response holding it with
    /// another option is refused.
    pub exclusive: bool,
    /// An option shown only when this holds on earlier answers (single and multiple
    /// choice), e.g. "verder leren op het hbo" only for niveau 4.
    pub show_if: Option<Condition>,
}

impl Choice {
    /// A plain option: always shown, not exclusive.
    pub fn new(code: impl Into<String>, label: Text) -> Choice {
        Choice { code: code.into(), label, exclusive: false, show_if: None }
    }
}

/// A row of a matrix: its own small question on the matrix's shared scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Id, unique within the matrix.
    pub id: String,
    /// The statement.
    pub text: Text,
    /// Construct of this row (defaults to the matrix's construct).
    pub construct: String,
    /// The student item (and row) this row mirrors (staff instruments).
    pub mirror: Option<Mirror>,
}

/// The kinds of item the seed instruments need.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// Pick one option.
    SingleChoice {
        /// The options.
        options: Vec<Choice>,
    },
    /// Pick any number of options, up to `max` if given.
    MultipleChoice {
        /// The options.
        options: Vec<Choice>,
        /// Most options that may be picked.
        max: Option<usize>,
    },
    /// An ordinal scale with labelled points (Likert), lowest first.
    Scale {
        /// The points, in order.
        points: Vec<Choice>,
    },
    /// Yes or no (codes `ja` and `nee`).
    YesNo,
    /// How many of their students something applies to, on the five share bands.
    Share {
        /// The percentage range of each answer, shown with it; `None` for a file that
        /// shows the words only (read with [`Bands::default`]).
        bands: Option<Bands>,
    },
    /// A whole number in a range.
    Number {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
        /// Unit shown after the field, e.g. "jaar".
        unit: Option<Text>,
    },
    /// Free text. Always treated as possibly identifying.
    OpenText {
        /// Maximum length in characters.
        max_length: usize,
    },
    /// Several rows answered on one shared scale.
    Matrix {
        /// The rows.
        rows: Vec<Row>,
        /// The shared scale, lowest first.
        points: Vec<Choice>,
    },
}

/// Codes of a yes/no item.
pub const YES: &str = "ja";
/// Codes of a yes/no item.
pub const NO: &str = "nee";

impl ItemKind {
    /// The name used in files, e.g. `single_choice`.
    pub fn name(&self) -> &'static str {
        match self {
            ItemKind::SingleChoice { .. } => "single_choice",
            ItemKind::MultipleChoice { .. } => "multiple_choice",
            ItemKind::Scale { .. } => "scale",
            ItemKind::YesNo => "yes_no",
            ItemKind::Share { .. } => "share",
            ItemKind::Number { .. } => "number",
            ItemKind::OpenText { .. } => "open_text",
            ItemKind::Matrix { .. } => "matrix",
        }
    }

    /// The coded options of a single-valued coded item (single choice, scale, yes/no,
    /// share) or the options of a multiple choice; the scale of a matrix. Empty for number
    /// and open text.
    pub fn choices(&self) -> Vec<Choice> {
        match self {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options, .. } => {
                options.clone()
            }
            ItemKind::Scale { points } | ItemKind::Matrix { points, .. } => points.clone(),
            ItemKind::YesNo => vec![
                Choice::new(YES, Text::new("Ja", "Yes")),
                Choice::new(NO, Text::new("Nee", "No")),
            ],
            ItemKind::Share { bands } => SHARE_BANDS
                .iter()
                .enumerate()
                .map(|(band, (code, nl, en))| {
                    let label = bands.map_or_else(|| Text::new(*nl, *en), |b| b.label_text(band));
                    Choice::new(*code, label)
                })
                .collect(),
            ItemKind::Number { .. } | ItemKind::OpenText { .. } => Vec::new(),
        }
    }

    /// The codes of the exclusive options of a multiple choice (empty for other kinds).
    pub fn exclusive_codes(&self) -> Vec<&str> {
        match self {
            ItemKind::MultipleChoice { options, .. } => {
                options.iter().filter(|o| o.exclusive).map(|o| o.code.as_str()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Whether the answer is one code out of [`ItemKind::choices`].
    pub fn is_single_coded(&self) -> bool {
        matches!(
            self,
            ItemKind::SingleChoice { .. }
                | ItemKind::Scale { .. }
                | ItemKind::YesNo
                | ItemKind::Share { .. }
        )
    }
}

impl Item {
    /// Whether this item may hold something a person wrote themselves, which can
    /// identify them. Open text always may.
    pub fn possibly_identifying(&self) -> bool {
        matches!(self.kind, ItemKind::OpenText { .. })
    }
}

impl Instrument {
    /// All items in order, with the section each is in.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections.iter().flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| i.id == id)
    }

    /// The section that holds the item with this id.
    pub fn section_of(&self, id: &str) -> Option<&Section> {
        self.items().find(|(_, i)| i.id == id).map(|(s, _)| s)
    }

    /// The number of items.
    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// The construct with this id.
    pub fn construct(&self, id: &str) -> Option<&Construct> {
        self.constructs.iter().find(|c| c.id == id)
    }
}
