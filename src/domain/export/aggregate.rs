//! Aggregates: per meting and per coded item (and matrix row), how many responses hold
//! each code, with small cells hidden.
//!
//! A cell below `k` is hidden (its count is `null`, its flag set); so is `n` when it is
//! below `k`. For items whose codes exclude each other (all but multiple choice), `n`
//! minus the shown cells gives the hidden cells' total, so when that total is between 1
//! and `k - 1` the smallest shown cell is hidden too. "Weet ik niet" and "sla over" get a
//! cell where the item offers them.

use super::sheet::{Entry, ExportSheet, ROW_DONT_KNOW, ROW_FIRST};
use super::Plan;
use super::{Cell as Count, ItemAggregate};
use crate::domain::instrument::ItemKind;

/// Counts of one item or matrix row.
struct Column {
    item: usize,
    row: Option<usize>,
    counts: Vec<usize>,
    n: usize,
    dont_know: usize,
    skipped: usize,
}

/// The aggregates of the responses coded in `sheet`, with the number of cells and of
/// hidden cells.
pub(super) fn count(
    plan: &Plan<'_>,
    sheet: &ExportSheet,
    k: usize,
) -> (Vec<ItemAggregate>, usize, usize) {
    let mut columns = Vec::new();
    // Per item with codes: its first column.
    let mut first: Vec<(usize, usize)> = Vec::new();
    for (i, c) in plan.coding.iter().enumerate() {
        if c.codes.is_empty() {
            continue;
        }
        first.push((i, columns.len()));
        let rows: Vec<Option<usize>> =
            if c.rows.is_empty() { vec![None] } else { (0..c.rows.len()).map(Some).collect() };
        for row in rows {
            let counts = vec![0; c.codes.len()];
            columns.push(Column { item: i, row, counts, n: 0, dont_know: 0, skipped: 0 });
        }
    }
    for r in 0..sheet.len() {
        for &(i, start) in &first {
            let Some(c) = plan.coding.get(i) else { continue };
            let width = c.rows.len().max(1);
            let Some(cols) = columns.get_mut(start..start + width) else { continue };
            match sheet.cell(r, i) {
                Entry::DontKnow => cols.iter_mut().for_each(|col| col.dont_know += 1),
                Entry::Skipped => cols.iter_mut().for_each(|col| col.skipped += 1),
                Entry::Code(at) => {
                    if let Some(col) = cols.first_mut() {
                        if let Some(count) = col.counts.get_mut(usize::from(at)) {
                            *count += 1;
                            col.n += 1;
                        }
                    }
                }
                Entry::Codes(mut mask) => {
                    if let Some(col) = cols.first_mut() {
                        col.n += 1;
                        while mask != 0 {
                            if let Some(count) = col.counts.get_mut(mask.trailing_zeros() as usize)
                            {
                                *count += 1;
                            }
                            mask &= mask - 1;
                        }
                    }
                }
                Entry::Rows(offset) => {
                    for (col, &v) in cols.iter_mut().zip(sheet.row_values(offset, width)) {
                        if v == ROW_DONT_KNOW {
                            col.dont_know += 1;
                        } else if let Some(count) = v
                            .checked_sub(ROW_FIRST)
                            .and_then(|at| col.counts.get_mut(usize::from(at)))
                        {
                            *count += 1;
                            col.n += 1;
                        }
                    }
                }
                Entry::Absent | Entry::Number(_) | Entry::Text(_) => {}
            }
        }
    }
    let (mut cells, mut hidden) = (0, 0);
    let mut shown: Vec<Shown> = columns
        .iter()
        .map(|col| {
            let Some(c) = plan.coding.get(col.item) else { return Shown::default() };
            let exclusive = !matches!(c.item.kind, ItemKind::MultipleChoice { .. });
            let offers_skip = c.item.skippable || !c.item.required;
            let column = Counts {
                codes: &col.counts,
                n: col.n,
                dont_know: c.item.dont_know.then_some(col.dont_know),
                skipped: offers_skip.then_some(col.skipped),
            };
            suppress(&column, k, exclusive)
        })
        .collect();
    // "Sla over" holds for the whole matrix, so every row has the same count: hidden in
    // one row, it is hidden in all (or the other rows would give it away). Hiding more
    // never opens a gap, so the rows need no second pass.
    for (i, _) in &first {
        let rows: Vec<usize> =
            columns.iter().enumerate().filter(|(_, c)| c.item == *i).map(|(at, _)| at).collect();
        if rows.iter().any(|&r| shown.get(r).is_some_and(|s| s.skipped == Some(None))) {
            for r in rows {
                if let Some(Some(cell)) = shown.get_mut(r).map(|s| s.skipped.as_mut()) {
                    *cell = None;
                }
            }
        }
    }
    let out = columns
        .into_iter()
        .zip(shown)
        .filter_map(|(col, shown)| {
            let codes = plan.codes.get(col.item)?;
            let mut list: Vec<Count> = codes
                .iter()
                .zip(&shown.codes)
                .map(|(code, count)| Count {
                    code: code.clone(),
                    count: *count,
                    suppressed: count.is_none(),
                })
                .collect();
            for (code, count) in
                [(&plan.dont_know, shown.dont_know), (&plan.skipped, shown.skipped)]
            {
                if let Some(count) = count {
                    list.push(Count { code: code.clone(), count, suppressed: count.is_none() });
                }
            }
            cells += list.len();
            hidden += list.iter().filter(|c| c.suppressed).count();
            Some(ItemAggregate {
                item: plan.keys.get(col.item)?.clone(),
                row: col.row.and_then(|r| plan.rows.get(col.item)?.get(r).cloned()),
                n: shown.n,
                cells: list,
            })
        })
        .collect();
    (out, cells, hidden)
}

/// The counts of one item or matrix row. `None` for "weet ik niet" or "sla over" when
/// the item does not offer it (its count is then 0 by construction, and no cell).
#[derive(Debug, Clone)]
pub(super) struct Counts<'a> {
    /// Per code.
    pub codes: &'a [usize],
    /// Responses with a real answer.
    pub n: usize,
    /// "Weet ik niet", if offered.
    pub dont_know: Option<usize>,
    /// "Sla over", if offered.
    pub skipped: Option<usize>,
}

/// What is shown of [`Counts`]: `None` where hidden; the outer `None` of `dont_know` and
/// `skipped` means "not offered, no cell".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Shown {
    /// Per code.
    pub codes: Vec<Option<usize>>,
    /// Responses with a real answer.
    pub n: Option<usize>,
    /// "Weet ik niet".
    pub dont_know: Option<Option<usize>>,
    /// "Sla over".
    pub skipped: Option<Option<usize>>,
}

/// Hides the cells of one column so that no hidden count, and no sum of hidden counts,
/// below `k` can be worked out from what is shown.
///
/// Every count below `k` is hidden (zeros too). Then, until nothing changes, each of these
/// sums, whose total a reader knows or can know, must have hidden parts adding up to 0 or
/// to at least `k`; where they add up to 1 to `k - 1`, the smallest shown part is hidden
/// too:
///
/// - the respondents the item was shown to: the codes (for exclusive codes) or `n` (for a
///   multiple choice), plus "weet ik niet" and "sla over". Their total is taken as known,
///   because routing ("shown only to who loopt stage") and the other items' counts can
///   give it, and the meting's number of responses is always shown;
/// - the same respondents as `n`, "weet ik niet" and "sla over";
/// - for exclusive codes, `n` (when shown) as the sum of the codes.
///
/// Every shown count is at least `k`, so hiding one more never brings a sum that was fine
/// below `k`.
pub(super) fn suppress(counts: &Counts<'_>, k: usize, exclusive: bool) -> Shown {
    // Elements: the codes, then n, "weet ik niet" and "sla over"; `fixed` ones are not
    // cells (not offered) and count 0.
    let codes = counts.codes.len();
    let (n_at, dk_at, skip_at) = (codes, codes + 1, codes + 2);
    let mut values: Vec<usize> = counts.codes.to_vec();
    values.extend([counts.n, counts.dont_know.unwrap_or(0), counts.skipped.unwrap_or(0)]);
    let fixed = |at: usize| {
        (at == dk_at && counts.dont_know.is_none()) || (at == skip_at && counts.skipped.is_none())
    };
    let mut hidden: Vec<bool> =
        values.iter().enumerate().map(|(at, &v)| !fixed(at) && v < k).collect();
    // Each sum: its parts, and whether its total is known only while `n` is shown.
    let mut sums: Vec<(Vec<usize>, bool)> = vec![(vec![n_at, dk_at, skip_at], false)];
    if exclusive {
        sums.push(((0..codes).chain([dk_at, skip_at]).collect(), false));
        sums.push(((0..codes).collect(), true));
    }
    let is_hidden = |hidden: &[bool], at: usize| hidden.get(at).copied().unwrap_or(true);
    loop {
        let mut changed = false;
        for (parts, needs_n) in &sums {
            if *needs_n && is_hidden(&hidden, n_at) {
                continue;
            }
            let gap: usize = parts
                .iter()
                .filter(|&&at| is_hidden(&hidden, at))
                .map(|&at| values.get(at).copied().unwrap_or(0))
                .sum();
            if gap == 0 || gap >= k {
                continue;
            }
            let smallest = parts
                .iter()
                .filter(|&&at| !fixed(at) && !is_hidden(&hidden, at))
                .min_by_key(|&&at| (values.get(at).copied().unwrap_or(0), at))
                .copied();
            if let Some(slot) = smallest.and_then(|at| hidden.get_mut(at)) {
                *slot = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let show = |at: usize| {
        let v = values.get(at).copied().unwrap_or(0);
        (!hidden.get(at).copied().unwrap_or(true)).then_some(v)
    };
    Shown {
        codes: (0..codes).map(show).collect(),
        n: show(n_at),
        dont_know: counts.dont_know.map(|_| show(dk_at)),
        skipped: counts.skipped.map(|_| show(skip_at)),
    }
}

#[cfg(test)]
mod tests {
    use super::{suppress, Counts, Shown};

    fn counts(codes: &[usize], n: usize, dk: Option<usize>, skip: Option<usize>) -> Counts<'_> {
        Counts { codes, n, dont_know: dk, skipped: skip }
    }

    #[test]
    fn a_lone_small_cell_takes_the_smallest_shown_cell_with_it() {
        let shown = suppress(&counts(&[12, 2, 9], 23, None, None), 5, true);
        assert_eq!(shown.codes, vec![Some(12), None, None]);
        assert_eq!(shown.n, Some(23));
        // Picked options of a multiple choice overlap: no sum to protect among them.
        let shown = suppress(&counts(&[12, 2, 9], 20, None, None), 5, false);
        assert_eq!(shown.codes, vec![Some(12), None, Some(9)]);
        // Zeros alone give nothing away that the shown cells do not.
        let shown = suppress(&counts(&[12, 0, 9], 21, None, None), 5, true);
        assert_eq!(shown.codes, vec![Some(12), None, Some(9)]);
        // Hidden cells adding up to k or more stay as they are.
        let shown = suppress(&counts(&[12, 3, 4], 19, None, None), 5, true);
        assert_eq!(shown.codes, vec![Some(12), None, None]);
    }

    #[test]
    fn weet_niet_and_sla_over_are_part_of_the_sums() {
        // 3 × "weet ik niet": responses − n would give it; a code goes too.
        let shown = suppress(&counts(&[8, 9], 17, Some(3), None), 5, true);
        assert_eq!(shown.dont_know, Some(None));
        assert_eq!(shown.n, None, "n would give the 3 away");
        assert_eq!(shown.codes, vec![None, Some(9)]);
        // "Sla over" not offered: no cell, and nothing to protect.
        assert_eq!(suppress(&counts(&[8, 9], 17, None, None), 5, true).skipped, None);
        // Both small: 2 + 2 is still below k, so one more goes.
        let shown = suppress(&counts(&[10, 11], 21, Some(2), Some(2)), 5, true);
        assert_eq!((shown.dont_know, shown.skipped), (Some(None), Some(None)));
        assert_eq!(shown.n, None);
        assert_eq!(shown.codes.iter().filter(|c| c.is_none()).count(), 1);
        // A multiple choice: n goes with the small "sla over".
        let shown = suppress(&counts(&[10, 11], 15, Some(6), Some(1)), 5, false);
        assert_eq!((shown.n, shown.dont_know, shown.skipped), (Some(15), Some(None), Some(None)));
    }

    #[test]
    fn every_sum_with_a_known_total_hides_0_or_at_least_k() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as usize
        };
        for _ in 0..5_000 {
            let k = 2 + next(8);
            let codes: Vec<usize> = (0..1 + next(6)).map(|_| next(14)).collect();
            let exclusive = next(2) == 0;
            let n = if exclusive {
                codes.iter().sum()
            } else {
                codes.iter().max().copied().unwrap_or(0) + next(5)
            };
            let dk = (next(2) == 0).then(|| next(9));
            let skip = (next(2) == 0).then(|| next(9));
            let c = counts(&codes, n, dk, skip);
            let Shown { codes: shown, n: n_shown, dont_know, skipped } = suppress(&c, k, exclusive);
            let gap = |parts: &[(usize, Option<usize>)]| -> usize {
                // Everything hidden: the sum itself is the only figure, and it is not shown.
                if parts.iter().all(|(v, s)| s.is_none() || *v == 0) {
                    return 0;
                }
                parts.iter().filter(|(_, s)| s.is_none()).map(|(v, _)| *v).sum()
            };
            let ok = |g: usize| g == 0 || g >= k;
            let extra = [
                (dk.unwrap_or(0), dont_know.unwrap_or(Some(0))),
                (skip.unwrap_or(0), skipped.unwrap_or(Some(0))),
            ];
            let mut parts = vec![(n, n_shown)];
            parts.extend(extra);
            assert!(ok(gap(&parts)), "{codes:?} n={n} {dk:?} {skip:?} k={k}");
            if exclusive {
                let mut parts: Vec<(usize, Option<usize>)> =
                    codes.iter().copied().zip(shown.iter().copied()).collect();
                if n_shown.is_some() {
                    assert!(ok(gap(&parts)));
                }
                parts.extend(extra);
                assert!(ok(gap(&parts)));
            }
            for (v, s) in codes.iter().zip(&shown) {
                assert!(s.is_none() || (*s == Some(*v) && *v >= k));
            }
        }
    }
}
