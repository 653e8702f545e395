//! The team app: the screens only the team device runs (metingen, import, mirror,
//! export, own instruments). Its page is `team.html`, its bundle the `team` binary,
//! which a student's phone never downloads.

mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod scan;
pub mod store;

pub use app::App;
