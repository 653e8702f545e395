//! The storage warning banner and one-time notices.

use leptos::prelude::*;

use crate::ui::context::{use_persist, use_words, Notice, StorageWarning};

/// Shows a banner while answers cannot be stored, and one-time notices (a corrupt entry
/// set aside, answers that no longer fit). The live regions are always in the page, so
/// screen readers announce a message when it appears.
#[component]
pub fn Banners() -> impl IntoView {
    let persist = use_persist();
    let w = use_words();
    let warning = move || {
        persist.warning.get().map(|k| match k {
            StorageWarning::Blocked => w.get().storage_blocked,
            StorageWarning::Full => w.get().storage_full,
            StorageWarning::Failed => w.get().storage_failed,
        })
    };
    let notice = move || {
        persist.notice.get().map(|n| match n {
            Notice::SetAside => w.get().set_aside,
            Notice::AnswersDropped => w.get().answers_dropped,
        })
    };
    view! {
        <div class="banners" role="status" data-testid="storage-banner">
            {move || warning().map(|text| view! { <p class="notice notice--warning">{text}</p> })}
        </div>
        <div class="banners" role="status" data-testid="notice">
            {move || {
                notice()
                    .map(|text| {
                        view! {
                            <p class="notice notice--info">
                                {text}
                                " "
                                <button type="button" class="btn btn--link" on:click=move |_| persist.notice.set(None)>
                                    {move || w.get().close}
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}
