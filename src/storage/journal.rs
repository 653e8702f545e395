//! The rules for keeping answers safe: save after every answer, resume after a reload,
//! move a corrupt entry aside instead of failing. Written against [`KeyValueStore`], so
//! it is tested on the host.
//!
//! Every run has a key of its own ([`Run`]): a trial of the vragenlijst, a meting on the
//! respondent's own device, and a meting on a shared device (kiosk) never share one, so
//! a kiosk student's run is never resumed by anyone outside that kiosk. Nothing answered
//! outside a meting stays after its run ends: a trial's answers go nowhere and are
//! removed when it ends, and responses an earlier version kept in the clear are removed
//! when the app opens ([`sweep_clear_responses`]).

use std::collections::BTreeMap;

use super::schema::{
    self, StoredResponse, StoredSession, RESPONSE_SCHEMA, SESSION_SCHEMA, VERSION,
};
use super::session_json;
use super::{KeyValueStore, StorageError, StorageKey};
use crate::domain::answer::Answer;
use crate::domain::catalog::Catalog;
use crate::domain::instrument::Instrument;
use crate::domain::meting::MetingId;
use crate::domain::session::{Position, Session};

/// Which run a session belongs to. Each has its own storage key ([`Run::slot`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    /// A trial outside any meting: its answers go nowhere and are removed when it ends.
    Trial,
    /// A meting, answered on the respondent's own device.
    Meting(MetingId),
    /// A meting, answered on a device the class shares (kiosk mode).
    Kiosk(MetingId),
}

impl Run {
    /// The session's key after `session.`: the instrument id, then `@trial`,
    /// `@<meting>` or `@<meting>.kiosk` (an instrument id never holds `@`). A session
    /// stored under the bare instrument id is an earlier version's ([`adopt_earlier`]).
    pub fn slot(&self, instrument_id: &str) -> String {
        match self {
            Run::Trial => format!("{instrument_id}@trial"),
            Run::Meting(m) => format!("{instrument_id}@{}", m.to_text()),
            Run::Kiosk(m) => format!("{instrument_id}@{}.kiosk", m.to_text()),
        }
    }

    fn key(&self, instrument_id: &str) -> String {
        StorageKey::Session(self.slot(instrument_id)).as_string()
    }
}

/// What was found when looking for a session in progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored: start fresh.
    Fresh,
    /// A session to resume. `dropped` lists answers that no longer fit the instrument.
    Resumed {
        /// The restored session.
        session: Session,
        /// Ids of answers that were left out.
        dropped: Vec<String>,
        /// A kiosk's run: when its last answer was given (milliseconds since 1970).
        touched: Option<u64>,
    },
    /// The stored entry could not be read; it was moved aside under `kept_as` (or left in
    /// place if even that failed) and a fresh session starts.
    SetAside {
        /// The key the entry now has, if moving it worked.
        kept_as: Option<String>,
    },
}

/// Looks for a session in progress for `instrument` in `run`.
pub fn load_session(
    store: &dyn KeyValueStore,
    instrument: &Instrument,
    run: Run,
) -> Result<Loaded, StorageError> {
    let key = run.key(&instrument.id);
    let Some(raw) = store.get(&key)? else {
        return Ok(Loaded::Fresh);
    };
    match session_json::from_json(&raw) {
        Some(s)
            if s.schema == SESSION_SCHEMA
                && s.version == VERSION
                && s.instrument == instrument.id =>
        {
            let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
            for (k, v) in s.answers {
                answers.insert(k, v.into());
            }
            let position = s.position.map_or(Position::End, Position::Item);
            let (session, dropped) = Session::restore(instrument, answers, position);
            Ok(Loaded::Resumed { session, dropped, touched: s.touched })
        }
        _ => {
            let kept_as = set_aside(store, &key, &raw).ok();
            Ok(Loaded::SetAside { kept_as })
        }
    }
}

/// Sets aside every stored session that cannot be read, so the user hears about it when
/// the app opens rather than when that vragenlijst is next started. Returns the new keys.
pub fn sweep_sessions(store: &dyn KeyValueStore) -> Result<Vec<String>, StorageError> {
    let prefix = StorageKey::Session(String::new()).as_string();
    let mut set_apart = Vec::new();
    for key in store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
        let Some(raw) = store.get(&key)? else { continue };
        let readable = session_json::from_json(&raw)
            .is_some_and(|s| s.schema == SESSION_SCHEMA && s.version == VERSION);
        if !readable {
            set_apart.push(set_aside(store, &key, &raw)?);
        }
    }
    Ok(set_apart)
}

/// The stored form of a session; `touched` only for a kiosk's run.
pub fn stored_session(
    instrument: &Instrument,
    session: &Session,
    touched: Option<u64>,
) -> StoredSession {
    StoredSession {
        schema: SESSION_SCHEMA.into(),
        version: VERSION,
        instrument: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        position: schema::store_position(session.position()),
        answers: schema::store_answers(session.answers()),
        touched,
    }
}

/// Saves a session in progress. Returns once the store has it. `touched` (a kiosk's run
/// only) is the time of this save, in milliseconds since 1970.
pub fn save_session(
    store: &dyn KeyValueStore,
    instrument: &Instrument,
    run: Run,
    session: &Session,
    touched: Option<u64>,
) -> Result<(), StorageError> {
    let json = session_json::to_json(&stored_session(instrument, session, touched));
    store.set(&run.key(&instrument.id), &json)
}

/// Removes the session in progress for an instrument in `run` (and, for a trial, the
/// mark that it is in progress).
pub fn clear_session(
    store: &dyn KeyValueStore,
    instrument_id: &str,
    run: Run,
) -> Result<(), StorageError> {
    store.remove(&run.key(instrument_id))?;
    if run == Run::Trial && trial(store)?.as_deref() == Some(instrument_id) {
        set_trial(store, None)?;
    }
    Ok(())
}

/// Hands a run an earlier version of Spiegel kept under the bare instrument id (it kept
/// every run there, whatever the meting or mode) to `run`:
///
/// - on the respondent's own device ([`Run::Meting`]) it becomes that meting's run, if
///   the meting has none yet, so a half-way run (or answers that earlier version would
///   have kept where nobody could collect them) can still be sent;
/// - on a shared device ([`Run::Kiosk`]) it is removed: it may be another student's;
/// - a trial leaves it alone.
///
/// Returns whether something was handed on or removed.
pub fn adopt_earlier(
    store: &dyn KeyValueStore,
    instrument: &Instrument,
    run: Run,
) -> Result<bool, StorageError> {
    let earlier = StorageKey::Session(instrument.id.clone()).as_string();
    let Some(raw) = store.get(&earlier)? else { return Ok(false) };
    match run {
        Run::Trial => return Ok(false),
        Run::Meting(_) => {
            if store.get(&run.key(&instrument.id))?.is_some() {
                return Ok(false);
            }
            store.set(&run.key(&instrument.id), &raw)?;
        }
        Run::Kiosk(_) => {}
    }
    store.remove(&earlier)?;
    if active(store)?.as_deref() == Some(instrument.id.as_str()) {
        store.remove(&StorageKey::Active.as_string())?;
    }
    Ok(true)
}

/// The response to keep for a submitted session: only answers to items that were shown.
pub fn response(
    instrument: &Instrument,
    session: &Session,
    id: String,
    week: String,
) -> StoredResponse {
    let answers = session.response(instrument);
    StoredResponse {
        schema: RESPONSE_SCHEMA.into(),
        version: VERSION,
        id,
        instrument: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        week,
        answers: schema::store_answers(answers.iter().map(|(k, v)| (k, v))),
    }
}

/// Removes every response an earlier version of Spiegel kept in the clear outside any
/// meting (`response.<id>`): nobody could ever collect them, and answers outside a
/// meting are not kept after their run. Returns how many were removed.
pub fn sweep_clear_responses(store: &dyn KeyValueStore) -> Result<usize, StorageError> {
    let prefix = StorageKey::Response(String::new()).as_string();
    let keys: Vec<String> = store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)).collect();
    for key in &keys {
        store.remove(key)?;
    }
    Ok(keys.len())
}

/// Keeps an own instrument file that [`Catalog::accept`] accepted, so it is there after
/// a reload. `key` names the version, `<id>@<version>`, so every version of an own
/// vragenlijst stays on the device next to the others (files kept before versions were
/// kept apart sit under their bare id and still load).
pub fn save_instrument(
    store: &dyn KeyValueStore,
    key: &str,
    json: &str,
) -> Result<(), StorageError> {
    store.set(&StorageKey::Instrument(key.into()).as_string(), json)
}

/// Adds the own instrument files stored on this device to `catalog`, oldest key first
/// (student files before the staff files that mirror them need not be ordered: files
/// that fail only because their mirror target is not loaded yet are retried). A file
/// that no longer passes is set aside; the new keys are returned.
pub fn load_instruments(
    store: &dyn KeyValueStore,
    catalog: &mut Catalog,
) -> Result<Vec<String>, StorageError> {
    let prefix = StorageKey::Instrument(String::new()).as_string();
    let mut pending: Vec<(String, String)> = Vec::new();
    for key in store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
        if let Some(raw) = store.get(&key)? {
            pending.push((key, raw));
        }
    }
    // Each round accepts at least one file or stops; mirror targets load before mirrors.
    loop {
        let before = pending.len();
        pending.retain(|(_, raw)| catalog.accept(raw).is_err());
        if pending.len() == before {
            break;
        }
    }
    let mut set_apart = Vec::new();
    for (key, raw) in pending {
        set_apart.push(set_aside(store, &key, &raw)?);
    }
    Ok(set_apart)
}

/// The instrument whose run an earlier version of Spiegel marked as in progress.
pub fn active(store: &dyn KeyValueStore) -> Result<Option<String>, StorageError> {
    store.get(&StorageKey::Active.as_string())
}

/// The instrument whose trial is in progress, if any.
pub fn trial(store: &dyn KeyValueStore) -> Result<Option<String>, StorageError> {
    store.get(&StorageKey::Trial.as_string())
}

/// Remembers (or, with `None`, forgets) which instrument's trial is in progress.
pub fn set_trial(store: &dyn KeyValueStore, id: Option<&str>) -> Result<(), StorageError> {
    match id {
        Some(id) => store.set(&StorageKey::Trial.as_string(), id),
        None => store.remove(&StorageKey::Trial.as_string()),
    }
}

/// Moves an unreadable entry to the first free set-aside key and removes the original.
/// Returns the new key.
pub fn set_aside(store: &dyn KeyValueStore, key: &str, raw: &str) -> Result<String, StorageError> {
    let keys = store.keys()?;
    let mut n = 1;
    while keys.contains(&StorageKey::SetAside(n).as_string()) {
        n += 1;
    }
    let new_key = StorageKey::SetAside(n).as_string();
    store.set(&new_key, raw)?;
    store.remove(key)?;
    Ok(new_key)
}
