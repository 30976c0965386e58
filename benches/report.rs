//! Benchmark of `bevidst report` at the scale of Københavns Kommune: 45,000 employees over five
//! years, against the physical floor. Generates the collection once (with the simulator and the
//! synthetic course set, so the figures do not move when the bundled courses change), then
//! measures in one run, each in a fresh child process so that peak memory is its own:
//!
//! - `floor`: reading every file and computing SHA-256 over every line, on one thread: the
//!   least work any report that verifies every record must do;
//! - `full`: the whole report (verify every chain and hash, check plausibility, aggregate,
//!   finalize, render Markdown) on all cores, with no anchors and no cache from earlier runs;
//! - `unchanged`: the report again over the same collection, with the anchors (and whatever
//!   else the report keeps beside them) from the full run;
//! - `+1 %`: the report again after 1 % new records, appended one per log to logs spread over
//!   the collection and written the way the learner's program copies a log (a new file renamed
//!   over the old). The logs are cut back to their old length afterwards.
//!
//! Each line prints the times, the ratios to the floor, CPU seconds and peak memory.
//!
//! Run: `cargo bench --bench report` (env: `BEVIDST_BENCH_LEARNERS`, `BEVIDST_BENCH_YEARS`,
//! `BEVIDST_BENCH_RUNS`, and `BEVIDST_BENCH_DIR` to keep and reuse a generated collection).
//! Peak memory is the child's `VmHWM` from /proc (Linux; "n/a" elsewhere).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use bevidst::lang::Lang;
use bevidst::record::{CompletionRecord, InstallationId, LogReader};
use bevidst::report::{Paths, Settings, render::markdown, run};
use bevidst::schedule::Rules;
use bevidst::simulate::courses::{Shape, synthetic_courses};
use bevidst::simulate::{SimConfig, simulate};
use sha2::{Digest, Sha256};

#[path = "../tests/support/hermetic.rs"]
mod hermetic;

/// The simulated period ends here (fixed, so runs are comparable).
const END: i64 = 1_750_000_000; // 2025-06-15

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU seconds (user + system, all threads) used so far, from /proc/self/stat; less
/// sensitive than wall time to other work on a shared machine. Linux reports in `USER_HZ`
/// ticks, 100 a second.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    bevidst::report::read::list_files(dir)
        .expect("the collection is readable")
        .0
}

/// What a child measured.
struct Measured {
    secs: f64,
    cpu: Option<f64>,
    peak_kib: Option<u64>,
    /// Records hashed (floor) or counted (report).
    records: u64,
    /// Lines that are not records (floor: none; report: records rejected).
    other: u64,
}

impl Measured {
    fn print(&self) {
        println!(
            "{} {} {} {} {}",
            self.secs,
            self.cpu.map_or(-1.0, |c| c),
            self.peak_kib.map_or(0, |k| k),
            self.records,
            self.other
        );
    }

    fn parse(out: &str) -> Measured {
        let f: Vec<&str> = out.split_whitespace().collect();
        let num = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        let int = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        Measured {
            secs: num(0),
            cpu: Some(num(1)).filter(|&c| c >= 0.0),
            peak_kib: Some(int(2)).filter(|&k| k > 0),
            records: int(3),
            other: int(4),
        }
    }

    fn peak(&self) -> String {
        self.peak_kib
            .map_or_else(|| "n/a".into(), |k| format!("{} MB", k / 1024))
    }

    fn cpu(&self) -> String {
        self.cpu
            .map_or_else(|| "n/a".into(), |c| format!("{c:.1} s"))
    }
}

/// Child: read every file and hash every line on one thread.
fn measure_floor(dir: &Path) {
    let all = files(dir);
    let start = Instant::now();
    let mut lines = 0u64;
    let mut check = 0u8;
    for f in &all {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            check ^= Sha256::digest(line)[0];
            lines += 1;
        }
    }
    Measured {
        secs: start.elapsed().as_secs_f64(),
        cpu: cpu_secs(),
        peak_kib: peak_kib(),
        records: lines,
        other: u64::from(check),
    }
    .print();
}

/// Child: the whole report on all cores, keeping its anchors in `work`.
fn measure_report(dir: &Path, work: &Path) {
    let set = synthetic_courses(Shape::default()).expect("synthetic courses");
    let paths = Paths {
        collection: dir.to_path_buf(),
        roster: None,
        anchors: work.join("anchors.txt"),
        memory: None,
    };
    let settings = Settings {
        min_group: 5,
        rules: Rules::default(),
        now: jiff::Timestamp::from_second(END).expect("valid"),
        lang: Lang::Da,
        // Markdown only: no follow-up output, so no follow-up lists (as `bevidst report`).
        followup: false,
    };
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let start = Instant::now();
    let out = run(&paths, &set, &settings, threads, None).expect("report runs");
    let md = markdown::render(&out.report, Lang::Da);
    let secs = start.elapsed().as_secs_f64();
    std::fs::write(work.join("report.md"), &md).expect("written");
    if let Ok(keep) = std::env::var("BEVIDST_BENCH_SAMPLE") {
        std::fs::write(keep, &md).expect("sample written");
    }
    let c = out.report.counts;
    Measured {
        secs,
        cpu: cpu_secs(),
        peak_kib: peak_kib(),
        records: c.records_counted,
        other: c.records_rejected,
    }
    .print();
}

fn child(mode: &str, dir: &Path, work: &Path) -> Measured {
    let exe = std::env::current_exe().expect("own path");
    let sandbox = tempfile::tempdir().expect("temp dir");
    let mut cmd = hermetic::command(exe, sandbox.path());
    if let Some(keep) = std::env::var_os("BEVIDST_BENCH_SAMPLE") {
        cmd.env("BEVIDST_BENCH_SAMPLE", keep);
    }
    let out = cmd
        .arg("--measure")
        .arg(mode)
        .arg(dir)
        .arg(work)
        .output()
        .expect("child runs");
    assert!(
        out.status.success(),
        "{mode} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Measured::parse(&String::from_utf8_lossy(&out.stdout))
}

/// A log grown by one record, how long it was before and when it last changed.
struct Grown {
    path: PathBuf,
    old_len: u64,
    modified: std::time::SystemTime,
}

/// Appends one record to each of `wanted` logs spread evenly over the collection's own logs
/// (not the copies in `kopier/`, which would then no longer be copies): the last record's
/// attempt again, a day later, sealed onto the chain. The grown log is written to a new file
/// and renamed over the old one, as the learner's program copies a log.
fn grow(dir: &Path, wanted: u64) -> Vec<Grown> {
    let logs: Vec<PathBuf> = files(dir)
        .into_iter()
        .filter(|f| !f.starts_with(dir.join("kopier")))
        .collect();
    let stride = (logs.len() as u64 / wanted.max(1)).max(1);
    let mut grown = Vec::new();
    for path in logs.iter().step_by(usize::try_from(stride).unwrap_or(1)) {
        if grown.len() as u64 >= wanted {
            break;
        }
        if let Some(g) = grow_one(path) {
            grown.push(g);
        }
    }
    grown
}

fn grow_one(path: &Path) -> Option<Grown> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let bytes = std::fs::read(path).ok()?;
    let mut reader = LogReader::new(bytes.as_slice());
    let mut last: Option<CompletionRecord> = None;
    while let Some(r) = reader.next_record() {
        last = Some(r.clone());
    }
    let outcome = reader.outcome();
    // Only whole, good logs: a record after a bad line would not count anyway.
    if !outcome.is_ok() {
        return None;
    }
    let last = last?;
    let head = outcome.head?;
    let mut attempt = last.attempt.clone();
    let took = attempt.finished - attempt.started;
    attempt.started = attempt.finished + 86_400;
    attempt.finished = attempt.started + took;
    if i64::try_from(attempt.finished).ok()? > END {
        return None;
    }
    let record = CompletionRecord::seal(
        attempt,
        InstallationId(head.installation.0),
        head.last_seq + 1,
        head.last_hash,
    )
    .ok()?;
    let mut new = bytes.clone();
    new.extend_from_slice(record.to_line().as_bytes());
    new.push(b'\n');
    // A new file renamed over the old one (no report runs meanwhile to see it half-written).
    let temp = path.with_extension("grow.tmp");
    std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(&new))
        .and_then(|()| std::fs::rename(&temp, path))
        .ok()?;
    Some(Grown {
        path: path.to_path_buf(),
        old_len: bytes.len() as u64,
        modified,
    })
}

/// Cuts every grown log back to its old length and modification time (so the next run's full
/// report finds the collection as the first did: a log changed seconds before a run is never
/// kept in the report's cache, which would slow the run after it).
fn restore(grown: &[Grown]) {
    for g in grown {
        let cut = std::fs::OpenOptions::new()
            .write(true)
            .open(&g.path)
            .and_then(|f| {
                f.set_len(g.old_len)
                    .and_then(|()| f.set_modified(g.modified))
            });
        if let Err(e) = cut {
            eprintln!("could not cut {} back: {e}", g.path.display());
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        let dir = PathBuf::from(&args[i + 2]);
        let work = PathBuf::from(&args[i + 3]);
        match args[i + 1].as_str() {
            "floor" => measure_floor(&dir),
            _ => measure_report(&dir, &work),
        }
        return;
    }
    let learners = usize::try_from(env_or("BEVIDST_BENCH_LEARNERS", 45_000)).unwrap_or(45_000);
    let years = u32::try_from(env_or("BEVIDST_BENCH_YEARS", 5)).unwrap_or(5);
    let runs = env_or("BEVIDST_BENCH_RUNS", 3);
    let temp;
    let dir = if let Ok(d) = std::env::var("BEVIDST_BENCH_DIR") {
        PathBuf::from(d)
    } else {
        temp = tempfile::tempdir().expect("temp dir");
        temp.path().join("collection")
    };
    if dir.join("kopier").exists() {
        println!("reusing the collection in {}", dir.display());
    } else if std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
        // Generating beside other files would mix two collections (the report reads
        // subfolders too) and measure the wrong thing.
        eprintln!(
            "{} is not empty and holds no generated collection; name an empty or new folder",
            dir.display()
        );
        std::process::exit(2);
    } else {
        let set = synthetic_courses(Shape::default()).expect("synthetic courses");
        let cfg = SimConfig {
            learners,
            years,
            seed: 2025,
            end: END,
            threads: std::thread::available_parallelism().map_or(2, usize::from),
        };
        let start = Instant::now();
        let s = simulate(&set, &cfg, &dir).expect("collection generated");
        println!("generated {s} in {:.1} s", start.elapsed().as_secs_f64());
    }
    let all = files(&dir);
    let bytes: u64 = all
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    println!("collection: {} files, {} MB", all.len(), bytes / 1_000_000);
    let scratch = tempfile::tempdir().expect("temp dir");
    // Warm the page cache so every measurement starts from the same place.
    let _ = child("floor", &dir, scratch.path());
    for run in 1..=runs {
        // How busy the machine is (Linux): a shared machine's wall times vary with it.
        if let Ok(p) = std::fs::read_to_string("/proc/pressure/cpu")
            && let Some(some) = p.lines().next()
        {
            println!("cpu pressure before run {run}: {some}");
        }
        let work = tempfile::tempdir().expect("temp dir");
        let floor = child("floor", &dir, work.path());
        let full = child("report", &dir, work.path());
        let unchanged = child("report", &dir, work.path());
        let grown = grow(&dir, full.records / 100);
        let added = child("report", &dir, work.path());
        restore(&grown);
        let ratio = |m: &Measured| m.secs / floor.secs;
        let cpu_ratio = |m: &Measured| match (m.cpu, floor.cpu) {
            (Some(c), Some(f)) if f > 0.0 => format!("{:.2} ×", c / f),
            _ => "n/a".into(),
        };
        println!(
            "run {run}: floor (read + SHA-256 per line, 1 thread) {:.2} s, {} lines, cpu {}, peak {}",
            floor.secs,
            floor.records,
            floor.cpu(),
            floor.peak()
        );
        for (name, m) in [
            ("full", &full),
            ("unchanged", &unchanged),
            ("+1 % records", &added),
        ] {
            println!(
                "  report {name:<13} {:>6.2} s = {:>5.2} × floor, cpu {} = {}, peak {}, {} counted, {} rejected",
                m.secs,
                ratio(m),
                m.cpu(),
                cpu_ratio(m),
                m.peak(),
                m.records,
                m.other
            );
        }
        println!(
            "  ({} logs grew by one record; the unchanged run counted {} more than the full run, the +1 % run {} more)",
            grown.len(),
            unchanged.records.saturating_sub(full.records),
            added.records.saturating_sub(unchanged.records)
        );
    }
}
