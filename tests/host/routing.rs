//! Routing and exclusive answers: options shown by earlier answers, items the meting's
//! context answers (and the invitation that carries it), exclusive options ("niets"),
//! and `when_hidden` codes in the mirror's table.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use spiegel::domain::analysis::Table;
use spiegel::domain::answer::{toggle_with, Answer, DONT_KNOW_CODE};
use spiegel::domain::builtin;
use spiegel::domain::instrument::{parse, ContextKey, Instrument, ItemKind};
use spiegel::domain::meting::{Context, Invitation, InvitationError};
use spiegel::domain::payload;
use spiegel::domain::response::Response;
use spiegel::domain::session::{Action, AnswerProblem, Position, Session, SessionError};
use spiegel::domain::text::Lang;

use crate::support::{at, edited, instrument};

const ROUTING: &str = include_str!("../fixtures/instruments/routing.json");

fn answer(item: &str, a: Answer) -> Action {
    Action::Answer { item: item.into(), answer: a }
}

fn choice(c: &str) -> Answer {
    Answer::Choice(c.into())
}

fn choices(cs: &[&str]) -> Answer {
    Answer::Choices(cs.iter().map(|c| c.to_string()).collect())
}

fn codes(s: &Session, i: &Instrument, item: &str) -> Vec<String> {
    s.options(i, item).into_iter().map(|o| o.code).collect()
}

fn shown(s: &Session, i: &Instrument) -> Vec<String> {
    s.shown(i).into_iter().map(|i| i.id.clone()).collect()
}

fn context(niveau: Option<&str>, leerweg: Option<&str>) -> Context {
    Context { domein: None, niveau: niveau.map(Into::into), leerweg: leerweg.map(Into::into) }
}

/// Every problem of an edited fixture, in English, with its place.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    match parse(&edited(ROUTING, edit)) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(|p| p.message(Lang::En)).collect(),
    }
}

#[test]
fn the_fixture_reads_its_routing_exclusive_and_context_fields() {
    let i = instrument(ROUTING);
    let niveau = i.item("niveau").unwrap();
    assert_eq!(niveau.from_context, Some(ContextKey::Niveau));
    let hulp_bij = i.item("hulp_bij").unwrap();
    assert_eq!(hulp_bij.when_hidden.as_deref(), Some("geen"));
    assert_eq!(hulp_bij.kind.exclusive_codes(), vec!["geen"]);
    let ItemKind::SingleChoice { options } = &i.item("wens").unwrap().kind else { panic!() };
    assert!(options[0].show_if.is_none() && options[1].show_if.is_some());
}

#[test]
fn options_follow_niveau_and_leerweg_and_a_changed_answer_drops_a_hidden_pick() {
    let i = instrument(ROUTING);
    let mut s = Session::start(&i);
    s.apply(&i, answer("niveau", choice("2"))).unwrap();
    s.apply(&i, answer("leerweg", choice("bol"))).unwrap();
    assert_eq!(codes(&s, &i, "wens"), ["werken", "niveau3"]);
    s.apply(&i, answer("leerweg", choice("bbl"))).unwrap();
    assert_eq!(codes(&s, &i, "wens"), ["werken", "bedrijf", "niveau3"]);
    // An option that is not shown cannot be picked.
    s.apply(&i, Action::Next).unwrap();
    s.apply(&i, Action::Next).unwrap();
    assert_eq!(s.position(), &Position::Item("wens".into()));
    assert_eq!(
        s.apply(&i, answer("wens", choice("hbo"))),
        Err(SessionError::InvalidAnswer {
            item: "wens".into(),
            reason: AnswerProblem::OptionNotShown("hbo".into())
        })
    );
    s.apply(&i, answer("wens", choice("niveau3"))).unwrap();
    // Going back and changing the niveau to 4 takes away "niveau 3": the question is open
    // again, and "hbo" is offered instead.
    s.apply(&i, Action::GoTo { item: "niveau".into() }).unwrap();
    s.apply(&i, answer("niveau", choice("4"))).unwrap();
    assert_eq!(s.answer("wens"), None, "a pick that is no longer offered is dropped");
    assert_eq!(codes(&s, &i, "wens"), ["werken", "bedrijf", "hbo"]);
    assert!(s.missing(&i).iter().any(|m| m.id == "wens"));
}

#[test]
fn a_choice_without_any_option_to_show_is_not_asked() {
    let i = instrument(ROUTING);
    let mut s = Session::start(&i);
    s.apply(&i, answer("niveau", choice("2"))).unwrap();
    assert!(!shown(&s, &i).contains(&"alleen_hbo".to_string()));
    s.apply(&i, answer("niveau", choice("4"))).unwrap();
    assert!(shown(&s, &i).contains(&"alleen_hbo".to_string()));
}

#[test]
fn the_meting_context_answers_niveau_and_leerweg_which_are_then_not_asked() {
    let i = instrument(ROUTING);
    let given = context(Some("4"), Some("bbl")).answers(&i);
    assert_eq!(given.get("niveau"), Some(&choice("4")));
    assert_eq!(given.get("leerweg"), Some(&choice("bbl")));
    let mut s = Session::start_with(&i, given);
    assert_eq!(s.position(), &Position::Item("wens".into()), "starts past the given items");
    assert_eq!(shown(&s, &i)[0], "wens");
    assert!(s.is_given("niveau"));
    assert_eq!(codes(&s, &i, "wens"), ["werken", "bedrijf", "hbo"]);
    assert_eq!(
        s.apply(&i, answer("niveau", choice("2"))),
        Err(SessionError::NotShown { item: "niveau".into() }),
        "a given answer is not asked again"
    );
    assert_eq!(s.apply(&i, Action::Back), Err(SessionError::AtStart));
    s.apply(&i, answer("wens", choice("hbo"))).unwrap();
    s.apply(&i, answer("hulp", choice("nee"))).unwrap();
    s.apply(&i, Action::GoTo { item: "hulp".into() }).unwrap();
    s.apply(&i, Action::Next).unwrap();
    let sent: BTreeMap<String, Answer> = s.response(&i).into_iter().collect();
    assert_eq!(sent.get("niveau"), Some(&choice("4")), "the given niveau is sent");
    assert_eq!(sent.get("leerweg"), Some(&choice("bbl")));
    assert_eq!(s.progress(&i).total, 3, "wens, hulp, alleen_hbo");
}

#[test]
fn a_context_left_open_or_mixed_asks_the_student() {
    let i = instrument(ROUTING);
    assert!(context(None, None).answers(&i).is_empty());
    let mixed = context(Some("gemengd"), Some("beide")).answers(&i);
    assert!(mixed.is_empty(), "no single option fits 'gemengd' or 'beide': {mixed:?}");
    // A multiple choice of leerwegen takes "beide" as both.
    let multi = edited(ROUTING, |v| {
        *at(v, "/sections/0/items/1/kind") = json!("multiple_choice");
    });
    let multi = instrument(&multi);
    let both = context(None, Some("beide")).answers(&multi);
    assert_eq!(both.get("leerweg"), Some(&choices(&["bol", "bbl"])));
    let s = Session::start_with(&multi, both);
    assert_eq!(shown(&s, &multi)[0], "niveau");
}

#[test]
fn a_restored_session_takes_the_context_again() {
    let i = instrument(ROUTING);
    let given = context(Some("2"), None).answers(&i);
    let s = Session::start_with(&i, given.clone());
    let (mut back, dropped) = Session::restore(&i, s.answers().clone(), s.position().clone());
    assert!(dropped.is_empty());
    assert!(shown(&back, &i).contains(&"niveau".to_string()), "without the context it is asked");
    back.preset(&i, given);
    assert_eq!(shown(&back, &i)[0], "leerweg");
    assert_eq!(back.position(), &Position::Item("leerweg".into()));
}

#[test]
fn the_invitation_carries_niveau_and_leerweg_and_old_links_still_work() {
    let key = "11".repeat(32);
    let old = format!("m=0011223344556677&i=spiegel-student&v=1.0.0&k={key}");
    let inv = Invitation::from_fragment(&old).unwrap();
    assert_eq!(inv.context, Context::default(), "a link without n and l asks the student");
    let new = Invitation { context: context(Some("3"), Some("bbl")), ..inv.clone() };
    let fragment = new.to_fragment();
    assert!(fragment.contains("&n=3&l=bbl"), "{fragment}");
    assert_eq!(Invitation::from_fragment(&fragment), Ok(new.clone()));
    for (bad, name) in [("&n=5", "n"), ("&n=", "n"), ("&l=deeltijd", "l"), ("&l=BOL", "l")] {
        assert_eq!(
            Invitation::from_fragment(&format!("{old}{bad}")),
            Err(InvitationError::Malformed(name)),
            "{bad}"
        );
    }
    let mixed = Invitation { context: context(Some("gemengd"), Some("beide")), ..inv };
    assert_eq!(Invitation::from_fragment(&mixed.to_fragment()), Ok(mixed));
}

#[test]
fn an_exclusive_option_stands_alone_in_the_runner_the_session_and_the_payload() {
    let i = instrument(ROUTING);
    let mut s = Session::start(&i);
    s.apply(&i, answer("niveau", choice("2"))).unwrap();
    s.apply(&i, answer("hulp", choice("ja"))).unwrap();
    let exclusive = i.item("hulp_bij").unwrap().kind.exclusive_codes();
    let picked = toggle_with(Some(&choices(&["geld", "thuis"])), "geen", &exclusive);
    assert_eq!(picked, choices(&["geen"]));
    assert_eq!(toggle_with(Some(&picked), "geld", &exclusive), choices(&["geld"]));
    assert_eq!(
        s.apply(&i, answer("hulp_bij", choices(&["geld", "geen"]))),
        Err(SessionError::InvalidAnswer {
            item: "hulp_bij".into(),
            reason: AnswerProblem::Exclusive("geen".into())
        })
    );
    s.apply(&i, answer("hulp_bij", choices(&["geen"]))).unwrap();
    // A payload holding "geen" with another pick is refused both ways.
    let mut r = Response {
        id: "0".repeat(32),
        instrument: i.id.clone(),
        instrument_version: i.version.clone(),
        week: "2026-W48".into(),
        answers: BTreeMap::new(),
    };
    r.answers.insert("hulp_bij".into(), choices(&["geld", "geen"]));
    assert_eq!(payload::encode(&i, &r), Err(payload::PayloadError::Exclusive("hulp_bij".into())));
    r.answers.insert("hulp_bij".into(), choices(&["geen"]));
    let geen = payload::encode(&i, &r).unwrap();
    assert_eq!(payload::decode(&i, &geen).unwrap().answers, r.answers);
    r.answers.insert("hulp_bij".into(), choices(&["geld"]));
    let geld = payload::encode(&i, &r).unwrap();
    // The one byte where they differ is the mask of hulp_bij (tag 3 + bits): set both
    // bits, put a valid checksum on it, and the payload is still refused.
    let at = (0..geen.len()).find(|&n| geen[n] != geld[n]).unwrap();
    let mut forged = geen.clone();
    forged[at] = 3 + 0b101;
    let body = forged.len() - 4;
    let crc = crc32fast::hash(&forged[..body]).to_le_bytes();
    forged[body..].copy_from_slice(&crc);
    assert_eq!(
        payload::decode(&i, &forged),
        Err(payload::PayloadError::Exclusive("hulp_bij".into()))
    );
}

#[test]
fn the_mirror_counts_a_question_routed_away_by_a_real_answer_as_its_when_hidden_code() {
    let i = instrument(ROUTING);
    let response = |n: u8, answers: &[(&str, Answer)]| Response {
        id: format!("{n:032x}"),
        instrument: i.id.clone(),
        instrument_version: i.version.clone(),
        week: "2026-W48".into(),
        answers: answers.iter().map(|(k, a)| (k.to_string(), a.clone())).collect(),
    };
    let rows = [
        response(1, &[("hulp", choice("nee"))]),
        response(2, &[("hulp", choice("ja")), ("hulp_bij", choices(&["geld"]))]),
        response(3, &[("hulp", Answer::DontKnow)]),
        response(4, &[]),
        response(5, &[("hulp", choice("ja"))]),
    ];
    let table = Table::of(&i, &rows);
    let col = table.column("hulp_bij", None).unwrap();
    let codes = &table.columns()[col].codes;
    let geen = 1u64 << codes.iter().position(|c| c == "geen").unwrap();
    let geld = 1u64 << codes.iter().position(|c| c == "geld").unwrap();
    let cells: Vec<u64> = (0..rows.len()).map(|r| table.row(r)[col]).collect();
    assert_eq!(cells, [geen, geld, 0, 0, 0], "only 'nee' implies 'geen'; open or unknown do not");
    // Without `when_hidden`, a routed-away question is simply not answered.
    let plain = instrument(&edited(ROUTING, |v| {
        at(v, "/sections/1/items/2").as_object_mut().unwrap().remove("when_hidden");
    }));
    let table = Table::of(&plain, &rows);
    assert_eq!(table.row(0)[col], 0);
}

#[test]
fn routing_fields_in_the_wrong_place_are_named() {
    let p = problems(|v| {
        at(v, "/sections/0/items/0/options/0")["exclusive"] = json!(true);
    });
    assert_eq!(
        p,
        ["'exclusive' only fits an option of a multiple choice (at sections[0].items[0].options[0])"]
    );
    let p = problems(|v| {
        at(v, "/sections/1/items/0/options/2/show_if")["item"] = json!("hulp");
    });
    assert_eq!(
        p,
        ["The condition refers to item 'hulp', which does not come earlier in the instrument (at sections[1].items[0].options[2].show_if)"]
    );
    let p = problems(|v| {
        at(v, "/sections/1/items/0/options/2/show_if")["in"] = json!(["5"]);
    });
    assert_eq!(
        p,
        ["The condition uses code '5', but item 'niveau' has no such code (at sections[1].items[0].options[2].show_if)"]
    );
    let p = problems(|v| {
        at(v, "/sections/0/items/0")["from_context"] = json!("domein");
    });
    assert_eq!(
        p,
        ["'from_context' is 'domein', but must be 'niveau' or 'leerweg' (at sections[0].items[0])"]
    );
    let p = problems(|v| {
        at(v, "/sections/1/items/1")["from_context"] = json!("niveau");
    });
    assert_eq!(p, ["Field 'from_context' does not belong to an item of kind 'yes_no' (at sections[1].items[1])"]);
    let p = problems(|v| {
        at(v, "/sections/1/items/2")["when_hidden"] = json!("niets");
    });
    assert_eq!(p, ["Code 'niets' is not an answer of this item (at sections[1].items[2])"]);
    let p = problems(|v| {
        at(v, "/sections/1/items/2").as_object_mut().unwrap().remove("show_if");
    });
    assert_eq!(
        p,
        ["'when_hidden' has no use: this item has no condition ('show_if'), so it is never hidden (at sections[1].items[2])"]
    );
    let label = json!({"nl": "Heb ik niet", "en": "I don't have this"});
    let p = problems(|v| {
        at(v, "/sections/1/items/1")["dont_know_label"] = label.clone();
    });
    assert!(p.is_empty(), "{p:?}");
    let i = instrument(&edited(ROUTING, |v| {
        at(v, "/sections/1/items/1")["dont_know_label"] = label.clone();
    }));
    assert_eq!(i.item("hulp").unwrap().dont_know_label.as_ref().unwrap().nl, "Heb ik niet");
    let p = problems(|v| {
        at(v, "/sections/1/items/0")["dont_know_label"] = label.clone();
    });
    assert_eq!(
        p,
        ["'dont_know_label' only makes sense with \"dont_know\": true (at sections[1].items[0])"]
    );
    // A scale point can be neither exclusive nor conditional.
    let json = edited(crate::support::KINDS, |v| {
        at(v, "/scales/0/points/0")["exclusive"] = json!(true);
        at(v, "/scales/0/points/1")["show_if"] = json!({"item": "x", "in": ["a"]});
    });
    let p: Vec<String> = parse(&json).unwrap_err().iter().map(|p| p.message(Lang::En)).collect();
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].starts_with("'exclusive' only fits"), "{p:?}");
    assert!(p[1].starts_with("A point of a scale cannot have a 'show_if'"), "{p:?}");
    // "weet ik niet" stays its own answer next to an exclusive option.
    assert_eq!(DONT_KNOW_CODE, "weet_niet");
}

// ---- the built-in vragenlijsten of this version -------------------------------------

fn builtin_pair() -> (Instrument, Instrument) {
    (builtin::student().unwrap(), builtin::staff().unwrap())
}

/// A student response to the newest student vragenlijst with these answers.
fn student_response(n: usize, answers: &[(&str, Answer)]) -> Response {
    let s = builtin::student().unwrap();
    Response {
        id: format!("{n:032x}"),
        instrument: s.id.clone(),
        instrument_version: s.version.clone(),
        week: "2026-W48".into(),
        answers: answers.iter().map(|(k, a)| (k.to_string(), a.clone())).collect(),
    }
}

#[test]
fn the_future_wish_offers_what_fits_each_niveau_and_leerweg() {
    let (student, _) = builtin_pair();
    let offered = |niveau: &str, leerweg: &str| {
        let context = context(Some(niveau), Some(leerweg));
        let s = Session::start_with(&student, context.answers(&student));
        let asked = shown(&s, &student);
        assert!(!asked.iter().any(|i| i == "niveau" || i == "leerweg"), "not asked again");
        codes(&s, &student, "toekomstwens")
    };
    let wishes = |extra: &[&'static str]| -> Vec<&'static str> {
        let mut all = vec!["werken"];
        all.extend(extra);
        all.extend(["eerst_werken", "andere_opleiding", "anders"]);
        all
    };
    assert_eq!(offered("1", "bol"), wishes(&["niveau2"]));
    assert_eq!(offered("2", "bol"), wishes(&["niveau3", "niveau4"]));
    assert_eq!(offered("3", "bol"), wishes(&["niveau4"]));
    assert_eq!(offered("4", "bol"), wishes(&["hbo"]));
    let bbl = offered("2", "bbl");
    assert_eq!(bbl[..2], ["werken", "leerbedrijf"]);
    // A BBL student is not asked about a stage: their leerbedrijf is one.
    let s = Session::start_with(&student, context(Some("2"), Some("bbl")).answers(&student));
    assert!(!shown(&s, &student).contains(&"stage".to_string()));
    assert!(shown(&s, &student).contains(&"stage_oordeel".to_string()));
}

#[test]
fn help_asked_after_no_help_needed_is_not_asked_and_the_mirror_counts_every_student() {
    let (student, staff) = builtin_pair();
    let mut s = Session::start(&student);
    s.apply(&student, answer("niveau", choice("2"))).unwrap();
    s.apply(&student, answer("hulp_nodig", choice("nee"))).unwrap();
    assert!(!shown(&s, &student).contains(&"hulp_bij".to_string()));
    s.apply(&student, answer("hulp_nodig", Answer::DontKnow)).unwrap();
    assert!(shown(&s, &student).contains(&"hulp_bij".to_string()), "weet ik niet still asks");

    // Ten students: six need no help, two need help with problems at home, one wants
    // more support from home (a wish, not a problem at home), one needs help with money.
    let mut students = Vec::new();
    for n in 0..6 {
        students.push(student_response(n, &[("hulp_nodig", choice("nee"))]));
    }
    for n in 6..8 {
        let a = [("hulp_nodig", choice("ja")), ("hulp_bij", choices(&["prive"]))];
        students.push(student_response(n, &a));
    }
    students.push(student_response(
        8,
        &[("hulp_nodig", choice("ja")), ("hulp_bij", choices(&["thuis"]))],
    ));
    students.push(student_response(
        9,
        &[("hulp_nodig", choice("ja")), ("hulp_bij", choices(&["geld"]))],
    ));
    let report =
        spiegel::domain::analysis::analyse(&student, &staff, &students, &[], &Default::default());
    let share = |item: &str| {
        let e = report.themes.iter().flat_map(|t| &t.estimates).find(|e| e.staff_item == item);
        let s = e.unwrap().students.shown().copied().unwrap();
        (s.x, s.n)
    };
    assert_eq!(share("est_prive"), (2, 10), "problems at home, of all ten students");
    assert_eq!(share("est_geld"), (1, 10));
    assert_eq!(share("est_hulp_nodig"), (4, 10));
}

#[test]
fn confidence_counts_as_the_seed_counts_it() {
    let (student, staff) = builtin_pair();
    let answers = [
        ("vertrouwen_diploma", "makkelijk"),
        ("vertrouwen_diploma", "hard_werken"),
        ("vertrouwen_diploma", "met_hulp"),
        ("vertrouwen_diploma", "alleen_met_hulp"),
        ("vertrouwen_diploma", "twijfel"),
        ("vertrouwen_baan", "heb_al"),
        ("vertrouwen_baan", "makkelijk"),
        ("vertrouwen_baan", "met_moeite"),
        ("vertrouwen_baan", "twijfel"),
        ("vertrouwen_baan", "ander_werk"),
    ];
    let students: Vec<Response> = answers
        .iter()
        .enumerate()
        .map(|(n, (item, code))| student_response(n, &[(item, choice(code))]))
        .collect();
    let report =
        spiegel::domain::analysis::analyse(&student, &staff, &students, &[], &Default::default());
    let share = |item: &str| {
        let e = report.themes.iter().flat_map(|t| &t.estimates).find(|e| e.staff_item == item);
        let s = e.unwrap().students.shown().copied().unwrap();
        (s.x, s.n)
    };
    // "Alleen met veel hulp" doubts (seed-000 L1642-1643); "ja, maar niet makkelijk"
    // doubts finding a job easily (L1652-1653).
    assert_eq!(share("est_vertrouwen_diploma"), (3, 5));
    assert_eq!(share("est_vertrouwen_baan"), (2, 5));
}

#[test]
fn the_staff_vragenlijst_takes_the_teams_niveau_and_leerweg_and_asks_bbl_questions_only_with_bbl() {
    let (_, staff) = builtin_pair();
    let start = |leerweg: &str| {
        let mut s = Session::start_with(&staff, context(Some("3"), Some(leerweg)).answers(&staff));
        s.apply(&staff, answer("rol", choice("docent"))).unwrap();
        shown(&s, &staff)
    };
    let bol = start("bol");
    assert!(!bol.iter().any(|i| i == "niveaus_team" || i == "leerwegen_team"));
    assert!(!bol.contains(&"est_leerbedrijf".to_string()));
    assert!(start("beide").contains(&"est_leerbedrijf".to_string()));
    assert!(start("bbl").contains(&"est_leerbedrijf".to_string()));
    // A team of several niveaus answers the question itself.
    let mixed = Session::start_with(&staff, context(Some("gemengd"), None).answers(&staff));
    let asked = shown(&mixed, &staff);
    assert!(asked.contains(&"niveaus_team".to_string()));
    assert!(asked.contains(&"leerwegen_team".to_string()));
}
