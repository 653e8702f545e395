//! The NL/EN switch.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::context::use_lang;
use crate::ui::i18n::words;

/// Two buttons, NL and EN; the pressed one is the current language.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let buttons = Lang::ALL.map(|l| {
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
                // ASCII: the codes are "nl" and "en" (and no Unicode case tables in the download).
                {l.code().to_ascii_uppercase()}
            </button>
        }
    });
    view! {
        <div class="lang" role="group" aria-label=move || words(lang.get()).language>
            {buttons}
        </div>
    }
}
