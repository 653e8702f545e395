//! A meting's backup file: everything a team device needs to carry on with a meting on
//! another device, or on the same one after its site data was wiped, readable only with
//! the meting's passphrase.
//!
//! # File, version 1 (`.spiegel-backup`)
//!
//! | bytes | content |
//! |-------|---------|
//! | 3     | magic `SPB` ([`MAGIC`]) |
//! | 1     | format version, `1` |
//! | 8     | meting id, in the clear, so the app can say which meting a file is for |
//! | 1     | length of the wrapped key |
//! | n     | the wrapped key ([`crate::domain::seal::keywrap`]): what the passphrase opens |
//! | m     | the body, sealed to the meting's public key ([`crate::domain::seal::seal`]) |
//! | 4     | CRC-32 of every byte before it, little endian |
//!
//! The body, once opened, is a 4-byte little-endian length and that many bytes of JSON
//! ([`Meta`]: the team's label, the vragenlijst, context, week, state, the export plan
//! and the released set), then every collected response as a 16-byte response id, a 4-byte little-endian
//! length and its envelope ([`crate::domain::envelope`]), still sealed as it arrived.
//!
//! So without the passphrase a backup shows only the meting id and how large it is; the
//! label, the plan and the number of responses are sealed. Anyone can *make* a backup
//! (it needs only the public key), so a team can make one with the meting locked.
//! Reading one needs the passphrase: [`read`] opens it and checks that the key inside
//! belongs to the meting it names.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::domain::envelope::{Envelope, MAX_ENVELOPE};
use crate::domain::export::{Coarse, ExportPlan, PeriodLevel, RecordPlan};
use crate::domain::hex;
use crate::domain::instrument::ContentHash;
use crate::domain::meting::{Context, Meting, MetingId, METING_ID_LEN};
use crate::domain::seal::{self, KeyPair, SealError, WrappedKey};

/// First bytes of a backup file.
pub const MAGIC: &[u8; 3] = b"SPB";
/// The format version.
pub const VERSION: u8 = 1;
/// The file name's extension.
pub const EXTENSION: &str = "spiegel-backup";

/// Where a meting is in its life on the team device.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetingState {
    /// Collecting responses.
    #[default]
    Open,
    /// No more responses are taken in; the mirror and export still read it.
    Closed,
    /// Closed and marked as put away: still listed, backed up and exported.
    Archived,
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The meting, with its wrapped key.
    pub meting: Meting,
    /// Its state.
    pub state: MetingState,
    /// Its export plan, so a restored device keeps exports unjoinable.
    pub plan: Option<ExportPlan>,
    /// Its released set ([`crate::domain::analysis::release`]), so a restored device keeps
    /// showing the mirror and exports in steps of `k` from where this one was.
    pub released: BTreeSet<String>,
    /// Every collected response: its id and its envelope's bytes.
    pub responses: Vec<(String, Vec<u8>)>,
}

/// Why a backup cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// Not a Spiegel backup.
    #[error("this is not a Spiegel backup")]
    NotBackup,
    /// Made by a newer Spiegel.
    #[error("made by a newer version of Spiegel")]
    Newer,
    /// Damaged: checksum, lengths or contents.
    #[error("the backup is damaged")]
    Damaged,
    /// The passphrase does not open it.
    #[error("the passphrase does not open this backup")]
    WrongPassphrase,
}

/// The meting facts of a backup, as JSON inside the sealed body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    label: String,
    instrument: String,
    instrument_version: String,
    /// The vragenlijst's content hash, when the meting recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    instrument_hash: Option<String>,
    domein: Option<String>,
    niveau: Option<String>,
    leerweg: Option<String>,
    week: String,
    state: MetingState,
    plan: Option<FilePlan>,
    /// The released set (ids of responses in this backup's meting).
    #[serde(default)]
    released: BTreeSet<String>,
}

/// [`ExportPlan`] as written in a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePlan {
    /// See [`ExportPlan::k`].
    pub k: usize,
    /// See [`ExportPlan::records`].
    pub records: Option<FileRecordPlan>,
}

/// [`RecordPlan`] as written in a backup (and stored on the device).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRecordPlan {
    /// See [`RecordPlan::k`].
    pub k: usize,
    /// See [`RecordPlan::dates`].
    pub dates: Coarse,
    /// See [`RecordPlan::levels`].
    pub levels: Vec<(String, usize)>,
    /// `week`, `month` or `onderdrukt`.
    pub period: String,
    /// See [`RecordPlan::suppressed`].
    pub suppressed: BTreeSet<String>,
    /// See [`RecordPlan::batches`].
    pub batches: Vec<BTreeSet<String>>,
}

impl From<&ExportPlan> for FilePlan {
    fn from(p: &ExportPlan) -> FilePlan {
        FilePlan {
            k: p.k,
            records: p.records.as_ref().map(|r| FileRecordPlan {
                k: r.k,
                dates: r.dates,
                levels: r.levels.clone(),
                period: match r.period {
                    PeriodLevel::Week => "week",
                    PeriodLevel::Month => "month",
                    PeriodLevel::Suppressed => "onderdrukt",
                }
                .into(),
                suppressed: r.suppressed.clone(),
                batches: r.batches.clone(),
            }),
        }
    }
}

impl FilePlan {
    /// The plan; `None` if a field does not hold.
    pub fn to_plan(&self) -> Option<ExportPlan> {
        let records = match &self.records {
            None => None,
            Some(r) => Some(RecordPlan {
                k: r.k,
                dates: r.dates,
                levels: r.levels.clone(),
                period: match r.period.as_str() {
                    "week" => PeriodLevel::Week,
                    "month" => PeriodLevel::Month,
                    "onderdrukt" => PeriodLevel::Suppressed,
                    _ => return None,
                },
                suppressed: r.suppressed.clone(),
                batches: r.batches.clone(),
            }),
        };
        Some(ExportPlan { k: self.k, records })
    }
}

/// Writes a backup of `backup`, sealed to its meting's public key. `seed` must be 32 fresh
/// random bytes. Responses with an id that is not 32 hexadecimal characters, or longer
/// than an envelope may be, are left out (the app never stores such).
pub fn write(backup: &Backup, seed: [u8; 32]) -> Vec<u8> {
    let m = &backup.meting;
    let meta = Meta {
        label: m.label.clone(),
        instrument: m.instrument.clone(),
        instrument_version: m.instrument_version.clone(),
        instrument_hash: m.instrument_hash.map(|h| h.to_text()),
        domein: m.context.domein.clone(),
        niveau: m.context.niveau.clone(),
        leerweg: m.context.leerweg.clone(),
        week: m.week.clone(),
        state: backup.state,
        plan: backup.plan.as_ref().map(FilePlan::from),
        released: backup.released.clone(),
    };
    let json = serde_json::to_vec(&meta).unwrap_or_default();
    let mut body = Vec::with_capacity(json.len() + backup.responses.len() * 200);
    body.extend_from_slice(&(json.len() as u32).to_le_bytes());
    body.extend_from_slice(&json);
    for (id, envelope) in &backup.responses {
        let Some(id) = hex::decode(id).filter(|b| b.len() == 16) else { continue };
        if envelope.len() > MAX_ENVELOPE {
            continue;
        }
        body.extend_from_slice(&id);
        body.extend_from_slice(&(envelope.len() as u32).to_le_bytes());
        body.extend_from_slice(envelope);
    }
    let key = m.key.to_bytes();
    let mut out = Vec::with_capacity(body.len() + 200);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&m.id.0);
    out.push(key.len() as u8);
    out.extend_from_slice(&key);
    out.extend(seal::seal(&m.public(), &body, seed));
    let crc = crate::domain::checksum::crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// The parts of a backup readable without the passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// The meting it is for.
    pub meting: MetingId,
    /// Its wrapped key.
    pub key: WrappedKey,
    sealed: Vec<u8>,
}

/// Reads the outside of a backup: which meting, and its wrapped key (to ask for the
/// passphrase). Checks magic, version and checksum.
pub fn peek(bytes: &[u8]) -> Result<Sealed, BackupError> {
    if bytes.len() < 4 || &bytes[..3] != MAGIC {
        return Err(BackupError::NotBackup);
    }
    if bytes[3] != VERSION {
        return Err(BackupError::Newer);
    }
    let (body, crc) =
        bytes.split_at_checked(bytes.len().saturating_sub(4)).ok_or(BackupError::Damaged)?;
    if body.len() < 4 + METING_ID_LEN + 1
        || crate::domain::checksum::crc32(body).to_le_bytes() != crc
    {
        return Err(BackupError::Damaged);
    }
    let rest = &body[4..];
    let (id, rest) = rest.split_at(METING_ID_LEN);
    let (&key_len, rest) = rest.split_first().ok_or(BackupError::Damaged)?;
    let (key, sealed) = rest.split_at_checked(usize::from(key_len)).ok_or(BackupError::Damaged)?;
    let key = WrappedKey::from_bytes(key).map_err(|_| BackupError::Damaged)?;
    let mut meting = [0; METING_ID_LEN];
    meting.copy_from_slice(id);
    Ok(Sealed { meting: MetingId(meting), key, sealed: sealed.to_vec() })
}

/// Opens a backup with its passphrase (or, for an older meting, its PIN).
pub fn read(bytes: &[u8], passphrase: &str) -> Result<(Backup, KeyPair), BackupError> {
    let outside = peek(bytes)?;
    let keys = seal::unwrap_key(&outside.key, passphrase).map_err(|e| match e {
        SealError::WrongPin => BackupError::WrongPassphrase,
        _ => BackupError::Damaged,
    })?;
    let body = seal::open(&keys, &outside.sealed).map_err(|_| BackupError::Damaged)?;
    let (len, rest) = body.split_at_checked(4).ok_or(BackupError::Damaged)?;
    let len = u32::from_le_bytes(len.try_into().map_err(|_| BackupError::Damaged)?) as usize;
    let (json, mut rest) = rest.split_at_checked(len).ok_or(BackupError::Damaged)?;
    let meta: Meta = serde_json::from_slice(json).map_err(|_| BackupError::Damaged)?;
    let context = Context { domein: meta.domein, niveau: meta.niveau, leerweg: meta.leerweg };
    context.check().map_err(|_| BackupError::Damaged)?;
    let plan = match &meta.plan {
        Some(p) => Some(p.to_plan().ok_or(BackupError::Damaged)?),
        None => None,
    };
    let mut responses = Vec::new();
    let mut seen = BTreeSet::new();
    while !rest.is_empty() {
        let (id, tail) = rest.split_at_checked(16).ok_or(BackupError::Damaged)?;
        let (len, tail) = tail.split_at_checked(4).ok_or(BackupError::Damaged)?;
        let len = u32::from_le_bytes(len.try_into().map_err(|_| BackupError::Damaged)?) as usize;
        let (envelope, tail) = tail.split_at_checked(len).ok_or(BackupError::Damaged)?;
        let read = Envelope::from_bytes(envelope).map_err(|_| BackupError::Damaged)?;
        if read.meting != outside.meting {
            return Err(BackupError::Damaged);
        }
        let id = hex::encode(id);
        if seen.insert(id.clone()) {
            responses.push((id, envelope.to_vec()));
        }
        rest = tail;
    }
    let meting = Meting {
        id: outside.meting,
        instrument: meta.instrument,
        instrument_version: meta.instrument_version,
        instrument_hash: match &meta.instrument_hash {
            Some(text) => Some(ContentHash::from_text(text).ok_or(BackupError::Damaged)?),
            None => None,
        },
        label: meta.label,
        context,
        week: meta.week,
        key: outside.key,
    };
    let released = meta.released;
    Ok((Backup { meting, state: meta.state, plan, released, responses }, keys))
}

/// The file name a backup is offered under: the meting id and the week it was made.
pub fn file_name(meting: MetingId, week: &str) -> String {
    format!("spiegel-{}-{week}.{EXTENSION}", meting.to_text())
}
