//! The one verdict on a finished attempt: does it count? The learner's program asks it before
//! it shows a result (and when it plans what is due), and the report asks it of every verified
//! record, so the learner is never told "Bestået" for an attempt the report will not count.
//!
//! A record can carry a valid hash chain and still be made up: the learner's own program holds
//! no secret (see the threat model in design.md), so the verdict checks that what an attempt
//! claims could have happened in the program. Every rule is one reason in [`NotAccepted`]:
//!
//! - **the module and its version**: the module is in the course set, and the content hash is
//!   that of a known version of it (the current set, plus earlier versions the caller
//!   remembers: the report from genuine logs it saw before, the learner's program from its
//!   own log);
//! - **exactly the module's draw**: as many answers as the module draws (`draw`);
//! - **the module's own questions, each once**: every answer's question id is a question of
//!   that module, and no id appears twice;
//! - **areas from the course**: every answer's area is the one the course gives that question
//!   (the report aggregates by the course's area and goals anyway, so a forged area could move
//!   nothing, but a record that disagrees with the course was not written by the program);
//! - **the figures**: score ≤ maximum, the maximum equals the answers listed, the score equals
//!   those marked correct, and for the current version `passed` agrees with the pass mark;
//! - **times**: the attempt did not finish before it started, did not start before
//!   [`EARLIEST`] (1 January 2020: no completion record can be older than this record format,
//!   and the bound leaves room for simulated history of five years before the first release in
//!   2026; a clock at 1970 is caught), did not finish after `now` plus [`CLOCK_SLACK_SECONDS`]
//!   (a day, for clocks that are somewhat off), and took at most [`MAX_SECONDS`] (24 hours:
//!   a quiz of ten questions takes minutes and is held only while the program runs, so a
//!   quiz left open overnight still counts, a week-long "attempt" does not);
//! - **reading time**: the attempt took at least as long as skim-reading its questions: per
//!   question [`MIN_SECONDS_PER_QUESTION`], or its words (prompt and all choices, in the
//!   shorter of Danish and English) at [`SKIM_WORDS_PER_SECOND`], whichever is more. 10 words
//!   a second (600 a minute) is well above normal reading (200–300) and at the top of
//!   skimming.
//!
//! Rules that need a module's content (the draw, the bank, the areas) are checked against the
//! course set in use, for attempts at earlier versions too: the report cannot know an earlier
//! version's content. A new version that removes a question, moves one to another area or
//! changes the draw therefore makes the attempts at earlier versions stop counting.

use crate::attempt::FinishedAttempt;
use crate::canon::hex;
use crate::quiz::passes;
use crate::schedule::AttemptFacts;

mod index;
mod text;

pub use self::index::{CourseIndex, KnownVersion, ModuleInfo, QuestionInfo, question_min_seconds};

/// Seconds every question takes at least, however short: reading, choosing, confirming.
pub const MIN_SECONDS_PER_QUESTION: u32 = 2;
/// Words per second at the top of skimming speed.
pub const SKIM_WORDS_PER_SECOND: u32 = 10;
/// How far into the future (relative to `now`) a finish time may lie and still count.
pub const CLOCK_SLACK_SECONDS: i64 = 86_400;
/// The longest an attempt may take: 24 hours.
pub const MAX_SECONDS: i64 = 86_400;
/// The earliest start that counts: 2020-01-01 00:00 UTC.
pub const EARLIEST: i64 = 1_577_836_800;

/// A record's time (UTC seconds) as the verdict and the report compute with it. Times beyond
/// `i64` (the year 292 billion) saturate, and are then caught by the rule for future times.
pub fn utc_seconds(t: u64) -> i64 {
    i64::try_from(t).unwrap_or(i64::MAX)
}

/// An accepted attempt's module and question indices in the [`CourseIndex`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Index into [`CourseIndex::modules`].
    pub module: usize,
    /// Per answered question, index into [`CourseIndex::questions`].
    pub questions: Vec<usize>,
}

impl CourseIndex {
    /// The verdict on `a` at the moment `now` (UTC seconds): the rules in this module's
    /// header. On acceptance, the module index and, per answer, the question index.
    pub fn check(&self, a: &FinishedAttempt, now: i64) -> Result<Resolved, NotAccepted> {
        let module = self
            .module(&a.module)
            .ok_or_else(|| NotAccepted::UnknownModule(a.module.clone()))?;
        match self.known.get(&a.content_hash) {
            Some(&(mi, v)) if mi == module && v == a.module_version => {}
            _ => {
                return Err(NotAccepted::UnknownContentHash {
                    module: a.module.clone(),
                    version: a.module_version,
                    hash: hex(&a.content_hash[..6]),
                });
            }
        }
        let info = &self.modules[module];
        if usize::try_from(info.draw).ok() != Some(a.answers.len()) {
            return Err(NotAccepted::WrongCount {
                answers: a.answers.len() as u64,
                draw: info.draw,
            });
        }
        let mut questions: Vec<usize> = Vec::with_capacity(a.answers.len());
        let mut min_total: u64 = 0;
        for answer in &a.answers {
            let qi = self
                .question(&answer.id)
                .filter(|&qi| self.questions[qi].module == module)
                .ok_or_else(|| NotAccepted::UnknownQuestion {
                    module: a.module.clone(),
                    question: answer.id.clone(),
                })?;
            // Draws are short (ten questions), so a linear look-back is the cheap check.
            if questions.contains(&qi) {
                return Err(NotAccepted::RepeatedQuestion(answer.id.clone()));
            }
            if self.questions[qi].area != answer.area {
                return Err(NotAccepted::AreaDisagrees(answer.id.clone()));
            }
            min_total += u64::from(self.questions[qi].min_seconds);
            questions.push(qi);
        }
        if a.score > a.max {
            return Err(NotAccepted::ScoreAboveMax);
        }
        let right = a.answers.iter().filter(|m| m.correct).count();
        if usize::try_from(a.max).ok() != Some(a.answers.len())
            || usize::try_from(a.score).ok() != Some(right)
        {
            return Err(NotAccepted::ScoreDisagreesWithAnswers);
        }
        if a.module_version == info.version && a.passed != passes(a.score, a.max, info.pass_mark) {
            return Err(NotAccepted::PassedDisagreesWithPassMark);
        }
        let (started, finished) = (utc_seconds(a.started), utc_seconds(a.finished));
        if finished < started {
            return Err(NotAccepted::FinishedBeforeStart);
        }
        if started < EARLIEST {
            return Err(NotAccepted::BeforeEarliest);
        }
        if finished > now.saturating_add(CLOCK_SLACK_SECONDS) {
            return Err(NotAccepted::InTheFuture);
        }
        let took = finished - started;
        if took > MAX_SECONDS {
            return Err(NotAccepted::TooLong { seconds: took });
        }
        if i64::try_from(min_total).is_ok_and(|min| took < min) {
            return Err(NotAccepted::TooFast {
                seconds: took,
                minimum: min_total,
            });
        }
        Ok(Resolved { module, questions })
    }
}

/// Why an attempt does not count. Its texts (`verdict/text.rs`) never state the score.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAccepted {
    /// The module is not in the course set.
    UnknownModule(String),
    /// No known version of the module has this content hash.
    UnknownContentHash {
        /// Module id.
        module: String,
        /// The version the attempt claims.
        version: u32,
        /// The first hex digits of the hash.
        hash: String,
    },
    /// Not as many answers as the module draws.
    WrongCount {
        /// Answers listed.
        answers: u64,
        /// Questions the module draws.
        draw: u32,
    },
    /// A question that is not in the module.
    UnknownQuestion {
        /// Module id.
        module: String,
        /// Question id.
        question: String,
    },
    /// The same question listed twice.
    RepeatedQuestion(String),
    /// An answer's area is not the course's area of its question.
    AreaDisagrees(String),
    /// Score above the maximum.
    ScoreAboveMax,
    /// Score or maximum differ from the per-question marks.
    ScoreDisagreesWithAnswers,
    /// `passed` contradicts the module's pass mark.
    PassedDisagreesWithPassMark,
    /// Finish before start.
    FinishedBeforeStart,
    /// Started before any record can exist.
    BeforeEarliest,
    /// Finish after now (beyond the slack).
    InTheFuture,
    /// Longer than [`MAX_SECONDS`].
    TooLong {
        /// How long it took.
        seconds: i64,
    },
    /// Faster than the questions can be read.
    TooFast {
        /// How long it took.
        seconds: i64,
        /// The least plausible time.
        minimum: u64,
    },
}

/// A finished attempt with its verdict, as the schedule reads it: an attempt that does not
/// count may still keep a module due, but it never passes it.
#[derive(Debug, Clone, Copy)]
pub struct Judged<'a> {
    /// The attempt.
    pub attempt: &'a FinishedAttempt,
    /// Whether it counts.
    pub counts: bool,
}

impl<'a> Judged<'a> {
    /// Judges every attempt of `history` at the moment `now`.
    pub fn all(index: &CourseIndex, history: &'a [FinishedAttempt], now: i64) -> Vec<Self> {
        history
            .iter()
            .map(|attempt| Judged {
                attempt,
                counts: index.check(attempt, now).is_ok(),
            })
            .collect()
    }
}

impl AttemptFacts for Judged<'_> {
    fn module(&self) -> &str {
        &self.attempt.module
    }
    fn version(&self) -> u32 {
        self.attempt.module_version
    }
    fn finished(&self) -> u64 {
        self.attempt.finished
    }
    fn passed(&self) -> bool {
        self.counts && self.attempt.passed
    }
}

#[cfg(test)]
mod tests;
