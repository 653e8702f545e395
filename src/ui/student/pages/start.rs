//! The start screen: what Spiegel is, and who is filling it in.

use leptos::prelude::*;

use crate::domain::instrument::Audience;
use crate::domain::text::Lang;
use crate::ui::i18n::collect::collect_words;
use crate::ui::i18n::words;
use crate::ui::i18n::Address;

/// An own instrument on this device that can be started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Instrument id.
    pub id: String,
    /// Title in the current language.
    pub title: String,
}

/// Start screen with the role choice (which leads to the way in with an invitation), the
/// own instruments on this device (to try), and the way to open another one.
#[component]
pub fn StartPage(
    /// Language of the texts.
    lang: Lang,
    /// Own instruments opened earlier on this device.
    own: Vec<Choice>,
    /// Called with the role chosen: students or staff.
    on_role: Callback<Audience>,
    /// Called with the id of an own instrument to try.
    on_start: Callback<String>,
    /// Called to open an own instrument file.
    on_open_own: Callback<()>,
    /// Called to open the team's metingen.
    on_team: Callback<()>,
) -> impl IntoView {
    let w = words(lang);
    let t = collect_words(lang, Address::Je);
    let own = (!own.is_empty()).then(|| {
        let buttons = own
            .into_iter()
            .map(|c| {
                let id = c.id.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class="btn btn--secondary"
                            data-testid=format!("start-{}", c.id)
                            on:click=move |_| on_start.run(id.clone())
                        >
                            {c.title}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 class="start__own-title">{w.own_on_device}</h3>
            <ul class="start__own">{buttons}</ul>
        }
    });
    let roles = [
        (Audience::Student, w.role_student, "role-student"),
        (Audience::Staff, w.role_staff, "role-staff"),
    ]
    .map(|(audience, label, testid)| {
        view! {
            <button
                type="button"
                class="btn btn--primary btn--large"
                data-testid=testid
                on:click=move |_| on_role.run(audience)
            >
                {label}
            </button>
        }
    });
    view! {
        <section class="start">
            <h1 class="start__title">{w.start_heading}</h1>
            <p class="start__intro">{w.start_intro}</p>
            <p class="start__privacy">{w.start_privacy}</p>
            <h2 class="start__who">{w.start_who}</h2>
            <div class="start__roles">{roles}</div>
            <h2 class="start__team">{t.team_heading}</h2>
            <p>{t.team_intro}</p>
            <button type="button" class="btn btn--secondary" data-testid="open-team" on:click=move |_| on_team.run(())>
                {t.team_open}
            </button>
            <h2 class="start__research">{w.own_heading}</h2>
            <p>{w.own_intro}</p>
            {own}
            <button type="button" class="btn btn--secondary" data-testid="open-own" on:click=move |_| on_open_own.run(())>
                {w.own_open}
            </button>
        </section>
    }
}
