//! Recovering from a crash while saving: a torn last line is copied into a side file next to
//! the log (`<log name>.torn-<n>`, readable by its owner only, never deleted), and only then is
//! the log cut back to its last good line. Also the rewrite of a header that was never
//! finished.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::verify::BadLine;
use super::{RecordError, TornTail};
use crate::fsutil::{Access, create_options, parent_of, sync_dir};

pub(super) fn write_at(file: &File, offset: u64, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = file;
    f.set_len(offset)?;
    f.seek(SeekFrom::Start(offset))?;
    f.write_all(bytes)?;
    f.sync_data()
}

/// Copies everything from the bad line on into a new side file next to the log
/// (`<log name>.torn-<n>`), syncs it, and only then cuts the log back to its good part.
pub(super) fn move_aside(path: &Path, file: &File, bad: &BadLine) -> Result<TornTail, RecordError> {
    let mut tail = Vec::new();
    let mut f = file;
    f.seek(SeekFrom::Start(bad.offset))
        .and_then(|_| f.read_to_end(&mut tail))
        .map_err(|e| RecordError::io("cannot read the log", path, e))?;
    let name = path
        .file_name()
        .map_or_else(|| "log".into(), |n| n.to_string_lossy().into_owned());
    let dir = parent_of(path);
    let mut n = 1u32;
    let (side_path, mut side) = loop {
        let candidate = dir.join(format!("{name}.torn-{n}"));
        match create_options(Access::Private)
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
        .map_err(|e| RecordError::io("cannot write the side file", &side_path, e))?;
    sync_dir(&dir);
    file.set_len(bad.offset)
        .and_then(|()| file.sync_data())
        .map_err(|e| RecordError::io("cannot cut back the log", path, e))?;
    Ok(TornTail {
        line: bad.line,
        bytes: tail.len() as u64,
        side_file: side_path,
    })
}
