//! What keeps a shared device (kiosk) private between students: a run nobody touches
//! for a while is wiped after a visible countdown, a reload resumes a run only while
//! its student can still be there, and the browser's Back button stays in the kiosk.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::text::Lang;
use crate::ui::browser::{focus, now_ms};
use crate::ui::i18n::collect::collect_words;
use crate::ui::i18n::{count, use_address};

/// Seconds without a touch, a key or a scroll before the countdown shows.
pub const IDLE_SECONDS: u64 = 90;
/// Seconds the countdown runs before the run is wiped.
pub const COUNTDOWN_SECONDS: u64 = 30;

/// Whether a kiosk's run last touched at `touched` (milliseconds since 1970) may be
/// resumed at `now`: only within the time the countdown would have let it live.
pub fn still_there(touched: Option<u64>, now: u64) -> bool {
    touched.is_some_and(|t| now.saturating_sub(t) < (IDLE_SECONDS + COUNTDOWN_SECONDS) * 1000)
}

/// Keeps the browser's Back button inside the kiosk: one history entry of the page's
/// own stays on top of it, from the start. Back lands on the page's own entry (the
/// screen does not change) and a new one goes on top at once, and again at the next
/// touch or key (a browser may skip entries made without the user's touch).
pub fn keep_history_inside() {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let armed = StoredValue::new(false);
    let history = StoredValue::new_local(history);
    let arm = move || {
        if !armed.get_value() {
            let pushed =
                history.with_value(|h| h.push_state(&JsValue::from_str("spiegel-kiosk"), ""));
            armed.set_value(pushed.is_ok());
        }
    };
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        armed.set_value(false);
        arm();
    });
    let _ = window_event_listener(leptos::ev::pointerdown, move |_| arm());
    let _ = window_event_listener(leptos::ev::keydown, move |_| arm());
    arm();
}

/// Watches for activity during a kiosk run. After [`IDLE_SECONDS`] without any, a
/// dialog counts down from [`COUNTDOWN_SECONDS`] ("Ben je er nog?"); any touch or key
/// stops it; at zero `on_timeout` wipes the run.
#[component]
pub fn IdleGuard(
    /// Language of the texts.
    lang: Lang,
    /// Called once when the countdown runs out.
    on_timeout: Callback<()>,
) -> impl IntoView {
    let t = collect_words(lang, use_address().get_untracked());
    let last = StoredValue::new(now_ms());
    let left = RwSignal::new(None::<u64>);
    let fired = StoredValue::new(false);
    let touch = move || {
        last.set_value(now_ms());
        if left.get_untracked().is_some() {
            left.set(None);
        }
    };
    let listeners = [
        window_event_listener(leptos::ev::pointerdown, move |_| touch()),
        window_event_listener(leptos::ev::keydown, move |_| touch()),
        window_event_listener(leptos::ev::wheel, move |_| touch()),
        window_event_listener(leptos::ev::input, move |_| touch()),
    ];
    let tick = set_interval_with_handle(
        move || {
            if fired.get_value() {
                return;
            }
            let idle = now_ms().saturating_sub(last.get_value()) / 1000;
            if idle >= IDLE_SECONDS + COUNTDOWN_SECONDS {
                fired.set_value(true);
                on_timeout.run(());
            } else if idle >= IDLE_SECONDS {
                let seconds = IDLE_SECONDS + COUNTDOWN_SECONDS - idle;
                if left.get_untracked().is_none() {
                    request_animation_frame(|| focus("idle-stay"));
                }
                left.set(Some(seconds));
            }
        },
        Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
        for l in listeners {
            l.remove();
        }
    });
    view! {
        <Show when=move || left.get().is_some()>
            <div class="idle" data-testid="idle">
                <div class="idle__box" role="alertdialog" aria-modal="true"
                    aria-labelledby="idle-title" aria-describedby="idle-text">
                    <h2 id="idle-title">{t.idle_heading}</h2>
                    <p id="idle-text" data-testid="idle-left">
                        {move || {
                            let n = left.get().unwrap_or(0) as usize;
                            let when = count(n, t.idle_second, t.idle_seconds);
                            format!("{} {when} {}", t.idle_before, t.idle_after)
                        }}
                    </p>
                    <button type="button" id="idle-stay" class="btn btn--primary btn--large"
                        data-testid="idle-stay" on:click=move |_| touch()>
                        {t.idle_stay}
                    </button>
                </div>
            </div>
        </Show>
    }
}
