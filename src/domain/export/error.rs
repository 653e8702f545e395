//! Why an export cannot be made, or a file cannot be read back as one, in plain words.

use crate::domain::text::Lang;

/// Why [`super::export`] or [`super::read_export`] failed. [`ExportError::message`] says
/// it for people, in Dutch or English; `Display` is the short form for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A week that is not of the form `2026-W48`.
    #[error("week must look like 2026-W48, got {0:?}")]
    BadWeek(String),
    /// A meting answers an instrument (and version) that was not passed in.
    #[error("instrument {instrument} version {version} is missing")]
    MissingInstrument {
        /// Instrument id.
        instrument: String,
        /// Instrument version.
        version: String,
    },
    /// A response answers another instrument than its meting.
    #[error("a response does not answer its meting's instrument")]
    OtherInstrument,
    /// An option code that the export uses for a missing value.
    #[error("item {item} uses the reserved code {code}")]
    ReservedCode {
        /// The item.
        item: String,
        /// The code.
        code: String,
    },
    /// The file is not JSON at all.
    #[error("not json: {0}")]
    NotJson(String),
    /// JSON, but not a Spiegel export (no `spiegel_export` field).
    #[error("not a spiegel export")]
    NotAnExport,
    /// Made by a newer Spiegel, with a format version this build cannot read.
    #[error("export format version {0} is newer than this app reads")]
    NewerVersion(u64),
    /// A format version that never existed.
    #[error("unknown export format version")]
    UnknownVersion,
    /// The shape is wrong: a missing or unknown field, or a value of the wrong type.
    #[error("the export is damaged: {0}")]
    Invalid(String),
    /// An id used twice (an instrument, a meting or a response).
    #[error("id {0} is used twice")]
    DuplicateId(String),
    /// A codebook entry whose content does not match its content hash.
    #[error("codebook of {0} does not match its content hash")]
    HashMismatch(String),
    /// A meting or aggregate that names an instrument the codebook lacks.
    #[error("instrument {instrument} version {version} is not in the codebook")]
    UnknownInstrument {
        /// Instrument id.
        instrument: String,
        /// Instrument version.
        version: String,
    },
    /// A response or aggregate that names a meting the export lacks.
    #[error("meting {0} is not in the export")]
    UnknownMeting(String),
    /// An answer, text or aggregate for an item its instrument lacks.
    #[error("item {0} is not in the codebook")]
    UnknownItem(String),
    /// A code that the codebook does not list for its item.
    #[error("item {item} has unknown code {code}")]
    UnknownCode {
        /// The item.
        item: String,
        /// The code.
        code: String,
    },
    /// An answer of the wrong shape for its item, e.g. a list for a yes/no item.
    #[error("answer to {0} does not fit the kind of question")]
    WrongKind(String),
    /// Free text in an export that says it holds none, or for an item that is not open text.
    #[error("unexpected free text for {0}")]
    UnexpectedText(String),
    /// A meting whose number of records differs from the responses that name it.
    #[error("meting {0} does not hold the number of records it says")]
    CountMismatch(String),
    /// The meting answers another instrument than the one asked for.
    #[error("meting {meting} answers {found}, not {expected}")]
    WrongInstrument {
        /// The export's meting id.
        meting: String,
        /// The instrument asked for.
        expected: String,
        /// The instrument the meting answers.
        found: String,
    },
    /// An export made without responses (aggregates only) cannot give responses back.
    #[error("the export holds aggregates only")]
    AggregatesOnly,
    /// The team's choices would break the plan of a meting exported before.
    #[error("meting {} was exported before: {refusal:?}", meting.to_text())]
    Frozen {
        /// The meting (on the device).
        meting: crate::domain::meting::MetingId,
        /// Why.
        refusal: super::plan::Refusal,
    },
}

impl ExportError {
    /// The problem in plain words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ExportError as E;
        let nl = lang == Lang::Nl;
        let pick = |n: String, e: String| if nl { n } else { e };
        match self {
            E::BadWeek(w) => pick(
                format!("De week '{w}' is niet te lezen (verwacht: zoals 2026-W48)."),
                format!("The week '{w}' cannot be read (expected: like 2026-W48)."),
            ),
            E::MissingInstrument { instrument, version } => pick(
                format!("De vragenlijst {instrument} (versie {version}) staat niet op dit apparaat."),
                format!("The questionnaire {instrument} (version {version}) is not on this device."),
            ),
            E::OtherInstrument => pick(
                "Een antwoord hoort bij een andere vragenlijst dan zijn meting.".into(),
                "A response belongs to another questionnaire than its survey round.".into(),
            ),
            E::ReservedCode { item, code } => pick(
                format!("Vraag {item} gebruikt de code '{code}', die de export nodig heeft voor ontbrekende antwoorden."),
                format!("Question {item} uses the code '{code}', which the export needs for missing answers."),
            ),
            E::NotJson(detail) => pick(
                format!("Dit bestand is geen export van Spiegel: het is geen JSON ({detail})."),
                format!("This file is not a Spiegel export: it is not JSON ({detail})."),
            ),
            E::NotAnExport => pick(
                "Dit bestand is geen export van Spiegel.".into(),
                "This file is not a Spiegel export.".into(),
            ),
            E::NewerVersion(v) => pick(
                format!("Deze export komt uit een nieuwere versie van Spiegel (formaat {v}). Werk Spiegel bij op dit apparaat."),
                format!("This export comes from a newer version of Spiegel (format {v}). Update Spiegel on this device."),
            ),
            E::UnknownVersion => pick(
                "Deze export heeft een onbekende formaatversie.".into(),
                "This export has an unknown format version.".into(),
            ),
            E::Invalid(detail) => pick(
                format!("De export is beschadigd of bewerkt: {detail}."),
                format!("The export is damaged or was edited: {detail}."),
            ),
            E::DuplicateId(id) => pick(
                format!("De export is beschadigd: de id {id} komt twee keer voor."),
                format!("The export is damaged: the id {id} occurs twice."),
            ),
            E::HashMismatch(instrument) => pick(
                format!("Het codeboek van {instrument} is veranderd na de export."),
                format!("The codebook of {instrument} was changed after the export."),
            ),
            E::UnknownInstrument { instrument, version } => pick(
                format!("De export noemt vragenlijst {instrument} (versie {version}), maar die staat niet in het codeboek."),
                format!("The export names questionnaire {instrument} (version {version}), but it is not in the codebook."),
            ),
            E::UnknownMeting(m) => pick(
                format!("De export noemt meting {m}, maar die staat er niet in."),
                format!("The export names survey round {m}, but it is not in it."),
            ),
            E::UnknownItem(item) => pick(
                format!("De export noemt vraag {item}, maar die staat niet in het codeboek."),
                format!("The export names question {item}, but it is not in the codebook."),
            ),
            E::UnknownCode { item, code } => pick(
                format!("Vraag {item} heeft het antwoord '{code}', dat niet in het codeboek staat."),
                format!("Question {item} has the answer '{code}', which is not in the codebook."),
            ),
            E::WrongKind(item) => pick(
                format!("Het antwoord op vraag {item} past niet bij de soort vraag."),
                format!("The answer to question {item} does not fit the kind of question."),
            ),
            E::UnexpectedText(item) => pick(
                format!("De export bevat tekst bij vraag {item}, waar geen tekst mag staan."),
                format!("The export holds text for question {item}, where no text may be."),
            ),
            E::CountMismatch(m) => pick(
                format!("Meting {m} bevat niet het aantal antwoorden dat de export noemt."),
                format!("Survey round {m} does not hold the number of responses the export states."),
            ),
            E::WrongInstrument { meting, expected, found } => pick(
                format!("Meting {meting} gebruikt vragenlijst {found}, niet {expected}."),
                format!("Survey round {meting} used questionnaire {found}, not {expected}."),
            ),
            E::AggregatesOnly => pick(
                "Deze export bevat alleen totalen, geen losse antwoorden.".into(),
                "This export holds totals only, no single responses.".into(),
            ),
            E::Frozen { refusal, .. } => refusal.message(lang),
        }
    }
}
