//! The outbox: which of the learner's records a Learning Record Store has acknowledged. The
//! learner's log stays the one source of truth; this small file beside it (`outbox.ron` in the
//! data folder) only says what need not be sent again, so a record is pending exactly when the
//! log holds it and this file does not name its hash.
//!
//! Format (version 1), one line, written atomically and readable by the learner only:
//!
//! ```ron
//! (format: 1, endpoint: "https://lrs.example/xAPI/statements", acknowledged: ["9f3c…", …])
//! ```
//!
//! `acknowledged` holds the records' hashes in hex. The acknowledgements belong to `endpoint`:
//! when the organisation moves to another LRS, everything is pending again for the new one.
//!
//! Why losing this file is harmless: the statement ids are derived from the record hash, so
//! sending a record twice leaves the LRS as it was. A missing, torn, damaged, oversized or
//! newer file therefore counts as an empty outbox: everything is sent again, nothing is lost,
//! nothing panics, and the file is replaced at the next acknowledgement. Two programs of the
//! same learner writing at once can at worst drop each other's acknowledgements, which again
//! only means a re-send.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::canon::{Digest32, hex, parse_hex32};
use crate::record::CompletionRecord;

/// The file's name in the data folder.
pub const OUTBOX_FILE: &str = "outbox.ron";
const FORMAT: u32 = 1;
/// Larger files are not read (a hash is 67 bytes, so this is some 60,000 records).
const MAX_OUTBOX_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutboxFile {
    format: u32,
    endpoint: String,
    acknowledged: Vec<String>,
}

/// What one LRS has acknowledged of the learner's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbox {
    path: PathBuf,
    endpoint: String,
    acknowledged: BTreeSet<Digest32>,
}

impl Outbox {
    /// The outbox for `endpoint` in `data_dir`, as far as it can be read: a file that is
    /// missing, damaged or for another endpoint is an empty outbox (see the module header).
    pub fn load(data_dir: &Path, endpoint: &str) -> Outbox {
        let path = data_dir.join(OUTBOX_FILE);
        let acknowledged = crate::foreign::read_text(&path, MAX_OUTBOX_BYTES)
            .ok()
            .and_then(|text| ron::from_str::<OutboxFile>(&text).ok())
            .filter(|f| f.format == FORMAT && f.endpoint == endpoint)
            .map(|f| {
                // One unreadable hash is a re-send of that record, not of all of them.
                f.acknowledged
                    .iter()
                    .filter_map(|h| parse_hex32(h))
                    .collect()
            })
            .unwrap_or_default();
        Outbox {
            path,
            endpoint: endpoint.to_owned(),
            acknowledged,
        }
    }

    /// The endpoint these acknowledgements belong to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Whether the LRS has acknowledged the record with this hash.
    pub fn is_acknowledged(&self, hash: &Digest32) -> bool {
        self.acknowledged.contains(hash)
    }

    /// The records of `log` not acknowledged yet, oldest first.
    pub fn pending<'a>(&self, log: &'a [CompletionRecord]) -> Vec<&'a CompletionRecord> {
        log.iter()
            .filter(|r| !self.is_acknowledged(&r.hash))
            .collect()
    }

    /// Notes that the LRS acknowledged these records and saves the file atomically (readable
    /// by the learner only). When saving fails the acknowledgements are kept for this session
    /// and the records are merely sent again after the next start.
    pub fn acknowledge(&mut self, hashes: impl IntoIterator<Item = Digest32>) -> io::Result<()> {
        let before = self.acknowledged.len();
        self.acknowledged.extend(hashes);
        if self.acknowledged.len() == before {
            return Ok(());
        }
        let file = OutboxFile {
            format: FORMAT,
            endpoint: self.endpoint.clone(),
            acknowledged: self.acknowledged.iter().map(|h| hex(h)).collect(),
        };
        let text = ron::to_string(&file).map_err(io::Error::other)?;
        crate::fsutil::write_private(&self.path, format!("{text}\n").as_bytes())
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::attempt::FinishedAttempt;
    use crate::record::LearnerLog;
    use rand::SeedableRng as _;

    const LRS: &str = "http://127.0.0.1:8100/xAPI/statements";

    /// A log of `n` records in `dir`.
    pub(in crate::app) fn log(dir: &Path, n: u64) -> Vec<CompletionRecord> {
        let path = crate::record::log_path(dir);
        let (mut log, _) =
            LearnerLog::open(&path, &mut rand_chacha::ChaCha8Rng::seed_from_u64(1)).expect("open");
        for i in 0..n {
            log.append(FinishedAttempt {
                learner: "ab12".into(),
                forvaltning: "Økonomiforvaltningen".into(),
                module: "velkommen".into(),
                module_version: 1,
                content_hash: [7; 32],
                started: 1_764_000_000 + i * 1000,
                finished: 1_764_000_600 + i * 1000,
                score: 1,
                max: 1,
                passed: true,
                answers: vec![crate::attempt::AnsweredQuestion {
                    id: "velkommen-01".into(),
                    area: crate::policy::Area::SecurityPolicy,
                    correct: true,
                }],
            })
            .expect("append");
        }
        log.records().to_vec()
    }

    fn hashes(records: &[&CompletionRecord]) -> Vec<Digest32> {
        records.iter().map(|r| r.hash).collect()
    }

    #[test]
    fn an_acknowledged_record_is_no_longer_pending_after_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let records = log(dir.path(), 3);
        let mut outbox = Outbox::load(dir.path(), LRS);
        assert_eq!(outbox.pending(&records).len(), 3, "nothing sent yet");
        outbox.acknowledge([records[1].hash]).expect("save");
        let again = Outbox::load(dir.path(), LRS);
        assert_eq!(again, outbox);
        assert_eq!(
            hashes(&again.pending(&records)),
            [records[0].hash, records[2].hash],
            "the others, oldest first"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let meta = std::fs::metadata(dir.path().join(OUTBOX_FILE)).expect("written");
            assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn a_torn_or_damaged_file_sends_everything_again_and_loses_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let records = log(dir.path(), 4);
        let mut outbox = Outbox::load(dir.path(), LRS);
        outbox
            .acknowledge(records.iter().map(|r| r.hash))
            .expect("save");
        let path = dir.path().join(OUTBOX_FILE);
        let whole = std::fs::read(&path).expect("read");
        for damaged in [
            whole[..whole.len() / 2].to_vec(),
            b"\xff\xfe not text".to_vec(),
            b"(format: 9, endpoint: \"x\", acknowledged: [])".to_vec(),
            Vec::new(),
        ] {
            std::fs::write(&path, &damaged).expect("damage");
            let read = Outbox::load(dir.path(), LRS);
            assert_eq!(
                hashes(&read.pending(&records)),
                hashes(&records.iter().collect::<Vec<_>>()),
                "every record is pending again: {}",
                String::from_utf8_lossy(&damaged)
            );
        }
        // The next acknowledgement replaces the damaged file with a whole one.
        let mut read = Outbox::load(dir.path(), LRS);
        read.acknowledge([records[0].hash]).expect("save");
        assert_eq!(Outbox::load(dir.path(), LRS).pending(&records).len(), 3);
    }

    #[test]
    fn one_unreadable_hash_sends_only_that_record_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let records = log(dir.path(), 2);
        Outbox::load(dir.path(), LRS)
            .acknowledge(records.iter().map(|r| r.hash))
            .expect("save");
        let path = dir.path().join(OUTBOX_FILE);
        let text = std::fs::read_to_string(&path).expect("read");
        let broken = text.replacen(&hex(&records[0].hash)[..4], "zzzz", 1);
        std::fs::write(&path, broken).expect("write");
        let read = Outbox::load(dir.path(), LRS);
        assert_eq!(hashes(&read.pending(&records)), [records[0].hash]);
    }

    #[test]
    fn acknowledgements_belong_to_their_endpoint() {
        let dir = tempfile::tempdir().expect("temp dir");
        let records = log(dir.path(), 2);
        Outbox::load(dir.path(), LRS)
            .acknowledge(records.iter().map(|r| r.hash))
            .expect("save");
        assert!(Outbox::load(dir.path(), LRS).pending(&records).is_empty());
        let other = Outbox::load(dir.path(), "https://lrs.kk.dk/xAPI/statements");
        assert_eq!(
            other.pending(&records).len(),
            2,
            "a new LRS gets everything"
        );
    }

    #[test]
    fn a_folder_at_the_files_name_is_an_empty_outbox_and_saving_says_why() {
        let dir = tempfile::tempdir().expect("temp dir");
        let records = log(dir.path(), 1);
        std::fs::create_dir(dir.path().join(OUTBOX_FILE)).expect("mkdir");
        let mut outbox = Outbox::load(dir.path(), LRS);
        assert_eq!(outbox.pending(&records).len(), 1);
        assert!(outbox.acknowledge([records[0].hash]).is_err());
        assert!(
            outbox.pending(&records).is_empty(),
            "kept for the session all the same"
        );
    }
}
