//! Keeping metingen and sealed responses: the team device's metingen and the responses
//! collected for them (the *inbox*), and on a student's or kiosk device the sealed
//! responses waiting to be collected (the *outbox*). Responses are stored only sealed;
//! nothing here can read them without the meting's PIN.
//!
//! Every entry is its own key, written before anything is reported as kept. An entry
//! that cannot be read is set aside, like a corrupt session.

use std::collections::BTreeSet;

use super::journal::set_aside;
use super::schema::{StoredMeting, METING_SCHEMA, VERSION};
use super::{KeyValueStore, StorageError, StorageKey};
use crate::domain::collect::Taken;
use crate::domain::envelope::Envelope;
use crate::domain::hex;
use crate::domain::instrument::ContentHash;
use crate::domain::meting::{Context, Meting, MetingId};
use crate::domain::seal::WrappedKey;

/// The stored form of a meting.
pub fn stored_meting(meting: &Meting) -> StoredMeting {
    StoredMeting {
        schema: METING_SCHEMA.into(),
        version: VERSION,
        id: meting.id.to_text(),
        instrument: meting.instrument.clone(),
        instrument_version: meting.instrument_version.clone(),
        instrument_hash: meting.instrument_hash.map(|h| h.to_text()),
        label: meting.label.clone(),
        domein: meting.context.domein.clone(),
        niveau: meting.context.niveau.clone(),
        leerweg: meting.context.leerweg.clone(),
        week: meting.week.clone(),
        key: hex::encode(&meting.key.to_bytes()),
    }
}

/// Reads a stored meting back; `None` if any part of it does not hold.
pub fn read_meting(stored: StoredMeting) -> Option<Meting> {
    if stored.schema != METING_SCHEMA || stored.version != VERSION {
        return None;
    }
    let context = Context { domein: stored.domein, niveau: stored.niveau, leerweg: stored.leerweg };
    context.check().ok()?;
    Some(Meting {
        id: MetingId::from_text(&stored.id)?,
        instrument: stored.instrument,
        instrument_version: stored.instrument_version,
        instrument_hash: match stored.instrument_hash {
            Some(text) => Some(ContentHash::from_text(&text)?),
            None => None,
        },
        label: stored.label,
        context,
        week: stored.week,
        key: WrappedKey::from_bytes(&hex::decode(&stored.key)?).ok()?,
    })
}

/// Stores a meting (again).
pub fn save_meting(store: &dyn KeyValueStore, meting: &Meting) -> Result<(), StorageError> {
    let json = serde_json::to_string(&stored_meting(meting))
        .map_err(|e| StorageError::Failed(e.to_string()))?;
    store.set(&StorageKey::Meting(meting.id.to_text()).as_string(), &json)
}

/// The metingen on this device, newest week first then by label. Entries that cannot
/// be read are set aside; their new keys are returned.
pub fn load_metingen(
    store: &dyn KeyValueStore,
) -> Result<(Vec<Meting>, Vec<String>), StorageError> {
    let prefix = StorageKey::Meting(String::new()).as_string();
    let mut list = Vec::new();
    let mut set_apart = Vec::new();
    for key in store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
        let Some(raw) = store.get(&key)? else { continue };
        let meting = serde_json::from_str::<StoredMeting>(&raw).ok().and_then(read_meting);
        match meting {
            Some(m) if key.ends_with(&m.id.to_text()) => list.push(m),
            _ => set_apart.push(set_aside(store, &key, &raw)?),
        }
    }
    list.sort_by(|a: &Meting, b: &Meting| b.week.cmp(&a.week).then(a.label.cmp(&b.label)));
    Ok((list, set_apart))
}

/// Whether this device's team store holds the meting, as far as `localStorage` tells: its
/// [`StorageKey::Held`] marker, or a meting record of the first version not yet moved
/// into the team store. Reads two keys and parses nothing.
pub fn holds_meting(store: &dyn KeyValueStore, meting: MetingId) -> Result<bool, StorageError> {
    let id = meting.to_text();
    Ok(store.get(&StorageKey::Held(id.clone()).as_string())?.is_some()
        || store.get(&StorageKey::Meting(id).as_string())?.is_some())
}

/// Marks one meting as held by this device's team store ([`StorageKey::Held`]).
pub fn hold(store: &dyn KeyValueStore, meting: MetingId) -> Result<(), StorageError> {
    store.set(&StorageKey::Held(meting.to_text()).as_string(), "1")
}

/// Marks the metingen the team store holds, and only those ([`StorageKey::Held`]).
pub fn mark_held(store: &dyn KeyValueStore, metingen: &[MetingId]) -> Result<(), StorageError> {
    let prefix = StorageKey::Held(String::new()).as_string();
    let wanted: BTreeSet<String> =
        metingen.iter().map(|m| StorageKey::Held(m.to_text()).as_string()).collect();
    for key in keys_under(store, &prefix)? {
        if !wanted.contains(&key) {
            store.remove(&key)?;
        }
    }
    for key in &wanted {
        if store.get(key)?.is_none() {
            store.set(key, "1")?;
        }
    }
    Ok(())
}

/// The number of students the team said the meting's class has (for "ontvangen: 27
/// van de 30"), if it said so. An entry that cannot be read counts as not said.
pub fn class_size(
    store: &dyn KeyValueStore,
    meting: MetingId,
) -> Result<Option<u32>, StorageError> {
    let raw = store.get(&StorageKey::ClassSize(meting.to_text()).as_string())?;
    Ok(raw.and_then(|r| r.trim().parse().ok()).filter(|n| *n > 0))
}

/// Keeps (or, with `None`, forgets) the number of students in the meting's class.
pub fn set_class_size(
    store: &dyn KeyValueStore,
    meting: MetingId,
    size: Option<u32>,
) -> Result<(), StorageError> {
    let key = StorageKey::ClassSize(meting.to_text()).as_string();
    match size.filter(|n| *n > 0) {
        Some(n) => store.set(&key, &n.to_string()),
        None => store.remove(&key),
    }
}

/// Removes a meting and every response collected for it.
pub fn delete_meting(store: &dyn KeyValueStore, meting: MetingId) -> Result<(), StorageError> {
    let id = meting.to_text();
    store.remove(&StorageKey::Held(id.clone()).as_string())?;
    let inbox = StorageKey::Inbox(id.clone(), String::new()).as_string();
    for key in store.keys()?.into_iter().filter(|k| k.starts_with(&inbox)) {
        store.remove(&key)?;
    }
    store.remove(&StorageKey::Released(id.clone()).as_string())?;
    store.remove(&StorageKey::ClassSize(id.clone()).as_string())?;
    store.remove(&StorageKey::Meting(id).as_string())
}

/// Keys under a prefix, sorted.
fn keys_under(store: &dyn KeyValueStore, prefix: &str) -> Result<Vec<String>, StorageError> {
    let mut keys: Vec<String> =
        store.keys()?.into_iter().filter(|k| k.starts_with(prefix)).collect();
    // Store keys are unique, so an unstable sort gives the same order, and the phone
    // carries one sort routine instead of two (0.8 KB).
    keys.sort_unstable();
    Ok(keys)
}

/// Ids of the responses collected for a meting (they are part of the keys, so this
/// needs no PIN).
pub fn inbox_ids(
    store: &dyn KeyValueStore,
    meting: MetingId,
) -> Result<BTreeSet<String>, StorageError> {
    let prefix = StorageKey::Inbox(meting.to_text(), String::new()).as_string();
    Ok(keys_under(store, &prefix)?
        .into_iter()
        .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
        .collect())
}

/// Stores newly taken responses, all or none: if one write fails, the ones this call
/// wrote are removed again and the error is returned. An entry that is already there
/// (the same response, delivered earlier) is left as it is.
pub fn keep_taken(
    store: &dyn KeyValueStore,
    meting: MetingId,
    taken: &[Taken],
) -> Result<(), StorageError> {
    let mut written: Vec<String> = Vec::with_capacity(taken.len());
    for t in taken {
        let key = StorageKey::Inbox(meting.to_text(), t.response.id.clone()).as_string();
        if store.get(&key).ok().flatten().is_some() {
            continue;
        }
        if let Err(e) = store.set(&key, &hex::encode(&t.envelope)) {
            for key in &written {
                let _ = store.remove(key);
            }
            return Err(e);
        }
        written.push(key);
    }
    Ok(())
}

/// Puts one sealed response straight into a meting's inbox (a kiosk on the team
/// device itself knows the response id it made).
pub fn deliver(
    store: &dyn KeyValueStore,
    meting: MetingId,
    response_id: &str,
    envelope: &[u8],
) -> Result<(), StorageError> {
    let key = StorageKey::Inbox(meting.to_text(), response_id.into()).as_string();
    store.set(&key, &hex::encode(envelope))
}

/// The envelopes collected for a meting, still sealed. Entries that cannot be read are
/// set aside; their new keys are returned.
pub fn load_inbox(
    store: &dyn KeyValueStore,
    meting: MetingId,
) -> Result<(Vec<Envelope>, Vec<String>), StorageError> {
    let prefix = StorageKey::Inbox(meting.to_text(), String::new()).as_string();
    read_envelopes(store, &prefix)
        .map(|(list, set_apart)| (list.into_iter().map(|(_, e)| e).collect(), set_apart))
}

/// Envelopes with their keys, and the keys of entries set aside.
type Read = (Vec<(String, Envelope)>, Vec<String>);

fn read_envelopes(store: &dyn KeyValueStore, prefix: &str) -> Result<Read, StorageError> {
    let mut list = Vec::new();
    let mut set_apart = Vec::new();
    for key in keys_under(store, prefix)? {
        let Some(raw) = store.get(&key)? else { continue };
        match hex::decode(&raw).and_then(|b| Envelope::from_bytes(&b).ok()) {
            Some(envelope) => list.push((key, envelope)),
            None => set_apart.push(set_aside(store, &key, &raw)?),
        }
    }
    Ok((list, set_apart))
}

/// Keeps a sealed response on this device until it is collected; `slot` is a fresh
/// random id. Returns the key.
pub fn post(
    store: &dyn KeyValueStore,
    meting: MetingId,
    slot: &str,
    envelope: &[u8],
) -> Result<String, StorageError> {
    let key = StorageKey::Outbox(meting.to_text(), slot.into()).as_string();
    store.set(&key, &hex::encode(envelope))?;
    Ok(key)
}

/// The sealed responses waiting on this device for a meting, with their keys (to
/// remove them once collected). Unreadable entries are set aside.
pub fn outbox(
    store: &dyn KeyValueStore,
    meting: MetingId,
) -> Result<Vec<(String, Envelope)>, StorageError> {
    let prefix = StorageKey::Outbox(meting.to_text(), String::new()).as_string();
    read_envelopes(store, &prefix).map(|(list, _)| list)
}

/// Removes collected responses from the outbox.
pub fn clear_outbox(store: &dyn KeyValueStore, keys: &[String]) -> Result<(), StorageError> {
    let prefix = StorageKey::Outbox(String::new(), String::new()).as_string();
    let prefix = prefix.trim_end_matches('.');
    for key in keys.iter().filter(|k| k.starts_with(prefix)) {
        store.remove(key)?;
    }
    Ok(())
}
