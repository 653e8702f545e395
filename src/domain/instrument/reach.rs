//! A conservative satisfiability check for conditions: it reports "never" only when no
//! answers at all can make the condition hold, so a warning is never a false alarm.

use std::collections::{BTreeMap, BTreeSet};

use super::ItemKind;
use crate::domain::condition::Condition;

/// A literal: an atom that must hold (`true`) or must not hold (`false`).
type Lit<'a> = (bool, &'a Condition);

/// Beyond this many alternatives we stop and assume the condition can hold.
const LIMIT: usize = 512;

pub(super) fn satisfiable(
    c: &Condition,
    kinds: &BTreeMap<&str, &ItemKind>,
    never: &BTreeSet<&str>,
) -> bool {
    match dnf(c, false) {
        None => true,
        Some(alternatives) => alternatives.iter().any(|conj| conjunction(conj, kinds, never)),
    }
}

type Dnf<'a> = Vec<Vec<Lit<'a>>>;

/// Disjunctive normal form, with negations pushed down to the atoms. `None` when it
/// grows beyond [`LIMIT`].
fn dnf(c: &Condition, negate: bool) -> Option<Dnf<'_>> {
    match (c, negate) {
        (Condition::All(parts), false) | (Condition::Any(parts), true) => product(parts, negate),
        (Condition::Any(parts), false) | (Condition::All(parts), true) => union(parts, negate),
        (Condition::Not(inner), _) => dnf(inner, !negate),
        (atom, _) => Some(vec![vec![(!negate, atom)]]),
    }
}

/// Every part must hold: combine each alternative of each part.
fn product(parts: &[Condition], negate: bool) -> Option<Dnf<'_>> {
    let mut acc: Dnf<'_> = vec![Vec::new()];
    for p in parts {
        let alts = dnf(p, negate)?;
        let mut next = Vec::new();
        for a in &acc {
            for b in &alts {
                next.push(a.iter().chain(b).copied().collect());
            }
        }
        if next.len() > LIMIT {
            return None;
        }
        acc = next;
    }
    Some(acc)
}

/// One part must hold: all alternatives of all parts.
fn union(parts: &[Condition], negate: bool) -> Option<Dnf<'_>> {
    let mut out = Vec::new();
    for p in parts {
        out.extend(dnf(p, negate)?);
    }
    (out.len() <= LIMIT).then_some(out)
}

fn item_of(c: &Condition) -> &str {
    match c {
        Condition::In { item, .. }
        | Condition::Between { item, .. }
        | Condition::Answered { item } => item,
        _ => "",
    }
}

fn conjunction(
    lits: &[Lit<'_>],
    kinds: &BTreeMap<&str, &ItemKind>,
    never: &BTreeSet<&str>,
) -> bool {
    let mut by_item: BTreeMap<&str, Vec<Lit<'_>>> = BTreeMap::new();
    for lit in lits {
        by_item.entry(item_of(lit.1)).or_default().push(*lit);
    }
    by_item.iter().all(|(item, lits)| {
        let needs_answer = lits.iter().any(|(pos, _)| *pos);
        if needs_answer && never.contains(item) {
            return false;
        }
        match kinds.get(item) {
            Some(kind) => one_item(kind, lits),
            None => true,
        }
    })
}

/// Whether one item can take an answer (or no answer) that satisfies all `lits`.
fn one_item(kind: &ItemKind, lits: &[Lit<'_>]) -> bool {
    let none_allowed = !lits.iter().any(|(pos, _)| *pos);
    match kind {
        ItemKind::MultipleChoice { options, .. } => {
            let mut forbidden = BTreeSet::new();
            let mut wanted: Vec<&Vec<String>> = Vec::new();
            let mut must_be_empty = false;
            for (pos, atom) in lits {
                match (pos, atom) {
                    (true, Condition::In { codes, .. }) => wanted.push(codes),
                    (false, Condition::In { codes, .. }) => forbidden.extend(codes),
                    (false, Condition::Answered { .. }) => must_be_empty = true,
                    _ => {}
                }
            }
            let needs_some = lits.iter().any(|(pos, _)| *pos);
            let free: Vec<&String> =
                options.iter().map(|o| &o.code).filter(|c| !forbidden.contains(c)).collect();
            if must_be_empty {
                return !needs_some;
            }
            wanted.iter().all(|w| w.iter().any(|c| free.contains(&c)))
                && (!needs_some || !free.is_empty())
        }
        ItemKind::Number { min, max, .. } => {
            let (mut lo, mut hi) = (*min, *max);
            let mut holes = Vec::new();
            let mut must_be_empty = false;
            for (pos, atom) in lits {
                match (pos, atom) {
                    (true, Condition::Between { min, max, .. }) => {
                        lo = lo.max(*min);
                        hi = hi.min(*max);
                    }
                    (false, Condition::Between { min, max, .. }) => holes.push((*min, *max)),
                    (false, Condition::Answered { .. }) => must_be_empty = true,
                    _ => {}
                }
            }
            if must_be_empty || lo > hi {
                // No number can be given, so only "no answer" is left.
                return none_allowed;
            }
            let mut candidates = vec![lo, hi];
            for (a, b) in &holes {
                candidates.push(a.saturating_sub(1));
                candidates.push(b.saturating_add(1));
            }
            none_allowed
                || candidates
                    .iter()
                    .filter(|n| (lo..=hi).contains(*n))
                    .any(|n| holes.iter().all(|(a, b)| !(a..=b).contains(&n)))
        }
        _ => {
            // Single-valued: one code out of the choices, or no answer ("-").
            // Coded items: the states are the codes; open text and matrices: "+" for
            // some answer. "-" is no answer.
            let mut states: BTreeSet<String> = BTreeSet::new();
            match kind {
                ItemKind::OpenText { .. } | ItemKind::Matrix { .. } => {
                    states.insert("+".into());
                }
                _ => kind.choices().into_iter().for_each(|c| {
                    states.insert(c.code);
                }),
            }
            states.insert("-".into());
            for (pos, atom) in lits {
                match atom {
                    Condition::In { codes, .. } => {
                        states.retain(|s| codes.contains(s) == *pos);
                    }
                    Condition::Answered { .. } => states.retain(|s| (s != "-") == *pos),
                    // A number range never holds for a coded item.
                    Condition::Between { .. } if *pos => states.clear(),
                    _ => {}
                }
            }
            !states.is_empty()
        }
    }
}
