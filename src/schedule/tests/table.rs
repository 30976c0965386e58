//! The table of cases that pins the schedule's rules, run through [`plan`] as the callers do.

use super::*;

struct Case {
    name: &'static str,
    set: &'static [Spec],
    /// (module, version, Copenhagen wall-clock finish time, passed)
    attempts: &'static [(&'static str, u32, &'static str, bool)],
    start: &'static str,
    today: &'static str,
    /// `Rules::version_since` for every module of the set.
    since: Option<&'static str>,
    module: &'static str,
    expect: State,
}

#[expect(clippy::too_many_lines, reason = "one table, read top to bottom")]
fn cases() -> Vec<Case> {
    let base = Case {
        name: "",
        set: STD,
        attempts: &[],
        start: "2025-01-06",
        today: "2025-01-06",
        since: None,
        module: "intro",
        expect: State::Waiting { from: None },
    };
    vec![
        Case {
            name: "onboarding never started, first day",
            expect: due("2025-01-20", FIRST),
            ..base
        },
        Case {
            name: "onboarding on its deadline is still due",
            today: "2025-01-20",
            expect: due("2025-01-20", FIRST),
            ..base
        },
        Case {
            name: "onboarding the day after its deadline",
            today: "2025-01-21",
            expect: overdue("2025-01-21", FIRST),
            ..base
        },
        Case {
            name: "start date in the future: onboarding waits for it",
            today: "2024-12-20",
            expect: State::Waiting {
                from: Some(d("2025-01-06")),
            },
            ..base
        },
        Case {
            name: "start date in the future: refresher waits for onboarding",
            today: "2024-12-20",
            module: "r12",
            ..base
        },
        Case {
            name: "failed onboarding stays due",
            attempts: &[("intro", 1, "2025-01-10 09:00", false)],
            today: "2025-01-12",
            expect: due("2025-01-20", FIRST),
            ..base
        },
        Case {
            name: "failed onboarding becomes overdue",
            attempts: &[("intro", 1, "2025-01-10 09:00", false)],
            today: "2025-02-01",
            expect: overdue("2025-01-21", FIRST),
            ..base
        },
        Case {
            name: "passed onboarding never expires",
            attempts: &[
                ("intro", 1, "2025-01-10 09:00", false),
                ("intro", 1, "2025-01-11 09:00", true),
            ],
            today: "2035-01-01",
            expect: passed("2025-01-11", 1, None),
            ..base
        },
        Case {
            name: "a pass recorded after `today` does not count yet",
            attempts: &[("intro", 1, "2025-01-11 09:00", true)],
            today: "2025-01-10",
            expect: due("2025-01-20", FIRST),
            ..base
        },
        Case {
            name: "refresher waits until onboarding is passed",
            attempts: &[("intro", 1, "2025-01-10 09:00", false)],
            today: "2025-03-01",
            module: "r12",
            ..base
        },
        Case {
            name: "first refresher due 30 days after onboarding",
            attempts: &[("intro", 1, "2025-01-15 14:00", true)],
            today: "2025-01-15",
            module: "r12",
            expect: due("2025-02-14", FIRST),
            ..base
        },
        Case {
            name: "first refresher overdue after its 30 days",
            attempts: &[("intro", 1, "2025-01-15 14:00", true)],
            today: "2025-02-15",
            module: "r12",
            expect: overdue("2025-02-15", FIRST),
            ..base
        },
        Case {
            name: "refresher passed a year ago or less is valid",
            attempts: &[
                ("intro", 1, "2024-02-01 09:00", true),
                ("r12", 1, "2024-03-10 09:00", true),
            ],
            today: "2025-02-07",
            module: "r12",
            expect: passed("2024-03-10", 1, Some("2025-03-10")),
            ..base
        },
        Case {
            name: "refresher shows as due 30 days before it expires",
            attempts: &[
                ("intro", 1, "2024-02-01 09:00", true),
                ("r12", 1, "2024-03-10 09:00", true),
            ],
            today: "2025-02-08",
            module: "r12",
            expect: due("2025-03-10", renewal("2024-03-10")),
            ..base
        },
        Case {
            name: "refresher is overdue the day after it expires",
            attempts: &[
                ("intro", 1, "2024-02-01 09:00", true),
                ("r12", 1, "2024-03-10 09:00", true),
            ],
            today: "2025-03-11",
            module: "r12",
            expect: overdue("2025-03-11", renewal("2024-03-10")),
            ..base
        },
        Case {
            name: "a failed retake does not cancel a valid pass",
            attempts: &[
                ("intro", 1, "2024-02-01 09:00", true),
                ("r12", 1, "2024-03-10 09:00", true),
                ("r12", 1, "2024-06-01 09:00", false),
            ],
            today: "2024-06-02",
            module: "r12",
            expect: passed("2024-03-10", 1, Some("2025-03-10")),
            ..base
        },
        Case {
            name: "a failed renewal keeps it due",
            attempts: &[
                ("intro", 1, "2024-02-01 09:00", true),
                ("r12", 1, "2024-03-10 09:00", true),
                ("r12", 1, "2025-03-01 09:00", false),
            ],
            today: "2025-03-02",
            module: "r12",
            expect: due("2025-03-10", renewal("2024-03-10")),
            ..base
        },
        Case {
            name: "a passed renewal counts a year from its own date",
            attempts: &[
                ("intro", 1, "2024-02-01 09:00", true),
                ("r12", 1, "2024-03-10 09:00", true),
                ("r12", 1, "2025-03-01 09:00", false),
                ("r12", 1, "2025-03-05 09:00", true),
            ],
            today: "2025-03-06",
            module: "r12",
            expect: passed("2025-03-05", 1, Some("2026-03-05")),
            ..base
        },
        Case {
            name: "month end: 31 January + 1 month is 28 February",
            attempts: &[
                ("intro", 1, "2025-01-06 09:00", true),
                ("r1", 1, "2025-01-31 09:00", true),
            ],
            today: "2025-02-28",
            module: "r1",
            expect: due("2025-02-28", renewal("2025-01-31")),
            ..base
        },
        Case {
            name: "month end in a leap year: 31 January + 1 month is 29 February",
            attempts: &[
                ("intro", 1, "2024-01-06 09:00", true),
                ("r1", 1, "2024-01-31 09:00", true),
            ],
            start: "2024-01-06",
            today: "2024-03-01",
            module: "r1",
            expect: overdue("2024-03-01", renewal("2024-01-31")),
            ..base
        },
        Case {
            name: "leap day + 12 months is 28 February",
            attempts: &[
                ("intro", 1, "2024-01-06 09:00", true),
                ("r12", 1, "2024-02-29 09:00", true),
            ],
            start: "2024-01-06",
            today: "2025-03-01",
            module: "r12",
            expect: overdue("2025-03-01", renewal("2024-02-29")),
            ..base
        },
        Case {
            name: "new onboarding version without a date: the old pass stands",
            set: BUMPED,
            attempts: &[("intro", 1, "2025-01-10 09:00", true)],
            today: "2025-06-10",
            expect: passed("2025-01-10", 1, None),
            ..base
        },
        Case {
            name: "new onboarding version: due within the grace period",
            set: BUMPED,
            attempts: &[("intro", 1, "2025-01-10 09:00", true)],
            today: "2025-06-10",
            since: Some("2025-06-01"),
            expect: due("2025-07-01", NEW_FROM_1),
            ..base
        },
        Case {
            name: "new onboarding version: overdue after the grace period",
            set: BUMPED,
            attempts: &[("intro", 1, "2025-01-10 09:00", true)],
            today: "2025-07-02",
            since: Some("2025-06-01"),
            expect: overdue("2025-07-02", NEW_FROM_1),
            ..base
        },
        Case {
            name: "new version dated after today does not apply yet",
            set: BUMPED,
            attempts: &[("intro", 1, "2025-01-10 09:00", true)],
            today: "2025-05-31",
            since: Some("2025-06-01"),
            expect: passed("2025-01-10", 1, None),
            ..base
        },
        Case {
            name: "new onboarding version passed",
            set: BUMPED,
            attempts: &[
                ("intro", 1, "2025-01-10 09:00", true),
                ("intro", 2, "2025-06-12 09:00", true),
            ],
            today: "2025-07-02",
            since: Some("2025-06-01"),
            expect: passed("2025-06-12", 2, None),
            ..base
        },
        Case {
            name: "a record of a newer version than the set's counts as current",
            attempts: &[("intro", 3, "2025-01-10 09:00", true)],
            today: "2025-02-01",
            expect: passed("2025-01-10", 3, None),
            ..base
        },
        Case {
            name: "refresher version bump: the regular expiry wins if sooner",
            set: BUMPED,
            attempts: &[
                ("intro", 2, "2024-02-01 09:00", true),
                ("r12", 1, "2024-03-10 09:00", true),
            ],
            today: "2025-03-02",
            since: Some("2025-03-01"),
            module: "r12",
            expect: due("2025-03-10", NEW_FROM_1),
            ..base
        },
        Case {
            name: "refresher version bump: grace when the pass is recent",
            set: BUMPED,
            attempts: &[
                ("intro", 2, "2024-02-01 09:00", true),
                ("r12", 1, "2024-11-10 09:00", true),
            ],
            today: "2025-03-02",
            since: Some("2025-03-01"),
            module: "r12",
            expect: due("2025-03-31", NEW_FROM_1),
            ..base
        },
        Case {
            name: "refresher version bump without a date: old pass valid until expiry",
            set: BUMPED,
            attempts: &[
                ("intro", 2, "2024-02-01 09:00", true),
                ("r12", 1, "2024-11-10 09:00", true),
            ],
            today: "2025-03-02",
            module: "r12",
            expect: passed("2024-11-10", 1, Some("2025-11-10")),
            ..base
        },
        Case {
            name: "an older onboarding version still counts as onboarded",
            set: BUMPED,
            attempts: &[("intro", 1, "2025-01-10 09:00", true)],
            today: "2025-01-12",
            module: "r12",
            expect: due("2025-02-09", FIRST),
            ..base
        },
        Case {
            name: "two onboarding modules: refresher waits for both",
            set: TWO_INTROS,
            attempts: &[("intro", 1, "2025-01-10 09:00", true)],
            today: "2025-01-12",
            module: "r12",
            ..base
        },
        Case {
            name: "two onboarding modules: refresher counts from the later pass",
            set: TWO_INTROS,
            attempts: &[
                ("intro-b", 1, "2025-01-08 09:00", true),
                ("intro", 1, "2025-01-10 09:00", true),
                ("intro-b", 1, "2025-01-11 09:00", true),
            ],
            today: "2025-01-12",
            module: "r12",
            expect: due("2025-02-09", FIRST),
            ..base
        },
        Case {
            name: "no onboarding module in the set: refresher counts from start",
            set: NO_INTRO,
            today: "2025-01-06",
            module: "r12",
            expect: due("2025-02-05", FIRST),
            ..base
        },
        Case {
            name: "no onboarding module, future start: refresher waits for start",
            set: NO_INTRO,
            today: "2025-01-01",
            module: "r12",
            expect: State::Waiting {
                from: Some(d("2025-01-06")),
            },
            ..base
        },
        Case {
            name: "DST: onboarding deadline across the spring change is 14 calendar days",
            start: "2025-03-25",
            today: "2025-04-08",
            expect: due("2025-04-08", FIRST),
            ..base
        },
        Case {
            name: "DST: a pass at 00:30 summer time counts on that Copenhagen day",
            attempts: &[
                ("intro", 1, "2025-01-06 09:00", true),
                ("r12", 1, "2025-07-01 00:30", true),
            ],
            today: "2025-07-01",
            module: "r12",
            expect: passed("2025-07-01", 1, Some("2026-07-01")),
            ..base
        },
    ]
}

#[test]
fn schedule_table() {
    let mut failures = Vec::new();
    for case in cases() {
        let modules: Vec<Module> = case
            .set
            .iter()
            .map(|&(id, v, kind)| module(id, v, kind))
            .collect();
        let attempts: Vec<FinishedAttempt> = case
            .attempts
            .iter()
            .map(|&(m, v, t, p)| attempt(m, v, cph(t), p))
            .collect();
        let mut rules = Rules::default();
        if let Some(since) = case.since {
            for m in &modules {
                rules.version_since.insert(m.id.clone(), d(since));
            }
        }
        let statuses = plan(&modules, &attempts, d(case.start), &rules, d(case.today));
        let got = statuses
            .iter()
            .find(|(id, _)| id == case.module)
            .map(|(_, s)| s.state);
        if got != Some(case.expect) {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name, case.expect, got
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
