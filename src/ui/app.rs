//! The root component: provides the services and switches between the screens.

use leptos::prelude::*;

use crate::domain::builtin;
use crate::domain::instrument::Instrument;
use crate::domain::session::Session;
use crate::ui::browser::set_document_lang;
use crate::ui::components::banners::Banners;
use crate::ui::components::lang_switch::LangSwitch;
use crate::ui::context::{use_words, LangContext, Persist};
use crate::ui::pages::done::DonePage;
use crate::ui::pages::runner::RunnerPage;
use crate::ui::pages::start::StartPage;

/// Which screen is shown.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Start,
    /// Running, starting from (or resuming) this session.
    Run(Session),
    /// Done; `saved` tells whether the device kept the response.
    Done {
        saved: bool,
    },
}

/// The whole app. Opens storage (falling back to memory), resumes a session in
/// progress, and shows the start, runner or done screen.
#[component]
pub fn App() -> impl IntoView {
    let persist = Persist::open();
    provide_context(persist);
    // Dutch unless the user chose English on this device: Spiegel is made for Dutch
    // schools, whose devices are not always set to Dutch.
    let lang = RwSignal::new(persist.lang().unwrap_or_default());
    provide_context(LangContext(lang));
    Effect::new(move |_| {
        let l = lang.get();
        set_document_lang(l);
        persist.set_lang(l);
    });
    let words = use_words();

    let body = match builtin::student() {
        Ok(instrument) => app_body(persist, instrument).into_any(),
        Err(_) => view! {
            <p class="notice notice--error" role="alert">{move || words.get().err_instrument}</p>
        }
        .into_any(),
    };
    view! {
        <header class="app__header">
            <span class="app__name">{move || words.get().app_name}</span>
            <LangSwitch />
        </header>
        <main id="main" class="app__main">
            <Banners />
            {body}
        </main>
    }
}

fn app_body(persist: Persist, instrument: Instrument) -> impl IntoView {
    let screen = RwSignal::new(match persist.load_session(&instrument) {
        Some(session) => Screen::Run(session),
        None => Screen::Start,
    });
    let instrument = StoredValue::new(instrument);
    let start = Callback::new(move |()| {
        let session = instrument.with_value(Session::start);
        instrument.with_value(|i| persist.save_session(i, &session));
        screen.set(Screen::Run(session));
    });
    let done = Callback::new(move |saved: bool| screen.set(Screen::Done { saved }));
    let restart = Callback::new(move |()| screen.set(Screen::Start));
    move || match screen.get() {
        Screen::Start => view! { <StartPage on_student=start /> }.into_any(),
        Screen::Run(session) => {
            view! { <RunnerPage instrument=instrument.get_value() session=session on_done=done /> }
                .into_any()
        }
        Screen::Done { saved } => view! { <DonePage saved=saved on_restart=restart /> }.into_any(),
    }
}
