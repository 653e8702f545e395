//! The first screen after opening an invitation link: what happens with the answers,
//! and a clear way in. In kiosk mode it also catches a run someone left half way.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::i18n::collect::collect_words;

/// What the invitation start screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InviteState {
    /// Ready to begin the vragenlijst with this title.
    Ready {
        /// The vragenlijst's title.
        title: String,
        /// A response of this meting is still waiting on this (own) device.
        answered: bool,
    },
    /// Kiosk: someone left a run half way.
    HalfWay,
    /// The invitation's vragenlijst is not on this device.
    Missing,
    /// The link cannot be read.
    Broken,
}

/// The invitation's start screen.
#[component]
pub fn InvitePage(
    /// Language of the texts.
    lang: Lang,
    /// What to show.
    state: InviteState,
    /// Kiosk mode (a shared device).
    kiosk: bool,
    /// Begin (or, half way, go on).
    on_begin: Callback<()>,
    /// Show the waiting response again.
    on_receipt: Callback<()>,
    /// Wipe the half-way run and start fresh.
    on_wipe: Callback<()>,
    /// Leave the invitation for the normal start screen.
    on_leave: Callback<()>,
) -> impl IntoView {
    let t = collect_words(lang);
    request_animation_frame(|| focus("question-title"));
    let kiosk_note = kiosk.then(|| view! { <p class="notice notice--info">{t.invite_kiosk}</p> });
    let body = match state {
        InviteState::Ready { title, answered } => {
            let receipt = answered.then(|| {
                view! {
                    <div class="notice notice--info" role="status">
                        <p>{t.invite_answered}</p>
                        <button type="button" class="btn btn--secondary" data-testid="invite-receipt" on:click=move |_| on_receipt.run(())>
                            {t.invite_show_receipt}
                        </button>
                    </div>
                }
            });
            view! {
                <h1 id="question-title" tabindex="-1">{title}</h1>
                <p class="start__intro">{t.invite_intro}</p>
                <p class="start__privacy">{t.invite_sealed}</p>
                {kiosk_note}
                {receipt}
                <button type="button" class="btn btn--primary btn--large" data-testid="invite-begin" on:click=move |_| on_begin.run(())>
                    {t.begin}
                </button>
            }
            .into_any()
        }
        InviteState::HalfWay => view! {
            <h1 id="question-title" tabindex="-1">{t.kiosk_half}</h1>
            <div class="start__roles">
                <button type="button" class="btn btn--primary btn--large" data-testid="kiosk-continue" on:click=move |_| on_begin.run(())>
                    {t.kiosk_continue}
                </button>
                <button type="button" class="btn btn--secondary btn--large" data-testid="kiosk-wipe" on:click=move |_| on_wipe.run(())>
                    {t.kiosk_wipe}
                </button>
            </div>
        }
        .into_any(),
        InviteState::Missing | InviteState::Broken => {
            let text = if matches!(state, InviteState::Missing) { t.invite_missing } else { t.invite_broken };
            view! {
                <h1 id="question-title" tabindex="-1">"Spiegel"</h1>
                <p class="notice notice--error" role="alert" data-testid="invite-error">{text}</p>
                <button type="button" class="btn btn--secondary" on:click=move |_| on_leave.run(())>
                    {t.back}
                </button>
            }
            .into_any()
        }
    };
    view! { <section class="start invite">{body}</section> }
}
