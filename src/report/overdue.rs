//! When a module is due for a learner, and whether it is overdue. This is the one place the
//! report decides it; it is meant to be the same function the learner's home screen uses
//! (`schedule::module_status` once that lands), so the two can never disagree.
//!
//! Rules (policy 1.6: "ved ansættelse" and "løbende"):
//! - the onboarding module is due `onboarding_days` after the start date;
//! - a refresher never passed is due `every_months` after the start date; once passed, it is
//!   due `every_months` after the last pass;
//! - a pass of an older version than the current one does not count: the module is due again
//!   `onboarding_days` after the new version appeared (the first time the collection shows
//!   anyone taking it);
//! - without a roster the start date is unknown, and the learner's first record stands in.
//!
//! Dates are calendar dates in Copenhagen time.

use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

/// The schedule's parameters.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Days from the start date within which onboarding must be passed.
    pub onboarding_days: u32,
}

impl Default for Rules {
    /// Onboarding within 30 days.
    fn default() -> Self {
        Rules {
            onboarding_days: 30,
        }
    }
}

/// A module's schedule facts.
#[derive(Debug, Clone, Copy)]
pub struct ModuleRule {
    /// The current version.
    pub version: u32,
    /// Months between refreshers; `None` for onboarding.
    pub every_months: Option<u32>,
    /// When the current version first appeared, if known.
    pub version_since: Option<Date>,
}

/// What the learner has done in a module.
#[derive(Debug, Clone, Copy, Default)]
pub struct History {
    /// The date and version of the learner's last pass.
    pub last_pass: Option<(Date, u32)>,
}

/// A module's status for one learner on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Passed and not yet due; due again on the date, if it repeats.
    Done {
        /// When it is due next.
        next: Option<Date>,
    },
    /// To be taken by the date.
    Due {
        /// The deadline.
        by: Date,
    },
    /// Past its deadline since the date.
    Overdue {
        /// The deadline that passed.
        since: Date,
    },
}

/// The status of a module for a learner who started on `start`, on the day `today`.
pub fn module_status(
    rules: Rules,
    module: ModuleRule,
    start: Date,
    history: History,
    today: Date,
) -> Status {
    let grace = Span::new().days(i64::from(rules.onboarding_days));
    let months = |n: u32| Span::new().months(i64::from(n));
    let deadline = match (history.last_pass, module.every_months) {
        (Some((_, v)), _) if v < module.version => {
            let appeared = module.version_since.unwrap_or(today).max(start);
            Some(add(appeared, grace))
        }
        (Some(_), None) => None,
        (Some((passed, _)), Some(every)) => Some(add(passed, months(every))),
        (None, None) => Some(add(start, grace)),
        (None, Some(every)) => Some(add(start, months(every))),
    };
    match deadline {
        None => Status::Done { next: None },
        Some(d) if history.last_pass.is_some_and(|(_, v)| v >= module.version) && d > today => {
            Status::Done { next: Some(d) }
        }
        Some(d) if d < today => Status::Overdue { since: d },
        Some(d) => Status::Due { by: d },
    }
}

/// Adds a span to a date, saturating at the end of jiff's range (years 9999) instead of
/// failing: a deadline that far away is simply never reached.
fn add(date: Date, span: Span) -> Date {
    date.checked_add(span).unwrap_or(Date::MAX)
}

/// The Copenhagen calendar date of a UTC second; out-of-range seconds clamp to jiff's range.
pub fn local_date(seconds: i64) -> Date {
    let ts = Timestamp::from_second(seconds).unwrap_or(if seconds < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    ts.to_zoned_datetime(copenhagen()).date()
}

/// The Europe/Copenhagen time zone (bundled tzdb), UTC should the bundle lack it. Looked up
/// once: the report converts every record's time.
pub fn copenhagen() -> TimeZone {
    static TZ: LazyLock<TimeZone> =
        LazyLock::new(|| TimeZone::get("Europe/Copenhagen").unwrap_or(TimeZone::UTC));
    TZ.clone()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    const ONBOARDING: ModuleRule = ModuleRule {
        version: 1,
        every_months: None,
        version_since: None,
    };
    const YEARLY: ModuleRule = ModuleRule {
        version: 2,
        every_months: Some(12),
        version_since: Some(date(2024, 3, 1)),
    };

    fn status(m: ModuleRule, start: Date, last: Option<(Date, u32)>, today: Date) -> Status {
        module_status(
            Rules::default(),
            m,
            start,
            History { last_pass: last },
            today,
        )
    }

    #[test]
    fn onboarding_is_due_within_thirty_days_then_overdue() {
        let start = date(2024, 1, 10);
        assert_eq!(
            status(ONBOARDING, start, None, date(2024, 1, 20)),
            Status::Due {
                by: date(2024, 2, 9)
            }
        );
        assert_eq!(
            status(ONBOARDING, start, None, date(2024, 2, 10)),
            Status::Overdue {
                since: date(2024, 2, 9)
            }
        );
        assert_eq!(
            status(
                ONBOARDING,
                start,
                Some((date(2024, 1, 12), 1)),
                date(2026, 1, 1)
            ),
            Status::Done { next: None }
        );
    }

    #[test]
    fn refreshers_repeat_after_the_last_pass() {
        let start = date(2020, 1, 1);
        let last = Some((date(2024, 5, 2), 2));
        assert_eq!(
            status(YEARLY, start, last, date(2025, 1, 1)),
            Status::Done {
                next: Some(date(2025, 5, 2))
            }
        );
        assert_eq!(
            status(YEARLY, start, last, date(2025, 6, 1)),
            Status::Overdue {
                since: date(2025, 5, 2)
            }
        );
        // Never passed: due a year after starting.
        assert_eq!(
            status(YEARLY, date(2024, 6, 1), None, date(2025, 1, 1)),
            Status::Due {
                by: date(2025, 6, 1)
            }
        );
    }

    #[test]
    fn a_new_version_makes_it_due_again() {
        // Passed version 1 in February; version 2 appeared on 1 March: due 30 days later.
        let last = Some((date(2024, 2, 1), 1));
        assert_eq!(
            status(YEARLY, date(2020, 1, 1), last, date(2024, 3, 15)),
            Status::Due {
                by: date(2024, 3, 31)
            }
        );
        assert_eq!(
            status(YEARLY, date(2020, 1, 1), last, date(2024, 4, 1)),
            Status::Overdue {
                since: date(2024, 3, 31)
            }
        );
    }

    #[test]
    fn local_dates_are_copenhagen_dates() {
        // 2024-06-30 22:30 UTC is already 1 July in Copenhagen (UTC+2 in summer).
        assert_eq!(local_date(1_719_786_600), date(2024, 7, 1));
        assert_eq!(
            local_date(i64::MAX),
            Timestamp::MAX.to_zoned_datetime(copenhagen()).date()
        );
    }
}
