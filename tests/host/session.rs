//! Sessions: answering, navigation, show_if, skipping, progress and submitting.

use std::collections::BTreeMap;

use spiegel::domain::answer::{Answer, DONT_KNOW_CODE};
use spiegel::domain::builtin;
use spiegel::domain::instrument::{Instrument, Item, ItemKind};
use spiegel::domain::session::{Action, AnswerProblem, Position, Session, SessionError};

use crate::support::{instrument, KINDS, MINIMAL};

fn answer(item: &str, a: Answer) -> Action {
    Action::Answer { item: item.into(), answer: a }
}

fn choice(c: &str) -> Answer {
    Answer::Choice(c.into())
}

fn at(s: &Session) -> String {
    match s.position() {
        Position::Item(id) => id.clone(),
        Position::End => "END".into(),
    }
}

#[test]
fn a_required_question_needs_an_answer_before_next() {
    let i = instrument(MINIMAL);
    let mut s = Session::start(&i);
    assert_eq!(at(&s), "stage");
    assert_eq!(
        s.apply(&i, Action::Next),
        Err(SessionError::AnswerRequired { item: "stage".into() })
    );
    assert_eq!(at(&s), "stage", "a refused action changes nothing");
    s.apply(&i, answer("stage", choice("ja"))).unwrap();
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(at(&s), "stage_leren");
}

#[test]
fn show_if_hides_a_section_and_its_answers_leave_the_response() {
    let i = instrument(MINIMAL);
    let mut s = Session::start(&i);
    s.apply(&i, answer("stage", choice("ja"))).unwrap();
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(s.progress(&i).total, 3);
    s.apply(&i, answer("stage_leren", choice("2"))).unwrap();
    s.apply(&i, Action::Back).unwrap();
    s.apply(&i, answer("stage", choice("nee"))).unwrap();
    assert_eq!(s.progress(&i).total, 2, "the stage question is hidden now");
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(at(&s), "opmerking", "next skips the hidden section");
    assert_eq!(
        s.apply(&i, answer("stage_leren", choice("1"))),
        Err(SessionError::NotShown { item: "stage_leren".into() })
    );
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(at(&s), "END");
    s.apply(&i, Action::Submit).unwrap();
    let response = s.response(&i);
    assert_eq!(response, vec![("stage".to_string(), choice("nee"))], "hidden answers are not sent");
    // Changing back to "ja" before submitting would have brought the answer back.
    assert!(s.answers().contains_key("stage_leren"));
}

#[test]
fn progress_counts_position_and_answers_among_shown_questions() {
    let i = instrument(MINIMAL);
    let mut s = Session::start(&i);
    let p = s.progress(&i);
    assert_eq!((p.position, p.total, p.answered, p.percent()), (1, 2, 0, 0));
    s.apply(&i, answer("stage", choice("ja"))).unwrap();
    s.apply(&i, Action::Next).unwrap();
    let p = s.progress(&i);
    assert_eq!((p.position, p.total, p.answered, p.percent()), (2, 3, 1, 33));
}

#[test]
fn back_stops_at_the_first_question_and_returns_from_the_end() {
    let i = instrument(MINIMAL);
    let mut s = Session::start(&i);
    assert_eq!(s.apply(&i, Action::Back), Err(SessionError::AtStart));
    s.apply(&i, answer("stage", choice("nee"))).unwrap();
    s.apply(&i, Action::Next).unwrap();
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(at(&s), "END");
    s.apply(&i, Action::Back).unwrap();
    assert_eq!(at(&s), "opmerking");
}

#[test]
fn skipping_is_only_possible_where_the_item_allows_it() {
    let i = instrument(KINDS);
    let mut s = Session::start(&i);
    assert_eq!(s.apply(&i, Action::Skip), Err(SessionError::NotSkippable { item: "rol".into() }));
    s.apply(&i, Action::GoTo { item: "jn".into() }).unwrap();
    s.apply(&i, Action::Skip).unwrap();
    assert_eq!(s.answer("jn"), Some(&Answer::Skipped));
    assert_eq!(at(&s), "deel");
}

#[test]
fn answers_are_checked_against_their_item() {
    let i = instrument(KINDS);
    let mut s = Session::start(&i);
    let bad = |item: &str, a: Answer, reason: AnswerProblem| {
        (item.to_string(), a, SessionError::InvalidAnswer { item: item.into(), reason })
    };
    for (item, a, err) in [
        bad("rol", choice("directeur"), AnswerProblem::UnknownCode("directeur".into())),
        bad("rol", Answer::DontKnow, AnswerProblem::DontKnowNotOffered),
        bad("rol", Answer::Number(1), AnswerProblem::WrongKind),
        bad(
            "hulp",
            Answer::Choices(vec!["a".into(), "b".into(), "c".into()]),
            AnswerProblem::TooMany { max: 2 },
        ),
        bad("aantal", Answer::Number(41), AnswerProblem::OutOfRange { min: 0, max: 40 }),
        bad("tekst", Answer::Text("elf tekens!".into()), AnswerProblem::TooLong { max: 10 }),
        bad(
            "matrix",
            Answer::Rows(BTreeMap::from([("veilig".into(), "9".into())])),
            AnswerProblem::UnknownCode("9".into()),
        ),
        bad("deel", choice("alle"), AnswerProblem::UnknownCode("alle".into())),
    ] {
        assert_eq!(
            s.apply(&i, Action::Answer { item: item.clone(), answer: a }),
            Err(err),
            "{item}"
        );
    }
    assert!(s.answers().is_empty());
    // Normal forms: option order, blank text clears, empty selection clears.
    s.apply(&i, answer("hulp", Answer::Choices(vec!["c".into(), "a".into(), "c".into()]))).unwrap();
    assert_eq!(s.answer("hulp"), Some(&Answer::Choices(vec!["a".into(), "c".into()])));
    s.apply(&i, answer("hulp", Answer::Choices(vec![]))).unwrap();
    assert_eq!(s.answer("hulp"), None);
    s.apply(&i, answer("tekst", Answer::Text("  hoi  ".into()))).unwrap();
    assert_eq!(s.answer("tekst"), Some(&Answer::Text("hoi".into())));
    s.apply(&i, answer("tekst", Answer::Text("   ".into()))).unwrap();
    assert_eq!(s.answer("tekst"), None);
    s.apply(&i, answer("deel", choice("helft"))).unwrap();
    s.apply(&i, answer("hulp", Answer::DontKnow)).unwrap();
}

/// Walks `i` to the end screen, answering every question with its first answer (or a
/// random one of the first two), and returns the progress seen on every screen.
fn walk(i: &Instrument, rng: &mut Lcg) -> Vec<spiegel::domain::session::Progress> {
    let mut s = Session::start(i);
    let mut seen = vec![s.progress(i)];
    for _ in 0..400 {
        let Some(item) = s.current(i).cloned() else { break };
        let options = s.options(i, &item.id);
        let a = match &item.kind {
            ItemKind::SingleChoice { .. } if !options.is_empty() => {
                choice(&options[rng.next(options.len().min(3))].code)
            }
            ItemKind::MultipleChoice { .. } if !options.is_empty() => {
                Answer::Choices(vec![options[rng.next(options.len())].code.clone()])
            }
            _ => first_answer(&item),
        };
        s.apply(i, answer(&item.id, a)).unwrap();
        s.apply(i, Action::Next).unwrap();
        seen.push(s.progress(i));
    }
    assert_eq!(s.position(), &Position::End, "the walk reached the end screen");
    seen
}

#[test]
fn the_progress_figure_never_jumps_back_and_its_total_never_changes() {
    let vragenlijsten = [
        ("student", builtin::student().unwrap()),
        ("staff", builtin::staff().unwrap()),
        ("kinds", instrument(KINDS)),
    ];
    for (name, i) in vragenlijsten {
        let mut rng = Lcg(11);
        for route in 0..60 {
            let seen = walk(&i, &mut rng);
            assert_eq!(seen[0].part, 1, "{name}: a run starts in the first part");
            for pair in seen.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                assert_eq!(a.parts, i.sections.len(), "{name} {route}: {a:?}");
                assert_eq!(b.parts, a.parts, "{name} {route}: the number of parts changed");
                assert!(b.part >= a.part, "{name} {route}: back a part, {a:?} → {b:?}");
                assert!(b.permille > a.permille, "{name} {route}: the bar did not move on");
            }
            let last = seen.last().unwrap();
            assert_eq!((last.part, last.permille), (last.parts, 1000), "{name}");
        }
    }
}

#[test]
fn a_required_matrix_needs_every_row() {
    let i = instrument(KINDS);
    let mut s = Session::start(&i);
    s.apply(&i, Action::GoTo { item: "matrix".into() }).unwrap();
    s.apply(&i, answer("matrix", Answer::Rows(BTreeMap::from([("veilig".into(), "2".into())]))))
        .unwrap();
    assert_eq!(
        s.apply(&i, Action::Next),
        Err(SessionError::RowsMissing {
            item: "matrix".into(),
            missing: 1,
            rows: vec!["rustig".into()]
        }),
        "the open row is named, so the screen can show which one"
    );
    let both =
        BTreeMap::from([("veilig".into(), "2".into()), ("rustig".into(), DONT_KNOW_CODE.into())]);
    s.apply(&i, answer("matrix", Answer::Rows(both))).unwrap();
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(at(&s), "END");
}

#[test]
fn a_number_condition_shows_the_follow_up_question() {
    let i = instrument(KINDS);
    let mut s = Session::start(&i);
    assert!(!s.is_shown(&i, "groot"));
    s.apply(&i, Action::GoTo { item: "aantal".into() }).unwrap();
    s.apply(&i, answer("aantal", Answer::Number(25))).unwrap();
    assert!(s.is_shown(&i, "groot"));
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(at(&s), "groot");
}

#[test]
fn submit_waits_for_every_required_answer_and_then_locks_the_session() {
    let i = instrument(MINIMAL);
    let mut s = Session::start(&i);
    assert_eq!(s.apply(&i, Action::Submit), Err(SessionError::NotReady { missing: 1 }));
    assert!(!s.can_submit(&i));
    s.apply(&i, answer("stage", choice("ja"))).unwrap();
    assert_eq!(
        s.missing(&i).iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        vec!["stage_leren"]
    );
    s.apply(&i, answer("stage_leren", Answer::DontKnow)).unwrap();
    assert!(s.can_submit(&i), "the optional open question may stay empty");
    s.apply(&i, Action::Submit).unwrap();
    assert!(s.is_submitted());
    assert_eq!(s.apply(&i, Action::Back), Err(SessionError::Submitted));
}

#[test]
fn restoring_drops_answers_that_no_longer_fit_and_finds_a_valid_place() {
    let i = instrument(MINIMAL);
    let answers = BTreeMap::from([
        ("stage".to_string(), choice("ja")),
        ("verdwenen".to_string(), choice("x")),
        ("stage_leren".to_string(), choice("7")),
    ]);
    let (s, dropped) = Session::restore(&i, answers, Position::Item("verdwenen".into()));
    assert_eq!(dropped, vec!["stage_leren".to_string(), "verdwenen".to_string()]);
    assert_eq!(at(&s), "stage_leren", "first shown question without an answer");
    let (s, dropped) = Session::restore(&i, BTreeMap::new(), Position::Item("opmerking".into()));
    assert!(dropped.is_empty());
    assert_eq!(at(&s), "opmerking", "a valid stored place is kept");
}

/// The first valid answer for an item, as a quick respondent would give it.
fn first_answer(item: &Item) -> Answer {
    match &item.kind {
        ItemKind::MultipleChoice { options, .. } => Answer::Choices(vec![options[0].code.clone()]),
        ItemKind::Number { min, .. } => Answer::Number(*min),
        ItemKind::OpenText { .. } => Answer::Text("prima".into()),
        ItemKind::Matrix { rows, points } => {
            Answer::Rows(rows.iter().map(|r| (r.id.clone(), points[0].code.clone())).collect())
        }
        kind => Answer::Choice(kind.choices()[0].code.clone()),
    }
}

fn run_to_end(i: &Instrument, pick: impl Fn(&Item) -> Answer) -> Session {
    let mut s = Session::start(i);
    for _ in 0..500 {
        let Some(item) = s.current(i) else { break };
        let a = pick(item);
        s.apply(i, Action::Answer { item: item.id.clone(), answer: a }).unwrap();
        s.apply(i, Action::Next).unwrap();
    }
    assert_eq!(s.position(), &Position::End);
    s
}

#[test]
fn a_student_can_fill_in_the_whole_student_vragenlijst() {
    let i = builtin::student().unwrap();
    let mut s = run_to_end(&i, first_answer);
    assert!(s.can_submit(&i));
    s.apply(&i, Action::Submit).unwrap();
    assert_eq!(s.response(&i).len(), s.progress(&i).total);
    // Choosing the last option everywhere takes other routes through show_if; it must
    // end just as well.
    let last = |item: &Item| match &item.kind {
        ItemKind::SingleChoice { .. }
        | ItemKind::Scale { .. }
        | ItemKind::YesNo
        | ItemKind::Share { .. } => {
            Answer::Choice(item.kind.choices().last().unwrap().code.clone())
        }
        _ => first_answer(item),
    };
    let s = run_to_end(&i, last);
    assert!(s.can_submit(&i));
}

/// A tiny deterministic generator, so the random walk below is repeatable.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn random_walks_never_leave_the_session_in_an_impossible_place() {
    for (name, i) in [("kinds", instrument(KINDS)), ("student", builtin::student().unwrap())] {
        let ids: Vec<String> = i.items().map(|(_, it)| it.id.clone()).collect();
        let mut rng = Lcg(7);
        let mut s = Session::start(&i);
        for step in 0..3000 {
            let item = &ids[rng.next(ids.len())];
            let it = i.item(item).unwrap();
            let action = match rng.next(7) {
                0 => Action::Next,
                1 => Action::Back,
                2 => Action::Skip,
                3 => Action::GoTo { item: item.clone() },
                4 => Action::Clear { item: item.clone() },
                5 => Action::Answer { item: item.clone(), answer: Answer::DontKnow },
                _ => Action::Answer { item: item.clone(), answer: first_answer(it) },
            };
            let before = s.clone();
            if s.apply(&i, action.clone()).is_err() {
                assert_eq!(
                    s, before,
                    "{name} step {step}: a refused {action:?} changed the session"
                );
            }
            if let Position::Item(id) = s.position() {
                assert!(s.is_shown(&i, id), "{name} step {step}: position {id} is not shown");
            }
            let p = s.progress(&i);
            assert!(
                p.position >= 1 && p.position <= p.total.max(1) && p.answered <= p.total,
                "{name}: {p:?}"
            );
        }
    }
}

// Found by the random walk: answering an earlier question (possible from the end screen's
// list or a wide layout) could hide the question the respondent was on, leaving the
// runner on a question that no longer exists for them.
#[test]
fn changing_an_earlier_answer_that_hides_the_current_question_moves_there() {
    let i = instrument(MINIMAL);
    let mut s = Session::start(&i);
    s.apply(&i, answer("stage", choice("ja"))).unwrap();
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(at(&s), "stage_leren");
    s.apply(&i, answer("stage", choice("nee"))).unwrap();
    assert_eq!(at(&s), "stage");
}
