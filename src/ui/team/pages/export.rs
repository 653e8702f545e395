//! The export for researchers: choose metingen and how anonymous, see exactly what will
//! leave the device (counts, fields, what was merged or hidden and why, one sample
//! record), read and drop open answers if they are included, then download JSON or CSV
//! with a Frictionless `datapackage.json`.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::analysis::MIN_K;
use crate::domain::export::{Preview, ReviewText, TextKey};
use crate::domain::text::Lang;
use crate::ui::browser::{focus, next_paint};
use crate::ui::team::components::pin_form::{PinForm, PinWords};
use crate::ui::team::i18n::export::{export_words, pattern, reason, ExportWords};
use crate::ui::team::pages::meting::UnlockError;

/// A meting that can be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSource {
    /// Meting id as text.
    pub id: String,
    /// The team's label (shown here, never exported).
    pub label: String,
    /// Vragenlijst, week and number of responses.
    pub facts: String,
    /// Whether its key is unlocked in this visit.
    pub unlocked: bool,
}

/// What the team chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Meting ids as text.
    pub metingen: Vec<String>,
    /// The smallest group.
    pub k: usize,
    /// Months instead of ISO weeks.
    pub months: bool,
    /// Counts only.
    pub aggregates_only: bool,
    /// Include scrubbed, reviewed open answers.
    pub include_text: bool,
    /// Open answers dropped in the review.
    pub dropped: BTreeSet<TextKey>,
}

/// A built export, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// What leaves the device.
    pub preview: Preview,
    /// The anonymisation report, in plain words, one line each.
    pub report: Vec<String>,
    /// Every open answer that would leave (with include_text), for the review.
    pub texts: Vec<ReviewText>,
}

/// The download formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON file.
    Json,
    /// A CSV file per vragenlijst and `datapackage.json`.
    Csv,
}

/// The export screen.
#[component]
pub fn ExportPage(
    /// Language of the texts.
    lang: Lang,
    /// The metingen on this device.
    sources: Vec<ExportSource>,
    /// Unlocks a meting (id, PIN); slow.
    on_unlock: Callback<(String, String), Result<(), UnlockError>>,
    /// Builds the export (kept by the app for the download) or says why not.
    on_build: Callback<ExportRequest, Result<Built, String>>,
    /// Downloads the last built export; false if the browser refused.
    on_download: Callback<Format, bool>,
    /// Back to the metingen.
    on_back: Callback<()>,
) -> impl IntoView {
    let w = export_words(lang);
    request_animation_frame(|| focus("question-title"));
    let sources = StoredValue::new(sources);
    let chosen =
        RwSignal::new(sources.with_value(|s| s.iter().map(|s| s.id.clone()).collect::<Vec<_>>()));
    let unlocked =
        RwSignal::new(sources.with_value(|s| {
            s.iter().filter(|s| s.unlocked).map(|s| s.id.clone()).collect::<Vec<_>>()
        }));
    let k = RwSignal::new(MIN_K);
    let months = RwSignal::new(false);
    let aggregates_only = RwSignal::new(false);
    let include_text = RwSignal::new(false);
    let dropped = RwSignal::new(BTreeSet::<TextKey>::new());
    let built = RwSignal::new(None::<Built>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let download_failed = RwSignal::new(false);

    let locked = move || {
        let open = unlocked.get();
        chosen.get().into_iter().find(|id| !open.contains(id))
    };
    let label_of = move |id: &str| {
        sources.with_value(|s| s.iter().find(|s| s.id == id).map(|s| s.label.clone()))
    };
    let request = move || ExportRequest {
        metingen: chosen.get_untracked(),
        k: k.get_untracked(),
        months: months.get_untracked(),
        aggregates_only: aggregates_only.get_untracked(),
        include_text: include_text.get_untracked(),
        dropped: dropped.get_untracked(),
    };
    let build = move || {
        if chosen.get_untracked().is_empty() {
            error.set(Some(w.choose_one.to_string()));
            built.set(None);
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            next_paint().await;
            match on_build.run(request()) {
                Ok(b) => {
                    built.set(Some(b));
                    request_animation_frame(|| focus("preview-heading"));
                }
                Err(e) => {
                    built.set(None);
                    error.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    // Any change of choice makes the shown preview stale: it goes until rebuilt.
    let changed = move || {
        built.set(None);
        download_failed.set(false);
    };

    let list = sources
        .get_value()
        .into_iter()
        .map(|s| {
            let id = s.id.clone();
            let checked = chosen.with_untracked(|c| c.contains(&id));
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                chosen.update(|c| {
                    c.retain(|x| *x != id);
                    if on {
                        c.push(id.clone());
                    }
                });
                changed();
            };
            view! {
                <label class="option option--compact">
                    <input type="checkbox" class="option__input" data-testid=format!("export-meting-{}", s.id)
                        checked=checked on:change=toggle />
                    <span>{format!("{} · {}", s.label, s.facts)}</span>
                </label>
            }
        })
        .collect_view();
    let flag = move |signal: RwSignal<bool>, id: &'static str, label: &'static str| {
        view! {
            <label class="option option--compact">
                <input type="checkbox" class="option__input" data-testid=id prop:checked=move || signal.get()
                    on:change=move |ev| { signal.set(event_target_checked(&ev)); changed(); } />
                <span>{label}</span>
            </label>
        }
    };
    let has_sources = sources.with_value(|s| !s.is_empty());
    view! {
        <section class="start team export">
            <h1 id="question-title" tabindex="-1">{w.heading}</h1>
            <p>{w.intro}</p>
            {(!has_sources).then(|| view! { <p>{w.none}</p> })}
            <fieldset class="question__fieldset">
                <legend class="form__label">{w.choose}</legend>
                <div class="options">{list}</div>
            </fieldset>
            <fieldset class="question__fieldset">
                <legend class="form__label">{w.options}</legend>
                <label class="form__label" for="export-k">{w.k_label}</label>
                <p class="question__hint" id="export-k-hint">{format!("{} {MIN_K}.", w.k_hint)}</p>
                <input id="export-k" data-testid="export-k" class="form__input form__input--short" type="number"
                    min=MIN_K.to_string() aria-describedby="export-k-hint" prop:value=move || k.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                            k.set(n.max(MIN_K));
                        }
                        changed();
                    } />
                <div class="options">
                    {flag(months, "export-months", w.months)}
                    {flag(aggregates_only, "export-aggregates", w.aggregates_only)}
                    {flag(include_text, "export-texts", w.include_text)}
                </div>
                <p class="question__hint">{w.include_text_hint}</p>
            </fieldset>
            {move || match locked() {
                Some(id) => {
                    let name = label_of(&id).unwrap_or_default();
                    let on_pin = Callback::new(move |pin: String| {
                        on_unlock.run((id.clone(), pin))?;
                        unlocked.update(|u| u.push(id.clone()));
                        Ok(())
                    });
                    let words = PinWords {
                        locked: w.locked,
                        pin_of: w.pin_of,
                        wrong_pin: w.wrong_pin,
                        damaged_key: w.damaged_key,
                        unlock: w.unlock,
                        busy: w.busy,
                    };
                    view! { <PinForm prefix="export" name words busy on_pin /> }.into_any()
                }
                None => view! {
                    <button type="button" class="btn btn--primary" data-testid="export-preview"
                        disabled=move || busy.get() on:click=move |_| build()>
                        {move || if busy.get() { w.busy } else { w.make_preview }}
                    </button>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="question__error" role="alert">{e}</p> })}
            {move || built.get().map(|b| {
                let on_drop = Callback::new(move |(key, on): (TextKey, bool)| {
                    dropped.update(|d| {
                        if on { d.insert(key); } else { d.remove(&key); }
                    });
                    build();
                });
                view! {
                    {preview_view(&b, w, lang)}
                    {include_text.get_untracked().then(|| review_view(&b.texts, w, lang, on_drop))}
                    <section aria-labelledby="download-heading">
                        <h2 id="download-heading">{w.download}</h2>
                        <div class="question__nav">
                            <button type="button" class="btn btn--primary" data-testid="download-json"
                                on:click=move |_| download_failed.set(!on_download.run(Format::Json))>{w.download_json}</button>
                            <button type="button" class="btn btn--secondary" data-testid="download-csv"
                                on:click=move |_| download_failed.set(!on_download.run(Format::Csv))>{w.download_csv}</button>
                        </div>
                        {move || download_failed.get().then(|| view! { <p class="question__error" role="alert">{w.download_failed}</p> })}
                    </section>
                }
            })}
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" data-testid="export-back" on:click=move |_| on_back.run(())>{w.back}</button>
            </div>
        </section>
    }
}

/// Exactly what will leave the device.
fn preview_view(b: &Built, w: &'static ExportWords, lang: Lang) -> impl IntoView {
    let p = &b.preview;
    let numbers =
        [p.metingen, p.responses, p.records, p.left_out, p.texts, p.cells, p.suppressed_cells];
    let counts = w
        .counts
        .iter()
        .zip(numbers)
        .enumerate()
        .map(|(i, (label, n))| {
            view! { <tr><th scope="row">{*label}</th><td data-testid=format!("preview-count-{i}")>{n}</td></tr> }
        })
        .collect_view();
    let instruments = p
        .instruments
        .iter()
        .map(|inst| {
            let title = if lang == Lang::Nl { inst.title.nl.clone() } else { inst.title.en.clone() };
            let rows = inst
                .fields
                .iter()
                .map(|f| {
                    let question = if lang == Lang::Nl { f.question.nl.clone() } else { f.question.en.clone() };
                    let mut notes = Vec::new();
                    if f.quasi_identifier {
                        notes.push(w.quasi);
                    }
                    if f.free_text {
                        notes.push(w.free_text);
                    }
                    view! { <tr><th scope="row"><code>{f.name.clone()}</code></th><td>{question}</td><td>{notes.join(", ")}</td></tr> }
                })
                .collect_view();
            view! {
                <details class="export__fields">
                    <summary>{format!("{} {title} ({} {})", w.fields_of, inst.records, if inst.records == 1 { w.record } else { w.records })}</summary>
                    <table class="data">
                        <thead><tr>
                            <th scope="col">{w.field_columns[0]}</th>
                            <th scope="col">{w.field_columns[1]}</th>
                            <th scope="col">{w.field_columns[2]}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            }
        })
        .collect_view();
    let report = if b.report.is_empty() {
        view! { <p>{w.nothing_changed}</p> }.into_any()
    } else {
        let lines = b.report.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view();
        view! { <ul data-testid="export-report">{lines}</ul> }.into_any()
    };
    let sample = match &p.sample_json {
        Some(json) => view! { <pre class="export__sample" data-testid="export-sample" tabindex="0" aria-label=w.sample>{json.clone()}</pre> }.into_any(),
        None => view! { <p data-testid="export-sample-none">{w.no_sample}</p> }.into_any(),
    };
    view! {
        <section class="export__preview" aria-labelledby="preview-heading" data-testid="export-preview-shown">
            <h2 id="preview-heading" tabindex="-1">{w.preview}</h2>
            <p>{w.preview_intro}</p>
            <table class="data"><tbody>{counts}</tbody></table>
            {instruments}
            <h3>{w.anonymised}</h3>
            {report}
            <h3>{w.sample}</h3>
            {sample}
        </section>
    }
}

/// Every open answer that would leave, with a box to leave it out.
fn review_view(
    texts: &[ReviewText],
    w: &'static ExportWords,
    lang: Lang,
    on_drop: Callback<(TextKey, bool)>,
) -> impl IntoView {
    let items = texts
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let key = t.key.clone();
            let found: Vec<&str> = t.found.iter().map(|p| pattern(*p, lang)).collect();
            view! {
                <li class="review__text" data-testid=format!("review-{n}")>
                    <p class="review__question">{t.question.get(lang).to_string()}</p>
                    <blockquote data-testid=format!("review-text-{n}")>{t.text.clone()}</blockquote>
                    {(!found.is_empty()).then(|| view! { <p class="question__hint">{format!("{} {}", w.found, found.join(", "))}</p> })}
                    <label class="option option--compact">
                        <input type="checkbox" class="option__input" data-testid=format!("review-drop-{n}") checked=t.dropped
                            on:change=move |ev| on_drop.run((key.clone(), event_target_checked(&ev))) />
                        <span>{w.drop}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="export__review" aria-labelledby="review-heading">
            <h2 id="review-heading">{w.review}</h2>
            <p>{w.review_intro}</p>
            {if texts.is_empty() {
                view! { <p>{w.no_texts}</p> }.into_any()
            } else {
                view! { <ol class="review">{items}</ol> }.into_any()
            }}
        </section>
    }
}

/// The anonymisation report of a document in plain words, one line per step.
pub fn report_lines(doc: &crate::domain::export::ExportDocument, lang: Lang) -> Vec<String> {
    let w = export_words(lang);
    let a = &doc.anonymisation;
    let question = |item: &Option<String>| -> String {
        let Some(item) = item else { return w.period.to_string() };
        doc.codebook.instruments.iter().flat_map(|i| &i.items).find(|i| i.id == *item).map_or_else(
            || item.clone(),
            |i| format!("{item} ({})", if lang == Lang::Nl { &i.text.nl } else { &i.text.en }),
        )
    };
    let mut lines = Vec::new();
    for s in &a.small_metingen {
        let responses = if s.responses == 1 { w.record } else { w.records };
        lines.push(format!("{}: {} {responses}: {}", s.meting, s.responses, w.small));
    }
    for g in &a.generalised {
        lines.push(format!(
            "{} {} — {}: {} {}, {}.",
            w.generalised,
            question(&g.item),
            g.meting,
            g.records,
            w.records,
            reason(g.reason, lang)
        ));
    }
    for s in &a.suppressed {
        lines.push(format!(
            "{}: {} {}, {}.",
            s.meting,
            s.records,
            w.suppressed_records,
            reason(s.reason, lang)
        ));
    }
    for b in &a.blanked {
        lines.push(format!(
            "{} {} — {}: {} {}, {} {}: {}.",
            w.blanked,
            question(&Some(b.item.clone())),
            b.meting,
            b.records,
            w.records,
            w.because_of,
            b.because_of,
            reason(b.reason, lang)
        ));
    }
    lines
}
