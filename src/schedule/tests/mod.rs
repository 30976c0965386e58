//! Tests of the schedule: the rules table (in `table`), date conversion and arithmetic, and
//! the status lines.

mod properties;
mod table;

use jiff::civil::{Date, DateTime};

use super::*;
use crate::course::{Module, ModuleKind, Text};
use crate::lang::Lang;

use ModuleKind::{Onboarding, Refresher};

type Spec = (&'static str, u32, ModuleKind);

/// The usual set: onboarding, a yearly and a monthly refresher, all at version 1.
const STD: &[Spec] = &[
    ("intro", 1, Onboarding),
    ("r12", 1, Refresher { every_months: 12 }),
    ("r1", 1, Refresher { every_months: 1 }),
];
/// The same set after new versions of the onboarding and the yearly refresher.
const BUMPED: &[Spec] = &[
    ("intro", 2, Onboarding),
    ("r12", 2, Refresher { every_months: 12 }),
];
/// Two onboarding modules and a refresher.
const TWO_INTROS: &[Spec] = &[
    ("intro", 1, Onboarding),
    ("intro-b", 1, Onboarding),
    ("r12", 1, Refresher { every_months: 12 }),
];
/// An organisation's set without onboarding.
const NO_INTRO: &[Spec] = &[("r12", 1, Refresher { every_months: 12 })];

fn module(id: &str, version: u32, kind: ModuleKind) -> Module {
    let text = |s: &str| Text {
        da: s.to_owned(),
        en: None,
    };
    Module {
        id: id.to_owned(),
        version,
        kind,
        audience: crate::course::Audience::Everyone,
        title: Text {
            da: format!("Modul {id}"),
            en: Some(format!("Module {id}")),
        },
        summary: text("-"),
        sections: vec!["1.6".to_owned()],
        lessons: Vec::new(),
        questions: Vec::new(),
        draw: 1,
        pass_mark: 50,
    }
}

fn d(s: &str) -> Date {
    s.parse().expect("test dates are valid")
}

/// UTC seconds of a wall-clock time in Copenhagen ("2025-01-10 09:00").
fn cph(s: &str) -> u64 {
    let dt: DateTime = s.parse().expect("test times are valid");
    let ts = copenhagen()
        .to_timestamp(dt)
        .expect("test times exist in Copenhagen");
    u64::try_from(ts.as_second()).expect("test times are after 1970")
}

/// UTC seconds of an instant written in UTC ("2025-03-29T23:30:00Z").
fn utc(s: &str) -> i64 {
    let ts: Timestamp = s.parse().expect("test instants are valid");
    ts.as_second()
}

fn attempt(module: &str, version: u32, finished: u64, passed: bool) -> FinishedAttempt {
    FinishedAttempt::sample(module, version, finished, passed)
}

/// No attempts, typed.
const NONE: &[FinishedAttempt] = &[];

fn due(by: &str, reason: Reason) -> State {
    State::Due { by: d(by), reason }
}
fn overdue(since: &str, reason: Reason) -> State {
    State::Overdue {
        since: d(since),
        reason,
    }
}
fn passed(on: &str, version: u32, valid_until: Option<&str>) -> State {
    State::Passed {
        on: d(on),
        version,
        valid_until: valid_until.map(d),
    }
}
fn renewal(on: &str) -> Reason {
    Reason::Renewal { passed: d(on) }
}

const FIRST: Reason = Reason::FirstTime;
const NEW_FROM_1: Reason = Reason::NewVersion { passed_version: 1 };

#[test]
fn month_arithmetic_clamps_to_the_month_end() {
    // Pinned so that a change in jiff's span arithmetic cannot slip through.
    assert_eq!(add_months(d("2025-01-31"), 1), d("2025-02-28"));
    assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
    assert_eq!(add_months(d("2024-02-29"), 12), d("2025-02-28"));
    assert_eq!(add_months(d("2024-02-29"), 48), d("2028-02-29"));
    assert_eq!(add_months(d("2025-03-31"), 6), d("2025-09-30"));
    assert_eq!(add_months(d("2025-08-31"), 6), d("2026-02-28"));
    assert_eq!(add_months(d("9999-06-01"), 12), Date::MAX, "saturates");
    assert_eq!(
        add_months(d("2025-01-01"), u32::MAX),
        Date::MAX,
        "beyond jiff's spans"
    );
    assert_eq!(add_days(d("2025-01-01"), u32::MAX), Date::MAX);
    assert_eq!(sub_days(d("2025-01-01"), u32::MAX), Date::MIN);
}

#[test]
fn finish_times_become_copenhagen_dates() {
    let tz = copenhagen();
    let on = |s: &str| local_date(utc(s), &tz);
    // Winter (UTC+1): 22:59:59 UTC is still 31 December; 23:00 UTC is New Year.
    assert_eq!(on("2025-12-31T22:59:59Z"), Some(d("2025-12-31")));
    assert_eq!(on("2025-12-31T23:00:00Z"), Some(d("2026-01-01")));
    // Summer (UTC+2): 22:00 UTC is already the next day.
    assert_eq!(on("2025-06-30T21:59:59Z"), Some(d("2025-06-30")));
    assert_eq!(on("2025-06-30T22:00:00Z"), Some(d("2025-07-01")));
    // The night of the spring change (02:00 → 03:00 on 30 March 2025).
    assert_eq!(on("2025-03-29T22:59:59Z"), Some(d("2025-03-29")));
    assert_eq!(on("2025-03-30T00:59:59Z"), Some(d("2025-03-30")));
    assert_eq!(on("2025-03-30T01:00:00Z"), Some(d("2025-03-30")));
    // No real attempt has these times; they are left out rather than panicking.
    assert_eq!(local_date(i64::MAX, &tz), None);
    assert_eq!(local_date(i64::MIN, &tz), None);
    assert_eq!(local_date(400_000_000_000, &tz), None);
}

#[test]
fn the_posix_fallback_agrees_with_the_tz_database() {
    let db = TimeZone::get("Europe/Copenhagen").expect("jiff bundles the tz database");
    let posix = TimeZone::posix(COPENHAGEN_POSIX).expect("the constant parses");
    // Every hour of 2000–2030 lands on the same date in both.
    let mut t = utc("2000-01-01T00:00:00Z");
    let end = utc("2030-12-31T23:00:00Z");
    while t < end {
        assert_eq!(local_date(t, &db), local_date(t, &posix), "at {t}");
        t += 3600;
    }
}

#[test]
fn unrepresentable_finish_times_are_ignored() {
    let m = module("intro", 1, Onboarding);
    let attempts = [attempt("intro", 1, u64::MAX, true)];
    let learner = LearnerDates {
        start: d("2025-01-06"),
        onboarded: None,
    };
    let s = module_status(&m, &attempts, &learner, &Rules::default(), d("2025-01-07"));
    assert_eq!(s.state, due("2025-01-20", FIRST));
    assert!(s.not_started());
}

#[test]
fn last_attempt_is_the_latest_by_time_not_by_position() {
    let m = module("intro", 1, Onboarding);
    let attempts = [
        attempt("intro", 1, cph("2025-01-11 09:00"), false),
        attempt("intro", 1, cph("2025-01-10 09:00"), true),
        attempt("other", 1, cph("2025-01-12 09:00"), true),
    ];
    let learner = LearnerDates {
        start: d("2025-01-06"),
        onboarded: None,
    };
    let s = module_status(&m, &attempts, &learner, &Rules::default(), d("2025-01-12"));
    assert_eq!(s.state, passed("2025-01-10", 1, None));
    assert_eq!(
        s.last_attempt,
        Some(LastAttempt {
            on: d("2025-01-11"),
            version: 1,
            passed: false
        })
    );
}

#[test]
fn configurable_windows_are_used() {
    let modules: Vec<Module> = STD.iter().map(|&(i, v, k)| module(i, v, k)).collect();
    let rules = Rules {
        onboarding_days: 7,
        first_refresher_days: 10,
        remind_days: 0,
        ..Rules::default()
    };
    let attempts = [attempt("intro", 1, cph("2025-01-10 09:00"), true)];
    let today = d("2025-01-10");
    let no_pass = plan(&modules, NONE, d("2025-01-06"), &rules, today);
    assert_eq!(no_pass[0].1.state, due("2025-01-13", FIRST));
    let s = plan(&modules, &attempts, d("2025-01-06"), &rules, today);
    assert_eq!(s[1].1.state, due("2025-01-20", FIRST));
    // With no reminder window a refresher is shown as passed up to its last valid day.
    let r = [
        attempt("intro", 1, cph("2025-01-10 09:00"), true),
        attempt("r1", 1, cph("2025-01-31 09:00"), true),
    ];
    let s = plan(&modules, &r, d("2025-01-06"), &rules, d("2025-02-27"));
    assert_eq!(s[2].1.state, passed("2025-01-31", 1, Some("2025-02-28")));
}

#[test]
fn worst_status_gives_the_exit_code() {
    let modules: Vec<Module> = STD.iter().map(|&(i, v, k)| module(i, v, k)).collect();
    let rules = Rules::default();
    let code = |attempts: &[FinishedAttempt], today: &str| {
        let statuses = plan(&modules, attempts, d("2025-01-06"), &rules, d(today));
        worst(statuses.iter().map(|(_, s)| s)).exit_code()
    };
    assert_eq!(code(&[], "2025-01-01"), 0, "everything waits for the start");
    assert_eq!(code(&[], "2025-01-07"), 1, "onboarding due");
    assert_eq!(code(&[], "2025-01-21"), 2, "onboarding overdue");
    let all = [
        attempt("intro", 1, cph("2025-01-07 09:00"), true),
        attempt("r12", 1, cph("2025-01-08 09:00"), true),
        attempt("r1", 1, cph("2025-01-08 09:00"), true),
    ];
    assert_eq!(code(&all, "2025-01-09"), 1, "the monthly refresher reminds");
    assert_eq!(
        code(&all[..2], "2025-01-09"),
        1,
        "r1 due for the first time"
    );
    assert_eq!(code(&all, "2025-02-09"), 2, "r1 expired on 8 February");
    assert_eq!(worst([]), Urgency::Nothing);
    let yearly_only: Vec<Module> = vec![module("intro", 1, Onboarding), module("r12", 1, STD[1].2)];
    let statuses = plan(&yearly_only, &all, d("2025-01-06"), &rules, d("2025-01-09"));
    assert_eq!(worst(statuses.iter().map(|(_, s)| s)), Urgency::Nothing);
}

#[test]
fn status_lines_in_both_languages() {
    let m = module("r12", 2, Refresher { every_months: 12 });
    let line = |state: State, last: Option<LastAttempt>, lang: Lang| {
        status_line(
            &m,
            &Status {
                state,
                last_attempt: last,
            },
            lang,
        )
    };
    let failed = Some(LastAttempt {
        on: d("2025-03-01"),
        version: 2,
        passed: false,
    });
    assert_eq!(
        line(due("2025-03-10", FIRST), None, Lang::Da),
        "Modul r12: skal tages senest 10. marts 2025 (ikke startet)"
    );
    assert_eq!(
        line(due("2025-03-10", FIRST), None, Lang::En),
        "Module r12: due by 10 March 2025 (not started)"
    );
    assert_eq!(
        line(
            overdue("2025-03-11", renewal("2024-03-10")),
            failed,
            Lang::Da
        ),
        "Modul r12: forfalden siden 11. marts 2025 (fornyelse); sidste forsøg ikke bestået (1. marts 2025)"
    );
    assert_eq!(
        line(overdue("2025-03-11", FIRST), failed, Lang::En),
        "Module r12: overdue since 11 March 2025; last attempt failed (1 March 2025)"
    );
    assert_eq!(
        line(passed("2024-11-10", 2, Some("2025-11-10")), None, Lang::En),
        "Module r12: passed 10 November 2024, valid until 10 November 2025"
    );
    assert_eq!(
        line(passed("2024-11-10", 1, None), None, Lang::Da),
        "Modul r12: bestået 10. november 2024 (version 1; version 2 er ny)"
    );
    assert_eq!(
        line(due("2025-07-01", NEW_FROM_1), None, Lang::En),
        "Module r12: due by 1 July 2025 (new version)"
    );
    assert_eq!(
        line(State::Waiting { from: None }, None, Lang::Da),
        "Modul r12: venter, til introduktionen er bestået"
    );
    assert_eq!(
        line(
            State::Waiting {
                from: Some(d("2025-01-06"))
            },
            None,
            Lang::En
        ),
        "Module r12: to be taken from 6 January 2025"
    );
}

#[test]
fn titles_are_made_display_safe() {
    let mut m = module("x", 1, Onboarding);
    m.title.da = "Ond\u{1b}[2J\u{202e}titel".to_owned();
    let s = Status {
        state: State::Waiting { from: None },
        last_attempt: None,
    };
    assert!(status_line(&m, &s, Lang::Da).starts_with("Ond[2Jtitel: "));
}

#[test]
fn a_loaded_course_set_plans_as_the_callers_will_call_it() {
    let src = include_str!("../../../tests/fixtures/valid/eksempel.ron");
    let set = crate::course::CourseSet::from_sources([("eksempel.ron".to_owned(), src.as_bytes())])
        .expect("the example fixture is valid");
    let modules = set.modules.iter().map(|m| &m.module);
    let attempts = [attempt("eksempel", 1, cph("2025-02-01 10:00"), true)];
    let rules = Rules::default();
    // The example is a yearly refresher and the set has no onboarding module.
    let before = plan(
        modules.clone(),
        NONE,
        d("2025-01-06"),
        &rules,
        d("2025-01-06"),
    );
    assert_eq!(
        before,
        vec![(
            "eksempel".to_owned(),
            Status {
                state: due("2025-02-05", FIRST),
                last_attempt: None,
            }
        )]
    );
    let after = plan(modules, &attempts, d("2025-01-06"), &rules, d("2025-02-02"));
    assert_eq!(
        after[0].1.state,
        passed("2025-02-01", 1, Some("2026-02-01"))
    );
    let m = &set.modules[0].module;
    assert_eq!(
        status_line(m, &after[0].1, Lang::Da),
        "Eksempel på et modul: bestået 1. februar 2025, gyldig til 1. februar 2026"
    );
}
