//! What binds a response to the exact vragenlijst it answers: the content hash of the
//! instrument file.
//!
//! The hash is SHA-256 of the file's canonical JSON ([`canonical_json`]: keys sorted by
//! their UTF-8 bytes, no whitespace), so it does not change when a file is re-indented or
//! its keys are reordered, and changes with anything a respondent or the analysis could
//! notice: a text, an option, the order of options. Two files with the same id and
//! version but another hash are two different vragenlijsten, and the catalogue refuses the
//! second ([`crate::domain::catalog::Catalog::accept`]).

use sha2::{Digest, Sha256};

use crate::domain::{hex, json};

/// The SHA-256 content hash of an instrument file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContentHash(pub [u8; 32]);

impl ContentHash {
    /// `sha256:` and 64 lowercase hexadecimal characters.
    pub fn to_text(&self) -> String {
        format!("sha256:{}", hex::encode(&self.0))
    }

    /// Reads [`ContentHash::to_text`] back.
    pub fn from_text(text: &str) -> Option<ContentHash> {
        let bytes = hex::decode(text.strip_prefix("sha256:")?)?;
        Some(ContentHash(bytes.try_into().ok()?))
    }

    /// The first four bytes, which a response payload carries to name the exact
    /// vragenlijst it was given to.
    pub fn fingerprint(&self) -> [u8; 4] {
        [self.0[0], self.0[1], self.0[2], self.0[3]]
    }
}

/// The content hash of an instrument file; `None` when `json` is not JSON at all.
///
/// ```
/// use spiegel::domain::instrument::content_hash;
/// let a = content_hash(r#"{"id": "x", "version": "1"}"#).unwrap();
/// let b = content_hash("{\n  \"version\": \"1\",\n  \"id\": \"x\"\n}").unwrap();
/// assert_eq!(a, b, "indentation and key order do not count");
/// assert_ne!(a, content_hash(r#"{"id": "x", "version": "2"}"#).unwrap());
/// ```
pub fn content_hash(json: &str) -> Option<ContentHash> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    Some(ContentHash(Sha256::digest(canonical_json(&value).as_bytes()).into()))
}

/// `value` as canonical JSON: object keys sorted by their UTF-8 bytes, no whitespace,
/// strings escaped as serde_json escapes them (exactly `"`, `\` and control characters).
pub fn canonical_json(value: &serde_json::Value) -> String {
    let mut out = String::new();
    canonical(value, &mut out);
    out
}

fn canonical(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value as V;
    match value {
        V::Object(map) => {
            let mut entries: Vec<(&String, &V)> = map.iter().collect();
            // Keys are unique: an unstable sort gives the one order.
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            json::object(out, entries, |out, v| canonical(v, out));
        }
        V::Array(list) => json::array(out, list, |out, v| canonical(v, out)),
        V::String(s) => json::string(out, s),
        other => out.push_str(&other.to_string()),
    }
}
