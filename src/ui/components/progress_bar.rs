//! The progress bar above each question.

use leptos::prelude::*;

use crate::domain::session::Progress;
use crate::domain::text::Lang;
use crate::ui::i18n::use_words;

/// "Deel 3 van 8" above a native `<progress>` bar, which screen readers announce as a
/// progress bar without any extra ARIA. Both stay steady through a run: the parts are
/// every section of the vragenlijst, the bar the place among all its questions (see
/// [`Progress`]). A vragenlijst of one part shows how far along it is in percent.
#[component]
pub fn ProgressBar(
    /// Language of the texts.
    lang: Lang,
    /// Where the respondent is.
    #[prop(into)]
    progress: Signal<Progress>,
) -> impl IntoView {
    let w = use_words(lang);
    let label = move || {
        let p = progress.get();
        if p.parts > 1 {
            format!("{} {} {} {}", w.part, p.part, w.of, p.parts)
        } else {
            format!("{} % {}", p.permille / 10, w.percent_done)
        }
    };
    view! {
        <div class="progress">
            <p class="progress__text" id="progress-text" data-testid="progress">{label}</p>
            <progress
                class="progress__bar"
                aria-labelledby="progress-text"
                max="1000"
                value=move || progress.get().permille
            ></progress>
        </div>
    }
}
