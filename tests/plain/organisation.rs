//! An organisation's preinstalled configuration through the real binary (on Windows too, in
//! CI under Wine): its forvaltninger at the first start, its onboarding deadline in `status`,
//! the learner's language winning once chosen, nothing of it copied into the learner's file,
//! and a broken one named with whom to contact.

use super::common::{Dirs, text};

const ORGANISATION: &str = r#"// Preinstalled by IT for everyone on this computer.
Config(
    version: 1,
    language: En,
    forvaltninger: Some(["Afdeling A", "Afdeling B"]),
    onboarding_days: Some(3),
)
"#;

fn install(dirs: &Dirs, text: &str) {
    std::fs::create_dir_all(dirs.organisation()).expect("mkdir");
    std::fs::write(dirs.organisation().join("config.ron"), text).expect("write");
}

#[test]
fn the_organisations_configuration_is_honoured_under_the_learners_own() {
    let dirs = Dirs::new();
    install(&dirs, ORGANISATION);

    // The first start opens in the organisation's language and offers its forvaltninger; the
    // learner picks Danish.
    let first = dirs.run(&["--plain"], "1\nab12\n2\n1\n2025-11-20\nj\n");
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let screen = text(&first.stdout);
    assert!(
        screen.contains("Which language do you want to use?"),
        "{screen}"
    );
    assert!(
        screen.contains("1. Afdeling A\n2. Afdeling B\n"),
        "{screen}"
    );
    assert!(
        screen.contains("Medarbejdernummer ab12 · Afdeling B"),
        "{screen}"
    );

    // The organisation's deadline (3 days), in the learner's language.
    let due = dirs.run(&["status", "--today", "2025-11-23"], "");
    assert_eq!(due.status.code(), Some(1), "{}", text(&due.stderr));
    assert_eq!(
        text(&due.stdout),
        "Velkommen: it-sikkerhed i Københavns Kommune: skal tages senest 23. november 2025 (ikke startet)\n"
    );
    let late = dirs.run(&["status", "--today", "2025-11-24"], "");
    assert_eq!(late.status.code(), Some(2));

    // The learner's file holds their answers and nothing of the organisation's.
    let own = std::fs::read_to_string(dirs.config().join("config.ron")).expect("saved");
    assert!(own.contains("language: Da"), "{own}");
    assert!(own.contains("forvaltning: \"Afdeling B\""), "{own}");
    assert!(!own.contains("Afdeling A"), "{own}");
    assert!(own.contains("onboarding_days: None"), "{own}");
}

#[test]
fn a_broken_organisation_configuration_is_named_and_the_status_is_unknown() {
    let dirs = Dirs::new();
    install(&dirs, "Config(version: 1, onboarding_dag: 3)");
    let out = dirs.run(&["status"], "");
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(err.contains("org-config"), "{err}");
    assert!(err.contains("onboarding_dag"), "{err}");
    assert!(err.contains("kontakt it-supporten"), "{err}");
    let start = dirs.run(&["--plain"], "");
    assert_eq!(start.status.code(), Some(2), "the program cannot start");
    assert!(text(&start.stderr).contains("kontakt it-supporten"));
    let en = dirs.run(&["status", "--lang", "en"], "");
    assert!(
        text(&en.stderr).contains("contact IT"),
        "{}",
        text(&en.stderr)
    );
}
