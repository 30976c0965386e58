//! Item and test statistics from the first attempts kept per learner and module.

use super::Inputs;
use crate::report::aggregate::{LearnerState, NO_MARK};
use crate::report::model::{ItemFigures, ModuleStatsRow, QuestionRow, TestFigures};
use crate::report::stats::{ItemAcc, TestAcc};
use crate::verdict::CourseIndex;

/// The question and module rows from the item and test accumulators of every learner.
pub(super) fn item_tables(
    inp: &Inputs<'_, '_>,
    (items, tests): (Vec<ItemAcc>, Vec<TestAcc>),
) -> (Vec<QuestionRow>, Vec<ModuleStatsRow>) {
    let index = inp.agg.index();
    let gate = inp.gate;
    // The index lists the questions module by module, in the course set's order.
    let prompts = index
        .modules
        .iter()
        .flat_map(|m| m.module.questions.iter().map(|q| &q.prompt));
    let questions = index
        .questions
        .iter()
        .zip(&items)
        .zip(prompts)
        .map(|((q, acc), prompt)| QuestionRow {
            id: q.id.clone(),
            prompt: prompt.clone(),
            module: index.modules[q.module].id.clone(),
            module_title: index.modules[q.module].title.clone(),
            area: q.area,
            figures: gate.admit(
                acc.n,
                ItemFigures {
                    n: acc.n,
                    facility: acc.facility(),
                    discrimination: acc.discrimination(),
                    flags: acc.flags(),
                },
            ),
        })
        .collect();
    let module_stats = index
        .modules
        .iter()
        .zip(&tests)
        .map(|(m, t)| ModuleStatsRow {
            module: m.id.clone(),
            module_title: m.title.clone(),
            figures: gate.admit(
                t.n,
                TestFigures {
                    n: t.n,
                    mean: t.mean_share(),
                    sd: t.sd_share(),
                    alpha: t.alpha(),
                },
            ),
        })
        .collect();
    (questions, module_stats)
}

/// Empty item and test accumulators for the course index.
pub(super) fn no_items(index: &CourseIndex) -> (Vec<ItemAcc>, Vec<TestAcc>) {
    let items = vec![ItemAcc::default(); index.questions.len()];
    let tests: Vec<TestAcc> = index
        .modules
        .iter()
        .map(|m| TestAcc::new(usize::try_from(m.draw).unwrap_or(0)))
        .collect();
    (items, tests)
}

/// Adds another share's accumulators (integer sums: the same whatever the order).
pub(super) fn add_items(
    (items, tests): &mut (Vec<ItemAcc>, Vec<TestAcc>),
    (i, t): &(Vec<ItemAcc>, Vec<TestAcc>),
) {
    for (a, b) in items.iter_mut().zip(i) {
        a.merge(b);
    }
    for (a, b) in tests.iter_mut().zip(t) {
        a.merge(b);
    }
}

/// Adds the first attempts of a share of the learners to the item and test accumulators.
pub(super) fn accumulate(
    (items, tests): &mut (Vec<ItemAcc>, Vec<TestAcc>),
    learners: &[&LearnerState],
) {
    let mut marks: Vec<bool> = Vec::new();
    for learner in learners {
        for (m, state) in &learner.modules {
            let Some(first) = &state.first else { continue };
            marks.clear();
            if first.marks.as_slice().contains(&NO_MARK) {
                continue;
            }
            for &packed in first.marks.as_slice() {
                let qi = usize::from(packed / 2);
                let correct = packed % 2 == 1;
                if let Some(acc) = items.get_mut(qi) {
                    acc.add(correct, first.score);
                }
                marks.push(correct);
            }
            if let Some(t) = tests.get_mut(usize::from(*m)) {
                t.add(&marks);
            }
        }
    }
}
