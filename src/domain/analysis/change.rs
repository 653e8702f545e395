//! Two metingen of the same instruments side by side: the change per theme and per
//! share estimate.

use crate::domain::text::Text;

use super::mirror::{Estimate, Verdict};
use super::stats::Difference;
use super::{Figure, Report};

/// One share estimate in two metingen.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkChange {
    /// The estimate in the first meting.
    pub before: Estimate,
    /// The estimate in the second meting.
    pub after: Estimate,
    /// Student share after minus before, with its 95 % interval; shown when both sides
    /// are.
    pub change: Figure<Difference>,
}

/// One theme in two metingen.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeChange {
    /// Theme id.
    pub theme: String,
    /// Theme name.
    pub label: Text,
    /// The theme's verdict in the first meting.
    pub before: Verdict,
    /// The theme's verdict in the second meting.
    pub after: Verdict,
    /// Its share estimates.
    pub links: Vec<LinkChange>,
}

/// The change from `before` to `after`, two reports of the same instruments (each from
/// student responses, staff responses or both; a side without responses is simply
/// suppressed). Themes and estimates are matched by id, in the order of `after`; those
/// missing from `before` are left out. Each side keeps its own suppression, and a change
/// is shown only when both sides are, with the larger `k` of the two reports.
pub fn compare(before: &Report, after: &Report) -> Vec<ThemeChange> {
    let k = before.settings.k().max(after.settings.k());
    let mut out = Vec::new();
    for theme in &after.themes {
        let Some(old) = before.themes.iter().find(|t| t.theme == theme.theme) else {
            continue;
        };
        let mut links = Vec::new();
        for now in &theme.estimates {
            let Some(was) = old.estimates.iter().find(|e| e.staff_item == now.staff_item) else {
                continue;
            };
            let change = match (&was.students, &now.students) {
                (Figure::Shown(a), Figure::Shown(b)) => {
                    Figure::new(a.n.min(b.n), k, || Difference::of_shares(a.p, a.n, b.p, b.n))
                }
                (Figure::Suppressed { n, .. }, _) | (_, Figure::Suppressed { n, .. }) => {
                    Figure::Suppressed { n: *n, k }
                }
            };
            links.push(LinkChange { before: was.clone(), after: now.clone(), change });
        }
        out.push(ThemeChange {
            theme: theme.theme.clone(),
            label: theme.label.clone(),
            before: old.verdict,
            after: theme.verdict,
            links,
        });
    }
    out
}
