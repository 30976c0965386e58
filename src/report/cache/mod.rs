//! The report's cache, kept beside its anchor file (`anchors.cache` beside `anchors.txt`):
//! for each log it read in full and found clean, what that log added to the aggregation, so
//! that the next run takes it from here instead of reading and verifying the log again.
//!
//! The cache is an optimisation, never a source of truth:
//! - an entry is used only for a file whose identity is unchanged (size, modification time,
//!   and on Unix also the device, inode and status-change time: a log copied anew into the
//!   collection is a new file), which alone makes up its installation (no copies or conflicts),
//!   whose anchor is still the head the entry ends at, and whose records all lie before the
//!   report's moment; everything else is read as if there were no cache;
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
//! cache, so the cache is still never needed for a right report.
//!
//! # Format (version 3: a standing attempt's answers only for the topics it asked about; times
//! and hash prefixes in four bytes)
//!
//! The bytes `bevidst-report-cache\0`, the format version (`u32`, little-endian), the
//! fingerprint (32 bytes) and the second the run that wrote it began (`i64`). Then entries,
//! each its length (`u32`) and its bytes ([`codec`]: the file's path relative to the
//! collection, its identity, installation, head and latest finish, then its aggregation). Then
//! `u32::MAX`, the number of entries (`u64`) and SHA-256 over everything before it.

mod codec;
mod file;
mod identity;
#[cfg(test)]
mod tests;

use std::fmt;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use self::codec::{Head, Reader, Writer};
pub use self::file::Damage;
use self::file::{New, Old};
pub use self::identity::FileId;
use std::sync::Arc;

use super::aggregate::{Aggregator, LearnerState, Names};
use crate::canon::{CanonHasher, Digest32};
use crate::lang::Lang;
use crate::message::{Bi, Bilingual, IoReason};
use crate::record::{self, InstallationId};
use crate::verdict::CourseIndex;

const MAGIC: &[u8] = b"bevidst-report-cache\0";
const FORMAT: u32 = 3;
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
    /// Where the reused entries are in the old file: they are copied over at the end, unless
    /// nothing changed and the old file simply stays.
    carried: Mutex<Vec<(u64, u32)>>,
    /// Entries written fresh.
    fresh: AtomicU64,
}

/// Where an entry's bytes are: in the last run's cache, or in the one this run is writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntryRef {
    in_new: bool,
    offset: u64,
    len: u32,
}

/// A learner whose state waits in the cache while the collection is read, instead of in
/// memory: the learner is alone in an entry (one log that holds them only), and their state is
/// decoded once, when the report is made ([`SpillReader`]). So the report holds a few bytes per
/// learner while it reads, not their whole state. `id_hash` finds the few learners that are in
/// more than one place (another log, or memory): they are taken into memory before the report
/// is made ([`crate::report::read`]).
#[derive(Debug, Clone, Copy)]
pub struct Spilled {
    /// [`id_hash`] of the learner's id.
    pub id_hash: u64,
    /// The entry that holds the learner.
    pub entry: EntryRef,
}

/// A learner id's hash, for finding the learners that are in more than one place (equal ids
/// give equal hashes; two ids with one hash are only taken into memory without need).
pub fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// What a cache entry knows about the file it describes, for reusing it (kept for every
/// file while the collection is read: only what reusing it needs).
pub struct Cached {
    offset: u64,
    len: u32,
    installation: InstallationId,
    last: (u64, Digest32),
}

impl Cached {
    /// The installation of the file.
    pub fn installation(&self) -> InstallationId {
        self.installation
    }

    /// The last record's sequence number and hash.
    pub fn head(&self) -> (u64, Digest32) {
        self.last
    }
}

/// Why the report's cache was not used or not saved. The report is complete and the same
/// either way; only the time it takes differs.
#[derive(Debug)]
pub enum CacheNote {
    /// The last run's cache could not be used; every log was read afresh.
    Unusable {
        /// The cache file.
        path: PathBuf,
        /// Why.
        why: Damage,
    },
    /// What the cache held for this run could not be read back while the report was made;
    /// the report was made again without it, and the next run makes it anew.
    ReadBack {
        /// The cache file.
        path: PathBuf,
    },
    /// The new cache could not be saved; the next run reads every log afresh.
    NotSaved {
        /// The cache file.
        path: PathBuf,
        /// Why.
        error: io::Error,
    },
}

impl Bilingual for CacheNote {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheNote::Unusable { path, why } => {
                let p = path.display();
                let why = match why {
                    Damage::Read(e) => IoReason(e).text(lang),
                    Damage::Garbled => Bi::new(
                        "den er afbrudt eller beskadiget",
                        "it is cut off or damaged",
                    )
                    .get(lang)
                    .to_owned(),
                };
                lang.write(
                    out,
                    format_args!(
                        "{p}: rapportens mellemlager kunne ikke bruges ({why}); alle logs er \
                         læst forfra, og mellemlageret er lavet på ny"
                    ),
                    format_args!(
                        "{p}: the report's cache could not be used ({why}); every log was read \
                         afresh, and the cache was made anew"
                    ),
                )
            }
            CacheNote::ReadBack { path } => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}: rapportens mellemlager kunne ikke læses tilbage under kørslen; \
                         rapporten er lavet igen uden det, og næste kørsel laver det på ny"
                    ),
                    format_args!(
                        "{p}: the report's cache could not be read back during the run; the \
                         report was made again without it, and the next run makes it anew"
                    ),
                )
            }
            CacheNote::NotSaved { path, error } => {
                let (p, why) = (path.display(), IoReason(error).text(lang));
                lang.write(
                    out,
                    format_args!(
                        "{p}: rapportens mellemlager kunne ikke gemmes ({why}); næste kørsel \
                         læser alle logs forfra"
                    ),
                    format_args!(
                        "{p}: the report's cache could not be saved ({why}); the next run reads \
                         every log afresh"
                    ),
                )
            }
        }
    }
}

crate::danish_display!(CacheNote);

/// The cache's file beside an anchor file.
pub fn cache_path(anchors: &Path) -> PathBuf {
    anchors.with_extension("cache")
}

/// What the cache entries depend on besides the logs themselves: the course index (modules,
/// versions, content hashes, questions and what the verdict knows of them, earlier versions),
/// the program that wrote them, and the last second of the quarter before the report's moment
/// (`before_until`: each entry keeps the schedule's facts as of then too, for the overview's
/// change since the quarter before, so a cache made in another quarter is not used).
pub fn fingerprint(index: &CourseIndex, before_until: i64) -> Digest32 {
    let mut h = CanonHasher::new(b"bevidst-report-cache-v1\0");
    h.str(record::PROGRAM_VERSION).u32(FORMAT);
    h.u64(before_until.cast_unsigned());
    h.len(index.modules.len());
    for m in &index.modules {
        h.str(&m.id)
            .u32(m.version)
            .fixed(&m.hash)
            .u32(m.every_months.unwrap_or(0))
            .u32(m.draw)
            .u32(m.pass_mark);
    }
    h.len(index.questions.len());
    for q in &index.questions {
        h.str(&q.id)
            .len(q.module)
            .u8(q.area.code())
            .u32(q.min_seconds)
            .len(q.goals.len());
        for g in &q.goals {
            h.u8(g.code());
        }
    }
    let known = index.known_versions();
    h.len(known.len());
    for (id, version, hash) in &known {
        h.str(id).u32(*version).fixed(hash);
    }
    h.finish()
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
            carried: Mutex::new(Vec::new()),
            fresh: AtomicU64::new(0),
        }
    }

    /// How many logs were taken from the cache so far.
    pub fn reused(&self) -> u64 {
        self.reused.load(Ordering::Relaxed)
    }

    /// Why the last run's cache was not used, if it was there and unusable.
    pub fn note(&self) -> Option<CacheNote> {
        lock(&self.note).take()
    }

    /// The entry for the file at `relative` (to the collection folder), if its identity is
    /// still `id` and its records all lie before `now`.
    pub fn lookup(&self, relative: &str, id: FileId, now: i64) -> Option<Cached> {
        let entries = self
            .old
            .as_ref()?
            .entries
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let i = entries.binary_search_by(|e| (*e.0).cmp(relative)).ok()?;
        let (_, offset, len, head) = entries[i];
        let fits = head.id == id.0 && i64::try_from(head.latest).is_ok_and(|t| t <= now);
        fits.then_some(Cached {
            offset,
            len,
            installation: head.installation,
            last: head.last,
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
        let mut bytes = vec![0u8; usize::try_from(cached.len).ok()?];
        old.read_at(cached.offset, &mut bytes).ok()?;
        let mut r = Reader(&bytes);
        let (_, head) = codec::read_head(&mut r)?;
        if (head.installation, head.last) != (cached.installation, cached.last) {
            return None;
        }
        let body_at = bytes.len() - r.0.len();
        let summary = codec::read_summary(&mut r, agg)?;
        if let Some(id) = summary.single {
            agg.absorb(summary.counted, &summary.firsts, Vec::new());
            let entry = EntryRef {
                in_new: false,
                offset: cached.offset + body_at as u64,
                len: u32::try_from(bytes.len() - body_at).ok()?,
            };
            agg.spilled.push(Spilled {
                id_hash: id_hash(id),
                entry,
            });
        } else {
            let body = codec::read_body(&mut Reader(&bytes[body_at..]), agg)?;
            agg.absorb(body.counted, &body.firsts, body.learners);
        }
        lock(&self.carried).push((cached.offset, cached.len));
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(head.last)
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

    /// Keeps what the clean log at `relative` (identity `id`, read in full) added, `agg`, for
    /// the next run; left out when the file changed too close to this run to be sure of it.
    pub fn keep(
        &self,
        relative: &str,
        id: FileId,
        (installation, head, latest): (InstallationId, (u64, Digest32), u64),
        agg: &Aggregator<'_>,
        names: &Names,
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

    /// Ends the run's use of the cache: puts the new cache in place of the old one, and says
    /// how many logs came from the cache and, if the cache could not be used or saved, why
    /// (a cache that cannot be saved only makes the next run slower).
    pub fn close(self) -> (u64, Option<CacheNote>) {
        let reused = self.reused();
        let note = self.note();
        let path = self.path.clone();
        match self.finish() {
            Err(error) => (reused, note.or(Some(CacheNote::NotSaved { path, error }))),
            Ok(()) => (reused, note),
        }
    }

    /// Ends the run's use of the cache without saving a new one (the old one stays as it is).
    pub fn abandon(self) {
        let new = self
            .new
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(n) = new {
            n.abandon();
        }
    }

    fn finish(self) -> io::Result<()> {
        let new = self
            .new
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let carried = self
            .carried
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let unchanged = self.old.as_ref().is_some_and(|old| {
            self.fresh.load(Ordering::Relaxed) == 0 && carried.len() == old.count
        });
        if unchanged {
            // Every entry was used and none added: the old file is the new one.
            if let Some(n) = new {
                n.abandon();
            }
            return Ok(());
        }
        let Some(mut new) = new else {
            return Err(io::Error::other("the new cache could not be written"));
        };
        if let Some(old) = &self.old {
            let mut bytes = Vec::new();
            for (offset, len) in carried {
                bytes.resize(len as usize, 0);
                old.read_at(offset, &mut bytes)?;
                new.append(&bytes)?;
            }
        }
        new.finish(&self.path)
    }
}

/// Reads the learners that waited in the cache ([`Spilled`]) back, when the report is made.
pub struct SpillReader<'c> {
    old: Option<&'c Old>,
    new: Option<std::fs::File>,
}

/// The most read back in one go: a batch of learners next to each other in the cache.
const MAX_SPAN: u64 = 4 * 1024 * 1024;

impl SpillReader<'_> {
    /// The learners of `entries` (in the order of the file, [`EntryRef`]'s order), decoded for
    /// `agg` (over the same course index and names) into `into` (one state each), their ids
    /// into `ids`, with `buf` to read into: the bytes of entries that lie close together in one
    /// read. `None` when one cannot be read back.
    pub fn learners(
        &self,
        entries: &[EntryRef],
        agg: &mut Aggregator<'_>,
        buf: &mut Vec<u8>,
        (into, ids): (&mut [LearnerState], &mut Vec<Arc<str>>),
    ) -> Option<()> {
        let (first, last) = (entries.first()?, entries.last()?);
        let start = first.offset;
        let end = last.offset + u64::from(last.len);
        let one_file = entries.iter().all(|e| e.in_new == first.in_new);
        let spanned = one_file && end >= start && end - start <= MAX_SPAN;
        if spanned {
            self.read(first.in_new, start, usize::try_from(end - start).ok()?, buf)?;
        }
        ids.clear();
        let mut own = Vec::new();
        for (e, state) in entries.iter().zip(into) {
            let bytes = if spanned {
                let at = usize::try_from(e.offset.checked_sub(start)?).ok()?;
                buf.get(at..at + usize::try_from(e.len).ok()?)?
            } else {
                self.read(e.in_new, e.offset, usize::try_from(e.len).ok()?, &mut own)?;
                &own
            };
            ids.push(Arc::from(codec::read_single(&mut Reader(bytes), agg, state)?));
        }
        Some(())
    }

    /// `len` bytes at `offset` of the old or the new file, into `buf`.
    fn read(&self, in_new: bool, offset: u64, len: usize, buf: &mut Vec<u8>) -> Option<()> {
        buf.resize(len, 0);
        let read = if in_new {
            file::read_at(self.new.as_ref()?, offset, buf)
        } else {
            self.old?.read_at(offset, buf)
        };
        read.ok()
    }

    /// The learner of `entry` alone: [`SpillReader::learners`] of one.
    pub fn learner(
        &self,
        entry: EntryRef,
        agg: &mut Aggregator<'_>,
        buf: &mut Vec<u8>,
        into: &mut LearnerState,
    ) -> Option<Arc<str>> {
        let mut ids = Vec::with_capacity(1);
        self.learners(&[entry], agg, buf, (std::slice::from_mut(into), &mut ids))?;
        ids.pop()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A poisoned lock means another thread panicked mid-write; the cache is then only
    // incomplete, which its checksum or entry count will show next time.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
