//! The student app's root: provides the services and switches between the screens a
//! student's phone (or a kiosk) needs: the start screen, the runner, the invitation, the
//! receipt and the kiosk hand-over. The team's screens are another app on another page
//! ([`crate::ui::team`]), so a phone never downloads them.
//!
//! The app runs in one of two modes, decided by the URL fragment when the page opens:
//! plain (the start screen and a run kept on the device) or *invited* (an invitation
//! link: one meting's vragenlijst, sealed on submit, optionally as a kiosk).

use leptos::prelude::*;

use crate::domain::builtin::{self, BuiltinFile, STAFF_ID, STUDENT_ID};
use crate::domain::catalog::{Catalog, Origin};
use crate::domain::envelope::{self, Envelope};
use crate::domain::instrument::Instrument;
use crate::domain::meting::Invitation;
use crate::domain::payload;
use crate::domain::response::Response;
use crate::domain::seal;
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::storage::journal;
use crate::ui::browser::{
    download, fragment, open_fragment, open_page, random_id, secure_random, this_week, Page,
};
use crate::ui::builtins::when_loaded;
use crate::ui::context::{Kept, Persist};
use crate::ui::i18n::words;
use crate::ui::shell::{provide_services, Shell};
use crate::ui::student::pages::done::DonePage;
use crate::ui::student::pages::handover::HandoverPage;
use crate::ui::student::pages::invite::{InvitePage, InviteState};
use crate::ui::student::pages::receipt::ReceiptPage;
use crate::ui::student::pages::runner::RunnerPage;
use crate::ui::student::pages::start::{Choice, StartPage};

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Screen {
    Start,
    Run,
    /// Done; `saved` tells whether the device kept the response.
    Done {
        saved: bool,
    },
    /// An invitation's start screen.
    Invite,
    /// The sealed response as QR code and file (own device).
    Receipt {
        kept: Kept,
    },
    /// Kiosk: pass the device on.
    Handover,
}

/// How the page was opened.
#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Plain,
    Invited(Invitation),
    /// An invitation link that cannot be read.
    Broken,
}

/// The student app. Opens storage (falling back to memory), resumes a run in progress,
/// and shows the screen the mode and state call for. All state lives here, so a screen
/// can be rebuilt in the other language without losing anything.
#[component]
pub fn App() -> impl IntoView {
    let (persist, lang) = provide_services();
    let body = when_loaded(needed_builtins(persist), lang, move |builtins| {
        let mut catalog = Catalog::with_parsed_builtins(builtins);
        persist.load_instruments(&mut catalog);
        match Screens::new(persist, catalog) {
            Some(screens) => screens.view(lang).into_any(),
            None => view! {
                <p class="notice notice--error" role="alert">
                    {move || words(lang.get()).err_instrument}
                </p>
            }
            .into_any(),
        }
    });
    view! { <Shell>{body}</Shell> }
}

/// The built-in vragenlijsten this page needs: an invitation to a built-in vragenlijst
/// needs exactly that version (all a student's phone fetches); otherwise, and on a
/// device that keeps own vragenlijsten (which may mirror a built-in one and are only
/// read against it), also the newest student and staff vragenlijsten (the start screen,
/// a run, a link that cannot be read).
fn needed_builtins(persist: Persist) -> Vec<&'static BuiltinFile> {
    let frag = fragment();
    let invited = Invitation::is_invitation(&frag)
        .then(|| Invitation::from_fragment(&frag).ok())
        .flatten()
        .and_then(|inv| builtin::version(&inv.instrument, &inv.version));
    let mut files: Vec<_> = invited.into_iter().collect();
    if files.is_empty() || persist.has_own_instruments() {
        for current in [STUDENT_ID, STAFF_ID].into_iter().filter_map(builtin::current) {
            if !files.iter().any(|f| f.hash == current.hash) {
                files.push(current);
            }
        }
    }
    files
}

/// The screens and the state they share.
#[derive(Clone, Copy)]
struct Screens {
    persist: Persist,
    catalog: StoredValue<Catalog>,
    mode: StoredValue<Mode>,
    /// The instrument being run (or last run).
    instrument: StoredValue<Instrument>,
    session: RwSignal<Session>,
    screen: RwSignal<Screen>,
    /// Kiosk: a run was left half way when the page opened.
    half_way: RwSignal<bool>,
    /// The last sealed response and its key in the outbox, for the receipt.
    receipt: StoredValue<Option<(Envelope, Option<String>)>>,
    /// Kiosk: the outbox keys of the responses last downloaded.
    collected: StoredValue<Vec<String>>,
}

impl Screens {
    /// `None` only if not a single instrument could be read (a bug the host tests catch).
    fn new(persist: Persist, catalog: Catalog) -> Option<Screens> {
        let frag = fragment();
        let mode = if !Invitation::is_invitation(&frag) {
            Mode::Plain
        } else {
            Invitation::from_fragment(&frag).map_or(Mode::Broken, Mode::Invited)
        };
        let invited = match &mode {
            Mode::Invited(inv) => {
                catalog.version(&inv.instrument, &inv.version).cloned().map(|i| (i, inv.kiosk))
            }
            _ => None,
        };
        // Plain mode resumes the run it marked active. An invitation resumes its own
        // vragenlijst's run if that holds an answer; a kiosk first asks whose it is.
        let resumed = persist.active().and_then(|id| {
            let instrument = catalog.current(&id)?.clone();
            let session = persist.load_session(&instrument)?;
            Some((instrument, session))
        });
        let mut half_way = false;
        let (instrument, session, screen) = match (&mode, invited, resumed) {
            (Mode::Plain, _, Some((i, s))) => (i, s, Screen::Run),
            (Mode::Invited(inv), Some((i, kiosk)), _) => match persist.load_session(&i) {
                Some(mut s) if !s.response(&i).is_empty() => {
                    half_way = kiosk;
                    let screen = if kiosk { Screen::Invite } else { Screen::Run };
                    s.preset(&i, inv.context.answers(&i));
                    (i, s, screen)
                }
                _ => {
                    let session = Session::start_with(&i, inv.context.answers(&i));
                    (i, session, Screen::Invite)
                }
            },
            (mode, _, _) => {
                let first = catalog.currents().next()?.1.clone();
                let session = Session::start(&first);
                let screen = if *mode == Mode::Plain { Screen::Start } else { Screen::Invite };
                (first, session, screen)
            }
        };
        if screen == Screen::Run {
            persist.claim_run(&instrument.id);
        }
        Some(Screens {
            persist,
            catalog: StoredValue::new(catalog),
            mode: StoredValue::new(mode),
            instrument: StoredValue::new(instrument),
            session: RwSignal::new(session),
            screen: RwSignal::new(screen),
            half_way: RwSignal::new(half_way),
            receipt: StoredValue::new(None),
            collected: StoredValue::new(Vec::new()),
        })
    }

    fn invitation(self) -> Option<Invitation> {
        self.mode.with_value(|m| match m {
            Mode::Invited(inv) => Some(inv.clone()),
            _ => None,
        })
    }

    /// A fresh session of `instrument`: an invitation's niveau and leerweg answer the items
    /// they can, so those are not asked.
    fn fresh(self, instrument: &Instrument) -> Session {
        match self.invitation() {
            Some(inv) => Session::start_with(instrument, inv.context.answers(instrument)),
            None => Session::start(instrument),
        }
    }

    /// Starts (or resumes) the instrument with this id: for an invitation, the version it
    /// names (a meting of an earlier version gets that version's questions), otherwise
    /// the newest.
    fn start(self, id: &str) {
        let invited = self.invitation().filter(|inv| inv.instrument == id);
        let found = self.catalog.with_value(|c| match &invited {
            Some(inv) => c.version(&inv.instrument, &inv.version).cloned(),
            None => c.current(id).cloned(),
        });
        let Some(instrument) = found else { return };
        self.persist.claim_run(&instrument.id);
        let session = match self.persist.load_session(&instrument) {
            Some(mut s) => {
                if let Some(inv) = &invited {
                    s.preset(&instrument, inv.context.answers(&instrument));
                }
                s
            }
            None => self.fresh(&instrument),
        };
        self.persist.save_session(&instrument, &session);
        // Only plain mode marks the run active: an invitation finds its run by itself,
        // and a kiosk's run must never open on the team's start screen.
        if self.invitation().is_none() {
            self.persist.set_active(&instrument.id);
        }
        self.instrument.set_value(instrument);
        self.session.set(session);
        self.half_way.set(false);
        self.screen.set(Screen::Run);
    }

    /// Kiosk: wipes a run someone left, then starts fresh.
    fn wipe(self) {
        let id = self.instrument.with_value(|i| i.id.clone());
        self.persist.end_run(&id);
        self.session.set(self.instrument.with_value(|i| self.fresh(i)));
        self.start(&id);
    }

    /// Submits a finished session. Plain mode keeps the response on the device; invited,
    /// it is sealed to the meting and only the sealed envelope is kept.
    fn submit(self, session: Session) -> Kept {
        let response = self
            .instrument
            .with_value(|i| journal::response(i, &session, random_id(), this_week()));
        let Some(inv) = self.invitation() else {
            let kept = self.instrument.with_value(|i| self.persist.complete(i, &response));
            if kept != Kept::Failed {
                self.screen.set(Screen::Done { saved: kept == Kept::OnDevice });
            }
            return kept;
        };
        let response: Response = response.into();
        let plain = self.instrument.with_value(|i| payload::encode(i, &response));
        let (Ok(plain), Some(seed)) = (plain, secure_random::<32>()) else {
            return Kept::Failed;
        };
        let envelope = Envelope { meting: inv.meting, sealed: seal::seal(&inv.key, &plain, seed) };
        let bytes = envelope.to_bytes();
        // On the team device that holds the meting (a kiosk there), the response goes
        // straight into it: into `localStorage` now, synchronously, and into the team
        // store when the team page next starts or sees it. Elsewhere it waits in the
        // outbox until the teacher collects it.
        let here = self.persist.holds_meting(inv.meting);
        let (kept, slot) = if here {
            (self.persist.deliver(inv.meting, &response.id, &bytes), None)
        } else {
            let slot = random_id();
            let kept = self.persist.post(inv.meting, &slot, &bytes);
            let key = crate::storage::StorageKey::Outbox(inv.meting.to_text(), slot).as_string();
            (kept, Some(key))
        };
        if inv.kiosk {
            // A kiosk must never hand over a device with answers that are not kept.
            if kept == Kept::Failed {
                return kept;
            }
            self.instrument.with_value(|i| self.persist.end_run(&i.id));
            self.session.set(self.instrument.with_value(|i| self.fresh(i)));
            self.receipt.set_value(None);
            self.screen.set(Screen::Handover);
            return kept;
        }
        // On an own device the receipt is the way out; if the device could not keep the
        // sealed response, the session stays too, so nothing is lost before it is handed in.
        if kept != Kept::Failed {
            self.instrument.with_value(|i| self.persist.end_run(&i.id));
        }
        self.receipt.set_value(Some((envelope, slot.filter(|_| kept == Kept::OnDevice))));
        self.screen.set(Screen::Receipt { kept });
        Kept::OnDevice
    }

    fn invite_state(self, lang: Lang) -> InviteState {
        let Some(inv) = self.invitation() else { return InviteState::Broken };
        let present =
            self.instrument.with_value(|i| i.id == inv.instrument && i.version == inv.version);
        if !present {
            return InviteState::Missing;
        }
        if self.half_way.get_untracked() {
            return InviteState::HalfWay;
        }
        let answered = !inv.kiosk && !self.persist.outbox(inv.meting).is_empty();
        InviteState::Ready {
            title: self.instrument.with_value(|i| i.title.get(lang).to_string()),
            answered,
        }
    }

    /// Shows the newest waiting response of this meting again.
    fn show_receipt(self) {
        let Some(inv) = self.invitation() else { return };
        if let Some((key, envelope)) = self.persist.outbox(inv.meting).pop() {
            self.receipt.set_value(Some((envelope, Some(key))));
            self.screen.set(Screen::Receipt { kept: Kept::OnDevice });
        }
    }

    /// Kiosk: downloads every waiting response as one file.
    fn collect_outbox(self) -> bool {
        let Some(inv) = self.invitation() else { return false };
        let waiting = self.persist.outbox(inv.meting);
        if waiting.is_empty() {
            return false;
        }
        let bytes: Vec<Vec<u8>> = waiting.iter().map(|(_, e)| e.to_bytes()).collect();
        let name = format!("spiegel-antwoorden-{}-{}.spiegel", waiting.len(), &random_id()[..6]);
        let started = download(&name, &envelope::file_bytes(&bytes));
        self.collected.set_value(waiting.into_iter().map(|(k, _)| k).collect());
        started
    }

    /// The current screen, rebuilt when the screen or the language changes.
    fn view(self, lang: RwSignal<Lang>) -> impl IntoView {
        let Screens { instrument, session, screen, catalog, persist, .. } = self;
        let start = Callback::new(move |id: String| self.start(&id));
        let on_submit = Callback::new(move |s: Session| self.submit(s));
        let to_start = Callback::new(move |()| screen.set(Screen::Start));
        let open_own = Callback::new(move |()| open_page(Page::Team, "own"));
        let to_team = Callback::new(move |()| open_page(Page::Team, ""));
        let leave = Callback::new(move |()| open_fragment(""));
        move || {
            let lang = lang.get();
            match screen.get() {
                Screen::Start => {
                    let own = catalog.with_value(|c| {
                        c.currents()
                            .filter(|(o, _)| *o == Origin::Own)
                            .map(|(_, i)| Choice {
                                id: i.id.clone(),
                                title: i.title.get(lang).to_string(),
                            })
                            .collect::<Vec<_>>()
                    });
                    view! { <StartPage lang own on_start=start on_open_own=open_own on_team=to_team /> }
                        .into_any()
                }
                Screen::Run => {
                    view! { <RunnerPage lang instrument session on_submit /> }.into_any()
                }
                Screen::Done { saved } => {
                    view! { <DonePage lang saved on_restart=to_start /> }.into_any()
                }
                Screen::Invite => {
                    let state = self.invite_state(lang);
                    let kiosk = self.invitation().is_some_and(|i| i.kiosk);
                    let on_begin = Callback::new(move |()| {
                        let id = instrument.with_value(|i| i.id.clone());
                        self.start(&id);
                    });
                    let on_receipt = Callback::new(move |()| self.show_receipt());
                    let on_wipe = Callback::new(move |()| self.wipe());
                    view! { <InvitePage lang state kiosk on_begin on_receipt on_wipe on_leave=leave /> }
                        .into_any()
                }
                Screen::Receipt { kept } => {
                    let Some((envelope, key)) = self.receipt.get_value() else {
                        return view! { <DonePage lang saved=false on_restart=leave /> }.into_any();
                    };
                    let on_remove = Callback::new(move |()| {
                        key.as_ref().is_some_and(|k| persist.clear_outbox(std::slice::from_ref(k)))
                    });
                    view! { <ReceiptPage lang envelope kept on_remove /> }.into_any()
                }
                Screen::Handover => {
                    let waiting =
                        self.invitation().map_or(0, |inv| persist.outbox(inv.meting).len());
                    let on_next = Callback::new(move |()| {
                        session.set(instrument.with_value(|i| self.fresh(i)));
                        screen.set(Screen::Invite);
                    });
                    let on_collect = Callback::new(move |()| self.collect_outbox());
                    let on_clear =
                        Callback::new(move |()| persist.clear_outbox(&self.collected.get_value()));
                    view! { <HandoverPage lang waiting on_next on_collect on_clear on_stop=leave /> }
                        .into_any()
                }
            }
        }
    }
}
