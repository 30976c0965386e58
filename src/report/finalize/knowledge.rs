//! The knowledge tables: per (forvaltning or all) × topic × quarter, the mean over the cell's
//! learners of each learner's share of correct answers, secondary suppression, and the trend
//! since the quarter before.
//!
//! Learners, not answers: in a quarter a learner is represented by the latest counted attempt
//! of each module they took (their retakes replace, never add), their share per topic is the
//! share correct over those attempts, and each learner weighs the same in the cell's mean. A
//! learner who retook a quiz forty times moves a cell no more than one who took it once. A
//! learner belongs in a quarter to the forvaltning of their latest attempt in it, so the
//! forvaltninger's cells add up exactly to the all-forvaltninger cell (which the secondary
//! suppression relies on).
//!
//! Trends and intervals are [`trend`]'s: an arrow only for a change significant at 95 %, over
//! the cell's learners.

use std::collections::{BTreeMap, HashMap};

use super::Inputs;
use crate::report::aggregate::{LearnerState, Quarter, quarter_label};
use crate::report::model::{Gated, KnowledgeFigures, KnowledgeRow, TOPICS, Topic};
use crate::report::privacy::{Relation, suppress};
use crate::report::trend::{self, Sample};

/// A learner's share in fixed point (2^32 = 100 %): integer sums are exact and the same in
/// any order, so the report does not depend on the order the threads met the learners in.
const UNIT: u64 = 1 << 32;

/// Per topic: learners, and the sum of their shares in [`UNIT`]s.
type Cell = [(u64, u64); TOPICS];

/// One learner's quarter: the latest standing attempt's (finish, slot) and forvaltning, and
/// correct and asked answers per topic over the quarter's standing attempts.
/// The last field: the topics the quarter's standing attempts asked about (bit `t` for topic
/// index `t`), so only those are gone through.
type LearnerQuarter = ((super::Secs, u32, u64), u16, [(u32, u32); TOPICS], u16);

/// The cells of a share of the learners, by forvaltning index and quarter.
pub(super) type Cells = BTreeMap<(u32, Quarter), Cell>;

/// The knowledge rows and the quarters they cover, from the cells of every learner.
pub(super) fn knowledge_tables<'n>(
    inp: &Inputs<'_, '_>,
    by_index: &Cells,
    forv_name: &dyn Fn(u16) -> &'n str,
) -> (Vec<KnowledgeRow>, Vec<String>) {
    // Key: (forvaltning or None for all, quarter). Integer sums: the shares add up to the same
    // whatever the number of threads; by name, so forvaltninger are in name order.
    let mut cells: BTreeMap<(Option<&'n str>, Quarter), Cell> = BTreeMap::new();
    for (&(forv, q), sums) in by_index {
        let name = u16::try_from(forv).ok().map(forv_name);
        add(cells.entry((name, q)).or_insert([(0, 0); TOPICS]), sums);
        // All forvaltninger's cells are their sums (a learner is in one forvaltning a
        // quarter).
        add(cells.entry((None, q)).or_insert([(0, 0); TOPICS]), sums);
    }
    let quarter_list: Vec<Quarter> = {
        let mut v: Vec<Quarter> = cells.keys().map(|(_, q)| *q).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut rows: Vec<KnowledgeRow> = Vec::new();
    let mut learners: Vec<u64> = Vec::new();
    for ((forv, q), sums) in &cells {
        for topic in Topic::all() {
            let (n, shares) = sums[topic.index()];
            if n == 0 {
                continue;
            }
            learners.push(n);
            let share = fixed_share(shares, n);
            rows.push(KnowledgeRow {
                forvaltning: forv.map(str::to_owned),
                topic,
                quarter: quarter_label(*q),
                figures: Gated::Shown(KnowledgeFigures {
                    learners: n,
                    share,
                    interval: trend::wilson(Sample { share, n }).unwrap_or((share, share)),
                    trend: None,
                }),
            });
        }
    }
    withhold(&mut rows, &learners, inp.gate.min());
    add_trends(&mut rows);
    (rows, quarter_list.into_iter().map(quarter_label).collect())
}

/// Adds another share's cells (integer sums: the same whatever the order).
pub(super) fn add_cells(into: &mut Cells, from: Cells) {
    for (key, sums) in from {
        add(into.entry(key).or_insert([(0, 0); TOPICS]), &sums);
    }
}

/// Adds the knowledge cells of `learners`: each learner's quarters, added to their
/// forvaltning's cell (all forvaltninger's are their sums, made with the table).
pub(super) fn learner_cells(cells: &mut Cells, learners: &[&LearnerState]) {
    // A learner's quarters: a few, so a list beats a map.
    let mut quarters: Vec<(Quarter, LearnerQuarter)> = Vec::new();
    for learner in learners {
        quarters.clear();
        for (s, counts) in learner.standings() {
            let q = s.quarter();
            let i = quarters
                .iter()
                .position(|(x, _)| *x == q)
                .unwrap_or_else(|| {
                    quarters.push((q, ((0, 0, 0), s.forvaltning(), [(0, 0); TOPICS], 0)));
                    quarters.len() - 1
                });
            let e = &mut quarters[i].1;
            let order = (s.key.0, s.key.1, s.slot());
            if order >= e.0 {
                e.0 = order;
                e.1 = s.forvaltning();
            }
            e.3 |= s.topics;
            for (t, &(correct, asked)) in topics(s.topics).zip(counts) {
                let sum = &mut e.2[t];
                sum.0 += u32::from(correct);
                sum.1 += u32::from(asked);
            }
        }
        for &(q, (_, forv, marks, asked_about)) in &quarters {
            let cell = cells
                .entry((u32::from(forv), q))
                .or_insert([(0, 0); TOPICS]);
            // The learner's share per topic asked about.
            for t in topics(asked_about) {
                let ((correct, asked), c) = (marks[t], &mut cell[t]);
                if asked > 0 {
                    c.0 += 1;
                    c.1 += u64::from(correct) * UNIT / u64::from(asked);
                }
            }
        }
    }
}

/// The topic indices whose bits are set in `bits`, in order (a standing attempt asks about a
/// few of the fourteen topics).
fn topics(mut bits: u16) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let t = bits.trailing_zeros() as usize;
        (t < TOPICS).then(|| {
            bits &= bits - 1;
            t
        })
    })
}

/// Adds the learners and shares of `sums` to `cell`'s.
fn add(cell: &mut Cell, sums: &Cell) {
    for (c, s) in cell.iter_mut().zip(sums) {
        c.0 += s.0;
        c.1 += s.1;
    }
}

/// The mean of `n` shares summed in [`UNIT`]s.
#[expect(
    clippy::cast_precision_loss,
    reason = "a share to print; a few units in the last place do not matter"
)]
fn fixed_share(sum: u64, n: u64) -> f64 {
    sum as f64 / (n as f64 * UNIT as f64)
}

/// Primary and secondary suppression: every (topic, quarter) is a relation whose total is the
/// all-forvaltninger cell and whose parts are the forvaltninger's cells.
fn withhold(rows: &mut [KnowledgeRow], learners: &[u64], min: u64) {
    let mut withheld: Vec<bool> = learners.iter().map(|&n| n < min).collect();
    let mut relations: HashMap<(Topic, &str), Relation> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let rel = relations
            .entry((r.topic, r.quarter.as_str()))
            .or_insert_with(|| Relation {
                total: usize::MAX,
                parts: Vec::new(),
            });
        match r.forvaltning {
            None => rel.total = i,
            Some(_) => rel.parts.push(i),
        }
    }
    let mut relations: Vec<Relation> = relations.into_values().collect();
    // Every all-forvaltninger cell exists beside its parts; sorted, so the order of the
    // suppression (and with it its result) never depends on hashing.
    relations.retain(|r| r.total != usize::MAX);
    relations.sort_by_key(|r| r.total);
    suppress(learners, &mut withheld, &relations, min);
    for (r, w) in rows.iter_mut().zip(withheld) {
        if w {
            r.figures = Gated::Withheld;
        }
    }
}

/// The trend of every shown cell whose previous quarter is shown too: [`trend::change`].
fn add_trends(rows: &mut [KnowledgeRow]) {
    let prev: HashMap<(Option<String>, Topic, String), Sample> = rows
        .iter()
        .filter_map(|r| {
            let f = r.figures.shown()?;
            Some((
                (r.forvaltning.clone(), r.topic, r.quarter.clone()),
                Sample {
                    share: f.share,
                    n: f.learners,
                },
            ))
        })
        .collect();
    for r in rows.iter_mut() {
        let Some(before_label) = previous_quarter(&r.quarter) else {
            continue;
        };
        let key = (r.forvaltning.clone(), r.topic, before_label);
        let Gated::Shown(f) = &mut r.figures else {
            continue;
        };
        if let Some(&before) = prev.get(&key) {
            let now = Sample {
                share: f.share,
                n: f.learners,
            };
            f.trend = trend::change(before, now);
        }
    }
}

fn previous_quarter(label: &str) -> Option<String> {
    let (y, q) = label.split_once("-Q")?;
    let q: Quarter = y.parse::<i32>().ok()? * 4 + q.parse::<i32>().ok()? - 1;
    Some(quarter_label(q - 1))
}
