//! One measure of how much the team agrees, for every question staff answer on an ordered
//! scale: the five share bands of an estimate and the points of a self-assessment.
//!
//! The measure is one minus Leik's ordinal dispersion (Leik 1966, "A measure of ordinal
//! consensus", Pacific Sociological Review 9(2), 85–90):
//!
//! `agreement = 1 − 2 · Σ dᵢ / (points − 1)`, with `dᵢ = Fᵢ` if `Fᵢ ≤ ½`, else `1 − Fᵢ`
//!
//! over the cumulative shares `Fᵢ` of the answers up to each point but the last. It is 1
//! when everyone gives the same answer and 0 when the team is split in two halves at both
//! ends; answers on neighbouring points count as closer than answers far apart, which the
//! share of the most chosen answer cannot see, and one dissenter at the far end does not
//! make a team of ten divided.
//!
//! The team is **divided** on a question when its agreement is below [`DIVIDED_BELOW`]
//! (0.7). For orientation, on five answers: everyone on one answer 1.0; a quarter, a half
//! and a quarter on three neighbouring answers 0.75; half and half on two neighbouring
//! answers 0.75; a third each on three neighbouring answers 0.67; a third each on the
//! lowest, the middle and the highest 0.33. The same threshold holds for estimates and for
//! the team's own approach, so "verdeeld" means the same everywhere.

use crate::domain::text::Lang;

/// Below this consensus the team is divided on a question.
pub const DIVIDED_BELOW: f64 = 0.7;

/// From this consensus on the team agrees well ("eens"); between [`DIVIDED_BELOW`] and
/// this it agrees reasonably ("redelijk eens").
pub const AGREES_FROM: f64 = 0.85;

/// The team's agreement on one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    /// One minus Leik's ordinal dispersion, 0..=1.
    pub consensus: f64,
}

impl Agreement {
    /// The agreement of these answers per point, lowest first; `None` without answers.
    pub fn of(counts: &[usize]) -> Option<Agreement> {
        let n: usize = counts.iter().sum();
        if n == 0 {
            return None;
        }
        let gaps = counts.len().saturating_sub(1);
        if gaps == 0 {
            return Some(Agreement { consensus: 1.0 });
        }
        let mut below = 0;
        let mut sum = 0.0;
        for &c in &counts[..gaps] {
            below += c;
            let f = below as f64 / n as f64;
            sum += f.min(1.0 - f);
        }
        let dispersion = 2.0 * sum / gaps as f64;
        Some(Agreement { consensus: (1.0 - dispersion).clamp(0.0, 1.0) })
    }

    /// Whether the team is divided: consensus below [`DIVIDED_BELOW`].
    pub fn divided(&self) -> bool {
        self.consensus < DIVIDED_BELOW
    }

    /// In words: "eens", "redelijk eens" or "verdeeld".
    pub fn words(&self, lang: Lang) -> &'static str {
        let (nl, en) = if self.divided() {
            ("verdeeld", "divided")
        } else if self.consensus < AGREES_FROM {
            ("redelijk eens", "fairly agreed")
        } else {
            ("eens", "agreed")
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// How this measure works, in one or two plain sentences, to show next to it.
    pub fn rule(lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => {
                "Eensgezindheid loopt van 0 (het team is in twee kampen verdeeld, aan beide \
                 uiteinden) tot 1 (iedereen geeft hetzelfde antwoord). Antwoorden die naast \
                 elkaar liggen, tellen als dichter bij elkaar. Onder 0,7 noemen we het team \
                 verdeeld (Leik, 1966)."
            }
            Lang::En => {
                "Agreement runs from 0 (the team is split into two camps, at both ends) to 1 \
                 (everyone gives the same answer). Neighbouring answers count as closer \
                 together. Below 0.7 we call the team divided (Leik, 1966)."
            }
        }
    }
}
