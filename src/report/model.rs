//! The finished report: the tables every renderer (dashboard, Markdown, CSV, JSON) draws
//! from, each through its column list in `report::columns`. Privacy is already applied when a
//! `Report` exists: every aggregated row's figures are a [`Gated`] value, either shown or
//! withheld as a whole (a row cannot be withheld and carry figures), and no table holds an
//! individual's score. The only tables that name people are `overdue` and `never_started`, and
//! they hold dates, not results.

use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::columns::{self, Value};
use super::stats::ItemFlag;

/// A group's figures, or nothing at all because the group is too small to show (or would
/// reveal another withheld group). Renderers write a withheld row's every figure as withheld.
#[derive(Debug, Clone, PartialEq)]
pub enum Gated<T> {
    /// The group is large enough: its figures.
    Shown(T),
    /// Withheld for privacy.
    Withheld,
}

impl<T> Gated<T> {
    /// The figures, when shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Gated::Shown(t) => Some(t),
            Gated::Withheld => None,
        }
    }

    /// Whether the row is withheld.
    pub fn is_withheld(&self) -> bool {
        matches!(self, Gated::Withheld)
    }

    /// One figure of the row: `figure` of the figures, or [`Value::Withheld`].
    pub fn value(&self, figure: impl FnOnce(&T) -> Value) -> Value {
        self.shown().map_or(Value::Withheld, figure)
    }
}

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
    #[serde(serialize_with = "completion_rows")]
    pub completion: Vec<CompletionRow>,
    /// Knowledge level per (forvaltning or all) × area or goal × quarter.
    #[serde(serialize_with = "knowledge_rows")]
    pub knowledge: Vec<KnowledgeRow>,
    /// Item statistics per question, on first attempts.
    #[serde(serialize_with = "question_rows")]
    pub questions: Vec<QuestionRow>,
    /// Test statistics per module, on first attempts.
    #[serde(serialize_with = "module_rows")]
    pub module_stats: Vec<ModuleStatsRow>,
    /// Who is overdue with what, and since when (no results).
    #[serde(serialize_with = "overdue_rows")]
    pub overdue: Vec<OverdueRow>,
    /// Roster employees with no record at all.
    #[serde(serialize_with = "person_rows")]
    pub never_started: Vec<PersonRow>,
    /// Every file or record not counted, and every bad roster row, with the reason.
    #[serde(serialize_with = "problem_rows")]
    pub problems: Vec<Problem>,
}

impl Report {
    /// The knowledge row of one cell (`forv` `None`: all forvaltninger), if anyone answered.
    pub fn knowledge_cell(
        &self,
        forv: Option<&str>,
        topic: Topic,
        quarter: &str,
    ) -> Option<&KnowledgeRow> {
        self.knowledge
            .iter()
            .find(|r| r.forvaltning.as_deref() == forv && r.topic == topic && r.quarter == quarter)
    }

    /// The share correct in one cell, when shown.
    pub fn knowledge_share(&self, forv: Option<&str>, topic: Topic, quarter: &str) -> Option<f64> {
        self.knowledge_cell(forv, topic, quarter)?
            .figures
            .shown()
            .map(KnowledgeFigures::share)
    }
}

// JSON writes every table through its column list, as CSV and Markdown do.
macro_rules! rows_with {
    ($($f:ident: $row:ty => $cols:ident),* $(,)?) => {$(
        fn $f<S: Serializer>(rows: &[$row], s: S) -> Result<S::Ok, S::Error> {
            columns::serialize_rows(&columns::$cols, rows, s)
        }
    )*};
}
rows_with!(
    completion_rows: CompletionRow => COMPLETION,
    knowledge_rows: KnowledgeRow => KNOWLEDGE,
    question_rows: QuestionRow => QUESTIONS,
    module_rows: ModuleStatsRow => MODULE_STATS,
    overdue_rows: OverdueRow => OVERDUE,
    person_rows: PersonRow => NEVER_STARTED,
    problem_rows: Problem => PROBLEMS,
);

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

/// Completion in one forvaltning for one module.
#[derive(Debug, Clone)]
pub struct CompletionRow {
    /// Forvaltning.
    pub forvaltning: String,
    /// Module id.
    pub module: String,
    /// The figures, unless the group is too small.
    pub figures: Gated<CompletionFigures>,
}

/// The figures of a completion row. Rates are shares of `learners`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompletionFigures {
    /// Learners in the forvaltning (the roster's, or those seen in records).
    pub learners: u64,
    /// Learners who finished at least one attempt.
    pub started: u64,
    /// Learners who passed at least once.
    pub passed: u64,
    /// Learners overdue with the module.
    pub overdue: u64,
}

impl CompletionFigures {
    /// `started / learners`.
    pub fn completion_rate(&self) -> f64 {
        share(self.started, self.learners)
    }

    /// `passed / learners`.
    pub fn pass_rate(&self) -> f64 {
        share(self.passed, self.learners)
    }
}

/// `part / whole`, 0 when the whole is 0.
#[allow(clippy::cast_precision_loss)]
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
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
#[derive(Debug, Clone)]
pub struct KnowledgeRow {
    /// Forvaltning; `None` for all forvaltninger together.
    pub forvaltning: Option<String>,
    /// Area or goal.
    pub topic: Topic,
    /// Quarter, `2024-Q3`.
    pub quarter: String,
    /// The figures, unless withheld (group too small, or to protect another withheld cell).
    pub figures: Gated<KnowledgeFigures>,
}

/// The figures of a knowledge cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KnowledgeFigures {
    /// Distinct learners who answered questions in the cell.
    pub learners: u64,
    /// Answers that were correct.
    pub correct: u64,
    /// Answers given.
    pub asked: u64,
    /// Change since the previous quarter, when both are shown.
    pub trend: Option<Trend>,
}

impl KnowledgeFigures {
    /// `correct / asked`.
    pub fn share(&self) -> f64 {
        share(self.correct, self.asked)
    }
}

/// One question's item statistics.
#[derive(Debug, Clone)]
pub struct QuestionRow {
    /// Question id.
    pub id: String,
    /// Module id.
    pub module: String,
    /// The question's area.
    pub area: crate::policy::Area,
    /// The statistics, unless fewer first attempts than the minimum group asked it.
    pub figures: Gated<ItemFigures>,
}

/// A question's statistics over the first attempts that asked it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemFigures {
    /// First attempts that asked it.
    pub n: u64,
    /// Facility index (mean mark) 0–1.
    pub facility: Option<f64>,
    /// Discrimination index −1…1, when computable.
    pub discrimination: Option<f64>,
    /// Flags, only when n is large enough.
    pub flags: Vec<ItemFlag>,
}

/// One module's test statistics.
#[derive(Debug, Clone)]
pub struct ModuleStatsRow {
    /// Module id.
    pub module: String,
    /// The statistics, unless fewer first attempts than the minimum group.
    pub figures: Gated<TestFigures>,
}

/// A module's statistics over first attempts of its current length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TestFigures {
    /// First attempts.
    pub n: u64,
    /// Mean score as a share of the maximum.
    pub mean: Option<f64>,
    /// Standard deviation of that share.
    pub sd: Option<f64>,
    /// Cronbach's alpha, when computable.
    pub alpha: Option<f64>,
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

/// Why an overdue module was due (the schedule's reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OverdueReason {
    /// Never passed.
    FirstTime,
    /// The last pass expired.
    Renewal,
    /// A new version of the module.
    NewVersion,
}

impl OverdueReason {
    /// A short label in Danish or English.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            OverdueReason::FirstTime => lang.pick("aldrig bestået", "never passed"),
            OverdueReason::Renewal => lang.pick("skal fornyes", "renewal"),
            OverdueReason::NewVersion => lang.pick("ny version", "new version"),
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
    /// A verified record that is not plausible.
    Implausible,
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
            P::Implausible => lang.pick("usandsynlig", "implausible"),
            P::Roster => lang.pick("personaleliste", "roster"),
        }
    }
}
