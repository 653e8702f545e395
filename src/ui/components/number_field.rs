//! A whole-number field with a range.

use leptos::prelude::*;

use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::text::{Lang, Text};
use crate::ui::components::option_list::OptionList;
use crate::ui::i18n::use_words;

/// A numeric input. A value that is not a whole number shows a hint and is not stored;
/// an empty field clears the answer.
#[component]
pub fn NumberField(
    /// Language of the texts.
    lang: Lang,
    /// Field name (the item id).
    name: String,
    /// Smallest value.
    min: i64,
    /// Largest value.
    max: i64,
    /// Unit shown after the field.
    unit: Option<Text>,
    /// The "weet ik niet" option (code and label), where offered.
    dont_know: Option<Vec<(String, String)>>,
    /// Current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with a number (or "weet ik niet").
    on_answer: Callback<Answer>,
    /// Called when the field is emptied.
    on_clear: Callback<()>,
) -> impl IntoView {
    let w = use_words(lang);
    let input_id = format!("{name}-input");
    let not_a_number = RwSignal::new(false);
    let value = move || match answer.get() {
        Some(Answer::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let label = format!("{} {min} {} {max}", w.number_from, w.number_to);
    let unit = unit.map(|u| view! { <span class="number__unit">{u.get(lang).to_string()}</span> });
    let dont_know = dont_know.map(|options| {
        let selected = Signal::derive(move || match answer.get() {
            Some(Answer::DontKnow) => vec![DONT_KNOW_CODE.to_string()],
            _ => Vec::new(),
        });
        let on_pick = Callback::new(move |_: String| {
            if answer.with_untracked(|a| *a == Some(Answer::DontKnow)) {
                on_clear.run(());
            } else {
                on_answer.run(Answer::DontKnow);
            }
        });
        view! { <OptionList name=format!("{name}-dont-know") multiple=true options selected on_pick /> }
    });
    view! {
        <div class="number">
            <label class="number__label" for=input_id.clone()>{label}</label>
            <input
                id=input_id
                class="number__input"
                type="number"
                inputmode="numeric"
                autocomplete="off"
                min=min
                max=max
                step="1"
                prop:value=value
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    let raw = raw.trim();
                    not_a_number.set(false);
                    if raw.is_empty() {
                        on_clear.run(());
                    } else if let Ok(n) = raw.parse::<i64>() {
                        on_answer.run(Answer::Number(n));
                    } else {
                        not_a_number.set(true);
                    }
                }
            />
            {unit}
        </div>
        <p class="question__hint" aria-live="polite">
            {move || not_a_number.get().then_some(w.err_not_a_number)}
        </p>
        {dont_know}
    }
}
