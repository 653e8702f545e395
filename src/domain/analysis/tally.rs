//! The one pass over a set of responses: answers counted per item (and matrix row) and
//! code, plus, per code set, how many answers hold one of its codes.

use std::cmp::Ordering;

use crate::domain::answer::Answer;
use crate::domain::instrument::{Item, ItemKind};
use crate::domain::response::Response;

use super::{MANAGER, ZORG};

/// What to count: the items to look up in each response and where their counts go.
#[derive(Debug, Default)]
pub(super) struct Plan<'a> {
    /// Sorted by id, so that one walk through a response's (sorted) answers finds them all.
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

    /// Counts `responses` to `instrument` in one pass; with `role_item`, also per role.
    pub fn count(
        &self,
        responses: &[Response],
        instrument: &str,
        role_item: Option<&str>,
    ) -> Tally {
        let mut slots = vec![Dist::default(); self.slots];
        for l in &self.items {
            for &(_, slot) in &l.rows {
                slots[slot].counts = vec![0; l.codes.len()];
            }
        }
        let mut t = Tally {
            roles: [slots.clone(), slots.clone()],
            slots,
            hits: vec![0; self.sets.len()],
            ..Tally::default()
        };
        // Per slot, this response's mask; then used to find the code sets' hits.
        let mut masks = vec![0u64; self.slots];
        for r in responses {
            if r.instrument != instrument {
                t.ignored += 1;
                continue;
            }
            t.used += 1;
            let role = role_item
                .and_then(|id| r.answers.get(id))
                .and_then(|a| [MANAGER, ZORG].iter().position(|code| a.has_code(code)));
            masks.fill(0);
            // A merge of two sorted lists: each answer is read once, which matters with
            // tens of thousands of responses spread over memory.
            let mut plan = self.items.iter();
            let mut next = plan.next();
            for (id, answer) in &r.answers {
                let lookup = loop {
                    match next.map(|l| l.id.cmp(id.as_str())) {
                        Some(Ordering::Less) => next = plan.next(),
                        Some(Ordering::Equal) => break next,
                        _ => break None,
                    }
                };
                let Some(lookup) = lookup else { continue };
                match answer {
                    Answer::Rows(rows) => {
                        for (row, code) in rows {
                            let found = lookup.rows.iter().find(|(r, _)| *r == Some(row.as_str()));
                            if let Some(&(_, slot)) = found {
                                masks[slot] = bit(&lookup.codes, code);
                            }
                        }
                    }
                    _ => {
                        if let Some(&(None, slot)) = lookup.rows.first() {
                            masks[slot] = mask(&lookup.codes, answer);
                        }
                    }
                }
            }
            for (slot, &mask) in masks.iter().enumerate().filter(|(_, m)| **m != 0) {
                add(&mut t.slots[slot], mask);
                if let Some(role) = role {
                    add(&mut t.roles[role][slot], mask);
                }
            }
            for (hits, (slot, set)) in t.hits.iter_mut().zip(&self.sets) {
                *hits += usize::from(masks[*slot] & set != 0);
            }
        }
        t
    }
}

/// Adds one answer's codes to a distribution.
fn add(dist: &mut Dist, mut mask: u64) {
    dist.n += 1;
    while mask != 0 {
        if let Some(c) = dist.counts.get_mut(mask.trailing_zeros() as usize) {
            *c += 1;
        }
        mask &= mask - 1;
    }
}

/// The bit of `code` among `codes`; 0 for an unknown code (or past the 64th).
fn bit(codes: &[String], code: &str) -> u64 {
    codes.iter().position(|c| c == code).map_or(0, |i| 1u64.checked_shl(i as u32).unwrap_or(0))
}

/// The codes an answer to a whole item holds, as a bit mask over `codes`. Zero for "weet
/// ik niet", "sla over", another kind of answer or only unknown codes.
fn mask(codes: &[String], answer: &Answer) -> u64 {
    match answer {
        Answer::Choice(c) => bit(codes, c),
        Answer::Choices(cs) => cs.iter().fold(0, |m, c| m | bit(codes, c)),
        _ => 0,
    }
}

/// Whether an item is answered on a scale: a scale item, or a matrix (for its rows).
pub(super) fn scaled(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Scale { .. } | ItemKind::Matrix { .. })
}
