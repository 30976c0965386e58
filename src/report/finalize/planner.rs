//! Planning people: each person of a share planned with the learner's own schedule
//! (`schedule::plan_into`) today and on the last day of the quarter before, from the few
//! attempts the report keeps per learner and module, and counted into completion cells, the
//! follow-up's lists and the overview's tallies. The shares are added up in `completion`.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;

use super::overview::{PersonNow, Tallies};
use super::{Inputs, Person, Secs};
use crate::course::{Module, Role};
use crate::report::aggregate::{Facts, ModState};
use crate::report::model::{CompletionFigures, OverdueReason, OverdueRow, PersonRow};
use crate::schedule::{self, AttemptFacts, Reason, Rules, State, Zone};

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

/// What planning a share of the people counted: their cells, lists and tallies.
#[derive(Default)]
pub(super) struct Share<'s> {
    pub cells: BTreeMap<(&'s str, usize), CompletionFigures>,
    pub overdue: Vec<OverdueRow>,
    pub never_started: Vec<PersonRow>,
    pub tallies: Tallies<'s>,
}

impl<'s> Share<'s> {
    /// Adds another share's counts (sums, and lists sorted afterwards: the order of the shares
    /// does not matter).
    pub(super) fn merge(&mut self, other: Share<'s>) {
        for (key, c) in other.cells {
            self.cells.entry(key).or_default().add(&c);
        }
        self.overdue.extend(other.overdue);
        self.never_started.extend(other.never_started);
        self.tallies.merge(other.tallies);
    }
}

/// What planning every person needs, the same for all of them.
pub(super) struct Planner<'i> {
    pub rules: Rules,
    pub modules: Vec<&'i Module>,
    /// The module ids as the follow-up's rows hold them.
    pub module_ids: Vec<Arc<str>>,
    /// Per module index, whether it is an onboarding module.
    pub onboarding: Vec<bool>,
    /// The modules each role takes (`Role::modules_to_take`).
    pub employees: Vec<usize>,
    pub managers: Vec<usize>,
    pub today: Date,
    /// The last day of the quarter before.
    pub cut: Date,
}

impl Planner<'_> {
    /// Plans and counts a share of the people.
    pub(super) fn count<'s>(&self, inp: &Inputs<'_, '_>, people: &[Person<'s, '_>]) -> Share<'s> {
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
                let passed = ms.is_some_and(|ms| ms.now.first_pass().is_some());
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
        p: &Person<'_, '_>,
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

/// Whether a person had passed onboarding and had nothing overdue on the last day of the
/// quarter before, from their plan of that day.
fn standing_before<'m>(
    p: &Person<'_, '_>,
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
                .any(|(m, ms)| usize::from(*m) == mi && ms.before().first_pass().is_some())
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
    let last_pass = [
        ms.now.first_pass(),
        ms.now.pass_current(),
        ms.now.pass_older(),
    ]
    .into_iter()
    .flatten()
    .map(|(t, _)| t)
    .max();
    ms.not_accepted
        .is_some_and(|t| last_pass.is_none_or(|p| t >= p))
}
