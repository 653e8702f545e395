//! The mirror's part of [`super::Screens`]: which metingen can be compared, and opening
//! their collected responses into coded tables (kept in memory for this visit, so that
//! changing `k` or the bands never opens them again).

use std::sync::Arc;

use leptos::prelude::*;

use super::{Screen, Screens};
use crate::domain::analysis::Table;
use crate::domain::collect::{self, Unlocked};
use crate::domain::instrument::{Audience, Instrument};
use crate::domain::meting::{Meting, MetingId};
use crate::domain::text::Lang;
use crate::ui::i18n::mirror::mirror_words;
use crate::ui::i18n::team::team_words;
use crate::ui::pages::mirror::{MirrorData, MirrorState};
use crate::ui::pages::mirror_setup::{Choice, Side, Source};

impl Screens {
    /// The metingen on this device that can go into the mirror: those of a student
    /// vragenlijst, and those of a staff vragenlijst that mirrors one.
    pub(super) fn mirror_sources(self, lang: Lang) -> Vec<Source> {
        let t = team_words(lang);
        self.persist
            .metingen()
            .into_iter()
            .filter_map(|m| {
                let (side, family) = self.catalog.with_value(|c| {
                    let i = c.get(&m.instrument)?;
                    match (&i.audience, &i.mirrors) {
                        (Audience::Staff, Some(s)) => Some((Side::Staff, s.clone())),
                        (Audience::Student, _) => Some((Side::Students, i.id.clone())),
                        _ => None,
                    }
                })?;
                let count = self.persist.inbox_ids(m.id).len();
                Some(Source {
                    id: m.id.to_text(),
                    facts: format!("{} {} · {count} {}", t.week, m.week, t.responses),
                    label: m.label,
                    side,
                    student_instrument: family,
                    unlocked: self.keys_of(m.id).is_some(),
                })
            })
            .collect()
    }

    /// Opens the chosen metingen and shows the mirror, or says why not.
    pub(super) fn open_mirror(self, choice: &Choice, lang: Lang) -> Result<(), String> {
        let (students, student) = self.opened(&choice.students, lang)?;
        let (staff_responses, staff) = self.opened(&choice.staff, lang)?;
        if staff.mirrors.as_deref() != Some(student.id.as_str()) {
            return Err(mirror_words(lang).no_staff_for.to_string());
        }
        let before = match &choice.before {
            Some((s, t)) => {
                let (bs, bi) = self.opened(s, lang)?;
                let (bt, _) = self.opened(t, lang)?;
                if bi.id != student.id {
                    return Err(mirror_words(lang).no_staff_for.to_string());
                }
                Some((bs.0.label.clone(), bs.1, bt.1))
            }
            None => None,
        };
        let data = MirrorData {
            students_label: students.0.label.clone(),
            staff_label: staff_responses.0.label.clone(),
            unreadable: students.2 + staff_responses.2,
            students: students.1,
            staff_responses: staff_responses.1,
            student,
            staff,
            before,
        };
        self.mirror.set_value(Some(Arc::new(data)));
        self.mirror_state.set_value(MirrorState::new());
        self.screen.set(Screen::Mirror);
        Ok(())
    }

    /// A meting's collected responses as a table (from memory when opened before this
    /// visit and nothing was added since), with how many could not be opened.
    #[allow(clippy::type_complexity)]
    fn opened(self, id: &str, lang: Lang) -> Result<((Meting, Table, usize), Instrument), String> {
        let t = team_words(lang);
        let meting = MetingId::from_text(id)
            .and_then(|id| self.meting(id))
            .ok_or_else(|| t.invite_missing.to_string())?;
        let instrument = self
            .catalog
            .with_value(|c| c.get(&meting.instrument).cloned())
            .ok_or_else(|| t.invite_missing.to_string())?;
        let keys = self.keys_of(meting.id).ok_or_else(|| t.locked_intro.to_string())?;
        let cached = self.tables.with_value(|c| {
            c.iter().find(|(m, _, _)| *m == meting.id).map(|(_, table, bad)| (table.clone(), *bad))
        });
        let (table, bad) = match cached {
            Some(found) => found,
            None => {
                let envelopes = self.persist.inbox(meting.id);
                let mut table = Table::new(&instrument);
                table.reserve(envelopes.len());
                let unlocked = Unlocked { meting: &meting, keys: &keys, instrument: &instrument };
                let mut bad = 0;
                for e in &envelopes {
                    match collect::open(unlocked, e) {
                        Ok(response) => {
                            table.push(&response);
                        }
                        Err(_) => bad += 1,
                    }
                }
                self.tables.update_value(|c| c.push((meting.id, table.clone(), bad)));
                (table, bad)
            }
        };
        Ok(((meting, table, bad), instrument))
    }

    /// Forgets a meting's table, after responses were added to it.
    pub(super) fn forget_table(self, id: MetingId) {
        self.tables.update_value(|c| c.retain(|(m, _, _)| *m != id));
    }
}
