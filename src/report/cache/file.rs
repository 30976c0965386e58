//! The cache's file: reading the last run's (checking its checksum, indexing its entries) and
//! writing the next one as entries come in. The format is in the module above.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use sha2::{Digest, Sha256};

use super::codec::{self, Head, Reader};
use super::verified;
use super::{FORMAT, MAGIC, MAX_ENTRY_BYTES};
use crate::canon::Digest32;
use crate::fsutil::{create_private, create_private_dir};

/// Why the last run's cache could not be used.
#[derive(Debug)]
pub enum Damage {
    /// It could not be read.
    Read(io::Error),
    /// It is cut off, not a report cache, or its content does not match its checksum.
    Garbled,
}

impl From<io::Error> for Damage {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::UnexpectedEof => Damage::Garbled,
            _ => Damage::Read(e),
        }
    }
}

/// Where an entry is in the old file, and what it says about its file: by the file's path.
pub(super) type Entry = (Box<str>, u64, u32, Head, Option<Ready>);

/// What reusing the entry of a log of one learner alone needs, read once when the cache is
/// opened (which reads every entry for its checksum anyway), so that reusing it reads nothing
/// more: the forvaltning names it uses (positions in [`Old::names`]), the completions it counted,
/// the earliest finish of each module's current version, the learner's [`super::id_hash`], and
/// where its body is (the learner's state is read from there when the report is made). Kept
/// for every file while the collection is read, so without a list of its own: its names (one
/// or two: a learner's forvaltning, and the one before a move) inline, its firsts a range of
/// [`Old::firsts`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Ready {
    pub names: ([u16; 2], u8),
    pub counted: u64,
    pub firsts: (u32, u8),
    pub id_hash: u64,
    pub body: (u64, u32),
}

/// The last run's cache: where each entry is in the file.
pub(super) struct Old {
    file: File,
    /// The entries sorted by path (the walk looks files up in its own order, so a binary
    /// search suffices); emptied once every file is looked up ([`super::ReportCache::forget_index`]).
    pub entries: RwLock<Vec<Entry>>,
    /// The forvaltning names the entries use, each once.
    pub names: Vec<Box<str>>,
    /// The earliest finish of each module's current version, of every [`Ready`] entry.
    pub firsts: Vec<(usize, i64)>,
    /// How many entries it has.
    pub count: usize,
}

/// The cache being written.
pub(super) struct New {
    out: BufWriter<File>,
    temp: PathBuf,
    hasher: Sha256,
    entries: u64,
    /// Bytes written so far (where the next one goes).
    written: u64,
}

impl Old {
    /// The last run's cache at `path`: `Ok(None)` when there is none or it was made for
    /// another course set or program; `Err` with the reason when it is damaged.
    pub(super) fn load(path: &Path, fingerprint: Digest32) -> Result<Option<Old>, Damage> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Damage::from(e)),
        };
        let mut input = BufReader::with_capacity(256 * 1024, &file);
        let mut hasher = Sha256::new();
        let mut read = |n: usize, hasher: &mut Sha256| -> Result<Vec<u8>, Damage> {
            let mut b = vec![0u8; n];
            input.read_exact(&mut b)?;
            hasher.update(&b);
            Ok(b)
        };
        let header = read(MAGIC.len() + 4 + 32 + 8, &mut hasher)?;
        let mut r = Reader(&header);
        if r.bytes(MAGIC.len()) != Some(MAGIC) {
            return Err(Damage::Garbled);
        }
        let version = u32::from_le_bytes(r.array().ok_or(Damage::Garbled)?);
        if version != FORMAT || r.array::<32>() != Some(fingerprint) {
            // Another format, course set or program: nothing in it applies, and that is no
            // damage.
            return Ok(None);
        }
        // The index is made for tens of thousands of entries: the count at the file's end
        // sizes it once (it is checked against the entries read below).
        let mut entries: Vec<Entry> = Vec::with_capacity(stated_count(&file).unwrap_or(0));
        let mut names = Names::default();
        let mut firsts = Vec::new();
        let mut offset = header.len() as u64;
        loop {
            let len = u32::from_le_bytes(array(read(4, &mut hasher)?)?);
            offset += 4;
            if len == u32::MAX {
                break;
            }
            if len > MAX_ENTRY_BYTES {
                return Err(Damage::Garbled);
            }
            let body = read(len as usize, &mut hasher)?;
            let mut r = Reader(&body);
            let (path, head) = codec::read_head(&mut r).ok_or(Damage::Garbled)?;
            let ready = ready(&mut r, (offset, len), (&mut names, &mut firsts));
            entries.push((path.into(), offset, len, head, ready));
            offset += u64::from(len);
        }
        let count = u64::from_le_bytes(array(read(8, &mut hasher)?)?);
        let sum: Digest32 = hasher.finalize().into();
        let mut stored = [0u8; 32];
        input.read_exact(&mut stored)?;
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // A path twice is no cache this program wrote.
        let twice = entries.windows(2).any(|w| w[0].0 == w[1].0);
        if stored != sum || count != entries.len() as u64 || twice {
            return Err(Damage::Garbled);
        }
        drop(input);
        Ok(Some(Old {
            file,
            count: entries.len(),
            entries: RwLock::new(entries),
            names: names.list,
            firsts,
        }))
    }
}

impl Old {
    /// Reads `into.len()` bytes at `offset`, without moving a shared position: the threads
    /// read their entries side by side, with no lock.
    pub(super) fn read_at(&self, offset: u64, into: &mut [u8]) -> io::Result<()> {
        read_at(&self.file, offset, into)
    }
}

/// Reads `into.len()` bytes of `file` at `offset`, without moving a shared position.
pub(super) fn read_at(file: &File, offset: u64, into: &mut [u8]) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt as _;
        file.read_exact_at(into, offset)
    }
    #[cfg(not(unix))]
    {
        use std::os::windows::fs::FileExt as _;
        let mut done = 0;
        while done < into.len() {
            match file.seek_read(&mut into[done..], offset + done as u64)? {
                0 => return Err(io::ErrorKind::UnexpectedEof.into()),
                n => done += n,
            }
        }
        Ok(())
    }
}

/// The number of entries the file's end states (before its checksum), if it is a plausible
/// one for the file's length (each entry takes more than its length's four bytes).
fn stated_count(file: &File) -> Option<usize> {
    let len = file.metadata().ok()?.len();
    let mut count = [0u8; 8];
    read_at(file, len.checked_sub(32 + 8)?, &mut count).ok()?;
    let count = u64::from_le_bytes(count);
    usize::try_from(count).ok().filter(|_| count <= len / 4)
}

/// The forvaltning names of the entries, each kept once.
#[derive(Default)]
struct Names {
    list: Vec<Box<str>>,
    at: std::collections::HashMap<Box<str>, u16>,
}

impl Names {
    fn of(&mut self, name: &str) -> Option<u16> {
        if let Some(&i) = self.at.get(name) {
            return Some(i);
        }
        let i = u16::try_from(self.list.len()).ok()?;
        self.list.push(name.into());
        self.at.insert(name.into(), i);
        Some(i)
    }
}

/// What reusing the entry whose bytes at `(offset, len)` follow `r` (after its head) needs, if
/// it is the entry of one learner alone (with at most two names).
fn ready(
    r: &mut Reader<'_>,
    (offset, len): (u64, u32),
    (names, firsts): (&mut Names, &mut Vec<(usize, i64)>),
) -> Option<Ready> {
    verified::read(r)?;
    let body_at = len - u32::try_from(r.0.len()).ok()?;
    let summary = codec::read_summary(r)?;
    let id = summary.single?;
    let mut used = ([0; 2], 0u8);
    for (slot, n) in used.0.iter_mut().zip(&summary.names) {
        *slot = names.of(n)?;
    }
    used.1 = u8::try_from(summary.names.len()).ok().filter(|&n| n <= 2)?;
    let from = u32::try_from(firsts.len()).ok()?;
    let n = u8::try_from(summary.firsts.len()).ok()?;
    firsts.extend(summary.firsts);
    Some(Ready {
        names: used,
        counted: summary.counted,
        firsts: (from, n),
        id_hash: super::id_hash(id),
        body: (offset + u64::from(body_at), len - body_at),
    })
}

/// Bytes read as an array of their length.
fn array<const N: usize>(bytes: Vec<u8>) -> Result<[u8; N], Damage> {
    bytes.try_into().map_err(|_| Damage::Garbled)
}

impl New {
    pub(super) fn start(path: &Path, fingerprint: Digest32, started: i64) -> io::Result<New> {
        let temp = path.with_extension("cache.tmp");
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            create_private_dir(parent)?;
        }
        // It holds every learner's state: readable by its owner only. A leftover from a run
        // that stopped is removed first, so the new file gets these permissions.
        let _ = std::fs::remove_file(&temp);
        let mut new = New {
            out: BufWriter::with_capacity(256 * 1024, create_private(&temp)?),
            temp,
            hasher: Sha256::new(),
            entries: 0,
            written: 0,
        };
        new.write(MAGIC)?;
        new.write(&FORMAT.to_le_bytes())?;
        new.write(&fingerprint)?;
        new.write(&started.to_le_bytes())?;
        Ok(new)
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hasher.update(bytes);
        self.out.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Appends an entry; where its bytes are in the file.
    pub(super) fn append(&mut self, entry: &[u8]) -> io::Result<(u64, u32)> {
        let len = u32::try_from(entry.len())
            .ok()
            .filter(|&l| l <= MAX_ENTRY_BYTES)
            .ok_or_else(|| io::Error::other("entry too large"))?;
        self.write(&len.to_le_bytes())?;
        let offset = self.written;
        self.write(entry)?;
        self.entries += 1;
        Ok((offset, len))
    }

    /// Everything written so far, on its way to the file, and the file opened to read it
    /// back (entries of learners the report keeps there while it is made).
    pub(super) fn reader(&mut self) -> io::Result<File> {
        self.out.flush()?;
        File::open(&self.temp)
    }

    /// Appends `entries` entries as they stand in an earlier cache, each with its length.
    pub(super) fn append_run(&mut self, run: &[u8], entries: u64) -> io::Result<()> {
        self.write(run)?;
        self.entries += entries;
        Ok(())
    }

    /// Drops the cache being written, and its file.
    pub(super) fn abandon(self) {
        drop(self.out);
        let _ = std::fs::remove_file(&self.temp);
    }

    pub(super) fn finish(mut self, path: &Path) -> io::Result<()> {
        self.write(&u32::MAX.to_le_bytes())?;
        self.write(&self.entries.to_le_bytes())?;
        let sum: Digest32 = self.hasher.clone().finalize().into();
        self.out.write_all(&sum)?;
        let file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        drop(file);
        // Not forced to the disk first (tens of megabytes, on every run that changed
        // anything): a cache that a crash leaves cut off or empty fails its checksum and is
        // made anew, with a note, and a lost cache only makes the next run slower.
        std::fs::rename(&self.temp, path)
    }
}
