//! `bevidst report`: reads a collection of completion logs, verifies them, aggregates them and
//! renders the result for the IT-security function (policy 1.8: follow-up on the knowledge
//! level with common methods across all forvaltninger).
//!
//! Flow: [`input::Completion`]s (one per verified log line) → [`plausible::CourseIndex::check`]
//! → [`aggregate::Aggregator`] (one per thread, merged) → [`finalize::build`] (privacy gate
//! applied) → [`model::Report`] → a renderer in [`render`] or the dashboard in `tui::report`.

pub mod aggregate;
pub mod finalize;
pub mod input;
pub mod model;
pub mod overdue;
pub mod plausible;
pub mod privacy;
pub mod render;
pub mod roster;
pub mod stats;
#[cfg(test)]
mod testkit;

use jiff::Timestamp;

use self::aggregate::{Aggregator, Names};
use self::input::Completion;
use self::model::{Counts, Problem, ProblemKind, Report};
use self::overdue::{Rules, local_date};
use self::plausible::CourseIndex;
use self::privacy::Gate;
use self::roster::Roster;

/// The report's settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The smallest group shown (`--min-group`).
    pub min_group: u32,
    /// The schedule rules for overdue status.
    pub rules: Rules,
    /// The moment the report is made (overdue status and the future-record check use it).
    pub now: Timestamp,
}

/// Checks one verified completion and adds it if it is plausible; otherwise returns the
/// problem to report. `path` and `line` locate the record.
pub fn admit(
    agg: &mut Aggregator<'_>,
    now: Timestamp,
    path: &str,
    line: u64,
    c: &Completion,
) -> Result<(), Problem> {
    match agg.index().check(c, now.as_second()) {
        Ok(resolved) => {
            agg.add(c, &resolved);
            Ok(())
        }
        Err(why) => Err(Problem {
            path: path.to_owned(),
            line: Some(line),
            kind: ProblemKind::Implausible,
            message: why.to_string(),
            records: 1,
        }),
    }
}

/// Builds a report from completions already verified (tests, and callers that verify
/// elsewhere). Each item is (file, line, completion); every file counts as read.
pub fn report_from_completions<'c>(
    index: &CourseIndex,
    settings: Settings,
    roster: Option<&Roster>,
    completions: impl IntoIterator<Item = (&'c str, u64, &'c Completion)>,
) -> Report {
    let names = Names::default();
    let mut agg = Aggregator::new(index, &names);
    let mut counts = Counts::default();
    let mut problems = Vec::new();
    let mut files = std::collections::BTreeMap::<&str, (u64, u64)>::new();
    for (path, line, c) in completions {
        counts.records_read += 1;
        let file = files.entry(path).or_default();
        match admit(&mut agg, settings.now, path, line, c) {
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
    finish(&agg, &names, roster, settings, counts, problems)
}

/// Builds the report from merged accumulators.
pub fn finish(
    agg: &Aggregator<'_>,
    names: &Names,
    roster: Option<&Roster>,
    settings: Settings,
    counts: Counts,
    problems: Vec<Problem>,
) -> Report {
    let names = names.list();
    let inputs = finalize::Inputs {
        agg,
        names: &names,
        roster,
        rules: settings.rules,
        today: local_date(settings.now.as_second()),
        gate: Gate::new(settings.min_group),
    };
    finalize::build(&inputs, counts, problems, settings.now.to_string())
}

#[cfg(test)]
mod tests;
