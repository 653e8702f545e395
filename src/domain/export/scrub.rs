//! Scrubbing open answers: e-mail addresses, phone numbers, postcodes, student numbers
//! and other long digit runs, social media handles and names after phrases such as
//! "mijn naam is" are replaced by [`PLACEHOLDER`].
//!
//! The scanners are written by hand (no regular expressions in the app download). They
//! err on the side of removing too much: "ik ben Nederlands" loses "Nederlands". What
//! they must leave alone are the ordinary numbers of school life: "niveau 3", "2 jaar",
//! "klas 2B", "2026", "12-03-2026", "€ 12,50".
//!
//! Every rule works on ASCII bytes, so a replacement always starts and ends on a character
//! boundary; letters outside ASCII count as letters (for names and word boundaries).

use serde::{Deserialize, Serialize};

/// What replaces each piece of identifying text.
pub const PLACEHOLDER: &str = "[verwijderd]";

/// A kind of identifying text that was replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// An e-mail address.
    Email,
    /// A phone number: Dutch `06 12345678`, `010-1234567`, `+31 6 …`, `0031 …` or another
    /// `+` number, with spaces, dashes, dots or brackets.
    Phone,
    /// A Dutch postcode, `1234 AB` or `1234AB`.
    Postcode,
    /// A student number or another run of five or more digits (with any letters stuck to it).
    Number,
    /// A name after "mijn naam is", "ik heet", "ik ben <Hoofdletter>", "my name is",
    /// "I am <Capital>", or a greeting such as "groetjes,".
    Name,
    /// A social media handle, `@naam`.
    Handle,
}

impl Pattern {
    /// Every pattern, in report order.
    pub const ALL: [Pattern; 6] = [
        Pattern::Email,
        Pattern::Phone,
        Pattern::Postcode,
        Pattern::Number,
        Pattern::Name,
        Pattern::Handle,
    ];
}

/// A text with its identifying parts replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrubbed {
    /// The text, with [`PLACEHOLDER`] for every part found.
    pub text: String,
    /// One entry per replacement, in text order.
    pub found: Vec<Pattern>,
}

/// Replaces every e-mail address, phone number, postcode, long digit run, handle and
/// introduced name in `text` with [`PLACEHOLDER`].
///
/// ```
/// use spiegel::domain::export::{scrub, Pattern};
///
/// let s = scrub("Ik heet Sanne de Vries, bel 06-12345678. Ik zit in niveau 3.");
/// assert_eq!(s.text, "Ik heet [verwijderd], bel [verwijderd]. Ik zit in niveau 3.");
/// assert_eq!(s.found, vec![Pattern::Name, Pattern::Phone]);
/// ```
pub fn scrub(text: &str) -> Scrubbed {
    let b = text.as_bytes();
    let mut spans: Vec<(usize, usize, Pattern)> = Vec::new();
    emails_and_handles(b, &mut spans);
    phones(b, &mut spans);
    postcodes(b, &mut spans);
    numbers(b, &mut spans);
    names(text, &mut spans);
    spans.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut at = 0;
    for (start, end, pattern) in spans {
        if start < at {
            continue;
        }
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(PLACEHOLDER);
        found.push(pattern);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    Scrubbed { text: out, found }
}

/// Letters, digits and any byte of a non-ASCII character.
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// Whether position `i` starts a word: the byte before it is not part of one.
fn starts_word(b: &[u8], i: usize) -> bool {
    i == 0 || b.get(i - 1).is_none_or(|&p| !is_word(p))
}

/// Whether position `i` ends a word: the byte at it is not part of one.
fn ends_word(b: &[u8], i: usize) -> bool {
    b.get(i).is_none_or(|&n| !is_word(n))
}

fn emails_and_handles(b: &[u8], spans: &mut Vec<(usize, usize, Pattern)>) {
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
    for (i, _) in b.iter().enumerate().filter(|(_, &c)| c == b'@') {
        let mut start = i;
        while start > 0 && b.get(start - 1).is_some_and(|&c| local(c)) {
            start -= 1;
        }
        while start < i && b.get(start).is_some_and(|&c| !c.is_ascii_alphanumeric()) {
            start += 1;
        }
        let mut end = i + 1;
        while b.get(end).is_some_and(|&c| domain(c)) {
            end += 1;
        }
        while end > i + 1 && b.get(end - 1).is_some_and(|&c| c == b'.' || c == b'-') {
            end -= 1;
        }
        let host = b.get(i + 1..end).unwrap_or_default();
        let tld = host.rsplit(|&c| c == b'.').next().unwrap_or_default();
        let is_email = start < i
            && host.contains(&b'.')
            && host.first().is_some_and(u8::is_ascii_alphanumeric)
            && tld.len() >= 2
            && tld.iter().all(u8::is_ascii_alphabetic);
        if is_email {
            spans.push((start, end, Pattern::Email));
            continue;
        }
        // A handle: `@` at the start of a word, then at least two name characters.
        let handle = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'.';
        let mut end = i + 1;
        while b.get(end).is_some_and(|&c| handle(c)) {
            end += 1;
        }
        while end > i + 1 && b.get(end - 1) == Some(&b'.') {
            end -= 1;
        }
        if starts_word(b, i) && end - i > 2 {
            spans.push((i, end, Pattern::Handle));
        }
    }
}

fn phones(b: &[u8], spans: &mut Vec<(usize, usize, Pattern)>) {
    let mut i = 0;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or_default();
        let begins = (c == b'+' || c == b'(' || c.is_ascii_digit())
            && starts_word(b, i)
            && (c.is_ascii_digit() || b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !begins {
            i += 1;
            continue;
        }
        // Walk digits and single separators; remember where each digit ends.
        let mut digits = Vec::new();
        let mut ends = Vec::new();
        let mut j = i + usize::from(!c.is_ascii_digit());
        let mut gap = 0;
        while let Some(&d) = b.get(j) {
            if d.is_ascii_digit() {
                digits.push(d);
                j += 1;
                ends.push(j);
                gap = 0;
            } else if b" -./()".contains(&d) && gap < 3 {
                gap += 1;
                j += 1;
            } else {
                break;
            }
        }
        let wanted = phone_digits(c == b'+', &digits);
        match wanted.and_then(|n| ends.get(n - 1).copied()) {
            // The number must end with its digit group, not in the middle of one.
            Some(end) if !b.get(end).is_some_and(u8::is_ascii_digit) && ends_word(b, end) => {
                spans.push((i, end, Pattern::Phone));
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// How many of these digits make a phone number, if they start like one.
fn phone_digits(plus: bool, d: &[u8]) -> Option<usize> {
    let dutch = |prefix: usize| {
        // `+31 (0)6 …` writes the trunk zero too.
        let zero = usize::from(d.get(prefix) == Some(&b'0'));
        let n = prefix + zero + 9;
        (d.len() >= n).then_some(n)
    };
    if plus {
        if d.starts_with(b"31") {
            return dutch(2);
        }
        return (d.len() >= 8).then_some(d.len().min(15));
    }
    if d.starts_with(b"0031") {
        return dutch(4);
    }
    if d.first() == Some(&b'0') && d.get(1).is_some_and(|&c| c != b'0') {
        return (d.len() >= 10).then_some(10);
    }
    None
}

fn postcodes(b: &[u8], spans: &mut Vec<(usize, usize, Pattern)>) {
    for i in 0..b.len() {
        let four = b.get(i..i + 4).unwrap_or_default();
        let is_number = four.len() == 4
            && four.iter().all(u8::is_ascii_digit)
            && four.first() != Some(&b'0')
            && starts_word(b, i);
        if !is_number {
            continue;
        }
        let spaced = b.get(i + 4) == Some(&b' ');
        let at = i + 4 + usize::from(spaced);
        let letters = b.get(at..at + 2).unwrap_or_default();
        let upper = letters.len() == 2 && letters.iter().all(u8::is_ascii_uppercase);
        let lower = letters.len() == 2 && letters.iter().all(u8::is_ascii_lowercase);
        if (upper || (lower && !spaced)) && ends_word(b, at + 2) {
            spans.push((i, at + 2, Pattern::Postcode));
        }
    }
}

fn numbers(b: &[u8], spans: &mut Vec<(usize, usize, Pattern)>) {
    let mut i = 0;
    while i < b.len() {
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let mut end = i;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end - i >= 5 {
            // Take the whole token, so `s1234567` goes as one.
            let mut start = i;
            while start > 0 && b.get(start - 1).is_some_and(u8::is_ascii_alphanumeric) {
                start -= 1;
            }
            while b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            spans.push((start, end, Pattern::Number));
        }
        i = end;
    }
}

/// Phrases after which a name follows whatever its case.
const INTRODUCES: [&str; 8] = [
    "mijn naam is",
    "m'n naam is",
    "mn naam is",
    "mijn naam:",
    "ik heet",
    "my name is",
    "my name's",
    "my name:",
];

/// Phrases after which a name follows if it starts with a capital.
const INTRODUCES_CAPITAL: [&str; 10] = [
    "ik ben",
    "i am",
    "i'm",
    "i\u{2019}m",
    "groetjes",
    "groeten",
    "groet",
    "mvg",
    "regards",
    "greetings",
];

/// Small words inside Dutch and other surnames.
const PARTICLES: [&str; 16] = [
    "van", "de", "der", "den", "het", "ter", "ten", "te", "la", "le", "el", "al", "da", "di", "du",
    "von",
];

fn names(text: &str, spans: &mut Vec<(usize, usize, Pattern)>) {
    let b = text.as_bytes();
    for i in 0..b.len() {
        if !starts_word(b, i) || !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let strong = INTRODUCES.iter().find(|p| phrase_at(b, i, p));
        let phrase = strong.or_else(|| INTRODUCES_CAPITAL.iter().find(|p| phrase_at(b, i, p)));
        let Some(phrase) = phrase else { continue };
        // Skip the spaces, colon or comma between the phrase and the name.
        let mut at = i + phrase.len();
        while b.get(at).is_some_and(|c| b" \t\r\n:,".contains(c)) {
            at += 1;
        }
        let Some(first_end) = word_end(b, at) else { continue };
        let word = text.get(at..first_end).unwrap_or_default();
        if strong.is_none() && !is_capitalised(word) {
            continue;
        }
        let mut end = first_end;
        // Further name parts: capitalised words and particles, one space apart.
        let mut pending = None;
        for _ in 0..5 {
            if b.get(end) != Some(&b' ') {
                break;
            }
            let Some(next_end) = word_end(b, end + 1) else { break };
            let next = text.get(end + 1..next_end).unwrap_or_default();
            if is_capitalised(next) {
                end = next_end;
                pending = None;
            } else if PARTICLES.contains(&next.to_ascii_lowercase().as_str()) {
                pending.get_or_insert(end);
                end = next_end;
            } else {
                break;
            }
        }
        // Particles only count when a capitalised part follows them.
        let end = pending.unwrap_or(end);
        spans.push((at, end, Pattern::Name));
    }
}

/// Whether `phrase` (lower case) is at `i`, ignoring ASCII case, followed by a non-letter.
fn phrase_at(b: &[u8], i: usize, phrase: &str) -> bool {
    let p = phrase.as_bytes();
    b.get(i..i + p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p))
        && (p.last() == Some(&b':') || ends_word(b, i + p.len()))
}

/// The end of the word of letters (and inner `-` or `'`) starting at `at`, if one does.
fn word_end(b: &[u8], at: usize) -> Option<usize> {
    let letter = |c: u8| c.is_ascii_alphabetic() || c >= 0x80;
    if !b.get(at).is_some_and(|&c| letter(c)) {
        return None;
    }
    let mut end = at;
    while let Some(&c) = b.get(end) {
        let inner = (c == b'-' || c == b'\'') && b.get(end + 1).is_some_and(|&n| letter(n));
        if letter(c) || inner {
            end += 1;
        } else {
            break;
        }
    }
    // A word ending in a digit (`Jan2`) is still a word; digits do not extend it.
    Some(end)
}

/// A capital first letter, and not an all-capitals abbreviation such as `BBL` or `MBO`.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next().is_some_and(char::is_uppercase);
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    first && !all_caps
}
