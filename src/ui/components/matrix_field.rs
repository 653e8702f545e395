//! A matrix: several statements on one shared scale, each its own radio group.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::answer::{Answer, DONT_KNOW_CODE};
use crate::domain::instrument::{Choice, Row};
use crate::ui::context::{use_lang, use_words};

/// Each row is a small `fieldset` with the statement as `legend` and the scale as radio
/// buttons, stacked so it reads well on a phone.
#[component]
pub fn MatrixField(
    /// Group name prefix (the item id).
    name: String,
    /// The rows.
    rows: Vec<Row>,
    /// The shared scale.
    points: Vec<Choice>,
    /// Whether "weet ik niet" is offered per row.
    dont_know: bool,
    /// Current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with all rows answered so far.
    on_answer: Callback<Answer>,
) -> impl IntoView {
    let lang = use_lang();
    let w = use_words();
    let current = move || match answer.get() {
        Some(Answer::Rows(r)) => r,
        _ => BTreeMap::new(),
    };
    let mut codes: Vec<(String, Option<Choice>)> =
        points.into_iter().map(|p| (p.code.clone(), Some(p))).collect();
    if dont_know {
        codes.push((DONT_KNOW_CODE.to_string(), None));
    }
    rows.into_iter()
        .map(|row| {
            let group = format!("{name}.{}", row.id);
            let radios = codes
                .iter()
                .cloned()
                .map(|(code, point)| {
                    let row_id = row.id.clone();
                    let checked = {
                        let (row_id, code) = (row_id.clone(), code.clone());
                        move || current().get(&row_id) == Some(&code)
                    };
                    let pick = {
                        let code = code.clone();
                        move |_| {
                            let mut now = current();
                            now.insert(row_id.clone(), code.clone());
                            on_answer.run(Answer::Rows(now));
                        }
                    };
                    let label = move || match &point {
                        Some(p) => p.label.get(lang.get()).to_string(),
                        None => w.get().dont_know.to_string(),
                    };
                    view! {
                        <label class="option option--compact">
                            <input class="option__input" type="radio" name=group.clone() value=code prop:checked=checked on:change=pick />
                            <span class="option__label">{label}</span>
                        </label>
                    }
                })
                .collect_view();
            let text = row.text.clone();
            view! {
                <fieldset class="matrix__row" data-testid=format!("row-{}", row.id)>
                    <legend class="matrix__statement">{move || text.get(lang.get()).to_string()}</legend>
                    <div class="options options--row">{radios}</div>
                </fieldset>
            }
        })
        .collect_view()
}
