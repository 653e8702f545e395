//! The screen after sending.

use leptos::prelude::*;

use crate::ui::browser::focus;
use crate::ui::context::use_words;

/// Thanks the respondent and says whether the device kept the answers.
#[component]
pub fn DonePage(
    /// Whether the response is stored on the device.
    saved: bool,
    /// Called to go back to the start screen.
    on_restart: Callback<()>,
) -> impl IntoView {
    let w = use_words();
    request_animation_frame(|| focus("done-title"));
    view! {
        <section class="done" data-testid="done">
            <h1 id="done-title" tabindex="-1">{move || w.get().done_heading}</h1>
            <p class=if saved { "done__text" } else { "notice notice--error" } role=(!saved).then_some("alert")>
                {move || if saved { w.get().done_saved } else { w.get().done_not_saved }}
            </p>
            <button type="button" class="btn btn--primary" on:click=move |_| on_restart.run(())>
                {move || w.get().to_start}
            </button>
        </section>
    }
}
