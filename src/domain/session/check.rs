//! Checking one answer against its item: the right kind, a code the item offers, a
//! number in range, text within its length, exclusive options alone.

use thiserror::Error;

use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::instrument::{Choice, Item, ItemKind};

/// What is wrong with an answer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerProblem {
    /// The kind of answer does not fit the kind of item.
    #[error("wrong kind of answer")]
    WrongKind,
    /// A code is not one of the item's options.
    #[error("unknown code {0}")]
    UnknownCode(String),
    /// More options picked than allowed.
    #[error("at most {max} options")]
    TooMany {
        /// The maximum.
        max: usize,
    },
    /// A number outside the range.
    #[error("number must lie between {min} and {max}")]
    OutOfRange {
        /// Smallest.
        min: i64,
        /// Largest.
        max: i64,
    },
    /// Text longer than allowed.
    #[error("text longer than {max} characters")]
    TooLong {
        /// Maximum length.
        max: usize,
    },
    /// "Weet ik niet" is not offered here.
    #[error("\"weet ik niet\" is not offered")]
    DontKnowNotOffered,
    /// "Sla over" is not offered here.
    #[error("skipping is not offered")]
    SkipNotOffered,
    /// An exclusive option ("niets") picked together with another option.
    #[error("{0} cannot be picked together with another option")]
    Exclusive(String),
    /// An option that is not shown to this respondent (its condition does not hold).
    #[error("option {0} is not shown")]
    OptionNotShown(String),
}

/// Whether the item is a single or multiple choice (whose options can be hidden).
pub(super) fn has_options(item: &Item) -> bool {
    matches!(item.kind, ItemKind::SingleChoice { .. } | ItemKind::MultipleChoice { .. })
}

/// Whether any option of the item has a condition.
pub(super) fn item_has_option_conditions(item: &Item) -> bool {
    match &item.kind {
        ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options, .. } => {
            options.iter().any(|o| o.show_if.is_some())
        }
        _ => false,
    }
}

/// The options of a choice whose condition holds on `lookup`; empty for other kinds.
pub(super) fn visible_options<'i, 'a>(
    item: &'i Item,
    lookup: &impl Fn(&str) -> Option<&'a Answer>,
) -> Vec<&'i Choice> {
    match &item.kind {
        ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options, .. } => {
            options.iter().filter(|o| o.show_if.as_ref().is_none_or(|c| c.holds(lookup))).collect()
        }
        _ => Vec::new(),
    }
}

/// Checks an answer against its item and brings it into its normal form. `Ok(None)`
/// means "no answer" (an empty selection or blank text), which clears the item.
pub fn check(item: &Item, answer: Answer) -> Result<Option<Answer>, AnswerProblem> {
    let codes = item.kind.choices();
    let known = |c: &str| codes.iter().any(|o| o.code == c);
    match (&item.kind, answer) {
        (_, Answer::DontKnow) if item.dont_know => Ok(Some(Answer::DontKnow)),
        (_, Answer::DontKnow) => Err(AnswerProblem::DontKnowNotOffered),
        (_, Answer::Skipped) if item.skippable || !item.required => Ok(Some(Answer::Skipped)),
        (_, Answer::Skipped) => Err(AnswerProblem::SkipNotOffered),
        (k, Answer::Choice(c)) if k.is_single_coded() => {
            if known(&c) {
                Ok(Some(Answer::Choice(c)))
            } else {
                Err(AnswerProblem::UnknownCode(c))
            }
        }
        (ItemKind::MultipleChoice { max, .. }, Answer::Choices(picked)) => {
            if let Some(bad) = picked.iter().find(|c| !known(c)) {
                return Err(AnswerProblem::UnknownCode(bad.clone()));
            }
            // Normal form: option order, no repeats.
            let ordered: Vec<String> =
                codes.iter().filter(|o| picked.contains(&o.code)).map(|o| o.code.clone()).collect();
            if ordered.len() > 1 {
                let exclusive = codes.iter().find(|o| o.exclusive && ordered.contains(&o.code));
                if let Some(o) = exclusive {
                    return Err(AnswerProblem::Exclusive(o.code.clone()));
                }
            }
            if let Some(max) = max {
                if ordered.len() > *max {
                    return Err(AnswerProblem::TooMany { max: *max });
                }
            }
            Ok((!ordered.is_empty()).then_some(Answer::Choices(ordered)))
        }
        (ItemKind::Number { min, max, .. }, Answer::Number(n)) => {
            if (*min..=*max).contains(&n) {
                Ok(Some(Answer::Number(n)))
            } else {
                Err(AnswerProblem::OutOfRange { min: *min, max: *max })
            }
        }
        (ItemKind::OpenText { max_length }, Answer::Text(t)) => {
            let t = t.trim().to_string();
            if t.chars().count() > *max_length {
                Err(AnswerProblem::TooLong { max: *max_length })
            } else {
                Ok((!t.is_empty()).then_some(Answer::Text(t)))
            }
        }
        (ItemKind::Matrix { rows, .. }, Answer::Rows(given)) => {
            for (row, code) in &given {
                if !rows.iter().any(|r| &r.id == row) {
                    return Err(AnswerProblem::UnknownCode(row.clone()));
                }
                if code == DONT_KNOW_CODE {
                    if !item.dont_know {
                        return Err(AnswerProblem::DontKnowNotOffered);
                    }
                } else if !known(code) {
                    return Err(AnswerProblem::UnknownCode(code.clone()));
                }
            }
            Ok((!given.is_empty()).then_some(Answer::Rows(given)))
        }
        _ => Err(AnswerProblem::WrongKind),
    }
}
