//! Small browser facts the domain needs as arguments (randomness, today's week) and
//! document-level helpers (page language, focus).

use crate::domain::calendar::iso_week;
use crate::domain::text::Lang;

/// 16 random bytes as hex, from the browser's cryptographic generator. Falls back to
/// `Math.random` only if `crypto` is missing (very old browsers); the id only serves to
/// recognise duplicates, never to protect anything.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The ISO week of today, e.g. `2026-W48`.
pub fn this_week() -> String {
    let d = js_sys::Date::new_0();
    iso_week(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| "unknown".into())
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Sets `<html lang>` so screen readers pronounce the page right.
pub fn set_document_lang(lang: Lang) {
    if let Some(el) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.code());
    }
}

/// Moves keyboard and screen-reader focus to the element with this id, if present.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// `N` bytes from the browser's cryptographic generator, or `None` if it has none. Keys
/// and seals need these; there is deliberately no weaker fallback.
pub fn secure_random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// The URL fragment without `#` (empty if none).
pub fn fragment() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// This page's address without the fragment.
pub fn base_url() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The two pages of Spiegel. Each loads only its own wasm bundle: a student's phone never
/// downloads the team's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `index.html`: the start screen, runs, invitations, receipts and kiosk mode.
    Student,
    /// `team.html`: metingen, import, the mirror, the export, own vragenlijsten.
    Team,
}

/// The address of one of Spiegel's pages, next to this one, with a fragment (or none).
/// Invitation links use it, so they always open the student page.
pub fn page_url(page: Page, fragment: &str) -> String {
    let base = base_url();
    let path = base.split('?').next().unwrap_or_default();
    let dir = &path[..path.rfind('/').map_or(path.len(), |i| i + 1)];
    let file = match page {
        Page::Student => "",
        Page::Team => "team.html",
    };
    if fragment.is_empty() {
        format!("{dir}{file}")
    } else {
        format!("{dir}{file}#{fragment}")
    }
}

/// Opens one of Spiegel's pages with a fragment (or none). The page always loads afresh,
/// so the app starts in the mode the page and fragment say.
pub fn open_page(page: Page, fragment: &str) {
    go(page, fragment, false);
}

/// [`open_page`], in place of this page in the browser's history: Back does not return
/// here (a kiosk started on the team page must not lead back to it).
pub fn replace_page(page: Page, fragment: &str) {
    go(page, fragment, true);
}

fn go(page: Page, fragment: &str, replace: bool) {
    let Some(w) = web_sys::window() else { return };
    let url = page_url(page, fragment);
    let location = w.location();
    if url.split('#').next() == Some(base_url().as_str()) {
        // The same page with another fragment (or none): the browser would not load it
        // again, and going to the address without a fragment may not even change it. So
        // the address is set in place, then the page loads afresh.
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        let _ = location.reload();
    } else if replace {
        let _ = location.replace(&url);
    } else {
        let _ = location.set_href(&url);
    }
}

/// Goes to the student page with another fragment (or none).
pub fn open_fragment(fragment: &str) {
    open_page(Page::Student, fragment);
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, bytes: &[u8]) -> bool {
    download_as(name, "application/octet-stream", bytes)
}

/// Offers `text` as a file download named `name` of media type `kind` (UTF-8).
pub fn download_text(name: &str, kind: &str, text: &str) -> bool {
    download_as(name, &format!("{kind};charset=utf-8"), text.as_bytes())
}

/// Offers `bytes` as a file download named `name` of media type `kind`.
fn download_as(name: &str, kind: &str, bytes: &[u8]) -> bool {
    use wasm_bindgen::JsCast;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else { return false };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The click has started the download; the URL may go once it has been read.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    true
}

/// The response file as a `File` to share, if the browser can share it (Web Share with
/// files: most phones; few desktop browsers).
fn shareable_file(name: &str, bytes: &[u8]) -> Option<(web_sys::Navigator, web_sys::ShareData)> {
    let navigator = web_sys::window()?.navigator();
    // Calling a method the browser lacks would throw, so look first.
    let has = |method: &str| js_sys::Reflect::has(&navigator, &method.into()).unwrap_or(false);
    if !has("share") || !has("canShare") {
        return None;
    }
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/octet-stream");
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).ok()?;
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    navigator.can_share_with_data(&data).then_some((navigator, data))
}

/// Whether this browser can share a file (then a "Deel" button is offered).
pub fn can_share_file() -> bool {
    shareable_file("spiegel.spiegel", &[0]).is_some()
}

/// How sharing a file went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// The browser's share sheet sent it.
    Sent,
    /// The user closed the share sheet: nothing to do.
    Cancelled,
    /// Sharing is not possible or failed.
    Failed,
}

/// Opens the browser's share sheet with `bytes` as a file named `name` (call it from a
/// click: browsers only share on a user's action).
pub async fn share_file(name: &str, bytes: &[u8]) -> Shared {
    let Some((navigator, data)) = shareable_file(name, bytes) else { return Shared::Failed };
    match wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::Sent,
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}

/// Copies text to the clipboard; false if the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Waits until the browser has painted, so a "please wait" message shows before a long
/// computation (such as the PIN's key derivation) blocks the page.
pub async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::set_timeout(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
            std::time::Duration::from_millis(40),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Opens the browser's print dialog (the print CSS turns the page into the report).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
