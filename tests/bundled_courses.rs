//! The courses shipped in `courses/` (and compiled into the binary) load, validate, and
//! together teach the whole policy: every section 1.1–1.8, every area of 1.3 with enough
//! questions to measure it, in Danish with English alongside.

use std::collections::BTreeMap;
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
    // Issue 13's rules for the bundled set: at least ten modules and 180 questions, every area
    // of policy 1.3 with at least ten questions, and every section of the policy with text
    // (1.1–1.8; section 1 is the heading) taught by a lesson and tested by at least two
    // questions.
    let set = course::bundled().expect("bundled courses validate");
    let onboarding = set
        .modules
        .iter()
        .filter(|m| m.module.kind == ModuleKind::Onboarding)
        .count();
    assert_eq!(onboarding, 1, "exactly one onboarding module");
    assert!(
        set.modules.len() >= 10,
        "at least ten modules, found {}",
        set.modules.len()
    );

    let mut taught: BTreeMap<String, usize> = BTreeMap::new();
    let mut tested: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_area: BTreeMap<Area, usize> = BTreeMap::new();
    let mut questions = 0;
    for m in set.modules.iter().map(|l| &l.module) {
        for l in &m.lessons {
            *taught.entry(l.section.clone()).or_default() += 1;
        }
        for q in &m.questions {
            *tested.entry(q.section.clone()).or_default() += 1;
            *per_area.entry(q.area).or_default() += 1;
            questions += 1;
        }
    }
    for s in ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"] {
        let lessons = taught.get(s).copied().unwrap_or(0);
        let items = tested.get(s).copied().unwrap_or(0);
        assert!(lessons >= 1, "no lesson teaches section {s}");
        assert!(
            items >= 2,
            "section {s} is tested by {items} questions; at least two are needed"
        );
    }
    assert!(
        questions >= 180,
        "at least 180 questions, found {questions}"
    );
    for area in Area::ALL {
        let n = per_area.get(&area).copied().unwrap_or(0);
        assert!(
            n >= 10,
            "area {area:?} has {n} questions; at least ten are needed to measure it"
        );
    }
}

/// The statement of a true/false prompt: its last sentence, up to the first comma or
/// subordinate clause (where a negation belongs to the condition, not to the claim).
fn main_clause(prompt: &str) -> String {
    let text = prompt.trim().trim_end_matches(['.', '?', '!']);
    let last = text.rsplit(['.', '?', '!']).next().unwrap_or(text);
    let mut clause = last.split(',').next().unwrap_or(last).to_owned();
    for marker in [
        " der ", " som ", " fordi ", " bare ", " når ", " hvis ", " selvom ",
    ] {
        if let Some(i) = clause.find(marker) {
            clause.truncate(i);
        }
    }
    clause.to_lowercase()
}

#[test]
fn true_false_statements_are_not_negated_and_not_all_strict() {
    // A negated statement keyed false is a double negative; and if every true statement were
    // the strict one, "pick the stricter" would answer them all. So: no main clause says
    // »ikke« or »aldrig«, some true statements permit something, some false ones demand too
    // much.
    let set = course::bundled().expect("bundled courses validate");
    let permits = ["gerne", "i orden", "godt", "kan få", "fint"];
    let demands = ["skal", "altid", "aldrig", "kræver", "alle", "straks", "kun"];
    let has = |text: &str, words: &[&str]| {
        let t = format!(" {} ", text.to_lowercase().replace([',', '.', '–'], " "));
        words.iter().any(|w| t.contains(&format!(" {w} ")))
    };
    // The detector itself: a negated claim is caught, a negation in a condition is not.
    assert!(has(&main_clause("Du må ikke låne din kode ud."), &["ikke"]));
    assert!(!has(
        &main_clause("Du skal melde det, også selvom der ikke er sket noget."),
        &["ikke"]
    ));
    let (mut true_permissive, mut false_strict) = (0, 0);
    for q in set.modules.iter().flat_map(|l| &l.module.questions) {
        match q.kind {
            QuestionKind::TrueFalse => {
                let clause = main_clause(&q.prompt.da);
                assert!(
                    !has(&clause, &["ikke", "aldrig"]),
                    "{}: the statement is negated (»{clause}«); state it positively",
                    q.id
                );
                if q.choices[0].correct {
                    true_permissive += usize::from(has(&q.prompt.da, &permits));
                } else {
                    false_strict += usize::from(has(&q.prompt.da, &demands));
                }
            }
            QuestionKind::Single | QuestionKind::Multiple => {}
        }
    }
    assert!(
        true_permissive >= 3,
        "only {true_permissive} true statements permit something"
    );
    assert!(
        false_strict >= 3,
        "only {false_strict} false statements demand something"
    );
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
