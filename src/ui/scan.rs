//! Reading QR codes in the browser: from a photo or screenshot file ([`decode_image`]) and
//! live from the camera ([`CameraScanner`]).
//!
//! This module only gets greyscale pixels out of the browser (an offscreen canvas); the
//! finding and reading is [`crate::domain::qr::decode_luma`], tested on the host.

use std::time::Duration;

use leptos::html::Video;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, ImageBitmap, MediaStream,
    MediaStreamConstraints, MediaStreamTrack,
};

use crate::domain::qr::{decode_luma, rgba_to_luma};

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
    let codes = decode_luma(w as usize, h as usize, &read?);
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

    /// Reads the current video frame; returns the contents not reported in the last
    /// [`REPEAT_MS`].
    fn read(&mut self, video: &HtmlVideoElement) -> Vec<Vec<u8>> {
        // HAVE_CURRENT_DATA: there is a frame to draw.
        if self.stopped || video.ready_state() < 2 {
            return Vec::new();
        }
        let (vw, vh) = (video.video_width(), video.video_height());
        if vw == 0 || vh == 0 {
            return Vec::new();
        }
        let (w, h) = if vw > MAX_FRAME_WIDTH {
            (MAX_FRAME_WIDTH, scale(vh, MAX_FRAME_WIDTH, vw))
        } else {
            (vw, vh)
        };
        let Some(luma) = self.frame(video, w, h) else {
            return Vec::new();
        };
        let now = js_sys::Date::now();
        self.recent.retain(|(_, seen)| now - *seen < REPEAT_MS);
        let mut fresh = Vec::new();
        for code in decode_luma(w as usize, h as usize, &luma) {
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
            // Report outside the borrow: `on_code` may close the scanner, and then the rest
            // is dropped (`try_run`: the callback may be gone with its owner).
            let fresh = camera.try_update_value(|c| c.read(&el)).unwrap_or_default();
            for code in fresh {
                let running = camera.try_with_value(|c| !c.stopped) == Some(true);
                if !running || on_code.try_run(code).is_none() {
                    break;
                }
            }
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
