//! The team device's part of [`super::Screens`]: metingen, unlocking, and taking in
//! response files and QR codes for a meting.

use leptos::prelude::*;

use super::{Screen, Screens};
use crate::domain::collect::{self, Outcome, Unlocked};
use crate::domain::envelope::{self, Envelope, EnvelopeError, Scan};
use crate::domain::meting::{Draft, Meting, MetingId, Seeds, DOMEINEN, LEERWEGEN, NIVEAUS};
use crate::domain::seal::{KeyPair, DEFAULT_ITERATIONS};
use crate::domain::text::Lang;
use crate::ui::browser::{page_url, secure_random, this_week, Page};
use crate::ui::team::i18n::team::team_words;
use crate::ui::team::pages::meting::{ImportLine, Incoming, MetingInfo};
use crate::ui::team::pages::metingen::MetingRow;
use crate::ui::team::pages::new_meting::CreateError;

impl Screens {
    pub(super) fn meting(self, id: MetingId) -> Option<Meting> {
        self.persist.metingen().into_iter().find(|m| m.id == id)
    }

    pub(super) fn keys_of(self, id: MetingId) -> Option<KeyPair> {
        self.unlocked.with_value(|u| u.iter().find(|(m, _)| *m == id).map(|(_, k)| k.clone()))
    }

    pub(super) fn remember_keys(self, id: MetingId, keys: KeyPair) {
        self.unlocked.update_value(|u| {
            u.retain(|(m, _)| *m != id);
            u.push((id, keys));
        });
    }

    /// Makes a meting from the form and opens it, unlocked.
    pub(super) fn create(self, instrument_id: &str, draft: &Draft) -> Result<(), CreateError> {
        let instrument = self
            .catalog
            .with_value(|c| c.current(instrument_id).cloned())
            .ok_or(CreateError::NotKept)?;
        let seeds = Seeds {
            id: secure_random().ok_or(CreateError::NoRandom)?,
            key: secure_random().ok_or(CreateError::NoRandom)?,
            salt: secure_random().ok_or(CreateError::NoRandom)?,
            nonce: secure_random().ok_or(CreateError::NoRandom)?,
        };
        let (meting, keys) =
            Meting::create(&instrument, draft, &this_week(), seeds, DEFAULT_ITERATIONS)
                .map_err(CreateError::Draft)?;
        if !self.persist.save_meting(&meting) {
            return Err(CreateError::NotKept);
        }
        self.remember_keys(meting.id, keys);
        self.screen.set(Screen::Meting(meting.id));
        Ok(())
    }

    /// How many responses are collected for a meting; reads their ids into memory the
    /// first time, for [`Screens::import`] to check duplicates against.
    pub(super) fn known_ids(self, id: MetingId) -> usize {
        if let Some(n) =
            self.known.with_value(|k| k.as_ref().filter(|(m, _)| *m == id).map(|(_, s)| s.len()))
        {
            return n;
        }
        let known = self.persist.inbox_ids(id);
        let n = known.len();
        self.known.set_value(Some((id, known)));
        n
    }

    /// Takes in one file or scan for a meting: all of it or nothing, with a line saying
    /// what happened.
    pub(super) fn import(self, meting: &Meting, incoming: Incoming, lang: Lang) -> ImportLine {
        let t = team_words(lang);
        let refused = |text: String| ImportLine { outcome: "refused", new: 0, duplicates: 0, text };
        let Some(keys) = self.keys_of(meting.id) else {
            return refused(t.locked_intro.to_string());
        };
        let read: Result<Vec<Envelope>, EnvelopeError> = match incoming {
            Incoming::File(bytes) if bytes.starts_with(envelope::ENVELOPE_MAGIC) => {
                Envelope::from_bytes(&bytes).map(|e| vec![e])
            }
            Incoming::File(bytes) => envelope::read_file(&bytes),
            Incoming::Codes(codes) if codes.is_empty() => return refused(t.no_code.to_string()),
            Incoming::Codes(codes) => {
                let mut whole = Vec::new();
                let mut waiting = None;
                let mut failed = None;
                for code in codes {
                    match self.parts.try_update_value(|p| p.add(&code)) {
                        Some(Ok(Scan::Whole(e))) => whole.push(e),
                        Some(Ok(Scan::Part { have, of })) => waiting = Some((have, of)),
                        Some(Err(e)) => failed = Some(e),
                        None => {}
                    }
                }
                match (whole.is_empty(), waiting, failed) {
                    (true, Some((have, of)), _) => {
                        return ImportLine {
                            outcome: "part",
                            new: 0,
                            duplicates: 0,
                            text: format!("{} ({have} {} {of})", t.part_read, t.of),
                        }
                    }
                    (true, None, Some(e)) => Err(e),
                    _ => Ok(whole),
                }
            }
        };
        // The ids collected so far stay in memory and are updated in place: a batch of
        // hundreds of files must not copy them (or the instrument) per file.
        self.known_ids(meting.id);
        let taken = self.catalog.with_value(|c| {
            let instrument = c.exact(
                &meting.instrument,
                &meting.instrument_version,
                meting.instrument_hash.as_ref(),
            )?;
            let unlocked = Unlocked { meting, keys: &keys, instrument };
            self.known.try_update_value(|k| {
                k.as_mut().map(|(_, known)| collect::take(unlocked, known, read))
            })?
        });
        let Some(outcome) = taken else {
            return refused(t.invite_missing.to_string());
        };
        match outcome {
            Outcome::Taken { new, duplicates } => {
                if !new.is_empty() {
                    self.forget_table(meting.id);
                }
                if !new.is_empty() && !self.persist.keep_taken(meting.id, &new) {
                    self.known.update_value(|k| {
                        if let Some((_, known)) = k {
                            for t in &new {
                                known.remove(&t.response.id);
                            }
                        }
                    });
                    return refused(t.not_stored.to_string());
                }
                let text = match (new.len(), duplicates) {
                    (0, _) => t.already.to_string(),
                    (1, 0) => t.added_one.to_string(),
                    (n, 0) => format!("{n} {}", t.added_many),
                    (n, d) => format!("{n} {}, {d} {}", t.new, t.duplicate),
                };
                let outcome = if new.is_empty() { "duplicate" } else { "new" };
                ImportLine { outcome, new: new.len(), duplicates, text }
            }
            Outcome::Refused { reason, at, meting: other } => {
                let mut text = String::new();
                if let Some((n, of)) = at {
                    text.push_str(&format!("{} {n} {} {of}: ", t.response_at, t.of));
                }
                let named = other.and_then(|o| {
                    let id = MetingId::from_text(&o)?;
                    self.meting(id).map(|m| m.label)
                });
                match named {
                    Some(label) => text.push_str(&format!("{} {label}.", t.other_meting_named)),
                    None => text.push_str(reason.message(lang)),
                }
                refused(text)
            }
        }
    }

    pub(super) fn meting_rows(self, lang: Lang) -> Vec<MetingRow> {
        self.persist
            .metingen()
            .into_iter()
            .map(|m| MetingRow {
                id: m.id.to_text(),
                count: self.persist.inbox_ids(m.id).len(),
                instrument: self.title_of(&m.instrument, lang),
                label: m.label,
                week: m.week,
            })
            .collect()
    }

    pub(super) fn meting_info(self, meting: &Meting, lang: Lang) -> MetingInfo {
        let t = team_words(lang);
        let mut facts =
            format!("{} · {} {}", self.title_of(&meting.instrument, lang), t.week, meting.week);
        let context = [
            (&meting.context.domein, &DOMEINEN[..], &t.domeinen[..]),
            (&meting.context.niveau, &NIVEAUS[..], &t.niveaus[..]),
            (&meting.context.leerweg, &LEERWEGEN[..], &t.leerwegen[..]),
        ];
        for (value, codes, labels) in context {
            let label = value
                .as_deref()
                .and_then(|v| codes.iter().position(|c| *c == v))
                .and_then(|n| labels.get(n));
            if let Some(label) = label {
                facts.push_str(" · ");
                facts.push_str(label);
            }
        }
        MetingInfo {
            label: meting.label.clone(),
            facts,
            link: page_url(Page::Student, &meting.invitation(false).to_fragment()),
            kiosk_link: page_url(Page::Student, &meting.invitation(true).to_fragment()),
        }
    }
}
