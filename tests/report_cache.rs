//! The report's cache is an optimisation, never a source of truth: a full run, a run from the
//! cache, a run after the cache was deleted and a run with a damaged cache give byte-identical
//! reports, whatever the number of threads; a log that changed is read again; a damaged cache
//! is ignored with a note.

use std::path::Path;
use std::time::SystemTime;

use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;
use bevidst::record::LogReader;
use bevidst::report::cache::cache_path;
use bevidst::report::read::list_files;

#[path = "support/small_courses.rs"]
mod small_courses;
use small_courses::courses;

#[path = "support/cache_runs.rs"]
mod cache_runs;
use cache_runs::{END, env, grow, report, report_at, same};

#[test]
fn full_incremental_and_cache_deleted_runs_give_the_same_report() {
    let set = courses();
    let e = env(&set);
    // The first run anchors every log; the runs compared all start from those anchors.
    let first = report(&e, &set, 2);
    assert_eq!(first.from_cache, 0);
    assert!(cache_path(&e.anchors).exists(), "the cache is kept");
    assert!(first.report.counts.records_counted > 150);
    assert!(
        first.report.counts.records_rejected > 0,
        "the simulation damages some logs"
    );

    let incremental = report(&e, &set, 2);
    let logs = first.report.counts.files_counted;
    assert!(
        incremental.from_cache > logs / 2,
        "most logs come from the cache: {} of {logs}",
        incremental.from_cache,
    );
    assert!(
        incremental.cache_note.is_none(),
        "{:?}",
        incremental.cache_note
    );

    let kept = std::fs::read(cache_path(&e.anchors)).expect("cache");
    let one_thread = report(&e, &set, 1);
    assert!(one_thread.from_cache > 0);
    same(&one_thread, &incremental);
    assert!(
        std::fs::read(cache_path(&e.anchors)).expect("cache") == kept,
        "nothing changed, so the cache was left as it was"
    );

    std::fs::remove_file(cache_path(&e.anchors)).expect("cache deleted");
    let deleted = report(&e, &set, 4);
    assert_eq!(deleted.from_cache, 0);
    assert!(deleted.cache_note.is_none(), "{:?}", deleted.cache_note);
    same(&deleted, &incremental);
}

#[test]
fn an_unchanged_anchor_file_is_left_as_it_is_and_a_lost_one_is_written_again() {
    let set = courses();
    let e = env(&set);
    let first = report(&e, &set, 2);
    assert!(first.anchor_error.is_none());
    let written = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let (text, at) = (
        std::fs::read(&e.anchors).expect("anchors"),
        written(&e.anchors),
    );
    let again = report(&e, &set, 2);
    assert!(again.anchor_error.is_none());
    assert_eq!(std::fs::read(&e.anchors).expect("anchors"), text);
    assert_eq!(
        written(&e.anchors),
        at,
        "nothing new to anchor: not written"
    );

    std::fs::remove_file(&e.anchors).expect("anchors removed");
    let lost = report(&e, &set, 2);
    assert!(lost.anchor_error.is_none());
    assert_eq!(
        std::fs::read(&e.anchors).expect("written again"),
        text,
        "the same anchors, from the same logs"
    );
}

#[test]
fn a_cache_made_in_another_quarter_is_not_used() {
    // Each entry keeps the schedule's facts as of the end of the quarter before the run too
    // (the overview's change since then); a month later that is another day.
    let set = courses();
    let e = env(&set);
    report(&e, &set, 2);
    let next_quarter = END + 30 * 86_400;
    let later = report_at(&e, &set, 2, next_quarter);
    assert_eq!(later.from_cache, 0);
    std::fs::remove_file(cache_path(&e.anchors)).expect("cache deleted");
    same(&later, &report_at(&e, &set, 2, next_quarter));
}

#[test]
fn a_damaged_cache_is_ignored_with_a_note() {
    let set = courses();
    let e = env(&set);
    let _ = report(&e, &set, 2);
    let full = report(&e, &set, 2);
    let path = cache_path(&e.anchors);
    let mut bytes = std::fs::read(&path).expect("cache read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&path, &bytes).expect("cache damaged");
    let damaged = report(&e, &set, 2);
    assert_eq!(damaged.from_cache, 0);
    let note = damaged.cache_note.as_ref().expect("a note").text(Lang::En);
    assert!(note.contains("could not be used"), "{note}");
    assert!(note.contains("cut off or damaged"), "{note}");
    same(&damaged, &full);
    // It was made anew, and the next run uses it again.
    let next = report(&e, &set, 2);
    assert!(next.cache_note.is_none(), "{:?}", next.cache_note);
    assert!(next.from_cache > 0);
    same(&next, &full);

    std::fs::write(&path, b"not a cache at all").expect("cache replaced");
    let garbage = report(&e, &set, 2);
    assert!(garbage.cache_note.is_some());
    same(&garbage, &full);
}

#[test]
fn a_changed_log_is_read_again() {
    let set = courses();
    let e = env(&set);
    let full = report(&e, &set, 2);
    // A clean log from the cache, and the anchors as they stand before it grows.
    let log = list_files(&e.collection)
        .expect("listed")
        .0
        .into_iter()
        .find(|f| {
            let r = std::fs::File::open(f).map(std::io::BufReader::new);
            r.is_ok_and(|r| {
                let out = LogReader::new(r).verify_to_end();
                out.is_ok() && out.records > 1
            }) && f.extension().is_some_and(|x| x == "ron")
        })
        .expect("a clean log");
    grow(&log);
    let anchors = std::fs::read(&e.anchors).expect("anchors");
    let incremental = report(&e, &set, 2);
    assert!(incremental.from_cache > 0);
    assert_eq!(
        incremental.report.counts.records_counted,
        full.report.counts.records_counted + 1,
        "the new record is counted"
    );
    // The same collection and anchors without the cache.
    std::fs::write(&e.anchors, anchors).expect("anchors restored");
    std::fs::remove_file(cache_path(&e.anchors)).expect("cache deleted");
    let fresh = report(&e, &set, 2);
    assert_eq!(fresh.from_cache, 0);
    same(&incremental, &fresh);
}

#[test]
fn files_changed_just_before_a_run_are_not_kept() {
    let set = courses();
    let e = env(&set);
    for f in list_files(&e.collection).expect("listed").0 {
        // Touched now: within the file system's clock tick of the run.
        std::fs::File::options()
            .write(true)
            .open(&f)
            .and_then(|file| file.set_modified(SystemTime::now()))
            .expect("touched");
    }
    let _ = report(&e, &set, 2);
    let again = report(&e, &set, 2);
    assert_eq!(again.from_cache, 0);
}
