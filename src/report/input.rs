//! What the aggregation consumes: one verified completion, independent of how the log stores
//! it. The adapter from the completion record lives beside the reader; everything after it
//! (plausibility, aggregation, statistics, xAPI) works on this plain struct.

use crate::canon::Digest32;
use crate::policy::Area;

/// One finished attempt whose log line verified (chain and hash intact).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The employee id.
    pub learner: String,
    /// The forvaltning the learner gave.
    pub forvaltning: String,
    /// The module id.
    pub module: String,
    /// The module version the learner took.
    pub version: u32,
    /// The content hash of the module the learner saw.
    pub content_hash: Digest32,
    /// Start of the attempt, UTC seconds.
    pub started: i64,
    /// End of the attempt, UTC seconds.
    pub finished: i64,
    /// Questions answered correctly.
    pub score: u32,
    /// Questions asked.
    pub max: u32,
    /// Whether the attempt passed.
    pub passed: bool,
    /// Per question asked, in the order asked.
    pub marks: Vec<Mark>,
    /// The record's own hash (its identity, used for xAPI statement ids).
    pub hash: Digest32,
}

/// One question of an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The question id.
    pub question: String,
    /// The area of policy 1.3 the question belonged to when asked.
    pub area: Area,
    /// Whether it was answered correctly.
    pub correct: bool,
}

impl From<crate::record::CompletionRecord> for Completion {
    /// The adapter from the log's record (its texts are moved, not copied); times beyond `i64`
    /// (year 292 billion) saturate and are then caught by the plausibility rule for future
    /// times.
    fn from(r: crate::record::CompletionRecord) -> Self {
        let secs = |t: u64| i64::try_from(t).unwrap_or(i64::MAX);
        Completion {
            learner: r.learner,
            forvaltning: r.forvaltning,
            module: r.module,
            version: r.module_version,
            content_hash: r.content_hash,
            started: secs(r.started),
            finished: secs(r.finished),
            score: r.score,
            max: r.max,
            passed: r.passed,
            marks: r
                .answers
                .into_iter()
                .map(|a| Mark {
                    question: a.id,
                    area: a.area,
                    correct: a.correct,
                })
                .collect(),
            hash: r.hash,
        }
    }
}
