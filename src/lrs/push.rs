//! `bevidst lrs push`: a collection's verified records to an LRS. The files are found as the
//! report finds them (`report::read::list_files_in`) and read as `bevidst verify` reads them
//! (`record::LogReader`): every record up to a log's first bad line is sent, nothing after
//! it. The statements go in batches; sending again is harmless (their ids are the records').

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::client::{Client, Posted};
use super::error::LrsError;
use super::statement::statements;
use crate::course::CourseSet;
use crate::foreign::ForeignError;
use crate::lang::Lang;
use crate::record::{BadLine, LogReader, MAX_LOG_BYTES};

/// Statements per request, unless told otherwise.
pub const BATCH: usize = 1000;

/// How far a push has come, for a progress line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files read so far.
    pub files_done: u64,
    /// Files to read.
    pub files: u64,
    /// Records sent so far.
    pub records: u64,
}

/// What a push did.
#[derive(Debug, Default)]
pub struct Pushed {
    /// Files found.
    pub files: u64,
    /// Verified records sent.
    pub records: u64,
    /// What the LRS made of their statements.
    pub statements: Posted,
    /// Logs with a bad line: the records before it were sent, none after it.
    pub bad_logs: Vec<(PathBuf, BadLine)>,
    /// Files that could not be read at all, and entries that are not logs' files (with the
    /// reason in the run's language).
    pub unreadable: Vec<(String, String)>,
}

/// Sends every verified record in `dir` (see the module header), about `batch` statements a
/// request. `courses` gives the statements their module titles and question goals;
/// `progress` is called after each batch.
/// Stops at the first error of the LRS (unreachable, credential refused); what was sent
/// before it stays sent.
pub fn push_collection(
    dir: &Path,
    courses: &CourseSet,
    (client, batch_size): (&Client, usize),
    lang: Lang,
    progress: &mut dyn FnMut(Progress),
) -> Result<Pushed, PushError> {
    let (files, walk_problems) =
        crate::report::read::list_files_in(dir, lang).map_err(|source| {
            PushError::Collection(crate::report::RunError::Collection {
                path: dir.to_path_buf(),
                source,
            })
        })?;
    let mut pushed = Pushed {
        files: files.len() as u64,
        unreadable: walk_problems
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect(),
        ..Pushed::default()
    };
    let batch_size = batch_size.max(1);
    let mut batch: Vec<Value> = Vec::with_capacity(batch_size + 64);
    let mut at = Progress {
        files: pushed.files,
        ..Progress::default()
    };
    for path in &files {
        let opened = match crate::foreign::open(path, MAX_LOG_BYTES) {
            Ok(o) => o,
            Err(e) => {
                pushed.unreadable.push(unreadable(&e, lang));
                continue;
            }
        };
        let mut reader = LogReader::new(opened.reader(64 * 1024));
        while let Some(record) = reader.next_record() {
            batch.extend(statements(record, courses.get(&record.attempt.module)));
            pushed.records += 1;
            at.records += 1;
            if batch.len() >= batch_size {
                pushed.statements.add(client.post_statements(&batch)?);
                batch.clear();
                progress(at);
            }
        }
        if let Some(bad) = reader.bad() {
            pushed.bad_logs.push((path.clone(), bad.clone()));
        }
        at.files_done += 1;
    }
    pushed.statements.add(client.post_statements(&batch)?);
    progress(at);
    Ok(pushed)
}

fn unreadable(e: &ForeignError, lang: Lang) -> (String, String) {
    (e.path().display().to_string(), e.reason(lang))
}

/// Why a push stopped.
#[derive(Debug)]
pub enum PushError {
    /// The collection folder cannot be read (as for the report).
    Collection(crate::report::RunError),
    /// The LRS failed.
    Lrs(LrsError),
}

impl From<LrsError> for PushError {
    fn from(e: LrsError) -> Self {
        PushError::Lrs(e)
    }
}

impl crate::message::Bilingual for PushError {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PushError::Collection(e) => e.write(lang, out),
            PushError::Lrs(e) => e.write(lang, out),
        }
    }
}
crate::danish_display!(PushError);
