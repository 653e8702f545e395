//! The plain-language summary of a [`super::Report`], in Dutch and English.
//!
//! Fixed rules turn the report into a few short paragraphs: who took part, how many
//! estimates the team sees right, the biggest gaps in words, and where the team is divided
//! on its own approach. Nothing is computed again: every number comes from the report,
//! and a figure the report hides never shows up in the text.

use crate::domain::instrument::{Instrument, Item};
use crate::domain::text::Lang;

use super::{Bands, Estimate, Figure, Report, Verdict};

/// The most gap sentences the summary shows.
const MOST_GAPS: usize = 3;

/// The band (0 = bijna geen … 4 = (bijna) alle) the share `p` (0..=1) falls in, with the
/// ranges of [`Bands::range`].
///
/// A share exactly on a cut point goes to the lower band: with the default bands 40 % is
/// "een klein deel" and 40.5 % "ongeveer de helft". Shares below 0 count as band 0, above
/// 1 as band 4.
pub fn band_of(p: f64, bands: &Bands) -> usize {
    // `c / 100.0` and a share `x / n` that equals c % are both the nearest double to the
    // same number, so a share on a cut point compares equal to it.
    (0..4).filter(|&band| p > f64::from(bands.range(band).1) / 100.0).count()
}

/// The words for a band inside a sentence, in lower case: "een klein deel", "about half".
/// Bands past the last count as the last.
pub fn band_words(band: usize, lang: Lang) -> &'static str {
    const NL: [&str; 5] =
        ["bijna geen", "een klein deel", "ongeveer de helft", "een groot deel", "(bijna) alle"];
    const EN: [&str; 5] =
        ["almost none", "a small part", "about half", "a large part", "(almost) all"];
    let band = band.min(4);
    match lang {
        Lang::Nl => NL[band],
        Lang::En => EN[band],
    }
}

/// What an estimate is about, from the text of its staff share item: the question without
/// "Hoeveel van uw studenten " (or "How many of your students ") and the question mark,
/// e.g. "willen na deze opleiding direct verder leren op niveau 3 of 4".
///
/// A question that does not start that way (an own instrument) comes back whole, in
/// quotes: “Hoeveel studenten fietsen naar school?”.
pub fn what(staff_item: &Item, lang: Lang) -> String {
    let text = staff_item.text.get(lang);
    match about(text, lang) {
        Some(about) => about.to_string(),
        None => format!("“{}”", text.trim()),
    }
}

/// One sentence on an estimate: what students say, in words and a whole percentage, and
/// what most staff think.
///
/// `None` when there is no verdict ([`Verdict::Unknown`]: a side has too few answers, so
/// its figure is hidden and must not be told), or when `staff` has no item
/// `e.staff_item`. For "ongeveer de helft" and a staff majority on "een klein deel":
///
/// - Over or under: "Ongeveer de helft van de studenten (50 %) willen na deze opleiding
///   direct verder leren op niveau 3 of 4; de meeste medewerkers denken: een klein deel."
/// - Right, on the same band: "…; de meeste medewerkers zien dat ook."
/// - Right, on another band (the band still touches the students' margin): "…; de meeste
///   medewerkers denken: een klein deel, en dat ligt er dicht genoeg bij."
/// - Divided: "…; de medewerkers denken daar verschillend over."
///
/// The band words of the students follow the percentage as shown (rounded), so the words
/// and the number always agree. For a question that does not start with "Hoeveel van uw
/// studenten" the sentence quotes it: "Bij “Hoeveel studenten fietsen?” zeggen de
/// studenten zelf: ongeveer de helft (50 %); …".
pub fn estimate_sentence(
    e: &Estimate,
    staff: &Instrument,
    bands: &Bands,
    lang: Lang,
) -> Option<String> {
    if e.verdict == Verdict::Unknown {
        return None;
    }
    let (Figure::Shown(share), Figure::Shown(counts)) = (&e.students, &e.staff) else {
        return None;
    };
    let item = staff.item(&e.staff_item)?;
    let pct = (share.p.clamp(0.0, 1.0) * 100.0).round() as u32;
    let band = band_of(f64::from(pct) / 100.0, bands);
    let words = band_words(band, lang);
    let think = |b: usize| match lang {
        Lang::Nl => format!("de meeste medewerkers denken: {}", band_words(b, lang)),
        Lang::En => format!("most staff think: {}", band_words(b, lang)),
    };
    let staff_part = match (e.verdict, counts.majority()) {
        (Verdict::Divided, _) => match lang {
            Lang::Nl => "de medewerkers denken daar verschillend over".to_string(),
            Lang::En => "staff have different views on this".to_string(),
        },
        (Verdict::Right, Some(b)) if b == band => match lang {
            Lang::Nl => "de meeste medewerkers zien dat ook".to_string(),
            Lang::En => "most staff see that too".to_string(),
        },
        (Verdict::Right, Some(b)) => match lang {
            Lang::Nl => format!("{}, en dat ligt er dicht genoeg bij", think(b)),
            Lang::En => format!("{}, which is close enough", think(b)),
        },
        (Verdict::Over | Verdict::Under, Some(b)) => think(b),
        // A verdict that does not fit the counts: say nothing rather than something wrong.
        _ => return None,
    };
    let text = item.text.get(lang);
    let students_part = match (about(text, lang), lang) {
        (Some(about), Lang::Nl) => {
            let who = match band {
                0 | 4 => format!("{words} studenten"),
                _ => format!("{words} van de studenten"),
            };
            format!("{who} ({pct} %) {about}")
        }
        (Some(about), Lang::En) => format!("{words} of the students ({pct}%) {about}"),
        (None, Lang::Nl) => {
            format!("bij “{}” zeggen de studenten zelf: {words} ({pct} %)", text.trim())
        }
        (None, Lang::En) => {
            format!("for “{}” the students themselves say: {words} ({pct}%)", text.trim())
        }
    };
    Some(capitalised(&format!("{students_part}; {staff_part}.")))
}

/// The summary paragraphs of `report`, whose staff instrument is `staff`, in this order:
///
/// 1. Who took part: "40 studenten en 8 medewerkers deden mee." When students or staff
///    are fewer than `k`, only a paragraph that says so, without their number.
/// 2. How the estimates came out: "Het team ziet 10 van de 26 punten goed. Bij 6 punten
///    schat het team te laag, bij 4 te hoog. Bij 3 punten zijn de medewerkers verdeeld.
///    Over 3 punten zijn te weinig antwoorden." Parts that are zero are left out; without
///    estimates the paragraph is.
/// 3. Up to three of the biggest gaps, one [`estimate_sentence`] per paragraph: the
///    estimates the team over- or underestimates, furthest first (the distance between
///    the staff majority band and the students' interval), ties in the staff
///    instrument's order.
/// 4. When the team is divided on self-assessment items
///    ([`super::Spread::needs_team_agreement`], shown figures only): "Bij 4 vragen over
///    de aanpak is het team het niet eens. Dat zijn plekken voor teamafspraken."
///
/// ```
/// use spiegel::domain::analysis::{analyse, summary::summary, Settings};
/// use spiegel::domain::builtin;
/// use spiegel::domain::text::Lang;
///
/// let (student, staff) = (builtin::student().unwrap(), builtin::staff().unwrap());
/// let report = analyse(&student, &staff, &[], &[], &Settings::default());
/// assert_eq!(
///     summary(&report, &staff, Lang::Nl),
///     ["Er zijn nog te weinig antwoorden om te vergelijken: \
///       minstens 5 studenten en 5 medewerkers nodig."]
/// );
/// ```
pub fn summary(report: &Report, staff: &Instrument, lang: Lang) -> Vec<String> {
    let k = report.settings.k();
    if report.students < k || report.staff < k {
        return vec![match lang {
            Lang::Nl => format!(
                "Er zijn nog te weinig antwoorden om te vergelijken: minstens {k} studenten en \
                 {k} medewerkers nodig."
            ),
            Lang::En => format!(
                "There are too few answers to compare yet: at least {k} students and {k} staff \
                 members are needed."
            ),
        }];
    }
    let mut out = vec![match lang {
        Lang::Nl => {
            format!("{} studenten en {} medewerkers deden mee.", report.students, report.staff)
        }
        Lang::En => {
            format!("{} students and {} staff members took part.", report.students, report.staff)
        }
    }];
    let estimates: Vec<&Estimate> = report.themes.iter().flat_map(|t| &t.estimates).collect();
    out.extend(tally(&estimates, lang));
    let bands = report.settings.bands();
    out.extend(biggest_gaps(&estimates, staff, &bands, lang));
    let divided = report
        .consensus
        .iter()
        .filter(|c| c.spread.shown().is_some_and(|s| s.needs_team_agreement))
        .count();
    if divided > 0 {
        out.push(match (lang, divided) {
            (Lang::Nl, 1) => "Bij 1 vraag over de aanpak is het team het niet eens. Dat is een \
                              plek voor teamafspraken."
                .to_string(),
            (Lang::Nl, n) => format!(
                "Bij {n} vragen over de aanpak is het team het niet eens. Dat zijn plekken voor \
                 teamafspraken."
            ),
            (Lang::En, 1) => "On 1 question about the approach, the team does not agree. That \
                              is a place for team agreements."
                .to_string(),
            (Lang::En, n) => format!(
                "On {n} questions about the approach, the team does not agree. Those are places \
                 for team agreements."
            ),
        });
    }
    out
}

/// The paragraph that counts the verdicts of `estimates`; `None` without estimates.
fn tally(estimates: &[&Estimate], lang: Lang) -> Option<String> {
    if estimates.is_empty() {
        return None;
    }
    let count = |v: Verdict| estimates.iter().filter(|e| e.verdict == v).count();
    let (right, under, over) = (count(Verdict::Right), count(Verdict::Under), count(Verdict::Over));
    let (divided, unknown) = (count(Verdict::Divided), count(Verdict::Unknown));
    let points = |n: usize| match (lang, n) {
        (Lang::Nl, 1) => "1 punt".to_string(),
        (Lang::Nl, n) => format!("{n} punten"),
        (Lang::En, 1) => "1 point".to_string(),
        (Lang::En, n) => format!("{n} points"),
    };
    let mut sentences = Vec::new();
    if right > 0 {
        sentences.push(match lang {
            Lang::Nl => format!("Het team ziet {right} van de {} punten goed.", estimates.len()),
            Lang::En => format!("The team sees {right} of the {} points right.", estimates.len()),
        });
    }
    sentences.push(match (lang, under, over) {
        (_, 0, 0) => String::new(),
        (Lang::Nl, 0, o) => format!("Bij {} schat het team te hoog.", points(o)),
        (Lang::Nl, u, 0) => format!("Bij {} schat het team te laag.", points(u)),
        (Lang::Nl, u, o) => format!("Bij {} schat het team te laag, bij {o} te hoog.", points(u)),
        (Lang::En, 0, o) => format!("On {} the team estimates too high.", points(o)),
        (Lang::En, u, 0) => format!("On {} the team estimates too low.", points(u)),
        (Lang::En, u, o) => {
            format!("On {} the team estimates too low, on {o} too high.", points(u))
        }
    });
    if divided > 0 {
        sentences.push(match lang {
            Lang::Nl => format!("Bij {} zijn de medewerkers verdeeld.", points(divided)),
            Lang::En => format!("On {} staff are divided.", points(divided)),
        });
    }
    if unknown > 0 {
        sentences.push(match lang {
            Lang::Nl => format!("Over {} zijn te weinig antwoorden.", points(unknown)),
            Lang::En => format!("On {} there are too few answers.", points(unknown)),
        });
    }
    sentences.retain(|s| !s.is_empty());
    Some(sentences.join(" "))
}

/// The sentences of the biggest gaps among `estimates`, at most [`MOST_GAPS`].
fn biggest_gaps(
    estimates: &[&Estimate],
    staff: &Instrument,
    bands: &Bands,
    lang: Lang,
) -> Vec<String> {
    // Items `staff` does not hold get no sentence anyway; they sort last.
    let order =
        |e: &Estimate| staff.items().position(|(_, i)| i.id == e.staff_item).unwrap_or(usize::MAX);
    let mut gaps: Vec<(f64, usize, &Estimate)> =
        estimates.iter().filter_map(|e| Some((gap(e, bands)?, order(e), *e))).collect();
    // Furthest first; equal gaps in the staff instrument's order.
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    gaps.iter()
        .filter_map(|(_, _, e)| estimate_sentence(e, staff, bands, lang))
        .take(MOST_GAPS)
        .collect()
}

/// How far the staff majority band lies from the students' interval, as a share (0..=1),
/// for an estimate the team over- or underestimates; `None` for any other.
fn gap(e: &Estimate, bands: &Bands) -> Option<f64> {
    let (Figure::Shown(share), Figure::Shown(counts)) = (&e.students, &e.staff) else {
        return None;
    };
    let (lo, hi) = bands.range(counts.majority()?);
    let (lo, hi) = (f64::from(lo) / 100.0, f64::from(hi) / 100.0);
    match e.verdict {
        Verdict::Over => Some(lo - share.ci.hi),
        Verdict::Under => Some(share.ci.lo - hi),
        _ => None,
    }
}

/// The part of a share question after "Hoeveel van uw studenten " (or "How many of your
/// students "), without the question mark; `None` if it does not start that way or
/// nothing is left.
fn about(text: &str, lang: Lang) -> Option<&str> {
    let prefix = match lang {
        Lang::Nl => "Hoeveel van uw studenten ",
        Lang::En => "How many of your students ",
    };
    let rest = text.trim().strip_prefix(prefix)?.trim_end_matches('?').trim();
    (!rest.is_empty()).then_some(rest)
}

/// `s` with its first letter in upper case, also behind an opening bracket or quote:
/// "(bijna) alle" becomes "(Bijna) alle".
fn capitalised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut done = false;
    for c in s.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}
