//! The quiz engine: drawing an attempt from a module's question bank and scoring it, and (in
//! `history` and `adaptive`) the learner's own knowledge and refreshers that lean on it. Pure
//! functions with no I/O; the random source comes in as a parameter, so tests seed it.

use std::collections::BTreeSet;

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use crate::course::{Module, Question};
use crate::policy::Area;

mod adaptive;
mod history;

pub use adaptive::{UNSEEN_AREA, UNSEEN_QUESTION, adaptive_weights, draw_adaptive};
pub use history::{AreaPoint, AreaProgress, Knowledge, Tally, knowledge_by_area};

/// One question of an attempt, with its choices in the order they are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawnQuestion {
    /// Index of the question in the module's bank.
    pub question: usize,
    /// Indices of the question's choices, in display order.
    pub order: Vec<usize>,
}

/// The questions one attempt asks, in order: an attempt being answered. Not a finished
/// attempt (`crate::attempt::FinishedAttempt`): it points into the module's bank and keeps the
/// order the choices are shown in, which the quiz and the review need and a record does not
/// keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The module the questions come from.
    pub module_id: String,
    /// The drawn questions.
    pub items: Vec<DrawnQuestion>,
}

/// The choices a learner marked for one question, as indices into the question's choices
/// (not display positions).
pub type Answer = BTreeSet<usize>;

/// Draws `module.draw` distinct questions uniformly at random, covering as many of the
/// module's areas as the draw allows, and shuffles each question's choices (true/false
/// questions keep their order, so "Sandt" stays first).
pub fn draw_attempt(module: &Module, rng: &mut impl Rng) -> Attempt {
    let n = module.questions.len();
    let weights = vec![1.0; n];
    draw_weighted(module, &weights, rng)
}

/// Draws like [`draw_attempt`], but a question's chance of being picked is proportional to its
/// weight (weights ≤ 0 or not finite count as a small positive weight): first one question per
/// area, then the rest from the whole bank. When the draw is smaller than the number of areas,
/// the areas that get a question are picked by the mean weight of their questions. No
/// question is drawn twice.
pub fn draw_weighted(module: &Module, weights: &[f64], rng: &mut impl Rng) -> Attempt {
    let bank = &module.questions;
    let want = usize::try_from(module.draw)
        .unwrap_or(usize::MAX)
        .min(bank.len());
    let weight = |i: usize| {
        let w = weights.get(i).copied().unwrap_or(1.0);
        if w.is_finite() && w > 0.0 { w } else { 1e-6 }
    };
    let mut chosen: Vec<usize> = Vec::with_capacity(want);
    // One question per area first (areas in random order), so every area is exercised.
    let mut areas: Vec<Area> = bank
        .iter()
        .map(|q| q.area)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if want < areas.len() {
        // Not every area fits: pick the areas by the mean weight of their questions, so the
        // ones the weights favour (weak areas, for an adaptive draw) are likelier to be in.
        let mean: Vec<f64> = areas
            .iter()
            .map(|&area| {
                let (sum, n) = (0..bank.len())
                    .filter(|&i| bank[i].area == area)
                    .fold((0.0, 0.0), |(s, n), i| (s + weight(i), n + 1.0));
                sum / n
            })
            .collect();
        let mut left: Vec<usize> = (0..areas.len()).collect();
        let mut order = Vec::with_capacity(want);
        while order.len() < want {
            let Some(i) = pick_weighted(&left, &|i| mean[i], rng) else {
                break;
            };
            left.retain(|&j| j != i);
            order.push(areas[i]);
        }
        areas = order;
    } else {
        areas.shuffle(rng);
    }
    for area in areas {
        if chosen.len() == want {
            break;
        }
        let pool: Vec<usize> = (0..bank.len()).filter(|&i| bank[i].area == area).collect();
        if let Some(i) = pick_weighted(&pool, &weight, rng) {
            chosen.push(i);
        }
    }
    while chosen.len() < want {
        let pool: Vec<usize> = (0..bank.len()).filter(|i| !chosen.contains(i)).collect();
        match pick_weighted(&pool, &weight, rng) {
            Some(i) => chosen.push(i),
            None => break,
        }
    }
    chosen.shuffle(rng);
    let items = chosen
        .into_iter()
        .map(|question| DrawnQuestion {
            question,
            order: choice_order(&bank[question], rng),
        })
        .collect();
    Attempt {
        module_id: module.id.clone(),
        items,
    }
}

fn pick_weighted(
    pool: &[usize],
    weight: &impl Fn(usize) -> f64,
    rng: &mut impl Rng,
) -> Option<usize> {
    let total: f64 = pool.iter().map(|&i| weight(i)).sum();
    if pool.is_empty() || total <= 0.0 {
        return None;
    }
    let mut x = rng.random::<f64>() * total;
    for &i in pool {
        x -= weight(i);
        if x < 0.0 {
            return Some(i);
        }
    }
    pool.last().copied()
}

fn choice_order(q: &Question, rng: &mut impl Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..q.choices.len()).collect();
    if !q.kind.keeps_choice_order() {
        order.shuffle(rng);
    }
    order
}

/// Whether an answer is right: exactly the correct choices are marked.
pub fn is_correct(q: &Question, answer: &Answer) -> bool {
    q.correct_choices().collect::<Answer>() == *answer
}

/// The score of an attempt, per drawn question. Not a finished attempt: it is indexed like
/// [`Attempt::items`], so the result and review screens can show each question beside the
/// learner's marks; [`crate::attempt::FinishedAttempt::from_scored`] makes the finished
/// attempt from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Per drawn question, whether it was answered correctly.
    pub correct: Vec<bool>,
    /// Number of questions answered correctly.
    pub score: u32,
    /// Number of questions asked.
    pub max: u32,
    /// Whether the score reaches the module's pass mark.
    pub passed: bool,
}

/// Scores an attempt; a missing answer counts as wrong.
pub fn score(module: &Module, attempt: &Attempt, answers: &[Answer]) -> Outcome {
    let empty = Answer::new();
    let correct: Vec<bool> = attempt
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            module
                .questions
                .get(item.question)
                .is_some_and(|q| is_correct(q, answers.get(i).unwrap_or(&empty)))
        })
        .collect();
    let score = u32::try_from(correct.iter().filter(|c| **c).count()).unwrap_or(u32::MAX);
    let max = u32::try_from(correct.len()).unwrap_or(u32::MAX);
    Outcome {
        passed: passes(score, max, module.pass_mark),
        correct,
        score,
        max,
    }
}

/// Whether `score` out of `max` reaches `pass_mark` percent (integer arithmetic, no rounding).
pub fn passes(score: u32, max: u32, pass_mark: u32) -> bool {
    max > 0 && u64::from(score) * 100 >= u64::from(pass_mark) * u64::from(max)
}

/// Correct and asked per area, in the order of policy 1.3, for areas the attempt touched.
pub fn by_area(module: &Module, attempt: &Attempt, outcome: &Outcome) -> Vec<(Area, u32, u32)> {
    Area::ALL
        .into_iter()
        .filter_map(|area| {
            let mut right = 0;
            let mut asked = 0;
            for (item, ok) in attempt.items.iter().zip(&outcome.correct) {
                if module
                    .questions
                    .get(item.question)
                    .is_some_and(|q| q.area == area)
                {
                    asked += 1;
                    right += u32::from(*ok);
                }
            }
            (asked > 0).then_some((area, right, asked))
        })
        .collect()
}

#[cfg(test)]
mod tests;
