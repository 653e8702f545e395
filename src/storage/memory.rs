//! An in-memory [`KeyValueStore`]: for tests, and the fallback when storage is blocked.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{KeyValueStore, StorageError};

/// A store that keeps everything in memory, optionally with a size limit to imitate a
/// full browser storage.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    limit: Option<usize>,
}

impl MemoryStore {
    /// A store that refuses writes once keys and values together exceed `bytes`.
    pub fn with_limit(bytes: usize) -> MemoryStore {
        MemoryStore { map: RefCell::default(), limit: Some(bytes) }
    }

    fn size_with(&self, key: &str, value: &str) -> usize {
        let map = self.map.borrow();
        let others: usize =
            map.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum();
        others + key.len() + value.len()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.limit.is_some_and(|limit| self.size_with(key, value) > limit) {
            return Err(StorageError::Full);
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
