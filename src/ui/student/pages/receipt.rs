//! The student's receipt on their own device: the sealed response as QR code(s) to show
//! the teacher (one at a time, or full screen for scanning), and as a response file to
//! share (the phone's share sheet, where the browser has one) or download, with
//! numbered steps that say how to hand it in.

use leptos::prelude::*;

use crate::domain::envelope::{self, Envelope};
use crate::domain::text::Lang;
use crate::ui::browser::{can_share_file, download, focus, random_id, share_file, Shared};
use crate::ui::components::full_screen::FullScreen;
use crate::ui::components::qr_code::QrCode;
use crate::ui::context::Kept;
use crate::ui::i18n::collect::collect_words;
use crate::ui::i18n::use_address;

/// The receipt screen.
#[component]
pub fn ReceiptPage(
    /// Language of the texts.
    lang: Lang,
    /// The sealed response.
    envelope: Envelope,
    /// Whether this device kept it too.
    kept: Kept,
    /// Removes the waiting response from this device; returns whether that worked.
    on_remove: Callback<(), bool>,
) -> impl IntoView {
    let t = collect_words(lang, use_address().get_untracked());
    request_animation_frame(|| focus("receipt-title"));
    let codes = StoredValue::new(envelope.qr_codes());
    let count = codes.with_value(Vec::len);
    let shown = RwSignal::new(0usize);
    let removed = RwSignal::new(false);
    let share_failed = RwSignal::new(false);
    let file = StoredValue::new(envelope::file_bytes(&[envelope.to_bytes()]));
    let name = StoredValue::new(format!("spiegel-antwoord-{}.spiegel", &random_id()[..6]));

    // One code with its number, and the buttons to the other codes.
    let code = move |testid: &'static str| {
        let n = shown.get();
        let bytes = codes.with_value(|c| c.get(n).cloned().unwrap_or_default());
        let label = (count > 1).then(|| {
            view! { <p class="receipt__part" data-testid="receipt-part">{format!("{} {} {} {count}", t.code, n + 1, t.of)}</p> }
        });
        view! {
            {label}
            <QrCode bytes title=t.receipt_qr_title testid />
        }
    };
    let stepper = move || {
        (count > 1).then(|| {
            view! {
                <div class="question__nav">
                    <button type="button" class="btn btn--secondary" data-testid="receipt-prev-code"
                        disabled=move || { shown.get() == 0 }
                        on:click=move |_| shown.update(|n| *n = n.saturating_sub(1))>
                        {t.prev_code}
                    </button>
                    <button type="button" class="btn btn--primary" data-testid="receipt-next-code"
                        disabled=move || { shown.get() + 1 >= count }
                        on:click=move |_| shown.update(|n| *n = (*n + 1).min(count - 1))>
                        {t.next_code}
                    </button>
                </div>
            }
        })
    };
    let many = (count > 1).then(|| {
        view! { <p class="notice notice--info" data-testid="receipt-codes">{format!("{} {count} {}", t.receipt_codes_before, t.receipt_codes)}</p> }
    });
    let share = can_share_file().then(|| {
        view! {
            <button type="button" class="btn btn--primary" data-testid="receipt-share"
                on:click=move |_| {
                    share_failed.set(false);
                    let (name, bytes) = (name.get_value(), file.get_value());
                    leptos::task::spawn_local(async move {
                        if share_file(&name, &bytes).await == Shared::Failed {
                            download(&name, &bytes);
                            share_failed.set(true);
                        }
                    });
                }>
                {t.share}
            </button>
        }
    });
    let kept_note = if kept == Kept::OnDevice {
        view! {
            <Show when=move || !removed.get() fallback=move || view! { <p role="status">{t.receipt_removed}</p> }>
                <p>{t.receipt_kept}</p>
                <button type="button" class="btn btn--ghost" data-testid="receipt-remove"
                    on:click=move |_| if on_remove.run(()) { removed.set(true) }>
                    {t.receipt_remove}
                </button>
            </Show>
        }
        .into_any()
    } else {
        view! { <p class="notice notice--error" role="alert">{t.receipt_not_kept}</p> }.into_any()
    };
    let steps = t.steps.map(|s| view! { <li>{s}</li> });
    view! {
        <section class="receipt" data-testid="receipt">
            <h1 id="receipt-title" tabindex="-1">{t.receipt_heading}</h1>
            <p>{t.receipt_intro}</p>
            {many}
            // The code as big as the screen allows, for a camera across a desk.
            <FullScreen id="receipt" labelled_by="receipt-title" open_label=t.show_large close_label=t.close_large
                small=move || view! { {move || code("receipt-qr")} {stepper} }
                full=move || view! { {move || code("receipt-qr-large")} {stepper} } />
            <h2>{t.steps_heading}</h2>
            <ol class="steps-list" data-testid="receipt-steps">{steps}</ol>
            <div class="receipt__files">
                {share}
                <button type="button" class="btn btn--secondary" data-testid="receipt-download"
                    on:click=move |_| { download(&name.get_value(), &file.get_value()); }>
                    {t.download}
                </button>
            </div>
            <p role="status" class="notice notice--warning" data-testid="receipt-share-failed"
                hidden=move || !share_failed.get()>
                {t.share_failed}
            </p>
            {kept_note}
        </section>
    }
}
