//! The team app's root: provides the services and switches between the screens only the
//! team device runs: metingen, a meting with its import, the mirror, the export, and
//! opening an own vragenlijst. It is a page of its own (`team.html`) with a wasm bundle
//! of its own; runs, invitations and kiosk mode are the student app's
//! ([`crate::ui::student`]), which the team screens open by going to that page.
//!
//! The fragment `#own` opens the own-vragenlijst screen; anything else the metingen.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::builtin;
use crate::domain::catalog::Catalog;
use crate::domain::envelope::Parts;
use crate::domain::instrument::{Audience, Instrument};
use crate::domain::meting::{Draft, MetingId};
use crate::domain::seal::{KeyPair, SealError};
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::storage::journal::Run;
use crate::ui::browser::{fragment, open_page, replace_page, Page};
use crate::ui::builtins::when_loaded;
use crate::ui::context::Persist;
use crate::ui::i18n::Address;
use crate::ui::shell::{provide_services, Shell};
use crate::ui::team::i18n::team::team_words;
use crate::ui::team::pages::export::{ExportPage, Format as ExportFormat};
use crate::ui::team::pages::meting::{Incoming, MetingPage, UnlockError};
use crate::ui::team::pages::meting_safety::MetingSafety;
use crate::ui::team::pages::metingen::MetingenPage;
use crate::ui::team::pages::mirror::{MirrorData, MirrorPage, MirrorState};
use crate::ui::team::pages::mirror_setup::{Choice as MirrorChoice, MirrorSetupPage};
use crate::ui::team::pages::new_meting::{InstrumentChoice, NewMetingPage};
use crate::ui::team::pages::own::{Loaded, OwnPage};
use crate::ui::team::pages::vault::{RestoreFuture, TeamVault};
use crate::ui::team::store::TeamService;

mod export;
mod mirror;
mod team;
mod vault;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Screen {
    /// Opening an own instrument file.
    Own,
    /// The team's metingen.
    Metingen,
    /// Making a meting.
    NewMeting,
    /// One meting.
    Meting(MetingId),
    /// Choosing what the mirror compares.
    MirrorSetup,
    /// The mirror.
    Mirror,
    /// The export for researchers.
    Export,
}

/// The team app.
#[component]
pub fn App() -> impl IntoView {
    let (persist, lang) = provide_services(Address::U);
    // The team store opens while the built-in vragenlijsten load.
    let team = TeamService::open(persist);
    provide_context(team);
    // Every version of every built-in vragenlijst: older metingen open with theirs.
    let body = when_loaded(builtin::FILES.iter().collect(), lang, move |builtins| {
        let mut catalog = Catalog::with_parsed_builtins(builtins);
        persist.load_instruments(&mut catalog);
        Screens::new(persist, team, catalog).view(lang)
    });
    view! { <Shell>{body}</Shell> }
}

impl Screens {
    fn new(persist: Persist, team: TeamService, catalog: Catalog) -> Screens {
        let first = if fragment() == "own" { Screen::Own } else { Screen::Metingen };
        Screens {
            persist,
            team,
            catalog: StoredValue::new(catalog),
            screen: RwSignal::new(first),
            unlocked: StoredValue::new(Vec::new()),
            keys_changed: RwSignal::new(0),
            restore_result: RwSignal::new(None),
            known: StoredValue::new(None),
            parts: StoredValue::new(Parts::new()),
            tables: StoredValue::new(Vec::new()),
            mirror: StoredValue::new(None),
            mirror_state: StoredValue::new(MirrorState::new()),
            export_doc: StoredValue::new(None),
            read_back: StoredValue::new(None),
        }
    }
}

/// An export built and the plans it fixes once it leaves.
type ExportBuilt =
    (crate::domain::export::ExportDocument, Vec<(MetingId, crate::domain::export::ExportPlan)>);

/// The screens and the state they share.
#[derive(Clone, Copy)]
struct Screens {
    persist: Persist,
    /// The team device's metingen and responses (IndexedDB).
    team: TeamService,
    catalog: StoredValue<Catalog>,
    screen: RwSignal<Screen>,
    /// Meting keys unlocked with the passphrase during this visit (never stored).
    unlocked: StoredValue<Vec<(MetingId, KeyPair)>>,
    /// Bumped when a key is unlocked or forgotten, for views that show it.
    keys_changed: RwSignal<u64>,
    /// The last restore's line on the list of metingen.
    restore_result: RwSignal<Option<Result<String, String>>>,
    /// Ids of the responses collected for the open meting, kept in step with storage.
    known: StoredValue<Option<(MetingId, BTreeSet<String>)>>,
    /// QR parts scanned so far.
    parts: StoredValue<Parts>,
    /// Collected responses opened into tables during this visit, per meting, with how
    /// many could not be opened and how many new ones the mirror holds back.
    tables: StoredValue<Vec<(MetingId, crate::domain::analysis::Table, usize, usize)>>,
    /// What the mirror compares.
    mirror: StoredValue<Option<Arc<MirrorData>>>,
    /// The mirror's view and settings.
    mirror_state: StoredValue<MirrorState>,
    /// The last export built, for its download, with the plans it fixes.
    export_doc: StoredValue<Option<ExportBuilt>>,
    /// An earlier export opened for the mirror's comparison over time.
    read_back: StoredValue<Option<crate::domain::export::ExportDocument>>,
}

impl Screens {
    /// Tries the instrument with this id on the student page: the trial is stored and
    /// marked there, and that page resumes it. Its answers go nowhere; a meting collects
    /// real ones.
    fn start(self, id: &str) {
        let Some(instrument) = self.catalog.with_value(|c| c.current(id).cloned()) else { return };
        let session = self
            .persist
            .load_session(&instrument, Run::Trial)
            .unwrap_or_else(|| Session::start(&instrument));
        self.persist.save_session(&instrument, Run::Trial, &session);
        self.persist.set_trial(&instrument.id);
        open_page(Page::Student, "");
    }

    /// Checks an own instrument file; keeps it when valid. Messages are in `lang`.
    fn accept(self, json: &str, lang: Lang) -> Result<Loaded, Vec<String>> {
        let accepted = self.catalog.try_update_value(|c| {
            c.accept(json)
                .map(|i| {
                    let key = format!("{}@{}", i.id, i.version);
                    (i.id.clone(), key, i.title.get(lang).to_string(), i.item_count())
                })
                .map_err(|problems| problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>())
        });
        let (id, key, title, items) =
            accepted.unwrap_or_else(|| Err(vec![team_words(lang).own_unreadable.to_string()]))?;
        let saved = self.persist.save_instrument(&key, json);
        Ok(Loaded { id, title, items, saved })
    }

    fn title_of(self, id: &str, lang: Lang) -> String {
        self.catalog
            .with_value(|c| c.current(id).map(|i| i.title.get(lang).to_string()))
            .unwrap_or_else(|| id.to_string())
    }

    /// Unlocks a meting by id (as text) with a PIN and remembers its key for this visit.
    fn unlock_callback(self) -> Callback<(String, String), Result<(), UnlockError>> {
        Callback::new(move |(id, pin): (String, String)| {
            let meting = MetingId::from_text(&id).and_then(|id| self.meting(id));
            let Some(meting) = meting else { return Err(UnlockError::Damaged) };
            match meting.unlock(&pin) {
                Ok(keys) => {
                    self.remember_keys(meting.id, keys);
                    Ok(())
                }
                Err(SealError::WrongPin) => Err(UnlockError::WrongPin),
                Err(_) => Err(UnlockError::Damaged),
            }
        })
    }

    /// The current screen, rebuilt when the screen or the language changes.
    fn view(self, lang: RwSignal<Lang>) -> impl IntoView {
        let Screens { screen, catalog, .. } = self;
        let start = Callback::new(move |id: String| self.start(&id));
        let to_start = Callback::new(move |()| open_page(Page::Student, ""));
        let to_metingen = Callback::new(move |()| screen.set(Screen::Metingen));
        let ready = self.team.ready;
        let idle_locked = self.idle_lock();
        let idle_notice = move || {
            idle_locked.get().then(|| {
                view! {
                    <p class="notice notice--warning" role="status" data-testid="idle-locked">
                        {crate::ui::team::i18n::vault::vault_words(lang.get()).idle_locked}
                    </p>
                }
            })
        };
        let screens = move || {
            let lang = lang.get();
            match screen.get() {
                Screen::Own => {
                    let on_file = Callback::new(move |json: String| self.accept(&json, lang));
                    view! { <OwnPage lang on_file on_start=start on_back=to_start /> }.into_any()
                }
                Screen::Metingen => {
                    // Drawn again once the team store is open and read.
                    let _ = ready.get();
                    let team = self.team;
                    let rows = Signal::derive(move || {
                        team.version.get();
                        let _ = team.team_metingen();
                        self.meting_rows(lang)
                    });
                    let on_open = Callback::new(move |id: String| {
                        if let Some(id) = MetingId::from_text(&id) {
                            screen.set(Screen::Meting(id));
                        }
                    });
                    let on_new = Callback::new(move |()| screen.set(Screen::NewMeting));
                    let on_mirror = Callback::new(move |()| screen.set(Screen::MirrorSetup));
                    let on_export = Callback::new(move |()| screen.set(Screen::Export));
                    let facts = Signal::derive(move || team.facts.get());
                    let on_restore = Callback::new(move |(file, pass): (web_sys::File, String)| {
                        let pending: RestoreFuture =
                            Box::pin(vault::restore(team, file, pass, lang));
                        pending
                    });
                    let result = self.restore_result;
                    view! {
                        <MetingenPage lang rows on_open on_new on_mirror on_export on_back=to_start />
                        <TeamVault lang facts on_restore result />
                    }
                    .into_any()
                }
                Screen::NewMeting => {
                    // The students' vragenlijsten first: most metingen are of a class.
                    let instruments = catalog.with_value(|c| {
                        let mut list: Vec<&Instrument> = c.currents().map(|(_, i)| i).collect();
                        list.sort_by_key(|i| i.audience != Audience::Student);
                        list.into_iter()
                            .map(|i| InstrumentChoice {
                                id: i.id.clone(),
                                title: i.title.get(lang).to_string(),
                            })
                            .collect::<Vec<_>>()
                    });
                    let on_create =
                        Callback::new(move |(id, draft): (String, Draft)| self.create(&id, &draft));
                    view! { <NewMetingPage lang instruments on_create on_back=to_metingen /> }
                        .into_any()
                }
                Screen::Meting(id) => {
                    // Drawn again once the team store is open and read, and when a kiosk
                    // in another tab delivered responses (counted again from the store).
                    let _ = ready.get();
                    if self.team.arrived.get() > 0 {
                        self.known.set_value(None);
                        self.forget_table(id);
                    }
                    let Some(meting) = self.meting(id) else {
                        // The meting has gone (removed in another tab): back to the list.
                        request_animation_frame(move || screen.set(Screen::Metingen));
                        return ().into_any();
                    };
                    let info = self.meting_info(&meting, lang);
                    let count = self.known_ids(id);
                    let class_size = self.persist.class_size(id);
                    let persist = self.persist;
                    let on_class_size =
                        Callback::new(move |size: Option<u32>| persist.set_class_size(id, size));
                    let unlocked = self.keys_of(id).is_some();
                    let kiosk_fragment = meting.invitation(true).to_fragment();
                    let stored = StoredValue::new(meting);
                    let on_unlock = Callback::new(move |pin: String| {
                        match stored.with_value(|m| m.unlock(&pin)) {
                            Ok(keys) => {
                                self.remember_keys(id, keys);
                                self.keys_changed.update(|n| *n += 1);
                                idle_locked.set(false);
                                Ok(())
                            }
                            Err(SealError::WrongPin) => Err(UnlockError::WrongPin),
                            Err(_) => Err(UnlockError::Damaged),
                        }
                    });
                    let on_lock = Callback::new(move |()| {
                        self.unlocked.update_value(|u| u.retain(|(m, _)| *m != id));
                        self.keys_changed.update(|n| *n += 1);
                    });
                    let on_incoming = Callback::new(move |batch: Vec<Incoming>| {
                        stored.with_value(|meting| self.import(meting, batch, lang))
                    });
                    // In place of the team page: Back from the kiosk never leads to it.
                    let on_kiosk =
                        Callback::new(move |()| replace_page(Page::Student, &kiosk_fragment));
                    let safety = self.safety_info(id).map(|info| {
                        let keys_changed = self.keys_changed;
                        let unlocked = Signal::derive(move || {
                            keys_changed.get();
                            self.keys_of(id).is_some()
                        });
                        let on_backup = Callback::new(move |()| self.make_backup(id, lang));
                        let on_rewrap = Callback::new(move |p: String| self.rewrap(id, &p));
                        let on_state = Callback::new(move |s| self.set_state(id, s));
                        let on_delete = Callback::new(move |()| self.delete(id));
                        view! { <MetingSafety lang info unlocked on_backup on_rewrap on_state on_delete /> }
                    });
                    view! {
                        <MetingPage lang info count class_size on_class_size unlocked on_unlock on_lock on_incoming on_kiosk on_back=to_metingen />
                        {safety}
                    }
                    .into_any()
                }
                Screen::MirrorSetup => {
                    // Drawn again once the team store is open and read.
                    let _ = ready.get();
                    let sources = self.mirror_sources(lang);
                    let on_unlock = self.unlock_callback();
                    let on_compare =
                        Callback::new(move |choice: MirrorChoice| self.open_mirror(&choice, lang));
                    let on_export_file =
                        Callback::new(move |json: String| self.read_back(&json, lang));
                    view! { <MirrorSetupPage lang sources on_unlock on_compare on_export_file on_back=to_metingen /> }
                        .into_any()
                }
                Screen::Mirror => {
                    let Some(data) = self.mirror.get_value() else {
                        request_animation_frame(move || screen.set(Screen::MirrorSetup));
                        return ().into_any();
                    };
                    let state = self.mirror_state.get_value();
                    let on_back = Callback::new(move |()| screen.set(Screen::MirrorSetup));
                    view! { <MirrorPage lang data state on_back /> }.into_any()
                }
                Screen::Export => {
                    // Drawn again once the team store is open and read.
                    let _ = ready.get();
                    let sources = self.export_sources(lang);
                    let on_unlock = self.unlock_callback();
                    let on_build = Callback::new(move |req| self.build_export(&req, lang));
                    let on_download =
                        Callback::new(move |format: ExportFormat| self.download_export(format));
                    view! { <ExportPage lang sources on_unlock on_build on_download on_back=to_metingen /> }
                        .into_any()
                }
            }
        };
        view! { {idle_notice} {screens} }
    }
}
