//! The completion table and the follow-up's overdue and never-started lists: every person of
//! the population (the roster's, or everyone the records name) planned with the learner's own
//! schedule (`schedule::plan`) on the modules for their role (`Role::modules_to_take`: a
//! managers' module counts, and is overdue, only for managers), counted per forvaltning ×
//! module, and the completion table's forvaltninger withheld together by the secondary
//! suppression, per audience. A learner none of whose attempts at a module the verdict
//! accepted is counted as »attempted, not accepted«, and an overdue one whose latest attempt
//! since their last pass was not accepted is listed with that reason.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;

use super::overview::{OverviewGate, PersonNow, Tallies, overview_rows, previous_quarter_end};
use super::{Inputs, Person, Secs};
use crate::course::{Module, Role};
use crate::report::aggregate::{Facts, ModState};
use crate::report::model::{
    CompletionFigures, CompletionRow, Gated, OverdueReason, OverdueRow, OverviewRow, PersonRow,
};
use crate::report::privacy::{Relation, suppress};
use crate::report::shares::in_chunks;
use crate::schedule::{self, AttemptFacts, COPENHAGEN_DATES, Reason, Rules, State, Zone};

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

/// One of the few attempts per learner and module that the report's compact state keeps
/// (`ModState::attempts_for_schedule`), as the schedule reads it. Not a finished attempt: the
/// report keeps only these facts of each, for every learner of the municipality at once.
struct KeptAttempt<'a> {
    module: &'a str,
    finished: Secs,
    version: u32,
    passed: bool,
    /// The date it finished on in the schedule's zone, worked out once for both plans.
    on: Option<Date>,
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
    fn finished_on(&self, _: &Zone) -> Option<Date> {
        // Worked out in the rules' zone (`Planner::kept_attempts`), the only one planned with.
        self.on
    }
}

/// The tables made from every person's plan: completion per forvaltning × module, the
/// overview, the overdue list and who never started.
pub(super) struct Planned {
    pub completion: Vec<CompletionRow>,
    pub overview: Vec<OverviewRow>,
    pub overdue: Vec<OverdueRow>,
    pub never_started: Vec<PersonRow>,
}

/// What planning a share of the people counted: their cells, lists and tallies.
#[derive(Default)]
struct Share<'s> {
    cells: BTreeMap<(&'s str, usize), CompletionFigures>,
    overdue: Vec<OverdueRow>,
    never_started: Vec<PersonRow>,
    tallies: Tallies<'s>,
}

impl<'s> Share<'s> {
    /// Adds another share's counts (sums, and lists sorted afterwards: the order of the shares
    /// does not matter).
    fn merge(&mut self, other: Share<'s>) {
        for (key, c) in other.cells {
            self.cells.entry(key).or_default().add(&c);
        }
        self.overdue.extend(other.overdue);
        self.never_started.extend(other.never_started);
        self.tallies.merge(other.tallies);
    }
}

/// What planning every person needs, the same for all of them.
struct Planner<'i> {
    rules: Rules,
    modules: Vec<&'i Module>,
    /// The module ids as the follow-up's rows hold them.
    module_ids: Vec<Arc<str>>,
    /// Per module index, whether it is an onboarding module.
    onboarding: Vec<bool>,
    /// The modules each role takes (`Role::modules_to_take`).
    employees: Vec<usize>,
    managers: Vec<usize>,
    today: Date,
    /// The last day of the quarter before.
    cut: Date,
}

/// Plans every person with the learner's own schedule, today and on the last day of the
/// quarter before, and counts them; the people are shared out over the threads, and their
/// counts added up.
pub(super) fn completion_rows(inp: &Inputs<'_, '_>, people: &[Person<'_>]) -> Planned {
    let index = inp.agg.index();
    let modules: Vec<&Module> = index.modules.iter().map(|m| &m.module).collect();
    let planner = Planner {
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
    };
    let mut shares = in_chunks(people, inp.threads, |share| planner.count(inp, share)).into_iter();
    let mut all = shares.next().unwrap_or_default();
    for share in shares {
        all.merge(share);
    }
    sort_lists(&mut all.overdue, &mut all.never_started);
    let gate = OverviewGate::new(&all.tallies, inp.gate);
    Planned {
        completion: completion_table(inp, &all.cells),
        overview: overview_rows(&all.tallies, &gate, inp.roster.is_some()),
        overdue: all.overdue,
        never_started: all.never_started,
    }
}

impl Planner<'_> {
    /// Plans and counts a share of the people.
    fn count<'s>(&self, inp: &Inputs<'_, '_>, people: &[Person<'s>]) -> Share<'s> {
        let mut out = Share::default();
        let mut forv_ids: HashMap<&str, Arc<str>> = HashMap::new();
        let mut attempts: Vec<KeptAttempt<'_>> = Vec::new();
        let mut plan = Vec::new();
        for p in people {
            if p.state.is_none() {
                out.never_started.push(PersonRow {
                    learner: p.id.to_string(),
                    forvaltning: p.forvaltning.to_owned(),
                    start: p.start.to_string(),
                });
            }
            self.kept_attempts(&mut attempts, inp, p, |ms| &ms.now);
            let mine = match p.role {
                Role::Employee => &self.employees,
                Role::Manager => &self.managers,
            };
            let modules = mine.iter().map(|&mi| self.modules[mi]);
            schedule::plan_into(
                &mut plan,
                modules.clone(),
                &attempts,
                p.start,
                &self.rules,
                self.today,
            );
            let mut now = PersonNow {
                onboarded: true,
                overdue: false,
                never_started: p.state.is_none(),
                not_accepted: false,
            };
            for (&mi, status) in mine.iter().zip(&plan) {
                let ms = p
                    .state
                    .and_then(|s| s.modules.iter().find(|(m, _)| usize::from(*m) == mi))
                    .map(|(_, ms)| ms);
                let cell = out.cells.entry((p.forvaltning, mi)).or_default();
                cell.learners += 1;
                cell.started += u64::from(ms.is_some_and(|ms| ms.attempts > 0));
                let not_accepted =
                    ms.is_some_and(|ms| ms.attempts == 0 && ms.not_accepted.is_some());
                cell.not_accepted += u64::from(not_accepted);
                let passed = ms.is_some_and(|ms| ms.now.first_pass.is_some());
                cell.passed += u64::from(passed);
                now.onboarded &= passed || !self.onboarding[mi];
                now.not_accepted |= not_accepted;
                if let State::Overdue { since, reason } = status.state {
                    now.overdue = true;
                    cell.overdue += 1;
                    let forvaltning = forv_ids
                        .entry(p.forvaltning)
                        .or_insert_with(|| Arc::from(p.forvaltning))
                        .clone();
                    out.overdue.push(OverdueRow {
                        learner: p.id.clone(),
                        forvaltning,
                        module: self.module_ids[mi].clone(),
                        since,
                        reason: overdue_reason(reason, ms),
                    });
                }
            }
            // On the last day of the quarter before, for those employed by then.
            let before = (p.start <= self.cut).then(|| {
                self.kept_attempts(&mut attempts, inp, p, ModState::before);
                schedule::plan_into(
                    &mut plan,
                    modules,
                    &attempts,
                    p.start,
                    &self.rules,
                    self.cut,
                );
                let onboarding = mine.iter().filter(|&&mi| self.onboarding[mi]);
                standing_before(p, &plan, onboarding)
            });
            out.tallies.add((p.forvaltning, p.role), now, before);
        }
        out
    }

    /// The attempts the report keeps for person `p`, as of today or of the quarter before
    /// (`facts` picks which), into `into`.
    fn kept_attempts<'a>(
        &self,
        into: &mut Vec<KeptAttempt<'a>>,
        inp: &Inputs<'a, '_>,
        p: &Person<'_>,
        facts: impl Fn(&ModState) -> &Facts,
    ) {
        let index = inp.agg.index();
        into.clear();
        for (m, ms) in p.state.iter().flat_map(|s| &s.modules) {
            let module = index.modules[usize::from(*m)].id.as_str();
            into.extend(
                facts(ms)
                    .attempts_for_schedule()
                    .map(|(finished, version, passed)| KeptAttempt {
                        module,
                        finished,
                        version,
                        passed,
                        on: self.rules.time_zone.date(i64::from(finished)),
                    }),
            );
        }
    }
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

/// Whether a person had passed onboarding and had nothing overdue on the last day of the
/// quarter before, from their plan of that day.
fn standing_before<'m>(
    p: &Person<'_>,
    plan: &[schedule::Status],
    mut onboarding: impl Iterator<Item = &'m usize>,
) -> (bool, bool) {
    let overdue = plan
        .iter()
        .any(|s| matches!(s.state, State::Overdue { .. }));
    let onboarded = onboarding.all(|&mi| {
        p.state.is_some_and(|s| {
            s.modules
                .iter()
                .any(|(m, ms)| usize::from(*m) == mi && ms.before().first_pass.is_some())
        })
    });
    (onboarded, !overdue)
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
    let last_pass = [ms.now.first_pass, ms.now.pass_current, ms.now.pass_older]
        .into_iter()
        .flatten()
        .map(|(t, _)| t)
        .max();
    ms.not_accepted
        .is_some_and(|t| last_pass.is_none_or(|p| t >= p))
}
