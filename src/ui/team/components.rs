//! Components only the team app uses.

pub mod mirror_chart;
pub mod pin_form;
