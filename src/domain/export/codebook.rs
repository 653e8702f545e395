//! The codebook of an instrument: every item with its question, kind, codes and labels,
//! construct, source, routing and mirror link, plus a content hash.
//!
//! The hash is `sha256:` and the hexadecimal SHA-256 of the entry without its
//! `content_hash` field, written as canonical JSON: object keys sorted, no whitespace,
//! strings escaped as JSON requires and nothing more (the same bytes as Python's
//! `json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`). A
//! researcher can recompute it to check that the codebook was not edited.

use sha2::{Digest, Sha256};

use super::{
    CodeLabel, CodebookInstrument, CodebookItem, CodebookRow, CodebookSection, ConditionCode,
    Label, Labelled, MirrorCode, NumberRange, SourceCode,
};
use crate::domain::condition::Condition;
use crate::domain::hex;
use crate::domain::instrument::{canonical_json, Audience, Instrument, ItemKind, Mirror};
use crate::domain::text::Text;

/// A bilingual label from a text.
pub(super) fn label(text: &Text) -> Label {
    Label { nl: text.nl.clone(), en: text.en.clone() }
}

/// The codebook entry of `instrument`; `is_qi` tells which items are quasi-identifiers.
pub(super) fn entry(instrument: &Instrument, is_qi: impl Fn(&str) -> bool) -> CodebookInstrument {
    let sections = instrument
        .sections
        .iter()
        .map(|s| CodebookSection {
            id: s.id.clone(),
            title: label(&s.title),
            show_if: s.show_if.as_ref().map(condition),
        })
        .collect();
    let items = instrument
        .items()
        .map(|(section, item)| {
            let codes = item
                .kind
                .choices()
                .into_iter()
                .map(|c| CodeLabel {
                    code: c.code,
                    label: label(&c.label),
                    exclusive: c.exclusive,
                    show_if: c.show_if.as_ref().map(condition),
                })
                .collect();
            let (max_choices, number, max_length, rows) = match &item.kind {
                ItemKind::MultipleChoice { max, .. } => (*max, None, None, Vec::new()),
                ItemKind::Number { min, max, unit } => {
                    let range =
                        NumberRange { min: *min, max: *max, unit: unit.as_ref().map(label) };
                    (None, Some(range), None, Vec::new())
                }
                ItemKind::OpenText { max_length } => (None, None, Some(*max_length), Vec::new()),
                ItemKind::Matrix { rows, .. } => {
                    let rows = rows
                        .iter()
                        .map(|r| CodebookRow {
                            id: r.id.clone(),
                            text: label(&r.text),
                            construct: r.construct.clone(),
                            mirror: r.mirror.as_ref().map(mirror),
                        })
                        .collect();
                    (None, None, None, rows)
                }
                _ => (None, None, None, Vec::new()),
            };
            CodebookItem {
                id: item.id.clone(),
                section: section.id.clone(),
                kind: item.kind.name().into(),
                text: label(&item.text),
                construct: item.construct.clone(),
                source: SourceCode {
                    document: item.source.document.clone(),
                    lines: item.source.lines.clone(),
                },
                required: item.required,
                dont_know: item.dont_know,
                skippable: item.skippable,
                show_if: item.show_if.as_ref().map(condition),
                codes,
                max_choices,
                number,
                max_length,
                rows,
                mirror: item.mirror.as_ref().map(mirror),
                dont_know_label: item.dont_know_label.as_ref().map(label),
                from_context: item.from_context.map(|k| k.name().to_string()),
                when_hidden: item.when_hidden.clone(),
                possibly_identifying: item.possibly_identifying(),
                quasi_identifier: is_qi(&item.id),
            }
        })
        .collect();
    let mut entry = CodebookInstrument {
        id: instrument.id.clone(),
        version: instrument.version.clone(),
        content_hash: String::new(),
        audience: match instrument.audience {
            Audience::Student => "student".into(),
            Audience::Staff => "staff".into(),
        },
        title: label(&instrument.title),
        mirrors: instrument.mirrors.clone(),
        themes: instrument
            .themes
            .iter()
            .map(|t| Labelled { id: t.id.clone(), label: label(&t.label) })
            .collect(),
        constructs: instrument
            .constructs
            .iter()
            .map(|c| Labelled { id: c.id.clone(), label: label(&c.label) })
            .collect(),
        sections,
        items,
    };
    entry.content_hash = content_hash(&entry);
    entry
}

/// A condition in the instrument file's form.
fn condition(c: &Condition) -> ConditionCode {
    let on = |item: &str| ConditionCode { item: Some(item.into()), ..ConditionCode::default() };
    match c {
        Condition::In { item, codes } => {
            ConditionCode { in_codes: Some(codes.clone()), ..on(item) }
        }
        Condition::Between { item, min, max } => {
            ConditionCode { between: Some([*min, *max]), ..on(item) }
        }
        Condition::Answered { item } => ConditionCode { answered: Some(true), ..on(item) },
        Condition::All(parts) => ConditionCode {
            all: Some(parts.iter().map(condition).collect()),
            ..ConditionCode::default()
        },
        Condition::Any(parts) => ConditionCode {
            any: Some(parts.iter().map(condition).collect()),
            ..ConditionCode::default()
        },
        Condition::Not(part) => {
            ConditionCode { not: Some(Box::new(condition(part))), ..ConditionCode::default() }
        }
    }
}

fn mirror(m: &Mirror) -> MirrorCode {
    MirrorCode { item: m.item.clone(), row: m.row.clone(), codes: m.codes.clone() }
}

/// The content hash of a codebook entry: its `content_hash` field is left out.
pub(super) fn content_hash(entry: &CodebookInstrument) -> String {
    let value = match serde_json::to_value(entry) {
        Ok(serde_json::Value::Object(mut map)) => {
            map.remove("content_hash");
            serde_json::Value::Object(map)
        }
        // Serialising plain data cannot fail; an empty hash input still gives a hash.
        _ => serde_json::Value::Null,
    };
    let text = canonical_json(&value);
    format!("sha256:{}", hex::encode(&Sha256::digest(text.as_bytes())))
}
