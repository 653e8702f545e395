//! The runner session: the answers given so far and where the respondent is, changed
//! only through [`Session::apply`] with an [`Action`].
//!
//! The session is plain data; the instrument is passed in to every call, so a session can
//! be stored and restored without carrying the instrument along.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::instrument::{Choice, Instrument, Item, ItemKind};

mod check;

pub use check::{check, AnswerProblem};
use check::{has_options, item_has_option_conditions, visible_options};

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
        /// The ids of those rows, in order, so the screen can name and mark them.
        rows: Vec<String>,
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

/// How far the respondent is.
///
/// The figure a respondent sees is stable: the part (section) out of every part of the
/// vragenlijst, and a bar by the place of the current question among *all* questions.
/// Neither total depends on answers, so nothing jumps back or grows when a follow-up
/// question appears; questions an answer leaves out only make the bar jump ahead.
/// `position` and `total` count the questions shown now (they change with routing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Number of the current question among those shown (1-based); at the end screen it
    /// equals `total`.
    pub position: usize,
    /// Number of questions shown, given the answers so far.
    pub total: usize,
    /// Number of those that have an answer (including "weet ik niet" and "sla over").
    pub answered: usize,
    /// The part (section) of the current question, 1-based, counted over every section of
    /// the vragenlijst; at the end screen it equals `parts`.
    pub part: usize,
    /// Every section of the vragenlijst, shown or not: the same all through a run.
    pub parts: usize,
    /// How far along, in thousandths: the place of the current question among all the
    /// vragenlijst's questions (1000 at the end screen). Never goes down when moving on.
    pub permille: u32,
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
    /// Items answered by the meting's context ([`Session::preset`]): never asked, but
    /// their answers route the rest and are sent.
    given: BTreeSet<String>,
}

/// The items of an instrument as a respondent meets them, given the answers so far.
struct Walk<'i, 'a> {
    /// Items asked, in order.
    asked: Vec<&'i Item>,
    /// Items answered by the context and not asked, in order.
    given: Vec<&'i Item>,
    /// The answers that conditions see: those of items asked or given.
    visible: BTreeMap<&'i str, &'a Answer>,
}

impl Session {
    /// Starts at the first question shown.
    pub fn start(instrument: &Instrument) -> Session {
        let mut s = Session {
            answers: BTreeMap::new(),
            position: Position::End,
            submitted: false,
            given: BTreeSet::new(),
        };
        s.position = s.first_open(instrument);
        s
    }

    /// Starts with answers the meting's context gives ([`Session::preset`]).
    pub fn start_with(instrument: &Instrument, given: BTreeMap<String, Answer>) -> Session {
        let mut s = Session::start(instrument);
        s.preset(instrument, given);
        s
    }

    /// Fixes answers that the meting's context gives (for example the niveau the team
    /// set), so those items are not asked: they count for routing and are sent with the
    /// response. An answer that does not fit its item is left out (the item is then
    /// asked). Call it again after [`Session::restore`]: the context is not stored.
    pub fn preset(&mut self, instrument: &Instrument, given: BTreeMap<String, Answer>) {
        for (id, answer) in given {
            let Some(item) = instrument.item(&id) else { continue };
            if let Ok(Some(a)) = check(item, answer) {
                self.answers.insert(id.clone(), a);
                self.given.insert(id);
            }
        }
        self.prune(instrument);
        let on_given =
            matches!(&self.position, Position::Item(id) if !self.is_shown(instrument, id));
        if on_given {
            self.position = self.first_open(instrument);
        }
    }

    /// Whether this item's answer comes from the meting's context.
    pub fn is_given(&self, item: &str) -> bool {
        self.given.contains(item)
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
        let mut s = Session { answers: kept, position, submitted: false, given: BTreeSet::new() };
        s.prune(instrument);
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
    /// section's and its own `show_if` hold on the answers to items shown before it, it
    /// is not answered by the meting's context, and (for a choice) at least one of its
    /// options is shown.
    pub fn shown<'i>(&self, instrument: &'i Instrument) -> Vec<&'i Item> {
        self.walk(instrument).asked
    }

    /// The options of a single or multiple choice shown now: those whose `show_if` holds
    /// on the earlier answers. Empty for other kinds and unknown items.
    pub fn options(&self, instrument: &Instrument, item: &str) -> Vec<Choice> {
        let Some(item) = instrument.item(item) else { return Vec::new() };
        let walk = self.walk(instrument);
        visible_options(item, &|id: &str| walk.visible.get(id).copied())
            .into_iter()
            .cloned()
            .collect()
    }

    /// The item as the respondent sees it now: a choice with only the options shown.
    pub fn item_as_shown(&self, instrument: &Instrument, id: &str) -> Option<Item> {
        let mut item = instrument.item(id)?.clone();
        let shown = self.options(instrument, id);
        if let ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options, .. } =
            &mut item.kind
        {
            *options = shown;
        }
        Some(item)
    }

    fn walk<'i, 'a>(&'a self, instrument: &'i Instrument) -> Walk<'i, 'a> {
        let mut walk = Walk {
            asked: Vec::with_capacity(instrument.item_count()),
            given: Vec::new(),
            visible: BTreeMap::new(),
        };
        for section in &instrument.sections {
            let visible = &walk.visible;
            let lookup = |id: &str| visible.get(id).copied();
            let section_on = section.show_if.as_ref().is_none_or(|c| c.holds(&lookup));
            if !section_on {
                continue;
            }
            for item in &section.items {
                let visible = &walk.visible;
                let lookup = |id: &str| visible.get(id).copied();
                if !item.show_if.as_ref().is_none_or(|c| c.holds(&lookup)) {
                    continue;
                }
                if self.given.contains(&item.id) {
                    walk.given.push(item);
                } else if has_options(item) && visible_options(item, &lookup).is_empty() {
                    continue;
                } else {
                    walk.asked.push(item);
                }
                if let Some(a) = self.answers.get(&item.id) {
                    walk.visible.insert(&item.id, a);
                }
            }
        }
        walk
    }

    /// Takes out picked options whose condition no longer holds (an earlier answer
    /// changed), so an answer never holds an option the respondent cannot see.
    fn prune(&mut self, instrument: &Instrument) {
        // Each round removes at least one code or stops; options look only backwards.
        for _ in 0..=instrument.item_count() {
            let mut change: Option<(String, Option<Answer>)> = None;
            {
                let walk = self.walk(instrument);
                let lookup = |id: &str| walk.visible.get(id).copied();
                for (_, item) in instrument.items() {
                    if !item_has_option_conditions(item) {
                        continue;
                    }
                    let Some(answer) = self.answers.get(&item.id) else { continue };
                    let shown: Vec<&str> =
                        visible_options(item, &lookup).iter().map(|o| o.code.as_str()).collect();
                    let kept = match answer {
                        Answer::Choice(c) if !shown.contains(&c.as_str()) => Some(None),
                        Answer::Choices(cs) if cs.iter().any(|c| !shown.contains(&c.as_str())) => {
                            let left: Vec<String> = cs
                                .iter()
                                .filter(|c| shown.contains(&c.as_str()))
                                .cloned()
                                .collect();
                            Some((!left.is_empty()).then_some(Answer::Choices(left)))
                        }
                        _ => None,
                    };
                    if let Some(kept) = kept {
                        change = Some((item.id.clone(), kept));
                        break;
                    }
                }
            }
            match change {
                None => return,
                Some((id, Some(a))) => {
                    self.answers.insert(id, a);
                }
                Some((id, None)) => {
                    self.answers.remove(&id);
                }
            }
        }
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
        let parts = instrument.sections.len().max(1);
        let (position, part, permille) = match &self.position {
            Position::Item(id) => {
                let position = shown.iter().position(|i| &i.id == id).map_or(1, |p| p + 1);
                let part = instrument
                    .sections
                    .iter()
                    .position(|s| s.items.iter().any(|i| &i.id == id))
                    .map_or(1, |p| p + 1);
                let place = instrument.items().position(|(_, i)| &i.id == id).unwrap_or(0);
                let all = instrument.item_count().max(1);
                let permille = u32::try_from(place * 1000 / all).unwrap_or(1000);
                (position, part, permille)
            }
            Position::End => (total, parts, 1000),
        };
        Progress { position, total, answered, part, parts, permille }
    }

    /// The answers to send: items shown and items the meting's context answered, in
    /// instrument order.
    pub fn response(&self, instrument: &Instrument) -> Vec<(String, Answer)> {
        let walk = self.walk(instrument);
        instrument
            .items()
            .map(|(_, i)| i)
            .filter(|i| {
                walk.asked.iter().any(|a| a.id == i.id) || walk.given.iter().any(|g| g.id == i.id)
            })
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
                        if item_has_option_conditions(it) {
                            let shown = self.options(instrument, &item);
                            let hidden = a.selected().into_iter().find(|c| {
                                c != DONT_KNOW_CODE && !shown.iter().any(|o| &o.code == c)
                            });
                            if let Some(code) = hidden {
                                let reason = AnswerProblem::OptionNotShown(code);
                                return Err(SessionError::InvalidAnswer { item, reason });
                            }
                        }
                        self.answers.insert(item.clone(), a);
                        self.prune(instrument);
                    }
                    Ok(None) => {
                        self.answers.remove(&item);
                        self.prune(instrument);
                    }
                    Err(reason) => return Err(SessionError::InvalidAnswer { item, reason }),
                }
                self.keep_position_shown(instrument, &item);
            }
            Action::Clear { item } => {
                self.shown_item(instrument, &item)?;
                self.answers.remove(&item);
                self.prune(instrument);
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
                let open: Vec<String> = rows
                    .iter()
                    .filter(|r| !given.contains_key(&r.id))
                    .map(|r| r.id.clone())
                    .collect();
                (!open.is_empty()).then(|| SessionError::RowsMissing {
                    item: item.id.clone(),
                    missing: open.len(),
                    rows: open,
                })
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
