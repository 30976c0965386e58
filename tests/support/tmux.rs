//! A tmux server of the test's own (its own socket), running one session of 80×24, so tests
//! can drive the real binary in a real pseudo-terminal: raw mode, the alternate screen and
//! restoring the terminal are exercised for real. Shared by the end-to-end tests of the
//! learner's interface and the report dashboard (included with `#[path]`, beside
//! `hermetic.rs`). Needs tmux; `.ci/run` installs it.
//!
//! A tmux server takes its environment, which every pane inherits, from the client that
//! starts it, and reads `~/.tmux.conf`. So every tmux command here runs with the environment
//! built by [`crate::hermetic::command`], `-f /dev/null` (no configuration) and `-S` a socket
//! of the test's own: the program in the pane sees only what the test's script sets.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

/// One tmux server with one session; killed when dropped.
pub struct Tmux {
    sandbox: PathBuf,
    socket: PathBuf,
    session: &'static str,
    patience: Duration,
}

impl Tmux {
    /// Starts `sh -c script` in a new 80×24 session whose server socket, and the home and
    /// data folders of its environment, live in `dir`; `wait_for` gives up after `patience`.
    pub fn start(dir: &Path, session: &'static str, script: &str, patience: Duration) -> Tmux {
        let tmux = Tmux {
            sandbox: dir.to_path_buf(),
            socket: dir.join("tmux.sock"),
            session,
            patience,
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "80",
            "-y",
            "24",
            "sh",
            "-c",
            script,
        ]);
        assert!(
            out.status.success(),
            "tmux starts (apt-get install tmux): {out:?}"
        );
        tmux
    }

    /// Runs a tmux command against this server (UTF-8 forced with `-u`).
    pub fn run(&self, args: &[&str]) -> Output {
        crate::hermetic::command("tmux", &self.sandbox)
            .args(["-u", "-f", "/dev/null", "-S"])
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (apt-get install tmux; .ci/run installs it)")
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", self.session]).stdout)
            .into_owned()
    }

    /// Types keys (tmux key names such as `Enter`, `BSpace`, or plain characters).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    // Not every test binary that includes this file uses every helper.
    #[allow(dead_code)]
    /// Resizes the session's window to `width`×`height`, as a learner dragging the window.
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        let out = self.run(&["resize-window", "-t", self.session, "-x", &w, "-y", &h]);
        assert!(out.status.success(), "resize-window: {out:?}");
    }

    #[allow(dead_code)]
    /// Waits until the screen no longer shows `needle`; fails with the screen when patience
    /// runs out.
    pub fn wait_gone(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < self.patience,
                "waited for {needle:?} to go; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// A tmux format such as `#{alternate_on}` for the pane.
    pub fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", self.session, format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Waits until the screen shows `needle`; fails with the screen when patience runs out.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < self.patience,
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

/// A path quoted for `sh`.
pub fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}
