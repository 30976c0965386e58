//! File-system helpers of the record store: waiting briefly for a file lock and taking a
//! consistent snapshot of a log. (Atomic writes are in `crate::fsutil`, shared with the
//! configuration and the report.) Only `std` APIs, so the same code runs on every platform.

use std::fs::{File, TryLockError};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use super::RecordError;
#[cfg(test)]
pub(crate) use crate::fsutil::write_atomic_with;
pub(crate) use crate::fsutil::{parent_of, sync_dir, write_atomic};

/// How often to try a lock that another process holds, and how long to wait between tries.
/// An append holds the lock for a few milliseconds, so two seconds means "someone is stuck".
const LOCK_TRIES: u32 = 40;
const LOCK_PAUSE: Duration = Duration::from_millis(50);

/// Holds a lock on a file until dropped.
pub(crate) struct LockGuard<'a>(&'a File);

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        // Closing the file would release the lock too; an unlock error leaves nothing to do.
        let _ = self.0.unlock();
    }
}

/// Locks `file` (exclusively, or shared for readers), waiting up to two seconds for another
/// process to finish.
pub(crate) fn lock<'a>(
    file: &'a File,
    path: &Path,
    shared: bool,
) -> Result<LockGuard<'a>, RecordError> {
    for _ in 0..LOCK_TRIES {
        let attempt = if shared {
            file.try_lock_shared()
        } else {
            file.try_lock()
        };
        match attempt {
            Ok(()) => return Ok(LockGuard(file)),
            Err(TryLockError::WouldBlock) => std::thread::sleep(LOCK_PAUSE),
            Err(TryLockError::Error(e)) => {
                return Err(RecordError::io("cannot lock", path, e));
            }
        }
    }
    Err(RecordError::Locked {
        path: path.to_path_buf(),
    })
}

/// The complete lines of the log at `path`, read under a shared lock so no append is half
/// seen. A cut-off last line (from a crash not yet recovered) is left out.
pub(crate) fn snapshot(path: &Path) -> Result<Vec<u8>, RecordError> {
    let file = File::open(path).map_err(|e| RecordError::io("cannot open the log", path, e))?;
    let mut bytes = Vec::new();
    {
        let _guard = lock(&file, path, true)?;
        (&file)
            .read_to_end(&mut bytes)
            .map_err(|e| RecordError::io("cannot read the log", path, e))?;
    }
    let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    bytes.truncate(complete);
    Ok(bytes)
}
