//! What the user sees if the app ever panics: a plain message instead of a frozen page.
//!
//! Every answer is stored before the next screen shows, so reloading loses nothing; the
//! message says so. The technical details go to the browser console for developers.

use wasm_bindgen::JsCast;

/// Installs the panic hook. Call once, before mounting the app.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_message();
    }));
}

fn show_message() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(el) = doc.create_element("p") else { return };
    el.set_class_name("notice notice--error panic");
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(
        "Er ging iets mis in Spiegel. Je antwoorden zijn bewaard: laad de pagina opnieuw. \
         Something went wrong in Spiegel. Your answers are saved: please reload the page.",
    ));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(el.unchecked_ref());
    }
}
