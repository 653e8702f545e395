//! Starting, stopping and ending a run: a trial ends with its answers wiped, an invited
//! run with its response sealed to the meting (a receipt on an own device, the hand-over
//! in a kiosk), and "Stoppen" or the kiosk's countdown wipe the run without sending.

use leptos::prelude::*;

use super::{Screen, Screens};
use crate::domain::envelope::Envelope;
use crate::domain::instrument::Instrument;
use crate::domain::payload;
use crate::domain::response::Response;
use crate::domain::seal;
use crate::domain::session::Session;
use crate::storage::journal::{self, Run};
use crate::storage::StorageKey;
use crate::ui::browser::{random_id, secure_random, this_week};
use crate::ui::context::Kept;
use crate::ui::student::pages::handover::After;

impl Screens {
    /// A fresh session of `instrument`: an invitation's niveau and leerweg answer the items
    /// they can, so those are not asked.
    pub(super) fn fresh(self, instrument: &Instrument) -> Session {
        match self.invitation() {
            Some(inv) => Session::start_with(instrument, inv.context.answers(instrument)),
            None => Session::start(instrument),
        }
    }

    /// Starts (or resumes) the instrument with this id: for an invitation, the version it
    /// names (a meting of an earlier version gets that version's questions), otherwise
    /// the newest, as a trial whose answers go nowhere.
    pub(super) fn start(self, id: &str) {
        let invited = self.invitation().filter(|inv| inv.instrument == id);
        let found = self.catalog.with_value(|c| match &invited {
            Some(inv) => c.version(&inv.instrument, &inv.version).cloned(),
            None => c.current(id).cloned(),
        });
        let Some(instrument) = found else { return };
        let run = self.run();
        self.persist.claim_run(&run.slot(&instrument.id));
        let session = match self.persist.load_session(&instrument, run) {
            Some(mut s) => {
                if let Some(inv) = &invited {
                    s.preset(&instrument, inv.context.answers(&instrument));
                }
                s
            }
            None => self.fresh(&instrument),
        };
        self.persist.save_session(&instrument, run, &session);
        // A trial is marked, so a reload resumes it; an invitation finds its run by
        // itself.
        if run == Run::Trial {
            self.persist.set_trial(&instrument.id);
        }
        self.instrument.set_value(instrument);
        self.session.set(session);
        self.screen.set(Screen::Run);
    }

    /// "Stoppen", confirmed: the run's answers are wiped and nothing is sent. A trial
    /// goes back to the start screen, an own device to the invitation, a kiosk to the
    /// hand-over for the next student.
    pub(super) fn stop(self) {
        self.wipe();
        let next = match self.run() {
            Run::Trial => Screen::Start,
            Run::Meting(_) => Screen::Invite,
            Run::Kiosk(_) => Screen::Handover(After::Stopped),
        };
        self.screen.set(next);
    }

    /// Kiosk: the countdown ran out. Everything of the run is wiped, storage and screen.
    pub(super) fn timed_out(self) {
        self.wipe();
        self.screen.set(Screen::Handover(After::TimedOut));
    }

    /// Removes the run's session and starts a fresh one in memory (nothing on screen
    /// holds the old answers any more).
    fn wipe(self) {
        let run = self.run();
        self.instrument.with_value(|i| self.persist.end_run(&i.id, run));
        self.session.set(self.instrument.with_value(|i| self.fresh(i)));
    }

    /// Submits a finished session. A trial's answers are wiped (they go nowhere); an
    /// invited run's response is sealed to the meting and only the sealed envelope is
    /// kept.
    pub(super) fn submit(self, session: Session) -> Kept {
        let Some(inv) = self.invitation() else {
            self.wipe();
            self.screen.set(Screen::TrialDone);
            return Kept::OnDevice;
        };
        let run = self.run();
        let response: Response = self
            .instrument
            .with_value(|i| journal::response(i, &session, random_id(), this_week()))
            .into();
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
            let key = StorageKey::Outbox(inv.meting.to_text(), slot).as_string();
            (kept, Some(key))
        };
        if inv.kiosk {
            // A kiosk must never hand over a device with answers that are not kept.
            if kept == Kept::Failed {
                return kept;
            }
            self.wipe();
            self.receipt.set_value(None);
            self.screen.set(Screen::Handover(After::Sent));
            return kept;
        }
        // On an own device the receipt is the way out; if the device could not keep the
        // sealed response, the session stays too, so nothing is lost before it is handed in.
        if kept != Kept::Failed {
            self.instrument.with_value(|i| self.persist.end_run(&i.id, run));
        }
        self.receipt.set_value(Some((envelope, slot.filter(|_| kept == Kept::OnDevice))));
        self.screen.set(Screen::Receipt { kept });
        Kept::OnDevice
    }
}
