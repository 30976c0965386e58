//! Turns the merged accumulators into the report's tables, applying the privacy gate to every
//! aggregated cell as it is made. Runs once, after all files are read.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;

use super::aggregate::{
    Aggregator, LearnerState, ModState, NO_MARK, Quarter, Secs, cell_parts, local_date, mask_of,
    quarter_label,
};
use super::model::{
    CompletionRow, Counts, KnowledgeRow, ModuleHead, ModuleStatsRow, OverdueReason, OverdueRow,
    PersonRow, Problem, QuestionRow, Report, TOPICS, Topic, Trend,
};
use super::privacy::{Gate, protect_single_suppressed};
use super::roster::Roster;
use super::stats::{ItemAcc, TestAcc};
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

/// One member of the population the rates are about.
struct Person<'s> {
    id: Arc<str>,
    forvaltning: &'s str,
    start: Date,
    state: Option<&'s LearnerState>,
}

/// Builds the report. `counts` and `problems` come from reading; `generated_at` is the
/// report's own timestamp.
pub fn build(
    inp: &Inputs<'_, '_>,
    mut counts: Counts,
    problems: Vec<Problem>,
    generated_at: String,
) -> Report {
    let index = inp.agg.index();
    let forv_name = |i: u16| inp.names.get(usize::from(i)).map_or("?", String::as_str);
    // Learners with counted records; those with only attempts that were not accepted are
    // known (never "never started"), but counted in no figure.
    let counted = |s: &LearnerState| s.modules.iter().any(|(_, m)| m.attempts > 0);
    counts.learners = inp.agg.learners.values().filter(|s| counted(s)).count() as u64;
    let people: Vec<Person<'_>> = match inp.roster {
        Some(roster) => {
            counts.learners_not_in_roster = inp
                .agg
                .learners
                .iter()
                .filter(|(id, s)| counted(s) && roster.get(id).is_none())
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
    let (knowledge, quarters) = knowledge_rows(inp, &forv_name);
    let (questions, module_stats) = item_rows(inp);
    let mut forvaltninger: Vec<String> = people
        .iter()
        .map(|p| p.forvaltning.to_owned())
        .chain(inp.names.iter().cloned())
        .collect();
    forvaltninger.sort();
    forvaltninger.dedup();

    Report {
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
        overdue,
        never_started,
        problems,
    }
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

    let mut cells: BTreeMap<(&str, usize), [u64; 5]> = BTreeMap::new();
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
            cell[4] +=
                u64::from(ms.is_some_and(|ms| ms.attempts == 0 && ms.not_accepted.is_some()));
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
                    reason: overdue_reason(reason, ms),
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
    let gate = inp.gate;
    let completion: Vec<CompletionRow> = cells
        .iter()
        .map(|(&(forv, mi), &[n, started, passed, late, not_accepted])| {
            let rate = |x: u64| gate.pass(n, share(x, n));
            CompletionRow {
                forvaltning: forv.to_owned(),
                module: index.modules[mi].id.clone(),
                suppressed: !gate.shows(n),
                learners: gate.pass(n, n),
                started: gate.pass(n, started),
                not_accepted: gate.pass(n, not_accepted),
                passed: gate.pass(n, passed),
                overdue: gate.pass(n, late),
                completion_rate: rate(started),
                pass_rate: rate(passed),
            }
        })
        .collect();

    (completion, overdue, never_started)
}

/// Why an overdue module is open: "attempted, not accepted" when the learner's latest attempt
/// since their last pass did not count, else the schedule's reason.
fn overdue_reason(reason: Reason, ms: Option<&ModState>) -> OverdueReason {
    match reason {
        _ if ms.is_some_and(not_accepted_since_pass) => OverdueReason::NotAccepted,
        Reason::FirstTime => OverdueReason::FirstTime,
        Reason::Renewal { .. } => OverdueReason::Renewal,
        Reason::NewVersion { .. } => OverdueReason::NewVersion,
    }
}

/// Whether the learner's latest attempt at the module that was not accepted came after their
/// latest counted pass (or they have none): the follow-up then says "attempted, not accepted".
fn not_accepted_since_pass(ms: &ModState) -> bool {
    let last_pass = [ms.first_pass, ms.pass_current, ms.pass_older]
        .into_iter()
        .flatten()
        .map(|(t, _)| t)
        .max();
    ms.not_accepted
        .is_some_and(|t| last_pass.is_none_or(|p| t >= p))
}

/// `part / whole`, 0 when the whole is 0.
#[allow(clippy::cast_precision_loss)]
fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
