//! The checked form of a vragenlijst (what a student's phone reads instead of the file
//! and its validation): every built-in version and fixture reads back exactly, damaged or
//! mixed-up bytes are refused without a panic, and the team page's own vragenlijsten reach
//! the student page through their checked copies.

use spiegel::domain::builtin::{self, FILES};
use spiegel::domain::catalog::{Catalog, Origin};
use spiegel::domain::condition::Condition;
use spiegel::domain::hex;
use spiegel::domain::instrument::{checked, CheckedError, Instrument};
use spiegel::storage::memory::MemoryStore;
use spiegel::storage::{own, KeyValueStore, StorageKey};

use crate::support::{instrument, KINDS, MINIMAL};

const ROUTING: &str = include_str!("../fixtures/instruments/routing.json");
const STUDENT_MIRROR: &str = include_str!("../fixtures/instruments/student-mirror.json");
const STAFF_MIRROR: &str = include_str!("../fixtures/instruments/staff-mirror.json");

/// The CRC-32 at the end made right again after an edit of the bytes before it.
fn reseal(bytes: &mut [u8]) {
    let n = bytes.len() - 4;
    let crc = crc32fast::hash(&bytes[..n]);
    bytes[n..].copy_from_slice(&crc.to_le_bytes());
}

#[test]
fn every_built_in_version_and_fixture_reads_back_exactly_as_validated() {
    let mut all: Vec<Instrument> = FILES.iter().map(|f| f.parse().unwrap()).collect();
    for json in [MINIMAL, KINDS, ROUTING, STUDENT_MIRROR, STAFF_MIRROR] {
        all.push(instrument(json));
    }
    for i in all {
        let bytes = checked::encode(&i);
        assert_eq!(&bytes[..4], b"SPV\x01");
        assert_eq!(&bytes[4..36], &i.hash.0, "the content hash of the file is in the header");
        assert_eq!(checked::decode(&bytes), Ok(i.clone()), "{}@{}", i.id, i.version);
    }
}

#[test]
fn damaged_cut_off_or_foreign_bytes_are_refused_never_a_panic() {
    let bytes = checked::encode(&instrument(MINIMAL));
    // Every one-byte change: the checksum (or the magic or version) refuses it.
    for at in 0..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[at] ^= flip;
            assert!(checked::decode(&damaged).is_err(), "change at {at} accepted");
        }
    }
    // Every cut.
    for n in 0..bytes.len() {
        assert!(checked::decode(&bytes[..n]).is_err(), "cut at {n} accepted");
    }
    assert_eq!(checked::decode(b"{\"spiegel_instrument\": 1}"), Err(CheckedError::BadMagic));
    let mut newer = bytes.clone();
    newer[3] = 2;
    reseal(&mut newer);
    assert_eq!(checked::decode(&newer), Err(CheckedError::UnknownVersion(2)));
    // Content that passes the checksum but is not an instrument: every byte after the
    // header set to a few values, the checksum made right again. Refused or read, never
    // a panic; what is read is exactly what those bytes say.
    for at in 36..bytes.len() - 4 {
        for value in [0x00, 0x02, 0x07, 0x7f, 0x80, 0xff] {
            let mut odd = bytes.clone();
            odd[at] = value;
            reseal(&mut odd);
            if let Ok(read) = checked::decode(&odd) {
                assert_eq!(checked::encode(&read), odd);
            }
        }
    }
    let mut longer = bytes[..bytes.len() - 4].to_vec();
    longer.extend_from_slice(&[0, 0, 0, 0, 0]);
    reseal(&mut longer);
    assert_eq!(
        checked::decode(&longer),
        Err(CheckedError::Malformed),
        "bytes after the instrument"
    );
}

#[test]
fn conditions_nested_deeper_than_any_vragenlijst_needs_are_refused() {
    let mut i = instrument(MINIMAL);
    let mut deep = Condition::Answered { item: "stage".into() };
    for _ in 0..40 {
        deep = Condition::Not(Box::new(deep));
    }
    i.sections[1].show_if = Some(deep);
    assert_eq!(checked::decode(&checked::encode(&i)), Err(CheckedError::Malformed));
}

#[test]
fn a_built_in_version_read_from_its_checked_form_must_be_that_version() {
    let student = builtin::current(builtin::STUDENT_ID).unwrap();
    let staff = builtin::current(builtin::STAFF_ID).unwrap();
    let bytes = checked::encode(&student.parse().unwrap());
    assert!(student.read_checked(&bytes).is_ok());
    assert_eq!(staff.read_checked(&bytes), Err(CheckedError::Other));
    // Same id and version, other content: an own file posing as the built-in.
    let mut posing = instrument(MINIMAL);
    posing.id = student.id.into();
    posing.version = student.version.into();
    assert_eq!(student.read_checked(&checked::encode(&posing)), Err(CheckedError::Other));
}

#[test]
fn own_vragenlijsten_reach_the_student_page_through_their_checked_copies() {
    let store = MemoryStore::default();
    // The team page: the student vragenlijst first, then the staff one that mirrors it.
    let mut team = Catalog::with_builtins();
    let student = team.accept(STUDENT_MIRROR).unwrap().clone();
    let staff = team.accept(STAFF_MIRROR).unwrap().clone();
    own::save_checked(&store, &student).unwrap();
    own::sync_checked(&store, &team).unwrap();
    assert!(store
        .get(&StorageKey::Checked(format!("{}@{}", staff.id, staff.version)).as_string())
        .unwrap()
        .is_some());

    // The student page reads them back without validating anything.
    let loaded = own::load_checked(&store).unwrap();
    assert_eq!(loaded.len(), 2);
    assert!(loaded.contains(&student) && loaded.contains(&staff));
    let mut page = Catalog::with_parsed_builtins(vec![builtin::student().unwrap()]);
    for i in loaded {
        assert!(page.add_checked(i));
    }
    assert_eq!(page.entries().filter(|(o, _)| *o == Origin::Own).count(), 2);
    // The same version twice, or a built-in's id, does not join.
    assert!(!page.add_checked(student.clone()));
    let mut posing = student.clone();
    posing.id = builtin::STUDENT_ID.into();
    posing.version = "9.9.9".into();
    assert!(!page.add_checked(posing));
}

#[test]
fn the_team_page_repairs_and_removes_checked_copies_to_match_its_own_files() {
    let store = MemoryStore::default();
    let mut team = Catalog::with_builtins();
    let student = team.accept(STUDENT_MIRROR).unwrap().clone();
    let key = StorageKey::Checked(format!("{}@{}", student.id, student.version)).as_string();

    // A device from before checked copies: the team page writes the missing one.
    own::sync_checked(&store, &team).unwrap();
    let good = store.get(&key).unwrap().unwrap();

    // A damaged copy is left out on the student page, and rewritten by the team page.
    let mut bytes = hex::decode(&good).unwrap();
    bytes[40] ^= 1;
    store.set(&key, &hex::encode(&bytes)).unwrap();
    assert_eq!(own::load_checked(&store).unwrap(), Vec::<Instrument>::new());
    store.set(&key, "not hex").unwrap();
    assert_eq!(own::load_checked(&store).unwrap(), Vec::<Instrument>::new());
    own::sync_checked(&store, &team).unwrap();
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(good.as_str()));

    // A copy under another instrument's name is not used.
    let other = StorageKey::Checked("iets-anders@1.0.0".into()).as_string();
    store.set(&other, &good).unwrap();
    assert_eq!(own::load_checked(&store).unwrap(), vec![student]);

    // Copies of vragenlijsten the team page no longer holds go.
    own::sync_checked(&store, &Catalog::with_builtins()).unwrap();
    assert!(store.get(&key).unwrap().is_none() && store.get(&other).unwrap().is_none());
}
