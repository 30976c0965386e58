//! The verdict's rules one by one, their texts, and (in `agreement`) the learner's and the
//! report's verdicts side by side.

use super::*;
use crate::message::Bilingual as _;
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
        err.text(crate::lang::Lang::En)
            .contains("not that of any known version"),
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

#[test]
fn exactly_the_draw_of_distinct_questions_with_the_courses_areas() {
    let set = courses();
    let honest = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    let mut one = honest.clone();
    one.answers.truncate(1);
    (one.score, one.max) = (1, 1);
    assert_eq!(
        check(&one),
        Err(NotAccepted::WrongCount {
            answers: 1,
            draw: 4
        })
    );
    let mut same = honest.clone();
    let first = same.answers[0].clone();
    same.answers.iter_mut().for_each(|a| *a = first.clone());
    assert_eq!(
        check(&same),
        Err(NotAccepted::RepeatedQuestion(first.id.clone()))
    );
    let mut moved = honest.clone();
    let other = if moved.answers[0].area == crate::policy::Area::AccessControl {
        crate::policy::Area::PhysicalSecurity
    } else {
        crate::policy::Area::AccessControl
    };
    moved.answers[0].area = other;
    assert_eq!(
        check(&moved),
        Err(NotAccepted::AreaDisagrees(moved.answers[0].id.clone()))
    );
}

#[test]
fn times_before_2020_or_longer_than_a_day_do_not_count() {
    let set = courses();
    let mut old = completion(&set, 1, "1001", "KFF", 600 + 1_000, &[true; 4]).attempt;
    old.started = 1_000;
    assert_eq!(check(&old), Err(NotAccepted::BeforeEarliest));
    let mut c = completion(&set, 1, "1001", "KFF", T, &[true; 4]).attempt;
    c.started = c.finished - u64::try_from(MAX_SECONDS).expect("positive");
    assert!(check(&c).is_ok(), "exactly 24 hours counts");
    c.started -= 1;
    assert!(matches!(check(&c), Err(NotAccepted::TooLong { .. })));
    let start = u64::try_from(EARLIEST).expect("positive");
    let mut c = completion(&set, 1, "1001", "KFF", EARLIEST + 600, &[true; 4]).attempt;
    c.started = start;
    assert!(check(&c).is_ok(), "the first second of 2020 counts");
}

#[test]
fn every_reason_has_a_danish_text_apart_from_the_english_one() {
    let reasons = [
        NotAccepted::UnknownModule("m".into()),
        NotAccepted::UnknownContentHash {
            module: "m".into(),
            version: 1,
            hash: "ab".into(),
        },
        NotAccepted::WrongCount {
            answers: 1,
            draw: 10,
        },
        NotAccepted::UnknownQuestion {
            module: "m".into(),
            question: "q".into(),
        },
        NotAccepted::RepeatedQuestion("q".into()),
        NotAccepted::AreaDisagrees("q".into()),
        NotAccepted::ScoreAboveMax,
        NotAccepted::ScoreDisagreesWithAnswers,
        NotAccepted::PassedDisagreesWithPassMark,
        NotAccepted::FinishedBeforeStart,
        NotAccepted::BeforeEarliest,
        NotAccepted::InTheFuture,
        NotAccepted::TooLong { seconds: 90_000 },
        NotAccepted::TooFast {
            seconds: 3,
            minimum: 40,
        },
    ];
    for r in &reasons {
        let (da, en) = (r.text(crate::lang::Lang::Da), r.text(crate::lang::Lang::En));
        assert!(!da.is_empty() && da != en, "{r:?}");
        assert_eq!(r.to_string(), da, "Display is the Danish text");
    }
}

mod agreement;

#[test]
fn any_draw_of_a_bundled_module_can_be_read_within_a_step_of_the_sample_clock() {
    // Screen samples, benchmarks and tests hand in a quiz one step of the stepping clock after
    // it started; every bundled module's slowest draw must fit in it, or they would show
    // »Ikke godkendt« where they mean to show a pass.
    let set = crate::course::bundled().expect("the bundled courses load");
    for loaded in &set.modules {
        let m = &loaded.module;
        let mut times: Vec<u32> = (0..m.questions.len())
            .map(|q| question_min_seconds(m, q))
            .collect();
        times.sort_unstable_by(|a, b| b.cmp(a));
        let slowest: u32 = times.iter().take(m.draw as usize).sum();
        assert!(
            i64::from(slowest) <= crate::app::runtime::SteppingClock::STEP,
            "{}: {slowest} s",
            m.id
        );
    }
}
