//! The screen after a trial: its answers are gone, and how to take part for real.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::i18n::use_words;

/// Says the trial's answers are wiped and went nowhere.
#[component]
pub fn TrialDonePage(
    /// Language of the texts.
    lang: Lang,
    /// Called to go back to the start screen.
    on_restart: Callback<()>,
) -> impl IntoView {
    let w = use_words(lang);
    request_animation_frame(|| focus("done-title"));
    view! {
        <section class="done" data-testid="done">
            <h1 id="done-title" tabindex="-1">{w.trial_done_heading}</h1>
            <p class="done__text" data-testid="trial-done">{w.trial_done_text}</p>
            <button type="button" class="btn btn--primary" on:click=move |_| on_restart.run(())>
                {w.to_start}
            </button>
        </section>
    }
}
