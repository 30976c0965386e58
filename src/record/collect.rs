//! Getting the log to the IT-security function: the copy into the collection folder (e.g. a
//! network share) after each completion and at each start, and the export for hand-in.
//!
//! The copy is `<collection folder>/<installation id>.ron`, written atomically (temporary file
//! `.<name>.<pid>.<n>.tmp`, sync, rename), so the report never reads half a log. It holds only
//! complete lines. An existing copy is replaced only by a log that continues it: a local log
//! that was cut back or rewritten never overwrites the evidence already collected.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::RecordError;
use super::encode::parse_header;
use super::fsutil::{snapshot, write_atomic};
use super::model::InstallationId;
use super::store::LearnerLog;
use super::verify::{LogReader, VerifyOutcome};

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
    let bytes = snapshot(log_path)?;
    check_installation(log_path, &bytes, installation)?;
    let target = collect_dir.join(collection_file_name(installation));
    match fs::read(&target) {
        Ok(existing) if existing == bytes => return Ok(target),
        Ok(existing) if !bytes.starts_with(&existing) => {
            return Err(RecordError::CollectionDiverged { path: target });
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(RecordError::CollectionWrite {
                path: target,
                source,
            });
        }
    }
    write_atomic(&target, &bytes).map_err(|source| RecordError::CollectionWrite {
        path: target.clone(),
        source,
    })?;
    Ok(target)
}

fn check_installation(
    log_path: &Path,
    bytes: &[u8],
    installation: InstallationId,
) -> Result<(), RecordError> {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let found = std::str::from_utf8(first)
        .ok()
        .and_then(|line| parse_header(line).ok())
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

/// Verifies the log file at `path` without loading it whole.
pub fn verify_file(path: &Path) -> Result<VerifyOutcome, RecordError> {
    let file = fs::File::open(path).map_err(|e| RecordError::io("cannot open", path, e))?;
    Ok(LogReader::new(io::BufReader::new(file)).verify_to_end())
}

/// The file name [`export_log`] suggests: `bevidst-<installation>.ron`.
pub fn export_file_name(installation: InstallationId) -> String {
    format!("bevidst-{installation}.ron")
}

/// Writes the complete lines of the log at `log_path` to `out` atomically, for hand-in, and
/// returns what verifying them found (a damaged log is exported too, so IT can look at it).
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
    let bytes = snapshot(log_path)?;
    write_atomic(out, &bytes).map_err(|e| RecordError::io("cannot write the export", out, e))?;
    Ok(LogReader::new(bytes.as_slice()).verify_to_end())
}
