//! The rules of the module header applied: one module's status for one learner, and a
//! learner's plan over their modules. One implementation, [`plan_grouped`]'s and
//! [`status_of`]'s, reads each module's own attempts already dated; [`plan`], [`plan_into`],
//! [`module_status`] and [`LearnerDates::new`] pick a module's attempts out of a learner's
//! whole list and call it. The report keeps its attempts per module already, so it hands them
//! to [`plan_grouped`] directly and nothing compares module ids.

use jiff::civil::Date;

use super::status::{LastAttempt, Reason, State, Status, Urgency};
use super::{AttemptFacts, Rules, Zone, add_days, add_months, sub_days};
use crate::course::{Module, ModuleKind};

/// An attempt of one module reduced to what the rules look at, its finish time already a date
/// in the rules' zone ([`Dated::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    /// The date it finished on in the rules' time zone.
    pub on: Date,
    /// When it finished, in UTC seconds (orders attempts of the same day).
    pub finished: u64,
    /// The module version it was taken on.
    pub version: u32,
    /// Whether it passed.
    pub passed: bool,
}

impl Dated {
    /// The attempt's facts with its date in `zone`, or `None` for a finish time outside the
    /// calendar (the schedule leaves such attempts out).
    pub fn of(a: &impl AttemptFacts, zone: &Zone) -> Option<Dated> {
        Some(Dated {
            on: zone.date(i64::try_from(a.finished()).ok()?)?,
            finished: a.finished(),
            version: a.version(),
            passed: a.passed(),
        })
    }
}

/// The learner's own dates that deadlines count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LearnerDates {
    /// The start date of employment.
    pub start: Date,
    /// The date the learner had passed every onboarding module, or `None` if not yet.
    pub onboarded: Option<Date>,
}

impl LearnerDates {
    /// Derives the onboarding date from the attempts: the latest of the first-pass dates of
    /// the set's onboarding modules (any version). A set without onboarding modules counts
    /// the learner as onboarded on the start date. Attempts after `today` do not count.
    pub fn new<'a>(
        start: Date,
        modules: impl IntoIterator<Item = &'a Module>,
        attempts: &[impl AttemptFacts],
        rules: &Rules,
        today: Date,
    ) -> LearnerDates {
        let mine = |_: usize, m: &'a Module| counted(m, attempts, rules);
        LearnerDates::grouped(start, modules, mine, today)
    }

    /// [`LearnerDates::new`] from each module's own attempts: `attempts_of(i, module)` gives
    /// those of the `i`-th of `modules`.
    fn grouped<'a, I: Iterator<Item = Dated>>(
        start: Date,
        modules: impl IntoIterator<Item = &'a Module>,
        attempts_of: impl Fn(usize, &'a Module) -> I,
        today: Date,
    ) -> LearnerDates {
        let mut onboarded = Some(start);
        let mut any = false;
        for (i, m) in modules.into_iter().enumerate() {
            match m.kind {
                ModuleKind::Onboarding => {}
                ModuleKind::Refresher { .. } => continue,
            }
            let first_pass = attempts_of(i, m)
                .filter(|a| a.passed && a.on <= today)
                .map(|a| a.on)
                .min();
            onboarded = match (any, onboarded, first_pass) {
                (false, _, pass) => pass,
                (true, Some(so_far), Some(pass)) => Some(so_far.max(pass)),
                _ => None,
            };
            any = true;
        }
        LearnerDates { start, onboarded }
    }
}

/// The attempts at `module` among a learner's, dated, with a representable finish time.
fn counted<'a>(
    module: &'a Module,
    attempts: &'a [impl AttemptFacts],
    rules: &'a Rules,
) -> impl Iterator<Item = Dated> + Clone + 'a {
    attempts
        .iter()
        .filter(move |a| a.module() == module.id)
        .filter_map(move |a| Dated::of(a, &rules.time_zone))
}

fn due_or_overdue(by: Date, reason: Reason, today: Date) -> State {
    if today > by {
        State::Overdue {
            since: add_days(by, 1),
            reason,
        }
    } else {
        State::Due { by, reason }
    }
}

/// The state of a refresher passed on `pass`, valid until `expiry`.
fn renewal(pass: Dated, expiry: Date, rules: &Rules, today: Date) -> State {
    if today >= sub_days(expiry, rules.remind_days) {
        due_or_overdue(expiry, Reason::Renewal { passed: pass.on }, today)
    } else {
        State::Passed {
            on: pass.on,
            version: pass.version,
            valid_until: Some(expiry),
        }
    }
}

/// One module's status for one learner on `today`; see the module header for the rules.
pub fn module_status(
    module: &Module,
    attempts: &[impl AttemptFacts],
    learner: &LearnerDates,
    rules: &Rules,
    today: Date,
) -> Status {
    status_of(
        module,
        counted(module, attempts, rules),
        learner,
        rules,
        today,
    )
}

/// [`module_status`] from the module's own attempts (`attempts`, dated; walked once per
/// question the rules ask, so a cheap iterator).
pub fn status_of(
    module: &Module,
    attempts: impl Iterator<Item = Dated> + Clone,
    learner: &LearnerDates,
    rules: &Rules,
    today: Date,
) -> Status {
    // Only attempts finished on or before `today` count, so a status can be computed as of a
    // past day. Walked again for each question rather than collected: no allocation.
    let mine = move || attempts.clone().filter(move |a| a.on <= today);
    // `max_by_key` keeps the last of equal keys, so of two attempts in the same second the
    // later one in the log counts.
    let last = mine().max_by_key(|a| a.finished);
    let latest_pass = |current: bool| {
        mine()
            .filter(|a| a.passed && (a.version >= module.version) == current)
            .max_by_key(|a| a.finished)
    };
    let expiry = |pass: Dated| module.every_months().map(|n| add_months(pass.on, n));
    let state = if let Some(pass) = latest_pass(true) {
        match expiry(pass) {
            Some(until) => renewal(pass, until, rules, today),
            None => State::Passed {
                on: pass.on,
                version: pass.version,
                valid_until: None,
            },
        }
    } else if let Some(pass) = latest_pass(false) {
        new_version(module, pass, expiry(pass), rules, today)
    } else {
        let opens = match module.kind {
            ModuleKind::Onboarding => Some(learner.start),
            ModuleKind::Refresher { .. } => learner.onboarded,
        };
        match opens {
            None => State::Waiting { from: None },
            Some(day) if today < day => State::Waiting { from: Some(day) },
            Some(day) => {
                let window = match module.kind {
                    ModuleKind::Onboarding => rules.onboarding_days,
                    ModuleKind::Refresher { .. } => rules.first_refresher_days,
                };
                due_or_overdue(add_days(day, window), Reason::FirstTime, today)
            }
        }
    };
    Status {
        state,
        last_attempt: last.map(|a| LastAttempt {
            on: a.on,
            version: a.version,
            passed: a.passed,
        }),
    }
}

/// The state when the learner's latest pass is of an older version than the module's.
fn new_version(
    module: &Module,
    pass: Dated,
    expiry: Option<Date>,
    rules: &Rules,
    today: Date,
) -> State {
    match rules.version_since.get(&module.id) {
        Some(&since) if since <= today => {
            let grace = add_days(since, rules.version_grace_days);
            let by = expiry.map_or(grace, |e| e.min(grace));
            let reason = Reason::NewVersion {
                passed_version: pass.version,
            };
            due_or_overdue(by, reason, today)
        }
        // The version's date is unknown (or still ahead): the old pass counts as it did.
        _ => match expiry {
            Some(until) => renewal(pass, until, rules, today),
            None => State::Passed {
                on: pass.on,
                version: pass.version,
                valid_until: None,
            },
        },
    }
}

/// Every module's status for one learner, in the order of `modules`.
pub fn plan<'a>(
    modules: impl IntoIterator<Item = &'a Module> + Clone,
    attempts: &[impl AttemptFacts],
    start: Date,
    rules: &Rules,
    today: Date,
) -> Vec<(String, Status)> {
    let mut statuses = Vec::new();
    plan_into(
        &mut statuses,
        modules.clone(),
        attempts,
        start,
        rules,
        today,
    );
    modules
        .into_iter()
        .map(|m| m.id.clone())
        .zip(statuses)
        .collect()
}

/// [`plan`]'s statuses alone, in the order of `modules`, into `into` (emptied first).
pub fn plan_into<'a>(
    into: &mut Vec<Status>,
    modules: impl IntoIterator<Item = &'a Module> + Clone,
    attempts: &[impl AttemptFacts],
    start: Date,
    rules: &Rules,
    today: Date,
) {
    let mine = |_: usize, m: &'a Module| counted(m, attempts, rules);
    plan_grouped(into, modules, mine, start, rules, today);
}

/// [`plan_into`] for a learner whose attempts are grouped per module already:
/// `attempts_of(i, module)` gives the `i`-th of `modules`' own attempts, dated in the rules'
/// zone (the report, which keeps a few per learner and module and plans everyone twice).
/// No allocation but `into`'s.
pub fn plan_grouped<'a, I: Iterator<Item = Dated> + Clone>(
    into: &mut Vec<Status>,
    modules: impl IntoIterator<Item = &'a Module> + Clone,
    attempts_of: impl Fn(usize, &'a Module) -> I,
    start: Date,
    rules: &Rules,
    today: Date,
) {
    let learner = LearnerDates::grouped(start, modules.clone(), &attempts_of, today);
    into.clear();
    into.extend(
        modules
            .into_iter()
            .enumerate()
            .map(|(i, m)| status_of(m, attempts_of(i, m), &learner, rules, today)),
    );
}

/// The most pressing of several statuses (for `bevidst status`'s exit code).
pub fn worst<'a>(statuses: impl IntoIterator<Item = &'a Status>) -> Urgency {
    statuses
        .into_iter()
        .map(Status::urgency)
        .max()
        .unwrap_or(Urgency::Nothing)
}
