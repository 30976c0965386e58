//! Streaming aggregation of accepted completions into per-learner state. One [`Aggregator`]
//! per thread; [`Aggregator::merge`] joins them. Memory grows with the number of learners
//! (their per-module state, the first attempt's marks for item statistics, and the attempt
//! that stands for them per quarter and module in the knowledge figures), never with the
//! number of retakes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::attempt::FinishedAttempt;
use crate::record::CompletionRecord;

use super::model::TOPICS;
use crate::schedule::{COPENHAGEN, COPENHAGEN_DATES};
use crate::verdict::{CourseIndex, Resolved};

mod state;

use self::state::stand;
pub use self::state::{
    Facts, First, INLINE_MARKS, LearnerState, Marks, ModState, NO_MARK, PackedMark, Secs, Stamp,
    Standing, StandingCell, TopicCount, TopicMarks, secs, sparse, standing_key,
};

/// Forvaltning names interned across threads, so indices agree without remapping.
#[derive(Debug, Default)]
pub struct Names {
    inner: Mutex<(Vec<String>, HashMap<String, u16>)>,
}

impl Names {
    /// The index of `name`, given it if it has none yet.
    pub(crate) fn intern(&self, name: &str) -> u16 {
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

    /// The name with index `i`.
    pub(crate) fn name(&self, i: u16) -> Option<String> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .0
            .get(usize::from(i))
            .cloned()
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

/// The quarter a UTC second falls in, in Copenhagen; a second beyond the calendar (no real
/// attempt has one) falls in its last quarter.
pub fn quarter_of(seconds: i64) -> Quarter {
    quarter_of_date(
        COPENHAGEN_DATES
            .date(seconds)
            .unwrap_or(jiff::civil::Date::MAX),
    )
}

/// The quarter a date falls in.
pub fn quarter_of_date(d: jiff::civil::Date) -> Quarter {
    i32::from(d.year()) * 4 + i32::from((d.month() - 1) / 3)
}

/// The first second (UTC) of a quarter, which starts at midnight in Copenhagen.
pub fn quarter_start(q: Quarter) -> i64 {
    let year = i16::try_from(q.div_euclid(4)).unwrap_or(i16::MAX);
    let month = i8::try_from(q.rem_euclid(4) * 3 + 1).unwrap_or(1);
    jiff::civil::Date::new(year, month, 1)
        .ok()
        .and_then(|d| {
            COPENHAGEN
                .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .ok()
        })
        .map_or(i64::MAX, jiff::Timestamp::as_second)
}

/// The last second of the quarter before the one `now` is in: the aggregation keeps the
/// schedule's facts as of then too (the overview's change since the quarter before).
pub fn before_until(now: i64) -> i64 {
    quarter_start(quarter_of(now)) - 1
}

/// `2024-Q3`.
pub fn quarter_label(q: Quarter) -> String {
    format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// Per-thread accumulators.
#[derive(Debug)]
pub struct Aggregator<'a> {
    index: &'a CourseIndex,
    names: &'a Names,
    cache: HashMap<String, u16>,
    /// Per learner id. Boxed: the table then holds 24 bytes per learner, not 104, and it is
    /// there twice while threads' tables are merged.
    pub learners: HashMap<Arc<str>, Box<LearnerState>>,
    /// Per module index: the earliest finish of its current version.
    pub version_first: Vec<Option<i64>>,
    /// Completions added.
    pub counted: u64,
    /// Learners whose state waits in the report's cache, not in `learners` (none is in both
    /// once reading is done: `crate::report::read`).
    pub spilled: Vec<crate::report::cache::Spilled>,
    /// Attempts finished after this second are left out of the schedule state.
    schedule_until: i64,
    /// The last second of the quarter before the report's: the schedule's facts as of then.
    before_until: i64,
}

impl<'a> Aggregator<'a> {
    /// An empty aggregator over a course index and shared names; `now` is the report's moment.
    pub fn new(index: &'a CourseIndex, names: &'a Names, now: i64) -> Self {
        Aggregator {
            schedule_until: now,
            before_until: before_until(now),
            index,
            names,
            cache: HashMap::new(),
            learners: HashMap::new(),
            version_first: vec![None; index.modules.len()],
            counted: 0,
            spilled: Vec::new(),
        }
    }

    /// The course index.
    pub fn index(&self) -> &'a CourseIndex {
        self.index
    }

    /// The run-wide index of forvaltning `name` (asked of the shared names once per thread).
    pub(crate) fn forvaltning(&mut self, name: &str) -> u16 {
        if let Some(&i) = self.cache.get(name) {
            return i;
        }
        let i = self.names.intern(name);
        self.cache.insert(name.to_owned(), i);
        i
    }

    /// Adds one accepted record (its attempt resolved against the course index).
    pub fn add(&mut self, record: &CompletionRecord, r: &Resolved) {
        let c = &record.attempt;
        let finished_at = super::utc_seconds(c.finished);
        self.counted += 1;
        let forv = self.forvaltning(&c.forvaltning);
        let quarter = quarter_of(finished_at);
        let mut marks: TopicMarks = [(0, 0); TOPICS];
        for (mark, &qi) in c.answers.iter().zip(&r.questions) {
            let right = u8::from(mark.correct);
            // The course's area, never the record's: a forged area moves no figure.
            let question = &self.index.questions[qi];
            let area = usize::from(question.area.code() - 1);
            let goals = question
                .goals
                .iter()
                .map(|g| 11 + usize::from(g.code() - 1));
            for t in std::iter::once(area).chain(goals) {
                let (correct, asked) = &mut marks[t];
                *correct = correct.saturating_add(right);
                *asked = asked.saturating_add(1);
            }
        }
        let module = r.module;
        if c.module_version == self.index.modules[module].version {
            let v = &mut self.version_first[module];
            *v = Some(v.map_or(finished_at, |t| t.min(finished_at)));
        }
        let finished = secs(finished_at);
        let learner = match self.learners.get_mut(c.learner.as_str()) {
            Some(l) => l,
            None => self
                .learners
                .entry(Arc::from(c.learner.as_str()))
                .or_insert_with(|| {
                    Box::new(LearnerState {
                        forvaltning: (finished, forv),
                        first_seen: finished,
                        ..LearnerState::default()
                    })
                }),
        };
        if finished >= learner.forvaltning.0 {
            learner.forvaltning = (finished, forv);
        }
        learner.first_seen = learner.first_seen.min(finished);
        let m16 = u16::try_from(module).unwrap_or(u16::MAX);
        let key = (finished, hash_prefix(&record.hash));
        let (topics, counts) = sparse(&marks);
        stand(
            learner,
            Standing {
                cell: standing_key(forv, quarter, m16),
                topics,
                key,
            },
            counts,
        );
        let state = module_state(learner, module);
        state.attempts += 1;
        // Attempts after the report's moment (within the clock slack) do not count for the
        // schedule, as schedule::module_status ignores them too.
        let current = self.index.modules[module].version;
        state.note(
            (finished_at, finished),
            (c.module_version, c.passed, current),
            (self.schedule_until, self.before_until),
        );
        if state.first.as_ref().is_none_or(|f| key < f.key) {
            state.first = Some(First {
                key,
                score: c.score,
                marks: Marks::new(c.answers.iter().zip(&r.questions).map(|(m, &qi)| {
                    u16::try_from(qi)
                        .ok()
                        .filter(|&q| q < NO_MARK / 2)
                        .map_or(NO_MARK, |q| q * 2 + u16::from(m.correct))
                })),
            });
        }
    }

    /// Notes an attempt the verdict did not accept, for its learner and module: it counts in
    /// no figure, but the learner is then known to have tried (never "never started") and the
    /// follow-up can say why a module is still open. An attempt at a module outside the course
    /// set cannot be placed and is only listed as a problem. Its time is clamped to the span a
    /// record can have ([`crate::verdict::EARLIEST`] to the report's moment), and it never sets
    /// a known learner's forvaltning.
    pub fn add_not_accepted(&mut self, a: &FinishedAttempt) {
        let Some(module) = self.index.module(&a.module) else {
            return;
        };
        let at = secs(
            super::utc_seconds(a.finished)
                .min(self.schedule_until)
                .max(crate::verdict::EARLIEST),
        );
        let forv = self.forvaltning(&a.forvaltning);
        let learner = match self.learners.get_mut(a.learner.as_str()) {
            Some(l) => l,
            None => self
                .learners
                .entry(Arc::from(a.learner.as_str()))
                .or_insert_with(|| {
                    Box::new(LearnerState {
                        // Time 0: any counted record's forvaltning wins over this one.
                        forvaltning: (0, forv),
                        first_seen: at,
                        ..LearnerState::default()
                    })
                }),
        };
        let state = module_state(learner, module);
        state.not_accepted = Some(state.not_accepted.map_or(at, |t| t.max(at)));
    }

    /// Gives back the spare capacity of every learner's lists (they grew by doubling while
    /// records came in); done once, before the report is built on top of them.
    pub fn compact(&mut self) {
        for l in self.learners.values_mut() {
            l.standing.shrink_to_fit();
            l.counts.shrink_to_fit();
            l.modules.shrink_to_fit();
        }
        self.learners.shrink_to_fit();
    }

    /// Joins another thread's accumulators into this one.
    pub fn merge(&mut self, other: Aggregator<'_>) {
        self.counted += other.counted;
        for (a, b) in self.version_first.iter_mut().zip(other.version_first) {
            *a = match (*a, b) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
        }
        // One allocation of the final size, not a chain of doublings with old and new alive.
        self.learners.reserve(other.learners.len());
        self.join_learners(other.learners);
        self.spilled.extend(other.spilled);
    }

    /// Joins the accumulators of one log whose only learner's state was written to the
    /// report's cache as `entry`: its counts here, its learner left there
    /// ([`crate::report::cache::Spilled`]).
    pub fn merge_spilled(
        &mut self,
        mut other: Aggregator<'_>,
        entry: crate::report::cache::EntryRef,
    ) {
        for id in other.learners.keys() {
            self.spilled.push(crate::report::cache::Spilled {
                id_hash: crate::report::cache::id_hash(id),
                entry,
            });
        }
        other.learners.clear();
        self.merge(other);
    }

    /// Adds what one log added elsewhere (read back from the report's cache): `counted`
    /// completions, the earliest finish of a module's current version per module index
    /// (`firsts`), and per learner.
    pub fn absorb(
        &mut self,
        counted: u64,
        firsts: &[(usize, i64)],
        learners: Vec<(Arc<str>, Box<LearnerState>)>,
    ) {
        self.counted += counted;
        for &(m, t) in firsts {
            if let Some(v) = self.version_first.get_mut(m) {
                *v = Some(v.map_or(t, |x| x.min(t)));
            }
        }
        self.join_learners(learners);
    }

    /// Adds learners' states read elsewhere (from the report's cache).
    pub fn join_learners(
        &mut self,
        learners: impl IntoIterator<Item = (Arc<str>, Box<LearnerState>)>,
    ) {
        for (id, theirs) in learners {
            match self.learners.get_mut(&id) {
                None => {
                    self.learners.insert(id, theirs);
                }
                Some(mine) => merge_learner(mine, *theirs),
            }
        }
    }
}

/// A learner's state in module `module`, made if it is not there yet.
fn module_state(learner: &mut LearnerState, module: usize) -> &mut ModState {
    let m16 = u16::try_from(module).unwrap_or(u16::MAX);
    let i = if let Some(i) = learner.modules.iter().position(|(m, _)| *m == m16) {
        i
    } else {
        // One more, not twice as many: the lists are short and kept for everyone.
        learner.modules.reserve_exact(1);
        learner.modules.push((m16, ModState::default()));
        learner.modules.len() - 1
    };
    &mut learner.modules[i].1
}

fn merge_learner(mine: &mut LearnerState, theirs: LearnerState) {
    if theirs.forvaltning.0 > mine.forvaltning.0 {
        mine.forvaltning = theirs.forvaltning;
    }
    mine.first_seen = mine.first_seen.min(theirs.first_seen);
    for (s, counts) in theirs.standings() {
        stand(mine, s, counts.iter().copied());
    }
    for (m, s) in theirs.modules {
        match mine.modules.iter_mut().find(|(x, _)| *x == m) {
            None => {
                mine.modules.reserve_exact(1);
                mine.modules.push((m, s));
            }
            Some((_, ms)) => {
                ms.attempts += s.attempts;
                ms.not_accepted = ms.not_accepted.max(s.not_accepted);
                ms.merge_facts(&s);
                if let Some(f) = s.first
                    && ms.first.as_ref().is_none_or(|mf| f.key < mf.key)
                {
                    ms.first = Some(f);
                }
            }
        }
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
        // 2024-01-01 00:00 in Copenhagen is 2023-12-31 23:00 UTC.
        assert_eq!(quarter_start(2024 * 4), 1_704_063_600);
        assert_eq!(quarter_of(quarter_start(2024 * 4 + 2) - 1), 2024 * 4 + 1);
    }

    #[test]
    fn the_state_kept_for_everyone_stays_small() {
        // Kept per learner, module and quarter: over a million at a municipality's size.
        assert_eq!(size_of::<Standing>(), 16);
        assert_eq!(size_of::<Facts>(), 36);
        assert!(size_of::<ModState>() <= 96, "{}", size_of::<ModState>());
    }

    #[test]
    fn standing_keys_round_trip() {
        for (f, q, m) in [
            (0u16, 0i32, 0u16),
            (6, 2024 * 4 + 3, 5),
            (u16::MAX, 16_383 * 4, 9),
        ] {
            let s = Standing {
                cell: standing_key(f, q, m),
                topics: 0,
                key: (0, 0),
            };
            assert_eq!((s.forvaltning(), s.quarter()), (f, q));
            let other = Standing {
                cell: standing_key(f ^ 1, q, m),
                ..s
            };
            assert_eq!(
                s.slot(),
                other.slot(),
                "the slot is apart from the forvaltning"
            );
            assert_eq!(s.cell.module(), m);
        }
        assert_eq!(
            standing_key(1, -5, 0),
            standing_key(1, 0, 0),
            "clamped, not wrapped"
        );
    }

    #[test]
    fn a_later_attempt_replaces_the_standing_one_in_any_order() {
        // Attempts at module 1 asking about one, three or two topics, and one at module 2
        // standing after it in the list: a replacement of another width moves its counts.
        let at = |t: Secs, module: u16, right: u8, topics: usize| {
            let mut m: TopicMarks = [(0, 0); TOPICS];
            for slot in m.iter_mut().skip(2).take(topics) {
                *slot = (right, 4);
            }
            (t, module, m)
        };
        let attempts = [
            at(1, 1, 0, 1),
            at(5, 2, 2, 2),
            at(3, 1, 4, 3),
            at(2, 1, 1, 2),
        ];
        let states: Vec<LearnerState> = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]]
            .iter()
            .map(|order| {
                let mut l = LearnerState::default();
                for &i in order {
                    let (t, module, marks) = attempts[i];
                    let (topics, counts) = sparse(&marks);
                    let s = Standing {
                        cell: standing_key(0, 8100, module),
                        topics,
                        key: (t, 0),
                    };
                    stand(&mut l, s, counts);
                }
                l
            })
            .collect();
        for l in &states {
            let mut got: Vec<(u16, Secs, Vec<usize>, Vec<TopicCount>)> = l
                .standings()
                .map(|(s, c)| {
                    (
                        s.cell.module(),
                        s.key.0,
                        s.topic_indices().collect(),
                        c.to_vec(),
                    )
                })
                .collect();
            got.sort_unstable();
            assert_eq!(
                got,
                vec![
                    (1, 3, vec![2, 3, 4], vec![(4, 4); 3]),
                    (2, 5, vec![2, 3], vec![(2, 4); 2]),
                ]
            );
            assert_eq!(l.counts.len(), 5, "no counts left behind");
        }
    }
}
