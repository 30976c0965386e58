//! The learner's log as the journey's [`RecordStore`]: a finished attempt becomes a
//! `record::RecordDraft`, is appended durably (the receipt is shown only after that), and the
//! log is then copied to the collection folder if one is configured. Also reads the log back
//! as the learner's history.

use std::path::PathBuf;

use jiff::Timestamp;

use super::runtime::{RecordStore, Stored};
use super::{FinishedAttempt, PastAttempt};
use crate::record::{self, AnswerResult, CompletionRecord, LearnerLog, RecordDraft, RecordError};

/// The learner's log, and where to copy it after each completion.
#[derive(Debug)]
pub struct LogStore {
    /// The open log.
    pub log: LearnerLog,
    /// The collection folder, if the organisation configured one.
    pub collect_dir: Option<PathBuf>,
}

impl LogStore {
    /// Copies the log to the collection folder, if one is configured (a copy that is already
    /// current is left alone). Called after each completion and at start, so a copy that
    /// failed is retried.
    pub fn copy_to_collection(&self) -> Result<(), RecordError> {
        match &self.collect_dir {
            Some(dir) if !self.log.records().is_empty() => self.log.collect(dir).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// The learner's history from the log, oldest first.
    pub fn history(&self) -> Vec<PastAttempt> {
        self.log.records().iter().map(past_attempt).collect()
    }
}

/// A stored record as the journey's history keeps it.
pub fn past_attempt(r: &CompletionRecord) -> PastAttempt {
    PastAttempt {
        module_id: r.module.clone(),
        module_version: r.module_version,
        finished: r.finished,
        passed: r.passed,
        questions: r
            .answers
            .iter()
            .map(|a| (a.id.clone(), a.area, a.correct))
            .collect(),
    }
}

/// The draft of a record for a finished attempt.
pub fn draft(attempt: &FinishedAttempt, finished: Timestamp) -> RecordDraft {
    let seconds = |t: Timestamp| u64::try_from(t.as_second()).unwrap_or(0);
    RecordDraft {
        learner: attempt.employee_id.clone(),
        forvaltning: attempt.forvaltning.clone(),
        module: attempt.module_id.clone(),
        module_version: attempt.module_version,
        content_hash: attempt.content_hash,
        started: seconds(attempt.started),
        // The clock may have been set back during the quiz; a record never ends before it
        // starts.
        finished: seconds(finished).max(seconds(attempt.started)),
        score: attempt.score,
        max: attempt.max,
        passed: attempt.passed,
        answers: attempt
            .questions
            .iter()
            .map(|(id, area, correct)| AnswerResult {
                id: id.clone(),
                area: *area,
                correct: *correct,
            })
            .collect(),
    }
}

impl RecordStore for LogStore {
    fn append(
        &mut self,
        attempt: &FinishedAttempt,
        finished: Timestamp,
    ) -> Result<Stored, RecordError> {
        let record = self.log.append(draft(attempt, finished))?;
        Ok(Stored {
            receipt: record::receipt(&record.hash),
            copy_problem: self.copy_to_collection().err(),
        })
    }
}
