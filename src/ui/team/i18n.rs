//! The team app's words.

pub mod export;
pub mod mirror;
pub mod team;
