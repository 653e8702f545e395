//! The root component: provides the services and switches between the screens.

use leptos::prelude::*;

use crate::domain::catalog::{Catalog, Origin};
use crate::domain::instrument::Instrument;
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::ui::browser::set_document_lang;
use crate::ui::components::banners::Banners;
use crate::ui::components::lang_switch::LangSwitch;
use crate::ui::context::{LangContext, Persist};
use crate::ui::i18n::words;
use crate::ui::pages::done::DonePage;
use crate::ui::pages::own::{Loaded, OwnPage};
use crate::ui::pages::runner::RunnerPage;
use crate::ui::pages::start::{Choice, StartPage};

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Screen {
    Start,
    Run,
    /// Done; `saved` tells whether the device kept the response.
    Done {
        saved: bool,
    },
    /// Opening an own instrument file.
    Own,
}

/// The whole app. Opens storage (falling back to memory), resumes a run in progress,
/// and shows the start, runner, done or own-instrument screen. All state lives here, so
/// a screen can be rebuilt in the other language without losing anything.
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
    let mut catalog = Catalog::with_builtins();
    persist.load_instruments(&mut catalog);
    let body = match Screens::new(persist, catalog) {
        Some(screens) => screens.view(lang).into_any(),
        None => view! {
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
    catalog: StoredValue<Catalog>,
    /// The instrument being run (or last run).
    instrument: StoredValue<Instrument>,
    session: RwSignal<Session>,
    screen: RwSignal<Screen>,
}

impl Screens {
    /// `None` only if not a single instrument could be read (a bug the host tests catch).
    fn new(persist: Persist, catalog: Catalog) -> Option<Screens> {
        let resumed = persist.active().and_then(|id| {
            let instrument = catalog.get(&id)?.clone();
            let session = persist.load_session(&instrument)?;
            Some((instrument, session))
        });
        let (instrument, session, screen) = match resumed {
            Some((i, s)) => (i, s, Screen::Run),
            None => {
                let first = catalog.entries().next()?.1.clone();
                let session = Session::start(&first);
                (first, session, Screen::Start)
            }
        };
        Some(Screens {
            persist,
            catalog: StoredValue::new(catalog),
            instrument: StoredValue::new(instrument),
            session: RwSignal::new(session),
            screen: RwSignal::new(screen),
        })
    }

    /// Starts (or resumes) the instrument with this id.
    fn start(self, id: &str) {
        let Some(instrument) = self.catalog.with_value(|c| c.get(id).cloned()) else { return };
        let session =
            self.persist.load_session(&instrument).unwrap_or_else(|| Session::start(&instrument));
        self.persist.save_session(&instrument, &session);
        self.persist.set_active(&instrument.id);
        self.instrument.set_value(instrument);
        self.session.set(session);
        self.screen.set(Screen::Run);
    }

    /// Checks an own instrument file; keeps it when valid. Messages are in `lang`.
    fn accept(self, json: &str, lang: Lang) -> Result<Loaded, Vec<String>> {
        let accepted = self.catalog.try_update_value(|c| {
            c.accept(json)
                .map(|i| (i.id.clone(), i.title.get(lang).to_string(), i.item_count()))
                .map_err(|problems| problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>())
        });
        let (id, title, items) =
            accepted.unwrap_or_else(|| Err(vec![words(lang).err_other.to_string()]))?;
        let saved = self.persist.save_instrument(&id, json);
        Ok(Loaded { id, title, items, saved })
    }

    /// The current screen, rebuilt when the screen or the language changes.
    fn view(self, lang: RwSignal<Lang>) -> impl IntoView {
        let Screens { instrument, session, screen, catalog, .. } = self;
        let start = Callback::new(move |id: String| self.start(&id));
        let done = Callback::new(move |saved: bool| screen.set(Screen::Done { saved }));
        let to_start = Callback::new(move |()| screen.set(Screen::Start));
        let open_own = Callback::new(move |()| screen.set(Screen::Own));
        move || {
            let lang = lang.get();
            match screen.get() {
                Screen::Start => {
                    let own = catalog.with_value(|c| {
                        c.entries()
                            .filter(|(o, _)| *o == Origin::Own)
                            .map(|(_, i)| Choice {
                                id: i.id.clone(),
                                title: i.title.get(lang).to_string(),
                            })
                            .collect::<Vec<_>>()
                    });
                    view! { <StartPage lang own on_start=start on_open_own=open_own /> }.into_any()
                }
                Screen::Run => {
                    view! { <RunnerPage lang instrument session on_done=done /> }.into_any()
                }
                Screen::Done { saved } => {
                    view! { <DonePage lang saved on_restart=to_start /> }.into_any()
                }
                Screen::Own => {
                    let on_file = Callback::new(move |json: String| self.accept(&json, lang));
                    view! { <OwnPage lang on_file on_start=start on_back=to_start /> }.into_any()
                }
            }
        }
    }
}
