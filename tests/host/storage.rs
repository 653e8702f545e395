//! Keeping answers: save and resume, corrupt entries set aside, full storage.

use spiegel::domain::answer::Answer;
use spiegel::domain::session::{Action, Position, Session};
use spiegel::storage::journal::{self, Loaded};
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
    journal::save_session(&store, &i, &s).unwrap();
    match journal::load_session(&store, &i).unwrap() {
        Loaded::Resumed { session, dropped } => {
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
    assert_eq!(journal::load_session(&MemoryStore::default(), &i).unwrap(), Loaded::Fresh);
}

#[test]
fn a_corrupt_entry_is_set_aside_and_kept_not_deleted() {
    let store = MemoryStore::default();
    let i = instrument(MINIMAL);
    let key = StorageKey::Session("mini".into()).as_string();
    for (n, junk) in
        ["{not json", "{\"schema\":\"spiegel.session\",\"version\":9}", "[]"].iter().enumerate()
    {
        store.set(&key, junk).unwrap();
        let loaded = journal::load_session(&store, &i).unwrap();
        let expected = format!("spiegel.v1.set-aside.{}", n + 1);
        assert_eq!(loaded, Loaded::SetAside { kept_as: Some(expected.clone()) });
        assert_eq!(store.get(&expected).unwrap().as_deref(), Some(*junk), "the raw entry is kept");
        assert_eq!(store.get(&key).unwrap(), None, "and out of the way");
        assert_eq!(journal::load_session(&store, &i).unwrap(), Loaded::Fresh);
    }
}

#[test]
fn a_full_store_reports_full_and_loses_nothing_already_kept() {
    let (i, s) = answered_session();
    // Room for the fresh session plus a little, not for a 200-character answer.
    let key = StorageKey::Session("mini".into()).as_string();
    let fresh = serde_json::to_string(&journal::stored_session(&i, &Session::start(&i))).unwrap();
    let store = MemoryStore::with_limit(key.len() + fresh.len() + 100);
    journal::save_session(&store, &i, &Session::start(&i)).unwrap();
    let before = store.get(&StorageKey::Session("mini".into()).as_string()).unwrap();
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
    assert_eq!(journal::save_session(&store, &i, &long), Err(StorageError::Full));
    assert_eq!(
        store.get(&StorageKey::Session("mini".into()).as_string()).unwrap(),
        before,
        "the last good save stays"
    );
}

#[test]
fn completing_keeps_the_response_before_removing_the_session() {
    let (i, mut s) = answered_session();
    s.apply(&i, Action::Answer { item: "stage_leren".into(), answer: Answer::Choice("2".into()) })
        .unwrap();
    s.apply(&i, Action::Submit).unwrap();
    let store = MemoryStore::default();
    journal::save_session(&store, &i, &s).unwrap();
    let r = journal::response(&i, &s, "abc".into(), "2026-W48".into());
    assert_eq!(r.answers.len(), 2);
    journal::complete(&store, &i, &r).unwrap();
    journal::complete(&store, &i, &r).unwrap();
    let (list, set_apart) = journal::load_responses(&store).unwrap();
    assert_eq!(list.len(), 1, "the same response is kept once");
    assert!(set_apart.is_empty());
    assert_eq!(list[0].week, "2026-W48");
    assert_eq!(journal::load_session(&store, &i).unwrap(), Loaded::Fresh);

    // When the response cannot be written, the session in progress stays.
    let tight = MemoryStore::with_limit(10);
    assert_eq!(journal::complete(&tight, &i, &r), Err(StorageError::Full));
}

#[test]
fn a_corrupt_response_is_set_aside_and_the_others_still_read() {
    let (i, mut s) = answered_session();
    s.apply(&i, Action::Answer { item: "stage_leren".into(), answer: Answer::Choice("1".into()) })
        .unwrap();
    let store = MemoryStore::default();
    store.set(&StorageKey::Response("kapot".into()).as_string(), "{\"broken\": true}").unwrap();
    for id in ["r1", "r2"] {
        journal::complete(&store, &i, &journal::response(&i, &s, id.into(), "2026-W48".into()))
            .unwrap();
    }
    let (list, set_apart) = journal::load_responses(&store).unwrap();
    assert_eq!(list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["r1", "r2"]);
    assert_eq!(set_apart, vec!["spiegel.v1.set-aside.1".to_string()]);
    assert_eq!(store.get("spiegel.v1.set-aside.1").unwrap().as_deref(), Some("{\"broken\": true}"));
    assert_eq!(journal::load_responses(&store).unwrap().0.len(), 2, "reading again is stable");
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
fn the_active_run_is_remembered_until_it_is_sent() {
    let (i, mut s) = answered_session();
    let store = MemoryStore::default();
    journal::set_active(&store, Some("mini")).unwrap();
    assert_eq!(journal::active(&store).unwrap().as_deref(), Some("mini"));
    s.apply(&i, Action::Answer { item: "stage_leren".into(), answer: Answer::Choice("1".into()) })
        .unwrap();
    let r = journal::response(&i, &s, "r".into(), "2026-W48".into());
    journal::complete(&store, &i, &r).unwrap();
    assert_eq!(journal::active(&store).unwrap(), None);
}

#[test]
fn opening_the_app_sets_aside_unreadable_sessions_and_keeps_good_ones() {
    let (i, s) = answered_session();
    let store = MemoryStore::default();
    journal::save_session(&store, &i, &s).unwrap();
    store.set("spiegel.v1.session.kapot", "{kapot").unwrap();
    assert_eq!(
        journal::sweep_sessions(&store).unwrap(),
        vec!["spiegel.v1.set-aside.1".to_string()]
    );
    assert!(matches!(journal::load_session(&store, &i).unwrap(), Loaded::Resumed { .. }));
    assert!(journal::sweep_sessions(&store).unwrap().is_empty(), "nothing left to set aside");
}
