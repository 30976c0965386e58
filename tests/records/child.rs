//! Running the real binary from a test: an environment built from scratch by
//! [`crate::hermetic::command`] (nothing of the caller's `BEVIDST_*`, `HOME`, `XDG_*` or
//! `USER`), and a watchdog that fails the test,
//! instead of hanging it, when the program does not finish.

// Some helpers serve only the Unix-only tests (hostile files, permissions); the Windows build of
// these tests (CI under Wine, .ci/windows) has no use for them.
#![cfg_attr(not(unix), allow(dead_code))]

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a command may take before the test says it did not finish. Everything here
/// finishes in well under a second; the limit only keeps a regression from hanging `cargo
/// test`.
const WATCHDOG: Duration = Duration::from_secs(120);

/// The binary with `args`, a clean environment, and `data` as its data folder (the report's
/// anchor file and key live there too), `config` as its configuration folder.
pub fn bevidst(data: &Path, config: &Path, args: &[&str]) -> Command {
    let sandbox = data.parent().unwrap_or(data);
    let mut cmd = crate::hermetic::command(env!("CARGO_BIN_EXE_bevidst"), sandbox);
    cmd.args(args)
        .env("BEVIDST_DATA_DIR", data)
        .env("BEVIDST_CONFIG_DIR", config)
        .env("TERM", "dumb")
        .env("COLUMNS", "80")
        .current_dir(data.parent().unwrap_or(data));
    cmd
}

/// Where a command's standard output goes.
pub enum Stdout {
    /// Read by the test.
    Read,
    /// A pipe whose reader has gone away before the command writes (`| head -0`).
    Closed,
    /// A file, such as `/dev/full`.
    File(std::fs::File),
}

/// Runs `cmd` with `input` on stdin; fails the test if it has not finished within the
/// watchdog's time (it is killed first).
pub fn finish(cmd: Command, input: &[u8]) -> Output {
    finish_with(cmd, input, Stdout::Read)
}

/// [`finish`] with standard output going to `stdout`.
pub fn finish_with(mut cmd: Command, input: &[u8], stdout: Stdout) -> Output {
    let closed = matches!(stdout, Stdout::Closed);
    match stdout {
        Stdout::Read | Stdout::Closed => cmd.stdout(Stdio::piped()),
        Stdout::File(f) => cmd.stdout(f),
    };
    let mut child = cmd
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    // Dropping the pipe's only reader closes it: the command's first write fails with EPIPE.
    let mut stdout = child.stdout.take().filter(|_| !closed);
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut v);
        }
        v
    });
    let mut stderr = child.stderr.take().expect("stderr");
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stderr.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = writer.join();
    Output {
        status,
        stdout: out.join().expect("stdout read"),
        stderr: err.join().expect("stderr read"),
    }
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Makes a named pipe at `path` (with the system's `mkfifo`; std has no call for it).
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let made = crate::hermetic::command("mkfifo", path.parent().unwrap_or(path))
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}
