//! Benchmark of the Learning Record Store route against a real Ralph LRS (`.ci/lrs`; without
//! it, this says how to run it and stops): a simulated collection (2,000 employees over three
//! years by default) is pushed (`bevidst lrs push`), read back into a report (`bevidst report
//! --lrs`, a first read into an empty mirror, then a later run with `since`), and the same
//! report is made from the folder, each as the release binary in its own process. Every
//! figure of the first LRS report (JSON) must equal the folder's.
//!
//! Run: `bash .ci/lrs run cargo bench --bench lrs` (env: `BEVIDST_BENCH_LEARNERS`,
//! `BEVIDST_BENCH_YEARS`, `BEVIDST_BENCH_BATCH` statements per request, default 1000).
//! Ralph's `fs` backend reads its whole file for every request, so the LRS times here are
//! Ralph's development backend's more than bevidst's; see the README.

use std::path::Path;
use std::process::Output;
use std::time::Instant;

#[path = "../tests/support/hermetic.rs"]
mod hermetic;
#[path = "../tests/support/lrs.rs"]
mod lrs;

const END: &str = "2026-01-01T00:00:00Z";

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs the binary in `sandbox` with an LRS credential; returns its output and seconds. Exit
/// 1 is fine (`lrs push` says so for the simulated torn and edited logs, whose good part it
/// sends).
fn timed(sandbox: &Path, credential: Option<(&str, &str)>, args: &[&str]) -> (Output, f64) {
    let mut cmd = hermetic::command(env!("CARGO_BIN_EXE_bevidst"), sandbox);
    cmd.args(args).args(["--lang", "en"]);
    if let Some((user, password)) = credential {
        cmd.env("BEVIDST_LRS_USER", user)
            .env("BEVIDST_LRS_PASSWORD", password);
    }
    let start = Instant::now();
    let out = cmd.output().expect("bevidst runs");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out, secs)
}

fn last_line(o: &Output) -> String {
    let text = String::from_utf8_lossy(&o.stderr);
    text.lines().last().unwrap_or_default().to_owned()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let Some(lrs) = lrs::slot(5) else { return };
    let learners = env_or("BEVIDST_BENCH_LEARNERS", 2000).to_string();
    let years = env_or("BEVIDST_BENCH_YEARS", 3).to_string();
    let batch = env_or("BEVIDST_BENCH_BATCH", 1000).to_string();
    let dir = tempfile::tempdir().expect("temp dir");
    let coll = dir.path().join("collection");
    let coll_arg = coll.to_str().expect("utf-8 path");
    let (sim, secs) = timed(
        dir.path(),
        None,
        &[
            "simulate",
            "--learners",
            &learners,
            "--years",
            &years,
            "--end",
            END,
            "--out",
            coll_arg,
        ],
    );
    println!("simulate          {secs:8.1} s  {}", last_line(&sim));
    let writer = Some((lrs.writer.as_str(), lrs.password.as_str()));
    let reader = Some((lrs.reader.as_str(), lrs.password.as_str()));
    let (push, secs) = timed(
        dir.path(),
        writer,
        &[
            "lrs", "push", coll_arg, "--lrs", &lrs.url, "--batch", &batch,
        ],
    );
    println!("lrs push          {secs:8.1} s  {}", last_line(&push));
    let report = ["report", "--format", "json", "--now", END];
    let from_lrs = dir.path().join("from-lrs");
    let lrs_args: Vec<&str> = report.iter().copied().chain(["--lrs", &lrs.url]).collect();
    let (first, secs) = timed(&from_lrs, reader, &lrs_args);
    let read = String::from_utf8_lossy(&first.stderr);
    println!(
        "report --lrs      {secs:8.1} s  {}",
        read.lines().next().unwrap_or_default()
    );
    let (again, secs) = timed(&from_lrs, reader, &lrs_args);
    println!(
        "  again (since)   {secs:8.1} s  {}",
        String::from_utf8_lossy(&again.stderr)
            .lines()
            .next()
            .unwrap_or_default()
    );
    let folder_args: Vec<&str> = report.iter().copied().chain([coll_arg]).collect();
    let (folder, secs) = timed(&dir.path().join("from-folder"), None, &folder_args);
    println!("report DIR        {secs:8.1} s  {}", last_line(&folder));
    // The folder's own defects (torn and edited logs, copies) are problems of its files,
    // which push does not send; every figure must be the same.
    let figures = |o: &Output| {
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let counted = v["counts"]["records_counted"].clone();
        v["counts"] = counted;
        v["problem_counts"] = serde_json::Value::Null;
        v
    };
    let same = figures(&first) == figures(&folder);
    println!("same figures from the LRS as from the folder: {same}");
    assert!(same, "the reports differ");
}
