//! What identifies a file's content without reading it: its size and modification time, and
//! on Unix also its device, inode and status-change time (a log copied anew into the
//! collection is a new file; the status-change time cannot be set back by its owner).

use std::fs::Metadata;

use super::codec::IdParts;

/// A file's identity as the cache compares it, taken before the file is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileId(pub(super) IdParts);

impl FileId {
    /// The identity of a file from what a look at it (`stat`) found.
    pub(crate) fn from_metadata(m: &Metadata) -> FileId {
        let (modified_secs, modified_nanos) = split_time(m.modified().ok());
        #[cfg(unix)]
        let rest = {
            use std::os::unix::fs::MetadataExt;
            [
                zigzag(m.ctime()),
                u64::try_from(m.ctime_nsec()).unwrap_or(0),
                m.dev(),
                m.ino(),
            ]
        };
        #[cfg(not(unix))]
        let rest = {
            let (created_secs, created_nanos) = split_time(m.created().ok());
            [created_secs, created_nanos, 0, 0]
        };
        FileId([
            m.len(),
            modified_secs,
            modified_nanos,
            rest[0],
            rest[1],
            rest[2],
            rest[3],
        ])
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.0[0]
    }

    /// When the file's content last changed, in seconds.
    pub(super) fn modified(&self) -> i64 {
        unzigzag(self.0[1])
    }
}

fn split_time(t: Option<std::time::SystemTime>) -> (u64, u64) {
    let Some(t) = t else { return (0, 0) };
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => (
            zigzag(i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
            u64::from(d.subsec_nanos()),
        ),
        Err(e) => (
            zigzag(-i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX)),
            0,
        ),
    }
}

fn zigzag(v: i64) -> u64 {
    v.unsigned_abs() << 1 | u64::from(v < 0)
}

fn unzigzag(z: u64) -> i64 {
    let magnitude = i64::try_from(z >> 1).unwrap_or(i64::MAX);
    if z & 1 == 1 { -magnitude } else { magnitude }
}
