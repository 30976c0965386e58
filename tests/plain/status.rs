//! `bevidst status` through the real binary: its lines and exit codes before the first
//! start, while the onboarding is due, once it is overdue, for a managers' module by role, and
//! when the status cannot be read.

use std::path::{Path, PathBuf};

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
    let first = dirs.run(&["--plain"], "\nab12\n7\n1\n2025-11-20\nj\n");
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

/// A course folder holding only the tests' managers' refresher.
fn managers_only(dir: &Path) -> PathBuf {
    let courses = dir.join("managers-only");
    std::fs::create_dir_all(&courses).expect("mkdir");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/leder.ron");
    std::fs::copy(source, courses.join("leder.ron")).expect("copy the course");
    courses
}

#[test]
fn a_managers_module_is_due_for_a_manager_only_also_after_a_change_in_the_settings() {
    let dirs = Dirs::new();
    let courses = managers_only(dirs.dir.path());
    let courses = courses.to_str().expect("UTF-8 path");
    let status = || {
        dirs.run(
            &["status", "--courses", courses, "--today", "2025-11-25"],
            "",
        )
    };
    // An employee: the module is not theirs, so nothing is due.
    let first = dirs.run(
        &["--plain", "--courses", courses],
        "\nab12\n7\n1\n2025-11-20\nj\nq\n",
    );
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let employee = status();
    assert_eq!(
        employee.status.code(),
        Some(0),
        "{}",
        text(&employee.stderr)
    );
    assert_eq!(text(&employee.stdout), "");
    // The same learner says in the settings that they are a manager: now it is due.
    let change = dirs.run(
        &["--plain", "--courses", courses],
        "indstillinger\n4\n2\ntilbage\nq\n",
    );
    assert_eq!(change.status.code(), Some(0), "{}", text(&change.stderr));
    let manager = status();
    assert_eq!(manager.status.code(), Some(1), "{}", text(&manager.stderr));
    assert_eq!(
        text(&manager.stdout),
        "For ledere: adgang og nye medarbejdere: skal tages senest 20. december 2025 (ikke startet)\n"
    );
    let late = dirs.run(
        &["status", "--courses", courses, "--today", "2025-12-21"],
        "",
    );
    assert_eq!(late.status.code(), Some(2), "overdue after the deadline");
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

#[test]
fn a_first_start_typed_with_crlf_line_ends_saves_the_answers_without_them() {
    let dirs = Dirs::new();
    let mut cmd = dirs.command(&["--plain"]);
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("the binary starts");
    std::io::Write::write_all(
        &mut child.stdin.take().expect("stdin"),
        b"\r\nab12\r\n7\r\n1\r\n2025-11-20\r\nj\r\n",
    )
    .expect("input written");
    let out = child.wait_with_output().expect("the binary ends");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = std::fs::read_to_string(dirs.config().join("config.ron")).expect("saved");
    assert!(saved.contains("employee_id: \"ab12\","), "{saved}");
    assert!(saved.contains("start_date: \"2025-11-20\","), "{saved}");
}
