//! The courses shipped in `courses/` (and compiled into the binary) load, validate, and
//! together teach the whole policy: every section 1.1–1.8, every area of 1.3 with enough
//! questions to measure it, in Danish with English alongside.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use bevidst::course::{self, ModuleKind, QuestionKind, Text};
use bevidst::policy::Area;

fn texts_of(m: &course::Module) -> Vec<(&'static str, &Text)> {
    let mut out = vec![("title", &m.title), ("summary", &m.summary)];
    for l in &m.lessons {
        out.push(("lesson title", &l.title));
        out.push(("lesson body", &l.body));
    }
    for q in &m.questions {
        out.push(("prompt", &q.prompt));
        out.push(("explanation", &q.explanation));
        for c in &q.choices {
            out.push(("choice", &c.text));
            out.push(("feedback", &c.feedback));
        }
    }
    out
}

#[test]
fn the_bundled_set_is_the_courses_folder_and_validates() {
    let bundled = course::bundled().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("bundled courses do not validate:\n{}", lines.join("\n"))
    });
    let on_disk = course::load_dir(Path::new("courses")).expect("courses/ validates");
    let hashes = |s: &course::CourseSet| s.modules.iter().map(|m| m.hash).collect::<Vec<_>>();
    assert_eq!(
        hashes(&bundled),
        hashes(&on_disk),
        "the binary embeds exactly courses/*.ron"
    );
}

#[test]
fn the_courses_cover_the_policy() {
    let set = course::bundled().expect("bundled courses validate");
    let onboarding = set
        .modules
        .iter()
        .filter(|m| m.module.kind == ModuleKind::Onboarding)
        .count();
    let refreshers = set.modules.len() - onboarding;
    assert_eq!(onboarding, 1, "exactly one onboarding module");
    assert!(
        refreshers >= 6,
        "at least six refreshers, found {refreshers}"
    );

    let mut sections = BTreeSet::new();
    let mut per_area: BTreeMap<Area, usize> = BTreeMap::new();
    let mut questions = 0;
    for m in set.modules.iter().map(|l| &l.module) {
        for l in &m.lessons {
            sections.insert(l.section.clone());
        }
        for q in &m.questions {
            sections.insert(q.section.clone());
            *per_area.entry(q.area).or_default() += 1;
            questions += 1;
        }
    }
    for s in ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"] {
        assert!(
            sections.contains(s),
            "no lesson or question teaches section {s}"
        );
    }
    assert!(
        questions >= 120,
        "at least 120 questions, found {questions}"
    );
    for area in Area::ALL {
        let n = per_area.get(&area).copied().unwrap_or(0);
        assert!(
            n >= 6,
            "area {area:?} has {n} questions; at least six are needed to measure it"
        );
    }
}

#[test]
fn every_text_has_english_alongside() {
    let set = course::bundled().expect("bundled courses validate");
    for m in set.modules.iter().map(|l| &l.module) {
        for (what, text) in texts_of(m) {
            assert!(
                text.en.is_some(),
                "{}: a {what} has no English: {:?}",
                m.id,
                text.da
            );
        }
    }
}

#[test]
fn beyond_policy_is_labelled_as_such_in_the_text() {
    // Advice beyond the policy must never read as the policy's own: where an item names a
    // good-practice source, its Danish text says it is good practice.
    let set = course::bundled().expect("bundled courses validate");
    let says_so = |t: &Text| {
        let da = t.da.to_lowercase();
        [
            "god praksis",
            "ikke i politikken",
            "ikke i selve politikken",
            "står ikke i",
            "definerer ikke selv",
            "almen viden",
        ]
        .iter()
        .any(|p| da.contains(p))
    };
    for m in set.modules.iter().map(|l| &l.module) {
        for l in m.lessons.iter().filter(|l| l.beyond_policy.is_some()) {
            assert!(
                says_so(&l.body),
                "{}: lesson {:?} names good practice but does not say so",
                m.id,
                l.title.da
            );
        }
        for q in m.questions.iter().filter(|q| q.beyond_policy.is_some()) {
            let texts = [&q.prompt, &q.explanation];
            assert!(
                texts.iter().any(|t| says_so(t)),
                "{}: question {} names good practice but does not say so",
                m.id,
                q.id
            );
        }
    }
}

#[test]
fn true_false_and_multiple_answer_keys_are_balanced() {
    // A learner who always answers "Sandt", or who marks two or three choices of four, must not
    // pass by pattern: true/false items are keyed true 40–60 % of the time, and multiple-answer
    // items range from one correct choice to all of them.
    let set = course::bundled().expect("bundled courses validate");
    let (mut true_false, mut keyed_true) = (0_usize, 0_usize);
    let (mut one_correct, mut all_correct) = (0_usize, 0_usize);
    for q in set.modules.iter().flat_map(|l| &l.module.questions) {
        let correct = q.choices.iter().filter(|c| c.correct).count();
        match q.kind {
            QuestionKind::TrueFalse => {
                true_false += 1;
                keyed_true += usize::from(q.choices[0].correct);
            }
            QuestionKind::Multiple => {
                one_correct += usize::from(correct == 1);
                all_correct += usize::from(correct == q.choices.len());
            }
            QuestionKind::Single => {}
        }
    }
    assert!(
        (40..=60).contains(&(keyed_true * 100 / true_false.max(1))),
        "{keyed_true} of {true_false} true/false items are keyed true; keep it at 40–60 %"
    );
    assert!(
        one_correct >= 2 && all_correct >= 2,
        "multiple-answer items with one correct choice: {one_correct}, with all correct: \
         {all_correct}; at least two of each"
    );
}
