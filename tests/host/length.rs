//! How long the built-in student vragenlijst takes a slow reader, on every route.
//!
//! A route is what one student meets: the niveau and leerweg, and the answers that route
//! (toekomstwens, stage, extra hulp, …). Every route is walked through the real
//! [`Session`], so routing here is exactly the runner's. Per screen a student reads the
//! section title when a section starts, the question, its help, every option shown (with
//! "Weet ik niet" and "Sla over" where offered) and, for a matrix, every row and the
//! scale once. Reading speed is 60 words a minute (slow; 80 shown as well); every answer
//! takes 5 seconds more (each matrix row is an answer, and so is the optional open
//! question: writing in it is extra). The longest route must take 15 minutes or less.
//! Run with `cargo test --test host length -- --nocapture` for the table docs/vragenlijsten.md
//! quotes.

// The table of routes is this test's report.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};

use spiegel::domain::answer::Answer;
use spiegel::domain::builtin;
use spiegel::domain::condition::Condition;
use spiegel::domain::instrument::{Instrument, Item, ItemKind};
use spiegel::domain::meting::Context;
use spiegel::domain::session::{Action, Position, Session};

/// Words a minute of a slow reader (the 60-80; the slow end is the budget).
const SLOW_WPM: f64 = 60.0;
/// Words a minute at the other end.
const WPM: f64 = 80.0;
/// Seconds to choose one answer (or one matrix row).
const ANSWER_SECONDS: f64 = 5.0;
/// The budget for the longest route, in minutes.
const BUDGET_MINUTES: f64 = 15.0;

/// Words of a Dutch text, as a reader meets them.
fn words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// What one screen asks of a reader: words read and seconds of answering.
fn cost(session: &Session, instrument: &Instrument, item: &Item) -> (usize, f64) {
    let mut w = words(&item.text.nl) + item.help.as_ref().map_or(0, |h| words(&h.nl));
    if item.dont_know {
        w += words("Weet ik niet");
    }
    if item.skippable || !item.required {
        w += words("Sla over");
    }
    let answer = match &item.kind {
        ItemKind::SingleChoice { .. } | ItemKind::MultipleChoice { .. } => {
            w += session
                .options(instrument, &item.id)
                .iter()
                .map(|o| words(&o.label.nl))
                .sum::<usize>();
            ANSWER_SECONDS
        }
        ItemKind::Matrix { rows, points } => {
            w += rows.iter().map(|r| words(&r.text.nl)).sum::<usize>();
            w += points.iter().map(|p| words(&p.label.nl)).sum::<usize>();
            ANSWER_SECONDS * rows.len() as f64
        }
        kind => {
            w += kind.choices().iter().map(|c| words(&c.label.nl)).sum::<usize>();
            ANSWER_SECONDS
        }
    };
    (w, answer)
}

/// One walked route.
#[derive(Debug, Clone)]
struct Route {
    niveau: String,
    leerweg: String,
    screens: usize,
    answers: usize,
    words: usize,
    answer_seconds: f64,
}

impl Route {
    fn minutes(&self, wpm: f64) -> f64 {
        (self.words as f64 / wpm * 60.0 + self.answer_seconds) / 60.0
    }
}

/// Per routing item, the answers that can lead somewhere different: one code per group
/// of codes that every condition treats alike, plus "weet ik niet" where offered.
fn routing_answers(instrument: &Instrument) -> BTreeMap<String, Vec<Answer>> {
    let mut atoms: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    let mut note = |c: &Condition| {
        fn walk(c: &Condition, out: &mut Vec<(String, Vec<String>)>) {
            match c {
                Condition::In { item, codes } => out.push((item.clone(), codes.clone())),
                Condition::Between { item, .. } | Condition::Answered { item } => {
                    out.push((item.clone(), Vec::new()))
                }
                Condition::All(p) | Condition::Any(p) => p.iter().for_each(|p| walk(p, out)),
                Condition::Not(p) => walk(p, out),
            }
        }
        let mut out = Vec::new();
        walk(c, &mut out);
        for (item, codes) in out {
            atoms.entry(item).or_default().push(codes);
        }
    };
    for section in &instrument.sections {
        section.show_if.iter().for_each(&mut note);
        for item in &section.items {
            item.show_if.iter().for_each(&mut note);
            if let ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options, .. } =
                &item.kind
            {
                options.iter().filter_map(|o| o.show_if.as_ref()).for_each(&mut note);
            }
        }
    }
    let mut out = BTreeMap::new();
    for (id, sets) in atoms {
        let Some(item) = instrument.item(&id) else { continue };
        let mut seen: BTreeSet<Vec<bool>> = BTreeSet::new();
        let mut list = Vec::new();
        let multiple = matches!(item.kind, ItemKind::MultipleChoice { .. });
        for c in item.kind.choices() {
            let signature: Vec<bool> = sets.iter().map(|s| s.contains(&c.code)).collect();
            if seen.insert(signature) {
                list.push(if multiple {
                    Answer::Choices(vec![c.code.clone()])
                } else {
                    Answer::Choice(c.code.clone())
                });
            }
        }
        if multiple {
            // Every option that can go with others, at once: the most follow-up questions.
            let all: Vec<String> =
                item.kind.choices().into_iter().filter(|c| !c.exclusive).map(|c| c.code).collect();
            list.push(Answer::Choices(all));
        }
        if item.dont_know {
            list.push(Answer::DontKnow);
        }
        out.insert(id, list);
    }
    out
}

/// Any answer that fits an item that does not route.
fn plain_answer(session: &Session, instrument: &Instrument, item: &Item) -> Answer {
    let first = session.options(instrument, &item.id).into_iter().next().map(|o| o.code);
    match &item.kind {
        ItemKind::SingleChoice { .. } => Answer::Choice(first.unwrap_or_default()),
        ItemKind::MultipleChoice { .. } => Answer::Choices(first.into_iter().collect()),
        ItemKind::Matrix { rows, points } => {
            Answer::Rows(rows.iter().map(|r| (r.id.clone(), points[0].code.clone())).collect())
        }
        ItemKind::Number { min, .. } => Answer::Number(*min),
        ItemKind::OpenText { .. } => Answer::Text("x".into()),
        kind => Answer::Choice(kind.choices()[0].code.clone()),
    }
}

/// Walks every route from `session`, adding each finished one to `out`.
fn explore(
    instrument: &Instrument,
    routing: &BTreeMap<String, Vec<Answer>>,
    session: Session,
    out: &mut Vec<Session>,
) {
    let mut session = session;
    loop {
        let Position::Item(id) = session.position().clone() else {
            out.push(session);
            return;
        };
        let item = instrument.item(&id).unwrap();
        if let Some(answers) = routing.get(&id) {
            for a in answers {
                let mut s = session.clone();
                if s.apply(instrument, Action::Answer { item: id.clone(), answer: a.clone() })
                    .is_ok()
                    && s.apply(instrument, Action::Next).is_ok()
                {
                    explore(instrument, routing, s, out);
                }
            }
            return;
        }
        let a = plain_answer(&session, instrument, item);
        session.apply(instrument, Action::Answer { item: id.clone(), answer: a }).unwrap();
        session.apply(instrument, Action::Next).unwrap();
    }
}

/// The route a finished session took.
fn route_of(instrument: &Instrument, s: &Session) -> Route {
    let shown = s.shown(instrument);
    let mut words_read = words(&instrument.intro.nl);
    let mut seconds = 0.0;
    let mut answers = 0;
    let mut section: Option<&str> = None;
    for item in &shown {
        let sec = instrument.section_of(&item.id).unwrap();
        if section != Some(&sec.id) {
            words_read += words(&sec.title.nl);
            section = Some(&sec.id);
        }
        let (w, a) = cost(s, instrument, item);
        words_read += w;
        seconds += a;
        answers += match &item.kind {
            ItemKind::Matrix { rows, .. } => rows.len(),
            _ => 1,
        };
    }
    let code = |id: &str| match s.answer(id) {
        Some(Answer::Choice(c)) => c.clone(),
        Some(Answer::DontKnow) => "weet niet".into(),
        _ => "-".into(),
    };
    Route {
        niveau: code("niveau"),
        leerweg: code("leerweg"),
        screens: shown.len(),
        answers,
        words: words_read,
        answer_seconds: seconds,
    }
}

fn routes(instrument: &Instrument) -> Vec<Route> {
    routes_from(instrument, Session::start(instrument))
}

fn routes_from(instrument: &Instrument, start: Session) -> Vec<Route> {
    let routing = routing_answers(instrument);
    let mut done = Vec::new();
    explore(instrument, &routing, start, &mut done);
    done.iter().map(|s| route_of(instrument, s)).collect()
}

/// Minutes of the longest of `routes` at `wpm`.
fn longest_minutes(routes: &[Route], wpm: f64) -> f64 {
    routes.iter().map(|r| r.minutes(wpm)).fold(0.0, f64::max)
}

#[test]
fn a_slow_reader_finishes_the_student_vragenlijst_in_15_minutes_on_every_route() {
    let student = builtin::student().unwrap();
    let all = routes(&student);
    assert!(all.len() > 10, "only {} routes walked", all.len());
    let mut per: BTreeMap<(String, String), Vec<&Route>> = BTreeMap::new();
    for r in &all {
        per.entry((r.niveau.clone(), r.leerweg.clone())).or_default().push(r);
    }
    println!(
        "{} routes of {} {}; minutes at {SLOW_WPM} wpm (at {WPM} wpm), {ANSWER_SECONDS} s per answer",
        all.len(),
        student.id,
        student.version
    );
    println!("| route | questions | answers | minutes, shortest | minutes, longest |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for ((niveau, leerweg), list) in &per {
        let by = |f: &dyn Fn(&Route) -> f64| {
            let lo = list.iter().map(|r| f(r)).fold(f64::MAX, f64::min);
            let hi = list.iter().map(|r| f(r)).fold(0.0, f64::max);
            (lo, hi)
        };
        let (q_lo, q_hi) = by(&|r| r.screens as f64);
        let (a_lo, a_hi) = by(&|r| r.answers as f64);
        let (m_lo, m_hi) = by(&|r| r.minutes(SLOW_WPM));
        let (f_lo, f_hi) = by(&|r| r.minutes(WPM));
        println!(
            "| niveau {niveau}, {leerweg} | {q_lo}-{q_hi} | {a_lo}-{a_hi} | {m_lo:.1} ({f_lo:.1}) | {m_hi:.1} ({f_hi:.1}) |"
        );
    }
    let longest = all.iter().max_by(|a, b| a.minutes(SLOW_WPM).total_cmp(&b.minutes(SLOW_WPM)));
    let longest = longest.unwrap();
    println!(
        "longest: niveau {}, {}: {} questions, {} answers, {} words, {:.1} minutes",
        longest.niveau,
        longest.leerweg,
        longest.screens,
        longest.answers,
        longest.words,
        longest.minutes(SLOW_WPM)
    );
    assert!(
        longest.minutes(SLOW_WPM) <= BUDGET_MINUTES,
        "the longest route takes {:.1} minutes at {SLOW_WPM} words a minute: {longest:?}",
        longest.minutes(SLOW_WPM)
    );
    // When the team set niveau and leerweg for the meting, those two are not asked.
    for niveau in ["1", "2", "3", "4"] {
        for leerweg in ["bol", "bbl"] {
            let context = Context {
                domein: None,
                niveau: Some(niveau.into()),
                leerweg: Some(leerweg.into()),
            };
            let start = Session::start_with(&student, context.answers(&student));
            let set = routes_from(&student, start);
            assert!(set.iter().all(|r| r.niveau == niveau && r.leerweg == leerweg));
            let asked = &per[&(niveau.to_string(), leerweg.to_string())];
            let most = |list: &[Route]| list.iter().map(|r| (r.screens, r.answers)).max().unwrap();
            let (screens, answers) = most(&set);
            let (screens_asked, _) = asked.iter().map(|r| (r.screens, r.answers)).max().unwrap();
            assert_eq!(screens + 2, screens_asked, "niveau and leerweg are not asked again");
            println!(
                "| niveau {niveau}, {leerweg}, set by the team | {screens} | {answers} | | {:.1} ({:.1}) |",
                longest_minutes(&set, SLOW_WPM),
                longest_minutes(&set, WPM)
            );
        }
    }
    // Every niveau and both leerwegen are routes of their own.
    for n in ["1", "2", "3", "4"] {
        assert!(all.iter().any(|r| r.niveau == n), "no route for niveau {n}");
    }
    for l in ["bol", "bbl"] {
        assert!(all.iter().any(|r| r.leerweg == l), "no route for {l}");
    }
}

/// Staff read faster than students (an adult reads about 240 words a minute, Brysbaert
/// 2019; 200 leaves room). The staff vragenlijst has no time budget of its own, but the
/// docs/vragenlijsten.md tells staff how long their role's route takes.
const STAFF_WPM: f64 = 200.0;
/// Seconds of writing per optional open answer on the staff side.
const STAFF_WRITING_SECONDS: f64 = 30.0;

#[test]
fn the_staff_vragenlijst_routes_each_role_to_its_own_blocks() {
    let staff = builtin::staff().unwrap();
    let role_of = |s: &Session| match s.answer("rol") {
        Some(Answer::Choice(c)) => c.clone(),
        _ => "-".into(),
    };
    let routing = routing_answers(&staff);
    let mut done = Vec::new();
    // Every role, even those its conditions treat alike.
    for role in staff.item("rol").unwrap().kind.choices() {
        let mut s = Session::start(&staff);
        let answer = Answer::Choice(role.code.clone());
        s.apply(&staff, Action::Answer { item: "rol".into(), answer }).unwrap();
        s.apply(&staff, Action::Next).unwrap();
        explore(&staff, &routing, s, &mut done);
    }
    let all: Vec<Route> = done.iter().map(|s| route_of(&staff, s)).collect();
    let mut per: BTreeMap<String, Vec<(Route, usize)>> = BTreeMap::new();
    for (s, r) in done.iter().zip(&all) {
        let shown = s.shown(&staff);
        let open = shown.iter().filter(|i| matches!(i.kind, ItemKind::OpenText { .. })).count();
        per.entry(role_of(s)).or_default().push((r.clone(), open));
    }
    println!("| role | answers | open answers | minutes (at {STAFF_WPM} wpm, 5 s per answer, {STAFF_WRITING_SECONDS} s per open answer written) |");
    println!("| --- | ---: | ---: | ---: |");
    for (role, list) in &per {
        let lo = list.iter().map(|(r, _)| r.answers).min().unwrap();
        let hi = list.iter().map(|(r, _)| r.answers).max().unwrap();
        let open = list.iter().map(|(_, o)| *o).max().unwrap();
        let minutes = |(r, o): &(Route, usize)| {
            r.minutes(STAFF_WPM) + (*o as f64 * (STAFF_WRITING_SECONDS - ANSWER_SECONDS)) / 60.0
        };
        let fastest = list.iter().map(|(r, _)| r.minutes(STAFF_WPM)).fold(f64::MAX, f64::min);
        let slowest = list.iter().map(minutes).fold(0.0, f64::max);
        println!("| {role} | {lo}-{hi} | up to {open} | {fastest:.0}-{slowest:.0} |");
    }
    // Every role has a route, and the care coordinator never gets the lessons question.
    for role in ["docent", "mentor", "zorg", "stage", "manager", "anders"] {
        assert!(per.contains_key(role), "no route for {role}");
    }
    for s in done.iter().filter(|s| role_of(s) == "zorg") {
        assert!(!s.shown(&staff).iter().any(|i| i.id == "aanpak_didactiek"));
    }
}
