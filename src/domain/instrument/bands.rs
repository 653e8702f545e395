//! The five answers of a `share` item ("Hoeveel van uw studenten …?") and the percentage
//! range each stands for.
//!
//! The ranges are data of the instrument (`"share_cuts"` in the file): staff see them on
//! every answer ("Een klein deel (10–40 %)"), and the mirror compares the students' share
//! with exactly those ranges. A file without `share_cuts` (the staff vragenlijst before
//! version 1.1.0) showed staff the words only; the mirror then reads the answers with
//! [`Bands::default`] and says so.

use crate::domain::text::{Lang, Text};

/// The codes and words of the five share answers, lowest first.
pub const SHARE_BANDS: [(&str, &str, &str); 5] = [
    ("bijna_geen", "Bijna geen", "Almost none"),
    ("klein_deel", "Een klein deel", "A small part"),
    ("helft", "Ongeveer de helft", "About half"),
    ("groot_deel", "Een groot deel", "A large part"),
    ("bijna_alle", "(Bijna) alle", "(Almost) all"),
];

/// What the five share answers stand for, in whole percent: five contiguous ranges split
/// at four cut points.
///
/// The default is bijna geen 0–10 %, een klein deel 10–40 %, ongeveer de helft 40–60 %,
/// een groot deel 60–90 %, (bijna) alle 90–100 %. A band includes both of its ends when
/// compared with a student interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    cuts: [u8; 4],
}

impl Default for Bands {
    /// Cut points 10, 40, 60 and 90 %.
    fn default() -> Self {
        Bands { cuts: [10, 40, 60, 90] }
    }
}

/// Cut points that do not make five bands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("band cut points must rise strictly within 1..=99, got {cuts:?}")]
pub struct BandsError {
    /// The rejected cut points.
    pub cuts: [u8; 4],
}

impl Bands {
    /// Bands split at these four percentages, which must rise strictly within 1..=99.
    pub fn new(cuts: [u8; 4]) -> Result<Bands, BandsError> {
        let rising = cuts.windows(2).all(|w| w[0] < w[1]);
        if rising && cuts[0] >= 1 && cuts[3] <= 99 {
            Ok(Bands { cuts })
        } else {
            Err(BandsError { cuts })
        }
    }

    /// The four cut points, in percent.
    pub fn cuts(&self) -> [u8; 4] {
        self.cuts
    }

    /// The range of band `band` (0 = bijna geen … 4 = (bijna) alle) in whole percent,
    /// both ends included. Bands past the last count as the last.
    pub fn range(&self, band: usize) -> (u8, u8) {
        let band = band.min(4);
        let lo = if band == 0 { 0 } else { self.cuts[band - 1] };
        let hi = if band == 4 { 100 } else { self.cuts[band] };
        (lo, hi)
    }

    /// The range of `band` as shares, 0..=1.
    pub fn share_range(&self, band: usize) -> (f64, f64) {
        let (lo, hi) = self.range(band);
        (f64::from(lo) / 100.0, f64::from(hi) / 100.0)
    }

    /// The band (0 = bijna geen … 4 = (bijna) alle) the share `p` (0..=1) falls in.
    ///
    /// A share exactly on a cut point goes to the lower band: with the default bands 40 %
    /// is "een klein deel" and 40.5 % "ongeveer de helft". Shares below 0 count as band
    /// 0, above 1 as band 4.
    pub fn band_of(&self, p: f64) -> usize {
        // `c / 100.0` and a share `x / n` that equals c % are both the nearest double to
        // the same number, so a share on a cut point compares equal to it.
        (0..4).filter(|&band| p > f64::from(self.range(band).1) / 100.0).count()
    }

    /// The range of `band` as staff see it: "10–40 %" in Dutch, "10–40%" in English.
    pub fn range_text(&self, band: usize, lang: Lang) -> String {
        let (lo, hi) = self.range(band);
        match lang {
            Lang::Nl => format!("{lo}–{hi} %"),
            Lang::En => format!("{lo}–{hi}%"),
        }
    }

    /// The answer as staff see it: "Een klein deel (10–40 %)".
    pub fn label(&self, band: usize, lang: Lang) -> String {
        let (_, nl, en) = SHARE_BANDS[band.min(4)];
        let words = match lang {
            Lang::Nl => nl,
            Lang::En => en,
        };
        format!("{words} ({})", self.range_text(band, lang))
    }

    /// [`Bands::label`] in both languages.
    pub fn label_text(&self, band: usize) -> Text {
        Text::new(self.label(band, Lang::Nl), self.label(band, Lang::En))
    }
}
