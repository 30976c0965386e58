//! Completion records: the evidence the IT-security function relies on (policy 1.1
//! integrity, 1.8 follow-up). One record per finished attempt, chained by hashes into the
//! learner's append-only log, verified line by line, and copied to a collection folder.
//!
//! - `model`: the record (holding a `crate::attempt::FinishedAttempt`), the rules of its fields
//! - `encode`: the canonical encoding the hash is taken over, the RON line, the header
//! - `scan`: the fast path that reads the writer's one spelling of a line without ron
//! - `verify`: streaming verification ([`LogReader`], [`verify_reader`])
//! - `store`: the learner's log ([`LearnerLog`]): create, recover, append, lock
//! - `collect`: the copy into the collection folder, and the export
//!
//! What the chain proves: any change, deletion, reordering or insertion of lines that is not
//! followed by recomputing every later hash is detected. Cutting records off the end, or
//! rewriting the chain from some point on, is only detected against an anchor (the last
//! [`Head`] seen by the report). There is no secret: a learner who edits a score and recomputes
//! the chain is caught by the report's anchor, not by the log.

mod collect;
mod encode;
mod error;
mod lock;
mod messages;
mod model;
mod problem;
mod scan;
mod store;
mod torn;
mod verify;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use collect::{
    collection_file_name, copy_to_collection, export_file_name, export_log, export_log_to,
    verify_file,
};
pub use encode::{DOMAIN, LOG_NAME, LogHeader, MAX_LINE_BYTES, MAX_LOG_BYTES, header_line};
pub use error::RecordError;
pub use model::{
    CompletionRecord, FORMAT_VERSION, InstallationId, MAX_ANSWERS, MAX_FORVALTNING_CHARS,
    PROGRAM_VERSION, check_forvaltning, check_learner_id,
};
pub use store::{LearnerLog, OpenNotice};
pub use verify::{BadLine, Head, LogReader, Problem, VerifyOutcome, verify_reader};

use crate::canon::Digest32;

/// The log's file name in the data folder.
pub const LOG_FILE_NAME: &str = "log.ron";

/// The path of the learner's log in a data folder.
pub fn log_path(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_FILE_NAME)
}

/// The completion receipt the learner sees: the first 12 hex digits of the record's hash,
/// upper case, in groups of four (`7F3A-91C2-0B4D`).
pub fn receipt(hash: &Digest32) -> String {
    let digits = crate::canon::hex(&hash[..6]).to_ascii_uppercase();
    format!("{}-{}-{}", &digits[..4], &digits[4..8], &digits[8..])
}

/// A cut-off last line that was moved out of the log into a side file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornTail {
    /// The line number it had in the log.
    pub line: u64,
    /// How many bytes were moved.
    pub bytes: u64,
    /// Where they are now.
    pub side_file: PathBuf,
}
