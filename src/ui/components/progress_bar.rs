//! The progress bar above each question.

use leptos::prelude::*;

use crate::domain::session::Progress;
use crate::domain::text::Lang;
use crate::ui::i18n::words;

/// "Vraag 5 van 48" above a native `<progress>` bar, which screen readers announce as a
/// progress bar without any extra ARIA.
#[component]
pub fn ProgressBar(
    /// Language of the texts.
    lang: Lang,
    /// Where the respondent is.
    #[prop(into)]
    progress: Signal<Progress>,
) -> impl IntoView {
    let w = words(lang);
    let label = move || {
        let p = progress.get();
        format!("{} {} {} {}", w.question, p.position, w.of, p.total)
    };
    view! {
        <div class="progress">
            <p class="progress__text" id="progress-text" data-testid="progress">{label}</p>
            <progress
                class="progress__bar"
                aria-labelledby="progress-text"
                max=move || progress.get().total.max(1)
                value=move || progress.get().position
            ></progress>
        </div>
    }
}
