//! QR codes: encode → raster → decode round trips of binary data, the versions chosen,
//! several and rotated codes in one frame, garbage frames, and the SVG drawing.

use spiegel::domain::qr::*;

/// A tiny xorshift so that "random" data and frames are the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }
}

/// `len` bytes that start with every byte value once (as far as `len` allows), then
/// pseudo-random bytes.
fn data(len: usize, seed: u64) -> Vec<u8> {
    let mut rng = XorShift(seed);
    (0..=255u8).chain(rng.bytes(len)).take(len).collect()
}

/// Encodes, draws at 4 pixels per module with a 4-module quiet zone and reads it back.
fn round_trip(bytes: &[u8]) -> QrImage {
    let image = encode(bytes).unwrap();
    let (side, luma) = raster(&image, 4, 4);
    assert_eq!(decode_luma(side, side, &luma), vec![bytes.to_vec()], "{} bytes", bytes.len());
    image
}

#[test]
fn binary_data_of_every_length_survives_a_round_trip() {
    for (n, len) in [1, 94, 150, 159, 256, 287, 1000, 2200, 2300].into_iter().enumerate() {
        let image = round_trip(&data(len, 0x9e37_79b9_7f4a_7c15 + n as u64));
        assert_eq!(image.width(), 17 + 4 * usize::from(image.version()));
    }
}

#[test]
fn all_256_byte_values_survive_a_round_trip() {
    let all: Vec<u8> = (0..=255u8).collect();
    round_trip(&all);
    let reversed: Vec<u8> = all.iter().rev().copied().collect();
    round_trip(&reversed);
    // Bytes a text-minded encoder would pack as digits, letters or Shift JIS kanji.
    round_trip(b"0123456789012345678901234567890123456789");
    round_trip(b"HELLO WORLD $%*+-./: 0123456789 ABCDEFGHIJ");
    round_trip(&[0x93, 0x5f, 0xe4, 0xaa, 0x81, 0x40, 0x9f, 0xfc, 0xe0, 0x40, 0xeb, 0xbf]);
    round_trip(&[]);
}

#[test]
fn the_smallest_version_at_level_m_is_chosen() {
    // Byte-mode capacity at level M: version 5 holds 84 bytes, 6 holds 106, 8 holds 152,
    // 9 holds 180, 12 holds 287, 25 holds 997, 26 holds 1059, 39 holds 2213 and 40 holds 2331.
    let expected = [
        (1, 1),
        (14, 1),
        (15, 2),
        (84, 5),
        (85, 6),
        (94, 6),
        (150, 8),
        (152, 8),
        (159, 9),
        (180, 9),
        (181, 10),
        (287, 12),
        (288, 13),
        (1000, 26),
        (2200, 39),
        (2300, 40),
        (CAPACITY, 40),
    ];
    let mut last = 0;
    for (len, version) in expected {
        let got = encode(&data(len, 7)).unwrap().version();
        assert_eq!(got, version, "{len} bytes");
        assert!(got >= last, "versions grow with the length");
        last = got;
    }
}

#[test]
fn too_long_data_is_refused() {
    assert_eq!(encode(&data(CAPACITY + 1, 1)), Err(QrError::TooLong { len: CAPACITY + 1 }));
    assert_eq!(encode(&data(3000, 1)), Err(QrError::TooLong { len: 3000 }));
}

#[test]
fn two_codes_side_by_side_both_decode() {
    let (a, b) = (data(120, 11), data(300, 12));
    let (sa, la) = raster(&encode(&a).unwrap(), 4, 4);
    let (sb, lb) = raster(&encode(&b).unwrap(), 4, 4);
    let (width, height) = (sa + sb, sa.max(sb));
    let mut frame = vec![255u8; width * height];
    for y in 0..height {
        for x in 0..width {
            frame[y * width + x] = match x < sa {
                true if y < sa => la[y * sa + x],
                false if y < sb => lb[y * sb + x - sa],
                _ => 255,
            };
        }
    }
    let mut found = decode_luma(width, height, &frame);
    found.sort();
    let mut expected = vec![a, b];
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn a_code_turned_a_quarter_decodes() {
    let bytes = data(200, 21);
    let (side, luma) = raster(&encode(&bytes).unwrap(), 4, 4);
    // Clockwise: the new pixel (x, y) is the old pixel (y, side - 1 - x).
    let mut turned = vec![0u8; side * side];
    for y in 0..side {
        for x in 0..side {
            turned[y * side + x] = luma[(side - 1 - x) * side + y];
        }
    }
    assert_ne!(turned, luma);
    assert_eq!(decode_luma(side, side, &turned), vec![bytes]);
}

#[test]
fn a_small_grey_code_on_a_canvas_decodes_through_rgba() {
    let bytes = data(60, 31);
    let (side, luma) = raster(&encode(&bytes).unwrap(), 3, 4);
    // Dark grey on light grey, half transparent over white in one corner: as a canvas gives it.
    let rgba: Vec<u8> = luma
        .iter()
        .enumerate()
        .flat_map(|(i, &l)| {
            let v = if l == 0 { 40 } else { 200 };
            let a = if i < side * 4 { 128 } else { 255 };
            [v, v, v, a]
        })
        .collect();
    let grey = rgba_to_luma(&rgba);
    assert_eq!(grey.len(), side * side);
    assert_eq!(decode_luma(side, side, &grey), vec![bytes]);
}

#[test]
fn garbage_frames_give_nothing_and_never_panic() {
    assert!(decode_luma(0, 0, &[]).is_empty());
    assert!(decode_luma(0, 5, &[]).is_empty());
    assert!(decode_luma(1, 1, &[0]).is_empty());
    assert!(decode_luma(1, 1, &[255]).is_empty());
    assert!(decode_luma(10, 10, &[0; 99]).is_empty());
    assert!(decode_luma(10, 10, &[0; 101]).is_empty());
    assert!(decode_luma(usize::MAX, 2, &[0; 4]).is_empty());
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    for _ in 0..200 {
        let (w, h) = (1 + rng.below(96), 1 + rng.below(96));
        let frame = rng.bytes(w * h);
        assert!(decode_luma(w, h, &frame).is_empty(), "{w}×{h} noise decoded");
        // Coarse noise (blocks of 4×4 pixels) looks more like modules and finder patterns.
        let blocks: Vec<u8> = (0..w * h * 16)
            .map(|i| frame[(i / (w * 4) / 4) * w + (i % (w * 4)) / 4] & 0x80)
            .collect();
        assert!(decode_luma(w * 4, h * 4, &blocks).is_empty(), "{w}×{h} blocks decoded");
    }
}

#[test]
fn a_damaged_code_fails_quietly() {
    let (side, mut luma) = raster(&encode(&data(500, 41)).unwrap(), 4, 4);
    // Paint over the middle quarter of the area: more than level M restores (about 15 %).
    for y in side / 4..3 * side / 4 {
        for x in side / 4..3 * side / 4 {
            luma[y * side + x] = 0;
        }
    }
    assert!(decode_luma(side, side, &luma).is_empty());
}

#[test]
fn rgba_to_luma_weights_and_alpha() {
    let pixels = [
        [255, 255, 255, 255],
        [0, 0, 0, 255],
        [0, 0, 0, 0],
        [255, 0, 0, 255],
        [0, 255, 0, 255],
        [0, 0, 255, 255],
        [0, 0, 0, 128],
    ];
    let rgba: Vec<u8> = pixels.iter().flatten().copied().chain([9, 9]).collect();
    assert_eq!(rgba_to_luma(&rgba), vec![255, 0, 255, 76, 149, 29, 127]);
    assert!(rgba_to_luma(&[1, 2, 3]).is_empty());
}

#[test]
fn raster_draws_modules_and_quiet_zone() {
    let image = encode(b"raster").unwrap();
    let (scale, quiet) = (3, 2);
    let (side, luma) = raster(&image, scale, quiet);
    assert_eq!(side, (image.width() + 2 * quiet) * scale);
    assert_eq!(luma.len(), side * side);
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = ((x / scale).wrapping_sub(quiet), (y / scale).wrapping_sub(quiet));
            assert_eq!(luma[y * side + x] == 0, image.is_dark(mx, my), "pixel {x},{y}");
        }
    }
    // The finder pattern's corner is dark; outside the code everything is light.
    assert!(image.is_dark(0, 0));
    assert!(!image.is_dark(image.width(), 0));
    assert!(!image.is_dark(0, usize::MAX));
    assert_eq!(raster(&image, 0, 4), (0, Vec::new()));
}

/// Fills the modules an SVG path of our `M x y` / `m dx 0` + `h n v1 h-n z` runs covers.
fn modules_of_path(d: &str, side: usize) -> Vec<bool> {
    let mut grid = vec![false; side * side];
    let (mut x, mut y) = (0i64, 0i64);
    let mut rest = d;
    while let Some(cmd) = rest.chars().next() {
        rest = &rest[1..];
        let end = rest.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(rest.len());
        let args: Vec<i64> =
            rest[..end].split(' ').filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        rest = &rest[end..];
        match cmd {
            'M' => (x, y) = (args[0], args[1]),
            'm' => (x, y) = (x + args[0], y + args[1]),
            'h' if args[0] > 0 => {
                for i in 0..args[0] {
                    grid[y as usize * side + (x + i) as usize] = true;
                }
            }
            'h' | 'v' | 'z' => {}
            other => panic!("unexpected path command {other}"),
        }
    }
    grid
}

#[test]
fn svg_is_accessible_complete_and_deterministic() {
    let image = encode(&data(159, 51)).unwrap();
    let title = "Antwoord 1/2 <\"R&D\"> 'x'";
    let drawing = svg(&image, title);
    let side = image.width() + 8;
    assert!(drawing.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(drawing.ends_with("</svg>"));
    assert!(drawing.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
    assert!(drawing.contains("role=\"img\""));
    assert!(drawing.contains("shape-rendering=\"crispEdges\""));
    assert!(drawing.contains("<title>Antwoord 1/2 &lt;&quot;R&amp;D&quot;&gt; &#39;x&#39;</title>"));
    let head = &drawing[..drawing.find('>').unwrap()];
    assert!(!head.contains(" width=") && !head.contains(" height="), "CSS sizes it: {head}");
    assert_eq!(drawing.matches("<path").count(), 1);
    // Deterministic: a fresh encode of the same bytes draws the very same text.
    assert_eq!(drawing, svg(&encode(&data(159, 51)).unwrap(), title));

    // The path covers exactly the dark modules, shifted by the quiet zone.
    let d_start = drawing.find(" d=\"").unwrap() + 4;
    let d = &drawing[d_start..d_start + drawing[d_start..].find('"').unwrap()];
    let drawn = modules_of_path(d, side);
    for y in 0..side {
        for x in 0..side {
            let dark = image.is_dark(x.wrapping_sub(4), y.wrapping_sub(4));
            assert_eq!(drawn[y * side + x], dark, "module {x},{y}");
        }
    }
}
