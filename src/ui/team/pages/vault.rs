//! On the list of metingen: restoring a backup, and what this device stores (used, room
//! left, whether the browser keeps it, entries set aside, data moved from the first
//! version).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::limits::megabytes;
use crate::domain::text::Lang;
use crate::ui::team::i18n::vault::vault_words;
use crate::ui::team::store::StorageFacts;

/// The result of a restore, still to come.
pub type RestoreFuture = Pin<Box<dyn Future<Output = Result<String, String>>>>;

/// Restore and storage.
#[component]
pub fn TeamVault(
    /// Language of the texts.
    lang: Lang,
    /// What the device stores.
    facts: Signal<StorageFacts>,
    /// Restores a file with a passphrase.
    on_restore: Callback<(web_sys::File, String), RestoreFuture>,
    /// The last restore's line (kept by the app, so it outlives a redraw of the screen).
    result: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let v = vault_words(lang);
    let nl = lang == Lang::Nl;
    let file = StoredValue::new_local(None::<web_sys::File>);
    let pass = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let pick = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        file.set_value(input.and_then(|i| i.files()).and_then(|f| f.get(0)));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(chosen) = file.get_value() else {
            result.set(Some(Err(v.err_no_file.to_string())));
            return;
        };
        busy.set(true);
        result.set(None);
        let pending = on_restore.run((chosen, pass.get_untracked()));
        leptos::task::spawn_local(async move {
            let r = pending.await;
            let ok = r.is_ok();
            result.set(Some(r));
            busy.set(false);
            if ok {
                pass.set(String::new());
            }
        });
    };
    let size = move |b: Option<f64>| b.map(|b| megabytes(b.max(0.0) as u64, nl));
    let facts_view = move || {
        let f = facts.get();
        let mut lines: Vec<(&'static str, String)> = Vec::new();
        if f.in_memory {
            lines.push(("storage-memory", v.storage_memory.to_string()));
        }
        if let Some(used) = size(f.usage) {
            lines.push(("storage-used", format!("{} {used}", v.storage_used)));
        }
        if let (Some(u), Some(q)) = (f.usage, f.quota) {
            if let Some(free) = size(Some(q - u)) {
                lines.push(("storage-free", format!("{} {free}", v.storage_free)));
            }
        }
        match f.persisted {
            Some(true) => lines.push(("storage-persisted", v.storage_kept.to_string())),
            Some(false) => lines.push(("storage-persisted", v.storage_not_kept.to_string())),
            None => {}
        }
        if f.set_aside > 0 {
            lines.push(("storage-aside", format!("{} {}", f.set_aside, v.storage_aside)));
        }
        if let Some(m) = f.migrated {
            lines.push((
                "storage-moved",
                format!(
                    "{} {} {}, {} {}",
                    m.metingen + m.responses + m.set_aside,
                    v.storage_moved,
                    m.metingen,
                    m.responses,
                    v.responses
                ),
            ));
        }
        if let Some(e) = f.error {
            lines.push(("storage-error", format!("{} {e}", v.storage_error)));
        }
        lines.into_iter().map(|(id, text)| view! { <li data-testid=id>{text}</li> }).collect_view()
    };
    view! {
        <section class="vault" data-testid="team-vault">
            <h2>{v.restore_heading}</h2>
            <form class="form" novalidate=true on:submit=submit>
                <p>{v.restore_intro}</p>
                <label class="form__label" for="restore-file">{v.restore_file}</label>
                <input id="restore-file" class="own__file" type="file" accept=".spiegel-backup,application/octet-stream"
                    data-testid="restore-file" on:change=pick />
                <label class="form__label" for="restore-pass">{v.restore_pass}</label>
                <input id="restore-pass" class="form__input secret" type="text" autocomplete="off" autocapitalize="off"
                    spellcheck="false" data-1p-ignore="" data-lpignore="true" data-testid="restore-pass"
                    prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) />
                <p role="status">{move || busy.get().then_some(v.restoring)}</p>
                <p role="alert" data-testid="restore-result"
                    data-ok=move || result.get().map(|r| r.is_ok().to_string())>
                    {move || result.get().map(|r| match r { Ok(t) | Err(t) => t })}
                </p>
                <button type="submit" class="btn btn--secondary" data-testid="restore" disabled=move || busy.get()>{v.restore_button}</button>
            </form>
            <h2>{v.storage_heading}</h2>
            <ul class="vault__facts" data-testid="storage-facts">{facts_view}</ul>
        </section>
    }
}
