//! The report dashboard through the real binary in a real pseudo-terminal (tmux): it opens on
//! the alternate screen, the keys move between tabs, and `q` leaves the terminal as it was
//! (alternate screen off). Needs tmux; `.ci/run` installs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), so the test never touches the user's sessions.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "dash"]).stdout)
            .into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "dash"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "dash", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Waits until the screen shows `needle`; fails with the screen after twenty seconds.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {needle:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn the_dashboard_runs_in_a_real_terminal_and_restores_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = env!("CARGO_BIN_EXE_bevidst");
    let collection = dir.path().join("indsamling");
    let status = Command::new(exe)
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
    let tmux = Tmux {
        socket: dir.path().join("tmux.sock"),
    };
    let command = format!(
        "BEVIDST_DATA_DIR={} {} report {} --now 2025-06-15T12:00:00Z --format tui; echo REPORT-EXIT=$?; sleep 30",
        quoted(&dir.path().join("data")),
        quoted(Path::new(exe)),
        quoted(&collection),
    );
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "dash",
        "-x",
        "80",
        "-y",
        "24",
        "sh",
        "-c",
        &command,
    ]);
    assert!(started.status.success(), "tmux starts: {started:?}");
    let screen = tmux.wait_for("Indsamling");
    assert!(screen.contains("1 Overblik"), "{screen}");
    assert_eq!(tmux.display("#{alternate_on}"), "1", "the alternate screen");
    tmux.keys(&["3"]);
    tmux.wait_for("Vidensniveau, alle forvaltninger");
    tmux.keys(&["?"]);
    tmux.wait_for("Taster (Esc lukker)");
    tmux.keys(&["Escape"]);
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
