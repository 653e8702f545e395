//! The plain-language summary of a [`super::Report`], in Dutch and English.
//!
//! Fixed rules turn the report into a few short paragraphs: who took part, how the
//! estimates came out, the biggest gaps of every kind in words, and where the team is
//! divided on its own approach. Nothing is computed again: every number comes from the
//! report, and a figure the report hides never shows up in the text.

use crate::domain::instrument::{Bands, Instrument, Item};
use crate::domain::text::Lang;

use super::{Estimate, Figure, Report, Verdict};

/// The most gap sentences the summary shows.
pub const MOST_GAPS: usize = 4;

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

/// The third person singular of a Dutch verb given as its plural (the infinitive form):
/// "willen" → "wil", "hebben" → "heeft", "denken" → "denkt", "leren" → "leert".
///
/// The common irregular verbs are listed; other verbs follow the spelling rules of a
/// regular verb (a doubled consonant is single, an open vowel is doubled, v and z become
/// f and s, then -t unless the stem ends in t). Only the estimates' sentences use it, to
/// say "een klein deel van de studenten wil …".
pub fn singular(verb: &str) -> String {
    const IRREGULAR: [(&str, &str); 12] = [
        ("zijn", "is"),
        ("hebben", "heeft"),
        ("willen", "wil"),
        ("kunnen", "kan"),
        ("zullen", "zal"),
        ("mogen", "mag"),
        ("moeten", "moet"),
        ("gaan", "gaat"),
        ("staan", "staat"),
        ("doen", "doet"),
        ("zien", "ziet"),
        ("komen", "komt"),
    ];
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == verb) {
        return (*s).to_string();
    }
    let Some(stem) = verb.strip_suffix("en") else { return verb.to_string() };
    let chars: Vec<char> = stem.chars().collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut out: Vec<char> = chars.clone();
    let n = chars.len();
    if n >= 2 && chars[n - 1] == chars[n - 2] && !vowel(chars[n - 1]) {
        // zitten → zit, kennen → ken
        out.pop();
    } else if n >= 2 && !vowel(chars[n - 1]) && vowel(chars[n - 2]) {
        // An open syllable keeps its long vowel: leren → leer, maken → maak. Not after
        // another vowel (kopen has "oo" written once, horen → hoor; but "eu", "oe", "ij"
        // are already long), and not the unstressed e of a longer verb (twijfelen).
        let before = if n >= 3 { Some(chars[n - 3]) } else { None };
        let syllables = chars.iter().filter(|c| vowel(**c)).count();
        let unstressed_e = chars[n - 2] == 'e' && syllables > 1;
        if before.is_none_or(|b| !vowel(b)) && chars[n - 2] != 'i' && !unstressed_e {
            out.insert(n - 1, chars[n - 2]);
        }
    }
    match out.last() {
        Some('v') => {
            out.pop();
            out.push('f');
        }
        Some('z') => {
            out.pop();
            out.push('s');
        }
        _ => {}
    }
    let mut s: String = out.into_iter().collect();
    if !s.ends_with('t') {
        s.push('t');
    }
    s
}

/// "a b" with `about`'s first word made singular, for a singular subject: "wil na deze
/// opleiding …" from "willen na deze opleiding …".
fn singular_about(about: &str) -> String {
    match about.split_once(' ') {
        Some((verb, rest)) => format!("{} {rest}", singular(verb)),
        None => singular(about),
    }
}

/// What students say about an estimate: "een klein deel van de studenten (25 %) wil na
/// deze opleiding direct gaan werken", or for a question that does not start with
/// "Hoeveel van uw studenten": "bij “…” zeggen de studenten zelf: een klein deel (25 %)".
/// The band words follow the percentage as shown (rounded), so words and number agree.
fn students_part(item: &Item, pct: u32, bands: &Bands, lang: Lang) -> String {
    let band = bands.band_of(f64::from(pct) / 100.0);
    let words = band_words(band, lang);
    let text = item.text.get(lang);
    match (about(text, lang), lang) {
        (Some(about), Lang::Nl) => match band {
            0 | 4 => format!("{words} studenten ({pct} %) {about}"),
            _ => format!("{words} van de studenten ({pct} %) {}", singular_about(about)),
        },
        (Some(about), Lang::En) => format!("{words} of the students ({pct}%) {about}"),
        (None, Lang::Nl) => {
            format!("bij “{}” zeggen de studenten zelf: {words} ({pct} %)", text.trim())
        }
        (None, Lang::En) => {
            format!("for “{}” the students themselves say: {words} ({pct}%)", text.trim())
        }
    }
}

/// "6 van de 8 medewerkers", or "alle 8 medewerkers" (and in English).
fn of_staff(count: usize, n: usize, lang: Lang) -> String {
    match (lang, count == n) {
        (Lang::Nl, true) => format!("alle {n} medewerkers"),
        (Lang::Nl, false) => format!("{count} van de {n} medewerkers"),
        (Lang::En, true) => format!("all {n} staff members"),
        (Lang::En, false) => format!("{count} of the {n} staff members"),
    }
}

/// The sentences on one estimate: what students say, in words and a whole percentage,
/// and what the team thinks, by its verdict.
///
/// `None` when there is no verdict ([`Verdict::Unknown`]: a side has too few answers, so
/// its figure is hidden and must not be told), or when `staff` has no item
/// `e.staff_item`. For "een klein deel" of students who want to work:
///
/// - Over: "Een klein deel van de studenten (25 %) wil na deze opleiding direct gaan
///   werken. 6 van de 8 medewerkers schatten het hoger in; het middelste antwoord is een
///   groot deel (60–90 %). Dat is te hoog."
/// - Under: the same with "lager" and "te laag"; a gap of one band is "iets te laag",
///   of three or more "veel te laag".
/// - Right: "…; de medewerkers zien dat ook." or, on a neighbouring band that still
///   touches the students' margin, "…; het middelste antwoord van de medewerkers is een
///   klein deel (10–40 %), en dat ligt er dicht genoeg bij."
/// - Divided: "… Het team is verdeeld: 3 van de 8 medewerkers schatten het hoger in, 3
///   lager."
/// - Does not know: "Bij “Hoeveel van uw studenten …?” weet het team het niet: 5 van de 8
///   medewerkers kozen 'weet ik niet'." followed by what students say, when shown.
pub fn estimate_sentence(e: &Estimate, staff: &Instrument, lang: Lang) -> Option<String> {
    let item = staff.item(&e.staff_item)?;
    let bands = &e.bands;
    let students = match &e.students {
        Figure::Shown(share) => {
            let pct = (share.p.clamp(0.0, 1.0) * 100.0).round() as u32;
            Some(students_part(item, pct, bands, lang))
        }
        Figure::Suppressed { .. } => None,
    };
    if e.verdict == Verdict::DontKnow {
        let unsure = e.staff_unsure.shown()?;
        let who = of_staff(unsure.count, unsure.of, lang);
        let q = item.text.get(lang).trim();
        let head = match lang {
            Lang::Nl => format!("Bij “{q}” weet het team het niet: {who} kozen 'Weet ik niet'."),
            Lang::En => format!("On “{q}” the team does not know: {who} chose 'I don't know'."),
        };
        return Some(match students {
            Some(s) => match lang {
                Lang::Nl => format!("{head} Wat studenten zelf zeggen: {s}."),
                Lang::En => format!("{head} What students say themselves: {s}."),
            },
            None => head,
        });
    }
    let students = students?;
    let (place, gap, typical) = (e.placement?, e.gap?, e.typical()?);
    let answer = |b: usize| format!("{} ({})", band_words(b, lang), bands.range_text(b, lang));
    let staff_part = match e.verdict {
        Verdict::Over | Verdict::Under => {
            let (count, dir) = if e.verdict == Verdict::Over {
                (place.above, ("hoger", "higher"))
            } else {
                (place.below, ("lager", "lower"))
            };
            let judged = e.verdict.sized_label(gap.size, lang);
            let judged = judged.split_once(": ").map_or(judged.as_str(), |(_, w)| w).to_string();
            match lang {
                Lang::Nl => format!(
                    ". {} schatten het {} in; het middelste antwoord is {}. Dat is {judged}.",
                    capitalised(&of_staff(count, place.n(), lang)),
                    dir.0,
                    answer(typical)
                ),
                Lang::En => format!(
                    ". {} estimate it {}; the middle answer is {}. That is {judged}.",
                    capitalised(&of_staff(count, place.n(), lang)),
                    dir.1,
                    answer(typical)
                ),
            }
        }
        Verdict::Divided => match lang {
            Lang::Nl => format!(
                ". Het team is verdeeld: {} schatten het hoger in, {} lager.",
                of_staff(place.above, place.n(), lang),
                place.below
            ),
            Lang::En => format!(
                ". The team is divided: {} estimate it higher, {} lower.",
                of_staff(place.above, place.n(), lang),
                place.below
            ),
        },
        Verdict::Right if bands.band_of(e.students.shown()?.p) == typical => match lang {
            Lang::Nl => "; de medewerkers zien dat ook.".to_string(),
            Lang::En => "; staff see that too.".to_string(),
        },
        Verdict::Right => match lang {
            Lang::Nl => format!(
                "; het middelste antwoord van de medewerkers is {}, en dat ligt er dicht genoeg \
                 bij.",
                answer(typical)
            ),
            Lang::En => {
                format!(
                    "; the staff's middle answer is {}, which is close enough.",
                    answer(typical)
                )
            }
        },
        Verdict::DontKnow | Verdict::Unknown => return None,
    };
    Some(capitalised(&format!("{students}{staff_part}")))
}

/// The summary paragraphs of `report`, whose staff instrument is `staff`, in this order:
///
/// 1. Who took part: "40 studenten en 8 medewerkers deden mee." When students or staff
///    are fewer than `k`, only a paragraph that says so, without their number.
/// 2. How the estimates came out: "Het team ziet 10 van de 26 punten goed. Bij 6 punten
///    schat het team te laag, bij 4 te hoog. Bij 3 punten is het team verdeeld. Bij 1
///    punt weet het team het niet. Over 2 punten zijn te weinig antwoorden." Parts that
///    are zero are left out; without estimates the paragraph is.
/// 3. Up to [`MOST_GAPS`] of the biggest gaps, one [`estimate_sentence`] per paragraph:
///    first the biggest of every kind there is (over, under, divided, does not know), then
///    the next biggest of any kind; all ranked by [`super::Gap::weight`], biggest first,
///    ties in the staff instrument's order.
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
    out.extend(biggest_gaps(&estimates, staff, lang));
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

/// "1 punt" or "3 punten" (and in English).
fn points(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 punt".to_string(),
        (Lang::Nl, n) => format!("{n} punten"),
        (Lang::En, 1) => "1 point".to_string(),
        (Lang::En, n) => format!("{n} points"),
    }
}

/// The paragraph that counts the verdicts of `estimates`; `None` without estimates.
fn tally(estimates: &[&Estimate], lang: Lang) -> Option<String> {
    if estimates.is_empty() {
        return None;
    }
    let count = |v: Verdict| estimates.iter().filter(|e| e.verdict == v).count();
    let (right, under, over) = (count(Verdict::Right), count(Verdict::Under), count(Verdict::Over));
    let (divided, dont_know) = (count(Verdict::Divided), count(Verdict::DontKnow));
    let unknown = count(Verdict::Unknown);
    let mut sentences = Vec::new();
    if right > 0 {
        sentences.push(match lang {
            Lang::Nl => {
                format!("Het team ziet {right} van de {} goed.", points(estimates.len(), lang))
            }
            Lang::En => {
                format!("The team sees {right} of the {} right.", points(estimates.len(), lang))
            }
        });
    }
    match (lang, under, over) {
        (_, 0, 0) => {}
        (Lang::Nl, 0, o) => {
            sentences.push(format!("Bij {} schat het team te hoog.", points(o, lang)))
        }
        (Lang::Nl, u, 0) => {
            sentences.push(format!("Bij {} schat het team te laag.", points(u, lang)))
        }
        (Lang::Nl, u, o) => sentences
            .push(format!("Bij {} schat het team te laag, bij {o} te hoog.", points(u, lang))),
        (Lang::En, 0, o) => {
            sentences.push(format!("On {} the team estimates too high.", points(o, lang)));
        }
        (Lang::En, u, 0) => {
            sentences.push(format!("On {} the team estimates too low.", points(u, lang)));
        }
        (Lang::En, u, o) => sentences
            .push(format!("On {} the team estimates too low, on {o} too high.", points(u, lang))),
    }
    if divided > 0 {
        sentences.push(match lang {
            Lang::Nl => format!("Bij {} is het team verdeeld.", points(divided, lang)),
            Lang::En => format!("On {} the team is divided.", points(divided, lang)),
        });
    }
    if dont_know > 0 {
        sentences.push(match lang {
            Lang::Nl => format!("Bij {} weet het team het niet.", points(dont_know, lang)),
            Lang::En => format!("On {} the team does not know.", points(dont_know, lang)),
        });
    }
    if unknown > 0 {
        sentences.push(match (lang, unknown) {
            (Lang::Nl, 1) => "Over 1 punt zijn te weinig antwoorden.".to_string(),
            (Lang::Nl, n) => format!("Over {n} punten zijn te weinig antwoorden."),
            (Lang::En, n) => format!("On {} there are too few answers.", points(n, lang)),
        });
    }
    Some(sentences.join(" "))
}

/// The sentences of the biggest gaps among `estimates`, at most [`MOST_GAPS`]: first the
/// biggest of each kind, then the next biggest of any kind, ranked by weight.
fn biggest_gaps(estimates: &[&Estimate], staff: &Instrument, lang: Lang) -> Vec<String> {
    const KINDS: [Verdict; 4] =
        [Verdict::Over, Verdict::Under, Verdict::Divided, Verdict::DontKnow];
    // Items `staff` does not hold get no sentence anyway; they sort last.
    let order =
        |e: &Estimate| staff.items().position(|(_, i)| i.id == e.staff_item).unwrap_or(usize::MAX);
    let mut gaps: Vec<(f64, usize, &Estimate)> = estimates
        .iter()
        .filter(|e| KINDS.contains(&e.verdict))
        .filter_map(|e| Some((e.gap?.weight, order(e), *e)))
        .collect();
    // Biggest first; equal weights in the staff instrument's order.
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<(f64, usize, &Estimate)> = Vec::new();
    for kind in KINDS {
        if let Some(top) = gaps.iter().find(|g| g.2.verdict == kind) {
            chosen.push(*top);
        }
    }
    for g in &gaps {
        if chosen.len() >= MOST_GAPS {
            break;
        }
        if !chosen.iter().any(|c| std::ptr::eq(c.2, g.2)) {
            chosen.push(*g);
        }
    }
    chosen.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    chosen
        .iter()
        .filter_map(|(_, _, e)| estimate_sentence(e, staff, lang))
        .take(MOST_GAPS)
        .collect()
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
/// "(bijna) alle" becomes "(Bijna) alle". A sentence that starts with a number stays as
/// it is: "6 van de 8".
fn capitalised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut done = false;
    for c in s.chars() {
        if !done && c.is_alphanumeric() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}
