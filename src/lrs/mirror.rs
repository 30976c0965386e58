//! The report's local copy of what an LRS holds: the record lines its statements carry,
//! written back into ordinary log files (one per installation, as the collection copy names
//! them), so `bevidst report --lrs` reads, verifies and anchors them exactly as a collection
//! folder, and a line edited in the LRS is caught as one edited in a file.
//!
//! The mirror lives beside the report's anchor file, one folder per endpoint and user
//! (`lrs-<16 hex digits>/`), owner-only (it holds employee ids): `logs/` holds the log files,
//! `state.json` what a later run needs: the `since` to ask the LRS from (its
//! `X-Experience-API-Consistent-Through`, else the latest `stored` seen less a margin, so a
//! statement stored late is read again rather than missed), and every statement that carried a
//! record in a shape that could not be read, so it stays a problem in every later report and
//! is not dropped once read. Reading a statement twice changes nothing: lines are merged
//! without repeats, in sequence order. Delete the folder to read everything anew.
//!
//! Two different lines for one place in a log (a record edited and sent under a new id) are
//! both written; the ordinary verification then reports that log's chain as broken.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::LrsError;
use super::statement::{Malformed, NoRecord, carried_record};
use crate::canon::{CanonHasher, hex};
use crate::lang::Lang;
use crate::message::{Bilingual, IoReason};
use crate::record::{InstallationId, header_line};

/// The version of `state.json`.
const STATE_FORMAT: u32 = 1;
/// How far before the latest `stored` time the next run asks from, when the LRS gives no
/// consistent-through time.
const SINCE_MARGIN_SECONDS: i64 = 300;

/// One LRS endpoint's mirror folder.
#[derive(Debug, Clone)]
pub struct Mirror {
    dir: PathBuf,
}

/// What one sync read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    /// Statements read this time.
    pub statements: u64,
    /// Record lines new to the mirror.
    pub new_lines: u64,
    /// Statements without a record (answered statements, other systems' statements).
    pub not_ours: u64,
    /// Every statement, this run's and earlier runs', that carried a record in a shape that
    /// could not be read.
    pub unreadable: Vec<Unreadable>,
}

/// A statement whose record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    /// The statement's id, if it had one.
    pub statement_id: Option<String>,
    /// What was wrong, as [`Malformed::code`].
    pub why: String,
}

impl Unreadable {
    /// The problem in words.
    pub fn reason(&self) -> NoRecord {
        NoRecord::Malformed {
            statement_id: self.statement_id.clone(),
            why: Malformed::from_code(&self.why),
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    format: u32,
    since: Option<String>,
    unreadable: Vec<Unreadable>,
}

/// Why the mirror could not be brought up to date.
#[derive(Debug)]
pub enum MirrorError {
    /// The LRS could not be read.
    Lrs(LrsError),
    /// A file of the mirror could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `state.json` is not what this program writes.
    BadState {
        /// The file.
        path: PathBuf,
    },
}

impl Mirror {
    /// The mirror of `endpoint` as `user` reads it, in `base` (the anchor file's folder).
    pub fn new(base: &Path, endpoint: &Endpoint, user: &str) -> Mirror {
        let mut h = CanonHasher::new(b"bevidst-lrs-mirror-v1\0");
        h.str(&endpoint.to_string()).str(user);
        let id = hex(&h.finish()[..8]);
        Mirror {
            dir: base.join(format!("lrs-{id}")),
        }
    }

    /// The folder of log files, to report on as a collection.
    pub fn logs(&self) -> PathBuf {
        self.dir.join("logs")
    }

    /// Reads what the LRS holds since the last run into the log files (see the module header).
    pub fn sync(&self, client: &Client) -> Result<Synced, MirrorError> {
        let logs = self.logs();
        crate::fsutil::create_private_dir(&logs).map_err(|source| MirrorError::Io {
            path: logs.clone(),
            source,
        })?;
        let state_path = self.dir.join("state.json");
        let mut state = load_state(&state_path)?;
        let mut synced = Synced::default();
        let mut lines: BTreeMap<InstallationId, Vec<(u64, String)>> = BTreeMap::new();
        let fetched = client
            .get_statements(state.since.as_deref(), |page| {
                for s in page {
                    synced.statements += 1;
                    match carried_record(&s) {
                        Ok(c) => lines
                            .entry(c.installation)
                            .or_default()
                            .push((c.seq, c.line)),
                        Err(NoRecord::NotOurs) => synced.not_ours += 1,
                        Err(NoRecord::Malformed { statement_id, why }) => {
                            let u = Unreadable {
                                statement_id,
                                why: why.code(),
                            };
                            if !state.unreadable.contains(&u) {
                                state.unreadable.push(u);
                            }
                        }
                    }
                }
            })
            .map_err(MirrorError::Lrs)?;
        for (installation, new) in lines {
            synced.new_lines += merge_log(&logs, installation, new)?;
        }
        let since = fetched.consistent_through.or_else(|| {
            let latest: jiff::Timestamp = fetched.latest_stored?.parse().ok()?;
            let margin = jiff::SignedDuration::from_secs(SINCE_MARGIN_SECONDS);
            Some(latest.checked_sub(margin).ok()?.to_string())
        });
        if since.is_some() {
            state.since = since;
        }
        state.format = STATE_FORMAT;
        let text = serde_json::to_vec_pretty(&state).unwrap_or_default();
        crate::fsutil::write_private(&state_path, &text).map_err(|source| MirrorError::Io {
            path: state_path,
            source,
        })?;
        synced.unreadable = state.unreadable;
        Ok(synced)
    }
}

fn load_state(path: &Path) -> Result<State, MirrorError> {
    match std::fs::read(path) {
        Ok(bytes) => match serde_json::from_slice::<State>(&bytes) {
            Ok(s) if s.format == STATE_FORMAT => Ok(s),
            _ => Err(MirrorError::BadState {
                path: path.to_path_buf(),
            }),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
        Err(source) => Err(MirrorError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The sequence number a line in the writer's spelling starts with, for ordering lines
/// already in a mirror log (a line in another spelling goes last; verification judges it).
fn line_seq(line: &str) -> u64 {
    line.split_once(",seq:")
        .and_then(|(_, rest)| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(u64::MAX)
}

/// Merges `new` lines into the installation's mirror log; returns how many were new.
fn merge_log(
    logs: &Path,
    installation: InstallationId,
    new: Vec<(u64, String)>,
) -> Result<u64, MirrorError> {
    let path = logs.join(format!("{installation}.ron"));
    let io = |source| MirrorError::Io {
        path: path.clone(),
        source,
    };
    let mut all: Vec<(u64, String)> = match std::fs::read_to_string(&path) {
        Ok(text) => text
            .lines()
            .skip(1)
            .map(|l| (line_seq(l), l.to_owned()))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(io(e)),
    };
    let before = all.len();
    let mut known: std::collections::HashSet<String> = all.iter().map(|(_, l)| l.clone()).collect();
    all.extend(new.into_iter().filter(|(_, l)| known.insert(l.clone())));
    if all.len() == before {
        return Ok(0);
    }
    all.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut text = header_line(installation);
    text.push('\n');
    for (_, line) in &all {
        text.push_str(line);
        text.push('\n');
    }
    crate::fsutil::write_private(&path, text.as_bytes()).map_err(io)?;
    Ok((all.len() - before) as u64)
}

impl Bilingual for MirrorError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MirrorError::Lrs(e) => e.write(lang, out),
            MirrorError::Io { path, source } => {
                let (p, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!("{p}: kopien af LRS'ens poster kan ikke gemmes: {why}"),
                    format_args!("{p}: cannot keep the copy of the LRS's records: {why}"),
                )
            }
            MirrorError::BadState { path } => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}: er ikke skrevet af denne version af bevidst; slet mappen, så \
                         læses alt fra LRS'en igen"
                    ),
                    format_args!(
                        "{p}: was not written by this version of bevidst; delete its folder to \
                         read everything from the LRS again"
                    ),
                )
            }
        }
    }
}
crate::danish_display!(MirrorError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_sequence_order_and_never_repeats_a_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inst = InstallationId([7; 16]);
        let line = |seq: u64, x: &str| format!("(format:1,installation:\"x\",seq:{seq},{x})");
        let first = vec![(2, line(2, "b")), (1, line(1, "a"))];
        assert_eq!(merge_log(dir.path(), inst, first).expect("merge"), 2);
        let again = vec![(1, line(1, "a")), (3, line(3, "c")), (3, line(3, "c"))];
        assert_eq!(merge_log(dir.path(), inst, again).expect("merge"), 1);
        let text = std::fs::read_to_string(dir.path().join(format!("{inst}.ron"))).expect("read");
        let expected = format!(
            "{}\n{}\n{}\n{}\n",
            header_line(inst),
            line(1, "a"),
            line(2, "b"),
            line(3, "c")
        );
        assert_eq!(text, expected);
    }
}
