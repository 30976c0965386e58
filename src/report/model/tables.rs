//! The aggregate tables' row types: figures per group, each [`Gated`] by the privacy rules.

use super::{Gated, ProblemKind, Topic, Trend, share};
use crate::course::Text;
use crate::report::stats::ItemFlag;

/// Completion in one forvaltning (or all) for one module.
#[derive(Debug, Clone)]
pub struct CompletionRow {
    /// Forvaltning; `None` for all forvaltninger together.
    pub forvaltning: Option<String>,
    /// Module id.
    pub module: String,
    /// The module's title, shown where people read (data formats carry the id).
    pub module_title: Text,
    /// The figures, unless the group is too small.
    pub figures: Gated<CompletionFigures>,
}

/// The figures of a completion row. Rates are shares of `learners`. Every figure is a count
/// of learners, so a total is the sum of its parts ([`CompletionFigures::add`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompletionFigures {
    /// Learners in the forvaltning (the roster's, or those seen in records).
    pub learners: u64,
    /// Learners who finished at least one attempt that counts.
    pub started: u64,
    /// Learners who attempted the module, but none of whose attempts counts ("forsøgt, ikke
    /// godkendt"): the verdict did not accept any. Apart from `started`, so `learners` is
    /// never started + attempted, not accepted + started.
    pub not_accepted: u64,
    /// Learners who passed at least once.
    pub passed: u64,
    /// Learners overdue with the module.
    pub overdue: u64,
}

impl CompletionFigures {
    /// Adds `other`'s learners to these (a total over forvaltninger).
    pub fn add(&mut self, other: &CompletionFigures) {
        self.learners += other.learners;
        self.started += other.started;
        self.not_accepted += other.not_accepted;
        self.passed += other.passed;
        self.overdue += other.overdue;
    }

    /// `started / learners`.
    pub fn completion_rate(&self) -> f64 {
        share(self.started, self.learners)
    }

    /// `passed / learners`.
    pub fn pass_rate(&self) -> f64 {
        share(self.passed, self.learners)
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
    /// Distinct learners who answered questions on the topic in the cell.
    pub learners: u64,
    /// The mean over those learners of each one's share correct (their latest attempt per
    /// module in the quarter), 0–1.
    pub share: f64,
    /// The Wilson interval at 95 % over the cell's learners, `(low, high)` (see
    /// `report::trend`).
    pub interval: (f64, f64),
    /// Change since the previous quarter, when both are shown: up or down only when
    /// significant at 95 % (`report::trend`).
    pub trend: Option<Trend>,
}

/// One question's item statistics.
#[derive(Debug, Clone)]
pub struct QuestionRow {
    /// Question id.
    pub id: String,
    /// The question as the learner reads it.
    pub prompt: Text,
    /// Module id.
    pub module: String,
    /// The module's title.
    pub module_title: Text,
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
    /// The module's title.
    pub module_title: Text,
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

/// Problems of one kind in one forvaltning: how many, and how many records they left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemCount {
    /// The forvaltning of the learner whose record it is; `None` where the file could not be
    /// read far enough to know, or where the forvaltning is too small to be named.
    pub forvaltning: Option<String>,
    /// The kind.
    pub kind: ProblemKind,
    /// Problems.
    pub problems: u64,
    /// Records not counted because of them.
    pub records: u64,
}

/// A roster problem as the aggregate outputs show it: where in the roster, and what (the
/// message never holds an employee id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterProblem {
    /// 1-based line of the roster; `None` for the roster as a whole.
    pub line: Option<u64>,
    /// What is wrong and what to do.
    pub message: String,
}

/// The overview's row: how one forvaltning (or all, or one role in all) stands, counted in
/// people.
#[derive(Debug, Clone)]
pub struct OverviewRow {
    /// Forvaltning; `None` for all forvaltninger together.
    pub forvaltning: Option<String>,
    /// The role the row is about, over all forvaltninger (`forvaltning` is then `None`);
    /// `None` for everyone. A person's role is the roster's, or without one whether they
    /// have records of a managers' module (`report::finalize`).
    pub role: Option<crate::course::Role>,
    /// Whether a roster gave the population: without one, everyone ever seen is counted and
    /// no share of employees can be given (onboarding is 100 % by construction).
    pub roster: bool,
    /// The figures, unless the group is too small.
    pub figures: Gated<OverviewFigures>,
}

impl OverviewRow {
    /// Whether the row is everyone in all forvaltninger: the total of both breakdowns.
    pub fn is_total(&self) -> bool {
        self.forvaltning.is_none() && self.role.is_none()
    }
}

/// The overview's figures, each a count of distinct people.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OverviewFigures {
    /// Employees (the roster's, or everyone seen in records).
    pub employees: u64,
    /// Those who have passed onboarding.
    pub onboarded: u64,
    /// Those with no module overdue.
    pub up_to_date: u64,
    /// Those with at least one module overdue.
    pub overdue: u64,
    /// Those on the roster with no record at all (0 without a roster).
    pub never_started: u64,
    /// Those with a module they tried but none of whose attempts at it was accepted.
    pub not_accepted: u64,
    /// The same as of the last day of the quarter before, unless that group is too small.
    pub before: Gated<Compliance>,
    /// The change of the share up to date since then: up or down only when significant at
    /// 95 % (`report::trend`); `None` without a roster or without the earlier figure.
    pub trend: Option<Trend>,
}

/// How a group stood on one day: employees then, onboarded, up to date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Compliance {
    /// Employees on that day (a roster's start date, or the first record, on or before it).
    pub employees: u64,
    /// Those who had passed onboarding.
    pub onboarded: u64,
    /// Those with no module overdue.
    pub up_to_date: u64,
}

impl Compliance {
    /// `onboarded / employees`.
    pub fn onboarded_share(&self) -> f64 {
        share(self.onboarded, self.employees)
    }

    /// `up_to_date / employees`.
    pub fn up_to_date_share(&self) -> f64 {
        share(self.up_to_date, self.employees)
    }
}

impl OverviewFigures {
    /// The figures of today as a [`Compliance`].
    pub fn now(&self) -> Compliance {
        Compliance {
            employees: self.employees,
            onboarded: self.onboarded,
            up_to_date: self.up_to_date,
        }
    }
}

/// A handbook document's own review (policy 1.8: the policy at least every second year, the
/// regulativ at least once a year), as the report states it beside the training figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandbookReview {
    /// The document's name, Danish and English.
    pub name: (String, String),
    /// Months between reviews.
    pub every_months: u32,
    /// Its last revision, next review and where that stands.
    pub due: crate::handbook::due::ReviewDue,
}
