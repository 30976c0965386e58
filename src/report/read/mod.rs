//! Reading a collection folder: every file in it and its subfolders is read, verified with the
//! record module's streaming verifier, checked against the report's anchors and the
//! plausibility rules, and its good records are fed to an aggregator. Files are spread over all
//! cores (std threads, a shared counter as the work queue); each thread has its own aggregator,
//! merged at the end.
//!
//! Bookkeeping, so the numbers add up: `records_read` counts the record lines of every file
//! that has a valid log header (a file that is not a log has no records); each is either
//! counted or rejected, and every rejected one is covered by a problem's `records`. Entries that
//! are not read at all (not a regular file, a temporary leftover: see [`walk`]) are files read
//! and rejected, with no records.
//!
//! Only regular files are opened, through [`crate::foreign`]; a file larger than
//! [`record::MAX_LOG_BYTES`] is listed and not read.
//!
//! Per installation (one learner's log) the rules are:
//! - an anchor from an earlier run must be reached: the record at the anchored sequence must
//!   have the anchored hash. Records are held back until then, so a rewritten log contributes
//!   nothing;
//! - the same installation in several files: the installation's own log is the file the anchor
//!   was read from (or, before there is one, the only file with the copy's name,
//!   `<installation>.ron`). It is read as a single log would be; every other file that is a
//!   prefix of it is listed as a copy (counted once, from the log), and every file that
//!   differs from it or goes beyond it is listed as a conflict and counts nothing. A file that
//!   does not reach the anchor conflicts with the anchored log and counts nothing. So a
//!   planted file can never displace, shorten or extend an anchored chain;
//! - without such an own log: if every file is a prefix of the longest, the longest is read
//!   and the others are copies; otherwise only the records all the files share (their common
//!   prefix) are counted, from one of them, and every file is listed as a conflict;
//! - a bad line (broken chain, edited line, torn last line, newer format) ends the log: the
//!   records before it count, the lines from it on are rejected;
//! - the employee id changing within a log is listed as a note (the records are counted under
//!   the id each names).

use std::fs::File;
use std::io::{self, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::Timestamp;

use crate::foreign::{self, ForeignError};
use crate::lang::Lang;
use crate::record::{self, Head, InstallationId};

use super::aggregate::{Aggregator, Names};
use super::anchors::Anchors;
use super::cache::{FileId, ReportCache, id_hash};
use super::model::{Counts, Problem, ProblemKind};
use super::privacy::Pseudonymizer;
use super::render::xapi::{XapiOptions, XapiWriter};
use crate::verdict::CourseIndex;

mod cached;
mod files;
mod group;
mod grown;
mod log;
pub mod walk;

use self::files::probe;
use self::group::read_group;
pub(crate) use self::walk::walk;
pub use self::walk::{is_leftover, list_files, list_files_in};

/// Read buffer per file: most logs fit in one read.
const BUF_BYTES: usize = 64 * 1024;

/// Where xAPI statements go while the collection is read.
pub struct XapiSink {
    /// The writer, shared by the threads (each writes a whole file's statements at once).
    pub writer: Mutex<XapiWriter<Box<dyn Write + Send>>>,
    /// Pseudonyms for the actors.
    pub pseudo: Pseudonymizer,
    /// Home page and activity ids.
    pub options: XapiOptions,
    /// The first write error, if any (the report goes on; the caller reports it).
    pub error: Mutex<Option<io::Error>>,
}

/// What reading needs: the course index for as long as the aggregation it makes (`'a`), the
/// rest only while reading (`'r`: the anchors, for one, are brought up to date and let go
/// before the report is made).
pub struct ReadConfig<'a, 'r> {
    /// The course set, indexed.
    pub index: &'a CourseIndex,
    /// The report's moment.
    pub now: Timestamp,
    /// Heads from earlier runs.
    pub anchors: &'r Anchors,
    /// The collection folder (anchored files are named relative to it).
    pub root: &'r Path,
    /// Worker threads (at least one).
    pub threads: usize,
    /// Language of the problem messages taken from the record verifier.
    pub lang: Lang,
    /// xAPI output, if requested.
    pub xapi: Option<&'r XapiSink>,
    /// The cache of what clean logs added in earlier runs, if one is kept.
    pub cache: Option<&'r ReportCache>,
}

/// What reading produced.
pub struct ReadOutput<'a> {
    /// The merged accumulators.
    pub agg: Aggregator<'a>,
    /// Files and records read, counted, rejected.
    pub counts: Counts,
    /// Every file or record not counted, with the reason, in file order.
    pub problems: Vec<Problem>,
    /// The heads to anchor for next time (only logs that extended their anchor), each with
    /// the file it was read from (relative to the collection folder), when one file holds it.
    pub heads: Vec<(Head, Option<String>)>,
    /// Whether a learner waiting in the cache could not be read back (the report must then
    /// be made without the cache).
    pub spill_failed: bool,
}

pub(super) fn whole_file(path: &Path, kind: ProblemKind, message: String) -> Problem {
    Problem {
        path: path.display().to_string(),
        line: None,
        kind,
        message,
        records: 0,
        who: None,
    }
}

/// A file's installation as its header or the cache names it (or why it has none), and what the
/// cache knows of it.
type Probed = (Result<InstallationId, Box<Problem>>, cached::Known);

/// The outcome of reading one file.
#[derive(Default)]
struct FileTally {
    counted: u64,
    rejected: u64,
    problem: bool,
    /// The latest finish time among the records counted.
    latest: u64,
}

/// One worker's results.
struct Worker<'a> {
    names: &'a Names,
    agg: Aggregator<'a>,
    problems: Vec<(usize, Problem)>,
    tallies: Vec<(usize, FileTally)>,
    heads: Vec<(Head, Option<String>)>,
    statements: Vec<String>,
}

impl Worker<'_> {
    /// Notes a problem with file `i` that leaves `records` of its records uncounted, and the
    /// file's tally.
    fn reject_file(&mut self, i: usize, problem: Problem, counted: u64) {
        let rejected = problem.records;
        self.problems.push((i, problem));
        self.tallies.push((
            i,
            FileTally {
                counted,
                rejected,
                problem: true,
                latest: 0,
            },
        ));
    }
}

/// Reads, verifies and aggregates the given files (each with its identity as the walk saw it:
/// [`walk::walk`]).
pub fn read_collection<'a>(
    files: &[PathBuf],
    ids: &[FileId],
    names: &'a Names,
    cfg: &ReadConfig<'a, '_>,
) -> ReadOutput<'a> {
    // Phase 1: the installation each file belongs to (header and first record only).
    // Problems are boxed and groups are ranges of one sorted list: with tens of thousands of
    // files these lists are a sizeable part of the report's memory.
    // A file the cache knows unchanged is not opened: the cache names its installation.
    // Placeholders, each set in place by the threads below.
    let mut probes: Vec<Probed> = (0..files.len())
        .map(|_| (Ok(InstallationId([0; 16])), cached::Known::default()))
        .collect();
    parallel_fill(&mut probes, cfg.threads, |i| {
        let (p, id) = (&files[i], ids[i]);
        let known = cached::Known::of(cfg, p, id);
        let inst = match known.installation() {
            Some(inst) => Ok(inst),
            None => probe(p, cfg.lang).map_err(Box::new),
        };
        (inst, known)
    });
    if let Some(cache) = cfg.cache {
        cache.forget_index();
    }
    let mut problems: Vec<(usize, Problem)> = Vec::new();
    let mut tallies: Vec<FileTally> = (0..files.len()).map(|_| FileTally::default()).collect();
    let mut by_installation: Vec<(InstallationId, usize)> = Vec::with_capacity(files.len());
    // The probes stay as they are (what the cache knows of each file is read from them; a
    // copy would hold it twice for a moment), their few problems copied out.
    for (i, (p, _)) in probes.iter().enumerate() {
        match p {
            Ok(inst) => by_installation.push((*inst, i)),
            Err(problem) => {
                tallies[i].problem = true;
                problems.push((i, Problem::clone(problem)));
            }
        }
    }
    by_installation.sort_unstable();
    let groups: Vec<&[(InstallationId, usize)]> =
        by_installation.chunk_by(|a, b| a.0 == b.0).collect();

    // Phase 2: verify and aggregate, one installation at a time per thread.
    let next = AtomicUsize::new(0);
    let workers: Vec<Worker<'a>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..cfg.threads.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut w = Worker {
                        names,
                        agg: Aggregator::new(cfg.index, names, cfg.now.as_second()),
                        problems: Vec::new(),
                        tallies: Vec::new(),
                        heads: Vec::new(),
                        statements: Vec::new(),
                    };
                    loop {
                        let g = next.fetch_add(1, Ordering::Relaxed);
                        let Some(members) = groups.get(g) else {
                            break;
                        };
                        read_group(&mut w, cfg, files, &probes, members);
                    }
                    w
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });

    let mut heads = Vec::new();
    // Into the largest thread's accumulators: the fewest learners moved, no empty start.
    let mut workers = workers;
    workers.sort_by_key(|w| std::cmp::Reverse(w.agg.learners.len()));
    let mut agg: Option<Aggregator<'a>> = None;
    for w in workers {
        match &mut agg {
            None => agg = Some(w.agg),
            Some(agg) => agg.merge(w.agg),
        }
        problems.extend(w.problems);
        heads.extend(w.heads);
        for (i, t) in w.tallies {
            tallies[i] = t;
        }
    }
    let mut agg = agg.unwrap_or_else(|| Aggregator::new(cfg.index, names, cfg.now.as_second()));
    agg.compact();
    let spill_failed = cfg
        .cache
        .is_some_and(|cache| !gather_shared(&mut agg, cache));
    problems.sort_by_key(|(i, p)| (*i, p.line));
    let mut counts = Counts::default();
    for t in &tallies {
        counts.files_read += 1;
        counts.records_counted += t.counted;
        counts.records_rejected += t.rejected;
        match (t.problem, t.counted) {
            (false, _) => counts.files_counted += 1,
            (true, 0) => counts.files_rejected += 1,
            (true, _) => counts.files_partly_counted += 1,
        }
    }
    counts.records_read = counts.records_counted + counts.records_rejected;
    ReadOutput {
        agg,
        counts,
        problems: problems.into_iter().map(|(_, p)| p).collect(),
        heads,
        spill_failed,
    }
}

/// Takes into memory every learner waiting in the cache who is in more than one place (in
/// two logs, or in a log and in memory), joined with the rest of their state, and orders the
/// others by where they are in the cache (so that making the report reads it front to back).
/// False when a waiting learner cannot be read back: the report is then made again without
/// the cache.
fn gather_shared(agg: &mut Aggregator<'_>, cache: &ReportCache) -> bool {
    if agg.spilled.is_empty() {
        return true;
    }
    let mut spilled = std::mem::take(&mut agg.spilled);
    spilled.sort_unstable_by_key(|s| (s.id_hash, s.entry));
    let in_memory: std::collections::HashSet<u64> =
        agg.learners.keys().map(|id| id_hash(id)).collect();
    let (mut take, mut wait) = (Vec::new(), Vec::with_capacity(spilled.len()));
    for one_id in spilled.chunk_by(|a, b| a.id_hash == b.id_hash) {
        let shared = one_id.len() > 1 || in_memory.contains(&one_id[0].id_hash);
        if shared { &mut take } else { &mut wait }.extend_from_slice(one_id);
    }
    drop(spilled);
    if !take.is_empty() {
        let Ok(reader) = cache.spill_reader() else {
            return false;
        };
        let mut buf = Vec::new();
        for s in take {
            let mut state = Box::default();
            let Some(id) = reader.learner(s.entry, agg, &mut buf, &mut state) else {
                return false;
            };
            agg.join_learners([(id, state)]);
        }
    }
    wait.sort_unstable_by_key(|s| s.entry);
    agg.spilled = wait;
    true
}

/// Sets each slot of `out` to `f` of its position, on `threads` threads (in place: the
/// results are never held twice).
fn parallel_fill<T: Send>(out: &mut [T], threads: usize, f: impl Fn(usize) -> T + Sync) {
    let share = out.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        for (c, chunk) in out.chunks_mut(share).enumerate() {
            let f = &f;
            s.spawn(move || {
                for (j, slot) in chunk.iter_mut().enumerate() {
                    *slot = f(c * share + j);
                }
            });
        }
    });
}

/// Opens a file of the collection for reading: only a regular file of a log's size.
fn open(path: &Path) -> Result<BufReader<io::Take<File>>, ForeignError> {
    foreign::open(path, record::MAX_LOG_BYTES).map(|f| f.reader(BUF_BYTES))
}
