//! The rules for keeping answers safe: save after every answer, resume after a reload,
//! move a corrupt entry aside instead of failing, keep completed responses until the
//! team collects them. Written against [`KeyValueStore`], so it is tested on the host.

use std::collections::BTreeMap;

use super::schema::{
    self, StoredResponse, StoredSession, RESPONSE_SCHEMA, SESSION_SCHEMA, VERSION,
};
use super::{KeyValueStore, StorageError, StorageKey};
use crate::domain::answer::Answer;
use crate::domain::catalog::Catalog;
use crate::domain::instrument::Instrument;
use crate::domain::session::{Position, Session};

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
    },
    /// The stored entry could not be read; it was moved aside under `kept_as` (or left in
    /// place if even that failed) and a fresh session starts.
    SetAside {
        /// The key the entry now has, if moving it worked.
        kept_as: Option<String>,
    },
}

/// Looks for a session in progress for `instrument`.
pub fn load_session(
    store: &dyn KeyValueStore,
    instrument: &Instrument,
) -> Result<Loaded, StorageError> {
    let key = StorageKey::Session(instrument.id.clone()).as_string();
    let Some(raw) = store.get(&key)? else {
        return Ok(Loaded::Fresh);
    };
    match serde_json::from_str::<StoredSession>(&raw) {
        Ok(s)
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
            Ok(Loaded::Resumed { session, dropped })
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
        let readable = serde_json::from_str::<StoredSession>(&raw)
            .is_ok_and(|s| s.schema == SESSION_SCHEMA && s.version == VERSION);
        if !readable {
            set_apart.push(set_aside(store, &key, &raw)?);
        }
    }
    Ok(set_apart)
}

/// The stored form of a session.
pub fn stored_session(instrument: &Instrument, session: &Session) -> StoredSession {
    StoredSession {
        schema: SESSION_SCHEMA.into(),
        version: VERSION,
        instrument: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        position: schema::store_position(session.position()),
        answers: schema::store_answers(session.answers()),
    }
}

/// Saves a session in progress. Returns once the store has it.
pub fn save_session(
    store: &dyn KeyValueStore,
    instrument: &Instrument,
    session: &Session,
) -> Result<(), StorageError> {
    let json = serde_json::to_string(&stored_session(instrument, session))
        .map_err(|e| StorageError::Failed(e.to_string()))?;
    store.set(&StorageKey::Session(instrument.id.clone()).as_string(), &json)
}

/// Removes the session in progress for an instrument.
pub fn clear_session(store: &dyn KeyValueStore, instrument_id: &str) -> Result<(), StorageError> {
    store.remove(&StorageKey::Session(instrument_id.into()).as_string())
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

/// Completed responses on this device, in key order. Entries that cannot be read are
/// set aside (their new keys are returned) and left out.
pub fn load_responses(
    store: &dyn KeyValueStore,
) -> Result<(Vec<StoredResponse>, Vec<String>), StorageError> {
    let prefix = StorageKey::Response(String::new()).as_string();
    let mut keys: Vec<String> =
        store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)).collect();
    keys.sort();
    let mut list = Vec::with_capacity(keys.len());
    let mut set_apart = Vec::new();
    for key in keys {
        let Some(raw) = store.get(&key)? else { continue };
        match serde_json::from_str::<StoredResponse>(&raw) {
            Ok(r) if r.schema == RESPONSE_SCHEMA && r.version == VERSION => list.push(r),
            _ => set_apart.push(set_aside(store, &key, &raw)?),
        }
    }
    Ok((list, set_apart))
}

/// Submits: stores the response under its own key first, then removes the session in
/// progress, so a failure at any step never loses the answers. Storing the same response
/// twice keeps one copy.
pub fn complete(
    store: &dyn KeyValueStore,
    instrument: &Instrument,
    response: &StoredResponse,
) -> Result<(), StorageError> {
    let json = serde_json::to_string(response).map_err(|e| StorageError::Failed(e.to_string()))?;
    store.set(&StorageKey::Response(response.id.clone()).as_string(), &json)?;
    clear_session(store, &instrument.id)?;
    set_active(store, None)
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

/// The instrument whose session is in progress, if any.
pub fn active(store: &dyn KeyValueStore) -> Result<Option<String>, StorageError> {
    store.get(&StorageKey::Active.as_string())
}

/// Remembers (or, with `None`, forgets) which instrument is in progress.
pub fn set_active(store: &dyn KeyValueStore, id: Option<&str>) -> Result<(), StorageError> {
    match id {
        Some(id) => store.set(&StorageKey::Active.as_string(), id),
        None => store.remove(&StorageKey::Active.as_string()),
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
