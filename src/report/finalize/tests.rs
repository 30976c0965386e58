//! Tests of the completion figures by audience: a managers' module is due, and counted, only
//! for managers.

use crate::course::CourseSet;
use crate::record::CompletionRecord;
use crate::report::model::{CompletionFigures, FollowUp, Report};
use crate::report::report_from_completions;
use crate::report::roster::parse_roster;
use crate::report::testkit::{MANAGERS_MODULE, completion, courses_with_managers, settings};
use crate::verdict::CourseIndex;

/// 2024-01-10, when everyone passed the onboarding module.
const ONBOARDED: i64 = 1_704_880_000;
/// 2024-09-01, when some passed the managers' module (valid for a year, to 2025-09-01).
const MANAGERS_PASS: i64 = 1_725_148_800;

/// BIG: four managers (M1–M4) and four employees (E1–E4), all onboarded; M1 and M2 passed the
/// managers' module, and so did E1, who is not a manager.
fn collection(set: &CourseSet) -> Vec<(String, u64, CompletionRecord)> {
    let managers = set.modules.len() - 1;
    let mut out = Vec::new();
    for who in ["M1", "M2", "M3", "M4", "E1", "E2", "E3", "E4"] {
        let file = format!("{who}.log");
        out.push((
            file.clone(),
            1,
            completion(set, 0, who, "BIG", ONBOARDED, &[true; 4]),
        ));
        if matches!(who, "M1" | "M2" | "E1") {
            let c = completion(set, managers, who, "BIG", MANAGERS_PASS, &[true; 4]);
            out.push((file, 2, c));
        }
    }
    out
}

fn report(roster: Option<&str>) -> (Report, FollowUp) {
    let set = courses_with_managers();
    assert_eq!(
        set.modules.last().map(|m| m.module.id.as_str()),
        Some(MANAGERS_MODULE)
    );
    let items = collection(&set);
    let roster = roster.map(|text| {
        let (roster, problems) =
            parse_roster(std::path::Path::new("r.csv"), text.as_bytes()).expect("valid");
        assert!(problems.is_empty(), "{problems:?}");
        roster
    });
    report_from_completions(
        &CourseIndex::new(&set, &[]),
        &settings(3),
        roster.as_ref(),
        items.iter().map(|(p, l, c)| (p.as_str(), *l, c)),
    )
}

/// The figures of `module` in BIG and over all forvaltninger (they must be the same).
fn figures(r: &Report, module: &str) -> CompletionFigures {
    let row = |forv: Option<&str>| {
        r.completion
            .iter()
            .find(|row| row.module == module && row.forvaltning.as_deref() == forv)
            .and_then(|row| row.figures.shown().copied())
            .expect("a shown row")
    };
    assert_eq!(row(Some("BIG")), row(None), "{module}: one forvaltning");
    row(None)
}

fn overdue_with(f: &FollowUp, module: &str) -> Vec<String> {
    f.overdue
        .iter()
        .filter(|o| &*o.module == module)
        .map(|o| o.learner.to_string())
        .collect()
}

#[test]
fn a_managers_module_counts_the_rosters_managers_only() {
    let roster = "medarbejder,forvaltning,startdato,rolle\n\
                  M1,BIG,2024-01-01,leder\nM2,BIG,2024-01-01,leder\n\
                  M3,BIG,2024-01-01,leder\nM4,BIG,2024-01-01,Manager\n\
                  E1,BIG,2024-01-01,medarbejder\nE2,BIG,2024-01-01,\n\
                  E3,BIG,2024-01-01,employee\nE4,BIG,2024-01-01,medarbejder\n";
    let (r, f) = report(Some(roster));
    let everyone = figures(&r, "sim-start");
    assert_eq!((everyone.learners, everyone.passed), (8, 8));
    // Four managers, of whom two passed and two are overdue; E1's pass counts for no one.
    let managers = figures(&r, MANAGERS_MODULE);
    assert_eq!(
        managers,
        CompletionFigures {
            learners: 4,
            started: 2,
            not_accepted: 0,
            passed: 2,
            overdue: 2,
        }
    );
    assert_eq!(overdue_with(&f, MANAGERS_MODULE), ["M3", "M4"]);
    // An employee's refreshers are overdue like anyone's; the managers' module is not theirs.
    assert_eq!(overdue_with(&f, "sim-opfrisk-1").len(), 8);
}

#[test]
fn without_roles_a_managers_module_counts_those_with_records_of_it() {
    let roster = "medarbejder,forvaltning,startdato\n\
                  M1,BIG,2024-01-01\nM2,BIG,2024-01-01\nM3,BIG,2024-01-01\nM4,BIG,2024-01-01\n\
                  E1,BIG,2024-01-01\nE2,BIG,2024-01-01\nE3,BIG,2024-01-01\nE4,BIG,2024-01-01\n";
    for (r, f) in [report(Some(roster)), report(None)] {
        assert_eq!(figures(&r, "sim-start").learners, 8);
        let managers = figures(&r, MANAGERS_MODULE);
        assert_eq!((managers.learners, managers.passed), (3, 3));
        assert!(overdue_with(&f, MANAGERS_MODULE).is_empty());
        // The overview's learners are everyone's, and the managers' total is the managers'.
        assert_eq!(r.counts.learners, 8);
    }
}

/// The people and learners are shared out over the threads: every table and list is the same
/// whatever their number, with a roster (the people are its employees) and without (the
/// people are the learners, met in the order of a hash map).
#[test]
fn the_number_of_threads_changes_no_table() {
    use crate::report::aggregate::{Aggregator, Names};
    use crate::report::model::Counts;
    use crate::report::testkit::{index, three_forvaltninger_collection};
    use crate::report::{admit, finish, render};

    let (items, roster) = three_forvaltninger_collection();
    let index = index();
    let settings = settings(3);
    let names = Names::default();
    let mut agg = Aggregator::new(&index, &names, settings.now.as_second());
    for (path, line, c) in &items {
        let _ = admit(&mut agg, (settings.now, settings.lang), path, *line, c);
    }
    for roster in [Some(&roster), None] {
        let out = |threads| {
            let (r, f) = finish(
                &agg,
                &names,
                roster,
                &settings,
                (Counts::default(), Vec::new()),
                threads,
            );
            let json = serde_json::to_string(&r).expect("serialises");
            (json, render::followup::render(&f, crate::lang::Lang::En))
        };
        let one = out(1);
        assert!(one.0.contains("\"Alfa\""), "{}", one.0);
        for threads in [2, 3, 5, 64] {
            assert_eq!(out(threads), one, "{threads} threads");
        }
    }
}

/// The follow-up's lists are made only when asked for (`Settings::followup`): without them
/// every table of the report is the same, its counts of the overdue and of those who never
/// started too, and the two lists are empty; the problems are listed either way.
#[test]
fn the_followup_lists_change_no_table() {
    use crate::report::Settings;
    use crate::report::testkit::{index, three_forvaltninger_collection};

    let (items, roster) = three_forvaltninger_collection();
    let managers = courses_with_managers();
    let managers_items = collection(&managers);
    let managers_index = CourseIndex::new(&managers, &[]);
    let report =
        |index: &CourseIndex, items: &[(String, u64, CompletionRecord)], roster, followup| {
            let settings = Settings {
                followup,
                ..settings(3)
            };
            let items = items.iter().map(|(p, l, c)| (p.as_str(), *l, c));
            report_from_completions(index, &settings, roster, items)
        };
    let three = index();
    let mut listed_rows = (0, 0);
    for (index, items, roster) in [
        (&three, &items, Some(&roster)),
        (&three, &items, None),
        (&managers_index, &managers_items, None),
    ] {
        let (with, listed) = report(index, items, roster, true);
        let (without, unlisted) = report(index, items, roster, false);
        let json = |r: &Report| serde_json::to_string(r).expect("serialises");
        assert_eq!(json(&without), json(&with));
        assert!(unlisted.overdue.is_empty(), "{:?}", unlisted.overdue);
        assert!(
            unlisted.never_started.is_empty(),
            "{:?}",
            unlisted.never_started
        );
        assert_eq!(
            format!("{:?}", unlisted.problems),
            format!("{:?}", listed.problems)
        );
        // What the lists held is still counted in the tables.
        let overdue: u64 = with
            .completion
            .iter()
            .filter(|row| row.forvaltning.is_none())
            .filter_map(|row| row.figures.shown())
            .map(|f| f.overdue)
            .sum();
        assert_eq!(overdue, listed.overdue.len() as u64);
        assert_eq!(with.counts.never_started, listed.never_started.len() as u64);
        listed_rows.0 += listed.overdue.len();
        listed_rows.1 += listed.never_started.len();
    }
    // The cases have rows of both lists to leave out.
    assert!(listed_rows.0 > 0 && listed_rows.1 > 0, "{listed_rows:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// The report plans a person from the few facts it keeps per module, grouped by module;
    /// the learner's program from their whole list of attempts. Whatever the attempts, the two
    /// agree: the same modules overdue since the same day, today and (up to date or not) on
    /// the last day of the quarter before.
    #[test]
    fn the_report_plans_as_the_learners_program_does(
        attempts in proptest::collection::vec(
            (0usize..3, 0i64..77_457_000, proptest::prelude::any::<bool>()),
            0..16,
        ),
        start_days in 0i64..900,
    ) {
        report_plans_as_the_learner(&attempts, start_days);
    }
}

/// [`the_report_plans_as_the_learners_program_does`]: attempts are (module index, seconds
/// after 2023-01-01, passed), all finished before the report's moment (the report counts as of
/// its moment, the learner's program as of its day: an attempt later the same day is the
/// learner's, not yet the report's), the start date some days after 2023-01-01. Three learners take
/// the same attempts, so the overview (a group of at least three) shows them.
fn report_plans_as_the_learner(attempts: &[(usize, i64, bool)], start_days: i64) {
    use crate::report::model::Gated;
    use crate::report::privacy::MIN_MIN_GROUP;
    use crate::report::testkit::{courses, now};
    use crate::schedule::{self, Rules, State};
    use crate::verdict::Judged;

    const FROM: i64 = 1_672_531_200;
    let set = courses();
    let index = CourseIndex::new(&set, &[]);
    let start = jiff::civil::date(2023, 1, 1)
        .checked_add(jiff::Span::new().days(start_days))
        .expect("in range");
    let learners: Vec<String> = (0..MIN_MIN_GROUP).map(|i| format!("L{i}")).collect();
    let roster_text: String = std::iter::once("medarbejder,forvaltning,startdato\n".to_owned())
        .chain(learners.iter().map(|id| format!("{id},Alfa,{start}\n")))
        .collect();
    let (roster, problems) =
        parse_roster(std::path::Path::new("r.csv"), roster_text.as_bytes()).expect("valid");
    assert!(problems.is_empty(), "{problems:?}");
    // Distinct finish times, so the order of attempts in the same second plays no part.
    let records_of = |id: &str| -> Vec<(String, u64, CompletionRecord)> {
        attempts
            .iter()
            .enumerate()
            .map(|(i, &(module, at, passed))| {
                let marks = if passed { [true; 4] } else { [false; 4] };
                let at = FROM + at + i64::try_from(i).expect("small");
                let c = completion(&set, module, id, "Alfa", at, &marks);
                (format!("{id}.log"), u64::try_from(i + 1).expect("small"), c)
            })
            .collect()
    };
    let records: Vec<_> = learners.iter().flat_map(|id| records_of(id)).collect();
    let (r, f) = report_from_completions(
        &index,
        &settings(1),
        Some(&roster),
        records.iter().map(|(p, l, c)| (p.as_str(), *l, c)),
    );
    // The learner's program: every attempt, judged by the same verdict.
    let history: Vec<_> = records_of("L0")
        .into_iter()
        .map(|(_, _, c)| c.attempt)
        .collect();
    let judged = Judged::all(&index, &history, now().as_second());
    let modules: Vec<_> = set.modules.iter().map(|m| &m.module).collect();
    let plan_on = |day| {
        schedule::plan(
            modules.iter().copied(),
            &judged,
            start,
            &Rules::default(),
            day,
        )
    };
    let today = schedule::COPENHAGEN.to_datetime(now()).date();
    let mut expected: Vec<(String, String, jiff::civil::Date)> = learners
        .iter()
        .flat_map(|id| {
            plan_on(today)
                .into_iter()
                .filter_map(move |(module, s)| match s.state {
                    State::Overdue { since, .. } => Some((id.clone(), module, since)),
                    _ => None,
                })
        })
        .collect();
    expected.sort();
    let mut listed: Vec<(String, String, jiff::civil::Date)> = f
        .overdue
        .iter()
        .map(|o| (o.learner.to_string(), o.module.to_string(), o.since))
        .collect();
    listed.sort();
    assert_eq!(listed, expected);
    // On the last day of the quarter before (2025-03-31), for employees by then.
    let cut = jiff::civil::date(2025, 3, 31);
    let total = r
        .overview
        .iter()
        .find(|row| row.is_total())
        .expect("a total");
    let Gated::Shown(figures) = total.figures else {
        panic!("three people are shown: {total:?}");
    };
    match figures.before {
        Gated::Shown(before) => {
            assert!(start <= cut, "{before:?}");
            let up_to_date = !plan_on(cut)
                .iter()
                .any(|(_, s)| matches!(s.state, State::Overdue { .. }));
            let n = u64::from(MIN_MIN_GROUP);
            assert_eq!(
                (before.employees, before.up_to_date),
                (n, n * u64::from(up_to_date))
            );
        }
        Gated::Withheld => assert!(start > cut, "{start}"),
    }
}
