//! The one host integration-test crate: instruments, sessions, storage and the layering
//! rule, run with plain `cargo test` (no browser).

#[path = "host/instrument.rs"]
mod instrument;
#[path = "host/layering.rs"]
mod layering;
#[path = "host/session.rs"]
mod session;
#[path = "host/storage.rs"]
mod storage;
#[path = "host/support.rs"]
mod support;
