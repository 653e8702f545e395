//! The verdict rule: where each staff answer lies against the students' 95 % interval,
//! the verdict that follows (right, over, under, divided, does not know) and the size of a
//! gap, in bands and in percentage points.

use crate::domain::analysis::agreement::Agreement;
use crate::domain::analysis::stats::Share;
use crate::domain::analysis::{Bands, Figure};
use crate::domain::text::Lang;

use super::{BandCounts, Estimate, Unsure};

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
