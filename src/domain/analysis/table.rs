//! Responses coded by position: one row per response, one column per coded answer place,
//! each cell a bit mask of the codes the answer holds.
//!
//! A [`Response`] keeps its answers in a map of strings, which is right for a session and
//! for a payload but slow to read twenty thousand times over: every answer is a few
//! pointers away. A [`Table`] is filled once, when responses are opened (on the team
//! device: while importing and unlocking), and every analysis after that (changing `k`,
//! the bands, another comparison) reads one flat array.

use std::collections::BTreeMap;

use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::condition::Condition;
use crate::domain::instrument::{Instrument, ItemKind};
use crate::domain::response::Response;

/// One coded answer place: an item answered with codes, or one row of a matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The item.
    pub item: String,
    /// The matrix row, if any.
    pub row: Option<String>,
    /// The codes, in the instrument's order: bit `i` of a cell is `codes[i]`.
    pub codes: Vec<String>,
}

/// Where an item's columns are: the first, and the row ids of a matrix in order.
#[derive(Debug, Clone)]
struct Place {
    first: usize,
    rows: Vec<String>,
}

/// The bit of a cell that holds "weet ik niet" (the item's, or a matrix row's): the
/// highest, which no code uses.
pub const DONT_KNOW: u64 = 1 << 63;

/// An item that counts as one of its codes when earlier answers hid it (`when_hidden`).
#[derive(Debug, Clone)]
struct Implied {
    item: String,
    column: usize,
    bit: u64,
    /// Its section's and its own condition.
    condition: Condition,
}

/// The coded answers of responses to one instrument.
///
/// Numbers and open text are not in the table: the analysis does not use them. A cell is
/// [`DONT_KNOW`] for "weet ik niet", and 0 when the place was not answered, answered "sla
/// over", or holds only codes the instrument does not know (or past the 63rd). An item
/// with `when_hidden` that earlier answers hid holds that code: "Waarbij heb je hulp
/// nodig?" counts as "geen" for a student who said no help is needed, so a share of it
/// is a share of every student, as the staff question means.
#[derive(Debug, Clone)]
pub struct Table {
    instrument: String,
    columns: Vec<Column>,
    places: BTreeMap<String, Place>,
    implied: Vec<Implied>,
    cells: Vec<u64>,
    rows: usize,
    ignored: usize,
}

impl Table {
    /// An empty table for responses to `instrument`: a column per single choice,
    /// multiple choice, scale, yes/no and share item, and per matrix row, in order.
    pub fn new(instrument: &Instrument) -> Table {
        let mut columns = Vec::new();
        let mut places = BTreeMap::new();
        let mut implied = Vec::new();
        for (section, item) in instrument.items() {
            let codes: Vec<String> = item.kind.choices().into_iter().map(|c| c.code).collect();
            if codes.is_empty() {
                continue;
            }
            let first = columns.len();
            if let Some(code) = &item.when_hidden {
                let parts: Vec<Condition> =
                    [&section.show_if, &item.show_if].into_iter().flatten().cloned().collect();
                if !parts.is_empty() {
                    implied.push(Implied {
                        item: item.id.clone(),
                        column: first,
                        bit: bit(&codes, code),
                        condition: Condition::All(parts),
                    });
                }
            }
            let rows: Vec<String> = match &item.kind {
                ItemKind::Matrix { rows, .. } => rows.iter().map(|r| r.id.clone()).collect(),
                _ => Vec::new(),
            };
            if rows.is_empty() {
                columns.push(Column { item: item.id.clone(), row: None, codes });
            } else {
                for row in &rows {
                    let row = Some(row.clone());
                    columns.push(Column { item: item.id.clone(), row, codes: codes.clone() });
                }
            }
            places.insert(item.id.clone(), Place { first, rows });
        }
        Table {
            instrument: instrument.id.clone(),
            columns,
            places,
            implied,
            cells: Vec::new(),
            rows: 0,
            ignored: 0,
        }
    }

    /// The table of those `responses` that answer `instrument`.
    pub fn of(instrument: &Instrument, responses: &[Response]) -> Table {
        let mut table = Table::new(instrument);
        table.reserve(responses.len());
        for r in responses {
            table.push(r);
        }
        table
    }

    /// Room for `more` rows without growing.
    pub fn reserve(&mut self, more: usize) {
        self.cells.reserve(more.saturating_mul(self.columns.len()));
    }

    /// Adds a response as a row. A response to another instrument id is not added but
    /// counted in [`Table::ignored`]; then this returns `false`. Any version of the
    /// instrument is taken: answers are matched by item id, row id and code.
    pub fn push(&mut self, response: &Response) -> bool {
        if response.instrument != self.instrument {
            self.ignored += 1;
            return false;
        }
        let start = self.cells.len();
        self.cells.resize(start + self.columns.len(), 0);
        // Both maps are sorted by item id: one merge walk finds every place.
        let mut places = self.places.iter().peekable();
        for (id, answer) in &response.answers {
            while places.next_if(|(p, _)| *p < id).is_some() {}
            let Some((_, place)) = places.next_if(|(p, _)| *p == id) else { continue };
            let codes = &self.columns[place.first].codes;
            match answer {
                Answer::Rows(rows) => {
                    for (row, code) in rows {
                        if let Some(i) = place.rows.iter().position(|r| r == row) {
                            self.cells[start + place.first + i] =
                                if code == DONT_KNOW_CODE { DONT_KNOW } else { bit(codes, code) };
                        }
                    }
                }
                Answer::DontKnow if place.rows.is_empty() => {
                    self.cells[start + place.first] = DONT_KNOW;
                }
                Answer::Choice(c) if place.rows.is_empty() => {
                    self.cells[start + place.first] = bit(codes, c);
                }
                Answer::Choices(cs) if place.rows.is_empty() => {
                    self.cells[start + place.first] = cs.iter().fold(0, |m, c| m | bit(codes, c));
                }
                _ => {}
            }
        }
        let lookup = |id: &str| response.answers.get(id);
        for i in &self.implied {
            if response.answers.contains_key(&i.item) || i.condition.holds(&lookup) {
                continue;
            }
            // Hidden by real earlier answers, not by a question left open or not known.
            let decided = i
                .condition
                .items()
                .iter()
                .all(|id| response.answers.get(*id).is_some_and(Answer::is_substantive));
            if decided {
                self.cells[start + i.column] = i.bit;
            }
        }
        self.rows += 1;
        true
    }

    /// Counts `n` more responses as left out (a table of another instrument).
    pub(super) fn ignore(&mut self, n: usize) {
        self.ignored += n;
    }

    /// The instrument id the rows answer.
    pub fn instrument(&self) -> &str {
        &self.instrument
    }

    /// The columns, in the instrument's order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The column of `item` (and `row` for a matrix), if the table has one.
    pub fn column(&self, item: &str, row: Option<&str>) -> Option<usize> {
        let place = self.places.get(item)?;
        match row {
            None if place.rows.is_empty() => Some(place.first),
            Some(row) => place.rows.iter().position(|r| r == row).map(|i| place.first + i),
            None => None,
        }
    }

    /// The number of rows (responses added).
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no response has been added.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Responses to another instrument that [`Table::push`] left out.
    pub fn ignored(&self) -> usize {
        self.ignored
    }

    /// The cells of row `n`, one per column; empty past the last row.
    pub fn row(&self, n: usize) -> &[u64] {
        let width = self.columns.len();
        self.cells.get(n * width..(n + 1) * width).unwrap_or(&[])
    }

    /// Every row, in the order they were added.
    pub fn rows(&self) -> impl Iterator<Item = &[u64]> {
        // `max(1)` only keeps `chunks_exact` from a zero width; a table without columns
        // has no cells, so it yields nothing either way.
        self.cells.chunks_exact(self.columns.len().max(1))
    }
}

/// The bit of `code` among `codes`; 0 for an unknown code (or past the 63rd, since the
/// 64th bit is [`DONT_KNOW`]).
pub(super) fn bit(codes: &[String], code: &str) -> u64 {
    codes.iter().position(|c| c == code).filter(|&i| i < 63).map_or(0, |i| 1u64 << i)
}
