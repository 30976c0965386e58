//! The log store with injected failures: a disk that fills up part-way through a write, torn
//! and damaged files, and two handles on one log.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::super::*;
use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::fsutil::{Access, write_atomic_with};
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::policy::Area;

fn rng() -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(7)
}

fn draft(n: u32) -> FinishedAttempt {
    FinishedAttempt {
        learner: format!("10{n:05}"),
        forvaltning: "Københavns Ejendomme".into(),
        module: "eksempel".into(),
        module_version: 1,
        content_hash: [3; 32],
        started: 1_700_000_000 + u64::from(n) * 1000,
        finished: 1_700_000_300 + u64::from(n) * 1000,
        score: 1,
        max: 2,
        passed: false,
        answers: vec![
            AnsweredQuestion {
                id: "eksempel-01".into(),
                area: Area::AccessControl,
                correct: n.is_multiple_of(2),
            },
            AnsweredQuestion {
                id: "eksempel-02".into(),
                area: Area::PhysicalSecurity,
                correct: !n.is_multiple_of(2),
            },
        ],
    }
}

fn verify_file(path: &Path) -> VerifyOutcome {
    let bytes = fs::read(path).expect("the log is readable");
    verify_reader(bytes.as_slice(), |_| {})
}

/// Writes `budget` bytes of what it is given, then fails as a full disk does.
fn full_disk(budget: usize) -> impl FnOnce(&File, &[u8]) -> io::Result<()> {
    move |mut file, bytes| {
        let n = budget.min(bytes.len());
        file.write_all(&bytes[..n])?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device",
        ))
    }
}

#[test]
fn a_full_disk_loses_nothing_and_leaves_the_log_valid() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let (mut log, notice) = LearnerLog::open(&path, &mut rng()).expect("opens");
    assert!(notice.created);
    let first = log.append(draft(1)).expect("appends");
    let before = fs::read(&path).expect("reads");
    for budget in [0, 1, 40, 300] {
        let err = log
            .append_with(draft(2), full_disk(budget))
            .expect_err("the disk is full");
        assert!(
            matches!(
                err,
                RecordError::Append {
                    cut_back_failed: false,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(fs::read(&path).expect("reads"), before, "budget {budget}");
        assert_eq!(log.records(), std::slice::from_ref(&first));
    }
    let second = log.append(draft(2)).expect("appends once there is space");
    assert_eq!(second.seq, 2);
    assert_eq!(second.prev, first.hash);
    let outcome = verify_file(&path);
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!(outcome.records, 2);
}

#[test]
fn a_failed_atomic_write_leaves_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("copy.ron");
    fs::write(&target, b"old\n").expect("writes");
    let err = write_atomic_with(&target, b"new contents\n", Access::Private, full_disk(4));
    assert!(err.is_err());
    assert_eq!(fs::read(&target).expect("reads"), b"old\n");
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("copy.ron")]);
}

#[test]
fn records_survive_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sub").join("log.ron");
    let (mut log, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    let installation = log.installation();
    let a = log.append(draft(1)).expect("appends");
    let b = log.append(draft(2)).expect("appends");
    drop(log);
    let (log, notice) = LearnerLog::open(&path, &mut rng()).expect("reopens");
    assert_eq!(notice, OpenNotice::default());
    assert_eq!(log.installation(), installation);
    assert_eq!(log.records(), &[a, b.clone()]);
    assert_eq!(log.head().last_hash, b.hash);
    assert_eq!(log.head().last_seq, 2);
}

#[test]
fn a_torn_last_line_is_moved_aside_and_the_chain_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let (mut log, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    let first = log.append(draft(1)).expect("appends");
    drop(log);
    let good = fs::read(&path).expect("reads");
    let partial = b"(format:1,installation:\"00";
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("opens");
    f.write_all(partial).expect("writes");
    drop(f);

    let (mut log, notice) = LearnerLog::open(&path, &mut rng()).expect("opens");
    let torn = notice.torn.clone().expect("the torn line is reported");
    assert_eq!(torn.line, 3);
    assert_eq!(fs::read(&torn.side_file).expect("side file"), partial);
    assert_eq!(fs::read(&path).expect("reads"), good);
    assert!(notice.read_only.is_none());
    assert!(!notice.messages(crate::lang::Lang::Da, &path).is_empty());
    let second = log.append(draft(2)).expect("appends");
    assert_eq!(second.prev, first.hash);
    assert!(verify_file(&path).is_ok());
}

#[test]
fn garbage_after_a_crash_is_torn_even_with_a_line_break() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let (mut log, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    log.append(draft(1)).expect("appends");
    drop(log);
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("opens");
    f.write_all(&[0u8; 50]).expect("writes");
    f.write_all(b"\n").expect("writes");
    drop(f);
    let (log, notice) = LearnerLog::open(&path, &mut rng()).expect("opens");
    assert_eq!(notice.torn.map(|t| t.bytes), Some(51));
    assert_eq!(log.records().len(), 1);
}

#[test]
fn damage_in_the_middle_makes_the_log_read_only_and_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let (mut log, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    for n in 1..=3 {
        log.append(draft(n)).expect("appends");
    }
    drop(log);
    let text = fs::read_to_string(&path).expect("reads");
    let edited = text.replacen("score:1,", "score:2,", 1);
    fs::write(&path, &edited).expect("writes");

    let (mut log, notice) = LearnerLog::open(&path, &mut rng()).expect("opens read-only");
    let bad = notice.read_only.expect("read-only");
    assert_eq!(bad.line, 2);
    assert_eq!(bad.problem, Problem::HashMismatch);
    assert!(log.records().is_empty());
    assert!(matches!(
        log.append(draft(9)),
        Err(RecordError::Damaged { .. })
    ));
    assert_eq!(fs::read_to_string(&path).expect("reads"), edited);
    let names = fs::read_dir(dir.path()).expect("lists").count();
    assert_eq!(names, 1, "no side file for damage that is not a torn tail");
}

#[test]
fn an_empty_file_gets_a_header_and_a_bad_header_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    fs::write(&path, b"").expect("writes");
    let (log, notice) = LearnerLog::open(&path, &mut rng()).expect("opens");
    assert!(notice.created);
    assert!(verify_file(&path).is_ok());
    drop(log);

    fs::write(&path, b"(log:\"bevidst-completion-log\",form").expect("writes");
    let (_, notice) = LearnerLog::open(&path, &mut rng()).expect("opens");
    assert!(notice.torn.is_some() && notice.created);
    assert!(verify_file(&path).is_ok());

    fs::write(&path, b"hello\nworld\n").expect("writes");
    let err = LearnerLog::open(&path, &mut rng()).expect_err("not a log");
    assert!(matches!(err, RecordError::Damaged { .. }), "{err}");
    assert_eq!(fs::read(&path).expect("reads"), b"hello\nworld\n");

    let newer = header_line(InstallationId([1; 16])).replace("format:1", "format:2") + "\n";
    fs::write(&path, &newer).expect("writes");
    let err = LearnerLog::open(&path, &mut rng()).expect_err("newer");
    assert!(err.text(Lang::En).contains("newer bevidst"), "{err}");
}

#[test]
fn two_handles_take_turns_and_keep_one_chain() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let (mut a, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    let (mut b, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    assert_eq!(a.installation(), b.installation());
    let r1 = a.append(draft(1)).expect("a appends");
    let r2 = b.append(draft(2)).expect("b appends after catching up");
    let r3 = a.append(draft(3)).expect("a appends after catching up");
    assert_eq!((r1.seq, r2.seq, r3.seq), (1, 2, 3));
    assert_eq!(r2.prev, r1.hash);
    assert_eq!(r3.prev, r2.hash);
    assert_eq!(b.refresh().expect("refreshes"), None);
    assert_eq!(b.records(), a.records());
    let outcome = verify_file(&path);
    assert_eq!(outcome.records, 3);
    assert!(outcome.is_ok());
}

#[test]
fn a_log_cut_while_open_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let (mut log, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    log.append(draft(1)).expect("appends");
    let header_only = header_line(log.installation()) + "\n";
    fs::write(&path, header_only).expect("writes");
    assert!(matches!(
        log.append(draft(2)),
        Err(RecordError::ChangedUnderneath { .. })
    ));
}

#[test]
fn a_held_lock_is_reported_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.ron");
    let (mut log, _) = LearnerLog::open(&path, &mut rng()).expect("opens");
    let other = File::open(&path).expect("opens");
    other.lock().expect("locks");
    let err = log.append(draft(1)).expect_err("locked");
    assert!(matches!(err, RecordError::Locked { .. }), "{err}");
    assert!(err.text(Lang::En).contains("another running bevidst"));
    other.unlock().expect("unlocks");
    log.append(draft(1)).expect("appends once the lock is free");
}
