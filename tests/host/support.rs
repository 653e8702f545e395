//! Shared helpers: fixture instruments, JSON edits and a small random generator.

use serde_json::Value;
use spiegel::domain::builtin;
use spiegel::domain::catalog::Catalog;
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

/// The newest built-in student vragenlijst.
pub fn student() -> Instrument {
    Catalog::with_builtins().current(builtin::STUDENT_ID).cloned().unwrap()
}

/// A tiny deterministic random generator (64-bit LCG, high bits out), for test inputs.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next random value.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 11
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }

    /// `N` random bytes, for seeds.
    pub fn array<const N: usize>(&mut self) -> [u8; N] {
        std::array::from_fn(|_| self.next() as u8)
    }
}
