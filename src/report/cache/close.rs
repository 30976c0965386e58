//! Ending a run's use of the cache: the entries reused from the last run copied into the new
//! cache (beside the making of the report, or at the end), the new cache put in place of the
//! old one, or given up.

use std::io;
use std::sync::atomic::Ordering;

use super::file::{New, Old};
use super::{CacheNote, ReportCache, lock};

impl ReportCache {
    /// Ends the run's use of the cache: puts the new cache in place of the old one, and says
    /// how many logs came from the cache (whole, and grown with only their new lines read)
    /// and, if the cache could not be used or saved, why (a cache that cannot be saved only
    /// makes the next run slower).
    pub fn close(self) -> ((u64, u64), Option<CacheNote>) {
        let used = (self.reused(), self.grown());
        let note = self.note();
        let path = self.path.clone();
        match self.finish() {
            Err(error) => (used, note.or(Some(CacheNote::NotSaved { path, error }))),
            Ok(()) => (used, note),
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

    /// Whether this run used every entry of the last run's cache and added none: the old file
    /// is then the new one.
    fn unchanged(&self) -> bool {
        self.old.as_ref().is_some_and(|old| {
            self.fresh.load(Ordering::Relaxed) == 0
                && self.carried_count.load(Ordering::Relaxed) == old.count as u64
        })
    }

    /// Copies the entries this run reused from the last run's cache into the new one (unless
    /// nothing changed), so that [`ReportCache::close`] has only the file's end left to write:
    /// meant to run on a thread of its own while the report is made, once the collection is
    /// read and [`ReportCache::spill_reader`] opened. A copy that fails gives the new cache up.
    pub fn carry_over(&self) {
        let Some(old) = &self.old else { return };
        if self.unchanged() {
            return;
        }
        let carried = std::mem::take(&mut *lock(&self.carried));
        let mut new = lock(&self.new);
        let failed = new
            .as_mut()
            .is_some_and(|n| copy_entries(old, carried, n).is_err());
        if failed {
            *new = None;
        }
    }

    fn finish(self) -> io::Result<()> {
        let unchanged = self.unchanged();
        let new = self
            .new
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Empty when they were copied over beside the report already.
        let carried = self
            .carried
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
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
            copy_entries(old, carried, &mut new)?;
        }
        new.finish(&self.path)
    }
}

/// The most bytes of the old cache read at once when its entries are carried over.
const COPY_BYTES: u64 = 4 * 1024 * 1024;

/// Copies the entries at `carried` (where each is in the old file) into the new cache, in
/// their order in the old file: neighbours are read and written as one run, with their
/// lengths, not one by one.
fn copy_entries(old: &Old, mut carried: Vec<(u64, u32)>, new: &mut New) -> io::Result<()> {
    carried.sort_unstable();
    let garbled = || io::Error::other("an entry's place in the cache does not fit");
    let mut bytes = Vec::new();
    let mut rest = carried.as_slice();
    while let Some(&(offset, len)) = rest.first() {
        // Each entry is its length (four bytes) and its bytes.
        let start = offset.checked_sub(4).ok_or_else(garbled)?;
        let mut end = offset + u64::from(len);
        let mut n = 1;
        while let Some(&(next, len)) = rest.get(n)
            && next == end + 4
            && end - start < COPY_BYTES
        {
            end = next + u64::from(len);
            n += 1;
        }
        bytes.resize(usize::try_from(end - start).map_err(|_| garbled())?, 0);
        old.read_at(start, &mut bytes)?;
        new.append_run(&bytes, n as u64)?;
        rest = &rest[n..];
    }
    Ok(())
}
