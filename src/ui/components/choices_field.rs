//! Check boxes for a multiple choice.

use leptos::prelude::*;

use crate::domain::answer::Answer;
use crate::domain::instrument::Choice;
use crate::ui::context::{use_lang, use_words};

/// One check box per option, an optional maximum (further boxes are disabled once it is
/// reached), and "weet ik niet" where offered, which clears the other boxes.
#[component]
pub fn ChoicesField(
    /// Group name (the item id).
    name: String,
    /// The options, in order.
    options: Vec<Choice>,
    /// Most options that may be picked.
    max: Option<usize>,
    /// Whether "weet ik niet" is offered.
    dont_know: bool,
    /// Current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with the new set of picked codes.
    on_answer: Callback<Answer>,
) -> impl IntoView {
    let lang = use_lang();
    let w = use_words();
    let picked = move || match answer.get() {
        Some(Answer::Choices(c)) => c,
        _ => Vec::new(),
    };
    let hint = move || match max {
        Some(m) => format!("{} {m}.", w.get().choose_at_most),
        None => w.get().choose_any.to_string(),
    };
    let boxes = options
        .into_iter()
        .map(|c| {
            let code = c.code.clone();
            let is_checked = {
                let code = code.clone();
                move || picked().contains(&code)
            };
            let full = {
                let is_checked = is_checked.clone();
                move || max.is_some_and(|m| picked().len() >= m) && !is_checked()
            };
            let toggle = move |_| {
                let mut now = picked();
                if let Some(pos) = now.iter().position(|x| *x == code) {
                    now.remove(pos);
                } else {
                    now.push(code.clone());
                }
                on_answer.run(Answer::Choices(now));
            };
            view! {
                <label class="option">
                    <input
                        class="option__input"
                        type="checkbox"
                        name=name.clone()
                        value=c.code.clone()
                        prop:checked=is_checked
                        disabled=full
                        on:change=toggle
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
                    type="checkbox"
                    name=name.clone()
                    value="weet_niet"
                    prop:checked=move || answer.with(|a| *a == Some(Answer::DontKnow))
                    on:change=move |_| {
                        if answer.with_untracked(|a| *a == Some(Answer::DontKnow)) {
                            on_answer.run(Answer::Choices(Vec::new()));
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
        <p class="question__hint">{hint}</p>
        <div class="options">{boxes}{dont_know}</div>
    }
}
