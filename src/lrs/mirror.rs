//! The report's local copy of what an LRS holds: the record lines its statements carry,
//! written back into ordinary log files (one per installation, as the collection copy names
//! them), so `bevidst report --lrs` reads, verifies and anchors them exactly as a collection
//! folder, and a line edited in the LRS is caught as one edited in a file.
//!
//! The mirror lives beside the report's anchor file, one folder per endpoint and user
//! (`lrs-<16 hex digits>/`), owner-only (it holds employee ids): `logs/` holds the log files,
//! `state.json` what a later run needs: the `since` to ask the LRS from (its
//! `X-Experience-API-Consistent-Through`, else the latest `stored` seen, less a lookback of
//! [`SINCE_LOOKBACK_SECONDS`], so a statement sent late is read again rather than missed),
//! and every statement that carried a
//! record in a shape that could not be read, so it stays a problem in every later report and
//! is not dropped once read. Reading a statement twice changes nothing: lines are merged
//! without repeats, in sequence order. A full read asks without `since`: with Ralph it is the
//! only way to see a statement whose `timestamp` is older than the lookback (a learner offline
//! for longer, or a statement sent with an old date on purpose). So a run reads everything
//! when asked (`--lrs-full`, for an audit) and by itself when the last full read is more than
//! [`FULL_READ_EVERY_DAYS`] days old: a scheduled job cannot forget it.
//!
//! Two different lines for one place in a log (a record edited and sent under a new id) are
//! both written; the ordinary verification then reports that log's chain as broken.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::client::{Client, Fetched};
use super::endpoint::Endpoint;
use super::error::LrsError;
use super::statement::{Malformed, NoRecord, carried_record};
use crate::canon::{CanonHasher, hex};
use crate::lang::Lang;
use crate::message::{Bilingual, IoReason};
use crate::record::{InstallationId, header_line};

/// The version of `state.json`.
const STATE_FORMAT: u32 = 1;
/// How far before the last run's end the next run asks from. xAPI's `since` is about the
/// time a statement was stored; Ralph 5 compares it with the statement's `timestamp` instead
/// (when the attempt finished), so a record a learner's program could only send days later
/// would be missed without it. A learner offline longer than this is caught by deleting the
/// mirror folder, which reads everything again.
const SINCE_LOOKBACK_SECONDS: i64 = 45 * 86_400;

/// How old the last full read may be before a run reads everything again by itself.
pub const FULL_READ_EVERY_DAYS: i64 = 7;

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
    /// When the last full read began (a state written before this field reads as never).
    #[serde(default)]
    last_full: Option<String>,
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

    /// Reads what the LRS holds since the last run (everything, if `full` or a full read is
    /// due at `now`) into the log files (see the module header).
    pub fn sync(
        &self,
        client: &Client,
        full: bool,
        now: jiff::Timestamp,
    ) -> Result<Synced, MirrorError> {
        let logs = self.logs();
        crate::fsutil::create_private_dir(&logs).map_err(|source| MirrorError::Io {
            path: logs.clone(),
            source,
        })?;
        let state_path = self.dir.join("state.json");
        let mut state = load_state(&state_path)?;
        let full = full || full_read_due(state.last_full.as_deref(), now);
        let mut synced = Synced::default();
        let mut lines: BTreeMap<InstallationId, Vec<(u64, String)>> = BTreeMap::new();
        // Every statement, the "answered" ones too: asking by verb would leave them in the
        // LRS, but Ralph 5 matches no statement at all to a `verb` filter.
        let fetched = client
            .get_statements(state.since.as_deref().filter(|_| !full), |page| {
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
        let since = next_since(fetched);
        for (installation, new) in lines {
            synced.new_lines += merge_log(&logs, installation, new)?;
        }
        if let Some(since) = since {
            state.since = Some(since.to_string());
        }
        if full {
            state.last_full = Some(now.to_string());
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

/// Where the next run may start reading, after a run that read `fetched` (see the module
/// header); `None` when this run says nothing about it.
fn next_since(fetched: Fetched) -> Option<jiff::Timestamp> {
    let end: jiff::Timestamp = fetched
        .consistent_through
        .or(fetched.latest_stored)?
        .parse()
        .ok()?;
    end.checked_sub(jiff::SignedDuration::from_secs(SINCE_LOOKBACK_SECONDS))
        .ok()
}

/// Whether a run at `now` must read everything: never read in full, or the last full read
/// (`last_full`, as the state holds it) more than [`FULL_READ_EVERY_DAYS`] old or unreadable.
fn full_read_due(last_full: Option<&str>, now: jiff::Timestamp) -> bool {
    let Some(last) = last_full.and_then(|t| t.parse::<jiff::Timestamp>().ok()) else {
        return true;
    };
    now.duration_since(last) > jiff::SignedDuration::from_hours(24 * FULL_READ_EVERY_DAYS)
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
                    format_args!("{p}: kopien af læringsdatabasens poster kan ikke gemmes: {why}"),
                    format_args!("{p}: cannot keep the copy of the LRS's records: {why}"),
                )
            }
            MirrorError::BadState { path } => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}: er ikke skrevet af denne version af bevidst; slet mappen, så \
                         læses alt fra læringsdatabasen igen"
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

    #[test]
    fn a_full_read_is_due_first_and_then_once_a_week() {
        let now: jiff::Timestamp = "2026-12-02T08:00:00Z".parse().expect("time");
        assert!(full_read_due(None, now), "never read in full");
        assert!(full_read_due(Some("not a time"), now));
        assert!(
            !full_read_due(Some("2026-11-26T08:00:00Z"), now),
            "six days"
        );
        assert!(
            !full_read_due(Some("2026-11-25T08:00:00Z"), now),
            "seven days"
        );
        assert!(
            full_read_due(Some("2026-11-25T07:59:59Z"), now),
            "just over"
        );
    }
}
