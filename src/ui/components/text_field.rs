//! Open text, always with a reminder not to write names.

use leptos::prelude::*;

use crate::domain::answer::Answer;
use crate::ui::context::use_words;

/// A text area with a length limit, a counter and a privacy reminder: open text can
/// identify a person, so the respondent is told not to write names.
#[component]
pub fn TextField(
    /// Field name (the item id).
    name: String,
    /// Maximum length in characters.
    max_length: usize,
    /// Current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with the text as typed (blank text clears the answer).
    on_answer: Callback<Answer>,
) -> impl IntoView {
    let w = use_words();
    let note_id = format!("{name}-privacy");
    let text = move || match answer.get() {
        Some(Answer::Text(t)) => t,
        _ => String::new(),
    };
    let left = move || max_length.saturating_sub(text().chars().count());
    view! {
        <p class="question__privacy" id=note_id.clone()>{move || w.get().open_text_privacy}</p>
        <textarea
            class="text__input"
            name=name
            rows="5"
            maxlength=max_length.to_string()
            aria-describedby=note_id
            prop:value=text
            on:input=move |ev| on_answer.run(Answer::Text(event_target_value(&ev)))
        ></textarea>
        <p class="question__hint">{move || format!("{} {}", left(), w.get().chars_left)}</p>
    }
}
