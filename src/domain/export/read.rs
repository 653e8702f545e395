//! Reading an export back: for a comparison over time, an earlier export's metingen can be
//! opened again as responses ([`meting_responses`]) or as an analysis table
//! ([`meting_table`]).
//!
//! [`read_export`] never panics and never trusts the file: it checks the format version,
//! the shape (every field, no unknown ones), the codebook's content hashes, and that every
//! reference resolves (each record's meting, each meting's instrument, each answer's item,
//! row and code).

use std::collections::{BTreeMap, BTreeSet};

use super::codebook::content_hash;
use super::error::ExportError;
use super::period::{is_month, is_week};
use super::{CodebookItem, Coded, ExportDocument, Sym, FORMAT_VERSION};
use super::{SKIPPED_CODE, SUPPRESSED_CODE};
use crate::domain::analysis::Table;
use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::instrument::{Instrument, Item, ItemKind};
use crate::domain::response::Response;

/// Reads an export written by [`super::to_json`] (or edited by hand, as long as it still
/// holds): any JSON text in, a checked document or the first problem out.
pub fn read_export(json: &str) -> Result<ExportDocument, ExportError> {
    // One pass for a good file; a second, slower look only to say what is wrong.
    let doc = match serde_json::from_str::<ExportDocument>(json) {
        Ok(doc) => doc,
        Err(shape) => return Err(diagnose(json, shape)),
    };
    version(u64::from(doc.spiegel_export))?;
    check(&doc)?;
    Ok(doc)
}

/// Why a text is not a readable export: not JSON, not an export, another version, or a
/// damaged shape.
fn diagnose(json: &str, shape: serde_json::Error) -> ExportError {
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => return ExportError::NotJson(e.to_string()),
    };
    let Some(found) = value.get("spiegel_export") else { return ExportError::NotAnExport };
    match found.as_u64().map(version) {
        Some(Ok(())) => ExportError::Invalid(shape.to_string()),
        Some(Err(e)) => e,
        None => ExportError::UnknownVersion,
    }
}

/// Whether this build reads format version `v`.
fn version(v: u64) -> Result<(), ExportError> {
    match v {
        v if v == u64::from(FORMAT_VERSION) => Ok(()),
        v if v > u64::from(FORMAT_VERSION) => Err(ExportError::NewerVersion(v)),
        _ => Err(ExportError::UnknownVersion),
    }
}

/// The items of an instrument by id, with the extra codes its quasi-identifiers may hold.
struct Known<'a> {
    items: BTreeMap<&'a str, &'a CodebookItem>,
    generalised: BTreeMap<&'a str, BTreeSet<&'a str>>,
}

fn is_missing(code: &str) -> bool {
    [DONT_KNOW_CODE, SKIPPED_CODE, SUPPRESSED_CODE].contains(&code)
}

fn check(doc: &ExportDocument) -> Result<(), ExportError> {
    if !is_week(&doc.created) {
        return Err(ExportError::BadWeek(doc.created.clone()));
    }
    let mut known: BTreeMap<(&str, &str), Known<'_>> = BTreeMap::new();
    for inst in &doc.codebook.instruments {
        if content_hash(inst) != inst.content_hash {
            return Err(ExportError::HashMismatch(inst.id.clone()));
        }
        let mut items = BTreeMap::new();
        for item in &inst.items {
            if items.insert(item.id.as_str(), item).is_some() {
                return Err(ExportError::DuplicateId(item.id.clone()));
            }
        }
        let entry = Known { items, generalised: BTreeMap::new() };
        if known.insert((inst.id.as_str(), inst.version.as_str()), entry).is_some() {
            return Err(ExportError::DuplicateId(format!("{}@{}", inst.id, inst.version)));
        }
    }
    for qi in &doc.anonymisation.quasi_identifiers {
        let key = (qi.instrument.as_str(), qi.instrument_version.as_str());
        let entry =
            known.get_mut(&key).ok_or_else(|| unknown(&qi.instrument, &qi.instrument_version))?;
        let Some(item) = &qi.item else { continue };
        if !entry.items.contains_key(item.as_str()) {
            return Err(ExportError::UnknownItem(item.clone()));
        }
        let codes = entry.generalised.entry(item.as_str()).or_default();
        for group in qi.levels.iter().flat_map(|l| &l.groups) {
            codes.insert(group.to.as_str());
        }
    }
    let mut metingen: BTreeMap<&str, (&Known<'_>, usize)> = BTreeMap::new();
    for m in &doc.metingen {
        let inst = known
            .get(&(m.instrument.as_str(), m.instrument_version.as_str()))
            .ok_or_else(|| unknown(&m.instrument, &m.instrument_version))?;
        if !is_period(&m.period) {
            return Err(ExportError::Invalid(format!("meting {} has no valid period", m.id)));
        }
        if metingen.insert(m.id.as_str(), (inst, 0)).is_some() {
            return Err(ExportError::DuplicateId(m.id.clone()));
        }
    }
    for a in &doc.aggregates {
        let (inst, _) = metingen
            .get(a.meting.as_str())
            .ok_or_else(|| ExportError::UnknownMeting(a.meting.to_string()))?;
        for item in &a.items {
            if !inst.items.contains_key(item.item.as_str()) {
                return Err(ExportError::UnknownItem(item.item.to_string()));
            }
        }
    }
    match (&doc.responses, doc.parameters.aggregates_only) {
        (Some(_), true) => {
            return Err(ExportError::Invalid("an aggregates-only export holds records".into()))
        }
        (None, false) => return Err(ExportError::Invalid("the records are missing".into())),
        _ => {}
    }
    let mut ids = BTreeSet::new();
    for r in doc.responses.iter().flatten() {
        if !ids.insert(r.id.as_str()) {
            return Err(ExportError::DuplicateId(r.id.clone()));
        }
        let (inst, count) = metingen
            .get_mut(r.meting.as_str())
            .ok_or_else(|| ExportError::UnknownMeting(r.meting.to_string()))?;
        *count += 1;
        if !is_period(&r.period) {
            return Err(ExportError::Invalid(format!("record {} has no valid period", r.id)));
        }
        unique(r.answers.keys(), &r.id)?;
        unique(r.texts.keys(), &r.id)?;
        for (id, coded) in &r.answers {
            check_answer(inst, id, coded)?;
        }
        for id in r.texts.keys() {
            let is_text = inst.items.get(id.as_str()).is_some_and(|i| i.kind == "open_text");
            if !doc.parameters.open_text || !is_text {
                return Err(ExportError::UnexpectedText(id.to_string()));
            }
        }
    }
    for m in &doc.metingen {
        let count = metingen.get(m.id.as_str()).map_or(0, |(_, c)| *c);
        if count != m.records {
            return Err(ExportError::CountMismatch(m.id.clone()));
        }
    }
    Ok(())
}

/// Refuses a key given twice in one object.
fn unique<'k>(keys: impl Iterator<Item = &'k Sym>, within: &str) -> Result<(), ExportError> {
    let mut seen = BTreeSet::new();
    for key in keys {
        if !seen.insert(key.as_str()) {
            return Err(ExportError::Invalid(format!("{key} is given twice in {within}")));
        }
    }
    Ok(())
}

fn unknown(instrument: &str, version: &str) -> ExportError {
    ExportError::UnknownInstrument { instrument: instrument.into(), version: version.into() }
}

fn is_period(p: &str) -> bool {
    is_week(p) || is_month(p) || p == SUPPRESSED_CODE
}

/// Checks one answer against its item in the codebook.
fn check_answer(inst: &Known<'_>, id: &str, coded: &Coded) -> Result<(), ExportError> {
    let item = inst.items.get(id).ok_or_else(|| ExportError::UnknownItem(id.into()))?;
    let has = |code: &str| item.codes.iter().any(|c| c.code == code);
    let bad = |code: &str| ExportError::UnknownCode { item: id.into(), code: code.into() };
    let wrong = || ExportError::WrongKind(id.into());
    match (item.kind.as_str(), coded) {
        (_, Coded::Code(code)) if is_missing(code) => Ok(()),
        ("single_choice" | "scale" | "yes_no" | "share", Coded::Code(code)) => {
            let generalised = inst.generalised.get(id).is_some_and(|g| g.contains(code.as_str()));
            if has(code) || generalised {
                Ok(())
            } else {
                Err(bad(code))
            }
        }
        ("multiple_choice", Coded::Codes(codes)) => match codes.iter().find(|c| !has(c)) {
            Some(c) => Err(bad(c)),
            None => Ok(()),
        },
        ("number", Coded::Number(n)) => match &item.number {
            Some(range) if (range.min..=range.max).contains(n) => Ok(()),
            _ => Err(bad(&n.to_string())),
        },
        ("matrix", Coded::Rows(rows)) => {
            unique(rows.keys(), id)?;
            for (row, code) in rows {
                if !item.rows.iter().any(|r| r.id == row.as_str()) {
                    return Err(ExportError::UnknownItem(format!("{id}__{row}")));
                }
                if !has(code) && code != DONT_KNOW_CODE {
                    return Err(bad(code));
                }
            }
            Ok(())
        }
        _ => Err(wrong()),
    }
}

/// The records of meting `meting` (an export id) as responses to `instrument`, for the
/// analysis. `instrument` may be another version of the meting's instrument: answers are
/// matched by item id, row id and code, as the analysis does, and anything the
/// instrument does not know is left out, as are generalised and suppressed values.
/// `weet_niet` and `sla_over` become "weet ik niet" and "sla over". A response's week is
/// the record's period (a week, a month or `onderdrukt`); its id is the export's.
pub fn meting_responses(
    doc: &ExportDocument,
    meting: &str,
    instrument: &Instrument,
) -> Result<Vec<Response>, ExportError> {
    let records = doc.responses.as_ref().ok_or(ExportError::AggregatesOnly)?;
    let m = doc
        .metingen
        .iter()
        .find(|m| m.id == meting)
        .ok_or_else(|| ExportError::UnknownMeting(meting.into()))?;
    if m.instrument != instrument.id {
        return Err(ExportError::WrongInstrument {
            meting: meting.into(),
            expected: instrument.id.clone(),
            found: m.instrument.clone(),
        });
    }
    let items: BTreeMap<&str, &Item> =
        instrument.items().map(|(_, i)| (i.id.as_str(), i)).collect();
    let out = records
        .iter()
        .filter(|r| r.meting == meting)
        .map(|r| {
            let mut answers = BTreeMap::new();
            for (id, coded) in &r.answers {
                if let Some(answer) = items.get(id.as_str()).and_then(|item| answer(item, coded)) {
                    answers.insert(id.to_string(), answer);
                }
            }
            for (id, text) in &r.texts {
                if items
                    .get(id.as_str())
                    .is_some_and(|i| matches!(i.kind, ItemKind::OpenText { .. }))
                {
                    answers.insert(id.to_string(), Answer::Text(text.clone()));
                }
            }
            Response {
                id: r.id.clone(),
                instrument: m.instrument.clone(),
                instrument_version: m.instrument_version.clone(),
                week: r.period.to_string(),
                answers,
            }
        })
        .collect();
    Ok(out)
}

/// The records of meting `meting` coded into an analysis [`Table`] of `instrument` (see
/// [`meting_responses`]).
pub fn meting_table(
    doc: &ExportDocument,
    meting: &str,
    instrument: &Instrument,
) -> Result<Table, ExportError> {
    Ok(Table::of(instrument, &meting_responses(doc, meting, instrument)?))
}

/// An exported answer as a session answer to `item`, if `item` can hold it.
fn answer(item: &Item, coded: &Coded) -> Option<Answer> {
    let choices = item.kind.choices();
    let known = |c: &str| choices.iter().any(|x| x.code == c);
    match (coded, &item.kind) {
        (Coded::Code(c), _) if c == DONT_KNOW_CODE => Some(Answer::DontKnow),
        (Coded::Code(c), _) if c == SKIPPED_CODE => Some(Answer::Skipped),
        (Coded::Code(c), kind) if kind.is_single_coded() && known(c) => {
            Some(Answer::Choice(c.to_string()))
        }
        (Coded::Codes(cs), ItemKind::MultipleChoice { .. }) => {
            // In option order, as the session keeps them.
            let picked: Vec<String> = choices
                .iter()
                .filter(|x| cs.iter().any(|c| *c == x.code.as_str()))
                .map(|x| x.code.clone())
                .collect();
            (!picked.is_empty()).then_some(Answer::Choices(picked))
        }
        (Coded::Number(n), ItemKind::Number { .. }) => Some(Answer::Number(*n)),
        (Coded::Rows(rows), ItemKind::Matrix { rows: defined, .. }) => {
            let kept: BTreeMap<String, String> = rows
                .iter()
                .filter(|(row, code)| {
                    defined.iter().any(|d| d.id == row.as_str())
                        && (known(code) || code.as_str() == DONT_KNOW_CODE)
                })
                .map(|(row, code)| (row.to_string(), code.to_string()))
                .collect();
            (!kept.is_empty()).then_some(Answer::Rows(kept))
        }
        _ => None,
    }
}
