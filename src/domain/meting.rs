//! A *meting*: one administration of one vragenlijst for one team or class, and the
//! invitation that lets students and staff answer it.
//!
//! A meting is made on the team device. It has a random [`MetingId`], the instrument it
//! uses, a label for the team's own use (it never leaves the device), coarse context
//! (opleidingsdomein, niveau, leerweg) and an X25519 key pair whose secret half is only
//! ever stored wrapped under a staff PIN ([`crate::domain::seal`]).
//!
//! # Invitation
//!
//! The invitation is a link whose URL *fragment* (the part after `#`, which browsers never
//! send to a server) carries what a student's device needs to answer and seal:
//!
//! `#m=<meting id>&i=<instrument id>&v=<instrument version>&k=<public key>[&n=<niveau>][&l=<leerweg>][&kiosk=1]&c=<checksum>`
//!
//! - `m`: the meting id, 16 lowercase hexadecimal characters;
//! - `i`, `v`: the instrument id and version, percent-encoded where needed;
//! - `k`: the public key, 64 hexadecimal characters ([`PublicKey::to_text`]);
//! - `n`, `l`: the niveau and leerweg the team set for the meting (one of [`NIVEAUS`],
//!   [`LEERWEGEN`]), absent when left open. Items marked `from_context` are then answered
//!   by them and not asked ([`Context::answers`]);
//! - `kiosk=1`: this device is shared; after each submit it is wiped for the next student;
//! - `c`: always last, the CRC-32 of every character before `&c=`, as 8 lowercase
//!   hexadecimal characters. A CRC-32 catches every change of one character (and every
//!   change within 4 bytes in a row), so a link damaged in copying or typing is refused
//!   before the first question instead of ending in a response the team cannot open.
//!
//! Links made before the checksum existed (no `c`) still work, but only in the shape that
//! version wrote: known parameters, each once, `kiosk` only as `kiosk=1`. A link that lost
//! or broke its `c=` part therefore never passes as an old link: whatever is left over is
//! an unknown parameter or a malformed value. With a checksum, parameters a later version
//! adds are allowed (the checksum covers them). Any problem gives an [`InvitationError`]
//! that names it.

use std::collections::BTreeMap;

use crate::domain::answer::Answer;
use crate::domain::checksum;
use crate::domain::hex;
use crate::domain::instrument::{ContentHash, ContextKey, Instrument, ItemKind};
use crate::domain::passphrase::{self, PassphraseProblem};
use crate::domain::seal::{self, Kdf, KeyPair, PinProblem, PublicKey, SealError, WrappedKey};

/// Bytes of a meting id.
pub const METING_ID_LEN: usize = 8;
/// Longest label, in characters.
pub const MAX_LABEL: usize = 60;

/// The seventeen mbo opleidingsdomeinen (codes), and `anders` for a team that spans
/// several. Labels are in the UI.
pub const DOMEINEN: [&str; 18] = [
    "afbouw_hout_onderhoud",
    "bouw_infra",
    "economie_administratie",
    "entree",
    "handel_ondernemerschap",
    "horeca_bakkerij",
    "ict",
    "media_vormgeving",
    "mobiliteit_voertuigen",
    "specialistisch_vakmanschap",
    "techniek_procesindustrie",
    "toerisme_recreatie",
    "transport_logistiek",
    "uiterlijke_verzorging",
    "veiligheid_sport",
    "voedsel_natuur_leefomgeving",
    "zorg_welzijn",
    "anders",
];

/// mbo niveaus (codes); `gemengd` for a team with several.
pub const NIVEAUS: [&str; 5] = ["1", "2", "3", "4", "gemengd"];

/// Leerwegen (codes): school-based, work-based, or both in one team.
pub const LEERWEGEN: [&str; 3] = ["bol", "bbl", "beide"];

/// A meting's random id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MetingId(pub [u8; METING_ID_LEN]);

impl MetingId {
    /// The id as 16 lowercase hexadecimal characters.
    pub fn to_text(&self) -> String {
        hex::encode(&self.0)
    }

    /// Reads [`MetingId::to_text`] back.
    pub fn from_text(text: &str) -> Option<MetingId> {
        let bytes = hex::decode(text)?;
        Some(MetingId(bytes.try_into().ok()?))
    }
}

/// Coarse context of the team, for comparing metingen and for researchers. Each field
/// is one of its list's codes, or `None` when the team leaves it open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// One of [`DOMEINEN`].
    pub domein: Option<String>,
    /// One of [`NIVEAUS`].
    pub niveau: Option<String>,
    /// One of [`LEERWEGEN`].
    pub leerweg: Option<String>,
}

impl Context {
    /// Checks every field against its list.
    pub fn check(&self) -> Result<(), MetingError> {
        let fits = |value: &Option<String>, list: &[&str]| {
            value.as_deref().is_none_or(|v| list.contains(&v))
        };
        if !fits(&self.domein, &DOMEINEN) {
            return Err(MetingError::UnknownContext("domein"));
        }
        if !fits(&self.niveau, &NIVEAUS) {
            return Err(MetingError::UnknownContext("niveau"));
        }
        if !fits(&self.leerweg, &LEERWEGEN) {
            return Err(MetingError::UnknownContext("leerweg"));
        }
        Ok(())
    }

    /// The answers this context gives to the items of `instrument` marked `from_context`,
    /// so those items are not asked ([`crate::domain::session::Session::preset`]).
    ///
    /// A value answers an item when the item has an option with that code (a single
    /// choice gets that code, a multiple choice that one pick). Leerweg `beide` answers a
    /// multiple choice with both `bol` and `bbl`. A value no option fits (niveau
    /// `gemengd` on a single choice of niveaus) answers nothing: the item is asked.
    pub fn answers(&self, instrument: &Instrument) -> BTreeMap<String, Answer> {
        let mut out = BTreeMap::new();
        for (_, item) in instrument.items() {
            let Some(key) = item.from_context else { continue };
            let value = match key {
                ContextKey::Niveau => self.niveau.as_deref(),
                ContextKey::Leerweg => self.leerweg.as_deref(),
            };
            let Some(value) = value else { continue };
            let (options, multiple) = match &item.kind {
                ItemKind::SingleChoice { options } => (options, false),
                ItemKind::MultipleChoice { options, .. } => (options, true),
                _ => continue,
            };
            let has = |code: &str| options.iter().any(|o| o.code == code);
            let answer = if has(value) {
                if multiple {
                    Answer::Choices(vec![value.to_string()])
                } else {
                    Answer::Choice(value.to_string())
                }
            } else if multiple && key == ContextKey::Leerweg && value == "beide" {
                if !(has("bol") && has("bbl")) {
                    continue;
                }
                Answer::Choices(vec!["bol".into(), "bbl".into()])
            } else {
                continue;
            };
            out.insert(item.id.clone(), answer);
        }
        out
    }
}

/// One administration of one vragenlijst for one team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meting {
    /// Random id; travels with every response.
    pub id: MetingId,
    /// The instrument answered.
    pub instrument: String,
    /// Its version.
    pub instrument_version: String,
    /// The content hash of that version: its responses are read only with exactly this
    /// content. `None` for a meting made before Spiegel recorded it (then the id and
    /// version decide; built-in versions never change).
    pub instrument_hash: Option<ContentHash>,
    /// The team's own name for it, e.g. "2B zorg, najaar". Stays on this device.
    pub label: String,
    /// Coarse context.
    pub context: Context,
    /// ISO week it was made, e.g. `2026-W48`.
    pub week: String,
    /// The key pair, wrapped under the staff PIN.
    pub key: WrappedKey,
}

/// Fresh random bytes for a new meting. Fill every field from a cryptographic generator.
#[derive(Debug, Clone, Copy)]
pub struct Seeds {
    /// The meting id.
    pub id: [u8; METING_ID_LEN],
    /// The key pair's secret.
    pub key: [u8; 32],
    /// The key derivation's salt.
    pub salt: [u8; 16],
    /// The AES-GCM nonce.
    pub nonce: [u8; 12],
}

/// What the team fills in to make a meting.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The team's label (trimmed; 1 to [`MAX_LABEL`] characters).
    pub label: String,
    /// Coarse context.
    pub context: Context,
    /// The secret: a passphrase ([`crate::domain::passphrase`]), or for a meting wrapped
    /// the old way (PBKDF2, tests of older data) a PIN.
    pub pin: String,
    /// The secret typed a second time.
    pub pin_again: String,
}

/// Why a meting cannot be made or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MetingError {
    /// The label is empty.
    #[error("give the meting a name")]
    NoLabel,
    /// The label is longer than [`MAX_LABEL`] characters.
    #[error("the name is longer than 60 characters")]
    LongLabel,
    /// A context field outside its list.
    #[error("unknown {0}")]
    UnknownContext(&'static str),
    /// The PIN does not meet the policy (metingen wrapped the old way).
    #[error(transparent)]
    Pin(#[from] PinProblem),
    /// The passphrase is too easy to guess.
    #[error(transparent)]
    Passphrase(#[from] PassphraseProblem),
    /// The two PINs differ.
    #[error("the two PINs are not the same")]
    PinsDiffer,
    /// A key pair that is not this meting's.
    #[error("these keys belong to another meting")]
    WrongKeys,
}

impl Meting {
    /// Makes a meting of `instrument` from the team's draft, with a key pair wrapped
    /// under the draft's secret with `kdf` ([`seal::DEFAULT_KDF`], Argon2id, for real
    /// metingen: the secret must then pass [`passphrase::check`]; a PBKDF2 iteration
    /// count makes an old-style PIN meting, for tests of older data). Returns the meting
    /// and its unwrapped key pair, so the team can start at once without typing it again.
    pub fn create(
        instrument: &Instrument,
        draft: &Draft,
        week: &str,
        seeds: Seeds,
        kdf: impl Into<Kdf>,
    ) -> Result<(Meting, KeyPair), MetingError> {
        let kdf = kdf.into();
        let label = draft.label.trim();
        if label.is_empty() {
            return Err(MetingError::NoLabel);
        }
        if label.chars().count() > MAX_LABEL {
            return Err(MetingError::LongLabel);
        }
        draft.context.check()?;
        match kdf {
            Kdf::Pbkdf2 { .. } => {
                seal::check_pin(&draft.pin)?;
                if draft.pin != draft.pin_again {
                    return Err(MetingError::PinsDiffer);
                }
            }
            Kdf::Argon2id { .. } => passphrase::check(&draft.pin, &draft.pin_again)?,
        }
        let keys = KeyPair::from_seed(seeds.key);
        let key = seal::wrap_with(&keys, &draft.pin, seeds.salt, seeds.nonce, kdf);
        let meting = Meting {
            id: MetingId(seeds.id),
            instrument: instrument.id.clone(),
            instrument_version: instrument.version.clone(),
            instrument_hash: Some(instrument.hash),
            label: label.to_string(),
            context: draft.context.clone(),
            week: week.to_string(),
            key,
        };
        Ok((meting, keys))
    }

    /// The public key responses are sealed to.
    pub fn public(&self) -> PublicKey {
        self.key.public()
    }

    /// Unlocks the key pair with the passphrase (or, for an older meting, the PIN):
    /// [`SealError::WrongPin`] otherwise.
    pub fn unlock(&self, pin: &str) -> Result<KeyPair, SealError> {
        seal::unwrap_key(&self.key, pin)
    }

    /// Wraps the unlocked key pair again under a new passphrase with `kdf` (the way an
    /// older PIN meting moves to a passphrase). The passphrase must pass
    /// [`passphrase::check`]; `keys` must be this meting's ([`SealError::Damaged`]
    /// otherwise). `salt` and `nonce` must be fresh random bytes.
    pub fn rewrap(
        &mut self,
        keys: &KeyPair,
        passphrase: &str,
        again: &str,
        salt: [u8; 16],
        nonce: [u8; 12],
        kdf: Kdf,
    ) -> Result<(), MetingError> {
        passphrase::check(passphrase, again)?;
        if keys.public() != self.public() {
            return Err(MetingError::WrongKeys);
        }
        self.key = seal::wrap_with(keys, passphrase, salt, nonce, kdf);
        Ok(())
    }

    /// The invitation for this meting; `kiosk` for a shared device.
    pub fn invitation(&self, kiosk: bool) -> Invitation {
        Invitation {
            meting: self.id,
            instrument: self.instrument.clone(),
            version: self.instrument_version.clone(),
            key: self.public(),
            context: Context { domein: None, ..self.context.clone() },
            kiosk,
        }
    }
}

/// What an invitation link tells a device: which meting, which vragenlijst, the key to
/// seal to, and whether the device is shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// The meting.
    pub meting: MetingId,
    /// The instrument id.
    pub instrument: String,
    /// The instrument version.
    pub version: String,
    /// The meting's public key.
    pub key: PublicKey,
    /// The niveau and leerweg the team set (never the domein: a student's device does
    /// not need it). Empty for a link made before these were carried.
    pub context: Context,
    /// A shared device in kiosk mode.
    pub kiosk: bool,
}

/// Why an invitation link cannot be read. Each names the part that is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvitationError {
    /// A parameter the invitation needs is not there.
    #[error("the link is incomplete: `{0}` is missing")]
    Missing(&'static str),
    /// A parameter is there but cannot be read.
    #[error("the link is damaged: `{0}` cannot be read")]
    Malformed(&'static str),
    /// A parameter comes twice.
    #[error("the link is damaged: `{0}` comes twice")]
    Twice(&'static str),
    /// A link without a checksum has a part the links of that time never had.
    #[error("the link is damaged: it has a part Spiegel does not know")]
    Unknown,
    /// The checksum does not match the rest of the link.
    #[error("the link is damaged: its checksum does not match")]
    Checksum,
}

/// The name of the checksum parameter; it always comes last.
const CHECKSUM: &str = "c";

/// The parameters a link without a checksum may hold (what Spiegel wrote before).
const KNOWN: [&str; 7] = ["m", "i", "v", "k", "n", "l", "kiosk"];

/// The checksum of the text before `&c=`: CRC-32, 8 lowercase hexadecimal characters.
fn checksum(text: &str) -> String {
    format!("{:08x}", checksum::crc32(text.as_bytes()))
}

impl Invitation {
    /// The URL fragment, without the leading `#`, ending in its checksum.
    pub fn to_fragment(&self) -> String {
        let mut text = format!(
            "m={}&i={}&v={}&k={}",
            self.meting.to_text(),
            escape(&self.instrument),
            escape(&self.version),
            self.key.to_text()
        );
        if let Some(n) = &self.context.niveau {
            text.push_str(&format!("&n={}", escape(n)));
        }
        if let Some(l) = &self.context.leerweg {
            text.push_str(&format!("&l={}", escape(l)));
        }
        if self.kiosk {
            text.push_str("&kiosk=1");
        }
        let sum = checksum(&text);
        text.push_str(&format!("&{CHECKSUM}={sum}"));
        text
    }

    /// Whether a fragment is meant as an invitation at all (it has one of the
    /// invitation's main parameters), so that a damaged one gets an error rather than
    /// being taken for the start screen. Any one change of a character keeps a link an
    /// invitation.
    pub fn is_invitation(fragment: &str) -> bool {
        params(fragment).any(|(name, _)| ["m", "i", "v", "k", CHECKSUM].contains(&name))
    }

    /// Reads a URL fragment, with or without the leading `#`.
    pub fn from_fragment(fragment: &str) -> Result<Invitation, InvitationError> {
        let text = fragment.trim_start_matches('#');
        if text.is_empty() {
            return Err(InvitationError::Missing("m"));
        }
        // Every part, empty ones too: Spiegel never writes `&&` or a trailing `&`.
        let all: Vec<(&str, &str)> =
            text.split('&').map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
        let checked = match all.iter().position(|(name, _)| *name == CHECKSUM) {
            Some(at) => {
                if all.iter().filter(|(name, _)| *name == CHECKSUM).count() > 1 {
                    return Err(InvitationError::Twice(CHECKSUM));
                }
                let sum = all[at].1;
                let hex = sum.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
                // The checksum covers what comes before it, so it must come last.
                if at + 1 != all.len() || sum.len() != 8 || !hex {
                    return Err(InvitationError::Malformed(CHECKSUM));
                }
                let covered = text.rsplit_once(&format!("&{CHECKSUM}=")).map(|(before, _)| before);
                if covered.map(checksum).as_deref() != Some(sum) {
                    return Err(InvitationError::Checksum);
                }
                true
            }
            None => false,
        };
        let (mut meting, mut instrument, mut version, mut key, mut kiosk) =
            (None, None, None, None, false);
        let mut context = Context::default();
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in all.iter().copied().filter(|(name, _)| *name != CHECKSUM) {
            let known = KNOWN.iter().find(|k| **k == name);
            match known {
                Some(k) if seen.contains(k) => return Err(InvitationError::Twice(k)),
                Some(k) => seen.push(k),
                None if checked => continue,
                None => return Err(InvitationError::Unknown),
            }
            match name {
                "m" => meting = Some(value),
                "i" => instrument = Some(value),
                "v" => version = Some(value),
                "k" => key = Some(value),
                "n" => context.niveau = Some(listed(value, &NIVEAUS, "n")?),
                "l" => context.leerweg = Some(listed(value, &LEERWEGEN, "l")?),
                _ if value == "1" => kiosk = true,
                _ => return Err(InvitationError::Malformed("kiosk")),
            }
        }
        let meting = meting.ok_or(InvitationError::Missing("m"))?;
        let meting = MetingId::from_text(meting).ok_or(InvitationError::Malformed("m"))?;
        let instrument = unescape(instrument.ok_or(InvitationError::Missing("i"))?)
            .filter(|s| !s.is_empty())
            .ok_or(InvitationError::Malformed("i"))?;
        let version = unescape(version.ok_or(InvitationError::Missing("v"))?)
            .filter(|s| !s.is_empty())
            .ok_or(InvitationError::Malformed("v"))?;
        let key = key.ok_or(InvitationError::Missing("k"))?;
        let key = PublicKey::from_text(key).map_err(|_| InvitationError::Malformed("k"))?;
        Ok(Invitation { meting, instrument, version, key, context, kiosk })
    }
}

/// `value` when it is one of `list`; otherwise the parameter `name` is malformed.
fn listed(value: &str, list: &[&str], name: &'static str) -> Result<String, InvitationError> {
    list.iter()
        .find(|v| **v == value)
        .map(|v| (*v).to_string())
        .ok_or(InvitationError::Malformed(name))
}

/// `name=value` pairs of a fragment.
fn params(fragment: &str) -> impl Iterator<Item = (&str, &str)> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// Percent-encodes everything but unreserved URL characters.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push_str(&hex::encode(&[byte]).to_ascii_uppercase());
        }
    }
    out
}

/// Reads [`escape`] back; `None` for a broken escape or bytes that are not UTF-8.
fn unescape(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let pair = tail.get(..2)?;
            bytes.extend(hex::decode(std::str::from_utf8(pair).ok()?)?);
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}
