//! Making a meting: vragenlijst, label, coarse context and the PIN, with the plain
//! warning about a lost PIN before the PIN fields.

use leptos::prelude::*;

use crate::domain::meting::{Context, Draft, MetingError, DOMEINEN, LEERWEGEN, NIVEAUS};
use crate::domain::seal::PinProblem;
use crate::domain::text::Lang;
use crate::ui::browser::{focus, next_paint};
use crate::ui::team::i18n::team::{team_words, TeamWords};

/// A vragenlijst that can be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentChoice {
    /// Instrument id.
    pub id: String,
    /// Title in the current language.
    pub title: String,
}

/// Why making the meting did not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateError {
    /// The draft does not hold.
    Draft(MetingError),
    /// The browser has no secure randomness.
    NoRandom,
    /// Storage refused the meting.
    NotKept,
}

fn message(t: &TeamWords, e: CreateError) -> &'static str {
    match e {
        CreateError::Draft(MetingError::NoLabel) => t.err_no_label,
        CreateError::Draft(MetingError::LongLabel) => t.err_long_label,
        CreateError::Draft(MetingError::Pin(PinProblem::TooShort)) => t.err_pin_short,
        CreateError::Draft(MetingError::Pin(PinProblem::AllSame)) => t.err_pin_same,
        CreateError::Draft(MetingError::Pin(PinProblem::Sequence)) => t.err_pin_sequence,
        CreateError::Draft(MetingError::PinsDiffer) => t.err_pins_differ,
        CreateError::Draft(MetingError::UnknownContext(_)) | CreateError::NotKept => t.err_not_kept,
        CreateError::NoRandom => t.err_no_random,
    }
}

/// A `<select>` over codes with labels, with "niet invullen" first.
fn select(
    id: &'static str,
    label: &'static str,
    codes: &'static [&'static str],
    labels: &'static [&'static str],
    none: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let options = codes
        .iter()
        .zip(labels)
        .map(|(code, label)| view! { <option value=*code>{*label}</option> })
        .collect_view();
    view! {
        <label class="form__label" for=id>{label}</label>
        <select id=id class="form__select" data-testid=id on:change=move |ev| value.set(event_target_value(&ev))>
            <option value="">{none}</option>
            {options}
        </select>
    }
}

/// The new-meting form.
#[component]
pub fn NewMetingPage(
    /// Language of the texts.
    lang: Lang,
    /// The vragenlijsten that can be used.
    instruments: Vec<InstrumentChoice>,
    /// Makes the meting from the chosen instrument id and the draft (slow: the PIN's key
    /// derivation); on success the app moves on.
    on_create: Callback<(String, Draft), Result<(), CreateError>>,
    /// Back to the list.
    on_back: Callback<()>,
) -> impl IntoView {
    let t = team_words(lang);
    request_animation_frame(|| focus("question-title"));
    let first = instruments.first().map(|i| i.id.clone()).unwrap_or_default();
    let instrument = RwSignal::new(first);
    let label = RwSignal::new(String::new());
    let (domein, niveau, leerweg) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let pin = RwSignal::new(String::new());
    let pin_again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<CreateError>);
    let code = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.is_empty());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let draft = Draft {
            label: label.get_untracked(),
            context: Context { domein: code(domein), niveau: code(niveau), leerweg: code(leerweg) },
            pin: pin.get_untracked(),
            pin_again: pin_again.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            next_paint().await;
            let result = on_create.run((instrument.get_untracked(), draft));
            if let Err(e) = result {
                error.set(Some(e));
                busy.set(false);
                request_animation_frame(|| focus("nm-error"));
            }
        });
    };
    let options = instruments
        .into_iter()
        .map(|i| view! { <option value=i.id>{i.title}</option> })
        .collect_view();
    view! {
        <form class="start form" novalidate=true on:submit=submit>
            <h1 id="question-title" tabindex="-1">{t.new_meting}</h1>
            <label class="form__label" for="nm-instrument">{t.field_instrument}</label>
            <select id="nm-instrument" class="form__select" data-testid="nm-instrument" on:change=move |ev| instrument.set(event_target_value(&ev))>
                {options}
            </select>
            <label class="form__label" for="nm-label">{t.field_label}</label>
            <p class="question__hint" id="nm-label-hint">{t.label_hint}</p>
            <input id="nm-label" class="form__input" type="text" maxlength="60" autocomplete="off" data-testid="nm-label"
                aria-describedby="nm-label-hint" on:input=move |ev| label.set(event_target_value(&ev)) />
            {select("nm-domein", t.field_domein, &DOMEINEN, &t.domeinen, t.not_given, domein)}
            {select("nm-niveau", t.field_niveau, &NIVEAUS, &t.niveaus, t.not_given, niveau)}
            {select("nm-leerweg", t.field_leerweg, &LEERWEGEN, &t.leerwegen, t.not_given, leerweg)}
            <div class="notice notice--warning" data-testid="pin-warning" id="pin-warning">
                <h2>{t.pin_heading}</h2>
                <p>{t.pin_warning}</p>
            </div>
            <label class="form__label" for="nm-pin">{t.field_pin}</label>
            <input id="nm-pin" class="form__input" type="password" autocomplete="new-password" data-testid="nm-pin"
                aria-describedby="pin-warning" on:input=move |ev| pin.set(event_target_value(&ev)) />
            <label class="form__label" for="nm-pin-again">{t.field_pin_again}</label>
            <input id="nm-pin-again" class="form__input" type="password" autocomplete="new-password" data-testid="nm-pin-again"
                on:input=move |ev| pin_again.set(event_target_value(&ev)) />
            <p class="question__error" role="alert" id="nm-error" tabindex="-1" data-testid="nm-error">
                {move || error.get().map(|e| message(t, e))}
            </p>
            <p role="status">{move || busy.get().then_some(t.creating)}</p>
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" on:click=move |_| on_back.run(())>{t.back}</button>
                <button type="submit" class="btn btn--primary" data-testid="nm-create" disabled=move || busy.get()>{t.create}</button>
            </div>
        </form>
    }
}
