//! Metingen, invitation links, envelopes, response files, QR parts, collecting responses
//! on the team device and keeping them sealed in storage.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use spiegel::domain::answer::{Answer, DONT_KNOW_CODE};
use spiegel::domain::builtin;
use spiegel::domain::collect::{self, Outcome, Refusal, Unlocked};
use spiegel::domain::envelope::{
    self, Envelope, EnvelopeError, Parts, Scan, ENVELOPE_OVERHEAD, MAX_QR_BYTES, PART_HEADER,
};
use spiegel::domain::instrument::{Instrument, Item, ItemKind};
use spiegel::domain::meting::{
    Context, Draft, Meting, MetingError, MetingId, Seeds, DOMEINEN, LEERWEGEN, NIVEAUS,
};
use spiegel::domain::payload;
use spiegel::domain::response::Response;
use spiegel::domain::seal::{self, KeyPair, PinProblem, PublicKey, SealError};
use spiegel::domain::text::Lang;
use spiegel::storage::collection;
use spiegel::storage::memory::MemoryStore;
use spiegel::storage::{KeyValueStore, StorageError, StorageKey};

use crate::support::{student, Lcg};

const PIN: &str = "482913";
const WEEK: &str = "2026-W48";

fn staff() -> Instrument {
    builtin::staff().unwrap()
}

fn seeds(n: u64) -> Seeds {
    let mut rng = Lcg(n * 7919 + 13);
    Seeds { id: rng.array(), key: rng.array(), salt: rng.array(), nonce: rng.array() }
}

fn draft(label: &str) -> Draft {
    Draft {
        label: label.into(),
        context: Context {
            domein: Some("zorg_welzijn".into()),
            niveau: Some("2".into()),
            leerweg: Some("bol".into()),
        },
        pin: PIN.into(),
        pin_again: PIN.into(),
    }
}

/// A meting of `i` made from seed `n`, with a PIN wrap that is quick to test (one
/// PBKDF2 round; storage would refuse it).
fn meting_of(i: &Instrument, n: u64) -> (Meting, KeyPair) {
    Meting::create(i, &draft("2B zorg, najaar"), WEEK, seeds(n), 1).unwrap()
}

fn create(d: &Draft) -> Result<(Meting, KeyPair), MetingError> {
    Meting::create(&student(), d, WEEK, seeds(1), 1)
}

fn blank(i: &Instrument, id: &str) -> Response {
    Response {
        id: id.into(),
        instrument: i.id.clone(),
        instrument_version: i.version.clone(),
        week: WEEK.into(),
        answers: BTreeMap::new(),
    }
}

fn response_id(n: u64) -> String {
    format!("{:032x}", n.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A full run without open text: the first option everywhere, the first point on every
/// matrix row, the smallest number.
fn typical_response(i: &Instrument, id: &str) -> Response {
    let mut r = blank(i, id);
    for (_, item) in i.items() {
        let answer = match &item.kind {
            ItemKind::OpenText { .. } => continue,
            ItemKind::MultipleChoice { options, .. } => {
                Answer::Choices(vec![options[0].code.clone()])
            }
            ItemKind::Number { min, .. } => Answer::Number(*min),
            ItemKind::Matrix { rows, points } => Answer::Rows(
                rows.iter().map(|row| (row.id.clone(), points[0].code.clone())).collect(),
            ),
            kind => Answer::Choice(kind.choices()[0].code.clone()),
        };
        r.answers.insert(item.id.clone(), answer);
    }
    r
}

/// Every item answered with its longest encoding; open texts full of four-byte emoji.
fn largest_response(i: &Instrument, id: &str) -> Response {
    let mut r = blank(i, id);
    for (_, item) in i.items() {
        let answer = match &item.kind {
            ItemKind::MultipleChoice { options, .. } => Answer::Choices(
                options.iter().filter(|o| !o.exclusive).map(|o| o.code.clone()).collect(),
            ),
            ItemKind::Number { min, max, .. } => {
                Answer::Number(if min.unsigned_abs() > max.unsigned_abs() { *min } else { *max })
            }
            ItemKind::OpenText { max_length } => Answer::Text("😀".repeat(*max_length)),
            ItemKind::Matrix { rows, points } => {
                let last = &points.last().unwrap().code;
                Answer::Rows(rows.iter().map(|row| (row.id.clone(), last.clone())).collect())
            }
            kind => Answer::Choice(kind.choices().last().unwrap().code.clone()),
        };
        r.answers.insert(item.id.clone(), answer);
    }
    r
}

/// A random answer `item` could have been given, or none.
fn random_answer(rng: &mut Lcg, item: &Item) -> Option<Answer> {
    match rng.below(8) {
        0 | 1 => return None,
        2 => return Some(Answer::DontKnow),
        3 => return Some(Answer::Skipped),
        _ => {}
    }
    Some(match &item.kind {
        ItemKind::MultipleChoice { options, .. } => {
            let mut picked: Vec<String> =
                options.iter().filter(|_| rng.below(2) == 0).map(|o| o.code.clone()).collect();
            // An exclusive option ("niets") stands alone.
            if picked.len() > 1 {
                picked.retain(|c| !item.kind.exclusive_codes().contains(&c.as_str()));
            }
            Answer::Choices(picked)
        }
        ItemKind::Number { min, max, .. } => {
            let span = (*max as i128 - *min as i128 + 1) as u128;
            let offset = u128::from(rng.next()) % span;
            Answer::Number((*min as i128 + offset as i128) as i64)
        }
        ItemKind::OpenText { max_length } => {
            let pool = ['a', 'Z', ' ', '\n', 'é', '€', '😀'];
            let len = rng.below(max_length.min(&40) + 1);
            Answer::Text((0..len).map(|_| pool[rng.below(pool.len())]).collect())
        }
        ItemKind::Matrix { rows, points } => {
            let mut given = BTreeMap::new();
            for row in rows {
                match rng.below(4) {
                    0 => {}
                    1 => {
                        given.insert(row.id.clone(), DONT_KNOW_CODE.to_string());
                    }
                    _ => {
                        given.insert(row.id.clone(), points[rng.below(points.len())].code.clone());
                    }
                }
            }
            Answer::Rows(given)
        }
        kind => {
            let options = kind.choices();
            Answer::Choice(options[rng.below(options.len())].code.clone())
        }
    })
}

/// A valid response of `i` with id number `n` and random answers.
fn random_response(i: &Instrument, n: u64) -> Response {
    let mut rng = Lcg(n + 1_000);
    let mut r = blank(i, &response_id(n));
    for (_, item) in i.items() {
        if let Some(a) = random_answer(&mut rng, item) {
            r.answers.insert(item.id.clone(), a);
        }
    }
    r
}

/// `r` as a student's device sends it: encoded for `i`, sealed to `key`, in an envelope
/// addressed to `meting`.
fn envelope_to(meting: MetingId, key: &PublicKey, i: &Instrument, r: &Response) -> Envelope {
    let plain = payload::encode(i, r).unwrap_or_else(|e| panic!("cannot encode {r:?}: {e}"));
    let mut seed = [0; 32];
    seed[..r.id.len().min(32)].copy_from_slice(&r.id.as_bytes()[..r.id.len().min(32)]);
    Envelope { meting, sealed: seal::seal(key, &plain, seed) }
}

/// `r` sealed to meting `m`.
fn envelope(m: &Meting, i: &Instrument, r: &Response) -> Envelope {
    envelope_to(m.id, &m.public(), i, r)
}

fn file_of(envelopes: &[&Envelope]) -> Vec<u8> {
    let bytes: Vec<Vec<u8>> = envelopes.iter().map(|e| e.to_bytes()).collect();
    envelope::file_bytes(&bytes)
}

fn refused(reason: Refusal, at: Option<(usize, usize)>, meting: Option<String>) -> Outcome {
    Outcome::Refused { reason, at, meting }
}

fn new_ids(outcome: &Outcome) -> (Vec<String>, usize) {
    match outcome {
        Outcome::Taken { new, duplicates } => {
            (new.iter().map(|t| t.response.id.clone()).collect(), *duplicates)
        }
        other => panic!("expected the file to be taken, got {other:?}"),
    }
}

// Making a meting.

#[test]
fn a_new_meting_unlocks_with_its_pin_to_the_same_public_key() {
    let s = student();
    let mut d = draft("  2B zorg, najaar \n");
    d.context = Context::default();
    let (m, keys) = Meting::create(&s, &d, WEEK, seeds(1), 1).unwrap();
    assert_eq!(m.label, "2B zorg, najaar", "the label is trimmed");
    assert_eq!((m.instrument.as_str(), &m.instrument_version), (builtin::STUDENT_ID, &s.version));
    assert_eq!(m.week, WEEK);
    assert_eq!(m.id, MetingId(seeds(1).id));
    assert_eq!(m.public(), keys.public());
    assert_eq!(m.unlock(PIN).unwrap().public(), keys.public());
    let (other, _) = Meting::create(&s, &d, WEEK, seeds(2), 1).unwrap();
    assert_ne!(other.id, m.id);
    assert_ne!(other.public(), m.public());
}

#[test]
fn a_wrong_pin_does_not_unlock_a_meting() {
    let (m, _) = meting_of(&student(), 1);
    for pin in ["482914", "48291", "4829133", " 482913", ""] {
        assert_eq!(m.unlock(pin).unwrap_err(), SealError::WrongPin, "{pin:?}");
    }
}

#[test]
fn a_meting_needs_a_name_of_one_to_sixty_characters() {
    for label in ["", "   ", "\n\t"] {
        assert_eq!(create(&draft(label)).unwrap_err(), MetingError::NoLabel, "{label:?}");
    }
    assert_eq!(create(&draft(&"a".repeat(61))).unwrap_err(), MetingError::LongLabel);
    // Sixty characters are fine, even when they take 120 bytes, and so is one.
    assert_eq!(create(&draft(&"é".repeat(60))).unwrap().0.label, "é".repeat(60));
    assert_eq!(create(&draft(&format!("  {}  ", "a".repeat(60)))).unwrap().0.label.len(), 60);
    assert_eq!(create(&draft("x")).unwrap().0.label, "x");
}

#[test]
fn a_weak_or_mistyped_pin_is_refused_with_the_reason() {
    let with_pin = |pin: &str, again: &str| {
        let mut d = draft("2B");
        d.pin = pin.into();
        d.pin_again = again.into();
        create(&d)
    };
    assert_eq!(with_pin("123456", "123456").unwrap_err(), MetingError::Pin(PinProblem::Sequence));
    assert_eq!(with_pin("987654", "987654").unwrap_err(), MetingError::Pin(PinProblem::Sequence));
    assert_eq!(with_pin("777777", "777777").unwrap_err(), MetingError::Pin(PinProblem::AllSame));
    assert_eq!(with_pin("4829", "4829").unwrap_err(), MetingError::Pin(PinProblem::TooShort));
    assert_eq!(with_pin(PIN, "482931").unwrap_err(), MetingError::PinsDiffer);
    assert_eq!(with_pin(PIN, "").unwrap_err(), MetingError::PinsDiffer);
    assert!(with_pin(PIN, PIN).is_ok());
}

#[test]
fn a_context_outside_its_list_is_refused_and_named() {
    let with = |domein: &str, niveau: &str, leerweg: &str| {
        let mut d = draft("2B");
        d.context = Context {
            domein: Some(domein.into()),
            niveau: Some(niveau.into()),
            leerweg: Some(leerweg.into()),
        };
        create(&d).map(|(m, _)| m.context)
    };
    assert_eq!(with("kunst", "2", "bol").unwrap_err(), MetingError::UnknownContext("domein"));
    assert_eq!(with("", "2", "bol").unwrap_err(), MetingError::UnknownContext("domein"));
    assert_eq!(with("ict", "5", "bol").unwrap_err(), MetingError::UnknownContext("niveau"));
    assert_eq!(with("ict", "2", "deeltijd").unwrap_err(), MetingError::UnknownContext("leerweg"));
    assert_eq!(with("ict", "4", "bbl").unwrap().domein.as_deref(), Some("ict"));
    for domein in DOMEINEN {
        for niveau in NIVEAUS {
            for leerweg in LEERWEGEN {
                let c = Context {
                    domein: Some(domein.into()),
                    niveau: Some(niveau.into()),
                    leerweg: Some(leerweg.into()),
                };
                assert_eq!(c.check(), Ok(()), "{c:?}");
            }
        }
    }
    assert_eq!(Context::default().check(), Ok(()), "every field may be left open");
}

// Envelopes.

fn sample_envelope() -> (Meting, Envelope) {
    let s = student();
    let (m, _) = meting_of(&s, 7);
    let mut r = typical_response(&s, &response_id(7));
    r.answers.insert("nog_iets".into(), Answer::Text("Meer stage graag.".into()));
    let e = envelope(&m, &s, &r);
    (m, e)
}

#[test]
fn an_envelope_round_trips_and_carries_its_meting_in_the_clear() {
    let (m, e) = sample_envelope();
    let bytes = e.to_bytes();
    assert_eq!(&bytes[..4], b"SPR\x01");
    assert_eq!(bytes[4..12], m.id.0);
    assert_eq!(bytes.len(), e.sealed.len() + ENVELOPE_OVERHEAD);
    assert_eq!(bytes[bytes.len() - 4..], crc32fast::hash(&bytes[..bytes.len() - 4]).to_le_bytes());
    assert_eq!(Envelope::from_bytes(&bytes), Ok(e));
}

#[test]
fn every_single_bit_flip_of_an_envelope_is_refused() {
    let (_, e) = sample_envelope();
    let bytes = e.to_bytes();
    for bit in 0..bytes.len() * 8 {
        let mut flipped = bytes.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let expected = match bit / 8 {
            0..=2 => EnvelopeError::NotSpiegel,
            3 => EnvelopeError::UnknownVersion(flipped[3]),
            _ => EnvelopeError::Damaged,
        };
        assert_eq!(Envelope::from_bytes(&flipped), Err(expected), "bit {bit}");
    }
}

#[test]
fn every_truncation_of_an_envelope_is_refused() {
    let (_, e) = sample_envelope();
    let bytes = e.to_bytes();
    for len in 0..bytes.len() {
        let cut = Envelope::from_bytes(&bytes[..len]);
        let expected = if len < 4 { EnvelopeError::NotSpiegel } else { EnvelopeError::Damaged };
        assert_eq!(cut, Err(expected), "cut to {len} bytes");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(Envelope::from_bytes(&longer), Err(EnvelopeError::Damaged));
}

#[test]
fn an_envelope_from_a_newer_spiegel_says_so_even_with_a_valid_checksum() {
    let (_, e) = sample_envelope();
    let mut bytes = e.to_bytes();
    bytes[3] = 2;
    let body = bytes.len() - 4;
    let crc = crc32fast::hash(&bytes[..body]);
    bytes[body..].copy_from_slice(&crc.to_le_bytes());
    assert_eq!(Envelope::from_bytes(&bytes), Err(EnvelopeError::UnknownVersion(2)));
    assert_eq!(Refusal::from(EnvelopeError::UnknownVersion(2)), Refusal::NewerFormat);
    assert_eq!(
        envelope::read_file(&envelope::file_bytes(&[&bytes])),
        Err(EnvelopeError::UnknownVersion(2))
    );
}

#[test]
fn random_bytes_are_never_taken_for_an_envelope_file_or_code() {
    let mut rng = Lcg(5);
    let mut parts = Parts::new();
    for n in 0..5_000 {
        let len = rng.below(400);
        let mut bytes = rng.bytes(len);
        let magic: &[u8] = match n % 4 {
            0 => b"",
            1 => b"SPR\x01",
            2 => b"SPF\x01",
            _ => b"SPQ\x01",
        };
        bytes.splice(0..0, magic.iter().copied());
        assert!(Envelope::from_bytes(&bytes).is_err(), "{bytes:?}");
        assert!(envelope::read_file(&bytes).is_err(), "{bytes:?}");
        let scan = parts.add(&bytes);
        assert!(!matches!(scan, Ok(Scan::Whole(_))), "{bytes:?} gave {scan:?}");
    }
}

// Response files.

#[test]
fn a_response_file_of_one_or_twelve_envelopes_reads_back_completely() {
    let s = student();
    let (m, _) = meting_of(&s, 8);
    let envelopes: Vec<Envelope> =
        (0..12).map(|n| envelope(&m, &s, &random_response(&s, n))).collect();
    let one = envelope::file_bytes(&[envelopes[0].to_bytes()]);
    assert_eq!(&one[..5], b"SPF\x01\x01");
    assert_eq!(envelope::read_file(&one), Ok(vec![envelopes[0].clone()]));
    let all: Vec<&Envelope> = envelopes.iter().collect();
    assert_eq!(envelope::read_file(&file_of(&all)), Ok(envelopes.clone()));
}

#[test]
fn a_response_file_without_responses_is_empty() {
    let none: [Vec<u8>; 0] = [];
    assert_eq!(envelope::read_file(&envelope::file_bytes(&none)), Err(EnvelopeError::Empty));
    assert_eq!(envelope::read_file(b"SPF\x01"), Err(EnvelopeError::Damaged));
    assert_eq!(envelope::read_file(b"SPF"), Err(EnvelopeError::NotSpiegel));
    assert_eq!(envelope::read_file(b""), Err(EnvelopeError::NotSpiegel));
}

#[test]
fn trailing_bytes_or_a_cut_make_a_response_file_damaged() {
    let s = student();
    let (m, _) = meting_of(&s, 9);
    let a = envelope(&m, &s, &random_response(&s, 1));
    let b = envelope(&m, &s, &random_response(&s, 2));
    let file = file_of(&[&a, &b]);
    for tail in [&b"\0"[..], b"SPR", &a.to_bytes()] {
        let longer = [file.as_slice(), tail].concat();
        assert_eq!(envelope::read_file(&longer), Err(EnvelopeError::Damaged), "{tail:?}");
    }
    for len in 0..file.len() {
        assert!(envelope::read_file(&file[..len]).is_err(), "cut to {len} bytes");
    }
    // A count that claims more envelopes than follow.
    let mut more = file.clone();
    more[4] = 3;
    assert_eq!(envelope::read_file(&more), Err(EnvelopeError::Damaged));
}

#[test]
fn one_damaged_envelope_refuses_the_whole_file() {
    let s = student();
    let (m, _) = meting_of(&s, 10);
    let envelopes: Vec<Vec<u8>> =
        (0..5).map(|n| envelope(&m, &s, &random_response(&s, n)).to_bytes()).collect();
    let mut damaged = envelopes.clone();
    let middle = damaged[2].len() / 2;
    damaged[2][middle] ^= 0x20;
    assert_eq!(envelope::read_file(&envelope::file_bytes(&damaged)), Err(EnvelopeError::Damaged));
    // Something that is not an envelope at all inside a file is damage too.
    let mut foreign = envelopes.clone();
    foreign[2] = b"PK\x03\x04 a zip file, not an envelope".to_vec();
    assert_eq!(envelope::read_file(&envelope::file_bytes(&foreign)), Err(EnvelopeError::Damaged));
    assert_eq!(envelope::read_file(&envelope::file_bytes(&envelopes)).unwrap().len(), 5);
}

#[test]
fn mutated_response_files_are_refused_and_never_panic() {
    let s = student();
    let (m, _) = meting_of(&s, 11);
    let envelopes: Vec<Envelope> =
        (0..3).map(|n| envelope(&m, &s, &random_response(&s, n))).collect();
    let file = file_of(&envelopes.iter().collect::<Vec<_>>());
    let mut rng = Lcg(6);
    for _ in 0..3_000 {
        let mut bytes = file.clone();
        for _ in 0..1 + rng.below(3) {
            let at = 4 + rng.below(bytes.len() - 4);
            match rng.below(3) {
                0 => bytes[at] ^= 1 << rng.below(8),
                1 => bytes.insert(at, rng.next() as u8),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        if bytes != file {
            assert!(envelope::read_file(&bytes).is_err(), "{bytes:?}");
        }
    }
}

// QR codes.

#[test]
fn the_largest_student_response_travels_in_codes_that_arrive_in_any_order() {
    let s = student();
    let (m, keys) = meting_of(&s, 12);
    let r = largest_response(&s, &response_id(12));
    let e = envelope(&m, &s, &r);
    let length = e.to_bytes().len();
    assert_eq!(length, payload::max_len(&s) + seal::SEAL_OVERHEAD + ENVELOPE_OVERHEAD);
    let codes = e.qr_codes();
    assert_eq!(codes.len(), length.div_ceil(MAX_QR_BYTES - PART_HEADER));
    assert!(codes.len() > 1);
    for code in &codes {
        assert!(code.len() <= MAX_QR_BYTES, "a code of {} bytes", code.len());
        assert_eq!(&code[..4], b"SPQ\x01");
    }

    // Reversed, with one code scanned twice.
    let mut order: Vec<&Vec<u8>> = codes.iter().rev().collect();
    order.insert(2, order[1]);
    let mut parts = Parts::new();
    let mut scans = Vec::new();
    for code in &order {
        scans.push(parts.add(code).unwrap());
    }
    let n = codes.len();
    let mut expected: Vec<Scan> = (1..n).map(|have| Scan::Part { have, of: n }).collect();
    expected.insert(2, Scan::Part { have: 2, of: n });
    expected.push(Scan::Whole(e.clone()));
    assert_eq!(scans, expected);

    // Shuffled.
    let mut rng = Lcg(7);
    let mut shuffled = codes.clone();
    for k in (1..shuffled.len()).rev() {
        shuffled.swap(k, rng.below(k + 1));
    }
    let mut parts = Parts::new();
    let last = shuffled.pop().unwrap();
    for code in &shuffled {
        assert!(matches!(parts.add(code), Ok(Scan::Part { .. })));
    }
    let Ok(Scan::Whole(whole)) = parts.add(&last) else { panic!("the last code completes it") };
    assert_eq!(whole, e);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    assert_eq!(collect::open(unlocked, &whole), Ok(r));
}

#[test]
fn a_typical_full_student_response_fits_in_exactly_one_code() {
    let s = student();
    let (m, keys) = meting_of(&s, 13);
    let r = typical_response(&s, &response_id(13));
    let e = envelope(&m, &s, &r);
    let codes = e.qr_codes();
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0], e.to_bytes(), "a single code holds exactly the envelope");
    assert!(codes[0].len() <= MAX_QR_BYTES);
    let Ok(Scan::Whole(whole)) = Parts::new().add(&codes[0]) else { panic!("one code is whole") };
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    assert_eq!(collect::open(unlocked, &whole), Ok(r));
}

#[test]
fn codes_of_two_responses_mixed_together_both_complete_and_a_conflicting_count_is_a_mismatch() {
    let s = student();
    let (m, _) = meting_of(&s, 14);
    let a = envelope(&m, &s, &largest_response(&s, &response_id(1)));
    let b = envelope(&m, &s, &largest_response(&s, &response_id(2)));
    let (ca, cb) = (a.qr_codes(), b.qr_codes());
    assert_ne!(ca[0][4..8], cb[0][4..8], "each response is its own group");
    let mut parts = Parts::new();
    let mut wholes = Vec::new();
    for (x, y) in ca.iter().zip(&cb) {
        for code in [x, y] {
            if let Scan::Whole(e) = parts.add(code).unwrap() {
                wholes.push(e);
            }
        }
    }
    assert_eq!(wholes, vec![a, b]);

    // A code of the same group that claims another number of codes does not fit.
    let mut parts = Parts::new();
    assert_eq!(parts.add(&ca[0]), Ok(Scan::Part { have: 1, of: ca.len() }));
    let mut odd = ca[1].clone();
    odd[9] = ca[1][9] + 1;
    assert_eq!(parts.add(&odd), Err(EnvelopeError::PartMismatch));
    assert_eq!(Refusal::from(EnvelopeError::PartMismatch), Refusal::Damaged);
    // What was scanned before is kept.
    assert_eq!(parts.add(&ca[1]), Ok(Scan::Part { have: 2, of: ca.len() }));
}

#[test]
fn a_corrupted_code_makes_the_assembled_response_refused() {
    let s = student();
    let (m, _) = meting_of(&s, 15);
    let e = envelope(&m, &s, &largest_response(&s, &response_id(15)));
    let codes = e.qr_codes();
    let mut parts = Parts::new();
    for (n, code) in codes.iter().enumerate() {
        let mut code = code.clone();
        if n == 1 {
            code[PART_HEADER + 20] ^= 0x01;
        }
        let scan = parts.add(&code);
        if n + 1 < codes.len() {
            assert!(matches!(scan, Ok(Scan::Part { .. })), "{scan:?}");
        } else {
            assert_eq!(scan, Err(EnvelopeError::Damaged));
        }
    }
    // Broken part headers are refused at once.
    let mut header_only = codes[0][..PART_HEADER].to_vec();
    assert_eq!(Parts::new().add(&header_only), Err(EnvelopeError::Damaged));
    header_only.push(0);
    header_only[9] = 1;
    header_only[8] = 0;
    assert_eq!(Parts::new().add(&header_only), Err(EnvelopeError::Damaged), "one part of one");
    let mut past = codes[0].clone();
    past[8] = past[9];
    assert_eq!(Parts::new().add(&past), Err(EnvelopeError::Damaged), "part number past count");
    let mut newer = codes[0].clone();
    newer[3] = 2;
    assert_eq!(Parts::new().add(&newer), Err(EnvelopeError::UnknownVersion(2)));
}

// Collecting on the team device.

/// Thirty response files for meting `m` of which three are bad: number 5 is junk, 12 is
/// sealed for `other`, 20 has a byte changed. The good ones hold `random_response(n)`.
fn thirty_files(m: &Meting, other: &Meting, s: &Instrument) -> Vec<Vec<u8>> {
    (0..30u64)
        .map(|n| {
            let r = random_response(s, n);
            match n {
                5 => [&b"PK\x03\x04"[..], &Lcg(n).bytes(200)].concat(),
                12 => file_of(&[&envelope(other, s, &r)]),
                20 => {
                    let mut bytes = file_of(&[&envelope(m, s, &r)]);
                    let middle = bytes.len() / 2;
                    bytes[middle] ^= 0xff;
                    bytes
                }
                _ => file_of(&[&envelope(m, s, &r)]),
            }
        })
        .collect()
}

#[test]
fn of_thirty_files_the_twenty_seven_good_ones_are_taken_and_each_bad_one_says_why() {
    let s = student();
    let (m, keys) = meting_of(&s, 16);
    let (other, _) = meting_of(&s, 17);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    let files = thirty_files(&m, &other, &s);
    let mut known = BTreeSet::new();
    let mut taken = Vec::new();
    let mut refusals = BTreeMap::new();
    for (n, file) in files.iter().enumerate() {
        match collect::take(unlocked, &mut known, envelope::read_file(file)) {
            Outcome::Taken { new, duplicates } => {
                assert_eq!((new.len(), duplicates), (1, 0), "file {n}");
                assert_eq!(new[0].response, random_response(&s, n as u64));
                assert_eq!(Envelope::from_bytes(&new[0].envelope).unwrap().meting, m.id);
                taken.extend(new);
            }
            Outcome::Refused { reason, at, meting } => {
                assert_eq!(at, None, "a file of one response needs no position");
                refusals.insert(n, (reason, meting));
            }
        }
    }
    assert_eq!(taken.len(), 27);
    assert_eq!(known.len(), 27);
    assert_eq!(
        refusals,
        BTreeMap::from([
            (5, (Refusal::NotSpiegel, None)),
            (12, (Refusal::OtherMeting, Some(other.id.to_text()))),
            (20, (Refusal::Damaged, None)),
        ])
    );

    // Taking the same files again adds nothing.
    let before = known.clone();
    let mut duplicates = 0;
    for (n, file) in files.iter().enumerate() {
        match collect::take(unlocked, &mut known, envelope::read_file(file)) {
            Outcome::Taken { new, duplicates: d } => {
                assert!(new.is_empty(), "file {n} taken twice");
                duplicates += d;
            }
            Outcome::Refused { .. } => assert!(refusals.contains_key(&n), "file {n}"),
        }
    }
    assert_eq!(duplicates, 27);
    assert_eq!(known, before);
}

#[test]
fn a_bundle_with_one_response_of_another_meting_is_refused_whole_and_says_which() {
    let s = student();
    let (m, keys) = meting_of(&s, 18);
    let (other, _) = meting_of(&s, 19);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    let mut envelopes: Vec<Envelope> =
        (0..5).map(|n| envelope(&m, &s, &random_response(&s, n))).collect();
    envelopes[3] = envelope(&other, &s, &random_response(&s, 3));
    let file = file_of(&envelopes.iter().collect::<Vec<_>>());
    let mut known = BTreeSet::from([response_id(99)]);
    let outcome = collect::take(unlocked, &mut known, envelope::read_file(&file));
    assert_eq!(outcome, refused(Refusal::OtherMeting, Some((4, 5)), Some(other.id.to_text())));
    assert_eq!(known, BTreeSet::from([response_id(99)]), "nothing of the file is counted");
    // Without it, the other four are taken.
    envelopes.remove(3);
    let file = file_of(&envelopes.iter().collect::<Vec<_>>());
    let (ids, duplicates) =
        new_ids(&collect::take(unlocked, &mut known, envelope::read_file(&file)));
    assert_eq!(ids, [0, 1, 2, 4].map(response_id));
    assert_eq!(duplicates, 0);
}

#[test]
fn a_response_twice_in_one_bundle_is_taken_once() {
    let s = student();
    let (m, keys) = meting_of(&s, 20);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    let r = random_response(&s, 1);
    let first = envelope(&m, &s, &r);
    let mut known = BTreeSet::new();
    let file = file_of(&[&first, &first]);
    let (ids, duplicates) =
        new_ids(&collect::take(unlocked, &mut known, envelope::read_file(&file)));
    assert_eq!((ids, duplicates), (vec![r.id.clone()], 1));
    // Sealed once more: other bytes, the same response id inside.
    let plain = payload::encode(&s, &r).unwrap();
    let resealed = Envelope { meting: m.id, sealed: seal::seal(&m.public(), &plain, [9; 32]) };
    assert_ne!(resealed, first);
    let file = file_of(&[&resealed]);
    let (ids, duplicates) =
        new_ids(&collect::take(unlocked, &mut known, envelope::read_file(&file)));
    assert_eq!((ids.len(), duplicates), (0, 1));
}

#[test]
fn answers_to_another_vragenlijst_sealed_to_this_meting_are_another_version() {
    let (s, t) = (student(), staff());
    let (m, keys) = meting_of(&s, 21);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    let e = envelope(&m, &t, &typical_response(&t, &response_id(1)));
    assert_eq!(collect::open(unlocked, &e), Err(Refusal::OtherVersion));
    let mut known = BTreeSet::new();
    let read = envelope::read_file(&file_of(&[&e]));
    assert_eq!(
        collect::take(unlocked, &mut known, read),
        refused(Refusal::OtherVersion, None, None)
    );
    assert!(known.is_empty());
    // A staff meting reads the same answers.
    let (staff_meting, staff_keys) = meting_of(&t, 21);
    let staff_unlocked = Unlocked { meting: &staff_meting, keys: &staff_keys, instrument: &t };
    assert_eq!(collect::open(staff_unlocked, &e), Ok(typical_response(&t, &response_id(1))));
}

#[test]
fn an_envelope_claiming_this_meting_that_its_key_cannot_open_is_refused() {
    let s = student();
    let (m, keys) = meting_of(&s, 22);
    let (other, _) = meting_of(&s, 23);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    let r = random_response(&s, 1);
    let forged = envelope_to(m.id, &other.public(), &s, &r);
    assert_eq!(collect::open(unlocked, &forged), Err(Refusal::CannotOpen));
    // Changed after sealing, with the envelope's checksum made to match.
    let mut changed = envelope(&m, &s, &r);
    let last = changed.sealed.len() - 1;
    changed.sealed[last] ^= 0x01;
    let read = envelope::read_file(&file_of(&[&changed]));
    let mut known = BTreeSet::new();
    assert_eq!(collect::take(unlocked, &mut known, read), refused(Refusal::CannotOpen, None, None));
    // Opens, but what is inside is not a response.
    let junk =
        Envelope { meting: m.id, sealed: seal::seal(&m.public(), b"SPG\x01 not answers", [3; 32]) };
    assert_eq!(collect::open(unlocked, &junk), Err(Refusal::Invalid));
    assert!(known.is_empty());
}

#[test]
fn a_file_that_cannot_be_read_is_refused_with_the_reason_and_no_position() {
    let s = student();
    let (m, keys) = meting_of(&s, 24);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    let mut known = BTreeSet::new();
    for (error, reason) in [
        (EnvelopeError::NotSpiegel, Refusal::NotSpiegel),
        (EnvelopeError::UnknownVersion(7), Refusal::NewerFormat),
        (EnvelopeError::Damaged, Refusal::Damaged),
        (EnvelopeError::Empty, Refusal::Empty),
        (EnvelopeError::TooLarge, Refusal::TooLarge),
    ] {
        assert_eq!(collect::take(unlocked, &mut known, Err(error)), refused(reason, None, None));
    }
    assert!(known.is_empty());
}

#[test]
fn every_refusal_has_its_own_plain_message_in_dutch_and_english() {
    let all = [
        Refusal::NotSpiegel,
        Refusal::NewerFormat,
        Refusal::Damaged,
        Refusal::Empty,
        Refusal::TooLarge,
        Refusal::OtherMeting,
        Refusal::CannotOpen,
        Refusal::OtherVersion,
        Refusal::Invalid,
    ];
    let mut seen = BTreeSet::new();
    for r in all {
        let (nl, en) = (r.message(Lang::Nl), r.message(Lang::En));
        for text in [nl, en] {
            assert!(text.len() > 10 && text.ends_with('.'), "{r:?}: {text:?}");
            assert!(seen.insert(text), "{r:?} repeats {text:?}");
        }
        assert_ne!(nl, en, "{r:?}");
    }
    assert_eq!(seen.len(), 2 * all.len());
}

// Keeping metingen and responses.

/// A meting wrapped with the fewest iterations storage accepts. Made once: it is slow.
fn storable() -> &'static (Meting, KeyPair) {
    static METING: OnceLock<(Meting, KeyPair)> = OnceLock::new();
    METING.get_or_init(|| {
        Meting::create(&student(), &draft("3A ict"), "2026-W50", seeds(30), 100_000).unwrap()
    })
}

#[test]
fn a_saved_meting_comes_back_and_still_unlocks_with_its_pin() {
    assert_eq!(seal::MIN_STORED_ITERATIONS, 100_000);
    let store = MemoryStore::default();
    let (m, keys) = storable();
    collection::save_meting(&store, m).unwrap();
    let (list, set_apart) = collection::load_metingen(&store).unwrap();
    assert!(set_apart.is_empty());
    assert_eq!(list, vec![m.clone()]);
    assert_eq!(list[0].unlock(PIN).unwrap().public(), keys.public());
    assert_eq!(list[0].unlock("482914").unwrap_err(), SealError::WrongPin);
    let raw = store.get(&StorageKey::Meting(m.id.to_text()).as_string()).unwrap().unwrap();
    assert!(!raw.contains(PIN), "the PIN is not stored");
}

#[test]
fn an_unreadable_or_cheaply_wrapped_meting_is_set_aside_and_kept() {
    let store = MemoryStore::default();
    let s = student();
    let (weak, _) = meting_of(&s, 31);
    collection::save_meting(&store, &weak).unwrap();
    let junk_key = StorageKey::Meting("0011223344556677".into()).as_string();
    store.set(&junk_key, "{\"schema\":\"spiegel.meting\",\"version\":1").unwrap();
    let weak_key = StorageKey::Meting(weak.id.to_text()).as_string();
    let weak_raw = store.get(&weak_key).unwrap().unwrap();
    let (list, set_apart) = collection::load_metingen(&store).unwrap();
    assert!(list.is_empty());
    assert_eq!(set_apart.len(), 2);
    let mut kept: Vec<String> = set_apart.iter().map(|k| store.get(k).unwrap().unwrap()).collect();
    kept.sort();
    let mut expected = vec!["{\"schema\":\"spiegel.meting\",\"version\":1".to_string(), weak_raw];
    expected.sort();
    assert_eq!(kept, expected, "the raw entries are kept");
    assert_eq!(store.get(&junk_key).unwrap(), None);
    assert_eq!(store.get(&weak_key).unwrap(), None);
    assert_eq!(collection::load_metingen(&store).unwrap(), (vec![], vec![]));
}

fn taken_responses(m: &Meting, s: &Instrument, count: u64) -> Vec<collect::Taken> {
    let keys = m.unlock(PIN).unwrap();
    let unlocked = Unlocked { meting: m, keys: &keys, instrument: s };
    let envelopes: Vec<Envelope> =
        (0..count).map(|n| envelope(m, s, &typical_response(s, &response_id(n)))).collect();
    let read = envelope::read_file(&file_of(&envelopes.iter().collect::<Vec<_>>()));
    match collect::take(unlocked, &mut BTreeSet::new(), read) {
        Outcome::Taken { new, .. } => new,
        other => panic!("{other:?}"),
    }
}

#[test]
fn keeping_responses_in_a_full_store_keeps_none_of_them() {
    let s = student();
    let (m, _) = meting_of(&s, 32);
    let taken = taken_responses(&m, &s, 4);
    let entry = |t: &collect::Taken| {
        StorageKey::Inbox(m.id.to_text(), t.response.id.clone()).as_string().len()
            + 2 * t.envelope.len()
    };
    let room: usize = taken[..2].iter().map(entry).sum::<usize>() + entry(&taken[2]) / 2;
    let store = MemoryStore::with_limit(room);
    assert_eq!(collection::keep_taken(&store, m.id, &taken), Err(StorageError::Full));
    assert_eq!(store.keys().unwrap(), Vec::<String>::new(), "no entry is left behind");
    assert!(collection::inbox_ids(&store, m.id).unwrap().is_empty());
    // Half of them would have fitted.
    collection::keep_taken(&store, m.id, &taken[..2]).unwrap();
    assert_eq!(collection::inbox_ids(&store, m.id).unwrap().len(), 2);

    let roomy = MemoryStore::with_limit(taken.iter().map(entry).sum());
    collection::keep_taken(&roomy, m.id, &taken).unwrap();
    assert_eq!(collection::inbox_ids(&roomy, m.id).unwrap().len(), 4);
}

#[test]
fn the_inbox_lists_what_was_taken_and_sets_aside_a_damaged_entry() {
    let s = student();
    let (m, keys) = meting_of(&s, 33);
    let unlocked = Unlocked { meting: &m, keys: &keys, instrument: &s };
    let store = MemoryStore::default();
    let taken = taken_responses(&m, &s, 4);
    collection::keep_taken(&store, m.id, &taken).unwrap();
    let ids: BTreeSet<String> = (0..4).map(response_id).collect();
    assert_eq!(collection::inbox_ids(&store, m.id).unwrap(), ids);

    // What is kept opens again to the same responses.
    let (envelopes, set_apart) = collection::load_inbox(&store, m.id).unwrap();
    assert!(set_apart.is_empty());
    let mut opened: Vec<Response> =
        envelopes.iter().map(|e| collect::open(unlocked, e).unwrap()).collect();
    opened.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected: Vec<Response> = taken.iter().map(|t| t.response.clone()).collect();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(opened, expected);

    // A response delivered straight from a kiosk on this device is listed too.
    let kiosk = typical_response(&s, &response_id(9));
    collection::deliver(&store, m.id, &kiosk.id, &envelope(&m, &s, &kiosk).to_bytes()).unwrap();
    assert!(collection::inbox_ids(&store, m.id).unwrap().contains(&kiosk.id));

    // Damaged entries are set aside with their raw text; the rest still loads.
    let hex_key = StorageKey::Inbox(m.id.to_text(), response_id(1)).as_string();
    store.set(&hex_key, "zz not hex").unwrap();
    let crc_key = StorageKey::Inbox(m.id.to_text(), response_id(2)).as_string();
    let mut flipped = store.get(&crc_key).unwrap().unwrap();
    flipped.replace_range(40..41, if &flipped[40..41] == "0" { "1" } else { "0" });
    store.set(&crc_key, &flipped).unwrap();
    let (envelopes, set_apart) = collection::load_inbox(&store, m.id).unwrap();
    assert_eq!(envelopes.len(), 3);
    assert_eq!(set_apart.len(), 2);
    let kept: BTreeSet<String> = set_apart.iter().map(|k| store.get(k).unwrap().unwrap()).collect();
    assert_eq!(kept, BTreeSet::from(["zz not hex".to_string(), flipped]));
    assert_eq!(collection::inbox_ids(&store, m.id).unwrap().len(), 3);
}

#[test]
fn the_outbox_keeps_sealed_responses_until_they_are_cleared() {
    let s = student();
    let (a, _) = meting_of(&s, 34);
    let (b, _) = meting_of(&s, 35);
    let store = MemoryStore::default();
    let mut posted = Vec::new();
    for n in 0..3 {
        let e = envelope(&a, &s, &random_response(&s, n));
        let key = collection::post(&store, a.id, &format!("slot{n}"), &e.to_bytes()).unwrap();
        posted.push((key, e));
    }
    let e = envelope(&b, &s, &random_response(&s, 3));
    collection::post(&store, b.id, "slot3", &e.to_bytes()).unwrap();
    collection::save_meting(&store, &a).unwrap();
    assert_eq!(collection::outbox(&store, a.id).unwrap(), posted);
    assert_eq!(collection::outbox(&store, b.id).unwrap().len(), 1);

    let mut keys: Vec<String> = posted.iter().map(|(k, _)| k.clone()).collect();
    let meting_key = StorageKey::Meting(a.id.to_text()).as_string();
    keys.push(meting_key.clone());
    collection::clear_outbox(&store, &keys).unwrap();
    assert!(collection::outbox(&store, a.id).unwrap().is_empty());
    assert_eq!(
        collection::outbox(&store, b.id).unwrap(),
        vec![(StorageKey::Outbox(b.id.to_text(), "slot3".into()).as_string(), e)]
    );
    assert!(store.get(&meting_key).unwrap().is_some(), "only outbox entries are cleared");
}

#[test]
fn deleting_a_meting_removes_its_responses_but_not_another_metings() {
    let s = student();
    let (a, _) = meting_of(&s, 36);
    let (b, _) = meting_of(&s, 37);
    let store = MemoryStore::default();
    for m in [&a, &b] {
        collection::save_meting(&store, m).unwrap();
        collection::keep_taken(&store, m.id, &taken_responses(m, &s, 3)).unwrap();
    }
    collection::delete_meting(&store, a.id).unwrap();
    assert!(collection::inbox_ids(&store, a.id).unwrap().is_empty());
    assert_eq!(store.get(&StorageKey::Meting(a.id.to_text()).as_string()).unwrap(), None);
    assert_eq!(collection::inbox_ids(&store, b.id).unwrap().len(), 3);
    assert!(store.get(&StorageKey::Meting(b.id.to_text()).as_string()).unwrap().is_some());
    assert_eq!(store.keys().unwrap().len(), 4);
}
