//! One question: its text, help, and the field for its kind.

use leptos::prelude::*;

use crate::domain::answer::{pick_one, toggle_with, with_row, Answer, DONT_KNOW_CODE};
use crate::domain::instrument::{Choice, Item, ItemKind};
use crate::domain::text::Lang;
use crate::ui::components::number_field::NumberField;
use crate::ui::components::option_list::OptionList;
use crate::ui::components::text_field::TextField;
use crate::ui::i18n::use_words;

/// The id of the first input of a matrix row, so focus can be moved to it.
pub fn row_input_id(item: &str, row: &str) -> String {
    format!("row-{item}-{row}")
}

/// A question as a `fieldset` whose `legend` is the question text.
#[component]
pub fn QuestionView(
    /// Language of the texts.
    lang: Lang,
    /// The item to show.
    item: Item,
    /// Its current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with a new answer.
    on_answer: Callback<Answer>,
    /// Called when the answer is emptied (a cleared number or text).
    on_clear: Callback<()>,
    /// Id for the question text, which receives focus when the screen shows; fields
    /// without a label of their own are labelled by it.
    title_id: &'static str,
    /// A matrix's rows that still need an answer (after "Volgende"): marked.
    #[prop(optional, into)]
    open_rows: Signal<Vec<String>>,
) -> impl IntoView {
    let w = use_words(lang);
    let help_id = format!("{}-help", item.id);
    let help = item.help.as_ref().map(|h| {
        view! { <p class="question__help" id=help_id.clone()>{h.get(lang).to_string()}</p> }
    });
    let described = item.help.is_some().then_some(help_id);
    let optional =
        (!item.required).then(|| view! { <p class="question__optional">{w.optional}</p> });
    // Option labels in this language, with "weet ik niet" last where the item offers it
    // (in the item's own words where it has them, e.g. "Heb ik niet").
    let dont_know_label =
        item.dont_know_label.as_ref().map_or(w.dont_know, |t| t.get(lang)).to_string();
    let labels = |choices: Vec<Choice>| {
        let mut out: Vec<(String, String)> =
            choices.into_iter().map(|c| (c.code, c.label.get(lang).to_string())).collect();
        if item.dont_know {
            out.push((DONT_KNOW_CODE.into(), dont_know_label.clone()));
        }
        out
    };
    let selected = Signal::derive(move || {
        answer.with(|a| a.as_ref().map(Answer::selected).unwrap_or_default())
    });
    let name = item.id.clone();
    let field = match item.kind.clone() {
        ItemKind::MultipleChoice { options, max } => {
            let hint = match max {
                Some(m) => format!("{} {m}.", w.choose_at_most),
                None => w.choose_any.to_string(),
            };
            // "Niets" and the like stand alone: ticking one clears the others.
            let exclusive: Vec<String> =
                options.iter().filter(|o| o.exclusive).map(|o| o.code.clone()).collect();
            let on_pick = Callback::new(move |code: String| {
                let exclusive: Vec<&str> = exclusive.iter().map(String::as_str).collect();
                on_answer.run(toggle_with(answer.get_untracked().as_ref(), &code, &exclusive))
            });
            view! {
                <p class="question__hint">{hint}</p>
                <OptionList name multiple=true options=labels(options) selected max=max.unwrap_or(usize::MAX) on_pick />
            }
            .into_any()
        }
        ItemKind::Matrix { rows, points } => {
            let scale = labels(points);
            let item_id = item.id.clone();
            rows.into_iter()
                .map(|row| {
                    let first_id = row_input_id(&item_id, &row.id);
                    let open = {
                        let id = row.id.clone();
                        move || open_rows.with(|o| o.contains(&id))
                    };
                    let open_class = {
                        let open = open.clone();
                        move || if open() { "matrix__row matrix__row--open" } else { "matrix__row" }
                    };
                    let id = row.id.clone();
                    let selected = Signal::derive(move || match answer.get() {
                        Some(Answer::Rows(r)) => r.get(&id).cloned().into_iter().collect(),
                        _ => Vec::new(),
                    });
                    let id = row.id.clone();
                    let on_pick = Callback::new(move |code: String| {
                        on_answer.run(with_row(answer.get_untracked().as_ref(), &id, &code))
                    });
                    view! {
                        <fieldset class=open_class data-testid=format!("row-{}", row.id)
                            data-open=move || open().then_some("true")>
                            <legend class="matrix__statement">{row.text.get(lang).to_string()}</legend>
                            <OptionList
                                name=format!("{name}.{}", row.id)
                                multiple=false
                                options=scale.clone()
                                selected
                                class="options--row"
                                first_id
                                on_pick
                            />
                        </fieldset>
                    }
                })
                .collect_view()
                .into_any()
        }
        ItemKind::Number { min, max, unit } => {
            let dont_know = item.dont_know.then(|| labels(Vec::new()));
            view! { <NumberField lang name min max unit dont_know answer on_answer on_clear /> }
                .into_any()
        }
        ItemKind::OpenText { max_length } => {
            view! { <TextField lang name max_length labelled_by=title_id answer on_answer /> }
                .into_any()
        }
        kind => {
            let on_pick = Callback::new(move |code: String| on_answer.run(pick_one(&code)));
            view! { <OptionList name multiple=false options=labels(kind.choices()) selected on_pick /> }
                .into_any()
        }
    };
    view! {
        <fieldset class="question__fieldset" aria-describedby=described data-testid=format!("question-{}", item.id)>
            <legend class="question__legend">
                <span id=title_id class="question__title" tabindex="-1">{item.text.get(lang).to_string()}</span>
            </legend>
            {help}
            {optional}
            {field}
        </fieldset>
    }
}
