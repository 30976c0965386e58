//! File-system helpers of the record store: waiting briefly for a file lock, writing a file
//! atomically (temporary file, sync, rename), and taking a consistent snapshot of a log.
//! Only `std` APIs, so the same code runs on Windows, macOS and Linux.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
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

/// Makes a new directory entry (a created or renamed file) durable. Best effort: on Windows a
/// folder cannot be opened as a file, and NTFS journals renames itself.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The folder a file lives in (`.` for a bare file name).
pub(crate) fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

static TEMP_COUNTER: AtomicU32 = AtomicU32::new(0);

/// Writes `bytes` to `target` so that `target` is either its old self or complete: a
/// temporary file in the same folder (`.<name>.<pid>.<n>.tmp`, which readers of a collection
/// skip), synced, then renamed over `target`. `write_all(file, bytes)` does the writing, so a
/// test can make it fail part-way; on any failure the temporary file is removed and `target`
/// is untouched.
pub(crate) fn write_atomic_with(
    target: &Path,
    bytes: &[u8],
    write_all: impl FnOnce(&File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_of(target);
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&temp)?;
    let written = write_all(&file, bytes).and_then(|()| file.sync_all());
    drop(file);
    let result = written.and_then(|()| fs::rename(&temp, target));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    } else {
        sync_dir(&dir);
    }
    result
}

/// [`write_atomic_with`] writing straight to the file.
pub(crate) fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(target, bytes, |mut file, bytes| file.write_all(bytes))
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
