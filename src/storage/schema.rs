//! The shapes Spiegel stores, version 1. They are separate from the domain types on
//! purpose: what is on a device today must still read after the domain changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::answer::Answer;
use crate::domain::response::Response;
use crate::domain::session::Position;

/// Schema name of a stored session.
pub const SESSION_SCHEMA: &str = "spiegel.session";
/// Schema name of a stored response.
pub const RESPONSE_SCHEMA: &str = "spiegel.response";
/// Schema name of a stored meting.
pub const METING_SCHEMA: &str = "spiegel.meting";
/// Version of all three shapes.
pub const VERSION: u32 = 1;

/// A session in progress, as stored after every answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredSession {
    /// Always [`SESSION_SCHEMA`].
    pub schema: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Instrument id.
    pub instrument: String,
    /// Instrument version the answers were given to.
    pub instrument_version: String,
    /// Current item id, or `None` at the end screen.
    pub position: Option<String>,
    /// Answers by item id.
    pub answers: BTreeMap<String, StoredAnswer>,
    /// A kiosk's run only: when its last answer was given (milliseconds since 1970), so
    /// a reload resumes it only while its student can still be at the device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touched: Option<u64>,
}

/// A completed response, kept on the device until the team collects it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredResponse {
    /// Always [`RESPONSE_SCHEMA`].
    pub schema: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Random id, made on the device; used only to avoid counting a response twice.
    pub id: String,
    /// Instrument id.
    pub instrument: String,
    /// Instrument version.
    pub instrument_version: String,
    /// ISO week of submission, e.g. `2026-W48`: coarse on purpose.
    pub week: String,
    /// Answers by item id (only items that were shown).
    pub answers: BTreeMap<String, StoredAnswer>,
}

/// A meting made on this team device. The key pair is only here wrapped under the PIN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredMeting {
    /// Always [`METING_SCHEMA`].
    pub schema: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Meting id, 16 hexadecimal characters.
    pub id: String,
    /// Instrument id.
    pub instrument: String,
    /// Instrument version.
    pub instrument_version: String,
    /// The instrument's content hash (`sha256:…`); absent in metingen stored before it
    /// was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument_hash: Option<String>,
    /// The team's own label.
    pub label: String,
    /// Opleidingsdomein code, if given.
    pub domein: Option<String>,
    /// Niveau code, if given.
    pub niveau: Option<String>,
    /// Leerweg code, if given.
    pub leerweg: Option<String>,
    /// ISO week it was made.
    pub week: String,
    /// The wrapped key pair ([`crate::domain::seal::WrappedKey::to_bytes`]) in hexadecimal.
    pub key: String,
}

/// One stored answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoredAnswer {
    /// One code.
    Choice(String),
    /// Several codes.
    Choices(Vec<String>),
    /// A number.
    Number(i64),
    /// Free text.
    Text(String),
    /// Matrix rows.
    Rows(BTreeMap<String, String>),
    /// "Weet ik niet".
    DontKnow,
    /// "Sla over".
    Skipped,
}

impl From<&Answer> for StoredAnswer {
    fn from(a: &Answer) -> StoredAnswer {
        match a {
            Answer::Choice(c) => StoredAnswer::Choice(c.clone()),
            Answer::Choices(c) => StoredAnswer::Choices(c.clone()),
            Answer::Number(n) => StoredAnswer::Number(*n),
            Answer::Text(t) => StoredAnswer::Text(t.clone()),
            Answer::Rows(r) => StoredAnswer::Rows(r.clone()),
            Answer::DontKnow => StoredAnswer::DontKnow,
            Answer::Skipped => StoredAnswer::Skipped,
        }
    }
}

impl From<StoredAnswer> for Answer {
    fn from(a: StoredAnswer) -> Answer {
        match a {
            StoredAnswer::Choice(c) => Answer::Choice(c),
            StoredAnswer::Choices(c) => Answer::Choices(c),
            StoredAnswer::Number(n) => Answer::Number(n),
            StoredAnswer::Text(t) => Answer::Text(t),
            StoredAnswer::Rows(r) => Answer::Rows(r),
            StoredAnswer::DontKnow => Answer::DontKnow,
            StoredAnswer::Skipped => Answer::Skipped,
        }
    }
}

impl From<StoredResponse> for Response {
    fn from(r: StoredResponse) -> Response {
        let mut answers = BTreeMap::new();
        for (k, v) in r.answers {
            answers.insert(k, v.into());
        }
        Response {
            id: r.id,
            instrument: r.instrument,
            instrument_version: r.instrument_version,
            week: r.week,
            answers,
        }
    }
}

/// Stored answers from domain answers. (A loop of inserts rather than `collect`, which
/// would sort first and add a sort routine per element type to the download.)
pub fn store_answers<'a>(
    answers: impl IntoIterator<Item = (&'a String, &'a Answer)>,
) -> BTreeMap<String, StoredAnswer> {
    let mut out = BTreeMap::new();
    for (k, v) in answers {
        out.insert(k.clone(), v.into());
    }
    out
}

/// The stored form of a position.
pub fn store_position(p: &Position) -> Option<String> {
    match p {
        Position::Item(id) => Some(id.clone()),
        Position::End => None,
    }
}
