//! `window.localStorage` as a [`KeyValueStore`]. The only file that touches it.
//!
//! `localStorage` writes are synchronous, so when [`KeyValueStore::set`] returns `Ok` the
//! answer is on disk before the next screen is drawn. Every call can fail (private mode,
//! managed school browsers, a full disk): failures become [`StorageError`]s, never panics.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use super::{KeyValueStore, StorageError};

/// The browser's local storage.
#[derive(Debug, Clone)]
pub struct LocalStore {
    storage: Storage,
}

impl LocalStore {
    /// Opens local storage and checks that a write works.
    pub fn open() -> Result<LocalStore, StorageError> {
        let window = web_sys::window().ok_or_else(|| unavailable("no window"))?;
        let storage = window
            .local_storage()
            .map_err(|e| StorageError::Unavailable(describe(&e)))?
            .ok_or_else(|| unavailable("localStorage is missing"))?;
        let store = LocalStore { storage };
        // Some browsers hand out a storage object that refuses every write. A full one
        // still reads, and it may hold a run in progress: keep it, so that run resumes
        // (the first failed save then raises the banner).
        let probe = "spiegel.v1.probe";
        match store.set(probe, "1") {
            Ok(()) => store.remove(probe)?,
            Err(StorageError::Full) => {}
            Err(e) => return Err(e),
        }
        Ok(store)
    }
}

fn unavailable(why: &str) -> StorageError {
    StorageError::Unavailable(why.into())
}

fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<DomException>() {
        Some(d) => format!("{}: {}", d.name(), d.message()),
        None => e.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

fn classify(e: &JsValue) -> StorageError {
    match e.dyn_ref::<DomException>().map(|d| d.name()) {
        Some(name) if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StorageError::Full
        }
        Some(name) if name == "SecurityError" => StorageError::Unavailable(describe(e)),
        _ => StorageError::Failed(describe(e)),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(|e| classify(&e))?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(|e| classify(&e))? {
                out.push(k);
            }
        }
        Ok(out)
    }
}
