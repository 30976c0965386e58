//! Reading a collection folder: every file in it and its subfolders is read, verified with the
//! record module's streaming verifier, checked against the report's anchors and the
//! plausibility rules, and its good records are fed to an aggregator. Files are spread over all
//! cores (std threads, a shared counter as the work queue); each thread has its own aggregator,
//! merged at the end.
//!
//! Bookkeeping, so the numbers add up: `records_read` counts the record lines of every file
//! that has a valid log header (a file that is not a log has no records); each is either
//! counted or rejected, and every rejected one is covered by a problem's `records`.
//!
//! Per installation (one learner's log) the rules are:
//! - the same installation in several files: if every shorter file is a prefix of the longest
//!   (the longest has the shorter one's last hash at its sequence), the longest is read and the
//!   others are listed as copies; otherwise the histories differ and none is counted;
//! - an anchor from an earlier run must be reached: the record at the anchored sequence must
//!   have the anchored hash. Records are held back until then, so a rewritten log contributes
//!   nothing;
//! - a bad line (broken chain, edited line, torn last line, newer format) ends the log: the
//!   records before it count, the lines from it on are rejected.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::Timestamp;

use crate::canon::Digest32;
use crate::lang::Lang;
use crate::record::{self, CompletionRecord, Head, InstallationId, LogReader};

use super::aggregate::{Aggregator, Names};
use super::anchors::Anchors;
use super::input::Completion;
use super::model::{Counts, Problem, ProblemKind};
use super::plausible::CourseIndex;
use super::privacy::Pseudonymizer;
use super::render::xapi::{XapiOptions, XapiWriter, statement};

/// Read buffer per file: most logs fit in one read.
const BUF_BYTES: usize = 64 * 1024;

/// Where xAPI statements go while the collection is read.
pub struct XapiSink {
    /// The writer, shared by the threads (each writes a whole file's statements at once).
    pub writer: Mutex<XapiWriter<Box<dyn Write + Send>>>,
    /// Pseudonyms for the actors.
    pub pseudo: Pseudonymizer,
    /// Home page and activity ids.
    pub options: XapiOptions,
    /// The first write error, if any (the report goes on; the caller reports it).
    pub error: Mutex<Option<io::Error>>,
}

/// What reading needs.
pub struct ReadConfig<'a> {
    /// The course set, indexed.
    pub index: &'a CourseIndex,
    /// The report's moment.
    pub now: Timestamp,
    /// Heads from earlier runs.
    pub anchors: &'a Anchors,
    /// Worker threads (at least one).
    pub threads: usize,
    /// Language of the problem messages taken from the record verifier.
    pub lang: Lang,
    /// xAPI output, if requested.
    pub xapi: Option<&'a XapiSink>,
}

/// What reading produced.
pub struct ReadOutput<'a> {
    /// The merged accumulators.
    pub agg: Aggregator<'a>,
    /// Files and records read, counted, rejected.
    pub counts: Counts,
    /// Every file or record not counted, with the reason, in file order.
    pub problems: Vec<Problem>,
    /// The heads to anchor for next time (only logs that extended their anchor).
    pub heads: Vec<Head>,
}

/// Every regular file under `dir`, sorted; subfolders are walked, symbolic links to folders
/// are not followed (they could loop). Unreadable subfolders become problems.
pub fn list_files(dir: &Path) -> io::Result<(Vec<PathBuf>, Vec<Problem>)> {
    list_files_in(dir, Lang::En)
}

/// [`list_files`] with its messages in `lang`.
pub fn list_files_in(dir: &Path, lang: Lang) -> io::Result<(Vec<PathBuf>, Vec<Problem>)> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut first = true;
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if first => return Err(e),
            Err(e) => {
                problems.push(whole_file(
                    &d,
                    ProblemKind::Unreadable,
                    match lang {
                        Lang::Da => format!(
                            "mappen kan ikke læses: {e}; dens filer er ikke med i rapporten"
                        ),
                        Lang::En => {
                            format!("cannot read the folder: {e}; its files are not in the report")
                        }
                    },
                ));
                continue;
            }
        };
        first = false;
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(_) => files.push(path),
                Err(e) => problems.push(whole_file(
                    &path,
                    ProblemKind::Unreadable,
                    match lang {
                        Lang::Da => format!("kan ikke læses: {e}"),
                        Lang::En => format!("cannot read: {e}"),
                    },
                )),
            }
        }
    }
    files.sort();
    Ok((files, problems))
}

fn whole_file(path: &Path, kind: ProblemKind, message: String) -> Problem {
    Problem {
        path: path.display().to_string(),
        line: None,
        kind,
        message,
        records: 0,
    }
}

/// The outcome of reading one file.
#[derive(Default)]
struct FileTally {
    counted: u64,
    rejected: u64,
    problem: bool,
}

/// One worker's results.
struct Worker<'a> {
    agg: Aggregator<'a>,
    problems: Vec<(usize, Problem)>,
    tallies: Vec<(usize, FileTally)>,
    heads: Vec<Head>,
    statements: Vec<String>,
}

/// Reads, verifies and aggregates the given files.
pub fn read_collection<'a>(
    files: &[PathBuf],
    names: &'a Names,
    cfg: &ReadConfig<'a>,
) -> ReadOutput<'a> {
    // Phase 1: the installation each file belongs to (header and first record only).
    // Problems are boxed and groups are ranges of one sorted list: with tens of thousands of
    // files these lists are a sizeable part of the report's memory.
    let probes: Vec<Result<InstallationId, Box<Problem>>> =
        parallel_map(files, cfg.threads, |p| probe(p, cfg.lang).map_err(Box::new));
    let mut problems: Vec<(usize, Problem)> = Vec::new();
    let mut tallies: Vec<FileTally> = (0..files.len()).map(|_| FileTally::default()).collect();
    let mut by_installation: Vec<(InstallationId, usize)> = Vec::with_capacity(files.len());
    for (i, p) in probes.into_iter().enumerate() {
        match p {
            Ok(inst) => by_installation.push((inst, i)),
            Err(problem) => {
                tallies[i].problem = true;
                problems.push((i, *problem));
            }
        }
    }
    by_installation.sort_unstable();
    let groups: Vec<&[(InstallationId, usize)]> =
        by_installation.chunk_by(|a, b| a.0 == b.0).collect();

    // Phase 2: verify and aggregate, one installation at a time per thread.
    let next = AtomicUsize::new(0);
    let workers: Vec<Worker<'a>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..cfg.threads.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut w = Worker {
                        agg: Aggregator::new(cfg.index, names, cfg.now.as_second()),
                        problems: Vec::new(),
                        tallies: Vec::new(),
                        heads: Vec::new(),
                        statements: Vec::new(),
                    };
                    loop {
                        let g = next.fetch_add(1, Ordering::Relaxed);
                        let Some(members) = groups.get(g) else {
                            break;
                        };
                        read_group(&mut w, cfg, files, members);
                    }
                    w
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });

    let mut agg = Aggregator::new(cfg.index, names, cfg.now.as_second());
    let mut heads = Vec::new();
    for w in workers {
        agg.merge(w.agg);
        problems.extend(w.problems);
        heads.extend(w.heads);
        for (i, t) in w.tallies {
            tallies[i] = t;
        }
    }
    agg.compact();
    problems.sort_by_key(|(i, p)| (*i, p.line));
    let mut counts = Counts::default();
    for t in &tallies {
        counts.files_read += 1;
        counts.records_counted += t.counted;
        counts.records_rejected += t.rejected;
        match (t.problem, t.counted) {
            (false, _) => counts.files_counted += 1,
            (true, 0) => counts.files_rejected += 1,
            (true, _) => counts.files_partly_counted += 1,
        }
    }
    counts.records_read = counts.records_counted + counts.records_rejected;
    ReadOutput {
        agg,
        counts,
        problems: problems.into_iter().map(|(_, p)| p).collect(),
        heads,
    }
}

/// Maps `f` over `items` on `threads` threads, keeping the order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let chunk = items.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn open(path: &Path) -> io::Result<BufReader<File>> {
    File::open(path).map(|f| BufReader::with_capacity(BUF_BYTES, f))
}

/// The installation a file belongs to, or why it is not a log.
fn probe(path: &Path, lang: Lang) -> Result<InstallationId, Problem> {
    // The fast way: only the header line. It decides no more than which installation the file
    // belongs to; the full verification later checks the header again, strictly.
    if let Some(installation) = header_installation(path) {
        return Ok(installation);
    }
    let reader = open(path).map_err(|e| {
        whole_file(
            path,
            ProblemKind::Unreadable,
            match lang {
                Lang::Da => {
                    format!("filen kan ikke åbnes: {e}; tjek rettighederne til indsamlingsmappen")
                }
                Lang::En => format!(
                    "cannot open the file: {e}; check the permissions of the collection folder"
                ),
            },
        )
    })?;
    let mut log = LogReader::new(reader);
    let _ = log.next();
    if let Some(head) = log.head() {
        return Ok(head.installation);
    }
    let in_progress = path.file_name().is_some_and(|n| {
        n.to_string_lossy().starts_with('.') && n.to_string_lossy().ends_with(".tmp")
    });
    let (kind, message) = match log.bad().map(|b| &b.problem) {
        _ if in_progress => (
            ProblemKind::NotALog,
            lang.pick(
                "en kopi, der stadig skrives (midlertidig fil); kør rapporten igen senere",
                "a copy still being written (temporary file); run the report again later",
            )
            .to_owned(),
        ),
        Some(p @ record::Problem::NewerVersion { .. }) => (ProblemKind::NewerFormat, p.text(lang)),
        Some(p @ record::Problem::Read(_)) => (ProblemKind::Unreadable, p.text(lang)),
        Some(p) => (
            ProblemKind::NotALog,
            format!(
                "{}; {}",
                p.text(lang),
                lang.pick(
                    "kun bevidst-logs hører hjemme i indsamlingsmappen",
                    "only bevidst completion logs belong in the collection folder"
                )
            ),
        ),
        None => (
            ProblemKind::NotALog,
            lang.pick("ikke en bevidst-log", "not a bevidst completion log")
                .to_owned(),
        ),
    };
    Err(whole_file(path, kind, message))
}

/// The installation a file's first line names, if it is a current log header.
fn header_installation(path: &Path) -> Option<InstallationId> {
    use std::io::BufRead as _;
    let file = File::open(path).ok()?;
    let mut line = String::new();
    BufReader::with_capacity(512, file)
        .take(4096)
        .read_line(&mut line)
        .ok()?;
    let header: record::LogHeader = ron::from_str(line.strip_suffix('\n')?).ok()?;
    (header.log == record::LOG_NAME && header.format == record::FORMAT_VERSION)
        .then_some(header.installation)
}

/// Record lines in a file (every line after the first, a cut-off last one included). Only
/// read for files with problems, so a plain byte count is fast enough.
#[allow(clippy::naive_bytecount)]
fn record_lines(path: &Path) -> u64 {
    let Ok(mut r) = open(path) else { return 0 };
    let mut lines = 0u64;
    let mut last = b'\n';
    let mut buf = vec![0u8; BUF_BYTES];
    loop {
        match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
                last = buf[n - 1];
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    let total = lines + u64::from(last != b'\n');
    total.saturating_sub(1)
}

/// Reads the files of one installation.
fn read_group(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_>,
    files: &[PathBuf],
    group: &[(InstallationId, usize)],
) {
    let Some(&(inst, _)) = group.first() else {
        return;
    };
    let members: Vec<usize> = group.iter().map(|&(_, i)| i).collect();
    if let [only] = members[..] {
        read_log(w, cfg, files, only, inst);
        return;
    }
    // Several files: find the longest and whether every other is a prefix of it.
    let scans: Vec<(usize, Option<Head>, Vec<Digest32>)> = members
        .iter()
        .map(|&i| {
            let mut hashes = Vec::new();
            let outcome = open(&files[i])
                .map(|r| record::verify_reader(r, |rec| hashes.push(rec.hash)))
                .ok();
            (i, outcome.and_then(|o| o.head), hashes)
        })
        .collect();
    let longest = scans
        .iter()
        .max_by_key(|(i, h, _)| (h.map_or(0, |h| h.last_seq), std::cmp::Reverse(*i)))
        .map(|(i, _, hashes)| (*i, hashes));
    let Some((keep, keep_hashes)) = longest else {
        return;
    };
    let is_prefix = |h: &Option<Head>| {
        h.is_some_and(|h| {
            h.last_seq == 0
                || usize::try_from(h.last_seq - 1)
                    .ok()
                    .and_then(|k| keep_hashes.get(k))
                    == Some(&h.last_hash)
        })
    };
    let all_prefixes = scans.iter().all(|(_, h, _)| is_prefix(h));
    let keep_name = files[keep].display().to_string();
    for &(i, _, _) in &scans {
        if all_prefixes && i == keep {
            continue;
        }
        let n = record_lines(&files[i]);
        let n_files = members.len();
        let (kind, message) = if all_prefixes {
            (
                ProblemKind::DuplicateCopy,
                match cfg.lang {
                    Lang::Da => format!(
                        "en ældre eller ens kopi af {keep_name} (installation {inst}); dens poster tælles med én gang, fra den fil"
                    ),
                    Lang::En => format!(
                        "an older or identical copy of {keep_name} (installation {inst}); its records are counted once, from that file"
                    ),
                },
            )
        } else {
            (
                ProblemKind::DuplicateInstallation,
                match cfg.lang {
                    Lang::Da => format!(
                        "installation {inst} findes i {n_files} filer med forskellig historik; ingen af dem tælles med. Find ud af, hvilken kopi der er den ægte, og fjern de andre"
                    ),
                    Lang::En => format!(
                        "installation {inst} appears in {n_files} files whose histories differ; none of them is counted. Find out which copy is genuine and remove the others"
                    ),
                },
            )
        };
        w.problems.push((
            i,
            Problem {
                records: n,
                ..whole_file(&files[i], kind, message)
            },
        ));
        w.tallies.push((
            i,
            FileTally {
                counted: 0,
                rejected: n,
                problem: true,
            },
        ));
    }
    if all_prefixes {
        read_log(w, cfg, files, keep, inst);
    }
}

/// Reads one log: verifies it, checks its anchor, admits its records.
fn read_log(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_>,
    files: &[PathBuf],
    i: usize,
    inst: InstallationId,
) {
    let path = &files[i];
    let name = path.display().to_string();
    let mut tally = FileTally::default();
    let Ok(reader) = open(path) else {
        let n = record_lines(path);
        w.problems.push((
            i,
            Problem {
                records: n,
                ..whole_file(
                    path,
                    ProblemKind::Unreadable,
                    cfg.lang
                        .pick(
                            "filen kunne ikke åbnes igen",
                            "the file could not be opened again",
                        )
                        .into(),
                )
            },
        ));
        w.tallies.push((
            i,
            FileTally {
                counted: 0,
                rejected: n,
                problem: true,
            },
        ));
        return;
    };
    let anchor = cfg.anchors.head(inst).filter(|a| a.last_seq > 0);
    let mut held: Vec<CompletionRecord> = Vec::new();
    let mut anchored = anchor.is_none();
    let mut rewritten = false;
    let mut log = LogReader::new(reader);
    w.statements.clear();
    for rec in log.by_ref() {
        if anchored {
            admit(w, cfg, &name, i, rec, &mut tally);
            continue;
        }
        let Some(a) = anchor else { continue };
        if rec.seq < a.last_seq {
            held.push(rec);
        } else if rec.hash == a.last_hash {
            anchored = true;
            for r in std::mem::take(&mut held) {
                admit(w, cfg, &name, i, r, &mut tally);
            }
            admit(w, cfg, &name, i, rec, &mut tally);
        } else {
            rewritten = true;
            break;
        }
    }
    let outcome = log.outcome();
    // Counting the lines costs a second read, needed only when some are left unread.
    let (total, unread) = if anchored && outcome.bad.is_none() {
        (tally.counted + tally.rejected, 0)
    } else {
        let total = record_lines(path);
        (total, total.saturating_sub(tally.counted + tally.rejected))
    };
    if !anchored {
        let message = unanchored_message(
            anchor.map_or(0, |a| a.last_seq),
            rewritten,
            outcome.bad.as_ref(),
            total,
            cfg.lang,
        );
        w.problems.push((
            i,
            Problem {
                records: unread,
                ..whole_file(path, ProblemKind::RewrittenHistory, message)
            },
        ));
        tally.rejected += unread;
        tally.problem = true;
        w.tallies.push((i, tally));
        return;
    }
    if let Some(bad) = &outcome.bad {
        let before = tally.counted + tally.rejected;
        w.problems
            .push((i, bad_line_problem(&name, bad, unread, before, cfg.lang)));
        tally.rejected += unread;
        tally.problem = true;
    }
    if let Some(head) = outcome.head {
        w.heads.push(head);
    }
    flush_statements(w, cfg);
    w.tallies.push((i, tally));
}

fn admit(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_>,
    name: &str,
    i: usize,
    rec: CompletionRecord,
    tally: &mut FileTally,
) {
    let line = rec.seq + 1;
    let c = Completion::from(rec);
    match super::admit(&mut w.agg, (cfg.now, cfg.lang), name, line, &c) {
        Ok(()) => {
            tally.counted += 1;
            if let Some(sink) = cfg.xapi
                && let Some(mi) = cfg.index.module(&c.module)
            {
                let title = &cfg.index.modules[mi].title;
                w.statements
                    .push(statement(&c, title, &sink.pseudo, &sink.options).to_string());
            }
        }
        Err(p) => {
            tally.rejected += 1;
            tally.problem = true;
            w.problems.push((i, p));
        }
    }
}

/// Why a log that does not reach its anchor is not counted.
fn unanchored_message(
    a: u64,
    rewritten: bool,
    bad: Option<&record::BadLine>,
    total: u64,
    lang: Lang,
) -> String {
    let why = match (lang, rewritten, bad.is_some()) {
        (Lang::Da, true, _) => format!(
            "post {a} er ikke den, rapporten forankrede ved en tidligere kørsel: loggens historik er omskrevet"
        ),
        (Lang::Da, false, true) => format!(
            "loggen er beskadiget før post {a}, som rapporten forankrede ved en tidligere kørsel, så intet i den kan stoles på"
        ),
        (Lang::Da, false, false) => format!(
            "loggen slutter før post {a}, som rapporten forankrede ved en tidligere kørsel: poster er fjernet"
        ),
        (Lang::En, true, _) => format!(
            "record {a} is not the one this report anchored on an earlier run: the log's history was rewritten"
        ),
        (Lang::En, false, true) => format!(
            "the log is damaged before record {a}, which this report anchored on an earlier run, so none of it can be trusted"
        ),
        (Lang::En, false, false) => format!(
            "the log ends before record {a}, which this report anchored on an earlier run: records were removed"
        ),
    };
    let mut message = match lang {
        Lang::Da => format!(
            "{why}; ingen af dens {total} poster tælles med. Bed medarbejderens it-support om den oprindelige log"
        ),
        Lang::En => format!(
            "{why}; none of its {total} records is counted. Ask the learner's IT support for the original log"
        ),
    };
    if let Some(bad) = bad {
        let _ = write!(
            message,
            " ({} {}: {})",
            lang.pick("også: linje", "also: line"),
            bad.line,
            bad.problem.text(lang)
        );
    }
    message
}

/// The problem for a log's first bad line; `unread` lines from it on are not counted,
/// `before` records before it were.
fn bad_line_problem(
    name: &str,
    bad: &record::BadLine,
    unread: u64,
    before: u64,
    lang: Lang,
) -> Problem {
    let kind = match bad.problem {
        record::Problem::Torn => ProblemKind::TornTail,
        record::Problem::NewerVersion { .. } => ProblemKind::NewerFormat,
        record::Problem::Read(_) => ProblemKind::Unreadable,
        _ => ProblemKind::BrokenChain,
    };
    Problem {
        path: name.to_owned(),
        line: Some(bad.line),
        kind,
        message: match lang {
            Lang::Da => format!(
                "{}; denne linje og de {} efter den tælles ikke med, de {before} før den gør",
                bad.problem.text(lang),
                unread.saturating_sub(1),
            ),
            Lang::En => format!(
                "{}; this line and the {} after it are not counted, the {before} before it are",
                bad.problem.text(lang),
                unread.saturating_sub(1),
            ),
        },
        records: unread,
    }
}
/// Writes a file's statements to the shared xAPI output in one go (so files do not interleave).
fn flush_statements(w: &mut Worker<'_>, cfg: &ReadConfig<'_>) {
    if let Some(sink) = cfg.xapi
        && !w.statements.is_empty()
    {
        let mut writer = sink
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(e) = writer.write_serialized(&w.statements) {
            let mut first = sink
                .error
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            first.get_or_insert(e);
        }
    }
}
