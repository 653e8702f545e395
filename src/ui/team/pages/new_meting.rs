//! Making a meting: vragenlijst, label, coarse context and the passphrase, with the
//! plain warning that nobody can recover a lost passphrase before it. By default Spiegel
//! makes the passphrase (five Dutch words, 55 bits) and shows it once; an own passphrase
//! is taken only when it is as hard to guess. The fields are plain text fields that
//! password managers leave alone (a saved or filled-in passphrase would sit next to the
//! locked answers), shown as dots.

use leptos::prelude::*;

use crate::domain::meting::{Context, Draft, MetingError, DOMEINEN, LEERWEGEN, NIVEAUS};
use crate::domain::passphrase::{self, PassphraseProblem};
use crate::domain::seal::PinProblem;
use crate::domain::text::Lang;
use crate::ui::browser::{focus, next_paint, secure_random};
use crate::ui::team::i18n::team::{team_words, TeamWords};
use crate::ui::team::i18n::vault::{vault_words, VaultWords};

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
    /// The generated passphrase is not ticked as written down.
    NotWritten,
}

fn message(t: &TeamWords, v: &VaultWords, e: CreateError) -> &'static str {
    match e {
        CreateError::NotWritten => v.err_not_written,
        CreateError::Draft(MetingError::Passphrase(PassphraseProblem::TooWeak(_))) => {
            v.err_pass_weak
        }
        CreateError::Draft(MetingError::Passphrase(PassphraseProblem::Differ)) => v.err_pass_differ,
        CreateError::Draft(MetingError::NoLabel) => t.err_no_label,
        CreateError::Draft(MetingError::LongLabel) => t.err_long_label,
        CreateError::Draft(MetingError::Pin(PinProblem::TooShort)) => t.err_pin_short,
        CreateError::Draft(MetingError::Pin(PinProblem::AllSame)) => t.err_pin_same,
        CreateError::Draft(MetingError::Pin(PinProblem::Sequence)) => t.err_pin_sequence,
        CreateError::Draft(MetingError::PinsDiffer) => t.err_pins_differ,
        CreateError::Draft(MetingError::WrongKeys) => t.err_not_kept,
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
    let v = vault_words(lang);
    request_animation_frame(|| focus("question-title"));
    let fresh = || secure_random::<{ passphrase::SEED_LEN }>().map(passphrase::generate);
    let generated = RwSignal::new(fresh().unwrap_or_default());
    let written = RwSignal::new(false);
    let own = RwSignal::new(false);
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
        let (secret, again) = if own.get_untracked() {
            (pin.get_untracked(), pin_again.get_untracked())
        } else {
            (generated.get_untracked(), generated.get_untracked())
        };
        let draft = Draft {
            label: label.get_untracked(),
            context: Context { domein: code(domein), niveau: code(niveau), leerweg: code(leerweg) },
            pin: secret,
            pin_again: again,
        };
        error.set(None);
        if !own.get_untracked() && !written.get_untracked() {
            error.set(Some(CreateError::NotWritten));
            request_animation_frame(|| focus("nm-error"));
            return;
        }
        if draft.pin.is_empty() {
            error.set(Some(CreateError::NoRandom));
            return;
        }
        busy.set(true);
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
                <h2>{v.pass_heading}</h2>
                <p>{v.pass_warning}</p>
            </div>
            <Show when=move || !own.get()>
                <p id="nm-pass-intro">{v.pass_generated}</p>
                <p class="passphrase" data-testid="nm-passphrase" aria-describedby="nm-pass-intro">{move || generated.get()}</p>
                <button type="button" class="btn btn--ghost" data-testid="nm-pass-other"
                    on:click=move |_| { if let Some(p) = fresh() { generated.set(p); written.set(false); } }>{v.pass_other}</button>
                <label class="form__check">
                    <input type="checkbox" data-testid="nm-pass-written" prop:checked=move || written.get()
                        on:change=move |ev| written.set(event_target_checked(&ev)) />
                    " "{v.pass_written}
                </label>
            </Show>
            <label class="form__check">
                <input type="checkbox" data-testid="nm-pass-own" prop:checked=move || own.get()
                    on:change=move |ev| own.set(event_target_checked(&ev)) />
                " "{v.pass_own}
            </label>
            <Show when=move || own.get()>
                <p class="question__hint" id="nm-pass-hint">{v.pass_own_hint}</p>
                <label class="form__label" for="nm-pin">{v.field_pass}</label>
                <input id="nm-pin" class="form__input secret" type="text" autocomplete="off" autocapitalize="off"
                    spellcheck="false" data-1p-ignore="" data-lpignore="true" data-testid="nm-pin"
                    aria-describedby="nm-pass-hint" on:input=move |ev| pin.set(event_target_value(&ev)) />
                <label class="form__label" for="nm-pin-again">{v.field_pass_again}</label>
                <input id="nm-pin-again" class="form__input secret" type="text" autocomplete="off" autocapitalize="off"
                    spellcheck="false" data-1p-ignore="" data-lpignore="true" data-testid="nm-pin-again"
                    on:input=move |ev| pin_again.set(event_target_value(&ev)) />
            </Show>
            <p class="question__error" role="alert" id="nm-error" tabindex="-1" data-testid="nm-error">
                {move || error.get().map(|e| message(t, v, e))}
            </p>
            <p role="status">{move || busy.get().then_some(t.creating)}</p>
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" on:click=move |_| on_back.run(())>{t.back}</button>
                <button type="submit" class="btn btn--primary" data-testid="nm-create" disabled=move || busy.get()>{t.create}</button>
            </div>
        </form>
    }
}
