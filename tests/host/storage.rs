//! Keeping answers: save and resume, corrupt entries set aside, full storage, a key of
//! its own for every run, and nothing outside a meting left in the clear.

use spiegel::domain::answer::Answer;
use spiegel::domain::meting::MetingId;
use spiegel::domain::session::{Action, Position, Session};
use spiegel::storage::journal::{self, Loaded, Run};
use spiegel::storage::memory::MemoryStore;
use spiegel::storage::{KeyValueStore, StorageError, StorageKey};

use crate::support::{instrument, MINIMAL};

fn answered_session() -> (spiegel::domain::instrument::Instrument, Session) {
    let i = instrument(MINIMAL);
    let mut s = Session::start(&i);
    s.apply(&i, Action::Answer { item: "stage".into(), answer: Answer::Choice("ja".into()) })
        .unwrap();
    s.apply(&i, Action::Next).unwrap();
    (i, s)
}

#[test]
fn a_saved_session_resumes_at_the_same_question_with_every_answer() {
    let store = MemoryStore::default();
    let (i, s) = answered_session();
    journal::save_session(&store, &i, Run::Trial, &s, None).unwrap();
    match journal::load_session(&store, &i, Run::Trial).unwrap() {
        Loaded::Resumed { session, dropped, touched } => {
            assert_eq!(touched, None);
            assert!(dropped.is_empty());
            assert_eq!(session.position(), &Position::Item("stage_leren".into()));
            assert_eq!(session.answer("stage"), Some(&Answer::Choice("ja".into())));
            assert_eq!(session, s);
        }
        other => panic!("expected a resumed session, got {other:?}"),
    }
}

#[test]
fn nothing_stored_means_a_fresh_start() {
    let i = instrument(MINIMAL);
    assert_eq!(
        journal::load_session(&MemoryStore::default(), &i, Run::Trial).unwrap(),
        Loaded::Fresh
    );
}

#[test]
fn a_corrupt_entry_is_set_aside_and_kept_not_deleted() {
    let store = MemoryStore::default();
    let i = instrument(MINIMAL);
    let key = StorageKey::Session("mini@trial".into()).as_string();
    for (n, junk) in
        ["{not json", "{\"schema\":\"spiegel.session\",\"version\":9}", "[]"].iter().enumerate()
    {
        store.set(&key, junk).unwrap();
        let loaded = journal::load_session(&store, &i, Run::Trial).unwrap();
        let expected = format!("spiegel.v1.set-aside.{}", n + 1);
        assert_eq!(loaded, Loaded::SetAside { kept_as: Some(expected.clone()) });
        assert_eq!(store.get(&expected).unwrap().as_deref(), Some(*junk), "the raw entry is kept");
        assert_eq!(store.get(&key).unwrap(), None, "and out of the way");
        assert_eq!(journal::load_session(&store, &i, Run::Trial).unwrap(), Loaded::Fresh);
    }
}

#[test]
fn a_full_store_reports_full_and_loses_nothing_already_kept() {
    let (i, s) = answered_session();
    // Room for the fresh session plus a little, not for a 200-character answer.
    let key = StorageKey::Session("mini@trial".into()).as_string();
    let fresh =
        serde_json::to_string(&journal::stored_session(&i, &Session::start(&i), None)).unwrap();
    let store = MemoryStore::with_limit(key.len() + fresh.len() + 100);
    journal::save_session(&store, &i, Run::Trial, &Session::start(&i), None).unwrap();
    let before = store.get(&key).unwrap();
    let mut big = s.clone();
    big.apply(&i, Action::Back).unwrap();
    big.apply(&i, Action::GoTo { item: "stage".into() }).unwrap();
    let mut long = big.clone();
    long.apply(&i, Action::Answer { item: "stage".into(), answer: Answer::Choice("nee".into()) })
        .unwrap();
    long.apply(&i, Action::Next).unwrap();
    long.apply(
        &i,
        Action::Answer { item: "opmerking".into(), answer: Answer::Text("x".repeat(200)) },
    )
    .unwrap();
    assert_eq!(journal::save_session(&store, &i, Run::Trial, &long, None), Err(StorageError::Full));
    assert_eq!(store.get(&key).unwrap(), before, "the last good save stays");
}

const METING: MetingId = MetingId([1, 2, 3, 4, 5, 6, 7, 8]);
const OTHER: MetingId = MetingId([8, 7, 6, 5, 4, 3, 2, 1]);

#[test]
fn every_run_has_a_key_of_its_own() {
    let (i, s) = answered_session();
    let store = MemoryStore::default();
    let runs = [Run::Trial, Run::Meting(METING), Run::Kiosk(METING), Run::Meting(OTHER)];
    let keys: Vec<String> = runs.iter().map(|r| r.slot("mini")).collect();
    assert_eq!(
        keys,
        [
            "mini@trial",
            "mini@0102030405060708",
            "mini@0102030405060708.kiosk",
            "mini@0807060504030201"
        ]
    );
    // A kiosk's run is never what a trial, the own device or another meting resumes.
    journal::save_session(&store, &i, Run::Kiosk(METING), &s, Some(1_000)).unwrap();
    for run in [Run::Trial, Run::Meting(METING), Run::Meting(OTHER), Run::Kiosk(OTHER)] {
        assert_eq!(journal::load_session(&store, &i, run).unwrap(), Loaded::Fresh, "{run:?}");
    }
    match journal::load_session(&store, &i, Run::Kiosk(METING)).unwrap() {
        Loaded::Resumed { session, touched, .. } => {
            assert_eq!(
                (session, touched),
                (s.clone(), Some(1_000)),
                "with the time of its last save"
            );
        }
        other => panic!("{other:?}"),
    }
    journal::clear_session(&store, "mini", Run::Kiosk(METING)).unwrap();
    assert_eq!(store.keys().unwrap(), Vec::<String>::new(), "nothing of it is left");
}

#[test]
fn ending_a_trial_leaves_nothing_of_it() {
    let (i, s) = answered_session();
    let store = MemoryStore::default();
    journal::save_session(&store, &i, Run::Trial, &s, None).unwrap();
    journal::set_trial(&store, Some("mini")).unwrap();
    assert_eq!(journal::trial(&store).unwrap().as_deref(), Some("mini"));
    journal::clear_session(&store, "mini", Run::Trial).unwrap();
    assert_eq!(journal::trial(&store).unwrap(), None);
    assert_eq!(store.keys().unwrap(), Vec::<String>::new());
}

#[test]
fn responses_an_earlier_version_kept_in_the_clear_are_removed() {
    let (i, s) = answered_session();
    let store = MemoryStore::default();
    let clear = journal::response(&i, &s, "r1".into(), "2026-W48".into());
    store
        .set(
            &StorageKey::Response("r1".into()).as_string(),
            &serde_json::to_string(&clear).unwrap(),
        )
        .unwrap();
    store.set(&StorageKey::Response("kapot".into()).as_string(), "{kapot").unwrap();
    store
        .set(&StorageKey::Outbox("0102030405060708".into(), "x".into()).as_string(), "sealed")
        .unwrap();
    assert_eq!(journal::sweep_clear_responses(&store).unwrap(), 2);
    assert_eq!(
        store.keys().unwrap(),
        vec!["spiegel.v1.outbox.0102030405060708.x".to_string()],
        "sealed responses stay"
    );
}

#[test]
fn a_run_an_earlier_version_kept_goes_to_the_own_device_and_never_to_a_kiosk() {
    let (i, s) = answered_session();
    let earlier = StorageKey::Session("mini".into()).as_string();
    let json = serde_json::to_string(&journal::stored_session(&i, &s, None)).unwrap();

    // On the respondent's own device the meting takes it over, answers and place.
    let store = MemoryStore::default();
    store.set(&earlier, &json).unwrap();
    store.set(&StorageKey::Active.as_string(), "mini").unwrap();
    assert!(!journal::adopt_earlier(&store, &i, Run::Trial).unwrap(), "a trial leaves it");
    assert!(journal::adopt_earlier(&store, &i, Run::Meting(METING)).unwrap());
    assert!(matches!(
        journal::load_session(&store, &i, Run::Meting(METING)).unwrap(),
        Loaded::Resumed { session, .. } if session == s
    ));
    assert_eq!(store.get(&earlier).unwrap(), None);
    assert_eq!(journal::active(&store).unwrap(), None);
    assert!(!journal::adopt_earlier(&store, &i, Run::Meting(OTHER)).unwrap(), "only once");

    // A meting that has a run of its own keeps it.
    let store = MemoryStore::default();
    store.set(&earlier, &json).unwrap();
    let fresh = Session::start(&i);
    journal::save_session(&store, &i, Run::Meting(METING), &fresh, None).unwrap();
    assert!(!journal::adopt_earlier(&store, &i, Run::Meting(METING)).unwrap());
    assert!(matches!(
        journal::load_session(&store, &i, Run::Meting(METING)).unwrap(),
        Loaded::Resumed { session, .. } if session == fresh
    ));

    // A kiosk removes it: it may be another student's.
    let store = MemoryStore::default();
    store.set(&earlier, &json).unwrap();
    assert!(journal::adopt_earlier(&store, &i, Run::Kiosk(METING)).unwrap());
    assert_eq!(store.keys().unwrap(), Vec::<String>::new());
}

#[test]
fn own_instruments_come_back_after_a_reload_and_broken_ones_are_set_aside() {
    use spiegel::domain::catalog::Catalog;
    const STUDENT: &str = include_str!("../fixtures/instruments/student-mirror.json");
    const STAFF: &str = include_str!("../fixtures/instruments/staff-mirror.json");
    let store = MemoryStore::default();
    // Stored in an order where the staff file comes before the student file it mirrors.
    journal::save_instrument(&store, "a-staff", STAFF).unwrap();
    journal::save_instrument(&store, "b-student", STUDENT).unwrap();
    journal::save_instrument(&store, "c-kapot", "{ niet af").unwrap();
    let mut catalog = Catalog::with_builtins();
    let set_apart = journal::load_instruments(&store, &mut catalog).unwrap();
    assert!(catalog.current("mini-student").is_some() && catalog.current("mini-staff").is_some());
    assert_eq!(set_apart, vec!["spiegel.v1.set-aside.1".to_string()]);
    assert_eq!(store.get("spiegel.v1.set-aside.1").unwrap().as_deref(), Some("{ niet af"));
}

#[test]
fn opening_the_app_sets_aside_unreadable_sessions_and_keeps_good_ones() {
    let (i, s) = answered_session();
    let store = MemoryStore::default();
    journal::save_session(&store, &i, Run::Trial, &s, None).unwrap();
    store.set("spiegel.v1.session.kapot", "{kapot").unwrap();
    assert_eq!(
        journal::sweep_sessions(&store).unwrap(),
        vec!["spiegel.v1.set-aside.1".to_string()]
    );
    assert!(matches!(
        journal::load_session(&store, &i, Run::Trial).unwrap(),
        Loaded::Resumed { .. }
    ));
    assert!(journal::sweep_sessions(&store).unwrap().is_empty(), "nothing left to set aside");
}
