//! A whole-number field with a range.

use leptos::prelude::*;

use crate::domain::answer::Answer;
use crate::domain::text::Text;
use crate::ui::context::{use_lang, use_words};

/// A numeric input. A value that is not a whole number shows a hint and is not stored;
/// an empty field clears the answer.
#[component]
pub fn NumberField(
    /// Field name (the item id).
    name: String,
    /// Smallest value.
    min: i64,
    /// Largest value.
    max: i64,
    /// Unit shown after the field.
    unit: Option<Text>,
    /// Whether "weet ik niet" is offered.
    dont_know: bool,
    /// Current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with a number (or "weet ik niet").
    on_answer: Callback<Answer>,
    /// Called when the field is emptied.
    on_clear: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let w = use_words();
    let input_id = format!("{name}-input");
    let not_a_number = RwSignal::new(false);
    let value = move || match answer.get() {
        Some(Answer::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let label = move || format!("{} {min} {} {max}", w.get().number_from, w.get().number_to);
    let unit = unit.map(
        |u| view! { <span class="number__unit">{move || u.get(lang.get()).to_string()}</span> },
    );
    let dont_know = dont_know.then(|| {
        view! {
            <label class="option option--dont-know">
                <input
                    class="option__input"
                    type="checkbox"
                    prop:checked=move || answer.with(|a| *a == Some(Answer::DontKnow))
                    on:change=move |_| {
                        if answer.with_untracked(|a| *a == Some(Answer::DontKnow)) {
                            on_clear.run(());
                        } else {
                            on_answer.run(Answer::DontKnow);
                        }
                    }
                />
                <span class="option__label">{move || w.get().dont_know}</span>
            </label>
        }
    });
    view! {
        <div class="number">
            <label class="number__label" for=input_id.clone()>{label}</label>
            <input
                id=input_id
                class="number__input"
                type="number"
                inputmode="numeric"
                min=min
                max=max
                step="1"
                prop:value=value
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    let raw = raw.trim();
                    if raw.is_empty() {
                        not_a_number.set(false);
                        on_clear.run(());
                    } else if let Ok(n) = raw.parse::<i64>() {
                        not_a_number.set(false);
                        on_answer.run(Answer::Number(n));
                    } else {
                        not_a_number.set(true);
                    }
                }
            />
            {unit}
        </div>
        <p class="question__hint" aria-live="polite">
            {move || not_a_number.get().then(|| w.get().err_not_a_number)}
        </p>
        {dont_know}
    }
}
