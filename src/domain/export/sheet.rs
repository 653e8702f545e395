//! Responses coded once, by position: per response and item a small [`Entry`], so that the
//! k-anonymity procedure, the aggregates and the records read integers instead of looking
//! strings up again and again.

use super::ExportError;
use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::instrument::{Instrument, Item, ItemKind, NO, SHARE_BANDS, YES};
use crate::domain::response::Response;

/// One coded answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Entry {
    /// Not shown, not answered, or nothing the item could hold.
    Absent,
    /// "Weet ik niet".
    DontKnow,
    /// "Sla over".
    Skipped,
    /// The index of one code.
    Code(u16),
    /// Picked codes as a bit mask (bit `i` is code `i`).
    Codes(u64),
    /// A number.
    Number(i64),
    /// Open text: its index in the sheet's texts.
    Text(u32),
    /// Matrix rows: the offset of the item's row values in the sheet's row values.
    Rows(u32),
}

/// Row value: not answered.
pub(super) const ROW_ABSENT: u8 = 0;
/// Row value: "weet ik niet".
pub(super) const ROW_DONT_KNOW: u8 = 1;
/// Row value of the first point; point `i` is `ROW_FIRST + i`.
pub(super) const ROW_FIRST: u8 = 2;

/// How one item is coded.
#[derive(Debug)]
pub(super) struct Coding<'a> {
    /// The item.
    pub item: &'a Item,
    /// Its codes (a matrix's points).
    pub codes: Vec<&'a str>,
    /// A matrix's row ids, in order.
    pub rows: Vec<&'a str>,
}

impl<'a> Coding<'a> {
    /// How `item` is coded; `codes` are the item's choices.
    pub fn new(item: &'a Item, codes: Vec<&'a str>) -> Coding<'a> {
        let rows = match &item.kind {
            ItemKind::Matrix { rows, .. } => rows.iter().map(|r| r.id.as_str()).collect(),
            _ => Vec::new(),
        };
        Coding { item, codes, rows }
    }

    fn position(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| *c == code)
    }

    /// The cell of `answer`, adding row values and texts to the sheet.
    fn cell(&self, answer: &Answer, rows: &mut Vec<u8>, texts: &mut Vec<String>) -> Entry {
        match (answer, &self.item.kind) {
            (Answer::DontKnow, _) => Entry::DontKnow,
            (Answer::Skipped, _) => Entry::Skipped,
            (Answer::Choice(c), kind) if kind.is_single_coded() => self
                .position(c)
                .and_then(|i| u16::try_from(i).ok())
                .map_or(Entry::Absent, Entry::Code),
            (Answer::Choices(cs), ItemKind::MultipleChoice { .. }) => {
                let mask = cs
                    .iter()
                    .filter_map(|c| self.position(c))
                    .fold(0u64, |m, i| m | 1u64.checked_shl(i as u32).unwrap_or(0));
                if mask == 0 {
                    Entry::Absent
                } else {
                    Entry::Codes(mask)
                }
            }
            (Answer::Number(n), ItemKind::Number { .. }) => Entry::Number(*n),
            (Answer::Text(t), ItemKind::OpenText { .. }) if !t.trim().is_empty() => {
                texts.push(t.clone());
                Entry::Text(texts.len().saturating_sub(1) as u32)
            }
            (Answer::Rows(answered), ItemKind::Matrix { .. }) => {
                let start = rows.len();
                rows.resize(start + self.rows.len(), ROW_ABSENT);
                let mut any = false;
                for (row, code) in answered {
                    let Some(at) = self.rows.iter().position(|r| *r == row) else { continue };
                    let value = if code == DONT_KNOW_CODE {
                        Some(ROW_DONT_KNOW)
                    } else {
                        self.position(code).and_then(|i| u8::try_from(i + 2).ok())
                    };
                    if let (Some(v), Some(slot)) = (value, rows.get_mut(start + at)) {
                        *slot = v;
                        any = true;
                    }
                }
                if any {
                    Entry::Rows(start as u32)
                } else {
                    rows.truncate(start);
                    Entry::Absent
                }
            }
            _ => Entry::Absent,
        }
    }
}

/// How each item of `instrument` is coded, in order, and `(item id, index)` sorted by id.
pub(super) fn codings(instrument: &Instrument) -> (Vec<Coding<'_>>, Vec<(&str, usize)>) {
    let coding: Vec<Coding<'_>> = instrument
        .items()
        .map(|(_, item)| {
            let codes: Vec<&str> = match &item.kind {
                ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options, .. } => {
                    options.iter().map(|c| c.code.as_str()).collect()
                }
                ItemKind::Scale { points } | ItemKind::Matrix { points, .. } => {
                    points.iter().map(|c| c.code.as_str()).collect()
                }
                ItemKind::YesNo => vec![YES, NO],
                ItemKind::Share { .. } => SHARE_BANDS.iter().map(|(code, _, _)| *code).collect(),
                ItemKind::Number { .. } | ItemKind::OpenText { .. } => Vec::new(),
            };
            Coding::new(item, codes)
        })
        .collect();
    let mut by_id: Vec<(&str, usize)> =
        coding.iter().enumerate().map(|(i, c)| (c.item.id.as_str(), i)).collect();
    by_id.sort_unstable();
    (coding, by_id)
}

/// A meting's responses coded for the export: read once, like an analysis
/// [`crate::domain::analysis::Table`], so that exporting (and the preview, and the review
/// of texts) never reads the responses again.
///
/// Making it reads every answer of every response; that costs about what
/// `Table::of` costs. A team device can make it when it opens a meting's responses and
/// keep it with the table, then pass it as [`super::Responses::Coded`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSheet {
    instrument: String,
    version: String,
    /// Items per response.
    width: usize,
    /// Response-major cells.
    cells: Vec<Entry>,
    /// Row values of matrix answers.
    rows: Vec<u8>,
    /// Open texts.
    texts: Vec<String>,
    /// The responses' ids on the device (only for [`super::TextKey`]).
    ids: Vec<String>,
    /// Per response, the index of its week in `week_names`.
    weeks: Vec<u16>,
    /// The distinct weeks, as given.
    week_names: Vec<String>,
}

impl ExportSheet {
    /// Codes `responses` to `instrument`. Fails if one answers another instrument id.
    pub fn new(
        instrument: &Instrument,
        responses: &[Response],
    ) -> Result<ExportSheet, ExportError> {
        let (items, by_id) = codings(instrument);
        let width = items.len();
        let mut sheet = ExportSheet {
            instrument: instrument.id.clone(),
            version: instrument.version.clone(),
            width,
            cells: Vec::with_capacity(width * responses.len()),
            ids: Vec::with_capacity(responses.len()),
            weeks: Vec::with_capacity(responses.len()),
            ..ExportSheet::default()
        };
        for response in responses {
            if response.instrument != instrument.id {
                return Err(ExportError::OtherInstrument);
            }
            let start = sheet.cells.len();
            sheet.cells.resize(start + width, Entry::Absent);
            // Both are sorted by item id: one merge walk finds every item.
            let mut walk = by_id.iter().peekable();
            for (id, answer) in &response.answers {
                while walk.next_if(|(p, _)| *p < id.as_str()).is_some() {}
                let Some(&(_, i)) = walk.next_if(|(p, _)| *p == id.as_str()) else { continue };
                let Some(coding) = items.get(i) else { continue };
                let cell = coding.cell(answer, &mut sheet.rows, &mut sheet.texts);
                if let Some(slot) = sheet.cells.get_mut(start + i) {
                    *slot = cell;
                }
            }
            sheet.ids.push(response.id.clone());
            let week = match sheet.week_names.iter().position(|w| *w == response.week) {
                Some(at) => at,
                None => {
                    sheet.week_names.push(response.week.clone());
                    sheet.week_names.len() - 1
                }
            };
            sheet.weeks.push(u16::try_from(week).unwrap_or(u16::MAX));
        }
        Ok(sheet)
    }

    /// The number of responses.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no responses.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The instrument id and version it was coded with.
    pub fn instrument(&self) -> (&str, &str) {
        (&self.instrument, &self.version)
    }

    /// Whether it was coded with `instrument`'s items.
    pub(super) fn fits(&self, instrument: &Instrument) -> bool {
        self.instrument == instrument.id
            && self.version == instrument.version
            && self.width == instrument.item_count()
    }

    /// The cell of response `r`, item `i`.
    pub(super) fn cell(&self, r: usize, i: usize) -> Entry {
        self.cells.get(r * self.width + i).copied().unwrap_or(Entry::Absent)
    }

    /// The row values of a matrix answer at `offset` with `len` rows.
    pub(super) fn row_values(&self, offset: u32, len: usize) -> &[u8] {
        let start = offset as usize;
        self.rows.get(start..start + len).unwrap_or(&[])
    }

    /// The text of a text cell.
    pub(super) fn text(&self, index: u32) -> &str {
        self.texts.get(index as usize).map_or("", String::as_str)
    }

    /// Response `r`'s id on the device.
    pub(super) fn id(&self, r: usize) -> &str {
        self.ids.get(r).map_or("", String::as_str)
    }

    /// Response `r`'s week, as given.
    pub(super) fn week(&self, r: usize) -> &str {
        let at = self.weeks.get(r).copied().unwrap_or(u16::MAX);
        self.week_names.get(usize::from(at)).map_or("", String::as_str)
    }
}
