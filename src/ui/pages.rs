//! The screens of the app.

pub mod done;
pub mod export;
pub mod handover;
pub mod invite;
pub mod meting;
pub mod metingen;
pub mod mirror;
pub mod mirror_setup;
pub mod new_meting;
pub mod own;
pub mod receipt;
pub mod runner;
pub mod start;
