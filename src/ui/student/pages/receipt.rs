//! The student's receipt on their own device: the sealed response as QR code(s) to show
//! the teacher, and as a response file to download.

use leptos::prelude::*;

use crate::domain::envelope::{self, Envelope};
use crate::domain::text::Lang;
use crate::ui::browser::{download, focus, random_id};
use crate::ui::components::qr_code::QrCode;
use crate::ui::context::Kept;
use crate::ui::i18n::collect::collect_words;

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
    let t = collect_words(lang);
    request_animation_frame(|| focus("receipt-title"));
    let codes = envelope.qr_codes();
    let count = codes.len();
    let shown = RwSignal::new(0usize);
    let removed = RwSignal::new(false);
    let file = envelope::file_bytes(&[envelope.to_bytes()]);
    let name = format!("spiegel-antwoord-{}.spiegel", &random_id()[..6]);
    let code_view = move || {
        let n = shown.get();
        let bytes = codes.get(n).cloned().unwrap_or_default();
        let label = (count > 1).then(|| {
            view! { <p class="receipt__part" data-testid="receipt-part">{format!("{} {} {} {count}", t.code, n + 1, t.of)}</p> }
        });
        view! {
            {label}
            <QrCode bytes title=t.receipt_qr_title testid="receipt-qr" />
        }
    };
    let stepper = (count > 1).then(|| {
        view! {
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" data-testid="receipt-prev-code"
                    disabled=move || shown.get() == 0
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
    view! {
        <section class="receipt" data-testid="receipt">
            <h1 id="receipt-title" tabindex="-1">{t.receipt_heading}</h1>
            <p>{t.receipt_intro}</p>
            {code_view}
            {stepper}
            <button type="button" class="btn btn--primary" data-testid="receipt-download"
                on:click=move |_| { download(&name, &file); }>
                {t.download}
            </button>
            {kept_note}
        </section>
    }
}
