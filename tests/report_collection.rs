//! `bevidst report` on real log files: bad input of every kind is reported and not counted,
//! the numbers add up, anchors catch rewritten history, and threads do not change the result.

use std::path::{Path, PathBuf};

use bevidst::attempt::{AnsweredQuestion, FinishedAttempt};
use bevidst::canon::Digest32;
use bevidst::course::CourseSet;
use bevidst::lang::Lang;
use bevidst::record::{CompletionRecord, InstallationId, header_line};
use bevidst::report::model::{ProblemKind, Report};
use bevidst::report::{Paths, RunOutput, Settings, render, run};
use bevidst::schedule::Rules;

#[path = "support/hermetic.rs"]
mod hermetic;

const T0: u64 = 1_740_000_000; // 2025-02-19

#[path = "support/small_courses.rs"]
mod small_courses;
use small_courses::courses;

fn draft(
    set: &CourseSet,
    learner: &str,
    module: usize,
    finished: u64,
    right: usize,
) -> FinishedAttempt {
    let m = &set.modules[module];
    let answers: Vec<AnsweredQuestion> = m
        .module
        .questions
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, q)| AnsweredQuestion {
            id: q.id.clone(),
            area: q.area,
            correct: i < right,
        })
        .collect();
    let score = u32::try_from(right).expect("small");
    FinishedAttempt {
        learner: learner.into(),
        forvaltning: "Kultur- og Fritidsforvaltningen".into(),
        module: m.module.id.clone(),
        module_version: m.module.version,
        content_hash: m.hash,
        started: finished - 300,
        finished,
        score,
        max: 4,
        passed: score >= 3,
        answers,
    }
}

/// The lines of a log of `drafts` for installation `inst` (header first).
fn log_lines(inst: u8, drafts: Vec<FinishedAttempt>) -> Vec<String> {
    let installation = InstallationId([inst; 16]);
    let mut prev: Digest32 = [0; 32];
    let mut lines = vec![header_line(installation)];
    for (i, d) in drafts.into_iter().enumerate() {
        let r = CompletionRecord::seal(d, installation, i as u64 + 1, prev).expect("valid draft");
        prev = r.hash;
        lines.push(r.to_line());
    }
    lines
}

fn write(path: &Path, lines: &[String]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(path, lines.join("\n") + "\n").expect("written");
}

/// A learner's log with `n` attempts of module 0, a week apart.
fn learner_log(set: &CourseSet, inst: u8, learner: &str, n: usize) -> Vec<String> {
    let drafts = (0..n)
        .map(|k| draft(set, learner, 0, T0 + k as u64 * 7 * 86_400, 3))
        .collect();
    log_lines(inst, drafts)
}

struct Env {
    _dir: tempfile::TempDir,
    collection: PathBuf,
    anchors: PathBuf,
}

fn env() -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    Env {
        collection: dir.path().join("indsamling"),
        anchors: dir.path().join("report/anchors.txt"),
        _dir: dir,
    }
}

fn settings() -> Settings {
    Settings {
        min_group: 3,
        rules: Rules::default(),
        now: "2025-06-15T12:00:00Z".parse().expect("time"),
        lang: Lang::En,
        followup: true,
    }
}

fn report(env: &Env, set: &CourseSet, roster: Option<PathBuf>, threads: usize) -> RunOutput {
    let paths = Paths {
        collection: env.collection.clone(),
        roster,
        anchors: env.anchors.clone(),
        memory: None,
    };
    run(&paths, set, &settings(), threads, None).expect("the report runs")
}

fn assert_adds_up(out: &RunOutput) {
    let c = &out.report.counts;
    assert_eq!(
        c.records_read,
        c.records_counted + c.records_rejected,
        "{c:?}"
    );
    assert_eq!(
        c.files_read,
        c.files_counted + c.files_partly_counted + c.files_rejected,
        "{c:?}"
    );
    let listed: u64 = out.followup.problems.iter().map(|p| p.records).sum();
    assert_eq!(
        listed, c.records_rejected,
        "every rejected record is listed: {:#?}",
        out.followup.problems
    );
}

fn kinds(out: &RunOutput) -> Vec<(String, ProblemKind)> {
    out.followup
        .problems
        .iter()
        .map(|p| {
            let name = Path::new(&p.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, p.kind)
        })
        .collect()
}

#[test]
fn every_kind_of_bad_file_is_reported_and_not_counted() {
    let set = courses();
    let e = env();
    let c = &e.collection;
    write(&c.join("good.ron"), &learner_log(&set, 1, "1001", 3));
    std::fs::create_dir_all(c).expect("folder");
    std::fs::write(c.join("empty.ron"), "").expect("written");
    std::fs::write(c.join("notes.txt"), "husk frokost\n").expect("written");
    let mut newer = learner_log(&set, 2, "1002", 1);
    newer[0] = newer[0].replace("format:1", "format:7");
    write(&c.join("newer.ron"), &newer);
    // Torn: the last record cut in half, no line break.
    let torn = learner_log(&set, 3, "1003", 3);
    let mut text = torn.join("\n");
    text.truncate(text.len() - 40);
    std::fs::write(c.join("torn.ron"), text).expect("written");
    // Edited: the second record's score raised without recomputing the hash.
    let mut edited = learner_log(&set, 4, "1004", 4);
    edited[2] = edited[2].replace("score:3", "score:4");
    write(&c.join("sub/edited.ron"), &edited);

    let out = report(&e, &set, None, 2);
    let r = &out.report;
    assert_adds_up(&out);
    let k = kinds(&out);
    assert!(
        k.contains(&("empty.ron".into(), ProblemKind::NotALog)),
        "{k:?}"
    );
    assert!(
        k.contains(&("notes.txt".into(), ProblemKind::NotALog)),
        "{k:?}"
    );
    assert!(
        k.contains(&("newer.ron".into(), ProblemKind::NewerFormat)),
        "{k:?}"
    );
    assert!(
        k.contains(&("torn.ron".into(), ProblemKind::TornTail)),
        "{k:?}"
    );
    assert!(
        k.contains(&("edited.ron".into(), ProblemKind::BrokenChain)),
        "{k:?}"
    );
    let edited_problem = out
        .followup
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::BrokenChain)
        .expect("listed");
    assert_eq!(edited_problem.line, Some(3));
    assert_eq!(
        edited_problem.records, 3,
        "the edited line and the two after it"
    );
    // good: 3, torn: 2 of 3, edited: 1 of 4.
    assert_eq!(r.counts.records_counted, 3 + 2 + 1);
    assert_eq!(r.counts.files_read, 6);
    assert_eq!(r.counts.files_counted, 1);
    assert_eq!(r.counts.files_partly_counted, 2);
    assert_eq!(r.counts.files_rejected, 3);
}

#[test]
fn implausible_records_are_rejected_one_by_one() {
    let set = courses();
    let e = env();
    let mut drafts = vec![
        draft(&set, "1001", 0, T0, 3),
        draft(&set, "1001", 1, T0 + 86_400, 4),
    ];
    drafts[1].started = drafts[1].finished - 2; // four questions in two seconds
    write(&e.collection.join("a.ron"), &log_lines(1, drafts));
    let out = report(&e, &set, None, 1);
    let r = &out.report;
    assert_adds_up(&out);
    assert_eq!(r.counts.records_counted, 1);
    let p = &out.followup.problems[0];
    assert_eq!((p.kind, p.line), (ProblemKind::NotAccepted, Some(3)));
    assert!(p.message.contains("took 2 s"), "{}", p.message);
}

#[test]
fn copies_of_one_installation_count_once_and_diverging_ones_not_at_all() {
    let set = courses();
    let e = env();
    let full = learner_log(&set, 1, "1001", 3);
    write(&e.collection.join("a.ron"), &full);
    write(&e.collection.join("backup/a-old.ron"), &full[..3]);
    let out = report(&e, &set, None, 2);
    let r = &out.report;
    assert_adds_up(&out);
    assert_eq!(r.counts.records_counted, 3);
    assert_eq!(
        kinds(&out),
        [("a-old.ron".to_owned(), ProblemKind::DuplicateCopy)]
    );

    // Another installation appears twice with different histories.
    let e = env();
    write(
        &e.collection.join("b1.ron"),
        &learner_log(&set, 2, "2002", 2),
    );
    let other = log_lines(2, vec![draft(&set, "2002", 0, T0 + 99, 4)]);
    write(&e.collection.join("b2.ron"), &other);
    let out = report(&e, &set, None, 2);
    let r = &out.report;
    assert_adds_up(&out);
    assert_eq!(r.counts.records_counted, 0);
    assert!(
        out.followup
            .problems
            .iter()
            .all(|p| p.kind == ProblemKind::DuplicateInstallation)
    );
    assert_eq!(out.followup.problems.len(), 2);
}

#[test]
fn anchors_catch_a_rewritten_or_shortened_log_and_accept_an_extended_one() {
    let set = courses();
    let e = env();
    let path = e.collection.join("a.ron");
    write(&path, &learner_log(&set, 1, "1001", 3));
    let first = report(&e, &set, None, 1).report;
    assert_eq!(first.counts.records_counted, 3);
    assert!(
        std::fs::read_to_string(&e.anchors)
            .expect("anchors saved")
            .contains(" 3 ")
    );

    // The learner recomputes the whole chain with a better score on record 2.
    let mut drafts: Vec<FinishedAttempt> = (0..3)
        .map(|k| draft(&set, "1001", 0, T0 + k * 7 * 86_400, 3))
        .collect();
    drafts[1] = draft(&set, "1001", 0, T0 + 7 * 86_400, 4);
    write(&path, &log_lines(1, drafts));
    let out = report(&e, &set, None, 1);
    let r = &out.report;
    assert_adds_up(&out);
    assert_eq!(r.counts.records_counted, 0);
    assert_eq!(out.followup.problems[0].kind, ProblemKind::RewrittenHistory);
    assert!(
        out.followup.problems[0].message.contains("rewritten"),
        "{}",
        out.followup.problems[0].message
    );

    // Records cut off the end.
    write(&path, &learner_log(&set, 1, "1001", 2));
    let out = report(&e, &set, None, 1);
    let r = &out.report;
    assert_eq!(r.counts.records_counted, 0);
    assert!(
        out.followup.problems[0].message.contains("removed"),
        "{}",
        out.followup.problems[0].message
    );

    // The genuine log, extended by a new attempt: all counted, the anchor moves on.
    write(&path, &learner_log(&set, 1, "1001", 4));
    let out = report(&e, &set, None, 1);
    let r = &out.report;
    assert!(
        out.followup.problems.is_empty(),
        "{:?}",
        out.followup.problems
    );
    assert_eq!(r.counts.records_counted, 4);
    assert!(
        std::fs::read_to_string(&e.anchors)
            .expect("anchors")
            .contains(" 4 ")
    );
}

#[test]
fn a_roster_with_wrong_columns_is_reported_and_the_report_goes_on() {
    let set = courses();
    let e = env();
    write(
        &e.collection.join("a.ron"),
        &learner_log(&set, 1, "1001", 1),
    );
    let roster = e.collection.parent().expect("parent").join("roster.csv");
    std::fs::write(&roster, "id;navn\n1001;Anna\n").expect("written");
    let out = report(&e, &set, Some(roster.clone()), 1);
    let r = &out.report;
    assert!(!r.roster_used);
    assert_eq!(r.counts.records_counted, 1);
    let p = out
        .followup
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Roster)
        .expect("listed");
    assert!(p.message.contains("no column"), "{}", p.message);

    std::fs::write(
        &roster,
        "medarbejder,forvaltning,startdato\n1001,Kultur- og Fritidsforvaltningen,2025-01-01\n1002,Kultur- og Fritidsforvaltningen,2025-13-01\n",
    )
    .expect("written");
    let out = report(&e, &set, Some(roster), 1);
    let r = &out.report;
    assert!(r.roster_used);
    assert_eq!((r.counts.roster_rows, r.counts.roster_rejected), (1, 1));
    let p = out
        .followup
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Roster)
        .expect("listed");
    assert_eq!(p.line, Some(3));
}

#[test]
fn the_number_of_threads_does_not_change_the_report() {
    let set = courses();
    let e = env();
    let dir = e.collection.clone();
    let cfg = bevidst::simulate::SimConfig {
        learners: 60,
        years: 2,
        seed: 7,
        end: 1_749_988_800,
        threads: 2,
    };
    bevidst::simulate::simulate(&set, &cfg, &dir).expect("simulated");
    let one = report(&e, &set, None, 1);
    std::fs::remove_file(&e.anchors).expect("reset anchors");
    let four = report(&e, &set, None, 4);
    assert_adds_up(&one);
    let c = one.report.counts;
    assert!(c.records_counted > 150, "{c:?}");
    let json = |r: &Report| {
        let mut v = serde_json::to_value(r).expect("serialises");
        v["generated_at"] = serde_json::Value::Null;
        v
    };
    assert_eq!(json(&one.report), json(&four.report));
    let followup = |o: &RunOutput| render::followup::render(&o.followup, Lang::En);
    assert_eq!(followup(&one), followup(&four));
}

#[test]
fn the_xapi_export_has_one_statement_per_counted_record() {
    use bevidst::report::privacy::Pseudonymizer;
    use bevidst::report::read::XapiSink;
    use bevidst::report::render::xapi::{XapiOptions, XapiWriter};

    let set = courses();
    let e = env();
    write(
        &e.collection.join("a.ron"),
        &learner_log(&set, 1, "1001", 3),
    );
    let mut torn = learner_log(&set, 2, "1002", 2).join("\n");
    torn.truncate(torn.len() - 30);
    std::fs::write(e.collection.join("b.ron"), torn).expect("written");
    let out_path = e.anchors.with_file_name("statements.json");
    std::fs::create_dir_all(out_path.parent().expect("parent")).expect("folder");
    let file: Box<dyn std::io::Write + Send> =
        Box::new(std::fs::File::create(&out_path).expect("created"));
    let sink = XapiSink {
        writer: std::sync::Mutex::new(XapiWriter::new(file).expect("started")),
        pseudo: Pseudonymizer::new([1; 32]),
        options: XapiOptions::default(),
        error: std::sync::Mutex::new(None),
    };
    let paths = Paths {
        collection: e.collection.clone(),
        roster: None,
        anchors: e.anchors.clone(),
        memory: None,
    };
    let r = run(&paths, &set, &settings(), 2, Some(&sink))
        .expect("runs")
        .report;
    let (_, n) = sink
        .writer
        .into_inner()
        .expect("not poisoned")
        .finish()
        .expect("finished");
    let text = std::fs::read_to_string(&out_path).expect("read");
    let statements: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a JSON array");
    assert_eq!(r.counts.records_counted, 4);
    assert_eq!(n, 4);
    assert_eq!(statements.len(), 4);
    assert!(!text.contains("\"1001\""), "pseudonyms only");
    let mut ids: Vec<&str> = statements.iter().filter_map(|s| s["id"].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 4, "one id per record");
}

#[test]
fn the_binary_writes_markdown_and_csv_for_a_simulated_collection() {
    let e = env();
    let exe = env!("CARGO_BIN_EXE_bevidst");
    let data = e.anchors.parent().expect("parent").to_path_buf();
    let status = hermetic::command(exe, &data)
        .env("BEVIDST_DATA_DIR", &data)
        .args([
            "simulate",
            "--learners",
            "40",
            "--years",
            "1",
            "--seed",
            "3",
            "--synthetic",
        ])
        .args(["--end", "2025-06-15T12:00:00Z", "--out"])
        .arg(&e.collection)
        .status()
        .expect("runs");
    assert!(status.success());
    let empty = data.join("no-courses");
    std::fs::create_dir_all(&empty).expect("folder");
    let out = hermetic::command(exe, &data)
        .env("BEVIDST_DATA_DIR", &data)
        .args([
            "report",
            "--format",
            "md",
            "--now",
            "2025-06-15T12:00:00Z",
            "--lang",
            "en",
        ])
        .arg("--courses")
        .arg(&empty) // an empty folder is refused: the course set must be valid
        .arg(&e.collection)
        .output()
        .expect("runs");
    assert!(
        !out.status.success(),
        "a folder without course files is an error"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no course files"), "{err}");

    // The synthetic set is not bundled, so the report (bundled courses) finds every record's
    // module unknown: all rejected, none crashes, the numbers still add up.
    let out = hermetic::command(exe, &data)
        .env("BEVIDST_DATA_DIR", &data)
        .args(["report", "--format", "csv", "--now", "2025-06-15T12:00:00Z"])
        .arg(&e.collection)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("table,key,measure,value\n"), "{csv}");
    assert!(csv.contains("collection,records_counted,value,0"), "{csv}");
    assert!(
        data.join("report/anchors.txt").exists(),
        "anchors kept in the data folder"
    );
}

#[test]
fn the_report_states_when_the_handbook_is_next_reviewed() {
    // The synthetic courses cite the bundled handbook: the policy, revised 2026-11-28 and
    // reviewed every 24 months. On 2025-06-15 that review lies ahead; in 2029 it is overdue.
    let env = env();
    let set = courses();
    std::fs::create_dir_all(&env.collection).expect("made");
    let out = report(&env, &set, None, 1);
    let reviews = &out.report.handbook_reviews;
    assert_eq!(reviews.len(), set.handbook.documents.len());
    let politik = &reviews[0];
    assert_eq!(politik.every_months, 24);
    assert_eq!(
        politik.due.due,
        bevidst::schedule::add_months(politik.due.revised, 24)
    );
    let md = render::markdown::render(&out.report, Lang::Da);
    assert!(
        md.contains("## It-sikkerhedshåndbogens revurdering"),
        "{md}"
    );
    assert!(md.contains(&politik.due.due.to_string()), "{md}");

    let mut late = settings();
    late.now = "2029-01-02T12:00:00Z".parse().expect("time");
    let paths = Paths {
        collection: env.collection.clone(),
        roster: None,
        anchors: env.anchors.clone(),
        memory: None,
    };
    let out = run(&paths, &set, &late, 1, None).expect("the report runs");
    let md = render::markdown::render(&out.report, Lang::Da);
    assert!(md.contains("FORSINKET"), "{md}");
}
