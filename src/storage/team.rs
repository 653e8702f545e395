//! The team device's data: metingen (with their state, export plan and last backup) and
//! the sealed responses collected for them, behind the asynchronous [`TeamStore`] (the
//! browser's IndexedDB, `idb.rs`; [`MemoryTeamStore`] for tests and when the browser
//! refuses IndexedDB).
//!
//! Why not `localStorage` any more: it holds about 5 million characters per site (some
//! 13,000 student responses for the device's whole life), it is read and written whole
//! on the main thread, and a full store fails every write. IndexedDB holds as much as
//! the disk allows (the app asks the browser to keep it, `navigator.storage.persist()`),
//! stores bytes as bytes, and writes a batch of responses in one transaction: all or
//! nothing.
//!
//! The student's and the kiosk's side (sessions in progress, responses waiting to be
//! collected) stay in `localStorage`: its writes are synchronous, so an answer is on
//! disk before the next question is drawn, and a student's phone never downloads any of
//! this module.
//!
//! Every read is checked: an entry that cannot be read is moved to the set-aside store
//! (never deleted) and counted, so a screen says "1 antwoord kon niet worden gelezen"
//! rather than silently showing fewer responses; a failing read is an error, never an
//! empty list.

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};

use super::collection::{read_meting, stored_meting};
use super::schema::StoredMeting;
use super::StorageError;
use crate::domain::analysis::release::{release, Release};
use crate::domain::analysis::MIN_K;
use crate::domain::backup::{FilePlan, MetingState};
use crate::domain::envelope::Envelope;
use crate::domain::export::ExportPlan;
use crate::domain::meting::{Meting, MetingId};

/// A boxed future of the team store (single-threaded: the browser's main thread).
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StorageError>> + 'a>>;

/// Schema name of a stored team meting.
pub const TEAM_METING_SCHEMA: &str = "spiegel.team-meting";
/// Its version.
pub const TEAM_METING_VERSION: u32 = 1;

/// Where the team device's data lives. Keys are meting ids (16 hex) and response ids.
pub trait TeamStore {
    /// Every stored meting record: key and JSON.
    fn metingen(&self) -> StoreFuture<'_, Vec<(String, String)>>;
    /// Stores one meting record.
    fn put_meting<'a>(&'a self, id: &'a str, json: &'a str) -> StoreFuture<'a, ()>;
    /// The ids of a meting's responses.
    fn response_ids<'a>(&'a self, meting: &'a str) -> StoreFuture<'a, Vec<String>>;
    /// A meting's responses: id and stored bytes.
    fn responses<'a>(&'a self, meting: &'a str) -> StoreFuture<'a, Vec<(String, Vec<u8>)>>;
    /// Adds responses in one transaction (all or none); ids already there are left as
    /// they are. Returns how many were new.
    fn add_responses<'a>(
        &'a self,
        meting: &'a str,
        responses: &'a [(String, Vec<u8>)],
    ) -> StoreFuture<'a, usize>;
    /// Removes a meting and all its responses in one transaction.
    fn delete_meting<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()>;
    /// Keeps an unreadable entry apart (what it was, and its bytes).
    fn set_aside<'a>(&'a self, what: &'a str, raw: &'a [u8]) -> StoreFuture<'a, ()>;
    /// How many entries were set aside so far.
    fn set_aside_count(&self) -> StoreFuture<'_, usize>;
    /// Removes one response (only to set it aside).
    fn remove_response<'a>(&'a self, meting: &'a str, id: &'a str) -> StoreFuture<'a, ()>;
}

/// The last backup made of a meting on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupMark {
    /// The ISO week it was made.
    pub week: String,
    /// How many responses it held.
    pub responses: usize,
}

/// A meting on the team device with what the device keeps about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMeting {
    /// The meting.
    pub meting: Meting,
    /// Open, closed or archived.
    pub state: MetingState,
    /// Its export plan, after its first export.
    pub plan: Option<ExportPlan>,
    /// Its released set: the ids of the responses every view of it so far showed, in the
    /// mirror or in an export ([`crate::domain::analysis::release`]).
    pub released: BTreeSet<String>,
    /// The last backup made here.
    pub backup: Option<BackupMark>,
}

impl TeamMeting {
    /// A new, open meting.
    pub fn new(meting: Meting) -> TeamMeting {
        TeamMeting {
            meting,
            state: MetingState::Open,
            plan: None,
            released: BTreeSet::new(),
            backup: None,
        }
    }

    /// The smallest step of this meting's released set for a view with smallest group
    /// `k`: never below [`MIN_K`], nor below the `k` of its first export.
    pub fn step(&self, k: usize) -> usize {
        k.max(MIN_K).max(self.plan.as_ref().map_or(MIN_K, |p| p.k))
    }

    /// What the mirror may show of the responses `present` (by id): the released set, and
    /// the new ones too when there are at least [`TeamMeting::step`] of them; the released
    /// set becomes what is shown. Store the meting before the view shows it. An export
    /// does the same through [`crate::domain::export::MetingInput::released`].
    pub fn release(&mut self, present: &BTreeSet<String>) -> Release {
        let step = release(&self.released, present, self.step(MIN_K));
        self.released.clone_from(&step.shown);
        step
    }

    /// How many of `count` responses came in after the last backup (all without one).
    pub fn since_backup(&self, count: usize) -> usize {
        count.saturating_sub(self.backup.as_ref().map_or(0, |b| b.responses))
    }
}

/// The stored shape of a [`TeamMeting`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredTeamMeting {
    /// Always [`TEAM_METING_SCHEMA`].
    pub schema: String,
    /// Always [`TEAM_METING_VERSION`].
    pub version: u32,
    /// The meting, in its own versioned shape.
    pub meting: StoredMeting,
    /// Open, closed or archived.
    pub state: MetingState,
    /// The export plan.
    pub plan: Option<FilePlan>,
    /// The released set.
    #[serde(default)]
    pub released: BTreeSet<String>,
    /// The last backup.
    pub backup: Option<BackupMark>,
}

/// The JSON to store for a meting.
pub fn to_json(m: &TeamMeting) -> String {
    let stored = StoredTeamMeting {
        schema: TEAM_METING_SCHEMA.into(),
        version: TEAM_METING_VERSION,
        meting: stored_meting(&m.meting),
        state: m.state,
        plan: m.plan.as_ref().map(FilePlan::from),
        released: m.released.clone(),
        backup: m.backup.clone(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored meting; `None` if any part does not hold.
pub fn from_json(json: &str) -> Option<TeamMeting> {
    let s: StoredTeamMeting = serde_json::from_str(json).ok()?;
    if s.schema != TEAM_METING_SCHEMA || s.version != TEAM_METING_VERSION {
        return None;
    }
    let plan = match s.plan {
        Some(p) => Some(p.to_plan()?),
        None => None,
    };
    Some(TeamMeting {
        meting: read_meting(s.meting)?,
        state: s.state,
        plan,
        released: s.released,
        backup: s.backup,
    })
}

/// Stores a meting (again).
pub async fn save(store: &dyn TeamStore, m: &TeamMeting) -> Result<(), StorageError> {
    store.put_meting(&m.meting.id.to_text(), &to_json(m)).await
}

/// The metingen, newest week first then by label, and how many records had to be set
/// aside now.
pub async fn load(store: &dyn TeamStore) -> Result<(Vec<TeamMeting>, usize), StorageError> {
    let mut list = Vec::new();
    let mut bad = 0;
    for (key, json) in store.metingen().await? {
        match from_json(&json) {
            Some(m) if m.meting.id.to_text() == key => list.push(m),
            _ => {
                store.set_aside(&format!("meting {key}"), json.as_bytes()).await?;
                store.delete_meting(&key).await?;
                bad += 1;
            }
        }
    }
    list.sort_by(|a, b| {
        b.meting.week.cmp(&a.meting.week).then(a.meting.label.cmp(&b.meting.label))
    });
    Ok((list, bad))
}

/// A meting's collected responses, still sealed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inbox {
    /// The envelopes with their response ids.
    pub envelopes: Vec<(String, Envelope)>,
    /// Entries that could not be read: set aside now, and to be reported.
    pub set_aside: usize,
}

/// Reads a meting's responses. An entry that is not a readable envelope of this meting is
/// set aside and counted; a failing read is an error.
pub async fn inbox(store: &dyn TeamStore, meting: MetingId) -> Result<Inbox, StorageError> {
    let id = meting.to_text();
    let mut out = Inbox::default();
    for (rid, bytes) in store.responses(&id).await? {
        match Envelope::from_bytes(&bytes) {
            Ok(e) if e.meting == meting => out.envelopes.push((rid, e)),
            _ => {
                store.set_aside(&format!("response {id} {rid}"), &bytes).await?;
                store.remove_response(&id, &rid).await?;
                out.set_aside += 1;
            }
        }
    }
    Ok(out)
}

/// How a restore went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restored {
    /// Whether the meting was new on this device.
    pub new_meting: bool,
    /// Responses added.
    pub added: usize,
    /// Responses that were there already.
    pub already: usize,
}

/// Merges a backup into the store: the meting if this device lacks it (or its plan, if
/// only the backup has one), its released set joined with the device's, and every
/// response not yet here. Nothing is removed or overwritten, so restoring twice, or an
/// older backup, changes nothing.
pub async fn restore(
    store: &dyn TeamStore,
    backup: crate::domain::backup::Backup,
) -> Result<Restored, StorageError> {
    let (list, _) = load(store).await?;
    let id = backup.meting.id;
    let existing = list.into_iter().find(|m| m.meting.id == id);
    let new_meting = existing.is_none();
    match existing {
        None => {
            let m = TeamMeting {
                meting: backup.meting,
                state: backup.state,
                plan: backup.plan,
                released: backup.released,
                backup: None,
            };
            save(store, &m).await?;
        }
        Some(mut m) => {
            let before = m.clone();
            if m.plan.is_none() {
                m.plan = backup.plan;
            }
            m.released.extend(backup.released);
            if m != before {
                save(store, &m).await?;
            }
        }
    }
    let total = backup.responses.len();
    let added = store.add_responses(&id.to_text(), &backup.responses).await?;
    Ok(Restored { new_meting, added, already: total - added })
}

/// What a move from `localStorage` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Migration {
    /// Metingen moved.
    pub metingen: usize,
    /// Responses moved (of the first version, and a kiosk's on this device since).
    pub responses: usize,
    /// Entries that could not be read: kept apart in the team store.
    pub set_aside: usize,
}

/// Whether [`migrate`] removes what it moved from `localStorage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// Into a durable team store (IndexedDB): each key is removed once the store has it.
    Move,
    /// Into the team store in memory (the browser refused IndexedDB): `localStorage`
    /// keeps everything, so the next start finds it again.
    Copy,
}

/// Per meting: its id, its responses (id and bytes) and the `localStorage` keys they
/// came from.
type Moving = (String, Vec<(String, Vec<u8>)>, Vec<String>);

/// Moves the team data in `localStorage` into the team store: the first version's
/// metingen (`spiegel.v1.meting.*`), the ids its mirror showed (`spiegel.v1.released.*`,
/// joined into the meting's released set), and collected responses
/// (`spiegel.v1.inbox.*`: the first version's, and those a kiosk on this device delivered
/// since, which the student page writes there because it never opens the team store).
/// With [`Carry::Move`] a key is removed only after the team store has its content (or,
/// if it cannot be read, has it set aside), so a failure half way loses nothing and the
/// next start carries on. Running it again finds nothing new.
pub async fn migrate(
    kv: &dyn super::KeyValueStore,
    store: &dyn TeamStore,
    carry: Carry,
) -> Result<Migration, StorageError> {
    use super::StorageKey;
    let remove = |key: &str| match carry {
        Carry::Move => kv.remove(key),
        Carry::Copy => Ok(()),
    };
    let meting_prefix = StorageKey::Meting(String::new()).as_string();
    let released_prefix = StorageKey::Released(String::new()).as_string();
    let inbox_prefix = StorageKey::Inbox(String::new(), String::new()).as_string();
    let inbox_prefix = inbox_prefix.trim_end_matches('.');
    let mut out = Migration::default();
    let mut keys = kv.keys()?;
    keys.sort();
    // Metingen first, so their responses have a home.
    let (existing, _) = load(store).await?;
    let mut held: Vec<TeamMeting> = existing;
    for key in keys.iter().filter(|k| k.starts_with(&meting_prefix)) {
        let Some(raw) = kv.get(key)? else { continue };
        let read = serde_json::from_str::<StoredMeting>(&raw).ok().and_then(read_meting);
        match read {
            Some(meting) if key.ends_with(&meting.id.to_text()) => {
                let id = meting.id;
                if !held.iter().any(|m| m.meting.id == id) {
                    let m = TeamMeting::new(meting);
                    save(store, &m).await?;
                    held.push(m);
                }
                // A kiosk here keeps delivering to it once the first copy is gone.
                super::collection::hold(kv, id)?;
                out.metingen += 1;
            }
            _ => {
                store.set_aside(key, raw.as_bytes()).await?;
                out.set_aside += 1;
            }
        }
        remove(key)?;
    }
    // What the mirror showed, into the meting's one released set.
    for key in keys.iter().filter(|k| k.starts_with(&released_prefix)) {
        let Some(raw) = kv.get(key)? else { continue };
        let id = &key[released_prefix.len()..];
        match serde_json::from_str::<BTreeSet<String>>(&raw) {
            Ok(shown) => {
                if let Some(m) = held.iter_mut().find(|m| m.meting.id.to_text() == id) {
                    if !shown.is_subset(&m.released) {
                        m.released.extend(shown);
                        save(store, m).await?;
                    }
                }
            }
            Err(_) => {
                store.set_aside(key, raw.as_bytes()).await?;
                out.set_aside += 1;
            }
        }
        remove(key)?;
    }
    // Responses, one meting at a time, in one transaction each.
    let mut by_meting: Vec<Moving> = Vec::new();
    for key in keys.iter().filter(|k| k.starts_with(inbox_prefix)) {
        let Some(raw) = kv.get(key)? else { continue };
        let rest = key.get(inbox_prefix.len() + 1..).unwrap_or("");
        let parsed = rest.split_once('.').and_then(|(m, r)| {
            let meting = MetingId::from_text(m)?;
            let bytes = crate::domain::hex::decode(&raw)?;
            let envelope = Envelope::from_bytes(&bytes).ok()?;
            (envelope.meting == meting && !r.is_empty())
                .then(|| (m.to_string(), r.to_string(), bytes))
        });
        match parsed {
            Some((m, r, bytes)) => match by_meting.iter_mut().find(|(id, _, _)| *id == m) {
                Some((_, list, keys)) => {
                    list.push((r, bytes));
                    keys.push(key.clone());
                }
                None => by_meting.push((m, vec![(r, bytes)], vec![key.clone()])),
            },
            None => {
                store.set_aside(key, raw.as_bytes()).await?;
                remove(key)?;
                out.set_aside += 1;
            }
        }
    }
    for (meting, list, keys) in by_meting {
        store.add_responses(&meting, &list).await?;
        out.responses += list.len();
        for key in keys {
            remove(&key)?;
        }
    }
    Ok(out)
}

/// The team store in memory: for tests, and when the browser refuses IndexedDB (then the
/// app says that nothing is kept after the page closes).
#[derive(Debug, Default)]
pub struct MemoryTeamStore {
    metingen: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    responses: std::cell::RefCell<std::collections::BTreeMap<(String, String), Vec<u8>>>,
    aside: std::cell::RefCell<Vec<(String, Vec<u8>)>>,
    /// Refuse writes of responses after this many (to imitate a full disk).
    limit: Option<usize>,
}

impl MemoryTeamStore {
    /// A store that refuses a write of responses that would make more than `responses`.
    pub fn with_limit(responses: usize) -> MemoryTeamStore {
        MemoryTeamStore { limit: Some(responses), ..MemoryTeamStore::default() }
    }

    fn ready<'a, T: 'a>(value: Result<T, StorageError>) -> StoreFuture<'a, T> {
        Box::pin(std::future::ready(value))
    }
}

impl TeamStore for MemoryTeamStore {
    fn metingen(&self) -> StoreFuture<'_, Vec<(String, String)>> {
        let list = self.metingen.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        Self::ready(Ok(list))
    }

    fn put_meting<'a>(&'a self, id: &'a str, json: &'a str) -> StoreFuture<'a, ()> {
        self.metingen.borrow_mut().insert(id.into(), json.into());
        Self::ready(Ok(()))
    }

    fn response_ids<'a>(&'a self, meting: &'a str) -> StoreFuture<'a, Vec<String>> {
        let ids = self
            .responses
            .borrow()
            .keys()
            .filter(|(m, _)| m == meting)
            .map(|(_, r)| r.clone())
            .collect();
        Self::ready(Ok(ids))
    }

    fn responses<'a>(&'a self, meting: &'a str) -> StoreFuture<'a, Vec<(String, Vec<u8>)>> {
        let list = self
            .responses
            .borrow()
            .iter()
            .filter(|((m, _), _)| m == meting)
            .map(|((_, r), b)| (r.clone(), b.clone()))
            .collect();
        Self::ready(Ok(list))
    }

    fn add_responses<'a>(
        &'a self,
        meting: &'a str,
        responses: &'a [(String, Vec<u8>)],
    ) -> StoreFuture<'a, usize> {
        let mut map = self.responses.borrow_mut();
        let fresh: Vec<&(String, Vec<u8>)> = responses
            .iter()
            .filter(|(r, _)| !map.contains_key(&(meting.to_string(), r.clone())))
            .collect();
        if self.limit.is_some_and(|l| map.len() + fresh.len() > l) {
            return Self::ready(Err(StorageError::Full));
        }
        let mut added = 0;
        for (r, b) in fresh {
            if map.insert((meting.to_string(), r.clone()), b.clone()).is_none() {
                added += 1;
            }
        }
        Self::ready(Ok(added))
    }

    fn delete_meting<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()> {
        self.metingen.borrow_mut().remove(id);
        self.responses.borrow_mut().retain(|(m, _), _| m != id);
        Self::ready(Ok(()))
    }

    fn set_aside<'a>(&'a self, what: &'a str, raw: &'a [u8]) -> StoreFuture<'a, ()> {
        self.aside.borrow_mut().push((what.into(), raw.to_vec()));
        Self::ready(Ok(()))
    }

    fn set_aside_count(&self) -> StoreFuture<'_, usize> {
        Self::ready(Ok(self.aside.borrow().len()))
    }

    fn remove_response<'a>(&'a self, meting: &'a str, id: &'a str) -> StoreFuture<'a, ()> {
        self.responses.borrow_mut().remove(&(meting.to_string(), id.to_string()));
        Self::ready(Ok(()))
    }
}

/// Runs a future that never waits (every [`MemoryTeamStore`] call is ready at once) to
/// its end: for host tests and synchronous callers of the memory store. `None` if it
/// would have to wait.
pub fn now<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}
