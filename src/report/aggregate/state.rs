//! What the report keeps per learner, packed small: it is kept for every learner of the
//! municipality at once.

use super::Quarter;
use crate::report::model::TOPICS;

/// A finish time in the report's state: UTC seconds as `u32`, which reaches 2106 (records
/// later than the report's moment are not accepted, so none is cut). Half the size
/// of `i64`, and the state is kept for every learner.
pub type Secs = u32;

/// A UTC second as [`Secs`], clamped to its range.
pub fn secs(t: i64) -> Secs {
    u32::try_from(t.max(0)).unwrap_or(u32::MAX)
}

/// A mark of the first attempt: question index · 2 + correct; [`NO_MARK`] for a question
/// index beyond 32,766 (no course set comes near), which item statistics then leave out.
pub type PackedMark = u16;

/// See [`PackedMark`].
pub const NO_MARK: PackedMark = u16::MAX;

/// Marks kept inline up to this many questions (the bundled modules draw 10); longer
/// attempts go to the heap. Eleven: the marks then take 24 bytes, as many as the heap's
/// pointer and length with the variant's tag.
pub const INLINE_MARKS: usize = 11;

/// A first attempt's marks, in the order asked. Inline for the usual attempt length: one
/// allocation fewer per learner and module.
#[derive(Debug, Clone)]
pub enum Marks {
    /// Up to [`INLINE_MARKS`] marks: the count and the array.
    Inline(u8, [PackedMark; INLINE_MARKS]),
    /// More.
    Heap(Box<[PackedMark]>),
}

impl Marks {
    pub(crate) fn new(marks: impl ExactSizeIterator<Item = PackedMark>) -> Self {
        let n = marks.len();
        if n <= INLINE_MARKS {
            let mut a = [NO_MARK; INLINE_MARKS];
            for (slot, m) in a.iter_mut().zip(marks) {
                *slot = m;
            }
            Marks::Inline(u8::try_from(n).unwrap_or(0), a)
        } else {
            Marks::Heap(marks.collect())
        }
    }

    /// The marks.
    pub fn as_slice(&self) -> &[PackedMark] {
        match self {
            Marks::Inline(n, a) => &a[..usize::from(*n).min(INLINE_MARKS)],
            Marks::Heap(b) => b,
        }
    }
}

/// The first attempt of a module, kept for item statistics.
#[derive(Debug, Clone)]
pub struct First {
    /// When it finished, and the first bytes of its hash (a deterministic tie-break).
    pub key: (Secs, u32),
    /// Its score.
    pub score: u32,
    /// Per question in the order asked.
    pub marks: Marks,
}

/// A finish time and the module version of an attempt.
pub type Stamp = (Secs, u32);

/// The few attempts of one learner and module the schedule looks at: it takes minima and
/// maxima over a learner's attempts, so these four give the same status as the whole list.
/// Packed (which are there in a byte of flags, beside whether the latest passed): it is kept
/// twice for every learner and module.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// Bit 0: whether the latest attempt passed; bit `1 + i`: whether `stamps[i]` is there.
    flags: u8,
    /// The latest attempt, the earliest pass, the latest pass of the current version or
    /// newer, the latest pass of an older version; `(0, 0)` when not there.
    stamps: [Stamp; 4],
}

/// The index of each of [`Facts`]'s stamps.
const LAST: usize = 0;
const FIRST_PASS: usize = 1;
const PASS_CURRENT: usize = 2;
const PASS_OLDER: usize = 3;

impl Facts {
    /// Facts from whether the latest attempt passed and the four stamps, in the order of
    /// [`Facts::stamps`].
    pub(crate) fn from_parts(last_passed: bool, stamps: [Option<Stamp>; 4]) -> Facts {
        let mut f = Facts {
            flags: u8::from(last_passed),
            stamps: [(0, 0); 4],
        };
        for (i, s) in stamps.into_iter().enumerate() {
            if let Some(s) = s {
                f.set(i, s);
            }
        }
        f
    }

    /// The latest attempt, the earliest pass, the latest pass of the current version or
    /// newer, and the latest pass of an older version.
    pub fn stamps(&self) -> [Option<Stamp>; 4] {
        [0, 1, 2, 3].map(|i| self.get(i))
    }

    fn get(&self, i: usize) -> Option<Stamp> {
        (self.flags >> (1 + i) & 1 == 1).then_some(self.stamps[i])
    }

    fn set(&mut self, i: usize, s: Stamp) {
        self.stamps[i] = s;
        self.flags |= 1 << (1 + i);
    }

    /// Whether the latest attempt passed.
    pub fn last_passed(&self) -> bool {
        self.flags & 1 == 1
    }

    fn set_last(&mut self, s: Stamp, passed: bool) {
        self.set(LAST, s);
        self.flags = (self.flags & !1) | u8::from(passed);
    }

    /// The latest attempt.
    pub fn last(&self) -> Option<Stamp> {
        self.get(LAST)
    }

    /// The earliest pass (onboarding date).
    pub fn first_pass(&self) -> Option<Stamp> {
        self.get(FIRST_PASS)
    }

    /// The latest pass of the current version or newer.
    pub fn pass_current(&self) -> Option<Stamp> {
        self.get(PASS_CURRENT)
    }

    /// The latest pass of an older version.
    pub fn pass_older(&self) -> Option<Stamp> {
        self.get(PASS_OLDER)
    }

    /// Takes in one attempt; `current` is the module's current version.
    pub(super) fn note(&mut self, finished: Secs, version: u32, passed: bool, current: u32) {
        if self.last().is_none_or(|(t, _)| finished >= t) {
            self.set_last((finished, version), passed);
        }
        if passed {
            if self.first_pass().is_none_or(|(t, _)| finished < t) {
                self.set(FIRST_PASS, (finished, version));
            }
            let slot = if version >= current {
                PASS_CURRENT
            } else {
                PASS_OLDER
            };
            if self.get(slot).is_none_or(|(t, _)| finished >= t) {
                self.set(slot, (finished, version));
            }
        }
    }

    /// Joins another thread's facts about the same learner and module.
    pub(super) fn merge(&mut self, theirs: Facts) {
        if let Some((t, v)) = theirs.last()
            && self.last().is_none_or(|(mt, _)| t >= mt)
        {
            self.set_last((t, v), theirs.last_passed());
        }
        for (slot, later) in [
            (FIRST_PASS, false),
            (PASS_CURRENT, true),
            (PASS_OLDER, true),
        ] {
            if let Some((t, v)) = theirs.get(slot)
                && self
                    .get(slot)
                    .is_none_or(|(mt, _)| if later { t >= mt } else { t < mt })
            {
                self.set(slot, (t, v));
            }
        }
    }

    /// The attempts that stand for these facts in the schedule's eyes: (finished, version,
    /// passed).
    pub fn attempts_for_schedule(&self) -> impl Iterator<Item = (Secs, u32, bool)> + '_ {
        self.last()
            .map(|(t, v)| (t, v, self.last_passed()))
            .into_iter()
            .chain(self.first_pass().map(|(t, v)| (t, v, true)))
            .chain(self.pass_current().map(|(t, v)| (t, v, true)))
            .chain(self.pass_older().map(|(t, v)| (t, v, true)))
    }
}

/// One learner's state in one module: counts, the first attempt's marks, and the schedule's
/// facts twice: as of the report's moment, and as of the end of the quarter before it (the
/// overview's change since last quarter; the latest pass before that day may be one a later
/// pass has replaced in `now`, so the facts cannot be filtered afterwards).
#[derive(Debug, Clone, Default)]
pub struct ModState {
    /// Accepted attempts finished.
    pub attempts: u32,
    /// The latest attempt the verdict did not accept (its time clamped to the report's span).
    pub not_accepted: Option<Secs>,
    /// The schedule's facts as of the report's moment.
    pub now: Facts,
    /// The schedule's facts as of the end of the previous quarter, when they differ from
    /// `now` (only for a module attempted since then; see [`ModState::before`]).
    pub(crate) before: Option<Box<Facts>>,
    /// The first attempt.
    pub first: Option<First>,
}

impl ModState {
    /// The schedule's facts as of the end of the previous quarter.
    pub fn before(&self) -> &Facts {
        self.before.as_deref().unwrap_or(&self.now)
    }

    /// Takes in one accepted attempt: into the facts as of the report's moment if it finished
    /// by `until.0`, and as of the end of the quarter before if by `until.1`.
    pub(super) fn note(
        &mut self,
        (finished_at, finished): (i64, Secs),
        (version, passed, current): (u32, bool, u32),
        (now_until, before_until): (i64, i64),
    ) {
        if finished_at > now_until {
            return;
        }
        if finished_at <= before_until {
            if let Some(before) = &mut self.before {
                before.note(finished, version, passed, current);
            }
        } else if self.before.is_none() {
            // The first attempt since the quarter before: the facts part here.
            self.before = Some(Box::new(self.now));
        }
        self.now.note(finished, version, passed, current);
    }

    /// Joins another thread's facts about the same learner and module.
    pub(super) fn merge_facts(&mut self, theirs: &ModState) {
        if self.before.is_some() || theirs.before.is_some() {
            let mut before = *self.before();
            before.merge(*theirs.before());
            self.before = Some(Box::new(before));
        }
        self.now.merge(theirs.now);
    }
}

/// Correct and asked answers per topic (areas, then goals) of one attempt, each saturating
/// at 255 (an attempt asks a few questions per topic; only a forged one could ask more).
pub type TopicMarks = [(u8, u8); TOPICS];

/// Correct and asked answers in one topic.
pub type TopicCount = (u8, u8);

/// The attempt that stands for a learner in one module and quarter in the knowledge figures:
/// the latest counted one. Retakes replace it rather than add to it, so a learner who retakes
/// a quiz forty times weighs in the quarter exactly as one who took it once, with the result
/// they ended the quarter on.
///
/// Its answers per topic are kept apart, in the learner's list of counts
/// ([`LearnerState::standings`]), and only for the topics it asked about: a module covers a
/// few of the fourteen topics, and there are over a million standing attempts.
#[derive(Debug, Clone, Copy)]
pub struct Standing {
    /// Forvaltning, quarter and module; see [`standing_key`].
    pub cell: StandingCell,
    /// The topics it asked about: bit `t` for topic index `t`.
    pub topics: u16,
    /// When it finished, and the first bytes of its hash (a deterministic tie-break).
    pub key: (Secs, u32),
}

/// The topics of dense marks that were asked about (as [`Standing::topics`]), and their
/// counts in topic order.
pub fn sparse(marks: &TopicMarks) -> (u16, impl Iterator<Item = TopicCount> + '_) {
    let topics = marks
        .iter()
        .enumerate()
        .filter(|(_, (_, asked))| *asked > 0)
        .fold(0u16, |bits, (t, _)| bits | 1 << t);
    (
        topics,
        marks.iter().copied().filter(|(_, asked)| *asked > 0),
    )
}

/// Forvaltning, quarter (clamped to `0..=u16::MAX`) and module of a standing attempt, in
/// six bytes: a standing attempt is kept per learner, quarter and module, over a million of
/// them for the municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandingCell([u16; 3]);

impl StandingCell {
    /// The module index.
    pub fn module(self) -> u16 {
        self.0[2]
    }
}

impl Standing {
    /// How many topics it asked about: its counts' length.
    pub fn width(self) -> usize {
        self.topics.count_ones() as usize
    }

    /// The topic indices it asked about, in order.
    pub fn topic_indices(self) -> impl Iterator<Item = usize> {
        (0..TOPICS).filter(move |t| self.topics >> t & 1 == 1)
    }

    /// The quarter and module it stands in (the forvaltning may differ between retakes).
    pub fn slot(self) -> u64 {
        (u64::from(self.cell.0[1]) << 16) | u64::from(self.cell.0[2])
    }

    /// The forvaltning it was taken under.
    pub fn forvaltning(self) -> u16 {
        self.cell.0[0]
    }

    /// The quarter it was taken in.
    pub fn quarter(self) -> Quarter {
        Quarter::from(self.cell.0[1])
    }
}

/// Packs a forvaltning, a quarter and a module index. Quarters beyond the year 16383 share
/// the last key; no record can be from then.
pub fn standing_key(forv: u16, quarter: Quarter, module: u16) -> StandingCell {
    let q = u16::try_from(quarter.max(0)).unwrap_or(u16::MAX);
    StandingCell([forv, q, module])
}

/// Puts `s`, with its `counts`, in place of the attempt standing in its quarter and module, if
/// it is later.
pub(super) fn stand(
    learner: &mut LearnerState,
    s: Standing,
    counts: impl Iterator<Item = TopicCount>,
) {
    let mut at = 0;
    for x in &mut learner.standing {
        let width = x.width();
        if x.slot() == s.slot() {
            if s.key > x.key {
                learner.counts.splice(at..at + width, counts);
                *x = s;
            }
            return;
        }
        at += width;
    }
    // One more, not twice as many: the lists are short and kept for everyone.
    learner.standing.reserve_exact(1);
    learner.standing.push(s);
    learner.counts.reserve_exact(s.width());
    learner.counts.extend(counts);
}

/// What the report keeps per learner.
#[derive(Debug, Clone, Default)]
pub struct LearnerState {
    /// The forvaltning of the latest record: (finished, name index).
    pub forvaltning: (Secs, u16),
    /// When the learner's first record finished.
    pub first_seen: Secs,
    /// Per module index touched.
    pub modules: Vec<(u16, ModState)>,
    /// The attempts that stand for the learner per quarter and module (knowledge figures).
    pub standing: Vec<Standing>,
    /// The standing attempts' answers per topic they asked about, one after the other.
    pub(crate) counts: Vec<TopicCount>,
}

impl LearnerState {
    /// The standing attempts, each with its answers per topic it asked about (in the order
    /// of [`Standing::topic_indices`]).
    pub fn standings(&self) -> impl Iterator<Item = (Standing, &[TopicCount])> {
        let mut rest = self.counts.as_slice();
        self.standing.iter().map(move |&s| {
            let (mine, after) = rest.split_at(s.width().min(rest.len()));
            rest = after;
            (s, mine)
        })
    }
}
