//! The start screen: what Spiegel is, and who is filling it in.

use leptos::prelude::*;

use crate::ui::context::use_words;

/// Start screen with the role choice.
#[component]
pub fn StartPage(
    /// Called when a student starts the student vragenlijst.
    on_student: Callback<()>,
) -> impl IntoView {
    let w = use_words();
    view! {
        <section class="start">
            <h1 class="start__title">{move || w.get().start_heading}</h1>
            <p class="start__intro">{move || w.get().start_intro}</p>
            <p class="start__privacy">{move || w.get().start_privacy}</p>
            <h2 class="start__who">{move || w.get().start_who}</h2>
            <div class="start__roles">
                <button
                    type="button"
                    class="btn btn--primary btn--large"
                    data-testid="role-student"
                    on:click=move |_| on_student.run(())
                >
                    {move || w.get().role_student}
                </button>
                <button
                    type="button"
                    class="btn btn--secondary btn--large"
                    data-testid="role-staff"
                    disabled=true
                    aria-describedby="staff-coming"
                >
                    {move || w.get().role_staff}
                </button>
                <p id="staff-coming" class="start__note">{move || w.get().staff_coming}</p>
            </div>
        </section>
    }
}
