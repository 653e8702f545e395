//! The meting's secret: generated Dutch passphrases, the estimate for an own one, the
//! Argon2id wrap (version 2) and the move of an older PIN meting to a passphrase.

use std::collections::BTreeSet;

use spiegel::domain::builtin;
use spiegel::domain::meting::{Context, Draft, Meting, MetingError, Seeds};
use spiegel::domain::passphrase::{
    check, estimate_bits, generate, words, PassphraseProblem, MIN_BITS, WORDS_PER_PASSPHRASE,
};
use spiegel::domain::seal::keywrap::{
    normalise, MIN_ARGON2_MEMORY_KIB, MIN_ARGON2_PASSES, WRAPPED_PIN_LEN, WRAP_VERSION_PIN,
};
use spiegel::domain::seal::{
    open, seal, unwrap_key, wrap_with, Kdf, KeyPair, SealError, WrappedKey, DEFAULT_KDF,
    WRAPPED_LEN, WRAP_VERSION,
};

const PHRASE: &str = "kaas brug vogel taart muis";

fn keys() -> KeyPair {
    KeyPair::from_seed([9; 32])
}

/// One real version 2 key (at `DEFAULT_KDF`), made once: each derivation takes a moment.
fn stored() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| wrap_with(&keys(), PHRASE, [3; 16], [4; 12], DEFAULT_KDF).to_bytes())
}

#[test]
fn the_word_list_has_2048_plain_dutch_words() {
    let list: Vec<&str> = words().collect();
    assert_eq!(list.len(), 2048);
    assert_eq!(list.iter().collect::<BTreeSet<_>>().len(), 2048, "no word twice");
    for w in &list {
        assert!((4..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
    }
    for unfit in ["kut", "dood", "moord", "wapen", "neuken", "klootzak"] {
        assert!(!list.contains(&unfit), "{unfit}");
    }
}

#[test]
fn a_generated_passphrase_is_five_listed_words_of_55_bits() {
    let mut seen = BTreeSet::new();
    let mut state = 0x2545_f491_4f6c_dd1du128;
    for _ in 0..200 {
        state = state.wrapping_mul(0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645).wrapping_add(1);
        let phrase = generate(state.to_le_bytes());
        let parts: Vec<&str> = phrase.split(' ').collect();
        assert_eq!(parts.len(), WORDS_PER_PASSPHRASE);
        assert!(parts.iter().all(|p| words().any(|w| w == *p)), "{phrase}");
        assert!(estimate_bits(&phrase) >= 55.0 - 5.0, "{phrase}: {}", estimate_bits(&phrase));
        assert_eq!(check(&phrase, &phrase), Ok(()), "{phrase}");
        seen.insert(phrase);
    }
    assert!(seen.len() > 195, "different random bytes give different passphrases");
    // The same bytes give the same words (the randomness is the caller's).
    assert_eq!(generate([1; 16]), generate([1; 16]));
    assert_ne!(generate([1; 16]), generate([2; 16]));
    // Even all-zero bytes (every draw the same word) give five different words.
    let zero = generate([0; 16]);
    assert_eq!(zero.split(' ').collect::<BTreeSet<_>>().len(), WORDS_PER_PASSPHRASE);
    assert_eq!(check(&zero, &zero), Ok(()));
}

#[test]
fn an_own_passphrase_must_be_as_hard_to_guess() {
    for weak in [
        "Welkom2024!",
        "wachtwoord",
        "123456789012",
        "aaaaaaaaaaaaaaaaaaaa",
        "abcdefghijklmnop",
        "Spiegel2026",
        "zorg zorg zorg zorg zorg",
        "kaas brug vogel",
    ] {
        let bits = estimate_bits(weak);
        assert!(bits < MIN_BITS, "{weak}: {bits}");
        assert!(matches!(check(weak, weak), Err(PassphraseProblem::TooWeak(_))), "{weak}");
    }
    for strong in [
        "Ons team leert elke dag iets nieuws van de studenten",
        "fiets regen koffie lamp trein",
        "x7#Kp2!qZ9mR&w4L",
    ] {
        let bits = estimate_bits(strong);
        assert!(bits >= MIN_BITS, "{strong}: {bits}");
        assert_eq!(check(strong, strong), Ok(()));
    }
    assert_eq!(
        check("fiets regen koffie lamp trein", "fiets regen koffie lamp tram"),
        Err(PassphraseProblem::Differ)
    );
    // White space does not count as a difference.
    assert_eq!(
        check("fiets regen koffie lamp trein", "  fiets  regen koffie\nlamp trein "),
        Ok(())
    );
}

#[test]
fn a_version_2_key_opens_only_with_its_passphrase() {
    let bytes = stored();
    assert_eq!(bytes.len(), WRAPPED_LEN);
    assert_eq!(bytes.first(), Some(&WRAP_VERSION));
    let read = WrappedKey::from_bytes(bytes).unwrap();
    assert_eq!(read.kdf(), DEFAULT_KDF);
    assert!(!read.needs_rewrap());
    assert_eq!(read.to_bytes(), bytes);
    let sealed = seal(&keys().public(), b"antwoorden", [5; 32]);
    let opened = unwrap_key(&read, PHRASE).unwrap();
    assert_eq!(open(&opened, &sealed).as_deref(), Ok(&b"antwoorden"[..]));
    // Copied back from paper with other white space: still opens.
    assert!(unwrap_key(&read, " kaas  brug\nvogel taart muis ").is_ok());
    for wrong in ["kaas brug vogel taart", "Kaas brug vogel taart muis", "", "482913"] {
        assert_eq!(unwrap_key(&read, wrong).unwrap_err(), SealError::WrongPin, "{wrong:?}");
    }
    assert_eq!(normalise("  a \t b\n"), "a b");
}

#[test]
fn the_settings_meet_owasp_and_keys_made_at_the_earlier_settings_still_open() {
    let Kdf::Argon2id { memory_kib, passes, lanes } = DEFAULT_KDF else {
        panic!("new keys use Argon2id")
    };
    // OWASP's equal minimums run from 46 MiB × 1 pass to 7 MiB × 5 passes, one lane.
    assert!(u64::from(memory_kib) * u64::from(passes) >= 46 * 1024, "{DEFAULT_KDF}");
    assert!(memory_kib >= MIN_ARGON2_MEMORY_KIB && passes >= MIN_ARGON2_PASSES && lanes == 1);
    // A key wrapped before the settings changed (64 MiB, 10 passes) keeps opening: its
    // settings are stored with it.
    let earlier = Kdf::Argon2id { memory_kib: 64 * 1024, passes: 10, lanes: 1 };
    assert_ne!(earlier, DEFAULT_KDF);
    let bytes = wrap_with(&keys(), PHRASE, [5; 16], [6; 12], earlier).to_bytes();
    let read = WrappedKey::from_bytes(&bytes).unwrap();
    assert_eq!(read.kdf(), earlier);
    assert!(!read.needs_rewrap());
    assert_eq!(unwrap_key(&read, PHRASE).unwrap().public(), keys().public());
    assert_eq!(unwrap_key(&read, "kaas brug vogel taart").unwrap_err(), SealError::WrongPin);
}

#[test]
fn weaker_argon2_settings_in_a_stored_key_are_refused_or_fail() {
    let bytes = stored();
    // Memory, passes or lanes lowered below the minimum: refused before any guess.
    for (at, value) in [(1usize, MIN_ARGON2_MEMORY_KIB - 1), (5, 1), (9, 0)] {
        let mut changed = bytes.to_vec();
        changed[at..at + 4].copy_from_slice(&value.to_be_bytes());
        assert_eq!(WrappedKey::from_bytes(&changed), Err(SealError::WeakKdf), "byte {at}");
    }
    // Lowered but still above the minimum: the settings are bound to the encryption.
    let mut changed = bytes.to_vec();
    changed[1..5].copy_from_slice(&MIN_ARGON2_MEMORY_KIB.to_be_bytes());
    let read = WrappedKey::from_bytes(&changed).unwrap();
    assert_eq!(unwrap_key(&read, PHRASE).unwrap_err(), SealError::WrongPin);
    // Truncated or longer: refused.
    for len in 1..bytes.len() {
        assert!(WrappedKey::from_bytes(&bytes[..len]).is_err(), "{len}");
    }
    let mut longer = bytes.to_vec();
    longer.push(0);
    assert_eq!(WrappedKey::from_bytes(&longer), Err(SealError::TooLong));
}

fn draft(secret: &str) -> Draft {
    Draft {
        label: "2B zorg".into(),
        context: Context::default(),
        pin: secret.into(),
        pin_again: secret.into(),
    }
}

fn seeds() -> Seeds {
    Seeds { id: [7; 8], key: [9; 32], salt: [1; 16], nonce: [2; 12] }
}

#[test]
fn a_new_meting_takes_a_passphrase_not_a_pin() {
    let student = builtin::student().unwrap();
    // Cheap Argon2id settings keep the test quick; the policy is the same.
    let cheap = Kdf::Argon2id { memory_kib: 64, passes: 1, lanes: 1 };
    let weak = Meting::create(&student, &draft("482913"), "2026-W48", seeds(), cheap);
    assert!(matches!(weak, Err(MetingError::Passphrase(PassphraseProblem::TooWeak(_)))));
    let (meting, keys) =
        Meting::create(&student, &draft(PHRASE), "2026-W48", seeds(), cheap).unwrap();
    assert!(!meting.key.needs_rewrap());
    assert_eq!(meting.unlock(PHRASE).unwrap().public(), keys.public());
    assert_eq!(meting.unlock("482913").unwrap_err(), SealError::WrongPin);
}

#[test]
fn an_older_pin_meting_still_opens_and_moves_to_a_passphrase() {
    let student = builtin::student().unwrap();
    // A meting as the app made them before: PIN, PBKDF2 at 600,000 rounds (version 1).
    let (mut meting, _) =
        Meting::create(&student, &draft("482913"), "2026-W48", seeds(), 600_000).unwrap();
    let stored = meting.key.to_bytes();
    assert_eq!((stored.len(), stored[0]), (WRAPPED_PIN_LEN, WRAP_VERSION_PIN));
    let old = WrappedKey::from_bytes(&stored).unwrap();
    assert!(old.needs_rewrap());
    let sealed = seal(&meting.public(), b"voor de overstap", [6; 32]);
    // The next unlock opens with the PIN...
    let keys = meting.unlock("482913").unwrap();
    // ... and wraps the same key again under a passphrase (a weak one is refused).
    let cheap = Kdf::Argon2id { memory_kib: 64, passes: 1, lanes: 1 };
    assert!(meting.rewrap(&keys, "482913", "482913", [8; 16], [8; 12], cheap).is_err());
    meting.rewrap(&keys, PHRASE, PHRASE, [8; 16], [8; 12], DEFAULT_KDF).unwrap();
    let bytes = meting.key.to_bytes();
    assert_eq!((bytes.len(), bytes[0]), (WRAPPED_LEN, WRAP_VERSION));
    let read = WrappedKey::from_bytes(&bytes).unwrap();
    assert_eq!(unwrap_key(&read, "482913").unwrap_err(), SealError::WrongPin);
    let opened = unwrap_key(&read, PHRASE).unwrap();
    // The key pair is the same, so everything collected before still opens.
    assert_eq!(open(&opened, &sealed).as_deref(), Ok(&b"voor de overstap"[..]));
    // Another meting's keys cannot be wrapped into this one.
    let other = KeyPair::from_seed([1; 32]);
    assert_eq!(
        meting.rewrap(&other, PHRASE, PHRASE, [8; 16], [8; 12], DEFAULT_KDF),
        Err(MetingError::WrongKeys)
    );
}
