//! The learner's log as the journey's [`RecordStore`]: a finished attempt becomes the next
//! completion record, is appended durably (the receipt is shown only after that), and the
//! log is then copied to the collection folder if one is configured, and handed to the
//! Learning Record Store if one is configured (`super::delivery`). Also reads the log back as
//! the learner's history, with each record's receipt.

use std::path::PathBuf;

use super::courier::Failure;
use super::delivery::Delivery;
use super::runtime::{RecordStore, Stored};
use crate::attempt::FinishedAttempt;
use crate::record::{self, LearnerLog, RecordError};

/// The learner's log, and where to copy it after each completion.
#[derive(Debug)]
pub struct LogStore {
    /// The open log.
    pub log: LearnerLog,
    /// The collection folder, if the organisation configured one.
    pub collect_dir: Option<PathBuf>,
    /// Sending to a Learning Record Store, if one is configured.
    pub delivery: Delivery,
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
    pub fn history(&self) -> Vec<FinishedAttempt> {
        self.log
            .records()
            .iter()
            .map(|r| r.attempt.clone())
            .collect()
    }

    /// The receipt of each record of the log, in the order of [`LogStore::history`].
    pub fn receipts(&self) -> Vec<Option<String>> {
        self.log
            .records()
            .iter()
            .map(|r| Some(record::receipt(&r.hash)))
            .collect()
    }
}

impl RecordStore for LogStore {
    fn append(&mut self, attempt: &FinishedAttempt) -> Result<Stored, RecordError> {
        let record = self.log.append(attempt.clone())?;
        let copy_problem = self.copy_to_collection().err();
        Ok(Stored {
            receipt: record::receipt(&record.hash),
            copy_problem,
            send_problem: self.delivery.deliver(record),
        })
    }

    fn news(&mut self) -> Option<Failure> {
        self.delivery.news()
    }
}
