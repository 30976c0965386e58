//! One language: every command, its usage errors, its `--help` and the errors of a broken
//! configuration speak `--lang`, else the learner's configured language, else Danish.

use std::fs;
use std::path::Path;

use super::child::{bevidst, finish, stderr, stdout};

/// A configuration folder holding `body` as `config.ron`, and an empty data folder.
fn folders(root: &Path, body: Option<&str>) -> (std::path::PathBuf, std::path::PathBuf) {
    let (data, config) = (root.join("data"), root.join("config"));
    fs::create_dir_all(&data).expect("data folder");
    fs::create_dir_all(&config).expect("config folder");
    if let Some(body) = body {
        fs::write(config.join("config.ron"), body).expect("config written");
    }
    (data, config)
}

const BAD_ID: &str = "Config(version: 1, language: LANG, learner: Learner(employee_id: \"a b\", \
                      forvaltning: \"Økonomiforvaltningen\", start_date: \"2025-08-01\"))";

#[test]
fn a_learner_whose_start_fails_is_told_in_their_language() {
    let root = tempfile::tempdir().expect("temp dir");
    for (lang, said) in [
        ("Da", "`employee_id` »a b« kan ikke bruges"),
        ("En", "`employee_id` “a b” is not allowed"),
    ] {
        let (data, config) = folders(root.path(), Some(&BAD_ID.replace("LANG", lang)));
        let out = finish(bevidst(&data, &config, &["--plain"]), b"");
        assert_eq!(out.status.code(), Some(2), "{lang}");
        let err = stderr(&out);
        assert!(err.contains("config.ron: "), "{lang}: {err}");
        assert!(err.contains(said), "{lang}: {err}");
    }
}

#[test]
fn a_broken_configuration_is_located_and_plain_danish() {
    let root = tempfile::tempdir().expect("temp dir");
    let (data, config) = folders(root.path(), Some("Config(\n  version: 1,\n  garbage\n)"));
    for args in [&["--plain"][..], &["status"]] {
        let out = finish(bevidst(&data, &config, args), b"");
        let err = stderr(&out);
        assert!(
            err.contains("config.ron:3:"),
            "{args:?}: the line is named: {err}"
        );
        assert!(
            err.contains("Ret filen, eller flyt den væk"),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains("Expected"),
            "{args:?}: no parser words: {err}"
        );
    }
}

#[test]
fn a_usage_error_speaks_the_chosen_language() {
    let root = tempfile::tempdir().expect("temp dir");
    let (data, config) = folders(root.path(), None);
    let da = finish(bevidst(&data, &config, &["verfy"]), b"");
    assert_eq!(da.status.code(), Some(64));
    let err = stderr(&da);
    assert!(err.contains("kommandoen »verfy« findes ikke"), "{err}");
    assert!(err.contains("mente du verify?"), "{err}");
    assert!(err.contains("Brug: bevidst"), "{err}");

    let en = finish(bevidst(&data, &config, &["--lang", "en", "verfy"]), b"");
    assert_eq!(en.status.code(), Some(64));
    let err = stderr(&en);
    assert!(err.contains("there is no command “verfy”"), "{err}");
    assert!(err.contains("Usage: bevidst"), "{err}");
    assert!(!err.contains("Brug"), "{err}");

    let (_, english) = folders(
        &root.path().join("en"),
        Some("Config(version: 1, language: En)"),
    );
    let learner = finish(
        bevidst(&data, &english, &["report", "--format", "pdf", "x"]),
        b"",
    );
    assert_eq!(learner.status.code(), Some(64));
    let err = stderr(&learner);
    assert!(
        err.contains("“pdf” cannot be used for --format"),
        "an English learner's command line is refused in English: {err}"
    );
}

#[test]
fn help_speaks_the_chosen_language() {
    let root = tempfile::tempdir().expect("temp dir");
    let (data, config) = folders(root.path(), None);
    let da = finish(bevidst(&data, &config, &["verify", "--help"]), b"");
    assert_eq!(da.status.code(), Some(0));
    let text = stdout(&da);
    assert!(text.contains("Verificér logfiler"), "{text}");
    assert!(text.contains("Brug: bevidst verify [TILVALG]"), "{text}");
    assert!(!text.contains("Usage"), "{text}");
    let en = finish(
        bevidst(&data, &config, &["help", "verify", "--lang", "en"]),
        b"",
    );
    assert_eq!(en.status.code(), Some(0));
    let text = stdout(&en);
    assert!(text.contains("Verify completion logs"), "{text}");
    assert!(text.contains("Usage: bevidst verify [OPTIONS]"), "{text}");
}

#[test]
fn history_verify_and_simulate_speak_the_chosen_language() {
    let root = tempfile::tempdir().expect("temp dir");
    let (data, config) = folders(root.path(), Some("Config(version: 1, language: En)"));
    let en = finish(bevidst(&data, &config, &["history"]), b"");
    assert!(
        stdout(&en).contains("No completions yet."),
        "{}",
        stdout(&en)
    );
    let da = finish(bevidst(&data, &config, &["history", "--lang", "da"]), b"");
    assert!(
        stdout(&da).contains("Ingen gennemførelser endnu."),
        "{}",
        stdout(&da)
    );

    let missing = data.join("no-such-log.ron");
    let v = finish(bevidst(&data, &config, &["verify", s(&missing)]), b"");
    assert!(stdout(&v).contains("it does not exist"), "{}", stdout(&v));
    let v = finish(
        bevidst(&data, &config, &["verify", "--lang", "da", s(&missing)]),
        b"",
    );
    assert!(stdout(&v).contains("den findes ikke"), "{}", stdout(&v));

    let col = root.path().join("samling");
    let sim = finish(
        bevidst(
            &data,
            &config,
            &[
                "simulate",
                "--lang",
                "da",
                "--learners",
                "3",
                "--years",
                "1",
                "--out",
                s(&col),
            ],
        ),
        b"",
    );
    assert_eq!(sim.status.code(), Some(0), "{}", stderr(&sim));
    assert!(
        stderr(&sim).contains(" poster, 3 ansatte"),
        "{}",
        stderr(&sim)
    );
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}
