//! The compact binary response payload: one [`Response`] in as few bytes as possible, to
//! carry in a QR code or a response file (sealing it for the researcher happens
//! elsewhere).
//!
//! The payload only makes sense together with the instrument it answers: items are not
//! named but written in the instrument's order, and answer codes are written as their
//! index among the item's options. A fingerprint of the instrument's content makes sure a
//! payload is never read against another instrument, or against another file that has the
//! same id and version but, say, its options in another order.
//!
//! # Format, version 2
//!
//! | bytes | content |
//! |-------|---------|
//! | 3     | magic `SPG` ([`MAGIC`]) |
//! | 1     | format version, `2` ([`VERSION`]) |
//! | 4     | instrument fingerprint: the first four bytes of the instrument's content hash ([`fingerprint`]) |
//! | 16    | response id: the 32 lowercase hex characters of [`Response::id`] as raw bytes |
//! | 1     | ISO year − 2000 (0 to 255, so 2000 to 2255) |
//! | 1     | ISO week (1 to 53) |
//! | …     | one answer for every item of the instrument, in order (below) |
//! | 4     | CRC-32 of every byte before it, little endian |
//!
//! Numbers below are unsigned LEB128 varints: 7 bits per byte, lowest first, high bit set
//! on every byte but the last. A varint must use as few bytes as possible, and must fit
//! in 64 bits.
//!
//! Every answer starts with a varint tag: `0` no answer (the item was not shown or left
//! empty), `1` "weet ik niet", `2` "sla over". Otherwise, by kind:
//!
//! - single choice, scale, yes/no, share: `3 +` the index of the code in
//!   [`ItemKind::choices`];
//! - multiple choice: `3 +` a bitmask of the picked options (bit *i* is option *i*; at
//!   most 63 options). The picked codes must be in option order without repeats, as the
//!   session keeps them, so that decoding gives them back exactly; an exclusive option
//!   ("niets") is never picked together with another, and such a mask is refused;
//! - number: `3`, then the value zigzag-encoded (0, −1, 1, −2, … as 0, 1, 2, 3, …) as a
//!   varint; it must lie in the item's range;
//! - open text: `3`, then the byte length as a varint, then the UTF-8 bytes; at most
//!   `max_length` characters;
//! - matrix: `3`, then a varint for every row in order: `0` no answer, `1` "weet ik
//!   niet", `2 +` the index of the point.
//!
//! Every payload decodes to exactly one response and every response encodes to exactly
//! one payload: decoding refuses anything [`encode`] would not write.
//!
//! Version 1, which Spiegel wrote before instruments had a content hash, differs only in
//! the fingerprint: CRC-32 of `"<id>@<version>"`, little endian ([`legacy_fingerprint`]).
//! It is still read, so responses sealed before remain readable; the versions of the
//! built-in vragenlijsten it was written for never change (a host test pins their hashes).

use std::collections::BTreeMap;

use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::checksum;
use crate::domain::instrument::{Choice, Instrument, Item, ItemKind};
use crate::domain::response::Response;
use crate::domain::varint::{self, VarintError};

/// The first three bytes of every payload.
pub const MAGIC: &[u8; 3] = b"SPG";

/// The format version this module writes (and reads).
pub const VERSION: u8 = 2;

/// The earlier format version, fingerprinted by id and version only; still read.
pub const LEGACY_VERSION: u8 = 1;

/// Bytes before the answers: magic, version, fingerprint, id, year and week.
const HEADER_LEN: usize = 26;
/// Bytes of the checksum at the end.
const TRAILER_LEN: usize = 4;
/// Bytes of the response id.
const ID_LEN: usize = 16;
/// Most options a multiple choice may have to fit its bitmask in the tag.
const MAX_OPTIONS: usize = 63;
/// Worst case of UTF-8 bytes per character.
const MAX_UTF8: usize = 4;

/// Tag: no answer.
const NONE: u64 = 0;
/// Tag: "weet ik niet".
const DONT_KNOW: u64 = 1;
/// Tag: "sla over".
const SKIPPED: u64 = 2;
/// Tag of the first substantive answer.
const FIRST: u64 = 3;
/// Matrix row value of the first point.
const FIRST_POINT: u64 = 2;

/// Why a response cannot be written as a payload, or bytes cannot be read as one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// Fewer bytes than the header and checksum take.
    #[error("payload is too short")]
    TooShort,
    /// The checksum does not match: the bytes were damaged or changed.
    #[error("payload is damaged: the checksum does not match")]
    Checksum,
    /// The bytes do not start with [`MAGIC`].
    #[error("not a spiegel response")]
    BadMagic,
    /// A format version this app cannot read.
    #[error("unknown payload format version {0}")]
    UnknownVersion(u8),
    /// The payload or response belongs to another instrument or version.
    #[error("response is for another questionnaire or version")]
    OtherInstrument,
    /// The response id is not 32 lowercase hexadecimal characters.
    #[error("response id must be 32 lowercase hexadecimal characters")]
    BadId,
    /// The week is not of the form `2026-W48` with a year from 2000 to 2255 and a week
    /// from 1 to 53.
    #[error("week must look like 2026-W48, with a year from 2000 to 2255")]
    BadWeek,
    /// An answer for an item the instrument does not have.
    #[error("answer for unknown item {0}")]
    UnknownItem(String),
    /// An answer of the wrong kind for its item, e.g. a number for a yes/no item.
    #[error("answer to {0} does not fit the kind of question")]
    WrongKind(String),
    /// A code that is not one of the item's options (or a matrix's points).
    #[error("answer to {item} has unknown code {code}")]
    UnknownCode {
        /// The item.
        item: String,
        /// The code.
        code: String,
    },
    /// A matrix answer for a row the matrix does not have.
    #[error("answer to {item} has unknown row {row}")]
    UnknownRow {
        /// The matrix item.
        item: String,
        /// The row.
        row: String,
    },
    /// Picked codes of a multiple choice out of option order, or repeated.
    #[error("picked options of {0} are repeated or not in option order")]
    Unordered(String),
    /// An exclusive option ("niets") picked together with another option.
    #[error("{0} holds an exclusive option together with another one")]
    Exclusive(String),
    /// A multiple choice with more options than fit in the bitmask.
    #[error("{0} has more than 63 options")]
    TooManyOptions(String),
    /// A number outside the item's range.
    #[error("number for {0} is out of range")]
    OutOfRange(String),
    /// A text longer than the item's `max_length` characters.
    #[error("text for {0} is too long")]
    TooLong(String),
    /// A tag or row value that points past the item's options.
    #[error("answer to {0} picks an option that does not exist")]
    NoSuchOption(String),
    /// A tag that does not exist for the item's kind.
    #[error("answer to {0} has an unknown tag")]
    BadTag(String),
    /// Text bytes that are not valid UTF-8.
    #[error("text for {0} is not valid utf-8")]
    BadText(String),
    /// The answers end before every item has one.
    #[error("payload ends too early")]
    Truncated,
    /// Bytes left after the last item's answer.
    #[error("payload has bytes after the last answer")]
    TrailingBytes,
    /// A varint that does not fit in 64 bits.
    #[error("number does not fit in 64 bits")]
    Overflow,
    /// A varint written with more bytes than needed.
    #[error("number is written with more bytes than needed")]
    Overlong,
}

/// The instrument fingerprint of a payload: the first four bytes of the instrument's
/// content hash.
pub fn fingerprint(instrument: &Instrument) -> [u8; 4] {
    instrument.hash.fingerprint()
}

/// The fingerprint of a version-1 payload: CRC-32 of `"<id>@<version>"`, little endian.
pub fn legacy_fingerprint(instrument: &Instrument) -> [u8; 4] {
    checksum::crc32_of(&[instrument.id.as_bytes(), b"@", instrument.version.as_bytes()])
        .to_le_bytes()
}

/// Writes `response` as a payload for `instrument`.
///
/// Refuses a response for another instrument or version, an id that is not 32 lowercase
/// hex characters, a malformed week, and any answer the instrument could not have given
/// (unknown item, code or row, wrong kind, number out of range, text too long).
pub fn encode(instrument: &Instrument, response: &Response) -> Result<Vec<u8>, PayloadError> {
    if response.instrument != instrument.id || response.instrument_version != instrument.version {
        return Err(PayloadError::OtherInstrument);
    }
    for id in response.answers.keys() {
        if instrument.item(id).is_none() {
            return Err(PayloadError::UnknownItem(id.clone()));
        }
    }
    let mut out = Vec::with_capacity(HEADER_LEN + instrument.item_count() + TRAILER_LEN);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&fingerprint(instrument));
    out.extend_from_slice(&id_bytes(&response.id)?);
    out.extend_from_slice(&week_bytes(&response.week)?);
    for (_, item) in instrument.items() {
        encode_answer(&mut out, item, response.answers.get(&item.id))?;
    }
    let crc = checksum::crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    Ok(out)
}

/// Reads a payload for `instrument` back into the response it was made from.
///
/// Checks, in order: the length, the checksum, the magic, the format version and the
/// instrument fingerprint (of its version: [`fingerprint`] or [`legacy_fingerprint`]);
/// then reads every answer and refuses anything [`encode`] would not have written. Never
/// panics, whatever the bytes.
pub fn decode(instrument: &Instrument, bytes: &[u8]) -> Result<Response, PayloadError> {
    if bytes.len() < HEADER_LEN + TRAILER_LEN {
        return Err(PayloadError::TooShort);
    }
    let split = bytes.len().checked_sub(TRAILER_LEN).ok_or(PayloadError::TooShort)?;
    let (body, trailer) = bytes.split_at_checked(split).ok_or(PayloadError::TooShort)?;
    let stored = u32::from_le_bytes(four(trailer).ok_or(PayloadError::TooShort)?);
    if checksum::crc32(body) != stored {
        return Err(PayloadError::Checksum);
    }
    let mut r = Reader { rest: body };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(PayloadError::BadMagic);
    }
    let expected = match r.byte()? {
        VERSION => fingerprint(instrument),
        LEGACY_VERSION => legacy_fingerprint(instrument),
        version => return Err(PayloadError::UnknownVersion(version)),
    };
    if four(r.take(4)?).ok_or(PayloadError::Truncated)? != expected {
        return Err(PayloadError::OtherInstrument);
    }
    let id: String = r.take(ID_LEN)?.iter().map(|b| format!("{b:02x}")).collect();
    let year = u16::from(r.byte()?) + 2000; // at most 2255
    let week = r.byte()?;
    if !(1..=53).contains(&week) {
        return Err(PayloadError::BadWeek);
    }
    let mut answers = BTreeMap::new();
    for (_, item) in instrument.items() {
        if let Some(answer) = decode_answer(&mut r, item)? {
            answers.insert(item.id.clone(), answer);
        }
    }
    if !r.rest.is_empty() {
        return Err(PayloadError::TrailingBytes);
    }
    Ok(Response {
        id,
        instrument: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        week: format!("{year}-W{week:02}"),
        answers,
    })
}

/// The length in bytes of the largest payload `instrument` can have: every item
/// answered with its longest encoding, i.e. the highest option index, every option of a
/// multiple choice, the end of a number's range furthest from zero, every matrix row on
/// its last point, and every open text at `max_length` characters of 4 bytes each (the
/// most UTF-8 needs, e.g. emoji).
pub fn max_len(instrument: &Instrument) -> usize {
    instrument
        .items()
        .map(|(_, item)| max_answer_len(&item.kind))
        .fold(HEADER_LEN + TRAILER_LEN, usize::saturating_add)
}

/// The longest encoding of an answer to an item of this kind.
fn max_answer_len(kind: &ItemKind) -> usize {
    let coded = |n: usize| varint::len(FIRST.saturating_add(wide(n).saturating_sub(1)));
    let substantive = match kind {
        ItemKind::SingleChoice { .. }
        | ItemKind::Scale { .. }
        | ItemKind::YesNo
        | ItemKind::Share { .. } => coded(kind.choices().len()),
        ItemKind::MultipleChoice { options, .. } => {
            if options.len() > MAX_OPTIONS {
                // More than 63 options cannot be written at all; 10 bytes bound any varint.
                return 10;
            }
            // The largest mask a response can hold: every option that goes with others,
            // or one exclusive option alone, whichever is larger.
            let bit = |i: usize| 1u64 << i;
            let together: u64 =
                options.iter().enumerate().filter(|(_, o)| !o.exclusive).map(|(i, _)| bit(i)).sum();
            let alone =
                options.iter().enumerate().filter(|(_, o)| o.exclusive).map(|(i, _)| bit(i)).max();
            varint::len(FIRST.saturating_add(together.max(alone.unwrap_or(0))))
        }
        ItemKind::Number { min, max, .. } => {
            1 + varint::len(varint::zigzag(*min)).max(varint::len(varint::zigzag(*max)))
        }
        ItemKind::OpenText { max_length } => {
            let bytes = max_length.saturating_mul(MAX_UTF8);
            1usize.saturating_add(varint::len(wide(bytes))).saturating_add(bytes)
        }
        ItemKind::Matrix { rows, points } => {
            let row = varint::len(FIRST_POINT.saturating_add(wide(points.len()).saturating_sub(1)));
            1usize.saturating_add(rows.len().saturating_mul(row))
        }
    };
    // Tags 0 to 2 take one byte, never more than a substantive answer.
    substantive.max(1)
}

/// Writes the answer to one item.
fn encode_answer(
    out: &mut Vec<u8>,
    item: &Item,
    answer: Option<&Answer>,
) -> Result<(), PayloadError> {
    let answer = match answer {
        Some(Answer::DontKnow) => DONT_KNOW,
        Some(Answer::Skipped) => SKIPPED,
        Some(answer) => return encode_substantive(out, item, answer),
        None => NONE,
    };
    varint::put(out, answer);
    Ok(())
}

/// Writes a real answer (not "weet ik niet" or "sla over") to one item.
fn encode_substantive(out: &mut Vec<u8>, item: &Item, answer: &Answer) -> Result<(), PayloadError> {
    let wrong = || PayloadError::WrongKind(item.id.clone());
    let unknown =
        |code: &str| PayloadError::UnknownCode { item: item.id.clone(), code: code.into() };
    match (&item.kind, answer) {
        (kind, Answer::Choice(code)) if kind.is_single_coded() => {
            let index = kind.choices().iter().position(|c| &c.code == code);
            let index = index.ok_or_else(|| unknown(code))?;
            varint::put(out, FIRST.saturating_add(wide(index)));
        }
        (ItemKind::MultipleChoice { options, .. }, Answer::Choices(picked)) => {
            if options.len() > MAX_OPTIONS {
                return Err(PayloadError::TooManyOptions(item.id.clone()));
            }
            let mut mask = 0u64;
            let mut next = 0usize;
            for code in picked {
                let index = options.iter().position(|c| &c.code == code);
                let index = index.ok_or_else(|| unknown(code))?;
                if index < next {
                    return Err(PayloadError::Unordered(item.id.clone()));
                }
                next = index.saturating_add(1);
                let bit = u32::try_from(index).ok().and_then(|i| 1u64.checked_shl(i));
                mask |= bit.ok_or_else(|| PayloadError::TooManyOptions(item.id.clone()))?;
            }
            if breaks_exclusive(options, picked) {
                return Err(PayloadError::Exclusive(item.id.clone()));
            }
            varint::put(out, FIRST.saturating_add(mask));
        }
        (ItemKind::Number { min, max, .. }, Answer::Number(n)) => {
            if !(*min..=*max).contains(n) {
                return Err(PayloadError::OutOfRange(item.id.clone()));
            }
            varint::put(out, FIRST);
            varint::put(out, varint::zigzag(*n));
        }
        (ItemKind::OpenText { max_length }, Answer::Text(text)) => {
            if text.chars().count() > *max_length {
                return Err(PayloadError::TooLong(item.id.clone()));
            }
            varint::put(out, FIRST);
            varint::put(out, wide(text.len()));
            out.extend_from_slice(text.as_bytes());
        }
        (ItemKind::Matrix { rows, points }, Answer::Rows(given)) => {
            for row in given.keys() {
                if !rows.iter().any(|r| &r.id == row) {
                    return Err(PayloadError::UnknownRow {
                        item: item.id.clone(),
                        row: row.clone(),
                    });
                }
            }
            varint::put(out, FIRST);
            for row in rows {
                let value = match given.get(&row.id) {
                    None => NONE,
                    Some(code) if code == DONT_KNOW_CODE => DONT_KNOW,
                    Some(code) => {
                        let index = points.iter().position(|p| &p.code == code);
                        FIRST_POINT.saturating_add(wide(index.ok_or_else(|| unknown(code))?))
                    }
                };
                varint::put(out, value);
            }
        }
        _ => return Err(wrong()),
    }
    Ok(())
}

/// Reads the answer to one item; `None` for no answer.
fn decode_answer(r: &mut Reader<'_>, item: &Item) -> Result<Option<Answer>, PayloadError> {
    let no_option = || PayloadError::NoSuchOption(item.id.clone());
    let tag = r.varint()?;
    let value = match tag {
        NONE => return Ok(None),
        DONT_KNOW => return Ok(Some(Answer::DontKnow)),
        SKIPPED => return Ok(Some(Answer::Skipped)),
        _ => tag.saturating_sub(FIRST),
    };
    let answer = match &item.kind {
        kind if kind.is_single_coded() => {
            let choices = kind.choices();
            let choice = usize::try_from(value).ok().and_then(|i| choices.get(i));
            Answer::Choice(choice.ok_or_else(no_option)?.code.clone())
        }
        ItemKind::MultipleChoice { options, .. } => {
            if options.len() > MAX_OPTIONS {
                return Err(PayloadError::TooManyOptions(item.id.clone()));
            }
            let known = u32::try_from(options.len()).ok().and_then(|n| 1u64.checked_shl(n));
            if known.is_some_and(|limit| value >= limit) {
                return Err(no_option());
            }
            let mut picked = Vec::new();
            for (i, option) in options.iter().enumerate() {
                let bit = u32::try_from(i).ok().and_then(|i| 1u64.checked_shl(i));
                if bit.is_some_and(|bit| value & bit != 0) {
                    picked.push(option.code.clone());
                }
            }
            if breaks_exclusive(options, &picked) {
                return Err(PayloadError::Exclusive(item.id.clone()));
            }
            Answer::Choices(picked)
        }
        _ if value != 0 => return Err(PayloadError::BadTag(item.id.clone())),
        ItemKind::Number { min, max, .. } => {
            let n = varint::unzigzag(r.varint()?);
            if !(*min..=*max).contains(&n) {
                return Err(PayloadError::OutOfRange(item.id.clone()));
            }
            Answer::Number(n)
        }
        ItemKind::OpenText { max_length } => {
            let len = usize::try_from(r.varint()?).map_err(|_| PayloadError::Truncated)?;
            if len > max_length.saturating_mul(MAX_UTF8) {
                return Err(PayloadError::TooLong(item.id.clone()));
            }
            let bytes = r.take(len)?;
            let text =
                std::str::from_utf8(bytes).map_err(|_| PayloadError::BadText(item.id.clone()))?;
            if text.chars().count() > *max_length {
                return Err(PayloadError::TooLong(item.id.clone()));
            }
            Answer::Text(text.into())
        }
        ItemKind::Matrix { rows, points } => {
            let mut given = BTreeMap::new();
            for row in rows {
                let code = match r.varint()? {
                    NONE => continue,
                    DONT_KNOW => DONT_KNOW_CODE.to_string(),
                    v => {
                        let index = usize::try_from(v.saturating_sub(FIRST_POINT)).ok();
                        index.and_then(|i| points.get(i)).ok_or_else(no_option)?.code.clone()
                    }
                };
                given.insert(row.id.clone(), code);
            }
            Answer::Rows(given)
        }
        // Single-coded kinds are handled by the first arm.
        ItemKind::SingleChoice { .. }
        | ItemKind::Scale { .. }
        | ItemKind::YesNo
        | ItemKind::Share { .. } => return Err(PayloadError::BadTag(item.id.clone())),
    };
    Ok(Some(answer))
}

/// Whether `picked` holds an exclusive option together with another one.
fn breaks_exclusive(options: &[Choice], picked: &[String]) -> bool {
    picked.len() > 1 && options.iter().any(|o| o.exclusive && picked.contains(&o.code))
}

/// The 16 bytes of a response id of 32 lowercase hex characters.
fn id_bytes(id: &str) -> Result<[u8; ID_LEN], PayloadError> {
    let hex = id.as_bytes();
    if hex.len() != 2 * ID_LEN {
        return Err(PayloadError::BadId);
    }
    let mut out = [0u8; ID_LEN];
    for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
        let nibble = |i: usize| pair.get(i).copied().and_then(hex_digit).ok_or(PayloadError::BadId);
        *byte = (nibble(0)? << 4) | nibble(1)?;
    }
    Ok(out)
}

/// The value of a lowercase hex digit.
fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// Year − 2000 and week of an ISO week written `YYYY-Www`.
fn week_bytes(week: &str) -> Result<[u8; 2], PayloadError> {
    let (year, number) = week.split_once("-W").ok_or(PayloadError::BadWeek)?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(number, 2) {
        return Err(PayloadError::BadWeek);
    }
    let year: u16 = year.parse().map_err(|_| PayloadError::BadWeek)?;
    let number: u8 = number.parse().map_err(|_| PayloadError::BadWeek)?;
    let year = year.checked_sub(2000).and_then(|y| u8::try_from(y).ok());
    match year {
        Some(year) if (1..=53).contains(&number) => Ok([year, number]),
        _ => Err(PayloadError::BadWeek),
    }
}

/// The first four bytes of a slice of at least four.
fn four(bytes: &[u8]) -> Option<[u8; 4]> {
    bytes.get(..4)?.try_into().ok()
}

/// A `usize` as a `u64` (every target has at most 64-bit pointers).
fn wide(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Reads a payload front to back.
struct Reader<'a> {
    /// What is left to read.
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The next byte.
    fn byte(&mut self) -> Result<u8, PayloadError> {
        let (first, rest) = self.rest.split_first().ok_or(PayloadError::Truncated)?;
        self.rest = rest;
        Ok(*first)
    }

    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> Result<&'a [u8], PayloadError> {
        let (taken, rest) = self.rest.split_at_checked(n).ok_or(PayloadError::Truncated)?;
        self.rest = rest;
        Ok(taken)
    }

    /// The next varint, which must fit in 64 bits and use as few bytes as possible.
    fn varint(&mut self) -> Result<u64, PayloadError> {
        varint::take(&mut self.rest).map_err(|e| match e {
            VarintError::Truncated => PayloadError::Truncated,
            VarintError::Overflow => PayloadError::Overflow,
            VarintError::Overlong => PayloadError::Overlong,
        })
    }
}
