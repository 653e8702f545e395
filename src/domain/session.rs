//! The runner session: the answers given so far and where the respondent is, changed
//! only through [`Session::apply`] with an [`Action`].
//!
//! The session is plain data; the instrument is passed in to every call, so a session can
//! be stored and restored without carrying the instrument along.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::instrument::{Instrument, Item, ItemKind};

/// Where the respondent is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// At this item (one question per screen).
    Item(String),
    /// Past the last question: the screen to check and send.
    End,
}

/// Everything a respondent can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Give or change the answer to an item that is shown.
    Answer {
        /// The item.
        item: String,
        /// The answer.
        answer: Answer,
    },
    /// Take back the answer to an item.
    Clear {
        /// The item.
        item: String,
    },
    /// Go to the next question (the current one must be answered if it is required).
    Next,
    /// Go to the previous question.
    Back,
    /// Skip the current question ("sla over"), where that is allowed.
    Skip,
    /// Jump to an item that is shown, e.g. from the end screen to a missing answer.
    GoTo {
        /// The item.
        item: String,
    },
    /// Send the answers. Only possible when every required question shown is answered.
    Submit,
}

/// Why an action was refused. The session is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SessionError {
    /// The current question is required and has no answer yet.
    #[error("item {item} needs an answer")]
    AnswerRequired {
        /// The item.
        item: String,
    },
    /// Some rows of a required matrix have no answer yet.
    #[error("item {item} has {missing} rows without an answer")]
    RowsMissing {
        /// The item.
        item: String,
        /// How many rows have no answer.
        missing: usize,
    },
    /// The current question may not be skipped.
    #[error("item {item} may not be skipped")]
    NotSkippable {
        /// The item.
        item: String,
    },
    /// The answer does not fit the item.
    #[error("answer to {item} is not valid: {reason}")]
    InvalidAnswer {
        /// The item.
        item: String,
        /// What is wrong.
        reason: AnswerProblem,
    },
    /// No item has this id.
    #[error("no item {item}")]
    UnknownItem {
        /// The id.
        item: String,
    },
    /// The item exists but is not shown now.
    #[error("item {item} is not shown")]
    NotShown {
        /// The item.
        item: String,
    },
    /// Already at the first question.
    #[error("already at the first question")]
    AtStart,
    /// Not at a question, so there is nothing to skip or check.
    #[error("not at a question")]
    NotAtItem,
    /// Some required questions still need an answer.
    #[error("{missing} required questions have no answer")]
    NotReady {
        /// How many.
        missing: usize,
    },
    /// The answers were sent already.
    #[error("already submitted")]
    Submitted,
}

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
}

/// How far the respondent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Number of the current question among those shown (1-based); at the end screen it
    /// equals `total`.
    pub position: usize,
    /// Number of questions shown, given the answers so far.
    pub total: usize,
    /// Number of those that have an answer (including "weet ik niet" and "sla over").
    pub answered: usize,
}

impl Progress {
    /// Share of questions answered, 0 to 100.
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            return 100;
        }
        u32::try_from(self.answered * 100 / self.total).unwrap_or(100)
    }
}

/// A respondent's session with one instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    answers: BTreeMap<String, Answer>,
    position: Position,
    submitted: bool,
}

impl Session {
    /// Starts at the first question shown.
    pub fn start(instrument: &Instrument) -> Session {
        let mut s = Session { answers: BTreeMap::new(), position: Position::End, submitted: false };
        s.position = s.first_open(instrument);
        s
    }

    /// Restores a stored session. Answers to items that no longer exist or no longer fit
    /// are dropped and their ids returned; an unknown position becomes the first question
    /// without an answer.
    pub fn restore(
        instrument: &Instrument,
        answers: BTreeMap<String, Answer>,
        position: Position,
    ) -> (Session, Vec<String>) {
        let mut dropped = Vec::new();
        let mut kept = BTreeMap::new();
        for (id, answer) in answers {
            match instrument.item(&id).map(|item| check(item, answer)) {
                Some(Ok(Some(a))) => {
                    kept.insert(id, a);
                }
                Some(Ok(None)) => {}
                _ => dropped.push(id),
            }
        }
        let mut s = Session { answers: kept, position, submitted: false };
        let valid = match &s.position {
            Position::Item(id) => s.is_shown(instrument, id),
            Position::End => true,
        };
        if !valid {
            s.position = s.first_open(instrument);
        }
        (s, dropped)
    }

    /// Where the respondent is.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// Whether the answers were sent.
    pub fn is_submitted(&self) -> bool {
        self.submitted
    }

    /// Every answer held, including answers to items hidden by a later change.
    pub fn answers(&self) -> &BTreeMap<String, Answer> {
        &self.answers
    }

    /// The answer to an item, if it has one.
    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.get(item)
    }

    /// The item at the current position, if the position is a question.
    pub fn current<'i>(&self, instrument: &'i Instrument) -> Option<&'i Item> {
        match &self.position {
            Position::Item(id) => instrument.item(id),
            Position::End => None,
        }
    }

    /// The items shown given the answers so far, in order. An item is shown when its
    /// section's and its own `show_if` hold on the answers to items shown before it.
    pub fn shown<'i>(&self, instrument: &'i Instrument) -> Vec<&'i Item> {
        let mut shown: Vec<&Item> = Vec::with_capacity(instrument.item_count());
        let mut visible: BTreeMap<&str, &Answer> = BTreeMap::new();
        for section in &instrument.sections {
            let lookup = |id: &str| visible.get(id).copied();
            let section_on = section.show_if.as_ref().is_none_or(|c| c.holds(&lookup));
            if !section_on {
                continue;
            }
            for item in &section.items {
                let lookup = |id: &str| visible.get(id).copied();
                if item.show_if.as_ref().is_none_or(|c| c.holds(&lookup)) {
                    shown.push(item);
                    if let Some(a) = self.answers.get(&item.id) {
                        visible.insert(&item.id, a);
                    }
                }
            }
        }
        shown
    }

    /// Whether this item is shown now.
    pub fn is_shown(&self, instrument: &Instrument, id: &str) -> bool {
        self.shown(instrument).iter().any(|i| i.id == id)
    }

    /// Required questions shown that still lack a complete answer, in order.
    pub fn missing<'i>(&self, instrument: &'i Instrument) -> Vec<&'i Item> {
        self.shown(instrument).into_iter().filter(|i| self.lacks(i).is_some()).collect()
    }

    /// Whether the answers can be sent now.
    pub fn can_submit(&self, instrument: &Instrument) -> bool {
        !self.submitted && self.missing(instrument).is_empty()
    }

    /// How far the respondent is.
    pub fn progress(&self, instrument: &Instrument) -> Progress {
        let shown = self.shown(instrument);
        let total = shown.len();
        let answered = shown.iter().filter(|i| self.answers.contains_key(&i.id)).count();
        let position = match &self.position {
            Position::Item(id) => shown.iter().position(|i| &i.id == id).map_or(1, |p| p + 1),
            Position::End => total,
        };
        Progress { position, total, answered }
    }

    /// The answers to send: only items shown, in instrument order.
    pub fn response(&self, instrument: &Instrument) -> Vec<(String, Answer)> {
        self.shown(instrument)
            .into_iter()
            .filter_map(|i| self.answers.get(&i.id).map(|a| (i.id.clone(), a.clone())))
            .collect()
    }

    /// Applies an action. On an error nothing changes.
    pub fn apply(&mut self, instrument: &Instrument, action: Action) -> Result<(), SessionError> {
        if self.submitted {
            return Err(SessionError::Submitted);
        }
        match action {
            Action::Answer { item, answer } => {
                let it = self.shown_item(instrument, &item)?;
                match check(it, answer) {
                    Ok(Some(a)) => {
                        self.answers.insert(item.clone(), a);
                    }
                    Ok(None) => {
                        self.answers.remove(&item);
                    }
                    Err(reason) => return Err(SessionError::InvalidAnswer { item, reason }),
                }
                self.keep_position_shown(instrument, &item);
            }
            Action::Clear { item } => {
                self.shown_item(instrument, &item)?;
                self.answers.remove(&item);
                self.keep_position_shown(instrument, &item);
            }
            Action::Next => {
                let item = self.current(instrument).ok_or(SessionError::NotAtItem)?;
                if let Some(e) = self.lacks(item) {
                    return Err(e);
                }
                self.position = self.after(instrument, &item.id);
            }
            Action::Back => {
                let shown = self.shown(instrument);
                let prev = match &self.position {
                    Position::End => shown.last(),
                    Position::Item(id) => match shown.iter().position(|i| &i.id == id) {
                        Some(0) => None,
                        Some(p) => shown.get(p - 1),
                        None => shown.first(),
                    },
                };
                let prev = prev.ok_or(SessionError::AtStart)?;
                self.position = Position::Item(prev.id.clone());
            }
            Action::Skip => {
                let item = self.current(instrument).ok_or(SessionError::NotAtItem)?;
                if item.required && !item.skippable {
                    return Err(SessionError::NotSkippable { item: item.id.clone() });
                }
                self.answers.insert(item.id.clone(), Answer::Skipped);
                self.position = self.after(instrument, &item.id);
            }
            Action::GoTo { item } => {
                self.shown_item(instrument, &item)?;
                self.position = Position::Item(item);
            }
            Action::Submit => {
                let missing = self.missing(instrument).len();
                if missing > 0 {
                    return Err(SessionError::NotReady { missing });
                }
                self.submitted = true;
            }
        }
        Ok(())
    }

    fn shown_item<'i>(
        &self,
        instrument: &'i Instrument,
        id: &str,
    ) -> Result<&'i Item, SessionError> {
        let item =
            instrument.item(id).ok_or_else(|| SessionError::UnknownItem { item: id.into() })?;
        if !self.is_shown(instrument, id) {
            return Err(SessionError::NotShown { item: id.into() });
        }
        Ok(item)
    }

    /// After a change to `changed`, the current question may no longer be shown (its
    /// condition depended on that answer); then the respondent continues at `changed`.
    fn keep_position_shown(&mut self, instrument: &Instrument, changed: &str) {
        if let Position::Item(id) = &self.position {
            if !self.is_shown(instrument, id) {
                self.position = Position::Item(changed.to_string());
            }
        }
    }

    /// Why this item cannot be left yet, if it is required and not (fully) answered.
    fn lacks(&self, item: &Item) -> Option<SessionError> {
        if !item.required {
            return None;
        }
        match (self.answers.get(&item.id), &item.kind) {
            (None, _) => Some(SessionError::AnswerRequired { item: item.id.clone() }),
            (Some(Answer::Rows(given)), ItemKind::Matrix { rows, .. }) => {
                let missing = rows.iter().filter(|r| !given.contains_key(&r.id)).count();
                (missing > 0).then(|| SessionError::RowsMissing { item: item.id.clone(), missing })
            }
            _ => None,
        }
    }

    /// The position after `id`: the next item shown, or the end.
    fn after(&self, instrument: &Instrument, id: &str) -> Position {
        let shown = self.shown(instrument);
        match shown.iter().position(|i| i.id == id).and_then(|p| shown.get(p + 1)) {
            Some(next) => Position::Item(next.id.clone()),
            None => Position::End,
        }
    }

    /// The first item shown without an answer, or the end.
    fn first_open(&self, instrument: &Instrument) -> Position {
        match self.shown(instrument).iter().find(|i| !self.answers.contains_key(&i.id)) {
            Some(i) => Position::Item(i.id.clone()),
            None => Position::End,
        }
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
