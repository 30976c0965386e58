//! The knowledge tables: share correct per (forvaltning or all) × topic × quarter, distinct
//! learners per cell, secondary suppression of totals, and the trend since the quarter before.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Sums of one knowledge cell: distinct learners, and per topic (correct, asked).
type Cell = (HashMap<usize, u64>, [(u64, u64); TOPICS]);

pub(super) fn knowledge_rows<'n>(
    inp: &Inputs<'_, '_>,
    forv_name: &dyn Fn(u16) -> &'n str,
) -> (Vec<KnowledgeRow>, Vec<String>) {
    // Key: (forvaltning or None for all, quarter).
    let mut cells: BTreeMap<(Option<&'n str>, Quarter), Cell> = BTreeMap::new();
    for (&(forv, q), sums) in &inp.agg.knowledge {
        for key in [(Some(forv_name(forv)), q), (None, q)] {
            let cell = cells
                .entry(key)
                .or_insert_with(|| (HashMap::new(), [(0, 0); TOPICS]));
            for (a, b) in cell.1.iter_mut().zip(sums.iter()) {
                a.0 += b.0;
                a.1 += b.1;
            }
        }
    }
    for learner in inp.agg.learners.values() {
        let mut all: BTreeMap<Quarter, u16> = BTreeMap::new();
        for &cell in &learner.touched {
            let (forv, q) = cell_parts(cell);
            let mask = mask_of(cell);
            *all.entry(q).or_default() |= mask;
            count_mask(&mut cells, (Some(forv_name(forv)), q), mask);
        }
        for (q, mask) in all {
            count_mask(&mut cells, (None, q), mask);
        }
    }
    let quarters: Vec<Quarter> = {
        let mut v: Vec<Quarter> = cells.keys().map(|(_, q)| *q).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let gate = inp.gate;
    let mut rows: Vec<KnowledgeRow> = Vec::new();
    for ((forv, q), (learners, sums)) in &cells {
        for topic in Topic::all() {
            let t = topic.index();
            let (correct, asked) = sums[t];
            if asked == 0 {
                continue;
            }
            let n = learners.get(&t).copied().unwrap_or(0);
            rows.push(KnowledgeRow {
                forvaltning: forv.map(str::to_owned),
                topic,
                quarter: quarter_label(*q),
                figures: gate.admit(
                    n,
                    KnowledgeFigures {
                        learners: n,
                        correct,
                        asked,
                        trend: None,
                    },
                ),
            });
        }
    }
    protect_totals(&mut rows);
    add_trends(&mut rows);
    (rows, quarters.into_iter().map(quarter_label).collect())
}

pub(super) fn count_mask<'n>(
    cells: &mut BTreeMap<(Option<&'n str>, Quarter), Cell>,
    key: (Option<&'n str>, Quarter),
    mask: u16,
) {
    if let Some(cell) = cells.get_mut(&key) {
        for t in 0..TOPICS {
            if mask & (1 << t) != 0 {
                *cell.0.entry(t).or_default() += 1;
            }
        }
    }
}

/// Secondary suppression: where the all-forvaltninger row is shown and exactly one
/// forvaltning's row is withheld, withhold the next smallest as well.
pub(super) fn protect_totals(rows: &mut [KnowledgeRow]) {
    let mut groups: HashMap<(Topic, String), Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        if r.forvaltning.is_some() {
            groups
                .entry((r.topic, r.quarter.clone()))
                .or_default()
                .push(i);
        }
    }
    let shown_totals: std::collections::HashSet<(Topic, String)> = rows
        .iter()
        .filter(|r| r.forvaltning.is_none() && !r.figures.is_withheld())
        .map(|r| (r.topic, r.quarter.clone()))
        .collect();
    for (key, members) in groups {
        if !shown_totals.contains(&key) {
            continue;
        }
        let parts: Vec<(u64, bool)> = members
            .iter()
            .map(|&i| {
                let r = &rows[i];
                (
                    r.figures.shown().map_or(0, |f| f.learners),
                    r.figures.is_withheld(),
                )
            })
            .collect();
        if let Some(j) = protect_single_suppressed(&parts) {
            rows[members[j]].figures = Gated::Withheld;
        }
    }
}

pub(super) fn add_trends(rows: &mut [KnowledgeRow]) {
    let prev: HashMap<(Option<String>, Topic, String), f64> = rows
        .iter()
        .filter_map(|r| {
            Some((
                (r.forvaltning.clone(), r.topic, r.quarter.clone()),
                r.figures.shown()?.share(),
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
        let now = f.share();
        if let Some(before) = prev.get(&key) {
            f.trend = Some(if now - before >= TREND_THRESHOLD {
                Trend::Up
            } else if before - now >= TREND_THRESHOLD {
                Trend::Down
            } else {
                Trend::Flat
            });
        }
    }
}

pub(super) fn previous_quarter(label: &str) -> Option<String> {
    let (y, q) = label.split_once("-Q")?;
    let q: Quarter = y.parse::<i32>().ok()? * 4 + q.parse::<i32>().ok()? - 1;
    Some(quarter_label(q - 1))
}
