//! One question: its text, help, and the field for its kind.

use leptos::prelude::*;

use crate::domain::answer::Answer;
use crate::domain::instrument::{Item, ItemKind};
use crate::ui::components::choice_field::ChoiceField;
use crate::ui::components::choices_field::ChoicesField;
use crate::ui::components::matrix_field::MatrixField;
use crate::ui::components::number_field::NumberField;
use crate::ui::components::text_field::TextField;
use crate::ui::context::{use_lang, use_words};

/// A question as a `fieldset` whose `legend` is the question text.
#[component]
pub fn QuestionView(
    /// The item to show.
    item: Item,
    /// Its current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with a new answer.
    on_answer: Callback<Answer>,
    /// Called when the answer is emptied (a cleared number or text).
    on_clear: Callback<()>,
    /// Id for the question text, which receives focus when the screen shows.
    title_id: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let w = use_words();
    let text = item.text.clone();
    let help_id = format!("{}-help", item.id);
    let help = item.help.clone().map(|h| {
        view! { <p class="question__help" id=help_id.clone()>{move || h.get(lang.get()).to_string()}</p> }
    });
    let described = item.help.is_some().then(|| help_id.clone());
    let optional = (!item.required)
        .then(|| view! { <p class="question__optional">{move || w.get().optional}</p> });
    let name = item.id.clone();
    let field = match item.kind.clone() {
        ItemKind::MultipleChoice { options, max } => view! {
            <ChoicesField name=name options=options max=max dont_know=item.dont_know answer=answer on_answer=on_answer />
        }
        .into_any(),
        ItemKind::Number { min, max, unit } => view! {
            <NumberField name=name min=min max=max unit=unit dont_know=item.dont_know answer=answer on_answer=on_answer on_clear=on_clear />
        }
        .into_any(),
        ItemKind::OpenText { max_length } => view! {
            <TextField name=name max_length=max_length answer=answer on_answer=on_answer />
        }
        .into_any(),
        ItemKind::Matrix { rows, points } => view! {
            <MatrixField name=name rows=rows points=points dont_know=item.dont_know answer=answer on_answer=on_answer />
        }
        .into_any(),
        kind => view! {
            <ChoiceField name=name choices=kind.choices() dont_know=item.dont_know answer=answer on_answer=on_answer />
        }
        .into_any(),
    };
    view! {
        <fieldset class="question__fieldset" aria-describedby=described data-testid=format!("question-{}", item.id)>
            <legend class="question__legend">
                <span id=title_id class="question__title" tabindex="-1">
                    {move || text.get(lang.get()).to_string()}
                </span>
            </legend>
            {help}
            {optional}
            {field}
        </fieldset>
    }
}
