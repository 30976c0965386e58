//! Planning people: each person of a share planned with the learner's own schedule
//! (`schedule::plan_grouped`, the rules of `schedule::plan`) today and on the last day of the
//! quarter before, from the few attempts the report keeps per learner and module, and counted
//! into completion cells, the overview's tallies and, when asked for, the follow-up's lists.
//! The shares are added up in `completion`.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;

use super::Person;
use super::overview::{PersonNow, Tallies};
use crate::course::{Module, Role};
use crate::report::aggregate::{Facts, ModState};
use crate::report::model::{CompletionFigures, OverdueReason, OverdueRow, PersonRow};
use crate::schedule::{self, Dated, Reason, Rules, State};

/// What a person has done in one module, as the two plans read it: the module's state, and the
/// few attempts its facts stand for (`Facts::attempts_for_schedule`) as of today and as of the
/// quarter before, dated once for both plans. Kept per module index in a buffer the planner
/// uses again for every person, so the schedule gets each module's own attempts and nothing
/// is allocated per person.
#[derive(Clone, Copy, Default)]
struct Slot<'s> {
    state: Option<&'s ModState>,
    now: [Option<Dated>; 4],
    before: [Option<Dated>; 4],
}

/// What planning a share of the people counted: their cells, lists and tallies.
#[derive(Default)]
pub(super) struct Share<'s> {
    /// Per forvaltning, per module index (a module no one of it takes has no learners): one
    /// look-up per person, not one per module.
    pub cells: BTreeMap<&'s str, Vec<CompletionFigures>>,
    pub overdue: Vec<OverdueRow>,
    pub never_started: Vec<PersonRow>,
    pub tallies: Tallies<'s>,
}

impl<'s> Share<'s> {
    /// Adds another share's counts (sums, and lists sorted afterwards: the order of the shares
    /// does not matter).
    pub(super) fn merge(&mut self, other: Share<'s>) {
        for (forv, theirs) in other.cells {
            match self.cells.entry(forv) {
                Entry::Vacant(e) => {
                    e.insert(theirs);
                }
                Entry::Occupied(mut e) => {
                    for (c, t) in e.get_mut().iter_mut().zip(&theirs) {
                        c.add(t);
                    }
                }
            }
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
    /// Whether to list who is overdue and who never started (the follow-up's lists); the
    /// tables count them either way.
    pub followup: bool,
}

impl Planner<'_> {
    /// Plans and counts a share of the people.
    pub(super) fn count<'s, 'l>(&self, people: &[Person<'s, 'l>]) -> Share<'s> {
        let mut out = Share::default();
        let mut forv_ids: HashMap<&str, Arc<str>> = HashMap::new();
        let mut slots: Vec<Slot<'l>> = vec![Slot::default(); self.modules.len()];
        let mut plan = Vec::new();
        for p in people {
            if self.followup && p.state.is_none() {
                out.never_started.push(PersonRow {
                    learner: p.id.to_string(),
                    forvaltning: p.forvaltning.to_owned(),
                    start: p.start.to_string(),
                });
            }
            self.fill(&mut slots, p);
            let slots = &slots;
            let mine = match p.role {
                Role::Employee => &self.employees,
                Role::Manager => &self.managers,
            };
            let modules = mine.iter().map(|&mi| self.modules[mi]);
            let today = |i: usize, _: &Module| slots[mine[i]].now.iter().flatten().copied();
            schedule::plan_grouped(
                &mut plan,
                modules.clone(),
                today,
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
            let cells = out
                .cells
                .entry(p.forvaltning)
                .or_insert_with(|| vec![CompletionFigures::default(); self.modules.len()]);
            for (&mi, status) in mine.iter().zip(&plan) {
                let ms = slots[mi].state;
                let cell = &mut cells[mi];
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
                    if self.followup {
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
            }
            // On the last day of the quarter before, for those employed by then.
            let before = (p.start <= self.cut).then(|| {
                let before = |i: usize, _: &Module| slots[mine[i]].before.iter().flatten().copied();
                schedule::plan_grouped(&mut plan, modules, before, p.start, &self.rules, self.cut);
                let mut onboarding = mine.iter().filter(|&&mi| self.onboarding[mi]);
                let onboarded = onboarding.all(|&mi| {
                    slots[mi]
                        .state
                        .is_some_and(|ms| ms.before().first_pass().is_some())
                });
                let overdue = plan
                    .iter()
                    .any(|s| matches!(s.state, State::Overdue { .. }));
                (onboarded, !overdue)
            });
            out.tallies.add((p.forvaltning, p.role), now, before);
        }
        out
    }

    /// Puts person `p`'s modules into `slots` (one per module index, the others emptied), each
    /// with its attempts dated: those as of the quarter before are, unless the module was
    /// attempted since, the same as today's.
    fn fill<'l>(&self, slots: &mut [Slot<'l>], p: &Person<'_, 'l>) {
        slots.fill(Slot::default());
        for (m, ms) in p.state.iter().flat_map(|s| &s.modules) {
            let Some(slot) = slots.get_mut(usize::from(*m)) else {
                continue;
            };
            let now = self.dated(&ms.now, &[]);
            *slot = Slot {
                state: Some(ms),
                now,
                before: ms.before.as_deref().map_or(now, |b| self.dated(b, &now)),
            };
        }
    }

    /// The attempts `facts` stand for, dated in the rules' zone; a finish time already dated
    /// among them or in `known` is not worked out again (the four are often the same attempt).
    fn dated(&self, facts: &Facts, known: &[Option<Dated>]) -> [Option<Dated>; 4] {
        let mut out = [None; 4];
        for (i, (t, version, passed)) in facts.attempts_for_schedule().enumerate().take(4) {
            let finished = u64::from(t);
            let seen = out[..i]
                .iter()
                .chain(known)
                .flatten()
                .find(|d| d.finished == finished)
                .map(|d| d.on);
            let on = seen.or_else(|| self.rules.time_zone.date(i64::from(t)));
            out[i] = on.map(|on| Dated {
                on,
                finished,
                version,
                passed,
            });
        }
        out
    }
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
