//! One theme of the mirror: its questions on one chart, each question's full table with
//! the step of planmatig werken a gap points to, and the statements asked of both groups.

use leptos::prelude::*;

use super::{points_of, row_of, step_line, text_of, MirrorData};
use crate::domain::analysis::{planmatig, ThemeReport, Verdict};
use crate::domain::instrument::ItemKind;
use crate::domain::text::Lang;
use crate::ui::team::components::mirror_chart::{
    verdict_badge, EstimateTable, GapChart, OrdinalChart, OrdinalRow,
};
use crate::ui::team::i18n::mirror::MirrorWords;

/// The statements of theme `t` asked of both groups, as chart rows.
pub(super) fn ordinal_rows(d: &MirrorData, t: &ThemeReport, lang: Lang) -> Vec<OrdinalRow> {
    t.ordinals
        .iter()
        .map(|o| OrdinalRow {
            key: format!("{}-{}", o.staff_item, o.staff_row.clone().unwrap_or_default()),
            statement: text_of(&d.student, &o.student_item, o.student_row.as_deref(), lang),
            points: points_of(&d.student, &o.student_item, lang).len(),
            ordinal: o.clone(),
        })
        .collect()
}

/// The labels of the student answers an estimate counts, e.g. "Niveau 3, Niveau 4".
fn codes_of(d: &MirrorData, item: &str, codes: &[String], lang: Lang) -> String {
    let Some(it) = d.student.item(item) else { return codes.join(", ") };
    let choices = match &it.kind {
        ItemKind::Matrix { points, .. } => points.clone(),
        kind => kind.choices(),
    };
    codes
        .iter()
        .map(|c| {
            choices
                .iter()
                .find(|x| x.code == *c)
                .map_or_else(|| c.clone(), |x| x.label.get(lang).to_string())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One theme, as the page's own view.
pub(super) fn theme_view(
    d: &MirrorData,
    t: &ThemeReport,
    w: &'static MirrorWords,
    lang: Lang,
) -> impl IntoView {
    let rows: Vec<_> = t.estimates.iter().map(|e| row_of(d, e, lang)).collect();
    let details = t
        .estimates
        .iter()
        .map(|e| {
            let question = text_of(&d.staff, &e.staff_item, None, lang);
            let codes = codes_of(d, &e.student_item, &e.codes, lang);
            let step = planmatig::for_verdict(e.verdict).map(|s| step_line(s, w, lang));
            let size = e.gap.and_then(|g| g.size);
            view! {
                <li class="estimate" data-testid=format!("estimate-{}", e.staff_item)>
                    <h2 class="estimate__question">{question.clone()}</h2>
                    {verdict_badge(e.verdict, size, lang, format!("estimate-verdict-{}", e.staff_item))}
                    <EstimateTable w lang question codes estimate=e.clone() />
                    {step}
                </li>
            }
        })
        .collect_view();
    let statements = ordinal_rows(d, t, lang);
    let has_estimates = !t.estimates.is_empty();
    let has_statements = !statements.is_empty();
    view! {
        <section class="theme" data-testid=format!("theme-detail-{}", t.theme)>
            <h1 id="question-title" tabindex="-1">{t.label.get(lang).to_string()}</h1>
            {has_estimates.then(|| view! {
                <div class="theme__verdict">
                    {verdict_badge(t.verdict, t.size, lang, format!("theme-verdict-{}", t.theme))}
                    <details class="rule">
                        <summary>{w.rule_heading}</summary>
                        <p class="rule__text">{Verdict::rule(lang)}</p>
                    </details>
                </div>
                <GapChart w lang id=format!("theme-chart-{}", t.theme) caption=w.theme_caption.to_string() rows />
                <ul class="estimates">{details}</ul>
            })}
            {has_statements.then(|| view! {
                <h2>{w.ordinals}</h2>
                <p>{w.ordinals_intro}</p>
                <OrdinalChart w lang id=format!("theme-ordinals-{}", t.theme) rows=statements />
            })}
        </section>
    }
}
