//! The binary response payload: round trips, sizes, tampering and fuzz-like properties.

use std::collections::BTreeMap;

use spiegel::domain::answer::{Answer, DONT_KNOW_CODE};
use spiegel::domain::builtin;
use spiegel::domain::instrument::{Instrument, Item, ItemKind};
use spiegel::domain::payload::{decode, encode, fingerprint, max_len, PayloadError, MAGIC};
use spiegel::domain::response::Response;

use crate::support::{at, edited, instrument, Lcg, KINDS};

const ID: &str = "00ff10e9a3b4c5d6e7f8091a2b3c4d5e";
/// Bytes before the answers: magic 3, version 1, fingerprint 4, id 16, year 1, week 1.
const HEADER: usize = 26;

fn student() -> Instrument {
    builtin::student().unwrap()
}

fn staff() -> Instrument {
    builtin::staff().unwrap()
}

fn response(i: &Instrument, answers: Vec<(&str, Answer)>) -> Response {
    Response {
        id: ID.into(),
        instrument: i.id.clone(),
        instrument_version: i.version.clone(),
        week: "2026-W48".into(),
        answers: answers.into_iter().map(|(k, a)| (k.to_string(), a)).collect(),
    }
}

fn choice(c: &str) -> Answer {
    Answer::Choice(c.into())
}

fn choices(cs: &[&str]) -> Answer {
    Answer::Choices(cs.iter().map(|c| c.to_string()).collect())
}

fn rows(rs: &[(&str, &str)]) -> Answer {
    Answer::Rows(rs.iter().map(|(r, c)| (r.to_string(), c.to_string())).collect())
}

fn items(i: &Instrument) -> Vec<&Item> {
    i.items().map(|(_, item)| item).collect()
}

/// Encodes, decodes and checks that the response comes back unchanged.
fn round_trip(i: &Instrument, r: &Response) -> Vec<u8> {
    let bytes = encode(i, r).unwrap_or_else(|e| panic!("cannot encode {r:?}: {e}"));
    assert_eq!(decode(i, &bytes).as_ref(), Ok(r), "payload {bytes:?}");
    bytes
}

/// Replaces the checksum at the end with the right one.
fn reseal(bytes: &mut [u8]) {
    let body = bytes.len() - 4;
    let crc = crc32fast::hash(&bytes[..body]);
    bytes[body..].copy_from_slice(&crc.to_le_bytes());
}

/// A payload with a valid header and checksum around hand-written answer bytes.
fn with_answers(i: &Instrument, answers: &[u8]) -> Vec<u8> {
    let mut bytes = encode(i, &response(i, vec![])).unwrap()[..HEADER].to_vec();
    bytes.extend_from_slice(answers);
    bytes.extend_from_slice(&[0; 4]);
    reseal(&mut bytes);
    bytes
}

/// A random answer an instrument could have given to `item`, or none.
fn random_answer(rng: &mut Lcg, item: &Item) -> Option<Answer> {
    match rng.below(8) {
        0 | 1 => return None,
        2 => return Some(Answer::DontKnow),
        3 => return Some(Answer::Skipped),
        _ => {}
    }
    let options = item.kind.choices();
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
            let offset = (u128::from(rng.next()) << 64 | u128::from(rng.next())) % span;
            Answer::Number((*min as i128 + offset as i128) as i64)
        }
        ItemKind::OpenText { max_length } => {
            let pool = ['a', 'Z', ' ', '\n', 'é', '€', '中', '😀'];
            let len = rng.below(max_length + 1);
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
        _ => Answer::Choice(options[rng.below(options.len())].code.clone()),
    })
}

fn random_response(rng: &mut Lcg, i: &Instrument) -> Response {
    let mut r = response(i, vec![]);
    r.id = (0..32).map(|_| char::from_digit(rng.below(16) as u32, 16).unwrap()).collect();
    r.week = format!("{}-W{:02}", 2000 + rng.below(256), 1 + rng.below(53));
    for item in items(i) {
        if let Some(a) = random_answer(rng, item) {
            r.answers.insert(item.id.clone(), a);
        }
    }
    r
}

/// Every item answered with its longest encoding; open texts full of `fill`.
fn largest_response(i: &Instrument, fill: char) -> Response {
    let mut r = response(i, vec![]);
    for item in items(i) {
        let answer = match &item.kind {
            ItemKind::MultipleChoice { options, .. } => Answer::Choices(
                options.iter().filter(|o| !o.exclusive).map(|o| o.code.clone()).collect(),
            ),
            ItemKind::Number { min, max, .. } => {
                Answer::Number(if min.unsigned_abs() > max.unsigned_abs() { *min } else { *max })
            }
            ItemKind::OpenText { max_length } => Answer::Text(fill.to_string().repeat(*max_length)),
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

/// A full run without open text: the first option everywhere, the first point on every
/// matrix row, the smallest number.
fn typical_response(i: &Instrument) -> Response {
    let mut r = response(i, vec![]);
    for item in items(i) {
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

/// The kinds fixture with its number item spanning all of i64.
fn kinds_with_widest_number() -> Instrument {
    instrument(&edited(KINDS, |v| {
        *at(v, "/sections/0/items/5/min") = i64::MIN.into();
        *at(v, "/sections/0/items/5/max") = i64::MAX.into();
    }))
}

#[test]
fn every_kind_of_answer_round_trips_through_the_payload() {
    let i = instrument(KINDS);
    let full = response(
        &i,
        vec![
            ("rol", choice("mentor")),
            ("hulp", choices(&["a", "c"])),
            ("eens", choice("2")),
            ("jn", choice("nee")),
            ("deel", choice("bijna_alle")),
            ("aantal", Answer::Number(40)),
            ("groot", choice("ja")),
            ("tekst", Answer::Text("héél 😀!".into())),
            ("matrix", rows(&[("veilig", "2"), ("rustig", DONT_KNOW_CODE)])),
        ],
    );
    round_trip(&i, &full);
    let other = response(
        &i,
        vec![
            ("rol", Answer::Skipped),
            ("hulp", Answer::DontKnow),
            ("eens", choice("1")),
            ("aantal", Answer::Number(0)),
            ("tekst", Answer::Text(String::new())),
            ("matrix", rows(&[("rustig", "1")])),
        ],
    );
    round_trip(&i, &other);
    let odd =
        response(&i, vec![("hulp", choices(&[])), ("matrix", rows(&[])), ("jn", Answer::DontKnow)]);
    round_trip(&i, &odd);
    let empty = response(&i, vec![]);
    let bytes = round_trip(&i, &empty);
    assert_eq!(bytes.len(), HEADER + 9 + 4, "one byte per unanswered item");
    assert_eq!(&bytes[..4], b"SPG\x02");
    assert_eq!(bytes[4..8], i.hash.0[..4], "the first bytes of the content hash");
    assert_eq!(fingerprint(&i), i.hash.fingerprint());
    assert_eq!(
        bytes[8..24],
        [
            0, 0xff, 0x10, 0xe9, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8, 0x09, 0x1a, 0x2b, 0x3c, 0x4d,
            0x5e
        ]
    );
    assert_eq!(bytes[24..26], [26, 48], "2026-W48");
}

#[test]
fn hand_made_student_and_staff_responses_round_trip() {
    let s = student();
    let mut r = response(
        &s,
        vec![
            ("niveau", choice("2")),
            ("stage", choice("nu")),
            ("diploma_wil", Answer::DontKnow),
            ("tegenhouden", choices(&["vrienden", "saai"])),
            ("hulp_bij", choices(&["geen"])),
            ("tevreden_lessen", rows(&[("mentor", "3"), ("rekenen", DONT_KNOW_CODE)])),
            ("nog_iets", Answer::Text("Meer stage graag.\nDank!".into())),
        ],
    );
    r.week = "2000-W01".into();
    round_trip(&s, &r);
    r.week = "2255-W53".into();
    round_trip(&s, &r);

    let t = staff();
    let r = response(
        &t,
        vec![
            ("rol", choice("docent")),
            ("est_diploma_wil", choice("helft")),
            ("est_werken", Answer::DontKnow),
            ("aanpak_zelfvertrouwen_hoe", Answer::Text("Complimenten geven.".into())),
            ("opmerking", Answer::Skipped),
        ],
    );
    round_trip(&t, &r);
}

#[test]
fn a_typical_full_student_run_takes_84_bytes() {
    // 26 header + 4 checksum + 18 one-byte answers (11 single, 7 multiple) + 1 byte for
    // the empty open text + 6 matrices of 1 tag byte and 29 row bytes in all = 84.
    let s = student();
    let bytes = round_trip(&s, &typical_response(&s));
    assert_eq!(bytes.len(), 84);
}

#[test]
fn the_largest_possible_student_response_round_trips_and_reaches_max_len() {
    let s = student();
    let emoji = round_trip(&s, &largest_response(&s, '😀'));
    let ascii = round_trip(&s, &largest_response(&s, 'w'));
    // 30 framing + 11 single-coded + 8 for the 7 multiple choices (only `tegenhouden`,
    // whose options that go together make a mask of 127, takes 2 bytes; an exclusive
    // option is never picked with the others) + 6 matrices (6 tags, 29 rows) + open text:
    // 1 tag + 2 length + 500 × 4 bytes.
    assert_eq!(max_len(&s), 2087);
    assert_eq!(emoji.len(), max_len(&s));
    assert_eq!(ascii.len(), 2087 - 1500);
}

#[test]
fn the_largest_possible_staff_response_round_trips_and_reaches_max_len() {
    let t = staff();
    let emoji = round_trip(&t, &largest_response(&t, '😀'));
    assert_eq!(emoji.len(), max_len(&t));
    // 30 framing + 57 one-byte single answers + 5 for the 4 multiple choices (the
    // 7-option one takes 2 bytes) + 22 matrices (22 tags, 72 rows) + 7 open texts of
    // 1 tag + 2 length + 2,000 bytes.
    assert_eq!(max_len(&t), 14_207);
    // 30 framing + 61 one-byte answers + 22 matrices (94), the 7 open texts empty.
    let typical = round_trip(&t, &typical_response(&t));
    assert_eq!(typical.len(), 192);
}

#[test]
fn numbers_at_the_ends_of_a_64_bit_range_round_trip_within_max_len() {
    let i = kinds_with_widest_number();
    for n in [i64::MIN, i64::MIN + 1, -1, 0, 1, 63, -64, 64, i64::MAX - 1, i64::MAX] {
        round_trip(&i, &response(&i, vec![("aantal", Answer::Number(n))]));
    }
    let largest = round_trip(&i, &largest_response(&i, '😀'));
    assert_eq!(largest.len(), max_len(&i));
}

#[test]
fn flipping_any_single_bit_is_detected() {
    let s = student();
    let mut r = typical_response(&s);
    r.answers.insert("nog_iets".into(), Answer::Text("Goed zo".into()));
    let bytes = encode(&s, &r).unwrap();
    for bit in 0..bytes.len() * 8 {
        let mut flipped = bytes.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        assert_eq!(decode(&s, &flipped), Err(PayloadError::Checksum), "bit {bit}");
    }
}

#[test]
fn every_truncation_is_rejected() {
    let s = student();
    let bytes = encode(&s, &largest_response(&s, 'é')).unwrap();
    for len in 0..bytes.len() {
        assert!(decode(&s, &bytes[..len]).is_err(), "cut to {len} bytes");
    }
    assert_eq!(decode(&s, &bytes[..29]), Err(PayloadError::TooShort));
}

#[test]
fn a_staff_payload_read_as_student_is_for_another_instrument() {
    let (s, t) = (student(), staff());
    let bytes = encode(&t, &typical_response(&t)).unwrap();
    assert_eq!(decode(&s, &bytes), Err(PayloadError::OtherInstrument));
    assert_eq!(encode(&s, &typical_response(&t)), Err(PayloadError::OtherInstrument));
}

#[test]
fn a_payload_for_another_version_of_the_same_instrument_is_refused() {
    let old = instrument(KINDS);
    let new = instrument(&edited(KINDS, |v| *at(v, "/version") = "2.0.1".into()));
    let bytes = encode(&old, &response(&old, vec![("rol", choice("docent"))])).unwrap();
    assert_eq!(decode(&new, &bytes), Err(PayloadError::OtherInstrument));
}

#[test]
fn encode_refuses_responses_it_could_not_give_back_exactly() {
    let i = instrument(KINDS);
    let refused = |r: Response| encode(&i, &r).unwrap_err();
    for id in [
        "",
        "00FF10E9A3B4C5D6E7F8091A2B3C4D5E",
        "00ff10e9a3b4c5d6e7f8091a2b3c4d5",
        "g0ff10e9a3b4c5d6e7f8091a2b3c4d5e",
        "00ff10e9a3b4c5d6e7f8091a2b3c4d5e0",
    ] {
        let mut r = response(&i, vec![]);
        r.id = id.into();
        assert_eq!(refused(r), PayloadError::BadId, "{id:?}");
    }
    for week in [
        "", "2026-48", "2026-W8", "2026-W00", "2026-W54", "1999-W10", "2256-W01", "26-W48",
        "2026-W+1", "+026-W10",
    ] {
        let mut r = response(&i, vec![]);
        r.week = week.into();
        assert_eq!(refused(r), PayloadError::BadWeek, "{week:?}");
    }
    let one = |item: &str, a: Answer| refused(response(&i, vec![(item, a)]));
    assert_eq!(one("geen", choice("x")), PayloadError::UnknownItem("geen".into()));
    assert_eq!(one("rol", Answer::Number(1)), PayloadError::WrongKind("rol".into()));
    assert_eq!(one("hulp", choice("a")), PayloadError::WrongKind("hulp".into()));
    assert_eq!(
        one("rol", choice("baas")),
        PayloadError::UnknownCode { item: "rol".into(), code: "baas".into() }
    );
    assert_eq!(one("hulp", choices(&["c", "a"])), PayloadError::Unordered("hulp".into()));
    assert_eq!(one("hulp", choices(&["a", "a"])), PayloadError::Unordered("hulp".into()));
    assert_eq!(one("aantal", Answer::Number(41)), PayloadError::OutOfRange("aantal".into()));
    assert_eq!(one("aantal", Answer::Number(-1)), PayloadError::OutOfRange("aantal".into()));
    assert_eq!(one("tekst", Answer::Text("x".repeat(11))), PayloadError::TooLong("tekst".into()));
    assert_eq!(
        one("matrix", rows(&[("luid", "1")])),
        PayloadError::UnknownRow { item: "matrix".into(), row: "luid".into() }
    );
    assert_eq!(
        one("matrix", rows(&[("veilig", "3")])),
        PayloadError::UnknownCode { item: "matrix".into(), code: "3".into() }
    );
    // Ten characters are fine even when they take forty bytes.
    round_trip(&i, &response(&i, vec![("tekst", Answer::Text("😀".repeat(10)))]));
}

#[test]
fn decode_refuses_bytes_encode_would_never_write() {
    let i = instrument(KINDS);
    let none = [0u8; 9];
    let bad = |answers: &[u8]| decode(&i, &with_answers(&i, answers)).unwrap_err();
    // rol, hulp, eens, jn, deel, aantal, groot, tekst, matrix
    assert_eq!(decode(&i, &with_answers(&i, &none)), Ok(response(&i, vec![])));
    assert_eq!(bad(&[5, 0, 0, 0, 0, 0, 0, 0, 0]), PayloadError::NoSuchOption("rol".into()));
    assert_eq!(bad(&[0, 11, 0, 0, 0, 0, 0, 0, 0]), PayloadError::NoSuchOption("hulp".into()));
    assert_eq!(bad(&[0, 0, 0, 0, 8, 0, 0, 0, 0]), PayloadError::NoSuchOption("deel".into()));
    assert_eq!(
        bad(&[0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 4]),
        PayloadError::NoSuchOption("matrix".into())
    );
    assert_eq!(bad(&[0, 0, 0, 0, 0, 4, 0, 0, 0]), PayloadError::BadTag("aantal".into()));
    assert_eq!(bad(&[0, 0, 0, 0, 0, 3, 82, 0, 0, 0]), PayloadError::OutOfRange("aantal".into()));
    assert_eq!(
        bad(&[0, 0, 0, 0, 0, 0, 0, 3, 2, 0xc3, 0x28, 0]),
        PayloadError::BadText("tekst".into())
    );
    assert_eq!(bad(&[0, 0, 0, 0, 0, 0, 0, 3, 11, b'a', b'b', 0]), PayloadError::Truncated);
    assert_eq!(bad(&[0, 0, 0, 0, 0, 0, 0, 3, 41]), PayloadError::TooLong("tekst".into()));
    let eleven = [[0, 0, 0, 0, 0, 0, 0, 3, 11].as_slice(), b"abcdefghijk", &[0]].concat();
    assert_eq!(bad(&eleven), PayloadError::TooLong("tekst".into()));
    assert_eq!(bad(&[0; 10]), PayloadError::TrailingBytes);
    assert_eq!(bad(&[0; 8]), PayloadError::Truncated);
    assert_eq!(bad(&[0x83, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]), PayloadError::Overlong);
    let past_u64 = [[0x80; 9].as_slice(), &[0x02], &none[1..]].concat();
    assert_eq!(bad(&past_u64), PayloadError::Overflow);
    let eleven_bytes = [[0xff; 10].as_slice(), &[0x01], &none[1..]].concat();
    assert_eq!(bad(&eleven_bytes), PayloadError::Overflow);
    let past_i64 = [[0, 0, 0, 0, 0, 3].as_slice(), &[0xff; 10], &[0x01, 0, 0, 0]].concat();
    assert_eq!(bad(&past_i64), PayloadError::Overflow);

    let header = |at: usize, value: u8| {
        let mut bytes = with_answers(&i, &none);
        bytes[at] = value;
        reseal(&mut bytes);
        decode(&i, &bytes).unwrap_err()
    };
    assert_eq!(header(0, b'Q'), PayloadError::BadMagic);
    assert_eq!(header(3, 3), PayloadError::UnknownVersion(3));
    // Format 1 fingerprints by id and version; these bytes carry the content's.
    assert_eq!(header(3, 1), PayloadError::OtherInstrument);
    assert_eq!(header(25, 0), PayloadError::BadWeek);
    assert_eq!(header(25, 54), PayloadError::BadWeek);
    assert_eq!(decode(&i, &[]), Err(PayloadError::TooShort));
    assert_eq!(decode(&i, MAGIC), Err(PayloadError::TooShort));
}

#[test]
fn random_bytes_never_decode_and_never_panic() {
    let i = instrument(KINDS);
    let s = student();
    let mut rng = Lcg(1);
    for _ in 0..20_000 {
        let len = rng.below(300);
        let bytes = rng.bytes(len);
        assert!(decode(&i, &bytes).is_err(), "{bytes:?}");
        assert!(decode(&s, &bytes).is_err(), "{bytes:?}");
    }
}

#[test]
fn random_answer_bytes_behind_a_valid_header_and_checksum_are_refused_or_read_back_exactly() {
    let i = instrument(KINDS);
    let mut rng = Lcg(2);
    let (mut read, mut refused) = (0, 0);
    for _ in 0..20_000 {
        // A small tag per item, sometimes followed by a few more bytes, sometimes any
        // byte: close enough to real answers that many of them read.
        let mut answers = Vec::new();
        for _ in 0..9 {
            answers.push(if rng.below(16) > 0 { rng.below(5) as u8 } else { rng.next() as u8 });
            if rng.below(8) == 0 {
                let more = 1 + rng.below(3);
                answers.extend((0..more).map(|_| rng.below(5) as u8));
            }
        }
        let bytes = with_answers(&i, &answers);
        match decode(&i, &bytes) {
            Ok(r) => {
                assert_eq!(encode(&i, &r).as_ref(), Ok(&bytes), "{r:?}");
                read += 1;
            }
            Err(_) => refused += 1,
        }
    }
    assert!(read > 100 && refused > 100, "read {read}, refused {refused}");
}

#[test]
fn random_valid_responses_round_trip_exactly() {
    let mut rng = Lcg(3);
    for i in [instrument(KINDS), kinds_with_widest_number(), student(), staff()] {
        for _ in 0..1_000 {
            let r = random_response(&mut rng, &i);
            let bytes = round_trip(&i, &r);
            assert!(bytes.len() <= max_len(&i));
        }
    }
}

#[test]
fn mutated_payloads_with_a_valid_checksum_are_refused_or_read_back_exactly() {
    let mut rng = Lcg(4);
    for i in [instrument(KINDS), student(), staff()] {
        let (mut read, mut refused) = (0, 0);
        for _ in 0..3_000 {
            let mut bytes = encode(&i, &random_response(&mut rng, &i)).unwrap();
            for _ in 0..1 + rng.below(3) {
                let at = HEADER + rng.below(bytes.len() - HEADER - 4);
                match rng.below(4) {
                    0 => bytes[at] = rng.next() as u8,
                    1 => bytes[at] = bytes[at].wrapping_add(1),
                    2 => bytes.insert(at, rng.below(8) as u8),
                    _ => {
                        bytes.remove(at);
                    }
                }
                if bytes.len() <= HEADER + 4 {
                    break;
                }
            }
            if bytes.len() < 4 {
                continue;
            }
            reseal(&mut bytes);
            match decode(&i, &bytes) {
                Ok(r) => {
                    assert_eq!(encode(&i, &r).as_ref(), Ok(&bytes), "{r:?}");
                    read += 1;
                }
                Err(_) => refused += 1,
            }
        }
        assert!(read > 100 && refused > 100, "{}: read {read}, refused {refused}", i.id);
    }
}

#[test]
fn errors_are_plain_words() {
    assert_eq!(
        PayloadError::Checksum.to_string(),
        "payload is damaged: the checksum does not match"
    );
    assert_eq!(
        PayloadError::OtherInstrument.to_string(),
        "response is for another questionnaire or version"
    );
    assert_eq!(PayloadError::TooLong("tekst".into()).to_string(), "text for tekst is too long");
    assert_eq!(PayloadError::UnknownVersion(2).to_string(), "unknown payload format version 2");
}
