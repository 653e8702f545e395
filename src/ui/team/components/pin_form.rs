//! The PIN form for a locked meting, shared by the mirror's and the export's choice of
//! metingen: the PIN field, a plain error for a wrong PIN or a damaged key, and a button
//! that says "one moment" while the slow key derivation runs.

use leptos::prelude::*;

use crate::ui::browser::{focus, next_paint};
use crate::ui::team::pages::meting::UnlockError;

/// The form's texts, in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct PinWords {
    /// Before the meting's name: "first type the PIN of".
    pub locked: &'static str,
    /// Field label, before the meting's name.
    pub pin_of: &'static str,
    /// Wrong PIN.
    pub wrong_pin: &'static str,
    /// The stored key is damaged.
    pub damaged_key: &'static str,
    /// Button.
    pub unlock: &'static str,
    /// Button while unlocking.
    pub busy: &'static str,
}

/// Asks the PIN of the meting named `name`. Ids and test ids are `<prefix>-pin` and
/// `<prefix>-unlock`.
#[component]
pub fn PinForm(
    /// Prefix of the ids.
    prefix: &'static str,
    /// The meting's label.
    name: String,
    /// Texts.
    words: PinWords,
    /// Shared with the page: true while something slow runs.
    busy: RwSignal<bool>,
    /// Unlocks with the PIN typed (slow).
    on_pin: Callback<String, Result<(), UnlockError>>,
) -> impl IntoView {
    let w = words;
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<UnlockError>);
    let field = format!("{prefix}-pin");
    let submit = {
        let field = field.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            error.set(None);
            let field = field.clone();
            leptos::task::spawn_local(async move {
                next_paint().await;
                match on_pin.run(pin.get_untracked()) {
                    Ok(()) => pin.set(String::new()),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
                request_animation_frame(move || focus(&field));
            });
        }
    };
    view! {
        <form class="unlock" on:submit=submit>
            <p>{format!("{} {name}.", w.locked)}</p>
            <label class="form__label" for=field.clone()>{format!("{} {name}", w.pin_of)}</label>
            <input id=field.clone() class="form__input" type="password" autocomplete="off"
                data-testid=field prop:value=move || pin.get()
                on:input=move |ev| pin.set(event_target_value(&ev)) />
            {move || error.get().map(|e| view! {
                <p class="question__error" role="alert">{match e {
                    UnlockError::WrongPin => w.wrong_pin,
                    UnlockError::Damaged => w.damaged_key,
                }}</p>
            })}
            <button type="submit" class="btn btn--primary" data-testid=format!("{prefix}-unlock") disabled=move || busy.get()>
                {move || if busy.get() { w.busy } else { w.unlock }}
            </button>
        </form>
    }
}
