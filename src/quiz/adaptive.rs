//! Refreshers that lean on weak areas: a question's chance of being drawn grows when the
//! learner answered it wrong before, has never seen it, or is weak in its area. The drawing
//! itself is [`draw_weighted`], so every area of the module is still covered (as far as the
//! draw allows), no question comes twice, and a seed gives the same attempt.
//!
//! A question's weight is `question factor × area factor`:
//!
//! | question | factor |
//! | --- | --- |
//! | answered wrong every time it was asked | 4 |
//! | never asked | 2.5 |
//! | answered right every time | 1 |
//!
//! in between by its recency-weighted mastery (`1 + 3 × (1 − mastery)`), and the area factor
//! runs from 3 (every answer in the area wrong) through 2 (area never asked) to 1 (all right),
//! as `1 + 2 × (1 − mastery)`. So a question the learner got wrong in an area they are weak in
//! is twelve times as likely as one they know in an area they know.

use rand::Rng;

use super::history::{Knowledge, Tally};
use super::{Attempt, draw_weighted};
use crate::course::Module;

/// The question factor of a question never asked.
pub const UNSEEN_QUESTION: f64 = 2.5;
/// The area factor of an area never asked.
pub const UNSEEN_AREA: f64 = 2.0;

fn question_factor(tally: Option<&Tally>) -> f64 {
    tally.map_or(UNSEEN_QUESTION, |t| 1.0 + 3.0 * (1.0 - t.mastery))
}

fn area_factor(tally: Option<&Tally>) -> f64 {
    tally.map_or(UNSEEN_AREA, |t| 1.0 + 2.0 * (1.0 - t.mastery))
}

/// The drawing weight of each question of the module's bank, in bank order.
pub fn adaptive_weights(module: &Module, knowledge: &Knowledge) -> Vec<f64> {
    module
        .questions
        .iter()
        .map(|q| {
            question_factor(knowledge.questions.get(&q.id))
                * area_factor(knowledge.areas.get(&q.area))
        })
        .collect()
}

/// Draws an attempt that leans on what the learner got wrong, has not seen, or is weak in.
/// With no history every weight is equal and this draws like an unweighted draw.
pub fn draw_adaptive(module: &Module, knowledge: &Knowledge, rng: &mut impl Rng) -> Attempt {
    draw_weighted(module, &adaptive_weights(module, knowledge), rng)
}

#[cfg(test)]
mod tests;
