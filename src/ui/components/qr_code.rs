//! A QR code drawn as inline SVG, with a title for screen readers.

use leptos::prelude::*;

use crate::domain::qr;

/// Shows `bytes` as a QR code; nothing if they do not fit in one (callers split first).
#[component]
pub fn QrCode(
    /// The code's content.
    bytes: Vec<u8>,
    /// What the code holds, read out by screen readers.
    title: &'static str,
    /// `data-testid` of the wrapper.
    testid: &'static str,
) -> impl IntoView {
    let svg = qr::encode(&bytes).ok().map(|image| qr::svg(&image, title));
    view! { <div class="qr" data-testid=testid inner_html=svg></div> }
}
