//! Issue 11, findings 1 and 4, end to end: the learner's program and the report give one
//! verdict.
//!
//! 1. An attempt answered faster than it can be read is recorded, but the learner is told it
//!    does not count (never »Bestået«), their home screen keeps the module open, and the report
//!    lists them as »forsøgt, ikke godkendt« in the completion table and in the follow-up list,
//!    with a roster and without one, never as never started.
//! 4. Records appended to a genuine chain with one answer when the module draws ten, the same
//!    question ten times, 500 answers, every area changed, dated 1970, lasting nine days or 56
//!    years: none is counted, and the figures are those of the genuine record alone.

mod forged;
mod hasty;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::date;

use bevidst::config::{Config, Learner};
use bevidst::course::CourseSet;
use bevidst::lang::Lang;
use bevidst::report::{Paths, RunOutput, Settings, run};
use bevidst::schedule::Rules;

const DAY: u64 = 86_400;
/// 2025-12-20 09:00 UTC: after the onboarding deadline of someone who started 2025-11-20.
const NOW: i64 = 1_766_221_200;

fn bundled() -> CourseSet {
    bevidst::course::bundled().expect("the bundled courses load")
}

fn config() -> Config {
    Config {
        learner: Some(Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: date(2025, 11, 20),
            role: bevidst::course::Role::Employee,
        }),
        ..Config::default()
    }
}

fn settings() -> Settings {
    Settings {
        min_group: 1,
        rules: Rules::default(),
        now: Timestamp::from_second(NOW).expect("in range"),
        lang: Lang::Da,
        followup: true,
    }
}

/// The report (aggregate) and its follow-up lists.
fn report(dir: &Path, roster: Option<PathBuf>) -> RunOutput {
    report_at(dir, roster, NOW)
}

fn report_at(dir: &Path, roster: Option<PathBuf>, now: i64) -> RunOutput {
    let paths = Paths {
        collection: dir.join("collection"),
        roster,
        anchors: dir.join("report").join("anchors.ron"),
        memory: None,
    };
    let settings = Settings {
        now: Timestamp::from_second(now).expect("in range"),
        ..settings()
    };
    run(&paths, &bundled(), &settings, 1, None).expect("the report runs")
}
