//! Own vragenlijsten in their checked form ([`crate::domain::instrument::checked`]), for
//! the student page.
//!
//! The team page keeps every own file it accepted as the file itself
//! ([`super::journal::save_instrument`]) and reads it back with full validation. Next to
//! each one it keeps the checked form of the instrument it read, under
//! `checked.<id>@<version>`, so the student page (a kiosk on the team device, or a run of
//! an own vragenlijst) can offer it without the file format and its validation in its
//! download. The checked copies follow the team page: written when a file is accepted,
//! rewritten when the team page loads its own files and finds a copy missing or different
//! (a device from before checked copies, a damaged copy), and removed when their file is
//! gone. Nothing is lost when a copy is: the file itself stays.

use super::{KeyValueStore, StorageError, StorageKey};
use crate::domain::catalog::{Catalog, Origin};
use crate::domain::hex;
use crate::domain::instrument::{checked, Instrument};

/// The key of an instrument's checked copy: its id and version.
fn key_of(instrument: &Instrument) -> String {
    StorageKey::Checked(format!("{}@{}", instrument.id, instrument.version)).as_string()
}

/// Keeps the checked copy of an own instrument the team page accepted.
pub fn save_checked(
    store: &dyn KeyValueStore,
    instrument: &Instrument,
) -> Result<(), StorageError> {
    store.set(&key_of(instrument), &hex::encode(&checked::encode(instrument)))
}

/// Makes the checked copies match the own instruments in `catalog` (the team page's,
/// after it loaded and validated every own file): writes the missing and the different
/// ones and removes those of instruments the catalogue no longer holds.
pub fn sync_checked(store: &dyn KeyValueStore, catalog: &Catalog) -> Result<(), StorageError> {
    let prefix = StorageKey::Checked(String::new()).as_string();
    let mut stale: Vec<String> =
        store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)).collect();
    for (_, instrument) in catalog.entries().filter(|(o, _)| *o == Origin::Own) {
        let key = key_of(instrument);
        stale.retain(|k| *k != key);
        let text = hex::encode(&checked::encode(instrument));
        if store.get(&key)?.as_deref() != Some(text.as_str()) {
            store.set(&key, &text)?;
        }
    }
    for key in stale {
        store.remove(&key)?;
    }
    Ok(())
}

/// The own instruments kept in their checked form, in key order. A copy that cannot be
/// read is left out (the team page writes it again from its file).
pub fn load_checked(store: &dyn KeyValueStore) -> Result<Vec<Instrument>, StorageError> {
    let prefix = StorageKey::Checked(String::new()).as_string();
    let mut keys: Vec<String> =
        store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)).collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for key in keys {
        let Some(text) = store.get(&key)? else { continue };
        let read = hex::decode(&text).and_then(|bytes| checked::decode(&bytes).ok());
        // The key names what the copy must be: a copy under another name is not used.
        if let Some(instrument) = read.filter(|i| key_of(i) == key) {
            out.push(instrument);
        }
    }
    Ok(out)
}
