//! Reading QR codes in the browser: from a photo or screenshot file ([`decode_image`]) and
//! live from the camera ([`CameraScanner`]).
//!
//! This module only gets greyscale pixels out of the browser (an offscreen canvas) and
//! hands them to the QR reader's web worker (`src/scan_worker.rs`), which runs
//! [`crate::domain::qr::decode_luma`], tested on the host. The reader is a separate
//! download, fetched the first time a code is read, so the app itself stays small.

use std::cell::RefCell;
use std::time::Duration;

use leptos::html::Video;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, ImageBitmap, MediaStream,
    MediaStreamConstraints, MediaStreamTrack,
};

use wasm_bindgen::closure::Closure;

use crate::domain::qr::rgba_to_luma;

/// The worker's loader script. Its name carries a content hash, so `team.html` names it
/// in `<meta name="spiegel-scan-worker">` (written by `web/dist.mjs`); without that
/// meta (a development page) it is Trunk's unhashed loader next to the page.
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=spiegel-scan-worker]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| "./scan_worker_loader.js".to_string())
}

/// The running QR reader worker and the answers it still owes.
struct Reader {
    worker: web_sys::Worker,
    /// The worker said it is ready; until then messages wait in `queue`.
    ready: bool,
    queue: Vec<js_sys::Array>,
    next: u32,
    /// Request id, and the promise's resolve and reject functions.
    pending: Vec<(u32, js_sys::Function, js_sys::Function)>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::ErrorEvent)>,
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

impl Reader {
    fn start() -> Result<Reader, JsValue> {
        let worker = web_sys::Worker::new(&worker_url())?;
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
                if ev.data().as_string().as_deref() == Some("ready") {
                    READER.with(|cell| {
                        if let Some(reader) = cell.borrow_mut().as_mut() {
                            reader.ready = true;
                            for message in reader.queue.drain(..) {
                                let _ = post(&reader.worker, &message);
                            }
                        }
                    });
                    return;
                }
                let data = js_sys::Array::from(&ev.data());
                let id = data.get(0).as_f64().map_or(u32::MAX, |v| v as u32);
                let done = READER.with(|cell| {
                    let mut cell = cell.borrow_mut();
                    let reader = cell.as_mut()?;
                    let at = reader.pending.iter().position(|(n, _, _)| *n == id)?;
                    Some(reader.pending.swap_remove(at))
                });
                if let Some((_, resolve, _)) = done {
                    let _ = resolve.call1(&JsValue::NULL, &data.get(1));
                }
            });
        // The worker could not load or crashed: every waiting read fails, and the next
        // read starts a fresh worker.
        let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|ev: web_sys::ErrorEvent| {
            ev.prevent_default();
            let waiting = READER.with(|cell| cell.borrow_mut().take()).map(|r| r.pending);
            for (_, _, reject) in waiting.into_iter().flatten() {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the QR reader stopped"));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Reader {
            worker,
            ready: false,
            queue: Vec::new(),
            next: 0,
            pending: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}

/// Posts `[id, width, height, pixels]`, handing the pixels' buffer over to the worker.
fn post(worker: &web_sys::Worker, message: &js_sys::Array) -> Result<(), JsValue> {
    let pixels = js_sys::Uint8Array::new(&message.get(3));
    worker.post_message_with_transfer(message, &js_sys::Array::of1(&pixels.buffer()))
}

/// Reads every QR code in a greyscale frame, in the worker.
async fn decode_luma(width: u32, height: u32, luma: &[u8]) -> Result<Vec<Vec<u8>>, ScanError> {
    let mut failed = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let posted = READER.with(|cell| {
            let mut cell = cell.borrow_mut();
            if cell.is_none() {
                *cell = Some(Reader::start()?);
            }
            let reader = cell.as_mut().ok_or_else(|| JsValue::from_str("no reader"))?;
            reader.next = reader.next.wrapping_add(1);
            let id = reader.next;
            let pixels = js_sys::Uint8Array::from(luma);
            let message = js_sys::Array::of4(&id.into(), &width.into(), &height.into(), &pixels);
            if reader.ready {
                post(&reader.worker, &message)?;
            } else {
                reader.queue.push(message);
            }
            reader.pending.push((id, resolve.clone(), reject));
            Ok::<(), JsValue>(())
        });
        if let Err(e) = posted {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    let codes = JsFuture::from(promise).await?;
    Ok(js_sys::Array::from(&codes).iter().map(|c| js_sys::Uint8Array::new(&c).to_vec()).collect())
}

/// Photos are scaled down to this longest side before reading: enough for a code that
/// fills a fair part of the picture, and quick on a phone.
const MAX_IMAGE_SIDE: u32 = 1600;
/// Camera frames are scaled down to this width before reading.
const MAX_FRAME_WIDTH: u32 = 960;
/// How often the camera scanner looks at a frame.
const FRAME_EVERY: Duration = Duration::from_millis(250);
/// The same content seen again within this time is not reported again.
const REPEAT_MS: f64 = 3000.0;

/// Why a picture gave no code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    /// The browser could not read the file as a picture.
    #[error("the file is not a picture the browser can read")]
    NotAnImage,
    /// The picture was read but holds no readable QR code.
    #[error("no readable QR code in the picture")]
    NoCode,
    /// A browser call failed; the text is the browser's.
    #[error("browser error: {0}")]
    Browser(String),
}

impl From<JsValue> for ScanError {
    fn from(value: JsValue) -> Self {
        let text = match value.dyn_ref::<js_sys::Error>() {
            Some(e) => e.message().into(),
            None => value.as_string().unwrap_or_default(),
        };
        Self::Browser(text)
    }
}

/// Reads every QR code in a photo or screenshot (PNG, JPEG, … whatever the browser
/// decodes) and returns the raw bytes of each.
///
/// # Errors
///
/// [`ScanError::NotAnImage`] if the browser cannot decode the file, [`ScanError::NoCode`]
/// if no code reads, [`ScanError::Browser`] if the browser refuses a canvas.
pub async fn decode_image(blob: &Blob) -> Result<Vec<Vec<u8>>, ScanError> {
    let window = web_sys::window().ok_or_else(|| ScanError::Browser("no window".into()))?;
    let promise = window.create_image_bitmap_with_blob(blob).map_err(|_| ScanError::NotAnImage)?;
    let bitmap: ImageBitmap =
        JsFuture::from(promise).await.map_err(|_| ScanError::NotAnImage)?.unchecked_into();
    let (w, h) = (bitmap.width(), bitmap.height());
    let longest = w.max(h);
    let (w, h) = if longest > MAX_IMAGE_SIDE {
        (scale(w, MAX_IMAGE_SIDE, longest), scale(h, MAX_IMAGE_SIDE, longest))
    } else {
        (w, h)
    };
    let read = canvas(w, h).and_then(|(_, ctx)| {
        ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w.into(), h.into())?;
        luma(&ctx, w, h)
    });
    bitmap.close();
    let codes = decode_luma(w, h, &read?).await?;
    if codes.is_empty() {
        Err(ScanError::NoCode)
    } else {
        Ok(codes)
    }
}

/// `n × to / from`, at least 1.
fn scale(n: u32, to: u32, from: u32) -> u32 {
    u32::try_from(u64::from(n) * u64::from(to) / u64::from(from.max(1))).unwrap_or(to).max(1)
}

/// A detached canvas of this size with a 2D context tuned for reading pixels back.
fn canvas(w: u32, h: u32) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE)?;
    let ctx = canvas
        .get_context_with_context_options("2d", &options)?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    Ok((canvas, ctx))
}

/// The canvas's top-left `w × h` pixels as greyscale.
fn luma(ctx: &CanvasRenderingContext2d, w: u32, h: u32) -> Result<Vec<u8>, JsValue> {
    let data = ctx.get_image_data(0.0, 0.0, w.into(), h.into())?;
    Ok(rgba_to_luma(&data.data().0))
}

/// Words the camera scanner shows, in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLabels {
    /// Heading above the camera picture.
    pub title: &'static str,
    /// Hint under the picture, e.g. "Hold the QR code in front of the camera".
    pub start_hint: &'static str,
    /// Shown when the user or the browser refused the camera.
    pub denied: &'static str,
    /// Shown when there is no camera, or it cannot be used (e.g. in use elsewhere).
    pub no_camera: &'static str,
    /// The close button.
    pub close: &'static str,
}

/// The browser objects of a running scanner; they cannot leave the main thread, so they
/// live in a local [`StoredValue`].
#[derive(Default)]
struct Camera {
    stream: Option<MediaStream>,
    timer: Option<IntervalHandle>,
    canvas: Option<(HtmlCanvasElement, CanvasRenderingContext2d)>,
    /// Content reported lately, with the time it was last seen.
    recent: Vec<(Vec<u8>, f64)>,
    /// Closed or unmounted: a camera that arrives later is stopped at once.
    stopped: bool,
    /// A frame is with the reader; the next is grabbed when it is done.
    reading: bool,
}

impl Camera {
    /// Stops the frame timer and every camera track (the camera light goes off).
    fn stop(&mut self) {
        self.stopped = true;
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        if let Some(stream) = self.stream.take() {
            stop_tracks(&stream);
        }
        self.canvas = None;
    }

    /// Grabs the current video frame as greyscale, unless a frame is still being read.
    fn grab(&mut self, video: &HtmlVideoElement) -> Option<(u32, u32, Vec<u8>)> {
        // HAVE_CURRENT_DATA: there is a frame to draw.
        if self.stopped || self.reading || video.ready_state() < 2 {
            return None;
        }
        let (vw, vh) = (video.video_width(), video.video_height());
        if vw == 0 || vh == 0 {
            return None;
        }
        let (w, h) = if vw > MAX_FRAME_WIDTH {
            (MAX_FRAME_WIDTH, scale(vh, MAX_FRAME_WIDTH, vw))
        } else {
            (vw, vh)
        };
        let luma = self.frame(video, w, h)?;
        self.reading = true;
        Some((w, h, luma))
    }

    /// The contents read from a frame that were not reported in the last [`REPEAT_MS`].
    fn fresh(&mut self, codes: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
        self.reading = false;
        let now = js_sys::Date::now();
        self.recent.retain(|(_, seen)| now - *seen < REPEAT_MS);
        let mut fresh = Vec::new();
        for code in codes {
            match self.recent.iter_mut().find(|(c, _)| *c == code) {
                Some((_, seen)) => *seen = now,
                None => {
                    self.recent.push((code.clone(), now));
                    fresh.push(code);
                }
            }
        }
        fresh
    }

    /// Draws the video frame at `w × h` on the (reused) canvas and returns it as greyscale.
    fn frame(&mut self, video: &HtmlVideoElement, w: u32, h: u32) -> Option<Vec<u8>> {
        if self.canvas.as_ref().is_none_or(|(c, _)| c.width() != w || c.height() != h) {
            self.canvas = canvas(w, h).ok();
        }
        let (_, ctx) = self.canvas.as_ref()?;
        ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w.into(), h.into())
            .ok()?;
        luma(ctx, w, h).ok()
    }
}

/// Stops every track of a camera stream.
fn stop_tracks(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// Asks for the back camera (any camera will do), without sound.
async fn open_camera() -> Result<MediaStream, JsValue> {
    let devices = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator()
        .media_devices()?;
    let video = js_sys::Object::new();
    js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into())?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let stream = JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?;
    stream.dyn_into()
}

/// Whether a `getUserMedia` failure means the camera was refused (rather than missing).
fn is_denied(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| matches!(e.name().as_str(), "NotAllowedError" | "SecurityError"))
}

/// A live camera picture that reads QR codes, four frames a second.
///
/// The title is a labelled paragraph, not a heading, so the component fits under any
/// heading level of the page around it.
///
/// Each newly read content goes to `on_code` (the same content again within 3 seconds is
/// left out). The camera and the timer stop when the close button is pressed or the
/// component goes away. If the camera is refused or missing, a message says so in a
/// live region.
#[component]
pub fn CameraScanner(
    /// Called with the raw bytes of every newly read code.
    on_code: Callback<Vec<u8>>,
    /// Called when the user presses the close button (the camera has stopped by then).
    on_close: Callback<()>,
    /// The words to show, in the user's language.
    #[prop(into)]
    labels: ScanLabels,
) -> impl IntoView {
    let video = NodeRef::<Video>::new();
    let status = RwSignal::new("");
    let camera = StoredValue::new_local(Camera::default());

    leptos::task::spawn_local(async move {
        let stream = match open_camera().await {
            Ok(stream) => stream,
            Err(e) => {
                status.try_set(if is_denied(&e) { labels.denied } else { labels.no_camera });
                return;
            }
        };
        let kept = camera.try_update_value(|c| {
            if !c.stopped {
                // `Clone::clone`, not `stream.clone()`: that is JS `MediaStream.clone()`,
                // a second stream whose tracks would have to be stopped as well.
                c.stream = Some(Clone::clone(&stream));
            }
            !c.stopped
        });
        let Some(el) = video.get_untracked().filter(|_| kept == Some(true)) else {
            // Closed or unmounted while the browser was asking: let the camera go.
            stop_tracks(&stream);
            return;
        };
        el.set_muted(true);
        el.set_src_object(Some(&stream));
        if let Ok(playing) = el.play() {
            let _ = JsFuture::from(playing).await;
        }
        let tick = move || {
            let Some(el) = video.get_untracked() else { return };
            let Some((w, h, luma)) = camera.try_update_value(|c| c.grab(&el)).flatten() else {
                return;
            };
            leptos::task::spawn_local(async move {
                let codes = decode_luma(w, h, &luma).await.unwrap_or_default();
                // Report outside the borrow: `on_code` may close the scanner, and then the
                // rest is dropped (`try_run`: the callback may be gone with its owner).
                let fresh = camera.try_update_value(|c| c.fresh(codes)).unwrap_or_default();
                for code in fresh {
                    let running = camera.try_with_value(|c| !c.stopped) == Some(true);
                    if !running || on_code.try_run(code).is_none() {
                        break;
                    }
                }
            });
        };
        if let Ok(timer) = set_interval_with_handle(tick, FRAME_EVERY) {
            let left = camera.try_update_value(|c| {
                c.timer = Some(timer);
                c.stopped
            });
            if left != Some(false) {
                timer.clear();
            }
        }
    });
    on_cleanup(move || {
        camera.try_update_value(Camera::stop);
    });

    let close = move |_| {
        camera.try_update_value(Camera::stop);
        on_close.try_run(());
    };
    view! {
        <section class="scan" aria-labelledby="scan-title">
            <p id="scan-title" class="scan__title">{labels.title}</p>
            <video
                class="scan__video"
                node_ref=video
                data-testid="scan-video"
                aria-hidden="true"
                playsinline=true
                muted=true
                autoplay=true
            />
            <p class="scan__hint">{labels.start_hint}</p>
            <p class="scan__status" role="status" data-testid="scan-status">
                {move || status.get()}
            </p>
            <button type="button" class="btn btn--secondary" data-testid="scan-close" on:click=close>
                {labels.close}
            </button>
        </section>
    }
}
