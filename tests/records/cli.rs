//! The record subcommands through the real binary: `verify`, `export` and `history`.

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

#[test]
fn export_writes_the_log_where_it_says() {
    let data = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    let nothing = bevidst(data.path(), cwd.path(), &["export"]);
    assert_eq!(nothing.status.code(), Some(1));

    let log = log_with(data.path(), 2);
    let out = bevidst(data.path(), cwd.path(), &["export", "--lang", "en"]);
    assert!(out.status.success(), "{out:?}");
    let name = format!("bevidst-{}.ron", log.installation());
    assert!(stdout(&out).contains(&name), "{}", stdout(&out));
    assert_eq!(
        fs::read(cwd.path().join(&name)).expect("exported"),
        fs::read(log_path(data.path())).expect("reads")
    );

    let chosen = cwd.path().join("hand-in.ron");
    let out = bevidst(
        data.path(),
        cwd.path(),
        &["export", "--out", chosen.to_str().expect("utf-8")],
    );
    assert!(out.status.success());
    assert!(stdout(&out).contains("Loggen er skrevet til"));
    assert_eq!(
        bevidst::record::verify_file(&chosen)
            .expect("reads")
            .records,
        2
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
    assert!(text.contains("onboarding v2"), "{text}");
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
