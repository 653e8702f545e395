//! The student app: what a phone that opens an invitation runs (the runner, the
//! receipt, the kiosk hand-over).

pub mod pages;
