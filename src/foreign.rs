//! Opening a file that bevidst did not create: a collection folder's files, a roster, the
//! report's anchor file, a configuration, the files given to `bevidst verify`, and the copy in
//! the collection folder that the learner's program compares with its log. Anyone who can
//! write to those places may have put something there that is not a file.
//!
//! The rule, the same for every reader: only a regular file is opened. The type is checked
//! before opening, without opening (`metadata`, which never blocks), so a named pipe (FIFO), a
//! socket or a device is refused with its name and never opened; a symbolic link is followed
//! only when it leads to a regular file. On Unix the file is then opened with `O_NONBLOCK`
//! and checked again on the open handle (type, and that it is the same file), so swapping a
//! pipe in between the two steps cannot make the program wait either. A file larger than the
//! reader's limit is refused before it is read, and readers read through [`Opened::reader`],
//! which stops at the limit should the file grow meanwhile. So nothing in the program waits
//! on a file, and nothing needs a timeout.

use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::message::{Bi, Bilingual, IoReason};

/// What is at a path instead of a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    /// A folder (or a link to one; links to folders are not followed, they could loop).
    Folder,
    /// A named pipe (FIFO): reading it would wait for a writer forever.
    Pipe,
    /// A Unix socket.
    Socket,
    /// A device such as `/dev/zero`, which never ends.
    Device,
    /// Anything else that is not a regular file.
    Other,
}

impl NotAFile {
    /// What it is, in words.
    pub fn what(self) -> Bi {
        match self {
            NotAFile::Folder => Bi::new("en mappe", "a folder"),
            NotAFile::Pipe => Bi::new("et navngivet rør (FIFO)", "a named pipe (FIFO)"),
            NotAFile::Socket => Bi::new("en sokkel (socket)", "a socket"),
            NotAFile::Device => Bi::new("en enhed", "a device"),
            NotAFile::Other => Bi::new("ikke en almindelig fil", "not a regular file"),
        }
    }

    /// What the type of `meta` is, when it is not a regular file.
    pub fn of(meta: &Metadata) -> Option<NotAFile> {
        let t = meta.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(NotAFile::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if t.is_fifo() {
                return Some(NotAFile::Pipe);
            }
            if t.is_socket() {
                return Some(NotAFile::Socket);
            }
            if t.is_block_device() || t.is_char_device() {
                return Some(NotAFile::Device);
            }
        }
        Some(NotAFile::Other)
    }
}

/// Why a file we did not create was not opened.
#[derive(Debug, thiserror::Error)]
pub enum ForeignError {
    /// The operating system could not stat, open or read it (missing, no permission, a link
    /// that leads nowhere or in a circle).
    Io {
        /// The path.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// It is not a regular file.
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: NotAFile,
    },
    /// It is larger than anything of its kind can be.
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size.
        len: u64,
        /// The limit.
        max: u64,
    },
}

impl ForeignError {
    /// Whether nothing is at the path at all.
    pub fn is_missing(&self) -> bool {
        matches!(self, ForeignError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }

    /// The path that was not opened.
    pub fn path(&self) -> &Path {
        match self {
            ForeignError::Io { path, .. }
            | ForeignError::NotAFile { path, .. }
            | ForeignError::TooLarge { path, .. } => path,
        }
    }

    /// The reason in words, in `lang`, without the path.
    pub fn reason(&self, lang: Lang) -> String {
        Reason(self).text(lang)
    }
}

impl Bilingual for NotAFile {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.what().write(lang, out)
    }
}

impl Bilingual for ForeignError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path().display();
        let reason = Reason(self);
        let reason = reason.in_lang(lang);
        write!(out, "{path}: {reason}")
    }
}

/// Why a file was not opened, without its path ([`ForeignError::reason`]).
struct Reason<'a>(&'a ForeignError);

impl Bilingual for Reason<'_> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ForeignError::Io { source, .. } => {
                let why = IoReason(source);
                let why = why.in_lang(lang);
                lang.write(
                    out,
                    format_args!("kan ikke læses: {why}"),
                    format_args!("cannot be read: {why}"),
                )
            }
            ForeignError::NotAFile { kind, .. } => {
                let kind = kind.in_lang(lang);
                lang.write(
                    out,
                    format_args!("det er {kind}, ikke en fil; kun almindelige filer læses"),
                    format_args!("it is {kind}, not a file; only regular files are read"),
                )
            }
            ForeignError::TooLarge { len, max, .. } => lang.write(
                out,
                format_args!(
                    "{len} bytes er mere end de {max} bytes, sådan en fil kan have; den er ikke læst"
                ),
                format_args!(
                    "{len} bytes is more than the {max} bytes such a file can have; it was not read"
                ),
            ),
        }
    }
}

crate::danish_display!(NotAFile, ForeignError);

/// A regular file, open for reading, no larger than its limit when it was opened.
#[derive(Debug)]
pub struct Opened {
    file: File,
    len: u64,
    max: u64,
}

impl Opened {
    /// Its size when it was opened.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether it was empty when it was opened.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A buffered reader that stops at the limit (should the file grow after opening).
    pub fn reader(self, capacity: usize) -> BufReader<io::Take<File>> {
        BufReader::with_capacity(capacity, self.file.take(self.max))
    }

    /// The open file itself, for a caller that also writes or locks it.
    pub fn into_file(self) -> File {
        self.file
    }
}

/// Opens `path` for reading if it is a regular file (a link is followed only to one) of at
/// most `max` bytes. Never blocks.
pub fn open(path: &Path, max: u64) -> Result<Opened, ForeignError> {
    let mut options = OpenOptions::new();
    options.read(true);
    open_with(path, max, &mut options)
}

/// [`open`] with the caller's options (e.g. read and write, for the learner's own log).
pub fn open_with(path: &Path, max: u64, options: &mut OpenOptions) -> Result<Opened, ForeignError> {
    let io = |source| ForeignError::Io {
        path: path.to_owned(),
        source,
    };
    let before = std::fs::metadata(path).map_err(io)?;
    check(path, &before, max)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let after = file.metadata().map_err(io)?;
    check(path, &after, max)?;
    if !same_file(&before, &after) {
        return Err(io(io::Error::other(
            "the file was replaced while it was being opened",
        )));
    }
    Ok(Opened {
        file,
        len: after.len(),
        max,
    })
}

/// The whole of a small file (a configuration, a roster, a key): [`open`], then read to the
/// end, at most `max` bytes.
pub fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, ForeignError> {
    let opened = open(path, max)?;
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len()).unwrap_or(0));
    opened
        .reader(64 * 1024)
        .read_to_end(&mut bytes)
        .map_err(|source| ForeignError::Io {
            path: path.to_owned(),
            source,
        })?;
    Ok(bytes)
}

/// [`read_bytes`] as UTF-8 text (text that is not UTF-8 is an error of kind `InvalidData`).
pub fn read_text(path: &Path, max: u64) -> Result<String, ForeignError> {
    String::from_utf8(read_bytes(path, max)?).map_err(|e| ForeignError::Io {
        path: path.to_owned(),
        source: io::Error::new(io::ErrorKind::InvalidData, e),
    })
}

/// Refuses what is not a regular file of at most `max` bytes.
pub fn check(path: &Path, meta: &Metadata, max: u64) -> Result<(), ForeignError> {
    if let Some(kind) = NotAFile::of(meta) {
        return Err(ForeignError::NotAFile {
            path: path.to_owned(),
            kind,
        });
    }
    if meta.len() > max {
        return Err(ForeignError::TooLarge {
            path: path.to_owned(),
            len: meta.len(),
            max,
        });
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    true
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("f");
        std::fs::write(&file, "12345").expect("write");
        assert_eq!(open(&file, 5).expect("a file").len(), 5);
        assert!(matches!(
            open(&file, 4),
            Err(ForeignError::TooLarge { len: 5, max: 4, .. })
        ));
        assert!(matches!(
            open(dir.path(), 5),
            Err(ForeignError::NotAFile {
                kind: NotAFile::Folder,
                ..
            })
        ));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
        assert!(matches!(
            open(&zero, 5),
            Err(ForeignError::NotAFile {
                kind: NotAFile::Device,
                ..
            })
        ));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&file, &link).expect("link");
        assert_eq!(open(&link, 5).expect("a link to a file").len(), 5);
        let err = open(&dir.path().join("missing"), 5).expect_err("missing");
        assert!(err.is_missing(), "{err}");
        // A socket file is refused without connecting.
        let sock = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).expect("bind");
        assert!(matches!(
            open(&sock, 5),
            Err(ForeignError::NotAFile {
                kind: NotAFile::Socket,
                ..
            })
        ));
    }
}
