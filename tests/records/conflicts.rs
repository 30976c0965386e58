//! The report when files of one installation disagree (issue 11, findings 5, 6 and 9): a
//! planted file can never void, shorten or extend an anchored log, temporary copies are never
//! counted, a lost anchor file is a warning, and a change of employee id within a log is noted.

use std::fs;
use std::path::{Path, PathBuf};

use bevidst::lang::Lang;
use bevidst::record::{CompletionRecord, LearnerLog, collection_file_name, header_line, log_path};
use bevidst::report::model::ProblemKind;
use bevidst::report::{Paths, RunOutput, Settings, run};
use bevidst::schedule::Rules;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// 2025-03-03, a Monday; each attempt is a week later.
const T0: u64 = 1_741_000_000;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn collection(&self) -> PathBuf {
        self.dir.path().join("indsamling")
    }

    fn paths(&self) -> Paths {
        Paths {
            collection: self.collection(),
            roster: None,
            anchors: self.dir.path().join("report/anchors.txt"),
            memory: Some(self.dir.path().join("key/anchor-memory.txt")),
        }
    }

    fn run(&self) -> RunOutput {
        let set = bevidst::course::bundled().expect("bundled");
        let settings = Settings {
            min_group: 3,
            rules: Rules::default(),
            now: "2025-12-01T12:00:00Z".parse().expect("time"),
            lang: Lang::En,
            followup: true,
        };
        run(&self.paths(), &set, &settings, 2, None).expect("the report runs")
    }

    /// A learner's real log with `n` honest attempts, in its own data folder `name`.
    fn learner(&self, name: &str, learner: &str, n: u64) -> LearnerLog {
        let mut rng = ChaCha8Rng::seed_from_u64(n + name.len() as u64);
        let path = log_path(&self.dir.path().join(name));
        let (mut log, _) = LearnerLog::open(&path, &mut rng).expect("opens");
        for k in 0..n {
            log.append(super::honest(learner, T0 + k * 7 * 86_400))
                .expect("appends");
        }
        log
    }
}

/// The log's records sealed again from `from` on, as a forger with the program would: the
/// chain stays valid, the content is the forger's.
fn forged_lines(log: &LearnerLog, keep: usize, extra: &[(&str, u64)]) -> String {
    let inst = log.installation();
    let mut lines = vec![header_line(inst)];
    let mut prev = [0; 32];
    let mut seq = 0;
    for r in &log.records()[..keep] {
        lines.push(r.to_line());
        prev = r.hash;
        seq = r.seq;
    }
    for (learner, finished) in extra {
        seq += 1;
        let r = CompletionRecord::seal(super::honest(learner, *finished), inst, seq, prev)
            .expect("seals");
        prev = r.hash;
        lines.push(r.to_line());
    }
    lines.join("\n") + "\n"
}

fn problems_of<'r>(r: &'r RunOutput, path: &Path) -> Vec<&'r bevidst::report::model::Problem> {
    let shown = path.display().to_string();
    r.followup
        .problems
        .iter()
        .filter(|p| p.path == shown)
        .collect()
}

/// The file has exactly one problem, of `kind`, covering `records` records.
fn assert_only_problem(r: &RunOutput, path: &Path, kind: ProblemKind, records: u64) {
    let listed = problems_of(r, path);
    assert_eq!(listed.len(), 1, "{listed:#?}");
    assert_eq!(listed[0].kind, kind);
    assert_eq!(listed[0].records, records);
}

fn add_up(r: &RunOutput) {
    let c = &r.report.counts;
    assert_eq!(c.records_read, c.records_counted + c.records_rejected);
    assert_eq!(
        c.files_read,
        c.files_counted + c.files_partly_counted + c.files_rejected
    );
    let covered: u64 = r.followup.problems.iter().map(|p| p.records).sum();
    assert_eq!(covered, c.records_rejected, "{:#?}", r.followup.problems);
}

#[test]
fn a_planted_file_cannot_void_an_anchored_log() {
    let env = Env::new();
    let victim = env.learner("victim", "1111111", 3);
    let genuine = victim.collect_to(&env.collection());
    assert_eq!(env.run().report.counts.records_counted, 3);

    // One self-consistent record with the victim's installation, under another name.
    let planted = env.collection().join("planted.ron");
    fs::write(&planted, forged_lines(&victim, 0, &[("2222222", T0)])).expect("planted");
    let r = env.run();
    assert_eq!(
        r.report.counts.records_counted, 3,
        "{:#?}",
        r.followup.problems
    );
    assert!(
        problems_of(&r, &genuine).is_empty(),
        "{:#?}",
        r.followup.problems
    );
    assert_only_problem(&r, &planted, ProblemKind::DuplicateInstallation, 1);
    add_up(&r);
}

#[test]
fn a_longer_copy_extending_an_anchored_log_is_not_counted() {
    let env = Env::new();
    let mut victim = env.learner("victim", "1111111", 2);
    let genuine = victim.collect_to(&env.collection());
    assert_eq!(env.run().report.counts.records_counted, 2);

    // The victim's chain, extended with a forged third record, in a subfolder.
    let longer = env
        .collection()
        .join("sub")
        .join(collection_file_name(victim.installation()));
    fs::create_dir_all(longer.parent().expect("folder")).expect("mkdir");
    fs::write(
        &longer,
        forged_lines(&victim, 2, &[("1111111", T0 + 30 * 86_400)]),
    )
    .expect("planted");
    let r = env.run();
    assert_eq!(
        r.report.counts.records_counted, 2,
        "{:#?}",
        r.followup.problems
    );
    assert_eq!(
        problems_of(&r, &longer)[0].kind,
        ProblemKind::DuplicateInstallation
    );
    add_up(&r);

    // The genuine log goes on, and is still the one counted (the forgery moved no anchor).
    victim
        .append(super::honest("1111111", T0 + 40 * 86_400))
        .expect("appends");
    victim.collect_to(&env.collection());
    let r = env.run();
    assert_eq!(
        r.report.counts.records_counted, 3,
        "{:#?}",
        r.followup.problems
    );
    assert!(
        problems_of(&r, &genuine).is_empty(),
        "{:#?}",
        r.followup.problems
    );
    add_up(&r);
}

#[test]
fn unanchored_files_that_differ_count_only_what_they_share() {
    let env = Env::new();
    let a = env.learner("a", "1111111", 3);
    fs::create_dir_all(env.collection()).expect("mkdir");
    let one = env.collection().join("one.ron");
    let two = env.collection().join("two.ron");
    fs::write(&one, forged_lines(&a, 3, &[])).expect("written");
    fs::write(&two, forged_lines(&a, 1, &[("1111111", T0 + 90 * 86_400)])).expect("written");
    let r = env.run();
    assert_eq!(
        r.report.counts.records_counted, 1,
        "{:#?}",
        r.followup.problems
    );
    assert!(!problems_of(&r, &one).is_empty());
    assert!(!problems_of(&r, &two).is_empty());
    add_up(&r);
}

#[test]
fn leftover_temporary_copies_are_listed_and_never_counted() {
    let env = Env::new();
    let mut log = env.learner("a", "1111111", 2);
    let copy = log.collect_to(&env.collection());
    // An interrupted copy that holds more than the real one: it must not win.
    log.append(super::honest("1111111", T0 + 30 * 86_400))
        .expect("appends");
    let name = collection_file_name(log.installation());
    let leftover = env.collection().join(format!(".{name}.4242.7.tmp"));
    fs::copy(log.path(), &leftover).expect("copied");
    let r = env.run();
    assert_eq!(
        r.report.counts.records_read, 2,
        "{:#?}",
        r.followup.problems
    );
    assert_eq!(r.report.counts.records_counted, 2);
    assert!(
        problems_of(&r, &copy).is_empty(),
        "{:#?}",
        r.followup.problems
    );
    assert_only_problem(&r, &leftover, ProblemKind::Leftover, 0);
    add_up(&r);
}

#[test]
fn a_lost_anchor_file_is_a_prominent_warning_not_a_fresh_start() {
    let env = Env::new();
    env.learner("a", "1111111", 2).collect_to(&env.collection());
    env.learner("b", "3333333", 1).collect_to(&env.collection());
    let first = env.run();
    assert_eq!(first.report.counts.anchored_logs, 0, "nothing anchored yet");
    assert_eq!(first.anchors_lost, None);
    let second = env.run();
    assert_eq!(
        second.report.counts.anchored_logs, 2,
        "the report says what it held"
    );
    assert_eq!(second.anchors_lost, None);

    fs::remove_file(env.paths().anchors).expect("the anchor file is deleted");
    let third = env.run();
    assert_eq!(third.anchors_lost, Some(2));
    let warning = &third.followup.problems[0];
    assert_eq!(warning.kind, ProblemKind::AnchorsMissing);
    assert!(
        warning.message.contains("held anchors for 2 logs"),
        "{}",
        warning.message
    );

    fs::write(env.paths().anchors, "bevidst-report-anchors 2\n").expect("emptied");
    let fourth = env.run();
    assert_eq!(
        fourth.anchors_lost,
        Some(2),
        "an emptied file is noticed too"
    );
}

#[test]
fn a_change_of_employee_id_within_a_log_is_noted() {
    let env = Env::new();
    let mut log = env.learner("a", "1111111", 1);
    log.append(super::honest("2222222", T0 + 30 * 86_400))
        .expect("appends");
    let copy = log.collect_to(&env.collection());
    let r = env.run();
    assert_eq!(r.report.counts.records_counted, 2, "both are counted");
    let notes = problems_of(&r, &copy);
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0].kind, ProblemKind::LearnerChanged);
    assert_eq!(notes[0].line, Some(3));
    assert!(!notes[0].message.contains("2222222"), "no ids in the note");
    add_up(&r);
}

/// Copying a log into a collection folder, creating the folder.
trait CollectTo {
    fn collect_to(&self, dir: &Path) -> PathBuf;
}

impl CollectTo for LearnerLog {
    fn collect_to(&self, dir: &Path) -> PathBuf {
        fs::create_dir_all(dir).expect("mkdir");
        self.collect(dir).expect("copied")
    }
}

#[test]
fn installation_ids_in_file_names_are_what_the_report_trusts_first() {
    // Without an anchor, the file with the copy's name is the installation's own log.
    let env = Env::new();
    let log = env.learner("a", "1111111", 2);
    let own = log.collect_to(&env.collection());
    let other = env.collection().join("x.ron");
    fs::write(
        &other,
        forged_lines(&log, 2, &[("1111111", T0 + 60 * 86_400)]),
    )
    .expect("w");
    let r = env.run();
    assert_eq!(
        r.report.counts.records_counted, 2,
        "{:#?}",
        r.followup.problems
    );
    assert!(problems_of(&r, &own).is_empty());
    assert_eq!(
        problems_of(&r, &other)[0].kind,
        ProblemKind::DuplicateInstallation
    );
}
