//! Unix manners, permissions and degrading gracefully (issue 11, findings 7, 8 and 9): every
//! command is quiet on a closed pipe and clear on a full disk; the files holding personal data
//! are readable by their owner only; a read-only data folder still lets the learner read and
//! see what is due; a pipe as `config.ron` is a clear error; an edited last line is damage,
//! not a crash; `verify` takes a folder.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use bevidst::record::{LearnerLog, log_path};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::child::{Stdout, bevidst, finish, finish_with, mkfifo, stderr, stdout};

struct Setup {
    root: tempfile::TempDir,
}

impl Setup {
    /// A learner with a configuration and a log of two honest records, and a collection
    /// folder holding its copy.
    fn new() -> Setup {
        let s = Setup {
            root: tempfile::tempdir().expect("temp dir"),
        };
        bevidst::config::save(
            &s.config(),
            &bevidst::config::Config {
                learner: Some(bevidst::config::Learner {
                    employee_id: "7654321".into(),
                    forvaltning: "Økonomiforvaltningen".into(),
                    start_date: jiff::civil::date(2025, 1, 6),
                    role: bevidst::course::Role::Employee,
                }),
                ..bevidst::config::Config::default()
            },
        )
        .expect("config");
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let (mut log, _) = LearnerLog::open(&s.log(), &mut rng).expect("opens");
        for k in 0..2 {
            log.append(super::honest("7654321", 1_741_000_000 + k * 86_400))
                .expect("appends");
        }
        fs::create_dir_all(s.collection()).expect("mkdir");
        log.collect(&s.collection()).expect("copied");
        s
    }

    fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    fn config(&self) -> PathBuf {
        self.root.path().join("config")
    }

    fn log(&self) -> PathBuf {
        log_path(&self.data())
    }

    fn collection(&self) -> PathBuf {
        self.root.path().join("indsamling")
    }

    fn run(&self, args: &[&str], out: Stdout) -> std::process::Output {
        finish_with(bevidst(&self.data(), &self.config(), args), b"", out)
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn every_command_is_quiet_on_a_closed_pipe() {
    let setup = Setup::new();
    let log = setup.log();
    let col = setup.collection();
    let export = setup.root.path().join("export.ron");
    for (args, code) in [
        (vec!["verify", s(&log)], 0),
        (vec!["verify", s(&col)], 0),
        (vec!["check"], 0),
        (vec!["history", "--lang", "en"], 0),
        (vec!["export", "--out", s(&export)], 0),
        (vec!["export", "--out", "-"], 0),
        (vec!["status", "--today", "2025-01-07"], 1),
        (vec!["report", s(&col), "--format", "csv"], 0),
        (vec!["report", s(&col), "--format", "md"], 0),
        (vec!["--help"], 0),
    ] {
        let out = setup.run(&args, Stdout::Closed);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?} is quiet: {err}");
    }
}

#[test]
fn a_full_disk_is_a_clear_error_with_its_own_exit_code() {
    let setup = Setup::new();
    let log = setup.log();
    let col = setup.collection();
    for args in [
        vec!["verify", s(&log)],
        vec!["check"],
        vec!["history"],
        vec!["export"],
        vec!["status", "--today", "2025-01-07"],
        vec!["report", s(&col), "--format", "csv"],
        vec!["report", s(&col), "--format", "md"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let args: Vec<&str> = args.into_iter().chain(["--lang", "en"]).collect();
        let out = setup.run(&args, Stdout::File(full));
        assert_eq!(out.status.code(), Some(74), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("cannot write"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).expect("exists").permissions().mode() & 0o777
}

#[test]
fn files_holding_personal_data_are_private_under_umask_022() {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    let config = root.path().join("config");
    let col = root.path().join("indsamling");
    fs::create_dir_all(&col).expect("mkdir");
    let under_umask = |args: &[&str], input: &[u8]| {
        let mut cmd = bevidst(&data, &config, &[]);
        cmd.env("BEVIDST_COLLECT_DIR", &col);
        // The shell gets the binary's environment, which `bevidst` built from scratch.
        let mut sh = crate::hermetic::command("/bin/sh", root.path());
        sh.arg("-c")
            .arg("umask 022 && exec \"$0\" \"$@\"")
            .arg(cmd.get_program())
            .args(args)
            .envs(cmd.get_envs().filter_map(|(k, v)| Some((k, v?))));
        finish(sh, input)
    };
    // The first start: the questions answered, the configuration and the log written.
    let first = under_umask(&["--plain"], b"\n7654321\n7\n1\n2025-11-20\nj\n");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let out = root.path().join("out");
    let report = root.path().join("report.md");
    let json = root.path().join("report.json");
    let followup = root.path().join("followup.md");
    let xapi = root.path().join("statements.json");
    for args in [
        vec![
            "report",
            s(&col),
            "--format",
            "md",
            "--out",
            s(&report),
            "--followup",
            s(&followup),
        ],
        vec!["report", s(&col), "--format", "json", "--out", s(&json)],
        vec!["report", s(&col), "--format", "xapi", "--out", s(&xapi)],
        vec!["report", s(&col), "--format", "csv", "--out", s(&out)],
        vec!["export", "--out", s(&root.path().join("export.ron"))],
    ] {
        let o = under_umask(&args, b"");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
    for file in [
        config.join("config.ron"),
        data.join("log.ron"),
        data.join("versions.ron"),
        data.join("report/anchors.txt"),
        data.join("report/report.key"),
        data.join("report/anchor-memory.txt"),
        data.join("report/anchors.cache"),
        report,
        json,
        followup,
        xapi,
        out.join("completion.csv"),
        root.path().join("export.ron"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    for folder in [config, data.clone(), data.join("report"), out] {
        assert_eq!(mode(&folder), 0o700, "{}", folder.display());
    }
}

#[test]
fn an_edited_last_line_is_damage_and_a_zero_filled_tail_is_torn() {
    let setup = Setup::new();
    let log = setup.log();
    let text = fs::read_to_string(&log).expect("reads");
    // A complete last line with its score changed: written or edited so, never a crash.
    let last_start = text.trim_end().rfind('\n').expect("two lines") + 1;
    let edited_last =
        text[..last_start].to_owned() + &text[last_start..].replacen("score:", "score:9", 1);
    assert_ne!(edited_last, text);
    fs::write(&log, &edited_last).expect("edited");
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let (opened, notice) = LearnerLog::open(&log, &mut rng).expect("opens");
    assert!(notice.read_only.is_some(), "{notice:?}");
    assert!(notice.torn.is_none(), "not moved aside: {notice:?}");
    assert_eq!(opened.records().len(), 1);
    assert_eq!(
        fs::read_to_string(&log).expect("reads"),
        edited_last,
        "untouched"
    );
    drop(opened);

    // The zeros a crash can leave after the last good line are a torn tail.
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(&[0; 300]);
    fs::write(&log, &bytes).expect("zeros");
    let (opened, notice) = LearnerLog::open(&log, &mut rng).expect("opens");
    assert_eq!(notice.read_only, None);
    assert_eq!(notice.torn.as_ref().map(|t| t.bytes), Some(300));
    assert_eq!(opened.records().len(), 2);
}

#[test]
fn a_named_pipe_as_the_configuration_is_a_clear_error() {
    let setup = Setup::new();
    let config = setup.config().join("config.ron");
    fs::remove_file(&config).expect("rm");
    mkfifo(&config);
    let status = setup.run(&["status", "--lang", "en"], Stdout::Read);
    assert_eq!(status.status.code(), Some(3));
    assert!(
        stderr(&status).contains("named pipe"),
        "{}",
        stderr(&status)
    );
    // Without a readable configuration the learner's program speaks Danish, the default.
    let start = setup.run(&["--plain"], Stdout::Read);
    assert_eq!(start.status.code(), Some(2));
    assert!(
        stderr(&start).contains("navngivet rør (FIFO)"),
        "{}",
        stderr(&start)
    );
}

/// A data folder this process cannot write to: a folder without write permission, or (for
/// root, whom permissions do not stop) a path under `/sys`, where nothing can be created.
fn unwritable_data(setup: &Setup) -> Option<PathBuf> {
    let data = setup.data();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o500)).expect("chmod");
    if fs::write(data.join("probe"), "x").is_err() {
        return Some(data);
    }
    let _ = fs::remove_file(data.join("probe"));
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).expect("chmod");
    let sys = PathBuf::from(format!("/sys/bevidst-test-{}", std::process::id()));
    fs::create_dir(&sys).is_err().then_some(sys)
}

#[test]
fn a_read_only_data_folder_still_shows_the_lessons_and_what_is_due() {
    let setup = Setup::new();
    let Some(data) = unwritable_data(&setup) else {
        eprintln!("no unwritable folder can be made here; skipped");
        return;
    };
    let run = |args: &[&str], input: &[u8]| finish(bevidst(&data, &setup.config(), args), input);
    let status = run(&["status", "--today", "2025-01-07"], b"");
    assert_eq!(status.status.code(), Some(1), "{}", stderr(&status));
    assert!(!stdout(&status).is_empty(), "the onboarding is due");

    let set = bevidst::course::bundled().expect("bundled");
    let lesson = &set.modules[0].module.lessons[0].title.da;
    let start = run(&["--plain"], b"1\nt\n");
    let text = stdout(&start);
    assert!(
        text.contains("kan ikke skrives"),
        "the home screen says so:\n{text}"
    );
    assert!(
        text.contains(lesson.as_str()),
        "the lesson is shown:\n{text}"
    );
    assert!(
        text.contains("Dit resultat kan ikke gemmes"),
        "the quiz says so before it starts:\n{text}"
    );
    assert_eq!(start.status.code(), Some(3), "the input ended in the quiz");
    let _ = fs::set_permissions(setup.data(), fs::Permissions::from_mode(0o700));
}

#[test]
fn verify_reads_the_logs_in_a_folder() {
    let setup = Setup::new();
    fs::write(setup.data().join("notes.txt"), "not a log\n").expect("written");
    let v = setup.run(&["verify", "--lang", "en", s(&setup.data())], Stdout::Read);
    assert_eq!(v.status.code(), Some(1), "notes.txt is not a log");
    let text = stdout(&v);
    assert!(text.contains("log.ron: OK, 2 records"), "{text}");
    assert!(text.contains("notes.txt: line 1: "), "{text}");
    assert!(!text.contains("Is a directory"), "{text}");
    let empty = setup.root.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    let v = setup.run(&["verify", "--lang", "en", s(&empty)], Stdout::Read);
    assert_eq!(v.status.code(), Some(1));
    assert!(stdout(&v).contains("holds no logs"), "{}", stdout(&v));
}
