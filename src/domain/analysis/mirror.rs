//! The mirror comparison: per link, what students say against what staff think, and a
//! verdict per link and per theme.

use crate::domain::instrument::mirror::links;
use crate::domain::instrument::{Instrument, ItemKind};
use crate::domain::text::{Lang, Text};

use super::stats::{Difference, Group, Share};
use super::tally::{Plan, Tally};
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
    /// The band chosen by more than half of the staff, if any (exactly half is none).
    pub fn majority(&self) -> Option<usize> {
        self.counts.iter().position(|&c| 2 * c > self.n)
    }
}

/// How staff see a share, against what students say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The majority band overlaps the students' interval.
    Right,
    /// The majority band lies entirely above the students' interval.
    Over,
    /// The majority band lies entirely below the students' interval.
    Under,
    /// No band holds more than half of the staff answers.
    Divided,
    /// Students or staff are too few to say.
    Unknown,
}

impl Verdict {
    /// The verdict for a student share and staff estimates, with `bands` giving what each
    /// band stands for. See [`Verdict::rule`].
    pub fn judge(students: &Figure<Share>, staff: &Figure<BandCounts>, bands: &Bands) -> Verdict {
        let (Figure::Shown(share), Figure::Shown(staff)) = (students, staff) else {
            return Verdict::Unknown;
        };
        let Some(band) = staff.majority() else { return Verdict::Divided };
        let (lo, hi) = bands.range(band);
        let (lo, hi) = (f64::from(lo) / 100.0, f64::from(hi) / 100.0);
        if lo > share.ci.hi {
            Verdict::Over
        } else if hi < share.ci.lo {
            Verdict::Under
        } else {
            Verdict::Right
        }
    }

    /// The rule behind every verdict, to show next to it.
    pub fn rule(lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => {
                "Koos niet meer dan de helft van de medewerkers hetzelfde antwoord, dan is het \
                 team verdeeld. Anders kijken we naar het antwoord van die meerderheid, \
                 bijvoorbeeld 'een klein deel' (10 tot 40 %). Het team ziet het goed als de \
                 groep waar meer dan de helft van de medewerkers voor koos, overlapt met wat \
                 studenten zelf zeggen (met onzekerheidsmarge). Ligt die groep helemaal hoger, \
                 dan overschat het team. Ligt die helemaal lager, dan onderschat het team. Zijn \
                 er aan één kant te weinig antwoorden, dan is er geen oordeel. Per thema telt \
                 het oordeel dat bij de meeste vragen hoort. Staan twee oordelen gelijk, dan is \
                 het team verdeeld."
            }
            Lang::En => {
                "If no answer was chosen by more than half of the staff, the team is divided. \
                 Otherwise we take the range of that majority answer, for example 'a small \
                 part' (10 to 40 %). Staff see it right when that range overlaps what students \
                 say themselves (with margin of uncertainty). If the range lies entirely above \
                 it, staff overestimate. If it lies entirely below, staff underestimate. With \
                 too few answers on either side there is no verdict. Per theme, the verdict of \
                 most questions counts. If two verdicts tie, the team is divided."
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
            Verdict::Unknown => ("Te weinig antwoorden", "Too few answers"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// The verdict most of `verdicts` hold, leaving out [`Verdict::Unknown`]; a tie for
    /// the most gives [`Verdict::Divided`], none at all [`Verdict::Unknown`].
    pub fn most(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
        const KNOWN: [Verdict; 4] =
            [Verdict::Right, Verdict::Over, Verdict::Under, Verdict::Divided];
        let mut counts = [0usize; 4];
        for v in verdicts {
            if let Some(i) = KNOWN.iter().position(|k| *k == v) {
                counts[i] += 1;
            }
        }
        let top = counts.iter().copied().max().unwrap_or(0);
        match counts.iter().filter(|&&c| c == top).count() {
            _ if top == 0 => Verdict::Unknown,
            1 => counts.iter().position(|&c| c == top).map_or(Verdict::Unknown, |i| KNOWN[i]),
            _ => Verdict::Divided,
        }
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
    /// The share of students whose answer holds one of the codes.
    pub students: Figure<Share>,
    /// Staff estimates over the bands.
    pub staff: Figure<BandCounts>,
    /// How staff see it ([`Verdict::judge`]).
    pub verdict: Verdict,
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
    /// The verdict most of its estimates hold ([`Verdict::most`]).
    pub verdict: Verdict,
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
                        let x = s.hits[set];
                        let students = Figure::new(sd.n, k, || Share::of(x, sd.n));
                        let staff = Figure::new(td.n, k, || {
                            let mut counts = [0; 5];
                            counts.iter_mut().zip(&td.counts).for_each(|(c, d)| *c = *d);
                            BandCounts { counts, n: td.n }
                        });
                        estimates.push(Estimate {
                            staff_item: link.staff_item.into(),
                            student_item: link.student_item.into(),
                            student_row: link.student_row.map(Into::into),
                            codes: link.codes.to_vec(),
                            verdict: Verdict::judge(&students, &staff, &settings.bands()),
                            students,
                            staff,
                        });
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
            themes.push(ThemeReport {
                theme: theme.id.clone(),
                label: theme.label.clone(),
                verdict: Verdict::most(estimates.iter().map(|e| e.verdict)),
                estimates,
                ordinals,
            });
        }
        themes
    }
}
