//! Issue 11: for generated attempts (honest, too fast, and forged in each way the issue
//! found), the verdict the learner's program shows and the one the report counts by are the
//! same, and they are the right one.

use proptest::prelude::*;

use crate::app::{Acceptance, Message, Model, ResultState, SaveState, Screen, update};
use crate::attempt::FinishedAttempt;
use crate::config::Config;
use crate::course::CourseSet;
use crate::policy::Area;
use crate::quiz::{Attempt, Outcome};
use crate::report::report_from_completions;
use crate::report::testkit::{completion, now, settings};
use crate::verdict::{CourseIndex, Judged, MAX_SECONDS, question_min_seconds};

/// The test courses, parsed once (parsing dominates the test's time otherwise).
fn courses() -> CourseSet {
    static SET: std::sync::LazyLock<CourseSet> =
        std::sync::LazyLock::new(crate::report::testkit::courses);
    SET.clone()
}

/// How a generated attempt is made.
#[derive(Debug, Clone, Copy)]
enum Make {
    Honest,
    TooFast,
    OneAnswer,
    SameQuestionThroughout,
    FiveHundredAnswers,
    EveryAreaChanged,
    Dated1970,
    NineDays,
    FiftySixYears,
}

const MAKES: [Make; 9] = [
    Make::Honest,
    Make::TooFast,
    Make::OneAnswer,
    Make::SameQuestionThroughout,
    Make::FiveHundredAnswers,
    Make::EveryAreaChanged,
    Make::Dated1970,
    Make::NineDays,
    Make::FiftySixYears,
];

/// An attempt at `module` of the test courses, made as `make` says. `fraction` (0..1000)
/// places the duration between the least and the most that counts, or below the least.
fn attempt(make: Make, module: usize, marks: &[bool], back: i64, fraction: u64) -> FinishedAttempt {
    let set = courses();
    let finished = now().as_second() - back;
    let mut a = completion(&set, module, "1001", "KFF", finished, marks).attempt;
    let m = &set.modules[module].module;
    let least: u64 = (0..4).map(|q| u64::from(question_min_seconds(m, q))).sum();
    let most = u64::try_from(MAX_SECONDS).expect("positive");
    let took = |a: &mut FinishedAttempt, s: u64| a.started = a.finished.saturating_sub(s);
    let rescore = |a: &mut FinishedAttempt| {
        a.score = u32::try_from(a.answers.iter().filter(|x| x.correct).count()).expect("small");
        a.max = u32::try_from(a.answers.len()).expect("small");
        a.passed = crate::quiz::passes(a.score, a.max, m.pass_mark);
    };
    took(&mut a, least + (most - least) * fraction / 1000);
    match make {
        Make::Honest => {}
        Make::TooFast => took(&mut a, least * fraction / 1001),
        Make::OneAnswer => {
            a.answers.truncate(1);
            rescore(&mut a);
        }
        Make::SameQuestionThroughout => {
            let first = a.answers[0].clone();
            a.answers.iter_mut().for_each(|x| *x = first.clone());
            rescore(&mut a);
        }
        Make::FiveHundredAnswers => {
            let all = a.answers.clone();
            a.answers = all.iter().cycle().take(500).cloned().collect();
            rescore(&mut a);
        }
        Make::EveryAreaChanged => {
            for x in &mut a.answers {
                x.area = if x.area == Area::SecurityPolicy {
                    Area::Compliance
                } else {
                    Area::SecurityPolicy
                };
            }
        }
        Make::Dated1970 => {
            a.finished = 86_400 + fraction;
            a.started = a.finished - 600;
        }
        Make::NineDays => took(&mut a, 9 * 86_400),
        Make::FiftySixYears => took(&mut a, 56 * 365 * 86_400),
    }
    a
}

/// What the learner's program shows once the attempt is stored: its result screen's verdict.
fn learner_shows(a: &FinishedAttempt) -> bool {
    let mut model = Model::new(
        courses(),
        Config::default(),
        Vec::new(),
        jiff::civil::date(2025, 6, 15),
        "x",
    );
    let module = model
        .courses
        .modules
        .iter()
        .position(|m| m.module.id == a.module);
    model.screen = Screen::Result(ResultState {
        module: module.unwrap_or(0),
        attempt: Attempt {
            module_id: a.module.clone(),
            items: Vec::new(),
        },
        answers: Vec::new(),
        started: now(),
        outcome: Outcome {
            correct: Vec::new(),
            score: a.score,
            max: a.max,
            passed: a.passed,
        },
        save: SaveState::Saving,
        acceptance: Acceptance::Pending,
    });
    update(
        &mut model,
        Message::RecordStored {
            receipt: "0000-0000-0000".into(),
            attempt: Box::new(a.clone()),
            copy_problem: None,
            send_problem: None,
        },
    );
    match &model.screen {
        Screen::Result(r) => match r.acceptance {
            Acceptance::Accepted => true,
            Acceptance::NotAccepted(_) => false,
            Acceptance::Pending => panic!("the stored attempt was judged"),
        },
        other => panic!("still on the result: {other:?}"),
    }
}

/// Whether the learner's schedule (home screen, `bevidst status`) takes it as counting.
fn learner_plans_with(a: &FinishedAttempt) -> bool {
    let history = [a.clone()];
    let judge = CourseIndex::for_learner(&courses(), &history);
    Judged::all(&judge, &history, now().as_second())[0].counts
}

/// Whether the report counts its record.
fn report_counts(a: &FinishedAttempt) -> bool {
    let set = courses();
    let mut record = completion(&set, 0, "1001", "KFF", now().as_second(), &[]);
    record.attempt = a.clone();
    let index = CourseIndex::new(&set, &[]);
    let (r, _) = report_from_completions(&index, &settings(1), None, [("a.ron", 2, &record)]);
    assert_eq!(r.counts.records_read, 1);
    r.counts.records_counted == 1
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_learner_and_the_report_give_the_same_verdict(
        make in 0..MAKES.len(),
        module in 0usize..3,
        marks in proptest::collection::vec(any::<bool>(), 4),
        back in 0i64..(3 * 365 * 86_400),
        fraction in 0u64..=1000,
    ) {
        let make = MAKES[make];
        let a = attempt(make, module, &marks, back, fraction);
        let report = report_counts(&a);
        prop_assert_eq!(learner_shows(&a), report, "{:?}: {:?}", make, a);
        prop_assert_eq!(learner_plans_with(&a), report, "{:?}", make);
        prop_assert_eq!(report, matches!(make, Make::Honest), "{:?}: {:?}", make, a);
    }
}
