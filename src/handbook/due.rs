//! When each handbook document's own next review is due (policy 1.8: the policy at least every
//! second year, the regulativ at least once a year; 1.5: the IT-security function keeps it up
//! to date). The same calendar rules as the learner's schedule: Europe/Copenhagen dates, month
//! arithmetic clamped to the month's end (a policy revised 29 February 2024 is due
//! 28 February 2026), the deadline itself still on time.

use jiff::civil::Date;
use serde::Serialize;

use super::Document;
use crate::lang::Lang;
use crate::schedule::{add_days, add_months, format_date};

/// Days before the due date that a review shows as coming up: a revision takes time to
/// prepare and approve.
pub const REMIND_DAYS: u32 = 90;

/// Where a document's review stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum ReviewState {
    /// Due later than [`REMIND_DAYS`] from today.
    Later,
    /// Due within [`REMIND_DAYS`] (or today).
    Soon,
    /// The due date has passed; overdue since the day after it.
    Overdue {
        /// The first day it was overdue.
        #[serde(serialize_with = "iso_date")]
        since: Date,
    },
}

/// A document's last revision, its next review and where that stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReviewDue {
    /// The date of the revision in force.
    #[serde(serialize_with = "iso_date")]
    pub revised: Date,
    /// The last day the next review is on time.
    #[serde(serialize_with = "iso_date")]
    pub due: Date,
    /// Where it stands today.
    #[serde(flatten)]
    pub state: ReviewState,
}

/// `YYYY-MM-DD` in JSON.
#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde hands `serialize_with` a reference"
)]
fn iso_date<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// The next review of a document revised on `revised` and reviewed every `every_months`.
pub fn review_due(revised: Date, every_months: u32, today: Date) -> ReviewDue {
    let due = add_months(revised, every_months);
    let state = if today > due {
        ReviewState::Overdue {
            since: add_days(due, 1),
        }
    } else if add_days(today, REMIND_DAYS) >= due {
        ReviewState::Soon
    } else {
        ReviewState::Later
    };
    ReviewDue {
        revised,
        due,
        state,
    }
}

impl Document {
    /// This document's next review as of `today`.
    pub fn review_due(&self, today: Date) -> ReviewDue {
        review_due(self.revised, self.review_every_months, today)
    }
}

impl ReviewDue {
    /// "Senest revideret 28. november 2026; næste revurdering senest 28. november 2028
    /// (hver 24. måned)", and overdue in words when it is.
    pub fn to_line(&self, every_months: u32, lang: Lang) -> String {
        let d = |date: Date| format_date(date, lang);
        let base = match lang {
            Lang::Da => format!(
                "Senest revideret {}; næste revurdering senest {} (hver {every_months}. måned)",
                d(self.revised),
                d(self.due)
            ),
            Lang::En => format!(
                "Last revised {}; next review due by {} (every {every_months} months)",
                d(self.revised),
                d(self.due)
            ),
        };
        match (self.state, lang) {
            (ReviewState::Later, _) => base,
            (ReviewState::Soon, Lang::Da) => format!("{base}. Revurderingen nærmer sig."),
            (ReviewState::Soon, Lang::En) => format!("{base}. The review is coming up."),
            (ReviewState::Overdue { since }, Lang::Da) => {
                format!(
                    "{base}. FORSINKET: revurderingen er forsinket siden {}.",
                    d(since)
                )
            }
            (ReviewState::Overdue { since }, Lang::En) => {
                format!("{base}. OVERDUE: the review is overdue since {}.", d(since))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn due_dates_follow_the_interval_over_month_ends_and_leap_years() {
        // (revised, every months, due)
        let table = [
            // the policy: every second year
            (date(2024, 2, 29), 24, date(2026, 2, 28)),
            (date(2026, 11, 28), 24, date(2028, 11, 28)),
            (date(2026, 2, 28), 24, date(2028, 2, 28)),
            (date(2022, 2, 28), 24, date(2024, 2, 28)),
            // the regulativ: every year
            (date(2024, 2, 29), 12, date(2025, 2, 28)),
            (date(2023, 2, 28), 12, date(2024, 2, 28)),
            (date(2025, 12, 31), 12, date(2026, 12, 31)),
            // rules, as the organisation sets them
            (date(2026, 1, 31), 1, date(2026, 2, 28)),
            (date(2028, 1, 31), 1, date(2028, 2, 29)),
            (date(2026, 8, 31), 6, date(2027, 2, 28)),
            (date(2026, 3, 31), 18, date(2027, 9, 30)),
            (date(2027, 10, 31), 4, date(2028, 2, 29)),
        ];
        for (revised, months, due) in table {
            assert_eq!(
                review_due(revised, months, revised).due,
                due,
                "{revised} + {months} months"
            );
        }
    }

    #[test]
    fn the_due_date_itself_is_on_time_and_the_day_after_is_overdue() {
        let revised = date(2024, 2, 29);
        let due = date(2026, 2, 28);
        let at = |today| review_due(revised, 24, today).state;
        // 90 days before 28 February 2026 is 30 November 2025.
        assert_eq!(at(date(2025, 11, 30)), ReviewState::Soon);
        assert_eq!(at(date(2025, 11, 29)), ReviewState::Later);
        assert_eq!(at(due), ReviewState::Soon);
        assert_eq!(
            at(date(2026, 3, 1)),
            ReviewState::Overdue {
                since: date(2026, 3, 1)
            }
        );
        // Late on the due date in UTC is already the next day in Copenhagen: overdue.
        let late: jiff::Timestamp = "2026-02-28T23:30:00Z".parse().expect("a timestamp");
        let today = late.to_zoned_datetime(crate::schedule::copenhagen()).date();
        assert_eq!(
            at(today),
            ReviewState::Overdue {
                since: date(2026, 3, 1)
            }
        );
        let line = review_due(revised, 24, date(2026, 6, 1)).to_line(24, Lang::Da);
        assert_eq!(
            line,
            "Senest revideret 29. februar 2024; næste revurdering senest 28. februar 2026 \
             (hver 24. måned). FORSINKET: revurderingen er forsinket siden 1. marts 2026."
        );
    }
}
