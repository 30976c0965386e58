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
mod run;
mod shares;
pub mod stats;
#[cfg(test)]
pub(crate) mod testkit;
pub mod trend;

use std::path::Path;

use jiff::Timestamp;

use self::aggregate::{Aggregator, Names};
use self::model::{Counts, FollowUp, Problem, ProblemKind, Report, Who};
use self::privacy::Gate;
use self::roster::Roster;
pub use self::run::{Paths, RunError, RunOutput, run, run_with};
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::record::CompletionRecord;
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
pub(crate) fn finish_spilled(
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

#[cfg(test)]
mod attack;
#[cfg(test)]
mod tests;
