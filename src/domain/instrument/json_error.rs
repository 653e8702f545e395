//! What the JSON reader says about a broken file, in plain words for a teacher or a
//! researcher: "Er mist een komma" rather than "expected `,` or `}`". The place (line and
//! column) is kept with it; the reader's own wording appears only for a case this list
//! does not know.

use crate::domain::text::Lang;

/// Why a file is not a readable instrument file, before any of its content is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// The file stops in the middle: a closing `}`, `]` or `"` is missing.
    EndsEarly,
    /// A name in quotes without the `:` after it.
    NoColon,
    /// A comma (or the closing bracket) is missing between two entries.
    NoComma,
    /// Something that is not a value where a value belongs (a word without quotes).
    NoValue,
    /// A name without quotes.
    NameWithoutQuotes,
    /// A comma right before `]` or `}`.
    CommaTooMany,
    /// Something after the file's last `}`.
    AfterTheEnd,
    /// A text with a character that may not be in it (an Enter, a lone backslash).
    BadCharacter,
    /// A number that is badly written or too large.
    BadNumber,
    /// A field the file needs is not there.
    MissingField(String),
    /// A field that does not exist at this place (often a spelling mistake).
    UnknownField(String),
    /// A field that comes twice.
    DuplicateField(String),
    /// A value of the wrong sort: what is there, and what belongs there.
    WrongSort {
        /// What is in the file, in the reader's words (translated when shown).
        found: String,
        /// What belongs there, in the reader's words (translated when shown).
        expected: String,
    },
    /// The file has no `"spiegel_instrument": 1` at all: probably another kind of file.
    NotAnInstrument,
    /// Anything else, in the JSON reader's words.
    Other(String),
}

impl JsonProblem {
    /// Reads the JSON reader's message (without its " at line L column C").
    pub fn from_reader(message: &str) -> JsonProblem {
        let quoted = |rest: &str| rest.split('`').nth(1).unwrap_or_default().to_string();
        let m = message;
        if m.starts_with("EOF while parsing") {
            JsonProblem::EndsEarly
        } else if m == "expected `:`" {
            JsonProblem::NoColon
        } else if m.starts_with("expected `,` or") {
            JsonProblem::NoComma
        } else if m == "expected value" || m == "expected ident" {
            JsonProblem::NoValue
        } else if m == "key must be a string" || m == "expected `\"`" {
            JsonProblem::NameWithoutQuotes
        } else if m == "trailing comma" {
            JsonProblem::CommaTooMany
        } else if m == "trailing characters" {
            JsonProblem::AfterTheEnd
        } else if m.starts_with("invalid escape")
            || m.starts_with("control character")
            || m.contains("unicode code point")
            || m.contains("hex escape")
            || m.contains("surrogate")
        {
            JsonProblem::BadCharacter
        } else if m == "invalid number" || m == "number out of range" {
            JsonProblem::BadNumber
        } else if let Some(rest) = m.strip_prefix("missing field ") {
            JsonProblem::MissingField(quoted(rest))
        } else if let Some(rest) = m.strip_prefix("unknown field ") {
            JsonProblem::UnknownField(quoted(rest))
        } else if let Some(rest) = m.strip_prefix("duplicate field ") {
            JsonProblem::DuplicateField(quoted(rest))
        } else if let Some(rest) =
            m.strip_prefix("invalid type: ").or_else(|| m.strip_prefix("invalid value: "))
        {
            match rest.split_once(", expected ") {
                Some((found, expected)) => JsonProblem::WrongSort {
                    found: found.to_string(),
                    expected: expected.to_string(),
                },
                None => JsonProblem::Other(m.to_string()),
            }
        } else {
            JsonProblem::Other(m.to_string())
        }
    }

    /// The problem in plain words in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use JsonProblem as J;
        let nl = lang == Lang::Nl;
        let pick = |n: &str, e: &str| if nl { n.to_string() } else { e.to_string() };
        match self {
            J::EndsEarly => pick(
                "Het bestand houdt te vroeg op. Er mist een sluitteken: }, ] of \".",
                "The file ends too early. A closing }, ] or \" is missing.",
            ),
            J::NoColon => pick(
                "Na een naam tussen aanhalingstekens hoort een dubbele punt (:).",
                "A name in quotes must be followed by a colon (:).",
            ),
            J::NoComma => pick(
                "Hier mist een komma tussen twee delen, of een sluitteken } of ].",
                "A comma between two parts is missing here, or a closing } or ].",
            ),
            J::NoValue => pick(
                "Hier hoort een waarde: tekst tussen aanhalingstekens, een getal, true, false, een lijst [ ] of een blok { }.",
                "A value belongs here: text in quotes, a number, true, false, a list [ ] or a block { }.",
            ),
            J::NameWithoutQuotes => pick(
                "Een naam moet tussen aanhalingstekens staan, zoals \"id\".",
                "A name must be in quotes, like \"id\".",
            ),
            J::CommaTooMany => pick(
                "Hier staat een komma te veel, vlak voor } of ].",
                "There is one comma too many here, just before } or ].",
            ),
            J::AfterTheEnd => pick(
                "Na het einde van de vragenlijst staat nog iets. Haal dat weg.",
                "Something comes after the end of the questionnaire. Remove it.",
            ),
            J::BadCharacter => pick(
                "Een tekst heeft een teken dat er niet in mag, zoals een Enter of een losse \\. Schrijf \\n voor een nieuwe regel.",
                "A text holds a character that is not allowed, such as an Enter or a lone \\. Write \\n for a new line.",
            ),
            J::BadNumber => pick(
                "Dit getal is niet goed geschreven, of het is te groot.",
                "This number is not written correctly, or it is too large.",
            ),
            J::MissingField(f) => {
                if nl {
                    format!("Het veld '{f}' ontbreekt.")
                } else {
                    format!("The field '{f}' is missing.")
                }
            }
            J::UnknownField(f) => {
                if nl {
                    format!("Het veld '{f}' bestaat niet op deze plek. Is het goed gespeld?")
                } else {
                    format!("The field '{f}' does not exist here. Is it spelled right?")
                }
            }
            J::DuplicateField(f) => {
                if nl {
                    format!("Het veld '{f}' staat er twee keer.")
                } else {
                    format!("The field '{f}' is there twice.")
                }
            }
            J::WrongSort { found, expected } => {
                let (found, expected) = (found_words(found, lang), expected_words(expected, lang));
                if nl {
                    format!("Hier hoort {expected}, maar er staat {found}.")
                } else {
                    format!("This should be {expected}, but it is {found}.")
                }
            }
            J::NotAnInstrument => pick(
                "Dit is geen vragenlijst van Spiegel: bovenaan mist \"spiegel_instrument\": 1.",
                "This is not a Spiegel questionnaire: \"spiegel_instrument\": 1 is missing at the top.",
            ),
            J::Other(raw) => {
                if nl {
                    format!("Het bestand kan niet worden gelezen ({raw}).")
                } else {
                    format!("The file cannot be read ({raw}).")
                }
            }
        }
    }
}

/// What the reader found ("string \"x\"", "integer `3`", "map"), in plain words.
fn found_words(found: &str, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let inner = || found.split('`').nth(1).unwrap_or_default().to_string();
    if let Some(text) = found.strip_prefix("string ") {
        return if nl { format!("de tekst {text}") } else { format!("the text {text}") };
    }
    let words = if found.starts_with("integer") || found.starts_with("floating point") {
        return if nl {
            format!("het getal {}", inner())
        } else {
            format!("the number {}", inner())
        };
    } else if found.starts_with("boolean") {
        return inner();
    } else if found == "map" {
        ("een blok { }", "a block { }")
    } else if found == "sequence" {
        ("een lijst [ ]", "a list [ ]")
    } else if found == "null" {
        ("null (niets)", "null (nothing)")
    } else {
        return found.to_string();
    };
    if nl { words.0 } else { words.1 }.to_string()
}

/// What belongs there ("a string", "u32", "struct TextFile"), in plain words.
fn expected_words(expected: &str, lang: Lang) -> String {
    let numbers = ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"];
    let words = if expected == "a string" || expected.starts_with("a borrowed string") {
        ("tekst tussen aanhalingstekens", "text in quotes")
    } else if numbers.contains(&expected) || expected.contains("integer") {
        ("een heel getal", "a whole number")
    } else if expected == "a boolean" {
        ("true of false", "true or false")
    } else if expected == "a sequence" {
        ("een lijst [ ]", "a list [ ]")
    } else if expected.starts_with("struct ") || expected == "a map" {
        ("een blok { }", "a block { }")
    } else {
        return expected.to_string();
    };
    if lang == Lang::Nl { words.0 } else { words.1 }.to_string()
}
