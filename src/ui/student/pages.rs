//! The student app's screens.

pub mod done;
pub mod handover;
pub mod invite;
pub mod join;
pub mod receipt;
pub mod runner;
pub mod start;
