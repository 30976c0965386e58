//! The newcomer's journey through the real binary in tmux, where only a real terminal shows
//! it: keys while the terminal is too small, the hand-in page, the lesson pager, and signals.
//! The learner is set up beforehand (a configuration written as the first start would), so
//! each test starts on the home screen. Needs tmux; `.ci/run` installs it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevidst::config::{self, Config, Learner};
use tempfile::TempDir;

use std::process::Command;

use crate::tmux::{Tmux, quoted};

/// A set-up learner's folders and the binary running on them in tmux at 80×24.
struct Run {
    dir: TempDir,
    tmux: Tmux,
}

impl Run {
    /// Starts the binary for a learner set up in Danish; the shell prints `EXIT <code>` when
    /// it ends.
    fn start() -> Run {
        Run::start_with(|bin, pid| format!("sh -c 'echo $$ > {pid}; exec {bin}'; echo EXIT $?"))
    }

    /// Starts the binary with the shell line `line(binary, pid file)` makes, for a learner set
    /// up in Danish; the line is followed by a shell, so the pane stays open.
    fn start_with(line: impl Fn(&str, &str) -> String) -> Run {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = Config {
            learner: Some(Learner {
                employee_id: "ab12".into(),
                forvaltning: "Økonomiforvaltningen".into(),
                start_date: jiff::civil::date(2025, 1, 6),
                role: bevidst::course::Role::Employee,
            }),
            ..Config::default()
        };
        config::save(&dir.path().join("config"), &config).expect("config saved");
        let bin = Path::new(env!("CARGO_BIN_EXE_bevidst"));
        let script = format!(
            "export BEVIDST_DATA_DIR={data} BEVIDST_CONFIG_DIR={config}; {line}; exec sh",
            data = quoted(&dir.path().join("data")),
            config = quoted(&dir.path().join("config")),
            line = line(
                &bin.display().to_string(),
                &dir.path().join("pid").display().to_string()
            ),
        );
        let tmux = Tmux::start(dir.path(), "journey", &script, Duration::from_secs(10));
        tmux.wait_for("Dine moduler");
        Run { dir, tmux }
    }

    /// The binary's process id.
    fn pid(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("pid"))
            .expect("the pid is written")
            .trim()
            .to_owned()
    }

    fn log(&self) -> PathBuf {
        bevidst::record::log_path(&self.dir.path().join("data"))
    }

    /// How many records the learner's log holds.
    fn records(&self) -> u64 {
        if !self.log().exists() {
            return 0;
        }
        bevidst::record::verify_file(&self.log())
            .expect("the log verifies")
            .records
    }
}

#[test]
fn while_the_terminal_is_too_small_only_quit_and_help_act() {
    let run = Run::start();
    let tmux = &run.tmux;
    tmux.keys(&["t"]);
    tmux.wait_for("Spørgsmål 1 af 10");
    tmux.resize(40, 10);
    let small = tmux.wait_for("for lille");
    assert!(small.contains("q afslut"), "the keys that act: {small}");
    for _ in 0..10 {
        tmux.keys(&["1", "Enter"]);
    }
    tmux.resize(80, 24);
    let screen = tmux.wait_for("Spørgsmål 1 af 10");
    assert!(screen.contains("0 af 10 besvaret"), "{screen}");
    assert_eq!(run.records(), 0, "nothing was handed in blind");

    // The help opens and closes while small; quit still quits.
    tmux.resize(40, 10);
    tmux.wait_for("for lille");
    tmux.keys(&["q"]);
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT 0");
    assert_eq!(run.records(), 0);
}

#[test]
fn a_lesson_page_reads_like_a_pager_and_turns_only_at_its_end() {
    let run = Run::start();
    let tmux = &run.tmux;
    tmux.keys(&["Enter"]);
    let first = tmux.wait_for("↓ mere tekst");
    assert!(first.contains("Side 1 af 6"), "{first}");
    assert!(
        first.contains("↑↓ rul"),
        "the footer names the scroll keys: {first}"
    );
    // Enter reads on, and Space too; the page turns only once its end was on screen.
    let mut screen = first;
    let mut key = "Enter";
    for presses in 0.. {
        if !screen.contains("↓ mere tekst") {
            assert!(screen.contains("Side 1 af 6"), "{screen}");
            break;
        }
        assert!(presses < 10, "the end of the page comes: {screen}");
        // Each press scrolls, so wait until the screen shows it before looking again.
        tmux.keys(&[key]);
        screen = changed(tmux, &screen);
        key = "Space";
    }
    let end = tmux.wait_for("Enter næste side");
    assert!(end.contains("Side 1 af 6"), "{end}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Side 2 af 6");
}

/// Sends `signal` to the binary.
fn kill(signal: &str, pid: &str) {
    let out = Command::new("kill")
        .args([signal, pid])
        .output()
        .expect("kill runs");
    assert!(out.status.success(), "kill {signal} {pid}: {out:?}");
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for (signal, code) in [("-TERM", 143), ("-HUP", 129), ("-INT", 130)] {
        let run = Run::start();
        let tmux = &run.tmux;
        tmux.keys(&["t"]);
        tmux.wait_for("Spørgsmål 1 af 10");
        assert_eq!(tmux.display("#{alternate_on}"), "1");
        kill(signal, &run.pid());
        tmux.wait_for(&format!("EXIT {code}"));
        assert_eq!(
            tmux.display("#{alternate_on}"),
            "0",
            "{signal}: the alternate screen is left"
        );
        assert_eq!(
            tmux.display("#{cursor_flag}"),
            "1",
            "{signal}: the cursor is shown"
        );
        assert_eq!(run.records(), 0, "{signal}: the quiz was not recorded");
    }
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    // A shell with job control, as a learner's: Ctrl-Z stops the program, the shell says so,
    // and `fg` continues it.
    let run = Run::start_with(|bin, pid| {
        format!("set -m; sh -c 'echo $$ > {pid}; exec {bin}'; echo SUSPENDED; fg; echo EXIT $?")
    });
    let tmux = &run.tmux;
    tmux.keys(&["t"]);
    tmux.wait_for("Spørgsmål 1 af 10");
    tmux.keys(&["C-z"]);
    // The shell ran while the program was stopped (it printed on the normal screen), then
    // `fg` brought the program back, drawn whole on the alternate screen. The footer is drawn
    // last, so once it shows the frame is complete (a capture taken while the redraw is under
    // way would show a half-drawn frame), and nothing of an earlier screen may remain.
    let back = tmux.wait_for("1–9 vælg");
    assert!(back.contains("Spørgsmål 1 af 10"), "redrawn whole: {back}");
    assert!(
        !back.contains("Efter introduktionen"),
        "nothing of the home screen remains: {back}"
    );
    assert_eq!(tmux.display("#{alternate_on}"), "1");
    tmux.keys(&["q", "j"]);
    let shell = tmux.wait_for("EXIT 0");
    assert!(
        shell.contains("SUSPENDED"),
        "the program was stopped: {shell}"
    );
}

/// Waits until the screen differs from `before` and has its footer drawn; returns it.
fn changed(tmux: &Tmux, before: &str) -> String {
    let start = std::time::Instant::now();
    loop {
        let now = tmux.screen();
        // A capture can land while tmux is still drawing a frame: take the screen only once
        // it holds still for one more look.
        if now != before && now.contains("? hjælp") {
            std::thread::sleep(Duration::from_millis(60));
            if tmux.screen() == now {
                return now;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the screen changes: {now}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}
