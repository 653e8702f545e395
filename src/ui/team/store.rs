//! The team device's data in the interface: opens the team store (IndexedDB, or memory
//! with a warning when the browser refuses it), moves the first version's data out of
//! `localStorage`, and keeps a copy of the metingen and their sealed responses in memory
//! so screens read them at once. Every write goes to the store first; the copy changes
//! only once the store has it.
//!
//! The student page never opens the team store (a phone downloads none of it). A kiosk
//! on the team device finds the metingen this device holds by a marker per meting in
//! `localStorage` ([`crate::storage::StorageKey::Held`], kept in step here) and writes
//! its sealed responses there; this service moves them into the team store when the team
//! page starts, and at once when another tab writes one while the team page is open.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::envelope::Envelope;
use crate::domain::meting::{Meting, MetingId};
use crate::storage::idb::IdbTeamStore;
use crate::storage::team::{self, Carry, MemoryTeamStore, TeamMeting, TeamStore};
use crate::storage::{StorageError, StorageKey};
use crate::ui::context::Persist;

/// What the team device knows about its storage, for the storage screen and banners.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageFacts {
    /// Whether IndexedDB could not be opened (then nothing is kept after closing).
    pub in_memory: bool,
    /// The browser's answer to `navigator.storage.persist()`; `None` while unknown.
    pub persisted: Option<bool>,
    /// Bytes used by this site, as the browser estimates.
    pub usage: Option<f64>,
    /// Bytes this site may use, as the browser estimates.
    pub quota: Option<f64>,
    /// Entries that could not be read and were set aside (kept, not deleted).
    pub set_aside: usize,
    /// What the move from the first version found, if it moved anything.
    pub migrated: Option<team::Migration>,
    /// The last failure, if any.
    pub error: Option<String>,
}

/// The team store and its copy in memory.
#[derive(Clone, Copy)]
pub struct TeamService {
    store: StoredValue<Option<Rc<dyn TeamStore>>, LocalStorage>,
    persist: Persist,
    /// How responses waiting in `localStorage` come in ([`Carry::Copy`] in memory).
    carry: StoredValue<Carry>,
    /// A move of waiting responses is running; `true` inside means another was asked for.
    moving: StoredValue<Option<bool>>,
    metingen: RwSignal<Vec<TeamMeting>>,
    inboxes: StoredValue<BTreeMap<MetingId, Vec<(String, Envelope)>>>,
    /// Becomes true once the store is open and read.
    pub ready: RwSignal<bool>,
    /// What the storage screen shows.
    pub facts: RwSignal<StorageFacts>,
    /// Bumped whenever responses change, so screens that count them redraw.
    pub version: RwSignal<u64>,
    /// Bumped when responses a kiosk in another tab delivered were taken in while this
    /// page was open, so the open meting's screen redraws with them.
    pub arrived: RwSignal<u64>,
}

impl TeamService {
    /// Opens the store in the background; `ready` turns true when it is read.
    pub fn open(persist: Persist) -> TeamService {
        let service = TeamService {
            store: StoredValue::new_local(None),
            persist,
            carry: StoredValue::new(Carry::Move),
            moving: StoredValue::new(None),
            metingen: RwSignal::new(Vec::new()),
            inboxes: StoredValue::new(BTreeMap::new()),
            ready: RwSignal::new(false),
            facts: RwSignal::new(StorageFacts::default()),
            version: RwSignal::new(0),
            arrived: RwSignal::new(0),
        };
        leptos::task::spawn_local(async move {
            let (store, in_memory): (Rc<dyn TeamStore>, bool) = match IdbTeamStore::open().await {
                Ok(s) => (Rc::new(s), false),
                Err(_) => (Rc::new(MemoryTeamStore::default()), true),
            };
            service.store.set_value(Some(store.clone()));
            let carry = if in_memory { Carry::Copy } else { Carry::Move };
            service.carry.set_value(carry);
            service.facts.update(|f| f.in_memory = in_memory);
            let kv = persist.kv();
            match team::migrate(&*kv, &*store, carry).await {
                Ok(m) if m != team::Migration::default() && carry == Carry::Move => {
                    service.facts.update(|f| f.migrated = Some(m));
                }
                Ok(_) => {}
                Err(e) => service.fail(&e),
            }
            service.reload().await;
            service.ready.set(true);
            service.refresh_estimate().await;
        });
        // A kiosk in another tab of this browser delivered a response: take it in now.
        // `spiegel.v1.inbox.`: the key of an empty meting and response id ends in `..`.
        let inbox = StorageKey::Inbox(String::new(), String::new()).as_string();
        let inbox = inbox.trim_end_matches('.').to_string() + ".";
        let listener = window_event_listener(leptos::ev::storage, move |e| {
            let written = e.new_value().is_some();
            if written && e.key().is_some_and(|k| k.starts_with(&inbox)) {
                service.take_waiting();
            }
        });
        on_cleanup(move || listener.remove());
        service
    }

    /// Moves responses a kiosk on this device left in `localStorage` into the team store,
    /// then reads the store again. One move at a time; asked again while one runs, it runs
    /// once more afterwards.
    pub fn take_waiting(self) {
        if self.store().is_none() {
            return;
        }
        if let Some(again) = self.moving.get_value() {
            if !again {
                self.moving.set_value(Some(true));
            }
            return;
        }
        self.moving.set_value(Some(false));
        leptos::task::spawn_local(async move {
            loop {
                let Some(store) = self.store() else { break };
                let kv = self.persist.kv();
                let moved = team::migrate(&*kv, &*store, self.carry.get_value()).await;
                if let Err(e) = &moved {
                    self.fail(e);
                }
                self.reload().await;
                if moved.is_ok_and(|m| m.responses > 0) {
                    self.arrived.update(|n| *n += 1);
                }
                if self.moving.get_value() != Some(true) {
                    break;
                }
                self.moving.set_value(Some(false));
            }
            self.moving.set_value(None);
        });
    }

    fn fail(self, e: &StorageError) {
        self.facts.update(|f| f.error = Some(e.to_string()));
    }

    fn store(self) -> Option<Rc<dyn TeamStore>> {
        self.store.get_value()
    }

    /// Reads everything from the store again into the copy.
    pub async fn reload(self) {
        let Some(store) = self.store() else { return };
        let started = js_sys::Date::now();
        let (list, bad) = match team::load(&*store).await {
            Ok(v) => v,
            Err(e) => {
                self.fail(&e);
                return;
            }
        };
        let mut inboxes = BTreeMap::new();
        let mut aside = bad;
        for m in &list {
            match team::inbox(&*store, m.meting.id).await {
                Ok(inbox) => {
                    aside += inbox.set_aside;
                    inboxes.insert(m.meting.id, inbox.envelopes);
                }
                Err(e) => self.fail(&e),
            }
        }
        let total = store.set_aside_count().await.unwrap_or(aside);
        // A kiosk on this device delivers straight into the metingen held here.
        self.persist.mark_held(&list.iter().map(|m| m.meting.id).collect::<Vec<_>>());
        self.inboxes.set_value(inboxes);
        self.metingen.set(list);
        self.facts.update(|f| f.set_aside = total);
        self.version.update(|v| *v += 1);
        // For `make bench`: how long reading every meting and response took.
        if let Some(w) = web_sys::window() {
            let ms = js_sys::Date::now() - started;
            let _ = js_sys::Reflect::set(&w, &"__spiegelTeamReadMs".into(), &ms.into());
        }
    }

    /// Asks the browser to keep this site's data (`navigator.storage.persist()`) and
    /// reads how much is used and free.
    pub async fn refresh_estimate(self) {
        let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else { return };
        if let Ok(p) = storage.persist() {
            if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                self.facts.update(|f| f.persisted = v.as_bool());
            }
        }
        if let Ok(p) = storage.estimate() {
            if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                let get =
                    |k: &str| js_sys::Reflect::get(&v, &k.into()).ok().and_then(|x| x.as_f64());
                self.facts.update(|f| {
                    f.usage = get("usage");
                    f.quota = get("quota");
                });
            }
        }
    }

    /// The metingen (tracked: screens redraw when they change).
    pub fn team_metingen(self) -> Vec<TeamMeting> {
        self.metingen.get()
    }

    /// The metingen, untracked.
    pub fn metingen(self) -> Vec<Meting> {
        self.metingen.with_untracked(|l| l.iter().map(|m| m.meting.clone()).collect())
    }

    /// One meting with what the device keeps about it.
    pub fn team_meting(self, id: MetingId) -> Option<TeamMeting> {
        self.metingen.with_untracked(|l| l.iter().find(|m| m.meting.id == id).cloned())
    }

    /// Reads one meting with what the device keeps about it, without copying it.
    pub fn with_meting<T>(self, id: MetingId, f: impl FnOnce(&TeamMeting) -> T) -> Option<T> {
        self.metingen.with_untracked(|l| l.iter().find(|m| m.meting.id == id).map(f))
    }

    /// One meting.
    pub fn meting(self, id: MetingId) -> Option<Meting> {
        self.with_meting(id, |m| m.meting.clone())
    }

    /// The ids of a meting's responses.
    pub fn ids(self, id: MetingId) -> BTreeSet<String> {
        self.inboxes.with_value(|i| {
            i.get(&id).map(|l| l.iter().map(|(r, _)| r.clone()).collect()).unwrap_or_default()
        })
    }

    /// How many responses a meting has.
    pub fn count(self, id: MetingId) -> usize {
        self.inboxes.with_value(|i| i.get(&id).map_or(0, Vec::len))
    }

    /// A meting's sealed responses.
    pub fn envelopes(self, id: MetingId) -> Vec<Envelope> {
        self.inboxes.with_value(|i| {
            i.get(&id).map(|l| l.iter().map(|(_, e)| e.clone()).collect()).unwrap_or_default()
        })
    }

    /// A meting's responses with their ids, as bytes (for a backup).
    pub fn response_bytes(self, id: MetingId) -> Vec<(String, Vec<u8>)> {
        self.inboxes.with_value(|i| {
            i.get(&id)
                .map(|l| l.iter().map(|(r, e)| (r.clone(), e.to_bytes())).collect())
                .unwrap_or_default()
        })
    }

    /// Stores a meting (new or changed), then updates the copy.
    pub async fn save(self, m: TeamMeting) -> Result<(), StorageError> {
        let store = self.store().ok_or(StorageError::Unavailable("not open".into()))?;
        team::save(&*store, &m).await?;
        self.persist.hold(m.meting.id);
        self.metingen.update(|l| {
            match l.iter_mut().find(|x| x.meting.id == m.meting.id) {
                Some(slot) => *slot = m,
                None => l.push(m),
            }
            l.sort_by(|a, b| {
                b.meting.week.cmp(&a.meting.week).then(a.meting.label.cmp(&b.meting.label))
            });
        });
        Ok(())
    }

    /// Puts a meting in the copy at once and stores it in the background; a failure
    /// shows on the storage screen. (For a new meting, whose first copy is already in
    /// `localStorage`, and for plans and backup marks.)
    pub fn keep(self, m: TeamMeting) {
        let copy = m.clone();
        self.metingen.update(|l| match l.iter_mut().find(|x| x.meting.id == copy.meting.id) {
            Some(slot) => *slot = copy,
            None => l.insert(0, copy),
        });
        leptos::task::spawn_local(async move {
            if let Err(e) = self.save(m).await {
                self.fail(&e);
            }
        });
    }

    /// Stores responses of a meting in one transaction (all or none), then adds them to
    /// the copy. Returns how many were new.
    pub async fn add(
        self,
        meting: MetingId,
        responses: Vec<(String, Envelope)>,
    ) -> Result<usize, StorageError> {
        let store = self.store().ok_or(StorageError::Unavailable("not open".into()))?;
        let bytes: Vec<(String, Vec<u8>)> =
            responses.iter().map(|(id, e)| (id.clone(), e.to_bytes())).collect();
        let added = store.add_responses(&meting.to_text(), &bytes).await?;
        self.inboxes.update_value(|i| {
            let list = i.entry(meting).or_default();
            let mut have: BTreeSet<String> = list.iter().map(|(r, _)| r.clone()).collect();
            for (id, e) in responses {
                if have.insert(id.clone()) {
                    list.push((id, e));
                }
            }
        });
        self.version.update(|v| *v += 1);
        Ok(added)
    }

    /// Removes a meting and all its responses.
    pub async fn delete(self, meting: MetingId) -> Result<(), StorageError> {
        let store = self.store().ok_or(StorageError::Unavailable("not open".into()))?;
        store.delete_meting(&meting.to_text()).await?;
        self.metingen.update(|l| l.retain(|m| m.meting.id != meting));
        self.inboxes.update_value(|i| {
            i.remove(&meting);
        });
        self.version.update(|v| *v += 1);
        Ok(())
    }

    /// Merges a backup into the store, then reads the store again.
    pub async fn restore(
        self,
        backup: crate::domain::backup::Backup,
    ) -> Result<team::Restored, StorageError> {
        let store = self.store().ok_or(StorageError::Unavailable("not open".into()))?;
        let restored = team::restore(&*store, backup).await?;
        self.reload().await;
        Ok(restored)
    }
}

/// The team service. The app provides it.
pub fn use_team() -> Option<TeamService> {
    use_context::<TeamService>()
}
