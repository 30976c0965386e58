//! Item and test statistics from the first attempts kept per learner and module.

use super::Inputs;
use crate::report::aggregate::NO_MARK;
use crate::report::model::{ModuleStatsRow, QuestionRow};
use crate::report::stats::{ItemAcc, TestAcc};

pub(super) fn item_rows(inp: &Inputs<'_, '_>) -> (Vec<QuestionRow>, Vec<ModuleStatsRow>) {
    let index = inp.agg.index();
    let mut items = vec![ItemAcc::default(); index.questions.len()];
    let mut tests: Vec<TestAcc> = index
        .modules
        .iter()
        .map(|m| TestAcc::new(usize::try_from(m.draw).unwrap_or(0)))
        .collect();
    let mut marks: Vec<bool> = Vec::new();
    for learner in inp.agg.learners.values() {
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
    let gate = inp.gate;
    let questions = index
        .questions
        .iter()
        .zip(&items)
        .map(|(q, acc)| {
            let shown = gate.shows(acc.n);
            QuestionRow {
                id: q.id.clone(),
                module: index.modules[q.module].id.clone(),
                area: q.area,
                suppressed: !shown,
                n: gate.pass(acc.n, acc.n),
                facility: acc.facility().filter(|_| shown),
                discrimination: acc.discrimination().filter(|_| shown),
                flags: if shown { acc.flags() } else { Vec::new() },
            }
        })
        .collect();
    let module_stats = index
        .modules
        .iter()
        .zip(&tests)
        .map(|(m, t)| {
            let shown = gate.shows(t.n);
            ModuleStatsRow {
                module: m.id.clone(),
                suppressed: !shown,
                n: gate.pass(t.n, t.n),
                mean: t.mean_share().filter(|_| shown),
                sd: t.sd_share().filter(|_| shown),
                alpha: t.alpha().filter(|_| shown),
            }
        })
        .collect();
    (questions, module_stats)
}
