//! Writing files so that a crash never leaves half of one: a temporary file in the same
//! folder, synced, then renamed over the target. Used by the learner's log export and
//! collection copy, the configuration, and the report's own files. Only `std` APIs, so the
//! same code runs on Windows, macOS and Linux.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Makes a new directory entry (a created or renamed file) durable. Best effort: on Windows a
/// folder cannot be opened as a file, and NTFS journals renames itself.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The folder a file lives in (`.` for a bare file name).
pub fn parent_of(path: &Path) -> PathBuf {
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
pub fn write_atomic_with(
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
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(target, bytes, |mut file, bytes| file.write_all(bytes))
}
