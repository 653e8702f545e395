//! Languages and bilingual texts (Dutch first, English second).

use serde::{Deserialize, Serialize};

/// A language the app and its instruments speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default: Spiegel is made for Dutch mbo schools.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order they are offered.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 code, as used for the `lang` attribute and in files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses a language code; anything that is not `en…` falls back to Dutch.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Nl
        }
    }
}

/// A text in both languages. Validation guarantees both are present and not blank.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Dutch, at B1 level for student instruments.
    pub nl: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Makes a text from its Dutch and English versions.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text { nl: nl.into(), en: en.into() }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_unknown_codes_fall_back_to_dutch() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), lang);
        }
        assert_eq!(Lang::from_code("en-GB"), Lang::En);
        assert_eq!(Lang::from_code("de"), Lang::Nl);
        assert_eq!(Text::new("hallo", "hello").get(Lang::En), "hello");
    }
}
