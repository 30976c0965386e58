//! Numbers and strings in a cache entry's bytes: unsigned LEB128, zig-zag for signed numbers,
//! strings as a length and UTF-8, and four little-endian bytes for the values that would take
//! five in LEB128 (finish times, hash prefixes); reading gives up as soon as anything does not
//! fit.

use crate::report::aggregate::Stamp;

/// Appends numbers and strings to a byte buffer.
pub(super) struct Writer<'b>(pub &'b mut Vec<u8>);

impl Writer<'_> {
    pub fn u(&mut self, mut v: u64) {
        loop {
            let byte = u8::try_from(v & 0x7f).unwrap_or(0);
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    pub fn i(&mut self, v: i64) {
        self.u(v.unsigned_abs() << 1 | u64::from(v < 0));
    }

    /// Four little-endian bytes.
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.u(s.len() as u64);
        self.bytes(s.as_bytes());
    }

    pub(super) fn stamp(&mut self, s: Option<Stamp>) {
        match s {
            None => self.u(0),
            Some((t, v)) => {
                self.u(1);
                self.u32(t);
                self.u(u64::from(v));
            }
        }
    }
}

/// Reads numbers and strings back; `None` as soon as anything does not fit.
pub(super) struct Reader<'b>(pub &'b [u8]);

impl<'b> Reader<'b> {
    #[inline]
    pub fn u(&mut self) -> Option<u64> {
        // Most numbers (counts, flags, marks, indices) are below 128: one byte.
        if let Some((&byte, rest)) = self.0.split_first()
            && byte & 0x80 == 0
        {
            self.0 = rest;
            return Some(u64::from(byte));
        }
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub fn i(&mut self) -> Option<i64> {
        let z = self.u()?;
        let magnitude = i64::try_from(z >> 1).ok()?;
        Some(if z & 1 == 1 { -magnitude } else { magnitude })
    }

    pub(super) fn small<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.u()?).ok()
    }

    pub fn bytes(&mut self, n: usize) -> Option<&'b [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    pub fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.bytes(N)?.try_into().ok()
    }

    /// Four little-endian bytes.
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    pub fn str(&mut self) -> Option<&'b str> {
        let n = self.small()?;
        std::str::from_utf8(self.bytes(n)?).ok()
    }

    /// A count of items that each take at least one byte: never more than the bytes left, so
    /// a damaged count cannot make a huge allocation.
    pub(super) fn count(&mut self) -> Option<usize> {
        self.small::<usize>().filter(|&n| n <= self.0.len())
    }

    /// An optional stamp into `into`; `None` when it does not read.
    pub(super) fn stamp(&mut self, into: &mut Option<Stamp>) -> Option<()> {
        *into = match self.u()? {
            0 => None,
            1 => Some((self.u32()?, self.small()?)),
            _ => return None,
        };
        Some(())
    }
}
