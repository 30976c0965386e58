//! Report-level tests: bookkeeping, privacy across every format, first attempts, overdue.

use super::model::{FollowUp, Topic};
use super::render::{self, csv as csv_out, json, markdown};
use super::roster::parse_roster;
use super::testkit::{completion, courses, index, settings};
use super::*;
use crate::lang::Lang;
use crate::policy::Area;

/// 2025-02-01 (2025-Q1).
const Q1: i64 = 1_738_400_000;
/// 2024-11-01 (2024-Q4).
const Q4: i64 = 1_730_450_000;

/// BIG has 6 learners, MID 5, SMALL 2; everyone passed the onboarding module in 2025-Q1 with
/// the same answers, BIG also took it (first attempt, failed) in 2024-Q4.
fn collection() -> Vec<(String, u64, CompletionRecord)> {
    let set = courses();
    let mut out = Vec::new();
    let groups = [("BIG", 6), ("MID", 5), ("SMALL", 2)];
    for (forv, n) in groups {
        for i in 0..n {
            let learner = format!("{forv}-{i}");
            let file = format!("{learner}.log");
            if forv == "BIG" {
                let c = completion(&set, 0, &learner, forv, Q4, &[false, false, true, false]);
                out.push((file.clone(), 1, c));
            }
            let marks = [true, true, true, i % 2 == 0];
            let c = completion(&set, 0, &learner, forv, Q1 + i64::from(i), &marks);
            out.push((file, 2, c));
        }
    }
    out
}

fn report_of(
    items: &[(String, u64, CompletionRecord)],
    roster: Option<&roster::Roster>,
) -> (Report, FollowUp) {
    report_from_completions(
        &index(),
        &settings(5),
        roster,
        items.iter().map(|(p, l, c)| (p.as_str(), *l, c)),
    )
}

#[test]
fn a_problem_never_names_a_forvaltning_too_small_to_show() {
    // SMALL has two learners, below the minimum of five: a record of theirs that is not
    // accepted is counted, but not under SMALL, or "ikke godkendt: 1" would point at one of two.
    let mut items = collection();
    let set = courses();
    let mut bad = completion(&set, 0, "SMALL-0", "SMALL", Q1 + 100, &[true; 4]);
    bad.attempt.score = 9;
    items.push(("SMALL-0.log".into(), 3, bad));
    let (r, f) = report_of(&items, None);
    assert_eq!(f.problems.len(), 1, "the follow-up lists it");
    assert_eq!(r.problem_counts.len(), 1);
    assert_eq!(r.problem_counts[0].forvaltning, None);
    assert_eq!(r.problem_counts[0].records, 1);
    let md = markdown::render(&r, Lang::Da);
    assert!(md.contains("ukendt eller for lille"), "{md}");
}

#[test]
fn the_numbers_add_up_and_every_rejection_is_listed() {
    let mut items = collection();
    let set = courses();
    let mut bad = completion(&set, 0, "BIG-0", "BIG", Q1 + 100, &[true; 4]);
    bad.attempt.score = 9;
    items.push(("BIG-0.log".into(), 3, bad));
    let (r, f) = report_of(&items, None);
    let c = r.counts;
    assert_eq!(c.records_read, items.len() as u64);
    assert_eq!(c.records_read, c.records_counted + c.records_rejected);
    assert_eq!(c.records_rejected, 1);
    assert_eq!(
        f.problems.iter().map(|p| p.records).sum::<u64>(),
        c.records_rejected
    );
    assert_eq!(f.problems[0].line, Some(3));
    // The aggregate counts it by kind and forvaltning, without the file.
    assert_eq!(r.problem_counts.len(), 1);
    assert_eq!(r.problem_counts[0].forvaltning.as_deref(), Some("BIG"));
    assert_eq!(
        (r.problem_counts[0].problems, r.problem_counts[0].records),
        (1, 1)
    );
    assert_eq!(
        c.files_read,
        c.files_counted + c.files_partly_counted + c.files_rejected
    );
    assert_eq!(c.files_partly_counted, 1);
    assert_eq!(c.learners, 13);
}

#[test]
fn small_groups_are_withheld_in_every_table() {
    let (r, _) = report_of(&collection(), None);
    let row = |f: &str| {
        r.completion
            .iter()
            .find(|x| x.forvaltning.as_deref() == Some(f) && x.module == "sim-start")
            .expect("a row per forvaltning and module")
    };
    let big = row("BIG").figures.shown().expect("BIG is shown");
    assert_eq!(big.learners, 6);
    assert!((big.pass_rate() - 1.0).abs() < f64::EPSILON);
    // A withheld row carries no figures at all: the type has no room for them.
    assert_eq!(row("SMALL").figures, model::Gated::Withheld);

    // Knowledge: SMALL is withheld because it is small, and MID (the smallest shown part) too,
    // because the all-forvaltninger total minus BIG and MID would reveal SMALL.
    let k = |f: Option<&str>| {
        r.knowledge
            .iter()
            .find(|x| {
                x.forvaltning.as_deref() == f
                    && x.quarter == "2025-Q1"
                    && x.topic == Topic::Area(Area::SecurityPolicy)
            })
            .expect("a knowledge row")
    };
    assert!(k(Some("SMALL")).figures.is_withheld());
    assert!(
        k(Some("MID")).figures.is_withheld(),
        "secondary suppression"
    );
    assert!(!k(Some("BIG")).figures.is_withheld());
    assert_eq!(k(None).figures.shown().map(|f| f.learners), Some(13));
}

#[test]
fn withheld_cells_stay_withheld_in_markdown_csv_and_json() {
    let (r, _) = report_of(&collection(), None);
    let md = markdown::render(&r, Lang::Da);
    let small_line = md
        .lines()
        .find(|l| l.starts_with("| SMALL | Simuleret modul 0 |"))
        .expect("SMALL's completion row, under the module's title");
    assert_eq!(
        small_line,
        "| SMALL | Simuleret modul 0 | <5 | <5 | <5 | <5 | <5 |"
    );
    assert!(!md.contains("SMALL-0"), "Markdown names nobody");

    let js: serde_json::Value =
        serde_json::from_str(&json::render(&r).expect("serialises")).expect("JSON");
    let small = js["completion"]
        .as_array()
        .expect("array")
        .iter()
        .find(|x| x["forvaltning"] == "SMALL")
        .expect("row");
    assert_eq!(small["suppressed"], true);
    assert!(small["learners"].is_null() && small["pass_rate"].is_null());

    let dir = tempfile::tempdir().expect("temp dir");
    csv_out::write_dir(&r, dir.path()).expect("written");
    let text = std::fs::read_to_string(dir.path().join("completion.csv")).expect("read");
    assert!(
        text.lines().any(|l| l == "SMALL,sim-start,true,,,,,,,"),
        "{text}"
    );
    let mut long = Vec::new();
    csv_out::write_long(&r, &mut long).expect("written");
    let long = String::from_utf8(long).expect("UTF-8");
    assert!(long.contains("completion,SMALL/sim-start,suppressed,true"));
    assert!(long.contains("completion,SMALL/sim-start,learners,\n"));
}

#[test]
fn item_statistics_use_first_attempts_only() {
    let (r, _) = report_of(&collection(), None);
    let q0 = r
        .questions
        .iter()
        .find(|q| q.id == "sim-start-q00")
        .expect("question row");
    // 13 learners, one first attempt each; BIG's six first attempts got q00 wrong (2024-Q4).
    let q0 = q0.figures.shown().expect("shown");
    assert_eq!(q0.n, 13);
    let f = q0.facility.expect("computable");
    assert!((f - 7.0 / 13.0).abs() < 1e-12, "{f}");
    let m = r.module_stats[0].figures.shown().expect("shown");
    assert_eq!(m.n, 13);
    assert!(m.alpha.is_some());
    // Modules nobody took are withheld, not zero.
    assert!(r.module_stats[1].figures.is_withheld());
}

#[test]
fn overdue_names_people_with_dates_and_no_results_in_the_follow_up_only() {
    let set = courses();
    // Failed onboarding on 2025-02-01 (no roster: the first record stands in for the start
    // date); due within 14 days, so overdue from 2025-02-16 on.
    let c = completion(&set, 0, "late-1", "BIG", Q1, &[false; 4]);
    let items = vec![("late.log".to_owned(), 1, c)];
    let (r, f) = report_of(&items, None);
    let late: Vec<_> = f
        .overdue
        .iter()
        .filter(|o| &*o.module == "sim-start")
        .collect();
    assert_eq!(late.len(), 1);
    assert_eq!(&*late[0].learner, "late-1");
    assert_eq!(late[0].since.to_string(), "2025-02-16");
    assert_eq!(late[0].reason, model::OverdueReason::FirstTime);
    // The follow-up's columns: who, where, what, since when, why; no result.
    let text = render::followup::render(&f, Lang::En);
    assert!(
        text.contains("| Employee | Forvaltning | Module | Since | Why |"),
        "{text}"
    );
    assert!(text.contains("| late-1 | BIG | sim-start | 2025-02-16 | never passed |"));
    // The aggregate report has no overdue list and names nobody.
    let js = json::render(&r).expect("serialises");
    assert!(!js.contains("late-1"), "{js}");
    assert!(!markdown::render(&r, Lang::Da).contains("late-1"));
}

#[test]
fn a_roster_adds_those_who_never_started_to_the_follow_up() {
    let roster_text = "medarbejder,forvaltning,startdato\nBIG-0,BIG,2024-01-01\nnew-1,BIG,2025-06-01\nghost,BIG,2025-01-02\n";
    let (roster, problems) =
        parse_roster(std::path::Path::new("r.csv"), roster_text.as_bytes()).expect("valid");
    assert!(problems.is_empty());
    let (r, f) = report_of(&collection(), Some(&roster));
    let never: Vec<&str> = f.never_started.iter().map(|p| p.learner.as_str()).collect();
    assert_eq!(never, ["ghost", "new-1"]);
    assert_eq!(r.counts.learners_not_in_roster, 12);
    assert_eq!(r.counts.never_started, 2);
    // ghost started in January: overdue with onboarding; new-1 is still within 14 days.
    assert!(
        f.overdue
            .iter()
            .any(|o| &*o.learner == "ghost" && &*o.module == "sim-start")
    );
    assert!(
        !f.overdue
            .iter()
            .any(|o| &*o.learner == "new-1" && &*o.module == "sim-start")
    );
    let js = json::render(&r).expect("serialises");
    assert!(!js.contains("ghost"), "the aggregate JSON names nobody");
}

#[test]
fn trends_compare_with_the_previous_quarter() {
    let set = courses();
    let mut items = Vec::new();
    for i in 0..6 {
        let id = format!("L{i}");
        // Q4: half right on q00..q03; Q1: all right.
        let c = completion(&set, 1, &id, "BIG", Q4, &[true, false, true, false]);
        items.push((format!("{id}.log"), 1, c));
        let c = completion(&set, 1, &id, "BIG", Q1, &[true; 4]);
        items.push((format!("{id}.log"), 2, c));
    }
    let (r, _) = report_of(&items, None);
    let trend = |area: Area| {
        r.knowledge
            .iter()
            .find(|x| {
                x.forvaltning.is_none() && x.quarter == "2025-Q1" && x.topic == Topic::Area(area)
            })
            .expect("a row")
            .figures
            .shown()
            .and_then(|f| f.trend)
    };
    // Module 1's q00 (always right) is HumanResources, q01 (wrong, then right) PhysicalSecurity.
    assert_eq!(
        set.modules[1].module.questions[1].area,
        Area::PhysicalSecurity
    );
    assert_eq!(trend(Area::PhysicalSecurity), Some(model::Trend::Up));
    assert_eq!(trend(Area::HumanResources), Some(model::Trend::Flat));
    assert_eq!(r.quarters, ["2024-Q4", "2025-Q1"]);
}

#[test]
fn markdown_counts_problems_and_the_follow_up_lists_each() {
    let set = courses();
    let items: Vec<(String, u64, CompletionRecord)> = (0..120)
        .map(|i| {
            let mut c = completion(&set, 0, &format!("L{i}"), "BIG", Q1, &[true; 4]);
            c.attempt.score = 9;
            (format!("{i}.ron"), 2, c)
        })
        .collect();
    let (r, f) = report_of(&items, None);
    assert_eq!(f.problems.len(), 120);
    let md = markdown::render(&r, Lang::Da);
    assert!(
        md.contains("| BIG | ikke godkendt | 120 | 120 |"),
        "the count covers all:\n{md}"
    );
    assert!(!md.contains("7.ron"), "no file names in the aggregate");
    let text = render::followup::render(&f, Lang::Da);
    assert_eq!(
        text.matches("scoren er over maksimum; posten tælles ikke med")
            .count(),
        240,
        "each one twice: as an attempt not accepted and as a file with a problem"
    );
}

#[test]
fn every_bookkeeping_figure_is_in_markdown_and_csv_alike() {
    let (r, _) = report_of(&collection(), None);
    let md = markdown::render(&r, Lang::Da);
    let dir = tempfile::tempdir().expect("temp dir");
    csv_out::write_dir(&r, dir.path()).expect("written");
    let csv = std::fs::read_to_string(dir.path().join("collection.csv")).expect("read");
    let figures = r.counts.overview();
    assert!(
        figures.iter().any(|(_, _, _, v)| *v > 0),
        "the collection has figures"
    );
    for (key, da, _, value) in figures {
        assert!(
            md.contains(&format!("| {da} | {value} |")),
            "Markdown lacks {da}:\n{md}"
        );
        assert!(
            csv.lines().any(|l| l == format!("{key},{value}")),
            "CSV lacks {key}:\n{csv}"
        );
    }
    assert!(
        csv.lines()
            .any(|l| l == format!("min_group,{}", r.min_group))
    );
}

#[test]
fn the_overview_counts_people_once_and_needs_a_roster_for_shares() {
    let roster_text = "medarbejder,forvaltning,startdato\n\
        BIG-0,BIG,2024-01-01\nBIG-1,BIG,2024-01-01\nBIG-2,BIG,2024-01-01\n\
        BIG-3,BIG,2024-01-01\nBIG-4,BIG,2024-01-01\nBIG-5,BIG,2024-01-01\n\
        ghost,BIG,2025-01-02\nlate,BIG,2025-05-01\n";
    let (roster, _) =
        parse_roster(std::path::Path::new("r.csv"), roster_text.as_bytes()).expect("valid");
    let (r, _) = report_of(&collection(), Some(&roster));
    let big = r
        .overview
        .iter()
        .find(|o| o.forvaltning.as_deref() == Some("BIG"))
        .and_then(|o| o.figures.shown())
        .expect("BIG is shown");
    // Eight employees; six passed onboarding; ghost and late never started. Everyone who
    // passed in February is overdue with both refreshers, and counts once.
    assert_eq!((big.employees, big.onboarded, big.never_started), (8, 6, 2));
    let module_rows: u64 = r
        .completion
        .iter()
        .filter(|c| c.forvaltning.as_deref() == Some("BIG"))
        .filter_map(|c| c.figures.shown().map(|f| f.overdue))
        .sum();
    assert!(
        module_rows > big.overdue,
        "{module_rows} rows, {} people",
        big.overdue
    );
    assert_eq!(big.overdue + big.up_to_date, big.employees);
    // On 2025-03-31, late was not employed yet.
    let before = big.before.shown().expect("shown");
    assert_eq!((before.employees, before.onboarded), (7, 6));
    assert!(big.trend.is_some());
    // Without a roster, no share of employees is given, and every format says why.
    let (r, _) = report_of(&collection(), None);
    let all = &r.overview[0];
    assert!(all.forvaltning.is_none() && !all.roster);
    let md = markdown::render(&r, Lang::Da);
    assert!(md.contains("kræver en medarbejderliste"), "{md}");
    let js: serde_json::Value =
        serde_json::from_str(&json::render(&r).expect("serialises")).expect("JSON");
    assert_eq!(
        js["overview"][0]["onboarded_share"],
        serde_json::Value::Null
    );
    assert_eq!(js["overview"][0]["employees"], 13);
}

#[test]
fn flagged_questions_come_with_their_text_module_title_and_plain_advice() {
    let set = courses();
    let items: Vec<(String, u64, CompletionRecord)> = (0..40)
        .map(|i| {
            let id = format!("L{i}");
            let marks = [true, i % 2 == 0, i % 3 == 0, i % 5 == 0];
            let c = completion(&set, 0, &id, "BIG", Q1 + i64::from(i), &marks);
            (format!("{id}.log"), 1, c)
        })
        .collect();
    let (r, _) = report_of(&items, None);
    let q = &set.modules[0].module.questions[0];
    let md = markdown::render(&r, Lang::Da);
    let line = md
        .lines()
        .find(|l| l.starts_with(&format!("| {} |", q.id)))
        .expect("the flagged question is listed");
    assert!(line.contains(&q.prompt.da), "{line}");
    assert!(line.contains(&set.modules[0].module.title.da), "{line}");
    assert!(line.contains("⚑ for let"), "{line}");
    assert!(line.contains("Næsten alle svarer rigtigt"), "{line}");
    assert!(md.contains("Andel rigtige (højere = lettere)"), "{md}");
    let js: serde_json::Value =
        serde_json::from_str(&json::render(&r).expect("serialises")).expect("JSON");
    let row = &js["questions"][0];
    assert_eq!(
        row["module"],
        set.modules[0].module.id.as_str(),
        "data keeps the id"
    );
    assert_eq!(row["flags"], "too easy");
    assert!(
        row["advice"]
            .as_str()
            .is_some_and(|a| a.contains("Nearly everyone"))
    );
}
