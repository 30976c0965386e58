//! The completion table and the follow-up's overdue and never-started lists: every person of
//! the population (the roster's, or everyone the records name) planned with the learner's own
//! schedule (`planner`) on the modules for their role (`Role::modules_to_take`: a
//! managers' module counts, and is overdue, only for managers), counted per forvaltning ×
//! module, and the completion table's forvaltninger withheld together by the secondary
//! suppression, per audience. A learner none of whose attempts at a module the verdict
//! accepted is counted as »attempted, not accepted«, and an overdue one whose latest attempt
//! since their last pass was not accepted is listed with that reason.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Inputs;
use super::overview::{OverviewGate, overview_rows, previous_quarter_end};
use super::planner::{Planner, Share};
use crate::course::{Module, Role};
use crate::report::model::{
    CompletionFigures, CompletionRow, Gated, OverdueRow, OverviewRow, PersonRow,
};
use crate::report::privacy::{Relation, suppress};
use crate::schedule::{COPENHAGEN_DATES, Rules};

/// The schedule's own rules, with each module version's start taken from the collection:
/// the earliest record of the current version (design: "a new module version makes it due").
fn schedule_rules(inp: &Inputs<'_, '_>) -> Rules {
    let index = inp.agg.index();
    let mut rules = inp.rules.clone();
    for (m, first) in index.modules.iter().zip(&inp.agg.version_first) {
        if let Some(t) = first {
            rules
                .version_since
                .entry(m.id.clone())
                .or_insert_with(|| COPENHAGEN_DATES.date(*t).unwrap_or(jiff::civil::Date::MAX));
        }
    }
    rules
}

/// Which forvaltninger the completion rows of a group of modules with the same learners
/// show: the forvaltninger by name, and per cell (0 the total, then the forvaltninger in name
/// order) whether it is withheld.
struct Withholding<'c> {
    names: Vec<&'c str>,
    withheld: Vec<bool>,
}

impl Withholding<'_> {
    /// Decides for the modules `group` (indices), whose learners are the same people in
    /// every forvaltning: a forvaltning's number of learners is its largest cell's (they are
    /// equal), and the total is their sum.
    fn decide<'c>(
        cells: &BTreeMap<(&'c str, usize), CompletionFigures>,
        group: &[usize],
        min: u64,
    ) -> Withholding<'c> {
        let mut sizes: BTreeMap<&str, u64> = BTreeMap::new();
        for (&(forv, _), c) in cells.iter().filter(|((_, mi), _)| group.contains(mi)) {
            let n = sizes.entry(forv).or_default();
            *n = (*n).max(c.learners);
        }
        let names: Vec<&str> = sizes.keys().copied().collect();
        let learners: Vec<u64> = std::iter::once(sizes.values().sum())
            .chain(sizes.values().copied())
            .collect();
        let mut withheld: Vec<bool> = learners.iter().map(|&n| n < min).collect();
        let relation = Relation {
            total: 0,
            parts: (1..learners.len()).collect(),
        };
        suppress(&learners, &mut withheld, &[relation], min);
        Withholding { names, withheld }
    }

    /// Whether the row of `forv` (`None`: all forvaltninger) is shown.
    fn shows(&self, forv: Option<&str>) -> bool {
        match forv {
            None => !self.withheld[0],
            Some(f) => self
                .names
                .binary_search(&f)
                .is_ok_and(|i| !self.withheld[i + 1]),
        }
    }
}

/// The completion table from its cells (forvaltning, module index) → figures, with a row for
/// all forvaltninger per module (the sum of the forvaltninger's).
///
/// Suppression: the modules of one audience have the same learners (everyone, or the
/// managers), so a forvaltning's number of learners is the same in each of them; it is
/// decided once per forvaltning and audience, and holds in every module of the audience (a
/// forvaltning shown in one module and withheld in another would give its size away). An
/// audience's total is all its learners, published in each of its modules' all-forvaltninger
/// rows (everyone's also in the overview); the secondary suppression withholds further
/// forvaltninger until the withheld ones together hold none or at least the minimum of
/// learners. Managers are part of everyone, but no figure of a managers' module counts an
/// employee, so the two audiences' figures differ by no group. The audience of everyone has
/// the overview's people per forvaltning, so its decision is the overview's
/// (`overview::OverviewGate`: the same sizes through the same suppression; the attack test
/// checks they agree).
fn completion_table(
    inp: &Inputs<'_, '_>,
    cells: &BTreeMap<(&str, usize), CompletionFigures>,
) -> Vec<CompletionRow> {
    let index = inp.agg.index();
    let mut groups: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (mi, m) in index.modules.iter().enumerate() {
        groups.entry(m.module.audience.code()).or_default().push(mi);
    }
    let mut decided: Vec<usize> = vec![0; index.modules.len()];
    let mut decisions = Vec::new();
    for group in groups.values() {
        for &mi in group {
            decided[mi] = decisions.len();
        }
        decisions.push(Withholding::decide(cells, group, inp.gate.min()));
    }
    let gated = |mi: usize, forv: Option<&str>, figures: CompletionFigures| {
        if decisions[decided[mi]].shows(forv) {
            Gated::Shown(figures)
        } else {
            Gated::Withheld
        }
    };
    let mut totals = vec![CompletionFigures::default(); index.modules.len()];
    let mut rows = Vec::new();
    for (&(forv, mi), c) in cells {
        totals[mi].add(c);
        rows.push(CompletionRow {
            forvaltning: Some(forv.to_owned()),
            module: index.modules[mi].id.clone(),
            module_title: index.modules[mi].title.clone(),
            figures: gated(mi, Some(forv), *c),
        });
    }
    if !cells.is_empty() {
        for (mi, (m, t)) in index.modules.iter().zip(totals).enumerate() {
            rows.push(CompletionRow {
                forvaltning: None,
                module: m.id.clone(),
                module_title: m.title.clone(),
                figures: gated(mi, None, t),
            });
        }
    }
    rows
}

/// The tables made from every person's plan: completion per forvaltning × module, the
/// overview, the overdue list and who never started.
pub(super) struct Planned {
    pub completion: Vec<CompletionRow>,
    pub overview: Vec<OverviewRow>,
    pub overdue: Vec<OverdueRow>,
    pub never_started: Vec<PersonRow>,
}

/// What planning every person needs: the course set's modules, the rules with each module
/// version's start from the collection, today and the last day of the quarter before.
pub(super) fn planner<'i>(inp: &Inputs<'i, '_>) -> Planner<'i> {
    let index = inp.agg.index();
    let modules: Vec<&Module> = index.modules.iter().map(|m| &m.module).collect();
    Planner {
        rules: schedule_rules(inp),
        employees: Role::Employee.modules_to_take(modules.iter().copied()),
        managers: Role::Manager.modules_to_take(modules.iter().copied()),
        modules,
        module_ids: index
            .modules
            .iter()
            .map(|m| Arc::from(m.id.as_str()))
            .collect(),
        onboarding: index
            .modules
            .iter()
            .map(|m| m.every_months.is_none())
            .collect(),
        today: inp.today,
        cut: previous_quarter_end(inp.today),
        followup: inp.followup,
    }
}

/// The completion table, the overview and the follow-up's lists, from every person's plan
/// (the shares planned by [`Planner::count`], added up).
pub(super) fn planned(inp: &Inputs<'_, '_>, mut all: Share<'_>) -> Planned {
    sort_lists(&mut all.overdue, &mut all.never_started);
    let gate = OverviewGate::new(&all.tallies, inp.gate);
    Planned {
        completion: completion_table(inp, &by_module(&all.cells)),
        overview: overview_rows(&all.tallies, &gate, inp.roster.is_some()),
        overdue: all.overdue,
        never_started: all.never_started,
    }
}

/// The cells by (forvaltning, module index), those of a module someone of the forvaltning
/// takes (it has learners).
fn by_module<'c>(
    cells: &BTreeMap<&'c str, Vec<CompletionFigures>>,
) -> BTreeMap<(&'c str, usize), CompletionFigures> {
    cells
        .iter()
        .flat_map(|(&forv, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, c)| c.learners > 0)
                .map(move |(mi, c)| ((forv, mi), *c))
        })
        .collect()
}

/// The follow-up lists in a stable order: by forvaltning, then module, date and person.
fn sort_lists(overdue: &mut [OverdueRow], never_started: &mut [PersonRow]) {
    overdue.sort_by(|a, b| {
        (&a.forvaltning, &a.module, &a.since, &a.learner).cmp(&(
            &b.forvaltning,
            &b.module,
            &b.since,
            &b.learner,
        ))
    });
    never_started.sort_by(|a, b| (&a.forvaltning, &a.learner).cmp(&(&b.forvaltning, &b.learner)));
}
