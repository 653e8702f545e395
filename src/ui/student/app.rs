//! The student app's root: provides the services and switches between the screens a
//! student's phone (or a kiosk) needs: the start screen, the way in with an invitation,
//! the runner, the invitation, the receipt and the kiosk hand-over. The team's screens
//! are another app on another page ([`crate::ui::team`]), so a phone never downloads them.
//!
//! The app runs in one of two modes, decided by the URL fragment when the page opens:
//! plain (the start screen, where answers can only be given as a trial that goes
//! nowhere) or *invited* (an invitation link: one meting's vragenlijst, sealed on submit,
//! optionally as a kiosk). Answers only ever leave a run sealed to a meting, so none are
//! stranded on a device where the team cannot collect them.

mod kiosk;
mod run;

use leptos::prelude::*;

use crate::domain::builtin::{self, BuiltinFile, STAFF_ID, STUDENT_ID};
use crate::domain::catalog::{Catalog, Origin};
use crate::domain::envelope::{self, Envelope};
use crate::domain::instrument::{Audience, Instrument};
use crate::domain::meting::{Invitation, InvitationError};
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::storage::journal::Run;
use crate::ui::browser::{download, fragment, now_ms, open_fragment, open_page, random_id, Page};
use crate::ui::builtins::when_loaded;
use crate::ui::context::{Kept, Persist};
use crate::ui::i18n::{use_address, words, Address};
use crate::ui::shell::{provide_services, Shell};
use crate::ui::student::pages::done::TrialDonePage;
use crate::ui::student::pages::handover::{After, HandoverPage};
use crate::ui::student::pages::invite::{InvitePage, InviteState};
use crate::ui::student::pages::join::JoinPage;
use crate::ui::student::pages::receipt::ReceiptPage;
use crate::ui::student::pages::runner::RunnerPage;
use crate::ui::student::pages::start::{Choice, StartPage};

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Screen {
    Start,
    /// The way in: open an invitation, or try the vragenlijst of this audience.
    Join(Audience),
    Run,
    /// A trial has ended; its answers are gone.
    TrialDone,
    /// An invitation's start screen.
    Invite,
    /// The sealed response as QR code and file (own device).
    Receipt {
        kept: Kept,
    },
    /// Kiosk: pass the device on.
    Handover(After),
}

/// How the page was opened.
#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Plain,
    Invited(Invitation),
    /// An invitation link that cannot be read, and why.
    Broken(InvitationError),
}

/// The student app. Opens storage (falling back to memory), resumes a run in progress,
/// and shows the screen the mode and state call for. All state lives here, so a screen
/// can be rebuilt in the other language without losing anything.
#[component]
pub fn App() -> impl IntoView {
    let (persist, lang) = provide_services(Address::Je);
    let body = when_loaded(needed_builtins(), lang, move |builtins| {
        let mut catalog = Catalog::with_parsed_builtins(builtins);
        persist.load_checked_instruments(&mut catalog);
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
/// needs exactly that version (all a student's phone fetches); otherwise the newest
/// student and staff vragenlijsten (the start screen, a trial, a link that cannot be read).
fn needed_builtins() -> Vec<&'static BuiltinFile> {
    let frag = fragment();
    let invited = Invitation::is_invitation(&frag)
        .then(|| Invitation::from_fragment(&frag).ok())
        .flatten()
        .and_then(|inv| builtin::version(&inv.instrument, &inv.version));
    let mut files: Vec<_> = invited.into_iter().collect();
    if files.is_empty() {
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
    /// Kiosk: a run someone left was wiped when the page opened.
    wiped: RwSignal<bool>,
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
            Invitation::from_fragment(&frag).map_or_else(Mode::Broken, Mode::Invited)
        };
        let invited = match &mode {
            Mode::Invited(inv) => catalog.version(&inv.instrument, &inv.version).cloned(),
            _ => None,
        };
        let mut wiped = false;
        let (instrument, session, screen) = match (&mode, invited) {
            (Mode::Invited(inv), Some(i)) => {
                let run = run_of(inv);
                let given = inv.context.answers(&i);
                let resumed = match run {
                    // A kiosk's run resumes only while its student can still be at the
                    // device (a reload within the idle time); otherwise it is wiped, and
                    // the next student is never offered to go on with it.
                    Run::Kiosk(_) => {
                        wiped = persist.adopt_earlier(&i, run);
                        match persist.load_run(&i, run) {
                            Some((s, touched)) if kiosk::still_there(touched, now_ms()) => Some(s),
                            Some((s, _)) => {
                                wiped |= !s.response(&i).is_empty();
                                persist.end_run(&i.id, run);
                                None
                            }
                            None => None,
                        }
                    }
                    _ => {
                        persist.adopt_earlier(&i, run);
                        persist.load_session(&i, run)
                    }
                };
                match resumed {
                    Some(mut s) if !s.response(&i).is_empty() => {
                        s.preset(&i, given);
                        (i, s, Screen::Run)
                    }
                    _ => {
                        let s = Session::start_with(&i, given);
                        (i, s, Screen::Invite)
                    }
                }
            }
            (Mode::Plain, _) => {
                // A trial in progress resumes after a reload.
                let trial = persist.trial().and_then(|id| {
                    let i = catalog.current(&id)?.clone();
                    let s = persist.load_session(&i, Run::Trial)?;
                    Some((i, s))
                });
                match trial {
                    Some((i, s)) => (i, s, Screen::Run),
                    None => {
                        let first = catalog.currents().next()?.1.clone();
                        let s = Session::start(&first);
                        (first, s, Screen::Start)
                    }
                }
            }
            (_, _) => {
                let first = catalog.currents().next()?.1.clone();
                let s = Session::start(&first);
                (first, s, Screen::Invite)
            }
        };
        if screen == Screen::Run {
            let run = match &mode {
                Mode::Invited(inv) => run_of(inv),
                _ => Run::Trial,
            };
            persist.claim_run(&run.slot(&instrument.id));
        }
        Some(Screens {
            persist,
            catalog: StoredValue::new(catalog),
            mode: StoredValue::new(mode),
            instrument: StoredValue::new(instrument),
            session: RwSignal::new(session),
            screen: RwSignal::new(screen),
            wiped: RwSignal::new(wiped),
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

    /// The run this page holds: a trial, or the invitation's meting on this device.
    fn run(self) -> Run {
        self.invitation().map_or(Run::Trial, |inv| run_of(&inv))
    }

    fn kiosk(self) -> bool {
        matches!(self.run(), Run::Kiosk(_))
    }

    fn invite_state(self, lang: Lang) -> InviteState {
        let inv = match self.mode.get_value() {
            Mode::Invited(inv) => inv,
            Mode::Broken(e) => return InviteState::Broken(e),
            Mode::Plain => return InviteState::Broken(InvitationError::Missing("m")),
        };
        let present =
            self.instrument.with_value(|i| i.id == inv.instrument && i.version == inv.version);
        if !present {
            return InviteState::Missing;
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

    /// How the screen on show addresses the reader: "u" for a staff vragenlijst (or a
    /// staff member's way in), "je" otherwise.
    fn address(self, screen: Screen) -> Address {
        match screen {
            Screen::Start => Address::Je,
            Screen::Join(audience) => Address::of(audience),
            _ => self.instrument.with_value(|i| Address::of(i.audience)),
        }
    }

    /// The current screen, rebuilt when the screen or the language changes.
    fn view(self, lang: RwSignal<Lang>) -> impl IntoView {
        let Screens { instrument, session, screen, catalog, persist, .. } = self;
        let address = use_address();
        if self.kiosk() {
            kiosk::keep_history_inside();
        }
        let start = Callback::new(move |id: String| self.start(&id));
        let on_submit = Callback::new(move |s: Session| self.submit(s));
        let on_stop = Callback::new(move |()| self.stop());
        let to_start = Callback::new(move |()| screen.set(Screen::Start));
        let open_own = Callback::new(move |()| open_page(Page::Team, "own"));
        let to_team = Callback::new(move |()| open_page(Page::Team, ""));
        let leave = Callback::new(move |()| open_fragment(""));
        move || {
            let lang = lang.get();
            let now = screen.get();
            let wanted = self.address(now);
            if address.get_untracked() != wanted {
                address.set(wanted);
            }
            match now {
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
                    let on_role = Callback::new(move |a: Audience| screen.set(Screen::Join(a)));
                    view! { <StartPage lang own on_role on_start=start on_open_own=open_own on_team=to_team /> }
                        .into_any()
                }
                Screen::Join(audience) => {
                    let id = match audience {
                        Audience::Student => STUDENT_ID,
                        Audience::Staff => STAFF_ID,
                    };
                    let on_trial = Callback::new(move |()| self.start(id));
                    view! { <JoinPage lang on_trial on_back=to_start /> }.into_any()
                }
                Screen::Run => {
                    let run = self.run();
                    let guard = self.kiosk().then(|| {
                        let on_timeout = Callback::new(move |()| self.timed_out());
                        view! { <kiosk::IdleGuard lang on_timeout /> }
                    });
                    view! {
                        <RunnerPage lang instrument session run on_submit on_stop />
                        {guard}
                    }
                    .into_any()
                }
                Screen::TrialDone => {
                    view! { <TrialDonePage lang on_restart=to_start /> }.into_any()
                }
                Screen::Invite => {
                    let state = self.invite_state(lang);
                    let kiosk = self.kiosk();
                    let wiped = self.wiped.get_untracked();
                    let on_begin = Callback::new(move |()| {
                        let id = instrument.with_value(|i| i.id.clone());
                        self.wiped.set(false);
                        self.start(&id);
                    });
                    let on_receipt = Callback::new(move |()| self.show_receipt());
                    view! { <InvitePage lang state kiosk wiped on_begin on_receipt on_leave=leave /> }
                        .into_any()
                }
                Screen::Receipt { kept } => {
                    let Some((envelope, key)) = self.receipt.get_value() else {
                        return view! { <TrialDonePage lang on_restart=leave /> }.into_any();
                    };
                    let on_remove = Callback::new(move |()| {
                        key.as_ref().is_some_and(|k| persist.clear_outbox(std::slice::from_ref(k)))
                    });
                    view! { <ReceiptPage lang envelope kept on_remove /> }.into_any()
                }
                Screen::Handover(after) => {
                    let waiting =
                        self.invitation().map_or(0, |inv| persist.outbox(inv.meting).len());
                    let on_next = Callback::new(move |()| {
                        session.set(instrument.with_value(|i| self.fresh(i)));
                        screen.set(Screen::Invite);
                    });
                    let on_collect = Callback::new(move |()| self.collect_outbox());
                    let on_clear =
                        Callback::new(move |()| persist.clear_outbox(&self.collected.get_value()));
                    view! { <HandoverPage lang after waiting on_next on_collect on_clear on_stop=leave /> }
                        .into_any()
                }
            }
        }
    }
}

/// The run an invitation opens on this device.
fn run_of(inv: &Invitation) -> Run {
    if inv.kiosk {
        Run::Kiosk(inv.meting)
    } else {
        Run::Meting(inv.meting)
    }
}
