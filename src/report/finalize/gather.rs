//! Going through every learner once: those held in memory, then those waiting in the report's
//! cache, read back a batch at a time per thread and let go. Each batch is planned and counted
//! (the people among them), and adds its knowledge and item figures, into a [`Partial`]; the
//! partials add up (integer sums, lists sorted afterwards), so the order does not matter.

use std::sync::Arc;

use jiff::civil::Date;

use super::items::{self, add_items, no_items};
use super::knowledge;
use super::planner::{Planner, Share};
use super::{Inputs, Person, SpillLost, forv_name, role_of};
use crate::report::aggregate::{Aggregator, LearnerState};
use crate::report::shares::in_chunks;
use crate::report::stats::{ItemAcc, TestAcc};
use crate::schedule;
use crate::verdict::CourseIndex;

/// Learners read back at a time from the report's cache per thread, planned and counted,
/// then let go: the report never holds every learner's state at once.
const BATCH: usize = 1024;

/// What a share of the learners adds to the tables (added up over the shares, in any order:
/// every figure is an integer sum, every list is sorted afterwards).
pub(super) struct Partial<'s> {
    pub plans: Share<'s>,
    pub cells: knowledge::Cells,
    pub items: (Vec<ItemAcc>, Vec<TestAcc>),
    /// Learners the roster does not name.
    pub not_in_roster: u64,
    /// The roster positions of the learners met.
    pub seen: Vec<usize>,
}

impl<'s> Partial<'s> {
    pub(super) fn new(index: &CourseIndex) -> Self {
        Partial {
            plans: Share::default(),
            cells: knowledge::Cells::new(),
            items: no_items(index),
            not_in_roster: 0,
            seen: Vec::new(),
        }
    }

    /// Plans and counts `learners` (the people among them), and adds their knowledge and
    /// item figures.
    fn add(
        &mut self,
        inp: &Inputs<'_, 's>,
        planner: &Planner<'_>,
        learners: &[(Arc<str>, &LearnerState)],
    ) {
        let index = inp.agg.index();
        let people: Vec<Person<'s, '_>> = learners
            .iter()
            .filter_map(|(id, s)| match inp.roster {
                Some(roster) => {
                    let Some(i) = roster.position(id) else {
                        self.not_in_roster += 1;
                        return None;
                    };
                    self.seen.push(i);
                    let e = &roster.employees[i];
                    Some(Person {
                        id: id.clone(),
                        forvaltning: &e.forvaltning,
                        start: e.start,
                        role: role_of(index, e.role, Some(s)),
                        state: Some(*s),
                    })
                }
                None => Some(Person {
                    id: id.clone(),
                    forvaltning: forv_name(inp.names, s.forvaltning.1),
                    start: schedule::COPENHAGEN_DATES
                        .date(i64::from(s.first_seen))
                        .unwrap_or(Date::MAX),
                    role: role_of(index, None, Some(s)),
                    state: Some(*s),
                }),
            })
            .collect();
        self.plans.merge(planner.count(&people));
        let states: Vec<&LearnerState> = learners.iter().map(|(_, s)| *s).collect();
        knowledge::learner_cells(&mut self.cells, &states);
        items::accumulate(&mut self.items, &states);
    }

    pub(super) fn merge(&mut self, other: Partial<'s>) {
        self.plans.merge(other.plans);
        knowledge::add_cells(&mut self.cells, other.cells);
        add_items(&mut self.items, &other.items);
        self.not_in_roster += other.not_in_roster;
        self.seen.extend(other.seen);
    }
}

/// The learners held in memory, planned and counted, on all threads.
pub(super) fn in_memory<'s>(inp: &Inputs<'_, 's>, planner: &Planner<'_>) -> Partial<'s> {
    let index = inp.agg.index();
    let learners: Vec<(Arc<str>, &LearnerState)> = inp
        .agg
        .learners
        .iter()
        .map(|(id, s)| (id.clone(), s.as_ref()))
        .collect();
    let mut all = Partial::new(index);
    for part in in_chunks(&learners, inp.threads, |share| {
        let mut part = Partial::new(index);
        for batch in share.chunks(BATCH) {
            part.add(inp, planner, batch);
        }
        part
    }) {
        all.merge(part);
    }
    all
}

/// The learners waiting in the report's cache, read back a batch at a time on all threads,
/// planned and counted into `all`.
pub(super) fn read_back<'s>(
    inp: &Inputs<'_, 's>,
    planner: &Planner<'_>,
    all: &mut Partial<'s>,
) -> Result<(), SpillLost> {
    let index = inp.agg.index();
    if inp.agg.spilled.is_empty() {
        return Ok(());
    }
    let spill = inp.spill.as_ref().ok_or(SpillLost)?;
    for part in in_chunks(&inp.agg.spilled, inp.threads, |share| {
        let mut part = Partial::new(index);
        let mut scratch = Aggregator::new(index, spill.names, spill.now);
        let mut buf = Vec::new();
        // The states of a batch, their lists reused from batch to batch.
        let mut states: Vec<LearnerState> = Vec::new();
        let mut ids: Vec<Arc<str>> = Vec::new();
        let mut entries = Vec::with_capacity(BATCH);
        for batch in share.chunks(BATCH) {
            states.resize_with(batch.len(), LearnerState::default);
            entries.clear();
            entries.extend(batch.iter().map(|s| s.entry));
            let slots = (&mut states[..], &mut ids);
            spill
                .reader
                .learners(&entries, &mut scratch, &mut buf, slots)
                .ok_or(SpillLost)?;
            let learners: Vec<(Arc<str>, &LearnerState)> =
                ids.iter().cloned().zip(states.iter()).collect();
            part.add(inp, planner, &learners);
        }
        Ok(part)
    }) {
        all.merge(part?);
    }
    Ok(())
}
