//! Pure questionnaire logic: instrument definitions and their validation, answers,
//! `show_if` conditions and the runner session.
//!
//! Allowed dependencies: `std`, `serde`, `serde_json`, `thiserror`. No `leptos`, `web_sys`,
//! `js_sys`, `wasm_bindgen` or `gloo`, no clock and no randomness: those come in as
//! arguments. `tests/host/layering.rs` enforces this.

pub mod analysis;
pub mod answer;
pub mod backup;
pub mod builtin;
pub mod calendar;
pub mod catalog;
pub mod checksum;
pub mod collect;
pub mod condition;
pub mod envelope;
pub mod export;
pub mod hex;
pub mod instrument;
pub mod json;
pub mod limits;
pub mod meting;
pub mod passphrase;
pub mod payload;
pub mod qr;
pub mod response;
pub mod seal;
pub mod session;
pub mod text;
pub mod varint;
