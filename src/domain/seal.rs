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
//! # Wrapped private key
//!
//! See [`keywrap`]: version 2 derives the wrapping key from a passphrase with Argon2id;
//! version 1 (a PIN through PBKDF2) is still read, so older metingen keep opening, and
//! is wrapped again as version 2 at the next unlock.
//!
//! # PIN policy
//!
//! [`check_pin`]: at least [`MIN_PIN_LEN`] characters, not one character repeated, and not
//! a plain run up or down (`123456`, `654321`, `abcdef`, and for digits also across
//! `9`–`0`, such as `890123`).

use curve25519_dalek::montgomery::MontgomeryPoint;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

use crate::domain::hex;

pub mod keywrap;

pub use keywrap::{
    check_pin, unwrap_key, wrap, wrap_with, Kdf, WrappedKey, DEFAULT_ITERATIONS, DEFAULT_KDF,
    MIN_PIN_LEN, MIN_STORED_ITERATIONS, WRAPPED_LEN, WRAP_VERSION,
};

/// The format version byte that starts every sealed response.
pub const SEAL_VERSION: u8 = 1;

/// How many bytes longer a sealed response is than its plaintext: version 1, one-time
/// public key 32, tag 16.
pub const SEAL_OVERHEAD: usize = 1 + KEY_LEN + TAG_LEN;

/// The length of a public key in bytes.
pub const PUBLIC_KEY_LEN: usize = KEY_LEN;

/// The length of a public key as text ([`PublicKey::to_text`]).
pub const PUBLIC_KEY_TEXT_LEN: usize = 2 * KEY_LEN;

pub(crate) const KEY_LEN: usize = 32;
const TAG_LEN: usize = 16;

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
    /// The passphrase (or PIN) does not open the wrapped key (or the wrapped key was
    /// changed).
    #[error("the passphrase is not right")]
    WrongPin,
    /// A stored wrapped key uses fewer than [`MIN_STORED_ITERATIONS`] iterations.
    #[error("the key is protected by too few PBKDF2 iterations ({0}; at least 100000)")]
    WeakKey(u32),
    /// A stored wrapped key uses Argon2id settings below the minimum
    /// ([`keywrap::MIN_ARGON2_MEMORY_KIB`], [`keywrap::MIN_ARGON2_PASSES`]).
    #[error("the key is protected by too weak Argon2id settings")]
    WeakKdf,
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
