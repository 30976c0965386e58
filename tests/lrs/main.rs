//! `bevidst lrs push` and `bevidst report --lrs` against a real Ralph LRS (`.ci/lrs` starts
//! it; without it these tests say how to run them and pass, except under CI): a collection
//! pushed gives the same report from the LRS as from its folder, pushing twice changes
//! nothing, the learners' write-only credential cannot read, and a record edited in the LRS
//! is caught as an edited line in a file is.

use std::path::{Path, PathBuf};
use std::process::Output;

use bevidst::lrs::{Client, Credentials, Endpoint, Timeouts, carried_record, statements};
use bevidst::record::LogReader;
use serde_json::Value;

#[path = "../support/hermetic.rs"]
mod hermetic;
#[path = "../support/lrs.rs"]
mod lrs;

use lrs::{TestLrs, slot};

/// The report's moment, after the simulated period, so every figure is fixed.
const NOW: &str = "2026-01-01T00:00:00Z";

/// Runs bevidst in `sandbox` (its own data folder there) as `user` of `lrs`, in English.
fn bevidst(sandbox: &Path, credential: Option<(&str, &str)>, args: &[&str]) -> Output {
    bevidst_trusting(sandbox, credential, None, args)
}

/// [`bevidst`], trusting the certificate authorities in the PEM file `ca` (as the system's
/// store would hold a municipality's own authority; `SSL_CERT_FILE` stands in for it here).
fn bevidst_trusting(
    sandbox: &Path,
    credential: Option<(&str, &str)>,
    ca: Option<&str>,
    args: &[&str],
) -> Output {
    let mut cmd = hermetic::command(env!("CARGO_BIN_EXE_bevidst"), sandbox);
    if let Some(ca) = ca {
        cmd.env("SSL_CERT_FILE", ca);
    }
    cmd.args(args).arg("--lang").arg("en");
    if let Some((user, password)) = credential {
        cmd.env("BEVIDST_LRS_USER", user)
            .env("BEVIDST_LRS_PASSWORD", password);
    }
    cmd.output().expect("bevidst runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A simulated collection without defects (40 people over a year have none).
fn collection(dir: &Path) -> PathBuf {
    let coll = dir.join("collection");
    let o = bevidst(
        dir,
        None,
        &[
            "simulate",
            "--learners",
            "40",
            "--years",
            "1",
            "--end",
            NOW,
            "--out",
            coll.to_str().expect("utf-8 path"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    coll
}

fn push(dir: &Path, lrs: &TestLrs, coll: &Path) -> Output {
    let coll = coll.to_str().expect("utf-8 path");
    bevidst(
        dir,
        Some((&lrs.writer, &lrs.password)),
        &["lrs", "push", coll, "--lrs", &lrs.url],
    )
}

/// The report in `format` from the LRS (`lrs`) or the folder, with its own data folder
/// `data` (anchors, cache, mirror) under `dir`.
fn report(dir: &Path, data: &str, from: Result<&TestLrs, &Path>, format: &str) -> Output {
    let sandbox = dir.join(data);
    let mut args = vec!["report", "--format", format, "--now", NOW];
    let (credential, source);
    match from {
        Ok(lrs) => {
            credential = Some((lrs.reader.as_str(), lrs.password.as_str()));
            args.extend(["--lrs", &lrs.url]);
        }
        Err(folder) => {
            credential = None;
            source = folder.to_str().expect("utf-8 path").to_owned();
            args.push(&source);
        }
    }
    bevidst(&sandbox, credential, &args)
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("the report is JSON")
}

#[test]
fn a_pushed_collection_gives_the_same_report_from_the_lrs_as_from_the_folder() {
    let Some(lrs) = slot(1) else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let coll = collection(dir.path());
    let pushed = push(dir.path(), &lrs, &coll);
    assert!(pushed.status.success(), "{}", stderr(&pushed));
    let folder = json(&report(dir.path(), "folder", Err(&coll), "json"));
    assert_eq!(folder["problem_counts"], Value::Array(vec![]), "no defects");
    assert!(folder["counts"]["records_counted"].as_u64() > Some(100));
    let from_lrs = json(&report(dir.path(), "lrs", Ok(&lrs), "json"));
    assert_eq!(from_lrs, folder);
    // Every format: the Markdown and CSV too, and a second run, from the mirror and `since`.
    for format in ["md", "csv"] {
        let a = report(dir.path(), "folder", Err(&coll), format);
        let b = report(dir.path(), "lrs", Ok(&lrs), format);
        assert!(b.status.success(), "{}", stderr(&b));
        assert_eq!(
            String::from_utf8_lossy(&b.stdout),
            String::from_utf8_lossy(&a.stdout)
        );
    }
}

#[test]
fn pushing_twice_changes_nothing() {
    let Some(lrs) = slot(2) else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let coll = collection(dir.path());
    let first = push(dir.path(), &lrs, &coll);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = json(&report(dir.path(), "before", Ok(&lrs), "json"));
    let second = push(dir.path(), &lrs, &coll);
    assert!(second.status.success(), "{}", stderr(&second));
    let said = stderr(&second);
    assert!(said.contains(": 0 statements stored,"), "{said}");
    assert!(said.contains("already there, 0 refused."), "{said}");
    let after = json(&report(dir.path(), "after", Ok(&lrs), "json"));
    assert_eq!(after, before);
}

#[test]
fn the_learners_write_only_credential_cannot_read() {
    let Some(lrs) = slot(3) else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let o = bevidst(
        dir.path(),
        Some((&lrs.writer, &lrs.password)),
        &["report", "--lrs", &lrs.url, "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(said.contains("may not read statements"), "{said}");
    assert!(!said.contains(&lrs.password), "the password is never shown");
    assert!(o.stdout.is_empty());
    let wrong = bevidst(
        dir.path(),
        Some((&lrs.reader, "wrong")),
        &["report", "--lrs", &lrs.url, "--format", "json"],
    );
    assert_eq!(wrong.status.code(), Some(2), "{}", stderr(&wrong));
}

/// The first record of the first log in `coll`, as its attempt statement.
fn first_attempt(coll: &Path) -> (PathBuf, Value) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(coll)
        .expect("the collection")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let file = files.remove(0);
    let mut reader = LogReader::new(std::io::BufReader::new(
        std::fs::File::open(&file).expect("the log"),
    ));
    let record = reader.next_record().expect("a record").clone();
    (file, statements(&record, None).remove(0))
}

#[test]
fn a_record_edited_in_the_lrs_is_caught_as_in_a_file() {
    let Some(lrs) = slot(4) else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let coll = collection(dir.path());
    let pushed = push(dir.path(), &lrs, &coll);
    assert!(pushed.status.success(), "{}", stderr(&pushed));
    let clean = json(&report(dir.path(), "lrs", Ok(&lrs), "json"));

    // Someone with the learners' credential edits a record and sends it under a new id, and
    // a statement with the record in the wrong shape.
    let (file, mut tampered) = first_attempt(&coll);
    let ext = bevidst::lrs::vocab::EXT_RECORD;
    let line = tampered["context"]["extensions"][ext]["line"]
        .as_str()
        .expect("the line")
        .to_owned();
    let edited = line.replacen("correct:false", "correct:true", 1);
    let edited = if edited == line {
        line.replacen("correct:true", "correct:false", 1)
    } else {
        edited
    };
    tampered["context"]["extensions"][ext]["line"] = Value::String(edited.clone());
    tampered["id"] = Value::String("11111111-2222-4333-8444-555555555555".into());
    let mut malformed = tampered.clone();
    malformed["id"] = Value::String("11111111-2222-4333-8444-666666666666".into());
    malformed["context"]["extensions"][ext]["installation"] = Value::String("XYZ".into());
    assert!(carried_record(&malformed).is_err());
    let writer = Client::new(
        Endpoint::parse(&lrs.url).expect("the test LRS"),
        Credentials::new(&lrs.writer, &lrs.password),
        Timeouts::OFFICER,
    );
    let posted = writer
        .post_statements(&[tampered, malformed])
        .expect("the writer may write");
    assert_eq!(posted.accepted, 2);

    // A first read, and a full read of a mirror that read the LRS before.
    let from_lrs = json(&report(dir.path(), "tampered", Ok(&lrs), "json"));
    let full = bevidst(
        &dir.path().join("lrs"),
        Some((&lrs.reader, &lrs.password)),
        &[
            "report",
            "--lrs",
            &lrs.url,
            "--lrs-full",
            "--format",
            "json",
            "--now",
            NOW,
        ],
    );
    let kinds = |r: &Value| -> Vec<String> {
        r["problem_counts"]
            .as_array()
            .expect("problem counts")
            .iter()
            .map(|p| p["kind"].to_string())
            .collect()
    };
    assert!(kinds(&clean).is_empty(), "{clean}");
    let lrs_kinds = kinds(&from_lrs);
    assert!(
        lrs_kinds.iter().any(|k| k.contains("broken chain")),
        "{lrs_kinds:?}"
    );
    assert!(
        lrs_kinds.iter().any(|k| k.contains("unreadable")),
        "{lrs_kinds:?}"
    );
    assert!(
        from_lrs["counts"]["records_counted"].as_u64()
            < clean["counts"]["records_counted"].as_u64()
    );
    // With the anchors of the earlier read the same log is rewritten history.
    let full_kinds = kinds(&json(&full));
    assert!(
        full_kinds.iter().any(|k| k.contains("rewritten history")) && full_kinds.len() == 2,
        "{full_kinds:?}"
    );

    // The same edit in a file: the folder's report finds the same kind of problem.
    let text = std::fs::read_to_string(&file).expect("the log");
    std::fs::write(&file, text.replacen(&line, &edited, 1)).expect("edit the file");
    let folder = json(&report(dir.path(), "folder", Err(&coll), "json"));
    assert!(
        kinds(&folder).iter().any(|k| k.contains("broken chain")),
        "{folder}"
    );
}

#[test]
fn https_works_with_the_organisations_own_certificate_authority() {
    let Some(lrs) = slot(7) else { return };
    assert!(
        !lrs.tls_url.is_empty(),
        "the test LRS has an HTTPS address (.ci/lrs sets BEVIDST_TEST_LRS_TLS_URL)"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let coll = collection(dir.path());
    let coll = coll.to_str().expect("utf-8 path");
    let writer = Some((lrs.writer.as_str(), lrs.password.as_str()));
    let push = ["lrs", "push", coll, "--lrs", &lrs.tls_url];

    // A certificate from an authority the machine does not trust is refused, and nothing sent.
    let untrusted = bevidst_trusting(dir.path(), writer, Some(&lrs.other_ca), &push);
    assert_eq!(untrusted.status.code(), Some(2), "{}", stderr(&untrusted));
    let said = stderr(&untrusted);
    assert!(
        said.contains("does not trust the certificate") && said.contains("root certificate"),
        "{said}"
    );

    // Trusting the organisation's own authority, the same push goes through, and the report
    // read over HTTPS equals the folder's.
    let trusted = bevidst_trusting(dir.path(), writer, Some(&lrs.tls_ca), &push);
    assert!(trusted.status.success(), "{}", stderr(&trusted));
    let folder = json(&report(dir.path(), "folder", Err(Path::new(coll)), "json"));
    let o = bevidst_trusting(
        &dir.path().join("https"),
        Some((&lrs.reader, &lrs.password)),
        Some(&lrs.tls_ca),
        &[
            "report",
            "--format",
            "json",
            "--now",
            NOW,
            "--lrs",
            &lrs.tls_url,
        ],
    );
    assert_eq!(json(&o), folder);
}
