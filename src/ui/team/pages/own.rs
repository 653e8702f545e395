//! Opening an own instrument file: it is checked, every problem is listed in plain
//! words with its place, and only a valid file is kept.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::domain::text::Lang;
use crate::ui::i18n::{count, words};
use crate::ui::team::i18n::team::team_words;

/// What was kept after a valid file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Instrument id.
    pub id: String,
    /// Title in the current language.
    pub title: String,
    /// Number of items.
    pub items: usize,
    /// Whether the device stored it (it stays usable until the page closes either way).
    pub saved: bool,
}

/// The outcome of the last file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Loaded(Loaded),
    Problems(Vec<String>),
}

/// The screen to open an own instrument file.
#[component]
pub fn OwnPage(
    /// Language of the texts.
    lang: Lang,
    /// Checks a file's text: what was kept, or every problem in plain words.
    on_file: Callback<String, Result<Loaded, Vec<String>>>,
    /// Called with an instrument id to start it.
    on_start: Callback<String>,
    /// Back to the start screen.
    on_back: Callback<()>,
) -> impl IntoView {
    let w = words(lang);
    let t = team_words(lang);
    let outcome = RwSignal::new(None::<Outcome>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        // A file over the limit is refused before a byte of it is read.
        let limit = crate::domain::limits::check_size(
            crate::domain::limits::FileKind::Instrument,
            file.size(),
        );
        if let Err(e) = limit {
            let size = crate::domain::limits::megabytes(e.size, lang == Lang::Nl);
            let v = crate::ui::team::i18n::vault::vault_words(lang);
            outcome.set(Some(Outcome::Problems(vec![format!("{} {size}.", v.err_too_large)])));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let result = match text.ok().and_then(|t| t.as_string()) {
                Some(json) => on_file.run(json),
                None => Err(vec![t.own_unreadable.to_string()]),
            };
            outcome.set(Some(match result {
                Ok(l) => Outcome::Loaded(l),
                Err(p) => Outcome::Problems(p),
            }));
        });
    };
    let result = move || {
        outcome.get().map(|o| match o {
            Outcome::Problems(problems) => {
                let lead = match problems.len() {
                    1 => t.own_problem.to_string(),
                    n => format!("{} {n} {}", t.own_file_has, t.own_problems),
                };
                let items = problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
                view! {
                    <div class="notice notice--error" role="alert" data-testid="own-problems">
                        <p>{lead}</p>
                        <ul>{items}</ul>
                    </div>
                }
                .into_any()
            }
            Outcome::Loaded(l) => {
                let id = l.id.clone();
                let note = if l.saved { t.own_saved } else { t.own_not_saved };
                let items = count(l.items, t.own_item, t.own_items);
                view! {
                    <div class="notice notice--info" role="status" data-testid="own-ok">
                        <p>{format!("{}: {} ({items})", t.own_loaded, l.title)}</p>
                        <p>{note}</p>
                        <p>{t.own_trial}</p>
                        <button type="button" class="btn btn--primary" data-testid="own-start" on:click=move |_| on_start.run(id.clone())>
                            {t.own_start}
                        </button>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="start own">
            <h1 id="question-title" tabindex="-1">{w.own_heading}</h1>
            <p>{t.own_explain}</p>
            <label class="own__label" for="own-file">{t.own_choose}</label>
            <input id="own-file" class="own__file" type="file" accept=".json,application/json" data-testid="own-file" on:change=on_change />
            {result}
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" on:click=move |_| on_back.run(())>{t.back}</button>
            </div>
        </section>
    }
}
