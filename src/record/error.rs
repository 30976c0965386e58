//! Errors of the record store. Each says what went wrong, with which file, and what the
//! learner (or IT) can do; none of them means a record that was confirmed has been lost.

use std::io;
use std::path::PathBuf;

use super::model::InstallationId;
use super::verify::BadLine;
use crate::foreign::ForeignError;

/// Something the record store could not do.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// A file operation failed.
    Io {
        /// What was being done, e.g. "cannot read the log".
        what: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// Another running bevidst holds the log's lock.
    Locked {
        /// The log.
        path: PathBuf,
    },
    /// The log is damaged in a way the program must not repair; it is left untouched.
    Damaged {
        /// The log.
        path: PathBuf,
        /// The first bad line.
        bad: BadLine,
    },
    /// An attempt does not make a valid record (a bug in the caller, never the learner's input).
    InvalidAttempt(String),
    /// Writing the new record failed; the log was cut back to its last good record.
    Append {
        /// The log.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
        /// Whether cutting back the partial line failed too (then the next start moves it
        /// aside).
        cut_back_failed: bool,
    },
    /// The log changed behind this program's back (it got shorter while open).
    ChangedUnderneath {
        /// The log.
        path: PathBuf,
    },
    /// The collection folder cannot be reached.
    CollectionUnreachable {
        /// The collection folder.
        dir: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The collection folder is reachable but the copy could not be written there.
    CollectionWrite {
        /// The copy's path.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The copy in the collection folder holds records that the local log does not begin with;
    /// it is kept as it is, because overwriting it could destroy evidence.
    CollectionDiverged {
        /// The copy's path.
        path: PathBuf,
    },
    /// The log is not a regular file of a log's size (a pipe, a device, far too large).
    Foreign(Box<ForeignError>),
    /// Something that is not a log is at the copy's name in the collection folder; it was left
    /// alone.
    CollectionBlocked(Box<ForeignError>),
    /// The data folder cannot be written (read-only): the log was opened for reading only.
    Unwritable {
        /// The data folder.
        dir: PathBuf,
        /// The operating system's reason.
        reason: String,
    },
    /// The log's header names another installation than the caller expected.
    NotThisInstallation {
        /// The log.
        path: PathBuf,
        /// The installation the caller named.
        expected: InstallationId,
    },
}

impl RecordError {
    /// Wraps an I/O error with what was being done and where.
    pub(crate) fn io(what: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        RecordError::Io {
            what,
            path: path.into(),
            source,
        }
    }
}
