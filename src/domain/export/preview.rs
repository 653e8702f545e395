//! What the preview screen shows before a download: exactly what will leave the device,
//! read from the finished document (so it works for a read-back export too).

use super::csv::{columns, Holds};
use super::{ExportDocument, ExportResponse, Label};

/// The preview of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Metingen in the export.
    pub metingen: usize,
    /// Responses collected in those metingen.
    pub responses: usize,
    /// Records that leave the device (one per exported response).
    pub records: usize,
    /// Responses that do not leave as a record (metingen below `k`, or aggregates only).
    pub left_out: usize,
    /// Open answers that leave the device.
    pub texts: usize,
    /// Per instrument: counts and the fields of its records.
    pub instruments: Vec<PreviewInstrument>,
    /// Aggregate cells.
    pub cells: usize,
    /// Aggregate cells hidden.
    pub suppressed_cells: usize,
    /// Quasi-identifier values generalised (records times quasi-identifiers).
    pub generalised_values: usize,
    /// Records whose quasi-identifiers were all suppressed.
    pub suppressed_records: usize,
    /// Answers suppressed because of routing.
    pub blanked_answers: usize,
    /// One record as it is exported (the first of the shuffled records).
    pub sample: Option<ExportResponse>,
    /// The same record as indented JSON.
    pub sample_json: Option<String>,
}

/// One instrument in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewInstrument {
    /// Instrument id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Title.
    pub title: Label,
    /// Its metingen.
    pub metingen: usize,
    /// Its records.
    pub records: usize,
    /// The fields of each record: the columns of its CSV file.
    pub fields: Vec<PreviewField>,
}

/// One field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewField {
    /// Column name (item id; `item__row` for a matrix row, `item__code` for an option).
    pub name: String,
    /// The question (empty for the id, meting and period fields).
    pub question: Label,
    /// Item kind (`single_choice`, …), or `id`, `meting`, `period`.
    pub kind: String,
    /// Whether it is a quasi-identifier (it may be generalised or suppressed).
    pub quasi_identifier: bool,
    /// Whether it holds free text (only when open answers are included).
    pub free_text: bool,
}

/// The preview of `doc`.
pub fn preview(doc: &ExportDocument) -> Preview {
    let records = doc.responses.as_ref().map_or(0, Vec::len);
    let responses: usize = doc.metingen.iter().map(|m| m.responses).sum();
    let instruments = doc
        .codebook
        .instruments
        .iter()
        .map(|inst| {
            let mine = doc
                .metingen
                .iter()
                .filter(|m| m.instrument == inst.id && m.instrument_version == inst.version);
            let (metingen, records) = mine.fold((0, 0), |(m, r), x| (m + 1, r + x.records));
            let fields = columns(doc, inst)
                .into_iter()
                .map(|c| PreviewField {
                    question: c.item.map_or_else(
                        || Label { nl: String::new(), en: String::new() },
                        |i| i.text.clone(),
                    ),
                    kind: match (&c.holds, c.item) {
                        (Holds::Id, _) => "id".into(),
                        (Holds::Meting, _) => "meting".into(),
                        (_, Some(i)) => i.kind.clone(),
                        _ => "period".into(),
                    },
                    quasi_identifier: c.item.is_some_and(|i| i.quasi_identifier),
                    free_text: c.holds == Holds::Text,
                    name: c.name,
                })
                .collect();
            PreviewInstrument {
                id: inst.id.clone(),
                version: inst.version.clone(),
                title: inst.title.clone(),
                metingen,
                records,
                fields,
            }
        })
        .collect();
    let a = &doc.anonymisation;
    let sample = doc.responses.as_ref().and_then(|r| r.first()).cloned();
    Preview {
        metingen: doc.metingen.len(),
        responses,
        records,
        left_out: responses.saturating_sub(records),
        texts: doc.responses.iter().flatten().map(|r| r.texts.len()).sum(),
        instruments,
        cells: a.cells.cells,
        suppressed_cells: a.cells.suppressed,
        generalised_values: a.generalised.iter().map(|g| g.records).sum(),
        suppressed_records: a.suppressed.iter().map(|s| s.records).sum(),
        blanked_answers: a.blanked.iter().map(|b| b.records).sum(),
        sample_json: sample.as_ref().and_then(|s| serde_json::to_string_pretty(s).ok()),
        sample,
    }
}
