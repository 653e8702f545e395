//! The team's metingen on this device, and the way to make a new one.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::team::i18n::team::team_words;

/// One meting in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetingRow {
    /// Meting id as text.
    pub id: String,
    /// The team's label.
    pub label: String,
    /// The vragenlijst's title.
    pub instrument: String,
    /// ISO week made.
    pub week: String,
    /// Responses collected.
    pub count: usize,
}

/// The list of metingen.
#[component]
pub fn MetingenPage(
    /// Language of the texts.
    lang: Lang,
    /// The metingen (drawn again when they change, e.g. after a restore).
    #[prop(into)]
    rows: Signal<Vec<MetingRow>>,
    /// Open a meting (by id).
    on_open: Callback<String>,
    /// Make a new meting.
    on_new: Callback<()>,
    /// Open the mirror.
    on_mirror: Callback<()>,
    /// Open the export for researchers.
    on_export: Callback<()>,
    /// Back to the start screen.
    on_back: Callback<()>,
) -> impl IntoView {
    let t = team_words(lang);
    request_animation_frame(|| focus("question-title"));
    let list = move || {
        let rows = rows.get();
        if rows.is_empty() {
            view! { <p>{t.metingen_none}</p> }.into_any()
        } else {
            let items = rows
            .into_iter()
            .map(|r| {
                let id = r.id.clone();
                view! {
                    <li class="metingen__item">
                        <button type="button" class="btn btn--secondary metingen__open" data-testid=format!("meting-{}", r.id)
                            on:click=move |_| on_open.run(id.clone())>
                            <span class="metingen__label">{r.label}</span>
                            <span class="metingen__meta">
                                {format!("{} · {} {} · ", r.instrument, t.week, r.week)}
                                <span data-testid=format!("meting-count-{}", r.id)>{r.count}</span>
                                {format!(" {}", if r.count == 1 { t.response } else { t.responses })}
                            </span>
                        </button>
                    </li>
                }
            })
            .collect_view();
            view! { <ul class="metingen">{items}</ul> }.into_any()
        }
    };
    view! {
        <section class="start team">
            <h1 id="question-title" tabindex="-1">{t.metingen_heading}</h1>
            <p>{t.metingen_intro}</p>
            {list}
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" on:click=move |_| on_back.run(())>{t.back}</button>
                <button type="button" class="btn btn--secondary" data-testid="new-meting" on:click=move |_| on_new.run(())>{t.new_meting}</button>
                <button type="button" class="btn btn--secondary" data-testid="open-export" on:click=move |_| on_export.run(())>{t.open_export}</button>
                <button type="button" class="btn btn--primary" data-testid="open-mirror" on:click=move |_| on_mirror.run(())>{t.open_mirror}</button>
            </div>
        </section>
    }
}
