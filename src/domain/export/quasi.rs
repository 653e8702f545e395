//! Quasi-identifiers and k-anonymity within a meting.
//!
//! # Which items
//!
//! A quasi-identifier is something an outsider may know about a respondent: every item
//! whose construct starts with `context.` (the built-in student items `niveau`,
//! `leerweg`, `leerjaar`, `stage`; the staff items `rol` and `niveaus_team`), the staff
//! role item (the item whose codes route the manager and zorg blocks, whatever its
//! construct), and the period a response was given in. Only coded and number items count;
//! open text is never exported unless the team reviews it, and matrices are not context.
//! The meting's own context (domein, niveau, leerweg) is the same for every record of the
//! meting, so it never splits a meting into groups; it is suppressed when the meting has
//! fewer than `k` responses (see [`super`]).
//!
//! # Hierarchies
//!
//! Level 0 is the answer as given. Each further level merges values; the last level turns
//! every value, missing ones included, into `onderdrukt`.
//!
//! | quasi-identifier | level 1 | level 2 |
//! |---|---|---|
//! | `context.leerjaar` (1 / 2 / 3_plus) | 2, 3_plus → `2_plus` | `onderdrukt` |
//! | `context.niveau` (2 / 3 / 4) | 3, 4 → `3_of_4` | `onderdrukt` |
//! | `context.rol` (and the role item) | docent, mentor, stage → `onderwijs`; manager, zorg → `leiding_zorg` | `onderdrukt` |
//! | the period, in weeks | week → its month | `onderdrukt` |
//! | any other (leerweg, stage, niveaus_team, the period in months, own items) | `onderdrukt` | |
//!
//! A group applies only when the item has every code it merges and does not itself use
//! the code it merges into, so own instruments with other codes fall back to suppression.
//!
//! # The procedure, per meting
//!
//! 1. Records are grouped by their combination of quasi-identifier values (a missing
//!    answer is a value of its own). The *cost* of a set of levels is the number of records
//!    that would lose every quasi-identifier in step 2: those in groups smaller than `k`,
//!    plus what it takes to bring them to `k`. While the cost is above `max(k, n / 20)`,
//!    one quasi-identifier goes up one level: the one with the lowest cost afterwards
//!    (ties: not a full suppression, then the one with the most distinct values, then the
//!    first).
//! 2. The records still in small groups get every quasi-identifier set to `onderdrukt`.
//!    If those suppressed records are themselves fewer than `k`, records are added from
//!    groups larger than `k` (chosen at random, never taking a group below `k`), or else
//!    the smallest group is suppressed whole.
//! 3. Routing: a question shown only for some of the values a record's quasi-identifier
//!    was merged from would give the value away (the manager block reveals a manager inside
//!    `leiding_zorg`). Its answer becomes `onderdrukt` for every record of that merged
//!    value, answered or not, and so do the questions routed on those in turn. This only
//!    merges groups, so no group drops below `k`.
//!
//! Afterwards every combination of exported quasi-identifier values within a meting holds
//! at least `k` records.
//!
//! A later export of a meting starts from what its first export with records fixed
//! ([`super::plan`]): the levels do not go below it, its fully suppressed records stay so,
//! and each batch of records (those of the first export, those that arrived for a later
//! one) is grouped on its own, so groups never mix batches and every batch's suppressed
//! group is topped up within the batch.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::period::Week;
use super::SUPPRESSED_CODE;
use super::{Group, Level, Sym};
use crate::domain::analysis::{MANAGER, ZORG};
use crate::domain::condition::Condition;
use crate::domain::instrument::{Instrument, Item, ItemKind};

mod grouping;
use grouping::{group_sizes, suppression_cost, top_up, Grouping};

/// Documented hierarchies by construct: per level, the groups it merges.
type Hierarchy = &'static [&'static [(&'static [&'static str], &'static str)]];

const LEERJAAR: Hierarchy = &[&[(&["2", "3_plus"], "2_plus")]];
const NIVEAU: Hierarchy = &[&[(&["3", "4"], "3_of_4")]];
const ROL: Hierarchy =
    &[&[(&["docent", "mentor", "stage"], "onderwijs"), (&["manager", "zorg"], "leiding_zorg")]];

/// Construct of the role item in the built-in staff instrument.
const ROLE_CONSTRUCT: &str = "context.rol";

/// The value a level merges an ISO week into: its month.
const WEEK: &str = "week";
/// See [`WEEK`].
const MONTH: &str = "month";
/// Every value.
const EVERY: &str = "*";

/// The quasi-identifier items of `instrument`, in instrument order: coded or number items
/// whose construct starts with `context.`, and the role item that routes the manager and
/// zorg blocks.
pub fn quasi_identifiers(instrument: &Instrument) -> Vec<&Item> {
    let role = role_item(instrument);
    instrument
        .items()
        .map(|(_, item)| item)
        .filter(|item| {
            let kind_fits =
                !matches!(item.kind, ItemKind::OpenText { .. } | ItemKind::Matrix { .. });
            kind_fits && (item.construct.starts_with("context.") || Some(item.id.as_str()) == role)
        })
        .collect()
}

/// The item a section's `show_if` routes on for both the manager and the zorg role.
fn role_item(instrument: &Instrument) -> Option<&str> {
    instrument.sections.iter().find_map(|s| match &s.show_if {
        Some(Condition::In { item, codes })
            if [MANAGER, ZORG].iter().all(|r| codes.iter().any(|c| c == r)) =>
        {
            Some(item.as_str())
        }
        _ => None,
    })
}

/// One quasi-identifier with its hierarchy.
#[derive(Debug, Clone)]
pub(super) struct QiDef<'a> {
    /// The item; `None` for the period.
    pub item: Option<&'a Item>,
    /// The groups of levels 1, 2, …, before the last level (suppression).
    pub levels: Vec<Vec<(Vec<String>, String)>>,
}

impl<'a> QiDef<'a> {
    /// The quasi-identifiers of `instrument`, the period last.
    pub fn all(instrument: &'a Instrument, weeks: bool) -> Vec<QiDef<'a>> {
        let role = role_item(instrument);
        let mut out: Vec<QiDef<'a>> = quasi_identifiers(instrument)
            .into_iter()
            .map(|item| {
                let codes: Vec<String> = item.kind.choices().into_iter().map(|c| c.code).collect();
                let hierarchy: Hierarchy = match item.construct.as_str() {
                    "context.leerjaar" => LEERJAAR,
                    "context.niveau" => NIVEAU,
                    ROLE_CONSTRUCT => ROL,
                    _ if Some(item.id.as_str()) == role => ROL,
                    _ => &[],
                };
                let single = item.kind.is_single_coded();
                let levels = hierarchy
                    .iter()
                    .map(|groups| {
                        groups
                            .iter()
                            .filter(|(from, to)| {
                                single
                                    && from.iter().all(|f| codes.iter().any(|c| c == f))
                                    && !codes.iter().any(|c| c == to)
                            })
                            .map(|(from, to)| {
                                (from.iter().map(|f| (*f).to_string()).collect(), (*to).to_string())
                            })
                            .collect::<Vec<_>>()
                    })
                    .filter(|groups| !groups.is_empty())
                    .collect();
                QiDef { item: Some(item), levels }
            })
            .collect();
        let period = if weeks {
            vec![vec![(vec![WEEK.to_string()], MONTH.to_string())]]
        } else {
            Vec::new()
        };
        out.push(QiDef { item: None, levels: period });
        out
    }

    /// The last level: everything suppressed.
    pub fn top(&self) -> usize {
        self.levels.len() + 1
    }

    /// The hierarchy as the report writes it.
    pub fn report(&self) -> Vec<Level> {
        let mut levels: Vec<Level> = self
            .levels
            .iter()
            .enumerate()
            .map(|(n, groups)| Level {
                level: n + 1,
                groups: groups
                    .iter()
                    .map(|(from, to)| Group { from: from.clone(), to: to.clone() })
                    .collect(),
            })
            .collect();
        levels.push(Level {
            level: self.top(),
            groups: vec![Group { from: vec![EVERY.into()], to: SUPPRESSED_CODE.into() }],
        });
        levels
    }

    /// The value `value` becomes at `level`.
    fn map(&self, level: usize, value: &str) -> String {
        if level >= self.top() {
            return SUPPRESSED_CODE.into();
        }
        let mut out = value.to_string();
        for groups in self.levels.iter().take(level) {
            for (from, to) in groups {
                if self.item.is_none() && to == MONTH {
                    if let Some(week) = Week::parse(&out) {
                        out = week.month();
                    }
                } else if from.contains(&out) {
                    out = to.clone();
                }
            }
        }
        out
    }

    /// The codes of the item a merged value at `level` may stand for (whether or not this
    /// meting has them: an outsider cannot tell); `None` when it may stand for anything
    /// (suppression).
    fn group_of(&self, level: usize, merged: &str) -> Option<Vec<String>> {
        if level >= self.top() || merged == SUPPRESSED_CODE {
            return None;
        }
        let codes = self.item.map(|i| i.kind.choices()).unwrap_or_default();
        Some(codes.into_iter().map(|c| c.code).filter(|c| self.map(level, c) == merged).collect())
    }
}

/// The outcome for one meting.
#[derive(Debug, Clone)]
pub(super) struct Outcome {
    /// Per quasi-identifier, the level reached.
    pub levels: Vec<usize>,
    /// Per record and quasi-identifier (record-major), the index of its original value.
    pub record_values: Vec<u32>,
    /// Per record: every quasi-identifier suppressed.
    pub suppressed: Vec<bool>,
    /// Records suppressed because their group was below `k`.
    pub primary: usize,
    /// Records added to the suppressed group to bring it to `k`.
    pub topped_up: usize,
    /// Per quasi-identifier, per original value: the exported value, and whether it
    /// differs from the original.
    pub exported: Vec<Vec<(Sym, bool)>>,
    /// Per record, the items whose answers become `onderdrukt`, with the
    /// quasi-identifier that made it so.
    pub blanked: Vec<Vec<(usize, usize)>>,
    /// `onderdrukt`.
    gone: Sym,
}

impl Outcome {
    /// The exported value of quasi-identifier `q` for record `r`, and whether it differs
    /// from the answer given.
    pub fn value(&self, r: usize, q: usize) -> (&Sym, bool) {
        if self.suppressed.get(r).copied().unwrap_or(true) {
            return (&self.gone, true);
        }
        let v = self.record_values.get(r * self.levels.len() + q).copied().unwrap_or(0) as usize;
        match self.exported.get(q).and_then(|e| e.get(v)) {
            Some((sym, changed)) => (sym, *changed),
            None => (&self.gone, true),
        }
    }

    /// Whether item `item` of record `r` is blanked.
    pub fn blanked(&self, r: usize, item: usize) -> bool {
        self.blanked.get(r).is_some_and(|list| list.iter().any(|(i, _)| *i == item))
    }
}

/// What an earlier export of the meting fixes ([`super::plan`]): empty lists mean
/// nothing is fixed.
#[derive(Debug, Clone, Default)]
pub(super) struct Fixed {
    /// Per quasi-identifier, the lowest level it may have.
    pub start: Vec<usize>,
    /// Per record, whether every quasi-identifier stays suppressed.
    pub suppressed: Vec<bool>,
    /// Per record, its batch: groups never span two batches.
    pub batch: Vec<u32>,
}

/// Makes the records of one meting k-anonymous (see the module documentation).
///
/// `values` holds, per quasi-identifier, its distinct original values as text (empty for
/// no answer); `record_values` the index of each record's value, record-major. `items`
/// is the instrument's item list, in order, with each item's routing conditions (its
/// section's and its own); `seed` picks records when the suppressed group needs topping
/// up; `fixed` is what an earlier export of the meting fixed.
pub(super) fn anonymise(
    qis: &[QiDef<'_>],
    items: &[(&Item, Vec<&Condition>)],
    values: &[Vec<String>],
    record_values: Vec<u32>,
    k: usize,
    seed: [u8; 32],
    fixed: &Fixed,
) -> Outcome {
    let width = qis.len();
    let n = record_values.len().checked_div(width).unwrap_or(0);
    let batch: Vec<u32> = (0..n).map(|r| fixed.batch.get(r).copied().unwrap_or(0)).collect();
    // Per quasi-identifier and level: the exported value id of every original value.
    // Id 0 is always `onderdrukt`, so fully suppressed records share one group.
    let ids: Vec<Vec<Vec<u32>>> = qis
        .iter()
        .zip(values)
        .map(|(def, vals)| {
            (0..=def.top())
                .map(|level| {
                    let mut names: Vec<String> = vec![SUPPRESSED_CODE.into()];
                    vals.iter()
                        .map(|v| {
                            let out = def.map(level, v);
                            let id = names.iter().position(|x| *x == out).unwrap_or_else(|| {
                                names.push(out);
                                names.len() - 1
                            });
                            id as u32
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut levels: Vec<usize> = qis
        .iter()
        .enumerate()
        .map(|(q, def)| fixed.start.get(q).copied().unwrap_or(0).min(def.top()))
        .collect();
    let mut suppressed: Vec<bool> =
        (0..n).map(|r| fixed.suppressed.get(r).copied().unwrap_or(false)).collect();
    let limit = k.max(n / 20);
    let g = Grouping { ids: &ids, record_values: &record_values, batch: &batch };
    loop {
        let cost = suppression_cost(&g, &levels, &suppressed, k);
        if cost <= limit {
            break;
        }
        // Score of a step: records that would still lose everything, whether it
        // suppresses the whole quasi-identifier, fewer distinct values last, then
        // instrument order.
        let mut best: Option<(usize, bool, std::cmp::Reverse<usize>, usize)> = None;
        for (q, (def, &level)) in qis.iter().zip(&levels).enumerate() {
            if level >= def.top() {
                continue;
            }
            let mut tried = levels.clone();
            if let Some(l) = tried.get_mut(q) {
                *l = level + 1;
            }
            let distinct = values.get(q).map_or(0, Vec::len);
            let score = (
                suppression_cost(&g, &tried, &suppressed, k),
                level + 1 >= def.top(),
                std::cmp::Reverse(distinct),
                q,
            );
            if best.is_none_or(|b| score < b) {
                best = Some(score);
            }
        }
        match best.and_then(|(.., q)| levels.get_mut(q)) {
            Some(level) => *level += 1,
            None => break,
        }
    }
    // Local suppression of the records still in small groups.
    let sizes = group_sizes(&g, &levels, &suppressed);
    let mut primary = 0;
    for (gone, size) in suppressed.iter_mut().zip(&sizes) {
        if *size < k && !*gone {
            *gone = true;
            primary += 1;
        }
    }
    let topped_up = top_up(&g, &levels, &mut suppressed, k, seed);
    let exported = qis
        .iter()
        .zip(values)
        .zip(&levels)
        .map(|((def, vals), &level)| {
            vals.iter()
                .map(|v| {
                    let out = def.map(level, v);
                    let changed = out != *v;
                    (Sym::from(out), changed)
                })
                .collect()
        })
        .collect();
    let mut outcome = Outcome {
        levels,
        record_values,
        suppressed,
        primary,
        topped_up,
        exported,
        blanked: Vec::new(),
        gone: Sym::from(SUPPRESSED_CODE),
    };
    outcome.blanked = blanks(qis, items, &outcome);
    outcome
}

/// Per record, the items whose answers become `onderdrukt` because a quasi-identifier
/// was merged or suppressed and the item is shown only for some of the merged values.
fn blanks(
    qis: &[QiDef<'_>],
    items: &[(&Item, Vec<&Condition>)],
    outcome: &Outcome,
) -> Vec<Vec<(usize, usize)>> {
    let n = outcome.suppressed.len();
    let width = qis.len();
    // Per quasi-identifier and original value (`None`: suppressed), the items to blank.
    let mut cache: BTreeMap<(usize, Option<u32>), Vec<usize>> = BTreeMap::new();
    let mut out = vec![Vec::new(); n];
    for (r, list) in out.iter_mut().enumerate() {
        let gone = outcome.suppressed.get(r).copied().unwrap_or(true);
        for (q, def) in qis.iter().enumerate() {
            let Some(qi_item) = def.item else { continue };
            let (value, changed) = outcome.value(r, q);
            if !changed {
                continue;
            }
            let v = outcome.record_values.get(r * width + q).copied();
            let key = (q, if gone { None } else { v });
            let set = cache.entry(key).or_insert_with(|| {
                let level = outcome.levels.get(q).copied().unwrap_or(0);
                let level = if gone { def.top() } else { level };
                routed(items, &qi_item.id, def.group_of(level, value).as_deref())
            });
            for &i in set.iter() {
                if !list.iter().any(|(item, _)| *item == i) {
                    list.push((i, q));
                }
            }
        }
    }
    out
}

/// The items whose visibility differs within `group` of values of `qi` (every value when
/// `None`), and the items routed on those in turn.
fn routed(items: &[(&Item, Vec<&Condition>)], qi: &str, group: Option<&[String]>) -> Vec<usize> {
    let mut set: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, (item, conds))| item.id != qi && conds.iter().any(|c| splits(c, qi, group)))
        .map(|(i, _)| i)
        .collect();
    loop {
        let names: Vec<&str> =
            set.iter().filter_map(|&i| items.get(i)).map(|(it, _)| it.id.as_str()).collect();
        let more: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(i, (item, conds))| {
                !set.contains(i)
                    && item.id != qi
                    && conds.iter().any(|c| c.items().iter().any(|x| names.contains(x)))
            })
            .map(|(i, _)| i)
            .collect();
        if more.is_empty() {
            break;
        }
        set.extend(more);
    }
    set.sort_unstable();
    set
}

/// Whether `condition` looks at `qi` in a way that differs within `group`.
fn splits(condition: &Condition, qi: &str, group: Option<&[String]>) -> bool {
    match condition {
        Condition::In { item, codes } if item == qi => match group {
            None => true,
            Some(g) => {
                let inside = g.iter().filter(|v| codes.contains(v)).count();
                inside > 0 && inside < g.len()
            }
        },
        Condition::Between { item, .. } | Condition::Answered { item } if item == qi => {
            group.is_none()
        }
        Condition::All(parts) | Condition::Any(parts) => parts.iter().any(|p| splits(p, qi, group)),
        Condition::Not(part) => splits(part, qi, group),
        _ => false,
    }
}

/// The seed for topping up one meting's suppressed group: fixed for the meting, so the
/// review of open answers and the export agree whatever seed the export gets.
pub(super) fn top_up_seed(meting: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"spiegel export top-up");
    hasher.update(meting);
    hasher.finalize().into()
}
