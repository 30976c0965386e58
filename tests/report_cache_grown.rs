//! A log that has grown since the last run (written anew and renamed over the old one, as the
//! learner's program copies a log) is taken from the report's cache plus its new lines, and
//! the report is byte-identical to a run without the cache; a grown log whose old part was
//! edited, or whose new lines are bad, is read in full and reported exactly as without it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use bevidst::course::CourseSet;
use bevidst::record::LogReader;
use bevidst::report::RunOutput;
use bevidst::report::cache::cache_path;
use bevidst::report::read::list_files;

#[path = "support/small_courses.rs"]
mod small_courses;
use small_courses::courses;

#[path = "support/cache_runs.rs"]
mod cache_runs;
use cache_runs::{Env, age, env, grow, next_record, replace, report, same};

/// `n` logs the first run counted whole, with no problem of any kind (each one installation's
/// only file, not a copy), each with at least two records.
fn clean_logs(e: &Env, first: &RunOutput, n: usize) -> Vec<PathBuf> {
    let troubled: Vec<&str> = first
        .followup
        .problems
        .iter()
        .map(|p| p.path.as_str())
        .collect();
    let logs: Vec<PathBuf> = list_files(&e.collection)
        .expect("listed")
        .0
        .into_iter()
        .filter(|f| {
            !f.starts_with(e.collection.join("kopier"))
                && f.extension().is_some_and(|x| x == "ron")
                && !troubled.contains(&f.display().to_string().as_str())
                && std::fs::read(f)
                    .is_ok_and(|b| LogReader::new(b.as_slice()).verify_to_end().records > 1)
        })
        .take(n)
        .collect();
    assert_eq!(logs.len(), n, "enough clean logs");
    logs
}

/// The same collection, with the anchors as they were before it changed, and no cache.
fn without_cache(e: &Env, set: &CourseSet, anchors: &[u8]) -> RunOutput {
    std::fs::write(&e.anchors, anchors).expect("anchors restored");
    std::fs::remove_file(cache_path(&e.anchors)).expect("cache deleted");
    let fresh = report(e, set, 2);
    assert_eq!((fresh.from_cache, fresh.grown_from_cache), (0, 0));
    fresh
}

/// Appends `line` (its line break included) to `log`, written anew and renamed over it.
fn append(log: &Path, line: &[u8]) {
    let mut bytes = std::fs::read(log).expect("read");
    bytes.extend_from_slice(line);
    replace(log, &bytes);
}

/// Asserts the run lists a problem with `log` whose message says `says`.
fn has_problem(out: &RunOutput, log: &Path, says: &str) {
    let name = log.display().to_string();
    assert!(
        out.followup
            .problems
            .iter()
            .any(|p| p.path == name && p.message.contains(says)),
        "{name}: no problem saying »{says}« among {:?}",
        out.followup.problems
    );
}

#[test]
fn a_grown_log_is_taken_from_the_cache_plus_its_new_lines() {
    let set = courses();
    let e = env(&set);
    let first = report(&e, &set, 2);
    let logs = clean_logs(&e, &first, 5);
    for log in &logs {
        grow(log);
    }
    // Two records more in one of them.
    grow(&logs[0]);
    // Changed an hour ago: their new entries are kept.
    for log in &logs {
        age(log);
    }
    let anchors = std::fs::read(&e.anchors).expect("anchors");
    let grown = report(&e, &set, 2);
    assert_eq!(grown.grown_from_cache, 5);
    assert_eq!(
        grown.from_cache + grown.grown_from_cache,
        first.report.counts.files_counted,
        "every clean log came from the cache"
    );
    assert_eq!(
        grown.report.counts.records_counted,
        first.report.counts.records_counted + 6,
        "the new records are counted"
    );

    // The next run takes the grown logs whole from their new entries.
    let again = report(&e, &set, 1);
    assert_eq!(again.grown_from_cache, 0);
    assert_eq!(again.from_cache, first.report.counts.files_counted);
    same(&again, &grown);

    let fresh = without_cache(&e, &set, &anchors);
    same(&grown, &fresh);
}

#[test]
fn a_grown_log_whose_old_part_was_edited_is_read_in_full() {
    let set = courses();
    let e = env(&set);
    let first = report(&e, &set, 2);
    let log = clean_logs(&e, &first, 1).remove(0);
    let mut bytes = std::fs::read(&log).expect("read");
    // Sealed onto the chain as it was.
    let record = next_record(&bytes, |_| {});
    // One digit of the first record's score changed: the same length, one byte different.
    let line_two = bytes.iter().position(|&b| b == b'\n').expect("a header") + 1;
    let score = line_two
        + bytes[line_two..]
            .windows(7)
            .position(|w| w == b",score:")
            .expect("a score")
        + 7;
    bytes[score] = if bytes[score] == b'1' { b'2' } else { b'1' };
    bytes.extend_from_slice(record.to_line().as_bytes());
    bytes.push(b'\n');
    replace(&log, &bytes);
    age(&log);

    let anchors = std::fs::read(&e.anchors).expect("anchors");
    let edited = report(&e, &set, 2);
    assert_eq!(edited.grown_from_cache, 0);
    // Reported at its line.
    has_problem(&edited, &log, "line 2: hash mismatch");
    same(&edited, &without_cache(&e, &set, &anchors));
}

#[test]
fn a_grown_log_whose_new_line_is_bad_reports_the_same_problem_as_without_a_cache() {
    let set = courses();
    let e = env(&set);
    let first = report(&e, &set, 2);
    let logs = clean_logs(&e, &first, 4);
    let line = |log: &Path, change: &dyn Fn(&mut bevidst::attempt::FinishedAttempt)| {
        let bytes = std::fs::read(log).expect("read");
        let mut line = next_record(&bytes, change).to_line().into_bytes();
        line.push(b'\n');
        line
    };
    // A cut-off record.
    let mut torn = line(&logs[0], &|_| {});
    torn.truncate(torn.len() / 2);
    append(&logs[0], &torn);
    // A record of another employee id: counted, with a note.
    let other = line(&logs[1], &|a| a.learner = "x999999".into());
    append(&logs[1], &other);
    // A record of a module the course set does not have: not accepted.
    let unknown = line(&logs[2], &|a| a.module = "ukendt-modul".into());
    append(&logs[2], &unknown);
    // A good record whose line was edited after it was sealed.
    let mut edited = line(&logs[3], &|_| {});
    let at = edited.len() / 3;
    edited[at] = if edited[at] == b'1' { b'2' } else { b'1' };
    append(&logs[3], &edited);
    for log in &logs {
        age(log);
    }

    let anchors = std::fs::read(&e.anchors).expect("anchors");
    let bad = report(&e, &set, 2);
    assert_eq!(bad.grown_from_cache, 0);
    for log in &logs {
        has_problem(&bad, log, "");
    }
    same(&bad, &without_cache(&e, &set, &anchors));
}

#[test]
fn a_log_grown_just_before_a_run_is_taken_on_from_its_old_entry_again() {
    let set = courses();
    let e = env(&set);
    let first = report(&e, &set, 2);
    let logs = clean_logs(&e, &first, 3);
    let before: Vec<Vec<u8>> = logs
        .iter()
        .map(|l| std::fs::read(l).expect("read"))
        .collect();
    // Changed within the file system's clock tick of the runs, however slow they are (the
    // time is set ahead): no new entry is kept.
    for log in &logs {
        grow(log);
        std::fs::File::options()
            .write(true)
            .open(log)
            .and_then(|f| f.set_modified(SystemTime::now() + Duration::from_secs(3600)))
            .expect("file time set");
    }
    let grown = report(&e, &set, 2);
    assert_eq!(grown.grown_from_cache, 3);
    // The anchors now hold the new heads, among the lines after the old entries.
    let anchored = std::fs::read(&e.anchors).expect("anchors");
    let again = report(&e, &set, 2);
    assert_eq!(
        again.grown_from_cache, 3,
        "the old entries were carried over"
    );
    same(&again, &grown);

    // A new line that is not the one anchored: the history was rewritten.
    let other = next_record(&before[0], |a| a.finished += 1);
    replace(
        &logs[0],
        &[&before[0], other.to_line().as_bytes(), b"\n"].concat(),
    );
    let rewritten = report(&e, &set, 2);
    assert_eq!(rewritten.grown_from_cache, 2);
    has_problem(&rewritten, &logs[0], "history was rewritten");
    same(&rewritten, &without_cache(&e, &set, &anchored));
}
