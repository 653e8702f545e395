//! A session in progress as JSON, the shape of [`StoredSession`] (version 1), written and
//! read without serde_json: the student's phone saves its run after every answer, and
//! serde_json for this one shape cost 5.5 KB (brotli) more of the student app's download
//! than this module and miniserde. What is written is exactly what `serde_json::to_string` writes for a
//! [`StoredSession`], byte for byte, and what serde_json wrote is read back (host tests
//! check both), so a run stored by an earlier version resumes.
//!
//! Writing uses the project's serde-exact JSON writer ([`crate::domain::json`]).
//! Reading parses with [`miniserde`] (a small JSON parser that keeps no type information
//! in generated code) into a JSON value, then takes the session from it, refusing
//! anything serde_json would refuse for this shape: a field it does not know, a field of
//! the wrong type, a number out of range. One difference: of a field written twice, the
//! last one counts (serde_json refuses it); nothing Spiegel writes repeats a field.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use miniserde::json::{self, Number, Object, Value};

use super::schema::{StoredAnswer, StoredSession};
use crate::domain::json::{array, object, string};

/// The fields of a stored session, in the order they are written.
const FIELDS: [&str; 7] =
    ["schema", "version", "instrument", "instrument_version", "position", "answers", "touched"];

/// Writes `session` as JSON: fields in declaration order, `touched` left out when absent,
/// answers and matrix rows in key order, strings escaped as serde_json escapes them.
pub fn to_json(session: &StoredSession) -> String {
    let mut out = String::with_capacity(256 + 32 * session.answers.len());
    out.push_str("{\"schema\":");
    string(&mut out, &session.schema);
    let _ = write!(out, ",\"version\":{},\"instrument\":", session.version);
    string(&mut out, &session.instrument);
    out.push_str(",\"instrument_version\":");
    string(&mut out, &session.instrument_version);
    out.push_str(",\"position\":");
    match &session.position {
        Some(p) => string(&mut out, p),
        None => out.push_str("null"),
    }
    out.push_str(",\"answers\":");
    object(&mut out, &session.answers, push_answer);
    if let Some(t) = session.touched {
        let _ = write!(out, ",\"touched\":{t}");
    }
    out.push('}');
    out
}

/// Reads a session written by [`to_json`] (or by serde_json from a [`StoredSession`]).
/// `None` if `raw` is not such a session; whether its schema and version are the ones
/// this app reads is the caller's question.
pub fn from_json(raw: &str) -> Option<StoredSession> {
    let Value::Object(o) = json::from_str::<Value>(raw).ok()? else {
        return None;
    };
    if o.keys().any(|k| !FIELDS.contains(&k.as_str())) {
        return None;
    }
    let position = match o.get("position") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return None,
    };
    let touched = match o.get("touched") {
        None | Some(Value::Null) => None,
        Some(v) => Some(unsigned(v)?),
    };
    let Value::Object(stored) = o.get("answers")? else {
        return None;
    };
    let mut answers = BTreeMap::new();
    for (item, answer) in stored.iter() {
        answers.insert(item.clone(), answer_from(answer)?);
    }
    Some(StoredSession {
        schema: text(o.get("schema")?)?,
        version: u32::try_from(unsigned(o.get("version")?)?).ok()?,
        instrument: text(o.get("instrument")?)?,
        instrument_version: text(o.get("instrument_version")?)?,
        position,
        answers,
        touched,
    })
}

/// One answer as serde writes an externally tagged enum: `"dont_know"`, or an object
/// with the variant's name as its one key.
fn push_answer(out: &mut String, answer: &StoredAnswer) {
    let tag = match answer {
        StoredAnswer::DontKnow => return string(out, "dont_know"),
        StoredAnswer::Skipped => return string(out, "skipped"),
        StoredAnswer::Choice(_) => "choice",
        StoredAnswer::Choices(_) => "choices",
        StoredAnswer::Number(_) => "number",
        StoredAnswer::Text(_) => "text",
        StoredAnswer::Rows(_) => "rows",
    };
    out.push('{');
    string(out, tag);
    out.push(':');
    match answer {
        StoredAnswer::Choice(s) | StoredAnswer::Text(s) => string(out, s),
        StoredAnswer::Number(n) => {
            let _ = write!(out, "{n}");
        }
        StoredAnswer::Choices(codes) => array(out, codes, |out, c| string(out, c)),
        StoredAnswer::Rows(rows) => object(out, rows, |out, code| string(out, code)),
        StoredAnswer::DontKnow | StoredAnswer::Skipped => {}
    }
    out.push('}');
}

/// Reads one answer: a unit variant as a string (or, as serde also reads it, an object
/// `{"dont_know": null}`), any other as an object with exactly one key.
fn answer_from(v: &Value) -> Option<StoredAnswer> {
    let (tag, inner) = match v {
        Value::String(tag) => (tag.as_str(), &Value::Null),
        Value::Object(o) if o.len() == 1 => o.iter().next().map(|(k, v)| (k.as_str(), v))?,
        _ => return None,
    };
    Some(match (tag, inner) {
        ("dont_know", Value::Null) => StoredAnswer::DontKnow,
        ("skipped", Value::Null) => StoredAnswer::Skipped,
        ("choice", Value::String(s)) => StoredAnswer::Choice(s.clone()),
        ("text", Value::String(s)) => StoredAnswer::Text(s.clone()),
        ("number", Value::Number(Number::U64(n))) => StoredAnswer::Number(i64::try_from(*n).ok()?),
        ("number", Value::Number(Number::I64(n))) => StoredAnswer::Number(*n),
        ("choices", Value::Array(codes)) => {
            StoredAnswer::Choices(codes.iter().map(text).collect::<Option<_>>()?)
        }
        ("rows", Value::Object(rows)) => StoredAnswer::Rows(string_map(rows)?),
        _ => return None,
    })
}

fn string_map(o: &Object) -> Option<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (k, v) in o.iter() {
        out.insert(k.clone(), text(v)?);
    }
    Some(out)
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn unsigned(v: &Value) -> Option<u64> {
    match v {
        Value::Number(Number::U64(n)) => Some(*n),
        _ => None,
    }
}
