//! Learners that wait in the cache while the collection is read, instead of in memory, and
//! their reading back when the report is made (see the module above).

use std::sync::Arc;

use super::codec::{self, Reader};
use super::file::{self, Old};
use crate::report::aggregate::{Aggregator, LearnerState};

/// Where an entry's bytes are: in the last run's cache, or in the one this run is writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntryRef {
    pub(super) in_new: bool,
    pub(super) offset: u64,
    pub(super) len: u32,
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

/// Reads the learners that waited in the cache ([`Spilled`]) back, when the report is made.
pub struct SpillReader<'c> {
    pub(super) old: Option<&'c Old>,
    pub(super) new: Option<std::fs::File>,
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
            ids.push(Arc::from(codec::read_single(
                &mut Reader(bytes),
                agg,
                state,
            )?));
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
