//! The mirror: what students say against what staff think, per theme.
//!
//! Three views of one [`Report`]: the overview (summary, a badge per theme, the team's
//! own approach, the two roles, the change since an earlier meting), the detail of one
//! theme (a chart and a data table per question), and the printable team report, which
//! holds all of it. Every figure that rests on fewer than `k` answers is left out, with
//! the reason in its place.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::analysis::planmatig::{self, Step};
use crate::domain::analysis::summary::{summary, what};
use crate::domain::analysis::{
    analyse_tables, compare, Bands, Figure, Report, Settings, Table, ThemeReport, Verdict, MIN_K,
};
use crate::domain::instrument::{Instrument, ItemKind};
use crate::domain::text::Lang;
use crate::ui::browser::{focus, next_paint, print};
use crate::ui::team::components::mirror_chart::{EstimateChart, OrdinalChart};
mod team;

use crate::ui::team::i18n::mirror::{mirror_words, ordinal_counts, MirrorWords};
use team::{change_view, roles_view, team_view};

/// Everything the mirror compares, opened from the metingen on this device.
#[derive(Debug, Clone)]
pub struct MirrorData {
    /// The student vragenlijst.
    pub student: Instrument,
    /// The staff vragenlijst that mirrors it.
    pub staff: Instrument,
    /// The student meting's label.
    pub students_label: String,
    /// The staff meting's label.
    pub staff_label: String,
    /// The students' responses.
    pub students: Table,
    /// The staff responses.
    pub staff_responses: Table,
    /// An earlier pair for the change over time: labels and tables.
    pub before: Option<(String, Table, Table)>,
    /// Collected responses that could not be opened (damaged in storage).
    pub unreadable: usize,
}

/// Which view of the mirror is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MirrorView {
    /// All themes with their verdicts.
    Overview,
    /// One theme (by id).
    Theme(String),
    /// The printable team report.
    Report,
}

/// The mirror's state that outlives a change of language: the view and the settings.
#[derive(Debug, Clone, Copy)]
pub struct MirrorState {
    /// The view shown.
    pub view: RwSignal<MirrorView>,
    /// `k` and the bands.
    pub settings: RwSignal<Settings>,
}

impl MirrorState {
    /// The overview with the default settings.
    pub fn new() -> MirrorState {
        MirrorState {
            view: RwSignal::new(MirrorView::Overview),
            settings: RwSignal::new(Settings::default()),
        }
    }
}

impl Default for MirrorState {
    fn default() -> Self {
        MirrorState::new()
    }
}

/// The badge class and sign of a verdict: the sign and the words carry it, not colour.
fn badge(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Right => ("right", "✓"),
        Verdict::Over => ("over", "▲"),
        Verdict::Under => ("under", "▼"),
        Verdict::Divided => ("divided", "↔"),
        Verdict::Unknown => ("unknown", "–"),
    }
}

/// A verdict badge.
fn verdict_badge(v: Verdict, lang: Lang, testid: String) -> impl IntoView {
    let (class, sign) = badge(v);
    view! {
        <span class=format!("verdict verdict--{class}") data-testid=testid data-verdict=format!("{v:?}")>
            <span aria-hidden="true" class="verdict__sign">{sign}</span>" "{v.label(lang)}
        </span>
    }
}

/// The step of planmatig werken a gap points to.
fn step_view(step: Step, w: &'static MirrorWords, lang: Lang) -> impl IntoView {
    view! {
        <p class="step" data-testid="step" data-step=step.number()>
            <strong>{format!("{} {} {}: {}.", w.step, step.number(), w.of_cycle, step.name(lang))}</strong>
            " "{step.advice(lang)}
        </p>
    }
}

/// A heading one level below the view's own: `h2` on a theme's page, `h3` in the report.
fn subheading(page: bool, class: &'static str, text: String) -> AnyView {
    if page {
        view! { <h2 class=class>{text}</h2> }.into_any()
    } else {
        view! { <h3 class=class>{text}</h3> }.into_any()
    }
}

/// The question text of an item (or a matrix row) in `lang`.
fn text_of(instrument: &Instrument, item: &str, row: Option<&str>, lang: Lang) -> String {
    let Some(it) = instrument.item(item) else { return item.to_string() };
    match (&it.kind, row) {
        (ItemKind::Matrix { rows, .. }, Some(r)) => rows
            .iter()
            .find(|x| x.id == r)
            .map_or_else(|| r.to_string(), |x| x.text.get(lang).to_string()),
        _ => it.text.get(lang).to_string(),
    }
}

/// The points of a scale item or matrix, for labels.
fn points_of(instrument: &Instrument, item: &str, lang: Lang) -> Vec<String> {
    instrument
        .item(item)
        .map(|i| i.kind.choices().into_iter().map(|c| c.label.get(lang).to_string()).collect())
        .unwrap_or_default()
}

/// The mirror page.
#[component]
pub fn MirrorPage(
    /// Language of the texts.
    lang: Lang,
    /// What is compared.
    data: Arc<MirrorData>,
    /// The view and the settings.
    state: MirrorState,
    /// Back to choosing metingen.
    on_back: Callback<()>,
) -> impl IntoView {
    let w = mirror_words(lang);
    let MirrorState { view, settings } = state;
    let data = StoredValue::new(data);
    let report = Memo::new(move |_| {
        let s = settings.get();
        data.with_value(|d| {
            analyse_tables(&d.student, &d.staff, &d.students, &d.staff_responses, &s)
        })
    });
    let changes = Memo::new(move |_| {
        let s = settings.get();
        data.with_value(|d| {
            d.before.as_ref().map(|(_, bs, bt)| {
                let before = analyse_tables(&d.student, &d.staff, bs, bt, &s);
                compare(&before, &report.get())
            })
        })
    });
    // Focus the heading of each view as it opens.
    Effect::new(move |_| {
        view.track();
        request_animation_frame(|| focus("question-title"));
    });
    let print_report = move |_| {
        view.set(MirrorView::Report);
        leptos::task::spawn_local(async move {
            next_paint().await;
            print();
        });
    };
    move || {
        let r = report.get();
        let v = view.get();
        data.with_value(|d| match v {
            MirrorView::Overview => {
                let on_theme = move |id: String| view.set(MirrorView::Theme(id));
                view! {
                    <section class="mirror">
                        <h1 id="question-title" tabindex="-1">{w.heading}</h1>
                        {header(d, &r, w)}
                        <div class="question__nav mirror__tools">
                            <button type="button" class="btn btn--secondary" on:click=move |_| on_back.run(())>{w.back}</button>
                            <button type="button" class="btn btn--primary" data-testid="print-report" on:click=print_report>{w.print}</button>
                        </div>
                        {settings_view(settings, w)}
                        {summary_view(d, &r, w, lang)}
                        {overview_view(&r, w, lang, Some(Callback::new(on_theme)))}
                        {team_view(d, &r, w, lang)}
                        {roles_view(d, &r, w, lang)}
                        {changes.get().map(|c| change_view(d, &c, w, lang))}
                    </section>
                }
                .into_any()
            }
            MirrorView::Theme(id) => {
                let theme = r.themes.iter().find(|t| t.theme == id).cloned();
                view! {
                    <section class="mirror">
                        <div class="question__nav mirror__tools">
                            <button type="button" class="btn btn--secondary" data-testid="theme-back"
                                on:click=move |_| view.set(MirrorView::Overview)>{w.to_overview}</button>
                        </div>
                        {theme.map(|t| theme_view(d, &t, r.settings.bands(), w, lang, true))}
                    </section>
                }
                .into_any()
            }
            MirrorView::Report => {
                let themes = r
                    .themes
                    .iter()
                    .map(|t| theme_view(d, t, r.settings.bands(), w, lang, false))
                    .collect_view();
                view! {
                    <article class="mirror report" data-testid="report">
                        <div class="question__nav mirror__tools">
                            <button type="button" class="btn btn--secondary" data-testid="report-back"
                                on:click=move |_| view.set(MirrorView::Overview)>{w.to_overview}</button>
                            <button type="button" class="btn btn--primary" on:click=move |_| print()>{w.print_now}</button>
                        </div>
                        <h1 id="question-title" tabindex="-1">{w.report_heading}</h1>
                        {header(d, &r, w)}
                        <p class="report__settings">{format!(
                            "{} k = {}. {} {}.",
                            w.report_k, r.settings.k(), w.report_bands,
                            (0..5).map(|b| { let (lo, hi) = r.settings.bands().range(b); format!("{lo}–{hi} %") }).collect::<Vec<_>>().join(", ")
                        )}</p>
                        {summary_view(d, &r, w, lang)}
                        {overview_view(&r, w, lang, None)}
                        {themes}
                        {team_view(d, &r, w, lang)}
                        {roles_view(d, &r, w, lang)}
                        {changes.get().map(|c| change_view(d, &c, w, lang))}
                    </article>
                }
                .into_any()
            }
        })
    }
}

/// Which metingen, and how many took part.
fn header(d: &MirrorData, r: &Report, w: &'static MirrorWords) -> impl IntoView {
    view! {
        <p class="mirror__facts" data-testid="mirror-facts">
            {format!("{}: {} ({} {}). {}: {} ({} {}).",
                w.students, d.students_label, r.students, w.responses,
                w.staff, d.staff_label, r.staff, w.responses)}
        </p>
        {(d.unreadable > 0).then(|| view! {
            <p class="notice notice--warning" role="status">{format!("{} {}", d.unreadable, w.unreadable)}</p>
        })}
    }
}

/// `k` and the band cut points, which the team can change.
fn settings_view(settings: RwSignal<Settings>, w: &'static MirrorWords) -> impl IntoView {
    let error = RwSignal::new(false);
    let set_k = move |ev: leptos::ev::Event| {
        if let Ok(k) = event_target_value(&ev).trim().parse::<usize>() {
            settings.update(|s| *s = Settings::new(k, s.bands()));
        }
    };
    let set_cut = move |i: usize, ev: leptos::ev::Event| {
        let Ok(value) = event_target_value(&ev).trim().parse::<u8>() else {
            error.set(true);
            return;
        };
        let mut cuts = settings.get_untracked().bands().cuts();
        cuts[i] = value;
        match Bands::new(cuts) {
            Ok(bands) => {
                error.set(false);
                settings.update(|s| *s = Settings::new(s.k(), bands));
            }
            Err(_) => error.set(true),
        }
    };
    let cuts = (0..4)
        .map(|i| {
            let id = format!("mirror-cut-{i}");
            view! {
                <label class="form__label" for=id.clone()>{w.cut_names[i]}</label>
                <input id=id.clone() data-testid=id class="form__input form__input--short" type="number" min="1" max="99"
                    prop:value=move || settings.get().bands().cuts()[i].to_string()
                    on:change=move |ev| set_cut(i, ev) />
            }
        })
        .collect_view();
    view! {
        <details class="mirror__settings">
            <summary>{w.settings}</summary>
            <label class="form__label" for="mirror-k">{w.k_label}</label>
            <p class="question__hint" id="mirror-k-hint">{format!("{} {MIN_K}.", w.k_hint)}</p>
            <input id="mirror-k" data-testid="mirror-k" class="form__input form__input--short" type="number"
                min=MIN_K.to_string() aria-describedby="mirror-k-hint"
                prop:value=move || settings.get().k().to_string() on:change=set_k />
            <p>{w.bands_intro}</p>
            {cuts}
            {move || error.get().then(|| view! { <p class="question__error" role="alert">{w.cuts_error}</p> })}
            <button type="button" class="btn btn--secondary" data-testid="mirror-reset"
                on:click=move |_| { error.set(false); settings.set(Settings::default()); }>{w.reset}</button>
        </details>
    }
}

/// The summary in plain words.
fn summary_view(d: &MirrorData, r: &Report, w: &'static MirrorWords, lang: Lang) -> impl IntoView {
    let paragraphs =
        summary(r, &d.staff, lang).into_iter().map(|p| view! { <p>{p}</p> }).collect_view();
    view! {
        <section class="mirror__summary" data-testid="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{w.summary}</h2>
            {paragraphs}
        </section>
    }
}

/// One card per theme with its verdict; `on_theme` opens a theme (none in the report).
fn overview_view(
    r: &Report,
    w: &'static MirrorWords,
    lang: Lang,
    on_theme: Option<Callback<String>>,
) -> impl IntoView {
    let cards = r
        .themes
        .iter()
        .map(|t| {
            let id = t.theme.clone();
            let mut tally = [0usize; 5];
            for e in &t.estimates {
                let i = [Verdict::Right, Verdict::Under, Verdict::Over, Verdict::Divided, Verdict::Unknown]
                    .iter()
                    .position(|v| *v == e.verdict)
                    .unwrap_or(4);
                tally[i] += 1;
            }
            let counts: Vec<String> = tally
                .iter()
                .zip(w.tally_names)
                .filter(|(n, _)| **n > 0)
                .map(|(n, name)| format!("{n} {name}"))
                .collect();
            let estimates = !t.estimates.is_empty();
            let counts = estimates.then(|| counts.join(" · "));
            let ordinals = ordinal_line(t, lang);
            let step = planmatig::for_verdict(t.verdict).map(|s| step_view(s, w, lang));
            let open = on_theme.map(|cb| {
                let id = id.clone();
                view! {
                    <button type="button" class="btn btn--secondary" data-testid=format!("theme-open-{id}")
                        on:click=move |_| cb.run(id.clone())>{w.open_theme}</button>
                }
            });
            view! {
                <li class="theme-card" data-testid=format!("theme-{id}")>
                    <h3 class="theme-card__name">{t.label.get(lang).to_string()}</h3>
                    {estimates.then(|| verdict_badge(t.verdict, lang, format!("verdict-{id}")))}
                    {counts.map(|c| view! { <p class="theme-card__counts">{c}</p> })}
                    {ordinals.map(|o| view! { <p class="theme-card__counts" data-testid=format!("ordinals-{}", t.theme)>{o}</p> })}
                    {step}
                    {open}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="mirror__overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{w.overview}</h2>
            <details class="rule">
                <summary>{w.rule_heading}</summary>
                <p data-testid="rule">{Verdict::rule(lang)}</p>
            </details>
            <ul class="theme-cards">{cards}</ul>
        </section>
    }
}

/// What a theme's statements for both groups show, or why they are not shown; `None`
/// for a theme without them.
fn ordinal_line(t: &ThemeReport, lang: Lang) -> Option<String> {
    if t.ordinals.is_empty() {
        return None;
    }
    let (mut higher, mut lower, mut same) = (0, 0, 0);
    for o in &t.ordinals {
        match o.mean_diff.shown() {
            Some(d) if d.ci.lo > 0.0 => higher += 1,
            Some(d) if d.ci.hi < 0.0 => lower += 1,
            Some(_) => same += 1,
            None => {}
        }
    }
    if higher + lower + same == 0 {
        return t.ordinals.iter().find_map(|o| o.mean_diff.why(lang));
    }
    Some(ordinal_counts(higher, lower, same, lang))
}

/// One theme: a chart and a table per question; `page` when it is the page's own view.
fn theme_view(
    d: &MirrorData,
    t: &ThemeReport,
    bands: Bands,
    w: &'static MirrorWords,
    lang: Lang,
    page: bool,
) -> impl IntoView {
    let heading = t.label.get(lang).to_string();
    let title = if page {
        view! { <h1 id="question-title" tabindex="-1">{heading}</h1> }.into_any()
    } else {
        view! { <h2>{heading}</h2> }.into_any()
    };
    let estimates = t
        .estimates
        .iter()
        .map(|e| {
            let question = text_of(&d.staff, &e.staff_item, None, lang);
            let about = d.staff.item(&e.staff_item).map(|i| what(i, lang)).unwrap_or_default();
            let step = planmatig::for_verdict(e.verdict).map(|s| step_view(s, w, lang));
            view! {
                <li class="estimate" data-testid=format!("estimate-{}", e.staff_item)>
                    {subheading(page, "estimate__question", question.clone())}
                    {verdict_badge(e.verdict, lang, format!("estimate-verdict-{}", e.staff_item))}
                    <p class="visually-hidden">{about}</p>
                    <EstimateChart w lang id=format!("chart-{}", e.staff_item) question estimate=e.clone() bands />
                    {step}
                </li>
            }
        })
        .collect_view();
    let ordinals = t
        .ordinals
        .iter()
        .map(|o| {
            let statement = text_of(&d.student, &o.student_item, o.student_row.as_deref(), lang);
            let points = points_of(&d.student, &o.student_item, lang).len();
            let key = format!("{}-{}", o.staff_item, o.staff_row.clone().unwrap_or_default());
            let step = match &o.mean_diff {
                Figure::Shown(diff) => planmatig::for_ordinal(diff).map(|s| step_view(s, w, lang)),
                Figure::Suppressed { .. } => None,
            };
            view! {
                <li class="estimate" data-testid=format!("ordinal-{key}")>
                    {subheading(page, "estimate__question", statement.clone())}
                    <OrdinalChart w lang id=format!("ordinal-{key}") statement points ordinal=o.clone() />
                    {step}
                </li>
            }
        })
        .collect_view();
    let has_ordinals = !t.ordinals.is_empty();
    view! {
        <section class="theme" data-testid=format!("theme-detail-{}", t.theme)>
            {title}
            {(!t.estimates.is_empty()).then(|| view! {
                <div class="theme__verdict">
                    {verdict_badge(t.verdict, lang, format!("theme-verdict-{}", t.theme))}
                    <p class="rule__text">{Verdict::rule(lang)}</p>
                </div>
            })}
            <ul class="estimates">{estimates}</ul>
            {has_ordinals.then(|| view! {
                {subheading(page, "", w.ordinals.to_string())}
                <p>{w.ordinals_intro}</p>
                <ul class="estimates">{ordinals}</ul>
            })}
        </section>
    }
}
