//! Figures for the learner's terminal UI (a bench binary, not a test; run with
//! `cargo bench --bench tui`):
//!
//! - time to first frame: loading the bundled courses, the configuration and the learner's
//!   log, building the model and drawing the home screen into a crossterm backend (the escape
//!   sequences are written to memory, so the terminal's own speed is left out);
//! - time from a key press to a finished frame on the quiz screen: the key through the key
//!   map and `update`, then the draw, for arrow keys and choice toggles;
//! - the real binary in tmux (if tmux is installed): its peak resident memory (`VmHWM`) after a
//!   whole onboarding quiz, and the CPU time it uses while it waits for a key.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use bevidst::app::runtime::Offline;
use bevidst::app::store::LogStore;
use bevidst::app::{Message, Model, Screen};
use bevidst::config::{self, Config, Learner};
use bevidst::record::LearnerLog;
use bevidst::tui::Theme;
use jiff::Timestamp;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, TerminalOptions, Viewport};

#[path = "../tests/support/hermetic.rs"]
mod hermetic;

fn summary(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |per_mille: usize| samples[(samples.len() - 1) * per_mille / 1000];
    println!(
        "{name:<44} n={:<5} median {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}",
        samples.len(),
        pick(500),
        pick(990),
        samples[samples.len() - 1]
    );
}

fn setup_dirs(dir: &Path) {
    let config = Config {
        learner: Some(Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: jiff::civil::date(2025, 11, 20),
            role: bevidst::course::Role::Employee,
        }),
        ..Config::default()
    };
    config::save(&dir.join("config"), &config).expect("save the configuration");
}

/// Everything the program does before its first frame, except entering raw mode.
fn first_frame(dir: &Path) -> Duration {
    let start = Instant::now();
    let courses = bevidst::course::bundled().expect("the bundled courses are valid");
    let config = config::load(&dir.join("config")).expect("load the configuration");
    let (log, _) = LearnerLog::open(
        &dir.join("data").join("log.ron"),
        &mut ChaCha8Rng::seed_from_u64(1),
    )
    .expect("open the log");
    let store = LogStore {
        log,
        collect_dir: None,
        delivery: bevidst::app::delivery::Delivery::Off,
    };
    let today = jiff::civil::date(2025, 11, 28);
    let model = Model::new(courses, config, store.history(), today, "ab12");
    let mut terminal = fixed_terminal(Vec::with_capacity(8192));
    terminal
        .draw(|f| bevidst::tui::view::view(&model, Theme { color: true }, f))
        .expect("draw");
    let elapsed = start.elapsed();
    std::hint::black_box(terminal.backend());
    elapsed
}

/// An 80×24 terminal writing escape sequences into `out`. The size is fixed: a full-screen
/// viewport would ask the terminal for its size on every draw, and without a tty (as under
/// `cargo bench` with output piped) crossterm answers that by running `tput`, which would
/// dominate the figures; in a real terminal the question is one cheap ioctl.
fn fixed_terminal<W: std::io::Write>(out: W) -> Terminal<CrosstermBackend<W>> {
    Terminal::with_options(
        CrosstermBackend::new(out),
        TerminalOptions {
            viewport: Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
        },
    )
    .expect("terminal")
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn key_to_frame() -> Vec<Duration> {
    let courses = bevidst::course::bundled().expect("the bundled courses are valid");
    let config = Config {
        learner: Some(Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: jiff::civil::date(2025, 11, 20),
            role: bevidst::course::Role::Employee,
        }),
        ..Config::default()
    };
    let today = jiff::civil::date(2025, 11, 28);
    let mut model = Model::new(courses, config, Vec::new(), today, "ab12");
    let mut services = Offline {
        clock: bevidst::app::runtime::SteppingClock::starting_at(
            Timestamp::from_second(1_764_320_400).expect("a valid time"),
        ),
        rng: ChaCha8Rng::seed_from_u64(7),
        receipt: "0000-0000-0000".into(),
    };
    bevidst::app::runtime::dispatch(&mut model, Message::StartQuiz, &mut services);
    assert!(matches!(model.screen, Screen::Quiz(_)));
    let mut terminal = fixed_terminal(std::io::sink());
    let theme = Theme { color: true };
    terminal
        .draw(|f| bevidst::tui::view::view(&model, theme, f))
        .expect("draw");
    let keys = [
        key(KeyCode::Down),
        key(KeyCode::Char(' ')),
        key(KeyCode::Up),
        key(KeyCode::Char('2')),
        key(KeyCode::Right),
        key(KeyCode::Left),
    ];
    let mut samples = Vec::new();
    for i in 0..6000 {
        let event = &keys[i % keys.len()];
        let start = Instant::now();
        bevidst::tui::handle_event(&mut model, &mut services, event);
        terminal
            .draw(|f| bevidst::tui::view::view(&model, theme, f))
            .expect("draw");
        samples.push(start.elapsed());
    }
    samples
}

fn proc_field(pid: &str, file: &str, field: &str) -> Option<String> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()?;
    text.lines()
        .find(|l| l.starts_with(field))
        .map(|l| l[field.len()..].trim().to_owned())
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 14 and 15 of stat; the slice starts at field 3.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

fn real_binary() {
    let dir = tempfile::tempdir().expect("temp dir");
    if hermetic::command("tmux", dir.path())
        .arg("-V")
        .output()
        .is_err()
    {
        println!("real binary: tmux is not installed; skipped");
        return;
    }
    setup_dirs(dir.path());
    let sock = dir.path().join("sock");
    // The server's environment (which the pane inherits) is the client's: built from scratch,
    // with no tmux configuration read.
    let tmux = |args: &[&str]| {
        hermetic::command("tmux", dir.path())
            .args(["-u", "-f", "/dev/null", "-S"])
            .arg(&sock)
            .args(args)
            .output()
            .expect("tmux")
    };
    let bin = env!("CARGO_BIN_EXE_bevidst");
    let data = format!("BEVIDST_DATA_DIR={}", dir.path().join("data").display());
    let conf = format!("BEVIDST_CONFIG_DIR={}", dir.path().join("config").display());
    let spawned = Instant::now();
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "b",
        "-x",
        "80",
        "-y",
        "24",
        "-e",
        &data,
        "-e",
        &conf,
        bin,
    ]);
    let screen =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "b"]).stdout).into_owned();
    let wait = |needle: &str| {
        let t = Instant::now();
        while !screen().contains(needle) {
            assert!(t.elapsed() < Duration::from_secs(10), "waited for {needle}");
            std::thread::sleep(Duration::from_millis(2));
        }
    };
    wait("Dine moduler");
    let shown = spawned.elapsed();
    let pid =
        String::from_utf8_lossy(&tmux(&["display-message", "-p", "-t", "b", "#{pane_pid}"]).stdout)
            .trim()
            .to_owned();
    tmux(&["send-keys", "-t", "b", "t"]);
    for n in 1..=10 {
        wait(&format!("Spørgsmål {n} af 10"));
        tmux(&["send-keys", "-t", "b", "1", "Enter"]);
    }
    // The hand-in page, then handing in is confirmed.
    wait("Aflever quizzen");
    tmux(&["send-keys", "-t", "b", "a"]);
    wait("Vil du aflevere");
    tmux(&["send-keys", "-t", "b", "j"]);
    wait("Din kvittering:");
    std::thread::sleep(Duration::from_millis(200));
    let before = cpu_ticks(&pid);
    std::thread::sleep(Duration::from_secs(5));
    let after = cpu_ticks(&pid);
    let hwm = proc_field(&pid, "status", "VmHWM:");
    let rss = proc_field(&pid, "status", "VmRSS:");
    tmux(&["send-keys", "-t", "b", "q"]);
    std::thread::sleep(Duration::from_millis(200));
    tmux(&["kill-server"]);
    println!(
        "real binary in tmux: home screen on the pane after {shown:.0?} (spawn, start-up, \
         first frame, tmux's own capture delay included)"
    );
    println!(
        "real binary after a whole onboarding quiz: peak resident (VmHWM) {}, resident now (VmRSS) {}",
        hwm.as_deref().unwrap_or("n/a"),
        rss.as_deref().unwrap_or("n/a")
    );
    match (before, after) {
        (Some(b), Some(a)) => println!(
            "real binary waiting 5 s for a key: {} CPU clock ticks (1 tick = 10 ms at USER_HZ 100)",
            a - b
        ),
        _ => println!("real binary idle CPU: n/a (no /proc)"),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would run us too; do nothing then.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    println!(
        "bevidst terminal UI, {} on {}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    );
    let dir = tempfile::tempdir().expect("temp dir");
    setup_dirs(dir.path());
    let _ = first_frame(dir.path()); // warm the file cache
    summary(
        "first frame (courses+config+log+model+draw)",
        (0..100).map(|_| first_frame(dir.path())).collect(),
    );
    summary("key press to finished frame (quiz, 80x24)", key_to_frame());
    if let Some(hwm) = proc_field("self", "status", "VmHWM:") {
        println!("this bench process: peak resident (VmHWM) {hwm}");
    }
    real_binary();
    let _ = std::io::stdout().flush();
}
