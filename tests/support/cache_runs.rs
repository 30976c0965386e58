//! Runs of the report over a small simulated collection, for the tests of the report's cache:
//! the collection, a run, what a run says as text, and logs grown the way the learner's
//! program copies a log (a new file renamed over the old one). Included with `#[path]` by the
//! test crates that use it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use bevidst::attempt::FinishedAttempt;
use bevidst::course::CourseSet;
use bevidst::lang::Lang;
use bevidst::record::{CompletionRecord, LogReader};
use bevidst::report::read::list_files;
use bevidst::report::{Paths, RunOutput, Settings, render, run};
use bevidst::schedule::Rules;
use bevidst::simulate::{SimConfig, simulate};

/// The simulated period ends here, and the report is made then.
pub const END: i64 = 1_749_988_800;

pub struct Env {
    _dir: tempfile::TempDir,
    pub collection: PathBuf,
    pub anchors: PathBuf,
}

/// A simulated collection whose files were last changed an hour ago, as a collection is when
/// the report is run again (a file changed within seconds of a run is never kept).
pub fn env(set: &CourseSet) -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = dir.path().join("indsamling");
    let cfg = SimConfig {
        learners: 60,
        years: 2,
        seed: 11,
        end: END,
        threads: 2,
    };
    simulate(set, &cfg, &collection).expect("simulated");
    for f in list_files(&collection).expect("listed").0 {
        age(&f);
    }
    Env {
        anchors: dir.path().join("report/anchors.txt"),
        collection,
        _dir: dir,
    }
}

/// Sets the file's modification time to an hour ago.
pub fn age(file: &Path) {
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(file)
        .and_then(|f| f.set_modified(an_hour_ago))
        .expect("file time set");
}

pub fn report(e: &Env, set: &CourseSet, threads: usize) -> RunOutput {
    report_at(e, set, threads, END)
}

/// A run as of `now` (UTC seconds).
pub fn report_at(e: &Env, set: &CourseSet, threads: usize, now: i64) -> RunOutput {
    let paths = Paths {
        collection: e.collection.clone(),
        roster: None,
        anchors: e.anchors.clone(),
        memory: None,
    };
    let settings = Settings {
        min_group: 3,
        rules: Rules::default(),
        now: jiff::Timestamp::from_second(now).expect("time"),
        lang: Lang::En,
        followup: true,
    };
    run(&paths, set, &settings, threads, None).expect("the report runs")
}

/// Everything the report says, as text: the report (without the moment it was made), its
/// Markdown and the follow-up.
pub fn says(out: &RunOutput) -> String {
    let mut r = out.report.clone();
    r.generated_at = String::new();
    format!(
        "{}\n{}\n{}",
        serde_json::to_string(&r).expect("serialises"),
        render::markdown::render(&r, Lang::En),
        render::followup::render(&out.followup, Lang::En)
    )
}

/// Asserts two runs said the same, showing where they first differ.
pub fn same(a: &RunOutput, b: &RunOutput) {
    let (a, b) = (says(a), says(b));
    if a != b {
        let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        let around = |s: &str| {
            s.get(at.saturating_sub(80)..(at + 80).min(s.len()))
                .unwrap_or("")
                .to_owned()
        };
        panic!(
            "the reports differ at byte {at}:\n{}\n---\n{}",
            around(&a),
            around(&b)
        );
    }
}

/// The record that would come next in the log `bytes`: its last attempt again a minute
/// later, changed by `change`, sealed onto the chain.
pub fn next_record(bytes: &[u8], change: impl FnOnce(&mut FinishedAttempt)) -> CompletionRecord {
    let mut reader = LogReader::new(bytes);
    let mut last = None;
    while let Some(r) = reader.next_record() {
        last = Some(r.clone());
    }
    let head = reader.outcome().head.expect("a good log");
    let last = last.expect("a record");
    let mut attempt = last.attempt.clone();
    attempt.started = attempt.finished + 60;
    attempt.finished = attempt.started + (last.attempt.finished - last.attempt.started);
    change(&mut attempt);
    CompletionRecord::seal(
        attempt,
        head.installation,
        head.last_seq + 1,
        head.last_hash,
    )
    .expect("sealed")
}

/// Puts `bytes` in place of `log`: written anew and renamed over it, as the learner's program
/// copies a log.
pub fn replace(log: &Path, bytes: &[u8]) {
    let temp = log.with_extension("grow");
    std::fs::write(&temp, bytes).expect("written");
    std::fs::rename(&temp, log).expect("renamed");
}

/// A log with one more record, written anew and renamed over the old one.
pub fn grow(log: &Path) {
    let mut grown = std::fs::read(log).expect("read");
    let record = next_record(&grown, |_| {});
    grown.extend_from_slice(record.to_line().as_bytes());
    grown.push(b'\n');
    replace(log, &grown);
}
