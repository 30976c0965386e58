//! The finished report: the aggregate tables every renderer (dashboard, Markdown, CSV,
//! JSON) draws from, each through its column list in `report::columns`, and apart from them
//! the follow-up lists that name people ([`FollowUp`]).
//!
//! Privacy is already applied when a `Report` exists: every aggregated row's figures are a
//! [`Gated`] value, shown or withheld as a whole (a row cannot be withheld and carry figures),
//! no table holds an individual's score, and nothing in it names a person, a pseudonym or a
//! file. The follow-up lists are personal data on purpose and never part of a `Report`.

use serde::{Serialize, Serializer};

use super::columns::{self, Value};

mod followup;
mod tables;

pub use self::followup::{
    DueModule, FileProblems, FollowUp, OverdueReason, OverdueRow, PersonDue, PersonRow, PersonWhy,
    Problem, ProblemKind, Who,
};
pub use self::tables::{
    CompletionFigures, CompletionRow, Compliance, HandbookReview, ItemFigures, KnowledgeFigures,
    KnowledgeRow, ModuleStatsRow, OverviewFigures, OverviewRow, ProblemCount, QuestionRow,
    RosterProblem, TestFigures,
};

/// A group's figures, or nothing at all because the group is too small to show (or would
/// reveal another withheld group). Renderers write a withheld row's every figure as withheld.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// The quarter the report's day is in: not over yet, so its figures may still change.
    pub current_quarter: String,
    /// How each forvaltning stands, in people: the first thing every format shows.
    #[serde(serialize_with = "overview_rows")]
    pub overview: Vec<OverviewRow>,
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
    /// Problems counted by kind per forvaltning (no file names, no people).
    #[serde(serialize_with = "problem_count_rows")]
    pub problem_counts: Vec<ProblemCount>,
    /// Bad roster rows and roster-wide problems, by roster line (no employee ids).
    #[serde(serialize_with = "roster_problem_rows")]
    pub roster_problems: Vec<RosterProblem>,
    /// Each handbook document's last revision and next review (policy 1.8).
    #[serde(serialize_with = "handbook_review_rows")]
    pub handbook_reviews: Vec<HandbookReview>,
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
            .map(|f| f.share)
    }
}

impl Report {
    /// Overdue modules over all forvaltninger: the sum of the all-forvaltninger rows, or
    /// `None` when one of them is withheld (a sum of published figures only).
    pub fn overdue_total(&self) -> Option<u64> {
        self.completion
            .iter()
            .filter(|r| r.forvaltning.is_none())
            .map(|r| r.figures.shown().map(|f| f.overdue))
            .sum()
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
    overview_rows: OverviewRow => OVERVIEW,
    completion_rows: CompletionRow => COMPLETION,
    knowledge_rows: KnowledgeRow => KNOWLEDGE,
    question_rows: QuestionRow => QUESTIONS,
    module_rows: ModuleStatsRow => MODULE_STATS,
    problem_count_rows: ProblemCount => PROBLEM_COUNTS,
    roster_problem_rows: RosterProblem => ROSTER_PROBLEMS,
    handbook_review_rows: HandbookReview => HANDBOOK_REVIEWS,
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
    /// Distinct learners among the verified records: counted, or not accepted by the verdict
    /// (those tried, so they are never "never started").
    pub learners: u64,
    /// Roster rows read and accepted.
    pub roster_rows: u64,
    /// Roster rows rejected.
    pub roster_rejected: u64,
    /// Learners with verified records who are not in the roster (left out of the rates).
    pub learners_not_in_roster: u64,
    /// Roster employees with no counted record (0 without a roster).
    pub never_started: u64,
    /// Logs the report held an anchor for from earlier runs (each checked against it).
    pub anchored_logs: u64,
}

impl Counts {
    /// The collection figures every overview shows, in one order: (CSV name, Danish label,
    /// English label, value).
    pub fn overview(&self) -> [(&'static str, &'static str, &'static str, u64); 13] {
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
            (
                "never_started",
                "Aldrig startet (medarbejderlisten)",
                "Never started (roster)",
                self.never_started,
            ),
            (
                "anchored_logs",
                "Logs med anker fra tidligere kørsler",
                "Logs anchored by earlier runs",
                self.anchored_logs,
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

/// Direction of change since the previous quarter (`report::trend` decides it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Up, significantly at 95 %.
    Up,
    /// No significant change.
    Flat,
    /// Down, significantly at 95 %.
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

/// `part / whole`, 0 when the whole is 0.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts of people and answers stay far below 2^52"
)]
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
