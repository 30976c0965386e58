//! A finished attempt at a module and its answered questions: the one shape every part of
//! the program shares. The quiz hands one over when the learner hands in
//! ([`FinishedAttempt::from_scored`]); the completion record holds it
//! (`record::CompletionRecord::attempt`, which adds the log's chain around it and fixes how it
//! is written); the learner's history is a list of them, from which the adaptive draw learns
//! (`quiz::Knowledge`) and the schedule counts (`schedule::AttemptFacts`); the report checks
//! and aggregates the attempts of the records it verified.
//!
//! An attempt still being answered is a different thing, `quiz::Attempt` (the drawn questions
//! and their choice order) in `app::QuizState`; it becomes a finished attempt once scored.
//!
//! A finished attempt holds no free text the learner wrote or chose: per question only its
//! id, its area and whether it was answered correctly (policy 1.1, "begrænset til det
//! nødvendige").

use serde::{Deserialize, Serialize};

use crate::canon::Digest32;
use crate::course::LoadedModule;
use crate::policy::Area;
use crate::quiz::{Attempt, Outcome};

/// How one question of a finished attempt went. Holds no text of the question or of the
/// answer. Its serde form is the record's (`(id:"…",area:…,correct:…)`), so its field names
/// are part of the log format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnsweredQuestion {
    /// The question's id in the course (unique across modules).
    pub id: String,
    /// The question's area (policy 1.3) when it was asked.
    pub area: Area,
    /// Whether it was answered correctly.
    pub correct: bool,
}

/// One finished attempt at a module, passed or not. Times are UTC seconds since 1970, as
/// records store them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishedAttempt {
    /// The learner's employee id.
    pub learner: String,
    /// The learner's forvaltning.
    pub forvaltning: String,
    /// The module's id.
    pub module: String,
    /// The module's version the attempt was taken on.
    pub module_version: u32,
    /// The content hash of the module the learner saw ([`LoadedModule::hash`]).
    pub content_hash: Digest32,
    /// When the attempt started.
    pub started: u64,
    /// When it finished; never before `started`.
    pub finished: u64,
    /// Questions answered correctly.
    pub score: u32,
    /// Questions asked.
    pub max: u32,
    /// Whether the score reached the pass mark.
    pub passed: bool,
    /// Per question asked, in the order asked.
    pub answers: Vec<AnsweredQuestion>,
}

impl FinishedAttempt {
    /// The finished attempt for a scored `attempt` of `module`, started at `started` and
    /// finished at `finished` (taken as `started` if the clock was set back meanwhile).
    pub fn from_scored(
        module: &LoadedModule,
        attempt: &Attempt,
        outcome: &Outcome,
        (learner, forvaltning): (&str, &str),
        started: u64,
        finished: u64,
    ) -> FinishedAttempt {
        let answers = attempt
            .items
            .iter()
            .zip(&outcome.correct)
            .filter_map(|(item, &correct)| {
                let q = module.module.questions.get(item.question)?;
                Some(AnsweredQuestion {
                    id: q.id.clone(),
                    area: q.area,
                    correct,
                })
            })
            .collect();
        FinishedAttempt {
            learner: learner.to_owned(),
            forvaltning: forvaltning.to_owned(),
            module: module.module.id.clone(),
            module_version: module.module.version,
            content_hash: module.hash,
            started,
            finished: finished.max(started),
            score: outcome.score,
            max: outcome.max,
            passed: outcome.passed,
            answers,
        }
    }

    /// Sets the finish time. The clock may have been set back during the quiz; an attempt
    /// never ends before it starts.
    pub fn finish_at(&mut self, finished: u64) {
        self.finished = finished.max(self.started);
    }
}

#[cfg(test)]
impl FinishedAttempt {
    /// An attempt for tests with the given schedule facts, no answers and a fixed learner.
    pub(crate) fn sample(module: &str, version: u32, finished: u64, passed: bool) -> Self {
        FinishedAttempt {
            learner: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            module: module.into(),
            module_version: version,
            content_hash: [0; 32],
            started: finished.saturating_sub(600),
            finished,
            score: u32::from(passed),
            max: 1,
            passed,
            answers: Vec::new(),
        }
    }
}

#[cfg(test)]
impl FinishedAttempt {
    /// A passed attempt at `module` that the verdict accepts: the first questions of its bank,
    /// as many as it draws, all right, taking ten minutes and finishing at `finished`.
    pub(crate) fn honest_pass(module: &LoadedModule, finished: u64) -> Self {
        let m = &module.module;
        let answers: Vec<AnsweredQuestion> = m
            .questions
            .iter()
            .take(usize::try_from(m.draw).unwrap_or(usize::MAX))
            .map(|q| AnsweredQuestion {
                id: q.id.clone(),
                area: q.area,
                correct: true,
            })
            .collect();
        let n = u32::try_from(answers.len()).unwrap_or(u32::MAX);
        FinishedAttempt {
            module: m.id.clone(),
            module_version: m.version,
            content_hash: module.hash,
            started: finished - 600,
            score: n,
            max: n,
            passed: true,
            answers,
            ..FinishedAttempt::sample(&m.id, m.version, finished, true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attempt_never_finishes_before_it_started() {
        let mut a = FinishedAttempt::sample("m", 1, 1_000, true);
        a.finish_at(200);
        assert_eq!(
            a.finished, a.started,
            "a clock set back is clamped to the start"
        );
        a.finish_at(5_000);
        assert_eq!(a.finished, 5_000);
    }

    #[test]
    fn a_scored_attempt_lists_each_asked_question_in_order() {
        let src = include_str!("../tests/fixtures/valid/eksempel.ron");
        let module = crate::course::parse_module("eksempel.ron", src.as_bytes()).expect("valid");
        let attempt = Attempt {
            module_id: "eksempel".into(),
            items: vec![
                crate::quiz::DrawnQuestion {
                    question: 1,
                    order: vec![0, 1],
                },
                crate::quiz::DrawnQuestion {
                    question: 0,
                    order: vec![1, 0],
                },
            ],
        };
        let answers = vec![crate::quiz::Answer::new(), crate::quiz::Answer::from([1])];
        let outcome = crate::quiz::score(&module.module, &attempt, &answers);
        let a = FinishedAttempt::from_scored(
            &module,
            &attempt,
            &outcome,
            ("ab12", "Kultur- og Fritidsforvaltningen"),
            100,
            90,
        );
        let ids: Vec<&str> = a.answers.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["eksempel-02", "eksempel-01"]);
        assert_eq!(
            a.answers.iter().map(|q| q.correct).collect::<Vec<_>>(),
            outcome.correct
        );
        assert_eq!(
            (a.score, a.max, a.passed),
            (outcome.score, 2, outcome.passed)
        );
        assert_eq!((a.started, a.finished), (100, 100));
        assert_eq!((a.module.as_str(), a.module_version), ("eksempel", 1));
        assert_eq!(a.content_hash, module.hash);
    }
}
