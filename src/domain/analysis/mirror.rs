//! The mirror comparison: per link, what students say against what staff think, and a
//! verdict per link and per theme.

use crate::domain::instrument::mirror::links;
use crate::domain::instrument::{Instrument, ItemKind};
use crate::domain::text::{Lang, Text};

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

/// Where a staff answer lies against the students' 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The whole range of the answer lies below the interval.
    Below,
    /// The range touches or overlaps the interval.
    On,
    /// The whole range lies above the interval.
    Above,
}

/// The staff answers placed against the students' interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Staff whose answer lies below.
    pub below: usize,
    /// Staff whose answer touches or overlaps.
    pub on: usize,
    /// Staff whose answer lies above.
    pub above: usize,
}

impl Placement {
    /// The side of `band` against the interval of `share`.
    pub fn side(band: usize, share: &Share, bands: &Bands) -> Side {
        let (lo, hi) = bands.share_range(band);
        if lo > share.ci.hi {
            Side::Above
        } else if hi < share.ci.lo {
            Side::Below
        } else {
            Side::On
        }
    }

    /// Every answer of `staff` placed against `share`.
    pub fn of(staff: &BandCounts, share: &Share, bands: &Bands) -> Placement {
        let mut p = Placement { below: 0, on: 0, above: 0 };
        for (band, &c) in staff.counts.iter().enumerate() {
            match Placement::side(band, share, bands) {
                Side::Below => p.below += c,
                Side::On => p.on += c,
                Side::Above => p.above += c,
            }
        }
        p
    }

    /// All answers placed.
    pub fn n(&self) -> usize {
        self.below + self.on + self.above
    }
}

/// How staff see a share, against what students say. See [`Verdict::rule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Staff answers mostly touch what students say.
    Right,
    /// At least half of the staff answer above what students say.
    Over,
    /// At least half of the staff answer below what students say.
    Under,
    /// The team disagrees, and a quarter or more answer above and a quarter or more below
    /// what students say.
    Divided,
    /// More than half of the staff answered "weet ik niet".
    DontKnow,
    /// Students or staff are too few to say.
    Unknown,
}

/// How big a gap is, in words: from the number of bands between the staff's typical
/// answer and what students say (one, two, three or more); for a divided team, between
/// its two camps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Size {
    /// One band ("iets te hoog"); camps two bands apart.
    Small,
    /// Two bands ("te hoog"); camps three apart.
    Medium,
    /// Three bands or more ("veel te hoog"); camps four apart.
    Large,
}

/// How far staff are from the students, for an estimate with a verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    /// Over, under and right: the band of the staff's typical answer minus the band the
    /// students' share falls in (positive when staff answer higher). Divided: the bands
    /// between the typical answers of the two camps.
    pub bands: i32,
    /// Over, under and right: percentage points from the students' share to the nearest
    /// end of the typical answer's range (0 when the share lies inside it; positive when
    /// staff answer higher). Divided: percentage points between the two camps' ranges.
    pub points: f64,
    /// The size in words; `None` when staff see it right.
    pub size: Option<Size>,
    /// For ranking gaps of every kind: how far the staff's answers lie from the students
    /// on average, in bands (an answer that touches the students' interval counts 0); for
    /// "weet het niet", twice the share of staff who do not know (1 to 2).
    pub weight: f64,
}

impl Verdict {
    /// The verdict for a student share and staff estimates, with `bands` giving what each
    /// answer stands for. See [`Verdict::rule`].
    ///
    /// `unsure` is the staff's "weet ik niet": when it is shown and holds more than half
    /// of those who answered, the verdict is [`Verdict::DontKnow`], whatever the rest.
    pub fn judge(
        students: &Figure<Share>,
        staff: &Figure<BandCounts>,
        unsure: &Figure<Unsure>,
        bands: &Bands,
    ) -> Verdict {
        if unsure.shown().is_some_and(|u| 2 * u.count > u.of) {
            return Verdict::DontKnow;
        }
        let (Figure::Shown(share), Figure::Shown(staff)) = (students, staff) else {
            return Verdict::Unknown;
        };
        let place = Placement::of(staff, share, bands);
        let n = place.n();
        let divided = Agreement::of(&staff.counts).is_some_and(|a| a.divided());
        if divided && 4 * place.above >= n && 4 * place.below >= n {
            Verdict::Divided
        } else if 2 * place.above >= n && place.above > place.below {
            Verdict::Over
        } else if 2 * place.below >= n && place.below > place.above {
            Verdict::Under
        } else {
            Verdict::Right
        }
    }

    /// The rule behind every verdict, to show next to it.
    pub fn rule(lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => {
                "Elk antwoord van een medewerker, bijvoorbeeld 'een klein deel' (10 tot 40 %), \
                 leggen we naast wat studenten zelf zeggen, met de onzekerheidsmarge. Het \
                 antwoord ligt hoger, ligt lager, of raakt wat studenten zeggen. Koos meer dan \
                 de helft 'weet ik niet', dan weet het team het niet. Anders: is het team het \
                 oneens (eensgezindheid onder 0,7) en ligt minstens een kwart hoger en \
                 minstens een kwart lager, dan is het team verdeeld. Ligt minstens de helft \
                 hoger, dan overschat het team; ligt minstens de helft lager, dan onderschat \
                 het team. Anders ziet het team het goed. Hoe groot een verschil is, zegt het \
                 middelste antwoord van het team: één groep ernaast is iets te hoog of iets \
                 te laag, drie groepen is veel te hoog of veel te laag. Zijn er aan één kant \
                 te weinig antwoorden, dan is er geen oordeel. Per thema noemen we het \
                 grootste verschil; zonder verschillen ziet het team het goed."
            }
            Lang::En => {
                "We place every staff answer, for example 'a small part' (10 to 40%), against \
                 what students say themselves, with the margin of uncertainty. The answer lies \
                 higher, lies lower, or touches what students say. If more than half chose \
                 'don't know', the team does not know. Otherwise: if the team disagrees \
                 (agreement below 0.7) and at least a quarter answer higher and at least a \
                 quarter lower, the team is divided. If at least half answer higher, staff \
                 overestimate; if at least half answer lower, staff underestimate. Otherwise \
                 staff see it right. How big a gap is follows from the team's middle answer: \
                 one group off is a little too high or low, three groups is far too high or \
                 low. With too few answers on either side there is no verdict. Per theme we \
                 name the biggest gap; without gaps, staff see it right."
            }
        }
    }

    /// A short name for the verdict.
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Verdict::Right => ("Team ziet het goed", "Staff see it right"),
            Verdict::Over => ("Team overschat", "Staff overestimate"),
            Verdict::Under => ("Team onderschat", "Staff underestimate"),
            Verdict::Divided => ("Team is verdeeld", "Staff are divided"),
            Verdict::DontKnow => ("Team weet het niet", "Staff do not know"),
            Verdict::Unknown => ("Te weinig antwoorden", "Too few answers"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// The verdict with its size, e.g. "iets te hoog" or "far too low"; the plain
    /// [`Verdict::label`] for verdicts without a direction.
    pub fn sized_label(self, size: Option<Size>, lang: Lang) -> String {
        let words = |nl: [&'static str; 3], en: [&'static str; 3]| {
            let i = match size {
                Some(Size::Small) => 0,
                Some(Size::Medium) | None => 1,
                Some(Size::Large) => 2,
            };
            match lang {
                Lang::Nl => nl[i],
                Lang::En => en[i],
            }
        };
        match self {
            Verdict::Over => format!(
                "{}: {}",
                self.label(lang),
                words(
                    ["iets te hoog", "te hoog", "veel te hoog"],
                    ["a little too high", "too high", "far too high"]
                )
            ),
            Verdict::Under => format!(
                "{}: {}",
                self.label(lang),
                words(
                    ["iets te laag", "te laag", "veel te laag"],
                    ["a little too low", "too low", "far too low"]
                )
            ),
            other => other.label(lang).to_string(),
        }
    }

    /// The verdict of a theme: the verdict of its biggest gap (by [`Gap::weight`]; over,
    /// under, divided or "weet het niet"), with that gap's size, so a theme shows its
    /// most important finding at a glance; without gaps [`Verdict::Right`] when some
    /// question has a verdict, else [`Verdict::Unknown`].
    pub fn of_theme(estimates: &[Estimate]) -> (Verdict, Option<Size>) {
        let gaps = estimates.iter().filter(|e| {
            matches!(
                e.verdict,
                Verdict::Over | Verdict::Under | Verdict::Divided | Verdict::DontKnow
            )
        });
        // The first of equal weights wins: the staff vragenlijst's order.
        let biggest = gaps.fold(None::<&Estimate>, |best, e| match best {
            Some(b) if b.gap.map_or(0.0, |g| g.weight) >= e.gap.map_or(0.0, |g| g.weight) => {
                Some(b)
            }
            _ => Some(e),
        });
        match biggest {
            Some(e) => (e.verdict, e.gap.and_then(|g| g.size)),
            None if estimates.iter().any(|e| e.verdict == Verdict::Right) => (Verdict::Right, None),
            None => (Verdict::Unknown, None),
        }
    }
}

impl Gap {
    /// The gap of an estimate with verdict `verdict`; `None` for [`Verdict::Unknown`] (and
    /// for a verdict that needs figures the estimate does not show).
    pub fn of(
        verdict: Verdict,
        share: Option<&Share>,
        staff: Option<&BandCounts>,
        unsure: Option<&Unsure>,
        bands: &Bands,
    ) -> Option<Gap> {
        if verdict == Verdict::DontKnow {
            let share = unsure?.share();
            return Some(Gap { bands: 0, points: 0.0, size: None, weight: 2.0 * share });
        }
        let (share, staff) = (share?, staff?);
        let (low, high) = staff.medians()?;
        // The same choice as [`Estimate::typical`].
        let own = bands.band_of(share.p);
        let miss: usize = staff
            .counts
            .iter()
            .enumerate()
            .filter(|(b, _)| Placement::side(*b, share, bands) != Side::On)
            .map(|(b, &c)| c * b.abs_diff(own))
            .sum();
        let weight = miss as f64 / staff.n.max(1) as f64;
        // Percentage points from the share to the nearest end of band `b` (0 inside).
        let points_to = |b: usize| {
            let (lo, hi) = bands.share_range(b);
            100.0
                * if share.p < lo {
                    lo - share.p
                } else if share.p > hi {
                    hi - share.p
                } else {
                    0.0
                }
        };
        let gap = match verdict {
            Verdict::Divided => {
                // The typical answer of each camp: the median of those above, and of
                // those below.
                let camp = |side: Side| {
                    let mut counts = [0; 5];
                    for (b, &c) in staff.counts.iter().enumerate() {
                        if Placement::side(b, share, bands) == side {
                            counts[b] = c;
                        }
                    }
                    let n = counts.iter().sum();
                    BandCounts { counts, n }.medians().map(|(l, _)| l)
                };
                let (up, down) = (camp(Side::Above)?, camp(Side::Below)?);
                let apart = up.abs_diff(down) as i32;
                let size = match apart {
                    ..=2 => Size::Small,
                    3 => Size::Medium,
                    _ => Size::Large,
                };
                let points = 100.0 * (bands.share_range(up).0 - bands.share_range(down).1);
                Gap { bands: apart, points, size: Some(size), weight }
            }
            _ => {
                let typical = if verdict == Verdict::Over { high } else { low };
                let off = typical as i32 - own as i32;
                let size = match (verdict, off.unsigned_abs()) {
                    (Verdict::Right, _) | (_, 0) => None,
                    (_, 1) => Some(Size::Small),
                    (_, 2) => Some(Size::Medium),
                    _ => Some(Size::Large),
                };
                Gap { bands: off, points: points_to(typical), size, weight }
            }
        };
        Some(gap)
    }
}

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
