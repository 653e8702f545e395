//! The staff team on its own: consensus per self-assessment item, and the
//! opleidingsmanager against the zorgcoördinator on their shared block.

use crate::domain::condition::Condition;
use crate::domain::instrument::{Instrument, Item, ItemKind};

use super::agreement::Agreement;
use super::stats::Group;
use super::tally::{scaled, Plan, Tally};
use super::{Figure, MANAGER, ZORG};

/// How the team's answers to one item spread over the points.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    /// Answers per point, lowest first ("weet ik niet" left out).
    pub counts: Vec<usize>,
    /// The number of answers.
    pub n: usize,
    /// How much the team agrees ([`Agreement`], the measure every team figure uses).
    pub agreement: Agreement,
    /// The team is divided ([`Agreement::divided`]), a place for teamafspraken.
    pub needs_team_agreement: bool,
}

impl Spread {
    /// The spread of these answers per point.
    pub fn of(counts: &[usize]) -> Spread {
        let n: usize = counts.iter().sum();
        let agreement = Agreement::of(counts).unwrap_or(Agreement { consensus: 1.0 });
        Spread { counts: counts.to_vec(), n, needs_team_agreement: agreement.divided(), agreement }
    }
}

/// Team consensus on one self-assessment item (or matrix row) without a mirror.
#[derive(Debug, Clone, PartialEq)]
pub struct Consensus {
    /// The staff item.
    pub item: String,
    /// The matrix row, if any.
    pub row: Option<String>,
    /// How the answers spread.
    pub spread: Figure<Spread>,
}

/// What sets the two roles apart on one item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleDifference {
    /// Zorgcoördinator mean minus opleidingsmanager mean.
    pub diff: f64,
    /// The two means fall in different thirds of the scale ([`Group::tier`]).
    pub differs: bool,
}

/// Opleidingsmanager against zorgcoördinator on one item (or matrix row) of their shared
/// block.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleComparison {
    /// The staff item.
    pub item: String,
    /// The matrix row, if any.
    pub row: Option<String>,
    /// The opleidingsmanagers' answers.
    pub manager: Figure<Group>,
    /// The zorgcoördinators' answers.
    pub zorg: Figure<Group>,
    /// Shown when both sides are.
    pub difference: Figure<RoleDifference>,
}

/// The staff slots of the team figures.
pub(super) struct Planned<'a> {
    /// The item that holds the role, if the instrument has a shared block.
    pub role_item: Option<&'a str>,
    consensus: Vec<(&'a str, Option<&'a str>, usize)>,
    roles: Vec<(&'a str, Option<&'a str>, usize)>,
}

impl<'a> Planned<'a> {
    /// Adds the slots of the team figures of `staff` to `plan`.
    pub fn new(staff: &'a Instrument, plan: &mut Plan<'a>) -> Planned<'a> {
        let mut p = Planned { role_item: None, consensus: Vec::new(), roles: Vec::new() };
        for section in &staff.sections {
            // The shared block: a section shown when the role is manager or zorg (and
            // perhaps others).
            let shared = match &section.show_if {
                Some(Condition::In { item, codes })
                    if [MANAGER, ZORG].iter().all(|r| codes.iter().any(|c| c == r)) =>
                {
                    p.role_item = Some(item);
                    true
                }
                _ => false,
            };
            for item in section.items.iter().filter(|i| scaled(i)) {
                for (row, mirrored) in rows(item) {
                    let slot = plan.slot(item, row);
                    if !mirrored {
                        p.consensus.push((&item.id, row, slot));
                    }
                    if shared {
                        p.roles.push((&item.id, row, slot));
                    }
                }
            }
        }
        p
    }

    /// Consensus per planned item from the staff counts.
    pub fn consensus(&self, t: &Tally, k: usize) -> Vec<Consensus> {
        let one = |&(item, row, slot): &(&str, Option<&str>, usize)| {
            let d = &t.slots[slot];
            Consensus {
                item: item.into(),
                row: row.map(Into::into),
                spread: Figure::new(d.n, k, || Spread::of(&d.counts)),
            }
        };
        self.consensus.iter().map(one).collect()
    }

    /// The role comparison per planned item from the staff counts.
    pub fn roles(&self, t: &Tally, k: usize) -> Vec<RoleComparison> {
        let one = |&(item, row, slot): &(&str, Option<&str>, usize)| {
            let (m, z) = (&t.roles[0][slot], &t.roles[1][slot]);
            let (a, b) = (Group::of(&m.counts), Group::of(&z.counts));
            RoleComparison {
                item: item.into(),
                row: row.map(Into::into),
                difference: Figure::new(m.n.min(z.n), k, || RoleDifference {
                    diff: b.mean - a.mean,
                    differs: a.tier() != b.tier(),
                }),
                manager: Figure::new(m.n, k, || a),
                zorg: Figure::new(z.n, k, || b),
            }
        };
        self.roles.iter().map(one).collect()
    }
}

/// The answer places of a scale item (the item itself) or matrix (its rows), each with
/// whether it mirrors a student item.
fn rows(item: &Item) -> Vec<(Option<&str>, bool)> {
    match &item.kind {
        ItemKind::Matrix { rows, .. } => {
            rows.iter().map(|r| (Some(r.id.as_str()), r.mirror.is_some())).collect()
        }
        _ => vec![(None, item.mirror.is_some())],
    }
}
