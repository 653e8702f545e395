//! Choosing what the mirror compares: a student meting and a staff meting on this device
//! (and, if the team wants, an earlier pair to see what changed), each unlocked with its
//! PIN.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::ui::browser::{focus, next_paint};
use crate::ui::team::components::pin_form::{PinForm, PinWords};
use crate::ui::team::i18n::mirror::mirror_words;
use crate::ui::team::pages::meting::UnlockError;

/// Which side of the mirror a meting is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A meting of a student vragenlijst.
    Students,
    /// A meting of a staff vragenlijst that mirrors a student one.
    Staff,
}

/// A meting that can go into the mirror.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Meting id as text.
    pub id: String,
    /// The team's label.
    pub label: String,
    /// Vragenlijst, week and number of responses, as one line.
    pub facts: String,
    /// Its side.
    pub side: Side,
    /// The student vragenlijst it belongs to: its own (students) or the one it mirrors.
    pub student_instrument: String,
    /// Whether its key is unlocked in this visit (always, for one read from an export).
    pub unlocked: bool,
    /// Read from an earlier export, not a meting on this device.
    pub from_export: bool,
}

/// What the team chose to compare (meting ids as text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The student meting.
    pub students: String,
    /// The staff meting.
    pub staff: String,
    /// An earlier student meting and staff meting, for the change over time.
    pub before: Option<(String, String)>,
}

/// The choice screen.
#[component]
pub fn MirrorSetupPage(
    /// Language of the texts.
    lang: Lang,
    /// The metingen on this device that can go into the mirror.
    sources: Vec<Source>,
    /// Unlocks a meting (id, PIN); slow.
    on_unlock: Callback<(String, String), Result<(), UnlockError>>,
    /// Opens the chosen metingen and shows the mirror; an error message otherwise.
    on_compare: Callback<Choice, Result<(), String>>,
    /// Reads an earlier export (its text); its metingen, or why it cannot be read.
    on_export_file: Callback<String, Result<Vec<Source>, String>>,
    /// Back to the metingen.
    on_back: Callback<()>,
) -> impl IntoView {
    let w = mirror_words(lang);
    request_animation_frame(|| focus("question-title"));
    let sources = RwSignal::new(sources);
    let unlocked = RwSignal::new(sources.with_untracked(|s| {
        s.iter().filter(|s| s.unlocked).map(|s| s.id.clone()).collect::<Vec<_>>()
    }));
    let first = move |side: Side| {
        sources.with_untracked(|s| {
            s.iter().find(|s| s.side == side && !s.from_export).map(|s| s.id.clone())
        })
    };
    let students = RwSignal::new(first(Side::Students).unwrap_or_default());
    let staff = RwSignal::new(String::new());
    let before_students = RwSignal::new(String::new());
    let before_staff = RwSignal::new(String::new());
    // The student vragenlijst of the chosen student meting: staff metingen must mirror it.
    let family = move || {
        let id = students.get();
        sources.with(|s| {
            s.iter().find(|s| s.id == id).map(|s| s.student_instrument.clone()).unwrap_or_default()
        })
    };
    // Metingen of `side` that fit the chosen students; those read from an export only when
    // `earlier` (they can only be the earlier pair).
    let options = move |side: Side, skip: String, earlier: bool| {
        let family = family();
        sources.with(|s| {
            s.iter()
                .filter(|s| s.side == side && s.student_instrument == family && s.id != skip)
                .filter(|s| earlier || !s.from_export)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    // A staff meting that fits the chosen students, kept when it still fits.
    Effect::new(move |_| {
        let fits = options(Side::Staff, String::new(), false);
        let now = staff.get_untracked();
        if !fits.iter().any(|s| s.id == now) {
            staff.set(fits.first().map(|s| s.id.clone()).unwrap_or_default());
        }
    });
    let chosen = move || {
        let mut ids = vec![students.get(), staff.get()];
        if !before_students.get().is_empty() || !before_staff.get().is_empty() {
            ids.push(before_students.get());
            ids.push(before_staff.get());
        }
        ids
    };
    let locked = move || {
        let open = unlocked.get();
        chosen().into_iter().find(|id| !id.is_empty() && !open.contains(id))
    };
    let label_of =
        move |id: &str| sources.with(|s| s.iter().find(|s| s.id == id).map(|s| s.label.clone()));
    let export_error = RwSignal::new(None::<String>);
    let read_export = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let text = text.ok().and_then(|t| t.as_string()).unwrap_or_default();
            match on_export_file.run(text) {
                Ok(found) => {
                    export_error.set(None);
                    // An exported meting needs no PIN: it was anonymised when it left.
                    unlocked.update(|u| u.extend(found.iter().map(|s| s.id.clone())));
                    sources.update(|s| {
                        s.retain(|x| !x.from_export);
                        s.extend(found);
                    });
                }
                Err(e) => export_error.set(Some(e)),
            }
        });
    };

    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let compare = move |_| {
        if busy.get_untracked() {
            return;
        }
        let (s, t) = (students.get_untracked(), staff.get_untracked());
        let (bs, bt) = (before_students.get_untracked(), before_staff.get_untracked());
        let before = match (bs.is_empty(), bt.is_empty()) {
            (true, true) => None,
            (false, false) => Some((bs, bt)),
            _ => {
                error.set(Some(w.before_both.to_string()));
                return;
            }
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            next_paint().await;
            if let Err(e) = on_compare.run(Choice { students: s, staff: t, before }) {
                error.set(Some(e));
                busy.set(false);
            }
        });
    };

    let select = move |id: &'static str,
                       label: &'static str,
                       value: RwSignal<String>,
                       list: Box<dyn Fn() -> Vec<Source> + Send + Sync>,
                       none: Option<&'static str>| {
        view! {
            <div class="form__field">
                <label class="form__label" for=id>{label}</label>
                <select id=id class="form__select" data-testid=id
                    on:change=move |ev| value.set(event_target_value(&ev))
                    prop:value=move || value.get()>
                    {none.map(|n| view! { <option value="">{n}</option> })}
                    {move || list().into_iter().map(|s| {
                        let selected = s.id == value.get_untracked();
                        view! { <option value=s.id.clone() selected=selected>{format!("{} · {}", s.label, s.facts)}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };

    let has = move |side: Side| {
        sources.with_untracked(|s| s.iter().any(|s| s.side == side && !s.from_export))
    };
    let body = if !has(Side::Students) || !has(Side::Staff) {
        view! { <p data-testid="mirror-missing">{w.need_both}</p> }.into_any()
    } else {
        let student_list = Box::new(move || {
            sources.with(|s| {
                s.iter()
                    .filter(|s| s.side == Side::Students && !s.from_export)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        let staff_list = Box::new(move || options(Side::Staff, String::new(), false));
        let before_student_list = Box::new(move || options(Side::Students, students.get(), true));
        let before_staff_list = Box::new(move || options(Side::Staff, staff.get(), true));
        view! {
            {select("mirror-students", w.choose_students, students, student_list, None)}
            {move || options(Side::Staff, String::new(), false).is_empty().then(|| view! {
                <p class="notice" role="status">{w.no_staff_for}</p>
            })}
            {select("mirror-staff", w.choose_staff, staff, staff_list, None)}
            <details class="mirror__before">
                <summary>{w.before_heading}</summary>
                <p>{w.before_intro}</p>
                {select("mirror-before-students", w.choose_students, before_students, before_student_list, Some(w.none))}
                {select("mirror-before-staff", w.choose_staff, before_staff, before_staff_list, Some(w.none))}
                <label class="form__label" for="mirror-export-file">{w.export_file}</label>
                <p class="question__hint" id="mirror-export-hint">{w.export_file_hint}</p>
                <input id="mirror-export-file" data-testid="mirror-export-file" class="own__file" type="file"
                    accept=".json,application/json" aria-describedby="mirror-export-hint" on:change=read_export />
                {move || export_error.get().map(|e| view! {
                    <p class="question__error" role="alert" data-testid="mirror-export-error">{e}</p>
                })}
            </details>
            {move || match locked() {
                Some(id) => {
                    let name = label_of(&id).unwrap_or_default();
                    let on_pin = Callback::new(move |pin: String| {
                        on_unlock.run((id.clone(), pin))?;
                        unlocked.update(|u| u.push(id.clone()));
                        Ok(())
                    });
                    let words = PinWords {
                        locked: w.locked,
                        pin_of: w.pin_of,
                        wrong_pin: w.wrong_pin,
                        damaged_key: w.damaged_key,
                        unlock: w.unlock,
                        busy: w.opening,
                    };
                    view! { <PinForm prefix="mirror" name words busy on_pin /> }.into_any()
                }
                None => view! {
                    <button type="button" class="btn btn--primary" data-testid="mirror-compare"
                        disabled=move || busy.get() || staff.get().is_empty() on:click=compare>
                        {move || if busy.get() { w.opening } else { w.compare }}
                    </button>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="question__error" role="alert">{e}</p> })}
        }
        .into_any()
    };
    view! {
        <section class="start team mirror-setup">
            <h1 id="question-title" tabindex="-1">{w.setup_heading}</h1>
            <p>{w.setup_intro}</p>
            {body}
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" on:click=move |_| on_back.run(())>{w.back}</button>
            </div>
        </section>
    }
}
