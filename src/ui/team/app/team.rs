//! The team device's part of [`super::Screens`]: metingen, unlocking, and taking in
//! response files and QR codes for a meting.

use leptos::prelude::*;

use super::{Screen, Screens};
use crate::domain::backup::MetingState;
use crate::domain::collect::{self, Outcome, Unlocked};
use crate::domain::envelope::{self, Envelope, EnvelopeError, Scan};
use crate::domain::meting::{Draft, Meting, MetingId, Seeds, DOMEINEN, LEERWEGEN, NIVEAUS};
use crate::domain::seal::{KeyPair, DEFAULT_KDF};
use crate::domain::text::Lang;
use crate::storage::team::TeamMeting;
use crate::ui::browser::{page_url, secure_random, this_week, Page};
use crate::ui::team::i18n::team::team_words;
use crate::ui::team::i18n::vault::vault_words;
use crate::ui::team::pages::meting::{ImportFuture, ImportLine, Incoming, MetingInfo};
use crate::ui::team::pages::metingen::MetingRow;
use crate::ui::team::pages::new_meting::CreateError;

/// One file or scan taken in: its line, or its line and the new responses to keep first.
enum Taken {
    Line(ImportLine),
    Store(ImportLine, Vec<(String, Envelope)>),
}

impl Screens {
    pub(super) fn meting(self, id: MetingId) -> Option<Meting> {
        self.team.meting(id)
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
        let (meting, keys) = Meting::create(&instrument, draft, &this_week(), seeds, DEFAULT_KDF)
            .map_err(CreateError::Draft)?;
        // Kept at once in localStorage (synchronous, so it is on disk before the page
        // moves on), then in the team store; the next start moves the first copy over.
        if !self.persist.save_meting(&meting) {
            return Err(CreateError::NotKept);
        }
        self.team.keep(TeamMeting::new(meting.clone()));
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
        let known = self.team.ids(id);
        let n = known.len();
        self.known.set_value(Some((id, known)));
        n
    }

    /// Takes in a batch of files or scans for a meting, each all of it or nothing, with a
    /// line for each saying what happened once the team store has it. The new responses
    /// of the whole batch are kept in one store transaction: if it fails, no file of the
    /// batch added anything, and each says so (nothing is lost: the files can be taken in
    /// again).
    pub(super) fn import(self, meting: &Meting, batch: Vec<Incoming>, lang: Lang) -> ImportFuture {
        let t = team_words(lang);
        let refused = |text: &str| ImportLine {
            outcome: "refused",
            new: 0,
            duplicates: 0,
            text: text.to_string(),
        };
        let refuse_all = |text: &str| -> ImportFuture {
            Box::pin(std::future::ready(batch.iter().map(|_| refused(text)).collect()))
        };
        let Some(keys) = self.keys_of(meting.id) else { return refuse_all(t.locked_intro) };
        let state = self.team.with_meting(meting.id, |m| m.state);
        if state.is_some_and(|s| s != MetingState::Open) {
            return refuse_all(vault_words(lang).closed_note);
        }
        let mut lines = Vec::with_capacity(batch.len());
        let mut pairs: Vec<(String, Envelope)> = Vec::new();
        for incoming in batch {
            match self.take_in(meting, &keys, incoming, lang) {
                Taken::Line(line) => lines.push((line, false)),
                Taken::Store(line, new) => {
                    pairs.extend(new);
                    lines.push((line, true));
                }
            }
        }
        let just = |lines: Vec<(ImportLine, bool)>| lines.into_iter().map(|(l, _)| l).collect();
        if pairs.is_empty() {
            return Box::pin(std::future::ready(just(lines)));
        }
        // Kept in the team store (one transaction) before the lines say so.
        let (team, known, id) = (self.team, self.known, meting.id);
        let not_stored = team_words(lang).not_stored;
        Box::pin(async move {
            let ids: Vec<String> = pairs.iter().map(|(r, _)| r.clone()).collect();
            if team.add(id, pairs).await.is_ok() {
                return just(lines);
            }
            known.update_value(|k| {
                if let Some((_, known)) = k {
                    for r in &ids {
                        known.remove(r);
                    }
                }
            });
            lines
                .into_iter()
                .map(|(line, stored)| match stored {
                    true => ImportLine {
                        outcome: "refused",
                        new: 0,
                        duplicates: 0,
                        text: not_stored.to_string(),
                    },
                    false => line,
                })
                .collect()
        })
    }

    /// One file or scan of [`Screens::import`]: its line, or its line once its new
    /// responses are kept.
    fn take_in(self, meting: &Meting, keys: &KeyPair, incoming: Incoming, lang: Lang) -> Taken {
        let t = team_words(lang);
        let refused = |text: String| ImportLine { outcome: "refused", new: 0, duplicates: 0, text };
        let read: Result<Vec<Envelope>, EnvelopeError> = match incoming {
            Incoming::File(bytes) if bytes.starts_with(envelope::ENVELOPE_MAGIC) => {
                Envelope::from_bytes(&bytes).map(|e| vec![e])
            }
            Incoming::File(bytes) => envelope::read_file(&bytes),
            Incoming::Codes(codes) if codes.is_empty() => {
                return Taken::Line(refused(t.no_code.to_string()))
            }
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
                        return Taken::Line(ImportLine {
                            outcome: "part",
                            new: 0,
                            duplicates: 0,
                            text: format!("{} ({have} {} {of})", t.part_read, t.of),
                        })
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
            let unlocked = Unlocked { meting, keys, instrument };
            self.known.try_update_value(|k| {
                k.as_mut().map(|(_, known)| collect::take(unlocked, known, read))
            })?
        });
        let Some(outcome) = taken else {
            return Taken::Line(refused(t.invite_missing.to_string()));
        };
        match outcome {
            Outcome::Taken { new, duplicates } => {
                if !new.is_empty() {
                    self.forget_table(meting.id);
                }
                let text = match (new.len(), duplicates) {
                    (0, _) => t.already.to_string(),
                    (1, 0) => t.added_one.to_string(),
                    (n, 0) => format!("{n} {}", t.added_many),
                    (n, d) => format!("{n} {}, {d} {}", t.new, t.duplicate),
                };
                let outcome = if new.is_empty() { "duplicate" } else { "new" };
                let line = ImportLine { outcome, new: new.len(), duplicates, text };
                if new.is_empty() {
                    return Taken::Line(line);
                }
                let pairs: Vec<(String, Envelope)> = new
                    .into_iter()
                    .filter_map(|t| {
                        Envelope::from_bytes(&t.envelope).ok().map(|e| (t.response.id, e))
                    })
                    .collect();
                Taken::Store(line, pairs)
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
                Taken::Line(refused(text))
            }
        }
    }

    pub(super) fn meting_rows(self, lang: Lang) -> Vec<MetingRow> {
        self.team
            .metingen()
            .into_iter()
            .map(|m| MetingRow {
                id: m.id.to_text(),
                count: self.team.count(m.id),
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
