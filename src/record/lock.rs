//! Locking the learner's log and finding its complete part: waiting briefly for a file lock,
//! and the length of the log up to its last line break, which is what a copy or an export
//! takes while holding the lock. Only `std` APIs, so the same code runs on every platform.

use std::fs::{File, TryLockError};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::time::Duration;

use super::RecordError;

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

/// How many bytes of the log are complete lines: up to and including its last line break (a
/// cut-off last line, from a crash not yet recovered, is left out). Reads backwards from the
/// end, a block at a time, so a long log is not read whole. The caller holds the lock.
pub(crate) fn complete_len(file: &File) -> io::Result<u64> {
    const BLOCK: u64 = 64 * 1024;
    let mut end = file.metadata()?.len();
    let mut buf = vec![0u8; usize::try_from(BLOCK).unwrap_or(65_536)];
    let mut f = file;
    while end > 0 {
        let start = end.saturating_sub(BLOCK);
        let n = usize::try_from(end - start).unwrap_or(0);
        f.seek(SeekFrom::Start(start))?;
        f.read_exact(&mut buf[..n])?;
        if let Some(i) = buf[..n].iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}
