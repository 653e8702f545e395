//! The comparison of what students say with what staff think, computed from counts.
//!
//! [`analyse`] reads each set of responses once, counting answers per item (and matrix
//! row) and code, and computes every figure from those counts: the student share behind
//! each staff estimate with its Wilson interval, the staff estimates over the share bands
//! and a [`Verdict`]; ordinal mirrors (means and shares agreeing of both groups); team
//! consensus per self-assessment item; opleidingsmanager against zorgcoördinator on
//! their shared block. [`compare`] puts two metingen side by side.
//!
//! Small groups: every figure goes through [`Figure::new`], which hides it when it rests
//! on fewer than `k` respondents ([`Settings::k`], at least [`MIN_K`]).

pub mod agreement;
mod change;
mod mirror;
pub mod planmatig;
pub mod release;
mod stats;
pub mod summary;
mod table;
mod tally;
mod team;

pub use agreement::Agreement;
pub use change::{compare, LinkChange, ThemeChange};
pub use mirror::{
    BandCounts, Estimate, Gap, Ordinal, Placement, Side, Size, ThemeReport, Unsure, Verdict,
};
pub use stats::{wilson, Difference, Group, Interval, Share, Tier, Z95};
pub use table::{Column, Table, DONT_KNOW};
pub use team::{Consensus, RoleComparison, RoleDifference, Spread};

use crate::domain::instrument::Instrument;
pub use crate::domain::instrument::{Bands, BandsError};
use crate::domain::response::Response;
use crate::domain::text::Lang;

/// The smallest group a figure may rest on. The team can raise `k`, never lower it.
pub const MIN_K: usize = 5;

/// Role code of the opleidingsmanager in the staff instrument's role item.
pub const MANAGER: &str = "manager";

/// Role code of the zorgcoördinator in the staff instrument's role item.
pub const ZORG: &str = "zorg";

/// The choice the team can make: the smallest group a figure may rest on.
///
/// The share bands are not a setting: they are data of the staff vragenlijst, the ranges
/// staff saw next to their answers ([`Bands`]).
///
/// The field is private so that `k` can never drop below [`MIN_K`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    k: usize,
}

impl Default for Settings {
    /// `k` = [`MIN_K`] (5).
    fn default() -> Self {
        Settings { k: MIN_K }
    }
}

impl Settings {
    /// Settings with this `k`, raised to [`MIN_K`] if lower: `with_k(3)` gives 5.
    pub fn with_k(k: usize) -> Settings {
        Settings { k: k.max(MIN_K) }
    }

    /// The smallest number of respondents a shown figure may rest on.
    pub fn k(&self) -> usize {
        self.k
    }
}

/// A figure that is shown only when it rests on at least `k` respondents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure<T> {
    /// The figure, resting on at least `k` respondents.
    Shown(T),
    /// Not shown: it rests on `n` respondents, fewer than `k`.
    Suppressed {
        /// How many respondents it rests on (for tests; the view says only "fewer than k").
        n: usize,
        /// The smallest group that may be shown.
        k: usize,
    },
}

impl<T> Figure<T> {
    /// The figure made by `value` if `n` is at least `k` (never below [`MIN_K`]);
    /// otherwise suppressed, and `value` is not computed. Exactly `k` is shown.
    pub fn new(n: usize, k: usize, value: impl FnOnce() -> T) -> Figure<T> {
        let k = k.max(MIN_K);
        if n >= k {
            Figure::Shown(value())
        } else {
            Figure::Suppressed { n, k }
        }
    }

    /// The figure, if shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Figure::Shown(v) => Some(v),
            Figure::Suppressed { .. } => None,
        }
    }

    /// Why the figure is not shown, in `lang`; `None` when it is shown. It does not say
    /// how few respondents there were.
    pub fn why(&self, lang: Lang) -> Option<String> {
        let Figure::Suppressed { k, .. } = self else { return None };
        Some(match lang {
            Lang::Nl => {
                format!("Niet getoond: minder dan {k} antwoorden. Zo is niemand te herkennen.")
            }
            Lang::En => {
                format!("Not shown: fewer than {k} answers. This way no one can be recognised.")
            }
        })
    }
}

/// Everything the comparison view shows, for one meting.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The settings it was computed with.
    pub settings: Settings,
    /// Student responses counted.
    pub students: usize,
    /// Staff responses counted.
    pub staff: usize,
    /// Responses left out because they answer another instrument than the one given.
    pub ignored: usize,
    /// Per student theme that has mirror links, in the student instrument's order.
    pub themes: Vec<ThemeReport>,
    /// Team consensus per staff self-assessment item (scale item or matrix row without a
    /// mirror), in the staff instrument's order.
    pub consensus: Vec<Consensus>,
    /// Opleidingsmanager against zorgcoördinator on every scale item and matrix row of
    /// their shared block (sections shown to both roles), in order.
    pub roles: Vec<RoleComparison>,
}

/// The whole analysis of one meting: `students` answering `student` and
/// `staff_responses` answering `staff` (which mirrors `student`).
///
/// Codes both sets into a [`Table`] and calls [`analyse_tables`]; a team device keeps the
/// tables and calls that directly. Responses to another instrument id are left out and
/// counted in [`Report::ignored`]. "Weet ik niet", "sla over" and missing answers are left
/// out of every `n`; they never count as "no". Any answer set of each matching response
/// counts, whatever the instrument version.
///
/// ```
/// use spiegel::domain::analysis::{analyse, Settings, Verdict};
/// use spiegel::domain::builtin;
///
/// let (student, staff) = (builtin::student().unwrap(), builtin::staff().unwrap());
/// let report = analyse(&student, &staff, &[], &[], &Settings::default());
/// // Without responses every figure is hidden, so no theme has a verdict.
/// assert!(report.themes.iter().all(|t| t.verdict == Verdict::Unknown));
/// ```
pub fn analyse(
    student: &Instrument,
    staff: &Instrument,
    students: &[Response],
    staff_responses: &[Response],
    settings: &Settings,
) -> Report {
    let s = Table::of(student, students);
    let t = Table::of(staff, staff_responses);
    analyse_tables(student, staff, &s, &t, settings)
}

/// The whole analysis of one meting from coded responses: `students` made with
/// [`Table::new`] of `student`, `staff_responses` of `staff`.
///
/// Reads each table once, counting answers per column and code, then computes every
/// figure from the counts, so the time grows with the number of answers, not faster. A
/// table of another instrument counts as no responses.
pub fn analyse_tables(
    student: &Instrument,
    staff: &Instrument,
    students: &Table,
    staff_responses: &Table,
    settings: &Settings,
) -> Report {
    let mut plan = mirror::Planned::new(student, staff);
    let teams = team::Planned::new(staff, &mut plan.staff);
    let s = plan.student.count(&own(students, student), None);
    let t = plan.staff.count(&own(staff_responses, staff), teams.role_item);
    Report {
        settings: *settings,
        students: s.used,
        staff: t.used,
        ignored: s.ignored + t.ignored,
        themes: plan.report(student, &s, &t, settings),
        consensus: teams.consensus(&t, settings.k),
        roles: teams.roles(&t, settings.k),
    }
}

/// `table` when it holds responses to `instrument`; otherwise an empty table of
/// `instrument` that counts all of its rows as ignored.
fn own<'a>(table: &'a Table, instrument: &Instrument) -> std::borrow::Cow<'a, Table> {
    if table.instrument() == instrument.id {
        std::borrow::Cow::Borrowed(table)
    } else {
        let mut empty = Table::new(instrument);
        empty.ignore(table.len() + table.ignored());
        std::borrow::Cow::Owned(empty)
    }
}
