//! Where each module stands for the learner, as the home screen shows it: the schedule's
//! status (`crate::schedule` decides; nothing here changes a date), a symbol that carries it
//! without colour, its words, and which module to preselect as the next thing to do.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::config::Config;
use crate::course::CourseSet;
use crate::lang::Lang;
use crate::safe_text::sanitize;
use crate::schedule::{self, Rules, State, Status};

use crate::attempt::FinishedAttempt;
use crate::verdict::{CourseIndex, Judged};

/// The schedule's rules with what the configuration sets, and the days new module versions
/// came into use.
pub fn rules(config: &Config, version_since: &BTreeMap<String, Date>) -> Rules {
    let mut rules = Rules {
        version_since: version_since.clone(),
        ..Rules::default()
    };
    if let Some(days) = config.onboarding_days {
        rules.onboarding_days = days;
    }
    rules
}

/// Every module's status, in the order of `courses.modules`. Without a learner (before the
/// first start is done) every module is waiting. Each attempt of `history` is judged by the
/// verdict with `judge` (as of the end of `today`): one that does not count never passes a
/// module, as in the report.
pub fn statuses(
    courses: &CourseSet,
    judge: &CourseIndex,
    history: &[FinishedAttempt],
    config: &Config,
    version_since: &BTreeMap<String, Date>,
    today: Date,
) -> Vec<Status> {
    let Some(learner) = &config.learner else {
        return courses
            .modules
            .iter()
            .map(|_| Status {
                state: State::Waiting { from: None },
                last_attempt: None,
            })
            .collect();
    };
    let judged = Judged::all(judge, history, end_of(today));
    schedule::plan(
        courses.modules.iter().map(|m| &m.module),
        &judged,
        learner.start_date,
        &rules(config, version_since),
        today,
    )
    .into_iter()
    .map(|(_, status)| status)
    .collect()
}

/// The last second of `today` in Copenhagen, as UTC seconds: the moment the learner's own
/// verdicts are taken at (only the rule for future times looks at it).
pub(crate) fn end_of(today: Date) -> i64 {
    today
        .tomorrow()
        .ok()
        .and_then(|d| {
            schedule::copenhagen()
                .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .ok()
        })
        .map_or(i64::MAX, |t| t.as_second() - 1)
}

/// A symbol for the status that reads without colour.
pub fn symbol(status: &Status) -> &'static str {
    let failed_last = status.last_attempt.is_some_and(|a| !a.passed);
    match status.state {
        State::Passed { .. } => "✓",
        State::Overdue { .. } => "!",
        State::Due { .. } if failed_last => "✗",
        State::Due { .. } => "◔",
        State::Waiting { .. } => "○",
    }
}

/// The status in words (the schedule's wording, without the module title), starting with a
/// capital letter.
pub fn describe(module: &crate::course::Module, status: &Status, lang: Lang) -> String {
    let line = schedule::status_line(module, status, lang);
    let title = sanitize(module.title.get(lang), true);
    let rest = line
        .strip_prefix(&format!("{title}: "))
        .unwrap_or(&line)
        .to_owned();
    let mut chars = rest.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The status in a few words, for the home screen's list, where the full wording does not fit
/// at 80 columns: "Senest 15. dec.", "Forfalden siden 5. dec.", "Bestået, til 15. dec. 2026",
/// "Efter introduktionen". The year is left out when it is this year. The selected module's
/// full status ([`describe`]) is shown under the list.
pub fn brief(status: &Status, lang: Lang, today: Date) -> String {
    let date = |d: Date| short_date(d, lang, today);
    match status.state {
        State::Waiting { from: None } => lang
            .pick("Efter introduktionen", "After onboarding")
            .to_owned(),
        State::Waiting { from: Some(day) } => match lang {
            Lang::Da => format!("Fra {}", date(day)),
            Lang::En => format!("From {}", date(day)),
        },
        State::Passed {
            valid_until: Some(until),
            ..
        } => match lang {
            Lang::Da => format!("Bestået, til {}", date(until)),
            Lang::En => format!("Passed, until {}", date(until)),
        },
        State::Passed {
            on,
            valid_until: None,
            ..
        } => match lang {
            Lang::Da => format!("Bestået {}", date(on)),
            Lang::En => format!("Passed {}", date(on)),
        },
        State::Due { by, .. } => match lang {
            Lang::Da => format!("Senest {}", date(by)),
            Lang::En => format!("Due by {}", date(by)),
        },
        State::Overdue { since, .. } => match lang {
            Lang::Da => format!("Forfalden siden {}", date(since)),
            Lang::En => format!("Overdue since {}", date(since)),
        },
    }
}

/// "15. dec." (this year) or "15. dec. 2026"; "15 Dec" or "15 Dec 2026".
fn short_date(d: Date, lang: Lang, today: Date) -> String {
    if d.year() == today.year() {
        day_month(d, lang)
    } else {
        short_date_with_year(d, lang)
    }
}

/// "15. dec. 2026", "15 Dec 2026": a date short enough for a list, with its year (records are
/// listed over the years).
pub fn short_date_with_year(d: Date, lang: Lang) -> String {
    format!("{} {}", day_month(d, lang), d.year())
}

/// "15. dec.", "15 Dec".
fn day_month(d: Date, lang: Lang) -> String {
    const DA: [&str; 12] = [
        "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // `month()` is 1..=12 for every jiff date, so the index is in range.
    let i = usize::try_from(d.month() - 1).unwrap_or(0).min(11);
    match lang {
        Lang::Da => format!("{}. {}", d.day(), DA[i]),
        Lang::En => format!("{} {}", d.day(), EN[i]),
    }
}

/// The module to take next: overdue before due before waiting, the earliest deadline first,
/// then the first in the list; never one that is passed.
pub fn next_module(statuses: &[Status]) -> Option<usize> {
    statuses
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let rank = match s.state {
                State::Overdue { since, .. } => (0, Some(since)),
                State::Due { by, .. } => (1, Some(by)),
                State::Waiting { from } => (2, from),
                State::Passed { .. } => return None,
            };
            Some((rank, i))
        })
        .min()
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Effect, Message, Model, Screen, Step, update};
    use crate::config::Learner;
    use crate::course::Role;
    use crate::schedule::{Reason, Urgency};
    use jiff::civil::date;

    fn st(state: State) -> Status {
        Status {
            state,
            last_attempt: None,
        }
    }

    #[test]
    fn the_most_urgent_unpassed_module_is_next() {
        let d = date(2025, 1, 1);
        let e = date(2025, 2, 1);
        let reason = Reason::FirstTime;
        let statuses = [
            st(State::Passed {
                on: d,
                version: 1,
                valid_until: None,
            }),
            st(State::Waiting { from: None }),
            st(State::Due { by: e, reason }),
            st(State::Due { by: d, reason }),
            st(State::Overdue { since: e, reason }),
        ];
        assert_eq!(next_module(&statuses), Some(4));
        assert_eq!(next_module(&statuses[..4]), Some(3));
        assert_eq!(next_module(&statuses[..2]), Some(1));
        assert_eq!(next_module(&statuses[..1]), None);
    }

    /// The tests' onboarding module and a managers' refresher.
    fn with_managers_module() -> CourseSet {
        CourseSet::from_sources([
            (
                "intro.ron".to_owned(),
                include_bytes!("../../tests/fixtures/tui/intro.ron").as_slice(),
            ),
            (
                "leder.ron".to_owned(),
                include_bytes!("../../tests/fixtures/tui/leder.ron").as_slice(),
            ),
        ])
        .expect("the fixture courses are valid")
    }

    fn model(role: Role, history: Vec<FinishedAttempt>) -> Model {
        let config = Config {
            learner: Some(Learner {
                employee_id: "ab12".into(),
                forvaltning: "Økonomiforvaltningen".into(),
                start_date: date(2025, 11, 1),
                role,
            }),
            ..Config::default()
        };
        Model::new(
            with_managers_module(),
            config,
            history,
            date(2025, 12, 1),
            "ab12",
        )
    }

    fn ids(model: &Model) -> Vec<&str> {
        model
            .courses
            .modules
            .iter()
            .map(|m| m.module.id.as_str())
            .collect()
    }

    #[test]
    fn a_managers_module_is_due_for_a_manager_only() {
        // The onboarding passed on 10 November 2025 (09:00 UTC): the refreshers open.
        let set = with_managers_module();
        let pass = FinishedAttempt::honest_pass(&set.modules[0], 1_762_765_200);
        let employee = model(Role::Employee, vec![pass.clone()]);
        assert_eq!(ids(&employee), ["tui-intro"], "not on an employee's list");
        assert_eq!(employee.progress(), (1, 1), "nor counted in »1 af 1«");
        assert_eq!(schedule::worst(&employee.statuses()), Urgency::Nothing);
        let manager = model(Role::Manager, vec![pass]);
        assert_eq!(ids(&manager), ["tui-intro", "tui-leder"]);
        assert_eq!(manager.progress(), (1, 2));
        assert_eq!(
            manager.statuses()[1].state,
            State::Due {
                by: date(2025, 12, 10),
                reason: Reason::FirstTime
            }
        );
        assert_eq!(manager.next_module(), Some(1), "and it is the next to take");
    }

    #[test]
    fn changing_the_role_in_the_settings_changes_the_modules() {
        let mut m = model(Role::Employee, Vec::new());
        let role_line = Step::FIELDS
            .iter()
            .position(|s| *s == Step::Role)
            .expect("the role is a field");
        for msg in [
            Message::OpenSettings,
            Message::Pick(role_line),
            Message::Confirm,
            Message::Pick(1),
        ] {
            assert_eq!(update(&mut m, msg), None);
        }
        let Some(Effect::SaveConfig(saved)) = update(&mut m, Message::Confirm) else {
            panic!("the role is saved");
        };
        assert_eq!(saved.learner.map(|l| l.role), Some(Role::Manager));
        assert_eq!(ids(&m), ["tui-intro", "tui-leder"]);
        update(&mut m, Message::Back);
        assert!(matches!(m.screen, Screen::Home));
        assert!(m.home < m.courses.modules.len());
    }
}
