//! Browser persistence behind a small trait.
//!
//! [`KeyValueStore`] is the only thing the rest of the app knows about storage. The
//! browser implementation (`local`, wasm32 only) is the one place that touches
//! `window.localStorage`; [`memory::MemoryStore`] serves tests and is the fallback when
//! the browser blocks storage. Stored shapes are versioned types of their own
//! ([`schema`]), so a refactor of the domain cannot silently change what is already on
//! students' devices. [`journal`] holds the rules for saving, resuming and setting aside
//! corrupt entries, written against the trait so they are tested on the host.

pub mod collection;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod journal;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod memory;
pub mod own;
pub mod schema;
pub mod session_json;
pub mod team;

use thiserror::Error;

/// Why storage failed. Plain strings, so errors cross into the UI and tests easily.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser does not allow storage here (private mode, managed settings).
    #[error("storage is not available: {0}")]
    Unavailable(String),
    /// Storage is full.
    #[error("storage is full")]
    Full,
    /// Any other failure while reading or writing.
    #[error("storage failed: {0}")]
    Failed(String),
}

/// A string key-value store, like `localStorage`. Methods take `&self` so that one store
/// can be shared by the whole app.
pub trait KeyValueStore {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`, durably before returning.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` (no error if it was not there).
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key currently stored.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Every key Spiegel stores, with a versioned prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageKey {
    /// The session in progress for an instrument, by its slot
    /// ([`journal::Run::slot`]: the instrument id and the meting and mode of the run).
    Session(String),
    /// A response kept in the clear by an earlier version of Spiegel outside any meting:
    /// never readable by the team, removed when the app opens
    /// ([`journal::sweep_clear_responses`]).
    Response(String),
    /// The chosen language.
    Lang,
    /// An own instrument file opened on this device, by instrument id.
    Instrument(String),
    /// The checked form of an own instrument the team page accepted, in hexadecimal, by
    /// `<id>@<version>` ([`own`]).
    Checked(String),
    /// The id of the instrument whose run was in progress in an earlier version of
    /// Spiegel; only read to hand that run on ([`journal::adopt_earlier`]).
    Active,
    /// The id of the instrument whose trial run is in progress, to resume after a reload.
    Trial,
    /// A corrupt entry set aside, numbered.
    SetAside(u32),
    /// A meting made on this (team) device, by meting id.
    Meting(String),
    /// A sealed response collected for a meting on this team device: meting id, response id.
    Inbox(String, String),
    /// A sealed response waiting on this device until the team collects it: meting id and
    /// a random id of its own.
    Outbox(String, String),
    /// The ids of a meting's responses the mirror has shown, by meting id: the first
    /// version's place for them, moved into the team store at the team page's start.
    Released(String),
    /// A marker (no secret, no answer) that this device's team store holds the meting: a
    /// kiosk on this device delivers its responses straight into the meting
    /// ([`StorageKey::Inbox`]) instead of the outbox. Kept in step by the team page.
    Held(String),
    /// The number of students in a meting's class, as the team entered it, by meting id.
    ClassSize(String),
}

/// Prefix of every key, so Spiegel never touches other apps' data on a shared origin.
pub const PREFIX: &str = "spiegel.v1.";

impl StorageKey {
    /// The key as stored.
    pub fn as_string(&self) -> String {
        match self {
            StorageKey::Session(id) => format!("{PREFIX}session.{id}"),
            StorageKey::Response(id) => format!("{PREFIX}response.{id}"),
            StorageKey::Lang => format!("{PREFIX}lang"),
            StorageKey::Instrument(id) => format!("{PREFIX}instrument.{id}"),
            StorageKey::Checked(id) => format!("{PREFIX}checked.{id}"),
            StorageKey::Active => format!("{PREFIX}active"),
            StorageKey::Trial => format!("{PREFIX}trial"),
            StorageKey::SetAside(n) => format!("{PREFIX}set-aside.{n}"),
            StorageKey::Meting(id) => format!("{PREFIX}meting.{id}"),
            StorageKey::Inbox(m, r) => format!("{PREFIX}inbox.{m}.{r}"),
            StorageKey::Outbox(m, r) => format!("{PREFIX}outbox.{m}.{r}"),
            StorageKey::Released(m) => format!("{PREFIX}released.{m}"),
            StorageKey::Held(m) => format!("{PREFIX}held.{m}"),
            StorageKey::ClassSize(m) => format!("{PREFIX}class.{m}"),
        }
    }
}
