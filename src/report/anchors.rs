//! The report's own memory: the last head (installation, sequence, hash) it accepted for each
//! log, and the content hashes of module versions it has seen. A learner can edit a log and
//! recompute its whole chain (the program holds no secret), but the result no longer extends
//! the head the report anchored before, so the rewrite is caught here.
//!
//! File format (UTF-8 text, one item per line, written atomically):
//!
//! ```text
//! bevidst-report-anchors 1
//! head <installation: 32 hex> <seq> <hash: 64 hex>
//! version <module id> <version> <content hash: 64 hex>
//! ```
//!
//! A newer format number is refused (so an older bevidst never overwrites a newer file).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::canon::{Digest32, hex, parse_hex32};
use crate::record::{Head, InstallationId};

use crate::verdict::KnownVersion;

/// The header line of the anchor file.
const HEADER: &str = "bevidst-report-anchors";
/// The format version this program writes.
pub const FORMAT: u32 = 1;

/// What the report remembers between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors {
    /// Per installation, the last (sequence, hash) accepted.
    pub heads: BTreeMap<InstallationId, (u64, Digest32)>,
    /// Module versions seen: (module id, version, content hash).
    pub versions: Vec<KnownVersion>,
}

/// Why the anchor file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum AnchorError {
    /// Reading or writing failed.
    #[error("{path}: cannot {action} the anchor file: {source}")]
    Io {
        /// The anchor file.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not understood.
    #[error(
        "{path}:{line}: this line of the anchor file is not understood; restore the file from backup (without it, rewritten logs cannot be detected)"
    )]
    Malformed {
        /// The anchor file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
    },
    /// Written by a newer bevidst.
    #[error(
        "{path}: the anchor file has format {found}; this bevidst reads {FORMAT}. Update bevidst"
    )]
    Newer {
        /// The anchor file.
        path: PathBuf,
        /// The format found.
        found: u32,
    },
}

impl Anchors {
    /// Reads the anchor file; a missing file is an empty memory (the first run).
    pub fn load(path: &Path) -> Result<Anchors, AnchorError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Anchors::default()),
            Err(source) => {
                return Err(AnchorError::Io {
                    path: path.to_owned(),
                    action: "read",
                    source,
                });
            }
        };
        Self::parse(path, &text)
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
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                [] | [""] => {}
                ["head", inst, seq, hash] => {
                    let inst = InstallationId::parse(inst).ok_or_else(|| bad(n))?;
                    let seq = seq.parse().map_err(|_| bad(n))?;
                    let hash = parse_hex32(hash).ok_or_else(|| bad(n))?;
                    anchors.heads.insert(inst, (seq, hash));
                }
                ["version", id, version, hash] => {
                    let version = version.parse().map_err(|_| bad(n))?;
                    let hash = parse_hex32(hash).ok_or_else(|| bad(n))?;
                    anchors.versions.push(((*id).to_owned(), version, hash));
                }
                _ => return Err(bad(n)),
            }
        }
        Ok(anchors)
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = format!("{HEADER} {FORMAT}\n");
        for (inst, (seq, hash)) in &self.heads {
            let _ = writeln!(out, "head {inst} {seq} {}", hex(hash));
        }
        for (id, version, hash) in &self.versions {
            let _ = writeln!(out, "version {id} {version} {}", hex(hash));
        }
        out
    }

    /// Writes the file atomically: a temporary file beside it, synced, then renamed over it.
    pub fn save(&self, path: &Path) -> Result<(), AnchorError> {
        let io = |action, source| AnchorError::Io {
            path: path.to_owned(),
            action,
            source,
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| io("create the folder of", e))?;
        let name = path
            .file_name()
            .map_or_else(|| "anchors".into(), |n| n.to_string_lossy().into_owned());
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temp).and_then(|mut f| {
            f.write_all(self.to_text().as_bytes())?;
            f.sync_all()
        });
        let result = written.and_then(|()| std::fs::rename(&temp, path));
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result.map_err(|e| io("write", e))
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
    fn bad_lines_and_newer_formats_are_refused() {
        let p = Path::new("a.txt");
        let err = Anchors::parse(p, "bevidst-report-anchors 1\nhead zz 1 2\n").expect_err("bad");
        assert!(err.to_string().starts_with("a.txt:2:"), "{err}");
        let err = Anchors::parse(p, "bevidst-report-anchors 2\n").expect_err("newer");
        assert!(err.to_string().contains("Update bevidst"), "{err}");
        assert!(Anchors::parse(p, "something else\n").is_err());
    }
}
