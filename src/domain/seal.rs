//! Sealing responses to a meting, and keeping the meting's private key under a staff PIN.
//!
//! A *meting* (one administration of the questionnaires for one team) has an X25519
//! [`KeyPair`]. Its [`PublicKey`] travels in the invitation link; every response is
//! [`seal`]ed to it on the student's device, so other students, the next user of a shared
//! device, or anyone who gets hold of a response file cannot read it. Only the holder of
//! the private key can [`open`] a response. The private key itself is only ever stored
//! [`wrap`]ped under a staff PIN.
//!
//! No cryptography is made here: this module only fixes formats around well-kept
//! RustCrypto crates. Sealing is libsodium's `crypto_box_seal` (X25519, XSalsa20-Poly1305,
//! BLAKE2b nonce) from the `crypto_box` crate; the PIN wrap is PBKDF2-HMAC-SHA256
//! (`pbkdf2`, `sha2`) feeding AES-256-GCM (`aes-gcm`).
//!
//! Like the rest of `src/domain`, this module has no randomness source of its own: every
//! random value (key seed, sealing seed, salt, nonce) is an argument, and the caller must
//! fill it with fresh bytes from a cryptographic generator (in the browser:
//! `crypto.getRandomValues`). Where a crate asks for a generator, a ChaCha20 generator is
//! seeded from such an argument (`rand_chacha`).
//!
//! # Public key
//!
//! 32 bytes, the X25519 public key ([`PublicKey::to_bytes`]). As text
//! ([`PublicKey::to_text`], for the invitation link's URL fragment) it is those 32 bytes
//! as 64 lowercase hexadecimal characters: no padding, nothing that a URL must escape, and
//! no extra crate. Reading accepts upper case too and ignores surrounding white space.
//! Keys of small order (such as all zeros) are refused, as libsodium does, because anyone
//! could open what is sealed to them.
//!
//! # Sealed response, version 1
//!
//! | bytes | content |
//! |-------|---------|
//! | 1     | format version, `1` ([`SEAL_VERSION`]) |
//! | 32    | the sender's one-time X25519 public key |
//! | 16    | Poly1305 tag |
//! | n     | the plaintext, encrypted with XSalsa20 |
//!
//! Everything after the version byte is exactly libsodium's `crypto_box_seal` output, so
//! `crypto_box_seal_open` of libsodium (or PyNaCl's `SealedBox`) opens it too. The
//! one-time X25519 secret key is the first 32 bytes that `ChaCha20Rng::from_seed(seed)`
//! gives for the caller's 32-byte seed; the XSalsa20 nonce is BLAKE2b-192(one-time public
//! key ‖ meting public key). So a sealed response is [`SEAL_OVERHEAD`] = 49 bytes longer
//! than its plaintext. Any change to the bytes, a truncation, or the wrong meting key
//! makes [`open`] fail; it never panics.
//!
//! # Wrapped private key, version 1
//!
//! [`WRAPPED_LEN`] = 113 bytes:
//!
//! | bytes | content |
//! |-------|---------|
//! | 1     | format version, `1` ([`WRAP_VERSION`]) |
//! | 4     | PBKDF2 iteration count, big endian |
//! | 16    | PBKDF2 salt |
//! | 12    | AES-GCM nonce |
//! | 32    | the meting's public key |
//! | 32    | the X25519 secret key, encrypted with AES-256-GCM |
//! | 16    | AES-GCM tag |
//!
//! The AES-256 key is PBKDF2-HMAC-SHA256 of the PIN's UTF-8 bytes (as typed, not
//! normalised) with the salt and iteration count. The associated data is the first 65
//! bytes (version, iteration count, salt, nonce and public key), so none of them can be
//! changed without the PIN being refused. A wrong PIN and a damaged key are
//! indistinguishable to AES-GCM; both give [`SealError::WrongPin`], which tells nothing
//! else.
//!
//! New keys are wrapped with [`DEFAULT_ITERATIONS`] (600,000, OWASP's 2023 advice for
//! PBKDF2-HMAC-SHA256). [`WrappedKey::from_bytes`], the way a key comes back from storage,
//! refuses counts below [`MIN_STORED_ITERATIONS`] (100,000) with [`SealError::WeakKey`], so
//! nobody can swap in a cheaper-to-guess copy. [`wrap`] and [`unwrap_key`] themselves
//! accept any count from 1, so tests can round-trip quickly in memory; a [`WrappedKey`]
//! only reaches storage through [`WrappedKey::to_bytes`] and comes back only through
//! [`WrappedKey::from_bytes`].
//!
//! # PIN policy
//!
//! [`check_pin`]: at least [`MIN_PIN_LEN`] characters, not one character repeated, and not
//! a plain run up or down (`123456`, `654321`, `abcdef`, and for digits also across
//! `9`–`0`, such as `890123`).

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use curve25519_dalek::montgomery::MontgomeryPoint;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use sha2::Sha256;
use zeroize::Zeroize;

use crate::domain::hex;

/// The format version byte that starts every sealed response.
pub const SEAL_VERSION: u8 = 1;

/// The format version byte that starts every wrapped key.
pub const WRAP_VERSION: u8 = 1;

/// How many bytes longer a sealed response is than its plaintext: version 1, one-time
/// public key 32, tag 16.
pub const SEAL_OVERHEAD: usize = 1 + KEY_LEN + TAG_LEN;

/// The length of a public key in bytes.
pub const PUBLIC_KEY_LEN: usize = KEY_LEN;

/// The length of a public key as text ([`PublicKey::to_text`]).
pub const PUBLIC_KEY_TEXT_LEN: usize = 2 * KEY_LEN;

/// The PBKDF2-HMAC-SHA256 iteration count for newly wrapped keys (OWASP, 2023).
pub const DEFAULT_ITERATIONS: u32 = 600_000;

/// The lowest iteration count [`WrappedKey::from_bytes`] accepts.
pub const MIN_STORED_ITERATIONS: u32 = 100_000;

/// The length of a wrapped key in bytes.
pub const WRAPPED_LEN: usize = HEADER_LEN + KEY_LEN + TAG_LEN;

/// The fewest characters a PIN may have.
pub const MIN_PIN_LEN: usize = 6;

const KEY_LEN: usize = 32;
const TAG_LEN: usize = 16;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
/// Version, iteration count, salt, nonce and public key: the associated data of the wrap.
const HEADER_LEN: usize = 1 + 4 + SALT_LEN + NONCE_LEN + KEY_LEN;

/// Why sealed data or a key could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The data ends before its format says it should.
    #[error("the data is too short")]
    TooShort,
    /// The data is longer than its format allows.
    #[error("the data is too long")]
    TooLong,
    /// The first byte is not a format version this app knows.
    #[error("unknown format version {0}")]
    UnknownVersion(u8),
    /// The response was sealed to another meting, or it was changed on the way.
    #[error("this response cannot be opened with this meting's key, or it was changed")]
    CannotOpen,
    /// The PIN does not open the wrapped key (or the wrapped key was changed).
    #[error("the PIN is not right")]
    WrongPin,
    /// A stored wrapped key uses fewer than [`MIN_STORED_ITERATIONS`] iterations.
    #[error("the key is protected by too few PBKDF2 iterations ({0}; at least 100000)")]
    WeakKey(u32),
    /// Public key text that is not 64 hexadecimal characters.
    #[error("a meting key is 64 characters, each 0-9 or a-f")]
    BadKeyText,
    /// A public key that anyone could open sealed data for (a point of small order).
    #[error("this meting key cannot be used")]
    UnusableKey,
    /// The PIN opened the key, but it does not belong to the public key stored with it.
    #[error("the stored key is damaged")]
    Damaged,
}

/// What is wrong with a PIN, by [`check_pin`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinProblem {
    /// Fewer than [`MIN_PIN_LEN`] characters.
    #[error("a PIN needs at least 6 characters")]
    TooShort,
    /// One character repeated, such as `111111`.
    #[error("a PIN must not be one character repeated")]
    AllSame,
    /// A plain run up or down, such as `123456` or `654321`.
    #[error("a PIN must not be a simple sequence such as 123456 or 654321")]
    Sequence,
}

/// A meting's X25519 public key: what a response is sealed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey([u8; KEY_LEN]);

impl PublicKey {
    /// The 32 key bytes.
    pub fn to_bytes(&self) -> [u8; PUBLIC_KEY_LEN] {
        self.0
    }

    /// Reads 32 key bytes, refusing keys of small order ([`SealError::UnusableKey`]).
    pub fn from_bytes(bytes: [u8; PUBLIC_KEY_LEN]) -> Result<Self, SealError> {
        // The same test libsodium makes: a multiple of the cofactor times a small-order
        // point is the identity, whose u-coordinate is 0; for any other point it is not.
        let probe = MontgomeryPoint(bytes).mul_clamped([1; KEY_LEN]);
        if probe == MontgomeryPoint([0; KEY_LEN]) {
            return Err(SealError::UnusableKey);
        }
        Ok(PublicKey(bytes))
    }

    /// The key as 64 lowercase hexadecimal characters, for the invitation link.
    pub fn to_text(&self) -> String {
        hex::encode(&self.0)
    }

    /// Reads [`PublicKey::to_text`] back (upper case allowed, surrounding white space
    /// ignored): [`SealError::BadKeyText`] unless it is 64 hexadecimal characters.
    pub fn from_text(text: &str) -> Result<Self, SealError> {
        let bytes = hex::decode(text.trim()).ok_or(SealError::BadKeyText)?;
        let bytes: [u8; KEY_LEN] = bytes.try_into().map_err(|_| SealError::BadKeyText)?;
        Self::from_bytes(bytes)
    }

    fn to_box_key(self) -> crypto_box::PublicKey {
        crypto_box::PublicKey::from_bytes(self.0)
    }
}

/// A meting's key pair. The secret half never leaves this type except encrypted, through
/// [`wrap`]; its `Debug` form shows only the public key.
#[derive(Clone)]
pub struct KeyPair {
    secret: crypto_box::SecretKey,
    public: PublicKey,
}

impl KeyPair {
    /// The key pair whose X25519 secret key is `seed`: it must be 32 fresh random bytes.
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let secret = crypto_box::SecretKey::from_bytes(seed);
        let public = PublicKey(secret.public_key().to_bytes());
        KeyPair { secret, public }
    }

    /// The public half, to put in the invitation link.
    pub fn public(&self) -> PublicKey {
        self.public
    }
}

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyPair").field("public", &self.public).finish_non_exhaustive()
    }
}

/// Seals `plaintext` to a meting's public key (format above). `seed` must be 32 fresh
/// random bytes for every call: it becomes the one-time sender key.
pub fn seal(public: &PublicKey, plaintext: &[u8], seed: [u8; 32]) -> Vec<u8> {
    let mut rng = ChaCha20Rng::from_seed(seed);
    let mut sealed = Vec::with_capacity(SEAL_OVERHEAD + plaintext.len());
    sealed.push(SEAL_VERSION);
    // XSalsa20-Poly1305 fails only when given associated data, which sealing never passes
    // (or past 256 GiB of plaintext); the empty fallback would then fail to open.
    sealed.extend(public.to_box_key().seal(&mut rng, plaintext).unwrap_or_default());
    sealed
}

/// Opens a response sealed to `keys`. Empty, truncated, changed, or foreign data gives an
/// error, never a panic.
pub fn open(keys: &KeyPair, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
    let Some((&version, body)) = sealed.split_first() else {
        return Err(SealError::TooShort);
    };
    if version != SEAL_VERSION {
        return Err(SealError::UnknownVersion(version));
    }
    if body.len() < KEY_LEN + TAG_LEN {
        return Err(SealError::TooShort);
    }
    keys.secret.unseal(body).map_err(|_| SealError::CannotOpen)
}

/// A meting's key pair, encrypted under a staff PIN (format above).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    iterations: u32,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    public: PublicKey,
    ciphertext: [u8; KEY_LEN],
    tag: [u8; TAG_LEN],
}

impl WrappedKey {
    /// The public key of the wrapped pair: readable without the PIN.
    pub fn public(&self) -> PublicKey {
        self.public
    }

    /// The PBKDF2 iteration count the key is wrapped with.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The [`WRAPPED_LEN`] bytes to store.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = self.header().to_vec();
        bytes.extend_from_slice(&self.ciphertext);
        bytes.extend_from_slice(&self.tag);
        bytes
    }

    /// Reads stored bytes back, refusing other versions and lengths, iteration counts
    /// below [`MIN_STORED_ITERATIONS`] ([`SealError::WeakKey`]) and unusable public keys.
    /// The PIN is checked only by [`unwrap_key`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SealError> {
        let Some((&version, _)) = bytes.split_first() else {
            return Err(SealError::TooShort);
        };
        if version != WRAP_VERSION {
            return Err(SealError::UnknownVersion(version));
        }
        if bytes.len() > WRAPPED_LEN {
            return Err(SealError::TooLong);
        }
        let (_, rest) = split::<1>(bytes)?;
        let (iterations, rest) = split::<4>(rest)?;
        let (salt, rest) = split::<SALT_LEN>(rest)?;
        let (nonce, rest) = split::<NONCE_LEN>(rest)?;
        let (public, rest) = split::<KEY_LEN>(rest)?;
        let (ciphertext, rest) = split::<KEY_LEN>(rest)?;
        let (tag, _) = split::<TAG_LEN>(rest)?;
        let iterations = u32::from_be_bytes(iterations);
        if iterations < MIN_STORED_ITERATIONS {
            return Err(SealError::WeakKey(iterations));
        }
        let public = PublicKey::from_bytes(public).map_err(|_| SealError::Damaged)?;
        Ok(WrappedKey { iterations, salt, nonce, public, ciphertext, tag })
    }

    /// The first bytes of the format: the associated data of the encryption.
    fn header(&self) -> [u8; HEADER_LEN] {
        let mut header = [0; HEADER_LEN];
        let parts: [&[u8]; 5] = [
            &[WRAP_VERSION],
            &self.iterations.to_be_bytes(),
            &self.salt,
            &self.nonce,
            &self.public.0,
        ];
        let mut at = 0;
        for part in parts {
            if let Some(slot) = header.get_mut(at..at + part.len()) {
                slot.copy_from_slice(part);
            }
            at += part.len();
        }
        header
    }
}

/// The first `N` bytes of `bytes` as an array, and the rest.
fn split<const N: usize>(bytes: &[u8]) -> Result<([u8; N], &[u8]), SealError> {
    let (head, rest) = bytes.split_at_checked(N).ok_or(SealError::TooShort)?;
    let head = head.try_into().map_err(|_| SealError::TooShort)?;
    Ok((head, rest))
}

/// The AES-256-GCM cipher for a PIN: PBKDF2-HMAC-SHA256 with the salt and count.
fn pin_cipher(pin: &str, salt: &[u8; SALT_LEN], iterations: u32) -> Aes256Gcm {
    let mut key = [0; KEY_LEN];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, iterations, &mut key);
    let cipher = Aes256Gcm::new(&key.into());
    key.zeroize();
    cipher
}

/// Encrypts the key pair under `pin`. `salt` and `nonce` must be fresh random bytes;
/// `iterations` is [`DEFAULT_ITERATIONS`] for real keys (0 counts as 1; stored keys need
/// at least [`MIN_STORED_ITERATIONS`] to be read back with [`WrappedKey::from_bytes`]).
/// Check the PIN with [`check_pin`] first.
pub fn wrap(
    keys: &KeyPair,
    pin: &str,
    salt: [u8; 16],
    nonce: [u8; 12],
    iterations: u32,
) -> WrappedKey {
    let mut wrapped = WrappedKey {
        iterations: iterations.max(1),
        salt,
        nonce,
        public: keys.public,
        ciphertext: keys.secret.to_bytes(),
        tag: [0; TAG_LEN],
    };
    let cipher = pin_cipher(pin, &salt, wrapped.iterations);
    let header = wrapped.header();
    match cipher.encrypt_in_place_detached(
        Nonce::from_slice(&nonce),
        &header,
        &mut wrapped.ciphertext,
    ) {
        Ok(tag) => wrapped.tag = tag.into(),
        // AES-GCM fails only past 64 GiB of plaintext, and this is 32 bytes. Should it
        // ever fail, the secret is wiped rather than stored in the clear: the wrap then
        // never opens.
        Err(_) => wrapped.ciphertext.zeroize(),
    }
    wrapped
}

/// Decrypts a wrapped key pair with `pin`: [`SealError::WrongPin`] if the PIN is not the
/// one it was wrapped with (or the wrapped key was changed).
pub fn unwrap_key(wrapped: &WrappedKey, pin: &str) -> Result<KeyPair, SealError> {
    let cipher = pin_cipher(pin, &wrapped.salt, wrapped.iterations.max(1));
    let mut secret = wrapped.ciphertext;
    let opened = cipher.decrypt_in_place_detached(
        Nonce::from_slice(&wrapped.nonce),
        &wrapped.header(),
        &mut secret,
        &wrapped.tag.into(),
    );
    if opened.is_err() {
        return Err(SealError::WrongPin);
    }
    let keys = KeyPair::from_seed(secret);
    secret.zeroize();
    if keys.public != wrapped.public {
        return Err(SealError::Damaged);
    }
    Ok(keys)
}

/// Checks a new PIN against the policy: at least [`MIN_PIN_LEN`] characters, not one
/// character repeated, not a plain run up or down.
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
