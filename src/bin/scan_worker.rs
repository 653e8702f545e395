//! The QR reader as a web worker: finds and reads QR codes in greyscale frames off the
//! page's thread, so the camera picture and the page stay smooth. It is a separate
//! download of its own that only the team device fetches, and only when it reads a QR
//! code: students' phones never load it.
//!
//! Protocol: once loaded, the worker posts `"ready"`; the page waits for that before it
//! posts anything (a message that arrives while the wasm is still loading would be lost).
//! Then the page posts `[id, width, height, luma]` (`luma` a `Uint8Array`, one byte
//! per pixel); the worker answers `[id, [code, …]]`, each code a `Uint8Array` with the raw
//! bytes of one QR code found (none if there is none). The reading itself is
//! [`spiegel::domain::qr::decode_luma`], tested on the host.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = js_sys::Array::from(&ev.data());
            let size =
                |n: u32| data.get(n).as_f64().filter(|v| *v >= 0.0).map_or(0, |v| v as usize);
            let luma = js_sys::Uint8Array::new(&data.get(3)).to_vec();
            let codes = js_sys::Array::new();
            for code in spiegel::domain::qr::decode_luma(size(1), size(2), &luma) {
                codes.push(&js_sys::Uint8Array::from(code.as_slice()));
            }
            let _ = reply.post_message(&js_sys::Array::of2(&data.get(0), &codes));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that arrive before the handler is set are lost, so the page waits for this.
    let _ = scope.post_message(&wasm_bindgen::JsValue::from_str("ready"));
}

/// The worker only runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
