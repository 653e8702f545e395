//! The team store in the browser's IndexedDB ([`super::team::TeamStore`]), through the
//! `idb` crate.
//!
//! Database `spiegel-team`, version 1, with three object stores:
//!
//! - `metingen`: key the meting id (16 hex), value its JSON ([`super::team::to_json`]);
//! - `responses`: key `[meting id, response id]`, value the envelope's bytes (a
//!   `Uint8Array`); a meting's responses are one key range, so they are read with one
//!   `getAll` and removed with one `delete`;
//! - `aside`: entries that could not be read, `{what, raw}` with a generated key.
//!
//! Every batch of writes is one transaction: it commits whole or not at all.

use idb::{
    Database, DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, TransactionMode,
    TransactionResult,
};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::team::{StoreFuture, TeamStore};
use super::StorageError;

/// The database name.
pub const NAME: &str = "spiegel-team";
const METINGEN: &str = "metingen";
const RESPONSES: &str = "responses";
const ASIDE: &str = "aside";

/// The team store in IndexedDB.
#[derive(Debug)]
pub struct IdbTeamStore {
    db: Database,
}

fn failed(e: impl std::fmt::Debug) -> StorageError {
    let text = format!("{e:?}");
    if text.contains("QuotaExceeded") {
        StorageError::Full
    } else {
        StorageError::Failed(text)
    }
}

impl IdbTeamStore {
    /// Opens (and on first use creates) the database. Fails when the browser refuses
    /// IndexedDB (some private modes, managed settings).
    pub async fn open() -> Result<IdbTeamStore, StorageError> {
        let factory = Factory::new().map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        let mut request =
            factory.open(NAME, Some(1)).map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else { return };
            let names = db.store_names();
            for name in [METINGEN, RESPONSES] {
                if !names.iter().any(|n| n == name) {
                    let _ = db.create_object_store(name, ObjectStoreParams::new());
                }
            }
            if !names.iter().any(|n| n == ASIDE) {
                let mut params = ObjectStoreParams::new();
                params.auto_increment(true);
                let _ = db.create_object_store(ASIDE, params);
            }
        });
        let db = request.await.map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        Ok(IdbTeamStore { db })
    }

    /// The key range of one meting's responses.
    fn range(meting: &str) -> Result<Query, StorageError> {
        let lower = Array::of1(&JsValue::from_str(meting));
        let upper = Array::of2(&JsValue::from_str(meting), &JsValue::from(Array::new()));
        // `[m]` < `[m, any string]` < `[m, []]`: arrays sort after strings.
        KeyRange::bound(&lower, &upper, Some(false), Some(false)).map(Query::from).map_err(failed)
    }

    fn key(meting: &str, id: &str) -> JsValue {
        Array::of2(&JsValue::from_str(meting), &JsValue::from_str(id)).into()
    }

    async fn commit(tx: idb::Transaction) -> Result<(), StorageError> {
        match tx.commit().map_err(failed)?.await.map_err(failed)? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err(StorageError::Failed("aborted".into())),
        }
    }

    async fn all_metingen(&self) -> Result<Vec<(String, String)>, StorageError> {
        let tx = self.db.transaction(&[METINGEN], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(METINGEN).map_err(failed)?;
        let keys = store.get_all_keys(None, None).map_err(failed)?.await.map_err(failed)?;
        let values = store.get_all(None, None).map_err(failed)?.await.map_err(failed)?;
        Ok(keys
            .into_iter()
            .zip(values)
            .map(|(k, v)| (k.as_string().unwrap_or_default(), v.as_string().unwrap_or_default()))
            .collect())
    }

    async fn ids(&self, meting: &str) -> Result<Vec<String>, StorageError> {
        let tx = self.db.transaction(&[RESPONSES], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(RESPONSES).map_err(failed)?;
        let keys = store
            .get_all_keys(Some(Self::range(meting)?), None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(keys
            .into_iter()
            .filter_map(|k| k.dyn_into::<Array>().ok()?.get(1).as_string())
            .collect())
    }

    async fn read(&self, meting: &str) -> Result<Vec<(String, Vec<u8>)>, StorageError> {
        let tx = self.db.transaction(&[RESPONSES], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(RESPONSES).map_err(failed)?;
        let range = Self::range(meting)?;
        let keys =
            store.get_all_keys(Some(range.clone()), None).map_err(failed)?.await.map_err(failed)?;
        let values = store.get_all(Some(range), None).map_err(failed)?.await.map_err(failed)?;
        if keys.len() != values.len() {
            return Err(StorageError::Failed("keys and values differ".into()));
        }
        Ok(keys
            .into_iter()
            .zip(values)
            .map(|(k, v)| {
                let id = k.dyn_into::<Array>().ok().and_then(|a| a.get(1).as_string());
                let bytes = v.dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
                (id.unwrap_or_default(), bytes)
            })
            .collect())
    }

    async fn add(&self, meting: &str, list: &[(String, Vec<u8>)]) -> Result<usize, StorageError> {
        let have: std::collections::BTreeSet<String> =
            self.ids(meting).await?.into_iter().collect();
        let mut seen = std::collections::BTreeSet::new();
        let fresh: Vec<&(String, Vec<u8>)> =
            list.iter().filter(|(id, _)| !have.contains(id) && seen.insert(id.clone())).collect();
        if fresh.is_empty() {
            return Ok(0);
        }
        let tx = self.db.transaction(&[RESPONSES], TransactionMode::ReadWrite).map_err(failed)?;
        let store = tx.object_store(RESPONSES).map_err(failed)?;
        for (id, bytes) in &fresh {
            let value = Uint8Array::from(bytes.as_slice());
            store.put(&value, Some(&Self::key(meting, id))).map_err(failed)?;
        }
        Self::commit(tx).await?;
        Ok(fresh.len())
    }

    async fn put(&self, id: &str, json: &str) -> Result<(), StorageError> {
        let tx = self.db.transaction(&[METINGEN], TransactionMode::ReadWrite).map_err(failed)?;
        let store = tx.object_store(METINGEN).map_err(failed)?;
        store.put(&JsValue::from_str(json), Some(&JsValue::from_str(id))).map_err(failed)?;
        Self::commit(tx).await
    }

    async fn delete(&self, id: &str) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[METINGEN, RESPONSES], TransactionMode::ReadWrite)
            .map_err(failed)?;
        tx.object_store(METINGEN)
            .map_err(failed)?
            .delete(Query::from(JsValue::from_str(id)))
            .map_err(failed)?;
        tx.object_store(RESPONSES).map_err(failed)?.delete(Self::range(id)?).map_err(failed)?;
        Self::commit(tx).await
    }

    async fn aside(&self, what: &str, raw: &[u8]) -> Result<(), StorageError> {
        let tx = self.db.transaction(&[ASIDE], TransactionMode::ReadWrite).map_err(failed)?;
        let store = tx.object_store(ASIDE).map_err(failed)?;
        let entry = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&entry, &"what".into(), &JsValue::from_str(what));
        let _ = js_sys::Reflect::set(&entry, &"raw".into(), &Uint8Array::from(raw).into());
        store.add(&entry, None).map_err(failed)?;
        Self::commit(tx).await
    }

    async fn aside_count(&self) -> Result<usize, StorageError> {
        let tx = self.db.transaction(&[ASIDE], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(ASIDE).map_err(failed)?;
        let n = store.count(None).map_err(failed)?.await.map_err(failed)?;
        Ok(n as usize)
    }

    async fn remove(&self, meting: &str, id: &str) -> Result<(), StorageError> {
        let tx = self.db.transaction(&[RESPONSES], TransactionMode::ReadWrite).map_err(failed)?;
        let store = tx.object_store(RESPONSES).map_err(failed)?;
        store.delete(Query::from(Self::key(meting, id))).map_err(failed)?;
        Self::commit(tx).await
    }
}

impl TeamStore for IdbTeamStore {
    fn metingen(&self) -> StoreFuture<'_, Vec<(String, String)>> {
        Box::pin(self.all_metingen())
    }

    fn put_meting<'a>(&'a self, id: &'a str, json: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(self.put(id, json))
    }

    fn response_ids<'a>(&'a self, meting: &'a str) -> StoreFuture<'a, Vec<String>> {
        Box::pin(self.ids(meting))
    }

    fn responses<'a>(&'a self, meting: &'a str) -> StoreFuture<'a, Vec<(String, Vec<u8>)>> {
        Box::pin(self.read(meting))
    }

    fn add_responses<'a>(
        &'a self,
        meting: &'a str,
        responses: &'a [(String, Vec<u8>)],
    ) -> StoreFuture<'a, usize> {
        Box::pin(self.add(meting, responses))
    }

    fn delete_meting<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(self.delete(id))
    }

    fn set_aside<'a>(&'a self, what: &'a str, raw: &'a [u8]) -> StoreFuture<'a, ()> {
        Box::pin(self.aside(what, raw))
    }

    fn set_aside_count(&self) -> StoreFuture<'_, usize> {
        Box::pin(self.aside_count())
    }

    fn remove_response<'a>(&'a self, meting: &'a str, id: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(self.remove(meting, id))
    }
}
