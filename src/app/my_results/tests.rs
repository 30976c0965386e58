//! Tests of »Mine resultater«: the verdict decides what reads as passed, the receipts stay
//! with their attempts, and validity comes from the schedule.

use jiff::civil::{Date, date};

use super::{attempts, page, validity};
use crate::app::doc::{Para, Tone};
use crate::app::{Message, Model, Screen, update};
use crate::attempt::FinishedAttempt;
use crate::config::{Config, Learner};
use crate::lang::Lang;
use crate::report::testkit::{completion, courses, now};
use crate::schedule::{Reason, State, Status};

const TODAY: Date = date(2025, 6, 15);

/// An honest attempt at module `module` finishing `back` seconds before the test's moment.
fn attempt(module: usize, right: bool, back: i64) -> FinishedAttempt {
    let set = courses();
    let marks = [right; 4];
    completion(
        &set,
        module,
        "1001",
        "KFF",
        now().as_second() - back,
        &marks,
    )
    .attempt
}

fn model(history: Vec<FinishedAttempt>) -> Model {
    let config = Config {
        learner: Some(Learner {
            employee_id: "1001".into(),
            forvaltning: "KFF".into(),
            start_date: date(2025, 1, 1),
            role: crate::course::Role::Employee,
        }),
        ..Config::default()
    };
    Model::new(courses(), config, history, TODAY, "1001")
}

/// The model's attempts as the screen lists them.
fn past(m: &Model, lang: Lang) -> Vec<super::PastAttempt<'_>> {
    attempts(&m.catalogue, &m.judge, &m.history, &m.receipts, TODAY, lang)
}

fn texts(paras: &[Para]) -> Vec<String> {
    paras
        .iter()
        .map(|p| format!("{}{}", p.prefix, p.text))
        .collect()
}

#[test]
fn an_attempt_the_verdict_does_not_accept_never_reads_as_passed() {
    let honest = attempt(0, true, 86_400);
    // All right and marked passed, but handed in one second after it started.
    let mut hasty = attempt(0, true, 3_600);
    hasty.started = hasty.finished - 1;
    assert!(hasty.passed);
    let mut m = model(vec![honest, hasty]);
    m.receipts = vec![Some("AAAA-AAAA-AAAA".into()), Some("BBBB-BBBB-BBBB".into())];
    let past = past(&m, Lang::Da);
    assert_eq!(past.len(), 2);
    let (newest, oldest) = (&past[0], &past[1]);
    assert_eq!(newest.receipt, Some("BBBB-BBBB-BBBB"), "newest first");
    assert!(newest.not_accepted.is_some());
    assert!(!newest.passed());
    assert_eq!(newest.verdict(Lang::Da), (Tone::Wrong, "✗ Ikke godkendt"));
    assert!(
        newest
            .why_not_counted(Lang::Da)
            .is_some_and(|w| w.starts_with("Tæller ikke med: forsøget tog 1 s")),
        "{:?}",
        newest.why_not_counted(Lang::Da)
    );
    assert_eq!(oldest.verdict(Lang::En), (Tone::Right, "✓ Passed"));
    assert_eq!(
        oldest.outcome(Lang::Da),
        "✓ Bestået · 4 af 4 rigtige · kvittering AAAA-AAAA-AAAA"
    );
    let shown = texts(&page(&m));
    assert_eq!(
        shown.iter().filter(|l| l.contains("Bestået")).count(),
        1,
        "only the accepted pass reads as passed: {shown:#?}"
    );
}

#[test]
fn a_failed_attempt_reads_as_not_passed_and_an_unknown_module_by_its_id() {
    let failed = attempt(1, false, 600);
    let mut retired = attempt(0, true, 1_200);
    retired.module = "udgaaet-modul".into();
    let m = model(vec![retired, failed]);
    let past = past(&m, Lang::En);
    assert_eq!(past[0].verdict(Lang::En), (Tone::Wrong, "✗ Not passed"));
    assert_eq!(
        past[0].outcome(Lang::En),
        "✗ Not passed · 0 of 4 right",
        "no receipt without the log"
    );
    assert_eq!(past[1].title, "udgaaet-modul");
    assert_eq!(past[1].verdict(Lang::En).1, "✗ Not accepted");
    assert_eq!(past[0].day, Some(TODAY));
}

#[test]
fn remembering_a_stored_attempt_keeps_receipts_beside_their_attempts() {
    // A model made without the log's receipts (as samples are), then an attempt stored.
    let mut m = model(vec![attempt(0, false, 7_200), attempt(0, false, 3_600)]);
    m.receipts.clear();
    m.remember(attempt(0, true, 60), "CCCC-CCCC-CCCC".into());
    assert_eq!(m.receipts.len(), m.history.len());
    assert_eq!(m.receipts[2].as_deref(), Some("CCCC-CCCC-CCCC"));
    assert_eq!(m.receipts[0], None);
}

#[test]
fn the_screen_opens_from_home_scrolls_and_goes_back() {
    let history: Vec<FinishedAttempt> = (0..12)
        .map(|i| attempt(0, i % 2 == 0, 600 * (i + 1)))
        .collect();
    let mut m = model(history);
    update(&mut m, Message::OpenMyResults);
    assert_eq!(m.screen, Screen::MyResults { scroll: 0 });
    update(&mut m, Message::Confirm);
    assert!(
        matches!(m.screen, Screen::MyResults { scroll } if scroll > 0),
        "Enter reads on while there is more: {:?}",
        m.screen
    );
    update(&mut m, Message::Last);
    update(&mut m, Message::Confirm);
    assert_eq!(m.screen, Screen::Home, "Enter at the end goes back");
    update(&mut m, Message::OpenMyResults);
    update(&mut m, Message::Back);
    assert_eq!(m.screen, Screen::Home);
}

#[test]
fn validity_comes_from_the_schedule_in_words() {
    let d = date(2026, 3, 1);
    let st = |state| Status {
        state,
        last_attempt: None,
    };
    let cases = [
        (
            State::Passed {
                on: TODAY,
                version: 1,
                valid_until: Some(d),
            },
            "gyldig til 1. marts 2026",
        ),
        (
            State::Passed {
                on: TODAY,
                version: 1,
                valid_until: None,
            },
            "bestået, og det udløber ikke",
        ),
        (
            State::Due {
                by: d,
                reason: Reason::Renewal { passed: TODAY },
            },
            "gyldig til 1. marts 2026; tag det igen inden da",
        ),
        (
            State::Due {
                by: d,
                reason: Reason::NewVersion { passed_version: 1 },
            },
            "gyldig til 1. marts 2026; tag den nye version inden da",
        ),
        (
            State::Overdue {
                since: d,
                reason: Reason::Renewal { passed: TODAY },
            },
            "ikke gyldig længere, forfalden siden 1. marts 2026",
        ),
        (
            State::Due {
                by: d,
                reason: Reason::FirstTime,
            },
            "ikke bestået endnu",
        ),
        (State::Waiting { from: None }, "ikke bestået endnu"),
    ];
    for (state, words) in cases {
        assert_eq!(validity(&st(state), Lang::Da), words, "{state:?}");
    }
}

#[test]
fn the_page_lists_validity_only_for_modules_taken() {
    let m = model(vec![attempt(0, true, 600)]);
    let shown = texts(&page(&m));
    let onboarding =
        crate::safe_text::sanitize(m.courses.modules[0].module.title.get(Lang::Da), true);
    let refresher =
        crate::safe_text::sanitize(m.courses.modules[1].module.title.get(Lang::Da), true);
    assert!(
        shown
            .iter()
            .any(|l| l == &format!("✓ {onboarding}: bestået, og det udløber ikke")),
        "{shown:#?}"
    );
    assert!(
        !shown.iter().any(|l| l.contains(&format!("{refresher}:"))),
        "{shown:#?}"
    );
    let empty = texts(&page(&model(Vec::new())));
    assert_eq!(empty.len(), 1);
    assert!(empty[0].starts_with("Du har ikke afleveret nogen quiz endnu"));
}
