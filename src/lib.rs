//! Spiegel: students and staff of an mbo team fill in mirrored vragenlijsten in the
//! browser, and the team compares both sides on one device. Nothing leaves the device
//! unless a user exports it on purpose.
//!
//! Crate map and layer rule (enforced by `tests/host/layering.rs`):
//!
//! ```text
//! ui  ──►  storage  ──►  domain
//!  └──────────────────►  domain
//! ```
//!
//! - [`domain`]: pure Rust. Instrument definitions, validation, sessions, sealing, the
//!   mirror's analysis and the export. Time, randomness and locale come in as arguments.
//!   No web or reactive imports, so everything here is tested on the host with
//!   `cargo test`.
//! - [`storage`]: browser storage behind the small [`storage::KeyValueStore`] trait, with a
//!   memory implementation for tests and as fallback. Stored shapes are versioned types of
//!   their own ([`storage::schema`]).
//! - `ui` (wasm32 only): thin Leptos pages and components. Data goes down, callbacks go up;
//!   every change to a session is a [`domain::session::Action`].

pub mod domain;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller in the download and
/// faster (docs/development.md, "Crates, and why"). Declared once, here, for every wasm
/// program built with the library: both apps, the QR worker and the browser tests and
/// benchmarks.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
