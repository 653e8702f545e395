//! `show_if` conditions: when an item or section is shown, based on earlier answers.

use crate::domain::answer::Answer;

/// A condition on earlier answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The item's answer holds one of these codes (for a multiple choice: any picked code).
    In {
        /// The item asked about.
        item: String,
        /// Codes that make the condition hold.
        codes: Vec<String>,
    },
    /// The item's number answer lies in `min..=max`.
    Between {
        /// The item asked about.
        item: String,
        /// Lowest value that holds.
        min: i64,
        /// Highest value that holds.
        max: i64,
    },
    /// The item has a real answer (not "weet ik niet", not "sla over").
    Answered {
        /// The item asked about.
        item: String,
    },
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
}

impl Condition {
    /// Whether the condition holds, given a look-up of the answers to items that are
    /// currently shown (a hidden item's answer must look like no answer).
    pub fn holds<'a>(&self, answer: &impl Fn(&str) -> Option<&'a Answer>) -> bool {
        match self {
            Condition::In { item, codes } => {
                answer(item).is_some_and(|a| codes.iter().any(|c| a.has_code(c)))
            }
            Condition::Between { item, min, max } => {
                matches!(answer(item), Some(Answer::Number(n)) if (min..=max).contains(&n))
            }
            Condition::Answered { item } => answer(item).is_some_and(Answer::is_substantive),
            Condition::All(parts) => parts.iter().all(|p| p.holds(answer)),
            Condition::Any(parts) => parts.iter().any(|p| p.holds(answer)),
            Condition::Not(part) => !part.holds(answer),
        }
    }

    /// Every item id the condition refers to, in order of appearance.
    pub fn items(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_items(&mut out);
        out
    }

    fn collect_items<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::In { item, .. }
            | Condition::Between { item, .. }
            | Condition::Answered { item } => out.push(item),
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| p.collect_items(out))
            }
            Condition::Not(part) => part.collect_items(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn lookup<'a>(map: &'a BTreeMap<&str, Answer>) -> impl Fn(&str) -> Option<&'a Answer> + 'a {
        move |id| map.get(id)
    }

    #[test]
    fn conditions_combine_as_a_reader_would_expect() {
        let mut answers = BTreeMap::new();
        answers.insert("stage", Answer::Choice("ja".into()));
        answers.insert("hulp", Answer::Choices(vec!["mentor".into(), "thuis".into()]));
        answers.insert("leeftijd", Answer::Number(17));
        answers.insert("twijfel", Answer::DontKnow);
        let get = lookup(&answers);
        let stage = Condition::In { item: "stage".into(), codes: vec!["ja".into()] };
        let thuis = Condition::In { item: "hulp".into(), codes: vec!["thuis".into()] };
        assert!(stage.holds(&get));
        assert!(thuis.holds(&get));
        assert!(Condition::Between { item: "leeftijd".into(), min: 16, max: 18 }.holds(&get));
        assert!(!Condition::Between { item: "leeftijd".into(), min: 18, max: 30 }.holds(&get));
        assert!(!Condition::Answered { item: "twijfel".into() }.holds(&get));
        assert!(!Condition::Answered { item: "onbekend".into() }.holds(&get));
        assert!(Condition::All(vec![stage.clone(), thuis.clone()]).holds(&get));
        assert!(!Condition::Not(Box::new(stage.clone())).holds(&get));
        let nee = Condition::In { item: "stage".into(), codes: vec!["nee".into()] };
        assert!(Condition::Any(vec![nee.clone(), thuis]).holds(&get));
        assert!(!Condition::All(vec![nee, stage]).holds(&get));
    }
}
