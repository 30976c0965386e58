use super::*;
use crate::report::testkit::{completion, courses};

const T: i64 = 1_740_000_000;

fn check(c: &FinishedAttempt) -> Result<Resolved, NotAccepted> {
    CourseIndex::new(&courses(), &[]).check(c, T)
}

#[test]
fn a_normal_completion_is_plausible_and_resolved() {
    let set = courses();
    let c = completion(&set, 1, "1001", "KFF", T, &[true, true, true, false]).attempt;
    let r = check(&c).expect("plausible");
    assert_eq!(r.module, 1);
    assert_eq!(r.questions.len(), 4);
}

#[test]
fn unknown_module_question_and_foreign_question_are_flagged() {
    let set = courses();
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    c.module = "nope".into();
    assert!(matches!(check(&c), Err(NotAccepted::UnknownModule(_))));

    let mut c = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    c.answers[0].id = "made-up".into();
    assert!(matches!(
        check(&c),
        Err(NotAccepted::UnknownQuestion { .. })
    ));

    // A question that exists, but in another module.
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    c.answers[0].id = set.modules[2].module.questions[0].id.clone();
    assert!(matches!(
        check(&c),
        Err(NotAccepted::UnknownQuestion { .. })
    ));
}

#[test]
fn a_content_hash_no_known_version_has_is_flagged_but_remembered_ones_pass() {
    let set = courses();
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    c.content_hash = [7; 32];
    c.module_version = 0;
    let err = check(&c).expect_err("must fail");
    assert!(
        err.to_string().contains("not that of any known version"),
        "{err}"
    );
    let earlier = vec![(set.modules[1].module.id.clone(), 0, [7; 32])];
    let index = CourseIndex::new(&set, &earlier);
    assert!(
        index.check(&c, T).is_ok(),
        "a remembered earlier version is known"
    );
    // The current hash with a wrong version number is not.
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    c.module_version = 9;
    assert!(matches!(
        check(&c),
        Err(NotAccepted::UnknownContentHash { .. })
    ));
}

#[test]
fn scores_must_agree_with_the_marks_and_the_maximum() {
    let set = courses();
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true, false, false, false]).attempt;
    c.score = 5;
    assert_eq!(check(&c), Err(NotAccepted::ScoreAboveMax));
    assert!(!NotAccepted::ScoreAboveMax.to_string().contains('5'));
    c.score = 3;
    assert_eq!(check(&c), Err(NotAccepted::ScoreDisagreesWithAnswers));
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true, false, false, false]).attempt;
    c.passed = true;
    assert_eq!(check(&c), Err(NotAccepted::PassedDisagreesWithPassMark));
}

#[test]
fn too_fast_backwards_and_future_attempts_are_flagged() {
    let set = courses();
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    let min: u64 = (0..4)
        .map(|q| u64::from(question_min_seconds(&set.modules[1].module, q)))
        .sum();
    c.started = c.finished - min + 1;
    assert!(matches!(check(&c), Err(NotAccepted::TooFast { .. })));
    c.started = c.finished - min;
    assert!(check(&c).is_ok(), "exactly the minimum is plausible");
    c.started = c.finished + 1;
    assert_eq!(check(&c), Err(NotAccepted::FinishedBeforeStart));
    let c = completion(
        &set,
        1,
        "1001",
        "KFF",
        T + 2 * CLOCK_SLACK_SECONDS,
        &[true; 4],
    )
    .attempt;
    assert_eq!(check(&c), Err(NotAccepted::InTheFuture));
}

#[test]
fn reading_time_counts_words_of_the_shorter_language() {
    let set = courses();
    let m = &set.modules[0].module;
    // The synthetic prompt plus three choices has about 30 words: 3 s at 10 words/s.
    let s = question_min_seconds(m, 0);
    assert!((MIN_SECONDS_PER_QUESTION..=4).contains(&s), "{s}");
}
