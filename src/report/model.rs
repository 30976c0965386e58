//! The finished report: the tables every renderer (dashboard, Markdown, CSV, JSON) draws
//! from. Privacy is already applied when a `Report` exists: every row of an aggregated table
//! whose group has fewer learners than the minimum has `suppressed: true` and no figures
//! (`None`, written as `null` or "<5"), and no table holds an individual's score. The only
//! tables that name people are `overdue` and `never_started`, and they hold dates, not results.

use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::stats::ItemFlag;

/// Everything the report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// When the report was made, RFC 3339.
    pub generated_at: String,
    /// The day overdue status refers to (Copenhagen date).
    pub today: String,
    /// The minimum group size in force.
    pub min_group: u32,
    /// Whether a roster was given (without one, "never started" is unknown).
    pub roster_used: bool,
    /// What was read, counted and rejected.
    pub counts: Counts,
    /// The course set's modules, in course-set order.
    pub modules: Vec<ModuleHead>,
    /// The forvaltninger seen, sorted.
    pub forvaltninger: Vec<String>,
    /// The quarters with counted records, oldest first (`2024-Q3`).
    pub quarters: Vec<String>,
    /// Completion and pass rates per forvaltning × module.
    pub completion: Vec<CompletionRow>,
    /// Knowledge level per (forvaltning or all) × area or goal × quarter.
    pub knowledge: Vec<KnowledgeRow>,
    /// Item statistics per question, on first attempts.
    pub questions: Vec<QuestionRow>,
    /// Test statistics per module, on first attempts.
    pub module_stats: Vec<ModuleStatsRow>,
    /// Who is overdue with what, and since when (no results).
    pub overdue: Vec<OverdueRow>,
    /// Roster employees with no record at all.
    pub never_started: Vec<PersonRow>,
    /// Every file or record not counted, and every bad roster row, with the reason.
    pub problems: Vec<Problem>,
}

/// The report's bookkeeping; the parts add up to the wholes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Files found in the collection folder.
    pub files_read: u64,
    /// Files all of whose records were counted.
    pub files_counted: u64,
    /// Files some of whose records were counted and some rejected.
    pub files_partly_counted: u64,
    /// Files none of whose records were counted (or that held none).
    pub files_rejected: u64,
    /// Record lines read (header lines are not records).
    pub records_read: u64,
    /// Records counted in the figures.
    pub records_counted: u64,
    /// Records rejected, each covered by a problem.
    pub records_rejected: u64,
    /// Distinct learners among the counted records.
    pub learners: u64,
    /// Roster rows read and accepted.
    pub roster_rows: u64,
    /// Roster rows rejected.
    pub roster_rejected: u64,
    /// Learners with counted records who are not in the roster (left out of the rates).
    pub learners_not_in_roster: u64,
}

impl Counts {
    /// The collection figures every overview shows, in one order: (CSV name, Danish label,
    /// English label, value).
    pub fn overview(&self) -> [(&'static str, &'static str, &'static str, u64); 11] {
        [
            ("files_read", "Filer læst", "Files read", self.files_read),
            (
                "files_counted",
                "Filer talt med",
                "Files counted",
                self.files_counted,
            ),
            (
                "files_partly_counted",
                "Filer delvis talt med",
                "Files partly counted",
                self.files_partly_counted,
            ),
            (
                "files_rejected",
                "Filer afvist",
                "Files rejected",
                self.files_rejected,
            ),
            (
                "records_read",
                "Poster læst",
                "Records read",
                self.records_read,
            ),
            (
                "records_counted",
                "Poster talt med",
                "Records counted",
                self.records_counted,
            ),
            (
                "records_rejected",
                "Poster afvist",
                "Records rejected",
                self.records_rejected,
            ),
            (
                "learners",
                "Medarbejdere med poster",
                "Learners with records",
                self.learners,
            ),
            (
                "roster_rows",
                "Rækker i medarbejderlisten",
                "Roster rows",
                self.roster_rows,
            ),
            (
                "roster_rejected",
                "Afviste rækker i medarbejderlisten",
                "Roster rows rejected",
                self.roster_rejected,
            ),
            (
                "learners_not_in_roster",
                "Medarbejdere, der ikke er på medarbejderlisten",
                "Learners not in the roster",
                self.learners_not_in_roster,
            ),
        ]
    }
}

/// A module of the course set.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleHead {
    /// Module id.
    pub id: String,
    /// Danish title.
    pub title_da: String,
    /// English title (Danish when there is none).
    pub title_en: String,
    /// Current version.
    pub version: u32,
    /// Months between refreshers; `None` for onboarding.
    pub every_months: Option<u32>,
}

/// Completion in one forvaltning for one module. Rates are shares of `learners`.
#[derive(Debug, Clone, Serialize)]
pub struct CompletionRow {
    /// Forvaltning.
    pub forvaltning: String,
    /// Module id.
    pub module: String,
    /// True when the group is below the minimum size and every figure is withheld.
    pub suppressed: bool,
    /// Learners in the forvaltning (the roster's, or those seen in records).
    pub learners: Option<u64>,
    /// Learners who finished at least one attempt that counts.
    pub started: Option<u64>,
    /// Learners who attempted the module, but none of whose attempts counts ("forsøgt, ikke
    /// godkendt"): the verdict did not accept any. Apart from `started`, so `learners` is
    /// never started + attempted, not accepted + started.
    pub not_accepted: Option<u64>,
    /// Learners who passed at least once.
    pub passed: Option<u64>,
    /// Learners overdue with the module.
    pub overdue: Option<u64>,
    /// `started / learners`.
    pub completion_rate: Option<f64>,
    /// `passed / learners`.
    pub pass_rate: Option<f64>,
}

/// What a knowledge row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Topic {
    /// An area of policy 1.3.
    Area(crate::policy::Area),
    /// A goal of policy 1.1.
    Goal(crate::policy::Goal),
}

impl Topic {
    /// Every topic: the eleven areas, then the three goals.
    pub fn all() -> impl Iterator<Item = Topic> {
        crate::policy::Area::ALL
            .into_iter()
            .map(Topic::Area)
            .chain(crate::policy::Goal::ALL.into_iter().map(Topic::Goal))
    }

    /// The topic's name.
    pub fn name(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Topic::Area(a) => a.name(lang),
            Topic::Goal(g) => g.name(lang),
        }
    }

    /// A stable index 0..14 (areas, then goals).
    pub fn index(self) -> usize {
        match self {
            Topic::Area(a) => usize::from(a.code() - 1),
            Topic::Goal(g) => 11 + usize::from(g.code() - 1),
        }
    }
}

/// Number of topics (areas + goals).
pub const TOPICS: usize = 14;

/// Direction of change since the previous quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Up by at least the threshold.
    Up,
    /// Within the threshold.
    Flat,
    /// Down by at least the threshold.
    Down,
}

impl Trend {
    /// An arrow that carries the meaning without colour.
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Up => "↑",
            Trend::Flat => "→",
            Trend::Down => "↓",
        }
    }
}

/// Knowledge level in one cell.
#[derive(Debug, Clone, Serialize)]
pub struct KnowledgeRow {
    /// Forvaltning; `None` for all forvaltninger together.
    pub forvaltning: Option<String>,
    /// Area or goal.
    pub topic: Topic,
    /// Quarter, `2024-Q3`.
    pub quarter: String,
    /// True when withheld (group too small, or to protect another withheld cell).
    pub suppressed: bool,
    /// Distinct learners who answered questions in the cell.
    pub learners: Option<u64>,
    /// Answers that were correct.
    pub correct: Option<u64>,
    /// Answers given.
    pub asked: Option<u64>,
    /// `correct / asked`.
    pub share: Option<f64>,
    /// Change since the previous quarter, when both are shown.
    pub trend: Option<Trend>,
}

/// One question's item statistics.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionRow {
    /// Question id.
    pub id: String,
    /// Module id.
    pub module: String,
    /// The question's area.
    pub area: crate::policy::Area,
    /// True when fewer first attempts than the minimum group asked it.
    pub suppressed: bool,
    /// First attempts that asked it.
    pub n: Option<u64>,
    /// Facility index (mean mark) 0–1.
    pub facility: Option<f64>,
    /// Discrimination index −1…1.
    pub discrimination: Option<f64>,
    /// Flags, only when n is large enough.
    pub flags: Vec<ItemFlag>,
}

/// One module's test statistics.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleStatsRow {
    /// Module id.
    pub module: String,
    /// True when fewer first attempts than the minimum group.
    pub suppressed: bool,
    /// First attempts of the module's current length.
    pub n: Option<u64>,
    /// Mean score as a share of the maximum.
    pub mean: Option<f64>,
    /// Standard deviation of that share.
    pub sd: Option<f64>,
    /// Cronbach's alpha.
    pub alpha: Option<f64>,
}

/// A learner overdue with a module. Without a roster the list can hold a row for most
/// learners, so the shared texts are shared (`Arc`) and the date is a date.
#[derive(Debug, Clone, Serialize)]
pub struct OverdueRow {
    /// Employee id (a pseudonym in exports that leave the security function).
    #[serde(serialize_with = "as_str")]
    pub learner: Arc<str>,
    /// Forvaltning.
    #[serde(serialize_with = "as_str")]
    pub forvaltning: Arc<str>,
    /// Module id.
    #[serde(serialize_with = "as_str")]
    pub module: Arc<str>,
    /// The first day overdue (the day after the deadline), written `YYYY-MM-DD`.
    #[serde(serialize_with = "as_display")]
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
#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    /// Employee id (a pseudonym in exports that leave the security function).
    pub learner: String,
    /// Forvaltning.
    pub forvaltning: String,
    /// Start date, `YYYY-MM-DD`.
    pub start: String,
}

/// A file, record or roster row that was not counted, and why.
#[derive(Debug, Clone, Serialize)]
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
}

/// Problem kinds, for filtering and counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file could not be read.
    Unreadable,
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
}

impl ProblemKind {
    /// A short label in Danish or English.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        use ProblemKind as P;
        match self {
            P::Unreadable => lang.pick("kan ikke læses", "unreadable"),
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
        }
    }
}

fn as_str<S: Serializer>(v: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}

// serde hands `serialize_with` functions a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn as_display<S: Serializer>(v: &jiff::civil::Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}
