//! Turns the merged accumulators into the report's tables, applying the privacy gate to every
//! aggregated cell as it is made. Runs once, after all files are read.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::aggregate::{Aggregator, LearnerState, quarter_label, quarter_of_date};
use super::model::{
    Counts, FollowUp, Gated, ModuleHead, Problem, ProblemCount, ProblemKind, Report, RosterProblem,
};
use super::privacy::Gate;
use super::roster::Roster;
use crate::course::{Audience, Role};
use crate::schedule::Rules;
use crate::verdict::CourseIndex;

mod completion;
mod gather;
mod items;
mod knowledge;
mod overview;
mod planner;
#[cfg(test)]
mod tests;

use self::gather::{Partial, in_memory, read_back};
use self::knowledge::knowledge_tables;
use self::planner::Planner;
use super::aggregate::Names;
use super::cache::SpillReader;
use super::shares::in_chunks;

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
    /// Threads to share the people and learners out over (at least one); the tables are the
    /// same whatever the number.
    pub threads: usize,
    /// Where the learners waiting in the report's cache (`agg.spilled`) are read back from.
    pub spill: Option<Spill<'b>>,
    /// Whether to list who is overdue and who never started (the follow-up's lists); without,
    /// those lists are empty and every table is the same.
    pub followup: bool,
}

/// What reading the learners waiting in the report's cache back needs.
pub struct Spill<'b> {
    /// The reader.
    pub reader: &'b SpillReader<'b>,
    /// The run's forvaltning names (the entries name theirs).
    pub names: &'b Names,
    /// The report's moment.
    pub now: i64,
}

/// A finish time in the report's state.
type Secs = super::aggregate::Secs;

/// One member of the population the rates are about: their forvaltning lives as long as the
/// tables (`'s`), their state perhaps only while their share is planned (`'l`: a learner read
/// back from the report's cache).
struct Person<'s, 'l> {
    id: Arc<str>,
    forvaltning: &'s str,
    start: Date,
    /// Decides which modules are due for them (a managers' module only for a manager).
    role: Role,
    state: Option<&'l LearnerState>,
}

/// The role a person is planned with: the roster's; where it names none (no roster, or one
/// without a role column), a manager when they have records of a managers' module (only a
/// manager is asked to take one), else an employee. So without roles in a roster, a managers'
/// module counts only the learners with records of it.
fn role_of(index: &CourseIndex, listed: Option<Role>, state: Option<&LearnerState>) -> Role {
    let has_managers_module = || {
        state.is_some_and(|s| {
            s.modules.iter().any(|(m, _)| {
                index
                    .modules
                    .get(usize::from(*m))
                    .is_some_and(|m| match m.module.audience {
                        Audience::Everyone => false,
                        Audience::Managers => true,
                    })
            })
        })
    };
    listed.unwrap_or_else(|| {
        if has_managers_module() {
            Role::Manager
        } else {
            Role::Employee
        }
    })
}

/// The name of forvaltning index `i`.
fn forv_name(names: &[String], i: u16) -> &str {
    names.get(usize::from(i)).map_or("?", String::as_str)
}

/// A learner waiting in the report's cache could not be read back: the report must be made
/// again without the cache.
#[derive(Debug, Clone, Copy)]
pub struct SpillLost;

/// Builds the report and, apart from it, the follow-up lists. `counts` and `problems` come
/// from reading; `generated_at` is the report's own timestamp.
pub fn build(
    inp: &Inputs<'_, '_>,
    counts: Counts,
    problems: Vec<Problem>,
    generated_at: String,
) -> Result<(Report, FollowUp), SpillLost> {
    let planner = completion::planner(inp);
    let mut all = in_memory(inp, &planner);
    read_back(inp, &planner, &mut all)?;
    Ok(tables(inp, &planner, all, (counts, problems), generated_at))
}

/// [`build`] for accumulators that hold every learner in memory (made without the report's
/// cache, which alone lets learners wait: `agg.spilled` is then empty).
pub fn build_in_memory(
    inp: &Inputs<'_, '_>,
    counts: Counts,
    problems: Vec<Problem>,
    generated_at: String,
) -> (Report, FollowUp) {
    debug_assert!(inp.agg.spilled.is_empty(), "learners wait in a cache");
    let planner = completion::planner(inp);
    let all = in_memory(inp, &planner);
    tables(inp, &planner, all, (counts, problems), generated_at)
}

/// The report's tables and the follow-up lists from what every learner added.
fn tables<'s>(
    inp: &Inputs<'_, 's>,
    planner: &Planner<'_>,
    mut all: Partial<'s>,
    (mut counts, problems): (Counts, Vec<Problem>),
    generated_at: String,
) -> (Report, FollowUp) {
    let index = inp.agg.index();
    // Every learner the verified records name, also one whose attempts were all not accepted:
    // they tried (never "never started"), and without a roster they are among the learners of
    // the completion table, whose total the overview's learners must equal (privacy::suppress
    // treats the two as one published total). Their attempts count in no other figure.
    counts.learners = (inp.agg.learners.len() + inp.agg.spilled.len()) as u64;
    // Everyone on the roster with no records: never started.
    if let Some(roster) = inp.roster {
        let mut seen = vec![false; roster.employees.len()];
        for &i in &all.seen {
            seen[i] = true;
        }
        let absent: Vec<Person<'_, '_>> = roster
            .employees
            .iter()
            .zip(&seen)
            .filter(|(_, seen)| !**seen)
            .map(|(e, _)| Person {
                id: Arc::from(e.id.as_str()),
                forvaltning: &e.forvaltning,
                start: e.start,
                role: role_of(index, e.role, None),
                state: None,
            })
            .collect();
        for share in in_chunks(&absent, inp.threads, |share| planner.count(share)) {
            all.plans.merge(share);
        }
        // Counted whether or not they are listed.
        counts.never_started = absent.len() as u64;
        counts.learners_not_in_roster = all.not_in_roster;
    }

    let made = completion::planned(inp, all.plans);
    let (completion, overview) = (made.completion, made.overview);
    let (overdue, never_started) = (made.overdue, made.never_started);
    let shown: std::collections::BTreeSet<&str> = completion
        .iter()
        .filter(|row| matches!(row.figures, Gated::Shown(_)))
        .filter_map(|row| row.forvaltning.as_deref())
        .collect();
    let (problem_counts, roster_problems) = problem_tables(&problems, &shown);
    let (knowledge, quarters) = knowledge_tables(inp, &all.cells, &|i| forv_name(inp.names, i));
    let (questions, module_stats) = items::item_tables(inp, all.items);
    let mut forvaltninger: Vec<String> = inp
        .roster
        .iter()
        .flat_map(|r| r.employees.iter().map(|e| e.forvaltning.clone()))
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
        current_quarter: quarter_label(quarter_of_date(inp.today)),
        overview,
        completion,
        knowledge,
        questions,
        module_stats,
        problem_counts,
        roster_problems,
        handbook_reviews: Vec::new(),
    };
    (report, followup)
}

/// The aggregate view of the problems: counted by kind per forvaltning (no file names), and
/// the roster's by line. A forvaltning the completion table withholds (too few learners, or
/// withheld so a small one cannot be worked out) is not named here either: its problems are
/// counted with those whose forvaltning is unknown, so "ikke godkendt: 1" can never point at
/// the one learner of a small forvaltning.
fn problem_tables(
    problems: &[Problem],
    shown: &std::collections::BTreeSet<&str>,
) -> (Vec<ProblemCount>, Vec<RosterProblem>) {
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
            | ProblemKind::NotAccepted => {
                let forv = p
                    .who
                    .as_ref()
                    .map(|w| w.forvaltning.as_str())
                    .filter(|f| shown.contains(f));
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
