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
    #[error("{what} {}: {source}", path.display())]
    Io {
        /// What was being done, e.g. "cannot read the log".
        what: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// Another running bevidst holds the log's lock.
    #[error(
        "{path} is in use by another running bevidst; close the other bevidst window and try \
         again (the log was not changed)"
    )]
    Locked {
        /// The log.
        path: PathBuf,
    },
    /// The log is damaged in a way the program must not repair; it is left untouched.
    #[error(
        "{path}, line {}: {}; the file was not changed. Nothing more can be saved until IT \
         has looked at it: contact the IT-security function and send them this file",
        bad.line, bad.problem
    )]
    Damaged {
        /// The log.
        path: PathBuf,
        /// The first bad line.
        bad: BadLine,
    },
    /// An attempt does not make a valid record (a bug in the caller, never the learner's input).
    #[error("the completion cannot be recorded: {0}")]
    InvalidAttempt(String),
    /// Writing the new record failed; the log was cut back to its last good record.
    #[error(
        "the completion could not be saved in {path}: {source}; the log still holds every \
         earlier record. Free some disk space or check the disk, then take the quiz again"
    )]
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
    #[error(
        "{path} changed while bevidst was running (it is shorter than before); nothing was \
         written. Contact the IT-security function"
    )]
    ChangedUnderneath {
        /// The log.
        path: PathBuf,
    },
    /// The collection folder cannot be reached.
    #[error(
        "the collection folder {dir} cannot be reached ({source}); your completion is saved \
         on this computer and will be copied the next time bevidst starts"
    )]
    CollectionUnreachable {
        /// The collection folder.
        dir: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The collection folder is reachable but the copy could not be written there.
    #[error(
        "cannot write the copy {path} in the collection folder ({source}); your completion \
         is saved on this computer and will be copied the next time bevidst starts"
    )]
    CollectionWrite {
        /// The copy's path.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The copy in the collection folder holds records that the local log does not begin with;
    /// it is kept as it is, because overwriting it could destroy evidence.
    #[error(
        "the copy {path} in the collection folder does not match the log on this computer \
         (the local log is not a continuation of it); neither was changed. Contact the \
         IT-security function"
    )]
    CollectionDiverged {
        /// The copy's path.
        path: PathBuf,
    },
    /// The log is not a regular file of a log's size (a pipe, a device, far too large).
    #[error("the log cannot be used: {0}")]
    Foreign(Box<ForeignError>),
    /// Something that is not a log is at the copy's name in the collection folder; it was left
    /// alone.
    #[error(
        "the copy in the collection folder is not a log ({0}); it was left alone. Your \
         completion is saved on this computer. Contact the IT-security function"
    )]
    CollectionBlocked(Box<ForeignError>),
    /// The data folder cannot be written (read-only): the log was opened for reading only.
    #[error(
        "the folder {} cannot be written to ({reason}); your results cannot be saved on this \
         computer. Contact your IT support",
        dir.display()
    )]
    Unwritable {
        /// The data folder.
        dir: PathBuf,
        /// The operating system's reason.
        reason: String,
    },
    /// The log's header names another installation than the caller expected.
    #[error("{path} is not the log of installation {expected}; nothing was copied")]
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
