//! Getting the log to the IT-security function: the copy into the collection folder (e.g. a
//! network share) after each completion and at each start, and the export for hand-in.
//!
//! The copy is `<collection folder>/<installation id>.ron`, written atomically through the
//! temporary file `.<installation id>.ron.tmp` (sync, rename), so the report never reads half a
//! log. There is one temporary name per installation, and the copy is made holding the log's
//! exclusive lock, so two windows of bevidst take turns, and a temporary file left by an
//! interrupted copy is removed by the next one. It holds only complete lines. An existing copy
//! is replaced only by a log that continues it: a local log that was cut back or rewritten
//! never overwrites the evidence already collected, and something at the copy's name that is
//! not a log (a pipe, a device, a file larger than any log) is left alone and reported. The
//! copy is streamed from the log, never read whole, and gets the permissions the collection
//! folder gives new files (the security function must be able to read it).

use std::fs::{self, File};
use std::io::{self, BufRead as _, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::RecordError;
use super::encode::{MAX_LOG_BYTES, parse_header};
use super::lock::{complete_len, lock};
use super::model::InstallationId;
use super::store::LearnerLog;
use super::verify::{LogReader, VerifyOutcome};
use crate::foreign::{self, ForeignError};
use crate::fsutil::{Access, temp_name, write_atomic_via};

/// Read buffer for streaming a log.
const BUF_BYTES: usize = 64 * 1024;

/// The name of an installation's copy in the collection folder.
pub fn collection_file_name(installation: InstallationId) -> String {
    format!("{installation}.ron")
}

/// Copies the log at `log_path` into `collect_dir` as `<installation>.ron`; returns the copy's
/// path. Does nothing (and succeeds) when the copy is already current.
pub fn copy_to_collection(
    log_path: &Path,
    collect_dir: &Path,
    installation: InstallationId,
) -> Result<PathBuf, RecordError> {
    match fs::metadata(collect_dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(RecordError::CollectionUnreachable {
                dir: collect_dir.to_path_buf(),
                source: io::Error::new(io::ErrorKind::NotADirectory, "it is not a folder"),
            });
        }
        Err(source) => {
            return Err(RecordError::CollectionUnreachable {
                dir: collect_dir.to_path_buf(),
                source,
            });
        }
    }
    let file = open_log(log_path)?;
    // Exclusive: copies of one log take turns, so they can share one temporary name.
    let _guard = lock(&file, log_path, false)?;
    let complete =
        complete_len(&file).map_err(|e| RecordError::io("cannot read the log", log_path, e))?;
    check_installation(log_path, &file, installation)?;
    let name = collection_file_name(installation);
    let target = collect_dir.join(&name);
    match compare_copy(&target, &file, complete)? {
        Copy::Current => return Ok(target),
        Copy::Diverged => return Err(RecordError::CollectionDiverged { path: target }),
        Copy::Missing | Copy::Behind => {}
    }
    let temp = collect_dir.join(format!(".{name}.tmp"));
    write_atomic_via(&target, &temp, Access::Folder, |out| {
        copy_prefix(&file, complete, out)
    })
    .map_err(|source| RecordError::CollectionWrite {
        path: target.clone(),
        source,
    })?;
    Ok(target)
}

/// Opens the learner's log for reading (it must be a regular file of a log's size).
fn open_log(log_path: &Path) -> Result<File, RecordError> {
    foreign::open(log_path, MAX_LOG_BYTES)
        .map(foreign::Opened::into_file)
        .map_err(|e| RecordError::Foreign(Box::new(e)))
}

/// Writes the first `len` bytes of `file` to `out`.
fn copy_prefix(file: &File, len: u64, out: &mut impl Write) -> io::Result<()> {
    let mut f = file;
    f.seek(SeekFrom::Start(0))?;
    let copied = io::copy(&mut f.take(len), out)?;
    if copied == len {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the log got shorter while it was copied",
        ))
    }
}

/// How the copy in the collection folder relates to the log.
enum Copy {
    /// There is none.
    Missing,
    /// It holds exactly the log's complete lines.
    Current,
    /// The log begins with it and goes on.
    Behind,
    /// It holds something the log does not begin with.
    Diverged,
}

/// Compares the copy at `target` with the first `len` bytes of `file`, streaming both.
fn compare_copy(target: &Path, file: &File, len: u64) -> Result<Copy, RecordError> {
    let copy = match foreign::open(target, MAX_LOG_BYTES) {
        Ok(c) => c,
        Err(e) if e.is_missing() => return Ok(Copy::Missing),
        Err(ForeignError::Io { source, .. }) => {
            return Err(RecordError::CollectionWrite {
                path: target.to_path_buf(),
                source,
            });
        }
        Err(e) => return Err(RecordError::CollectionBlocked(Box::new(e))),
    };
    let copy_len = copy.len();
    if copy_len > len {
        return Ok(Copy::Diverged);
    }
    let read_err = |source| RecordError::CollectionWrite {
        path: target.to_path_buf(),
        source,
    };
    let mut theirs = copy.reader(BUF_BYTES);
    let mut f = file;
    f.seek(SeekFrom::Start(0)).map_err(read_err)?;
    let mut ours = io::BufReader::with_capacity(BUF_BYTES, f.take(copy_len));
    loop {
        let a = theirs.fill_buf().map_err(read_err)?;
        if a.is_empty() {
            break;
        }
        let n = a.len();
        let mut b = vec![0u8; n];
        ours.read_exact(&mut b).map_err(read_err)?;
        if a != b.as_slice() {
            return Ok(Copy::Diverged);
        }
        theirs.consume(n);
    }
    Ok(if copy_len == len {
        Copy::Current
    } else {
        Copy::Behind
    })
}

fn check_installation(
    log_path: &Path,
    file: &File,
    installation: InstallationId,
) -> Result<(), RecordError> {
    let mut f = file;
    let mut first = String::new();
    let read = f
        .seek(SeekFrom::Start(0))
        .and_then(|_| io::BufReader::new(f.take(4096)).read_line(&mut first));
    let found = read
        .ok()
        .and_then(|_| parse_header(first.trim_end_matches('\n')).ok())
        .map(|h| h.installation);
    if found == Some(installation) {
        Ok(())
    } else {
        Err(RecordError::NotThisInstallation {
            path: log_path.to_path_buf(),
            expected: installation,
        })
    }
}

impl LearnerLog {
    /// Brings the copy in `collect_dir` up to date with this log (see [`copy_to_collection`]).
    /// Call it after each append and once at start, which is the retry after a failed copy.
    pub fn collect(&self, collect_dir: &Path) -> Result<PathBuf, RecordError> {
        copy_to_collection(self.path(), collect_dir, self.installation())
    }
}

/// Verifies the log file at `path` without loading it whole. Only a regular file of at most
/// [`MAX_LOG_BYTES`] is read; anything else is an error that says what it is.
pub fn verify_file(path: &Path) -> Result<VerifyOutcome, RecordError> {
    let opened =
        foreign::open(path, MAX_LOG_BYTES).map_err(|e| RecordError::Foreign(Box::new(e)))?;
    Ok(LogReader::new(opened.reader(BUF_BYTES)).verify_to_end())
}

/// The file name [`export_log`] suggests: `bevidst-<installation>.ron`.
pub fn export_file_name(installation: InstallationId) -> String {
    format!("bevidst-{installation}.ron")
}

/// Writes the complete lines of the log at `log_path` to `out` atomically (readable by its
/// owner only), for hand-in, and returns what verifying them found (a damaged log is exported
/// too, so IT can look at it). An existing file at `out` is replaced; the command line asks
/// for `--force` before it calls this on one.
pub fn export_log(log_path: &Path, out: &Path) -> Result<VerifyOutcome, RecordError> {
    if let (Ok(a), Ok(b)) = (fs::canonicalize(log_path), fs::canonicalize(out))
        && a == b
    {
        return Err(RecordError::io(
            "will not export the log onto itself",
            out,
            io::Error::new(
                io::ErrorKind::AlreadyExists,
                "choose another file with --out",
            ),
        ));
    }
    export_with(log_path, |file, complete| {
        write_atomic_via(out, &temp_name(out), Access::Private, |w| {
            copy_prefix(file, complete, w)
        })
        .map_err(|e| RecordError::io("cannot write the export", out, e))
    })
}

/// Writes the complete lines of the log at `log_path` to `out` (standard output, for
/// `bevidst export --out -`), and returns what verifying them found. A failure to write is
/// [`RecordError::Io`] naming the log, whose export failed.
pub fn export_log_to(log_path: &Path, out: &mut impl Write) -> Result<VerifyOutcome, RecordError> {
    export_with(log_path, |file, complete| {
        copy_prefix(file, complete, out)
            .and_then(|()| out.flush())
            .map_err(|e| RecordError::io("cannot write the export of", log_path, e))
    })
}

/// Holds the log's shared lock while `write` copies its first `complete` bytes somewhere,
/// then verifies those bytes.
fn export_with(
    log_path: &Path,
    write: impl FnOnce(&File, u64) -> Result<(), RecordError>,
) -> Result<VerifyOutcome, RecordError> {
    let file = open_log(log_path)?;
    let _guard = lock(&file, log_path, true)?;
    let read_err = |e| RecordError::io("cannot read the log", log_path, e);
    let complete = complete_len(&file).map_err(read_err)?;
    write(&file, complete)?;
    let mut f = &file;
    f.seek(SeekFrom::Start(0)).map_err(read_err)?;
    Ok(LogReader::new(io::BufReader::with_capacity(BUF_BYTES, f.take(complete))).verify_to_end())
}
