//! Nothing in a record holds the text of a question or an answer: a real attempt at the
//! example module is recorded, and none of the module's texts is found in the log.

use std::fs;

use bevidst::attempt::FinishedAttempt;
use bevidst::course::parse_module;
use bevidst::quiz::{Answer, draw_attempt, score};
use bevidst::record::{LearnerLog, log_path};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

#[test]
fn a_record_holds_no_question_or_answer_text() {
    let src = include_str!("../fixtures/valid/eksempel.ron");
    let loaded = parse_module("eksempel.ron", src.as_bytes()).expect("the fixture is valid");
    let module = &loaded.module;
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let attempt = draw_attempt(module, &mut rng);
    // Mark every choice of every question: the most an answer could reveal.
    let answers: Vec<Answer> = attempt
        .items
        .iter()
        .map(|item| item.order.iter().copied().collect())
        .collect();
    let outcome = score(module, &attempt, &answers);
    let draft = FinishedAttempt::from_scored(
        &loaded,
        &attempt,
        &outcome,
        ("1234567", "Økonomiforvaltningen"),
        1_760_000_000,
        1_760_000_300,
    );

    let data = tempfile::tempdir().expect("temp dir");
    let (mut log, _) = LearnerLog::open(&log_path(data.path()), &mut rng).expect("opens");
    let record = log.append(draft).expect("appends");
    assert_eq!(record.attempt.answers.len(), attempt.items.len());
    assert_eq!(record.attempt.content_hash, loaded.hash);

    let written = fs::read_to_string(log_path(data.path())).expect("reads");
    let mut texts: Vec<&str> = Vec::new();
    for q in &module.questions {
        texts.extend(q.prompt.parts_for_test());
        texts.extend(q.explanation.parts_for_test());
        for c in &q.choices {
            texts.extend(c.text.parts_for_test());
            texts.extend(c.feedback.parts_for_test());
        }
    }
    assert!(texts.len() > 10);
    for t in texts {
        assert!(!written.contains(t), "the log holds the text {t:?}");
    }
}

trait Parts {
    fn parts_for_test(&self) -> Vec<&str>;
}

impl Parts for bevidst::course::Text {
    fn parts_for_test(&self) -> Vec<&str> {
        std::iter::once(self.da.as_str())
            .chain(self.en.as_deref())
            .collect()
    }
}
