//! Test helpers: a small synthetic course set and completions that pass every plausibility
//! rule unless a test breaks one on purpose.

use std::fmt::Write as _;

use jiff::Timestamp;

use super::model::Report;
use super::roster::{Roster, parse_roster};
use super::{Settings, report_from_completions};
use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::canon::CanonHasher;
use crate::course::CourseSet;
use crate::quiz::passes;
use crate::record::{CompletionRecord, FORMAT_VERSION, InstallationId, PROGRAM_VERSION};
use crate::schedule::Rules;
use crate::simulate::courses::{Shape, module_id, module_ron, synthetic_courses};
use crate::verdict::CourseIndex;

/// One onboarding module and two refreshers, banks of 6, attempts of 4, pass mark 75 %.
pub fn courses() -> CourseSet {
    synthetic_courses(Shape {
        refreshers: 2,
        bank: 6,
        draw: 4,
    })
    .expect("the synthetic course set is valid")
}

/// The id of the managers' module of [`courses_with_managers`].
pub const MANAGERS_MODULE: &str = "sim-til-ledere";

/// [`courses`] and a managers' refresher ([`MANAGERS_MODULE`], last in the set).
pub fn courses_with_managers() -> CourseSet {
    let shape = Shape {
        refreshers: 2,
        bank: 6,
        draw: 4,
    };
    let mut files: Vec<(String, String)> = (0..=shape.refreshers)
        .map(|i| (format!("sim/{}.ron", module_id(i)), module_ron(i, shape)))
        .collect();
    let managers = module_ron(shape.refreshers + 1, shape)
        .replace(&module_id(shape.refreshers + 1), MANAGERS_MODULE)
        .replace(
            "kind: Refresher(every_months: 12),",
            "kind: Refresher(every_months: 12), audience: Managers,",
        );
    files.push((format!("sim/{MANAGERS_MODULE}.ron"), managers));
    CourseSet::from_sources(files.iter().map(|(n, s)| (n.clone(), s.as_bytes())))
        .expect("the synthetic course set with a managers' module is valid")
}

/// The index of [`courses`].
pub fn index() -> CourseIndex {
    CourseIndex::new(&courses(), &[])
}

/// 2025-06-15 12:00 UTC.
pub fn now() -> Timestamp {
    "2025-06-15T12:00:00Z".parse().expect("a valid timestamp")
}

/// Settings at [`now`] with the given minimum group.
pub fn settings(min_group: u32) -> Settings {
    Settings {
        min_group,
        rules: Rules::default(),
        now: now(),
        lang: crate::lang::Lang::Da,
        followup: true,
    }
}

/// A verified record of a plausible attempt at module `module` (index in [`courses`]) that
/// answered the first `marks.len()` questions of the bank with the given correctness,
/// finishing at `finished`. Its hash is a stand-in (the report does not recompute it).
pub fn completion(
    set: &CourseSet,
    module: usize,
    learner: &str,
    forvaltning: &str,
    finished: i64,
    marks: &[bool],
) -> CompletionRecord {
    let loaded = &set.modules[module];
    let m = &loaded.module;
    let answers: Vec<AnsweredQuestion> = marks
        .iter()
        .zip(&m.questions)
        .map(|(&correct, q)| AnsweredQuestion {
            id: q.id.clone(),
            area: q.area,
            correct,
        })
        .collect();
    let score = u32::try_from(answers.iter().filter(|a| a.correct).count()).expect("small");
    let max = u32::try_from(answers.len()).expect("small");
    let finished = finished.cast_unsigned();
    let mut h = CanonHasher::new(b"testkit\0");
    h.str(learner).str(&m.id).u64(finished);
    CompletionRecord {
        format: FORMAT_VERSION,
        installation: InstallationId([0; 16]),
        seq: 1,
        attempt: FinishedAttempt {
            learner: learner.into(),
            forvaltning: forvaltning.into(),
            module: m.id.clone(),
            module_version: m.version,
            content_hash: loaded.hash,
            started: finished - 600,
            finished,
            score,
            max,
            passed: passes(score, max, m.pass_mark),
            answers,
        },
        program: PROGRAM_VERSION.into(),
        prev: [0; 32],
        hash: h.finish(),
    }
}

/// Three forvaltninger of 12, 7 and 2 learners (the last withheld, and one more with it),
/// two quarters, three modules; a roster with one who never started, and roles: five
/// managers in Alfa, two in Beta.
pub fn three_forvaltninger() -> Report {
    three_forvaltninger_with_followup().0
}

/// [`three_forvaltninger`], and its follow-up lists.
pub fn three_forvaltninger_with_followup() -> (Report, super::model::FollowUp) {
    let (items, roster) = three_forvaltninger_collection();
    report_from_completions(
        &index(),
        &settings(5),
        Some(&roster),
        items.iter().map(|(p, l, c)| (p.as_str(), *l, c)),
    )
}

/// The completions (file, line, record) and the roster of [`three_forvaltninger`].
pub fn three_forvaltninger_collection() -> (Vec<(String, u64, CompletionRecord)>, Roster) {
    let set = courses();
    let mut items: Vec<(String, u64, CompletionRecord)> = Vec::new();
    let mut roster = String::from("medarbejder,forvaltning,startdato,rolle\n");
    for (f, n, managers) in [("Alfa", 12_u32, 5), ("Beta", 7, 2), ("Gamma", 2, 0)] {
        for i in 0..n {
            let id = format!("{f}{i}");
            let role = if i < managers { "leder" } else { "medarbejder" };
            let _ = writeln!(roster, "{id},{f},2024-09-01,{role}");
            for (k, at) in [1_730_450_000_i64, 1_738_400_000].into_iter().enumerate() {
                for module in 0..3 {
                    let right =
                        !(usize::try_from(i).expect("small") + k + module).is_multiple_of(3);
                    let marks = [true, right, i % 2 == 0, right];
                    let c = completion(&set, module, &id, f, at + i64::from(i), &marks);
                    items.push((format!("{id}.log"), 1, c));
                }
            }
        }
    }
    roster.push_str("ghost,Alfa,2024-09-01,medarbejder\n");
    let (roster, _) =
        parse_roster(std::path::Path::new("r.csv"), roster.as_bytes()).expect("valid roster");
    (items, roster)
}
