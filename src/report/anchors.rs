//! The report's own memory: the last head (installation, sequence, hash) it accepted for each
//! log and the file it read it from, and the content hashes of module versions it has seen. A
//! learner can edit a log and recompute its whole chain (the program holds no secret), but the
//! result no longer extends the head the report anchored before, so the rewrite is caught here.
//!
//! File format (UTF-8 text, one item per line, written atomically, readable by its owner only):
//!
//! ```text
//! bevidst-report-anchors 2
//! head <installation: 32 hex> <seq> <hash: 64 hex> <path in the collection, to the line's end>
//! version <module id> <version> <content hash: 64 hex>
//! ```
//!
//! The path (new in format 2, optional) names the file the head was read from, relative to the
//! collection folder: that file is the installation's anchored log, and another file of the
//! same installation never displaces it. A newer format number is refused (so an older bevidst
//! never overwrites a newer file).
//!
//! Losing the anchor file would silently turn off the detection of rewritten logs, so the
//! report also keeps an [`AnchorMemory`] beside its pseudonym key: how many anchors each anchor
//! file held after the last run. A missing or emptied anchor file that held anchors before is
//! then a prominent warning, not a fresh start.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::canon::{Digest32, hex, parse_hex32, push_hex};
use crate::foreign::{self, ForeignError};
use crate::lang::Lang;
use crate::message::{self, Bi, Bilingual};
use crate::record::{Head, InstallationId};

use crate::verdict::KnownVersion;

/// The header line of the anchor file.
const HEADER: &str = "bevidst-report-anchors";
/// The format version this program writes.
pub const FORMAT: u32 = 2;
/// The largest anchor file read: about 130 bytes a log, so room for millions of logs.
const MAX_ANCHOR_BYTES: u64 = 1024 * 1024 * 1024;

/// What the report remembers between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors {
    /// Per installation, the last (sequence, hash) accepted.
    pub heads: BTreeMap<InstallationId, (u64, Digest32)>,
    /// Per installation, the file (relative to the collection folder) its head was read from.
    pub paths: BTreeMap<InstallationId, String>,
    /// Module versions seen: (module id, version, content hash).
    pub versions: Vec<KnownVersion>,
}

/// Why the anchor file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum AnchorError {
    /// Reading or writing failed.
    Io {
        /// The anchor file.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not understood.
    Malformed {
        /// The anchor file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
    },
    /// Written by a newer bevidst.
    Newer {
        /// The anchor file.
        path: PathBuf,
        /// The format found.
        found: u32,
    },
}

impl Bilingual for AnchorError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnchorError::Io {
                path,
                action,
                source,
            } => message::write_file_failure(
                lang,
                out,
                path,
                action,
                Bi::new("ankerfilen", "the anchor file"),
                source,
            ),
            AnchorError::Malformed { path, line } => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}:{line}: denne linje i ankerfilen kan ikke forstås; genskab filen fra en sikkerhedskopi (uden den kan omskrevne logs ikke opdages)"
                    ),
                    format_args!(
                        "{p}:{line}: this line of the anchor file is not understood; restore the file from backup (without it, rewritten logs cannot be detected)"
                    ),
                )
            }
            AnchorError::Newer { path, found } => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}: ankerfilen har format {found}; denne bevidst læser {FORMAT}. Opdatér bevidst"
                    ),
                    format_args!(
                        "{p}: the anchor file has format {found}; this bevidst reads {FORMAT}. Update bevidst"
                    ),
                )
            }
        }
    }
}
crate::danish_display!(AnchorError);

impl Anchors {
    /// Reads the anchor file; a missing file is an empty memory (the first run, or a lost
    /// file: see [`AnchorMemory`]).
    pub fn load(path: &Path) -> Result<Anchors, AnchorError> {
        match read_text(path, "read")? {
            Some(text) => Self::parse(path, &text),
            None => Ok(Anchors::default()),
        }
    }

    /// Parses the anchor file's text (`path` names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Anchors, AnchorError> {
        let bad = |line: usize| AnchorError::Malformed {
            path: path.to_owned(),
            line,
        };
        let mut lines = text.lines().enumerate();
        let (_, first) = lines.next().ok_or_else(|| bad(1))?;
        let found: u32 = first
            .strip_prefix(HEADER)
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| bad(1))?;
        if found > FORMAT {
            return Err(AnchorError::Newer {
                path: path.to_owned(),
                found,
            });
        }
        let mut anchors = Anchors::default();
        for (i, line) in lines {
            let n = i + 1;
            // At most five fields: a path (the fifth) may hold spaces.
            let mut parts = line.splitn(5, ' ');
            match (
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
            ) {
                (Some("") | None, None, ..) => {}
                (Some("head"), Some(inst), Some(seq), Some(hash), file) => {
                    let inst = InstallationId::parse(inst).ok_or_else(|| bad(n))?;
                    let seq = seq.parse().map_err(|_| bad(n))?;
                    let hash = parse_hex32(hash).ok_or_else(|| bad(n))?;
                    anchors.heads.insert(inst, (seq, hash));
                    if let Some(file) = file {
                        anchors.paths.insert(inst, file.to_owned());
                    }
                }
                (Some("version"), Some(id), Some(version), Some(hash), None) => {
                    let version = version.parse().map_err(|_| bad(n))?;
                    let hash = parse_hex32(hash).ok_or_else(|| bad(n))?;
                    anchors.versions.push((id.to_owned(), version, hash));
                }
                _ => return Err(bad(n)),
            }
        }
        Ok(anchors)
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        // Some 130 bytes a log, for tens of thousands of logs: no string per value.
        let mut out = String::with_capacity(self.heads.len() * 160 + 64);
        let _ = writeln!(out, "{HEADER} {FORMAT}");
        for (inst, (seq, hash)) in &self.heads {
            out.push_str("head ");
            push_hex(&mut out, &inst.0);
            let _ = write!(out, " {seq} ");
            push_hex(&mut out, hash);
            if let Some(file) = self.paths.get(inst).filter(|f| is_storable(f)) {
                out.push(' ');
                out.push_str(file);
            }
            out.push('\n');
        }
        for (id, version, hash) in &self.versions {
            let _ = writeln!(out, "version {id} {version} {}", hex(hash));
        }
        out
    }

    /// Writes the file atomically (a temporary file beside it, synced, then renamed over it),
    /// readable by its owner only.
    pub fn save(&self, path: &Path) -> Result<(), AnchorError> {
        write_text(path, &self.to_text())
    }

    /// Moves an installation's anchor to `head`, read from `file` (relative to the collection
    /// folder) when one file holds it, unless the anchor is already further along. Whether
    /// anything changed.
    pub fn advance(&mut self, head: Head, file: Option<String>) -> bool {
        let at = (head.last_seq, head.last_hash);
        let keep = self
            .heads
            .get(&head.installation)
            .is_none_or(|&(seq, _)| head.last_seq >= seq);
        if !keep {
            return false;
        }
        let mut changed = self.heads.insert(head.installation, at) != Some(at);
        changed |= match file {
            Some(f) => {
                self.paths.get(&head.installation) != Some(&f) && {
                    self.paths.insert(head.installation, f);
                    true
                }
            }
            None => self.paths.remove(&head.installation).is_some(),
        };
        changed
    }

    /// The anchor of an installation, as a head.
    pub fn head(&self, installation: InstallationId) -> Option<Head> {
        self.heads
            .get(&installation)
            .map(|&(last_seq, last_hash)| Head {
                installation,
                last_seq,
                last_hash,
            })
    }
}

/// Whether a path can be kept on one line of the file (a file name may hold a line break).
fn is_storable(file: &str) -> bool {
    !file.is_empty() && !file.contains(['\n', '\r'])
}

/// The text of a file the report keeps (read like any file it did not create: only a regular
/// file, at most [`MAX_ANCHOR_BYTES`]); `None` when it does not exist.
fn read_text(path: &Path, action: &'static str) -> Result<Option<String>, AnchorError> {
    let io = |source| AnchorError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    match foreign::read_text(path, MAX_ANCHOR_BYTES) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.is_missing() => Ok(None),
        Err(ForeignError::Io { source, .. }) => Err(io(source)),
        Err(e) => Err(io(std::io::Error::other(e.reason(crate::lang::Lang::En)))),
    }
}

/// Writes a file the report keeps, atomically and readable by its owner only.
fn write_text(path: &Path, text: &str) -> Result<(), AnchorError> {
    let io = |action, source| AnchorError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    crate::fsutil::create_private_dir(&crate::fsutil::parent_of(path))
        .map_err(|e| io("create the folder of", e))?;
    crate::fsutil::write_private(path, text.as_bytes()).map_err(|e| io("write", e))
}

/// How many anchors each anchor file held after the report's last run, kept beside the
/// pseudonym key (`anchor-memory.txt`), so that losing the anchor file is noticed.
///
/// Format: `bevidst-report-anchor-memory 1`, then one line per anchor file,
/// `anchors <count> <absolute path, to the line's end>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorMemory {
    held: BTreeMap<String, u64>,
}

/// The header line of the anchor memory.
const MEMORY_HEADER: &str = "bevidst-report-anchor-memory 1";

impl AnchorMemory {
    /// Reads the memory; a missing file remembers nothing.
    pub fn load(path: &Path) -> Result<AnchorMemory, AnchorError> {
        let Some(text) = read_text(path, "read")? else {
            return Ok(AnchorMemory::default());
        };
        let bad = |line: usize| AnchorError::Malformed {
            path: path.to_owned(),
            line,
        };
        let mut lines = text.lines().enumerate();
        if lines.next().map(|(_, l)| l) != Some(MEMORY_HEADER) {
            return Err(bad(1));
        }
        let mut memory = AnchorMemory::default();
        for (i, line) in lines {
            let parts: Vec<&str> = line.splitn(3, ' ').collect();
            match parts.as_slice() {
                [] | [""] => {}
                ["anchors", count, file] => {
                    let count = count.parse().map_err(|_| bad(i + 1))?;
                    memory.held.insert((*file).to_owned(), count);
                }
                _ => return Err(bad(i + 1)),
            }
        }
        Ok(memory)
    }

    /// How many anchors the anchor file at `anchors` held after the last run (0 if unknown).
    pub fn held(&self, anchors: &Path) -> u64 {
        self.held.get(&key(anchors)).copied().unwrap_or(0)
    }

    /// Notes how many anchors the anchor file at `anchors` holds now.
    pub fn note(&mut self, anchors: &Path, count: u64) {
        let k = key(anchors);
        if is_storable(&k) {
            self.held.insert(k, count);
        }
    }

    /// Writes the memory atomically, readable by its owner only.
    pub fn save(&self, path: &Path) -> Result<(), AnchorError> {
        use std::fmt::Write as _;
        let mut text = format!("{MEMORY_HEADER}\n");
        for (file, count) in &self.held {
            let _ = writeln!(text, "anchors {count} {file}");
        }
        write_text(path, &text)
    }
}

/// An anchor file's identity in the memory: its absolute path.
fn key(anchors: &Path) -> String {
    std::path::absolute(anchors)
        .unwrap_or_else(|_| anchors.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_a_missing_file_is_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/anchors.txt");
        assert_eq!(
            Anchors::load(&path).expect("missing is fine"),
            Anchors::default()
        );
        let mut a = Anchors::default();
        a.heads.insert(InstallationId([3; 16]), (7, [9; 32]));
        a.versions.push(("m".into(), 2, [1; 32]));
        a.save(&path).expect("saved");
        assert_eq!(Anchors::load(&path).expect("read"), a);
    }

    #[test]
    fn the_anchored_file_is_kept_with_its_spaces_and_format_1_still_reads() {
        let mut a = Anchors::default();
        a.heads.insert(InstallationId([3; 16]), (7, [9; 32]));
        a.heads.insert(InstallationId([4; 16]), (1, [8; 32]));
        a.paths
            .insert(InstallationId([3; 16]), "Økonomi/en  mappe/x.ron".into());
        a.paths.insert(InstallationId([4; 16]), "bad\nname".into());
        let back = Anchors::parse(Path::new("a"), &a.to_text()).expect("reads");
        assert_eq!(back.heads, a.heads);
        assert_eq!(
            back.paths.get(&InstallationId([3; 16])).map(String::as_str),
            Some("Økonomi/en  mappe/x.ron")
        );
        assert!(
            !back.paths.contains_key(&InstallationId([4; 16])),
            "not storable"
        );
        let old = format!(
            "bevidst-report-anchors 1\nhead {} 2 {}\n",
            InstallationId([5; 16]),
            hex(&[1; 32])
        );
        let read = Anchors::parse(Path::new("a"), &old).expect("format 1");
        assert_eq!(read.heads.len(), 1);
        assert!(read.paths.is_empty());
    }

    #[test]
    fn the_memory_remembers_each_anchor_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("memory.txt");
        assert_eq!(
            AnchorMemory::load(&path).expect("missing is fine"),
            AnchorMemory::default()
        );
        let mut m = AnchorMemory::default();
        m.note(&dir.path().join("a b/anchors.txt"), 12);
        m.save(&path).expect("saved");
        let back = AnchorMemory::load(&path).expect("read");
        assert_eq!(back.held(&dir.path().join("a b/anchors.txt")), 12);
        assert_eq!(back.held(&dir.path().join("other.txt")), 0);
    }

    #[test]
    fn bad_lines_and_newer_formats_are_refused() {
        let p = Path::new("a.txt");
        let err = Anchors::parse(p, "bevidst-report-anchors 1\nhead zz 1 2\n").expect_err("bad");
        assert!(err.text(Lang::En).starts_with("a.txt:2:"), "{err}");
        let err = Anchors::parse(p, "bevidst-report-anchors 3\n").expect_err("newer");
        assert!(err.text(Lang::En).contains("Update bevidst"), "{err}");
        assert!(err.to_string().contains("Opdatér bevidst"), "{err}");
        assert!(Anchors::parse(p, "something else\n").is_err());
    }
}
