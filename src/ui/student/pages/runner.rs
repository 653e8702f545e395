//! The runner: one question per screen, progress, back and next, and the end screen.
//!
//! Every change is an [`Action`] applied to the session; the new session is stored
//! before the signal changes, so an answer is on the device before the next screen shows.

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;

use crate::domain::answer::Answer;
use crate::domain::instrument::{Instrument, Item};
use crate::domain::session::{Action, Position, Session, SessionError};
use crate::domain::text::Lang;
use crate::ui::browser::focus;
use crate::ui::components::progress_bar::ProgressBar;
use crate::ui::components::question_view::QuestionView;
use crate::ui::context::{use_persist, Kept};
use crate::ui::i18n::{session_error, words};

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
    /// Called with the submitted session; keeps (or seals) the response and moves on.
    /// [`Kept::Failed`] keeps the runner on the end screen with every answer, to send
    /// again.
    on_submit: Callback<Session, Kept>,
) -> impl IntoView {
    let persist = use_persist();
    let w = words(lang);
    let error = RwSignal::new(None::<SessionError>);
    let send_failed = RwSignal::new(false);

    // Applies an action; on success the new state is stored first, then shown.
    let dispatch = move |action: Action| {
        let mut next = session.get_untracked();
        let result = instrument.with_value(|i| {
            let r = next.apply(i, action.clone());
            if r.is_ok() {
                persist.save_session(i, &next);
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
            Err(e) => error.set(Some(e)),
        }
    };

    let position = Memo::new(move |_| session.with(|s| s.position().clone()));
    let progress = Memo::new(move |_| session.with(|s| instrument.with_value(|i| s.progress(i))));
    Effect::new(move |_| {
        position.track();
        request_animation_frame(|| focus(TITLE_ID));
    });
    let error_text = move |dont_know: bool| match error.get() {
        Some(e) => session_error(lang, &e, dont_know),
        None if send_failed.get() => w.send_failed.to_string(),
        None => String::new(),
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
                    disabled=move || progress.get().position <= 1 && position.get() != Position::End
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
                <QuestionView lang=lang item=item answer=answer on_answer=on_answer on_clear=on_clear title_id=TITLE_ID />
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
                return view! { <p>{w.end_ready}</p> }.into_any();
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
                {w.submit}
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

    view! {
        <div class="runner">
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
        </div>
    }
}
