//! Answers as the session holds them.

use std::collections::BTreeMap;

/// One answer to one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// One code: single choice, scale, yes/no or share.
    Choice(String),
    /// The picked codes of a multiple choice, in the order of the options.
    Choices(Vec<String>),
    /// A whole number.
    Number(i64),
    /// Free text.
    Text(String),
    /// Matrix rows answered so far: row id to scale code (or [`DONT_KNOW_CODE`]).
    Rows(BTreeMap<String, String>),
    /// "Weet ik niet", where the item offers it.
    DontKnow,
    /// "Sla over": the respondent chose not to answer.
    Skipped,
}

/// Code a matrix row holds when the respondent picked "weet ik niet" for that row.
/// Option codes may not use it.
pub const DONT_KNOW_CODE: &str = "weet_niet";

impl Answer {
    /// Whether this is a real answer, not "weet ik niet" or "sla over".
    pub fn is_substantive(&self) -> bool {
        !matches!(self, Answer::DontKnow | Answer::Skipped)
    }

    /// Whether the answer holds this code (the code itself, or among the picked codes).
    pub fn has_code(&self, code: &str) -> bool {
        match self {
            Answer::Choice(c) => c == code,
            Answer::Choices(cs) => cs.iter().any(|c| c == code),
            _ => false,
        }
    }
}
