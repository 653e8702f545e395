//! Grouping records for k-anonymity: the group key of every record at given levels and
//! suppressions, group sizes, the cost of suppressing what stays below `k`, and topping up
//! a batch that fell below `k`.

use std::collections::BTreeMap;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What records are grouped by: per quasi-identifier and level the exported value id of
/// every original value, each record's original values, and each record's batch.
pub(super) struct Grouping<'g> {
    pub(super) ids: &'g [Vec<Vec<u32>>],
    pub(super) record_values: &'g [u32],
    pub(super) batch: &'g [u32],
}

/// The group key of every record: its batch and its exported value ids, in mixed radix. A
/// suppressed record has every value id 0 (`onderdrukt`), so the suppressed records of a
/// batch form one group.
fn keys(g: &Grouping<'_>, levels: &[usize], suppressed: &[bool]) -> Vec<u128> {
    let width = levels.len();
    // Per quasi-identifier: the id of every original value at its level, and the radix.
    let tables: Vec<(&[u32], u128)> = levels
        .iter()
        .enumerate()
        .map(|(q, &level)| {
            let table = g.ids.get(q).and_then(|t| t.get(level)).map_or(&[][..], Vec::as_slice);
            (table, table.iter().copied().max().unwrap_or(0) as u128 + 1)
        })
        .collect();
    let batches = g.batch.iter().copied().max().unwrap_or(0) as u128 + 1;
    let product = tables.iter().try_fold(1u128, |acc, (_, radix)| acc.checked_mul(*radix));
    let fits = product.and_then(|p| p.checked_mul(batches)).is_some();
    let id = |r: usize, q: usize, table: &[u32]| {
        let v = g.record_values.get(r * width + q).copied().unwrap_or(0) as usize;
        table.get(v).copied().unwrap_or(0)
    };
    let batch = |r: usize| g.batch.get(r).copied().unwrap_or(0);
    if let (true, Some(product)) = (fits, product) {
        return suppressed
            .iter()
            .enumerate()
            .map(|(r, &gone)| {
                let base = u128::from(batch(r)) * product;
                if gone {
                    return base;
                }
                base + tables
                    .iter()
                    .enumerate()
                    .fold(0u128, |key, (q, (table, radix))| key * radix + id(r, q, table) as u128)
            })
            .collect();
    }
    // Too many values to fit 128 bits (own instruments with very many context items):
    // number the distinct combinations instead.
    let mut seen: BTreeMap<Vec<u32>, u128> = BTreeMap::new();
    suppressed
        .iter()
        .enumerate()
        .map(|(r, &gone)| {
            let mut combo: Vec<u32> = vec![batch(r)];
            combo.extend(
                tables
                    .iter()
                    .enumerate()
                    .map(|(q, (table, _))| if gone { 0 } else { id(r, q, table) }),
            );
            let next = seen.len() as u128;
            *seen.entry(combo).or_insert(next)
        })
        .collect()
}

/// The size of every record's group.
pub(super) fn group_sizes(g: &Grouping<'_>, levels: &[usize], suppressed: &[bool]) -> Vec<usize> {
    let keys = keys(g, levels, suppressed);
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    keys.iter()
        .map(|key| {
            let lo = sorted.partition_point(|x| x < key);
            let hi = sorted.partition_point(|x| x <= key);
            hi - lo
        })
        .collect()
}

/// How many records would lose every quasi-identifier at these levels: the records in
/// groups smaller than `k`, plus what it takes to bring those to `k` (from groups with
/// records to spare, or else the smallest group whole).
pub(super) fn suppression_cost(
    g: &Grouping<'_>,
    levels: &[usize],
    suppressed: &[bool],
    k: usize,
) -> usize {
    let mut keys = keys(g, levels, suppressed);
    keys.sort_unstable();
    let (mut small, mut spare, mut smallest) = (0, 0, usize::MAX);
    for group in keys.chunk_by(|a, b| a == b) {
        if group.len() < k {
            small += group.len();
        } else {
            spare += group.len() - k;
            smallest = smallest.min(group.len());
        }
    }
    match small {
        0 => 0,
        s if s >= k => s,
        s if spare >= k - s => k,
        s => s.saturating_add(smallest),
    }
}

/// Brings the group of fully suppressed records of each batch up to `k`, if it has any
/// records: takes records at random from groups of that batch larger than `k`, else the
/// batch's smallest group whole. Returns how many records it added.
pub(super) fn top_up(
    g: &Grouping<'_>,
    levels: &[usize],
    suppressed: &mut [bool],
    k: usize,
    seed: [u8; 32],
) -> usize {
    let keys = keys(g, levels, suppressed);
    let batch = |r: usize| g.batch.get(r).copied().unwrap_or(0);
    let mut blanks: Vec<(u128, u32)> = Vec::new();
    for (r, (key, gone)) in keys.iter().zip(suppressed.iter()).enumerate() {
        if *gone && !blanks.iter().any(|(b, _)| b == key) {
            blanks.push((*key, batch(r)));
        }
    }
    let mut sizes: BTreeMap<u128, usize> = BTreeMap::new();
    for key in &keys {
        *sizes.entry(*key).or_default() += 1;
    }
    let mut rng = ChaCha8Rng::from_seed(seed);
    let mut added = 0;
    for (blank, b) in blanks {
        let mut have = sizes.get(&blank).copied().unwrap_or(0);
        if have >= k {
            continue;
        }
        let mut candidates: Vec<usize> = keys
            .iter()
            .enumerate()
            .filter(|(r, key)| {
                **key != blank && batch(*r) == b && sizes.get(*key).is_some_and(|s| *s > k)
            })
            .map(|(r, _)| r)
            .collect();
        for i in (1..candidates.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            candidates.swap(i, j);
        }
        for r in candidates {
            if have >= k {
                break;
            }
            let (Some(key), Some(gone)) = (keys.get(r), suppressed.get_mut(r)) else { continue };
            let Some(size) = sizes.get_mut(key) else { continue };
            if *size > k && !*gone {
                *size -= 1;
                *gone = true;
                have += 1;
                added += 1;
            }
        }
        if have < k {
            // No group has enough to spare: suppress the batch's smallest group whole.
            let smallest = keys
                .iter()
                .enumerate()
                .filter(|(r, key)| {
                    **key != blank && batch(*r) == b && suppressed.get(*r) == Some(&false)
                })
                .filter_map(|(_, key)| sizes.get(key).map(|s| (*s, *key)))
                .min()
                .map(|(_, key)| key);
            if let Some(target) = smallest {
                for (key, gone) in keys.iter().zip(suppressed.iter_mut()) {
                    if *key == target && !*gone {
                        *gone = true;
                        added += 1;
                    }
                }
            }
        }
    }
    added
}
