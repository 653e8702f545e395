//! A view with a button that shows it full screen, as big as the screen allows: a QR
//! code for a camera across a desk (the student's receipt) or for a projector (the team's
//! invitation). The full-screen view is a modal dialog; its close button and Escape go
//! back, and the focus moves along both ways.

use leptos::prelude::*;

use crate::ui::browser::focus;

/// The normal view with an "enlarge" button, or the full-screen view with a "close"
/// button. With `id = "receipt"`: the buttons are `receipt-large` and
/// `receipt-close-large`, the dialog is `receipt-full` (ids and `data-testid`s).
#[component]
pub fn FullScreen(
    /// Prefix of the buttons' and the dialog's ids.
    id: &'static str,
    /// Id of the heading that names the dialog.
    labelled_by: &'static str,
    /// Text of the button that shows the full-screen view.
    open_label: &'static str,
    /// Text of the button that closes it.
    close_label: &'static str,
    /// The normal view, above the "enlarge" button.
    #[prop(into)]
    small: ViewFn,
    /// The full-screen view, above the "close" button.
    #[prop(into)]
    full: ViewFn,
) -> impl IntoView {
    let large = RwSignal::new(false);
    let open_id = move || format!("{id}-large");
    let close_id = move || format!("{id}-close-large");
    let close = move || {
        large.set(false);
        request_animation_frame(move || focus(&open_id()));
    };
    // Escape closes the full-screen view, wherever the focus is.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && large.get_untracked() {
            close();
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <Show when=move || large.get() fallback=move || view! {
            {small.run()}
            <button type="button" id=open_id() class="btn btn--secondary" data-testid=open_id()
                on:click=move |_| {
                    large.set(true);
                    request_animation_frame(move || focus(&close_id()));
                }>
                {open_label}
            </button>
        }>
            <div class="qr-full" role="dialog" aria-modal="true" aria-labelledby=labelled_by
                data-testid=format!("{id}-full")>
                {full.run()}
                <button type="button" id=close_id() class="btn btn--secondary" data-testid=close_id()
                    on:click=move |_| close()>
                    {close_label}
                </button>
            </div>
        </Show>
    }
}
