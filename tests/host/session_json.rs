//! The student's phone writes and reads its run without serde_json
//! (`storage::session_json`). A run stored by an earlier version (serde_json) must resume,
//! and what the phone writes now must read anywhere serde_json reads it: the two must
//! agree byte for byte on what is written and on what is refused.

use std::collections::BTreeMap;

use spiegel::storage::schema::{StoredAnswer, StoredSession, SESSION_SCHEMA, VERSION};
use spiegel::storage::session_json::{from_json, to_json};

use crate::support::Lcg;

/// Strings that need every kind of JSON escape, and characters beyond ASCII.
const AWKWARD: [&str; 9] = [
    "",
    "plain",
    "a \"quoted\" word",
    "back\\slash",
    "line\nbreak\tand tab\r",
    "\u{1}\u{8}\u{c}\u{1f}\u{7f}",
    "café, één, ﬁ",
    "emoji 😀 and 中文",
    "</script>",
];

fn text(rng: &mut Lcg) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(3) {
        s.push_str(AWKWARD[rng.below(AWKWARD.len())]);
    }
    s
}

fn answer(rng: &mut Lcg) -> StoredAnswer {
    match rng.below(7) {
        0 => StoredAnswer::Choice(text(rng)),
        1 => StoredAnswer::Choices((0..rng.below(4)).map(|_| text(rng)).collect()),
        2 => StoredAnswer::Number(match rng.below(4) {
            0 => i64::MIN,
            1 => i64::MAX,
            _ => rng.next() as i64 >> rng.below(64),
        }),
        3 => StoredAnswer::Text(text(rng)),
        4 => StoredAnswer::Rows((0..rng.below(4)).map(|_| (text(rng), text(rng))).collect()),
        5 => StoredAnswer::DontKnow,
        _ => StoredAnswer::Skipped,
    }
}

fn session(rng: &mut Lcg) -> StoredSession {
    let mut answers = BTreeMap::new();
    for _ in 0..rng.below(40) {
        answers.insert(text(rng), answer(rng));
    }
    StoredSession {
        schema: SESSION_SCHEMA.into(),
        version: VERSION,
        instrument: text(rng),
        instrument_version: "2.0.0".into(),
        position: (rng.below(3) > 0).then(|| text(rng)),
        answers,
        touched: (rng.below(2) == 0).then(|| rng.next()),
    }
}

#[test]
fn a_run_is_written_exactly_as_serde_json_wrote_it_and_reads_back_both_ways() {
    let mut rng = Lcg(0x5e55_1014);
    for n in 0..500 {
        let s = session(&mut rng);
        let ours = to_json(&s);
        assert_eq!(ours, serde_json::to_string(&s).unwrap(), "session {n} written differently");
        assert_eq!(from_json(&ours).as_ref(), Some(&s), "session {n} does not read back");
        let theirs: StoredSession = serde_json::from_str(&ours).unwrap();
        assert_eq!(theirs, s, "serde_json reads session {n} differently");
        let pretty = serde_json::to_string_pretty(&s).unwrap();
        assert_eq!(from_json(&pretty).as_ref(), Some(&s), "pretty session {n}");
    }
}

#[test]
fn what_serde_json_accepts_for_a_session_is_read_the_same() {
    let accepted = [
        // No position and no touched: both optional.
        r#"{"schema":"spiegel.session","version":1,"instrument":"i","instrument_version":"1","answers":{}}"#,
        r#"{"schema":"spiegel.session","version":1,"instrument":"i","instrument_version":"1","position":null,"answers":{},"touched":null}"#,
        // Fields in another order, with spaces and escapes written another way.
        " { \"answers\" : { \"q\\u00e9\" : { \"dont_know\" : null } , \"e\" : \"skipped\" } ,
          \"touched\" : 17 , \"position\" : \"\\ud83d\\ude00\" , \"instrument_version\" : \"1\" ,
          \"instrument\" : \"i\\/j\" , \"version\" : 1 , \"schema\" : \"x\" } ",
        r#"{"schema":"s","version":4294967295,"instrument":"i","instrument_version":"1","answers":{"n":{"number":-9223372036854775808},"m":{"number":9223372036854775807},"r":{"rows":{}},"c":{"choices":[]}}}"#,
    ];
    for raw in accepted {
        let theirs: StoredSession = serde_json::from_str(raw).unwrap();
        assert_eq!(from_json(raw), Some(theirs), "{raw}");
    }
}

#[test]
fn what_serde_json_refuses_for_a_session_is_refused() {
    let base = |answers: &str, extra: &str| {
        format!(
            r#"{{"schema":"spiegel.session","version":1,"instrument":"i","instrument_version":"1","answers":{answers}{extra}}}"#
        )
    };
    let refused = [
        String::new(),
        "null".into(),
        "[]".into(),
        "{}".into(),
        base("{}", "").replace('}', ""),
        base("{}", ",\"extra\":1"),
        base("{}", ",\"touched\":-1"),
        base("{}", ",\"touched\":1.5"),
        base("{}", ",\"position\":3"),
        base("[]", ""),
        base("{\"q\":\"maybe\"}", ""),
        base("{\"q\":{\"choice\":1}}", ""),
        base("{\"q\":{\"choice\":\"a\",\"text\":\"b\"}}", ""),
        base("{\"q\":{\"dont_know\":1}}", ""),
        base("{\"q\":{\"number\":1.5}}", ""),
        base("{\"q\":{\"number\":9223372036854775808}}", ""),
        base("{\"q\":{\"choices\":[\"a\",2]}}", ""),
        base("{\"q\":{\"rows\":{\"r\":1}}}", ""),
        base("{\"q\":{}}", ""),
        base("{}", "").replace("\"version\":1", "\"version\":\"1\""),
        base("{}", "").replace("\"version\":1", "\"version\":4294967296"),
        base("{}", "").replace("\"version\":1", "\"version\":-1"),
        base("{}", "").replace("\"instrument\":\"i\",", ""),
        base("{}", "").replace("\"answers\":{}", "\"answers\":null"),
        base("{}", "") + "x",
        base("{\"q\":\"skipped\"", ""),
        "{\"schema\":\"\\ud83d\"}".into(),
    ];
    for raw in &refused {
        assert!(serde_json::from_str::<StoredSession>(raw).is_err(), "serde_json reads {raw}");
        assert_eq!(from_json(raw), None, "read: {raw}");
    }
}
