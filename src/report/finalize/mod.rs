//! Turns the merged accumulators into the report's tables, applying the privacy gate to every
//! aggregated cell as it is made. Runs once, after all files are read.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;

use super::aggregate::{Aggregator, LearnerState, local_date};
use super::model::{
    CompletionFigures, CompletionRow, Counts, FollowUp, Gated, ModuleHead, OverdueReason,
    OverdueRow, PersonRow, Problem, ProblemCount, ProblemKind, Report, RosterProblem,
};
use super::privacy::{Gate, Relation, suppress};
use super::roster::Roster;
use crate::course::Module;
use crate::schedule::{self, AttemptFacts, Reason, Rules, State};

mod items;
mod knowledge;

use self::items::item_rows;
use self::knowledge::knowledge_rows;

/// A change of at least this share (one percentage point) counts as up or down.
pub const TREND_THRESHOLD: f64 = 0.01;

/// What the tables are made from.
pub struct Inputs<'a, 'b> {
    /// The merged accumulators.
    pub agg: &'b Aggregator<'a>,
    /// Forvaltning names by index.
    pub names: &'b [String],
    /// The roster, if given.
    pub roster: Option<&'b Roster>,
    /// Schedule rules (the same as the learner's home screen).
    pub rules: &'b Rules,
    /// The day overdue status refers to.
    pub today: Date,
    /// The privacy gate.
    pub gate: Gate,
}

/// A finish time in the report's state.
type Secs = super::aggregate::Secs;

/// One member of the population the rates are about.
struct Person<'s> {
    id: Arc<str>,
    forvaltning: &'s str,
    start: Date,
    state: Option<&'s LearnerState>,
}

/// Builds the report and, apart from it, the follow-up lists. `counts` and `problems` come
/// from reading; `generated_at` is the report's own timestamp.
pub fn build(
    inp: &Inputs<'_, '_>,
    mut counts: Counts,
    problems: Vec<Problem>,
    generated_at: String,
) -> (Report, FollowUp) {
    let index = inp.agg.index();
    let forv_name = |i: u16| inp.names.get(usize::from(i)).map_or("?", String::as_str);
    counts.learners = inp.agg.learners.len() as u64;
    let people: Vec<Person<'_>> = match inp.roster {
        Some(roster) => {
            counts.learners_not_in_roster = inp
                .agg
                .learners
                .keys()
                .filter(|id| roster.get(id).is_none())
                .count() as u64;
            roster
                .employees
                .iter()
                .map(|e| Person {
                    id: Arc::from(e.id.as_str()),
                    forvaltning: &e.forvaltning,
                    start: e.start,
                    state: inp.agg.learners.get(e.id.as_str()),
                })
                .collect()
        }
        None => inp
            .agg
            .learners
            .iter()
            .map(|(id, s)| Person {
                id: id.clone(),
                forvaltning: forv_name(s.forvaltning.1),
                start: local_date(i64::from(s.first_seen)),
                state: Some(s),
            })
            .collect(),
    };

    let (completion, overdue, never_started) = completion_rows(inp, &people);
    counts.never_started = never_started.len() as u64;
    let (problem_counts, roster_problems) = problem_tables(&problems);
    let (knowledge, quarters) = knowledge_rows(inp, &forv_name);
    let (questions, module_stats) = item_rows(inp);
    let mut forvaltninger: Vec<String> = people
        .iter()
        .map(|p| p.forvaltning.to_owned())
        .chain(inp.names.iter().cloned())
        .collect();
    forvaltninger.sort();
    forvaltninger.dedup();

    let followup = FollowUp {
        today: inp.today.to_string(),
        roster_used: inp.roster.is_some(),
        overdue,
        never_started,
        problems,
    };
    let report = Report {
        generated_at,
        today: inp.today.to_string(),
        min_group: u32::try_from(inp.gate.min()).unwrap_or(u32::MAX),
        roster_used: inp.roster.is_some(),
        counts,
        modules: index
            .modules
            .iter()
            .map(|m| ModuleHead {
                id: m.id.clone(),
                title_da: m.title.da.clone(),
                title_en: m.title.get(crate::lang::Lang::En).to_owned(),
                version: m.version,
                every_months: m.every_months,
            })
            .collect(),
        forvaltninger,
        quarters,
        completion,
        knowledge,
        questions,
        module_stats,
        problem_counts,
        roster_problems,
    };
    (report, followup)
}

/// The aggregate view of the problems: counted by kind per forvaltning (no file names), and
/// the roster's by line.
fn problem_tables(problems: &[Problem]) -> (Vec<ProblemCount>, Vec<RosterProblem>) {
    let mut counts: BTreeMap<(Option<&str>, ProblemKind), (u64, u64)> = BTreeMap::new();
    let mut roster = Vec::new();
    for p in problems {
        match p.kind {
            ProblemKind::Roster => roster.push(RosterProblem {
                line: p.line,
                message: p.message.clone(),
            }),
            ProblemKind::Unreadable
            | ProblemKind::NotAFile
            | ProblemKind::Leftover
            | ProblemKind::AnchorsMissing
            | ProblemKind::LearnerChanged
            | ProblemKind::NotALog
            | ProblemKind::NewerFormat
            | ProblemKind::TornTail
            | ProblemKind::BrokenChain
            | ProblemKind::RewrittenHistory
            | ProblemKind::DuplicateInstallation
            | ProblemKind::DuplicateCopy
            | ProblemKind::Implausible => {
                let forv = p.who.as_ref().map(|w| w.forvaltning.as_str());
                let e = counts.entry((forv, p.kind)).or_default();
                e.0 += 1;
                e.1 += p.records;
            }
        }
    }
    let counts = counts
        .into_iter()
        .map(|((forv, kind), (problems, records))| ProblemCount {
            forvaltning: forv.map(str::to_owned),
            kind,
            problems,
            records,
        })
        .collect();
    (counts, roster)
}

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
                .or_insert_with(|| local_date(*t));
        }
    }
    rules
}

/// The completion table from its cells (forvaltning, module index) → [learners, started,
/// passed, overdue], with a row for all forvaltninger per module.
///
/// Suppression: a forvaltning's number of learners is the same for every module, so it is
/// decided once per forvaltning and holds in every module (a forvaltning shown in one module
/// and withheld in another would give its size away). The total is every learner, published
/// in each module's all-forvaltninger row and in the overview; the secondary suppression
/// withholds further forvaltninger until the withheld ones together hold none or at least the
/// minimum of learners.
fn completion_table(
    inp: &Inputs<'_, '_>,
    cells: &BTreeMap<(&str, usize), [u64; 4]>,
) -> Vec<CompletionRow> {
    let index = inp.agg.index();
    let mut sizes: BTreeMap<&str, u64> = BTreeMap::new();
    for (&(forv, _), c) in cells {
        let n = sizes.entry(forv).or_default();
        *n = (*n).max(c[0]);
    }
    // Cell 0 is the total, the forvaltninger follow in name order.
    let names: Vec<&str> = sizes.keys().copied().collect();
    let learners: Vec<u64> = std::iter::once(sizes.values().sum())
        .chain(sizes.values().copied())
        .collect();
    let min = inp.gate.min();
    let mut withheld: Vec<bool> = learners.iter().map(|&n| n < min).collect();
    let relation = Relation {
        total: 0,
        parts: (1..learners.len()).collect(),
    };
    suppress(&learners, &mut withheld, &[relation], min);
    let shown = |forv: Option<&str>| match forv {
        None => !withheld[0],
        Some(f) => names.binary_search(&f).is_ok_and(|i| !withheld[i + 1]),
    };
    let gated = |forv: Option<&str>, c: [u64; 4]| {
        let figures = CompletionFigures {
            learners: c[0],
            started: c[1],
            passed: c[2],
            overdue: c[3],
        };
        if shown(forv) {
            Gated::Shown(figures)
        } else {
            Gated::Withheld
        }
    };
    let mut totals = vec![[0u64; 4]; index.modules.len()];
    let mut rows = Vec::new();
    for (&(forv, mi), c) in cells {
        for (t, x) in totals[mi].iter_mut().zip(c) {
            *t += x;
        }
        rows.push(CompletionRow {
            forvaltning: Some(forv.to_owned()),
            module: index.modules[mi].id.clone(),
            figures: gated(Some(forv), *c),
        });
    }
    if !cells.is_empty() {
        for (m, t) in index.modules.iter().zip(totals) {
            rows.push(CompletionRow {
                forvaltning: None,
                module: m.id.clone(),
                figures: gated(None, t),
            });
        }
    }
    rows
}

/// One of the few attempts per learner and module that the report's compact state keeps
/// (`ModState::attempts_for_schedule`), as the schedule reads it. Not a finished attempt: the
/// report keeps only these facts of each, for every learner of the municipality at once.
struct KeptAttempt<'a> {
    module: &'a str,
    finished: Secs,
    version: u32,
    passed: bool,
}

impl AttemptFacts for KeptAttempt<'_> {
    fn module(&self) -> &str {
        self.module
    }
    fn version(&self) -> u32 {
        self.version
    }
    fn finished(&self) -> u64 {
        u64::from(self.finished)
    }
    fn passed(&self) -> bool {
        self.passed
    }
}

/// Completion per forvaltning × module, the overdue list and who never started.
fn completion_rows(
    inp: &Inputs<'_, '_>,
    people: &[Person<'_>],
) -> (Vec<CompletionRow>, Vec<OverdueRow>, Vec<PersonRow>) {
    let index = inp.agg.index();
    let rules = schedule_rules(inp);
    let modules: Vec<&Module> = index.modules.iter().map(|m| &m.module).collect();

    let mut cells: BTreeMap<(&str, usize), [u64; 4]> = BTreeMap::new();
    let mut overdue = Vec::new();
    let module_ids: Vec<Arc<str>> = index
        .modules
        .iter()
        .map(|m| Arc::from(m.id.as_str()))
        .collect();
    let mut forv_ids: HashMap<&str, Arc<str>> = HashMap::new();
    let mut never_started = Vec::new();
    let mut attempts: Vec<KeptAttempt<'_>> = Vec::new();
    for p in people {
        if p.state.is_none() {
            never_started.push(PersonRow {
                learner: p.id.to_string(),
                forvaltning: p.forvaltning.to_owned(),
                start: p.start.to_string(),
            });
        }
        attempts.clear();
        for (m, ms) in p.state.iter().flat_map(|s| &s.modules) {
            let module = index.modules[usize::from(*m)].id.as_str();
            attempts.extend(
                ms.attempts_for_schedule()
                    .map(|(finished, version, passed)| KeptAttempt {
                        module,
                        finished,
                        version,
                        passed,
                    }),
            );
        }
        let plan = schedule::plan(
            modules.iter().copied(),
            &attempts,
            p.start,
            &rules,
            inp.today,
        );
        for (mi, (_, status)) in plan.iter().enumerate() {
            let ms = p
                .state
                .and_then(|s| s.modules.iter().find(|(m, _)| usize::from(*m) == mi))
                .map(|(_, ms)| ms);
            let cell = cells.entry((p.forvaltning, mi)).or_default();
            cell[0] += 1;
            cell[1] += u64::from(ms.is_some_and(|ms| ms.attempts > 0));
            cell[2] += u64::from(ms.is_some_and(|ms| ms.first_pass.is_some()));
            if let State::Overdue { since, reason } = status.state {
                cell[3] += 1;
                let forvaltning = forv_ids
                    .entry(p.forvaltning)
                    .or_insert_with(|| Arc::from(p.forvaltning))
                    .clone();
                overdue.push(OverdueRow {
                    learner: p.id.clone(),
                    forvaltning,
                    module: module_ids[mi].clone(),
                    since,
                    reason: match reason {
                        Reason::FirstTime => OverdueReason::FirstTime,
                        Reason::Renewal { .. } => OverdueReason::Renewal,
                        Reason::NewVersion { .. } => OverdueReason::NewVersion,
                    },
                });
            }
        }
    }
    overdue.sort_by(|a, b| {
        (&a.forvaltning, &a.module, &a.since, &a.learner).cmp(&(
            &b.forvaltning,
            &b.module,
            &b.since,
            &b.learner,
        ))
    });
    never_started.sort_by(|a, b| (&a.forvaltning, &a.learner).cmp(&(&b.forvaltning, &b.learner)));
    let completion = completion_table(inp, &cells);

    (completion, overdue, never_started)
}
