//! A meting's key pair kept under a secret: the *wrapped key*.
//!
//! The private key of a meting is only ever stored encrypted with AES-256-GCM under a key
//! derived from the team's secret. Two versions exist:
//!
//! - **Version 2** (new metingen): the secret is a passphrase and the key is derived with
//!   Argon2id (RustCrypto `argon2`), a memory-hard function: every guess costs
//!   [`DEFAULT_KDF`]'s 64 MiB and five passes, about a second in a browser, and a
//!   graphics card gains little over a laptop.
//! - **Version 1** (metingen made before): the secret is a PIN and the key is derived with
//!   PBKDF2-HMAC-SHA256. Such a key still opens; the app then wraps it again as version 2
//!   under a new passphrase ([`WrappedKey::needs_rewrap`]).
//!
//! # Version 2, 121 bytes
//!
//! | bytes | content |
//! |-------|---------|
//! | 1     | format version, `2` |
//! | 4     | Argon2id memory in KiB, big endian |
//! | 4     | Argon2id passes, big endian |
//! | 4     | Argon2id lanes, big endian |
//! | 16    | salt |
//! | 12    | AES-GCM nonce |
//! | 32    | the meting's public key |
//! | 32    | the X25519 secret key, encrypted with AES-256-GCM |
//! | 16    | AES-GCM tag |
//!
//! The AES-256 key is Argon2id (version 0x13, 32-byte output) of the passphrase's UTF-8
//! bytes after [`normalise`] (surrounding white space removed, inner runs of white space
//! made one space), with the salt and the settings. The associated data is everything
//! before the encrypted key, so no setting can be lowered without the passphrase being
//! refused. Stored keys below [`MIN_ARGON2_MEMORY_KIB`] or [`MIN_ARGON2_PASSES`] are
//! refused ([`SealError::WeakKdf`]): nobody can swap in a cheaper-to-guess copy.
//!
//! # Version 1, 113 bytes
//!
//! | bytes | content |
//! |-------|---------|
//! | 1     | format version, `1` |
//! | 4     | PBKDF2 iteration count, big endian |
//! | 16    | PBKDF2 salt |
//! | 12    | AES-GCM nonce |
//! | 32    | the meting's public key |
//! | 32    | the X25519 secret key, encrypted with AES-256-GCM |
//! | 16    | AES-GCM tag |
//!
//! The AES-256 key is PBKDF2-HMAC-SHA256 of the PIN's UTF-8 bytes (as typed) with the salt
//! and iteration count; the associated data is the first 65 bytes. Counts below
//! [`MIN_STORED_ITERATIONS`] are refused ([`SealError::WeakKey`]).
//!
//! A wrong secret and a damaged key are indistinguishable to AES-GCM; both give
//! [`SealError::WrongPin`], which tells nothing else.

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use sha2::Sha256;
use zeroize::Zeroize;

use super::{KeyPair, PinProblem, PublicKey, SealError, KEY_LEN};

/// The format version of newly wrapped keys (Argon2id).
pub const WRAP_VERSION: u8 = 2;
/// The format version of keys wrapped under a PIN with PBKDF2 (still read).
pub const WRAP_VERSION_PIN: u8 = 1;

/// The PBKDF2-HMAC-SHA256 iteration count of version 1 keys (OWASP, 2023).
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// The lowest PBKDF2 iteration count [`WrappedKey::from_bytes`] accepts.
pub const MIN_STORED_ITERATIONS: u32 = 100_000;
/// The fewest characters a PIN may have.
pub const MIN_PIN_LEN: usize = 6;

/// Argon2id settings for new keys: 64 MiB, 5 passes, 1 lane.
///
/// The choice: OWASP's Password Storage Cheat Sheet (2023) gives as equal minimums
/// 46 MiB × 1 pass, 19 MiB × 2, 12 MiB × 3, 9 MiB × 4 and 7 MiB × 5, all with one lane;
/// a stored key must reach the 19 MiB × 2 pair ([`MIN_ARGON2_MEMORY_KIB`],
/// [`MIN_ARGON2_PASSES`]). The team
/// waits for the derivation at every unlock and restore, and the browser gives it one
/// thread, so the budget is about a second in Chromium. Memory costs an attacker's
/// graphics card more than passes do, so memory is set high (64 MiB, well within any
/// school laptop's tab) and the passes fill the second: at 10 passes the unlock took
/// 2.2 s in Chromium, at 5 about half that (`make bench` prints it). One lane, since
/// wasm runs it on one thread anyway. That is 320 MiB-passes per guess, seven times
/// OWASP's 46. The settings are stored with each key, so keys of other settings still open.
pub const DEFAULT_KDF: Kdf = Kdf::Argon2id { memory_kib: 64 * 1024, passes: 5, lanes: 1 };
/// The least Argon2id memory a stored key may use (OWASP's lowest advice, 19 MiB).
pub const MIN_ARGON2_MEMORY_KIB: u32 = 19 * 1024;
/// The fewest Argon2id passes a stored key may use.
pub const MIN_ARGON2_PASSES: u32 = 2;

/// The length of a version 2 wrapped key in bytes.
pub const WRAPPED_LEN: usize = HEADER_V2 + KEY_LEN + TAG_LEN;
/// The length of a version 1 wrapped key in bytes.
pub const WRAPPED_PIN_LEN: usize = HEADER_V1 + KEY_LEN + TAG_LEN;

const TAG_LEN: usize = 16;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
/// Version, iteration count, salt, nonce and public key.
const HEADER_V1: usize = 1 + 4 + SALT_LEN + NONCE_LEN + KEY_LEN;
/// Version, memory, passes, lanes, salt, nonce and public key.
const HEADER_V2: usize = 1 + 12 + SALT_LEN + NONCE_LEN + KEY_LEN;

/// How the wrapping key is derived from the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kdf {
    /// Version 1: PBKDF2-HMAC-SHA256 of a PIN.
    Pbkdf2 {
        /// Iterations.
        iterations: u32,
    },
    /// Version 2: Argon2id of a passphrase.
    Argon2id {
        /// Memory in KiB.
        memory_kib: u32,
        /// Passes over the memory.
        passes: u32,
        /// Lanes.
        lanes: u32,
    },
}

impl std::fmt::Display for Kdf {
    /// For figures: `Argon2id, 64 MiB, 5 passes` or `PBKDF2, 600000 iterations`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Kdf::Pbkdf2 { iterations } => write!(f, "PBKDF2, {iterations} iterations"),
            Kdf::Argon2id { memory_kib, passes, lanes } => {
                write!(f, "Argon2id, {} MiB, {passes} passes", memory_kib / 1024)?;
                if lanes > 1 {
                    write!(f, ", {lanes} lanes")?;
                }
                Ok(())
            }
        }
    }
}

impl From<u32> for Kdf {
    /// PBKDF2 with this many iterations (version 1, for older metingen and quick tests).
    fn from(iterations: u32) -> Kdf {
        Kdf::Pbkdf2 { iterations }
    }
}

/// A meting's key pair, encrypted under a secret (formats above).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    kdf: Kdf,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    public: PublicKey,
    ciphertext: [u8; KEY_LEN],
    tag: [u8; TAG_LEN],
}

impl WrappedKey {
    /// The public key of the wrapped pair: readable without the secret.
    pub fn public(&self) -> PublicKey {
        self.public
    }

    /// How the key is derived.
    pub fn kdf(&self) -> Kdf {
        self.kdf
    }

    /// The PBKDF2 iteration count of a version 1 key; 0 for a version 2 key.
    pub fn iterations(&self) -> u32 {
        match self.kdf {
            Kdf::Pbkdf2 { iterations } => iterations,
            Kdf::Argon2id { .. } => 0,
        }
    }

    /// Whether the key is still under a PIN (version 1) and should be wrapped again under
    /// a passphrase once it is open.
    pub fn needs_rewrap(&self) -> bool {
        matches!(self.kdf, Kdf::Pbkdf2 { .. })
    }

    /// The bytes to store ([`WRAPPED_LEN`], or [`WRAPPED_PIN_LEN`] for version 1).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = self.header();
        bytes.extend_from_slice(&self.ciphertext);
        bytes.extend_from_slice(&self.tag);
        bytes
    }

    /// Reads stored bytes back, refusing unknown versions and lengths, weak settings
    /// ([`SealError::WeakKey`], [`SealError::WeakKdf`]) and unusable public keys. The
    /// secret is checked only by [`unwrap_key`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SealError> {
        let Some((&version, rest)) = bytes.split_first() else {
            return Err(SealError::TooShort);
        };
        let (kdf, rest) = match version {
            WRAP_VERSION_PIN => {
                if bytes.len() > WRAPPED_PIN_LEN {
                    return Err(SealError::TooLong);
                }
                let (iterations, rest) = split::<4>(rest)?;
                let iterations = u32::from_be_bytes(iterations);
                if iterations < MIN_STORED_ITERATIONS {
                    return Err(SealError::WeakKey(iterations));
                }
                (Kdf::Pbkdf2 { iterations }, rest)
            }
            WRAP_VERSION => {
                if bytes.len() > WRAPPED_LEN {
                    return Err(SealError::TooLong);
                }
                let (memory, rest) = split::<4>(rest)?;
                let (passes, rest) = split::<4>(rest)?;
                let (lanes, rest) = split::<4>(rest)?;
                let (memory_kib, passes, lanes) = (
                    u32::from_be_bytes(memory),
                    u32::from_be_bytes(passes),
                    u32::from_be_bytes(lanes),
                );
                if memory_kib < MIN_ARGON2_MEMORY_KIB || passes < MIN_ARGON2_PASSES || lanes == 0 {
                    return Err(SealError::WeakKdf);
                }
                (Kdf::Argon2id { memory_kib, passes, lanes }, rest)
            }
            other => return Err(SealError::UnknownVersion(other)),
        };
        let (salt, rest) = split::<SALT_LEN>(rest)?;
        let (nonce, rest) = split::<NONCE_LEN>(rest)?;
        let (public, rest) = split::<KEY_LEN>(rest)?;
        let (ciphertext, rest) = split::<KEY_LEN>(rest)?;
        let (tag, _) = split::<TAG_LEN>(rest)?;
        let public = PublicKey::from_bytes(public).map_err(|_| SealError::Damaged)?;
        Ok(WrappedKey { kdf, salt, nonce, public, ciphertext, tag })
    }

    /// The first bytes of the format: the associated data of the encryption.
    fn header(&self) -> Vec<u8> {
        let mut header = Vec::with_capacity(WRAPPED_LEN);
        match self.kdf {
            Kdf::Pbkdf2 { iterations } => {
                header.push(WRAP_VERSION_PIN);
                header.extend_from_slice(&iterations.to_be_bytes());
            }
            Kdf::Argon2id { memory_kib, passes, lanes } => {
                header.push(WRAP_VERSION);
                for n in [memory_kib, passes, lanes] {
                    header.extend_from_slice(&n.to_be_bytes());
                }
            }
        }
        header.extend_from_slice(&self.salt);
        header.extend_from_slice(&self.nonce);
        header.extend_from_slice(&self.public.0);
        header
    }
}

/// The first `N` bytes of `bytes` as an array, and the rest.
fn split<const N: usize>(bytes: &[u8]) -> Result<([u8; N], &[u8]), SealError> {
    let (head, rest) = bytes.split_at_checked(N).ok_or(SealError::TooShort)?;
    let head = head.try_into().map_err(|_| SealError::TooShort)?;
    Ok((head, rest))
}

/// A passphrase as it is used: surrounding white space removed and every inner run of
/// white space made one space, so a line break or a double space when copying it back
/// from paper does not lock the team out. Letters are kept as typed.
pub fn normalise(secret: &str) -> String {
    secret.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The AES-256-GCM cipher for a secret under `kdf`; `None` only for Argon2id settings
/// the crate cannot run (never for stored or default ones).
fn cipher(secret: &str, salt: &[u8; SALT_LEN], kdf: Kdf) -> Option<Aes256Gcm> {
    let mut key = [0; KEY_LEN];
    match kdf {
        Kdf::Pbkdf2 { iterations } => {
            pbkdf2::pbkdf2_hmac::<Sha256>(secret.as_bytes(), salt, iterations.max(1), &mut key);
        }
        Kdf::Argon2id { memory_kib, passes, lanes } => {
            let params = argon2::Params::new(memory_kib, passes, lanes, Some(KEY_LEN)).ok()?;
            let argon =
                argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
            let mut secret = normalise(secret);
            let done = argon.hash_password_into(secret.as_bytes(), salt, &mut key);
            secret.zeroize();
            done.ok()?;
        }
    }
    let cipher = Aes256Gcm::new(&key.into());
    key.zeroize();
    Some(cipher)
}

/// Encrypts the key pair under a PIN with PBKDF2 (version 1). New metingen use
/// [`wrap_with`] and [`DEFAULT_KDF`]; this stays for older data and quick tests.
/// `iterations` 0 counts as 1.
pub fn wrap(
    keys: &KeyPair,
    pin: &str,
    salt: [u8; 16],
    nonce: [u8; 12],
    iterations: u32,
) -> WrappedKey {
    wrap_with(keys, pin, salt, nonce, Kdf::Pbkdf2 { iterations })
}

/// Encrypts the key pair under `secret` with `kdf` ([`DEFAULT_KDF`] for new metingen).
/// `salt` and `nonce` must be fresh random bytes. Check a new passphrase with
/// [`crate::domain::passphrase::check`] first.
pub fn wrap_with(
    keys: &KeyPair,
    secret: &str,
    salt: [u8; 16],
    nonce: [u8; 12],
    kdf: Kdf,
) -> WrappedKey {
    let kdf = match kdf {
        Kdf::Pbkdf2 { iterations } => Kdf::Pbkdf2 { iterations: iterations.max(1) },
        other => other,
    };
    let mut wrapped = WrappedKey {
        kdf,
        salt,
        nonce,
        public: keys.public,
        ciphertext: keys.secret.to_bytes(),
        tag: [0; TAG_LEN],
    };
    let header = wrapped.header();
    let sealed = cipher(secret, &salt, kdf).map(|c| {
        c.encrypt_in_place_detached(Nonce::from_slice(&nonce), &header, &mut wrapped.ciphertext)
    });
    match sealed {
        Some(Ok(tag)) => wrapped.tag = tag.into(),
        // AES-GCM fails only past 64 GiB of plaintext, and Argon2id only on settings it
        // cannot run. Should either happen, the secret is wiped rather than stored in the
        // clear: the wrap then never opens.
        _ => wrapped.ciphertext.zeroize(),
    }
    wrapped
}

/// Decrypts a wrapped key pair with its secret: [`SealError::WrongPin`] if it is not the
/// one it was wrapped with (or the wrapped key was changed).
pub fn unwrap_key(wrapped: &WrappedKey, secret: &str) -> Result<KeyPair, SealError> {
    let cipher = cipher(secret, &wrapped.salt, wrapped.kdf).ok_or(SealError::WeakKdf)?;
    let mut plain = wrapped.ciphertext;
    let opened = cipher.decrypt_in_place_detached(
        Nonce::from_slice(&wrapped.nonce),
        &wrapped.header(),
        &mut plain,
        &wrapped.tag.into(),
    );
    if opened.is_err() {
        return Err(SealError::WrongPin);
    }
    let keys = KeyPair::from_seed(plain);
    plain.zeroize();
    if keys.public != wrapped.public {
        return Err(SealError::Damaged);
    }
    Ok(keys)
}

/// Checks a new PIN against the version 1 policy: at least [`MIN_PIN_LEN`] characters,
/// not one character repeated, not a plain run up or down. (New metingen take a
/// passphrase instead; this stays for tests of older data.)
pub fn check_pin(pin: &str) -> Result<(), PinProblem> {
    let chars: Vec<char> = pin.chars().collect();
    if chars.len() < MIN_PIN_LEN {
        return Err(PinProblem::TooShort);
    }
    if chars.windows(2).all(|w| w.first() == w.get(1)) {
        return Err(PinProblem::AllSame);
    }
    let step = |from: char, to: char| -> Option<i64> {
        match (from.to_digit(10), to.to_digit(10)) {
            // Digits run round: 8 9 0 1 is a run up, 1 0 9 8 a run down.
            (Some(a), Some(b)) => match (i64::from(b) - i64::from(a)).rem_euclid(10) {
                1 => Some(1),
                9 => Some(-1),
                _ => None,
            },
            _ => Some(i64::from(u32::from(to)) - i64::from(u32::from(from))),
        }
    };
    let steps: Vec<Option<i64>> = chars
        .windows(2)
        .map(|w| match w {
            [a, b] => step(*a, *b),
            _ => None,
        })
        .collect();
    if steps.iter().all(|s| *s == Some(1)) || steps.iter().all(|s| *s == Some(-1)) {
        return Err(PinProblem::Sequence);
    }
    Ok(())
}
