//! The student app: what a phone that opens an invitation runs (the start screen, the
//! runner, the receipt, the kiosk hand-over). Students and staff answering a vragenlijst
//! both use it. Its page is `index.html`, its bundle the `student` binary.

mod app;
pub mod pages;

pub use app::App;
