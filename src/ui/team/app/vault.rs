//! Keeping metingen safe, the app's part: backups made and restored, an older PIN meting
//! moved to a passphrase, the meting's state and its deletion, and the idle lock.

use leptos::prelude::*;

use super::{Screen, Screens};
use crate::domain::backup::{self, Backup, BackupError, MetingState};
use crate::domain::limits::{check_size, megabytes, FileKind};
use crate::domain::meting::MetingId;
use crate::domain::seal::DEFAULT_KDF;
use crate::domain::text::Lang;
use crate::storage::team::BackupMark;
use crate::ui::browser::{download, secure_random, this_week};
use crate::ui::team::i18n::vault::vault_words;
use crate::ui::team::pages::meting_safety::SafetyInfo;

/// Minutes without a key press, click or touch after which unlocked metingen lock.
pub const IDLE_MINUTES: f64 = 10.0;

impl Screens {
    /// What the safety section of a meting shows.
    pub(super) fn safety_info(self, id: MetingId) -> Option<SafetyInfo> {
        let m = self.team.team_meting(id)?;
        Some(SafetyInfo {
            label: m.meting.label.clone(),
            state: m.state,
            count: self.team.count(id),
            backup: m.backup.as_ref().map(|b| (b.week.clone(), b.responses)),
            needs_rewrap: m.meting.key.needs_rewrap(),
        })
    }

    /// Writes a backup of a meting and offers it as a download; remembers it.
    pub(super) fn make_backup(self, id: MetingId, lang: Lang) -> Result<String, String> {
        let v = vault_words(lang);
        let mut m = self.team.team_meting(id).ok_or_else(|| v.err_not_kept.to_string())?;
        let seed = secure_random::<32>().ok_or_else(|| v.err_not_kept.to_string())?;
        let responses = self.team.response_bytes(id);
        let count = responses.len();
        let b = Backup {
            meting: m.meting.clone(),
            state: m.state,
            plan: m.plan.clone(),
            released: m.released.clone(),
            responses,
        };
        let bytes = backup::write(&b, seed);
        let week = this_week();
        if !download(&backup::file_name(id, &week), &bytes) {
            return Err(v.backup_failed.to_string());
        }
        m.backup = Some(BackupMark { week, responses: count });
        self.team.keep(m);
        self.screen.set(Screen::Meting(id));
        Ok(v.backup_made.to_string())
    }

    /// Wraps an unlocked older PIN meting's key again under a passphrase.
    pub(super) fn rewrap(self, id: MetingId, phrase: &str) -> bool {
        let (Some(mut m), Some(keys)) = (self.team.team_meting(id), self.keys_of(id)) else {
            return false;
        };
        let (Some(salt), Some(nonce)) = (secure_random::<16>(), secure_random::<12>()) else {
            return false;
        };
        if m.meting.rewrap(&keys, phrase, phrase, salt, nonce, DEFAULT_KDF).is_err() {
            return false;
        }
        self.team.keep(m);
        true
    }

    /// Opens, closes or archives a meting.
    pub(super) fn set_state(self, id: MetingId, state: MetingState) {
        if let Some(mut m) = self.team.team_meting(id) {
            m.state = state;
            self.team.keep(m);
            self.screen.set(Screen::Meting(id));
        }
    }

    /// Deletes a meting and its responses from this device.
    pub(super) fn delete(self, id: MetingId) {
        let (team, persist, screen) = (self.team, self.persist, self.screen);
        self.unlocked.update_value(|u| u.retain(|(m, _)| *m != id));
        self.forget_table(id);
        leptos::task::spawn_local(async move {
            persist.forget_meting(id);
            if team.delete(id).await.is_ok() {
                screen.set(Screen::Metingen);
            }
        });
    }

    /// The idle lock: after [`IDLE_MINUTES`] without a key press, click or touch, every
    /// unlocked meting locks again, what was opened with it is forgotten, and a team
    /// screen goes back to the list. The signal turns true when that happened.
    pub(super) fn idle_lock(self) -> RwSignal<bool> {
        let screen = self.screen;
        let last_use = StoredValue::new(js_sys::Date::now());
        let idle_locked = RwSignal::new(false);
        let touched = move || last_use.set_value(js_sys::Date::now());
        let keys = window_event_listener(leptos::ev::keydown, move |_| touched());
        let pointer = window_event_listener(leptos::ev::pointerdown, move |_| touched());
        let check = set_interval_with_handle(
            move || {
                let idle = js_sys::Date::now() - last_use.get_value();
                let any = self.unlocked.with_value(|u| !u.is_empty());
                if any && idle > IDLE_MINUTES * 60_000.0 {
                    self.lock_all();
                    self.keys_changed.update(|n| *n += 1);
                    idle_locked.set(true);
                    let now = screen.get_untracked();
                    let team_screen = matches!(
                        now,
                        Screen::Meting(_) | Screen::Mirror | Screen::MirrorSetup | Screen::Export
                    );
                    screen.set(if team_screen { Screen::Metingen } else { now });
                }
            },
            std::time::Duration::from_secs(15),
        )
        .ok();
        on_cleanup(move || {
            keys.remove();
            pointer.remove();
            if let Some(h) = check {
                h.clear();
            }
        });
        idle_locked
    }

    /// Forgets every unlocked key and what was opened with them (the idle lock).
    pub(super) fn lock_all(self) {
        self.unlocked.set_value(Vec::new());
        self.tables.set_value(Vec::new());
        self.mirror.set_value(None);
        self.export_doc.set_value(None);
        self.known.set_value(None);
    }
}

/// Restores a backup file with its passphrase into the team store; the line to show.
pub(super) async fn restore(
    team: crate::ui::team::store::TeamService,
    file: web_sys::File,
    passphrase: String,
    lang: Lang,
) -> Result<String, String> {
    let v = vault_words(lang);
    check_size(FileKind::Backup, file.size())
        .map_err(|e| format!("{} {}.", v.err_too_large, megabytes(e.size, lang == Lang::Nl)))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| v.err_damaged.to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // The key derivation takes about a second: let the "one moment" line show first.
    crate::ui::browser::next_paint().await;
    let (b, _) = backup::read(&bytes, &passphrase).map_err(|e| {
        match e {
            BackupError::NotBackup => v.err_not_backup,
            BackupError::Newer => v.err_newer,
            BackupError::Damaged => v.err_damaged,
            BackupError::WrongPassphrase => v.wrong_pass,
        }
        .to_string()
    })?;
    let label = b.meting.label.clone();
    let r = team.restore(b).await.map_err(|_| v.err_not_kept.to_string())?;
    Ok(format!("{label}: {} {}, {} {}.", r.added, v.restore_added, r.already, v.restore_already))
}
