//! The bytes of one cache entry: what one log added to the aggregation, in a compact form
//! (unsigned LEB128 numbers, zig-zag for signed ones, strings as a length and UTF-8; finish
//! times and hash prefixes, which would take five LEB128 bytes, as four little-endian ones,
//! read without a loop), and back.
//!
//! Forvaltning names are interned per run, so an entry keeps its own small table of the names
//! it uses and refers to them by position; decoding interns them again. Module and question
//! indices are the course index's; the cache as a whole is only used with the same index (its
//! fingerprint). Decoding checks every length and index against what it reads and gives up on
//! anything that does not fit: a damaged entry is never half-used.

use std::sync::Arc;

use crate::canon::Digest32;
use crate::record::InstallationId;
use crate::report::aggregate::{
    Aggregator, Facts, First, INLINE_MARKS, LearnerState, Marks, ModState, Names, Standing,
    standing_key,
};
use crate::report::model::TOPICS;

/// What identifies a file's content without reading it (see `FileId` in the module above),
/// as plain numbers.
pub(super) type IdParts = [u64; 7];

pub(super) use super::bytes::{Reader, Writer};

/// What an entry says about its file, compared before its body is decoded: the file's
/// identity when it was read, its installation, its head (last sequence number and hash) and
/// the latest finish time among its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Head {
    pub id: IdParts,
    pub installation: InstallationId,
    pub last: (u64, Digest32),
    pub latest: u64,
}

pub(super) fn write_head(w: &mut Writer<'_>, path: &str, h: &Head) {
    w.str(path);
    for part in h.id {
        w.u(part);
    }
    w.bytes(&h.installation.0);
    w.u(h.last.0);
    w.bytes(&h.last.1);
    w.u(h.latest);
}

pub(super) fn read_head<'b>(r: &mut Reader<'b>) -> Option<(&'b str, Head)> {
    let path = r.str()?;
    let mut id = [0u64; 7];
    for part in &mut id {
        *part = r.u()?;
    }
    let installation = InstallationId(r.array()?);
    let last = (r.u()?, r.array()?);
    let latest = r.u()?;
    Some((
        path,
        Head {
            id,
            installation,
            last,
            latest,
        },
    ))
}

/// The aggregation of one log, with its forvaltning names spelled out.
pub(super) fn write_body(w: &mut Writer<'_>, agg: &Aggregator<'_>, names: &Names) {
    // The entry's own table of names: position in the table for each run-wide index.
    let mut used: Vec<u16> = Vec::new();
    for l in agg.learners.values() {
        used.push(l.forvaltning.1);
        used.extend(l.standing.iter().copied().map(Standing::forvaltning));
    }
    used.sort_unstable();
    used.dedup();
    let local = |f: u16| used.binary_search(&f).map_or(0, |i| i as u64);
    w.u(used.len() as u64);
    for &f in &used {
        w.str(&names.name(f).unwrap_or_default());
    }
    w.u(agg.counted);
    let firsts: Vec<(usize, i64)> = agg
        .version_first
        .iter()
        .enumerate()
        .filter_map(|(m, t)| t.map(|t| (m, t)))
        .collect();
    w.u(firsts.len() as u64);
    for (m, t) in firsts {
        w.u(m as u64);
        w.i(t);
    }
    w.u(agg.learners.len() as u64);
    for (id, l) in &agg.learners {
        w.str(id);
        w.u32(l.forvaltning.0);
        w.u(local(l.forvaltning.1));
        w.u32(l.first_seen);
        w.u(l.modules.len() as u64);
        for (m, s) in &l.modules {
            write_module(w, *m, s);
        }
        w.u(l.standing.len() as u64);
        for (s, counts) in l.standings() {
            w.u(local(s.forvaltning()));
            w.i(i64::from(s.quarter()));
            w.u(u64::from(s.cell.module()));
            w.u32(s.key.0);
            w.u32(s.key.1);
            // Only the topics it asked about: the bits, then their counts.
            w.u(u64::from(s.topics));
            for &(right, asked) in counts {
                w.u(u64::from(right));
                w.u(u64::from(asked));
            }
        }
    }
}

fn write_module(w: &mut Writer<'_>, m: u16, s: &ModState) {
    w.u(u64::from(m));
    w.u(u64::from(s.attempts));
    match s.not_accepted {
        None => w.u(0),
        Some(t) => {
            w.u(1);
            w.u32(t);
        }
    }
    // The schedule's facts twice: as of the report's moment, and as of the end of the
    // quarter before it (the fingerprint holds that second, so both stay right).
    for facts in [&s.now, s.before()] {
        w.u(u64::from(facts.last_passed()));
        for stamp in facts.stamps() {
            w.stamp(stamp);
        }
    }
    match &s.first {
        None => w.u(0),
        Some(f) => {
            w.u(1);
            w.u32(f.key.0);
            w.u32(f.key.1);
            w.u(u64::from(f.score));
            let marks = f.marks.as_slice();
            w.u(marks.len() as u64);
            for &mark in marks {
                w.u(u64::from(mark));
            }
        }
    }
}

/// One log's aggregation as read back from its entry, added to a thread's accumulators only
/// once all of it reads ([`Aggregator::absorb`]).
pub(super) struct Body {
    /// Completions it counted.
    pub counted: u64,
    /// Per module index, the earliest finish of its current version.
    pub firsts: Vec<(usize, i64)>,
    /// Per learner.
    pub learners: Vec<(Arc<str>, Box<LearnerState>)>,
}

/// The front of a body: the entry's names (interned for the run), the completions it counted,
/// the earliest finish of a module's current version per module index, and how many learners
/// follow.
struct Front {
    table: Vec<u16>,
    counted: u64,
    firsts: Vec<(usize, i64)>,
    learners: usize,
}

fn read_front(input: &mut Reader<'_>, agg: &mut Aggregator<'_>) -> Option<Front> {
    let table: Vec<u16> = (0..input.count()?)
        .map(|_| input.str().map(|n| agg.forvaltning(n)))
        .collect::<Option<_>>()?;
    let modules = agg.index().modules.len();
    let counted = input.u()?;
    let firsts = (0..input.count()?)
        .map(|_| {
            let m: usize = input.small().filter(|&m: &usize| m < modules)?;
            Some((m, input.i()?))
        })
        .collect::<Option<Vec<_>>>()?;
    let learners = input.count()?;
    Some(Front {
        table,
        counted,
        firsts,
        learners,
    })
}

/// What reusing an entry needs, read without decoding its learners' states (when the cache is
/// opened): the forvaltning names it uses, the completions it counted, the earliest finish of
/// each module's current version (module indices as written: checked when used), and, when it
/// holds one learner alone, that learner's id (whose state can then wait in the cache until the
/// report is made: [`super::Spilled`]).
pub(super) struct Summary<'b> {
    pub names: Vec<&'b str>,
    pub counted: u64,
    pub firsts: Vec<(usize, i64)>,
    pub single: Option<&'b str>,
}

pub(super) fn read_summary<'b>(input: &mut Reader<'b>) -> Option<Summary<'b>> {
    let names = (0..input.count()?)
        .map(|_| input.str())
        .collect::<Option<_>>()?;
    let counted = input.u()?;
    let firsts = (0..input.count()?)
        .map(|_| Some((input.small()?, input.i()?)))
        .collect::<Option<Vec<_>>>()?;
    let single = match input.count()? {
        1 => Some(input.str()?),
        _ => None,
    };
    Some(Summary {
        names,
        counted,
        firsts,
        single,
    })
}

/// Decodes a body written by [`write_body`], for `agg` (over the same course index; it
/// interns the forvaltning names).
pub(super) fn read_body(input: &mut Reader<'_>, agg: &mut Aggregator<'_>) -> Option<Body> {
    let Front {
        table,
        counted,
        firsts,
        learners: n,
    } = read_front(input, agg)?;
    let name = |local: u64| table.get(usize::try_from(local).ok()?).copied();
    let modules = agg.index().modules.len();
    let mut learners = Vec::with_capacity(n);
    for _ in 0..n {
        let mut learner = Box::new(LearnerState::default());
        let id: Arc<str> = Arc::from(read_learner(input, &name, modules, &mut learner)?);
        // Exactly as long as they are: the lists are kept for everyone.
        learner.modules.shrink_to_fit();
        learner.standing.shrink_to_fit();
        learner.counts.shrink_to_fit();
        learners.push((id, learner));
    }
    input.0.is_empty().then_some(Body {
        counted,
        firsts,
        learners,
    })
}

/// The one learner of a body written by [`write_body`] for a log of that learner alone, into
/// `into` (its lists emptied first and reused: the report reads tens of thousands of them
/// back one after the other); the learner's id.
pub(super) fn read_single<'b>(
    input: &mut Reader<'b>,
    agg: &mut Aggregator<'_>,
    into: &mut LearnerState,
) -> Option<&'b str> {
    let front = read_front(input, agg)?;
    if front.learners != 1 {
        return None;
    }
    let name = |local: u64| front.table.get(usize::try_from(local).ok()?).copied();
    let id = read_learner(input, &name, agg.index().modules.len(), into)?;
    input.0.is_empty().then_some(id)
}

/// One learner's state, into `into` (emptied first); the learner's id.
fn read_learner<'b>(
    input: &mut Reader<'b>,
    name: &dyn Fn(u64) -> Option<u16>,
    modules: usize,
    into: &mut LearnerState,
) -> Option<&'b str> {
    let id = input.str()?;
    into.forvaltning.0 = input.u32()?;
    into.forvaltning.1 = name(input.u()?)?;
    into.first_seen = input.u32()?;
    into.modules.clear();
    into.standing.clear();
    into.counts.clear();
    let n = input.count()?;
    into.modules.reserve(n);
    for _ in 0..n {
        into.modules.push(read_module(input, modules)?);
    }
    let n = input.count()?;
    into.standing.reserve(n);
    for _ in 0..n {
        let forv = name(input.u()?)?;
        let quarter = i32::try_from(input.i()?).ok()?;
        let m: u16 = input.small()?;
        if usize::from(m) >= modules {
            return None;
        }
        let key = (input.u32()?, input.u32()?);
        let topics: u16 = input.small().filter(|&t: &u16| t >> TOPICS == 0)?;
        let s = Standing {
            cell: standing_key(forv, quarter, m),
            topics,
            key,
        };
        for _ in 0..s.width() {
            // A topic it asked about was asked at least once.
            let count = (input.small()?, input.small().filter(|&a: &u8| a > 0)?);
            into.counts.push(count);
        }
        into.standing.push(s);
    }
    Some(id)
}

fn read_module(r: &mut Reader<'_>, modules: usize) -> Option<(u16, ModState)> {
    let m: u16 = r.small()?;
    if usize::from(m) >= modules {
        return None;
    }
    let mut s = ModState {
        attempts: r.small()?,
        not_accepted: match r.u()? {
            0 => None,
            1 => Some(r.u32()?),
            _ => return None,
        },
        ..ModState::default()
    };
    let mut before = Facts::default();
    for facts in [&mut s.now, &mut before] {
        let last_passed = match r.u()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let mut stamps = [None; 4];
        for slot in &mut stamps {
            r.stamp(slot)?;
        }
        *facts = Facts::from_parts(last_passed, stamps);
    }
    if before != s.now {
        s.before = Some(Box::new(before));
    }
    s.first = match r.u()? {
        0 => None,
        1 => {
            let key = (r.u32()?, r.u32()?);
            let score = r.small()?;
            let n = r.count()?;
            let marks = if n <= INLINE_MARKS {
                // The usual length: read in place, no list on the heap.
                let mut inline = [0; INLINE_MARKS];
                for slot in &mut inline[..n] {
                    *slot = r.small()?;
                }
                Marks::new(inline[..n].iter().copied())
            } else {
                let marks: Vec<u16> = (0..n).map(|_| r.small::<u16>()).collect::<Option<_>>()?;
                Marks::new(marks.into_iter())
            };
            Some(First { key, score, marks })
        }
        _ => return None,
    };
    Some((m, s))
}
