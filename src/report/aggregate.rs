//! Streaming aggregation of plausible completions into fixed-size accumulators. One
//! [`Aggregator`] per thread; [`Aggregator::merge`] joins them. Memory grows with the number
//! of learners (their per-module state, the first attempt's marks for item statistics, and the
//! quarters they were active in, for counting distinct learners per cell), never with the
//! number of records.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::input::Completion;
use super::model::TOPICS;
use super::plausible::{CourseIndex, Resolved};

/// Forvaltning names interned across threads, so indices agree without remapping.
#[derive(Debug, Default)]
pub struct Names {
    inner: Mutex<(Vec<String>, HashMap<String, u16>)>,
}

impl Names {
    fn intern(&self, name: &str) -> u16 {
        // A poisoned lock only means another thread panicked mid-insert of a name; the map
        // and list are still consistent enough to go on (insert is the last step).
        let mut guard = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (list, map) = &mut *guard;
        if let Some(&i) = map.get(name) {
            return i;
        }
        // More than 65,535 distinct forvaltninger cannot happen in one municipality; should
        // a forged collection try, the overflow shares the last index rather than panicking.
        let i = u16::try_from(list.len()).unwrap_or(u16::MAX);
        list.push(name.to_owned());
        map.insert(name.to_owned(), i);
        i
    }

    /// All names, by index.
    pub fn list(&self) -> Vec<String> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .0
            .clone()
    }
}

/// A quarter as `year * 4 + (quarter - 1)`, in Copenhagen time.
pub type Quarter = i32;

/// The Copenhagen calendar date of a UTC second (the schedule's time zone, looked up once);
/// seconds outside the calendar clamp to its ends.
pub fn local_date(seconds: i64) -> jiff::civil::Date {
    static TZ: std::sync::LazyLock<jiff::tz::TimeZone> =
        std::sync::LazyLock::new(crate::schedule::copenhagen);
    match u64::try_from(seconds) {
        Ok(s) => crate::schedule::local_date(s, &TZ).unwrap_or(jiff::civil::Date::MAX),
        Err(_) => crate::schedule::local_date(0, &TZ).unwrap_or(jiff::civil::Date::MIN),
    }
}

/// The quarter a UTC second falls in.
pub fn quarter_of(seconds: i64) -> Quarter {
    let d = local_date(seconds);
    i32::from(d.year()) * 4 + i32::from((d.month() - 1) / 3)
}

/// `2024-Q3`.
pub fn quarter_label(q: Quarter) -> String {
    format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// A finish time in the report's state: UTC seconds as `u32`, which reaches 2106 (records
/// later than the report's moment are rejected as implausible, so none is cut). Half the size
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
const INLINE_MARKS: usize = 12;

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
    fn new(marks: impl ExactSizeIterator<Item = PackedMark>) -> Self {
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
    /// Attempts finished.
    pub attempts: u32,
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
    fn note(&mut self, finished: Secs, version: u32, passed: bool, current: u32) {
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

/// Correct and asked answers per topic.
pub type TopicSums = [(u64, u64); TOPICS];

/// Per-thread accumulators.
#[derive(Debug)]
pub struct Aggregator<'a> {
    index: &'a CourseIndex,
    names: &'a Names,
    cache: HashMap<String, u16>,
    /// Per learner id.
    pub learners: HashMap<Arc<str>, LearnerState>,
    /// Per (forvaltning, quarter): answers per topic.
    pub knowledge: HashMap<(u16, Quarter), Box<TopicSums>>,
    /// Per module index: the earliest finish of its current version.
    pub version_first: Vec<Option<i64>>,
    /// Completions added.
    pub counted: u64,
    /// Attempts finished after this second are left out of the schedule state.
    schedule_until: i64,
}

impl<'a> Aggregator<'a> {
    /// An empty aggregator over a course index and shared names; `now` is the report's moment.
    pub fn new(index: &'a CourseIndex, names: &'a Names, now: i64) -> Self {
        Aggregator {
            schedule_until: now,
            index,
            names,
            cache: HashMap::new(),
            learners: HashMap::new(),
            knowledge: HashMap::new(),
            version_first: vec![None; index.modules.len()],
            counted: 0,
        }
    }

    /// The course index.
    pub fn index(&self) -> &'a CourseIndex {
        self.index
    }

    fn forvaltning(&mut self, name: &str) -> u16 {
        if let Some(&i) = self.cache.get(name) {
            return i;
        }
        let i = self.names.intern(name);
        self.cache.insert(name.to_owned(), i);
        i
    }

    /// Adds one plausible completion (resolved against the course index).
    pub fn add(&mut self, c: &Completion, r: &Resolved) {
        self.counted += 1;
        let forv = self.forvaltning(&c.forvaltning);
        let quarter = quarter_of(c.finished);
        let sums = self
            .knowledge
            .entry((forv, quarter))
            .or_insert_with(|| Box::new([(0, 0); TOPICS]));
        let mut mask: u16 = 0;
        for (mark, &qi) in c.marks.iter().zip(&r.questions) {
            let right = u64::from(mark.correct);
            let area = usize::from(mark.area.code() - 1);
            sums[area].0 += right;
            sums[area].1 += 1;
            mask |= 1 << area;
            for g in &self.index.questions[qi].goals {
                let t = 11 + usize::from(g.code() - 1);
                sums[t].0 += right;
                sums[t].1 += 1;
                mask |= 1 << t;
            }
        }
        let module = r.module;
        if c.version == self.index.modules[module].version {
            let v = &mut self.version_first[module];
            *v = Some(v.map_or(c.finished, |t| t.min(c.finished)));
        }
        let finished = secs(c.finished);
        let learner = match self.learners.get_mut(c.learner.as_str()) {
            Some(l) => l,
            None => self
                .learners
                .entry(Arc::from(c.learner.as_str()))
                .or_insert_with(|| LearnerState {
                    forvaltning: (finished, forv),
                    first_seen: finished,
                    ..LearnerState::default()
                }),
        };
        if finished >= learner.forvaltning.0 {
            learner.forvaltning = (finished, forv);
        }
        learner.first_seen = learner.first_seen.min(finished);
        touch(&mut learner.touched, cell_key(forv, quarter), mask);
        let m16 = u16::try_from(module).unwrap_or(u16::MAX);
        let i = if let Some(i) = learner.modules.iter().position(|(m, _)| *m == m16) {
            i
        } else {
            learner.modules.push((m16, ModState::default()));
            learner.modules.len() - 1
        };
        let state = &mut learner.modules[i].1;
        state.attempts += 1;
        // Attempts after the report's moment (within the clock slack) do not count for the
        // schedule, as schedule::module_status ignores them too.
        if c.finished <= self.schedule_until {
            let current = self.index.modules[module].version;
            state.note(finished, c.version, c.passed, current);
        }
        let key = (finished, hash_prefix(&c.hash));
        if state.first.as_ref().is_none_or(|f| key < f.key) {
            state.first = Some(First {
                key,
                score: c.score,
                marks: Marks::new(c.marks.iter().zip(&r.questions).map(|(m, &qi)| {
                    u16::try_from(qi)
                        .ok()
                        .filter(|&q| q < NO_MARK / 2)
                        .map_or(NO_MARK, |q| q * 2 + u16::from(m.correct))
                })),
            });
        }
    }

    /// Gives back the spare capacity of every learner's lists (they grew by doubling while
    /// records came in); done once, before the report is built on top of them.
    pub fn compact(&mut self) {
        for l in self.learners.values_mut() {
            l.touched.shrink_to_fit();
            l.modules.shrink_to_fit();
        }
        self.learners.shrink_to_fit();
    }

    /// Joins another thread's accumulators into this one.
    pub fn merge(&mut self, other: Aggregator<'_>) {
        self.counted += other.counted;
        for (k, sums) in other.knowledge {
            let mine = self
                .knowledge
                .entry(k)
                .or_insert_with(|| Box::new([(0, 0); TOPICS]));
            for (a, b) in mine.iter_mut().zip(sums.iter()) {
                a.0 += b.0;
                a.1 += b.1;
            }
        }
        for (a, b) in self.version_first.iter_mut().zip(other.version_first) {
            *a = match (*a, b) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
        }
        // One allocation of the final size, not a chain of doublings with old and new alive.
        self.learners.reserve(other.learners.len());
        for (id, theirs) in other.learners {
            match self.learners.get_mut(&id) {
                None => {
                    self.learners.insert(id, theirs);
                }
                Some(mine) => merge_learner(mine, theirs),
            }
        }
    }
}

fn merge_learner(mine: &mut LearnerState, theirs: LearnerState) {
    if theirs.forvaltning.0 > mine.forvaltning.0 {
        mine.forvaltning = theirs.forvaltning;
    }
    mine.first_seen = mine.first_seen.min(theirs.first_seen);
    for cell in theirs.touched {
        touch(&mut mine.touched, cell & !MASK_BITS, mask_of(cell));
    }
    for (m, s) in theirs.modules {
        match mine.modules.iter_mut().find(|(x, _)| *x == m) {
            None => mine.modules.push((m, s)),
            Some((_, ms)) => {
                ms.attempts += s.attempts;
                if let Some((t, v)) = s.last
                    && ms.last.is_none_or(|(mt, _)| t >= mt)
                {
                    ms.last = Some((t, v));
                    ms.last_passed = s.last_passed;
                }
                for (mine, theirs, later) in [
                    (&mut ms.first_pass, s.first_pass, false),
                    (&mut ms.pass_current, s.pass_current, true),
                    (&mut ms.pass_older, s.pass_older, true),
                ] {
                    if let Some((t, v)) = theirs
                        && mine.is_none_or(|(mt, _)| if later { t >= mt } else { t < mt })
                    {
                        *mine = Some((t, v));
                    }
                }
                if let Some(f) = s.first
                    && ms.first.as_ref().is_none_or(|mf| f.key < mf.key)
                {
                    ms.first = Some(f);
                }
            }
        }
    }
}

/// The low 16 bits of a touched cell: the topic mask.
const MASK_BITS: u64 = 0xFFFF;

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

fn touch(touched: &mut Vec<u64>, key: u64, mask: u16) {
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

fn hash_prefix(h: &[u8; 32]) -> u32 {
    u32::from_be_bytes([h[0], h[1], h[2], h[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_follow_copenhagen_time() {
        // 2023-12-31 23:30 UTC is 2024-01-01 00:30 in Copenhagen: first quarter of 2024.
        assert_eq!(quarter_label(quarter_of(1_704_065_400)), "2024-Q1");
        assert_eq!(quarter_label(quarter_of(1_719_000_000)), "2024-Q2");
    }

    #[test]
    fn cell_keys_round_trip() {
        for (f, q) in [(0u16, 0i32), (6, 2024 * 4 + 3), (u16::MAX, 16_383 * 4)] {
            assert_eq!(cell_parts(cell_key(f, q)), (f, q));
            assert_eq!(
                cell_parts(cell_key(f, q) | 0x3FFF),
                (f, q),
                "the mask is apart"
            );
        }
        assert_eq!(cell_parts(cell_key(1, -5)), (1, 0), "clamped, not wrapped");
    }
}
