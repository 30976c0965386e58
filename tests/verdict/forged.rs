//! Finding 4: forged records appended to a genuine chain.

use std::path::Path;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use bevidst::attempt::{AnsweredQuestion, FinishedAttempt};
use bevidst::course::LoadedModule;
use bevidst::policy::Area;
use bevidst::record::{self, LearnerLog};
use bevidst::report::RunOutput;
use bevidst::report::model::{ProblemKind, Report};
use bevidst::report::render::json;

use super::{DAY, NOW, bundled, report};

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

/// The forged appends of issue 11, finding 4, each named, made with score, maximum and pass
/// consistent where the forgery allows it; `t` is the genuine record's finish.
fn forgeries(onboarding: &LoadedModule, t: u64) -> Vec<(&'static str, FinishedAttempt)> {
    let pass_mark = onboarding.module.pass_mark;
    vec![
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
    ]
}

#[test]
fn forged_appends_to_a_genuine_chain_are_not_counted_and_move_no_figure() {
    let set = bundled();
    let onboarding = &set.modules[0];
    let t = u64::try_from(NOW).expect("positive") - 10 * DAY;
    let genuine = honest("ab12", onboarding, t);

    let forged = forgeries(onboarding, t);

    // Two colleagues with a genuine record each, so the forvaltning's figures are shown.
    let colleagues = |dir: &Path| {
        for who in ["cd34", "ef56"] {
            collection_of(dir, vec![honest(who, onboarding, t)]);
        }
    };
    let alone = tempfile::tempdir().expect("temp dir");
    colleagues(alone.path());
    collection_of(alone.path(), vec![genuine.clone()]);
    let baseline = report(alone.path(), None).report;
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
    let RunOutput {
        report: r,
        followup: f,
        ..
    } = report(dir.path(), None);
    assert_eq!(
        (r.counts.records_read, r.counts.records_counted),
        (3 + forged.len() as u64, 3),
        "only the genuine records count: {:#?}",
        f.problems
    );
    assert_eq!(f.problems.len(), forged.len());
    for ((what, _), p) in forged.iter().zip(&f.problems) {
        assert_eq!(p.kind, ProblemKind::NotAccepted, "{what}: {p:?}");
    }
    let why: Vec<&str> = f.problems.iter().map(|p| p.message.as_str()).collect();
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
    // The figures are the genuine record's alone: forged areas moved nothing. Compared as
    // published (JSON), the completion table included.
    let figures = |r: &Report| {
        let js: serde_json::Value =
            serde_json::from_str(&json::render(r).expect("serialises")).expect("JSON");
        ["completion", "knowledge", "questions", "module_stats"].map(|t| js[t].clone())
    };
    assert_eq!(figures(&r), figures(&baseline));
    let row = r
        .completion
        .iter()
        .find(|c| c.module == onboarding.module.id && c.forvaltning.is_none())
        .and_then(|c| c.figures.shown())
        .map(|f| (f.learners, f.started, f.passed, f.not_accepted));
    assert_eq!(row, Some((3, 3, 3, 0)));
    assert!(
        r.knowledge.iter().any(|k| k.figures.shown().is_some()),
        "the figures compared are shown, not withheld"
    );
}
