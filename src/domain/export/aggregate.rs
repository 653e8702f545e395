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
    let out = columns
        .into_iter()
        .filter_map(|col| {
            let c = plan.coding.get(col.item)?;
            let codes = plan.codes.get(col.item)?;
            let exclusive = !matches!(c.item.kind, ItemKind::MultipleChoice { .. });
            let shown = hide(&col.counts, k, exclusive);
            let mut list: Vec<Count> = codes
                .iter()
                .zip(&shown)
                .map(|(code, count)| Count {
                    code: code.clone(),
                    count: *count,
                    suppressed: count.is_none(),
                })
                .collect();
            let offers_skip = c.item.skippable || !c.item.required;
            for (offered, code, count) in [
                (c.item.dont_know, &plan.dont_know, col.dont_know),
                (offers_skip, &plan.skipped, col.skipped),
            ] {
                if offered {
                    let count = (count >= k).then_some(count);
                    list.push(Count { code: code.clone(), count, suppressed: count.is_none() });
                }
            }
            cells += list.len();
            hidden += list.iter().filter(|c| c.suppressed).count();
            Some(ItemAggregate {
                item: plan.keys.get(col.item)?.clone(),
                row: col.row.and_then(|r| plan.rows.get(col.item)?.get(r).cloned()),
                n: (col.n >= k).then_some(col.n),
                cells: list,
            })
        })
        .collect();
    (out, cells, hidden)
}

/// The counts as shown: below `k` hidden; for exclusive codes, the smallest shown count
/// hidden too when the hidden ones add up to between 1 and `k - 1`.
fn hide(counts: &[usize], k: usize, exclusive: bool) -> Vec<Option<usize>> {
    let mut shown: Vec<Option<usize>> = counts.iter().map(|&c| (c >= k).then_some(c)).collect();
    if exclusive {
        let hidden: usize =
            counts.iter().zip(&shown).filter(|(_, s)| s.is_none()).map(|(c, _)| *c).sum();
        if hidden > 0 && hidden < k {
            let smallest = shown
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.map(|v| (v, i)))
                .min()
                .map(|(_, i)| i);
            if let Some(cell) = smallest.and_then(|i| shown.get_mut(i)) {
                *cell = None;
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::hide;

    #[test]
    fn a_lone_small_cell_takes_the_smallest_shown_cell_with_it() {
        assert_eq!(hide(&[12, 2, 9], 5, true), vec![Some(12), None, None]);
        assert_eq!(hide(&[12, 2, 9], 5, false), vec![Some(12), None, Some(9)]);
        // Zeros alone give nothing away that the shown cells do not.
        assert_eq!(hide(&[12, 0, 9], 5, true), vec![Some(12), None, Some(9)]);
        // Hidden cells adding up to k or more stay as they are.
        assert_eq!(hide(&[12, 3, 4], 5, true), vec![Some(12), None, None]);
        assert_eq!(hide(&[3, 1], 5, true), vec![None, None]);
    }
}
