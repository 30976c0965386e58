//! The report's cache, kept beside its anchor file (`anchors.cache` beside `anchors.txt`):
//! for each log it read in full and found clean, what that log added to the aggregation, so
//! that the next run takes it from here instead of reading and verifying the log again.
//!
//! The cache is an optimisation, never a source of truth:
//! - an entry is used whole only for a file whose identity is unchanged (size, modification
//!   time, and on Unix also the device, inode and status-change time: a log copied anew into
//!   the collection is a new file), which alone makes up its installation (no copies or
//!   conflicts), whose anchor is still the head the entry ends at, and whose records all lie
//!   before the report's moment; everything else is read as if there were no cache, except:
//! - a log that has grown (its identity changed, as it does when the learner's program copies
//!   it anew) is taken on from where its entry ends when its first bytes are the entry's:
//!   the entry keeps the length of the file it was made from and the SHA-256 of exactly those
//!   bytes ([`VerifiedBytes`]). The report hashes that many bytes at the file's start in one
//!   stream and, if the digest is equal, takes the entry's aggregation and verifies and admits
//!   only the lines after them, going on with the chain from the entry's head, with the same
//!   checks as a full read. Anything else (a different start, a shorter file, a bad or
//!   refused new line, an employee id that changes, xAPI output) is read in full, so every
//!   message is worded as without a cache.
//!
//!   Why this is safe: an entry is only made for a log read in full and found clean, and its
//!   digest is taken over the very bytes that read verified. Equal SHA-256 means the same
//!   bytes (a collision is not known to be possible to find), so the start of the grown file
//!   is byte for byte the log that was verified then, and a full read of it now would find
//!   the same records, the same chain up to the same head, and add the same to the
//!   aggregation (the entry is only used with the same course index, program, quarter and
//!   anchor, and for records before the report's moment, as for a whole entry). What follows
//!   the head is verified now, link by link from that head, exactly as a full read would.
//! - only logs that were counted whole, with no problem of any kind, get an entry, and only
//!   when the file was last changed well before the run began (a change within the same tick
//!   of the file system's clock could otherwise go unseen: git's "racily clean" rule);
//! - the whole cache is used only with the course set, the remembered module versions, the
//!   program version and the cache format it was made with (its fingerprint);
//! - a cache that cannot be read, or whose checksum does not match, is ignored with a note,
//!   and made afresh. Deleting it gives the same report, only slower.
//!
//! The cache also keeps the report small while it is made: a learner alone in an entry (one log
//! that names them only) waits there instead of in memory ([`Spilled`]), from the last run's
//! file or the one being written, and is read back a batch at a time when the report is made
//! ([`SpillReader`]). A learner that does not read back makes the run start again without the
//! cache, so the cache is still never needed for a right report. Opening the cache reads every
//! entry anyway (for its checksum), so what reusing the entry of one learner alone needs is
//! taken then, and reusing it reads nothing more.
//!
//! # Format (version 4: the verified bytes' length and digest in every entry)
//!
//! The bytes `bevidst-report-cache\0`, the format version (`u32`, little-endian), the
//! fingerprint (32 bytes) and the second the run that wrote it began (`i64`). Then entries,
//! each its length (`u32`) and its bytes ([`codec`]: the file's path relative to the
//! collection, its identity, installation, head and latest finish, then the length and
//! SHA-256 of the bytes it was made from and the employee id of its records, then its
//! aggregation). Then
//! `u32::MAX`, the number of entries (`u64`) and SHA-256 over everything before it.

mod bytes;
mod close;
mod codec;
mod file;
mod fingerprint;
mod identity;
mod note;
mod spill;
#[cfg(test)]
mod tests;
mod verified;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use self::codec::{Head, Reader, Writer};
pub use self::file::Damage;
use self::file::{New, Old, Ready};
pub use self::fingerprint::fingerprint;
pub use self::identity::FileId;
pub use self::note::CacheNote;
pub use self::spill::{EntryRef, SpillReader, Spilled, id_hash};
pub use self::verified::{Hashing, VerifiedBytes};
use super::aggregate::{Aggregator, Names};
use crate::canon::Digest32;
use crate::record::InstallationId;

const MAGIC: &[u8] = b"bevidst-report-cache\0";
const FORMAT: u32 = 4;
/// How long before a run a file must have last changed for its entry to be kept: more than
/// any file system's clock tick (FAT's two seconds is the coarsest).
const RACY_SECONDS: i64 = 3;
/// The largest entry read back (a log's aggregation is a few KiB).
const MAX_ENTRY_BYTES: u32 = 16 * 1024 * 1024;

/// The cache of a report run: the entries of the last run to take from, and the new cache
/// being written for the next run.
pub struct ReportCache {
    path: PathBuf,
    /// The second this run began.
    started: i64,
    old: Option<Old>,
    new: Mutex<Option<New>>,
    note: Mutex<Option<CacheNote>>,
    reused: AtomicU64,
    /// Logs that had grown, taken from their entries and only their new lines read.
    grown: AtomicU64,
    /// Where the reused entries are in the old file: they are copied over at the end, unless
    /// nothing changed and the old file simply stays.
    carried: Mutex<Vec<(u64, u32)>>,
    /// How many entries were reused (the list above is emptied once they are copied over).
    carried_count: AtomicU64,
    /// Entries written fresh.
    fresh: AtomicU64,
}

/// What a cache entry knows about the file it describes, for reusing it (kept for every
/// file while the collection is read: only what reusing it needs).
pub struct Cached {
    offset: u64,
    len: u32,
    installation: InstallationId,
    last: (u64, Digest32),
    /// Whether the file's identity is still the entry's.
    pub fit: Fit,
    /// What reusing it needs, when it is the entry of one learner alone.
    ready: Option<Ready>,
}

/// How a file's identity compares with its entry's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The same file, unchanged: the entry stands for all of it.
    Unchanged,
    /// Changed since: the entry may stand for its start ([`ReportCache::resumable`]).
    Changed,
}

impl Cached {
    /// The installation of the file when the entry was made.
    pub fn installation(&self) -> InstallationId {
        self.installation
    }

    /// The last record's sequence number and hash.
    pub fn head(&self) -> (u64, Digest32) {
        self.last
    }
}

/// The entry of a file that changed since it was made, read back: what it knows of the bytes
/// it was made from, and its aggregation, to be taken once the file's start is found to be
/// those bytes ([`ReportCache::take_grown`]).
pub struct Resumable {
    bytes: Vec<u8>,
    body_at: usize,
    verified: VerifiedBytes,
    latest: u64,
}

impl Resumable {
    /// What the entry knows of the bytes it was made from.
    pub fn verified(&self) -> &VerifiedBytes {
        &self.verified
    }

    /// The latest finish time among the records it counted.
    pub fn latest(&self) -> u64 {
        self.latest
    }
}

/// The cache's file beside an anchor file.
pub fn cache_path(anchors: &Path) -> PathBuf {
    anchors.with_extension("cache")
}

impl ReportCache {
    /// Opens the cache at `path` for a run that began at `started` (UTC seconds) with a
    /// course index of this `fingerprint`. A cache that cannot be used is noted
    /// ([`ReportCache::note`]) and left out; a new one is started either way.
    pub fn open(path: &Path, fingerprint: Digest32, started: i64) -> ReportCache {
        let old = match Old::load(path, fingerprint) {
            Ok(old) => old.map(Ok),
            Err(why) => Some(Err(why)),
        };
        let (old, note) = match old {
            Some(Err(why)) => (
                None,
                Some(CacheNote::Unusable {
                    path: path.to_path_buf(),
                    why,
                }),
            ),
            Some(Ok(old)) => (Some(old), None),
            None => (None, None),
        };
        ReportCache {
            path: path.to_path_buf(),
            started,
            old,
            new: Mutex::new(New::start(path, fingerprint, started).ok()),
            note: Mutex::new(note),
            reused: AtomicU64::new(0),
            grown: AtomicU64::new(0),
            carried: Mutex::new(Vec::new()),
            carried_count: AtomicU64::new(0),
            fresh: AtomicU64::new(0),
        }
    }

    /// How many logs were taken from the cache so far.
    pub fn reused(&self) -> u64 {
        self.reused.load(Ordering::Relaxed)
    }

    /// How many grown logs were taken from the cache, with only their new lines read, so far.
    pub fn grown(&self) -> u64 {
        self.grown.load(Ordering::Relaxed)
    }

    /// Why the last run's cache was not used, if it was there and unusable.
    pub fn note(&self) -> Option<CacheNote> {
        lock(&self.note).take()
    }

    /// The entry for the file at `relative` (to the collection folder), if its records all
    /// lie before `now`; whether the file's identity is still `id` is in its [`Fit`].
    pub fn lookup(&self, relative: &str, id: FileId, now: i64) -> Option<Cached> {
        let entries = self
            .old
            .as_ref()?
            .entries
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let i = entries.binary_search_by(|e| (*e.0).cmp(relative)).ok()?;
        let (_, offset, len, head, ready) = &entries[i];
        let (offset, len, head) = (*offset, *len, *head);
        let fit = if head.id == id.0 {
            Fit::Unchanged
        } else {
            Fit::Changed
        };
        let before_now = i64::try_from(head.latest).is_ok_and(|t| t <= now);
        before_now.then_some(Cached {
            offset,
            len,
            installation: head.installation,
            last: head.last,
            fit,
            ready: *ready,
        })
    }

    /// Lets go of the index of the last run's entries: every file has been looked up (and
    /// what reusing an entry needs is in its [`Cached`]). Later lookups find nothing.
    pub fn forget_index(&self) {
        if let Some(old) = &self.old {
            let mut entries = old
                .entries
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            *entries = Vec::new();
        }
    }

    /// Adds the entry's aggregation to `agg` and carries the entry over into the new cache.
    /// An entry of one learner alone adds its counts at once and its learner as
    /// [`Spilled`] (decoded when the report is made); any other is decoded here. Returns the
    /// log's head, or `None` (nothing added) when the entry cannot be read back.
    pub fn reuse(&self, cached: &Cached, agg: &mut Aggregator<'_>) -> Option<(u64, Digest32)> {
        let old = self.old.as_ref()?;
        if let Some(ready) = &cached.ready {
            // Read when the cache was opened: nothing more to read now.
            let modules = agg.index().modules.len();
            let from = usize::try_from(ready.firsts.0).ok()?;
            let firsts = old.firsts.get(from..from + usize::from(ready.firsts.1))?;
            if firsts.iter().any(|&(m, _)| m >= modules) {
                return None;
            }
            let (names, n) = ready.names;
            for &name in names.get(..usize::from(n))? {
                agg.forvaltning(old.names.get(usize::from(name))?);
            }
            agg.absorb(ready.counted, firsts, Vec::new());
            let (offset, len) = ready.body;
            agg.spilled.push(Spilled {
                id_hash: ready.id_hash,
                entry: EntryRef {
                    in_new: false,
                    offset,
                    len,
                },
            });
        } else {
            let (bytes, body_at, _, _) = self.entry(cached)?;
            let body = codec::read_body(&mut Reader(&bytes[body_at..]), agg)?;
            agg.absorb(body.counted, &body.firsts, body.learners);
        }
        lock(&self.carried).push((cached.offset, cached.len));
        self.carried_count.fetch_add(1, Ordering::Relaxed);
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(cached.last)
    }

    /// The entry of a file that changed since, read back to take the file on from where the
    /// entry ends: `None` when it cannot be read back.
    pub fn resumable(&self, cached: &Cached) -> Option<Resumable> {
        let (bytes, body_at, verified, head) = self.entry(cached)?;
        Some(Resumable {
            bytes,
            body_at,
            verified,
            latest: head.latest,
        })
    }

    /// Adds the aggregation of a grown log's entry to `agg` (which holds what its new lines
    /// added). Returns `None` (nothing added) when the entry's body cannot be read back.
    pub fn take_grown(&self, entry: &Resumable, agg: &mut Aggregator<'_>) -> Option<()> {
        let body = codec::read_body(&mut Reader(&entry.bytes[entry.body_at..]), agg)?;
        agg.absorb(body.counted, &body.firsts, body.learners);
        self.grown.fetch_add(1, Ordering::Relaxed);
        Some(())
    }

    /// An entry's bytes, where its body begins, what it knows of the bytes it was made from,
    /// and its head, when it reads back and still says what `cached` says.
    fn entry(&self, cached: &Cached) -> Option<(Vec<u8>, usize, VerifiedBytes, Head)> {
        let old = self.old.as_ref()?;
        let mut bytes = vec![0u8; usize::try_from(cached.len).ok()?];
        old.read_at(cached.offset, &mut bytes).ok()?;
        let mut r = Reader(&bytes);
        let (_, head) = codec::read_head(&mut r)?;
        if (head.installation, head.last) != (cached.installation, cached.last) {
            return None;
        }
        let verified = verified::read(&mut r)?;
        let body_at = bytes.len() - r.0.len();
        Some((bytes, body_at, verified, head))
    }

    /// Opens what the learners waiting in the cache ([`Spilled`]) are read back from; the
    /// cache being written is flushed for it first.
    pub fn spill_reader(&self) -> io::Result<SpillReader<'_>> {
        let new = match lock(&self.new).as_mut() {
            Some(n) => Some(n.reader()?),
            None => None,
        };
        Ok(SpillReader {
            old: self.old.as_ref(),
            new,
        })
    }

    /// Keeps what the clean log at `relative` (identity `id`, read and verified up to its
    /// end: `verified`) added, `agg`, for the next run: where its body is in the new cache, or
    /// `None` when it is left out (the file changed too close to this run to be sure of it).
    pub fn keep(
        &self,
        relative: &str,
        id: FileId,
        (installation, head, latest): (InstallationId, (u64, Digest32), u64),
        verified: &VerifiedBytes,
        (agg, names): (&Aggregator<'_>, &Names),
    ) -> Option<EntryRef> {
        if id.modified() >= self.started - RACY_SECONDS {
            return None;
        }
        let mut bytes = Vec::with_capacity(2048);
        let mut w = Writer(&mut bytes);
        let entry_head = Head {
            id: id.0,
            installation,
            last: head,
            latest,
        };
        codec::write_head(&mut w, relative, &entry_head);
        verified::write(&mut w, verified);
        let body_at = w.0.len();
        codec::write_body(&mut w, agg, names);
        let (offset, len) = self.append(&bytes)?;
        self.fresh.fetch_add(1, Ordering::Relaxed);
        Some(EntryRef {
            in_new: true,
            offset: offset + body_at as u64,
            len: len - u32::try_from(body_at).ok()?,
        })
    }

    /// Carries the entry of a grown log over into the new cache as it is, when no new entry
    /// was kept for the log: the next run takes the log on from it again.
    pub fn carry(&self, cached: &Cached) {
        lock(&self.carried).push((cached.offset, cached.len));
        self.carried_count.fetch_add(1, Ordering::Relaxed);
    }

    /// Appends an entry to the new cache; where it is, or `None` when the new cache cannot
    /// be written (it is then given up).
    fn append(&self, entry: &[u8]) -> Option<(u64, u32)> {
        let mut new = lock(&self.new);
        let at = new.as_mut()?.append(entry);
        if at.is_err() {
            *new = None;
        }
        at.ok()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A poisoned lock means another thread panicked mid-write; the cache is then only
    // incomplete, which its checksum or entry count will show next time.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
