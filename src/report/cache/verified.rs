//! The bytes a cache entry was made from: their length and SHA-256, taken while the log is
//! read ([`Hashing`]), and kept in the entry after its head. A log that has grown since is
//! then taken on from where its entry ends, once the same number of bytes at its start have
//! the same digest (see the module above for why that is safe).

use std::io::{self, BufRead, Read};

use sha2::{Digest as _, Sha256};

use super::codec::{Reader, Writer};
use crate::canon::Digest32;

/// What an entry knows of the bytes it was made from: their length and SHA-256 (the whole
/// file as it was read: header and every line), and the employee id of its records with the
/// line it first appears on (a log is clean only when that id never changes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedBytes {
    /// How many bytes were read and verified.
    pub len: u64,
    /// SHA-256 over exactly those bytes.
    pub digest: Digest32,
    /// The employee id of the log's records and the line of the first of them, if it has any.
    pub learner: Option<(String, u64)>,
}

pub(super) fn write(w: &mut Writer<'_>, v: &VerifiedBytes) {
    w.u(v.len);
    w.bytes(&v.digest);
    match &v.learner {
        None => w.u(0),
        Some((id, line)) => {
            w.u(1);
            w.str(id);
            w.u(*line);
        }
    }
}

pub(super) fn read(r: &mut Reader<'_>) -> Option<VerifiedBytes> {
    let len = r.u()?;
    let digest = r.array()?;
    let learner = match r.u()? {
        0 => None,
        1 => Some((r.str()?.to_owned(), r.u()?)),
        _ => return None,
    };
    Some(VerifiedBytes {
        len,
        digest,
        learner,
    })
}

/// A buffered reader that takes the SHA-256 of every byte its user consumes (not of what it
/// merely looked at): after a log is read to its end, the digest of the whole file.
pub struct Hashing<R> {
    inner: R,
    sha: Sha256,
    len: u64,
}

impl<R: BufRead> Hashing<R> {
    /// Hashes what is consumed of `inner` from here on.
    pub fn new(inner: R) -> Self {
        Hashing {
            inner,
            sha: Sha256::new(),
            len: 0,
        }
    }

    /// How many bytes were consumed.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing was consumed yet.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The SHA-256 of what was consumed so far (hashing goes on).
    pub fn digest(&self) -> Digest32 {
        self.sha.clone().finalize().into()
    }

    /// Consumes the first `len` bytes and says whether they are the ones `known` was taken
    /// of. In one stream, with no work per line; a file shorter than that is no match.
    pub fn starts_with(&mut self, known: &VerifiedBytes) -> io::Result<bool> {
        debug_assert!(self.is_empty(), "the prefix is the file's start");
        while self.len < known.len {
            let available = self.inner.fill_buf()?;
            if available.is_empty() {
                return Ok(false);
            }
            let left = usize::try_from(known.len - self.len).unwrap_or(usize::MAX);
            let take = available.len().min(left);
            self.consume(take);
        }
        Ok(self.digest() == known.digest)
    }
}

impl<R: BufRead> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.sha.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Hashing<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        // The bytes being consumed are the front of the buffer just filled: looking at them
        // again reads nothing. Should that fail, fewer bytes are counted than the verifier
        // accepted, and the entry is not kept (its length must be the verified length).
        if let Ok(available) = self.inner.fill_buf() {
            let n = amt.min(available.len());
            self.sha.update(&available[..n]);
            self.len += n as u64;
        }
        self.inner.consume(amt);
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead as _, BufReader};

    use sha2::{Digest as _, Sha256};

    use super::{Hashing, VerifiedBytes};

    const LOG: &[u8] = b"header\nfirst\nsecond\n";

    fn known(bytes: &[u8]) -> VerifiedBytes {
        VerifiedBytes {
            len: bytes.len() as u64,
            digest: Sha256::digest(bytes).into(),
            learner: None,
        }
    }

    /// A reader of `bytes` with a small buffer, so that lines straddle its refills.
    fn reader(bytes: &[u8]) -> Hashing<BufReader<&[u8]>> {
        Hashing::new(BufReader::with_capacity(4, bytes))
    }

    #[test]
    fn what_is_consumed_is_hashed_and_nothing_more() {
        let mut r = reader(LOG);
        let mut line = String::new();
        r.read_line(&mut line).expect("read");
        assert_eq!(line, "header\n");
        assert_eq!((r.len(), r.digest()), (7, known(b"header\n").digest));
        let _ = r.fill_buf().expect("looked at");
        assert_eq!(r.len(), 7, "looking is not consuming");
        let mut rest = Vec::new();
        std::io::Read::read_to_end(&mut r, &mut rest).expect("read");
        assert_eq!((r.len(), r.digest()), (LOG.len() as u64, known(LOG).digest));
    }

    #[test]
    fn a_file_starts_with_the_verified_bytes_only_when_they_are_the_same() {
        let grown = [LOG, b"third\n"].concat();
        let mut r = reader(&grown);
        assert!(r.starts_with(&known(LOG)).expect("read"));
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut r, &mut rest).expect("read");
        assert_eq!(rest, "third\n", "it goes on right after them");
        assert_eq!(r.digest(), known(&grown).digest);

        let mut edited = grown.clone();
        edited[8] = b'F';
        assert!(!reader(&edited).starts_with(&known(LOG)).expect("read"));
        let shorter = &LOG[..LOG.len() - 1];
        assert!(!reader(shorter).starts_with(&known(LOG)).expect("read"));
    }
}
