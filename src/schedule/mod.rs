//! What is due when (policy 1.6: training at hiring and continuously). This is the one place
//! that decides whether a learner's module is waiting, passed, due or overdue; the learner's
//! home screen and `bevidst status` call [`plan`] (or [`module_status`]), the report, which
//! keeps its attempts per module, [`plan_grouped`]: the same rules (in `plan.rs`).
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
mod plan;
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

pub use format::{format_date, status_line};
pub use plan::{
    Dated, LearnerDates, module_status, plan, plan_grouped, plan_into, status_of, worst,
};
pub use status::{LastAttempt, Reason, State, Status, Urgency};
pub use zone::Zone;

/// What the schedule reads from a finished attempt: which module and version, when it
/// finished, whether it passed. The learner's program passes its [`FinishedAttempt`]s; the
/// report, which keeps a few facts per learner and module and no finished attempts (see
/// `report::aggregate::ModState`), passes them per module as [`Dated`] to [`plan_grouped`].
pub trait AttemptFacts {
    /// The module's id.
    fn module(&self) -> &str;
    /// The module version the attempt was taken on.
    fn version(&self) -> u32;
    /// When the attempt finished, in UTC seconds since 1970 (as records store it).
    fn finished(&self) -> u64;
    /// Whether the attempt reached the pass mark.
    fn passed(&self) -> bool;
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

// A span beyond jiff's limits (some 20,000 years) can only come from a misconfigured rule or
// module; it saturates at the end of the calendar like any other overflow, instead of panicking
// as `Span::days` would.

/// `date` plus whole days, saturating at the end of the calendar.
pub fn add_days(date: Date, days: u32) -> Date {
    Span::new()
        .try_days(days)
        .map_or(Date::MAX, |span| date.saturating_add(span))
}

/// `date` minus whole days, saturating at the start of the calendar.
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
