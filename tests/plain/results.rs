//! »Mine resultater« in the plain mode, and `bevidst history`, on a learner's real log: the
//! pass the verdict accepts reads as passed with its receipt, the attempt it does not accept
//! says so and why (never »Bestået«), and how long the module is valid is named.

use bevidst::lang::Lang;

use super::common::{Dirs, append_attempt, text};

/// 28 November 2025, 09:00 UTC.
const PASSED_AT: u64 = 1_764_320_400;
/// A day later.
const HASTY_AT: u64 = PASSED_AT + 86_400;

/// A learner's folders, the onboarding's title, and the receipts of their two attempts.
struct Learner {
    dirs: Dirs,
    title: String,
    pass: String,
    hasty: String,
}

/// A learner set up on the bundled courses with a pass of the onboarding and, a day later, an
/// attempt handed in one second after it started.
fn learner_with_two_attempts() -> Learner {
    let dirs = Dirs::new();
    let config = bevidst::config::Config {
        learner: Some(bevidst::config::Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: jiff::civil::date(2025, 11, 20),
            role: bevidst::course::Role::Employee,
        }),
        ..bevidst::config::Config::default()
    };
    bevidst::config::save(&dirs.config(), &config).expect("the configuration is saved");
    let courses = bevidst::course::bundled().expect("the bundled courses load");
    let pass = append_attempt(&dirs, &courses.modules[0], PASSED_AT, 600);
    let hasty = append_attempt(&dirs, &courses.modules[0], HASTY_AT, 1);
    let title = courses.modules[0].module.title.get(Lang::Da).to_owned();
    Learner {
        dirs,
        title,
        pass,
        hasty,
    }
}

/// The lines joined with single spaces, so wrapped sentences read whole.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn my_results_in_the_plain_mode_lists_every_attempt_with_its_verdict_and_receipt() {
    let l = learner_with_two_attempts();
    let (title, pass, hasty) = (&l.title, &l.pass, &l.hasty);
    let out = l.dirs.run(&["--plain"], "r\n\nq\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    let start = shown.find("Mine resultater").expect("the screen is shown");
    let end = shown[start..]
        .find("Tryk Enter for at gå tilbage til oversigten")
        .map(|i| start + i)
        .expect("its prompt");
    let page = &shown[start..end];
    let newest = page
        .find(&format!(
            "29. nov. 2025  {title}\n               ✗ Ikke godkendt · 10 af 10 rigtige · kvittering {hasty}"
        ))
        .unwrap_or_else(|| panic!("the hasty attempt, newest first:\n{page}"));
    let older = page
        .find(&format!(
            "28. nov. 2025  {title}\n               ✓ Bestået · 10 af 10 rigtige · kvittering {pass}"
        ))
        .unwrap_or_else(|| panic!("the pass with its receipt:\n{page}"));
    assert!(newest < older, "{page}");
    assert!(
        norm(page).contains("Tæller ikke med: forsøget tog 1 s, mindre end de"),
        "{page}"
    );
    assert_eq!(page.matches("Bestået").count(), 1, "only the pass: {page}");
    assert!(
        page.contains(&format!("✓ {title}: bestået, og det udløber ikke")),
        "{page}"
    );
    // Enter goes back to the overview.
    assert!(
        shown[end..].contains("Dine moduler"),
        "back home: {}",
        &shown[end..]
    );
}

#[test]
fn history_names_each_module_by_title_and_marks_what_does_not_count() {
    let l = learner_with_two_attempts();
    let (title, pass, hasty) = (&l.title, &l.pass, &l.hasty);
    let out = l.dirs.run(&["history"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    let rows: Vec<&str> = lines.lines().collect();
    assert_eq!(rows.len(), 3, "two attempts and one reason:\n{lines}");
    assert!(
        rows[0].ends_with(&format!(
            "  {title}  ✗ Ikke godkendt · 10 af 10 rigtige · kvittering {hasty}"
        )),
        "{lines}"
    );
    assert!(
        rows[1]
            .trim_start()
            .starts_with("Tæller ikke med: forsøget tog 1 s"),
        "{lines}"
    );
    assert!(
        rows[2].ends_with(&format!(
            "  {title}  ✓ Bestået · 10 af 10 rigtige · kvittering {pass}"
        )),
        "{lines}"
    );
    let courses = bevidst::course::bundled().expect("the bundled courses load");
    let id = &courses.modules[0].module.id;
    assert!(
        !lines.contains(&format!(" {id} ")),
        "titles, not ids: {lines}"
    );
}
