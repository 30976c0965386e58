//! Running the real binary: once with all its input at once, or interactively, answering
//! each prompt after reading the screen above it.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use tempfile::TempDir;

/// How a typed line ends on this platform: a Windows console or pipe sends CRLF (the test
/// binaries run as Windows programs under Wine in CI, `.ci/windows`).
pub const NEWLINE: &str = if cfg!(windows) { "\r\n" } else { "\n" };

/// Temporary configuration and data folders.
pub struct Dirs {
    pub dir: TempDir,
}

impl Dirs {
    pub fn new() -> Dirs {
        Dirs {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The organisation's configuration folder (`/etc/bevidst` or `%PROGRAMDATA%\bevidst` in
    /// real life); [`crate::hermetic::command`] points the binary here.
    pub fn organisation(&self) -> PathBuf {
        self.dir.path().join("org-config")
    }

    pub fn log(&self) -> PathBuf {
        bevidst::record::log_path(&self.data())
    }

    /// The binary with these folders, a fixed login name and nothing inherited from the
    /// caller (the environment is built by [`crate::hermetic::command`]).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = crate::hermetic::command(env!("CARGO_BIN_EXE_bevidst"), self.dir.path());
        cmd.args(args)
            .env("BEVIDST_CONFIG_DIR", self.config())
            .env("BEVIDST_DATA_DIR", self.data())
            .env("USER", "jens");
        cmd
    }

    /// Runs the binary with `input` on stdin and waits for it; each line ends as on the
    /// platform ([`NEWLINE`]).
    pub fn run(&self, args: &[&str], input: &str) -> Output {
        let input = input.replace('\n', NEWLINE);
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("input written");
        drop(stdin);
        child.wait_with_output().expect("the binary ends")
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("the output is UTF-8")
}

/// The binary in plain mode, driven prompt by prompt.
pub struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    chunks: Receiver<Vec<u8>>,
    /// Everything printed so far.
    pub transcript: String,
}

impl Session {
    pub fn start(dirs: &Dirs, args: &[&str]) -> Session {
        let mut child = dirs
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary starts");
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().expect("stdout");
        let (tx, chunks) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            stdin,
            chunks,
            transcript: String::new(),
        }
    }

    /// Waits until the program asks for input; returns what it printed since the last
    /// answer. Every prompt ends in "(? for hjælp): " or "(? for help): ".
    pub fn screen(&mut self) -> String {
        let mut bytes = Vec::new();
        loop {
            let text = String::from_utf8_lossy(&bytes);
            if text.ends_with("hjælp): ") || text.ends_with("help): ") {
                let text = text.into_owned();
                self.transcript.push_str(&text);
                return text;
            }
            match self.chunks.recv_timeout(Duration::from_secs(20)) {
                Ok(chunk) => bytes.extend(chunk),
                Err(e) => panic!(
                    "no prompt ({e}); printed so far:\n{}{}",
                    self.transcript,
                    String::from_utf8_lossy(&bytes)
                ),
            }
        }
    }

    pub fn answer(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin
            .write_all(format!("{line}{NEWLINE}").as_bytes())
            .expect("the answer is written");
    }

    /// Closes stdin and waits for the exit code; returns it with the whole transcript.
    pub fn finish(mut self) -> (i32, String) {
        drop(self.stdin.take());
        let status = self.child.wait().expect("the binary ends");
        let mut rest = Vec::new();
        while let Ok(chunk) = self.chunks.recv_timeout(Duration::from_secs(5)) {
            rest.extend(chunk);
        }
        self.transcript.push_str(&text(&rest));
        (
            status.code().expect("an exit code, not a signal"),
            std::mem::take(&mut self.transcript),
        )
    }
}

/// A course folder holding only the bundled onboarding module.
pub fn onboarding_only(dir: &Path) -> PathBuf {
    let courses = dir.join("onboarding-only");
    std::fs::create_dir_all(&courses).expect("mkdir");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("courses/01-velkommen.ron");
    std::fs::copy(source, courses.join("01-velkommen.ron")).expect("copy the course");
    courses
}

/// Appends to the learner's log an all-right attempt at `module` finishing at `finished` (UTC
/// seconds) after `took` seconds: ten minutes for the module's draw is a pass the verdict
/// accepts, one second is one it does not (faster than the questions can be read). Returns
/// the record's receipt.
pub fn append_attempt(
    dirs: &Dirs,
    module: &bevidst::course::LoadedModule,
    finished: u64,
    took: u64,
) -> String {
    use rand::SeedableRng;
    let m = &module.module;
    let answers: Vec<bevidst::attempt::AnsweredQuestion> = m
        .questions
        .iter()
        .take(usize::try_from(m.draw).expect("small"))
        .map(|q| bevidst::attempt::AnsweredQuestion {
            id: q.id.clone(),
            area: q.area,
            correct: true,
        })
        .collect();
    let (mut log, _) = bevidst::record::LearnerLog::open(
        &dirs.log(),
        &mut rand_chacha::ChaCha8Rng::seed_from_u64(1),
    )
    .expect("the log opens");
    let record = log
        .append(bevidst::attempt::FinishedAttempt {
            learner: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            module: m.id.clone(),
            module_version: m.version,
            content_hash: module.hash,
            started: finished - took,
            finished,
            score: m.draw,
            max: m.draw,
            passed: true,
            answers,
        })
        .expect("appended");
    bevidst::record::receipt(&record.hash)
}
