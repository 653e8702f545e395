//! The way in after "Ik ben student" or "Ik ben medewerker": answers reach the team only
//! through an invitation, so this screen says how to open one (scan its QR code, or
//! paste its link) and offers a trial whose answers go nowhere.

use leptos::prelude::*;

use crate::domain::meting::{Invitation, InvitationError};
use crate::domain::text::Lang;
use crate::ui::browser::{focus, open_fragment};
use crate::ui::i18n::collect::{collect_words, CollectWords};
use crate::ui::i18n::use_address;

/// The fragment of a pasted invitation link (the whole address or only its part after
/// `#`), or why it does not open, in plain words.
pub fn pasted_problem(t: &'static CollectWords, text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, f)| f).to_string();
    if !Invitation::is_invitation(&fragment) {
        return Err(t.join_not_a_link);
    }
    match Invitation::from_fragment(&fragment) {
        Ok(_) => Ok(fragment),
        Err(InvitationError::Missing(_)) => Err(t.invite_incomplete),
        Err(_) => Err(t.invite_broken),
    }
}

/// The way-in screen.
#[component]
pub fn JoinPage(
    /// Language of the texts.
    lang: Lang,
    /// Start a trial of the vragenlijst.
    on_trial: Callback<()>,
    /// Back to the start screen.
    on_back: Callback<()>,
) -> impl IntoView {
    let t = collect_words(lang, use_address().get_untracked());
    request_animation_frame(|| focus("question-title"));
    let link = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match pasted_problem(t, &link.get_untracked()) {
            Ok(fragment) => open_fragment(&fragment),
            Err(why) => {
                problem.set(Some(why));
                request_animation_frame(|| focus("join-link"));
            }
        }
    };
    let steps = t.join_steps.map(|s| view! { <li>{s}</li> });
    view! {
        <section class="start join">
            <h1 id="question-title" tabindex="-1">{t.join_heading}</h1>
            <ol class="steps-list">{steps}</ol>
            <form class="form" novalidate=true on:submit=open>
                <label class="form__label" for="join-link">{t.join_paste}</label>
                <input id="join-link" class="form__input" type="url" inputmode="url"
                    autocomplete="off" data-testid="join-link"
                    aria-describedby="join-problem"
                    aria-invalid=move || problem.get().is_some().then_some("true")
                    prop:value=move || link.get()
                    on:input=move |ev| { link.set(event_target_value(&ev)); problem.set(None); } />
                <p id="join-problem" class="question__error" role="alert" data-testid="join-problem">
                    {move || problem.get()}
                </p>
                <button type="submit" class="btn btn--primary" data-testid="join-open">{t.join_open}</button>
            </form>
            <h2 class="join__trial">{t.trial_heading}</h2>
            <p>{t.trial_intro}</p>
            <button type="button" class="btn btn--secondary" data-testid="trial-start" on:click=move |_| on_trial.run(())>
                {t.trial_start}
            </button>
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" data-testid="join-back" on:click=move |_| on_back.run(())>
                    {t.back}
                </button>
            </div>
        </section>
    }
}
