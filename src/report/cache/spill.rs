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

impl SpillReader<'_> {
    /// The learner of `entry`, decoded for `agg` (over the same course index and names) into
    /// `into`, with `buf` to read into; the learner's id, or `None` when it cannot be read back.
    pub fn learner(
        &self,
        entry: EntryRef,
        agg: &mut Aggregator<'_>,
        buf: &mut Vec<u8>,
        into: &mut LearnerState,
    ) -> Option<Arc<str>> {
        buf.resize(usize::try_from(entry.len).ok()?, 0);
        let read = if entry.in_new {
            file::read_at(self.new.as_ref()?, entry.offset, buf)
        } else {
            self.old?.read_at(entry.offset, buf)
        };
        read.ok()?;
        codec::read_single(&mut Reader(buf), agg, into).map(Arc::from)
    }
}
