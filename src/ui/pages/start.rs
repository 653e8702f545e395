//! The start screen: what Spiegel is, and who is filling it in.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::i18n::words;

/// Start screen with the role choice.
#[component]
pub fn StartPage(
    /// Language of the texts.
    lang: Lang,
    /// Called when a student starts the student vragenlijst.
    on_student: Callback<()>,
) -> impl IntoView {
    let w = words(lang);
    view! {
        <section class="start">
            <h1 class="start__title">{w.start_heading}</h1>
            <p class="start__intro">{w.start_intro}</p>
            <p class="start__privacy">{w.start_privacy}</p>
            <h2 class="start__who">{w.start_who}</h2>
            <div class="start__roles">
                <button
                    type="button"
                    class="btn btn--primary btn--large"
                    data-testid="role-student"
                    on:click=move |_| on_student.run(())
                >
                    {w.role_student}
                </button>
                <button
                    type="button"
                    class="btn btn--secondary btn--large"
                    data-testid="role-staff"
                    disabled=true
                    aria-describedby="staff-coming"
                >
                    {w.role_staff}
                </button>
                <p id="staff-coming" class="start__note">{w.staff_coming}</p>
            </div>
        </section>
    }
}
