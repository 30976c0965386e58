//! The course set as the report looks things up in it, and the plausibility rules a verified
//! record must also pass before it is counted. A record can carry a valid hash chain and still
//! be made up: the learner's own program holds no secret (see the threat model in
//! design.md), so the report checks that what a record claims could have happened.
//!
//! Rules (each a reason in [`Implausible`]):
//! - the module and every question exist in the course set, and the question belongs to that
//!   module;
//! - the content hash is one a known version of the module has: the current course set, plus
//!   versions the report has seen in earlier runs (kept in its anchor file);
//! - score ≤ maximum, the maximum equals the questions listed, the score equals those marked
//!   correct, and for the current version `passed` agrees with the pass mark;
//! - the attempt took at least as long as skim-reading its questions: per question
//!   [`MIN_SECONDS_PER_QUESTION`], or its words (prompt and all choices, in the shorter of
//!   Danish and English) at [`SKIM_WORDS_PER_SECOND`], whichever is more. 10 words a second
//!   (600 a minute) is well above normal reading (200–300) and at the top of skimming;
//! - it did not finish before it started, nor after the report's `now` (plus a day of clock
//!   slack).

use std::collections::HashMap;

use super::utc_seconds;
use crate::attempt::FinishedAttempt;
use crate::canon::{Digest32, hex};
use crate::course::{CourseSet, Module, Question, Text};
use crate::policy::{Area, Goal};
use crate::quiz::passes;

/// Seconds every question takes at least, however short: reading, choosing, confirming.
pub const MIN_SECONDS_PER_QUESTION: u32 = 2;
/// Words per second at the top of skimming speed.
pub const SKIM_WORDS_PER_SECOND: u32 = 10;
/// How far into the future (relative to `now`) a finish time may lie before it is implausible.
pub const CLOCK_SLACK_SECONDS: i64 = 86_400;

/// A module of the course set, as the report needs it.
#[derive(Debug, Clone)]
pub struct ModuleInfo {
    /// Module id.
    pub id: String,
    /// Title, Danish and English.
    pub title: Text,
    /// Current version.
    pub version: u32,
    /// Months between refreshers; `None` for onboarding.
    pub every_months: Option<u32>,
    /// Questions per attempt.
    pub draw: u32,
    /// Pass mark in percent.
    pub pass_mark: u32,
    /// Current content hash.
    pub hash: Digest32,
    /// The module itself (the schedule works on it).
    pub module: Module,
}

/// A question of the course set.
#[derive(Debug, Clone)]
pub struct QuestionInfo {
    /// Question id.
    pub id: String,
    /// Index of its module in [`CourseIndex::modules`].
    pub module: usize,
    /// Its area.
    pub area: Area,
    /// Its goals.
    pub goals: Vec<Goal>,
    /// The least time, in seconds, it takes to read.
    pub min_seconds: u32,
}

/// Fast lookups into a course set, plus the content hashes of earlier module versions.
#[derive(Debug, Clone, Default)]
pub struct CourseIndex {
    /// Modules in course-set order.
    pub modules: Vec<ModuleInfo>,
    /// Questions, grouped by module in course-set order.
    pub questions: Vec<QuestionInfo>,
    module_by_id: HashMap<String, usize>,
    question_by_id: HashMap<String, usize>,
    /// Content hash → (module index, version).
    known: HashMap<Digest32, (usize, u32)>,
}

/// A known module version: module id, version and content hash.
pub type KnownVersion = (String, u32, Digest32);

impl CourseIndex {
    /// Indexes a course set; `earlier` adds versions seen before (modules no longer in the set
    /// are ignored: their records are implausible anyway).
    pub fn new(set: &CourseSet, earlier: &[KnownVersion]) -> Self {
        let mut index = CourseIndex::default();
        for (mi, loaded) in set.modules.iter().enumerate() {
            let m = &loaded.module;
            index.module_by_id.insert(m.id.clone(), mi);
            index.known.insert(loaded.hash, (mi, m.version));
            index.modules.push(ModuleInfo {
                id: m.id.clone(),
                title: m.title.clone(),
                version: m.version,
                every_months: m.every_months(),
                draw: m.draw,
                pass_mark: m.pass_mark,
                hash: loaded.hash,
                module: m.clone(),
            });
            for q in &m.questions {
                index
                    .question_by_id
                    .insert(q.id.clone(), index.questions.len());
                index.questions.push(QuestionInfo {
                    id: q.id.clone(),
                    module: mi,
                    area: q.area,
                    goals: q.goals.clone(),
                    min_seconds: min_seconds(q),
                });
            }
        }
        for (id, version, hash) in earlier {
            if let Some(&mi) = index.module_by_id.get(id) {
                index.known.entry(*hash).or_insert((mi, *version));
            }
        }
        index
    }

    /// The index of the module with this id.
    pub fn module(&self, id: &str) -> Option<usize> {
        self.module_by_id.get(id).copied()
    }

    /// The index of the question with this id.
    pub fn question(&self, id: &str) -> Option<usize> {
        self.question_by_id.get(id).copied()
    }

    /// Every known (module id, version, hash), for remembering in the anchor file.
    pub fn known_versions(&self) -> Vec<KnownVersion> {
        let mut v: Vec<KnownVersion> = self
            .known
            .iter()
            .map(|(h, &(mi, version))| (self.modules[mi].id.clone(), version, *h))
            .collect();
        v.sort();
        v
    }

    /// Checks a verified record's attempt against the rules in this module's header; on
    /// success returns the module index and, per answered question, the question index.
    pub fn check(&self, c: &FinishedAttempt, now: i64) -> Result<Resolved, Implausible> {
        let module = self
            .module(&c.module)
            .ok_or_else(|| Implausible::UnknownModule(c.module.clone()))?;
        match self.known.get(&c.content_hash) {
            Some(&(mi, v)) if mi == module && v == c.module_version => {}
            _ => {
                return Err(Implausible::UnknownContentHash {
                    module: c.module.clone(),
                    version: c.module_version,
                    hash: hex(&c.content_hash[..6]),
                });
            }
        }
        let mut questions = Vec::with_capacity(c.answers.len());
        let mut min_total: u64 = 0;
        for mark in &c.answers {
            let qi = self
                .question(&mark.id)
                .filter(|&qi| self.questions[qi].module == module)
                .ok_or_else(|| Implausible::UnknownQuestion {
                    module: c.module.clone(),
                    question: mark.id.clone(),
                })?;
            min_total += u64::from(self.questions[qi].min_seconds);
            questions.push(qi);
        }
        if c.score > c.max {
            return Err(Implausible::ScoreAboveMax);
        }
        let right = c.answers.iter().filter(|m| m.correct).count();
        if usize::try_from(c.max).ok() != Some(c.answers.len())
            || usize::try_from(c.score).ok() != Some(right)
        {
            return Err(Implausible::ScoreDisagreesWithAnswers);
        }
        let info = &self.modules[module];
        if c.module_version == info.version && c.passed != passes(c.score, c.max, info.pass_mark) {
            return Err(Implausible::PassedDisagreesWithPassMark);
        }
        let (started, finished) = (utc_seconds(c.started), utc_seconds(c.finished));
        if finished < started {
            return Err(Implausible::FinishedBeforeStart);
        }
        if finished > now.saturating_add(CLOCK_SLACK_SECONDS) {
            return Err(Implausible::InTheFuture);
        }
        let took = finished - started;
        if i64::try_from(min_total).is_ok_and(|min| took < min) {
            return Err(Implausible::TooFast {
                seconds: took,
                minimum: min_total,
            });
        }
        Ok(Resolved { module, questions })
    }
}

/// A plausible completion's module and question indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Index into [`CourseIndex::modules`].
    pub module: usize,
    /// Per answered question, index into [`CourseIndex::questions`].
    pub questions: Vec<usize>,
}

/// Why a verified record is not believed. Messages never state the learner's score.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Implausible {
    /// The module is not in the course set.
    #[error(
        "module `{0}` is not in the course set; if it is a retired module, report with the course set that had it (--courses)"
    )]
    UnknownModule(String),
    /// A question is not in the module.
    #[error("question `{question}` is not a question of module `{module}` in the course set")]
    UnknownQuestion {
        /// Module id.
        module: String,
        /// Question id.
        question: String,
    },
    /// No known version of the module has this content hash.
    #[error(
        "content hash {hash}… is not that of any known version of module `{module}` (the record says version {version}); the content was altered, or the version predates this report's memory"
    )]
    UnknownContentHash {
        /// Module id.
        module: String,
        /// The version the record claims.
        version: u32,
        /// The first hex digits of the hash.
        hash: String,
    },
    /// Score above the maximum.
    #[error("the score is above the maximum")]
    ScoreAboveMax,
    /// Score or maximum differ from the per-question marks.
    #[error("the score or the maximum does not match the questions listed")]
    ScoreDisagreesWithAnswers,
    /// `passed` contradicts the module's pass mark.
    #[error("`passed` does not agree with the module's pass mark")]
    PassedDisagreesWithPassMark,
    /// Finish before start.
    #[error("the attempt finished before it started")]
    FinishedBeforeStart,
    /// Finish after now.
    #[error("the attempt finished in the future (check the learner's clock)")]
    InTheFuture,
    /// Faster than the questions can be read.
    #[error(
        "the attempt took {seconds} s, less than the {minimum} s it takes to skim its questions"
    )]
    TooFast {
        /// How long it took.
        seconds: i64,
        /// The least plausible time.
        minimum: u64,
    },
}

/// The least time a question takes, by the reading rule in this module's header.
fn min_seconds(q: &Question) -> u32 {
    let words = |lang_pick: fn(&Text) -> Option<&str>| -> Option<usize> {
        let mut n = count_words(lang_pick(&q.prompt)?);
        for c in &q.choices {
            n += count_words(lang_pick(&c.text)?);
        }
        Some(n)
    };
    let da = words(|t| Some(t.da.as_str())).unwrap_or(0);
    let shortest = words(|t| t.en.as_deref()).map_or(da, |en| en.min(da));
    let reading = u32::try_from(shortest).unwrap_or(u32::MAX) / SKIM_WORDS_PER_SECOND;
    reading.max(MIN_SECONDS_PER_QUESTION)
}

fn count_words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Used by tests and the simulator: the least plausible time for a module's question.
pub fn question_min_seconds(m: &Module, question: usize) -> u32 {
    m.questions.get(question).map_or(0, min_seconds)
}

mod text;

#[cfg(test)]
mod tests;
