//! A collection folder that someone with write access has filled with things that are not
//! logs (issue 11, findings 2 and 3): a named pipe, a socket, a link to `/dev/zero`, a folder
//! that links to itself, a 3 GB sparse file, and stale temporary copies. `report`, `verify`
//! and the learner's start must each finish (nothing may wait on a file), list every such
//! entry with its reason, and count none of it. The test asserts that they finish, not how
//! fast: the watchdog in `child` only keeps a regression from hanging the test run.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::FileTypeExt as _;
use std::path::{Path, PathBuf};

use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;
use bevidst::record::{LearnerLog, collection_file_name, log_path, verify_file};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

use super::child::{bevidst, finish, mkfifo, stderr, stdout};

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// One run of the report: the aggregate JSON, and the follow-up's list of files with
/// problems as (file, kind, records not counted).
struct Run {
    json: Value,
    problems: Vec<(String, String, u64)>,
}

/// Runs the report in JSON (in English) on `collection` with the anchor file `anchors`, with
/// the follow-up beside it.
fn report(data: &Path, config: &Path, collection: &Path, anchors: &Path) -> Run {
    let out_file = data.join("report.json");
    let followup = data.join("followup.md");
    let out = finish(
        bevidst(
            data,
            config,
            &[
                "report",
                s(collection),
                "--format",
                "json",
                "--lang",
                "en",
                "--anchors",
                s(anchors),
                "--out",
                s(&out_file),
                "--followup",
                s(&followup),
            ],
        ),
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json =
        serde_json::from_str(&fs::read_to_string(&out_file).expect("the report")).expect("JSON");
    let text = fs::read_to_string(&followup).expect("the follow-up");
    Run {
        json,
        problems: files_with_problems(&text),
    }
}

/// The rows of the follow-up's »Files with problems« table: file, kind, records.
fn files_with_problems(text: &str) -> Vec<(String, String, u64)> {
    let (_, section) = text
        .split_once("## Files with problems\n")
        .expect("the section");
    section
        .lines()
        .filter(|l| l.starts_with("| "))
        .skip(1) // the header; the rule line starts with `|-`
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            let records = cells[3].parse().expect("records is a count");
            (cells[0].to_owned(), cells[2].to_owned(), records)
        })
        .collect()
}

fn count(r: &Value, name: &str) -> u64 {
    r["counts"][name].as_u64().expect("a count")
}

/// The first good log in `dir` (not recursive).
fn some_log(dir: &Path) -> PathBuf {
    fs::read_dir(dir)
        .expect("lists")
        .map(|e| e.expect("entry").path())
        .find(|p| p.is_file() && verify_file(p).is_ok_and(|o| o.is_ok() && o.records > 0))
        .expect("the simulation wrote a good log")
}

/// Fills `col` with everything that is not a log; returns each entry with the problem kind
/// the report must list it as. The learner's own copy (of the log in `data`) is a pipe.
fn plant(col: &Path, data: &Path) -> Vec<(PathBuf, &'static str)> {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let (mut log, _) = LearnerLog::open(&log_path(data), &mut rng).expect("opens");
    log.append(super::draft(1, "7654321")).expect("appends");
    let own_copy = col.join(collection_file_name(log.installation()));
    mkfifo(&own_copy);
    let stale_source = some_log(col);
    let stale = col.join(format!(
        ".{}.4242.0.tmp",
        stale_source.file_name().expect("name").to_string_lossy()
    ));
    fs::copy(&stale_source, &stale).expect("a stale copy");
    fs::create_dir_all(col.join("sub")).expect("mkdir");
    mkfifo(&col.join("x.ron"));
    mkfifo(&col.join("sub/.x.tmp"));
    // The socket file stays when the listener is dropped.
    drop(std::os::unix::net::UnixListener::bind(col.join("sock.ron")).expect("socket"));
    std::os::unix::fs::symlink("/dev/zero", col.join("zero.ron")).expect("link");
    std::os::unix::fs::symlink("..", col.join("sub/loop")).expect("link");
    let big = fs::File::create(col.join("big.ron")).expect("create");
    big.set_len(3 << 30).expect("a sparse 3 GB file");
    vec![
        (own_copy, "not a file"),
        (col.join("x.ron"), "not a file"),
        (col.join("sub/.x.tmp"), "temporary file"),
        (col.join("sock.ron"), "not a file"),
        (col.join("zero.ron"), "not a file"),
        (col.join("sub/loop"), "not a file"),
        (col.join("big.ron"), "not a log"),
        (stale, "temporary file"),
    ]
}

/// The report lists each planted entry with its kind, counts none of it, and adds up.
fn check_report(run: &Run, pristine: &Run, planted: &[(PathBuf, &str)]) {
    for (path, kind) in planted {
        let kinds: Vec<&str> = run
            .problems
            .iter()
            .filter(|(p, _, _)| p == s(path))
            .map(|(_, k, _)| k.as_str())
            .collect();
        assert_eq!(kinds, vec![*kind], "{}", path.display());
    }
    let (r, pristine) = (&run.json, &pristine.json);
    assert_eq!(
        count(r, "files_read"),
        count(r, "files_counted") + count(r, "files_partly_counted") + count(r, "files_rejected")
    );
    assert_eq!(
        count(r, "records_read"),
        count(r, "records_counted") + count(r, "records_rejected")
    );
    let covered: u64 = run.problems.iter().map(|(_, _, n)| n).sum();
    assert_eq!(
        covered,
        count(r, "records_rejected"),
        "every rejected record is listed"
    );
    let n = planted.len() as u64;
    assert_eq!(count(r, "files_read"), count(pristine, "files_read") + n);
    assert_eq!(
        count(r, "files_rejected"),
        count(pristine, "files_rejected") + n
    );
    for name in ["records_read", "records_counted", "records_rejected"] {
        assert_eq!(
            count(r, name),
            count(pristine, name),
            "{name}: nothing hostile is counted"
        );
    }
}

#[test]
fn a_hostile_collection_is_listed_entry_by_entry_and_nothing_waits() {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    let config = root.path().join("config");
    let col = root.path().join("indsamling");
    let made = finish(
        bevidst(
            &data,
            &config,
            &[
                "simulate",
                "--learners",
                "4",
                "--years",
                "1",
                "--out",
                s(&col),
            ],
        ),
        b"",
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let pristine = report(&data, &config, &col, &root.path().join("first.txt"));
    let planted = plant(&col, &data);

    // The report finishes, lists every entry with its reason, and counts none of it.
    let r = report(&data, &config, &col, &root.path().join("second.txt"));
    check_report(&r, &pristine, &planted);

    // `verify` on the folder lists the same entries and finishes; on a pipe it says what it is.
    let v = finish(
        bevidst(&data, &config, &["verify", "--lang", "en", s(&col)]),
        b"",
    );
    assert_eq!(v.status.code(), Some(1));
    let text = stdout(&v);
    for (path, _) in &planted {
        assert!(
            text.contains(s(path)),
            "verify lists {}:\n{text}",
            path.display()
        );
    }
    assert!(text.contains(": OK, "), "the good logs verify:\n{text}");
    let v = finish(
        bevidst(
            &data,
            &config,
            &["verify", "--lang", "en", s(&col.join("x.ron"))],
        ),
        b"",
    );
    assert_eq!(v.status.code(), Some(1));
    assert!(stdout(&v).contains("named pipe"), "{}", stdout(&v));

    // The learner's start retries the copy, finds a pipe at its name, leaves it and says so.
    learner_start(&data, &config, &col, &planted[0].0);
}

/// The learner's program starts, and `history --collect` runs, with a pipe at the copy's name.
fn learner_start(data: &Path, config: &Path, col: &Path, own_copy: &Path) {
    bevidst::config::save(
        config,
        &bevidst::config::Config {
            learner: Some(bevidst::config::Learner {
                employee_id: "7654321".into(),
                forvaltning: "Økonomiforvaltningen".into(),
                start_date: jiff::civil::date(2025, 1, 6),
                role: bevidst::course::Role::Employee,
            }),
            collect_dir: Some(col.to_path_buf()),
            ..bevidst::config::Config::default()
        },
    )
    .expect("config");
    let start = finish(bevidst(data, config, &["--plain"]), b"");
    assert_eq!(start.status.code(), Some(0), "{}", stderr(&start));
    let words = stdout(&start)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("kunne ikke kopieres til den fælles mappe"),
        "the learner is told the copy failed:\n{}",
        stdout(&start)
    );
    let history = finish(
        bevidst(
            data,
            config,
            &["history", "--collect", s(col), "--lang", "en"],
        ),
        b"",
    );
    assert_eq!(history.status.code(), Some(1));
    assert!(
        stderr(&history).contains("named pipe"),
        "{}",
        stderr(&history)
    );
    let left = fs::symlink_metadata(own_copy).expect("still there");
    assert!(left.file_type().is_fifo(), "the pipe was left alone");
}

#[test]
fn the_learners_program_refuses_a_huge_or_endless_copy_without_reading_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let share = tempfile::tempdir().expect("temp dir");
    let mut rng = ChaCha8Rng::seed_from_u64(6);
    let (mut log, _) = LearnerLog::open(&log_path(data.path()), &mut rng).expect("opens");
    log.append(super::draft(1, "7654321")).expect("appends");
    let copy = share.path().join(collection_file_name(log.installation()));

    let big = fs::File::create(&copy).expect("create");
    big.set_len(3 << 30).expect("a sparse 3 GB file");
    drop(big);
    let err = log.collect(share.path()).expect_err("refused");
    assert!(err.text(Lang::En).contains("such a file can have"), "{err}");
    assert_eq!(
        fs::metadata(&copy).expect("kept").len(),
        3 << 30,
        "left alone"
    );

    fs::remove_file(&copy).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", &copy).expect("link");
    let err = log.collect(share.path()).expect_err("refused");
    assert!(err.text(Lang::En).contains("a device"), "{err}");
}

#[test]
fn the_learners_program_removes_its_own_stale_temporary_copy() {
    let data = tempfile::tempdir().expect("temp dir");
    let share = tempfile::tempdir().expect("temp dir");
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let (mut log, _) = LearnerLog::open(&log_path(data.path()), &mut rng).expect("opens");
    log.append(super::draft(1, "7654321")).expect("appends");
    let name = collection_file_name(log.installation());
    // What an interrupted copy leaves (here even a pipe, which must not be opened).
    let stale = share.path().join(format!(".{name}.tmp"));
    mkfifo(&stale);
    let copy = log.collect(share.path()).expect("copied");
    assert_eq!(
        fs::read(&copy).expect("reads"),
        fs::read(log.path()).expect("reads")
    );
    let names: Vec<_> = fs::read_dir(share.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from(name)],
        "the stale copy is gone"
    );
}
