//! The one host integration-test crate: instruments, sessions, storage and the layering
//! rule, run with plain `cargo test` (no browser).
// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

#[path = "host/analysis.rs"]
mod analysis;
#[path = "host/checked.rs"]
mod checked;
#[path = "host/collect.rs"]
mod collect;
// The JSON Schema validator is a host-only dev-dependency (see Cargo.toml).
#[cfg(not(target_arch = "wasm32"))]
#[path = "host/export.rs"]
mod export;
#[cfg(not(target_arch = "wasm32"))]
#[path = "host/export_joins.rs"]
mod export_joins;
#[path = "host/instrument.rs"]
mod instrument;
#[path = "host/invitation.rs"]
mod invitation;
#[path = "host/layering.rs"]
mod layering;
#[path = "host/length.rs"]
mod length;
#[path = "host/mirror.rs"]
mod mirror;
#[path = "host/passphrase.rs"]
mod passphrase;
#[path = "host/payload.rs"]
mod payload;
#[path = "host/qr.rs"]
mod qr;
#[path = "host/routing.rs"]
mod routing;
#[path = "host/seal.rs"]
mod seal;
#[path = "common/seed000.rs"]
mod seed000;
#[path = "host/seed_class.rs"]
mod seed_class;
#[path = "host/session.rs"]
mod session;
#[path = "host/session_json.rs"]
mod session_json;
#[path = "host/storage.rs"]
mod storage;
#[path = "host/summary.rs"]
mod summary;
#[path = "host/support.rs"]
mod support;
#[path = "common/synthetic.rs"]
mod synthetic;
#[path = "host/team_store.rs"]
mod team_store;
#[path = "host/versions.rs"]
mod versions;
