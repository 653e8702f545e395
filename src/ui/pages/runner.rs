//! The runner: one question per screen, progress, back and next, and the end screen.
//!
//! Every change is an [`Action`] applied to the session; the new session is stored
//! before the signal changes, so an answer is on the device before the next screen shows.

use leptos::prelude::*;

use crate::domain::answer::Answer;
use crate::domain::instrument::{Instrument, Item};
use crate::domain::session::{Action, Position, Session, SessionError};
use crate::storage::journal;
use crate::ui::browser::{focus, random_id, this_week};
use crate::ui::components::progress_bar::ProgressBar;
use crate::ui::components::question_view::QuestionView;
use crate::ui::context::{use_lang, use_persist, use_words};
use crate::ui::i18n::session_error;

/// Id of the element that receives focus when a new screen shows.
const TITLE_ID: &str = "question-title";

/// Runs an instrument from a (new or resumed) session to submission.
#[component]
pub fn RunnerPage(
    /// The instrument to run.
    instrument: Instrument,
    /// Where to start: a fresh or a resumed session.
    session: Session,
    /// Called after submitting, with whether the device kept the response.
    on_done: Callback<bool>,
) -> impl IntoView {
    let persist = use_persist();
    let lang = use_lang();
    let w = use_words();
    let inst = StoredValue::new(instrument);
    let session = RwSignal::new(session);
    let error = RwSignal::new(None::<SessionError>);

    let dispatch = move |action: Action| {
        let mut next = session.get_untracked();
        match inst.with_value(|i| next.apply(i, action)) {
            Ok(()) => {
                inst.with_value(|i| persist.save_session(i, &next));
                session.set(next);
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let submit = move || {
        let mut next = session.get_untracked();
        match inst.with_value(|i| next.apply(i, Action::Submit)) {
            Ok(()) => {
                let response =
                    inst.with_value(|i| journal::response(i, &next, random_id(), this_week()));
                let saved = inst.with_value(|i| persist.complete(i, &response));
                on_done.run(saved);
            }
            Err(e) => error.set(Some(e)),
        }
    };

    let position = Memo::new(move |_| session.with(|s| s.position().clone()));
    let progress = Memo::new(move |_| session.with(|s| inst.with_value(|i| s.progress(i))));
    Effect::new(move |_| {
        position.track();
        request_animation_frame(|| focus(TITLE_ID));
    });

    let error_text = move |dont_know: bool| {
        error.get().map(|e| session_error(lang.get(), &e, dont_know)).unwrap_or_default()
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
        let section = inst.with_value(|i| i.section_of(&item.id).map(|s| s.title.clone()));
        let dont_know = item.dont_know;
        let skippable = item.skippable;
        view! {
            <form
                class="question"
                novalidate=true
                on:submit=move |ev| {
                    ev.prevent_default();
                    dispatch(Action::Next);
                }
            >
                <h1 class="question__section">
                    {move || section.as_ref().map(|t| t.get(lang.get()).to_string())}
                </h1>
                <QuestionView item=item answer=answer on_answer=on_answer on_clear=on_clear title_id=TITLE_ID />
                <p class="question__error" role="alert" data-testid="error">
                    {move || error_text(dont_know)}
                </p>
                <div class="question__nav">
                    <button
                        type="button"
                        class="btn btn--secondary"
                        data-testid="back"
                        disabled=move || progress.get().position <= 1
                        on:click=move |_| dispatch(Action::Back)
                    >
                        {move || w.get().back}
                    </button>
                    {skippable
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="btn btn--ghost"
                                    data-testid="skip"
                                    on:click=move |_| dispatch(Action::Skip)
                                >
                                    {move || w.get().skip}
                                </button>
                            }
                        })}
                    <button type="submit" class="btn btn--primary" data-testid="next">
                        {move || w.get().next}
                    </button>
                </div>
            </form>
        }
    };

    let end = move || {
        let missing = move || {
            session.with(|s| {
                inst.with_value(|i| {
                    s.missing(i)
                        .into_iter()
                        .map(|it| (it.id.clone(), it.text.clone()))
                        .collect::<Vec<_>>()
                })
            })
        };
        view! {
            <section class="end" data-testid="end">
                <h1 id=TITLE_ID tabindex="-1">{move || w.get().end_heading}</h1>
                {move || {
                    let missing = missing();
                    if missing.is_empty() {
                        view! { <p>{move || w.get().end_ready}</p> }.into_any()
                    } else {
                        view! {
                            <p>{move || w.get().end_missing}</p>
                            <ul class="end__missing">
                                {missing
                                    .into_iter()
                                    .map(|(id, text)| {
                                        view! {
                                            <li>
                                                <button
                                                    type="button"
                                                    class="btn btn--link"
                                                    on:click=move |_| dispatch(Action::GoTo { item: id.clone() })
                                                >
                                                    {move || text.get(lang.get()).to_string()}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
                <p class="question__error" role="alert" data-testid="error">{move || error_text(false)}</p>
                <div class="question__nav">
                    <button type="button" class="btn btn--secondary" data-testid="back" on:click=move |_| dispatch(Action::Back)>
                        {move || w.get().back}
                    </button>
                    <button type="button" class="btn btn--primary" data-testid="submit" on:click=move |_| submit()>
                        {move || w.get().submit}
                    </button>
                </div>
            </section>
        }
    };

    view! {
        <div class="runner">
            <ProgressBar progress=Signal::from(progress) />
            {move || match position.get() {
                Position::Item(id) => {
                    match inst.with_value(|i| i.item(&id).cloned()) {
                        Some(item) => question(item).into_any(),
                        None => end().into_any(),
                    }
                }
                Position::End => end().into_any(),
            }}
        </div>
    }
}
