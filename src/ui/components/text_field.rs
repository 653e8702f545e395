//! Open text, always with a reminder not to write names.

use leptos::prelude::*;

use crate::domain::answer::Answer;
use crate::domain::text::Lang;
use crate::ui::i18n::use_words;

/// A text area with a length limit, a counter and a privacy reminder: open text can
/// identify a person, so the respondent is told not to write names.
#[component]
pub fn TextField(
    /// Language of the texts.
    lang: Lang,
    /// Field name (the item id).
    name: String,
    /// Maximum length in characters.
    max_length: usize,
    /// Id of the element that labels the text area (the question text).
    labelled_by: &'static str,
    /// Current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with the text as typed (blank text clears the answer).
    on_answer: Callback<Answer>,
) -> impl IntoView {
    let w = use_words(lang);
    let note_id = format!("{name}-privacy");
    let text = move || match answer.get() {
        Some(Answer::Text(t)) => t,
        _ => String::new(),
    };
    let left = move || {
        let left = max_length.saturating_sub(text().chars().count());
        format!("{left} {}", if left == 1 { w.char_left } else { w.chars_left })
    };
    view! {
        <p class="question__privacy" id=note_id.clone()>{w.open_text_privacy}</p>
        <textarea
            class="text__input"
            name=name
            rows="5"
            autocomplete="off"
            maxlength=max_length
            aria-labelledby=labelled_by
            aria-describedby=note_id
            prop:value=text
            on:input=move |ev| on_answer.run(Answer::Text(event_target_value(&ev)))
        ></textarea>
        <p class="question__hint">{left}</p>
    }
}
