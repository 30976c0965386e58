//! What is due when (policy 1.6: training at hiring and continuously). This is the one place
//! that decides whether a learner's module is waiting, passed, due or overdue; the learner's
//! home screen, `bevidst status` and the report all call [`plan`] (or [`module_status`]).
//!
//! Pure: today's date, the learner's attempts and the rules come in as parameters. Dates are
//! civil dates in Europe/Copenhagen: a finish time (UTC seconds) is converted to the date it
//! was in Copenhagen, and month arithmetic clamps to the month's end (31 January + 1 month is
//! the last day of February), which is what jiff's span arithmetic does.
//!
//! The rules, all deadlines inclusive (the learner may pass on the deadline itself):
//! - Only the modules for the learner's role are planned: a module for everyone is for
//!   every learner, a managers' module only for a manager (»leder«). The caller passes them,
//!   chosen in one place, `course::Role::modules_to_take`: the learner's program and `bevidst
//!   status` plan `CourseSet::for_role` (made again when the role changes in the settings),
//!   the report each person's modules by their roster role. A module not for the role is
//!   never waiting, due or overdue, is not on the home screen and is not counted in »Du har
//!   bestået N af M moduler«; the onboarding rule below counts the role's onboarding modules
//!   only. The verdict still judges against the whole set, so an attempt at a module outside
//!   the role is recorded and counted like any other.
//! - Onboarding is due by `start + onboarding_days` (default 14); before the start date it
//!   is waiting. A pass never expires.
//! - A refresher waits until the learner has passed every onboarding module of the set; it
//!   is then due by `onboarded + first_refresher_days` (default 30), so it is not overdue the
//!   day after onboarding. After a pass it is valid until `pass + every_months`; it shows as
//!   due from `remind_days` (default 30) before that date and is overdue after it.
//! - A failed attempt changes no date: it does not satisfy a due module (it stays due), and
//!   it does not cancel a valid pass (a learner who retakes a module for practice is not made
//!   overdue by it). The UI sees it in [`Status::last_attempt`].
//! - A new module version (the learner's last pass is of an older one) is due by
//!   `since + version_grace_days` (default 30), where `since` is the date the version came
//!   into use, given per module id in [`Rules::version_since`]; a refresher's regular expiry
//!   still applies if it comes first. The course files carry no date, so the caller supplies
//!   it (e.g. the date the installation first saw the version, or the earliest record of it
//!   in the collection). Without it no new deadline can be set honestly, and the old pass
//!   keeps counting until its regular expiry; [`State::Passed`] then names the old version.
//! - Counting: only attempts finished on or before `today` count (so the report can ask "as
//!   of" a past day); a pass of a version newer than the set's counts as current; a set with
//!   no onboarding module counts the learner as onboarded on the start date.

mod format;
mod status;
#[cfg(test)]
mod tests;
mod zone;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

use crate::attempt::FinishedAttempt;
use crate::course::{Module, ModuleKind};

pub use format::{format_date, status_line};
pub use status::{LastAttempt, Reason, State, Status, Urgency};
pub use zone::Zone;

/// What the schedule reads from a finished attempt: which module and version, when it
/// finished, whether it passed. The learner's program passes its [`FinishedAttempt`]s; the
/// report passes the few attempts per learner and module its compact state keeps (it holds
/// no finished attempts, see `report::aggregate::ModState`).
pub trait AttemptFacts {
    /// The module's id.
    fn module(&self) -> &str;
    /// The module version the attempt was taken on.
    fn version(&self) -> u32;
    /// When the attempt finished, in UTC seconds since 1970 (as records store it).
    fn finished(&self) -> u64;
    /// Whether the attempt reached the pass mark.
    fn passed(&self) -> bool;
    /// The date it finished on in `zone` ([`Zone::date`] of [`AttemptFacts::finished`]). An
    /// implementor that holds the date already, worked out in the same zone, gives it here:
    /// the report plans every learner twice over the same few attempts.
    fn finished_on(&self, zone: &Zone) -> Option<Date> {
        zone.date(i64::try_from(self.finished()).ok()?)
    }
}

impl AttemptFacts for FinishedAttempt {
    fn module(&self) -> &str {
        &self.module
    }
    fn version(&self) -> u32 {
        self.module_version
    }
    fn finished(&self) -> u64 {
        self.finished
    }
    fn passed(&self) -> bool {
        self.passed
    }
}

/// The configurable parts of the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// Days from the start date to the onboarding deadline.
    pub onboarding_days: u32,
    /// Days from passing onboarding to the deadline of a refresher never passed before.
    pub first_refresher_days: u32,
    /// Days before a pass expires that the refresher shows as due.
    pub remind_days: u32,
    /// Days from the date a new module version came into use to its deadline.
    pub version_grace_days: u32,
    /// Per module id, the date its current version came into use (the grace period's start).
    pub version_since: BTreeMap<String, Date>,
    /// The time zone in which finish times become dates.
    pub time_zone: Zone,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            onboarding_days: 14,
            first_refresher_days: 30,
            remind_days: 30,
            version_grace_days: 30,
            version_since: BTreeMap::new(),
            time_zone: COPENHAGEN_DATES.clone(),
        }
    }
}

/// The POSIX rule Denmark has followed since 1996; used only if the tz database lacks the zone.
const COPENHAGEN_POSIX: &str = "CET-1CEST,M3.5.0,M10.5.0/3";

/// The Europe/Copenhagen time zone.
pub fn copenhagen() -> TimeZone {
    // jiff bundles the tz database (feature `tzdb-bundle-always`), so the lookup succeeds; the
    // POSIX rule gives the same dates for every attempt that can exist.
    TimeZone::get("Europe/Copenhagen").unwrap_or_else(|_| {
        TimeZone::posix(COPENHAGEN_POSIX)
            .expect("COPENHAGEN_POSIX is a constant, valid POSIX TZ string")
    })
}

/// Europe/Copenhagen, looked up once, for callers that count in the schedule's zone without
/// a [`Rules`] at hand (the report's quarters and dates, the simulator's roster).
pub static COPENHAGEN: LazyLock<TimeZone> = LazyLock::new(copenhagen);

/// [`COPENHAGEN`] with its transitions worked out once: the report's way from a finish time
/// to a date, millions of times per run ([`Zone::date`] gives [`local_date`]'s answer).
pub static COPENHAGEN_DATES: LazyLock<Zone> = LazyLock::new(|| Zone::new(COPENHAGEN.clone()));

/// The date a UTC second falls on in `tz` (for the schedule, the report and the simulator
/// alike), or `None` for a second outside the calendar (beyond the years -9999 and 9999),
/// which no real attempt can have: the schedule leaves such attempts out, and the report
/// flags them. [`Zone::date`] gives the same answer faster, for many seconds in one zone.
pub fn local_date(second: i64, tz: &TimeZone) -> Option<Date> {
    let ts = Timestamp::from_second(second).ok()?;
    Some(tz.to_datetime(ts).date())
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
        let mut onboarded = Some(start);
        let mut any = false;
        for m in modules {
            match m.kind {
                ModuleKind::Onboarding => {}
                ModuleKind::Refresher { .. } => continue,
            }
            let first_pass = counted(m, attempts, rules, today)
                .filter(|a| a.passed)
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

/// An attempt of one module reduced to what the rules look at.
#[derive(Debug, Clone, Copy)]
struct Counted {
    on: Date,
    finished: u64,
    version: u32,
    passed: bool,
}

/// The attempts at `module` that count on `today`: those finished on or before it (so a
/// status can be computed as of a past day), with a representable finish time.
fn counted<'a>(
    module: &'a Module,
    attempts: &'a [impl AttemptFacts],
    rules: &'a Rules,
    today: Date,
) -> impl Iterator<Item = Counted> + 'a {
    attempts
        .iter()
        .filter(move |a| a.module() == module.id)
        .filter_map(move |a| {
            let on = a.finished_on(&rules.time_zone)?;
            (on <= today).then_some(Counted {
                on,
                finished: a.finished(),
                version: a.version(),
                passed: a.passed(),
            })
        })
}

// A span beyond jiff's limits (some 20,000 years) can only come from a misconfigured rule or
// module; it saturates at the end of the calendar like any other overflow, instead of panicking
// as `Span::days` would.

/// `date` plus whole days, saturating at the end of the calendar.
pub fn add_days(date: Date, days: u32) -> Date {
    Span::new()
        .try_days(days)
        .map_or(Date::MAX, |span| date.saturating_add(span))
}

fn sub_days(date: Date, days: u32) -> Date {
    Span::new()
        .try_days(days)
        .map_or(Date::MIN, |span| date.saturating_sub(span))
}

/// `date` plus whole months, clamped to the month's end (jiff's span arithmetic); also the
/// handbook's review cycle.
pub fn add_months(date: Date, months: u32) -> Date {
    Span::new()
        .try_months(months)
        .map_or(Date::MAX, |span| date.saturating_add(span))
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
fn renewal(pass: Counted, expiry: Date, rules: &Rules, today: Date) -> State {
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
    // Walked again for each question rather than collected: no allocation per module.
    let mine = || counted(module, attempts, rules, today);
    // `max_by_key` keeps the last of equal keys, so of two attempts in the same second the
    // later one in the log counts.
    let last = mine().max_by_key(|a| a.finished);
    let latest_pass = |current: bool| {
        mine()
            .filter(|a| a.passed && (a.version >= module.version) == current)
            .max_by_key(|a| a.finished)
    };
    let expiry = |pass: Counted| module.every_months().map(|n| add_months(pass.on, n));
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
    pass: Counted,
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

/// [`plan`]'s statuses alone, in the order of `modules`, into `into` (emptied first): for a
/// caller that plans many learners over modules it knows (the report), with no allocation per
/// learner.
pub fn plan_into<'a>(
    into: &mut Vec<Status>,
    modules: impl IntoIterator<Item = &'a Module> + Clone,
    attempts: &[impl AttemptFacts],
    start: Date,
    rules: &Rules,
    today: Date,
) {
    let learner = LearnerDates::new(start, modules.clone(), attempts, rules, today);
    into.clear();
    into.extend(
        modules
            .into_iter()
            .map(|m| module_status(m, attempts, &learner, rules, today)),
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
