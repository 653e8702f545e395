//! Accessible charts of the mirror: an SVG drawing with a data table beside it that holds
//! every number the drawing shows. The drawing never relies on colour alone: the
//! majority band is hatched and named, the student share is labelled.

use leptos::prelude::*;

use crate::domain::analysis::{Bands, Estimate, Figure, Ordinal};
use crate::domain::text::Lang;
use crate::ui::team::i18n::mirror::{band_name, num, pct, pct_range, MirrorWords};

/// Width of the drawing in SVG units; it scales to the column.
const W: f64 = 340.0;
/// Left and right margin.
const M: f64 = 14.0;

/// The x of a share 0..=1.
fn x(p: f64) -> f64 {
    M + p.clamp(0.0, 1.0) * (W - 2.0 * M)
}

/// The axis under a 0–100 % drawing, at height `y`.
fn percent_axis(y: f64, lang: Lang) -> impl IntoView {
    let ticks = [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|p| {
            view! {
                <line x1=x(p) x2=x(p) y1=y y2=y + 5.0 class="chart__tick" />
                <text x=x(p) y=y + 18.0 text-anchor="middle" class="chart__axis">{pct(p, lang)}</text>
            }
        })
        .collect_view();
    view! {
        <line x1=x(0.0) x2=x(1.0) y1=y y2=y class="chart__axis-line" />
        {ticks}
    }
}

/// One share estimate: what students say (share and interval) against the staff answers
/// over the five bands, drawn and tabled.
#[component]
pub fn EstimateChart(
    /// Words in the page's language.
    w: &'static MirrorWords,
    /// Language, for numbers.
    lang: Lang,
    /// A unique id for the drawing's title and description.
    id: String,
    /// The staff question.
    question: String,
    /// The figures.
    estimate: Estimate,
    /// What the bands stand for.
    bands: Bands,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let students = estimate.students.shown().copied();
    let staff = estimate.staff.shown().copied();
    let mut desc = Vec::new();
    if let Some(s) = students {
        desc.push(format!(
            "{}: {} ({} {}).",
            w.students,
            pct(s.p, lang),
            w.margin,
            pct_range(s.ci.lo, s.ci.hi, lang)
        ));
    }
    if let Some(t) = staff {
        let parts: Vec<String> = t
            .counts
            .iter()
            .enumerate()
            .map(|(b, c)| format!("{} {c}", band_name(b, lang)))
            .collect();
        desc.push(format!("{}: {}.", w.staff, parts.join(", ")));
    }
    let drawing = (students.is_some() || staff.is_some()).then(|| {
        let student_part = students.map(|s| {
            view! {
                <text x=M y=14 class="chart__label">{format!("{} (n = {})", w.students, s.n)}</text>
                <rect x=x(0.0) y=22 width=x(s.p) - x(0.0) height=18 class="chart__share" />
                <line x1=x(s.ci.lo) x2=x(s.ci.hi) y1=31 y2=31 class="chart__ci" />
                <line x1=x(s.ci.lo) x2=x(s.ci.lo) y1=24 y2=38 class="chart__ci" />
                <line x1=x(s.ci.hi) x2=x(s.ci.hi) y1=24 y2=38 class="chart__ci" />
                <text x=(x(s.ci.hi) + 6.0).min(W - 40.0) y=36 class="chart__value">{pct(s.p, lang)}</text>
            }
        });
        let staff_part = staff.map(|t| {
            let top = t.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
            let majority = t.majority();
            let bars = t
                .counts
                .iter()
                .enumerate()
                .map(|(b, &c)| {
                    let (lo, hi) = bands.range(b);
                    let (x0, x1) = (x(f64::from(lo) / 100.0), x(f64::from(hi) / 100.0));
                    let h = 52.0 * c as f64 / top;
                    let class = if majority == Some(b) {
                        "chart__band chart__band--majority"
                    } else {
                        "chart__band"
                    };
                    view! {
                        <rect x=x0 + 1.0 y=124.0 - h width=(x1 - x0 - 2.0).max(1.0) height=h class=class />
                        <text x=(x0 + x1) / 2.0 y=118.0 - h text-anchor="middle" class="chart__value">{c}</text>
                    }
                })
                .collect_view();
            view! {
                <text x=M y=58 class="chart__label">{format!("{} (n = {})", w.staff, t.n)}</text>
                {bars}
            }
        });
        view! {
            <svg class="chart" viewBox=format!("0 0 {W} 150") role="img"
                aria-labelledby=format!("{title_id} {desc_id}")>
                <title id=title_id.clone()>{question.clone()}</title>
                <desc id=desc_id.clone()>{desc.join(" ")}</desc>
                <defs>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="chart__hatch-bg" />
                        <line x1="0" y1="0" x2="0" y2="6" class="chart__hatch" />
                    </pattern>
                </defs>
                {student_part}
                {staff_part}
                {percent_axis(126.0, lang)}
            </svg>
        }
    });
    let student_row = match &estimate.students {
        Figure::Shown(s) => view! {
            <tr>
                <th scope="row">{w.students}</th>
                <td>{format!("{} ({} {})", pct(s.p, lang), w.margin, pct_range(s.ci.lo, s.ci.hi, lang))}</td>
                <td>{format!("{} {} {}", s.x, w.of, s.n)}</td>
            </tr>
        }
        .into_any(),
        f @ Figure::Suppressed { .. } => view! {
            <tr class="data__suppressed">
                <th scope="row">{w.students}</th>
                <td colspan="2" data-testid="suppressed">{f.why(lang).unwrap_or_default()}</td>
            </tr>
        }
        .into_any(),
    };
    let staff_rows = match &estimate.staff {
        Figure::Shown(t) => {
            let majority = t.majority();
            t.counts
                .iter()
                .enumerate()
                .map(|(b, &c)| {
                    let (lo, hi) = bands.range(b);
                    let mark = if majority == Some(b) { format!(" · {}", w.majority) } else { String::new() };
                    view! {
                        <tr>
                            <th scope="row">{format!("{}: {} ({lo}–{hi} %)", w.staff, band_name(b, lang))}</th>
                            <td>{format!("{c} {} {}{mark}", w.of, t.n)}</td>
                            <td>{pct(c as f64 / t.n.max(1) as f64, lang)}</td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        }
        f @ Figure::Suppressed { .. } => view! {
            <tr class="data__suppressed">
                <th scope="row">{w.staff}</th>
                <td colspan="2" data-testid="suppressed">{f.why(lang).unwrap_or_default()}</td>
            </tr>
        }
        .into_any(),
    };
    view! {
        <div class="figure">
            {drawing}
            <table class="data">
                <caption class="visually-hidden">{question}</caption>
                <thead><tr><th scope="col">{w.who}</th><th scope="col">{w.answer}</th><th scope="col">{w.count}</th></tr></thead>
                <tbody>{student_row}{staff_rows}</tbody>
            </table>
        </div>
    }
}

/// One statement asked of both groups on the same scale: means drawn on the scale, and
/// the figures in a table.
#[component]
pub fn OrdinalChart(
    /// Words in the page's language.
    w: &'static MirrorWords,
    /// Language, for numbers.
    lang: Lang,
    /// A unique id for the drawing's title.
    id: String,
    /// The statement.
    statement: String,
    /// The number of points of the scale.
    points: usize,
    /// The figures.
    ordinal: Ordinal,
) -> impl IntoView {
    let points = points.max(2);
    let at = move |mean: f64| x((mean - 1.0) / (points - 1) as f64);
    let title_id = format!("{id}-title");
    let marks = [(&ordinal.students, w.students_short, 20.0), (&ordinal.staff, w.staff_short, 44.0)]
        .into_iter()
        .filter_map(|(g, letter, y)| {
            let g = g.shown()?;
            Some(view! {
                <circle cx=at(g.mean) cy=y r="9" class="chart__dot" />
                <text x=at(g.mean) y=y + 4.0 text-anchor="middle" class="chart__dot-letter">{letter}</text>
            })
        })
        .collect_view();
    let ticks = (1..=points)
        .map(|p| {
            let px = at(p as f64);
            view! {
                <line x1=px x2=px y1=60 y2=65 class="chart__tick" />
                <text x=px y=78 text-anchor="middle" class="chart__axis">{p}</text>
            }
        })
        .collect_view();
    let drawing = (ordinal.students.shown().is_some() || ordinal.staff.shown().is_some()).then(|| {
        view! {
            <svg class="chart chart--ordinal" viewBox=format!("0 0 {W} 84") role="img" aria-labelledby=title_id.clone()>
                <title id=title_id.clone()>{format!("{statement} — {} {} / {} {}", w.students_short, w.students, w.staff_short, w.staff)}</title>
                <line x1=at(1.0) x2=at(points as f64) y1=60 y2=60 class="chart__axis-line" />
                {ticks}
                {marks}
            </svg>
        }
    });
    let row = |name: &'static str, g: &Figure<crate::domain::analysis::Group>| match g {
        Figure::Shown(g) => view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{num(g.mean, lang)}</td>
                <td>{pct(g.agree, lang)}</td>
                <td>{g.n}</td>
            </tr>
        }
        .into_any(),
        f => view! {
            <tr class="data__suppressed">
                <th scope="row">{name}</th>
                <td colspan="3" data-testid="suppressed">{f.why(lang).unwrap_or_default()}</td>
            </tr>
        }
        .into_any(),
    };
    let difference = match (&ordinal.mean_diff, &ordinal.agree_diff) {
        (Figure::Shown(m), Figure::Shown(a)) => Some(view! {
            <tr>
                <th scope="row">{w.difference}</th>
                <td>{format!("{} ({}–{})", num(m.diff, lang), num(m.ci.lo, lang), num(m.ci.hi, lang))}</td>
                <td>{format!("{} ({})", pct(a.diff, lang), pct_range(a.ci.lo, a.ci.hi, lang))}</td>
                <td></td>
            </tr>
        }),
        _ => None,
    };
    view! {
        <div class="figure">
            {drawing}
            <table class="data">
                <caption class="visually-hidden">{statement}</caption>
                <thead><tr>
                    <th scope="col">{w.who}</th>
                    <th scope="col">{format!("{} (1–{points})", w.mean)}</th>
                    <th scope="col">{w.agree}</th>
                    <th scope="col">"n"</th>
                </tr></thead>
                <tbody>
                    {row(w.students, &ordinal.students)}
                    {row(w.staff, &ordinal.staff)}
                    {difference}
                </tbody>
            </table>
        </div>
    }
}
