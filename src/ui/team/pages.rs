//! The team app's screens.

pub mod export;
pub mod meting;
pub mod metingen;
pub mod mirror;
pub mod mirror_setup;
pub mod new_meting;
pub mod own;
