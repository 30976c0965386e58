//! The learner's own answers over time (policy 1.8: the knowledge level is followed up):
//! per question and per area, how often and how recently they answered correctly, and their
//! knowledge per area attempt by attempt for the result screen. Pure; the caller reads the
//! learner's finished attempts from their log.

use std::collections::BTreeMap;

use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::policy::Area;

/// How a learner has done on one question, or on all questions of one area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    /// Times asked.
    pub asked: u32,
    /// Times answered correctly.
    pub correct: u32,
    /// Finish time of the latest attempt that asked it.
    pub last_asked: u64,
    /// Finish time of the latest attempt in which it was answered correctly.
    pub last_correct: Option<u64>,
    /// Whether every answer in the latest attempt that asked it was correct.
    pub last_was_correct: bool,
    /// Share answered correctly, 0–1, each attempt counting half as much as the one after it,
    /// so what the learner knows now outweighs what they knew years ago.
    pub mastery: f64,
    /// Recency-weighted correct answers (numerator of `mastery`).
    weighted_correct: f64,
    /// Recency-weighted answers (denominator of `mastery`).
    weighted_asked: f64,
}

/// How much an attempt counts relative to the next one.
const DECAY: f64 = 0.5;

impl Tally {
    fn new() -> Tally {
        Tally {
            asked: 0,
            correct: 0,
            last_asked: 0,
            last_correct: None,
            last_was_correct: true,
            mastery: 0.0,
            weighted_correct: 0.0,
            weighted_asked: 0.0,
        }
    }

    /// Adds one attempt's answers (`right` of `asked`), attempts coming in time order.
    fn add(&mut self, finished: u64, right: u32, asked: u32) {
        self.weighted_correct = self.weighted_correct * DECAY + f64::from(right);
        self.weighted_asked = self.weighted_asked * DECAY + f64::from(asked);
        self.mastery = if self.weighted_asked > 0.0 {
            self.weighted_correct / self.weighted_asked
        } else {
            0.0
        };
        self.asked = self.asked.saturating_add(asked);
        self.correct = self.correct.saturating_add(right);
        self.last_asked = finished;
        self.last_was_correct = right == asked;
        if right > 0 {
            self.last_correct = Some(finished);
        }
    }
}

/// What a learner's history says per question and per area.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Knowledge {
    /// Per question id.
    pub questions: BTreeMap<String, Tally>,
    /// Per area, over every question of the area in every module.
    pub areas: BTreeMap<Area, Tally>,
}

/// The attempts in time order (equal times keep their order in the log).
fn chronological<'a>(
    history: impl IntoIterator<Item = &'a FinishedAttempt>,
) -> Vec<&'a FinishedAttempt> {
    let mut sorted: Vec<&FinishedAttempt> = history.into_iter().collect();
    sorted.sort_by_key(|a| a.finished);
    sorted
}

/// Correct and asked per key within one attempt.
fn count_by<K: Ord>(
    attempt: &FinishedAttempt,
    key: impl Fn(&AnsweredQuestion) -> K,
) -> BTreeMap<K, (u32, u32)> {
    let mut counts: BTreeMap<K, (u32, u32)> = BTreeMap::new();
    for answer in &attempt.answers {
        let entry = counts.entry(key(answer)).or_default();
        entry.0 = entry.0.saturating_add(u32::from(answer.correct));
        entry.1 = entry.1.saturating_add(1);
    }
    counts
}

impl Knowledge {
    /// Tallies a learner's history (any order; any modules).
    pub fn from_history<'a>(history: impl IntoIterator<Item = &'a FinishedAttempt>) -> Knowledge {
        let mut k = Knowledge::default();
        for attempt in chronological(history) {
            for (id, (right, asked)) in count_by(attempt, |a| a.id.clone()) {
                k.questions.entry(id).or_insert_with(Tally::new).add(
                    attempt.finished,
                    right,
                    asked,
                );
            }
            for (area, (right, asked)) in count_by(attempt, |a| a.area) {
                k.areas
                    .entry(area)
                    .or_insert_with(Tally::new)
                    .add(attempt.finished, right, asked);
            }
        }
        k
    }
}

/// The learner's result in one area in one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaPoint {
    /// When the attempt was finished, in UTC seconds since 1970.
    pub finished: u64,
    /// Questions of the area answered correctly.
    pub correct: u32,
    /// Questions of the area asked.
    pub asked: u32,
}

/// The learner's knowledge of one area over their attempts, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaProgress {
    /// The area.
    pub area: Area,
    /// One point per attempt that asked about the area.
    pub points: Vec<AreaPoint>,
}

/// The learner's own knowledge per area over their attempts (for the result screen), in the
/// order of policy 1.3, for the areas they have been asked about.
pub fn knowledge_by_area<'a>(
    history: impl IntoIterator<Item = &'a FinishedAttempt>,
) -> Vec<AreaProgress> {
    let mut by_area: BTreeMap<Area, Vec<AreaPoint>> = BTreeMap::new();
    for attempt in chronological(history) {
        for (area, (correct, asked)) in count_by(attempt, |a| a.area) {
            by_area.entry(area).or_default().push(AreaPoint {
                finished: attempt.finished,
                correct,
                asked,
            });
        }
    }
    Area::ALL
        .into_iter()
        .filter_map(|area| {
            by_area
                .remove(&area)
                .map(|points| AreaProgress { area, points })
        })
        .collect()
}
