//! Integration tests of completion records: the chain under tampering (property tests), the
//! log under a hard kill and concurrent writers, the collection folder, the subcommands, and
//! the language every command speaks.

mod chain;
mod child;
mod cli;
mod collect;
mod conflicts;
mod content;
mod crash;
#[path = "../support/hermetic.rs"]
mod hermetic;
mod hostile;
mod language;
mod manners;

use bevidst::attempt::{AnsweredQuestion, FinishedAttempt};
use bevidst::policy::Area;

/// A valid draft for test number `n`.
pub fn draft(n: u32, learner: &str) -> FinishedAttempt {
    let answers: Vec<AnsweredQuestion> = (0..4)
        .map(|i| AnsweredQuestion {
            id: format!("q-{i}"),
            area: Area::ALL[(n as usize + i) % Area::ALL.len()],
            correct: (n >> i) & 1 == 1,
        })
        .collect();
    let score = u32::try_from(answers.iter().filter(|a| a.correct).count()).unwrap_or(0);
    FinishedAttempt {
        learner: learner.to_owned(),
        forvaltning: "Sundheds- og Omsorgsforvaltningen".into(),
        module: "onboarding".into(),
        module_version: 2,
        content_hash: [9; 32],
        started: 1_750_000_000 + u64::from(n) * 600,
        finished: 1_750_000_400 + u64::from(n) * 600,
        score,
        max: 4,
        passed: score >= 3,
        answers,
    }
}

/// An honest attempt at the bundled onboarding module, finished at `finished` (UTC seconds):
/// exactly its draw of distinct questions, all answered right, an hour long. The report counts
/// it.
pub fn honest(learner: &str, finished: u64) -> FinishedAttempt {
    let set = bevidst::course::bundled().expect("the bundled courses load");
    let m = &set.modules[0];
    let answers: Vec<AnsweredQuestion> = m
        .module
        .questions
        .iter()
        .take(m.module.draw as usize)
        .map(|q| AnsweredQuestion {
            id: q.id.clone(),
            area: q.area,
            correct: true,
        })
        .collect();
    let n = u32::try_from(answers.len()).expect("a small draw");
    FinishedAttempt {
        learner: learner.to_owned(),
        forvaltning: "Økonomiforvaltningen".into(),
        module: m.module.id.clone(),
        module_version: m.module.version,
        content_hash: m.hash,
        started: finished - 3600,
        finished,
        score: n,
        max: n,
        passed: true,
        answers,
    }
}
