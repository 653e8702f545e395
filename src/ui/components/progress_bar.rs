//! The progress bar above each question.

use leptos::prelude::*;

use crate::domain::session::Progress;
use crate::ui::context::use_words;

/// "Vraag 5 van 48" with a bar; the bar is a `progressbar` for screen readers.
#[component]
pub fn ProgressBar(
    /// Where the respondent is.
    #[prop(into)]
    progress: Signal<Progress>,
) -> impl IntoView {
    let w = use_words();
    let label = move || {
        let p = progress.get();
        format!("{} {} {} {}", w.get().question, p.position, w.get().of, p.total)
    };
    view! {
        <div class="progress">
            <p class="progress__text" data-testid="progress">{label}</p>
            <div
                class="progress__track"
                role="progressbar"
                aria-label=move || w.get().progress
                aria-valuemin="0"
                aria-valuemax=move || progress.get().total.to_string()
                aria-valuenow=move || progress.get().position.to_string()
                aria-valuetext=label
            >
                <div
                    class="progress__fill"
                    style:width=move || {
                        let p = progress.get();
                        format!("{}%", if p.total == 0 { 100 } else { p.position * 100 / p.total })
                    }
                ></div>
            </div>
        </div>
    }
}
