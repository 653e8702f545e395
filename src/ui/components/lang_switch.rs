//! The NL/EN switch.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::context::{use_lang, use_words};

/// Two buttons, NL and EN; the pressed one is the current language.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let w = use_words();
    view! {
        <div class="lang" role="group" aria-label=move || w.get().language>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    let label = match l {
                        Lang::Nl => "Nederlands",
                        Lang::En => "English",
                    };
                    view! {
                        <button
                            type="button"
                            class="lang__button"
                            lang=l.code()
                            aria-label=label
                            data-testid=format!("lang-{}", l.code())
                            aria-pressed=move || (lang.get() == l).to_string()
                            on:click=move |_| lang.set(l)
                        >
                            {l.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
