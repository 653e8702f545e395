//! The first screen after opening an invitation link: what happens with the answers,
//! and a clear way in. A link that cannot be read is refused here, before the first
//! question, in plain words and with a way back.

use leptos::prelude::*;

use crate::domain::meting::InvitationError;
use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::i18n::collect::collect_words;
use crate::ui::i18n::use_address;

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
    /// The invitation's vragenlijst is not on this device.
    Missing,
    /// The link cannot be read (damaged, or a part cut off).
    Broken(InvitationError),
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
    /// Kiosk: a run someone left was wiped when the page opened.
    wiped: bool,
    /// Begin.
    on_begin: Callback<()>,
    /// Show the waiting response again.
    on_receipt: Callback<()>,
    /// Leave the invitation for the normal start screen.
    on_leave: Callback<()>,
) -> impl IntoView {
    let t = collect_words(lang, use_address().get_untracked());
    request_animation_frame(|| focus("question-title"));
    let kiosk_note = kiosk.then(|| view! { <p class="notice notice--info">{t.invite_kiosk}</p> });
    let wiped_note = wiped.then(|| {
        view! { <p class="notice notice--info" role="status" data-testid="kiosk-wiped">{t.kiosk_wiped}</p> }
    });
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
                {wiped_note}
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
        InviteState::Missing | InviteState::Broken(_) => {
            let text = match state {
                InviteState::Broken(InvitationError::Missing(_)) => t.invite_incomplete,
                InviteState::Broken(_) => t.invite_broken,
                _ => t.invite_missing,
            };
            view! {
                <h1 id="question-title" tabindex="-1">"Spiegel"</h1>
                <p class="notice notice--error" role="alert" data-testid="invite-error">{text}</p>
                <button type="button" class="btn btn--secondary" data-testid="invite-back" on:click=move |_| on_leave.run(())>
                    {t.back}
                </button>
            }
            .into_any()
        }
    };
    view! { <section class="start invite">{body}</section> }
}
