//! A log alone in its installation, with the report's cache: taken from the cache when it is
//! unchanged since a run that found it clean, taken on from its entry when it has only grown
//! since ([`super::grown`]), otherwise read in full and, if clean, kept in the cache for the
//! next run (see [`crate::report::cache`] for when an entry may be used).

use std::path::{Path, PathBuf};

use crate::record::{Head, InstallationId};

use super::super::aggregate::Aggregator;
use super::super::cache::{Cached, EntryRef, FileId, Fit};
use super::grown::read_grown;
use super::log::{read_log, relative};
use super::{FileTally, ReadConfig, Worker};

/// What the cache knows of one file.
#[derive(Default)]
pub(super) struct Known {
    id: FileId,
    cached: Option<Cached>,
}

impl Known {
    /// Looks the file at `path`, of identity `id` when the walk saw it, up: its entry if the
    /// cache has one for it.
    pub(super) fn of(cfg: &ReadConfig<'_, '_>, path: &Path, id: FileId) -> Known {
        let cached = cfg.cache.and_then(|cache| {
            let rel = path.strip_prefix(cfg.root).ok().and_then(Path::to_str)?;
            cache.lookup(rel, id, cfg.now.as_second())
        });
        Known { id, cached }
    }

    /// The installation the cache names for the file, when the file is unchanged since its
    /// entry was made (a changed file says its installation itself).
    pub(super) fn installation(&self) -> Option<InstallationId> {
        let cached = self.cached.as_ref()?;
        match cached.fit {
            Fit::Unchanged => Some(cached.installation()),
            Fit::Changed => None,
        }
    }
}

/// Reads the only file `i` of installation `inst`, from the cache when it can.
pub(super) fn read_single<'a>(
    w: &mut Worker<'a>,
    cfg: &ReadConfig<'a, '_>,
    files: &[PathBuf],
    (i, known): (usize, &Known),
    inst: InstallationId,
) {
    let path = &files[i];
    let Some(cache) = cfg.cache else {
        read_log(w, cfg, files, i, inst, None);
        return;
    };
    if let Some(c) = &known.cached
        && cfg.xapi.is_none()
        && c.installation() == inst
    {
        let taken = match c.fit {
            // The anchor must still be where the entry ends: otherwise the log is checked
            // against it.
            Fit::Unchanged => {
                let anchor = cfg.anchors.head(inst).filter(|a| a.last_seq > 0);
                anchor.is_none_or(|a| (a.last_seq, a.last_hash) == c.head())
                    && reuse(w, cfg, (path, i), c, inst)
            }
            Fit::Changed => read_grown(w, cfg, (path, i), c, known.id),
        };
        if taken {
            return;
        }
    }
    // Read in full into an aggregator of its own, so that what the log adds can be kept.
    let own = Aggregator::new(cfg.index, w.names, cfg.now.as_second());
    let outer = std::mem::replace(&mut w.agg, own);
    let problems_before = w.problems.len();
    let verified = read_log(w, cfg, files, i, inst, None);
    let mine = std::mem::replace(&mut w.agg, outer);
    let clean = w.problems.len() == problems_before;
    let tally = w.tallies.last().filter(|(j, t)| *j == i && !t.problem);
    let head = w.heads.last().filter(|(h, _)| h.installation == inst);
    let kept = if clean
        && let (Some((_, t)), Some((h, _)), Some(rel), Some(verified)) =
            (tally, head, relative(cfg, path), verified)
        && i64::try_from(t.latest).is_ok_and(|latest| latest <= cfg.now.as_second())
    {
        let facts = (inst, (h.last_seq, h.last_hash), t.latest);
        cache.keep(&rel, known.id, facts, &verified, (&mine, w.names))
    } else {
        None
    };
    merge_kept(w, mine, kept);
}

/// Joins what one log added into the worker's accumulators: a learner alone in a log kept in
/// the cache waits there until the report is made.
pub(super) fn merge_kept<'a>(w: &mut Worker<'a>, mine: Aggregator<'a>, kept: Option<EntryRef>) {
    match kept {
        Some(entry) if mine.learners.len() == 1 => w.agg.merge_spilled(mine, entry),
        _ => w.agg.merge(mine),
    }
}

/// Takes an unchanged log whole from its entry; `false` (nothing added) when the entry
/// cannot be read back.
fn reuse(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    (path, i): (&Path, usize),
    c: &Cached,
    inst: InstallationId,
) -> bool {
    let Some(cache) = cfg.cache else {
        return false;
    };
    let before = w.agg.counted;
    let Some((last_seq, last_hash)) = cache.reuse(c, &mut w.agg) else {
        return false;
    };
    let tally = FileTally {
        counted: w.agg.counted - before,
        ..FileTally::default()
    };
    w.tallies.push((i, tally));
    // A head the anchors already hold, from the same file, would change nothing: not kept
    // (an unchanged collection would otherwise list every log again). Compared without making
    // the path's text: this is every log of an unchanged collection.
    let file = path.strip_prefix(cfg.root).ok().and_then(Path::to_str);
    let anchored = cfg.anchors.heads.get(&inst) == Some(&(last_seq, last_hash))
        && cfg.anchors.paths.get(&inst).map(String::as_str) == file;
    if !anchored {
        let head = Head {
            installation: inst,
            last_seq,
            last_hash,
        };
        w.heads.push((head, file.map(str::to_owned)));
    }
    true
}
