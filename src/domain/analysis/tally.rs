//! The one pass over a [`Table`] of responses: answers counted per item (and matrix row)
//! and code, plus, per code set, how many answers hold one of its codes.

use crate::domain::instrument::{Item, ItemKind};

use super::table::{bit, Table, DONT_KNOW};
use super::{MANAGER, ZORG};

/// What to count: the items to look up in each response and where their counts go.
#[derive(Debug, Default)]
pub(super) struct Plan<'a> {
    /// Sorted by id.
    items: Vec<Lookup<'a>>,
    /// The number of slots.
    slots: usize,
    /// Per code set: its slot and its codes as a bit mask.
    sets: Vec<(usize, u64)>,
}

/// One item to look up in each response.
#[derive(Debug)]
struct Lookup<'a> {
    id: &'a str,
    /// The item's codes (a matrix's scale), in order: bit `i` of a mask is `codes[i]`.
    codes: Vec<String>,
    /// Per counted row (`None` for the item itself): its slot.
    rows: Vec<(Option<&'a str>, usize)>,
}

/// The answers to one item or matrix row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Dist {
    /// Responses with a real answer: at least one known code.
    pub n: usize,
    /// Responses that answered "weet ik niet".
    pub dont_know: usize,
    /// Per code of the item, in order: responses whose answer holds it.
    pub counts: Vec<usize>,
}

/// The counts of one response set.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Per slot, over every response.
    pub slots: Vec<Dist>,
    /// Per slot, over the responses of the [`MANAGER`] (0) and the [`ZORG`] (1) role.
    pub roles: [Vec<Dist>; 2],
    /// Per code set: responses whose answer holds one of its codes.
    pub hits: Vec<usize>,
    /// Responses counted.
    pub used: usize,
    /// Responses to another instrument.
    pub ignored: usize,
}

impl<'a> Plan<'a> {
    /// The slot of `item` (and `row`), added if new.
    pub fn slot(&mut self, item: &'a Item, row: Option<&'a str>) -> usize {
        let at = match self.items.binary_search_by(|l| l.id.cmp(&item.id)) {
            Ok(at) => at,
            Err(at) => {
                let codes = item.kind.choices().into_iter().map(|c| c.code).collect();
                self.items.insert(at, Lookup { id: &item.id, codes, rows: Vec::new() });
                at
            }
        };
        let lookup = &mut self.items[at];
        if let Some((_, slot)) = lookup.rows.iter().find(|(r, _)| *r == row) {
            return *slot;
        }
        lookup.rows.push((row, self.slots));
        self.slots += 1;
        self.slots - 1
    }

    /// A code set on `slot`, counted as one hit per response that holds any of `codes`.
    /// Returns its index into [`Tally::hits`].
    pub fn set(&mut self, slot: usize, codes: &[String]) -> usize {
        let owner = self.items.iter().find(|l| l.rows.iter().any(|(_, s)| *s == slot));
        let all = owner.map_or(&[][..], |l| &l.codes[..]);
        let mask = codes.iter().fold(0, |m, c| m | bit(all, c));
        self.sets.push((slot, mask));
        self.sets.len() - 1
    }

    /// Counts the rows of `table` in one pass; with `role_item`, also per role.
    pub fn count(&self, table: &Table, role_item: Option<&str>) -> Tally {
        let mut slots = vec![Dist::default(); self.slots];
        // Per slot, its column in the table (a slot the table lacks is never answered).
        let mut columns = vec![None; self.slots];
        for l in &self.items {
            for &(row, slot) in &l.rows {
                slots[slot].counts = vec![0; l.codes.len()];
                columns[slot] = table.column(l.id, row);
            }
        }
        let columns: Vec<(usize, usize)> =
            columns.iter().enumerate().filter_map(|(slot, c)| c.map(|c| (slot, c))).collect();
        let sets: Vec<(usize, u64)> = self
            .sets
            .iter()
            .map(|&(slot, mask)| {
                (columns.iter().find(|(s, _)| *s == slot).map_or(usize::MAX, |c| c.1), mask)
            })
            .collect();
        let role = role_item.and_then(|id| {
            let at = table.column(id, None)?;
            let codes = &table.columns()[at].codes;
            Some((at, [bit(codes, MANAGER), bit(codes, ZORG)]))
        });
        let mut t = Tally {
            roles: [slots.clone(), slots.clone()],
            slots,
            hits: vec![0; self.sets.len()],
            used: table.len(),
            ignored: table.ignored(),
        };
        for row in table.rows() {
            let role = role.and_then(|(at, bits)| bits.iter().position(|b| row[at] & b != 0));
            for &(slot, column) in &columns {
                let mask = row[column];
                if mask != 0 {
                    add(&mut t.slots[slot], mask);
                    if let Some(role) = role {
                        add(&mut t.roles[role][slot], mask);
                    }
                }
            }
            for (hits, &(column, set)) in t.hits.iter_mut().zip(&sets) {
                *hits += usize::from(row.get(column).is_some_and(|m| m & set != 0));
            }
        }
        t
    }
}

/// Adds one answer's codes to a distribution ("weet ik niet" apart).
fn add(dist: &mut Dist, mut mask: u64) {
    if mask & DONT_KNOW != 0 {
        dist.dont_know += 1;
        return;
    }
    dist.n += 1;
    while mask != 0 {
        if let Some(c) = dist.counts.get_mut(mask.trailing_zeros() as usize) {
            *c += 1;
        }
        mask &= mask - 1;
    }
}

/// Whether an item is answered on a scale: a scale item, or a matrix (for its rows).
pub(super) fn scaled(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Scale { .. } | ItemKind::Matrix { .. })
}
