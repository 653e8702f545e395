//! How large a file the app opens may be. Each kind of file has a limit well above any
//! real file of that kind; a larger file is refused by its size alone, before a single
//! byte is read, so a wrong pick (a video, a disk image) never fills the memory of a
//! school laptop.

/// What a file the user opens is meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A response file (`.spiegel`) or a single envelope.
    Responses,
    /// A photo or screenshot of QR codes.
    Photo,
    /// An own vragenlijst (JSON).
    Instrument,
    /// An export read back (JSON).
    Export,
    /// A backup of a meting.
    Backup,
}

impl FileKind {
    /// The most bytes a file of this kind may have.
    ///
    /// - responses: 32 MiB (10,000 staff responses take about 15 MiB);
    /// - photos: 25 MiB (a 48-megapixel phone photo is about 12 MiB);
    /// - vragenlijsten: 2 MiB (the built-in staff vragenlijst is about 0.1 MiB);
    /// - exports: 96 MiB (20,000 student responses with every option take 24 MiB);
    /// - backups: 128 MiB (20,000 full staff responses take about 40 MiB).
    pub const fn max_bytes(self) -> u64 {
        const MIB: u64 = 1024 * 1024;
        match self {
            FileKind::Responses => 32 * MIB,
            FileKind::Photo => 25 * MIB,
            FileKind::Instrument => 2 * MIB,
            FileKind::Export => 96 * MIB,
            FileKind::Backup => 128 * MIB,
        }
    }
}

/// A file refused for its size, with what the user needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the file is {size} bytes; at most {limit} bytes can be opened here")]
pub struct TooLarge {
    /// The file's size in bytes.
    pub size: u64,
    /// The limit for its kind.
    pub limit: u64,
}

/// Checks a file's size (as the browser reports it, before reading) against its kind's
/// limit. A size that is not a finite, non-negative whole number is refused too.
pub fn check_size(kind: FileKind, size: f64) -> Result<(), TooLarge> {
    let limit = kind.max_bytes();
    // A file size is a whole number of bytes below 2^53; anything else is not a file.
    if !(size.is_finite() && size >= 0.0 && size.fract() == 0.0) {
        return Err(TooLarge { size: u64::MAX, limit });
    }
    let size = size as u64;
    if size > limit {
        return Err(TooLarge { size, limit });
    }
    Ok(())
}

/// A size in words a teacher reads: `12,3 MB` / `12.3 MB`.
pub fn megabytes(bytes: u64, decimal_comma: bool) -> String {
    let tenths = (bytes.saturating_mul(10) + 524_288) / 1_048_576;
    let text = format!("{}.{} MB", tenths / 10, tenths % 10);
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}
