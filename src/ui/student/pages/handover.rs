//! Kiosk mode, after a student sent, stopped or walked away: nothing of their answers is
//! on the screen, the device is ready for the next student, and the teacher can collect
//! what is waiting.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::i18n::collect::collect_words;
use crate::ui::i18n::use_address;

/// How the last run on the kiosk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// The student sent their answers.
    Sent,
    /// Nobody touched the device until the countdown ran out: everything was wiped.
    TimedOut,
    /// The student stopped: everything was wiped.
    Stopped,
}

/// The "geef het apparaat door" screen.
#[component]
pub fn HandoverPage(
    /// Language of the texts.
    lang: Lang,
    /// How the last run ended.
    after: After,
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
    let t = collect_words(lang, use_address().get_untracked());
    request_animation_frame(|| focus("handover-title"));
    let downloaded = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let waiting_text = if waiting == 1 {
        t.handover_waiting_one.to_string()
    } else {
        format!("{waiting} {}", t.handover_waiting_many)
    };
    let collect = (waiting > 0).then(|| {
        view! {
            <p data-testid="kiosk-waiting" data-count=waiting>{waiting_text}</p>
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
    let heading = match after {
        After::Sent => t.handover_heading,
        After::TimedOut => t.handover_timed_out,
        After::Stopped => t.handover_stopped,
    };
    let reason = match after {
        After::Sent => "sent",
        After::TimedOut => "timed-out",
        After::Stopped => "stopped",
    };
    view! {
        <section class="done handover" data-testid="handover" data-after=reason>
            <h1 id="handover-title" tabindex="-1">{heading}</h1>
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
