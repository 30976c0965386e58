//! Making a report from a collection folder: the collection walked while the report's own
//! memory is read (anchors, cache), the logs read and verified, the anchors brought up to date,
//! the report made (with the learners waiting in the cache read back), and the cache saved for
//! the next run. If a learner kept in the cache cannot be read back, the run starts again
//! without the cache.

use std::path::PathBuf;

use super::aggregate::{Aggregator, Names};
use super::anchors::AnchorError;
use super::cache::{self, ReportCache};
use super::finalize;
use super::model::{self, Counts, FollowUp, Problem, Report};
use super::read::{ReadConfig, XapiSink, read_collection};
use super::roster::Roster;
use super::{Settings, finish, finish_spilled};
use crate::course::CourseSet;
use crate::lang::Lang;

mod inputs;
mod memory;

use self::inputs::{list_logs, load_roster};
use self::memory::{Remembered, keep_anchors, lost_anchors_problem, remember};

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
