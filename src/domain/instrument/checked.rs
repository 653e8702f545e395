//! The checked form of a vragenlijst: an [`Instrument`] that [`super::parse`] has already
//! validated, written compactly, so that a device which only *runs* vragenlijsten (a
//! student's phone) reads it back without the file format, its validation or a JSON
//! parser for it. `make dist` writes the built-in vragenlijsten in this form next to their
//! JSON files; the team app keeps an own vragenlijst in this form too once it has accepted
//! the file. Reading it back gives exactly the instrument that was written (a host test
//! checks this for every built-in version and the own-file fixtures).
//!
//! Reading never trusts the bytes: a damaged, cut-off or mixed-up form is refused with a
//! [`CheckedError`], never a panic, and the caller compares [`Instrument::hash`] with the
//! content hash it expects.
//!
//! # Format, version 1
//!
//! | bytes | content |
//! |-------|---------|
//! | 3     | magic `SPV` ([`MAGIC`]) |
//! | 1     | format version, `1` ([`VERSION`]) |
//! | 32    | the content hash of the file the instrument was read from ([`super::ContentHash`]) |
//! | …     | the instrument, field by field in the order of its declaration (below) |
//! | 4     | CRC-32 of every byte before it, little endian |
//!
//! A number is an unsigned LEB128 varint (signed numbers zigzag-encoded first), a string
//! its byte length and its UTF-8 bytes, a [`Text`] its Dutch and then its English string,
//! a `bool` one byte `0` or `1`, an `Option` a byte `0` (none) or `1` and the value, a
//! list its length and its elements. An enum is a byte with the index of its variant
//! (in declaration order) and then that variant's fields. Share cut points are four
//! bytes.

use crate::domain::checksum;
use crate::domain::condition::Condition;
use crate::domain::text::Text;
use crate::domain::varint;

use super::{
    Audience, Bands, Choice, Construct, ContentHash, ContextKey, Instrument, Item, ItemKind,
    Mirror, Row, Section, Source, Theme,
};

/// The first three bytes of the checked form.
pub const MAGIC: &[u8; 3] = b"SPV";

/// The version of the checked form this module writes and reads.
pub const VERSION: u8 = 1;

/// How deeply conditions may nest (`all`, `any` and `not` inside each other); deeper is
/// refused rather than risking the stack on damaged input.
const MAX_DEPTH: u32 = 32;

/// Why bytes are not a checked form this app can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CheckedError {
    /// The bytes do not start with [`MAGIC`].
    #[error("not a checked vragenlijst")]
    BadMagic,
    /// A version of the checked form this app does not know.
    #[error("unknown version {0} of the checked vragenlijst")]
    UnknownVersion(u8),
    /// The checksum does not match: the bytes were damaged.
    #[error("the checked vragenlijst is damaged")]
    Checksum,
    /// The checksum matches but the content does not read as an instrument.
    #[error("the checked vragenlijst cannot be read")]
    Malformed,
    /// A sound checked form, but of another vragenlijst or version than expected.
    #[error("this is another vragenlijst or version")]
    Other,
}

/// Writes `instrument` in the checked form. Only write instruments that
/// [`super::parse`] accepted (or that came from [`decode`]).
pub fn encode(instrument: &Instrument) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(16 * 1024));
    w.0.extend_from_slice(MAGIC);
    w.0.push(VERSION);
    w.0.extend_from_slice(&instrument.hash.0);
    w.instrument(instrument);
    let crc = checksum::crc32(&w.0);
    w.0.extend_from_slice(&crc.to_le_bytes());
    w.0
}

/// Reads a checked form back. Refuses bytes that are damaged (the checksum) or that are
/// not exactly what [`encode`] writes for some instrument; the caller checks
/// [`Instrument::hash`] against the content hash it expects.
pub fn decode(bytes: &[u8]) -> Result<Instrument, CheckedError> {
    if bytes.get(..3) != Some(MAGIC.as_slice()) {
        return Err(CheckedError::BadMagic);
    }
    let Some((body, crc)) = bytes.split_at_checked(bytes.len().saturating_sub(4)) else {
        return Err(CheckedError::Malformed);
    };
    match body.get(3) {
        Some(&VERSION) => {}
        Some(&other) => return Err(CheckedError::UnknownVersion(other)),
        None => return Err(CheckedError::Malformed),
    }
    if checksum::crc32(body).to_le_bytes() != crc {
        return Err(CheckedError::Checksum);
    }
    let mut r = Reader { rest: &body[4..] };
    let hash = ContentHash(r.take(32)?.try_into().map_err(|_| CheckedError::Malformed)?);
    let instrument = r.instrument(hash)?;
    if !r.rest.is_empty() {
        return Err(CheckedError::Malformed);
    }
    Ok(instrument)
}

/// Appends the parts of an instrument.
struct Writer(Vec<u8>);

impl Writer {
    fn number(&mut self, value: u64) {
        varint::put(&mut self.0, value);
    }

    fn size(&mut self, n: usize) {
        self.number(u64::try_from(n).unwrap_or(u64::MAX));
    }

    fn signed(&mut self, n: i64) {
        self.number(varint::zigzag(n));
    }

    fn flag(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    fn string(&mut self, s: &str) {
        self.size(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn text(&mut self, t: &Text) {
        self.string(&t.nl);
        self.string(&t.en);
    }

    fn option<T>(&mut self, value: Option<&T>, mut write: impl FnMut(&mut Self, &T)) {
        self.flag(value.is_some());
        if let Some(v) = value {
            write(self, v);
        }
    }

    fn list<T>(&mut self, values: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.size(values.len());
        for v in values {
            write(self, v);
        }
    }

    fn strings(&mut self, values: &[String]) {
        self.list(values, |w, s| w.string(s));
    }

    fn instrument(&mut self, i: &Instrument) {
        self.string(&i.id);
        self.string(&i.version);
        self.flag(i.audience == Audience::Staff);
        self.text(&i.title);
        self.text(&i.intro);
        self.number(u64::from(i.minutes));
        self.option(i.mirrors.as_ref(), |w, s| w.string(s));
        self.list(&i.themes, |w, t| {
            w.string(&t.id);
            w.text(&t.label);
        });
        self.list(&i.constructs, |w, c| {
            w.string(&c.id);
            w.text(&c.label);
        });
        self.list(&i.sections, Self::section);
    }

    fn section(&mut self, s: &Section) {
        self.string(&s.id);
        self.text(&s.title);
        self.option(s.show_if.as_ref(), Self::condition);
        self.list(&s.items, Self::item);
    }

    fn item(&mut self, i: &Item) {
        self.string(&i.id);
        self.text(&i.text);
        self.option(i.help.as_ref(), Self::text);
        self.string(&i.construct);
        self.string(&i.source.document);
        self.string(&i.source.lines);
        self.flag(i.required);
        self.flag(i.dont_know);
        self.option(i.dont_know_label.as_ref(), Self::text);
        self.flag(i.skippable);
        self.option(i.show_if.as_ref(), Self::condition);
        self.kind(&i.kind);
        self.option(i.mirror.as_ref(), Self::mirror);
        self.option(i.from_context.as_ref(), |w, k| w.flag(*k == ContextKey::Leerweg));
        self.option(i.when_hidden.as_ref(), |w, s| w.string(s));
    }

    fn kind(&mut self, kind: &ItemKind) {
        match kind {
            ItemKind::SingleChoice { options } => {
                self.0.push(0);
                self.list(options, Self::choice);
            }
            ItemKind::MultipleChoice { options, max } => {
                self.0.push(1);
                self.list(options, Self::choice);
                self.option(max.as_ref(), |w, m| w.size(*m));
            }
            ItemKind::Scale { points } => {
                self.0.push(2);
                self.list(points, Self::choice);
            }
            ItemKind::YesNo => self.0.push(3),
            ItemKind::Share { bands } => {
                self.0.push(4);
                self.option(bands.as_ref(), |w, b| w.0.extend_from_slice(&b.cuts()));
            }
            ItemKind::Number { min, max, unit } => {
                self.0.push(5);
                self.signed(*min);
                self.signed(*max);
                self.option(unit.as_ref(), Self::text);
            }
            ItemKind::OpenText { max_length } => {
                self.0.push(6);
                self.size(*max_length);
            }
            ItemKind::Matrix { rows, points } => {
                self.0.push(7);
                self.list(rows, Self::row);
                self.list(points, Self::choice);
            }
        }
    }

    fn choice(&mut self, c: &Choice) {
        self.string(&c.code);
        self.text(&c.label);
        self.flag(c.exclusive);
        self.option(c.show_if.as_ref(), Self::condition);
    }

    fn row(&mut self, r: &Row) {
        self.string(&r.id);
        self.text(&r.text);
        self.string(&r.construct);
        self.option(r.mirror.as_ref(), Self::mirror);
    }

    fn mirror(&mut self, m: &Mirror) {
        self.string(&m.item);
        self.option(m.row.as_ref(), |w, s| w.string(s));
        self.strings(&m.codes);
    }

    fn condition(&mut self, c: &Condition) {
        match c {
            Condition::In { item, codes } => {
                self.0.push(0);
                self.string(item);
                self.strings(codes);
            }
            Condition::Between { item, min, max } => {
                self.0.push(1);
                self.string(item);
                self.signed(*min);
                self.signed(*max);
            }
            Condition::Answered { item } => {
                self.0.push(2);
                self.string(item);
            }
            Condition::All(parts) => {
                self.0.push(3);
                self.list(parts, Self::condition);
            }
            Condition::Any(parts) => {
                self.0.push(4);
                self.list(parts, Self::condition);
            }
            Condition::Not(part) => {
                self.0.push(5);
                self.condition(part);
            }
        }
    }
}

type Read<T> = Result<T, CheckedError>;

/// Reads the parts of an instrument front to back; every step can fail, none panics.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Read<&'a [u8]> {
        let (taken, rest) = self.rest.split_at_checked(n).ok_or(CheckedError::Malformed)?;
        self.rest = rest;
        Ok(taken)
    }

    fn byte(&mut self) -> Read<u8> {
        Ok(self.take(1)?[0])
    }

    /// A varint, as few bytes as possible, as written: one form per instrument.
    fn number(&mut self) -> Read<u64> {
        varint::take(&mut self.rest).map_err(|_| CheckedError::Malformed)
    }

    fn size(&mut self) -> Read<usize> {
        usize::try_from(self.number()?).map_err(|_| CheckedError::Malformed)
    }

    fn signed(&mut self) -> Read<i64> {
        self.number().map(varint::unzigzag)
    }

    fn flag(&mut self) -> Read<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(CheckedError::Malformed),
        }
    }

    fn string(&mut self) -> Read<String> {
        let n = self.size()?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| CheckedError::Malformed)
    }

    fn text(&mut self) -> Read<Text> {
        Ok(Text { nl: self.string()?, en: self.string()? })
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Read<T>) -> Read<Option<T>> {
        if self.flag()? {
            Ok(Some(read(self)?))
        } else {
            Ok(None)
        }
    }

    fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let n = self.size()?;
        // Every element takes at least one byte: a count beyond that is damage, and no
        // room is reserved for it.
        if n > self.rest.len() {
            return Err(CheckedError::Malformed);
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(read(self)?);
        }
        Ok(out)
    }

    fn instrument(&mut self, hash: ContentHash) -> Read<Instrument> {
        Ok(Instrument {
            id: self.string()?,
            version: self.string()?,
            hash,
            audience: if self.flag()? { Audience::Staff } else { Audience::Student },
            title: self.text()?,
            intro: self.text()?,
            minutes: u32::try_from(self.number()?).map_err(|_| CheckedError::Malformed)?,
            mirrors: self.option(Self::string)?,
            themes: self.list(|r| Ok(Theme { id: r.string()?, label: r.text()? }))?,
            constructs: self.list(|r| Ok(Construct { id: r.string()?, label: r.text()? }))?,
            sections: self.list(Self::section)?,
        })
    }

    fn section(&mut self) -> Read<Section> {
        Ok(Section {
            id: self.string()?,
            title: self.text()?,
            show_if: self.option(|r| r.condition(0))?,
            items: self.list(Self::item)?,
        })
    }

    fn item(&mut self) -> Read<Item> {
        Ok(Item {
            id: self.string()?,
            text: self.text()?,
            help: self.option(Self::text)?,
            construct: self.string()?,
            source: Source { document: self.string()?, lines: self.string()? },
            required: self.flag()?,
            dont_know: self.flag()?,
            dont_know_label: self.option(Self::text)?,
            skippable: self.flag()?,
            show_if: self.option(|r| r.condition(0))?,
            kind: self.kind()?,
            mirror: self.option(Self::mirror)?,
            from_context: self
                .option(|r| Ok(if r.flag()? { ContextKey::Leerweg } else { ContextKey::Niveau }))?,
            when_hidden: self.option(Self::string)?,
        })
    }

    fn kind(&mut self) -> Read<ItemKind> {
        Ok(match self.byte()? {
            0 => ItemKind::SingleChoice { options: self.list(Self::choice)? },
            1 => ItemKind::MultipleChoice {
                options: self.list(Self::choice)?,
                max: self.option(Self::size)?,
            },
            2 => ItemKind::Scale { points: self.list(Self::choice)? },
            3 => ItemKind::YesNo,
            4 => ItemKind::Share {
                bands: self.option(|r| {
                    let cuts = r.take(4)?.try_into().map_err(|_| CheckedError::Malformed)?;
                    Bands::new(cuts).map_err(|_| CheckedError::Malformed)
                })?,
            },
            5 => ItemKind::Number {
                min: self.signed()?,
                max: self.signed()?,
                unit: self.option(Self::text)?,
            },
            6 => ItemKind::OpenText { max_length: self.size()? },
            7 => ItemKind::Matrix { rows: self.list(Self::row)?, points: self.list(Self::choice)? },
            _ => return Err(CheckedError::Malformed),
        })
    }

    fn choice(&mut self) -> Read<Choice> {
        Ok(Choice {
            code: self.string()?,
            label: self.text()?,
            exclusive: self.flag()?,
            show_if: self.option(|r| r.condition(0))?,
        })
    }

    fn row(&mut self) -> Read<Row> {
        Ok(Row {
            id: self.string()?,
            text: self.text()?,
            construct: self.string()?,
            mirror: self.option(Self::mirror)?,
        })
    }

    fn mirror(&mut self) -> Read<Mirror> {
        Ok(Mirror {
            item: self.string()?,
            row: self.option(Self::string)?,
            codes: self.list(Self::string)?,
        })
    }

    fn condition(&mut self, depth: u32) -> Read<Condition> {
        if depth > MAX_DEPTH {
            return Err(CheckedError::Malformed);
        }
        Ok(match self.byte()? {
            0 => Condition::In { item: self.string()?, codes: self.list(Self::string)? },
            1 => Condition::Between {
                item: self.string()?,
                min: self.signed()?,
                max: self.signed()?,
            },
            2 => Condition::Answered { item: self.string()? },
            3 => Condition::All(self.list(|r| r.condition(depth + 1))?),
            4 => Condition::Any(self.list(|r| r.condition(depth + 1))?),
            5 => Condition::Not(Box::new(self.condition(depth + 1)?)),
            _ => return Err(CheckedError::Malformed),
        })
    }
}
