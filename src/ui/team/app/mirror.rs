//! The mirror's part of [`super::Screens`]: which metingen can be compared, and opening
//! their collected responses into coded tables (kept in memory for this visit, so that
//! changing `k` or the bands never opens them again).

use std::sync::Arc;

use leptos::prelude::*;

use super::{Screen, Screens};
use std::collections::BTreeSet;

use crate::domain::analysis::{Table, MIN_K};
use crate::domain::collect::{self, Unlocked};
use crate::domain::export::{meting_table, read_export};
use crate::domain::instrument::{check_mirrors, Audience, Instrument};
use crate::domain::meting::{Meting, MetingId};
use crate::domain::response::Response;
use crate::domain::seal::KeyPair;
use crate::domain::text::Lang;
use crate::ui::team::i18n::mirror::mirror_words;
use crate::ui::team::i18n::team::team_words;
use crate::ui::team::pages::mirror::{MirrorData, MirrorState};
use crate::ui::team::pages::mirror_setup::{Choice, Side, Source};

/// The id prefix of a meting read from an export.
const EXPORTED: &str = "export:";

/// One meting's responses, coded.
struct Coded {
    /// The meting's label (or where an exported one came from).
    label: String,
    instrument: Instrument,
    table: Table,
    unreadable: usize,
    /// New responses held back until there are `step`
    /// ([`crate::domain::analysis::release`]).
    held: usize,
    /// How many new responses it takes to show them
    /// ([`crate::storage::team::TeamMeting::step`]).
    step: usize,
}

impl Screens {
    /// The metingen on this device that can go into the mirror: those of a student
    /// vragenlijst, and those of a staff vragenlijst that mirrors one.
    pub(super) fn mirror_sources(self, lang: Lang) -> Vec<Source> {
        let t = team_words(lang);
        self.team
            .metingen()
            .into_iter()
            .filter_map(|m| {
                let (side, family) = self.side_of(&m.instrument)?;
                let count = self.team.count(m.id);
                Some(Source {
                    id: m.id.to_text(),
                    facts: format!("{} {} · {}", t.week, m.week, t.responses_counted(count)),
                    label: m.label,
                    side,
                    student_instrument: family,
                    unlocked: self.keys_of(m.id).is_some(),
                    from_export: false,
                })
            })
            .collect()
    }

    /// The mirror's side of a vragenlijst on this device, and the student vragenlijst it
    /// belongs to (its own, or the one a staff vragenlijst mirrors); `None` for one that
    /// cannot go into the mirror.
    fn side_of(self, instrument: &str) -> Option<(Side, String)> {
        self.catalog.with_value(|c| {
            let i = c.current(instrument)?;
            match (&i.audience, &i.mirrors) {
                (Audience::Staff, Some(s)) => Some((Side::Staff, s.clone())),
                (Audience::Student, _) => Some((Side::Students, i.id.clone())),
                _ => None,
            }
        })
    }

    /// Opens the chosen metingen and shows the mirror, or says why not.
    pub(super) fn open_mirror(self, choice: &Choice, lang: Lang) -> Result<(), String> {
        let w = mirror_words(lang);
        let students = self.coded(&choice.students, lang)?;
        let staff = self.coded(&choice.staff, lang)?;
        // The staff vragenlijst must mirror this student vragenlijst, and its links must hold
        // for this version of it.
        if staff.instrument.mirrors.as_deref() != Some(students.instrument.id.as_str())
            || !check_mirrors(&staff.instrument, &students.instrument).is_empty()
        {
            return Err(w.no_staff_for.to_string());
        }
        // A staff version mirrors the student version of its time: its links name that
        // version's questions and answers.
        if !check_mirrors(&staff.instrument, &students.instrument).is_empty() {
            return Err(w.other_version.to_string());
        }
        let before = match &choice.before {
            Some((s, t)) => {
                let (bs, bt) = (self.earlier(s, lang)?, self.earlier(t, lang)?);
                if bs.instrument.id != students.instrument.id
                    || bt.instrument.id != staff.instrument.id
                {
                    return Err(w.no_staff_for.to_string());
                }
                if !check_mirrors(&bt.instrument, &bs.instrument).is_empty() {
                    return Err(w.other_version.to_string());
                }
                Some((bs.label, bs.table, bt.table))
            }
            None => None,
        };
        let data = MirrorData {
            students_label: students.label,
            staff_label: staff.label,
            unreadable: students.unreadable + staff.unreadable,
            students: students.table,
            staff_responses: staff.table,
            student: students.instrument,
            staff: staff.instrument,
            before,
            held_back: (students.held, staff.held),
            held_step: students.step.max(staff.step),
        };
        self.mirror.set_value(Some(Arc::new(data)));
        self.mirror_state.set_value(MirrorState::new());
        self.screen.set(Screen::Mirror);
        Ok(())
    }

    /// Reads an earlier export for the mirror: its metingen of vragenlijsten on this
    /// device, or why the file cannot be used.
    pub(super) fn read_back(self, json: &str, lang: Lang) -> Result<Vec<Source>, String> {
        let doc = read_export(json).map_err(|e| e.message(lang))?;
        let w = mirror_words(lang);
        let t = team_words(lang);
        let sources: Vec<Source> = doc
            .metingen
            .iter()
            .filter_map(|m| {
                let (side, family) = self.side_of(&m.instrument)?;
                Some(Source {
                    id: format!("{EXPORTED}{}", m.id),
                    label: format!("{} {} ({})", w.from_export, doc.created, m.period),
                    facts: t.responses_counted(m.records),
                    side,
                    student_instrument: family,
                    unlocked: true,
                    from_export: true,
                })
            })
            .collect();
        if sources.is_empty() {
            return Err(w.no_staff_for.to_string());
        }
        self.read_back.set_value(Some(doc));
        Ok(sources)
    }

    /// The earlier side of a comparison: a meting on this device, or one read from an
    /// export (its id starts with [`EXPORTED`]).
    fn earlier(self, id: &str, lang: Lang) -> Result<Coded, String> {
        let Some(exported) = id.strip_prefix(EXPORTED) else { return self.coded(id, lang) };
        self.read_back.with_value(|doc| {
            let doc = doc.as_ref().ok_or_else(|| mirror_words(lang).no_staff_for.to_string())?;
            let m = doc
                .metingen
                .iter()
                .find(|m| m.id == exported)
                .ok_or_else(|| mirror_words(lang).no_staff_for.to_string())?;
            let instrument = self
                .catalog
                .with_value(|c| c.version(&m.instrument, &m.instrument_version).cloned())
                .ok_or_else(|| team_words(lang).invite_missing.to_string())?;
            let table = meting_table(doc, exported, &instrument).map_err(|e| e.message(lang))?;
            let label =
                format!("{} {} ({})", mirror_words(lang).from_export, doc.created, m.period);
            Ok(Coded { label, instrument, table, unreadable: 0, held: 0, step: MIN_K })
        })
    }

    /// A meting (by id as text) with its vragenlijst, unlocked, or the reason in `lang`.
    pub(super) fn unlocked_meting(
        self,
        id: &str,
        lang: Lang,
    ) -> Result<(Meting, Instrument, KeyPair), String> {
        let t = team_words(lang);
        let meting = MetingId::from_text(id)
            .and_then(|id| self.meting(id))
            .ok_or_else(|| t.invite_missing.to_string())?;
        let instrument = self
            .catalog
            .with_value(|c| {
                c.exact(
                    &meting.instrument,
                    &meting.instrument_version,
                    meting.instrument_hash.as_ref(),
                )
                .cloned()
            })
            .ok_or_else(|| t.invite_missing.to_string())?;
        let keys = self.keys_of(meting.id).ok_or_else(|| t.locked_intro.to_string())?;
        Ok((meting, instrument, keys))
    }

    /// Every collected response of an unlocked meting, opened, and how many could not be.
    pub(super) fn responses(
        self,
        meting: &Meting,
        instrument: &Instrument,
        keys: &KeyPair,
    ) -> (Vec<Response>, usize) {
        let unlocked = Unlocked { meting, keys, instrument };
        let mut bad = 0;
        let responses = self
            .team
            .envelopes(meting.id)
            .iter()
            .filter_map(|e| collect::open(unlocked, e).map_err(|_| bad += 1).ok())
            .collect();
        (responses, bad)
    }

    /// A meting's collected responses the mirror may show, coded into a table: from
    /// memory when opened before in this visit and nothing was added since.
    ///
    /// New responses join the meting's released set (shared with its exports) only when
    /// there are at least `k` of them ([`crate::storage::team::TeamMeting::release`]), so
    /// two views, in the mirror or an export, never differ by one student's answers; the
    /// set is kept with the meting in the team store.
    fn coded(self, id: &str, lang: Lang) -> Result<Coded, String> {
        let (meting, instrument, keys) = self.unlocked_meting(id, lang)?;
        let cached = self.tables.with_value(|c| {
            c.iter()
                .find(|(m, _, _, _)| *m == meting.id)
                .map(|(_, table, bad, held)| (table.clone(), *bad, *held))
        });
        let (table, unreadable, held) = match cached {
            Some(found) => found,
            None => {
                let (responses, bad) = self.responses(&meting, &instrument, &keys);
                let present: BTreeSet<String> = responses.iter().map(|r| r.id.clone()).collect();
                let Some(mut kept) = self.team.team_meting(meting.id) else {
                    return Err(team_words(lang).invite_missing.to_string());
                };
                let step = kept.release(&present);
                self.team.keep(kept);
                let shown: Vec<Response> =
                    responses.into_iter().filter(|r| step.shown.contains(&r.id)).collect();
                let table = Table::of(&instrument, &shown);
                self.tables.update_value(|c| c.push((meting.id, table.clone(), bad, step.held)));
                (table, bad, step.held)
            }
        };
        let step = self.team.with_meting(meting.id, |m| m.step(MIN_K)).unwrap_or(MIN_K);
        Ok(Coded { label: meting.label, instrument, table, unreadable, held, step })
    }

    /// Forgets a meting's table, after responses were added to it.
    pub(super) fn forget_table(self, id: MetingId) {
        self.tables.update_value(|c| c.retain(|(m, _, _, _)| *m != id));
    }
}
