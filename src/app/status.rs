//! Where each module stands for the learner, as the home screen shows it.
//!
//! PLACEHOLDER: the rules here are a stand-in until `crate::schedule` (branch `schedule`)
//! lands; then `module_status` delegates to it and only the mapping to [`ModuleStatus`] stays.
//! Stand-in rules: a pass of the module's current version counts; a refresher's pass is valid
//! for its interval; an unpassed module is due `onboarding_days` (default 30) after the start
//! date (refreshers: after their interval); past that date it is overdue.

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::PastAttempt;
use crate::config::Config;
use crate::course::{Module, ModuleKind};
use crate::lang::Lang;

/// Days from the start date to the onboarding deadline when the configuration says nothing.
const DEFAULT_ONBOARDING_DAYS: u32 = 30;

/// Where a module stands for the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleStatus {
    /// Never attempted; must be passed by the date, if there is one.
    NotStarted {
        /// The deadline.
        due: Option<Date>,
    },
    /// Attempted or expired, not passed yet, deadline ahead.
    Due {
        /// The deadline.
        by: Date,
    },
    /// The deadline has passed.
    Overdue {
        /// The deadline that passed.
        since: Date,
    },
    /// Passed and still valid.
    Passed {
        /// When a refresher must be taken again; `None` for onboarding.
        valid_until: Option<Date>,
    },
    /// The last attempt failed; must be passed by the date, if there is one.
    Failed {
        /// The deadline.
        due: Option<Date>,
    },
}

impl ModuleStatus {
    /// A symbol that carries the status without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            ModuleStatus::NotStarted { .. } => "○",
            ModuleStatus::Due { .. } => "◔",
            ModuleStatus::Overdue { .. } => "!",
            ModuleStatus::Passed { .. } => "✓",
            ModuleStatus::Failed { .. } => "✗",
        }
    }

    /// The status in words, with its date.
    pub fn describe(self, lang: Lang) -> String {
        let d = |date| super::texts::date(lang, date);
        match (self, lang) {
            (ModuleStatus::NotStarted { due: None }, Lang::Da) => "Ikke begyndt".into(),
            (ModuleStatus::NotStarted { due: None }, Lang::En) => "Not started".into(),
            (ModuleStatus::NotStarted { due: Some(x) }, Lang::Da) => {
                format!("Ikke begyndt · senest {}", d(x))
            }
            (ModuleStatus::NotStarted { due: Some(x) }, Lang::En) => {
                format!("Not started · due by {}", d(x))
            }
            (ModuleStatus::Due { by }, Lang::Da) => format!("Skal tages senest {}", d(by)),
            (ModuleStatus::Due { by }, Lang::En) => format!("Due by {}", d(by)),
            (ModuleStatus::Overdue { since }, Lang::Da) => {
                format!("Overskredet · skulle være taget {}", d(since))
            }
            (ModuleStatus::Overdue { since }, Lang::En) => {
                format!("Overdue · was due {}", d(since))
            }
            (ModuleStatus::Passed { valid_until: None }, Lang::Da) => "Bestået".into(),
            (ModuleStatus::Passed { valid_until: None }, Lang::En) => "Passed".into(),
            (
                ModuleStatus::Passed {
                    valid_until: Some(x),
                },
                Lang::Da,
            ) => {
                format!("Bestået · gælder til {}", d(x))
            }
            (
                ModuleStatus::Passed {
                    valid_until: Some(x),
                },
                Lang::En,
            ) => {
                format!("Passed · valid until {}", d(x))
            }
            (ModuleStatus::Failed { due: None }, Lang::Da) => "Ikke bestået sidst".into(),
            (ModuleStatus::Failed { due: None }, Lang::En) => "Last attempt failed".into(),
            (ModuleStatus::Failed { due: Some(x) }, Lang::Da) => {
                format!("Ikke bestået sidst · senest {}", d(x))
            }
            (ModuleStatus::Failed { due: Some(x) }, Lang::En) => {
                format!("Last attempt failed · due by {}", d(x))
            }
        }
    }

    /// Lower is more urgent; used to preselect the next thing to do.
    fn urgency(self) -> u8 {
        match self {
            ModuleStatus::Overdue { .. } => 0,
            ModuleStatus::Failed { .. } => 1,
            ModuleStatus::Due { .. } => 2,
            ModuleStatus::NotStarted { .. } => 3,
            ModuleStatus::Passed { .. } => 4,
        }
    }
}

/// The most urgent module not currently passed (the first of equals), if any.
pub fn next_module(statuses: &[ModuleStatus]) -> Option<usize> {
    statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| !matches!(s, ModuleStatus::Passed { .. }))
        .min_by_key(|(i, s)| (s.urgency(), *i))
        .map(|(i, _)| i)
}

/// PLACEHOLDER (see the module header): the status of `module` given the learner's history.
pub fn module_status(
    module: &Module,
    history: &[PastAttempt],
    config: &Config,
    today: Date,
) -> ModuleStatus {
    let mut of_this_version = history
        .iter()
        .filter(|p| p.module_id == module.id && p.module_version == module.version);
    let last_pass = of_this_version
        .clone()
        .filter(|p| p.passed)
        .map(|p| p.finished.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
        .max();
    let attempted = of_this_version.clone().next().is_some();
    let last_failed = of_this_version.next_back().is_some_and(|p| !p.passed);
    let start = config.learner.as_ref().map(|l| l.start_date);
    let first_due = start.and_then(|s| match module.kind {
        ModuleKind::Onboarding => {
            let days = config.onboarding_days.unwrap_or(DEFAULT_ONBOARDING_DAYS);
            s.checked_add(i64::from(days).days()).ok()
        }
        ModuleKind::Refresher { every_months } => {
            s.checked_add(i64::from(every_months).months()).ok()
        }
    });
    if let Some(passed_on) = last_pass {
        let Some(every) = module.every_months() else {
            return ModuleStatus::Passed { valid_until: None };
        };
        let until = passed_on.checked_add(i64::from(every).months()).ok();
        return match until {
            Some(until) if today > until => ModuleStatus::Overdue { since: until },
            valid_until => ModuleStatus::Passed { valid_until },
        };
    }
    match first_due {
        Some(due) if today > due => ModuleStatus::Overdue { since: due },
        due if last_failed => ModuleStatus::Failed { due },
        Some(by) if attempted => ModuleStatus::Due { by },
        due => ModuleStatus::NotStarted { due },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_urgent_unpassed_module_is_next() {
        let d = jiff::civil::date(2025, 1, 1);
        let statuses = [
            ModuleStatus::Passed { valid_until: None },
            ModuleStatus::NotStarted { due: Some(d) },
            ModuleStatus::Failed { due: Some(d) },
            ModuleStatus::Overdue { since: d },
            ModuleStatus::Overdue { since: d },
        ];
        assert_eq!(next_module(&statuses), Some(3));
        assert_eq!(next_module(&statuses[..3]), Some(2));
        assert_eq!(next_module(&statuses[..1]), None);
    }
}
