//! What the report keeps per learner, packed small: it is kept for every learner of the
//! municipality at once.

#[allow(clippy::wildcard_imports)]
use super::*;

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
/// attempts go to the heap.
pub(super) const INLINE_MARKS: usize = 12;

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
    pub(super) fn new(marks: impl ExactSizeIterator<Item = PackedMark>) -> Self {
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

/// One learner's state in one module: counts, the first attempt's marks, and the few attempts
/// the schedule looks at (it takes minima and maxima over a learner's attempts, so these four
/// give the same status as the whole list).
#[derive(Debug, Clone, Default)]
pub struct ModState {
    /// Accepted attempts finished.
    pub attempts: u32,
    /// The latest attempt the verdict did not accept (its time clamped to the report's span).
    pub not_accepted: Option<Secs>,
    /// Whether the latest attempt passed.
    pub last_passed: bool,
    /// The latest attempt.
    pub last: Option<Stamp>,
    /// The earliest pass (onboarding date).
    pub first_pass: Option<Stamp>,
    /// The latest pass of the current version or newer.
    pub pass_current: Option<Stamp>,
    /// The latest pass of an older version.
    pub pass_older: Option<Stamp>,
    /// The first attempt.
    pub first: Option<First>,
}

impl ModState {
    /// Takes in one attempt's schedule facts; `current` is the module's current version.
    pub(super) fn note(&mut self, finished: Secs, version: u32, passed: bool, current: u32) {
        if self.last.is_none_or(|(t, _)| finished >= t) {
            self.last = Some((finished, version));
            self.last_passed = passed;
        }
        if passed {
            if self.first_pass.is_none_or(|(t, _)| finished < t) {
                self.first_pass = Some((finished, version));
            }
            let slot = if version >= current {
                &mut self.pass_current
            } else {
                &mut self.pass_older
            };
            if slot.is_none_or(|(t, _)| finished >= t) {
                *slot = Some((finished, version));
            }
        }
    }

    /// The attempts that stand for this state in the schedule's eyes: (finished, version,
    /// passed).
    pub fn attempts_for_schedule(&self) -> impl Iterator<Item = (Secs, u32, bool)> + '_ {
        self.last
            .map(|(t, v)| (t, v, self.last_passed))
            .into_iter()
            .chain(self.first_pass.map(|(t, v)| (t, v, true)))
            .chain(self.pass_current.map(|(t, v)| (t, v, true)))
            .chain(self.pass_older.map(|(t, v)| (t, v, true)))
    }
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
    /// Cells the learner answered in, each one `u64`: forvaltning (bits 32–47), quarter
    /// (16–31) and the mask of topics answered (0–13); see [`cell_key`].
    pub touched: Vec<u64>,
}

/// The low 16 bits of a touched cell: the topic mask.
pub(super) const MASK_BITS: u64 = 0xFFFF;

/// Packs a forvaltning and a quarter into a cell key (the mask bits zero). Quarters beyond
/// the year 16383 share the last key; no record can be from then.
pub fn cell_key(forv: u16, quarter: Quarter) -> u64 {
    let q = u16::try_from(quarter.max(0)).unwrap_or(u16::MAX);
    (u64::from(forv) << 32) | (u64::from(q) << 16)
}

/// Unpacks a cell: forvaltning and quarter.
pub fn cell_parts(cell: u64) -> (u16, Quarter) {
    let forv = u16::try_from((cell >> 32) & 0xFFFF).unwrap_or(u16::MAX);
    let q = u16::try_from((cell >> 16) & 0xFFFF).unwrap_or(u16::MAX);
    (forv, Quarter::from(q))
}

/// The topic mask of a touched cell.
pub fn mask_of(cell: u64) -> u16 {
    u16::try_from(cell & MASK_BITS).unwrap_or(0)
}

pub(super) fn touch(touched: &mut Vec<u64>, key: u64, mask: u16) {
    // Records mostly arrive in time order, so the cell is nearly always the last one.
    if let Some(last) = touched.last_mut().filter(|c| **c & !MASK_BITS == key) {
        *last |= u64::from(mask);
        return;
    }
    match touched.iter_mut().find(|c| **c & !MASK_BITS == key) {
        Some(c) => *c |= u64::from(mask),
        None => touched.push(key | u64::from(mask)),
    }
}
