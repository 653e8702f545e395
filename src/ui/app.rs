//! The root component: provides the services and switches between the screens.

use leptos::prelude::*;

use crate::domain::builtin;
use crate::domain::instrument::Instrument;
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::ui::browser::set_document_lang;
use crate::ui::components::banners::Banners;
use crate::ui::components::lang_switch::LangSwitch;
use crate::ui::context::{LangContext, Persist};
use crate::ui::i18n::words;
use crate::ui::pages::done::DonePage;
use crate::ui::pages::runner::RunnerPage;
use crate::ui::pages::start::StartPage;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Screen {
    Start,
    Run,
    /// Done; `saved` tells whether the device kept the response.
    Done {
        saved: bool,
    },
}

/// The whole app. Opens storage (falling back to memory), resumes a session in
/// progress, and shows the start, runner or done screen. All state lives here, so the
/// screen can be rebuilt in the other language without losing anything.
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

    let body = match builtin::student() {
        Ok(instrument) => Screens::new(persist, instrument).view(lang).into_any(),
        Err(_) => view! {
            <p class="notice notice--error" role="alert">
                {move || words(lang.get()).err_instrument}
            </p>
        }
        .into_any(),
    };
    view! {
        <header class="app__header">
            <span class="app__name">"Spiegel"</span>
            <LangSwitch />
        </header>
        <main id="main" class="app__main">
            <Banners />
            {body}
        </main>
    }
}

/// The screens and the state they share.
#[derive(Clone, Copy)]
struct Screens {
    persist: Persist,
    instrument: StoredValue<Instrument>,
    session: RwSignal<Session>,
    screen: RwSignal<Screen>,
}

impl Screens {
    fn new(persist: Persist, instrument: Instrument) -> Screens {
        let (session, screen) = match persist.load_session(&instrument) {
            Some(s) => (s, Screen::Run),
            None => (Session::start(&instrument), Screen::Start),
        };
        Screens {
            persist,
            instrument: StoredValue::new(instrument),
            session: RwSignal::new(session),
            screen: RwSignal::new(screen),
        }
    }

    /// The current screen, rebuilt when the screen or the language changes.
    fn view(self, lang: RwSignal<Lang>) -> impl IntoView {
        let Screens { persist, instrument, session, screen } = self;
        let start = Callback::new(move |()| {
            let fresh = instrument.with_value(Session::start);
            instrument.with_value(|i| persist.save_session(i, &fresh));
            session.set(fresh);
            screen.set(Screen::Run);
        });
        let done = Callback::new(move |saved: bool| screen.set(Screen::Done { saved }));
        let restart = Callback::new(move |()| screen.set(Screen::Start));
        move || {
            let lang = lang.get();
            match screen.get() {
                Screen::Start => view! { <StartPage lang=lang on_student=start /> }.into_any(),
                Screen::Run => view! {
                    <RunnerPage lang=lang instrument=instrument session=session on_done=done />
                }
                .into_any(),
                Screen::Done { saved } => {
                    view! { <DonePage lang=lang saved=saved on_restart=restart /> }.into_any()
                }
            }
        }
    }
}
