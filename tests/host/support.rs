//! Shared helpers: fixture instruments and JSON edits.

use serde_json::Value;
use spiegel::domain::instrument::{parse, Instrument};

/// The three-item fixture (yes/no, a stage section shown on "ja", optional open text).
pub const MINIMAL: &str = include_str!("../fixtures/instruments/minimal.json");
/// One item of every kind.
pub const KINDS: &str = include_str!("../fixtures/instruments/kinds.json");

/// Parses a fixture that must be valid.
pub fn instrument(json: &str) -> Instrument {
    match parse(json) {
        Ok(i) => i,
        Err(problems) => panic!("fixture should be valid: {problems:#?}"),
    }
}

/// The fixture as a JSON value, edited by `edit`, back as text.
pub fn edited(json: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(json).unwrap();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

/// The value at a JSON pointer, which must exist.
pub fn at<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
    v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in fixture"))
}
