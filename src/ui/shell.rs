//! What both apps share around their screens: the services (storage, language) and the
//! page frame (header with the language switch, the banners, the main region).

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::set_document_lang;
use crate::ui::components::banners::Banners;
use crate::ui::components::lang_switch::LangSwitch;
use crate::ui::context::{LangContext, Persist};
use crate::ui::i18n::{Address, AddressContext};

/// Opens storage (falling back to memory) and the language, provides both as context
/// with the way the screens address the reader (`address`: "u" for the team app), and
/// reloads the page when only its fragment changes (an invitation pasted into an open
/// tab), so the app starts afresh in the mode the address says.
pub fn provide_services(address: Address) -> (Persist, RwSignal<Lang>) {
    let persist = Persist::open();
    provide_context(persist);
    provide_context(AddressContext(RwSignal::new(address)));
    // Dutch unless the user chose English on this device: Spiegel is made for Dutch
    // schools, whose devices are not always set to Dutch.
    let lang = RwSignal::new(persist.lang().unwrap_or_default());
    provide_context(LangContext(lang));
    Effect::new(move |_| {
        let l = lang.get();
        set_document_lang(l);
        persist.set_lang(l);
    });
    let reload = window_event_listener(leptos::ev::hashchange, |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    on_cleanup(move || reload.remove());
    (persist, lang)
}

/// The page frame: the header with the app's name and the language switch, then the
/// main region with the storage banners above the screen.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <header class="app__header">
            <span class="app__name">"Spiegel"</span>
            <LangSwitch />
        </header>
        <main id="main" class="app__main">
            <Banners />
            {children()}
        </main>
    }
}
