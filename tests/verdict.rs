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

use std::cell::Cell;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::{Date, date};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use bevidst::app::runtime::{RecordStore, Services, Stored, dispatch};
use bevidst::app::store::LogStore;
use bevidst::app::{Acceptance, Message, Model, Screen, doc};
use bevidst::attempt::{AnsweredQuestion, FinishedAttempt};
use bevidst::config::{Config, Learner};
use bevidst::course::{CourseSet, LoadedModule};
use bevidst::lang::Lang;
use bevidst::policy::Area;
use bevidst::record::{self, LearnerLog};
use bevidst::report::model::{OverdueReason, ProblemKind, Report};
use bevidst::report::{Paths, Settings, run};
use bevidst::schedule::{Rules, State};

const DAY: u64 = 86_400;
/// 2025-12-20 09:00 UTC: after the onboarding deadline of someone who started 2025-11-20.
const NOW: i64 = 1_766_221_200;
const TODAY: Date = date(2025, 12, 20);

/// Services with a clock that stands still: every quiz is handed in the second it starts.
struct Hasty {
    now: Timestamp,
    rng: ChaCha8Rng,
    store: LogStore,
    reads: Cell<u32>,
}

impl Services for Hasty {
    type Rng = ChaCha8Rng;
    fn now(&self) -> Timestamp {
        self.reads.set(self.reads.get() + 1);
        self.now
    }
    fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }
    fn save_config(&mut self, _: &Config) -> Result<(), String> {
        Ok(())
    }
    fn save_record(&mut self, attempt: &FinishedAttempt, lang: Lang) -> Result<Stored, String> {
        self.store.append(attempt, lang)
    }
}

fn bundled() -> CourseSet {
    bevidst::course::bundled().expect("the bundled courses load")
}

fn config() -> Config {
    Config {
        learner: Some(Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: date(2025, 11, 20),
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
    }
}

fn report(dir: &Path, roster: Option<PathBuf>) -> Report {
    report_at(dir, roster, NOW)
}

fn report_at(dir: &Path, roster: Option<PathBuf>, now: i64) -> Report {
    let paths = Paths {
        collection: dir.join("collection"),
        roster,
        anchors: dir.join("report").join("anchors.ron"),
    };
    let settings = Settings {
        now: Timestamp::from_second(now).expect("in range"),
        ..settings()
    };
    run(&paths, &bundled(), &settings, 1, None)
        .expect("the report runs")
        .report
}

fn text(paras: &[doc::Para]) -> String {
    paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_hasty_attempt_is_not_accepted_by_the_learners_program_nor_by_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = dir.path().join("collection");
    std::fs::create_dir_all(&collection).expect("made");
    let (log, _) = LearnerLog::open(
        &record::log_path(&dir.path().join("data")),
        &mut ChaCha8Rng::seed_from_u64(1),
    )
    .expect("the log opens");
    let mut services = Hasty {
        now: Timestamp::from_second(NOW).expect("in range"),
        rng: ChaCha8Rng::seed_from_u64(3),
        store: LogStore {
            log,
            collect_dir: Some(collection.clone()),
        },
        reads: Cell::new(0),
    };
    let mut model = Model::new(bundled(), config(), Vec::new(), TODAY, "ab12");
    dispatch(&mut model, Message::StartQuiz, &mut services);
    // Every answer right: a pass by the score.
    while let Screen::Quiz(q) = &model.screen {
        let module = &model.courses.modules[q.module].module;
        let item = &q.attempt.items[q.current];
        let right: Vec<usize> = (0..item.order.len())
            .filter(|&p| module.questions[item.question].choices[item.order[p]].correct)
            .collect();
        dispatch(&mut model, Message::Answer(right), &mut services);
        dispatch(&mut model, Message::Confirm, &mut services);
    }
    assert!(services.reads.get() >= 2, "start and finish read the clock");
    let Screen::Result(result) = &model.screen else {
        panic!("on the result: {:?}", model.screen);
    };
    assert!(result.outcome.passed, "every answer was right");
    assert!(
        matches!(result.acceptance, Acceptance::NotAccepted(_)),
        "{:?}",
        result.acceptance
    );
    let shown = text(&doc::result(
        &model.courses.modules[0],
        result,
        &model.history,
        Lang::Da,
    ));
    assert!(shown.contains("✗ Ikke godkendt"), "{shown}");
    assert!(!shown.contains("Bestået"), "never »Bestået«: {shown}");
    assert!(shown.contains("forsøget tog 0 s, mindre end"), "{shown}");
    assert!(shown.contains("Du kan tage quizzen igen"), "{shown}");
    assert!(shown.contains("Din kvittering:"), "it is recorded: {shown}");
    // Home: the onboarding is still open (overdue since 5 December), not passed.
    assert!(
        matches!(model.statuses()[0].state, State::Overdue { .. }),
        "{:?}",
        model.statuses()[0]
    );

    // The report over the collection copy agrees, and names the learner in the follow-up.
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "medarbejder,forvaltning,startdato\nab12,Økonomiforvaltningen,2025-11-20\n\
         cd34,Økonomiforvaltningen,2025-11-20\nef56,Økonomiforvaltningen,2025-11-20\n\
         gh78,Økonomiforvaltningen,2025-11-20\nij90,Økonomiforvaltningen,2025-11-20\n",
    )
    .expect("written");
    // Without a roster the start date is the first record's, so the follow-up is asked three
    // weeks later, when the onboarding is overdue by that date too.
    for (roster, now) in [(Some(roster), NOW), (None, NOW + 21 * 86_400)] {
        let with_roster = roster.is_some();
        let r = report_at(dir.path(), roster, now);
        assert_eq!(
            (r.counts.records_read, r.counts.records_counted),
            (1, 0),
            "{:?}",
            r.counts
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].kind, ProblemKind::NotAccepted);
        let onboarding = &r.modules[0].id;
        let row = r
            .completion
            .iter()
            .find(|c| c.forvaltning == "Økonomiforvaltningen" && &c.module == onboarding)
            .expect("the learner's forvaltning and module");
        if with_roster {
            // Five colleagues: one attempted, not accepted; four never started.
            assert_eq!(
                (row.learners, row.started, row.not_accepted, row.passed),
                (Some(5), Some(0), Some(1), Some(0)),
                "{row:?}"
            );
        } else {
            assert!(
                row.suppressed,
                "one learner is below any group size: {row:?}"
            );
        }
        let late: Vec<_> = r
            .overdue
            .iter()
            .filter(|o| &*o.module == onboarding)
            .collect();
        let ab12 = late
            .iter()
            .find(|o| &*o.learner == "ab12")
            .unwrap_or_else(|| panic!("roster {with_roster}: {:?}", r.overdue));
        assert_eq!(ab12.reason, OverdueReason::NotAccepted);
        assert_eq!(ab12.reason.label(Lang::Da), "forsøgt, ikke godkendt");
        assert!(
            late.iter()
                .filter(|o| &*o.learner != "ab12")
                .all(|o| o.reason == OverdueReason::FirstTime),
            "the colleagues never passed: {late:?}"
        );
        assert!(
            r.never_started.iter().all(|p| p.learner != "ab12"),
            "{:?}",
            r.never_started
        );
        assert_eq!(r.never_started.len(), if with_roster { 4 } else { 0 });
    }
}

/// A passed attempt at `module` that the verdict accepts: the first questions of its bank, as
/// many as it draws, taking twenty minutes and finishing at `finished`.
fn honest(learner: &str, module: &LoadedModule, finished: u64) -> FinishedAttempt {
    let m = &module.module;
    let answers: Vec<AnsweredQuestion> = m
        .questions
        .iter()
        .take(usize::try_from(m.draw).expect("small"))
        .enumerate()
        .map(|(i, q)| AnsweredQuestion {
            id: q.id.clone(),
            area: q.area,
            correct: i != 0,
        })
        .collect();
    let score = m.draw - 1;
    FinishedAttempt {
        learner: learner.into(),
        forvaltning: "Økonomiforvaltningen".into(),
        module: m.id.clone(),
        module_version: m.version,
        content_hash: module.hash,
        started: finished - 1_200,
        finished,
        score,
        max: m.draw,
        passed: bevidst::quiz::passes(score, m.draw, m.pass_mark),
        answers,
    }
}

/// Score, maximum and pass made consistent with the answers, as a careful forger would.
fn rescored(mut a: FinishedAttempt, pass_mark: u32) -> FinishedAttempt {
    a.score = u32::try_from(a.answers.iter().filter(|x| x.correct).count()).expect("small");
    a.max = u32::try_from(a.answers.len()).expect("small");
    a.passed = bevidst::quiz::passes(a.score, a.max, pass_mark);
    a
}

/// Writes a log of `attempts` (a genuine chain, one installation per learner) into `dir`'s
/// collection.
fn collection_of(dir: &Path, attempts: Vec<FinishedAttempt>) {
    let learner = attempts[0].learner.clone();
    let log_path = record::log_path(&dir.join("data").join(&learner));
    // Each learner's own installation id, drawn from a seed of their own.
    let seed = learner.bytes().map(u64::from).sum();
    let (mut log, _) =
        LearnerLog::open(&log_path, &mut ChaCha8Rng::seed_from_u64(seed)).expect("the log opens");
    for a in attempts {
        log.append(a).expect("appended");
    }
    std::fs::create_dir_all(dir.join("collection")).expect("made");
    std::fs::copy(
        &log_path,
        dir.join("collection").join(format!("{learner}.ron")),
    )
    .expect("copied");
}

#[test]
fn forged_appends_to_a_genuine_chain_are_not_counted_and_move_no_figure() {
    let set = bundled();
    let onboarding = &set.modules[0];
    let pass_mark = onboarding.module.pass_mark;
    let t = u64::try_from(NOW).expect("positive") - 10 * DAY;
    let genuine = honest("ab12", onboarding, t);

    let forged: Vec<(&str, FinishedAttempt)> = vec![
        ("one answer of ten", {
            let mut a = honest("ab12", onboarding, t + DAY);
            a.answers.truncate(1);
            a.answers[0].correct = true;
            rescored(a, pass_mark)
        }),
        ("the same question ten times", {
            let mut a = honest("ab12", onboarding, t + DAY);
            let q = a.answers[1].clone();
            a.answers.iter_mut().for_each(|x| *x = q.clone());
            rescored(a, pass_mark)
        }),
        ("500 answers", {
            let mut a = honest("ab12", onboarding, t + DAY);
            let all = a.answers.clone();
            a.answers = all.iter().cycle().take(500).cloned().collect();
            rescored(a, pass_mark)
        }),
        ("every answer's area changed", {
            let mut a = honest("ab12", onboarding, t + DAY);
            for x in &mut a.answers {
                x.area = if x.area == Area::AccessControl {
                    Area::PhysicalSecurity
                } else {
                    Area::AccessControl
                };
            }
            a
        }),
        ("dated 1970", {
            let mut a = honest("ab12", onboarding, 1_600);
            a.started = 400;
            a
        }),
        ("nine days", {
            let mut a = honest("ab12", onboarding, t + DAY);
            a.started = a.finished - 9 * DAY;
            a
        }),
        ("56 years", {
            let mut a = honest("ab12", onboarding, t + DAY);
            a.started = 0;
            assert!(a.finished / (365 * DAY) >= 55, "from 1970 to now");
            a
        }),
    ];

    // Two colleagues with a genuine record each, so the forvaltning's figures are shown.
    let colleagues = |dir: &Path| {
        for who in ["cd34", "ef56"] {
            collection_of(dir, vec![honest(who, onboarding, t)]);
        }
    };
    let alone = tempfile::tempdir().expect("temp dir");
    colleagues(alone.path());
    collection_of(alone.path(), vec![genuine.clone()]);
    let baseline = report(alone.path(), None);
    assert_eq!(
        baseline.counts.records_counted, 3,
        "the genuine records count"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    colleagues(dir.path());
    collection_of(
        dir.path(),
        std::iter::once(genuine)
            .chain(forged.iter().map(|(_, a)| a.clone()))
            .collect(),
    );
    let r = report(dir.path(), None);
    assert_eq!(
        (r.counts.records_read, r.counts.records_counted),
        (3 + forged.len() as u64, 3),
        "only the genuine records count: {:#?}",
        r.problems
    );
    assert_eq!(r.problems.len(), forged.len());
    for ((what, _), p) in forged.iter().zip(&r.problems) {
        assert_eq!(p.kind, ProblemKind::NotAccepted, "{what}: {p:?}");
    }
    let why: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        why[0].contains("forsøget nævner 1 svar, men modulet stiller 10"),
        "{why:?}"
    );
    assert!(why[1].contains("mere end én gang"), "{why:?}");
    assert!(why[2].contains("forsøget nævner 500 svar"), "{why:?}");
    assert!(why[3].contains("et andet område"), "{why:?}");
    assert!(why[4].contains("før 2020"), "{why:?}");
    assert!(why[5].contains("mere end de 24 timer"), "{why:?}");
    assert!(
        why[6].contains("før 2020"),
        "a start 56 years back is in 1970: {why:?}"
    );
    // The figures are the genuine record's alone: forged areas moved nothing.
    let figures = |r: &Report| {
        serde_json::to_string(&(&r.knowledge, &r.questions, &r.module_stats)).expect("JSON")
    };
    assert_eq!(figures(&r), figures(&baseline));
    let row = |r: &Report| {
        r.completion
            .iter()
            .find(|c| c.module == onboarding.module.id)
            .map(|c| (c.learners, c.started, c.passed, c.not_accepted))
    };
    assert_eq!(row(&r), row(&baseline));
    assert_eq!(row(&r), Some((Some(3), Some(3), Some(3), Some(0))));
    assert!(
        r.knowledge.iter().any(|k| k.share.is_some()),
        "the figures compared are shown, not withheld"
    );
}
