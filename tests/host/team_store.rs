//! The team device's store: the move from `localStorage` (stored fixtures of the first
//! version's data), reading responses that never silently become 0, backups made and
//! restored (also after a wipe), merged without duplicates.

use std::collections::BTreeMap;
use std::path::Path;

use spiegel::domain::backup::{self, Backup, BackupError, MetingState};
use spiegel::domain::builtin;
use spiegel::domain::envelope::Envelope;
use spiegel::domain::export::ExportPlan;
use spiegel::domain::instrument::Instrument;
use spiegel::domain::meting::{Context, Draft, Meting, MetingId, Seeds};
use spiegel::domain::response::Response;
use spiegel::domain::seal::{Kdf, KeyPair};
use spiegel::domain::{payload, seal};
use spiegel::storage::collection;
use spiegel::storage::memory::MemoryStore;
use spiegel::storage::team::{self, now, Carry, MemoryTeamStore, TeamMeting, TeamStore};
use spiegel::storage::KeyValueStore;

const FIXTURE: &str = "tests/fixtures/storage/v1-team-device.json";
const PIN: &str = "482913";
const PHRASE: &str = "kaas brug vogel taart muis";
/// The cheapest Argon2id settings a stored key may have, to keep the tests quick (the
/// default ones are tested in passphrase.rs).
const CHEAP: Kdf = Kdf::Argon2id {
    memory_kib: spiegel::domain::seal::keywrap::MIN_ARGON2_MEMORY_KIB,
    passes: spiegel::domain::seal::keywrap::MIN_ARGON2_PASSES,
    lanes: 1,
};

fn run<T>(f: impl std::future::Future<Output = T>) -> T {
    now(f).expect("the memory store never waits")
}

fn student() -> Instrument {
    builtin::student().unwrap()
}

/// The student vragenlijst the stored fixture was made with (the first version's).
fn first_student() -> Instrument {
    builtin::version(builtin::STUDENT_ID, "1.0.0").unwrap().parse().unwrap()
}

fn draft(label: &str, secret: &str) -> Draft {
    Draft {
        label: label.into(),
        context: Context { domein: Some("ict".into()), niveau: Some("2".into()), leerweg: None },
        pin: secret.into(),
        pin_again: secret.into(),
    }
}

fn response(inst: &Instrument, n: u64) -> Response {
    let mut answers = BTreeMap::new();
    let niveau = ["2", "3", "4"][(n % 3) as usize];
    answers.insert("niveau".to_string(), spiegel::domain::answer::Answer::Choice(niveau.into()));
    Response {
        id: format!("{n:08x}{:024x}", n.wrapping_mul(0x9e37_79b9_7f4a_7c15)),
        instrument: inst.id.clone(),
        instrument_version: inst.version.clone(),
        week: "2026-W48".into(),
        answers,
    }
}

fn envelope(m: &Meting, inst: &Instrument, r: &Response) -> Vec<u8> {
    let plain = payload::encode(inst, r).unwrap();
    let mut seed = [7; 32];
    seed[..8].copy_from_slice(&r.id.as_bytes()[..8]);
    Envelope { meting: m.id, sealed: seal::seal(&m.public(), &plain, seed) }.to_bytes()
}

/// What a team device of the first version held in `localStorage`: two metingen (PIN,
/// PBKDF2 at 600,000 rounds) with 7 and 3 responses, a damaged meting entry, a damaged
/// and a foreign inbox entry, and a student's session and the language, which stay.
fn first_version_device() -> BTreeMap<String, String> {
    let inst = first_student();
    let kv = MemoryStore::default();
    for (n, label, count) in [(1u8, "2B zorg", 7u64), (2, "3A ict", 3)] {
        let seeds = Seeds { id: [n; 8], key: [n + 10; 32], salt: [n; 16], nonce: [n; 12] };
        let (m, _) = Meting::create(&inst, &draft(label, PIN), "2026-W47", seeds, 600_000).unwrap();
        collection::save_meting(&kv, &m).unwrap();
        for r in 0..count {
            let resp = response(&inst, u64::from(n) * 100 + r);
            collection::deliver(&kv, m.id, &resp.id, &envelope(&m, &inst, &resp)).unwrap();
        }
    }
    kv.set("spiegel.v1.meting.0303030303030303", "{\"schema\":\"spiegel.meting\",\"versi").unwrap();
    kv.set("spiegel.v1.inbox.0101010101010101.ffff0000ffff0000ffff0000ffff0000", "zz").unwrap();
    kv.set("spiegel.v1.inbox.0202020202020202.eeee0000eeee0000eeee0000eeee0000", "00").unwrap();
    kv.set("spiegel.v1.session.spiegel-student", "{\"kept\":true}").unwrap();
    kv.set("spiegel.v1.lang", "en").unwrap();
    snapshot(&kv)
}

/// Every key and value of a store.
fn snapshot(kv: &MemoryStore) -> BTreeMap<String, String> {
    kv.keys().unwrap().into_iter().map(|k| (k.clone(), kv.get(&k).unwrap().unwrap())).collect()
}

/// The stored fixture; `SPIEGEL_BLESS=1` writes it anew (review the diff: it stands for
/// data already on devices and should not change).
fn fixture() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    if std::env::var_os("SPIEGEL_BLESS").is_some() || !path.exists() {
        let json = serde_json::to_string_pretty(&first_version_device()).unwrap();
        std::fs::write(&path, json + "\n").unwrap();
    }
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn local(entries: &BTreeMap<String, String>) -> MemoryStore {
    let kv = MemoryStore::default();
    for (k, v) in entries {
        kv.set(k, v).unwrap();
    }
    kv
}

#[test]
fn the_first_versions_data_moves_to_the_team_store_and_nothing_is_lost() {
    let kv = local(&fixture());
    let store = MemoryTeamStore::default();
    let moved = run(team::migrate(&kv, &store, Carry::Move)).unwrap();
    assert_eq!((moved.metingen, moved.responses, moved.set_aside), (2, 10, 3));
    // The team's entries are gone from localStorage; the student's are not.
    let left = kv.keys().unwrap();
    assert!(left.iter().all(|k| !k.contains(".meting.") && !k.contains(".inbox.")), "{left:?}");
    assert!(left.contains(&"spiegel.v1.session.spiegel-student".to_string()));
    assert_eq!(kv.get("spiegel.v1.lang").unwrap().as_deref(), Some("en"));
    // What could not be read is kept apart, not deleted.
    assert_eq!(run(store.set_aside_count()).unwrap(), 3);
    let (list, bad) = run(team::load(&store)).unwrap();
    assert_eq!(bad, 0);
    let labels: Vec<&str> = list.iter().map(|m| m.meting.label.as_str()).collect();
    assert_eq!(labels, ["2B zorg", "3A ict"]);
    let inst = first_student();
    for (m, count) in list.iter().zip([7, 3]) {
        assert_eq!(m.state, MetingState::Open);
        assert!(m.meting.key.needs_rewrap(), "a PIN meting moves to a passphrase later");
        let keys = m.meting.unlock(PIN).unwrap();
        let inbox = run(team::inbox(&store, m.meting.id)).unwrap();
        assert_eq!((inbox.envelopes.len(), inbox.set_aside), (count, 0));
        for (id, e) in &inbox.envelopes {
            let plain = seal::open(&keys, &e.sealed).unwrap();
            assert_eq!(&payload::decode(&inst, &plain).unwrap().id, id);
        }
    }
    // A second start finds nothing more to move.
    assert_eq!(run(team::migrate(&kv, &store, Carry::Move)).unwrap(), team::Migration::default());
}

#[test]
fn a_move_that_fails_half_way_loses_nothing_and_finishes_next_time() {
    let kv = local(&fixture());
    let full = MemoryTeamStore::with_limit(5);
    assert!(run(team::migrate(&kv, &full, Carry::Move)).is_err());
    // The responses that did not fit are still in localStorage.
    let inbox_left = kv.keys().unwrap().iter().filter(|k| k.contains(".inbox.")).count();
    assert!(inbox_left >= 3, "{inbox_left}");
    // With room, the next start moves the rest, without duplicates.
    let store = MemoryTeamStore::default();
    for (k, v) in run(full.metingen()).unwrap() {
        run(store.put_meting(&k, &v)).unwrap();
    }
    for m in ["0101010101010101", "0202020202020202"] {
        let have = run(full.responses(m)).unwrap();
        run(store.add_responses(m, &have)).unwrap();
    }
    run(team::migrate(&kv, &store, Carry::Move)).unwrap();
    let total: usize = ["0101010101010101", "0202020202020202"]
        .iter()
        .map(|m| run(store.response_ids(m)).unwrap().len())
        .sum();
    assert_eq!(total, 10);
}

#[test]
fn one_bad_entry_never_makes_the_inbox_read_as_empty() {
    let inst = student();
    let (m, _) = Meting::create(&inst, &draft("x", PHRASE), "2026-W48", seeds(4), CHEAP).unwrap();
    let store = MemoryTeamStore::default();
    run(team::save(&store, &TeamMeting::new(m.clone()))).unwrap();
    let mut list: Vec<(String, Vec<u8>)> = (0..10)
        .map(|n| {
            let r = response(&inst, n);
            (r.id.clone(), envelope(&m, &inst, &r))
        })
        .collect();
    list[4].1[20] ^= 1; // damaged on disk
    run(store.add_responses(&m.id.to_text(), &list)).unwrap();
    let inbox = run(team::inbox(&store, m.id)).unwrap();
    assert_eq!((inbox.envelopes.len(), inbox.set_aside), (9, 1));
    assert_eq!(run(store.set_aside_count()).unwrap(), 1);
    // Read again: the nine are still there, the bad one is not counted twice.
    let again = run(team::inbox(&store, m.id)).unwrap();
    assert_eq!((again.envelopes.len(), again.set_aside), (9, 0));
}

fn seeds(n: u8) -> Seeds {
    Seeds { id: [n; 8], key: [n + 20; 32], salt: [n; 16], nonce: [n; 12] }
}

/// A meting with `count` responses, a plan and a state, in a team store.
fn device_with(count: u64) -> (MemoryTeamStore, TeamMeting, KeyPair, Vec<(String, Vec<u8>)>) {
    let inst = student();
    let (m, keys) =
        Meting::create(&inst, &draft("2B zorg", PHRASE), "2026-W48", seeds(5), CHEAP).unwrap();
    let store = MemoryTeamStore::default();
    let plan = ExportPlan { k: 5, records: None };
    let tm = TeamMeting {
        meting: m.clone(),
        state: MetingState::Closed,
        plan: Some(plan),
        released: ["a".to_string()].into(),
        backup: None,
    };
    run(team::save(&store, &tm)).unwrap();
    let list: Vec<(String, Vec<u8>)> = (0..count)
        .map(|n| {
            let r = response(&inst, 1000 + n);
            (r.id.clone(), envelope(&m, &inst, &r))
        })
        .collect();
    run(store.add_responses(&m.id.to_text(), &list)).unwrap();
    (store, tm, keys, list)
}

fn backup_of(store: &MemoryTeamStore, tm: &TeamMeting) -> Vec<u8> {
    let responses = run(store.responses(&tm.meting.id.to_text())).unwrap();
    let b = Backup {
        meting: tm.meting.clone(),
        state: tm.state,
        plan: tm.plan.clone(),
        released: tm.released.clone(),
        responses,
    };
    backup::write(&b, [9; 32])
}

#[test]
fn a_backup_round_trips_and_opens_only_with_the_passphrase() {
    let (store, tm, keys, list) = device_with(25);
    let file = backup_of(&store, &tm);
    // Outside: only the meting id and the wrapped key.
    let outside = backup::peek(&file).unwrap();
    assert_eq!(outside.meting, tm.meting.id);
    assert!(!file.windows(7).any(|w| w == b"2B zorg"), "the label is sealed");
    let (read, opened) = backup::read(&file, PHRASE).unwrap();
    assert_eq!(opened.public(), keys.public());
    assert_eq!(read.meting, tm.meting);
    assert_eq!((read.state, &read.plan), (MetingState::Closed, &tm.plan));
    assert_eq!(read.released, tm.released, "the released set travels with the meting");
    let mut want = list.clone();
    want.sort();
    let mut got = read.responses.clone();
    got.sort();
    assert_eq!(got, want);
    assert_eq!(
        backup::read(&file, "kaas brug vogel taart").unwrap_err(),
        BackupError::WrongPassphrase
    );
    // Every flipped byte and every truncation is refused, never a panic.
    for at in (0..file.len()).step_by(97) {
        let mut bad = file.clone();
        bad[at] ^= 0x10;
        assert!(backup::read(&bad, PHRASE).is_err(), "{at}");
    }
    for len in (0..file.len()).step_by(131) {
        assert!(backup::read(&file[..len], PHRASE).is_err(), "{len}");
    }
    assert_eq!(backup::peek(b"SPF\x01 a response file").unwrap_err(), BackupError::NotBackup);
    assert_eq!(backup::peek(b"SPB\x02........").unwrap_err(), BackupError::Newer);
    assert!(backup::file_name(tm.meting.id, "2026-W48").ends_with(".spiegel-backup"));
}

#[test]
fn a_wiped_device_gets_everything_back_and_restoring_twice_adds_nothing() {
    let (store, tm, _, list) = device_with(12);
    let file = backup_of(&store, &tm);
    // The site data is wiped: a new, empty store.
    let wiped = MemoryTeamStore::default();
    let (b, _) = backup::read(&file, PHRASE).unwrap();
    let restored = run(team::restore(&wiped, b)).unwrap();
    assert_eq!(restored, team::Restored { new_meting: true, added: 12, already: 0 });
    let (metingen, _) = run(team::load(&wiped)).unwrap();
    assert_eq!(metingen.len(), 1);
    assert_eq!(metingen[0].meting, tm.meting);
    assert_eq!((metingen[0].state, &metingen[0].plan), (MetingState::Closed, &tm.plan));
    assert_eq!(metingen[0].released, tm.released);
    assert_eq!(run(team::inbox(&wiped, tm.meting.id)).unwrap().envelopes.len(), list.len());
    // Again: nothing new, nothing twice.
    let (b, _) = backup::read(&file, PHRASE).unwrap();
    let again = run(team::restore(&wiped, b)).unwrap();
    assert_eq!(again, team::Restored { new_meting: false, added: 0, already: 12 });
    assert_eq!(run(wiped.response_ids(&tm.meting.id.to_text())).unwrap().len(), 12);
}

#[test]
fn a_backup_from_another_device_merges_without_duplicates() {
    let (store, tm, _, _) = device_with(10);
    let file = backup_of(&store, &tm);
    // The other device has 4 of the same responses and 3 of its own.
    let inst = student();
    let other = MemoryTeamStore::default();
    run(team::save(&other, &TeamMeting::new(tm.meting.clone()))).unwrap();
    let mine = run(store.responses(&tm.meting.id.to_text())).unwrap();
    let mut theirs: Vec<(String, Vec<u8>)> = mine[..4].to_vec();
    for n in 0..3 {
        let r = response(&inst, 5000 + n);
        theirs.push((r.id.clone(), envelope(&tm.meting, &inst, &r)));
    }
    run(other.add_responses(&tm.meting.id.to_text(), &theirs)).unwrap();
    let (b, _) = backup::read(&file, PHRASE).unwrap();
    let merged = run(team::restore(&other, b)).unwrap();
    assert_eq!(merged, team::Restored { new_meting: false, added: 6, already: 4 });
    assert_eq!(run(other.response_ids(&tm.meting.id.to_text())).unwrap().len(), 13);
    // The device had no plan: it takes the backup's, so its exports stay unjoinable; its
    // released set joins the backup's.
    let (metingen, _) = run(team::load(&other)).unwrap();
    assert_eq!(metingen[0].plan, tm.plan);
    assert_eq!(metingen[0].released, tm.released);
    assert_eq!(metingen[0].since_backup(13), 13);
}

#[test]
fn a_stored_team_meting_reads_back_and_a_damaged_one_is_set_aside() {
    let (store, tm, _, _) = device_with(1);
    let (list, bad) = run(team::load(&store)).unwrap();
    assert_eq!((list, bad), (vec![tm.clone()], 0));
    run(store.put_meting("0909090909090909", "{not json")).unwrap();
    run(store.put_meting(&MetingId([8; 8]).to_text(), &team::to_json(&tm))).unwrap();
    let (list, bad) = run(team::load(&store)).unwrap();
    assert_eq!((list.len(), bad), (1, 2), "wrong key and damaged JSON are set aside");
    assert_eq!(run(store.set_aside_count()).unwrap(), 2);
}

#[test]
fn a_kiosk_on_the_team_device_delivers_into_the_meting_and_nothing_is_stranded() {
    // The first version's device: a meting in localStorage, and what its mirror showed.
    let inst = student();
    let kv = MemoryStore::default();
    let (m, keys) =
        Meting::create(&inst, &draft("2B zorg", PHRASE), "2026-W48", seeds(6), CHEAP).unwrap();
    collection::save_meting(&kv, &m).unwrap();
    let first: Vec<Response> = (0..6).map(|n| response(&inst, 300 + n)).collect();
    for r in &first {
        collection::deliver(&kv, m.id, &r.id, &envelope(&m, &inst, r)).unwrap();
    }
    let shown: std::collections::BTreeSet<String> = first.iter().map(|r| r.id.clone()).collect();
    kv.set(
        &format!("spiegel.v1.released.{}", m.id.to_text()),
        &serde_json::to_string(&shown).unwrap(),
    )
    .unwrap();
    // The student page (a kiosk) sees that this device holds the meting, and no other.
    let other = MetingId([0x77; 8]);
    assert!(collection::holds_meting(&kv, m.id).unwrap());
    assert!(!collection::holds_meting(&kv, other).unwrap());
    // The team page starts: everything moves, and the marker replaces the meting's copy.
    let store = MemoryTeamStore::default();
    let moved = run(team::migrate(&kv, &store, Carry::Move)).unwrap();
    assert_eq!((moved.metingen, moved.responses, moved.set_aside), (1, 6, 0));
    let (list, _) = run(team::load(&store)).unwrap();
    assert_eq!(list[0].released, shown, "the mirror's released ids are the meting's set");
    let left: Vec<String> = kv.keys().unwrap();
    assert_eq!(left, [format!("spiegel.v1.held.{}", m.id.to_text())], "{left:?}");
    assert!(collection::holds_meting(&kv, m.id).unwrap(), "a kiosk keeps delivering");
    // Kiosk responses delivered while the team page is closed wait in localStorage ...
    let later: Vec<Response> = (0..3).map(|n| response(&inst, 400 + n)).collect();
    for r in &later {
        collection::deliver(&kv, m.id, &r.id, &envelope(&m, &inst, r)).unwrap();
    }
    assert_eq!(collection::inbox_ids(&kv, m.id).unwrap().len(), 3);
    // ... and the next start (or the storage event of an open team page) moves them in.
    let moved = run(team::migrate(&kv, &store, Carry::Move)).unwrap();
    assert_eq!((moved.metingen, moved.responses), (0, 3));
    assert!(collection::inbox_ids(&kv, m.id).unwrap().is_empty());
    let inbox = run(team::inbox(&store, m.id)).unwrap();
    assert_eq!(inbox.envelopes.len(), 9);
    for (id, e) in &inbox.envelopes {
        let plain = seal::open(&keys, &e.sealed).unwrap();
        assert_eq!(&payload::decode(&inst, &plain).unwrap().id, id);
    }
    // Deleting the meting takes the marker away first: a kiosk then keeps its responses
    // in the outbox for the teacher to collect, instead of a meting that is gone.
    collection::delete_meting(&kv, m.id).unwrap();
    assert!(!collection::holds_meting(&kv, m.id).unwrap());
    // The markers follow the team store: only the metingen it holds.
    collection::mark_held(&kv, &[other]).unwrap();
    assert!(collection::holds_meting(&kv, other).unwrap());
    collection::mark_held(&kv, &[]).unwrap();
    assert!(kv.keys().unwrap().is_empty());
}

#[test]
fn in_memory_the_team_store_copies_and_local_storage_keeps_everything() {
    // When the browser refuses IndexedDB, nothing may leave durable localStorage.
    let before = fixture();
    let kv = local(&before);
    let store = MemoryTeamStore::default();
    let copied = run(team::migrate(&kv, &store, Carry::Copy)).unwrap();
    assert_eq!((copied.metingen, copied.responses), (2, 10));
    let mut after = snapshot(&kv);
    after.retain(|k, _| !k.starts_with("spiegel.v1.held."));
    assert_eq!(after, before, "localStorage still holds every entry");
    let (list, _) = run(team::load(&store)).unwrap();
    assert_eq!(list.len(), 2);
}
