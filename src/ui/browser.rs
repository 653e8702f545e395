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
