//! The screen after sending.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::i18n::words;

/// Thanks the respondent and says whether the device kept the answers.
#[component]
pub fn DonePage(
    /// Language of the texts.
    lang: Lang,
    /// Whether the response is stored on the device.
    saved: bool,
    /// Called to go back to the start screen.
    on_restart: Callback<()>,
) -> impl IntoView {
    let w = words(lang);
    request_animation_frame(|| focus("done-title"));
    let (class, text) = if saved {
        ("done__text", w.done_saved)
    } else {
        ("notice notice--error", w.done_not_saved)
    };
    view! {
        <section class="done" data-testid="done">
            <h1 id="done-title" tabindex="-1">{w.done_heading}</h1>
            <p class=class role=(!saved).then_some("alert")>{text}</p>
            <button type="button" class="btn btn--primary" on:click=move |_| on_restart.run(())>
                {w.to_start}
            </button>
        </section>
    }
}
