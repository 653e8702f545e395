//! Accessible charts of the mirror, each with a table that holds every number it shows.
//!
//! - [`GapChart`]: one row per share estimate on one shared 0–100 % axis: what students
//!   say (the share with its margin) and how the staff answers spread over their ranges,
//!   each row marked with its verdict in a sign and words, never colour alone.
//! - [`EstimateTable`]: one estimate in full, students and staff in the same columns.
//! - [`OrdinalChart`]: statements asked of both groups, their means on one shared scale.
//!
//! Labels are HTML next to the drawings, so they wrap on a narrow screen and are never
//! clipped; the drawings only scale.

use leptos::prelude::*;

use crate::domain::analysis::{
    Estimate, Figure, Group, Ordinal, Placement, Side, Size, Unsure, Verdict,
};
use crate::domain::text::Lang;
use crate::ui::team::i18n::mirror::{band_name, num, pct, pct_range, MirrorWords};

/// Width of a drawing in SVG units; it scales to the column.
const W: f64 = 340.0;
/// Left and right margin.
const M: f64 = 12.0;

/// The x of a share 0..=1.
fn x(p: f64) -> f64 {
    M + p.clamp(0.0, 1.0) * (W - 2.0 * M)
}

/// The badge class and sign of a verdict: the sign and the words carry it, not colour.
pub fn badge(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Right => ("right", "✓"),
        Verdict::Over => ("over", "▲"),
        Verdict::Under => ("under", "▼"),
        Verdict::Divided => ("divided", "↔"),
        Verdict::DontKnow => ("dontknow", "?"),
        Verdict::Unknown => ("unknown", "–"),
    }
}

/// A verdict badge, with the gap's size in its words ("Team overschat: te hoog").
pub fn verdict_badge(v: Verdict, size: Option<Size>, lang: Lang, testid: String) -> impl IntoView {
    let (class, sign) = badge(v);
    view! {
        <span class=format!("verdict verdict--{class}") data-testid=testid data-verdict=format!("{v:?}")>
            <span aria-hidden="true" class="verdict__sign">{sign}</span>" "{v.sized_label(size, lang)}
        </span>
    }
}

/// The 0–100 % axis above or below the rows of a [`GapChart`].
fn axis(lang: Lang) -> impl IntoView {
    let ticks = [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|p| {
            let anchor = if p == 0.0 {
                "start"
            } else if p == 1.0 {
                "end"
            } else {
                "middle"
            };
            view! {
                <line x1=x(p) x2=x(p) y1=16 y2=22 class="chart__tick" />
                <text x=x(p) y=12 text-anchor=anchor class="chart__axis">{pct(p, lang)}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="gaps__axis" viewBox=format!("0 0 {W} 24") aria-hidden="true" focusable="false">
            <line x1=x(0.0) x2=x(1.0) y1=22 y2=22 class="chart__axis-line" />
            {ticks}
        </svg>
    }
}

/// One question in a [`GapChart`].
#[derive(Debug, Clone)]
pub struct GapRow {
    /// A unique key, for test ids.
    pub key: String,
    /// What the question is about, in words.
    pub label: String,
    /// The figures.
    pub estimate: Estimate,
}

/// The staff middle answer and the side counts, in words: "middelste antwoord: een groot
/// deel (60–90 %); 6 hoger, 2 raakt, 0 lager".
fn staff_words(e: &Estimate, w: &'static MirrorWords, lang: Lang) -> Option<String> {
    let counts = e.staff.shown()?;
    let low = e.typical()?;
    let middle =
        format!("{}: {} ({})", w.middle, band_name(low, lang), e.bands.range_text(low, lang));
    Some(match e.placement {
        Some(Placement { below, on, above }) => format!(
            "{middle}; {above} {}, {on} {}, {below} {} ({} {})",
            w.higher, w.same, w.lower, w.of_n, counts.n
        ),
        None => format!("{middle} ({} {})", w.of_n, counts.n),
    })
}

/// "3 van de 8 medewerkers weten het niet" (shown only when someone does not know).
fn unsure_words(u: &Unsure, who: &str, w: &'static MirrorWords) -> Option<String> {
    let verb = if u.count == 1 { w.do_not_know_one } else { w.do_not_know };
    (u.count > 0).then(|| format!("{} {} {} {who} {verb}", u.count, w.of_the, u.of))
}

/// What students say, in words: "25 % (marge 21–29 %), van 412".
fn students_words(e: &Estimate, w: &'static MirrorWords, lang: Lang) -> String {
    match &e.students {
        Figure::Shown(s) => format!(
            "{} ({} {}), {} {}",
            pct(s.p, lang),
            w.margin,
            pct_range(s.ci.lo, s.ci.hi, lang),
            w.of_n,
            s.n
        ),
        f => f.why(lang).unwrap_or_default(),
    }
}

/// The drawing of one estimate: the students' share and margin on top, the staff answers
/// below as bars over their ranges (taller is more staff; the middle answer outlined).
fn strip(e: &Estimate, desc: String) -> Option<impl IntoView> {
    let students = e.students.shown().copied();
    let staff = e.staff.shown().copied();
    if students.is_none() && staff.is_none() {
        return None;
    }
    let student_part = students.map(|s| {
        view! {
            <line x1=x(s.ci.lo) x2=x(s.ci.hi) y1=8 y2=8 class="chart__ci" />
            <line x1=x(s.ci.lo) x2=x(s.ci.lo) y1=3 y2=13 class="chart__ci" />
            <line x1=x(s.ci.hi) x2=x(s.ci.hi) y1=3 y2=13 class="chart__ci" />
            <circle cx=x(s.p) cy=8 r="5" class="chart__share-dot" />
        }
    });
    let staff_part = staff.map(|t| {
        let middle = e.typical();
        let top = t.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
        t.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(b, &c)| {
                let (lo, hi) = e.bands.share_range(b);
                let h = 4.0 + 14.0 * c as f64 / top;
                let side = match students {
                    Some(s) => match Placement::side(b, &s, &e.bands) {
                        Side::On => "on",
                        Side::Above | Side::Below => "off",
                    },
                    None => "on",
                };
                let class = if middle == Some(b) {
                    format!("chart__band chart__band--{side} chart__band--middle")
                } else {
                    format!("chart__band chart__band--{side}")
                };
                view! {
                    <rect x=x(lo) + 1.0 y=36.0 - h width=(x(hi) - x(lo) - 2.0).max(2.0) height=h class=class />
                }
            })
            .collect_view()
    });
    Some(view! {
        <svg class="gap__strip" viewBox=format!("0 0 {W} 38") role="img" aria-label=desc>
            <line x1=x(0.0) x2=x(1.0) y1=37 y2=37 class="chart__base" />
            {staff_part}
            {student_part}
        </svg>
    })
}

/// Share estimates on one shared 0–100 % axis, one row each, in the order given (the
/// overview sorts them by the size of the gap), with a table that holds every number.
#[component]
pub fn GapChart(
    /// Words in the page's language.
    w: &'static MirrorWords,
    /// Language.
    lang: Lang,
    /// A unique id, for the test id and the caption.
    id: String,
    /// What the chart shows.
    caption: String,
    /// The questions.
    rows: Vec<GapRow>,
    /// Whether the table starts open (the printed report).
    #[prop(optional)]
    open_table: bool,
) -> impl IntoView {
    let items = rows
        .iter()
        .map(|r| {
            let e = &r.estimate;
            let size = e.gap.and_then(|g| g.size);
            let (class, _) = badge(e.verdict);
            let mut desc = vec![format!("{}: {}.", w.students, students_words(e, w, lang))];
            if let Some(s) = staff_words(e, w, lang) {
                desc.push(format!("{}: {s}.", w.staff));
            }
            let unsure = e
                .staff_unsure
                .shown()
                .and_then(|u| unsure_words(u, w.staff_members, w))
                .map(|t| view! { <p class="gap__note">{t}</p> });
            let hidden = (e.staff.shown().is_none() && e.verdict != Verdict::DontKnow)
                .then(|| e.staff.why(lang))
                .flatten()
                .or_else(|| e.students.shown().is_none().then(|| e.students.why(lang)).flatten())
                .map(|t| view! { <p class="gap__note" data-testid="suppressed">{t}</p> });
            view! {
                <li class=format!("gap gap--{class}") data-testid=format!("gap-{}", r.key) data-verdict=format!("{:?}", e.verdict)>
                    <p class="gap__label">
                        {verdict_badge(e.verdict, size, lang, format!("gap-verdict-{}", r.key))}
                        " "<span>{r.label.clone()}</span>
                    </p>
                    {strip(e, desc.join(" "))}
                    {unsure}
                    {hidden}
                </li>
            }
        })
        .collect_view();
    let table_rows = rows
        .iter()
        .map(|r| {
            let e = &r.estimate;
            let mut students = students_words(e, w, lang);
            if let Some(t) = e.students_unsure.shown().and_then(|u| {
                (u.count > 0).then(|| format!("{} {}", pct(u.share(), lang), w.students_unsure))
            }) {
                students = format!("{students}; {t}");
            }
            let mut staff = match staff_words(e, w, lang) {
                Some(s) => s,
                None if e.verdict == Verdict::DontKnow => String::new(),
                None => e.staff.why(lang).unwrap_or_default(),
            };
            if let Some(t) =
                e.staff_unsure.shown().and_then(|u| unsure_words(u, w.staff_members, w))
            {
                staff = if staff.is_empty() { t } else { format!("{staff}; {t}") };
            }
            let size = e.gap.and_then(|g| g.size);
            let how_far =
                e.gap.filter(|_| matches!(e.verdict, Verdict::Over | Verdict::Under)).map(|g| {
                    format!(
                        " ({} {}, {} {})",
                        g.bands.abs(),
                        w.bands_word,
                        num(g.points.abs(), lang),
                        w.points_word
                    )
                });
            view! {
                <tr data-testid=format!("gap-row-{}", r.key)>
                    <th scope="row">{r.label.clone()}</th>
                    <td>{students}</td>
                    <td>{staff}</td>
                    <td>{e.verdict.sized_label(size, lang)}{how_far}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="gaps" data-testid=id.clone()>
            <figcaption class="gaps__caption">{caption.clone()}</figcaption>
            <p class="gaps__legend">{w.gap_legend}</p>
            {axis(lang)}
            <ol class="gaps__rows">{items}</ol>
            {axis(lang)}
            <details class="gaps__table" open=open_table>
                <summary>{w.table_of_chart}</summary>
                <table class="data" data-testid=format!("{id}-table")>
                    <caption class="visually-hidden">{caption}</caption>
                    <thead><tr>
                        <th scope="col">{w.question}</th>
                        <th scope="col">{w.students}</th>
                        <th scope="col">{w.staff}</th>
                        <th scope="col">{w.verdict}</th>
                    </tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
                <p class="question__hint">{w.denominators}</p>
            </details>
        </figure>
    }
}

/// One estimate in full: students and staff in the same four columns (group, answer,
/// number, percentage), "weet ik niet" on its own row for each, with what each
/// percentage is out of.
#[component]
pub fn EstimateTable(
    /// Words in the page's language.
    w: &'static MirrorWords,
    /// Language.
    lang: Lang,
    /// The question, as caption.
    question: String,
    /// The student answers the share counts, in words ("Direct gaan werken").
    codes: String,
    /// The figures.
    estimate: Estimate,
) -> impl IntoView {
    let e = estimate;
    let row = |group: &'static str, answer: String, count: String, share: String| {
        view! {
            <tr><th scope="row">{group}</th><td>{answer}</td><td>{count}</td><td>{share}</td></tr>
        }
    };
    let hidden = |group: &'static str, why: Option<String>| {
        view! {
            <tr class="data__suppressed">
                <th scope="row">{group}</th>
                <td colspan="3" data-testid="suppressed">{why.unwrap_or_default()}</td>
            </tr>
        }
    };
    let students = match &e.students {
        Figure::Shown(s) => row(
            w.students,
            codes,
            format!("{} {} {}", s.x, w.of, s.n),
            format!("{} ({} {})", pct(s.p, lang), w.margin, pct_range(s.ci.lo, s.ci.hi, lang)),
        )
        .into_any(),
        f => hidden(w.students, f.why(lang)).into_any(),
    };
    let unsure_row = |group: &'static str, f: &Figure<Unsure>| {
        f.shown().filter(|u| u.count > 0).map(|u| {
            row(
                group,
                w.dont_know.to_string(),
                format!("{} {} {}", u.count, w.of, u.of),
                pct(u.share(), lang),
            )
        })
    };
    let staff = match &e.staff {
        Figure::Shown(t) => t
            .counts
            .iter()
            .enumerate()
            .map(|(b, &c)| {
                row(
                    w.staff,
                    format!("{} ({})", band_name(b, lang), e.bands.range_text(b, lang)),
                    format!("{c} {} {}", w.of, t.n),
                    pct(c as f64 / t.n.max(1) as f64, lang),
                )
            })
            .collect_view()
            .into_any(),
        f if e.verdict == Verdict::DontKnow => {
            let _ = f;
            ().into_any()
        }
        f => hidden(w.staff, f.why(lang)).into_any(),
    };
    view! {
        <table class="data">
            <caption>{question}</caption>
            <thead><tr>
                <th scope="col">{w.who}</th>
                <th scope="col">{w.answer}</th>
                <th scope="col">{w.count}</th>
                <th scope="col">{w.share}</th>
            </tr></thead>
            <tbody>
                {students}
                {unsure_row(w.students, &e.students_unsure)}
                {staff}
                {unsure_row(w.staff, &e.staff_unsure)}
            </tbody>
        </table>
    }
}

/// One statement in an [`OrdinalChart`].
#[derive(Debug, Clone)]
pub struct OrdinalRow {
    /// A unique key, for test ids.
    pub key: String,
    /// The statement.
    pub statement: String,
    /// The number of points of its scale.
    pub points: usize,
    /// The figures.
    pub ordinal: Ordinal,
}

/// Statements asked of both groups on one shared scale (1 to the number of points): the
/// means of students (S) and staff (M) per statement, and a table with the same columns
/// for both groups.
#[component]
pub fn OrdinalChart(
    /// Words in the page's language.
    w: &'static MirrorWords,
    /// Language, for numbers.
    lang: Lang,
    /// A unique id, for the test id.
    id: String,
    /// The statements.
    rows: Vec<OrdinalRow>,
) -> impl IntoView {
    let points = rows.iter().map(|r| r.points).max().unwrap_or(4).max(2);
    let at = move |mean: f64| x((mean - 1.0) / (points - 1) as f64);
    let ticks = (1..=points)
        .map(|p| {
            let px = at(p as f64);
            view! {
                <line x1=px x2=px y1=16 y2=22 class="chart__tick" />
                <text x=px y=12 text-anchor="middle" class="chart__axis">{p}</text>
            }
        })
        .collect_view();
    let scale = view! {
        <svg class="gaps__axis" viewBox=format!("0 0 {W} 24") aria-hidden="true" focusable="false">
            <line x1=at(1.0) x2=at(points as f64) y1=22 y2=22 class="chart__axis-line" />
            {ticks}
        </svg>
    };
    let items = rows
        .iter()
        .map(|r| {
            let o = &r.ordinal;
            let marks = [(&o.students, w.students_short, 10.0), (&o.staff, w.staff_short, 28.0)]
                .into_iter()
                .filter_map(|(g, letter, y)| {
                    let g = g.shown()?;
                    Some(view! {
                        <circle cx=at(g.mean) cy=y r="8" class="chart__dot" />
                        <text x=at(g.mean) y=y + 4.0 text-anchor="middle" class="chart__dot-letter">{letter}</text>
                    })
                })
                .collect_view();
            let desc = [(&o.students, w.students), (&o.staff, w.staff)]
                .iter()
                .map(|(g, who)| match g.shown() {
                    Some(g) => format!("{who}: {} {}.", w.mean, num(g.mean, lang)),
                    None => format!("{who}: {}.", g.why(lang).unwrap_or_default()),
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! {
                <li class="gap" data-testid=format!("ordinal-{}", r.key)>
                    <p class="gap__label">{r.statement.clone()}</p>
                    <svg class="gap__strip" viewBox=format!("0 0 {W} 38") role="img" aria-label=desc>
                        <line x1=at(1.0) x2=at(points as f64) y1=37 y2=37 class="chart__base" />
                        {marks}
                    </svg>
                </li>
            }
        })
        .collect_view();
    let table_rows = rows
        .iter()
        .map(|r| {
            let o = &r.ordinal;
            let line = |who: &'static str, g: &Figure<Group>, first: bool| {
                let statement = first.then(|| view! { <th scope="rowgroup" rowspan="3">{r.statement.clone()}</th> });
                match g {
                    Figure::Shown(g) => view! {
                        <tr>{statement}<th scope="row">{who}</th><td>{num(g.mean, lang)}</td><td>{pct(g.agree, lang)}</td><td>{g.n}</td></tr>
                    }
                    .into_any(),
                    f => view! {
                        <tr class="data__suppressed">{statement}<th scope="row">{who}</th>
                            <td colspan="3" data-testid="suppressed">{f.why(lang).unwrap_or_default()}</td></tr>
                    }
                    .into_any(),
                }
            };
            let difference = match (&o.mean_diff, &o.agree_diff) {
                (Figure::Shown(m), Figure::Shown(a)) => view! {
                    <tr>
                        <th scope="row">{w.difference}</th>
                        <td>{format!("{} ({}–{})", num(m.diff, lang), num(m.ci.lo, lang), num(m.ci.hi, lang))}</td>
                        <td>{format!("{} ({})", pct(a.diff, lang), pct_range(a.ci.lo, a.ci.hi, lang))}</td>
                        <td></td>
                    </tr>
                }
                .into_any(),
                _ => view! { <tr><th scope="row">{w.difference}</th><td colspan="3">{w.hidden}</td></tr> }.into_any(),
            };
            view! {
                {line(w.students, &o.students, true)}
                {line(w.staff, &o.staff, false)}
                {difference}
            }
        })
        .collect_view();
    view! {
        <figure class="gaps" data-testid=id>
            <p class="gaps__legend">{format!("{} (1–{points})", w.ordinal_legend)}</p>
            {scale}
            <ol class="gaps__rows">{items}</ol>
            <details class="gaps__table">
                <summary>{w.table_of_chart}</summary>
                <table class="data">
                    <thead><tr>
                        <th scope="col">{w.statement}</th>
                        <th scope="col">{w.who}</th>
                        <th scope="col">{format!("{} (1–{points})", w.mean)}</th>
                        <th scope="col">{w.agree}</th>
                        <th scope="col">"n"</th>
                    </tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
