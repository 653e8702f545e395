//! The mirror: what students say against what staff think, per theme.
//!
//! Three views of one [`Report`]: the overview (summary, every question on one chart
//! sorted by the size of its gap, a card per theme, what the team can do next, the team's
//! own approach, the two roles, the change since an earlier meting), the detail of one
//! theme (its questions on one chart, each question's table, the statements asked of
//! both groups), and the printable team report, which holds the overview's content once,
//! without repeating a block per theme. Every figure that rests on fewer than `k` answers
//! is left out, with the reason in its place.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::analysis::planmatig::{self, Step};
use crate::domain::analysis::summary::summary;
use crate::domain::analysis::{
    analyse_tables, compare, Estimate, Report, Settings, Table, ThemeReport, Verdict, MIN_K,
};
use crate::domain::instrument::{Instrument, ItemKind};
use crate::domain::text::Lang;
use crate::ui::browser::{focus, next_paint, print};
use crate::ui::team::components::mirror_chart::{verdict_badge, GapChart, GapRow};
mod team;
mod theme;

use crate::ui::team::i18n::mirror::{mirror_words, ordinal_counts, MirrorWords};
use team::{change_view, roles_view, team_view};
use theme::{ordinal_rows, theme_view};

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
    /// Responses held back until there are at least `k` new ones, student and staff side.
    pub held_back: (usize, usize),
    /// How many new responses it takes before they are shown (5, or more after an export
    /// with a higher `k`).
    pub held_step: usize,
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
    /// `k`.
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

/// The step of planmatig werken a gap points to, in one line.
fn step_line(step: Step, w: &'static MirrorWords, lang: Lang) -> impl IntoView {
    view! {
        <p class="step" data-testid="step" data-step=step.number()>
            <strong>{format!("{} {} {}: {}.", w.step, step.number(), w.of_cycle, step.name(lang))}</strong>
        </p>
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

/// Every estimate of the report as a row of the overview's chart, the biggest gap first:
/// by [`crate::domain::analysis::Gap::weight`], then "te weinig antwoorden" last, ties in
/// the staff vragenlijst's order.
fn gap_rows(d: &MirrorData, r: &Report, lang: Lang) -> Vec<GapRow> {
    let order = |e: &Estimate| d.staff.items().position(|(_, i)| i.id == e.staff_item);
    let mut all: Vec<&Estimate> = r.themes.iter().flat_map(|t| &t.estimates).collect();
    let weight = |e: &Estimate| match e.verdict {
        Verdict::Unknown => -1.0,
        _ => e.gap.map_or(0.0, |g| g.weight),
    };
    all.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then(order(a).cmp(&order(b))));
    all.into_iter().map(|e| row_of(d, e, lang)).collect()
}

/// One estimate as a chart row, labelled with its staff question.
fn row_of(d: &MirrorData, e: &Estimate, lang: Lang) -> GapRow {
    GapRow {
        key: e.staff_item.clone(),
        label: text_of(&d.staff, &e.staff_item, None, lang),
        estimate: e.clone(),
    }
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
                        {header(d, &r, w, lang)}
                        <div class="question__nav mirror__tools">
                            <button type="button" class="btn btn--secondary" on:click=move |_| on_back.run(())>{w.back}</button>
                            <button type="button" class="btn btn--primary" data-testid="print-report" on:click=print_report>{w.print}</button>
                        </div>
                        {settings_view(settings, w)}
                        {summary_view(d, &r, w, lang)}
                        {gaps_view(d, &r, w, lang, false)}
                        {overview_view(&r, w, lang, Some(Callback::new(on_theme)))}
                        {steps_view(d, &r, w, lang)}
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
                        {theme.map(|t| theme_view(d, &t, w, lang))}
                    </section>
                }
                .into_any()
            }
            MirrorView::Report => view! {
                <article class="mirror report" data-testid="report">
                    <div class="question__nav mirror__tools">
                        <button type="button" class="btn btn--secondary" data-testid="report-back"
                            on:click=move |_| view.set(MirrorView::Overview)>{w.to_overview}</button>
                        <button type="button" class="btn btn--primary" on:click=move |_| print()>{w.print_now}</button>
                    </div>
                    <h1 id="question-title" tabindex="-1">{w.report_heading}</h1>
                    {header(d, &r, w, lang)}
                    <p class="report__settings">{format!("{} k = {}.", w.report_k, r.settings.k())}</p>
                    {summary_view(d, &r, w, lang)}
                    {gaps_view(d, &r, w, lang, true)}
                    {overview_view(&r, w, lang, None)}
                    {report_statements(d, &r, w, lang)}
                    {steps_view(d, &r, w, lang)}
                    {team_view(d, &r, w, lang)}
                    {roles_view(d, &r, w, lang)}
                    {changes.get().map(|c| change_view(d, &c, w, lang))}
                </article>
            }
            .into_any(),
        })
    }
}

/// Which metingen, how many took part, and what the staff answers stand for.
fn header(d: &MirrorData, r: &Report, w: &'static MirrorWords, lang: Lang) -> impl IntoView {
    let plural = |n: usize| if n == 1 { w.response } else { w.responses };
    let bands = r.themes.iter().flat_map(|t| &t.estimates).next().map(|e| (e.bands, e.bands_shown));
    let ranges = bands.map(|(b, shown)| {
        let list = (0..5)
            .map(|i| {
                format!(
                    "{} {}",
                    crate::ui::team::i18n::mirror::band_name(i, lang),
                    b.range_text(i, lang)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let intro = if shown { w.ranges_seen } else { w.ranges_not_seen };
        view! { <p class="mirror__ranges" data-testid="ranges">{format!("{intro} {list}.")}</p> }
    });
    let (held_students, held_staff) = d.held_back;
    let held_step = d.held_step;
    let held = (held_students + held_staff > 0).then(move || {
        view! {
            <p class="notice" role="status" data-testid="held-back">
                {format!(
                    "{n} {} {} {step} {}",
                    if held_students + held_staff == 1 { w.held_back_one } else { w.held_back },
                    w.held_back_rule,
                    w.held_back_after,
                    n = held_students + held_staff,
                    step = held_step,
                )}
            </p>
        }
    });
    view! {
        <p class="mirror__facts" data-testid="mirror-facts">
            {format!("{}: {} ({} {}). {}: {} ({} {}).",
                w.students, d.students_label, r.students, plural(r.students),
                w.staff, d.staff_label, r.staff, plural(r.staff))}
        </p>
        {ranges}
        {held}
        {(d.unreadable > 0).then(|| view! {
            <p class="notice notice--warning" role="status">{
                if d.unreadable == 1 { w.unreadable_one.to_string() } else { format!("{} {}", d.unreadable, w.unreadable) }
            }</p>
        })}
    }
}

/// `k`, which the team can raise but never set below [`MIN_K`].
fn settings_view(settings: RwSignal<Settings>, w: &'static MirrorWords) -> impl IntoView {
    let set_k = move |ev: leptos::ev::Event| {
        if let Ok(k) = event_target_value(&ev).trim().parse::<usize>() {
            settings.set(Settings::with_k(k));
        }
    };
    view! {
        <details class="mirror__settings">
            <summary>{w.settings}</summary>
            <label class="form__label" for="mirror-k">{w.k_label}</label>
            <p class="question__hint" id="mirror-k-hint">{format!("{} {MIN_K}.", w.k_hint)}</p>
            <input id="mirror-k" data-testid="mirror-k" class="form__input form__input--short" type="number"
                min=MIN_K.to_string() aria-describedby="mirror-k-hint"
                prop:value=move || settings.get().k().to_string() on:change=set_k />
            <button type="button" class="btn btn--secondary" data-testid="mirror-reset"
                on:click=move |_| settings.set(Settings::default())>{w.reset}</button>
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

/// Every question on one chart, the biggest gap first, with the rule behind the verdicts.
fn gaps_view(
    d: &MirrorData,
    r: &Report,
    w: &'static MirrorWords,
    lang: Lang,
    report: bool,
) -> impl IntoView {
    let rows = gap_rows(d, r, lang);
    (!rows.is_empty()).then(|| {
        view! {
            <section class="mirror__gaps" aria-labelledby="gaps-heading">
                <h2 id="gaps-heading">{w.gaps_heading}</h2>
                <details class="rule" open=report>
                    <summary>{w.rule_heading}</summary>
                    <p data-testid="rule">{Verdict::rule(lang)}</p>
                    <p>{crate::domain::analysis::Agreement::rule(lang)}</p>
                </details>
                <GapChart w lang id="gap-chart".to_string() caption=w.gaps_caption.to_string() rows open_table=report />
            </section>
        }
    })
}

/// The verdicts of a theme's questions, counted: "2 te hoog geschat · 1 verdeeld".
fn theme_counts(t: &ThemeReport, w: &'static MirrorWords) -> Option<String> {
    const ORDER: [Verdict; 6] = [
        Verdict::Right,
        Verdict::Under,
        Verdict::Over,
        Verdict::Divided,
        Verdict::DontKnow,
        Verdict::Unknown,
    ];
    if t.estimates.is_empty() {
        return None;
    }
    let parts: Vec<String> = ORDER
        .iter()
        .zip(w.tally_names)
        .map(|(v, name)| (t.estimates.iter().filter(|e| e.verdict == *v).count(), name))
        .filter(|(n, _)| *n > 0)
        .map(|(n, name)| format!("{n} {name}"))
        .collect();
    Some(parts.join(" · "))
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
            let estimates = !t.estimates.is_empty();
            let counts = theme_counts(t, w);
            let ordinals = ordinal_line(t, lang);
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
                    {estimates.then(|| verdict_badge(t.verdict, t.size, lang, format!("verdict-{id}")))}
                    {counts.map(|c| view! { <p class="theme-card__counts">{c}</p> })}
                    {ordinals.map(|o| view! { <p class="theme-card__counts" data-testid=format!("ordinals-{}", t.theme)>{o}</p> })}
                    {open}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="mirror__overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{w.overview}</h2>
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

/// The statements asked of both groups, every theme on one shared scale (the report).
fn report_statements(
    d: &MirrorData,
    r: &Report,
    w: &'static MirrorWords,
    lang: Lang,
) -> impl IntoView {
    use crate::ui::team::components::mirror_chart::OrdinalChart;
    let rows: Vec<_> = r.themes.iter().flat_map(|t| ordinal_rows(d, t, lang)).collect();
    (!rows.is_empty()).then(|| {
        view! {
            <section class="mirror__statements">
                <h2>{w.ordinals}</h2>
                <p>{w.ordinals_intro}</p>
                <OrdinalChart w lang id="report-ordinals".to_string() rows />
            </section>
        }
    })
}

/// What the team can do next: each step of planmatig werken that a gap points to, with
/// its advice once and the questions that point to it.
fn steps_view(d: &MirrorData, r: &Report, w: &'static MirrorWords, lang: Lang) -> impl IntoView {
    let mut steps: Vec<(Step, Vec<String>)> = Vec::new();
    let mut add = |step: Step, what: String| match steps.iter_mut().find(|(s, _)| *s == step) {
        Some((_, list)) => list.push(what),
        None => steps.push((step, vec![what])),
    };
    for e in r.themes.iter().flat_map(|t| &t.estimates) {
        if let Some(step) = planmatig::for_verdict(e.verdict) {
            add(step, text_of(&d.staff, &e.staff_item, None, lang));
        }
    }
    for o in r.themes.iter().flat_map(|t| &t.ordinals) {
        if let Some(step) = o.mean_diff.shown().and_then(planmatig::for_ordinal) {
            add(step, text_of(&d.student, &o.student_item, o.student_row.as_deref(), lang));
        }
    }
    for c in &r.consensus {
        if c.spread.shown().is_some_and(|s| s.needs_team_agreement) {
            add(planmatig::for_team_division(), text_of(&d.staff, &c.item, c.row.as_deref(), lang));
        }
    }
    for c in &r.roles {
        if let Some(step) =
            c.difference.shown().and_then(|x| planmatig::for_role_difference(x.differs))
        {
            add(step, text_of(&d.staff, &c.item, c.row.as_deref(), lang));
        }
    }
    steps.sort_by_key(|(s, _)| *s);
    let items = steps
        .into_iter()
        .map(|(step, questions)| {
            let n = questions.len();
            let list = questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view();
            view! {
                <li class="steps__step" data-testid=format!("step-{}", step.number())>
                    {step_line(step, w, lang)}
                    <p>{step.advice(lang)}</p>
                    <details>
                        <summary>{format!("{n} {}", if n == 1 { w.question_one } else { w.questions_many })}</summary>
                        <ul>{list}</ul>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="mirror__steps" aria-labelledby="steps-heading" data-testid="steps">
            <h2 id="steps-heading">{w.steps_heading}</h2>
            <p>{format!("{} ({}).", w.steps_intro, Step::source())}</p>
            <ol class="steps">{items}</ol>
        </section>
    }
}
