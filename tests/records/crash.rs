//! The log under real processes: a writer killed hard (SIGKILL on Unix, `TerminateProcess` on
//! Windows) at random moments, many times over, and two writers appending at the same time. The writer is this test binary itself,
//! re-run with `BEVIDST_TEST_CHILD_LOG` set so that only [`child_appender`] does anything; it
//! prints `RECEIPT <hash>` after each append has returned, as the program shows a receipt.

use std::collections::HashSet;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use bevidst::canon::hex;
use bevidst::record::{LearnerLog, RecordError, log_path, verify_file};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const CHILD_LOG: &str = "BEVIDST_TEST_CHILD_LOG";
const CHILD_COUNT: &str = "BEVIDST_TEST_CHILD_COUNT";
const CHILD_LEARNER: &str = "BEVIDST_TEST_CHILD_LEARNER";

/// Not a test on its own (hence ignored): the body of the child process the tests below
/// start with `--ignored`. Without `BEVIDST_TEST_CHILD_LOG` it returns at once.
#[test]
#[ignore = "the child process of the tests below, started by them"]
fn child_appender() {
    let Some(path) = std::env::var_os(CHILD_LOG) else {
        return;
    };
    let count: u32 = std::env::var(CHILD_COUNT)
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1000);
    let learner = std::env::var(CHILD_LEARNER).unwrap_or_else(|_| "1234567".into());
    let mut rng = ChaCha8Rng::seed_from_u64(u64::from(std::process::id()));
    let (mut log, _) = match LearnerLog::open(Path::new(&path), &mut rng) {
        Ok(opened) => opened,
        Err(e) => {
            println!("REFUSED {e}");
            return;
        }
    };
    for n in 0..count {
        match log.append(super::draft(n, &learner)) {
            Ok(r) => println!("RECEIPT {}", hex(&r.hash)),
            Err(e @ RecordError::Locked { .. }) => println!("REFUSED {e}"),
            Err(e) => panic!("append failed: {e}"),
        }
    }
}

fn spawn_child(log: &Path, count: u32, learner: &str) -> Child {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let sandbox = log.parent().expect("the log is in a folder");
    crate::hermetic::command(exe, sandbox)
        .args([
            "crash::child_appender",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(CHILD_LOG, log)
        .env(CHILD_COUNT, count.to_string())
        .env(CHILD_LEARNER, learner)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the test binary starts")
}

/// The rest of each line that holds `marker`. The harness prints `test … ... ` without a line
/// break before the child's first line, so the marker need not start the line.
fn lines_with(output: &str, marker: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|l| l.split_once(marker).map(|(_, rest)| rest.to_owned()))
        .collect()
}

fn hashes_in(log: &LearnerLog) -> HashSet<String> {
    log.records().iter().map(|r| hex(&r.hash)).collect()
}

#[test]
fn every_returned_receipt_survives_a_hard_kill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = log_path(dir.path());
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    let mut receipts: Vec<String> = Vec::new();
    let mut killed_mid_run = 0;
    for round in 0..40 {
        let mut child = spawn_child(&path, 1000, "1234567");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        // The kill comes at a random moment once the writer is appending: a process starts in
        // a few milliseconds on Linux but in hundreds under Wine, so a clock from the spawn
        // would kill every Windows writer before its first append.
        let mut out = String::new();
        while !out.contains("RECEIPT ") {
            match stdout.read_line(&mut out) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..60)));
        // `Child::kill` sends SIGKILL on Unix and calls TerminateProcess on Windows: no
        // destructor, no flush, no unlock.
        if child.try_wait().expect("polls").is_none() {
            killed_mid_run += 1;
        }
        let _ = child.kill();
        stdout
            .read_to_string(&mut out)
            .expect("reads the child's output");
        child.wait().expect("reaps");
        receipts.extend(lines_with(&out, "RECEIPT "));

        let (log, notice) = LearnerLog::open(&path, &mut rng).expect("the log opens");
        assert!(
            notice.read_only.is_none(),
            "round {round}: damaged: {notice:?}"
        );
        let present = hashes_in(&log);
        for r in &receipts {
            assert!(present.contains(r), "round {round}: receipt {r} is missing");
        }
        let outcome = verify_file(&path).expect("reads");
        assert!(outcome.is_ok(), "round {round}: {:?}", outcome.bad);
        assert_eq!(outcome.records, log.records().len() as u64);
    }
    eprintln!(
        "{} receipts; {killed_mid_run} of 40 writers killed while running",
        receipts.len()
    );
    assert!(killed_mid_run > 0, "no child was killed while it ran");
    assert!(!receipts.is_empty(), "no child got as far as a receipt");
}

#[test]
fn two_writers_at_once_take_turns_and_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = log_path(dir.path());
    let a = spawn_child(&path, 60, "writer-a");
    let b = spawn_child(&path, 60, "writer-b");
    let mut receipts = Vec::new();
    let mut refusals = Vec::new();
    for child in [a, b] {
        let out = child.wait_with_output().expect("the child finishes");
        assert!(out.status.success(), "a writer failed");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        receipts.extend(lines_with(&text, "RECEIPT "));
        refusals.extend(lines_with(&text, "REFUSED "));
    }
    for r in &refusals {
        assert!(
            r.contains("another running bevidst"),
            "unclear refusal: {r}"
        );
    }
    assert_eq!(receipts.len() + refusals.len(), 120);
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let (log, notice) = LearnerLog::open(&path, &mut rng).expect("opens");
    assert_eq!(notice, bevidst::record::OpenNotice::default());
    assert_eq!(log.records().len(), receipts.len());
    let present = hashes_in(&log);
    assert!(receipts.iter().all(|r| present.contains(r)));
    let learners: HashSet<&str> = log
        .records()
        .iter()
        .map(|r| r.attempt.learner.as_str())
        .collect();
    assert_eq!(learners.len(), 2, "both writers got records in");
    assert!(verify_file(&path).expect("reads").is_ok());
}
