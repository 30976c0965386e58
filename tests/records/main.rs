//! Integration tests of completion records: the chain under tampering (property tests), the
//! log under SIGKILL and concurrent writers, the collection folder, and the subcommands.

mod chain;
mod cli;
mod collect;
mod content;
mod crash;

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
