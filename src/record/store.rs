//! The learner's log on disk: opening it (creating it, recovering a torn last line, or going
//! read-only on any other damage) and appending records crash-safely.
//!
//! Appending: lock the file exclusively (`File::try_lock`, waiting at most two seconds), read
//! any records another running bevidst appended meanwhile, seal the new record onto the head,
//! write its line with one `write_all`, `sync_data`, and only then return the record (whose
//! hash is the receipt). If the write or the sync fails, the file is cut back to the last good
//! record, so a full disk never leaves half a line behind. The lock is held only while the
//! file is touched, so two windows of bevidst take turns rather than corrupt the file.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rand::Rng;

use super::encode::{MAX_LOG_BYTES, header_line};
use super::lock::lock;
use super::model::{CompletionRecord, InstallationId};
use super::torn::{move_aside, write_at};
use super::verify::{BadLine, Head, LogReader, Problem};
use super::{RecordError, TornTail};
use crate::attempt::FinishedAttempt;
use crate::foreign::{self, ForeignError};
use crate::fsutil::{Access, create_options, create_private_dir, parent_of, sync_dir};

/// What happened while opening a log that the learner should be told.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenNotice {
    /// The log did not exist (or was empty) and was created.
    pub created: bool,
    /// A cut-off last line was moved into a side file.
    pub torn: Option<TornTail>,
    /// The log is damaged; it was left untouched and nothing can be appended.
    pub read_only: Option<BadLine>,
    /// The data folder cannot be written to (the operating system's reason): the log was only
    /// read, and nothing can be saved.
    pub unwritable: Option<String>,
}

/// The learner's log, open for appending (or, in a folder that cannot be written to, for
/// reading only).
#[derive(Debug)]
pub struct LearnerLog {
    /// `None` when there is no log and none could be created.
    file: Option<File>,
    state: State,
}

#[derive(Debug)]
struct State {
    path: PathBuf,
    installation: InstallationId,
    records: Vec<CompletionRecord>,
    /// Good lines (header included) and their length in bytes.
    lines: u64,
    len: u64,
    damage: Option<BadLine>,
    /// Why nothing can be written (a read-only data folder).
    unwritable: Option<String>,
}

fn io_err<'a>(
    what: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> RecordError + 'a {
    move |e| RecordError::io(what, path, e)
}

/// Whether an error means "this folder or file cannot be written" (so the program should go
/// on reading only) rather than something else going wrong.
fn is_read_only(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// The log's file opened for reading and writing, or why it could only be read.
enum Opening {
    Writable(File),
    ReadOnly(String),
}

impl LearnerLog {
    /// Opens the log at `path`, creating it (with a random installation id from `rng`) when
    /// it does not exist. A torn last line is moved aside; other damage opens it read-only.
    /// In a folder that cannot be written to, the log is only read (see
    /// [`OpenNotice::unwritable`]). Errors: the file cannot be read or locked, it is not a
    /// regular file, or its header is unreadable.
    pub fn open(path: &Path, rng: &mut impl Rng) -> Result<(LearnerLog, OpenNotice), RecordError> {
        let file = match Self::open_writable(path)? {
            Opening::Writable(file) => file,
            Opening::ReadOnly(reason) => return Self::open_read_only(path, reason),
        };
        let mut notice = OpenNotice::default();
        let state = {
            let _guard = lock(&file, path, false)?;
            let (mut state, head, bad) = State::read(path, &file);
            match (head, bad) {
                (Some(head), None) => state.installation = head.installation,
                (Some(head), Some(bad)) if bad.problem == Problem::Torn => {
                    state.installation = head.installation;
                    notice.torn = Some(move_aside(path, &file, &bad)?);
                }
                (Some(head), Some(bad)) => {
                    state.installation = head.installation;
                    notice.read_only = Some(bad.clone());
                    state.damage = Some(bad);
                }
                // An empty file, or a header cut off while it was written: nothing was ever
                // recorded in it, so it gets a fresh header (a torn one is kept aside first).
                (None, Some(bad)) if matches!(bad.problem, Problem::Empty | Problem::Torn) => {
                    if bad.problem == Problem::Torn {
                        notice.torn = Some(move_aside(path, &file, &bad)?);
                    }
                    state.installation = InstallationId::random(rng);
                    let header = header_line(state.installation) + "\n";
                    write_at(&file, 0, header.as_bytes())
                        .map_err(io_err("cannot write the log's first line", path))?;
                    state.lines = 1;
                    state.len = header.len() as u64;
                    notice.created = true;
                }
                (None, bad) => {
                    return Err(RecordError::Damaged {
                        path: path.to_path_buf(),
                        bad: bad.unwrap_or(BadLine {
                            line: 1,
                            offset: 0,
                            problem: Problem::NotALog,
                        }),
                    });
                }
            }
            state
        };
        Ok((
            LearnerLog {
                file: Some(file),
                state,
            },
            notice,
        ))
    }

    /// Creates the folder (0700) and the file (0600) if needed and opens the file for reading
    /// and writing; or says why only reading is possible.
    fn open_writable(path: &Path) -> Result<Opening, RecordError> {
        let dir = parent_of(path);
        match create_private_dir(&dir) {
            Ok(()) => {}
            Err(e) if is_read_only(&e) => return Ok(Opening::ReadOnly(e.to_string())),
            Err(e) => return Err(RecordError::io("cannot create the folder", &dir, e)),
        }
        // Whoever creates the file, the first to hold the lock on an empty file writes its
        // header, so two programs starting at once agree on one installation id.
        match create_options(Access::Private).create_new(true).open(path) {
            Ok(_) => sync_dir(&dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) if is_read_only(&e) => return Ok(Opening::ReadOnly(e.to_string())),
            Err(e) => return Err(RecordError::io("cannot create the log", path, e)),
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true);
        match foreign::open_with(path, MAX_LOG_BYTES, &mut options) {
            Ok(opened) => Ok(Opening::Writable(opened.into_file())),
            Err(ForeignError::Io { source, .. }) if is_read_only(&source) => {
                Ok(Opening::ReadOnly(source.to_string()))
            }
            Err(e) => Err(RecordError::Foreign(Box::new(e))),
        }
    }

    /// Reads the log in a folder that cannot be written to: its good records, for the
    /// learner's history; nothing is moved aside or written.
    fn open_read_only(
        path: &Path,
        reason: String,
    ) -> Result<(LearnerLog, OpenNotice), RecordError> {
        let mut notice = OpenNotice {
            unwritable: Some(reason.clone()),
            ..OpenNotice::default()
        };
        let file = match foreign::open(path, MAX_LOG_BYTES) {
            Ok(opened) => Some(opened.into_file()),
            Err(e) if e.is_missing() => None,
            Err(e) => return Err(RecordError::Foreign(Box::new(e))),
        };
        let mut state = State::empty(path);
        if let Some(file) = &file {
            let _guard = lock(file, path, true)?;
            let (read, head, bad) = State::read(path, file);
            state = read;
            if let Some(head) = head {
                state.installation = head.installation;
            }
            if let Some(bad) = bad.filter(|b| !matches!(b.problem, Problem::Torn | Problem::Empty))
            {
                notice.read_only = Some(bad.clone());
                state.damage = Some(bad);
            }
        }
        state.unwritable = Some(reason);
        Ok((LearnerLog { file, state }, notice))
    }

    /// The log's file.
    pub fn path(&self) -> &Path {
        &self.state.path
    }

    /// The installation id in the log's header.
    pub fn installation(&self) -> InstallationId {
        self.state.installation
    }

    /// The good records, oldest first (those before the damage, when read-only).
    pub fn records(&self) -> &[CompletionRecord] {
        &self.state.records
    }

    /// Where the chain ends.
    pub fn head(&self) -> Head {
        self.state.head()
    }

    /// Why the log is read-only, if it is.
    pub fn read_only(&self) -> Option<&BadLine> {
        self.state.damage.as_ref()
    }

    /// Why nothing can be saved in this log's folder, if it cannot be written to.
    pub fn unwritable(&self) -> Option<&str> {
        self.state.unwritable.as_deref()
    }

    /// Reads records that another running bevidst appended since this one last looked; a
    /// torn line left by one that crashed is moved aside.
    pub fn refresh(&mut self) -> Result<Option<TornTail>, RecordError> {
        let Some(file) = self
            .file
            .as_ref()
            .filter(|_| self.state.unwritable.is_none())
        else {
            return Ok(None);
        };
        let _guard = lock(file, &self.state.path, false)?;
        self.state.catch_up(file)
    }

    /// Seals the record of `attempt` as the next one, writes it durably and returns it; its
    /// hash is the receipt. Nothing is written if the log is read-only or locked.
    pub fn append(&mut self, attempt: FinishedAttempt) -> Result<CompletionRecord, RecordError> {
        self.append_with(attempt, |mut file, line| file.write_all(line))
    }

    /// [`LearnerLog::append`] with the line written by `write_line(file, line)`, so a test can
    /// make the write fail part-way (a full disk).
    pub(crate) fn append_with(
        &mut self,
        attempt: FinishedAttempt,
        write_line: impl FnOnce(&File, &[u8]) -> std::io::Result<()>,
    ) -> Result<CompletionRecord, RecordError> {
        self.state.check_writable()?;
        let Some(file) = &self.file else {
            return Err(self.state.unwritable_error());
        };
        let _guard = lock(file, &self.state.path, false)?;
        self.state.catch_up(file)?;
        let head = self.state.head();
        let record = CompletionRecord::seal(
            attempt,
            head.installation,
            head.last_seq.saturating_add(1),
            head.last_hash,
        )?;
        let line = record.to_line() + "\n";
        let written = (&*file)
            .seek(SeekFrom::Start(self.state.len))
            .and_then(|_| write_line(file, line.as_bytes()))
            .and_then(|()| file.sync_data());
        if let Err(source) = written {
            let cut_back_failed = file
                .set_len(self.state.len)
                .and_then(|()| file.sync_data())
                .is_err();
            return Err(RecordError::Append {
                path: self.state.path.clone(),
                source,
                cut_back_failed,
            });
        }
        self.state.lines += 1;
        self.state.len += line.len() as u64;
        self.state.records.push(record.clone());
        Ok(record)
    }
}

impl State {
    fn empty(path: &Path) -> State {
        State {
            path: path.to_path_buf(),
            installation: InstallationId([0; 16]),
            records: Vec::new(),
            lines: 0,
            len: 0,
            damage: None,
            unwritable: None,
        }
    }

    /// Reads the whole log (the caller holds a lock): the good records, where the chain ends,
    /// and the first bad line.
    fn read(path: &Path, file: &File) -> (State, Option<Head>, Option<BadLine>) {
        let mut reader = LogReader::new(BufReader::new(file));
        let records: Vec<CompletionRecord> = reader.by_ref().collect();
        let state = State {
            records,
            lines: reader.good_lines(),
            len: reader.good_len(),
            ..State::empty(path)
        };
        (state, reader.head(), reader.bad().cloned())
    }

    fn unwritable_error(&self) -> RecordError {
        RecordError::Unwritable {
            dir: parent_of(&self.path),
            reason: self
                .unwritable
                .clone()
                .unwrap_or_else(|| "no log could be created".into()),
        }
    }

    fn head(&self) -> Head {
        self.records.last().map_or(
            Head {
                installation: self.installation,
                last_seq: 0,
                last_hash: [0; 32],
            },
            |r| Head {
                installation: self.installation,
                last_seq: r.seq,
                last_hash: r.hash,
            },
        )
    }

    fn check_writable(&self) -> Result<(), RecordError> {
        if self.unwritable.is_some() {
            return Err(self.unwritable_error());
        }
        match &self.damage {
            Some(bad) => Err(RecordError::Damaged {
                path: self.path.clone(),
                bad: bad.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Reads lines appended after the known good part; the caller holds the exclusive lock.
    fn catch_up(&mut self, file: &File) -> Result<Option<TornTail>, RecordError> {
        self.check_writable()?;
        let actual = file
            .metadata()
            .map_err(io_err("cannot read the log", &self.path))?
            .len();
        if actual < self.len {
            return Err(RecordError::ChangedUnderneath {
                path: self.path.clone(),
            });
        }
        if actual == self.len {
            return Ok(None);
        }
        (&*file)
            .seek(SeekFrom::Start(self.len))
            .map_err(io_err("cannot read the log", &self.path))?;
        let mut reader = LogReader::resume(BufReader::new(file), self.head(), self.lines, self.len);
        self.records.extend(reader.by_ref());
        self.lines = reader.good_lines();
        self.len = reader.good_len();
        match reader.bad().cloned() {
            None => Ok(None),
            Some(bad) if bad.problem == Problem::Torn => {
                Ok(Some(move_aside(&self.path, file, &bad)?))
            }
            Some(bad) => {
                self.damage = Some(bad.clone());
                Err(RecordError::Damaged {
                    path: self.path.clone(),
                    bad,
                })
            }
        }
    }
}
