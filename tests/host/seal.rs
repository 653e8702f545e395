//! Sealed responses and the PIN-wrapped meting key: round trips, tampering, wrong keys and
//! PINs, stored-key downgrades, the public key's text form and the PIN policy.

use std::sync::OnceLock;

use spiegel::domain::seal::keywrap::{
    WRAPPED_PIN_LEN as WRAPPED_LEN, WRAP_VERSION_PIN as WRAP_VERSION,
};
use spiegel::domain::seal::{
    check_pin, open, seal, unwrap_key, wrap, KeyPair, PinProblem, PublicKey, SealError, WrappedKey,
    DEFAULT_ITERATIONS, MIN_STORED_ITERATIONS, SEAL_OVERHEAD, SEAL_VERSION,
};

/// An iteration count that keeps in-memory PIN tests fast.
const FAST: u32 = 1_000;
const PIN: &str = "482913";

/// A small deterministic generator, so every run checks the same bytes.
struct Lcg(u64);

impl Lcg {
    fn byte(&mut self) -> u8 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 56) as u8
    }

    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        std::array::from_fn(|_| self.byte())
    }
}

fn seed(n: u8) -> [u8; 32] {
    Lcg(u64::from(n) + 1).bytes()
}

fn meting_a() -> KeyPair {
    KeyPair::from_seed(seed(1))
}

fn meting_b() -> KeyPair {
    KeyPair::from_seed(seed(2))
}

fn wrapped(keys: &KeyPair, pin: &str, iterations: u32) -> WrappedKey {
    wrap(keys, pin, [7; 16], [9; 12], iterations)
}

/// Meting A's key wrapped under [`PIN`] with the fewest iterations storage accepts, as
/// stored. Made once: it is slow in a debug build.
fn stored() -> &'static [u8] {
    static STORED: OnceLock<Vec<u8>> = OnceLock::new();
    STORED.get_or_init(|| wrapped(&meting_a(), PIN, MIN_STORED_ITERATIONS).to_bytes())
}

// Sealing.

#[test]
fn a_response_comes_back_unchanged_for_empty_small_and_large_plaintexts() {
    let keys = meting_a();
    let large: Vec<u8> = (0..15_000u32).map(|n| (n % 251) as u8).collect();
    for plaintext in [&b""[..], b"SPG\x01 a small response", &large] {
        let sealed = seal(&keys.public(), plaintext, seed(3));
        assert_eq!(sealed.len(), plaintext.len() + SEAL_OVERHEAD);
        assert_eq!(sealed.first(), Some(&SEAL_VERSION));
        assert_eq!(open(&keys, &sealed).as_deref(), Ok(plaintext));
    }
}

#[test]
fn a_sealed_response_is_49_bytes_longer_than_the_plaintext() {
    assert_eq!(SEAL_OVERHEAD, 49);
}

#[test]
fn the_same_answers_sealed_twice_look_different() {
    let keys = meting_a();
    let one = seal(&keys.public(), b"same answers", seed(3));
    let two = seal(&keys.public(), b"same answers", seed(4));
    assert_ne!(one, two);
    assert_eq!(open(&keys, &one), open(&keys, &two));
}

#[test]
fn the_plaintext_does_not_show_in_a_sealed_response() {
    let keys = meting_a();
    let plaintext = b"ik voel me niet veilig in de klas";
    let sealed = seal(&keys.public(), plaintext, seed(3));
    assert!(!sealed.windows(8).any(|w| plaintext.windows(8).any(|p| p == w)));
}

#[test]
fn a_response_sealed_to_one_meting_cannot_be_opened_with_another_metings_keys() {
    let sealed = seal(&meting_a().public(), b"for meting A", seed(3));
    assert_eq!(open(&meting_b(), &sealed), Err(SealError::CannotOpen));
    assert!(open(&meting_a(), &sealed).is_ok());
}

#[test]
fn the_same_seed_gives_the_same_meting_keys() {
    assert_eq!(meting_a().public(), KeyPair::from_seed(seed(1)).public());
    assert_ne!(meting_a().public(), meting_b().public());
}

#[test]
fn the_debug_form_of_a_key_pair_does_not_show_the_secret_key() {
    let text = format!("{:?}", meting_a());
    assert!(text.contains("public"), "{text}");
    let secret = format!("{:?}", seed(1));
    assert!(!text.contains(&secret[1..secret.len() - 1]), "{text}");
}

// Tampering.

#[test]
fn flipping_any_single_bit_of_a_sealed_response_is_refused() {
    let keys = meting_a();
    let sealed = seal(&keys.public(), b"ja", seed(3));
    for at in 0..sealed.len() {
        for bit in 0..8 {
            let mut changed = sealed.clone();
            changed[at] ^= 1 << bit;
            assert!(open(&keys, &changed).is_err(), "byte {at} bit {bit} was not noticed");
        }
    }
}

#[test]
fn every_truncation_of_a_sealed_response_is_refused() {
    let keys = meting_a();
    let sealed = seal(&keys.public(), b"wil stage bij een zorginstelling", seed(3));
    for len in 0..sealed.len() {
        assert!(open(&keys, &sealed[..len]).is_err(), "{len} bytes opened");
    }
    let mut longer = sealed.clone();
    longer.push(0);
    assert_eq!(open(&keys, &longer), Err(SealError::CannotOpen));
}

#[test]
fn empty_and_unknown_version_input_is_refused_with_a_clear_error() {
    let keys = meting_a();
    assert_eq!(open(&keys, &[]), Err(SealError::TooShort));
    assert_eq!(open(&keys, &[SEAL_VERSION; 48]), Err(SealError::TooShort));
    let mut sealed = seal(&keys.public(), b"x", seed(3));
    sealed[0] = 2;
    assert_eq!(open(&keys, &sealed), Err(SealError::UnknownVersion(2)));
    assert_eq!(SealError::UnknownVersion(2).to_string(), "unknown format version 2");
}

#[test]
fn random_bytes_never_open_and_never_panic() {
    let keys = meting_a();
    let mut rng = Lcg(2026);
    for n in 0..5_000 {
        let len = rng.below(200);
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
        // One in fifty gets the right version byte, so it reaches the cryptography (slow in
        // a debug build; the bit flips above cover that path thoroughly).
        if n % 50 == 0 {
            if let Some(first) = bytes.first_mut() {
                *first = SEAL_VERSION;
            }
        }
        assert!(open(&keys, &bytes).is_err(), "input {n} opened: {bytes:?}");
    }
}

// The PIN-wrapped private key.

#[test]
fn a_wrapped_key_opens_with_its_pin_and_still_opens_responses() {
    let keys = meting_a();
    let sealed = seal(&keys.public(), b"antwoorden", seed(3));
    let wrapped = wrapped(&keys, PIN, FAST);
    assert_eq!(wrapped.public(), keys.public());
    assert_eq!(wrapped.iterations(), FAST);
    let back = unwrap_key(&wrapped, PIN).unwrap();
    assert_eq!(back.public(), keys.public());
    assert_eq!(open(&back, &sealed).as_deref(), Ok(&b"antwoorden"[..]));
}

#[test]
fn a_wrong_pin_is_refused_with_a_plain_message() {
    let wrapped = wrapped(&meting_a(), PIN, FAST);
    for pin in ["482914", "", "482913 ", "4829130", "xxxxxx"] {
        assert_eq!(unwrap_key(&wrapped, pin).unwrap_err(), SealError::WrongPin, "{pin:?}");
    }
    assert_eq!(SealError::WrongPin.to_string(), "the passphrase is not right");
}

#[test]
fn a_stored_key_reads_back_and_opens_with_its_pin() {
    let keys = meting_a();
    let bytes = stored();
    assert_eq!(bytes.len(), WRAPPED_LEN);
    assert_eq!(bytes.len(), 113);
    assert_eq!(bytes.first(), Some(&WRAP_VERSION));
    let read = WrappedKey::from_bytes(bytes).unwrap();
    assert_eq!(read.to_bytes(), bytes);
    assert_eq!(read.public(), keys.public());
    assert_eq!(read.iterations(), MIN_STORED_ITERATIONS);
    let sealed = seal(&keys.public(), b"antwoorden", seed(3));
    assert_eq!(open(&unwrap_key(&read, PIN).unwrap(), &sealed).as_deref(), Ok(&b"antwoorden"[..]));
}

/// Flips the lowest bit of byte `at` of the stored key and checks that the right PIN no
/// longer opens it.
fn assert_change_is_noticed(at: usize) {
    let mut changed = stored().to_vec();
    changed[at] ^= 1;
    match WrappedKey::from_bytes(&changed) {
        Ok(read) => assert_eq!(unwrap_key(&read, PIN).unwrap_err(), SealError::WrongPin, "{at}"),
        Err(e) => assert_eq!(e, SealError::Damaged, "byte {at}"),
    }
}

#[test]
fn changing_the_iteration_count_or_public_key_of_a_stored_key_makes_the_pin_fail() {
    // Byte 4 is the lowest byte of the count (100,000 becomes 100,001); 33 to 64 are the
    // public key. (The salt and nonce are bound the same way; each try is slow in a debug
    // build, so not every field is tried.)
    for at in [4, 40] {
        assert_change_is_noticed(at);
    }
}

#[test]
fn changing_the_encrypted_key_or_its_tag_makes_the_pin_fail() {
    // Bytes 65 to 96 are the encrypted key, 97 to 112 the tag.
    for at in [80, 112] {
        assert_change_is_noticed(at);
    }
}

#[test]
fn a_stored_key_with_too_few_iterations_is_refused() {
    let keys = meting_a();
    let weak = wrapped(&keys, PIN, FAST);
    assert_eq!(unwrap_key(&weak, PIN).unwrap().public(), keys.public());
    assert_eq!(WrappedKey::from_bytes(&weak.to_bytes()), Err(SealError::WeakKey(FAST)));
    // Lowering the count of a stored key is a downgrade, refused before any PIN is tried.
    for count in [0, 1, MIN_STORED_ITERATIONS - 1] {
        let mut downgraded = stored().to_vec();
        downgraded[1..5].copy_from_slice(&count.to_be_bytes());
        assert_eq!(WrappedKey::from_bytes(&downgraded), Err(SealError::WeakKey(count)));
    }
    assert_eq!(
        SealError::WeakKey(FAST).to_string(),
        "the key is protected by too few PBKDF2 iterations (1000; at least 100000)"
    );
}

#[test]
fn a_stored_key_with_another_version_or_length_is_refused() {
    let bytes = stored();
    // (Version 2 is the passphrase format: its own tests are in passphrase.rs.)
    for version in [0, 3, 255] {
        let mut changed = bytes.to_vec();
        changed[0] = version;
        assert_eq!(WrappedKey::from_bytes(&changed), Err(SealError::UnknownVersion(version)));
    }
    assert_eq!(WrappedKey::from_bytes(&[]), Err(SealError::TooShort));
    for len in 1..bytes.len() {
        assert_eq!(WrappedKey::from_bytes(&bytes[..len]), Err(SealError::TooShort), "{len}");
    }
    let mut longer = bytes.to_vec();
    longer.push(0);
    assert_eq!(WrappedKey::from_bytes(&longer), Err(SealError::TooLong));
}

#[test]
fn new_keys_are_wrapped_with_600000_iterations() {
    assert_eq!(DEFAULT_ITERATIONS, 600_000);
    assert_eq!(MIN_STORED_ITERATIONS, 100_000);
}

#[test]
fn a_stored_key_never_contains_the_secret_key_in_the_clear() {
    let secret = seed(1);
    let keys = KeyPair::from_seed(secret);
    for (salt, nonce) in [([0; 16], [0; 12]), ([7; 16], [9; 12]), ([255; 16], [1; 12])] {
        let bytes = wrap(&keys, PIN, salt, nonce, FAST).to_bytes();
        assert!(!bytes.windows(8).any(|w| secret.windows(8).any(|s| s == w)), "{bytes:?}");
        let debug = format!("{:?}", wrap(&keys, PIN, salt, nonce, FAST));
        let secret_debug = format!("{secret:?}");
        assert!(!debug.contains(&secret_debug[1..secret_debug.len() - 1]));
    }
}

#[test]
fn wrapping_the_same_key_with_another_salt_gives_other_bytes() {
    let keys = meting_a();
    let one = wrap(&keys, PIN, [1; 16], [9; 12], FAST);
    let two = wrap(&keys, PIN, [2; 16], [9; 12], FAST);
    assert_ne!(one.to_bytes(), two.to_bytes());
    assert_eq!(unwrap_key(&two, PIN).unwrap().public(), keys.public());
}

// The public key as text, for the invitation link.

#[test]
fn a_public_key_survives_the_invitation_link() {
    let public = meting_a().public();
    let text = public.to_text();
    assert_eq!(text.len(), 64);
    assert!(text.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)), "{text}");
    assert_eq!(PublicKey::from_text(&text), Ok(public));
    assert_eq!(PublicKey::from_text(&text.to_uppercase()), Ok(public));
    assert_eq!(PublicKey::from_text(&format!(" {text}\n")), Ok(public));
    assert_eq!(PublicKey::from_bytes(public.to_bytes()), Ok(public));
}

#[test]
fn a_mangled_public_key_in_the_link_gives_a_clear_error() {
    let text = meting_a().public().to_text();
    let bad = [
        String::new(),
        text[..63].to_string(),
        format!("{text}0"),
        format!("{}g", &text[..63]),
        format!("{}é", &text[..62]),
        format!("{} {}", &text[..31], &text[32..]),
    ];
    for bad in bad {
        assert_eq!(PublicKey::from_text(&bad), Err(SealError::BadKeyText), "{bad:?}");
    }
    assert_eq!(SealError::BadKeyText.to_string(), "a meting key is 64 characters, each 0-9 or a-f");
}

#[test]
fn a_public_key_anyone_could_open_is_refused() {
    // All zeros and one are points of small order: X25519 with them gives a known secret.
    for bytes in [[0; 32], {
        let mut one = [0; 32];
        one[0] = 1;
        one
    }] {
        assert_eq!(PublicKey::from_bytes(bytes), Err(SealError::UnusableKey));
    }
    assert_eq!(PublicKey::from_text(&"0".repeat(64)), Err(SealError::UnusableKey));
}

// The PIN policy.

#[test]
fn a_pin_needs_six_characters() {
    for pin in ["", "4", "48291", "a8!x2"] {
        assert_eq!(check_pin(pin), Err(PinProblem::TooShort), "{pin:?}");
    }
    assert_eq!(PinProblem::TooShort.to_string(), "a PIN needs at least 6 characters");
}

#[test]
fn a_pin_of_one_repeated_character_is_refused() {
    for pin in ["000000", "1111111", "aaaaaa", "éééééé"] {
        assert_eq!(check_pin(pin), Err(PinProblem::AllSame), "{pin:?}");
    }
}

#[test]
fn a_pin_that_simply_counts_up_or_down_is_refused() {
    for pin in ["123456", "654321", "012345", "543210", "1234567890", "890123", "210987", "abcdef"]
    {
        assert_eq!(check_pin(pin), Err(PinProblem::Sequence), "{pin:?}");
    }
}

#[test]
fn ordinary_pins_are_accepted() {
    for pin in ["482913", "112233", "135790", "123465", "zomer2026", "000001", "Tf9#kq"] {
        assert_eq!(check_pin(pin), Ok(()), "{pin:?}");
    }
}
