//! `bevidst status` through the real binary: its lines and exit codes before the first
//! start, while the onboarding is due, once it is overdue, and when the status cannot be read.

use super::common::{Dirs, text};

#[test]
fn before_the_first_start_the_onboarding_is_due_and_nothing_is_written() {
    let dirs = Dirs::new();
    let out = dirs.run(&["status"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).starts_with("bevidst er ikke sat op endnu"),
        "{}",
        text(&out.stdout)
    );
    let en = dirs.run(&["status", "--lang", "en"], "");
    assert_eq!(en.status.code(), Some(1));
    assert!(text(&en.stdout).starts_with("bevidst is not set up yet"));
    assert!(
        !dirs.config().exists() && !dirs.data().exists(),
        "status only reads"
    );
}

#[test]
fn the_onboarding_is_due_then_overdue_after_the_first_start() {
    let dirs = Dirs::new();
    let first = dirs.run(&["--plain"], "\nab12\n7\n2025-11-20\nj\n");
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));

    let due = dirs.run(&["status", "--today", "2025-11-25"], "");
    assert_eq!(due.status.code(), Some(1));
    assert_eq!(
        text(&due.stdout),
        "Velkommen: it-sikkerhed i Københavns Kommune: skal tages senest 4. december 2025 (ikke startet)\n",
        "one line, for the onboarding; the refreshers wait for it"
    );
    let last_day = dirs.run(&["status", "--today", "2025-12-04"], "");
    assert_eq!(last_day.status.code(), Some(1), "the deadline is inclusive");
    let overdue = dirs.run(&["status", "--today", "2025-12-05", "--lang", "en"], "");
    assert_eq!(overdue.status.code(), Some(2));
    assert_eq!(
        text(&overdue.stdout),
        "Welcome: IT security in the City of Copenhagen: overdue since 5 December 2025 (not started)\n"
    );
    let before = dirs.run(&["status", "--today", "2025-11-01"], "");
    assert_eq!(
        before.status.code(),
        Some(0),
        "before the start date nothing is due"
    );
    assert_eq!(text(&before.stdout), "");
}

#[test]
fn an_unreadable_configuration_or_a_bad_date_is_not_mistaken_for_a_status() {
    let dirs = Dirs::new();
    std::fs::create_dir_all(dirs.config()).expect("mkdir");
    std::fs::write(dirs.config().join("config.ron"), "not ron").expect("write");
    let out = dirs.run(&["status"], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("config.ron"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn a_mistyped_option_is_a_usage_error_not_overdue() {
    let dirs = Dirs::new();
    let out = dirs
        .command(&["status", "--no-such-option"])
        .output()
        .expect("run bevidst");
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-such-option"));
    let help = dirs
        .command(&["status", "--help"])
        .output()
        .expect("run bevidst");
    assert_eq!(help.status.code(), Some(0));
}
