//! The screens of the app.

pub mod done;
pub mod own;
pub mod runner;
pub mod start;
