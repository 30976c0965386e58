//! Writing the program's own files: so that a crash never leaves half of one (a temporary
//! file in the same folder, synced, then renamed over the target), and so that files holding
//! personal data are readable by their owner only. Used by the learner's log, its export and
//! collection copy, the configuration, `versions.ron`, and the report's own files. Only `std`
//! APIs, so the same code runs on Windows, macOS and Linux; the permission bits are Unix only
//! (on Windows a file inherits its folder's access list, which is private in the user's
//! profile).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Who may read a file the program creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Only its owner (0600 on Unix): everything that names or describes a person.
    Private,
    /// Whatever the folder gives new files (its default access list, and the umask): the
    /// copy in the collection folder, which the IT-security function must be able to read,
    /// and the handbook's review record, which is kept with the course files.
    Folder,
}

/// Creates `dir` and its missing parents; new folders are 0700 on Unix (folders that exist
/// are left as they are, so an organisation's own setup is kept).
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The options that create a file with `access` (without saying how to open it).
pub(crate) fn create_options(access: Access) -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    if access == Access::Private {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = access;
    options
}

/// Creates (or empties) a file only its owner can read, for output that holds personal data.
/// An existing file keeps its permissions, as with any program that writes into a file.
pub(crate) fn create_private(path: &Path) -> io::Result<File> {
    create_options(Access::Private)
        .create(true)
        .truncate(true)
        .open(path)
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

/// The name of a temporary file for `target` in its folder: `.<name>.<pid>.<n>.tmp`. Readers of
/// a collection list every hidden `.tmp` file as a leftover and never count it.
pub(crate) fn temp_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    parent_of(target).join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Writes `target` so that it is either its old self or complete: `write(file)` fills the
/// temporary file `temp` (in the same folder), which is synced and renamed over `target`. On
/// any failure the temporary file is removed and `target` is untouched. `write` is a
/// parameter so a test can make it fail part-way, and so a copy can be streamed.
pub(crate) fn write_atomic_via(
    target: &Path,
    temp: &Path,
    access: Access,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_of(target);
    // A stale temporary file of an interrupted earlier write is removed; then the new one is
    // created only if nothing is there, so whatever someone may put at that name meanwhile (a
    // pipe, a link) is never opened or followed.
    match fs::remove_file(temp) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut file = create_options(access).create_new(true).open(temp)?;
    let written = write(&mut file).and_then(|()| file.sync_all());
    drop(file);
    let result = written.and_then(|()| fs::rename(temp, target));
    if result.is_err() {
        let _ = fs::remove_file(temp);
    } else {
        sync_dir(&dir);
    }
    result
}

/// [`write_atomic_via`] with the usual temporary name, writing `bytes` with
/// `write_all(file, bytes)`.
pub(crate) fn write_atomic_with(
    target: &Path,
    bytes: &[u8],
    access: Access,
    write_all: impl FnOnce(&File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_via(target, &temp_name(target), access, |file| {
        write_all(file, bytes)
    })
}

/// Writes one of the program's own files atomically, readable as `access` says.
pub(crate) fn write_atomic(target: &Path, bytes: &[u8], access: Access) -> io::Result<()> {
    write_atomic_with(target, bytes, access, |mut file, bytes| {
        file.write_all(bytes)
    })
}

/// [`write_atomic`] of a file that holds personal data: readable by its owner only.
pub(crate) fn write_private(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(target, bytes, Access::Private)
}
