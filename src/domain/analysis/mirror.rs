//! The mirror comparison: per link, what students say against what staff think, and a
//! verdict per link and per theme.

use crate::domain::instrument::mirror::links;
use crate::domain::instrument::{Instrument, ItemKind};
use crate::domain::text::Text;

use super::agreement::Agreement;
use super::stats::{Difference, Group, Share};
use super::tally::{Dist, Plan, Tally};
use super::{Bands, Figure, Settings};

/// Staff estimates over the five share bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandCounts {
    /// Staff per band, bijna geen first ("weet ik niet" left out).
    pub counts: [usize; 5],
    /// Staff who chose a band.
    pub n: usize,
}

impl BandCounts {
    /// The band of the answer at `rank` (0 = the lowest answer) when the answers are
    /// sorted from bijna geen to (bijna) alle; `None` past the last.
    fn at_rank(&self, rank: usize) -> Option<usize> {
        let mut seen = 0;
        for (band, &c) in self.counts.iter().enumerate() {
            seen += c;
            if rank < seen {
                return Some(band);
            }
        }
        None
    }

    /// The lower and the upper median band (the same for an odd number of answers);
    /// `None` without answers.
    pub fn medians(&self) -> Option<(usize, usize)> {
        if self.n == 0 {
            return None;
        }
        Some((self.at_rank((self.n - 1) / 2)?, self.at_rank(self.n / 2)?))
    }
}

/// How many of those who answered a question chose "weet ik niet".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsure {
    /// Who chose "weet ik niet".
    pub count: usize,
    /// Who answered at all: a real answer or "weet ik niet" ("sla over" and not shown
    /// left out).
    pub of: usize,
}

impl Unsure {
    /// `count / of`, 0 when nobody answered.
    pub fn share(&self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.count as f64 / self.of as f64
        }
    }
}

mod verdict;

pub use verdict::{Gap, Placement, Side, Size, Verdict};

/// A staff share estimate ("Hoeveel van uw studenten …?") against the student answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// The staff item.
    pub staff_item: String,
    /// The student item.
    pub student_item: String,
    /// The student matrix row, if any.
    pub student_row: Option<String>,
    /// The student codes whose share staff estimate.
    pub codes: Vec<String>,
    /// What the staff answers stand for: the ranges staff saw, or the default ones when
    /// their vragenlijst showed words only ([`Estimate::bands_shown`]).
    pub bands: Bands,
    /// Whether staff saw the ranges next to their answers.
    pub bands_shown: bool,
    /// The share of students whose answer holds one of the codes, out of those with a
    /// real answer ("weet ik niet", "sla over" and not shown left out).
    pub students: Figure<Share>,
    /// Students who answered "weet ik niet", out of those who answered at all.
    pub students_unsure: Figure<Unsure>,
    /// Staff estimates over the bands, out of the staff who chose one.
    pub staff: Figure<BandCounts>,
    /// Staff who answered "weet ik niet", out of the staff who answered at all.
    pub staff_unsure: Figure<Unsure>,
    /// The staff answers placed against the students; when both are shown.
    pub placement: Option<Placement>,
    /// How much the team agrees on its answers; when they are shown.
    pub agreement: Option<Agreement>,
    /// How staff see it ([`Verdict::judge`]).
    pub verdict: Verdict,
    /// How big the gap is; `None` without a verdict.
    pub gap: Option<Gap>,
}

impl Estimate {
    /// The staff's typical answer, the band the gap is measured from: the middle answer
    /// (for an even number of answers, the upper of the two middle ones when staff
    /// overestimate, the lower otherwise); `None` when the staff answers are not shown.
    pub fn typical(&self) -> Option<usize> {
        let (low, high) = self.staff.shown()?.medians()?;
        Some(if self.verdict == Verdict::Over { high } else { low })
    }

    /// The estimate from the students' and the staff's counts.
    fn new(
        link: &Link<'_>,
        bands: Option<Bands>,
        x: usize,
        students: &Dist,
        staff: &Dist,
        k: usize,
    ) -> Estimate {
        let bands_shown = bands.is_some();
        let bands = bands.unwrap_or_default();
        let share = Figure::new(students.n, k, || Share::of(x, students.n));
        let unsure = |d: &Dist| {
            let of = d.n + d.dont_know;
            Figure::new(of, k, || Unsure { count: d.dont_know, of })
        };
        let counts = Figure::new(staff.n, k, || {
            let mut counts = [0; 5];
            counts.iter_mut().zip(&staff.counts).for_each(|(c, d)| *c = *d);
            BandCounts { counts, n: staff.n }
        });
        let staff_unsure = unsure(staff);
        let verdict = Verdict::judge(&share, &counts, &staff_unsure, &bands);
        let placement = match (share.shown(), counts.shown()) {
            (Some(s), Some(c)) => Some(Placement::of(c, s, &bands)),
            _ => None,
        };
        let gap = Gap::of(verdict, share.shown(), counts.shown(), staff_unsure.shown(), &bands);
        Estimate {
            staff_item: link.staff_item.into(),
            student_item: link.student_item.into(),
            student_row: link.student_row.map(Into::into),
            codes: link.codes.to_vec(),
            bands,
            bands_shown,
            agreement: counts.shown().and_then(|c| Agreement::of(&c.counts)),
            students: share,
            students_unsure: unsure(students),
            staff: counts,
            staff_unsure,
            placement,
            verdict,
            gap,
        }
    }
}

/// The same statement on a scale, asked of students and of staff.
#[derive(Debug, Clone, PartialEq)]
pub struct Ordinal {
    /// The staff item.
    pub staff_item: String,
    /// The staff matrix row, if any.
    pub staff_row: Option<String>,
    /// The student item.
    pub student_item: String,
    /// The student matrix row, if any.
    pub student_row: Option<String>,
    /// The students' answers.
    pub students: Figure<Group>,
    /// The staff answers.
    pub staff: Figure<Group>,
    /// Staff mean minus student mean, shown when both groups are.
    pub mean_diff: Figure<Difference>,
    /// Staff share agreeing minus student share agreeing, shown when both groups are.
    pub agree_diff: Figure<Difference>,
}

/// The comparison for one student theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeReport {
    /// Theme id.
    pub theme: String,
    /// Theme name, from the student instrument.
    pub label: Text,
    /// The share estimates on this theme, in the staff instrument's order.
    pub estimates: Vec<Estimate>,
    /// The ordinal mirrors on this theme, in the staff instrument's order.
    pub ordinals: Vec<Ordinal>,
    /// The verdict of its biggest gap ([`Verdict::of_theme`]).
    pub verdict: Verdict,
    /// The size of that gap, for over and under.
    pub size: Option<Size>,
}

/// One mirror link, with where its answers are counted.
struct Link<'a> {
    staff_item: &'a str,
    staff_row: Option<&'a str>,
    student_item: &'a str,
    student_row: Option<&'a str>,
    codes: &'a [String],
    theme: &'a str,
    student_slot: usize,
    staff_slot: usize,
    /// The code set of an estimate; `None` for an ordinal mirror.
    set: Option<usize>,
    /// The ranges the staff item showed (estimates only).
    bands: Option<Bands>,
}

/// The counting plans of both instruments and the links between them.
pub(super) struct Planned<'a> {
    pub student: Plan<'a>,
    pub staff: Plan<'a>,
    links: Vec<Link<'a>>,
}

impl<'a> Planned<'a> {
    /// Plans the counts every link of `staff` to `student` needs. Links whose items do
    /// not exist, or estimates on anything but a share item, are left out.
    pub fn new(student: &'a Instrument, staff: &'a Instrument) -> Planned<'a> {
        let mut p = Planned { student: Plan::default(), staff: Plan::default(), links: Vec::new() };
        for link in links(staff) {
            let m = link.mirror;
            let (Some(target), Some(own)) = (student.item(&m.item), staff.item(link.staff_item))
            else {
                continue;
            };
            let estimate = !m.codes.is_empty();
            if estimate != matches!(own.kind, ItemKind::Share { .. }) {
                continue;
            }
            let row = m.row.as_deref();
            let construct = match (&target.kind, row) {
                (ItemKind::Matrix { rows, .. }, Some(r)) => {
                    rows.iter().find(|x| x.id == r).map_or(&target.construct, |x| &x.construct)
                }
                _ => &target.construct,
            };
            let student_slot = p.student.slot(target, row);
            p.links.push(Link {
                staff_item: link.staff_item,
                staff_row: link.staff_row,
                student_item: &target.id,
                student_row: row,
                codes: &m.codes,
                theme: construct.split('.').next().unwrap_or_default(),
                student_slot,
                staff_slot: p.staff.slot(own, link.staff_row),
                set: estimate.then(|| p.student.set(student_slot, &m.codes)),
                bands: match own.kind {
                    ItemKind::Share { bands } => bands,
                    _ => None,
                },
            });
        }
        p
    }

    /// The theme reports from the counts `s` (students) and `t` (staff).
    pub fn report(
        &self,
        student: &Instrument,
        s: &Tally,
        t: &Tally,
        settings: &Settings,
    ) -> Vec<ThemeReport> {
        let k = settings.k();
        let mut themes = Vec::new();
        for theme in &student.themes {
            let mut estimates = Vec::new();
            let mut ordinals = Vec::new();
            for link in self.links.iter().filter(|l| l.theme == theme.id) {
                let (sd, td) = (&s.slots[link.student_slot], &t.slots[link.staff_slot]);
                match link.set {
                    Some(set) => {
                        estimates.push(Estimate::new(link, link.bands, s.hits[set], sd, td, k));
                    }
                    None => {
                        let (a, b) = (Group::of(&sd.counts), Group::of(&td.counts));
                        let both = sd.n.min(td.n);
                        ordinals.push(Ordinal {
                            staff_item: link.staff_item.into(),
                            staff_row: link.staff_row.map(Into::into),
                            student_item: link.student_item.into(),
                            student_row: link.student_row.map(Into::into),
                            mean_diff: Figure::new(both, k, || Difference::of_means(&a, &b)),
                            agree_diff: Figure::new(both, k, || {
                                Difference::of_shares(a.agree, a.n, b.agree, b.n)
                            }),
                            students: Figure::new(sd.n, k, || a),
                            staff: Figure::new(td.n, k, || b),
                        });
                    }
                }
            }
            if estimates.is_empty() && ordinals.is_empty() {
                continue;
            }
            let (verdict, size) = Verdict::of_theme(&estimates);
            themes.push(ThemeReport {
                theme: theme.id.clone(),
                label: theme.label.clone(),
                verdict,
                size,
                estimates,
                ordinals,
            });
        }
        themes
    }
}
