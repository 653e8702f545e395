//! Versions of vragenlijsten: every built-in version kept and pinned, responses bound to
//! the exact content they were given to, and a team device of the earlier version (its
//! stored metingen and sealed responses, written by that version of Spiegel) that still
//! opens, compares and exports.

use serde_json::{json, Value};
use spiegel::domain::analysis::{analyse, Settings, Verdict};
use spiegel::domain::builtin::{self, FILES, STAFF_ID, STUDENT_ID};
use spiegel::domain::catalog::{version_order, Catalog};
use spiegel::domain::collect::{self, Unlocked};
use spiegel::domain::export::{self, ExportInput, ExportOptions, MetingInput};
use spiegel::domain::instrument::{
    check_mirrors, checked, content_hash, parse, CheckedError, ItemKind,
};
use spiegel::domain::payload::{self, PayloadError};
use spiegel::domain::response::Response;
use spiegel::domain::text::Lang;
use spiegel::storage::collection;
use spiegel::storage::memory::MemoryStore;
use spiegel::storage::KeyValueStore;

use crate::support::{at, edited, instrument, KINDS};

/// The content hash of every version that ever shipped. A shipped version is never
/// edited: a change is a new file with a higher version, so metingen of the old one keep
/// reading their answers with the content they were given to.
const SHIPPED: [(&str, &str, &str); 5] = [
    (
        "spiegel-staff",
        "1.0.0",
        "sha256:da6d26b3a4f301464c76bbe7ffbebb748267cc7a7fcec0e8144844ed397c28e0",
    ),
    (
        "spiegel-staff",
        "1.1.0",
        "sha256:0e28b61681df732d9565a68fee0ab1f7eda8c72712e8acbfd3ee7549ed39b46b",
    ),
    (
        "spiegel-staff",
        "2.0.0",
        "sha256:bb8fb0b692a1f9eafa388afa9f0d65f94ddb3eb6541fe77538f97f1851081dfa",
    ),
    (
        "spiegel-student",
        "1.0.0",
        "sha256:d4cc6ecd939265e6aa66e0c5937ab2b329df07a98966bed85c1d653d65b5ccd5",
    ),
    (
        "spiegel-student",
        "2.0.0",
        "sha256:ad08fd01cdfa8d42950da2b52db0d2b9348b0bf65340e2d4ae3e6d4769f090e2",
    ),
];

/// What Spiegel stored on a team device before versions were kept apart: a student and a
/// staff meting of the built-in 1.0.0 vragenlijsten, 12 and 8 sealed responses, written
/// by that version of the app (payload format 1, no content hash on the meting).
const LEGACY: &str = include_str!("../fixtures/legacy/team-device-1.0.0.json");

#[test]
fn every_shipped_version_is_still_built_in_with_its_content_unchanged() {
    let built: Vec<(&str, &str, String)> =
        FILES.iter().map(|f| (f.id, f.version, f.hash.to_text())).collect();
    for (id, version, hash) in SHIPPED {
        assert!(
            built.iter().any(|(i, v, h)| *i == id && *v == version && h == hash),
            "{id} {version} must stay built in with hash {hash}; built: {built:#?}"
        );
    }
}

#[test]
fn the_build_time_hash_is_the_content_hash_and_every_version_parses() {
    for file in FILES {
        let json = file.json.expect("the tests build with the built-ins compiled in");
        assert_eq!(Some(file.hash), content_hash(json), "{} {}", file.id, file.version);
        let i = file.parse().unwrap_or_else(|p| panic!("{} {}: {p:#?}", file.id, file.version));
        assert_eq!((i.id.as_str(), i.version.as_str(), i.hash), (file.id, file.version, file.hash));
    }
    // Ordered by id, then oldest first, so the last of an id is the current one.
    let order: Vec<(&str, &str)> = FILES.iter().map(|f| (f.id, f.version)).collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| a.0.cmp(b.0).then(version_order(a.1, b.1)));
    assert_eq!(order, sorted);
}

#[test]
fn every_staff_version_mirrors_the_student_version_it_is_offered_with() {
    // The newest staff version mirrors the newest student version; every earlier staff
    // version still mirrors the student version of its time, so its metingen compare.
    let students: Vec<_> =
        FILES.iter().filter(|f| f.id == STUDENT_ID).map(|f| f.parse().unwrap()).collect();
    let newest = builtin::staff().unwrap();
    assert!(check_mirrors(&newest, &builtin::student().unwrap()).is_empty());
    for file in FILES.iter().filter(|f| f.id == STAFF_ID) {
        let staff = file.parse().unwrap();
        let fits: Vec<&str> = students
            .iter()
            .filter(|s| check_mirrors(&staff, s).is_empty())
            .map(|s| s.version.as_str())
            .collect();
        assert!(!fits.is_empty(), "staff {} mirrors no student version", file.version);
    }
    let first = builtin::version(STUDENT_ID, "1.0.0").unwrap().parse().unwrap();
    assert!(!check_mirrors(&newest, &first).is_empty(), "2.0.0 does not fit student 1.0.0");
}

#[test]
fn the_catalogue_keeps_every_version_and_starts_new_work_with_the_newest() {
    let catalog = Catalog::with_builtins();
    assert_eq!(catalog.entries().count(), FILES.len());
    let newest = FILES.iter().rev().find(|f| f.id == STAFF_ID).unwrap();
    assert_eq!(catalog.current(STAFF_ID).unwrap().version, newest.version);
    assert_eq!(builtin::staff().unwrap().version, newest.version);
    assert_eq!(catalog.version(STAFF_ID, "1.0.0").unwrap().version, "1.0.0");
    let ids: Vec<&str> = catalog.currents().map(|(_, i)| i.id.as_str()).collect();
    assert_eq!(ids, [STUDENT_ID, STAFF_ID], "one entry each, the students' first");
    let old = catalog.version(STAFF_ID, "1.0.0").unwrap();
    assert!(catalog.exact(STAFF_ID, "1.0.0", Some(&old.hash)).is_some());
    let other = catalog.current(STAFF_ID).unwrap().hash;
    assert!(catalog.exact(STAFF_ID, "1.0.0", Some(&other)).is_none(), "another content");
    assert!(catalog.exact(STAFF_ID, "1.0.0", None).is_some(), "a meting without a hash");
}

#[test]
fn versions_are_ordered_by_their_numbers() {
    use std::cmp::Ordering::*;
    assert_eq!(version_order("1.10.0", "1.9.0"), Greater);
    assert_eq!(version_order("1.0", "1.0.0"), Less);
    assert_eq!(version_order("2.0.0", "2.0.0"), Equal);
    assert_eq!(version_order("1.0.0-b", "1.0.0-a"), Greater);
}

#[test]
fn the_same_id_and_version_with_other_content_is_refused_and_the_same_content_is_not_a_copy() {
    let mut catalog = Catalog::with_builtins();
    let before = catalog.entries().count();
    catalog.accept(KINDS).unwrap();
    // Re-indented, keys in another order: the same vragenlijst.
    let v: Value = serde_json::from_str(KINDS).unwrap();
    let reindented = serde_json::to_string(&v).unwrap();
    catalog.accept(&reindented).unwrap();
    assert_eq!(catalog.entries().count(), before + 1);
    // The options of an item in another order: another vragenlijst under the same name.
    let reordered = edited(KINDS, |v| {
        let options = at(v, "/sections/0/items/0/options").as_array_mut().unwrap();
        options.reverse();
    });
    let problems = catalog.accept(&reordered).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message(Lang::Nl).contains("versie 2.0.0"), "{problems:?}");
    assert!(problems[0].message(Lang::En).contains("new version number"));
    assert_eq!(catalog.entries().count(), before + 1, "a refused file changes nothing");
    // With a new version it joins.
    let newer = edited(&reordered, |v| v["version"] = json!("2.0.1"));
    catalog.accept(&newer).unwrap();
    assert_eq!(catalog.current("kinds").unwrap().version, "2.0.1");
}

/// A response with a first-option answer to every single-choice item of `i`.
fn some_response(i: &spiegel::domain::instrument::Instrument) -> Response {
    let mut answers = std::collections::BTreeMap::new();
    for (_, item) in i.items() {
        if let ItemKind::SingleChoice { options } = &item.kind {
            let code = options[0].code.clone();
            answers.insert(item.id.clone(), spiegel::domain::answer::Answer::Choice(code));
        }
    }
    Response {
        id: "0123456789abcdef0123456789abcdef".into(),
        instrument: i.id.clone(),
        instrument_version: i.version.clone(),
        week: "2026-W49".into(),
        answers,
    }
}

#[test]
fn a_payload_is_read_only_with_the_content_it_was_given_to() {
    let i = instrument(KINDS);
    let r = some_response(&i);
    let bytes = payload::encode(&i, &r).unwrap();
    assert_eq!(payload::decode(&i, &bytes).unwrap(), r);
    // The same id and version with the options in another order would read "goed" as
    // "slecht": refused.
    let reordered = instrument(&edited(KINDS, |v| {
        at(v, "/sections/0/items/0/options").as_array_mut().unwrap().reverse();
    }));
    assert_eq!((reordered.id.as_str(), reordered.version.as_str()), ("kinds", "2.0.0"));
    assert_eq!(payload::decode(&reordered, &bytes), Err(PayloadError::OtherInstrument));
}

/// `bytes`, a version-2 payload, as the version-1 payload the earlier app wrote: version
/// byte 1, the CRC-32 of "id@version" as fingerprint, the checksum again.
fn as_version_1(i: &spiegel::domain::instrument::Instrument, bytes: &[u8]) -> Vec<u8> {
    let mut old = bytes[..bytes.len() - 4].to_vec();
    old[3] = 1;
    old[4..8].copy_from_slice(&payload::legacy_fingerprint(i));
    let crc = crc32fast::hash(&old);
    old.extend_from_slice(&crc.to_le_bytes());
    old
}

#[test]
fn payloads_of_the_earlier_format_still_open_with_their_id_and_version() {
    let i = instrument(KINDS);
    let r = some_response(&i);
    let old = as_version_1(&i, &payload::encode(&i, &r).unwrap());
    assert_eq!(payload::decode(&i, &old).unwrap(), r);
    let other = instrument(&edited(KINDS, |v| v["version"] = json!("2.0.1")));
    assert_eq!(payload::decode(&other, &old), Err(PayloadError::OtherInstrument));
}

#[test]
fn share_answers_carry_the_ranges_staff_see() {
    let staff = builtin::staff().unwrap();
    let item = staff.item("est_werken").unwrap();
    let labels: Vec<String> =
        item.kind.choices().iter().map(|c| c.label.get(Lang::Nl).to_string()).collect();
    assert_eq!(
        labels,
        [
            "Bijna geen (0–10 %)",
            "Een klein deel (10–40 %)",
            "Ongeveer de helft (40–60 %)",
            "Een groot deel (60–90 %)",
            "(Bijna) alle (90–100 %)"
        ]
    );
    assert_eq!(item.kind.choices()[1].label.get(Lang::En), "A small part (10–40%)");
    // The earlier version showed the words only.
    let old = Catalog::with_builtins().version(STAFF_ID, "1.0.0").unwrap().clone();
    let old_item = old.item("est_werken").unwrap();
    assert_eq!(old_item.kind.choices()[1].label.get(Lang::Nl), "Een klein deel");
    assert_eq!(old_item.kind, ItemKind::Share { bands: None });
}

#[test]
fn share_cuts_must_make_five_ranges() {
    let file = |cuts: Value| {
        edited(KINDS, |v| {
            v["share_cuts"] = cuts;
        })
    };
    parse(&file(json!([5, 30, 70, 95]))).unwrap();
    for bad in [
        json!([10, 40, 60]),
        json!([40, 10, 60, 90]),
        json!([0, 40, 60, 90]),
        json!([10, 40, 60, 100]),
        json!([10, 40, 60, 300]),
    ] {
        let problems = parse(&file(bad.clone())).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.path == "share_cuts"
                    && p.message(Lang::Nl).contains("vier hele percentages")),
            "{bad}: {problems:?}"
        );
    }
}

/// The legacy team device in a memory store.
fn legacy_store() -> (MemoryStore, String) {
    let v: Value = serde_json::from_str(LEGACY).unwrap();
    let store = MemoryStore::default();
    for (k, value) in v["entries"].as_object().unwrap() {
        store.set(k, value.as_str().unwrap()).unwrap();
    }
    (store, v["pin"].as_str().unwrap().to_string())
}

#[test]
fn a_team_device_of_the_earlier_version_still_opens_compares_and_exports() {
    let (store, pin) = legacy_store();
    let catalog = Catalog::with_builtins();
    let (metingen, set_apart) = collection::load_metingen(&store).unwrap();
    assert!(set_apart.is_empty());
    assert_eq!(metingen.len(), 2);
    let mut opened = Vec::new();
    for meting in &metingen {
        assert_eq!(meting.instrument_version, "1.0.0");
        assert_eq!(meting.instrument_hash, None, "stored before hashes were kept");
        let instrument =
            catalog.exact(&meting.instrument, &meting.instrument_version, None).unwrap();
        let keys = meting.unlock(&pin).unwrap();
        let (envelopes, bad) = collection::load_inbox(&store, meting.id).unwrap();
        assert!(bad.is_empty());
        let unlocked = Unlocked { meting, keys: &keys, instrument };
        let responses: Vec<Response> =
            envelopes.iter().map(|e| collect::open(unlocked, e).unwrap()).collect();
        assert!(responses.iter().all(|r| r.instrument_version == "1.0.0"));
        opened.push((meting, instrument, responses));
    }
    let students = opened.iter().find(|o| o.1.id == STUDENT_ID).unwrap();
    let staff = opened.iter().find(|o| o.1.id == STAFF_ID).unwrap();
    assert_eq!((students.2.len(), staff.2.len()), (12, 8));
    // The newest staff version reads these answers differently in nothing: it is refused.
    let newest = catalog.current(STAFF_ID).unwrap();
    assert_ne!(newest.version, "1.0.0");
    let (envelopes, _) = collection::load_inbox(&store, staff.0.id).unwrap();
    let keys = staff.0.unlock(&pin).unwrap();
    let wrong = Unlocked { meting: staff.0, keys: &keys, instrument: newest };
    assert!(collect::open(wrong, &envelopes[0]).is_err());
    // Compared with the version they were given to.
    let report = analyse(students.1, staff.1, &students.2, &staff.2, &Settings::default());
    assert_eq!((report.students, report.staff, report.ignored), (12, 8, 0));
    assert!(report.themes.iter().any(|t| t.verdict != Verdict::Unknown));
    // And exported.
    let input = ExportInput {
        instruments: vec![students.1, staff.1],
        metingen: opened
            .iter()
            .map(|(m, _, r)| MetingInput {
                meting: m,
                responses: r.as_slice().into(),
                plan: None,
                released: None,
            })
            .collect(),
    };
    let doc = export::export(&input, &ExportOptions::default(), [1; 32], "2026-W49").unwrap();
    assert_eq!(doc.metingen.len(), 2);
    assert!(doc.codebook.instruments.iter().all(|i| i.version == "1.0.0"));
}

#[test]
fn a_meting_made_now_records_the_hash_and_keeps_it_through_storage() {
    use spiegel::domain::meting::{Context, Draft, Meting, Seeds};
    let staff = builtin::staff().unwrap();
    let draft = Draft {
        label: "Team".into(),
        context: Context::default(),
        pin: "team-2468".into(),
        pin_again: "team-2468".into(),
    };
    let seeds = Seeds { id: [1; 8], key: [2; 32], salt: [3; 16], nonce: [4; 12] };
    let (meting, _) = Meting::create(&staff, &draft, "2026-W49", seeds, 600_000).unwrap();
    assert_eq!(meting.instrument_hash, Some(staff.hash));
    let store = MemoryStore::default();
    collection::save_meting(&store, &meting).unwrap();
    let (back, _) = collection::load_metingen(&store).unwrap();
    assert_eq!(back, vec![meting]);
}

#[test]
fn the_apps_fetch_each_version_under_a_name_of_its_own_and_refuse_a_mixed_up_file() {
    let mut paths = Vec::new();
    for file in FILES {
        let path = file.path();
        let hex = file.hash.to_text();
        assert_eq!(
            path,
            format!(
                "builtin/v1/{}-{}-{}.bin",
                file.id,
                file.version,
                &hex["sha256:".len()..][..16]
            )
        );
        paths.push(path);
        // What `make dist` writes (web/builtin_files.rs) reads back as the validated file.
        let parsed = file.parse().unwrap();
        let bytes = checked::encode(&parsed);
        assert_eq!(file.read_checked(&bytes), Ok(parsed));
        // Another version's file under this name is refused, and so is a damaged one.
        for other in FILES.iter().filter(|o| o.hash != file.hash) {
            let theirs = checked::encode(&other.parse().unwrap());
            assert_eq!(file.read_checked(&theirs), Err(CheckedError::Other));
        }
        let mut damaged = bytes.clone();
        damaged[bytes.len() / 2] ^= 0x20;
        assert_eq!(file.read_checked(&damaged), Err(CheckedError::Checksum));
    }
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), FILES.len(), "every version has a file name of its own");
}
