//! The follow-up lists: who is overdue, who never started, whose attempts were not accepted,
//! and which files have problems. They name people and files on purpose, for the security
//! function's own follow-up, and are written only to the follow-up output (created readable
//! by its owner alone, its first line saying it holds personal data), never into the
//! aggregate outputs.

use std::sync::Arc;

use serde::Serialize;

/// Everything the follow-up output names.
#[derive(Debug, Clone, Default)]
pub struct FollowUp {
    /// The day overdue status refers to (Copenhagen date).
    pub today: String,
    /// Whether a roster was given (without one, "never started" is unknown).
    pub roster_used: bool,
    /// Who is overdue with what, and since when (no results).
    pub overdue: Vec<OverdueRow>,
    /// Roster employees with no record at all.
    pub never_started: Vec<PersonRow>,
    /// Every file or record not counted, and every bad roster row, with the reason; those of
    /// a learner's attempt (`who`) are the attempts not accepted.
    pub problems: Vec<Problem>,
}

/// A learner overdue with a module. Without a roster the list can hold a row for most
/// learners, so the shared texts are shared (`Arc`) and the date is a date.
#[derive(Debug, Clone)]
pub struct OverdueRow {
    /// Employee id (a pseudonym in exports that leave the security function).
    pub learner: Arc<str>,
    /// Forvaltning.
    pub forvaltning: Arc<str>,
    /// Module id.
    pub module: Arc<str>,
    /// The first day overdue (the day after the deadline), written `YYYY-MM-DD`.
    pub since: jiff::civil::Date,
    /// Why the module was due.
    pub reason: OverdueReason,
}

/// Why an overdue module is open: the schedule's reason, or an attempt that was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OverdueReason {
    /// Never passed.
    FirstTime,
    /// The last pass expired.
    Renewal,
    /// A new version of the module.
    NewVersion,
    /// The learner's latest attempt since their last pass was not accepted by the verdict
    /// ("forsøgt, ikke godkendt"): they tried, and may believe they are done.
    NotAccepted,
}

impl OverdueReason {
    /// A short label in Danish or English.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            OverdueReason::FirstTime => lang.pick("aldrig bestået", "never passed"),
            OverdueReason::Renewal => lang.pick("skal fornyes", "renewal"),
            OverdueReason::NewVersion => lang.pick("ny version", "new version"),
            OverdueReason::NotAccepted => {
                lang.pick("forsøgt, ikke godkendt", "attempted, not accepted")
            }
        }
    }
}

/// A roster employee with no records.
#[derive(Debug, Clone)]
pub struct PersonRow {
    /// Employee id (a pseudonym in exports that leave the security function).
    pub learner: String,
    /// Forvaltning.
    pub forvaltning: String,
    /// Start date, `YYYY-MM-DD`.
    pub start: String,
}

/// A file, record or roster row that was not counted, and why.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The file, as found.
    pub path: String,
    /// 1-based line, when the problem is at a line.
    pub line: Option<u64>,
    /// The kind of problem.
    pub kind: ProblemKind,
    /// What is wrong and what to do.
    pub message: String,
    /// Records left uncounted because of it.
    pub records: u64,
    /// Whose attempt it was, when the problem is a record the report did not accept.
    pub who: Option<Box<Who>>,
}

/// The learner and module of an attempt that was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// Employee id.
    pub learner: String,
    /// The forvaltning the record gives.
    pub forvaltning: String,
    /// Module id.
    pub module: String,
}

/// Problem kinds, for filtering and counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file could not be read.
    Unreadable,
    /// Not a regular file (a pipe, a socket, a device, a link to a folder); never opened.
    NotAFile,
    /// A temporary file of an interrupted or unfinished copy; never read or counted.
    Leftover,
    /// The file is not a completion log (or is empty).
    NotALog,
    /// A newer log format than this program reads.
    NewerFormat,
    /// The last line is incomplete (a power cut mid-write).
    TornTail,
    /// A line does not parse or does not verify; the chain is broken from there.
    BrokenChain,
    /// The log does not extend the head the report anchored earlier.
    RewrittenHistory,
    /// Two files hold the same installation with different histories.
    DuplicateInstallation,
    /// An exact copy (or shorter copy) of another file; counted once.
    DuplicateCopy,
    /// A verified record whose attempt the verdict did not accept.
    NotAccepted,
    /// A bad roster row.
    Roster,
    /// The anchor file held anchors after an earlier run and is now missing or empty.
    AnchorsMissing,
    /// The employee id changes within one log (the records are counted; a note to check).
    LearnerChanged,
}

impl ProblemKind {
    /// A short label in Danish or English.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        use ProblemKind as P;
        match self {
            P::Unreadable => lang.pick("kan ikke læses", "unreadable"),
            P::NotAFile => lang.pick("ikke en fil", "not a file"),
            P::Leftover => lang.pick("midlertidig fil", "temporary file"),
            P::NotALog => lang.pick("ikke en log", "not a log"),
            P::NewerFormat => lang.pick("nyere format", "newer format"),
            P::TornTail => lang.pick("afrevet sidste linje", "torn last line"),
            P::BrokenChain => lang.pick("brudt kæde", "broken chain"),
            P::RewrittenHistory => lang.pick("omskrevet historik", "rewritten history"),
            P::DuplicateInstallation => {
                lang.pick("samme installation to gange", "same installation twice")
            }
            P::DuplicateCopy => lang.pick("kopi", "copy"),
            P::NotAccepted => lang.pick("ikke godkendt", "not accepted"),
            P::Roster => lang.pick("personaleliste", "roster"),
            P::AnchorsMissing => lang.pick("ankre mangler", "anchors missing"),
            P::LearnerChanged => lang.pick("skiftende medarbejdernummer", "employee id changes"),
        }
    }
}
