//! One QR code: drawing it from bytes, and finding and reading QR codes in a picture.
//!
//! - [`encode`] turns bytes into a [`QrImage`] with the `qrcodegen` crate (Project
//!   Nayuki's reference encoder; small, no dependencies), and the SVG renderer is our own
//!   [`svg`], a few lines that give one compact `<path>` and an accessible `<title>`.
//! - [`decode_luma`] finds and reads every QR code in a greyscale frame with the `rqrr`
//!   crate (a pure-Rust port of quirc, no default features: we hand it pixels, not
//!   `image` buffers). It returns the raw bytes: our payloads are binary, not UTF-8.
//! - [`rgba_to_luma`] and [`raster`] turn browser canvas pixels into greyscale and a
//!   [`QrImage`] into greyscale pixels (tests and fake-camera fixtures).
//!
//! Data is always written in byte mode, so the capacity of a version is predictable and
//! the same for every payload of a given length (at most [`CAPACITY`] bytes in one code).
//! The error-correction level is always M: the code is usually read by a phone camera
//! off another screen, with glare, moiré and a little blur, and M restores about 15 % of
//! damaged codewords at a modest cost in size (L restores about 7 %, Q about 25 % but
//! needs a code about a third larger).
//!
//! Splitting a long payload over several codes lives elsewhere; this module only encodes
//! and decodes single codes. Everything here is pure and never panics on any input.

use std::fmt::Write as _;

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// The most bytes one code holds: version 40, level M, byte mode.
pub const CAPACITY: usize = 2331;

/// Light modules around the code in [`svg`], as the QR standard asks.
const QUIET: usize = 4;

/// Why bytes could not become a QR code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// The bytes do not fit in the largest code (version 40 at level M).
    #[error("{len} bytes do not fit in one QR code (at most {CAPACITY})")]
    TooLong {
        /// Length of the bytes that were given.
        len: usize,
    },
    /// The encoder refused the data for another reason (not expected in practice).
    #[error("the QR encoder refused the data")]
    Encoder,
}

/// The modules of one QR code, without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrImage {
    version: u8,
    width: usize,
    dark: Vec<bool>,
}

impl QrImage {
    /// The QR version, 1 to 40 (the width is `17 + 4 × version` modules).
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module in column `x`, row `y` is dark; outside the code it is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark.get(y * self.width + x) == Some(&true)
    }
}

/// Encodes bytes in byte mode at error-correction level M, in the smallest version that
/// holds them.
///
/// # Errors
///
/// [`QrError::TooLong`] if the bytes need more than version 40 (over [`CAPACITY`]).
pub fn encode(bytes: &[u8]) -> Result<QrImage, QrError> {
    if bytes.len() > CAPACITY {
        return Err(QrError::TooLong { len: bytes.len() });
    }
    let segments = [QrSegment::make_bytes(bytes)];
    // Exactly level M (no boost to a higher level that happens to fit), the best mask.
    let code = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        None,
        false,
    )
    .map_err(|_| QrError::TooLong { len: bytes.len() })?;
    let width = usize::try_from(code.size()).map_err(|_| QrError::Encoder)?;
    let side = code.size();
    let dark = (0..side)
        .flat_map(|y| (0..side).map(move |x| (x, y)))
        .map(|(x, y)| code.get_module(x, y))
        .collect();
    Ok(QrImage { version: code.version().value(), width, dark })
}

/// A complete standalone SVG of the code with a 4-module quiet zone: `role="img"` with
/// `title` as its accessible name, a white background and one black `<path>` of
/// horizontal runs. It has a `viewBox` but no width or height: CSS sizes it.
pub fn svg(image: &QrImage, title: &str) -> String {
    let side = image.width + 2 * QUIET;
    let mut out = String::with_capacity(256 + image.width * image.width * 3);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         role=\"img\" shape-rendering=\"crispEdges\"><title>"
    );
    escape_into(&mut out, title);
    let _ = write!(
        out,
        "</title><rect fill=\"#fff\" width=\"{side}\" height=\"{side}\"/><path fill=\"#000\" d=\""
    );
    // Each run of dark modules is a 1-high rectangle. After `z` the pen is back at the
    // start of the run, so the next run in the row is a short relative move.
    for y in 0..image.width {
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < image.width {
            if !image.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < image.width && image.is_dark(x, y) {
                x += 1;
            }
            let n = x - start;
            let _ = match pen {
                None => write!(out, "M{} {}", start + QUIET, y + QUIET),
                Some(p) => write!(out, "m{} 0", start - p),
            };
            let _ = write!(out, "h{n}v1h-{n}z");
            pen = Some(start);
        }
    }
    out.push_str("\"/></svg>");
    out
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped for XML.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Finds every QR code in a greyscale frame (one byte per pixel, row by row, 0 black) and
/// returns the raw bytes of each one that reads; codes that do not read are skipped.
/// A frame whose size does not match `width × height`, or is empty, gives nothing.
pub fn decode_luma(width: usize, height: usize, luma: &[u8]) -> Vec<Vec<u8>> {
    if width == 0 || height == 0 || width.checked_mul(height) != Some(luma.len()) {
        return Vec::new();
    }
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        luma.get(y * width + x).copied().unwrap_or(u8::MAX)
    });
    let mut found = Vec::new();
    for grid in prepared.detect_grids() {
        let mut bytes = Vec::new();
        if grid.decode_to(&mut bytes).is_ok() {
            found.push(bytes);
        }
    }
    found
}

/// Canvas pixels (RGBA, 4 bytes each) to greyscale (one byte each), with the integer
/// BT.601 weights and transparent pixels laid over white. A trailing partial pixel is
/// ignored.
pub fn rgba_to_luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let a = u32::from(p[3]);
            let over_white = |c: u8| (u32::from(c) * a + 255 * (255 - a)) / 255;
            let y =
                (299 * over_white(p[0]) + 587 * over_white(p[1]) + 114 * over_white(p[2])) / 1000;
            u8::try_from(y).unwrap_or(u8::MAX)
        })
        .collect()
}

/// Draws the code as greyscale pixels (0 dark, 255 light): `scale` pixels per module and
/// `quiet` light modules around it. Returns the side in pixels and the pixels, row by row.
pub fn raster(image: &QrImage, scale: usize, quiet: usize) -> (usize, Vec<u8>) {
    let side = (image.width + 2 * quiet) * scale;
    let mut pixels = vec![u8::MAX; side * side];
    for py in 0..side {
        let my = (py / scale).wrapping_sub(quiet);
        for px in 0..side {
            if image.is_dark((px / scale).wrapping_sub(quiet), my) {
                pixels[py * side + px] = 0;
            }
        }
    }
    (side, pixels)
}
