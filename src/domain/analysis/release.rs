//! No differencing: which collected responses a view of a meting may show.
//!
//! A team that opens the mirror after 11 responses and again after 12 could read the 12th
//! student's answers from the difference; so could a researcher holding two exports, or
//! anyone holding an export and the mirror. So every view of a meting (the mirror, an
//! export) shows its *released set*: the responses shown before stay shown, and new ones
//! join only when there are at least `k` of them, after which the set is the larger one.
//! There is one released set per meting, kept with the meting on the team device and
//! shared by the mirror and the export ([`crate::domain::export::MetingInput::released`]),
//! so two views of one meting, of either kind, always differ by `k` or more responses (or
//! by none), and the difference is a group, never one person.

use std::collections::BTreeSet;

/// What the mirror shows of one meting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The ids of the responses shown: the ones shown before, plus the new ones when
    /// there are at least `k`.
    pub shown: BTreeSet<String>,
    /// New responses held back until there are `k`.
    pub held: usize,
}

/// The responses to show of those `present`, when `before` were shown already, with the
/// smallest group `k` (never below [`super::MIN_K`]). Ids in `before` that are no longer
/// present are dropped.
///
/// ```
/// use std::collections::BTreeSet;
/// use spiegel::domain::analysis::release::release;
///
/// let ids = |n: usize| (0..n).map(|i| format!("r{i:02}")).collect::<BTreeSet<_>>();
/// let first = release(&BTreeSet::new(), &ids(11), 5);
/// assert_eq!((first.shown.len(), first.held), (11, 0));
/// let second = release(&first.shown, &ids(12), 5);
/// assert_eq!((second.shown.len(), second.held), (11, 1), "one new response waits");
/// let third = release(&second.shown, &ids(16), 5);
/// assert_eq!((third.shown.len(), third.held), (16, 0));
/// ```
pub fn release(before: &BTreeSet<String>, present: &BTreeSet<String>, k: usize) -> Release {
    let k = k.max(super::MIN_K);
    let kept: BTreeSet<String> = before.intersection(present).cloned().collect();
    let new: Vec<&String> = present.difference(&kept).collect();
    if new.len() >= k {
        Release { shown: present.clone(), held: 0 }
    } else {
        Release { held: new.len(), shown: kept }
    }
}
