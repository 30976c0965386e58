//! What the schedule says about one module for one learner: waiting, passed, due or
//! overdue, why, and how pressing that is.

use jiff::civil::Date;

/// A module's state for one learner on one day, and their last attempt at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// Waiting, passed, due or overdue.
    pub state: State,
    /// The learner's latest attempt at the module (any version), if any.
    pub last_attempt: Option<LastAttempt>,
}

/// Where a module stands for a learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not due yet: from the given date, or (`None`) once onboarding is passed.
    Waiting {
        /// The day the module becomes due, if it is known.
        from: Option<Date>,
    },
    /// Passed and not due again before the reminder window.
    Passed {
        /// The date of the pass that counts.
        on: Date,
        /// The module version that was passed (older than the module's when a new version's
        /// date is not known, see the module header).
        version: u32,
        /// The last day the pass is valid; `None` for onboarding, which does not expire.
        valid_until: Option<Date>,
    },
    /// To be passed by the given day.
    Due {
        /// The deadline (inclusive).
        by: Date,
        /// Why the module is due.
        reason: Reason,
    },
    /// The deadline has passed.
    Overdue {
        /// The first day it was overdue (the day after the deadline).
        since: Date,
        /// Why the module was due.
        reason: Reason,
    },
}

/// Why a module is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The learner has never passed it.
    FirstTime,
    /// The pass of the given date expires (refreshers).
    Renewal {
        /// The date of the pass that expires.
        passed: Date,
    },
    /// The learner passed an older version.
    NewVersion {
        /// The version the learner passed.
        passed_version: u32,
    },
}

/// The schedule's summary of the learner's latest attempt at a module: the day it finished
/// in the schedule's time zone, its version and whether it passed. Not a finished attempt
/// (`crate::attempt::FinishedAttempt`): a status is also computed from the report's compact
/// state, which keeps no attempts, and the screens that show it need only these three facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastAttempt {
    /// The date it was finished, in the schedule's time zone.
    pub on: Date,
    /// The module version it was taken on.
    pub version: u32,
    /// Whether it passed.
    pub passed: bool,
}

/// How pressing a status is; ordered, so the worst of several is their maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Nothing to do.
    Nothing,
    /// Something is due.
    Due,
    /// Something is overdue.
    Overdue,
}

impl Urgency {
    /// The exit code of `bevidst status`: 0 nothing due, 1 something due, 2 something overdue.
    pub fn exit_code(self) -> u8 {
        use crate::exit::Exit;
        match self {
            Urgency::Nothing => Exit::NothingDue,
            Urgency::Due => Exit::Due,
            Urgency::Overdue => Exit::Overdue,
        }
        .code()
    }
}

impl Status {
    /// How pressing this status is.
    pub fn urgency(&self) -> Urgency {
        match self.state {
            State::Waiting { .. } | State::Passed { .. } => Urgency::Nothing,
            State::Due { .. } => Urgency::Due,
            State::Overdue { .. } => Urgency::Overdue,
        }
    }

    /// Whether the learner has never attempted the module.
    pub fn not_started(&self) -> bool {
        self.last_attempt.is_none()
    }
}
