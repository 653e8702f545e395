//! The Leptos interface: thin pages and small components. Data goes down, callbacks go
//! up; pages turn callbacks into [`crate::domain::session::Action`]s.
//!
//! Allowed dependencies: `domain`, `storage`, `leptos`, `web_sys`, `js_sys`,
//! `wasm_bindgen`. No business rules live here.

pub mod browser;
pub mod builtins;
pub mod components;
pub mod context;
pub mod i18n;
pub mod panic;
pub mod shell;
pub mod student;
pub mod team;
