//! The team app: the screens only the team device runs (metingen, import, mirror,
//! export, own instruments).

mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod scan;

pub use app::App;
