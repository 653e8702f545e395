//! Radio buttons for one answer: single choice, scale, yes/no and share items.

use leptos::prelude::*;

use crate::domain::answer::Answer;
use crate::domain::instrument::Choice;
use crate::ui::context::{use_lang, use_words};

/// One radio button per option, plus "weet ik niet" where offered. Each option is a big
/// label, so the whole row is a touch target.
#[component]
pub fn ChoiceField(
    /// Radio group name (the item id).
    name: String,
    /// The options, in order.
    choices: Vec<Choice>,
    /// Whether "weet ik niet" is offered.
    dont_know: bool,
    /// Current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with the picked answer.
    on_answer: Callback<Answer>,
) -> impl IntoView {
    let lang = use_lang();
    let w = use_words();
    let options = choices
        .into_iter()
        .map(|c| {
            let code = c.code.clone();
            let checked = {
                let code = code.clone();
                move || answer.with(|a| a.as_ref().is_some_and(|a| a.has_code(&code)))
            };
            view! {
                <label class="option">
                    <input
                        class="option__input"
                        type="radio"
                        name=name.clone()
                        value=code.clone()
                        prop:checked=checked
                        on:change=move |_| on_answer.run(Answer::Choice(code.clone()))
                    />
                    <span class="option__label">{move || c.label.get(lang.get()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    let dont_know = dont_know.then(|| {
        view! {
            <label class="option option--dont-know">
                <input
                    class="option__input"
                    type="radio"
                    name=name.clone()
                    value="weet_niet"
                    prop:checked=move || answer.with(|a| *a == Some(Answer::DontKnow))
                    on:change=move |_| on_answer.run(Answer::DontKnow)
                />
                <span class="option__label">{move || w.get().dont_know}</span>
            </label>
        }
    });
    view! { <div class="options">{options}{dont_know}</div> }
}
