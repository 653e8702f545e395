//! An instrument coded for the export ([`Plan`]): how each item is coded, its
//! quasi-identifiers and routing, and the shared keys; coding a meting's responses into
//! records, the cells of its quasi-identifiers and the texts for review. The export
//! ([`super::export_planned`]) makes one per instrument.

use crate::domain::answer::DONT_KNOW_CODE;
use crate::domain::condition::Condition;
use crate::domain::instrument::{Instrument, Item};

use super::quasi::{self, Outcome, QiDef};
use super::sheet::{self, Coding, Entry, ROW_DONT_KNOW, ROW_FIRST};
use super::{
    coarse, scrub, Coarse, Coded, ExportError, ExportOptions, ExportResponse, ExportSheet, Keyed,
    Pattern, PeriodLevel, RecordPlan, Sym, TextKey, TextReport, Work, SKIPPED_CODE,
    SUPPRESSED_CODE,
};

/// An instrument, coded for the export.
pub(super) struct Plan<'a> {
    pub(super) instrument: &'a Instrument,
    /// How each item is coded, in instrument order.
    pub(super) coding: Vec<Coding<'a>>,
    /// Quasi-identifiers, the period last.
    pub(super) qis: Vec<QiDef<'a>>,
    /// Per quasi-identifier, its item's index (`None` for the period).
    pub(super) qi_items: Vec<Option<usize>>,
    /// Per item, its quasi-identifier.
    pub(super) qi_of: Vec<Option<usize>>,
    /// Every item with its routing conditions (its section's and its own).
    pub(super) routing: Vec<(&'a Item, Vec<&'a Condition>)>,
    /// Per item: its id, its codes and its row ids, shared by every record.
    pub(super) keys: Vec<Sym>,
    pub(super) codes: Vec<Vec<Sym>>,
    pub(super) rows: Vec<Vec<Sym>>,
    /// The missing-value codes.
    pub(super) dont_know: Sym,
    pub(super) skipped: Sym,
    pub(super) suppressed: Sym,
}

impl<'a> Plan<'a> {
    pub(super) fn new(instrument: &'a Instrument, weeks: bool) -> Result<Plan<'a>, ExportError> {
        let (coding, _) = sheet::codings(instrument);
        for c in &coding {
            if let Some(code) = c.codes.iter().find(|x| [SKIPPED_CODE, SUPPRESSED_CODE].contains(x))
            {
                return Err(ExportError::ReservedCode {
                    item: c.item.id.clone(),
                    code: (*code).to_string(),
                });
            }
        }
        let keys = coding.iter().map(|c| Sym::from(c.item.id.as_str())).collect();
        let codes =
            coding.iter().map(|c| c.codes.iter().map(|x| Sym::from(*x)).collect()).collect();
        let rows = coding.iter().map(|c| c.rows.iter().map(|x| Sym::from(*x)).collect()).collect();
        let routing = instrument
            .items()
            .map(|(section, item)| {
                (item, section.show_if.iter().chain(item.show_if.iter()).collect())
            })
            .collect();
        let qis = QiDef::all(instrument, weeks);
        let qi_items: Vec<Option<usize>> = qis
            .iter()
            .map(|q| q.item.and_then(|it| coding.iter().position(|c| std::ptr::eq(c.item, it))))
            .collect();
        let mut qi_of = vec![None; coding.len()];
        for (q, i) in qi_items.iter().enumerate() {
            if let Some(slot) = i.and_then(|i| qi_of.get_mut(i)) {
                *slot = Some(q);
            }
        }
        Ok(Plan {
            instrument,
            coding,
            qis,
            qi_items,
            qi_of,
            routing,
            keys,
            codes,
            rows,
            dont_know: Sym::from(DONT_KNOW_CODE),
            skipped: Sym::from(SKIPPED_CODE),
            suppressed: Sym::from(SUPPRESSED_CODE),
        })
    }

    /// What a frozen record plan fixes for the records of `sheet`: the lowest level per
    /// quasi-identifier, the records kept suppressed, and each record's batch (the new
    /// records last).
    pub(super) fn fixed(
        &self,
        records: &RecordPlan,
        sheet: &ExportSheet,
        dates: Coarse,
    ) -> quasi::Fixed {
        let start = self
            .qis
            .iter()
            .map(|def| match def.item {
                Some(item) => {
                    records.levels.iter().find(|(id, _)| *id == item.id).map_or(0, |(_, l)| *l)
                }
                None => match (dates, records.period) {
                    (_, PeriodLevel::Suppressed) => def.top(),
                    (Coarse::Week, PeriodLevel::Month) => 1,
                    _ => 0,
                },
            })
            .collect();
        let n = sheet.len();
        let fresh = records.batches.len() as u32;
        let batch = (0..n)
            .map(|r| {
                let id = sheet.id(r);
                records.batches.iter().position(|b| b.contains(id)).map_or(fresh, |b| b as u32)
            })
            .collect();
        let suppressed = (0..n).map(|r| records.suppressed.contains(sheet.id(r))).collect();
        quasi::Fixed { start, suppressed, batch }
    }

    /// Per quasi-identifier its distinct values as text, and per record (record-major)
    /// the index of its value.
    pub(super) fn qi_values(
        &self,
        sheet: &ExportSheet,
        dates: Coarse,
    ) -> (Vec<Vec<String>>, Vec<u32>) {
        let width = self.qis.len();
        let mut values: Vec<Vec<String>> = vec![Vec::new(); width];
        // What each value was interned by: the cell, or the week as given.
        let mut cells: Vec<Vec<Entry>> = vec![Vec::new(); width];
        let mut weeks: Vec<Vec<&str>> = vec![Vec::new(); width];
        let mut record_values = Vec::with_capacity(sheet.len() * width);
        for r in 0..sheet.len() {
            for (q, item) in self.qi_items.iter().enumerate() {
                let (Some(vals), Some(seen_cells), Some(seen_weeks)) =
                    (values.get_mut(q), cells.get_mut(q), weeks.get_mut(q))
                else {
                    continue;
                };
                let at = match item {
                    Some(i) => {
                        let cell = sheet.cell(r, *i);
                        seen_cells.iter().position(|c| *c == cell).unwrap_or_else(|| {
                            seen_cells.push(cell);
                            vals.push(self.describe(*i, cell));
                            vals.len() - 1
                        })
                    }
                    None => {
                        let week = sheet.week(r);
                        seen_weeks.iter().position(|w| *w == week).unwrap_or_else(|| {
                            seen_weeks.push(week);
                            vals.push(coarse(week, dates));
                            vals.len() - 1
                        })
                    }
                };
                record_values.push(at as u32);
            }
        }
        (values, record_values)
    }

    /// A quasi-identifier cell as text: a code, picked codes joined by `+`, a number, a
    /// missing-value code, or empty.
    pub(super) fn describe(&self, item: usize, cell: Entry) -> String {
        let codes = self.codes.get(item).map_or(&[][..], Vec::as_slice);
        match cell {
            Entry::DontKnow => DONT_KNOW_CODE.into(),
            Entry::Skipped => SKIPPED_CODE.into(),
            Entry::Code(i) => codes.get(usize::from(i)).map(|c| c.to_string()).unwrap_or_default(),
            Entry::Codes(mask) => {
                picked(codes, mask).map(|c| c.as_str()).collect::<Vec<_>>().join("+")
            }
            Entry::Number(n) => n.to_string(),
            Entry::Absent | Entry::Text(_) | Entry::Rows(_) => String::new(),
        }
    }

    /// A cell as exported; `None` for no answer and for text (texts go elsewhere).
    pub(super) fn export_cell(
        &self,
        sheet: &ExportSheet,
        item: usize,
        cell: Entry,
    ) -> Option<Coded> {
        let codes = self.codes.get(item)?;
        Some(match cell {
            Entry::Absent | Entry::Text(_) => return None,
            Entry::DontKnow => Coded::Code(self.dont_know.clone()),
            Entry::Skipped => Coded::Code(self.skipped.clone()),
            Entry::Code(i) => Coded::Code(codes.get(usize::from(i))?.clone()),
            Entry::Codes(mask) => Coded::Codes(picked(codes, mask).cloned().collect()),
            Entry::Number(n) => Coded::Number(n),
            Entry::Rows(offset) => {
                let rows = self.rows.get(item)?;
                let values = sheet.row_values(offset, rows.len());
                Coded::Rows(Keyed(
                    rows.iter()
                        .zip(values)
                        .filter_map(|(row, &v)| {
                            let code = match v {
                                ROW_DONT_KNOW => self.dont_know.clone(),
                                v if v >= ROW_FIRST => {
                                    codes.get(usize::from(v - ROW_FIRST))?.clone()
                                }
                                _ => return None,
                            };
                            Some((row.clone(), code))
                        })
                        .collect(),
                ))
            }
        })
    }

    /// The open answers of record `r` that could leave: not empty, not suppressed.
    pub(super) fn texts<'w>(
        &'w self,
        work: &'w Work<'a>,
        outcome: &'w Outcome,
        r: usize,
    ) -> impl Iterator<Item = (&'a Item, &'w str)> + 'w {
        self.coding.iter().enumerate().filter_map(move |(i, c)| match work.sheet.cell(r, i) {
            Entry::Text(t) if !outcome.blanked(r, i) => Some((c.item, work.sheet.text(t))),
            _ => None,
        })
    }

    /// Record `r` of a meting as it is exported.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn record(
        &self,
        work: &Work<'a>,
        outcome: &Outcome,
        r: usize,
        id: String,
        meting: &Sym,
        options: &ExportOptions,
        report: &mut TextReport,
    ) -> ExportResponse {
        let mut answers = Vec::with_capacity(self.coding.len());
        for (i, key) in self.keys.iter().enumerate() {
            let coded = if outcome.blanked(r, i) {
                Some(Coded::Code(self.suppressed.clone()))
            } else {
                let qi = self.qi_of.get(i).copied().flatten().map(|q| outcome.value(r, q));
                match qi {
                    Some((value, true)) if value.is_empty() => None,
                    Some((value, true)) => Some(Coded::Code(value.clone())),
                    _ => self.export_cell(&work.sheet, i, work.sheet.cell(r, i)),
                }
            };
            if let Some(coded) = coded {
                answers.push((key.clone(), coded));
            }
        }
        let period = self
            .qi_items
            .iter()
            .position(Option::is_none)
            .map_or_else(|| self.suppressed.clone(), |q| outcome.value(r, q).0.clone());
        let mut texts = Vec::new();
        for (item, text) in self.texts(work, outcome, r) {
            report.offered += 1;
            if !options.include_text {
                continue;
            }
            let key = TextKey {
                meting: work.input.meting.id,
                response: work.sheet.id(r).to_string(),
                item: item.id.clone(),
            };
            if options.dropped.contains(&key) {
                report.dropped += 1;
                continue;
            }
            let scrubbed = scrub(text);
            if !scrubbed.found.is_empty() {
                report.scrubbed += 1;
            }
            for p in &scrubbed.found {
                let counts = &mut report.patterns;
                *match p {
                    Pattern::Email => &mut counts.email,
                    Pattern::Phone => &mut counts.phone,
                    Pattern::Postcode => &mut counts.postcode,
                    Pattern::Number => &mut counts.number,
                    Pattern::Name => &mut counts.name,
                    Pattern::Handle => &mut counts.handle,
                } += 1;
            }
            texts.push((Sym::from(item.id.as_str()), scrubbed.text));
        }
        ExportResponse {
            id,
            meting: meting.clone(),
            period,
            answers: Keyed(answers),
            texts: Keyed(texts),
        }
    }
}

/// The codes whose bits are set in `mask`, in order.
pub(super) fn picked(codes: &[Sym], mask: u64) -> impl Iterator<Item = &Sym> {
    codes.iter().enumerate().filter(move |(i, _)| mask >> i & 1 == 1 && *i < 64).map(|(_, c)| c)
}
