//! Kiosk mode, after a student sent: nothing of their answers is on the screen, the
//! device is ready for the next student, and the teacher can collect what is waiting.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::i18n::collect::collect_words;

/// The "geef het apparaat door" screen.
#[component]
pub fn HandoverPage(
    /// Language of the texts.
    lang: Lang,
    /// Sealed responses waiting on this device (0 when they went straight to the team's
    /// meting on this device).
    waiting: usize,
    /// Start fresh for the next student.
    on_next: Callback<()>,
    /// Download everything waiting as one response file; returns whether it started.
    on_collect: Callback<(), bool>,
    /// Remove what was downloaded; returns whether it worked.
    on_clear: Callback<(), bool>,
    /// Leave kiosk mode.
    on_stop: Callback<()>,
) -> impl IntoView {
    let t = collect_words(lang);
    request_animation_frame(|| focus("handover-title"));
    let downloaded = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let collect = (waiting > 0).then(|| {
        view! {
            <p data-testid="kiosk-waiting" data-count=waiting>{format!("{waiting} {}", t.handover_waiting)}</p>
            <Show when=move || !cleared.get() fallback=move || view! { <p role="status">{t.handover_cleared}</p> }>
                <button type="button" class="btn btn--secondary" data-testid="kiosk-collect"
                    on:click=move |_| if on_collect.run(()) { downloaded.set(true) }>
                    {t.handover_collect}
                </button>
                <Show when=move || downloaded.get()>
                    <button type="button" class="btn btn--ghost" data-testid="kiosk-clear"
                        on:click=move |_| if on_clear.run(()) { cleared.set(true) }>
                        {t.handover_clear}
                    </button>
                </Show>
            </Show>
        }
    });
    view! {
        <section class="done handover" data-testid="handover">
            <h1 id="handover-title" tabindex="-1">{t.handover_heading}</h1>
            <p class="handover__pass">{t.handover_text}</p>
            <button type="button" class="btn btn--primary btn--large" data-testid="kiosk-next" on:click=move |_| on_next.run(())>
                {t.handover_next}
            </button>
            <details class="handover__teacher">
                <summary>{t.handover_teacher}</summary>
                {collect}
                <button type="button" class="btn btn--ghost" data-testid="kiosk-stop" on:click=move |_| on_stop.run(())>
                    {t.kiosk_stop}
                </button>
            </details>
        </section>
    }
}
