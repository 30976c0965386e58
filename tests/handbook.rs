//! The handbook as data: a changed word flags exactly what rests on its section, recording the
//! review clears it, a new regulativ section can be cited once it is added, and the coverage
//! lists every section of the policy with its lessons and questions. Each test works on a
//! copy of the bundled courses and handbook in a temporary folder.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use bevidst::course::{self, CourseSet};
use bevidst::handbook::trace::{self, Change};
use bevidst::handbook::{Citation, lock};

#[path = "support/hermetic.rs"]
mod hermetic;

/// Copies `courses/*.ron` and `courses/handbook/` (documents and lock) into `dir`.
fn copy_courses(dir: &Path) {
    let handbook = dir.join("handbook");
    std::fs::create_dir_all(&handbook).expect("create the handbook folder");
    for (from, to) in [
        (Path::new("courses"), dir),
        (Path::new("courses/handbook"), &handbook),
    ] {
        for entry in std::fs::read_dir(from).expect("read the bundled folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_file() {
                let name = path.file_name().expect("a file name");
                std::fs::copy(&path, to.join(name)).expect("copy a course file");
            }
        }
    }
}

/// Replaces the first `from` in a file with `to`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read the file");
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write the file");
}

/// Every (module, lesson page or question id) citing `section`, read from the modules
/// themselves rather than from the trace.
fn citing(set: &CourseSet, section: Citation) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for m in &set.modules {
        let m = &m.module;
        for (i, l) in m.lessons.iter().enumerate() {
            if Citation::parse(&l.section) == section {
                out.insert((m.id.clone(), (i + 1).to_string()));
            }
        }
        for q in &m.questions {
            if Citation::parse(&q.section) == section {
                out.insert((m.id.clone(), q.id.clone()));
            }
        }
    }
    out
}

/// Every (module, lesson page or question id) the trace lists for a section.
fn listed(uses: &trace::SectionUses) -> BTreeSet<(String, String)> {
    uses.lessons
        .iter()
        .chain(&uses.questions)
        .map(|u| (u.module.clone(), u.item.clone()))
        .collect()
}

/// The binary with an environment built from scratch ([`hermetic::command`]).
fn bevidst(args: &[&str]) -> Output {
    let sandbox = tempfile::tempdir().expect("temp dir");
    hermetic::command(env!("CARGO_BIN_EXE_bevidst"), sandbox.path())
        .args(args)
        .output()
        .expect("run bevidst")
}

#[test]
fn the_bundled_courses_are_reviewed_against_the_bundled_handbook() {
    let set = course::bundled().expect("the bundled courses load");
    let lock = lock::read(&set.handbook).expect("the bundled lock reads");
    let review = trace::review(&set, &lock);
    assert!(review.is_clean(), "{}", review.to_review_text("courses"));
    assert!(review.stale.is_empty());
}

#[test]
fn one_changed_word_flags_exactly_what_cites_its_section_until_the_review_is_recorded() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_courses(dir.path());
    let before = course::load_dir(dir.path()).expect("the copy loads");
    assert!(
        trace::review(&before, &lock::read(&before.handbook).expect("lock")).is_clean(),
        "the copy starts clean"
    );

    edit(
        &dir.path().join("handbook/politik.ron"),
        "afprøves beredskabsplaner",
        "testes beredskabsplaner",
    );
    let set = course::load_dir(dir.path()).expect("the edited copy loads");
    let review = trace::review(&set, &lock::read(&set.handbook).expect("lock"));
    let section = Citation::parse("1.7");
    let flagged: Vec<String> = review
        .to_review
        .iter()
        .map(|(u, _)| u.citation().to_string())
        .collect();
    assert_eq!(flagged, ["politik:1.7"]);
    let (uses, change) = &review.to_review[0];
    assert_eq!(*change, Change::Changed);
    let listed = listed(uses);
    let expected = citing(&set, section);
    assert!(expected.len() > 3, "1.7 is taught and tested: {expected:?}");
    assert_eq!(listed, expected);
    // Each is named with its file and line, the line holding the citation.
    for u in uses.lessons.iter().chain(&uses.questions) {
        let text = std::fs::read_to_string(&u.file).expect("the cited file");
        let line = text.lines().nth(u.line - 1).expect("the line exists");
        assert!(line.contains("\"1.7\""), "{}:{}: {line}", u.file, u.line);
    }

    // `check` fails and lists them; recording the review clears it.
    let shown = dir.path().display().to_string();
    let out = bevidst(&["check", &shown]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("  to review: ").count(),
        expected.len(),
        "{stderr}"
    );
    assert!(
        stderr.contains("politik:1.7 »It-beredskab« has changed"),
        "{stderr}"
    );

    let out = bevidst(&["check", &shown, "--reviewed", "politik:1.7"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("recorded the review of politik:1.7"));
    let out = bevidst(&["check", &shown]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("to review"));
}

#[test]
fn a_reviewed_key_the_handbook_lacks_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_courses(dir.path());
    let lock_path = dir.path().join("handbook/reviewed.lock");
    let before = std::fs::read(&lock_path).expect("the lock");
    let out = bevidst(&[
        "check",
        &dir.path().display().to_string(),
        "--reviewed",
        "politik:1.9",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--reviewed politik:1.9"));
    assert_eq!(std::fs::read(&lock_path).expect("the lock"), before);
    // The bundled handbook's record cannot be changed.
    let out = bevidst(&["check", "--reviewed", "politik:1.7"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_new_regulativ_section_can_be_cited_once_it_is_added() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_courses(dir.path());
    let regulativ = dir.path().join("handbook/regulativ.ron");
    std::fs::copy("tests/fixtures/handbook/regulativ.ron", &regulativ).expect("copy");
    let module = dir.path().join("03-adgang.ron");
    edit(&module, "section: \"1.6\"", "section: \"regulativ:2.4\"");

    let errors = course::load_dir(dir.path()).expect_err("2.4 is not in the regulativ yet");
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("03-adgang.ron:")
            && lines[0].ends_with("cites section \"2.4\" of `regulativ`, which that document does not have; use one of 2.1"),
        "{lines:?}"
    );

    edit(
        &regulativ,
        "    ],\n)",
        "        Section(\n            number: \"2.4\",\n            title: (da: \"Skærmlås\"),\n            \
         text: \"Skærmen skal låses, når du går fra den.\",\n        ),\n    ],\n)",
    );
    let set = course::load_dir(dir.path()).expect("2.4 can be cited once it is added");
    assert_eq!(
        set.handbook
            .citation_label("regulativ:2.4", bevidst::lang::Lang::Da),
        "Regulativets afsnit 2.4: Skærmlås"
    );
    // Its sections are new to the lock: they must be reviewed once, and then the set is clean.
    let review = trace::review(&set, &lock::read(&set.handbook).expect("lock"));
    let new: Vec<String> = review
        .to_review
        .iter()
        .map(|(u, change)| format!("{} {change:?}", u.citation()))
        .collect();
    assert_eq!(new, ["regulativ:2.1 New", "regulativ:2.4 New"]);
    assert_eq!(
        review.to_review[1].0.lessons.len() + review.to_review[1].0.questions.len(),
        1
    );
    let out = bevidst(&[
        "check",
        &dir.path().display().to_string(),
        "--reviewed",
        "regulativ",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_coverage_lists_every_policy_section_with_its_lessons_and_questions() {
    let set = course::bundled().expect("the bundled courses load");
    let coverage = trace::coverage(&set);
    let numbers: Vec<String> = coverage.iter().map(|u| u.citation().to_string()).collect();
    assert_eq!(
        numbers,
        [
            "politik:1",
            "politik:1.1",
            "politik:1.2",
            "politik:1.3",
            "politik:1.4",
            "politik:1.5",
            "politik:1.6",
            "politik:1.7",
            "politik:1.8"
        ]
    );
    for uses in &coverage {
        assert_eq!(
            listed(uses),
            citing(&set, uses.citation()),
            "{}",
            uses.citation()
        );
    }

    let out = bevidst(&["handbook", "--format", "json", "--today", "2026-12-02"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let doc = &json["documents"][0];
    assert_eq!(doc["id"], "politik");
    assert_eq!(doc["review"]["due"], "2028-11-28");
    assert_eq!(doc["review"]["state"], "later");
    assert_eq!(doc["sections"].as_array().map(Vec::len), Some(9));
    let questions: usize = doc["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s["questions"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(
        questions,
        set.modules
            .iter()
            .map(|m| m.module.questions.len())
            .sum::<usize>()
    );

    let out = bevidst(&["handbook", "--today", "2028-11-29", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("next review due by 28 November 2028 (every 24 months). OVERDUE: the review is overdue since 29 November 2028."),
        "{text}"
    );
}
