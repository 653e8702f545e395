//! Problems found in an instrument file, each with its place, in plain words.

pub use super::json_error::JsonProblem;
use crate::domain::text::Lang;

/// One problem in an instrument file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, as a path such as `sections[1].items[3].options[0]` (empty for
    /// the file as a whole, or `line 4, column 7` for a syntax error).
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not JSON, or a key or value has the wrong shape: in plain words, with
    /// the line and column where the reader stopped.
    Json {
        /// What is wrong.
        problem: JsonProblem,
        /// Line and column (both from 1), when the reader knows them.
        at: Option<(usize, usize)>,
    },
    /// A built-in vragenlijst that cannot be had (not compiled in, or not the file that
    /// was expected): a fault of the app, not of a user's file.
    Syntax {
        /// What went wrong.
        detail: String,
    },
    /// The file is for another format version.
    FormatVersion {
        /// The version in the file.
        found: u32,
    },
    /// A required text is empty or missing in a language.
    MissingTranslation {
        /// The field, e.g. `text`.
        field: String,
        /// The language that is missing.
        lang: Lang,
    },
    /// An id is empty or has characters other than `a-z 0-9 _ - .`.
    BadId {
        /// The id.
        id: String,
    },
    /// An id is used twice.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// The audience is not `student` or `staff`.
    UnknownAudience {
        /// The value in the file.
        found: String,
    },
    /// The kind is not one of the known kinds.
    UnknownKind {
        /// The value in the file.
        found: String,
    },
    /// An item has no construct.
    MissingConstruct,
    /// An item names a construct that is not declared in `constructs`.
    UnknownConstruct {
        /// The construct id.
        construct: String,
    },
    /// A construct's theme (the part before the dot) is not declared in `themes`.
    UnknownTheme {
        /// The construct id.
        construct: String,
    },
    /// An item has no source.
    MissingSource,
    /// A field does not belong to this kind of item.
    FieldNotForKind {
        /// The field.
        field: String,
        /// The kind.
        kind: String,
    },
    /// A field this kind needs is missing.
    MissingField {
        /// The field.
        field: String,
        /// The kind.
        kind: String,
    },
    /// `share_cuts` is not four whole percentages rising strictly within 1..=99.
    BadShareCuts {
        /// The values found.
        found: Vec<i64>,
    },
    /// A scale or option list has fewer than two points.
    TooFewChoices {
        /// How many there are.
        count: usize,
    },
    /// A named scale does not exist.
    UnknownScale {
        /// The scale id.
        scale: String,
    },
    /// Both a named scale and inline points are given.
    ScaleTwice,
    /// An option code is used twice in one list.
    DuplicateCode {
        /// The code.
        code: String,
    },
    /// An option uses a code the app reserves.
    ReservedCode {
        /// The code.
        code: String,
    },
    /// `max_choices` is 0 or more than the number of options.
    BadMaxChoices {
        /// The value.
        max: usize,
        /// Number of options.
        options: usize,
    },
    /// A number range has `min > max`.
    BadRange {
        /// Smallest.
        min: i64,
        /// Largest.
        max: i64,
    },
    /// `max_length` is 0.
    BadMaxLength,
    /// `max_length` is above [`super::MAX_MAX_LENGTH`].
    MaxLengthTooLarge {
        /// The value in the file.
        max_length: usize,
    },
    /// A complete response could be longer than a response file or QR receipt carries.
    ResponseTooLarge {
        /// The most bytes a sealed response could take.
        bytes: usize,
        /// The most that can travel.
        limit: usize,
    },
    /// A condition is not exactly one of the allowed forms.
    BadCondition,
    /// A condition refers to an item that does not exist.
    ConditionUnknownItem {
        /// The item id.
        item: String,
    },
    /// A condition refers to an item that comes later (or to the item itself).
    ConditionLaterItem {
        /// The item id.
        item: String,
    },
    /// A condition uses a code the item does not have.
    ConditionUnknownCode {
        /// The item id.
        item: String,
        /// The code.
        code: String,
    },
    /// A condition does not fit the kind of item it looks at.
    ConditionWrongKind {
        /// The item id.
        item: String,
        /// That item's kind.
        kind: String,
    },
    /// No answers can ever make the item's (or its section's) condition hold.
    NeverShown {
        /// Whether the item is required, which makes this worse: the respondent can
        /// never give the answer that is asked for.
        required: bool,
    },
    /// The instrument has no items at all.
    NoItems,
    /// An item has a mirror link but the instrument does not say which instrument it
    /// mirrors (`"mirrors"`).
    MirrorWithoutTarget,
    /// A mirror link on a kind of item that cannot carry one.
    MirrorWrongKind {
        /// The staff item's kind.
        kind: String,
    },
    /// A share estimate without the codes it estimates.
    MirrorNeedsCodes,
    /// An ordinal mirror (scale) with codes.
    MirrorCodesNotAllowed,
    /// The instrument mirrors another instrument than the one it is checked against.
    MirrorTarget {
        /// The id in `"mirrors"`.
        expected: String,
        /// The id of the instrument at hand.
        found: String,
    },
    /// A mirror link to a student item that does not exist.
    MirrorUnknownItem {
        /// The student item id.
        item: String,
    },
    /// A mirror link to a matrix without a row, to a row that does not exist, or with a
    /// row on an item that is not a matrix.
    MirrorRow {
        /// The student item id.
        item: String,
        /// The row given, if any.
        row: Option<String>,
    },
    /// A mirror link with a code the student item does not have.
    MirrorUnknownCode {
        /// The student item id.
        item: String,
        /// The code.
        code: String,
    },
    /// Two kinds that cannot be compared.
    MirrorNotComparable {
        /// The staff item's kind.
        staff: String,
        /// The student item's kind.
        student: String,
    },
    /// The instrument named in `"mirrors"` is not on this device.
    MirrorTargetMissing {
        /// The id in `"mirrors"`.
        expected: String,
    },
    /// The id belongs to a built-in vragenlijst.
    IdTaken {
        /// The id.
        id: String,
    },
    /// `exclusive` on anything but an option of a multiple choice.
    ExclusiveNotMultiple,
    /// `show_if` on a point of a scale (only options of a choice can have one).
    OptionConditionOnPoint,
    /// `from_context` names a part of the context that does not exist.
    UnknownContextKey {
        /// The value in the file.
        found: String,
    },
    /// A code that is not one of the item's options (`when_hidden`).
    UnknownOptionCode {
        /// The code.
        code: String,
    },
    /// `dont_know_label` on an item that does not offer "weet ik niet".
    DontKnowLabelWithoutDontKnow,
    /// `when_hidden` on an item that has no condition, so it is never hidden.
    WhenHiddenNeverHidden,
    /// A vragenlijst with this id and version, but other content, is already on this
    /// device: responses to one would be read as answers to the other.
    VersionTaken {
        /// The id.
        id: String,
        /// The version.
        version: String,
    },
    /// An ordinal mirror between scales with a different number of points.
    MirrorScaleMismatch {
        /// Points on the staff side.
        staff: usize,
        /// Points on the student side.
        student: usize,
    },
}

impl Problem {
    /// Makes a problem.
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind }
    }

    /// The problem in plain words, with its place, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let what = self.kind.message(lang);
        if self.path.is_empty() {
            what
        } else {
            let at = match lang {
                Lang::Nl => "bij",
                Lang::En => "at",
            };
            format!("{what} ({at} {})", self.path)
        }
    }
}

impl ProblemKind {
    /// What is wrong, in plain words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind as P;
        let nl = lang == Lang::Nl;
        let pick = |n: String, e: String| if nl { n } else { e };
        match self {
            P::Json { problem, at } => {
                let what = problem.message(lang);
                match at {
                    Some((line, column)) if nl => format!("{what} (regel {line}, kolom {column})"),
                    Some((line, column)) => format!("{what} (line {line}, column {column})"),
                    None => what,
                }
            }
            P::Syntax { detail } => pick(
                format!("Het bestand is geen geldige vragenlijst: {detail}"),
                format!("The file is not a valid instrument: {detail}"),
            ),
            P::FormatVersion { found } => pick(
                format!("Deze app leest formaatversie 1, maar het bestand heeft versie {found}"),
                format!("This app reads format version 1, but the file has version {found}"),
            ),
            P::MissingTranslation { field, lang: l } => {
                let (ln, le) = match l {
                    Lang::Nl => ("Nederlandse", "Dutch"),
                    Lang::En => ("Engelse", "English"),
                };
                pick(
                    format!("De {ln} tekst van '{field}' ontbreekt of is leeg"),
                    format!("The {le} text of '{field}' is missing or empty"),
                )
            }
            P::BadId { id } => pick(
                format!("Id '{id}' mag alleen kleine letters, cijfers, '_', '-' en '.' bevatten en mag niet leeg zijn"),
                format!("Id '{id}' may only hold lower-case letters, digits, '_', '-' and '.' and may not be empty"),
            ),
            P::DuplicateId { id, first } => pick(
                format!("Id '{id}' komt twee keer voor; de eerste keer bij {first}"),
                format!("Id '{id}' is used twice; first at {first}"),
            ),
            P::UnknownAudience { found } => pick(
                format!("Doelgroep '{found}' bestaat niet; kies 'student' of 'staff'"),
                format!("Audience '{found}' does not exist; use 'student' or 'staff'"),
            ),
            P::UnknownKind { found } => pick(
                format!("Soort vraag '{found}' bestaat niet; kies uit {KINDS}"),
                format!("Item kind '{found}' does not exist; use one of {KINDS}"),
            ),
            P::MissingConstruct => pick(
                "Deze vraag heeft geen 'construct' (wat de vraag meet)".into(),
                "This item has no 'construct' (what it measures)".into(),
            ),
            P::UnknownConstruct { construct } => pick(
                format!("Construct '{construct}' staat niet in de lijst 'constructs'"),
                format!("Construct '{construct}' is not declared in 'constructs'"),
            ),
            P::UnknownTheme { construct } => pick(
                format!("Het thema van construct '{construct}' (het deel voor de punt) staat niet in de lijst 'themes'"),
                format!("The theme of construct '{construct}' (the part before the dot) is not declared in 'themes'"),
            ),
            P::MissingSource => pick(
                "Deze vraag heeft geen 'source' (waar de vraag vandaan komt)".into(),
                "This item has no 'source' (where it comes from)".into(),
            ),
            P::FieldNotForKind { field, kind } => pick(
                format!("Veld '{field}' hoort niet bij een vraag van soort '{kind}'"),
                format!("Field '{field}' does not belong to an item of kind '{kind}'"),
            ),
            P::MissingField { field, kind } => pick(
                format!("Een vraag van soort '{kind}' heeft veld '{field}' nodig"),
                format!("An item of kind '{kind}' needs field '{field}'"),
            ),
            P::BadShareCuts { found } => {
                let found = found.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                pick(
                    format!(
                        "'share_cuts' moet vier hele percentages geven die steeds hoger worden, \
                         tussen 1 en 99 (bijvoorbeeld 10, 40, 60, 90); gevonden: {found}"
                    ),
                    format!(
                        "'share_cuts' must give four whole percentages that keep rising, \
                         between 1 and 99 (for example 10, 40, 60, 90); found: {found}"
                    ),
                )
            }
            P::TooFewChoices { count } => pick(
                format!("Er moeten minstens 2 antwoorden zijn; er zijn er {count}"),
                format!("There must be at least 2 answers; there are {count}"),
            ),
            P::UnknownScale { scale } => pick(
                format!("Schaal '{scale}' staat niet in de lijst 'scales'"),
                format!("Scale '{scale}' is not declared in 'scales'"),
            ),
            P::ScaleTwice => pick(
                "Geef 'scale' of 'points', niet allebei".into(),
                "Give 'scale' or 'points', not both".into(),
            ),
            P::DuplicateCode { code } => pick(
                format!("Code '{code}' komt twee keer voor in dezelfde lijst"),
                format!("Code '{code}' is used twice in the same list"),
            ),
            P::ReservedCode { code } => pick(
                format!("Code '{code}' is gereserveerd door de app; kies een andere code"),
                format!("Code '{code}' is reserved by the app; choose another code"),
            ),
            P::BadMaxChoices { max, options } => pick(
                format!("'max_choices' is {max}, maar moet tussen 1 en {options} (het aantal opties) liggen"),
                format!("'max_choices' is {max}, but must be between 1 and {options} (the number of options)"),
            ),
            P::BadRange { min, max } => pick(
                format!("'min' ({min}) is groter dan 'max' ({max})"),
                format!("'min' ({min}) is larger than 'max' ({max})"),
            ),
            P::BadMaxLength => pick(
                "'max_length' moet groter dan 0 zijn".into(),
                "'max_length' must be larger than 0".into(),
            ),
            P::MaxLengthTooLarge { max_length } => pick(
                format!("'max_length' is {max_length}; een open antwoord mag hoogstens 2000 tekens lang zijn"),
                format!("'max_length' is {max_length}; an open answer may be at most 2000 characters long"),
            ),
            P::ResponseTooLarge { bytes, limit } => pick(
                format!("Een volledig ingevulde vragenlijst kan {bytes} bytes worden, maar een antwoord mag hoogstens {limit} bytes zijn om te versturen. Maak 'max_length' van de open vragen kleiner, of gebruik minder open vragen"),
                format!("A completed questionnaire can take {bytes} bytes, but a response may be at most {limit} bytes to be sent. Lower 'max_length' of the open questions, or use fewer open questions"),
            ),
            P::BadCondition => pick(
                "Een voorwaarde moet precies één vorm hebben: item+in, item+between, item+answered, all, any of not".into(),
                "A condition must have exactly one form: item+in, item+between, item+answered, all, any or not".into(),
            ),
            P::ConditionUnknownItem { item } => pick(
                format!("De voorwaarde verwijst naar vraag '{item}', maar die bestaat niet"),
                format!("The condition refers to item '{item}', which does not exist"),
            ),
            P::ConditionLaterItem { item } => pick(
                format!("De voorwaarde verwijst naar vraag '{item}', maar die komt niet eerder in de vragenlijst"),
                format!("The condition refers to item '{item}', which does not come earlier in the instrument"),
            ),
            P::ConditionUnknownCode { item, code } => pick(
                format!("De voorwaarde gebruikt code '{code}', maar vraag '{item}' heeft die code niet"),
                format!("The condition uses code '{code}', but item '{item}' has no such code"),
            ),
            P::ConditionWrongKind { item, kind } => pick(
                format!("Deze voorwaarde past niet bij vraag '{item}' (soort '{kind}')"),
                format!("This condition does not fit item '{item}' (kind '{kind}')"),
            ),
            P::NeverShown { required: true } => pick(
                "Deze verplichte vraag wordt nooit getoond: geen enkel antwoord maakt de voorwaarde waar".into(),
                "This required item is never shown: no answers make its condition true".into(),
            ),
            P::NeverShown { required: false } => pick(
                "Deze vraag wordt nooit getoond: geen enkel antwoord maakt de voorwaarde waar".into(),
                "This item is never shown: no answers make its condition true".into(),
            ),
            P::NoItems => pick(
                "De vragenlijst heeft geen vragen".into(),
                "The instrument has no items".into(),
            ),
            P::MirrorWithoutTarget => pick(
                "Deze vraag spiegelt een studentvraag, maar de vragenlijst zegt niet welke vragenlijst ze spiegelt ('mirrors')".into(),
                "This item mirrors a student item, but the instrument does not say which instrument it mirrors ('mirrors')".into(),
            ),
            P::MirrorWrongKind { kind } => pick(
                format!("Een vraag van soort '{kind}' kan geen studentvraag spiegelen; alleen 'share' en 'scale' (of een rij van een matrix) kunnen dat"),
                format!("An item of kind '{kind}' cannot mirror a student item; only 'share' and 'scale' (or a matrix row) can"),
            ),
            P::MirrorNeedsCodes => pick(
                "Een schatting ('share') moet zeggen welke antwoorden van studenten ze schat ('codes')".into(),
                "An estimate ('share') must say which student answers it estimates ('codes')".into(),
            ),
            P::MirrorCodesNotAllowed => pick(
                "Een schaalvraag spiegelt de hele schaal; laat 'codes' weg".into(),
                "A scale item mirrors the whole scale; leave out 'codes'".into(),
            ),
            P::MirrorTarget { expected, found } => pick(
                format!("Deze vragenlijst spiegelt '{expected}', maar de studentvragenlijst is '{found}'"),
                format!("This instrument mirrors '{expected}', but the student instrument is '{found}'"),
            ),
            P::MirrorTargetMissing { expected } => pick(
                format!("Deze vragenlijst spiegelt '{expected}', maar die vragenlijst staat niet op dit apparaat. Open die eerst"),
                format!("This instrument mirrors '{expected}', but that instrument is not on this device. Open it first"),
            ),
            P::IdTaken { id } => pick(
                format!("Id '{id}' is van een ingebouwde vragenlijst; kies een andere id"),
                format!("Id '{id}' belongs to a built-in instrument; choose another id"),
            ),
            P::VersionTaken { id, version } => pick(
                format!(
                    "Er staat al een vragenlijst '{id}' versie {version} op dit apparaat, met \
                     een andere inhoud. Geef de gewijzigde vragenlijst een nieuw versienummer"
                ),
                format!(
                    "This device already has an instrument '{id}' version {version} with \
                     other content. Give the changed instrument a new version number"
                ),
            ),
            P::MirrorUnknownItem { item } => pick(
                format!("De spiegel verwijst naar studentvraag '{item}', maar die bestaat niet"),
                format!("The mirror refers to student item '{item}', which does not exist"),
            ),
            P::MirrorRow { item, row: None } => pick(
                format!("Studentvraag '{item}' is een matrix; geef de rij ('row')"),
                format!("Student item '{item}' is a matrix; give the row ('row')"),
            ),
            P::MirrorRow { item, row: Some(row) } => pick(
                format!("Studentvraag '{item}' heeft geen rij '{row}'"),
                format!("Student item '{item}' has no row '{row}'"),
            ),
            P::MirrorUnknownCode { item, code } => pick(
                format!("De spiegel gebruikt code '{code}', maar studentvraag '{item}' heeft die code niet"),
                format!("The mirror uses code '{code}', but student item '{item}' has no such code"),
            ),
            P::MirrorNotComparable { staff, student } => pick(
                format!("Een vraag van soort '{staff}' is niet te vergelijken met een studentvraag van soort '{student}'"),
                format!("An item of kind '{staff}' cannot be compared with a student item of kind '{student}'"),
            ),
            P::ExclusiveNotMultiple => pick(
                "'exclusive' past alleen bij een optie van een meerkeuzevraag (multiple_choice)".into(),
                "'exclusive' only fits an option of a multiple choice".into(),
            ),
            P::OptionConditionOnPoint => pick(
                "Een punt van een schaal kan geen 'show_if' hebben; alleen opties van een keuzevraag kunnen dat".into(),
                "A point of a scale cannot have a 'show_if'; only options of a choice can".into(),
            ),
            P::UnknownContextKey { found } => pick(
                format!("'from_context' is '{found}', maar moet 'niveau' of 'leerweg' zijn"),
                format!("'from_context' is '{found}', but must be 'niveau' or 'leerweg'"),
            ),
            P::UnknownOptionCode { code } => pick(
                format!("Code '{code}' is geen antwoord van deze vraag"),
                format!("Code '{code}' is not an answer of this item"),
            ),
            P::DontKnowLabelWithoutDontKnow => pick(
                "'dont_know_label' heeft alleen zin met \"dont_know\": true".into(),
                "'dont_know_label' only makes sense with \"dont_know\": true".into(),
            ),
            P::WhenHiddenNeverHidden => pick(
                "'when_hidden' heeft geen zin: deze vraag heeft geen voorwaarde ('show_if'), dus ze wordt nooit verborgen".into(),
                "'when_hidden' has no use: this item has no condition ('show_if'), so it is never hidden".into(),
            ),
            P::MirrorScaleMismatch { staff, student } => pick(
                format!("De schaal heeft {staff} punten, maar de studentvraag heeft er {student}; een spiegel vraagt evenveel punten"),
                format!("The scale has {staff} points, but the student item has {student}; a mirror needs the same number"),
            ),
        }
    }
}

const KINDS: &str =
    "single_choice, multiple_choice, scale, yes_no, share, number, open_text, matrix";
