//! The export as CSV files with a Frictionless Data Package (`datapackage.json`), for R,
//! SPSS, pandas and DuckDB.
//!
//! - `metingen.csv`: one row per meting (export id, instrument, context, period, counts);
//! - `aggregates.csv`: one row per meting, item (and row) and code, long format;
//! - `<instrument>-<version>.csv` (unless aggregates only): one row per record, wide: the
//!   record's id, its meting's id and period, then one column per item, per matrix row
//!   (`item__row`) and per multiple-choice option (`item__code`, 1 picked, 0 not);
//! - `datapackage.json`: every file with its columns: type, the question as title and
//!   description, the codes as an `enum` constraint, and the missing-value codes
//!   (`weet_niet`, `sla_over`, `onderdrukt`, empty) as `missingValues`.
//!
//! Files follow RFC 4180: comma separated, CRLF line ends, a field quoted (and its quotes
//! doubled) when it holds a comma, a quote or a line break.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::{CodebookInstrument, CodebookItem, Coded, ExportDocument, ExportResponse, Sym};
use super::{SKIPPED_CODE, SUPPRESSED_CODE};
use crate::domain::answer::DONT_KNOW_CODE;
use crate::domain::meting::{DOMEINEN, LEERWEGEN, NIVEAUS};

/// The name of the Frictionless descriptor among [`to_csv`]'s files.
pub const DATAPACKAGE: &str = "datapackage.json";

/// The missing values of every CSV file.
const MISSING: [&str; 4] = ["", DONT_KNOW_CODE, SKIPPED_CODE, SUPPRESSED_CODE];

/// What a column of an instrument file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Holds {
    /// The record's own fields.
    Id,
    /// The record's meting.
    Meting,
    /// The record's period.
    Period,
    /// The code of a single-coded item.
    Code,
    /// Whether a multiple-choice option was picked.
    Picked(String),
    /// A number.
    Number,
    /// Open text.
    Text,
    /// The code of a matrix row.
    Row(String),
}

/// A column of an instrument file.
#[derive(Debug, Clone)]
pub(super) struct Column<'a> {
    /// Header name.
    pub name: String,
    /// The item, for answer columns.
    pub item: Option<&'a CodebookItem>,
    /// The item's position in its instrument.
    pub position: usize,
    /// What it holds.
    pub holds: Holds,
}

/// The columns of `inst`'s file in `doc`.
pub(super) fn columns<'a>(doc: &ExportDocument, inst: &'a CodebookInstrument) -> Vec<Column<'a>> {
    let fixed = |name: &str, holds| Column { name: name.into(), item: None, position: 0, holds };
    let mut out = vec![
        fixed("export_response_id", Holds::Id),
        fixed("export_meting_id", Holds::Meting),
        fixed("period", Holds::Period),
    ];
    for (position, item) in inst.items.iter().enumerate() {
        let one = |name: String, holds| Column { name, item: Some(item), position, holds };
        match item.kind.as_str() {
            "multiple_choice" => {
                out.extend(item.codes.iter().map(|c| {
                    one(format!("{}__{}", item.id, c.code), Holds::Picked(c.code.clone()))
                }))
            }
            "matrix" => out.extend(
                item.rows
                    .iter()
                    .map(|r| one(format!("{}__{}", item.id, r.id), Holds::Row(r.id.clone()))),
            ),
            "number" => out.push(one(item.id.clone(), Holds::Number)),
            "open_text" if doc.parameters.open_text => out.push(one(item.id.clone(), Holds::Text)),
            "open_text" => {}
            _ => out.push(one(item.id.clone(), Holds::Code)),
        }
    }
    out
}

/// The export as CSV files plus [`DATAPACKAGE`], as `(file name, contents)` pairs.
pub fn to_csv(doc: &ExportDocument) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut resources = Vec::new();

    let mut metingen = Table::new(&[
        "export_meting_id",
        "instrument",
        "instrument_version",
        "domein",
        "niveau",
        "leerweg",
        "period",
        "responses",
        "records",
    ]);
    for m in &doc.metingen {
        let context = |v: &Option<String>| v.clone().unwrap_or_default();
        metingen.row([
            m.id.clone(),
            m.instrument.clone(),
            m.instrument_version.clone(),
            context(&m.context.domein),
            context(&m.context.niveau),
            context(&m.context.leerweg),
            m.period.clone(),
            m.responses.to_string(),
            m.records.to_string(),
        ]);
    }
    files.push(("metingen.csv".to_string(), metingen.text));
    let text = |name: &str, title: &str| json!({"name": name, "type": "string", "title": title});
    let enumerated = |name: &str, title: &str, list: &[&str]| json!({"name": name, "type": "string", "title": title, "constraints": {"enum": list}});
    resources.push(resource(
        "metingen",
        "metingen.csv",
        "Metingen: one round of one questionnaire for one team.",
        vec![
            json!({"name": "export_meting_id", "type": "string", "title": "Meting (export id)",
                   "constraints": {"required": true, "unique": true}}),
            text("instrument", "Questionnaire id"),
            text("instrument_version", "Questionnaire version"),
            enumerated("domein", "Opleidingsdomein", &DOMEINEN),
            enumerated("niveau", "Niveau of the team", &NIVEAUS),
            enumerated("leerweg", "Leerweg of the team", &LEERWEGEN),
            text("period", "ISO week or month the meting was made"),
            json!({"name": "responses", "type": "integer", "title": "Responses collected"}),
            json!({"name": "records", "type": "integer", "title": "Records in this export"}),
        ],
        Some("export_meting_id"),
        false,
    ));

    let mut aggregates =
        Table::new(&["export_meting_id", "item", "row", "code", "count", "suppressed", "n"]);
    for m in &doc.aggregates {
        for a in &m.items {
            for cell in &a.cells {
                aggregates.row([
                    m.meting.to_string(),
                    a.item.to_string(),
                    a.row.as_ref().map(Sym::to_string).unwrap_or_default(),
                    cell.code.to_string(),
                    cell.count.map(|c| c.to_string()).unwrap_or_default(),
                    cell.suppressed.to_string(),
                    a.n.map(|n| n.to_string()).unwrap_or_default(),
                ]);
            }
        }
    }
    files.push(("aggregates.csv".to_string(), aggregates.text));
    resources.push(resource(
        "aggregates",
        "aggregates.csv",
        "Counts per meting, item (and matrix row) and code. Cells below k are empty with \
         suppressed = true; n is empty when below k.",
        vec![
            text("export_meting_id", "Meting (export id)"),
            text("item", "Item id"),
            text("row", "Matrix row id"),
            text("code", "Answer code or missing-value code"),
            json!({"name": "count", "type": "integer", "title": "Responses holding the code"}),
            json!({"name": "suppressed", "type": "boolean", "title": "Count hidden for anonymity"}),
            json!({"name": "n", "type": "integer", "title": "Responses with a real answer"}),
        ],
        None,
        true,
    ));

    if let Some(records) = &doc.responses {
        for inst in &doc.codebook.instruments {
            let ids: Vec<&str> = doc
                .metingen
                .iter()
                .filter(|m| m.instrument == inst.id && m.instrument_version == inst.version)
                .map(|m| m.id.as_str())
                .collect();
            if ids.is_empty() {
                continue;
            }
            let name = file_stem(inst);
            let cols = columns(doc, inst);
            let header: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
            let mut table = Table::new(&header);
            let mut lookup = Lookup::new(inst);
            for record in records.iter().filter(|r| ids.contains(&r.meting.as_str())) {
                lookup.fill(record);
                for (n, c) in cols.iter().enumerate() {
                    if n > 0 {
                        table.text.push(',');
                    }
                    cell(c, record, &lookup, &mut table.text);
                }
                table.text.push_str("\r\n");
            }
            let file = format!("{name}.csv");
            files.push((file.clone(), table.text));
            let generalised = generalised_codes(doc, inst);
            let fields = cols.iter().map(|c| field(c, &generalised)).collect();
            let title = format!("{} ({} {})", inst.title.en, inst.id, inst.version);
            resources.push(resource(
                &name,
                &file,
                &title,
                fields,
                Some("export_response_id"),
                true,
            ));
        }
    }

    let package = json!({
        "profile": "tabular-data-package",
        "name": "spiegel-export",
        "title": format!("Spiegel export, {}", doc.created),
        "description": "Anonymised responses from Spiegel. export.json holds the same data \
                        with the full codebook and the anonymisation report.",
        "resources": resources,
    });
    let text = serde_json::to_string_pretty(&package).unwrap_or_default();
    files.push((DATAPACKAGE.to_string(), text + "\n"));
    files
}

/// A file name of letters, digits, `-`, `_` and `.` only.
fn file_stem(inst: &CodebookInstrument) -> String {
    format!("{}-{}", inst.id, inst.version)
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A Frictionless tabular resource.
fn resource(
    name: &str,
    path: &str,
    title: &str,
    fields: Vec<Value>,
    key: Option<&str>,
    meting_key: bool,
) -> Value {
    let mut schema = json!({"fields": fields, "missingValues": MISSING});
    if let (Some(key), Some(map)) = (key, schema.as_object_mut()) {
        map.insert("primaryKey".into(), json!([key]));
    }
    if let (true, Some(map)) = (meting_key, schema.as_object_mut()) {
        map.insert(
            "foreignKeys".into(),
            json!([{"fields": ["export_meting_id"],
                    "reference": {"resource": "metingen", "fields": ["export_meting_id"]}}]),
        );
    }
    json!({
        "name": file_stem_str(name),
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    })
}

fn file_stem_str(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Per item of `inst`, the generalised codes its hierarchy can give.
fn generalised_codes(
    doc: &ExportDocument,
    inst: &CodebookInstrument,
) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for qi in &doc.anonymisation.quasi_identifiers {
        let Some(item) = &qi.item else { continue };
        if qi.instrument != inst.id || qi.instrument_version != inst.version {
            continue;
        }
        for level in &qi.levels {
            for group in &level.groups {
                if group.to != SUPPRESSED_CODE {
                    out.entry(item.clone()).or_default().push(group.to.clone());
                }
            }
        }
    }
    out
}

/// The Frictionless field of a column.
fn field(c: &Column<'_>, generalised: &BTreeMap<String, Vec<String>>) -> Value {
    let Some(item) = c.item else {
        let (title, constraints) = match c.holds {
            Holds::Id => {
                ("Response (export id, random)", json!({"required": true, "unique": true}))
            }
            Holds::Meting => ("Meting (export id)", json!({"required": true})),
            _ => ("ISO week or month of the response", json!({})),
        };
        return json!({"name": c.name, "type": "string", "title": title, "constraints": constraints});
    };
    let codes = |list: &[super::document::CodeLabel]| {
        list.iter()
            .map(|x| format!("{} = {} ({})", x.code, x.label.nl, x.label.en))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let question = format!("{} / {}", item.text.nl, item.text.en);
    let missing = "Missing: empty = not shown or not answered, weet_niet, sla_over, onderdrukt.";
    match &c.holds {
        Holds::Picked(code) => {
            let label = item.codes.iter().find(|x| x.code == *code);
            let option =
                label.map(|l| format!("{} / {}", l.label.nl, l.label.en)).unwrap_or_default();
            json!({
                "name": c.name, "type": "integer",
                "title": format!("{} — {}", item.text.nl, label.map_or("", |l| l.label.nl.as_str())),
                "description": format!("{question}. Option: {option}. 1 = picked, 0 = not picked. {missing}"),
                "constraints": {"minimum": 0, "maximum": 1},
            })
        }
        Holds::Number => {
            let mut constraints = json!({});
            if let (Some(range), Some(map)) = (&item.number, constraints.as_object_mut()) {
                map.insert("minimum".into(), json!(range.min));
                map.insert("maximum".into(), json!(range.max));
            }
            json!({
                "name": c.name, "type": "integer", "title": item.text.nl,
                "description": format!("{question}. {missing}"),
                "constraints": constraints,
            })
        }
        Holds::Text => json!({
            "name": c.name, "type": "string", "title": item.text.nl,
            "description": format!("{question}. Open answer, scrubbed and reviewed. {missing}"),
        }),
        Holds::Row(row) => {
            let statement = item.rows.iter().find(|r| r.id == *row);
            let text =
                statement.map(|r| format!("{} / {}", r.text.nl, r.text.en)).unwrap_or_default();
            let list: Vec<&str> = item.codes.iter().map(|x| x.code.as_str()).collect();
            json!({
                "name": c.name, "type": "string",
                "title": format!("{} — {}", item.text.nl, statement.map_or("", |r| r.text.nl.as_str())),
                "description": format!("{question}. Row: {text}. Codes: {}. {missing}", codes(&item.codes)),
                "constraints": {"enum": list},
            })
        }
        _ => {
            let mut list: Vec<String> = item.codes.iter().map(|x| x.code.clone()).collect();
            let extra = generalised.get(&item.id).cloned().unwrap_or_default();
            let note = if extra.is_empty() {
                String::new()
            } else {
                format!(
                    " Generalised codes (see export.json, anonymisation): {}.",
                    extra.join(", ")
                )
            };
            list.extend(extra);
            json!({
                "name": c.name, "type": "string", "title": item.text.nl,
                "description": format!("{question}. Codes: {}.{note} {missing}", codes(&item.codes)),
                "constraints": {"enum": list},
            })
        }
    }
}

/// A record's answers by item position, for one instrument.
struct Lookup<'a> {
    /// The instrument's item ids, in order.
    ids: Vec<&'a str>,
    /// The same, sorted, with their position.
    sorted: Vec<(&'a str, usize)>,
    /// Per item position, where its answer is in the current record.
    slots: Vec<Option<usize>>,
}

impl<'a> Lookup<'a> {
    fn new(inst: &'a CodebookInstrument) -> Lookup<'a> {
        let ids: Vec<&str> = inst.items.iter().map(|i| i.id.as_str()).collect();
        let mut sorted: Vec<(&str, usize)> = ids.iter().copied().zip(0..).collect();
        sorted.sort_unstable();
        Lookup { slots: vec![None; ids.len()], ids, sorted }
    }

    /// Finds every answer of `record`: in instrument order (as exports write them) one
    /// step at a time, otherwise by search.
    fn fill(&mut self, record: &ExportResponse) {
        self.slots.iter_mut().for_each(|s| *s = None);
        let mut next = 0;
        for (at, key) in record.answers.keys().enumerate() {
            let item = if self.ids.get(next).is_some_and(|id| *id == key.as_str()) {
                Some(next)
            } else {
                self.sorted
                    .binary_search_by(|(id, _)| (*id).cmp(key.as_str()))
                    .ok()
                    .and_then(|i| self.sorted.get(i))
                    .map(|(_, p)| *p)
            };
            if let Some(slot) = item.and_then(|i| self.slots.get_mut(i)) {
                *slot = Some(at);
                next = item.map_or(next, |i| i + 1);
            }
        }
    }

    fn answer<'r>(&self, record: &'r ExportResponse, item: usize) -> Option<&'r Coded> {
        let at = self.slots.get(item).copied().flatten()?;
        record.answers.0.get(at).map(|(_, v)| v)
    }
}

/// Writes the cell of `column` in `record`.
fn cell(column: &Column<'_>, record: &ExportResponse, lookup: &Lookup<'_>, out: &mut String) {
    let Some(item) = column.item else {
        let text = match column.holds {
            Holds::Id => record.id.as_str(),
            Holds::Meting => record.meting.as_str(),
            _ => record.period.as_str(),
        };
        return quote(text, out);
    };
    if column.holds == Holds::Text {
        return quote(record.texts.get(&item.id).map_or("", String::as_str), out);
    }
    let Some(answer) = lookup.answer(record, column.position) else { return };
    match (&column.holds, answer) {
        // A missing-value code stands in every column of its item.
        (_, Coded::Code(code)) if MISSING.contains(&code.as_str()) => quote(code, out),
        (Holds::Code, Coded::Code(code)) => quote(code, out),
        (Holds::Number, Coded::Number(n)) => out.push_str(&n.to_string()),
        (Holds::Picked(code), Coded::Codes(picked)) => {
            out.push(if picked.iter().any(|p| *p == code.as_str()) { '1' } else { '0' });
        }
        (Holds::Row(row), Coded::Rows(rows)) => quote(rows.get(row).map_or("", Sym::as_str), out),
        _ => {}
    }
}

/// A CSV file being written.
struct Table {
    text: String,
}

impl Table {
    fn new(header: &[&str]) -> Table {
        let mut table = Table { text: String::new() };
        table.row(header.iter().map(|h| (*h).to_string()));
        table
    }

    fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        for (n, value) in cells.into_iter().enumerate() {
            if n > 0 {
                self.text.push(',');
            }
            quote(&value, &mut self.text);
        }
        self.text.push_str("\r\n");
    }
}

/// Writes one field as RFC 4180 wants: quoted, with quotes doubled, when it holds a comma,
/// a quote or a line break. A field a spreadsheet would run as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms) gets an
/// apostrophe in front, so it is shown as text (OWASP's advice on CSV injection). Numbers
/// are written elsewhere and keep their sign; the JSON keeps every text as it was.
pub(super) fn quote(value: &str, out: &mut String) {
    let neutralised;
    let value = if runs_as_formula(value) {
        neutralised = format!("'{value}");
        neutralised.as_str()
    } else {
        value
    };
    if value.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// Whether a spreadsheet would read `value` as a formula.
pub(super) fn runs_as_formula(value: &str) -> bool {
    matches!(
        value.chars().next(),
        Some(
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{ff1d}' | '\u{ff0b}' | '\u{ff0d}' | '\u{ff20}'
        )
    )
}
