//! `bevidst report`: reads a collection of completion logs, verifies them, aggregates them and
//! renders the result for the IT-security function (policy 1.8: follow-up on the knowledge
//! level with common methods across all forvaltninger).
//!
//! Flow: [`read`] (files → verified records, anchors checked, in parallel) → each record's
//! attempt ([`crate::attempt::FinishedAttempt`]) → the verdict ([`crate::verdict`], the same
//! one the learner's program asks) → [`aggregate::Aggregator`] (one per thread, merged; an
//! attempt that is not accepted is noted as such for its learner and module, and counted in no
//! figure) → [`finalize::build`] (schedule and privacy gate applied) → [`model::Report`] and
//! [`model::FollowUp`] → a renderer in [`render`] or the dashboard in `tui::report`.

pub mod aggregate;
pub mod anchors;
pub mod cache;
pub mod columns;
pub mod finalize;
pub mod model;
pub mod privacy;
pub mod read;
pub mod render;
pub mod roster;
mod shares;
pub mod stats;
#[cfg(test)]
pub(crate) mod testkit;
pub mod trend;

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use self::aggregate::{Aggregator, Names};
use self::anchors::{AnchorError, AnchorMemory, Anchors};
use self::cache::ReportCache;
use self::model::{Counts, FollowUp, Problem, ProblemKind, Report, Who};
use self::privacy::Gate;
use self::read::{ReadConfig, XapiSink, read_collection};
use self::roster::{Roster, read_roster};
use crate::course::CourseSet;
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::record::{self, CompletionRecord};
use crate::schedule::Rules;
use crate::verdict::CourseIndex;
pub use crate::verdict::utc_seconds;

/// The report's settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The smallest group shown (`--min-group`).
    pub min_group: u32,
    /// The schedule rules for overdue status (the learner's home screen uses the same).
    pub rules: Rules,
    /// The moment the report is made (overdue status and the future-record check use it).
    pub now: Timestamp,
    /// The language of the report's messages.
    pub lang: Lang,
    /// Whether to list who is overdue and who never started ([`FollowUp::overdue`] and
    /// [`FollowUp::never_started`]): only the follow-up outputs show them, and on a large
    /// collection they cost time and memory. The report's tables are the same either way.
    pub followup: bool,
}

/// Asks the verdict about one verified record and adds it if it counts; otherwise notes the
/// attempt as not accepted for its learner and module and returns the problem to report.
/// `path` and `line` locate the record.
pub fn admit(
    agg: &mut Aggregator<'_>,
    (now, lang): (Timestamp, Lang),
    path: &str,
    line: u64,
    record: &CompletionRecord,
) -> Result<(), Problem> {
    match agg.index().check(&record.attempt, now.as_second()) {
        Ok(resolved) => {
            agg.add(record, &resolved);
            Ok(())
        }
        Err(why) => {
            agg.add_not_accepted(&record.attempt);
            Err(Problem {
                path: path.to_owned(),
                line: Some(line),
                kind: ProblemKind::NotAccepted,
                message: format!(
                    "{}; {}",
                    why.text(lang),
                    lang.pick("posten tælles ikke med", "the record is not counted")
                ),
                records: 1,
                who: Some(Box::new(Who {
                    learner: record.attempt.learner.clone(),
                    forvaltning: record.attempt.forvaltning.clone(),
                    module: record.attempt.module.clone(),
                })),
            })
        }
    }
}

/// Builds a report and its follow-up lists from records already verified (tests, and callers
/// that verify elsewhere). Each item is (file, line, record); every file counts as read.
pub fn report_from_completions<'c>(
    index: &CourseIndex,
    settings: &Settings,
    roster: Option<&Roster>,
    completions: impl IntoIterator<Item = (&'c str, u64, &'c CompletionRecord)>,
) -> (Report, FollowUp) {
    let names = Names::default();
    let mut agg = Aggregator::new(index, &names, settings.now.as_second());
    let mut counts = Counts::default();
    let mut problems = Vec::new();
    let mut files = std::collections::BTreeMap::<&str, (u64, u64)>::new();
    for (path, line, c) in completions {
        counts.records_read += 1;
        let file = files.entry(path).or_default();
        match admit(&mut agg, (settings.now, settings.lang), path, line, c) {
            Ok(()) => {
                counts.records_counted += 1;
                file.0 += 1;
            }
            Err(p) => {
                counts.records_rejected += 1;
                file.1 += 1;
                problems.push(p);
            }
        }
    }
    for (ok, bad) in files.values() {
        counts.files_read += 1;
        match (ok, bad) {
            (_, 0) => counts.files_counted += 1,
            (0, _) => counts.files_rejected += 1,
            _ => counts.files_partly_counted += 1,
        }
    }
    finish(&agg, &names, roster, settings, (counts, problems), 1)
}

/// Builds the report and its follow-up lists from merged accumulators that hold every
/// learner in memory, on `threads` threads (the same report whatever their number).
pub fn finish(
    agg: &Aggregator<'_>,
    names: &Names,
    roster: Option<&Roster>,
    settings: &Settings,
    (counts, problems): (Counts, Vec<Problem>),
    threads: usize,
) -> (Report, FollowUp) {
    let names = names.list();
    let inputs = inputs(agg, &names, roster, settings, threads, None);
    finalize::build_in_memory(&inputs, counts, problems, settings.now.to_string())
}

/// [`finish`] for accumulators whose learners may wait in the report's cache: they are read
/// back with `spill`.
fn finish_spilled(
    agg: &Aggregator<'_>,
    roster: Option<&Roster>,
    settings: &Settings,
    (counts, problems): (Counts, Vec<Problem>),
    threads: usize,
    spill: finalize::Spill<'_>,
) -> Result<(Report, FollowUp), finalize::SpillLost> {
    let names = spill.names.list();
    let inputs = inputs(agg, &names, roster, settings, threads, Some(spill));
    finalize::build(&inputs, counts, problems, settings.now.to_string())
}

fn inputs<'a, 'b>(
    agg: &'b Aggregator<'a>,
    names: &'b [String],
    roster: Option<&'b Roster>,
    settings: &'b Settings,
    threads: usize,
    spill: Option<finalize::Spill<'b>>,
) -> finalize::Inputs<'a, 'b> {
    finalize::Inputs {
        agg,
        names,
        roster,
        rules: &settings.rules,
        today: crate::schedule::COPENHAGEN.to_datetime(settings.now).date(),
        gate: Gate::new(settings.min_group),
        threads,
        spill,
        followup: settings.followup,
    }
}

/// Creates (or empties) a file for the report's output, readable by its owner only (0600 on
/// Unix): the aggregate outputs describe the staff, and xAPI carries per-attempt pseudonyms.
pub fn create_output(path: &Path) -> std::io::Result<std::fs::File> {
    crate::fsutil::create_private(path)
}

/// Where `bevidst report` reads and keeps things.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The collection folder.
    pub collection: PathBuf,
    /// The roster CSV, if any.
    pub roster: Option<PathBuf>,
    /// The anchor file (the report's memory of log heads and module versions).
    pub anchors: PathBuf,
    /// Where the report remembers how many anchors the anchor file held (beside the
    /// pseudonym key), so a lost anchor file is noticed; `None` remembers nothing.
    pub memory: Option<PathBuf>,
}

/// Why a report could not be made at all (everything else becomes a listed problem).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The collection folder cannot be read.
    Collection {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The anchor file is unusable; going on would forget (and overwrite) the anchors.
    Anchors(#[from] AnchorError),
}

impl crate::message::Bilingual for RunError {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Collection { path, source } => {
                let p = path.display();
                let why = crate::message::IoReason(source).text(lang);
                lang.write(
                    out,
                    format_args!("{p}: samlemappen kan ikke læses: {why}"),
                    format_args!("{p}: cannot read the collection folder: {why}"),
                )
            }
            RunError::Anchors(e) => e.write(lang, out),
        }
    }
}
crate::danish_display!(RunError);

/// A finished run: the report, its follow-up lists, and whether the anchors could be saved.
#[derive(Debug)]
pub struct RunOutput {
    /// The report (aggregate: names nobody).
    pub report: Report,
    /// Who is overdue, never started, not accepted, and which files have problems (personal
    /// data: for the follow-up output only).
    pub followup: FollowUp,
    /// The error saving the anchor file, if it failed (the report itself is complete).
    pub anchor_error: Option<AnchorError>,
    /// How many anchors the anchor file held after an earlier run, when it is now missing or
    /// empty (rewritten logs could not be detected this time).
    pub anchors_lost: Option<u64>,
    /// Why the report's cache could not be used or saved, if so (the report is complete and
    /// the same either way; only the time it takes differs).
    pub cache_note: Option<cache::CacheNote>,
    /// How many logs were taken from the cache instead of being read.
    pub from_cache: u64,
    /// How many logs that had grown were taken from the cache, with only their new lines read.
    pub grown_from_cache: u64,
    /// How many learners' states waited in the cache while the collection was read, and were
    /// read back from it when the report was made, instead of being held in memory.
    pub waited: u64,
}

/// Reads the collection and makes the report; updates the anchor file with the heads of the
/// logs that verified. `threads` is the number of worker threads.
pub fn run(
    paths: &Paths,
    courses: &CourseSet,
    settings: &Settings,
    threads: usize,
    xapi: Option<&XapiSink>,
) -> Result<RunOutput, RunError> {
    run_with(paths, courses, settings, threads, xapi, Vec::new())
}

/// [`run`], with `extra` problems found before the collection was read (statements of an
/// LRS that carried no readable record, `crate::lrs::mirror`) listed and counted with the rest.
pub fn run_with(
    paths: &Paths,
    courses: &CourseSet,
    settings: &Settings,
    threads: usize,
    xapi: Option<&XapiSink>,
    extra: Vec<Problem>,
) -> Result<RunOutput, RunError> {
    if let Ok(out) = run_once(paths, courses, settings, threads, xapi, extra.clone(), true)? {
        return Ok(out);
    }
    // A learner kept in the cache while reading could not be read back: made again without
    // the cache (slower, the same report), and the next run makes the cache afresh.
    let path = cache::cache_path(&paths.anchors);
    let _ = std::fs::remove_file(&path);
    let out = run_once(paths, courses, settings, threads, xapi, extra, false)?;
    // Without the cache nothing waits in it, so nothing can be lost this time.
    let mut out = out.map_err(|finalize::SpillLost| RunError::Collection {
        path: paths.collection.clone(),
        source: std::io::Error::other("the report's cache could not be read back"),
    })?;
    out.cache_note = Some(cache::CacheNote::ReadBack { path });
    Ok(out)
}

/// One attempt at [`run_with`], with the report's cache (`use_cache`) or without; with it, a
/// learner kept in the cache may not read back ([`finalize::SpillLost`]).
fn run_once(
    paths: &Paths,
    courses: &CourseSet,
    settings: &Settings,
    threads: usize,
    xapi: Option<&XapiSink>,
    extra: Vec<Problem>,
    use_cache: bool,
) -> Result<Result<RunOutput, finalize::SpillLost>, RunError> {
    // The wall clock, not the report's moment: the cache compares it with files' times (taken
    // before any file is looked at).
    let started = jiff::Timestamp::now().as_second();
    // The collection is walked while the report's own memory (anchors, cache) is read.
    let (walked, remembered) = std::thread::scope(|s| {
        let walk = s.spawn(|| list_logs(paths, settings.lang));
        let remembered = remember(paths, courses, settings, started);
        let walked = walk.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (walked, remembered)
    });
    let (files, ids, walk_problems) = walked?;
    let Remembered {
        anchors,
        memory,
        index,
        cache: report_cache,
    } = remembered?;
    let held_before = memory.as_ref().map_or(0, |(_, m)| m.held(&paths.anchors));
    let anchors_lost = (anchors.heads.is_empty() && held_before > 0).then_some(held_before);
    let (roster, mut roster_problems, roster_rows, roster_rejected) =
        load_roster(paths, settings.lang);
    let names = Names::default();
    let cfg = ReadConfig {
        index: &index,
        now: settings.now,
        anchors: &anchors,
        root: &paths.collection,
        threads,
        lang: settings.lang,
        xapi,
        cache: use_cache.then_some(&report_cache),
    };
    let out = read_collection(&files, &ids, &names, &cfg);
    // What was read is in `out` now: the file list goes before the report is made, and the
    // anchors are brought up to date and let go (every learner's state is held from here on).
    drop((files, ids));
    let anchored_logs = anchors.heads.len() as u64;
    let anchor_error = keep_anchors(paths, anchors, memory, out.heads, &index);
    let mut counts = out.counts;
    counts.files_read += walk_problems.len() as u64;
    counts.files_rejected += walk_problems.len() as u64;
    counts.roster_rows = roster_rows;
    counts.roster_rejected = roster_rejected;
    counts.anchored_logs = anchored_logs;
    let mut problems = out.problems;
    if let Some(held) = anchors_lost {
        problems.insert(0, lost_anchors_problem(&paths.anchors, held, settings.lang));
    }
    problems.extend(walk_problems.into_iter().chain(extra));
    problems.append(&mut roster_problems);
    let waited = out.agg.spilled.len() as u64;
    let built = if out.spill_failed {
        Err(finalize::SpillLost)
    } else {
        let tables = (counts, problems);
        made(
            &out.agg,
            &names,
            roster.as_ref(),
            settings,
            tables,
            threads,
            use_cache.then_some(&report_cache),
        )
    };
    drop(out.agg);
    let (mut report, followup) = match built {
        Ok(built) => built,
        Err(lost) => {
            report_cache.abandon();
            return Ok(Err(lost));
        }
    };
    report.handbook_reviews = handbook_reviews(
        courses,
        crate::schedule::COPENHAGEN.to_datetime(settings.now).date(),
    );
    let ((from_cache, grown_from_cache), cache_note) = if use_cache {
        report_cache.close()
    } else {
        report_cache.abandon();
        ((0, 0), None)
    };
    Ok(Ok(RunOutput {
        report,
        followup,
        anchor_error,
        anchors_lost,
        cache_note,
        from_cache,
        grown_from_cache,
        waited,
    }))
}

/// What the report remembers from its earlier runs.
struct Remembered<'p> {
    anchors: Anchors,
    memory: Option<(&'p PathBuf, AnchorMemory)>,
    index: CourseIndex,
    cache: ReportCache,
}

/// Reads the anchors, the anchor memory and the cache of the run that began at `started`.
fn remember<'p>(
    paths: &'p Paths,
    courses: &CourseSet,
    settings: &Settings,
    started: i64,
) -> Result<Remembered<'p>, RunError> {
    let anchors = Anchors::load(&paths.anchors)?;
    let memory = match &paths.memory {
        Some(m) => Some((m, AnchorMemory::load(m)?)),
        None => None,
    };
    let index = CourseIndex::new(courses, &anchors.versions);
    let cache = ReportCache::open(
        &cache::cache_path(&paths.anchors),
        cache::fingerprint(&index, aggregate::before_until(settings.now.as_second())),
        started,
    );
    Ok(Remembered {
        anchors,
        memory,
        index,
        cache,
    })
}

/// The logs to read, their identities as the walk saw them, and the entries not read.
type Logs = (Vec<PathBuf>, Vec<cache::FileId>, Vec<Problem>);

/// The files of the collection to read as logs (the report's own files never count as logs,
/// should they live in the collection), with their identities, and the entries not read.
fn list_logs(paths: &Paths, lang: Lang) -> Result<Logs, RunError> {
    let (files, walk_problems) =
        read::walk(&paths.collection, lang).map_err(|source| RunError::Collection {
            path: paths.collection.clone(),
            source,
        })?;
    let cache_path = cache::cache_path(&paths.anchors);
    let own: Vec<PathBuf> = [
        &paths.anchors,
        &cache_path,
        &cache_path.with_extension("cache.tmp"),
    ]
    .into_iter()
    .chain(paths.roster.as_ref())
    .filter_map(|p| p.canonicalize().ok())
    .collect();
    // Sized once: tens of thousands of files.
    let (mut logs, mut ids) = (
        Vec::with_capacity(files.len()),
        Vec::with_capacity(files.len()),
    );
    for (f, id) in files.into_iter().filter(|(f, _)| !is_own(f, &own)) {
        logs.push(f);
        ids.push(id);
    }
    Ok((logs, ids, walk_problems))
}

/// The report and follow-up lists from what was read, with the learners waiting in the
/// report's cache read back from it.
fn made(
    agg: &Aggregator<'_>,
    names: &Names,
    roster: Option<&Roster>,
    settings: &Settings,
    tables: (Counts, Vec<Problem>),
    threads: usize,
    report_cache: Option<&ReportCache>,
) -> Result<(Report, FollowUp), finalize::SpillLost> {
    if agg.spilled.is_empty() {
        let made = finish(agg, names, roster, settings, tables, threads);
        return Ok(made);
    }
    let cache = report_cache.ok_or(finalize::SpillLost)?;
    let reader = cache.spill_reader().map_err(|_| finalize::SpillLost)?;
    let spill = finalize::Spill {
        reader: &reader,
        names,
        now: settings.now.as_second(),
    };
    std::thread::scope(|s| {
        // The new cache is completed beside the report (the reader has what it needs).
        s.spawn(|| cache.carry_over());
        finish_spilled(agg, roster, settings, tables, threads, spill)
    })
}

/// Brings the anchors up to date with the heads read this run and saves them, and notes in the
/// anchor memory how many there are; the error saving them, if any.
fn keep_anchors(
    paths: &Paths,
    mut anchors: Anchors,
    mut memory: Option<(&PathBuf, AnchorMemory)>,
    heads: Vec<(record::Head, Option<String>)>,
    index: &CourseIndex,
) -> Option<AnchorError> {
    let mut changed = false;
    for (head, file) in heads {
        changed |= anchors.advance(head, file);
    }
    let versions = index.known_versions();
    changed |= anchors.versions != versions;
    anchors.versions = versions;
    // An anchor file that would be written as it is stays as it is (a re-run over an
    // unchanged collection writes nothing).
    let mut anchor_error = if changed || !paths.anchors.exists() {
        anchors.save(&paths.anchors).err()
    } else {
        None
    };
    if anchor_error.is_none()
        && let Some((path, memory)) = &mut memory
    {
        memory.note(&paths.anchors, anchors.heads.len() as u64);
        anchor_error = memory.save(path).err();
    }
    anchor_error
}

/// Each document of the course set's handbook with its own next review (policy 1.8).
fn handbook_reviews(courses: &CourseSet, today: jiff::civil::Date) -> Vec<model::HandbookReview> {
    courses
        .handbook
        .documents
        .iter()
        .map(|d| model::HandbookReview {
            name: (d.name.da.clone(), d.name.get(Lang::En).to_owned()),
            every_months: d.review_every_months,
            due: d.review_due(today),
        })
        .collect()
}

/// The warning that the anchor file lost what it held.
fn lost_anchors_problem(path: &Path, held: u64, lang: Lang) -> Problem {
    Problem {
        path: path.display().to_string(),
        line: None,
        kind: ProblemKind::AnchorsMissing,
        message: match lang {
            Lang::Da => format!(
                "ankerfilen havde ankre for {held} logs efter en tidligere kørsel, men nu mangler \
                 den eller er tom. Denne gang kan omskrevne logs ikke opdages. Genskab filen fra \
                 en sikkerhedskopi, før rapporten køres igen"
            ),
            Lang::En => format!(
                "the anchor file held anchors for {held} logs after an earlier run, but it is now \
                 missing or empty. This time rewritten logs cannot be detected. Restore the file \
                 from a backup before the report is run again"
            ),
        },
        records: 0,
        who: None,
    }
}

/// Whether `f` is one of the report's own files (canonical paths); only files with the same
/// name are resolved, so the check costs nothing for the logs.
fn is_own(f: &Path, own: &[PathBuf]) -> bool {
    own.iter()
        .any(|o| o.file_name() == f.file_name() && f.canonicalize().is_ok_and(|c| &c == o))
}

/// The roster, its row problems, and the rows accepted and rejected. A roster that cannot be
/// used at all (unreadable, wrong columns) becomes one problem, and the report goes on without.
fn load_roster(paths: &Paths, lang: Lang) -> (Option<Roster>, Vec<Problem>, u64, u64) {
    let Some(path) = &paths.roster else {
        return (None, Vec::new(), 0, 0);
    };
    let shown = path.display().to_string();
    match read_roster(path) {
        Ok((roster, rows)) => {
            let rejected = rows.len() as u64;
            let problems = rows
                .into_iter()
                .map(|r| Problem {
                    path: shown.clone(),
                    line: Some(r.line),
                    kind: ProblemKind::Roster,
                    message: format!("{}; the row is left out", r.message),
                    records: 0,
                    who: None,
                })
                .collect();
            let accepted = roster.employees.len() as u64;
            (Some(roster), problems, accepted, rejected)
        }
        Err(e) => (
            None,
            vec![Problem {
                path: shown,
                line: None,
                kind: ProblemKind::Roster,
                message: match lang {
                    Lang::Da => format!(
                        "{}; rapporten er lavet uden medarbejderlisten",
                        e.text(lang)
                    ),
                    Lang::En => format!("{}; the report is made without the roster", e.text(lang)),
                },
                records: 0,
                who: None,
            }],
            0,
            0,
        ),
    }
}

#[cfg(test)]
mod attack;
#[cfg(test)]
mod tests;
