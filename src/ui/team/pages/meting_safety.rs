//! Below a meting: its backup (and how many responses came in after the last one), the
//! move of an older PIN meting to a passphrase, closing, archiving and deleting (with a
//! confirmation that names what goes).

use leptos::prelude::*;

use crate::domain::backup::MetingState;
use crate::domain::passphrase;
use crate::domain::text::Lang;
use crate::ui::browser::{next_paint, secure_random};
use crate::ui::team::i18n::vault::vault_words;

/// What the section shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyInfo {
    /// The team's label.
    pub label: String,
    /// Open, closed or archived.
    pub state: MetingState,
    /// Responses collected.
    pub count: usize,
    /// The last backup: week and responses.
    pub backup: Option<(String, usize)>,
    /// The key is still under a PIN.
    pub needs_rewrap: bool,
}

/// The safety section of a meting.
#[component]
pub fn MetingSafety(
    /// Language of the texts.
    lang: Lang,
    /// What to show.
    info: SafetyInfo,
    /// Whether the meting is unlocked now.
    unlocked: Signal<bool>,
    /// Makes and downloads a backup; the message to show.
    on_backup: Callback<(), Result<String, String>>,
    /// Wraps the key again under this passphrase; whether that worked.
    on_rewrap: Callback<String, bool>,
    /// Sets the state.
    on_state: Callback<MetingState>,
    /// Deletes the meting.
    on_delete: Callback<()>,
) -> impl IntoView {
    let v = vault_words(lang);
    let SafetyInfo { label, state, count, backup, needs_rewrap } = info;
    let message = RwSignal::new(None::<Result<String, String>>);
    let behind = count.saturating_sub(backup.as_ref().map_or(0, |(_, n)| *n));
    let backup_text = match &backup {
        None => v.backup_none.to_string(),
        Some((week, n)) => format!("{} {} {week}, {n} {}.", v.backup_last, v.week, v.responses),
    };
    let make = move |_| message.set(Some(on_backup.run(())));
    // An older meting under a PIN: a passphrase made here, shown once.
    let rewrap_needed = RwSignal::new(needs_rewrap);
    let phrase = secure_random::<{ passphrase::SEED_LEN }>().map(passphrase::generate);
    let phrase = StoredValue::new(phrase.unwrap_or_default());
    let written = RwSignal::new(false);
    let rewrap_error = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let rewrap = move |_| {
        if !written.get_untracked() {
            rewrap_error.set(true);
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            next_paint().await;
            if on_rewrap.run(phrase.get_value()) {
                rewrap_needed.set(false);
            } else {
                rewrap_error.set(true);
            }
            busy.set(false);
        });
    };
    let confirming = RwSignal::new(false);
    let confirm_text = format!(
        "{} '{label}' {} {count} {}. {} {}",
        v.delete_what,
        if lang == Lang::Nl { "met" } else { "with" },
        v.responses,
        match &backup {
            None => v.delete_no_backup.to_string(),
            Some((week, n)) => format!("{} {week} ({n} {}).", v.delete_backup, v.responses),
        },
        v.delete_final
    );
    view! {
        <section class="vault" data-testid="meting-safety">
            <Show when=move || rewrap_needed.get() && unlocked.get()>
                <div class="notice notice--warning" data-testid="rewrap">
                    <p>{v.rewrap_intro}</p>
                    <p class="passphrase" data-testid="rewrap-passphrase">{phrase.get_value()}</p>
                    <label class="form__check">
                        <input type="checkbox" data-testid="rewrap-written" on:change=move |ev| written.set(event_target_checked(&ev)) />
                        " "{v.pass_written}
                    </label>
                    <p class="question__error" role="alert">{move || rewrap_error.get().then_some(v.err_not_written)}</p>
                    <button type="button" class="btn btn--primary" data-testid="rewrap-use" disabled=move || busy.get() on:click=rewrap>{v.rewrap_button}</button>
                </div>
            </Show>
            <h2>{v.backup_heading}</h2>
            <p>{v.backup_intro}</p>
            <p data-testid="backup-status">{backup_text}</p>
            {(behind > 0 && backup.is_some()).then(|| view! {
                <p class="notice notice--warning" data-testid="backup-behind" data-behind=behind>{format!("{behind} {}", v.backup_behind)}</p>
            })}
            <button type="button" class="btn btn--secondary" data-testid="backup-make" on:click=make>{v.backup_make}</button>
            <p role="status" data-testid="backup-message">{move || message.get().map(|m| match m { Ok(t) | Err(t) => t })}</p>
            {(state != MetingState::Open).then(|| view! { <p class="notice" data-testid="meting-closed">{v.closed_note}</p> })}
            <div class="question__nav">
                {match state {
                    MetingState::Open => view! {
                        <button type="button" class="btn btn--ghost" data-testid="meting-close" on:click=move |_| on_state.run(MetingState::Closed)>{v.close}</button>
                    }.into_any(),
                    _ => view! {
                        <button type="button" class="btn btn--ghost" data-testid="meting-reopen" on:click=move |_| on_state.run(MetingState::Open)>{v.reopen}</button>
                    }.into_any(),
                }}
                {(state != MetingState::Archived).then(|| view! {
                    <button type="button" class="btn btn--ghost" data-testid="meting-archive" on:click=move |_| on_state.run(MetingState::Archived)>{v.archive}</button>
                })}
                <button type="button" class="btn btn--ghost" data-testid="meting-delete" on:click=move |_| confirming.set(true)>{v.delete}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="notice notice--error" role="alertdialog" aria-labelledby="delete-what" data-testid="delete-confirm">
                    <p id="delete-what">{confirm_text.clone()}</p>
                    <div class="question__nav">
                        <button type="button" class="btn btn--secondary" data-testid="delete-cancel" on:click=move |_| confirming.set(false)>{v.cancel}</button>
                        <button type="button" class="btn btn--primary" data-testid="delete-yes" on:click=move |_| on_delete.run(())>{v.delete_yes}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
