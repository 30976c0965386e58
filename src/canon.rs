//! Canonical byte encoding for hashing. Course content hashes and completion-record hashes are
//! SHA-256 over bytes written by this encoder, never over RON text: the same value has many RON
//! spellings, and ron's output may change between versions.
//!
//! The encoding: a domain tag (its bytes, ending in NUL) first, then each field in an order the
//! caller fixes. Integers are fixed-width big-endian; a `bool` is one byte 0 or 1; a string is
//! its UTF-8 length as a `u32` followed by its bytes; an optional value is a byte 0 (absent) or
//! 1 followed by the value; a list is its length as a `u32` followed by its items.

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Digest32 = [u8; 32];

/// Feeds canonically encoded fields into SHA-256.
pub struct CanonHasher {
    hasher: Sha256,
}

impl CanonHasher {
    /// Starts a hash with a domain tag such as `"bevidst-course-v1\0"`.
    pub fn new(domain: &[u8]) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(domain);
        Self { hasher }
    }

    /// Adds one byte.
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.hasher.update([v]);
        self
    }

    /// Adds a `u32`, big-endian.
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.hasher.update(v.to_be_bytes());
        self
    }

    /// Adds a `u64`, big-endian.
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.hasher.update(v.to_be_bytes());
        self
    }

    /// Adds a `bool` as one byte.
    pub fn bool(&mut self, v: bool) -> &mut Self {
        self.u8(u8::from(v))
    }

    /// Adds a length or count as a `u32`. Lengths above `u32::MAX` cannot occur in this
    /// program's inputs (files are limited to a few MiB), so they saturate.
    pub fn len(&mut self, n: usize) -> &mut Self {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Adds a string, length-prefixed.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.len(s.len());
        self.hasher.update(s.as_bytes());
        self
    }

    /// Adds raw bytes of a fixed, known width (such as another digest).
    pub fn fixed(&mut self, bytes: &[u8]) -> &mut Self {
        self.hasher.update(bytes);
        self
    }

    /// Adds an optional string: 0, or 1 followed by the string.
    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            None => self.u8(0),
            Some(s) => self.u8(1).str(s),
        }
    }

    /// Finishes the hash.
    pub fn finish(self) -> Digest32 {
        self.hasher.finalize().into()
    }
}

/// Lower-case hex of a digest. A table lookup, not `format!` per byte: every record line
/// carries three digests, so this runs millions of times in a report.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    push_hex(&mut s, bytes);
    s
}

/// Appends `bytes` in lowercase hex to `s` (for text written in bulk, without a string per
/// value).
pub fn push_hex(s: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

/// Parses 64 hex digits into a digest.
pub fn parse_hex32(s: &str) -> Option<Digest32> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_prefix_separates_fields() {
        let mut a = CanonHasher::new(b"t\0");
        a.str("ab").str("c");
        let mut b = CanonHasher::new(b"t\0");
        b.str("a").str("bc");
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn hex_is_lower_case_two_digits_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }

    #[test]
    fn hex_round_trips() {
        let d = CanonHasher::new(b"x\0").finish();
        assert_eq!(parse_hex32(&hex(&d)), Some(d));
        assert_eq!(parse_hex32("zz"), None);
        assert_eq!(parse_hex32(&"g".repeat(64)), None);
    }
}
