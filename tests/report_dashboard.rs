//! The report dashboard through the real binary in a real pseudo-terminal (tmux): it opens on
//! the alternate screen, the keys move between tabs, and `q` leaves the terminal as it was
//! (alternate screen off). Needs tmux; `.ci/run` installs it. The follow-up view, personal
//! data, refuses a pipe before it reads anything.

use std::path::Path;
use std::time::Duration;

#[path = "support/hermetic.rs"]
mod hermetic;
#[path = "support/tmux.rs"]
mod tmux;

use tmux::{Tmux, quoted};

#[test]
fn the_dashboard_runs_in_a_real_terminal_and_restores_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = env!("CARGO_BIN_EXE_bevidst");
    let collection = dir.path().join("indsamling");
    let status = hermetic::command(exe, dir.path())
        .args([
            "simulate",
            "--learners",
            "60",
            "--years",
            "1",
            "--seed",
            "5",
        ])
        .args(["--end", "2025-06-15T12:00:00Z", "--out"])
        .arg(&collection)
        .status()
        .expect("simulate runs");
    assert!(status.success());
    let command = format!(
        "BEVIDST_DATA_DIR={} {} report {} --now 2025-06-15T12:00:00Z --format tui; echo REPORT-EXIT=$?; sleep 30",
        quoted(&dir.path().join("data")),
        quoted(Path::new(exe)),
        quoted(&collection),
    );
    let tmux = Tmux::start(dir.path(), "dash", &command, Duration::from_secs(20));
    let screen = tmux.wait_for("Personer pr. forvaltning");
    assert!(screen.contains("1 Overblik"), "{screen}");
    assert_eq!(tmux.display("#{alternate_on}"), "1", "the alternate screen");
    tmux.keys(&["3"]);
    tmux.wait_for("Vidensniveau, alle forvaltninger");
    tmux.keys(&["?"]);
    tmux.wait_for("Hjælp (↑↓ ruller, Esc lukker)");
    tmux.keys(&["Escape"]);
    // The tabs' footer is back once the help is closed; a Tab sent sooner would reach the
    // terminal together with the Escape, which reads as Alt-Tab.
    tmux.wait_for("Tab næste fane");
    tmux.keys(&["Tab"]);
    tmux.wait_for("første forsøg");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("REPORT-EXIT=0");
    assert!(
        !screen.contains("Vidensniveau"),
        "the dashboard is gone:\n{screen}"
    );
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "0",
        "back on the normal screen"
    );
}

#[test]
fn the_follow_up_view_refuses_a_pipe_before_reading_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = dir.path().join("indsamling");
    std::fs::create_dir(&collection).expect("collection folder");
    let anchors = dir.path().join("anchors.txt");
    let out = hermetic::command(env!("CARGO_BIN_EXE_bevidst"), dir.path())
        .arg("report")
        .arg(&collection)
        .arg("--anchors")
        .arg(&anchors)
        .arg("--followup-view")
        .output()
        .expect("bevidst runs");
    assert_eq!(
        out.status.code(),
        Some(74),
        "EX_IOERR, as for any output it cannot write"
    );
    assert!(out.stdout.is_empty(), "nothing on the pipe");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("--followup-view kan kun vises i en terminal; brug --followup FILE"),
        "{said}"
    );
    assert!(!said.contains("cannot"), "in one language: {said}");
    assert!(!anchors.exists(), "the collection was not read: {said}");
}
