//! The learner's log on disk: opening it (creating it, recovering a torn last line, or going
//! read-only on any other damage) and appending records crash-safely.
//!
//! Appending: lock the file exclusively (`File::try_lock`, waiting at most two seconds), read
//! any records another running bevidst appended meanwhile, seal the new record onto the head,
//! write its line with one `write_all`, `sync_data`, and only then return the record (whose
//! hash is the receipt). If the write or the sync fails, the file is cut back to the last good
//! record, so a full disk never leaves half a line behind. The lock is held only while the
//! file is touched, so two windows of bevidst take turns rather than corrupt the file.

use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rand::Rng;

use super::encode::header_line;
use super::fsutil::{lock, parent_of, sync_dir};
use super::model::{CompletionRecord, InstallationId};
use super::verify::{BadLine, Head, LogReader, Problem};
use super::{RecordError, TornTail};
use crate::attempt::FinishedAttempt;

/// What happened while opening a log that the learner should be told.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenNotice {
    /// The log did not exist (or was empty) and was created.
    pub created: bool,
    /// A cut-off last line was moved into a side file.
    pub torn: Option<TornTail>,
    /// The log is damaged; it was left untouched and nothing can be appended.
    pub read_only: Option<BadLine>,
}

/// The learner's log, open for appending.
#[derive(Debug)]
pub struct LearnerLog {
    file: File,
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
}

fn io_err<'a>(
    what: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> RecordError + 'a {
    move |e| RecordError::io(what, path, e)
}

impl LearnerLog {
    /// Opens the log at `path`, creating it (with a random installation id from `rng`) when
    /// it does not exist. A torn last line is moved aside; other damage opens it read-only.
    /// Errors: the file cannot be read or locked, or its header is unreadable.
    pub fn open(path: &Path, rng: &mut impl Rng) -> Result<(LearnerLog, OpenNotice), RecordError> {
        let mut notice = OpenNotice::default();
        let dir = parent_of(path);
        fs::create_dir_all(&dir).map_err(io_err("cannot create the folder", &dir))?;
        // Whoever creates the file, the first to hold the lock on an empty file writes its
        // header, so two programs starting at once agree on one installation id.
        match OpenOptions::new().write(true).create_new(true).open(path) {
            Ok(_) => sync_dir(&dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(RecordError::io("cannot create the log", path, e)),
        }
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(io_err("cannot open the log", path))?;
        let state = {
            let _guard = lock(&file, path, false)?;
            let mut reader = LogReader::new(BufReader::new(&file));
            let records: Vec<CompletionRecord> = reader.by_ref().collect();
            let bad = reader.bad().cloned();
            let mut state = State {
                path: path.to_path_buf(),
                installation: InstallationId([0; 16]),
                records,
                lines: reader.good_lines(),
                len: reader.good_len(),
                damage: None,
            };
            match (reader.head(), bad) {
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

    /// Reads records that another running bevidst appended since this one last looked; a
    /// torn line left by one that crashed is moved aside.
    pub fn refresh(&mut self) -> Result<Option<TornTail>, RecordError> {
        let _guard = lock(&self.file, &self.state.path, false)?;
        self.state.catch_up(&self.file)
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
        let _guard = lock(&self.file, &self.state.path, false)?;
        self.state.catch_up(&self.file)?;
        let head = self.state.head();
        let record = CompletionRecord::seal(
            attempt,
            head.installation,
            head.last_seq.saturating_add(1),
            head.last_hash,
        )?;
        let line = record.to_line() + "\n";
        let written = (&self.file)
            .seek(SeekFrom::Start(self.state.len))
            .and_then(|_| write_line(&self.file, line.as_bytes()))
            .and_then(|()| self.file.sync_data());
        if let Err(source) = written {
            let cut_back_failed = self
                .file
                .set_len(self.state.len)
                .and_then(|()| self.file.sync_data())
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

fn write_at(file: &File, offset: u64, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = file;
    f.set_len(offset)?;
    f.seek(SeekFrom::Start(offset))?;
    f.write_all(bytes)?;
    f.sync_data()
}

/// Copies everything from the bad line on into a new side file next to the log
/// (`<log name>.torn-<n>`), syncs it, and only then cuts the log back to its good part.
fn move_aside(path: &Path, file: &File, bad: &BadLine) -> Result<TornTail, RecordError> {
    let mut tail = Vec::new();
    let mut f = file;
    f.seek(SeekFrom::Start(bad.offset))
        .and_then(|_| f.read_to_end(&mut tail))
        .map_err(io_err("cannot read the log", path))?;
    let name = path
        .file_name()
        .map_or_else(|| "log".into(), |n| n.to_string_lossy().into_owned());
    let dir = parent_of(path);
    let mut n = 1u32;
    let (side_path, mut side) = loop {
        let candidate = dir.join(format!("{name}.torn-{n}"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(side) => break (candidate, side),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 10_000 => n += 1,
            Err(e) => return Err(RecordError::io("cannot create the side file", candidate, e)),
        }
    };
    side.write_all(&tail)
        .and_then(|()| side.sync_all())
        .map_err(io_err("cannot write the side file", &side_path))?;
    sync_dir(&dir);
    file.set_len(bad.offset)
        .and_then(|()| file.sync_data())
        .map_err(io_err("cannot cut back the log", path))?;
    Ok(TornTail {
        line: bad.line,
        bytes: tail.len() as u64,
        side_file: side_path,
    })
}
