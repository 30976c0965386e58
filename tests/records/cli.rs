//! The record subcommands through the real binary: `verify`, `export` and `history`; and
//! `simulate`, which writes logs, refusing a folder that holds something already.

use std::fs;
use std::path::Path;
use std::process::Output;

use bevidst::canon::hex;
use bevidst::record::{LearnerLog, log_path, receipt};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

fn bevidst(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    crate::hermetic::command(env!("CARGO_BIN_EXE_bevidst"), cwd)
        .args(args)
        .env("BEVIDST_DATA_DIR", data)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn log_with(data: &Path, n: u32) -> LearnerLog {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let (mut log, _) = LearnerLog::open(&log_path(data), &mut rng).expect("opens");
    for i in 1..=n {
        log.append(super::draft(i, "7654321")).expect("appends");
    }
    log
}

#[test]
fn verify_says_ok_or_names_the_first_bad_line() {
    let data = tempfile::tempdir().expect("temp dir");
    let log = log_with(data.path(), 3);
    let good = log_path(data.path());
    let bad = data.path().join("bad.ron");
    let text = fs::read_to_string(&good).expect("reads");
    let lines: Vec<&str> = text.lines().collect();
    fs::write(&bad, format!("{}\n{}\n{}\n", lines[0], lines[1], lines[3])).expect("writes");

    let ok = bevidst(
        data.path(),
        data.path(),
        &["verify", "--lang", "en", good.to_str().expect("utf-8")],
    );
    assert!(ok.status.success());
    let out = stdout(&ok);
    assert!(out.contains("OK, 3 records"), "{out}");
    assert!(out.contains(&hex(&log.head().last_hash)), "{out}");

    let both = bevidst(
        data.path(),
        data.path(),
        &[
            "verify",
            "--lang",
            "en",
            good.to_str().expect("utf-8"),
            bad.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(both.status.code(), Some(1));
    let out = stdout(&both);
    assert!(out.contains("OK, 3 records"), "{out}");
    assert!(
        out.contains("bad.ron: line 3: sequence gap: number 3 where 2 was expected"),
        "{out}"
    );

    let missing = bevidst(data.path(), data.path(), &["verify", "no-such-file.ron"]);
    assert_eq!(missing.status.code(), Some(1));
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn export_writes_the_log_to_standard_output_when_it_is_not_a_terminal_or_with_out_dash() {
    let data = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    let nothing = bevidst(data.path(), cwd.path(), &["export"]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(nothing.stdout.is_empty(), "no log, nothing on stdout");

    log_with(data.path(), 2);
    let log = fs::read(log_path(data.path())).expect("reads");
    // `bevidst export > file`: stdout is not a terminal, so the log goes there, and only it.
    for args in [
        &["export"][..],
        &["export", "--out", "-"],
        &["export", "--lang", "en"],
    ] {
        let out = bevidst(data.path(), cwd.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(out.stdout, log, "{args:?}: the log, byte for byte");
        assert_eq!(stderr(&out), "", "{args:?}: nothing to say");
    }
    assert_eq!(
        fs::read_dir(cwd.path()).expect("lists").count(),
        0,
        "no file named - (or any other) was written"
    );
}

#[test]
fn export_to_a_file_says_so_on_stderr_and_replaces_a_file_only_with_force() {
    let data = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    log_with(data.path(), 2);
    let chosen = cwd.path().join("hand-in.ron");
    let path = chosen.to_str().expect("utf-8");
    let out = bevidst(data.path(), cwd.path(), &["export", "--out", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        out.stdout.is_empty(),
        "messages go to stderr: {}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("Loggen er skrevet til"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        bevidst::record::verify_file(&chosen)
            .expect("reads")
            .records,
        2
    );

    fs::write(&chosen, "mine\n").expect("writes");
    let again = bevidst(data.path(), cwd.path(), &["export", "--out", path]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("findes allerede"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_eq!(
        fs::read_to_string(&chosen).expect("reads"),
        "mine\n",
        "kept"
    );

    let forced = bevidst(
        data.path(),
        cwd.path(),
        &["export", "--out", path, "--force"],
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(
        fs::read(&chosen).expect("exported"),
        fs::read(log_path(data.path())).expect("reads")
    );
}

#[test]
fn simulate_refuses_a_folder_that_holds_something_and_fills_a_new_or_empty_one() {
    let root = tempfile::tempdir().expect("temp dir");
    let run = |out: &Path| {
        bevidst(
            root.path(),
            root.path(),
            &[
                "--lang",
                "en",
                "simulate",
                "--learners",
                "3",
                "--years",
                "1",
                "--synthetic",
                "--end",
                "2025-06-15T12:00:00Z",
                "--out",
                out.to_str().expect("utf-8"),
            ],
        )
    };
    let empty = root.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    assert_eq!(run(&empty).status.code(), Some(0));
    let new = root.path().join("new");
    assert_eq!(run(&new).status.code(), Some(0));
    let before: Vec<_> = fs::read_dir(&new).expect("lists").collect();
    // A second collection into the same folder would mix two into one: refused, untouched.
    let again = run(&new);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("not empty"), "{}", stderr(&again));
    assert_eq!(fs::read_dir(&new).expect("lists").count(), before.len());
    let file = root.path().join("a-file");
    fs::write(&file, "x").expect("writes");
    let on_file = run(&file);
    assert_eq!(on_file.status.code(), Some(2));
    assert!(
        stderr(&on_file).contains("not a folder"),
        "{}",
        stderr(&on_file)
    );
}

#[test]
fn history_lists_newest_first_with_receipts_and_updates_the_collection() {
    let data = tempfile::tempdir().expect("temp dir");
    let share = tempfile::tempdir().expect("temp dir");
    let empty = bevidst(data.path(), data.path(), &["history"]);
    assert!(empty.status.success());
    assert!(stdout(&empty).contains("Ingen gennemførelser endnu"));
    assert!(
        !log_path(data.path()).exists(),
        "history does not create a log"
    );

    let log = log_with(data.path(), 3);
    let out = bevidst(
        data.path(),
        data.path(),
        &[
            "history",
            "--lang",
            "en",
            "--collect",
            share.path().to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let receipts: Vec<String> = log.records().iter().map(|r| receipt(&r.hash)).collect();
    let at: Vec<usize> = receipts
        .iter()
        .map(|r| text.find(r.as_str()).expect("every receipt is listed"))
        .collect();
    assert!(at[2] < at[1] && at[1] < at[0], "newest first:\n{text}");
    // The bundled courses have no module `onboarding`: its attempts are listed by id, and
    // say that they do not count, never that they passed.
    assert_eq!(
        text.matches("  onboarding  ✗ Not accepted").count(),
        3,
        "{text}"
    );
    assert!(
        text.contains("Does not count: module `onboarding` is not in the course set"),
        "{text}"
    );
    assert!(!text.contains("Passed"), "{text}");
    let copy = share
        .path()
        .join(bevidst::record::collection_file_name(log.installation()));
    assert_eq!(
        fs::read(copy).expect("copied"),
        fs::read(log_path(data.path())).expect("reads")
    );
}

#[test]
fn history_reports_a_damaged_log_and_leaves_it() {
    let data = tempfile::tempdir().expect("temp dir");
    log_with(data.path(), 3);
    let path = log_path(data.path());
    let text = fs::read_to_string(&path).expect("reads");
    let edited = text.replacen("module_version:2", "module_version:3", 1);
    fs::write(&path, &edited).expect("writes");
    let out = bevidst(data.path(), data.path(), &["history"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("beskadiget i linje 2"), "{err}");
    assert!(err.contains("Kontakt it-sikkerhedsfunktionen"), "{err}");
    assert_eq!(fs::read_to_string(&path).expect("reads"), edited);
}
