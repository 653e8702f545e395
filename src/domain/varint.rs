//! Unsigned LEB128 varints and zigzag, as the response payload ([`super::payload`]) and
//! the checked form of a vragenlijst ([`super::instrument::checked`]) write numbers: 7
//! bits per byte, lowest first, the high bit set on every byte but the last; as few bytes
//! as possible, and at most 64 bits. Signed numbers are zigzag-encoded first (0, −1, 1,
//! −2, … as 0, 1, 2, 3, …).

/// Why bytes are not a varint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarintError {
    /// The bytes ended before the last byte of the varint.
    Truncated,
    /// The value needs more than 64 bits.
    Overflow,
    /// The varint uses more bytes than it needs.
    Overlong,
}

/// Appends `value` as a varint.
pub fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Bytes `value` takes as a varint.
pub fn len(value: u64) -> usize {
    let bits = 64 - value.leading_zeros() as usize;
    bits.saturating_sub(1) / 7 + 1
}

/// Reads a varint off the front of `rest`, which then holds what follows it.
pub fn take(rest: &mut &[u8]) -> Result<u64, VarintError> {
    let mut value = 0u64;
    let mut shift = 0u32;
    loop {
        let (&byte, after) = rest.split_first().ok_or(VarintError::Truncated)?;
        *rest = after;
        let low = u64::from(byte & 0x7f);
        if shift == 63 && low > 1 {
            return Err(VarintError::Overflow);
        }
        value |= low << shift;
        if byte & 0x80 == 0 {
            if byte == 0 && shift > 0 {
                return Err(VarintError::Overlong);
            }
            return Ok(value);
        }
        shift += 7;
        if shift > 63 {
            return Err(VarintError::Overflow);
        }
    }
}

/// Zigzag: 0, −1, 1, −2, … as 0, 1, 2, 3, …
pub fn zigzag(n: i64) -> u64 {
    // Reinterpreting the bits is the point here.
    ((n << 1) ^ (n >> 63)) as u64
}

/// The inverse of [`zigzag`].
pub fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}
