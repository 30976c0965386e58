//! A log that has grown since a run found it clean: its start is checked to be, byte for
//! byte, what the cache entry was made from (one SHA-256 over that many bytes), the entry's
//! aggregation is taken, and only the lines after it are verified and admitted, going on with
//! the chain from the entry's head with the same checks as a full read. Anything that is not
//! plainly clean gives up, leaving no trace, and the log is read in full (see
//! [`crate::report::cache`] for why this is safe).

use std::path::Path;

use crate::record::{Head, LogReader};

use super::super::aggregate::Aggregator;
use super::super::cache::{Cached, FileId, Hashing, VerifiedBytes};
use super::cached::merge_kept;
use super::log::{admit, note_learner, relative};
use super::{FileTally, ReadConfig, Worker, open};

/// Reads grown file `i` at `path` from where its entry `cached` ends (its identity now `id`):
/// `true` when it was taken so (and kept in the cache for the next run), `false` (nothing
/// noted or added) when it must be read in full.
pub(super) fn read_grown<'a>(
    w: &mut Worker<'a>,
    cfg: &ReadConfig<'a, '_>,
    (path, i): (&Path, usize),
    cached: &Cached,
    id: FileId,
) -> bool {
    let Some(cache) = cfg.cache else {
        return false;
    };
    let (last_seq, last_hash) = cached.head();
    let head = Head {
        installation: cached.installation(),
        last_seq,
        last_hash,
    };
    // The anchor is where the entry ends, or among the new lines (a log taken on from an
    // entry carried over while its anchor moved on): there it must be reached, as in a full
    // read. One among the old lines other than their head cannot be checked without them.
    let beyond = match cfg.anchors.head(head.installation) {
        None => None,
        Some(a) if a.last_seq == 0 || (a.last_seq, a.last_hash) == (last_seq, last_hash) => None,
        Some(a) if a.last_seq > last_seq => Some(a),
        Some(_) => return false,
    };
    let Some(entry) = cache
        .resumable(cached)
        .filter(|e| id.size() >= e.verified().len)
    else {
        return false;
    };
    let Ok(reader) = open(path) else {
        return false;
    };
    let mut reader = Hashing::new(reader);
    if !reader.starts_with(entry.verified()).unwrap_or(false) {
        return false;
    }
    // The header and one line per record, all verified.
    let lines = last_seq.saturating_add(1);
    let mut log = LogReader::resume(reader, head, lines, entry.verified().len);

    // The new lines into an aggregator of their own, so that what the log adds can be kept.
    let own = Aggregator::new(cfg.index, w.names, cfg.now.as_second());
    let outer = std::mem::replace(&mut w.agg, own);
    let problems_before = w.problems.len();
    let name = path.display().to_string();
    let mut learner = entry.verified().learner.clone();
    let mut tally = FileTally::default();
    let mut reached = beyond.is_none();
    while let Some(rec) = log.next_record() {
        note_learner(w, cfg, (&name, i), &mut learner, rec);
        if let Some(a) = beyond
            && rec.seq == a.last_seq
        {
            reached = rec.hash == a.last_hash;
        }
        admit(w, cfg, &name, i, rec, &mut tally);
    }
    let mut mine = std::mem::replace(&mut w.agg, outer);
    let outcome = log.outcome();
    let bytes = log.reader();
    let clean = reached
        && w.problems.len() == problems_before
        && !tally.problem
        && outcome.is_ok()
        && bytes.len() == log.good_len();
    let (Some(end), true) = (outcome.head, clean) else {
        w.problems.truncate(problems_before);
        return false;
    };
    if cache.take_grown(&entry, &mut mine).is_none() {
        return false;
    }
    tally.counted = mine.counted;
    tally.latest = tally.latest.max(entry.latest());
    let file = relative(cfg, path);
    let kept = file.as_ref().and_then(|rel| {
        let verified = VerifiedBytes {
            len: bytes.len(),
            digest: bytes.digest(),
            learner,
        };
        let facts = (
            end.installation,
            (end.last_seq, end.last_hash),
            tally.latest,
        );
        i64::try_from(tally.latest)
            .is_ok_and(|latest| latest <= cfg.now.as_second())
            .then(|| cache.keep(rel, id, facts, &verified, (&mine, w.names)))
            .flatten()
    });
    if kept.is_none() {
        // Changed too close to this run to keep it anew: the next run goes on from the old
        // entry again.
        cache.carry(cached);
    }
    w.heads.push((end, file));
    w.tallies.push((i, tally));
    merge_kept(w, mine, kept);
    true
}
