//! The storage warning banner and one-time notices.

use leptos::prelude::*;

use crate::ui::context::{use_lang, use_persist, Notice, StorageWarning};
use crate::ui::i18n::{use_address, words_for};

/// Shows a banner while answers cannot be stored, and one-time notices (a corrupt entry
/// set aside, answers that no longer fit). The live regions are always in the page, so
/// screen readers announce a message when it appears.
#[component]
pub fn Banners() -> impl IntoView {
    let persist = use_persist();
    let lang = use_lang();
    let address = use_address();
    let warning = move || {
        let w = words_for(lang.get(), address.get());
        persist.warning.get().map(|k| {
            let text = match k {
                StorageWarning::Blocked => w.storage_blocked,
                StorageWarning::Full => w.storage_full,
                StorageWarning::Failed => w.storage_failed,
                StorageWarning::OtherTab => w.other_tab,
            };
            let other = k == StorageWarning::OtherTab;
            view! { <p class="notice notice--warning" data-other-tab=other.to_string()>{text}</p> }
        })
    };
    let notice = move || {
        let w = words_for(lang.get(), address.get());
        persist.notice.get().map(|n| {
            let text = match n {
                Notice::SetAside => w.set_aside,
                Notice::AnswersDropped => w.answers_dropped,
            };
            view! {
                <p class="notice notice--info">
                    {text} " "
                    <button type="button" class="btn btn--link" on:click=move |_| persist.notice.set(None)>
                        {w.close}
                    </button>
                </p>
            }
        })
    };
    view! {
        <div class="banners" role="status" data-testid="storage-banner">{warning}</div>
        <div class="banners" role="status" data-testid="notice">{notice}</div>
    }
}
