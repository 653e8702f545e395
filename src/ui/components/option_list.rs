//! A list of labelled radio buttons or check boxes: the one widget behind single and
//! multiple choice, scales, yes/no, share items, matrix rows and "weet ik niet".

use leptos::prelude::*;

use crate::domain::answer::DONT_KNOW_CODE;

/// Each option is a big label around its input, so the whole row is a touch target.
/// Native inputs keep keyboard use (Tab, arrows, Space) and screen readers working.
#[component]
pub fn OptionList(
    /// Input name: one radio group (or check box group) per list.
    name: String,
    /// Check boxes instead of radio buttons.
    multiple: bool,
    /// `(code, label)` pairs in order; [`DONT_KNOW_CODE`] is styled apart.
    options: Vec<(String, String)>,
    /// The codes currently selected.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// With check boxes: the most options that may be ticked; further boxes are disabled.
    #[prop(optional)]
    max: Option<usize>,
    /// Extra class for the list, e.g. `options--row` for a matrix scale.
    #[prop(optional)]
    class: &'static str,
    /// An id for the first input, so focus can be moved to the list.
    #[prop(optional, into)]
    first_id: Option<String>,
    /// Called with the code of the option the user picked or toggled.
    on_pick: Callback<String>,
) -> impl IntoView {
    let input_type = if multiple { "checkbox" } else { "radio" };
    let inputs = options
        .into_iter()
        .enumerate()
        .map(|(n, (code, label))| {
            let id = if n == 0 { first_id.clone() } else { None };
            let dont_know = code == DONT_KNOW_CODE;
            let checked = {
                let code = code.clone();
                move || selected.with(|s| s.contains(&code))
            };
            let disabled = {
                let checked = checked.clone();
                move || {
                    !dont_know
                        && max.is_some_and(|m| {
                            selected
                                .with(|s| s.iter().filter(|c| *c != DONT_KNOW_CODE).count() >= m)
                        })
                        && !checked()
                }
            };
            view! {
                <label class=if dont_know { "option option--dont-know" } else { "option" }>
                    <input
                        id=id
                        class="option__input"
                        type=input_type
                        name=name.clone()
                        value=code.clone()
                        prop:checked=checked
                        disabled=disabled
                        on:change=move |_| on_pick.run(code.clone())
                    />
                    <span class="option__label">{label}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class=format!("options {class}")>{inputs}</div> }
}
