//! The newcomer's journey through the real binary in tmux, where only a real terminal shows
//! it: keys while the terminal is too small, the hand-in page, the lesson pager, and signals.
//! The learner is set up beforehand (a configuration written as the first start would), so
//! each test starts on the home screen. Needs tmux; `.ci/run` installs it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevidst::config::{self, Config, Learner};
use tempfile::TempDir;

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
        let dir = tempfile::tempdir().expect("temp dir");
        let config = Config {
            learner: Some(Learner {
                employee_id: "ab12".into(),
                forvaltning: "Økonomiforvaltningen".into(),
                start_date: jiff::civil::date(2025, 1, 6),
            }),
            ..Config::default()
        };
        config::save(&dir.path().join("config"), &config).expect("config saved");
        let bin = Path::new(env!("CARGO_BIN_EXE_bevidst"));
        let script = format!(
            "BEVIDST_DATA_DIR={data} BEVIDST_CONFIG_DIR={config} {bin}; echo EXIT $?; exec sh",
            data = quoted(&dir.path().join("data")),
            config = quoted(&dir.path().join("config")),
            bin = quoted(bin),
        );
        let tmux = Tmux::start(dir.path(), "journey", &script, Duration::from_secs(10));
        tmux.wait_for("Dine moduler");
        Run { dir, tmux }
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
    tmux.keys(&["Enter"]);
    let mut screens = 0;
    loop {
        let screen = tmux.screen();
        if !screen.contains("↓ mere tekst") {
            assert!(screen.contains("Side 1 af 6"), "{screen}");
            break;
        }
        screens += 1;
        assert!(screens < 10, "the end of the page comes: {screen}");
        tmux.keys(&["Space"]);
        std::thread::sleep(Duration::from_millis(100));
    }
    let end = tmux.wait_for("Enter næste side");
    assert!(end.contains("Side 1 af 6"), "{end}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Side 2 af 6");
}
