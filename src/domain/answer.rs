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

    /// The codes this answer selects in a list of options: the code, the picked codes,
    /// or [`DONT_KNOW_CODE`] for "weet ik niet".
    pub fn selected(&self) -> Vec<String> {
        match self {
            Answer::Choice(c) => vec![c.clone()],
            Answer::Choices(cs) => cs.clone(),
            Answer::DontKnow => vec![DONT_KNOW_CODE.into()],
            _ => Vec::new(),
        }
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

/// The answer after picking `code` in a single-answer list ([`DONT_KNOW_CODE`] stands
/// for "weet ik niet").
pub fn pick_one(code: &str) -> Answer {
    if code == DONT_KNOW_CODE {
        Answer::DontKnow
    } else {
        Answer::Choice(code.into())
    }
}

/// The answer after ticking or unticking `code` in a multiple choice without exclusive
/// options; see [`toggle_with`].
pub fn toggle(current: Option<&Answer>, code: &str) -> Answer {
    toggle_with(current, code, &[])
}

/// The answer after ticking or unticking `code` in a multiple choice whose exclusive
/// options ("niets", "geen van deze") are `exclusive`. "Weet ik niet" replaces every
/// other pick, and any other pick replaces "weet ik niet". Ticking an exclusive option
/// clears the other picks; ticking another option clears the exclusive ones. An empty
/// selection means no answer (the session clears it).
pub fn toggle_with(current: Option<&Answer>, code: &str, exclusive: &[&str]) -> Answer {
    let mut picked = match current {
        Some(Answer::Choices(cs)) => cs.clone(),
        _ => Vec::new(),
    };
    if code == DONT_KNOW_CODE {
        return if current == Some(&Answer::DontKnow) {
            Answer::Choices(picked)
        } else {
            Answer::DontKnow
        };
    }
    match picked.iter().position(|c| c == code) {
        Some(i) => {
            picked.remove(i);
        }
        None if exclusive.contains(&code) => picked = vec![code.into()],
        None => {
            picked.retain(|c| !exclusive.contains(&c.as_str()));
            picked.push(code.into());
        }
    }
    Answer::Choices(picked)
}

/// The matrix answer after picking `code` in `row`, keeping the other rows.
pub fn with_row(current: Option<&Answer>, row: &str, code: &str) -> Answer {
    let mut rows = match current {
        Some(Answer::Rows(r)) => r.clone(),
        _ => BTreeMap::new(),
    };
    rows.insert(row.into(), code.into());
    Answer::Rows(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(cs: &[&str]) -> Answer {
        Answer::Choices(cs.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn ticking_and_unticking_builds_the_selection() {
        let a = toggle(None, "a");
        assert_eq!(a, choices(&["a"]));
        let ab = toggle(Some(&a), "b");
        assert_eq!(ab, choices(&["a", "b"]));
        assert_eq!(toggle(Some(&ab), "a"), choices(&["b"]));
        assert_eq!(ab.selected(), vec!["a".to_string(), "b".to_string()]);
    }

    #[test]
    fn dont_know_replaces_the_picks_and_unticking_it_leaves_nothing() {
        let ab = choices(&["a", "b"]);
        let dk = toggle(Some(&ab), DONT_KNOW_CODE);
        assert_eq!(dk, Answer::DontKnow);
        assert_eq!(dk.selected(), vec![DONT_KNOW_CODE.to_string()]);
        assert_eq!(toggle(Some(&dk), DONT_KNOW_CODE), choices(&[]));
        assert_eq!(toggle(Some(&dk), "c"), choices(&["c"]));
        assert_eq!(pick_one(DONT_KNOW_CODE), Answer::DontKnow);
        assert_eq!(pick_one("ja"), Answer::Choice("ja".into()));
    }

    #[test]
    fn an_exclusive_option_clears_the_others_and_the_other_way_round() {
        let ab = choices(&["a", "b"]);
        let niets = toggle_with(Some(&ab), "niets", &["niets"]);
        assert_eq!(niets, choices(&["niets"]));
        assert_eq!(toggle_with(Some(&niets), "c", &["niets"]), choices(&["c"]));
        assert_eq!(toggle_with(Some(&niets), "niets", &["niets"]), choices(&[]));
        // Without exclusive options nothing is cleared.
        assert_eq!(toggle(Some(&ab), "niets"), choices(&["a", "b", "niets"]));
    }

    #[test]
    fn picking_a_matrix_row_keeps_the_other_rows() {
        let one = with_row(None, "veilig", "3");
        let two = with_row(Some(&one), "rustig", DONT_KNOW_CODE);
        let again = with_row(Some(&two), "veilig", "4");
        match again {
            Answer::Rows(r) => {
                assert_eq!(r.get("veilig").map(String::as_str), Some("4"));
                assert_eq!(r.get("rustig").map(String::as_str), Some(DONT_KNOW_CODE));
            }
            other => panic!("not rows: {other:?}"),
        }
    }
}
