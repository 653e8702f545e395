//! The runner: one question per screen, progress, back and next, "Stoppen" with a
//! confirmation, and the end screen. A trial says on every screen that its answers go
//! nowhere.
//!
//! Every change is an [`Action`] applied to the session; the new session is stored
//! before the signal changes, so an answer is on the device before the next screen shows.

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;

use crate::domain::answer::Answer;
use crate::domain::instrument::{Instrument, Item, ItemKind};
use crate::domain::session::{Action, Position, Session, SessionError};
use crate::domain::text::Lang;
use crate::storage::journal::Run;
use crate::ui::browser::focus;
use crate::ui::components::progress_bar::ProgressBar;
use crate::ui::components::question_view::{row_input_id, QuestionView};
use crate::ui::context::{use_persist, Kept};
use crate::ui::i18n::{session_error, use_words};

/// Id of the element that receives focus when a new screen shows.
const TITLE_ID: &str = "question-title";

/// Runs an instrument from a (new or resumed) session to submission.
#[component]
pub fn RunnerPage(
    /// Language of the texts.
    lang: Lang,
    /// The instrument to run.
    instrument: StoredValue<Instrument>,
    /// The session, owned by the app so it survives a change of language.
    session: RwSignal<Session>,
    /// Which run this is (its storage key; a trial is labelled as one).
    run: Run,
    /// Called with the submitted session; keeps (or seals) the response and moves on.
    /// [`Kept::Failed`] keeps the runner on the end screen with every answer, to send
    /// again. A trial's answers are wiped instead.
    on_submit: Callback<Session, Kept>,
    /// Called when the respondent confirmed "Stoppen": the run's answers are wiped.
    on_stop: Callback<()>,
) -> impl IntoView {
    let persist = use_persist();
    let w = use_words(lang);
    let trial = run == Run::Trial;
    let error = RwSignal::new(None::<SessionError>);
    let send_failed = RwSignal::new(false);
    let stopping = RwSignal::new(false);

    // Applies an action; on success the new state is stored first, then shown.
    let dispatch = move |action: Action| {
        let mut next = session.get_untracked();
        let result = instrument.with_value(|i| {
            let r = next.apply(i, action.clone());
            if r.is_ok() {
                persist.save_session(i, run, &next);
            }
            r
        });
        match result {
            Ok(()) if action == Action::Submit => {
                // Nothing was kept: stay here with every answer, to send again.
                if on_submit.run(next) == Kept::Failed {
                    send_failed.set(true);
                }
            }
            Ok(()) => {
                session.set(next);
                error.set(None);
                send_failed.set(false);
            }
            Err(e) => {
                // A matrix with open rows: the first open row gets focus (and is scrolled
                // to), so the respondent sees which statement is meant.
                if let SessionError::RowsMissing { item, rows, .. } = &e {
                    if let Some(row) = rows.first() {
                        let id = row_input_id(item, row);
                        request_animation_frame(move || focus(&id));
                    }
                }
                error.set(Some(e));
            }
        }
    };

    let position = Memo::new(move |_| session.with(|s| s.position().clone()));
    let progress = Memo::new(move |_| session.with(|s| instrument.with_value(|i| s.progress(i))));
    Effect::new(move |_| {
        position.track();
        request_animation_frame(|| focus(TITLE_ID));
    });
    let error_text = move |dont_know: bool| match error.get() {
        Some(e) => {
            let rows = match &e {
                SessionError::RowsMissing { item, rows, .. } => {
                    instrument.with_value(|i| row_texts(i, item, rows, lang))
                }
                _ => Vec::new(),
            };
            session_error(w, &e, dont_know, &rows)
        }
        None if send_failed.get() => w.send_failed.to_string(),
        None => String::new(),
    };
    // The rows of the matrix on screen that still need an answer, marked in the view.
    let open_rows = Signal::derive(move || match error.get() {
        Some(SessionError::RowsMissing { rows, .. }) => rows,
        _ => Vec::new(),
    });
    let stop_text = match run {
        Run::Trial => w.stop_trial,
        Run::Meting(_) => w.stop_meting,
        Run::Kiosk(_) => w.stop_kiosk,
    };
    // "Stoppen" on every screen of the run, and the confirmation that says what happens
    // to the answers.
    let stop = move || {
        view! {
            <Show when=move || stopping.get() fallback=move || view! {
                <button type="button" class="btn btn--ghost runner__stop" data-testid="stop"
                    on:click=move |_| {
                        stopping.set(true);
                        request_animation_frame(|| focus("stop-no"));
                    }>
                    {w.stop}
                </button>
            }>
                <div class="confirm" role="alertdialog" aria-labelledby="stop-title" aria-describedby="stop-text" data-testid="stop-confirm">
                    <h2 id="stop-title">{w.stop_heading}</h2>
                    <p id="stop-text">{stop_text}</p>
                    <div class="confirm__buttons">
                        <button type="button" id="stop-no" class="btn btn--primary" data-testid="stop-no"
                            on:click=move |_| stopping.set(false)>
                            {w.stop_no}
                        </button>
                        <button type="button" class="btn btn--secondary" data-testid="stop-yes"
                            on:click=move |_| on_stop.run(())>
                            {w.stop_yes}
                        </button>
                    </div>
                </div>
            </Show>
        }
    };
    // The error line and the buttons under a question or the end screen; `dont_know`
    // says whether the question offers "weet ik niet", so the message can point to it.
    let nav = move |last: AnyView, dont_know: bool| {
        view! {
            <p class="question__error" role="alert" data-testid="error">
                {move || error_text(dont_know)}
            </p>
            <div class="question__nav">
                <button
                    type="button"
                    class="btn btn--secondary"
                    data-testid="back"
                    disabled=move || { progress.get().position <= 1 && position.get() != Position::End }
                    on:click=move |_| dispatch(Action::Back)
                >
                    {w.back}
                </button>
                {last}
            </div>
        }
    };

    let question = move |item: Item| {
        let id = item.id.clone();
        let answer = Signal::derive({
            let id = id.clone();
            move || session.with(|s| s.answer(&id).cloned())
        });
        let on_answer = Callback::new({
            let id = id.clone();
            move |answer: Answer| dispatch(Action::Answer { item: id.clone(), answer })
        });
        let on_clear = Callback::new(move |()| dispatch(Action::Clear { item: id.clone() }));
        let section = instrument
            .with_value(|i| i.section_of(&item.id).map(|s| s.title.get(lang).to_string()));
        let skip = item.skippable.then(|| {
            view! {
                <button type="button" class="btn btn--ghost" data-testid="skip" on:click=move |_| dispatch(Action::Skip)>
                    {w.skip}
                </button>
            }
        });
        let next = view! {
            {skip}
            <button type="submit" class="btn btn--primary" data-testid="next">{w.next}</button>
        };
        // "Kies dan 'Weet ik niet'" only where that answer is called so.
        let dont_know = item.dont_know && item.dont_know_label.is_none();
        view! {
            <form
                class="question"
                novalidate=true
                on:submit=move |ev| {
                    ev.prevent_default();
                    dispatch(Action::Next);
                }
            >
                <h1 class="question__section">{section}</h1>
                <QuestionView lang=lang item=item answer=answer on_answer=on_answer on_clear=on_clear title_id=TITLE_ID open_rows />
                {nav(next.into_any(), dont_know)}
            </form>
        }
    };

    let end = move || {
        let missing = move || {
            session.with(|s| {
                instrument.with_value(|i| {
                    s.missing(i)
                        .into_iter()
                        .map(|it| (it.id.clone(), it.text.get(lang).to_string()))
                        .collect::<Vec<_>>()
                })
            })
        };
        let list = move || {
            let missing = missing();
            if missing.is_empty() {
                let ready = if trial { w.trial_end } else { w.end_ready };
                return view! { <p>{ready}</p> }.into_any();
            }
            let items = missing
                .into_iter()
                .map(|(id, text)| {
                    view! {
                        <li>
                            <button type="button" class="btn btn--link" on:click=move |_| dispatch(Action::GoTo { item: id.clone() })>
                                {text}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p>{w.end_missing}</p>
                <ul class="end__missing">{items}</ul>
            }
            .into_any()
        };
        let send = view! {
            <button type="button" class="btn btn--primary" data-testid="submit" on:click=move |_| dispatch(Action::Submit)>
                {if trial { w.trial_finish } else { w.submit }}
            </button>
        };
        view! {
            <section class="end" data-testid="end">
                <h1 id=TITLE_ID tabindex="-1">{w.end_heading}</h1>
                {list}
                {nav(send.into_any(), false)}
            </section>
        }
    };

    let badge = trial.then(|| {
        view! { <p class="notice notice--warning runner__trial" data-testid="trial-badge">{w.trial_badge}</p> }
    });
    view! {
        <div class="runner">
            {badge}
            <ProgressBar lang=lang progress=progress />
            {move || {
                // Options an earlier answer hides are left out ("hbo" only at niveau 4);
                // earlier answers cannot change while this question is on screen.
                let item = match position.get() {
                    Position::Item(id) => session
                        .with_untracked(|s| instrument.with_value(|i| s.item_as_shown(i, &id))),
                    Position::End => None,
                };
                match item {
                    Some(item) => question(item).into_any(),
                    None => end().into_any(),
                }
            }}
            {stop}
        </div>
    }
}

/// The texts of these rows of the matrix `item`, in `lang`.
fn row_texts(instrument: &Instrument, item: &str, rows: &[String], lang: Lang) -> Vec<String> {
    let Some(ItemKind::Matrix { rows: all, .. }) = instrument.item(item).map(|i| &i.kind) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|id| all.iter().find(|r| &r.id == id))
        .map(|r| r.text.get(lang).to_string())
        .collect()
}
