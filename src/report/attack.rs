//! The report attacked as a curious reader of its published output would: sums and
//! differences of the published counts along every row, column and total of every table, on
//! generated collections full of tiny groups with extreme scores, with a managers' module that
//! only some take (its learners are the managers, a group of its own, and a row of the
//! overview's breakdown by role); and one learner's forty
//! retakes against everyone else's single attempt.

use std::collections::BTreeMap;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

use super::render::json;
use super::report_from_completions;
use super::testkit::{completion, courses, courses_with_managers, settings};
use crate::record::CompletionRecord;
use crate::verdict::CourseIndex;

/// Mid-quarter moments: 2024-Q3, 2024-Q4, 2025-Q1, 2025-Q2 (all before the test's now).
const QUARTERS: [i64; 4] = [1_723_000_000, 1_731_000_000, 1_739_000_000, 1_746_000_000];

/// A collection of many tiny forvaltninger (1–4 learners) and two larger ones; every attempt
/// is all right or all wrong, some learners retake, some move to another forvaltning, and some
/// attempts are answered in no time, so the verdict does not accept them (a few learners have
/// nothing else: they count among the learners as »attempted, not accepted«). About a third
/// are managers, who also take the managers' module (the set's last).
fn tiny_groups(seed: u64) -> Vec<(String, u64, CompletionRecord)> {
    let set = courses_with_managers();
    let managers_module = set.modules.len() - 1;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut sizes: Vec<usize> = (0..14).map(|_| rng.random_range(1..=4)).collect();
    sizes.extend([rng.random_range(6..=12), rng.random_range(10..=25)]);
    let mut out = Vec::new();
    for (f, &size) in sizes.iter().enumerate() {
        for i in 0..size {
            let learner = format!("F{f}-{i}");
            let always_hasty = rng.random_bool(0.05);
            let manager = rng.random_bool(0.35);
            let mut line = 0;
            for (qi, &q) in QUARTERS.iter().enumerate() {
                for module in 0..set.modules.len() {
                    if (module == managers_module && !manager) || !rng.random_bool(0.6) {
                        continue;
                    }
                    // One in eight attempts is made from another forvaltning.
                    let forv = if rng.random_bool(0.125) {
                        format!("F{}", rng.random_range(0..sizes.len()))
                    } else {
                        format!("F{f}")
                    };
                    for retake in 0..rng.random_range(1..=3) {
                        let right = rng.random_bool(0.5);
                        let at = q + i64::try_from(module * 50_000 + retake * 3_600 + qi)
                            .expect("small");
                        let mut c = completion(&set, module, &learner, &forv, at, &[right; 4]);
                        if always_hasty || rng.random_bool(0.1) {
                            c.attempt.started = c.attempt.finished;
                        }
                        line += 1;
                        out.push((format!("{learner}.ron"), line, c));
                    }
                }
            }
        }
    }
    out
}

/// The published aggregate report, as a reader gets it.
fn published(items: &[(String, u64, CompletionRecord)], min: u32) -> Value {
    let (r, _) = report_from_completions(
        &CourseIndex::new(&courses_with_managers(), &[]),
        &settings(min),
        None,
        items.iter().map(|(p, l, c)| (p.as_str(), *l, c)),
    );
    serde_json::from_str(&json::render(&r).expect("serialises")).expect("JSON")
}

fn count(v: &Value, field: &str) -> Option<u64> {
    v[field].as_u64()
}

/// What the attack learns about one line of a table: the learners of its withheld cells
/// together (the total minus every shown part), and how many cells are withheld.
fn difference(total: &Value, parts: &[&Value]) -> Option<(u64, usize)> {
    let total = count(total, "learners")?;
    let shown: u64 = parts.iter().filter_map(|p| count(p, "learners")).sum();
    let withheld = parts.iter().filter(|p| p["suppressed"] == true).count();
    Some((total - shown, withheld))
}

/// The counts of learners in a completion row besides its size; each is a sum over the
/// forvaltninger, like the size.
const COMPLETION_COUNTS: [&str; 4] = ["started", "not_accepted", "passed", "overdue"];

/// Where no part of a completion line is withheld, every count of the total is the sum of the
/// parts' (the figures are additive, so withholding is the only thing that hides a part).
fn adds_up(what: &str, total: &Value, parts: &[&Value]) {
    if parts.iter().any(|p| p["suppressed"] == true) || total["suppressed"] == true {
        return;
    }
    for field in COMPLETION_COUNTS {
        let sum: u64 = parts.iter().filter_map(|p| count(p, field)).sum();
        assert_eq!(count(total, field), Some(sum), "{what}: {field} adds up");
    }
}

/// One line of a table: its total (when published) and its parts.
type Line<'v> = (Option<&'v Value>, Vec<&'v Value>);

/// Runs the attack on one published report; returns how many lines had two or more withheld
/// parts under a shown total (the case the old rule missed).
fn attack(js: &Value, min: u64) -> usize {
    let mut multi = 0;
    let mut check = |what: String, total: &Value, parts: &[&Value]| {
        for p in parts.iter().chain([&total]) {
            if let Some(n) = count(p, "learners") {
                assert!(n >= min, "{what}: a shown cell of {n} learners");
            }
        }
        if let Some((hidden, withheld)) = difference(total, parts) {
            assert!(
                hidden == 0 || hidden >= min,
                "{what}: the total minus the shown parts reveals {hidden} learners"
            );
            assert_eq!(
                hidden == 0,
                withheld == 0,
                "{what}: the parts add up to the total"
            );
            multi += usize::from(withheld >= 2);
        }
    };
    // Knowledge: along the forvaltninger of every (topic, quarter); the quarters and topics of
    // one forvaltning have no published total to subtract from, and the lines across quarters
    // are checked for shown cells below the minimum by the same walk.
    let mut lines: BTreeMap<(String, String, String), Line<'_>> = BTreeMap::new();
    for row in js["knowledge"].as_array().expect("rows") {
        let key = (
            row["kind"].to_string(),
            row["topic"].to_string(),
            row["quarter"].to_string(),
        );
        let line = lines.entry(key).or_default();
        if row["forvaltning"] == "*" {
            line.0 = Some(row);
        } else {
            line.1.push(row);
        }
    }
    for (key, (total, parts)) in &lines {
        check(format!("knowledge {key:?}"), total.expect("a total"), parts);
    }
    // Completion: along the forvaltninger of every module, and the overview's learners as a
    // total of the forvaltninger's sizes. The modules of one audience have the same learners,
    // so a forvaltning has one size per audience.
    let set = courses_with_managers();
    let for_everyone = |row: &Value| {
        let module = set.get(row["module"].as_str().unwrap_or_default());
        let audience = module.expect("a module of the set").module.audience;
        matches!(audience, crate::course::Audience::Everyone)
    };
    let mut modules: BTreeMap<String, Line<'_>> = BTreeMap::new();
    let mut sizes: BTreeMap<(bool, String), Vec<&Value>> = BTreeMap::new();
    for row in js["completion"].as_array().expect("rows") {
        let line = modules.entry(row["module"].to_string()).or_default();
        if row["forvaltning"] == "*" {
            line.0 = Some(row);
        } else {
            line.1.push(row);
            sizes
                .entry((for_everyone(row), row["forvaltning"].to_string()))
                .or_default()
                .push(row);
        }
    }
    for (m, (total, parts)) in &modules {
        let total = total.expect("a total");
        check(format!("completion {m}"), total, parts);
        adds_up(&format!("completion {m}"), total, parts);
    }
    // Across the modules of an audience a forvaltning has one size: shown in one module, it
    // would reopen its withheld cell in another.
    for (f, rows) in &sizes {
        assert!(
            rows.iter()
                .all(|r| r["suppressed"] == rows[0]["suppressed"]),
            "{f:?} is withheld in some modules only"
        );
    }
    // The overview's learners are the same total as every module for everyone's
    // all-forvaltninger row (learners whose attempts were all not accepted included), never a
    // second, different one; a managers' module's total is the managers', fewer.
    for (total, _) in modules.values() {
        let Some(total) = total else { continue };
        let (n, all) = (count(total, "learners"), count(&js["counts"], "learners"));
        if for_everyone(total) {
            assert!(n.is_none() || n == all, "completion {total}");
        } else {
            assert!(n < all, "completion {total}");
        }
    }
    let overview = serde_json::json!({ "learners": js["counts"]["learners"] });
    let one_per_forvaltning: Vec<&Value> = sizes
        .iter()
        .filter(|((everyone, _), _)| *everyone)
        .map(|(_, rows)| rows[0])
        .collect();
    check("overview".into(), &overview, &one_per_forvaltning);
    // The overview's rows per role are a second breakdown of the same total (its shares of
    // the quarter before come with no count, so only today's people can be subtracted).
    let rows = js["overview"].as_array().expect("rows");
    let as_learners = |r: &Value| serde_json::json!({ "learners": r["employees"], "suppressed": r["suppressed"] });
    let roles: Vec<Value> = rows
        .iter()
        .filter(|r| r["role"] != "*")
        .map(as_learners)
        .collect();
    if !roles.is_empty() {
        check(
            "overview by role".into(),
            &as_learners(&rows[0]),
            &roles.iter().collect::<Vec<_>>(),
        );
    }
    multi
}

/// The overview table publishes the same people per forvaltning as the completion table's
/// modules for everyone: the same sizes, withheld in the same places, the same total; so the
/// differencing of those (in [`attack`]) covers it too.
fn overview_is_the_completion_tables_people(js: &Value) {
    let everyone: Vec<&Value> = js["completion"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["module"] == js["completion"][0]["module"])
        .collect();
    for r in js["overview"].as_array().expect("rows") {
        if r["role"] != "*" {
            continue;
        }
        let c = everyone
            .iter()
            .find(|c| c["forvaltning"] == r["forvaltning"])
            .expect("the same forvaltning in the completion table");
        assert_eq!(r["suppressed"], c["suppressed"], "{}", r["forvaltning"]);
        assert_eq!(r["employees"], c["learners"], "{}", r["forvaltning"]);
    }
    assert_eq!(js["overview"][0]["forvaltning"], "*");
    assert_eq!(
        count(&js["overview"][0], "employees"),
        count(&js["counts"], "learners")
    );
}

#[test]
fn differencing_the_published_counts_reveals_no_group_below_the_minimum() {
    for min in [3, 5, 10] {
        let mut multi = 0;
        let mut not_accepted = 0;
        let mut managers_shown = 0;
        let mut roles_shown = 0;
        for seed in 0..6 {
            let items = tiny_groups(seed * 31 + u64::from(min));
            let js = published(&items, min);
            multi += attack(&js, u64::from(min));
            overview_is_the_completion_tables_people(&js);
            roles_shown += js["overview"]
                .as_array()
                .expect("rows")
                .iter()
                .filter(|r| r["role"] != "*" && r["suppressed"] == false)
                .count();
            managers_shown += js["completion"]
                .as_array()
                .expect("rows")
                .iter()
                .filter(|r| r["module"] == super::testkit::MANAGERS_MODULE)
                .filter(|r| r["forvaltning"] != "*" && r["suppressed"] == false)
                .count();
            not_accepted += js["completion"]
                .as_array()
                .expect("rows")
                .iter()
                .filter(|r| r["forvaltning"] == "*")
                .filter_map(|r| count(r, "not_accepted"))
                .sum::<u64>();
        }
        assert!(
            multi > 0,
            "the collections exercise totals with several withheld parts (min {min})"
        );
        assert!(
            not_accepted > 0,
            "the collections hold learners whose attempts were not accepted (min {min})"
        );
        assert!(
            roles_shown > 0,
            "the overview shows rows per role (min {min})"
        );
        // (With a minimum of 10 every forvaltning's managers are too few to show.)
        assert!(
            min == 10 || managers_shown > 0,
            "the managers' module shows forvaltninger of its own (min {min})"
        );
    }
}

/// The all-forvaltninger share of the first area of module 0 in 2025-Q1.
fn cell(items: &[(String, u64, CompletionRecord)]) -> f64 {
    let js = published(items, 3);
    let area = courses().modules[0].module.questions[0].area;
    js["knowledge"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| {
            r["forvaltning"] == "*" && r["quarter"] == "2025-Q1" && r["topic"] == area.ident()
        })
        .and_then(|r| r["share"].as_f64())
        .expect("the cell is shown")
}

#[test]
fn forty_retakes_move_a_shown_cell_no_more_than_any_other_learner() {
    let set = courses();
    let q1 = QUARTERS[2];
    let one = |learner: &str, at: i64, right: bool| {
        let c = completion(&set, 0, learner, "G", at, &[right; 4]);
        (format!("{learner}.ron"), 1, c)
    };
    // A retakes 39 times all wrong and ends the quarter all right; B and C are all right
    // once, D and E all wrong once.
    let mut items: Vec<(String, u64, CompletionRecord)> =
        (0..39).map(|k| one("A", q1 + k * 3_600, false)).collect();
    items.push(one("A", q1 + 39 * 3_600, true));
    for (l, right) in [("B", true), ("C", true), ("D", false), ("E", false)] {
        items.push(one(l, q1, right));
    }
    let with_all = cell(&items);
    assert!(
        (with_all - 0.6).abs() < 1e-9,
        "{with_all}: three of five learners right"
    );
    // Counted per answer, A's retakes would have made it 3 · 4 of 44 · 4 right (7 %).
    let without = |l: &str| {
        cell(
            &items
                .iter()
                .filter(|(p, _, _)| p != &format!("{l}.ron"))
                .cloned()
                .collect::<Vec<_>>(),
        )
    };
    let moved: BTreeMap<&str, f64> = ["A", "B", "C", "D", "E"]
        .into_iter()
        .map(|l| (l, (with_all - without(l)).abs()))
        .collect();
    let most_by_others = moved
        .iter()
        .filter(|(l, _)| **l != "A")
        .map(|(_, d)| *d)
        .fold(0.0, f64::max);
    assert!(moved["A"] <= most_by_others + 1e-12, "{moved:?}");
    assert!(
        (moved["A"] - moved["B"]).abs() < 1e-12,
        "A weighs as B: {moved:?}"
    );
    // And with only A's last attempt the cell is the same.
    let last_only: Vec<_> = items[39..].to_vec();
    assert!((cell(&last_only) - with_all).abs() < 1e-12);
}
