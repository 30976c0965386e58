//! While the collection is read, the state of a learner alone in a clean log waits in the
//! report's cache instead of memory, and is read back when the report is made. The report is
//! the same either way: with every learner in memory (logs changed just before the run are
//! never kept in the cache), with the learners waiting in the cache a full run writes, with
//! those of the cache an unchanged run reuses, with a roster, and for learners whose records
//! are split over two logs (taken into memory before the report is made).

use std::path::Path;
use std::time::{Duration, SystemTime};

use bevidst::course::CourseSet;
use bevidst::lang::Lang;
use bevidst::record::LogReader;
use bevidst::report::read::list_files;
use bevidst::report::roster::write_roster;
use bevidst::report::{Paths, RunOutput, Settings, render, run};
use bevidst::schedule::Rules;
use bevidst::simulate::{SimConfig, roster, simulate};

/// The simulated period ends here, and the report is made then.
const END: i64 = 1_749_988_800;

#[path = "support/small_courses.rs"]
mod small_courses;
use small_courses::courses;

fn config() -> SimConfig {
    SimConfig {
        learners: 150,
        years: 2,
        seed: 29,
        end: END,
        threads: 2,
    }
}

fn set_age(file: &Path, ago: Duration) {
    std::fs::File::options()
        .write(true)
        .open(file)
        .and_then(|f| f.set_modified(SystemTime::now() - ago))
        .expect("file time set");
}

fn report(collection: &Path, anchors: &Path, roster: Option<&Path>, set: &CourseSet) -> RunOutput {
    let paths = Paths {
        collection: collection.to_path_buf(),
        roster: roster.map(Path::to_path_buf),
        anchors: anchors.to_path_buf(),
        memory: None,
    };
    let settings = Settings {
        min_group: 3,
        rules: Rules::default(),
        now: jiff::Timestamp::from_second(END).expect("time"),
        lang: Lang::En,
        followup: true,
    };
    let out = run(&paths, set, &settings, 2, None).expect("the report runs");
    assert!(out.cache_note.is_none(), "{:?}", out.cache_note);
    out
}

/// Everything the report says, as text (without the moment it was made and the number of
/// anchors it started from).
fn says(out: &RunOutput) -> String {
    let mut r = out.report.clone();
    r.generated_at = String::new();
    r.counts.anchored_logs = 0;
    format!(
        "{}\n{}\n{}",
        serde_json::to_string(&r).expect("serialises"),
        render::markdown::render(&r, Lang::En),
        render::followup::render(&out.followup, Lang::En)
    )
}

/// The learners whose records are in more than one log of the collection (not counting the
/// copies, which are the same installation).
fn learners_in_two_logs(collection: &Path) -> usize {
    let mut seen = std::collections::HashMap::<String, std::collections::HashSet<String>>::new();
    for f in list_files(collection).expect("listed").0 {
        let bytes = std::fs::read(&f).expect("read");
        let mut reader = LogReader::new(bytes.as_slice());
        while let Some(r) = reader.next_record() {
            seen.entry(r.attempt.learner.clone())
                .or_default()
                .insert(r.installation.to_string());
        }
    }
    seen.values().filter(|logs| logs.len() > 1).count()
}

#[test]
fn learners_waiting_in_the_cache_give_the_same_report_as_learners_in_memory() {
    let set = courses();
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = dir.path().join("indsamling");
    simulate(&set, &config(), &collection).expect("simulated");
    let roster_path = dir.path().join("roster.csv");
    write_roster(&roster_path, &roster(&config())).expect("roster written");
    assert!(
        learners_in_two_logs(&collection) > 0,
        "some learners changed PC: their records are in two logs"
    );
    let anchors = |name: &str| dir.path().join(name).join("anchors.txt");
    let files = list_files(&collection).expect("listed").0;

    for with_roster in [None, Some(roster_path.as_path())] {
        let tag = if with_roster.is_some() { "r" } else { "n" };
        // Changed a moment ago: no log is kept in the cache, every learner stays in memory.
        for f in &files {
            set_age(f, Duration::ZERO);
        }
        let in_memory = report(
            &collection,
            &anchors(&format!("{tag}-mem")),
            with_roster,
            &set,
        );
        assert_eq!(in_memory.waited, 0);

        // Changed an hour ago: the full run keeps the clean logs, and their learners wait in
        // the cache it writes; the next run takes them from the cache it reuses.
        for f in &files {
            set_age(f, Duration::from_secs(3600));
        }
        let full = report(
            &collection,
            &anchors(&format!("{tag}-cache")),
            with_roster,
            &set,
        );
        let again = report(
            &collection,
            &anchors(&format!("{tag}-cache")),
            with_roster,
            &set,
        );
        assert!(again.from_cache > 0);
        let learners = in_memory.report.counts.learners;
        for out in [&full, &again] {
            assert!(
                out.waited > learners / 2 && out.waited < learners,
                "most learners wait in the cache, not those in two logs: {} of {learners}",
                out.waited
            );
            assert_eq!(says(out), says(&in_memory));
        }
    }
}
