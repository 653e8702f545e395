//! How a sealed response travels from a student's device to the team device: as an
//! *envelope* in a response file or in one or more QR codes.
//!
//! # Envelope, version 1
//!
//! | bytes | content |
//! |-------|---------|
//! | 3     | magic `SPR` ([`ENVELOPE_MAGIC`]) |
//! | 1     | format version, `1` |
//! | 8     | meting id, in the clear, so a response of another meting gets that reason |
//! | n     | the response payload ([`crate::domain::payload`]) sealed to the meting's key ([`crate::domain::seal`]) |
//! | 4     | CRC-32 of every byte before it, little endian |
//!
//! The checksum tells a damaged file or a misread code apart from a response that is
//! sealed to another key; the seal itself is what protects the answers.
//!
//! # Response file, version 1
//!
//! One or more envelopes, e.g. one student's, or everything a kiosk device collected:
//! magic `SPF` ([`FILE_MAGIC`]), version `1`, the count as a varint (1 to
//! [`MAX_FILE_ENVELOPES`]), then each envelope as a varint length and its bytes. A file
//! reads completely or not at all.
//!
//! # QR codes
//!
//! An envelope of at most [`MAX_QR_BYTES`] bytes is one QR code holding exactly the
//! envelope. A longer one is split into parts, each its own QR code:
//!
//! | bytes | content |
//! |-------|---------|
//! | 3     | magic `SPQ` ([`PART_MAGIC`]) |
//! | 1     | format version, `1` |
//! | 4     | group: the envelope's own CRC-32 (its last four bytes) |
//! | 1     | part number, from 0 |
//! | 1     | number of parts, 2 to 255 |
//! | n     | the next slice of the envelope |
//!
//! [`Parts`] collects scanned parts in any order and hands over the envelope when the
//! group is complete and its checksum matches.

use std::collections::BTreeMap;

use crate::domain::checksum;
use crate::domain::meting::{MetingId, METING_ID_LEN};

/// First bytes of an envelope.
pub const ENVELOPE_MAGIC: &[u8; 3] = b"SPR";
/// First bytes of a response file.
pub const FILE_MAGIC: &[u8; 3] = b"SPF";
/// First bytes of a QR part.
pub const PART_MAGIC: &[u8; 3] = b"SPQ";
/// The format version of all three.
pub const VERSION: u8 = 1;
/// Bytes an envelope adds around the sealed response.
pub const ENVELOPE_OVERHEAD: usize = 3 + 1 + METING_ID_LEN + 4;
/// Most bytes in one QR code: version 12 at error correction M holds 287, a size a
/// laptop or phone camera reads from a phone screen at arm's length.
pub const MAX_QR_BYTES: usize = 287;
/// Bytes of a part's header.
pub const PART_HEADER: usize = 3 + 1 + 4 + 1 + 1;
/// Most envelopes in one response file.
pub const MAX_FILE_ENVELOPES: usize = 10_000;
/// Largest envelope accepted (well above the largest staff response). Instrument
/// validation refuses a vragenlijst whose largest possible response would not fit
/// ([`crate::domain::instrument::parse`]), so every valid response can travel.
pub const MAX_ENVELOPE: usize = 64 * 1024;
/// Most parts one envelope may be split into: the part count is one byte.
pub const MAX_PARTS: usize = 255;

// The largest envelope fits in the part count (237 parts), so the count never wraps.
const _: () = assert!(MAX_ENVELOPE.div_ceil(MAX_QR_BYTES - PART_HEADER) <= MAX_PARTS);

/// Why bytes are not a readable envelope, file or QR part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// Not Spiegel data at all.
    #[error("this is not a Spiegel response")]
    NotSpiegel,
    /// A format version this app cannot read (made by a newer Spiegel).
    #[error("made by a newer version of Spiegel (format {0})")]
    UnknownVersion(u8),
    /// Too short, a wrong checksum, or bytes left over: damaged on the way.
    #[error("the response is damaged")]
    Damaged,
    /// A response file with no responses in it.
    #[error("the file holds no responses")]
    Empty,
    /// More than the format allows.
    #[error("the file is too large")]
    TooLarge,
    /// A QR part that does not fit with the parts scanned before.
    #[error("this code does not belong with the codes scanned before")]
    PartMismatch,
}

/// A sealed response with the id of the meting it is sealed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The meting.
    pub meting: MetingId,
    /// The sealed payload.
    pub sealed: Vec<u8>,
}

impl Envelope {
    /// The envelope's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(ENVELOPE_OVERHEAD + self.sealed.len());
        out.extend_from_slice(ENVELOPE_MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&self.meting.0);
        out.extend_from_slice(&self.sealed);
        let crc = checksum::crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Reads [`Envelope::to_bytes`] back.
    pub fn from_bytes(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
        check_head(bytes, ENVELOPE_MAGIC)?;
        if bytes.len() < ENVELOPE_OVERHEAD + 1 {
            return Err(EnvelopeError::Damaged);
        }
        if bytes.len() > MAX_ENVELOPE {
            return Err(EnvelopeError::TooLarge);
        }
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        if checksum::crc32(body).to_le_bytes() != crc {
            return Err(EnvelopeError::Damaged);
        }
        let mut id = [0; METING_ID_LEN];
        id.copy_from_slice(&body[4..4 + METING_ID_LEN]);
        Ok(Envelope { meting: MetingId(id), sealed: body[4 + METING_ID_LEN..].to_vec() })
    }

    /// The QR codes' contents for this envelope: one, or parts of at most
    /// [`MAX_QR_BYTES`] each. Empty for an envelope longer than [`MAX_ENVELOPE`], which
    /// no reader would take (and whose part count would not fit in a byte): such a
    /// response can only travel as a file, and a valid vragenlijst never makes one.
    pub fn qr_codes(&self) -> Vec<Vec<u8>> {
        let bytes = self.to_bytes();
        if bytes.len() <= MAX_QR_BYTES {
            return vec![bytes];
        }
        if bytes.len() > MAX_ENVELOPE {
            return Vec::new();
        }
        let group = &bytes[bytes.len() - 4..];
        let chunks: Vec<&[u8]> = bytes.chunks(MAX_QR_BYTES - PART_HEADER).collect();
        let Ok(count) = u8::try_from(chunks.len()) else {
            return Vec::new();
        };
        chunks
            .iter()
            .enumerate()
            .map(|(n, chunk)| {
                let mut part = Vec::with_capacity(PART_HEADER + chunk.len());
                part.extend_from_slice(PART_MAGIC);
                part.push(VERSION);
                part.extend_from_slice(group);
                part.push(n as u8);
                part.push(count);
                part.extend_from_slice(chunk);
                part
            })
            .collect()
    }
}

/// Checks magic and version.
fn check_head(bytes: &[u8], magic: &[u8; 3]) -> Result<(), EnvelopeError> {
    if bytes.len() < 4 || &bytes[..3] != magic {
        return Err(EnvelopeError::NotSpiegel);
    }
    if bytes[3] != VERSION {
        return Err(EnvelopeError::UnknownVersion(bytes[3]));
    }
    Ok(())
}

/// A response file holding `envelopes` (each as [`Envelope::to_bytes`]).
pub fn file_bytes<B: AsRef<[u8]>>(envelopes: &[B]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(FILE_MAGIC);
    out.push(VERSION);
    put_varint(&mut out, envelopes.len());
    for envelope in envelopes {
        let envelope = envelope.as_ref();
        put_varint(&mut out, envelope.len());
        out.extend_from_slice(envelope);
    }
    out
}

/// Reads a response file: every envelope, or an error and none.
pub fn read_file(bytes: &[u8]) -> Result<Vec<Envelope>, EnvelopeError> {
    check_head(bytes, FILE_MAGIC)?;
    let mut rest = &bytes[4..];
    let count = take_varint(&mut rest)?;
    if count == 0 {
        return Err(EnvelopeError::Empty);
    }
    if count > MAX_FILE_ENVELOPES {
        return Err(EnvelopeError::TooLarge);
    }
    let mut envelopes = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        let len = take_varint(&mut rest)?;
        if len > rest.len() {
            return Err(EnvelopeError::Damaged);
        }
        let (envelope, tail) = rest.split_at(len);
        envelopes.push(Envelope::from_bytes(envelope).map_err(|e| match e {
            EnvelopeError::NotSpiegel => EnvelopeError::Damaged,
            other => other,
        })?);
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(EnvelopeError::Damaged);
    }
    Ok(envelopes)
}

fn put_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A varint of at most three bytes (up to 2 097 151), the most any count or length here
/// needs.
fn take_varint(rest: &mut &[u8]) -> Result<usize, EnvelopeError> {
    let mut n = 0usize;
    for shift in [0, 7, 14] {
        let (&byte, tail) = rest.split_first().ok_or(EnvelopeError::Damaged)?;
        *rest = tail;
        n |= usize::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            if byte == 0 && shift > 0 {
                return Err(EnvelopeError::Damaged);
            }
            return Ok(n);
        }
    }
    Err(EnvelopeError::TooLarge)
}

/// What one scanned QR code held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scan {
    /// A whole envelope.
    Whole(Envelope),
    /// A part of a longer one; more codes are needed.
    Part {
        /// Parts of this group seen so far.
        have: usize,
        /// Parts in the group.
        of: usize,
    },
}

/// Collects QR parts until an envelope is complete. Parts of several groups may be
/// scanned in any order and more than once.
#[derive(Debug, Default)]
pub struct Parts {
    groups: BTreeMap<[u8; 4], Group>,
}

#[derive(Debug)]
struct Group {
    count: u8,
    chunks: BTreeMap<u8, Vec<u8>>,
}

impl Parts {
    /// An empty collector.
    pub fn new() -> Parts {
        Parts::default()
    }

    /// Reads one scanned code: a whole envelope, a part (kept until its group is
    /// complete, then the whole envelope), or an error.
    pub fn add(&mut self, code: &[u8]) -> Result<Scan, EnvelopeError> {
        if code.starts_with(ENVELOPE_MAGIC) {
            return Envelope::from_bytes(code).map(Scan::Whole);
        }
        check_head(code, PART_MAGIC)?;
        if code.len() <= PART_HEADER {
            return Err(EnvelopeError::Damaged);
        }
        let mut group = [0; 4];
        group.copy_from_slice(&code[4..8]);
        let (n, count) = (code[8], code[9]);
        if count < 2 || n >= count {
            return Err(EnvelopeError::Damaged);
        }
        let entry =
            self.groups.entry(group).or_insert_with(|| Group { count, chunks: BTreeMap::new() });
        if entry.count != count {
            return Err(EnvelopeError::PartMismatch);
        }
        entry.chunks.insert(n, code[PART_HEADER..].to_vec());
        if entry.chunks.len() < usize::from(count) {
            return Ok(Scan::Part { have: entry.chunks.len(), of: usize::from(count) });
        }
        let Some(done) = self.groups.remove(&group) else {
            return Err(EnvelopeError::Damaged);
        };
        let bytes: Vec<u8> = done.chunks.into_values().flatten().collect();
        if bytes.len() < 4 || bytes[bytes.len() - 4..] != group {
            return Err(EnvelopeError::Damaged);
        }
        Envelope::from_bytes(&bytes).map(Scan::Whole)
    }
}
