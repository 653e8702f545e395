//! App-wide services, provided once by [`super::App`] and read through accessors.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::collections::BTreeSet;

use crate::domain::catalog::Catalog;
use crate::domain::collect::Taken;
use crate::domain::envelope::Envelope;
use crate::domain::instrument::{self, Instrument};
use crate::domain::meting::{Meting, MetingId};
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::storage::collection;
use crate::storage::journal::{self, Loaded, Run};
use crate::storage::local::LocalStore;
use crate::storage::memory::MemoryStore;
use crate::storage::own;
use crate::storage::{KeyValueStore, StorageError, StorageKey};

/// The language the interface speaks. Screens are rebuilt when it changes (a rare event),
/// so components take the language as a plain value and their texts stay static: far
/// less code than a reactive closure per text.
#[derive(Clone, Copy)]
pub struct LangContext(pub RwSignal<Lang>);

/// The current language. [`super::App`] provides it; outside the app (a component
/// mounted alone in a test) a Dutch default is used instead of panicking.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<LangContext>().map_or_else(|| RwSignal::new(Lang::Nl), |c| c.0)
}

/// Why answers are not (or not all) kept on the device right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageWarning {
    /// The browser does not allow storage at all.
    Blocked,
    /// Storage is full.
    Full,
    /// A write failed for another reason.
    Failed,
    /// The same run is open in another tab of this browser: this one writes nothing.
    OtherTab,
}

/// Something the user should know once, e.g. that a corrupt entry was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A stored entry could not be read and was set aside.
    SetAside,
    /// Some stored answers no longer fit the instrument.
    AnswersDropped,
}

/// Where a completed response ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Stored on the device.
    OnDevice,
    /// The browser allows no storage: kept in memory only, until the page closes.
    InMemory,
    /// Writing failed (e.g. storage full): nothing changed, the answers are still there
    /// to send again.
    Failed,
}

/// The storage service: the browser's storage when it works, memory when it does not,
/// and the warnings the interface shows about it.
#[derive(Clone, Copy)]
pub struct Persist {
    store: StoredValue<Rc<dyn KeyValueStore>, LocalStorage>,
    /// Whether `store` is only memory because the browser refused storage.
    in_memory: bool,
    /// The banner to show about storage, if any.
    pub warning: RwSignal<Option<StorageWarning>>,
    /// A one-time notice, if any.
    pub notice: RwSignal<Option<Notice>>,
    /// The runs this tab holds (see [`Persist::claim_run`]).
    claimed: StoredValue<Vec<String>>,
}

impl Persist {
    /// Opens the browser's storage, or falls back to memory with a warning.
    pub fn open() -> Persist {
        match LocalStore::open() {
            Ok(store) => Persist::with_store(Rc::new(store), None),
            Err(e) => Persist::with_store(Rc::new(MemoryStore::default()), Some(warning_for(&e))),
        }
    }

    /// Uses a given store (tests use memory); `warning` is shown from the start.
    pub fn with_store(store: Rc<dyn KeyValueStore>, warning: Option<StorageWarning>) -> Persist {
        Persist {
            store: StoredValue::new_local(store),
            in_memory: warning == Some(StorageWarning::Blocked),
            warning: RwSignal::new(warning),
            notice: RwSignal::new(None),
            claimed: StoredValue::new(Vec::new()),
        }
    }

    fn store(&self) -> Rc<dyn KeyValueStore> {
        self.store.get_value()
    }

    /// The key-value store itself, for the team device's move of its first-version data
    /// into IndexedDB.
    pub fn kv(&self) -> Rc<dyn KeyValueStore> {
        self.store()
    }

    /// Takes the run in the session slot `slot` ([`journal::Run::slot`]) for this tab (the
    /// browser's Web Locks, held until the tab closes). If another tab holds it, this tab shows so and writes no session.
    /// Browsers without Web Locks carry on as before.
    pub fn claim_run(&self, slot: &str) {
        use wasm_bindgen::JsValue;
        if self.claimed.with_value(|c| c.iter().any(|i| i == slot)) {
            return;
        }
        self.claimed.update_value(|c| c.push(slot.to_string()));
        // `navigator.locks` is not in web-sys's stable API: reached through Reflect.
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return };
        let Ok(locks) = js_sys::Reflect::get(&navigator, &"locks".into()) else { return };
        let request = js_sys::Reflect::get(&locks, &"request".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(request) = request else { return };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
        let warning = self.warning;
        let callback = wasm_bindgen::closure::Closure::once_into_js(move |lock: JsValue| {
            if lock.is_null() {
                warning.set(Some(StorageWarning::OtherTab));
                return js_sys::Promise::resolve(&JsValue::NULL);
            }
            // Held until the tab closes: a promise that never settles.
            js_sys::Promise::new(&mut |_, _| {})
        });
        let name = JsValue::from_str(&format!("spiegel-run-{slot}"));
        let _ = request.call3(&locks, &name, &options, &callback);
    }

    fn outcome<T>(&self, result: Result<T, StorageError>) -> Option<T> {
        match result {
            Ok(v) => {
                let other_tab = self.warning.get_untracked() == Some(StorageWarning::OtherTab);
                if !self.in_memory && !other_tab && self.warning.get_untracked().is_some() {
                    self.warning.set(None);
                }
                Some(v)
            }
            Err(e) => {
                self.warning.set(Some(warning_for(&e)));
                None
            }
        }
    }

    /// The stored session of `run` for an instrument, if there is one to resume, with
    /// the time of its last answer (a kiosk's run only). Sets the notice when a corrupt
    /// entry was set aside or answers were dropped.
    pub fn load_run(&self, instrument: &Instrument, run: Run) -> Option<(Session, Option<u64>)> {
        match self.outcome(journal::load_session(&*self.store(), instrument, run))? {
            Loaded::Fresh => None,
            Loaded::Resumed { session, dropped, touched } => {
                if !dropped.is_empty() {
                    self.notice.set(Some(Notice::AnswersDropped));
                }
                Some((session, touched))
            }
            Loaded::SetAside { .. } => {
                self.notice.set(Some(Notice::SetAside));
                None
            }
        }
    }

    /// The stored session of `run` for an instrument, if there is one to resume.
    pub fn load_session(&self, instrument: &Instrument, run: Run) -> Option<Session> {
        self.load_run(instrument, run).map(|(s, _)| s)
    }

    /// Saves a session; on failure the warning banner appears and the session lives on in
    /// memory. Returns whether the device has it. A kiosk's run is stamped with the time.
    /// A tab that found the same run open in another tab writes nothing, so it never
    /// overwrites the other's answers.
    pub fn save_session(&self, instrument: &Instrument, run: Run, session: &Session) -> bool {
        if self.warning.get_untracked() == Some(StorageWarning::OtherTab) {
            return false;
        }
        let touched = matches!(run, Run::Kiosk(_)).then(crate::ui::browser::now_ms);
        let saved = journal::save_session(&*self.store(), instrument, run, session, touched);
        self.outcome(saved).is_some()
    }

    /// Hands a run kept by an earlier version of Spiegel to `run` (or, in a kiosk,
    /// removes it): see [`journal::adopt_earlier`]. Returns whether there was one.
    pub fn adopt_earlier(&self, instrument: &Instrument, run: Run) -> bool {
        self.outcome(journal::adopt_earlier(&*self.store(), instrument, run)).unwrap_or(false)
    }

    /// The team page: adds the own instrument files stored on this device to the
    /// catalogue, validating each, and sets aside any stored session or instrument that
    /// cannot be read (with a notice). Brings the checked copies the student page reads
    /// in line with what it accepted ([`own::sync_checked`]).
    pub fn load_instruments(&self, catalog: &mut Catalog) {
        let store = self.store();
        // Answers an earlier version kept in the clear outside a meting: nobody can
        // collect them, so they do not stay.
        let _ = journal::sweep_clear_responses(&*store);
        let sessions = self.outcome(journal::sweep_sessions(&*store));
        let instruments = self.outcome(journal::load_instruments(&*store, catalog));
        if sessions.into_iter().chain(instruments).any(|keys| !keys.is_empty()) {
            self.notice.set(Some(Notice::SetAside));
        }
        self.outcome(own::sync_checked(&*store, catalog));
    }

    /// The student page: adds the own instruments the team page accepted on this device
    /// to the catalogue, from their checked copies (no file is validated here), and sets
    /// aside any stored session that cannot be read (with a notice).
    pub fn load_checked_instruments(&self, catalog: &mut Catalog) {
        let store = self.store();
        if self.outcome(journal::sweep_sessions(&*store)).is_some_and(|keys| !keys.is_empty()) {
            self.notice.set(Some(Notice::SetAside));
        }
        for instrument in self.outcome(own::load_checked(&*store)).unwrap_or_default() {
            catalog.add_checked(instrument);
        }
    }

    /// Keeps an accepted own instrument file, and its checked copy for the student page.
    /// Returns whether the device has the file.
    pub fn save_instrument(&self, key: &str, json: &str) -> bool {
        let store = self.store();
        let saved = self.outcome(journal::save_instrument(&*store, key, json)).is_some();
        // The file was accepted, so it parses; a copy that cannot be written now is
        // written when the team page next loads its files.
        if let (true, Ok(instrument)) = (saved, instrument::parse(json)) {
            self.outcome(own::save_checked(&*store, &instrument));
        }
        saved
    }

    /// The instrument whose trial is in progress, if any.
    pub fn trial(&self) -> Option<String> {
        self.outcome(journal::trial(&*self.store())).flatten()
    }

    /// Remembers which instrument's trial is in progress.
    pub fn set_trial(&self, id: &str) {
        self.outcome(journal::set_trial(&*self.store(), Some(id)));
    }

    /// Ends a run without keeping anything in the clear: removes its session (and, for a
    /// trial, the mark that it is in progress). Returns whether that worked.
    pub fn end_run(&self, instrument_id: &str, run: Run) -> bool {
        self.outcome(journal::clear_session(&*self.store(), instrument_id, run)).is_some()
    }

    /// How a write of a sealed response went.
    fn kept(&self, result: Result<(), StorageError>) -> Kept {
        match self.outcome(result) {
            None => Kept::Failed,
            Some(()) if self.in_memory => Kept::InMemory,
            Some(()) => Kept::OnDevice,
        }
    }

    /// The metingen on this device (a notice if one had to be set aside).
    pub fn metingen(&self) -> Vec<Meting> {
        let Some((list, set_apart)) = self.outcome(collection::load_metingen(&*self.store()))
        else {
            return Vec::new();
        };
        if !set_apart.is_empty() {
            self.notice.set(Some(Notice::SetAside));
        }
        list
    }

    /// Whether this device's team store holds the meting (then a kiosk here delivers its
    /// responses straight into it). A failing read says no: the response then waits in
    /// the outbox, which loses nothing.
    pub fn holds_meting(&self, meting: MetingId) -> bool {
        collection::holds_meting(&*self.store(), meting).unwrap_or(false)
    }

    /// Marks in `localStorage` that the team store holds this meting, for a kiosk on this
    /// device. Returns whether that worked.
    pub fn hold(&self, meting: MetingId) -> bool {
        self.outcome(collection::hold(&*self.store(), meting)).is_some()
    }

    /// Marks in `localStorage` which metingen the team store holds, for a kiosk on this
    /// device. Returns whether that worked.
    pub fn mark_held(&self, metingen: &[MetingId]) -> bool {
        self.outcome(collection::mark_held(&*self.store(), metingen)).is_some()
    }

    /// Removes the first version's copy of a meting and its responses from
    /// `localStorage` (when the team deletes the meting). Returns whether that worked.
    pub fn forget_meting(&self, meting: MetingId) -> bool {
        self.outcome(collection::delete_meting(&*self.store(), meting)).is_some()
    }

    /// Keeps a meting. Returns whether the device has it.
    pub fn save_meting(&self, meting: &Meting) -> bool {
        self.outcome(collection::save_meting(&*self.store(), meting)).is_some()
    }

    /// Ids of the responses collected for a meting.
    pub fn inbox_ids(&self, meting: MetingId) -> BTreeSet<String> {
        self.outcome(collection::inbox_ids(&*self.store(), meting)).unwrap_or_default()
    }

    /// The number of students in a meting's class, if the team entered it.
    pub fn class_size(&self, meting: MetingId) -> Option<u32> {
        self.outcome(collection::class_size(&*self.store(), meting)).flatten()
    }

    /// Keeps (or forgets) the number of students in a meting's class. Returns whether
    /// the device kept it.
    pub fn set_class_size(&self, meting: MetingId, size: Option<u32>) -> bool {
        self.outcome(collection::set_class_size(&*self.store(), meting, size)).is_some()
    }

    /// Keeps newly collected responses, all or none.
    pub fn keep_taken(&self, meting: MetingId, taken: &[Taken]) -> bool {
        self.outcome(collection::keep_taken(&*self.store(), meting, taken)).is_some()
    }

    /// The sealed responses collected for a meting (entries that cannot be read are set
    /// aside, with a notice).
    pub fn inbox(&self, meting: MetingId) -> Vec<Envelope> {
        let Some((list, set_apart)) = self.outcome(collection::load_inbox(&*self.store(), meting))
        else {
            return Vec::new();
        };
        if !set_apart.is_empty() {
            self.notice.set(Some(Notice::SetAside));
        }
        list
    }

    /// Puts a sealed response straight into a meting's inbox on this device.
    pub fn deliver(&self, meting: MetingId, response_id: &str, envelope: &[u8]) -> Kept {
        self.kept(collection::deliver(&*self.store(), meting, response_id, envelope))
    }

    /// Keeps a sealed response until the team collects it.
    pub fn post(&self, meting: MetingId, slot: &str, envelope: &[u8]) -> Kept {
        self.kept(collection::post(&*self.store(), meting, slot, envelope).map(|_| ()))
    }

    /// The sealed responses waiting on this device for a meting.
    pub fn outbox(&self, meting: MetingId) -> Vec<(String, Envelope)> {
        self.outcome(collection::outbox(&*self.store(), meting)).unwrap_or_default()
    }

    /// Removes collected responses from this device.
    pub fn clear_outbox(&self, keys: &[String]) -> bool {
        self.outcome(collection::clear_outbox(&*self.store(), keys)).is_some()
    }

    /// The stored language, if any.
    pub fn lang(&self) -> Option<Lang> {
        let raw = self.store().get(&StorageKey::Lang.as_string()).ok().flatten()?;
        Some(Lang::from_code(&raw))
    }

    /// Remembers the language (a failure here is not worth a banner).
    pub fn set_lang(&self, lang: Lang) {
        let _ = self.store().set(&StorageKey::Lang.as_string(), lang.code());
    }
}

fn warning_for(e: &StorageError) -> StorageWarning {
    match e {
        StorageError::Unavailable(_) => StorageWarning::Blocked,
        StorageError::Full => StorageWarning::Full,
        StorageError::Failed(_) => StorageWarning::Failed,
    }
}

/// The storage service. [`super::App`] provides it; outside the app (a component
/// mounted alone in a test) answers are kept in memory instead of panicking.
pub fn use_persist() -> Persist {
    use_context::<Persist>()
        .unwrap_or_else(|| Persist::with_store(Rc::new(MemoryStore::default()), None))
}
