//! Measures the record store: how fast a log verifies (the report's floor per core), and how
//! long one durable append takes on this disk. Run with
//! `cargo run --release --example record_bench [RECORDS] [SAVE_AS]`; with `SAVE_AS` the
//! generated log is also written there (a valid log to try `bevidst verify` on).

#![expect(
    clippy::cast_precision_loss,
    reason = "rates are printed to three digits; a count above 2^52 loses nothing shown"
)]

use std::time::Instant;

use bevidst::attempt::{AnsweredQuestion, FinishedAttempt};
use bevidst::policy::Area;
use bevidst::record::{CompletionRecord, InstallationId, LearnerLog, header_line, verify_reader};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn draft(rng: &mut ChaCha8Rng) -> FinishedAttempt {
    let answers: Vec<AnsweredQuestion> = (0..10)
        .map(|i| AnsweredQuestion {
            id: format!("onboarding-{:02}", rng.random_range(0..40) + i),
            area: Area::ALL[rng.random_range(0..Area::ALL.len())],
            correct: rng.random_bool(0.7),
        })
        .collect();
    let score = u32::try_from(answers.iter().filter(|a| a.correct).count()).unwrap_or(0);
    let started = rng.random_range(1_600_000_000..1_800_000_000);
    FinishedAttempt {
        learner: format!("{:07}", rng.random_range(0..10_000_000u32)),
        forvaltning: "Beskæftigelses- og Integrationsforvaltningen".into(),
        module: "onboarding".into(),
        module_version: 3,
        content_hash: [7; 32],
        started,
        finished: started + rng.random_range(120..1800),
        score,
        max: 10,
        passed: score >= 8,
        answers,
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time this thread has run, in seconds (Linux's schedstat, in nanoseconds): on a shared
/// machine the time on a core says more than the wall clock.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let installation = InstallationId([1; 16]);

    let mut log = header_line(installation) + "\n";
    let mut prev = [0u8; 32];
    for seq in 1..=n {
        let r = CompletionRecord::seal(draft(&mut rng), installation, seq, prev)?;
        prev = r.hash;
        log.push_str(&r.to_line());
        log.push('\n');
    }
    println!(
        "log: {n} records, {} bytes ({} bytes per line)",
        log.len(),
        log.len() as u64 / n.max(1)
    );
    if let Some(save_as) = std::env::args().nth(2) {
        std::fs::write(&save_as, &log)?;
    }
    let rss_before = peak_rss_kib();

    // Five passes; the best shows the code's speed, the spread the machine's noise.
    for pass in 1..=5 {
        let cpu_before = thread_cpu_secs();
        let start = Instant::now();
        let mut correct = 0u64;
        let outcome = verify_reader(log.as_bytes(), |r| {
            correct += r.attempt.answers.iter().filter(|a| a.correct).count() as u64;
        });
        let took = start.elapsed().as_secs_f64();
        assert!(outcome.is_ok(), "{:?}", outcome.bad);
        let cpu = match (cpu_before, thread_cpu_secs()) {
            (Some(b), Some(a)) => format!(
                "; cpu {:.2} s, {:.0} records/s per cpu second",
                a - b,
                n as f64 / (a - b)
            ),
            _ => String::new(),
        };
        println!(
            "verify {pass}: {took:.2} s, {:.0} records/s on one core{cpu} ({correct} correct answers seen)",
            n as f64 / took
        );
    }
    if let (Some(before), Some(after)) = (rss_before, peak_rss_kib()) {
        println!("peak RSS grew by {} KiB while verifying", after - before);
    }

    let dir = tempfile::tempdir_in(".")?;
    let (mut learner_log, _) = LearnerLog::open(&dir.path().join("log.ron"), &mut rng)?;
    let appends = 200;
    let start = Instant::now();
    for _ in 0..appends {
        learner_log.append(draft(&mut rng))?;
    }
    let took = start.elapsed().as_secs_f64();
    println!(
        "append (lock, write_all, sync_data): {:.2} ms each over {appends}",
        took * 1000.0 / f64::from(appends)
    );
    Ok(())
}
