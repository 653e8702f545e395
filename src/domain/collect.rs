//! Collecting responses on the team device: open each arriving envelope with the
//! meting's unlocked key, check it belongs here, count every response once, and say per
//! file or scan what happened, in plain words.
//!
//! A file is taken whole or not at all: if any envelope in it cannot be opened, nothing of
//! it is taken and the reason names that envelope. Responses already collected (by their
//! id, which is inside the seal) are counted as duplicates, not taken twice.

use std::collections::BTreeSet;

use crate::domain::envelope::{Envelope, EnvelopeError};
use crate::domain::instrument::Instrument;
use crate::domain::meting::Meting;
use crate::domain::payload::{self, PayloadError};
use crate::domain::response::Response;
use crate::domain::seal::{self, KeyPair};
use crate::domain::text::Lang;

/// A meting whose key the team has unlocked with the PIN, with its instrument.
#[derive(Debug, Clone, Copy)]
pub struct Unlocked<'a> {
    /// The meting.
    pub meting: &'a Meting,
    /// Its unwrapped key pair.
    pub keys: &'a KeyPair,
    /// The instrument it uses.
    pub instrument: &'a Instrument,
}

/// Why a file or scan was not taken. [`Refusal::message`] says it in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a Spiegel response file or code.
    NotSpiegel,
    /// Made by a newer Spiegel.
    NewerFormat,
    /// Damaged on the way (checksum, length).
    Damaged,
    /// A response file without responses.
    Empty,
    /// More than a file may hold.
    TooLarge,
    /// Sealed for another meting.
    OtherMeting,
    /// Claims this meting but does not open with its key: changed or forged.
    CannotOpen,
    /// Opened, but answers another version of the vragenlijst.
    OtherVersion,
    /// Opened, but the answers do not fit the vragenlijst.
    Invalid,
}

impl Refusal {
    /// The reason in plain words.
    pub fn message(self, lang: Lang) -> &'static str {
        use Refusal as R;
        match (self, lang) {
            (R::NotSpiegel, Lang::Nl) => "Dit is geen antwoordbestand van Spiegel.",
            (R::NotSpiegel, Lang::En) => "This is not a Spiegel response file.",
            (R::NewerFormat, Lang::Nl) => {
                "Dit bestand komt uit een nieuwere versie van Spiegel. Werk Spiegel bij op dit apparaat."
            }
            (R::NewerFormat, Lang::En) => {
                "This file comes from a newer version of Spiegel. Update Spiegel on this device."
            }
            (R::Damaged, Lang::Nl) => {
                "Het bestand is beschadigd. Vraag de student om het opnieuw te sturen."
            }
            (R::Damaged, Lang::En) => "The file is damaged. Ask the student to send it again.",
            (R::Empty, Lang::Nl) => "Er staan geen antwoorden in dit bestand.",
            (R::Empty, Lang::En) => "There are no responses in this file.",
            (R::TooLarge, Lang::Nl) => "Het bestand is te groot voor een antwoordbestand.",
            (R::TooLarge, Lang::En) => "The file is too large for a response file.",
            (R::OtherMeting, Lang::Nl) => "Dit antwoord hoort bij een andere meting.",
            (R::OtherMeting, Lang::En) => "This response belongs to another survey round.",
            (R::CannotOpen, Lang::Nl) => {
                "Dit antwoord gaat niet open met de sleutel van deze meting. Het is veranderd of nagemaakt."
            }
            (R::CannotOpen, Lang::En) => {
                "This response does not open with this survey round's key. It was changed or forged."
            }
            (R::OtherVersion, Lang::Nl) => {
                "Dit antwoord is gegeven op een andere versie van de vragenlijst."
            }
            (R::OtherVersion, Lang::En) => {
                "This response was given to another version of the questionnaire."
            }
            (R::Invalid, Lang::Nl) => "De antwoorden passen niet bij de vragenlijst.",
            (R::Invalid, Lang::En) => "The answers do not fit the questionnaire.",
        }
    }
}

impl From<EnvelopeError> for Refusal {
    fn from(e: EnvelopeError) -> Refusal {
        match e {
            EnvelopeError::NotSpiegel => Refusal::NotSpiegel,
            EnvelopeError::UnknownVersion(_) => Refusal::NewerFormat,
            EnvelopeError::Damaged | EnvelopeError::PartMismatch => Refusal::Damaged,
            EnvelopeError::Empty => Refusal::Empty,
            EnvelopeError::TooLarge => Refusal::TooLarge,
        }
    }
}

/// A response taken in, with the envelope to keep (still sealed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    /// The opened response.
    pub response: Response,
    /// The envelope's bytes, as stored.
    pub envelope: Vec<u8>,
}

/// What happened to one file or scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Read completely: the new responses, and how many were already there.
    Taken {
        /// Responses not seen before.
        new: Vec<Taken>,
        /// Responses already collected.
        duplicates: usize,
    },
    /// Nothing taken.
    Refused {
        /// Why.
        reason: Refusal,
        /// For a file with several responses: which one (from 1) and of how many.
        at: Option<(usize, usize)>,
        /// For [`Refusal::OtherMeting`]: the meting it belongs to, as text.
        meting: Option<String>,
    },
}

/// Opens one envelope for this meting.
pub fn open(unlocked: Unlocked<'_>, envelope: &Envelope) -> Result<Response, Refusal> {
    if envelope.meting != unlocked.meting.id {
        return Err(Refusal::OtherMeting);
    }
    let plain = seal::open(unlocked.keys, &envelope.sealed).map_err(|_| Refusal::CannotOpen)?;
    payload::decode(unlocked.instrument, &plain).map_err(|e| match e {
        PayloadError::OtherInstrument => Refusal::OtherVersion,
        _ => Refusal::Invalid,
    })
}

/// Takes in what one file or scan held (`read`, from
/// [`crate::domain::envelope::read_file`] or a scan), all or nothing. `known` holds the
/// ids of responses collected so far; the new ones are added to it.
pub fn take(
    unlocked: Unlocked<'_>,
    known: &mut BTreeSet<String>,
    read: Result<Vec<Envelope>, EnvelopeError>,
) -> Outcome {
    let envelopes = match read {
        Ok(envelopes) => envelopes,
        Err(e) => return Outcome::Refused { reason: e.into(), at: None, meting: None },
    };
    let total = envelopes.len();
    let mut new: Vec<Taken> = Vec::new();
    let mut duplicates = 0;
    for (n, envelope) in envelopes.iter().enumerate() {
        match open(unlocked, envelope) {
            Ok(response) => {
                let seen = known.contains(&response.id)
                    || new.iter().any(|t| t.response.id == response.id);
                if seen {
                    duplicates += 1;
                } else {
                    new.push(Taken { response, envelope: envelope.to_bytes() });
                }
            }
            Err(reason) => {
                return Outcome::Refused {
                    reason,
                    at: (total > 1).then_some((n + 1, total)),
                    meting: (reason == Refusal::OtherMeting).then(|| envelope.meting.to_text()),
                }
            }
        }
    }
    known.extend(new.iter().map(|t| t.response.id.clone()));
    Outcome::Taken { new, duplicates }
}
