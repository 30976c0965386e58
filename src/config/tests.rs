//! Tests of `config`.

use super::*;
use crate::message::Bilingual as _;
use std::fs;

fn sample() -> Config {
    Config {
        learner: Some(Learner {
            employee_id: "ab12345".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: jiff::civil::date(2025, 8, 1),
            role: Role::Manager,
        }),
        language: Lang::En,
        collect_dir: Some(PathBuf::from("/srv/bevidst")),
        ..Config::default()
    }
}

#[test]
fn saves_and_loads_the_same_config() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nested = dir.path().join("a").join("b");
    save(&nested, &sample()).expect("save");
    assert_eq!(load(&nested).expect("load"), sample());
    assert!(!nested.join("config.ron.tmp").exists());
}

#[test]
fn a_config_from_before_roles_loads_as_an_employee() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join(CONFIG_FILE),
        "Config(version: 1, learner: Some(Learner(employee_id: \"ab12\", \
         forvaltning: \"Økonomiforvaltningen\", start_date: \"2025-08-01\")))",
    )
    .expect("write");
    let learner = load(dir.path()).expect("load").learner.expect("a learner");
    assert_eq!(learner.role, Role::Employee);
    assert_eq!(learner.employee_id, "ab12");
}

#[test]
fn the_role_is_written_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    save(dir.path(), &sample()).expect("save");
    let text = fs::read_to_string(dir.path().join(CONFIG_FILE)).expect("read");
    assert!(text.contains("role: Manager"), "{text}");
}

#[test]
fn a_missing_file_is_a_first_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = load(dir.path()).expect("load");
    assert_eq!(config, Config::default());
    assert!(config.learner.is_none());
    assert_eq!(config.forvaltninger().len(), 7);
}

#[test]
fn an_organisation_may_preset_fields_without_a_learner() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join(CONFIG_FILE),
        "Config(version: 1, forvaltninger: [\"Afdeling A\", \"Afdeling B\"], onboarding_days: 14)",
    )
    .expect("write");
    let config = load(dir.path()).expect("load");
    assert_eq!(config.forvaltninger(), vec!["Afdeling A", "Afdeling B"]);
    assert_eq!(config.onboarding_days, Some(14));
}

#[test]
fn unknown_fields_are_refused_with_a_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join(CONFIG_FILE),
        "Config(\n  version: 1,\n  langauge: En,\n)",
    )
    .expect("write");
    let err = load(dir.path()).expect_err("typo must be refused");
    let text = err.to_string();
    assert!(text.contains("config.ron:3:"), "{text}");
    assert!(text.contains("feltet `langauge` findes ikke"), "{text}");
    assert!(
        text.contains("`language`"),
        "the known fields are listed: {text}"
    );
}

#[test]
fn a_newer_version_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join(CONFIG_FILE),
        "Config(version: 2, something_new: true)",
    )
    .expect("write");
    let err = load(dir.path()).expect_err("newer must be refused");
    assert!(matches!(err, ConfigError::Newer { found: 2, .. }), "{err}");
    assert!(err.text(Lang::En).contains("update bevidst"));
}

#[test]
fn bad_values_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (body, needle) in [
        (
            "Config(version: 1, learner: Learner(employee_id: \"a b\", forvaltning: \"X\", start_date: \"2025-01-01\"))",
            "employee_id",
        ),
        (
            "Config(version: 1, learner: Learner(employee_id: \"ab\", forvaltning: \"X\", start_date: \"1. januar\"))",
            "YYYY-MM-DD",
        ),
        ("Config(version: 1, forvaltninger: [])", "forvaltninger"),
    ] {
        fs::write(dir.path().join(CONFIG_FILE), body).expect("write");
        let err = load(dir.path()).expect_err(body).text(Lang::En);
        assert!(err.contains(needle), "{body}: {err}");
    }
}

#[test]
fn the_built_in_forvaltninger_are_valid_in_records() {
    for name in DEFAULT_FORVALTNINGER {
        assert_eq!(crate::record::check_forvaltning(name), Ok(()), "{name}");
    }
}

#[test]
fn employee_ids_agree_with_the_record_rule() {
    let long_ok = "x".repeat(64);
    let too_long = "x".repeat(65);
    for id in ["ab12", "a.b_c-d", "", "a b", "æ", &long_ok, &too_long] {
        assert_eq!(
            check_employee_id(id).is_ok(),
            crate::record::check_learner_id(id).is_ok(),
            "{id:?}"
        );
    }
}

#[test]
fn employee_ids_follow_the_record_rule() {
    assert_eq!(check_employee_id("ab.12_3-x"), Ok(()));
    assert_eq!(check_employee_id(""), Err(IdProblem::Empty));
    assert_eq!(check_employee_id("æble"), Err(IdProblem::BadChar('æ')));
    assert_eq!(check_employee_id(&"a".repeat(65)), Err(IdProblem::TooLong));
    assert_eq!(id_from_login("Jens Hansen"), "JensHansen");
}

#[test]
fn a_broken_configuration_is_located_and_told_in_plain_danish() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(CONFIG_FILE), "garbage").expect("write");
    let err = load(dir.path()).expect_err("garbage is no configuration");
    let da = err.to_string();
    assert!(da.contains("config.ron:1:1: "), "{da}");
    assert!(da.contains("bevidst-konfiguration"), "{da}");
    assert!(da.contains("Ret filen, eller flyt den væk"), "{da}");
    assert!(!da.contains("Expected"), "no parser words: {da}");
    let en = err.text(Lang::En);
    assert!(en.contains("config.ron:1:1: "), "{en}");
    assert!(en.contains("Fix the file, or move it away"), "{en}");
}

#[test]
fn the_language_is_read_from_a_configuration_that_is_otherwise_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(language(dir.path()), Lang::Da, "no file: Danish");
    fs::write(
        dir.path().join(CONFIG_FILE),
        "Config(version: 1, language: En, colour: Pink)",
    )
    .expect("write");
    assert!(load(dir.path()).is_err());
    assert_eq!(language(dir.path()), Lang::En);
    fs::write(dir.path().join(CONFIG_FILE), "garbage").expect("write");
    assert_eq!(language(dir.path()), Lang::Da);
}
