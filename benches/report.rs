//! Benchmark of `bevidst report` at the scale of Københavns Kommune: 45,000 employees over five
//! years. Generates the collection once (with the simulator and the synthetic course set, so
//! the figures do not move when the bundled courses change), then measures, each in a fresh
//! child process so that peak memory is its own:
//!
//! - `parse`: a plain single-threaded `ron` parse of every line of every file (the floor the
//!   design names: parsing dominates, not hashing or I/O);
//! - `report`: the whole report (verify every chain and hash, check plausibility, aggregate,
//!   finalize, render Markdown), on all cores.
//!
//! Run: `cargo bench --bench report` (env: `BEVIDST_BENCH_LEARNERS`, `BEVIDST_BENCH_YEARS`,
//! `BEVIDST_BENCH_RUNS`, and `BEVIDST_BENCH_DIR` to keep and reuse a generated collection).
//! Peak memory is the child's `VmHWM` from /proc (Linux; "n/a" elsewhere).

use std::path::{Path, PathBuf};
use std::time::Instant;

use bevidst::lang::Lang;
use bevidst::record::{CompletionRecord, LogHeader};
use bevidst::report::{Paths, Settings, render::markdown, run};
use bevidst::schedule::Rules;
use bevidst::simulate::courses::{Shape, synthetic_courses};
use bevidst::simulate::{SimConfig, simulate};

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

fn cpu() -> String {
    cpu_secs().map_or_else(|| "n/a".into(), |c| format!("{c:.1}"))
}

fn files(dir: &Path) -> Vec<PathBuf> {
    bevidst::report::read::list_files(dir)
        .expect("the collection is readable")
        .0
}

/// Child: parse every line with ron on one thread; prints seconds, peak KiB, records.
fn measure_parse(dir: &Path) {
    let start = Instant::now();
    let mut records = 0u64;
    let mut bad = 0u64;
    for f in files(dir) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let mut lines = text.lines();
        if let Some(h) = lines.next() {
            bad += u64::from(ron::from_str::<LogHeader>(h).is_err());
        }
        for line in lines {
            match ron::from_str::<CompletionRecord>(line) {
                Ok(_) => records += 1,
                Err(_) => bad += 1,
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{secs:.3} {} {records} {bad} {}",
        peak_kib().map_or_else(|| "n/a".into(), |k| k.to_string()),
        cpu()
    );
}

/// Child: only the record module's verification (parse, canonical spelling, hash, chain) of
/// every file, on all cores, no aggregation; prints seconds, peak KiB, records.
fn measure_verify(dir: &Path) {
    let all = files(dir);
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let start = Instant::now();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let total: u64 = std::thread::scope(|s| {
        let hs: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut n = 0u64;
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(f) = all.get(i) else { break };
                        if let Ok(file) = std::fs::File::open(f) {
                            let r = std::io::BufReader::with_capacity(64 * 1024, file);
                            n += bevidst::record::verify_reader(r, |_| {}).records;
                        }
                    }
                    n
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{secs:.3} {} {total} {}",
        peak_kib().map_or_else(|| "n/a".into(), |k| k.to_string()),
        cpu()
    );
}

/// Child: the whole report on all cores; prints seconds, peak KiB, records counted.
fn measure_report(dir: &Path) {
    let set = synthetic_courses(Shape::default()).expect("synthetic courses");
    let work = tempfile::tempdir().expect("temp dir");
    let paths = Paths {
        collection: dir.to_path_buf(),
        roster: None,
        anchors: work.path().join("anchors.txt"),
        memory: None,
    };
    let settings = Settings {
        min_group: 5,
        rules: Rules::default(),
        now: jiff::Timestamp::from_second(END).expect("valid"),
        lang: Lang::Da,
    };
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let start = Instant::now();
    let out = run(&paths, &set, &settings, threads, None).expect("report runs");
    let md = markdown::render(&out.report, Lang::Da);
    let secs = start.elapsed().as_secs_f64();
    std::fs::write(work.path().join("report.md"), &md).expect("written");
    if let Ok(keep) = std::env::var("BEVIDST_BENCH_SAMPLE") {
        std::fs::write(keep, &md).expect("sample written");
    }
    let c = out.report.counts;
    println!(
        "{secs:.3} {} {} {} {} threads={threads}",
        peak_kib().map_or_else(|| "n/a".into(), |k| k.to_string()),
        c.records_counted,
        c.records_rejected,
        cpu()
    );
}

fn child(mode: &str, dir: &Path) -> Vec<String> {
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
        .output()
        .expect("child runs");
    assert!(
        out.status.success(),
        "{mode} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        let dir = PathBuf::from(&args[i + 2]);
        match args[i + 1].as_str() {
            "parse" => measure_parse(&dir),
            "verify" => measure_verify(&dir),
            _ => measure_report(&dir),
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
    let bytes: u64 = files(&dir)
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    println!("collection: {} MB", bytes / 1_000_000);
    // Warm the page cache so both start from the same place.
    let _ = child("parse", &dir);
    for run in 1..=runs {
        let p = child("parse", &dir);
        let v = child("verify", &dir);
        let r = child("report", &dir);
        println!(
            "run {run}: ron parse (1 thread) {} s (cpu {} s), peak {} KiB, {} records | verify only (all cores) {} s (cpu {} s) | report {} s (cpu {} s), peak {} KiB, {} counted, {} rejected, {}",
            p[0], p[4], p[1], p[2], v[0], v[3], r[0], r[4], r[1], r[2], r[3], r[5]
        );
    }
}
