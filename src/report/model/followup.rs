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

/// One person a manager should follow up on: every module they are behind in, with how many
/// days and why. Made from the follow-up lists by [`FollowUp::per_person`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDue {
    /// Employee id.
    pub learner: String,
    /// The forvaltning the person is counted in.
    pub forvaltning: String,
    /// Whether the person has no record at all (roster only).
    pub never_started: bool,
    /// The modules, most overdue first.
    pub modules: Vec<DueModule>,
}

/// A module a person is overdue with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueModule {
    /// Module id.
    pub id: String,
    /// Its title, Danish and English.
    pub title: (String, String),
    /// Days past the deadline (the day after it is the first).
    pub days: i32,
    /// Why it is open.
    pub reason: OverdueReason,
}

impl PersonDue {
    /// The days overdue of the most overdue module.
    pub fn most_days(&self) -> i32 {
        self.modules.iter().map(|m| m.days).max().unwrap_or(0)
    }

    /// Why the person is behind, in one word for the whole person: never started, else
    /// attempted but not accepted (they may believe they are done), else not passed in time.
    pub fn why(&self) -> PersonWhy {
        if self.never_started {
            PersonWhy::NeverStarted
        } else if self
            .modules
            .iter()
            .any(|m| matches!(m.reason, OverdueReason::NotAccepted))
        {
            PersonWhy::NotAccepted
        } else {
            PersonWhy::NotPassed
        }
    }
}

/// Why a person is behind, for the whole person ([`PersonDue::why`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonWhy {
    /// On the roster, no record at all.
    NeverStarted,
    /// An attempt since their last pass was not accepted.
    NotAccepted,
    /// Not passed in time (never, or not renewed).
    NotPassed,
}

impl PersonWhy {
    /// The words, Danish and English, and the code in data.
    pub fn words(self) -> (crate::message::Bi, &'static str) {
        use crate::message::Bi;
        match self {
            PersonWhy::NeverStarted => {
                (Bi::new("aldrig startet", "never started"), "never_started")
            }
            PersonWhy::NotAccepted => (
                Bi::new("forsøgt, ikke godkendt", "attempted, not accepted"),
                "not_accepted",
            ),
            PersonWhy::NotPassed => (
                Bi::new("ikke bestået i tide", "not passed in time"),
                "not_passed",
            ),
        }
    }
}

/// The problems of one kind in one file, grouped so for the follow-up view: where they are
/// and what the first one says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblems {
    /// The file, as found.
    pub path: String,
    /// The kind.
    pub kind: ProblemKind,
    /// How many problems of the kind the file has.
    pub problems: u64,
    /// Records left uncounted because of them.
    pub records: u64,
    /// The lines they are at, in order (none for a problem of the whole file).
    pub lines: Vec<u64>,
    /// What the first of them says.
    pub message: String,
}

impl FollowUp {
    /// The files with problems, one row per file and kind, by file name then kind.
    pub fn problems_by_file(&self) -> Vec<FileProblems> {
        let mut groups: std::collections::BTreeMap<(&str, ProblemKind), FileProblems> =
            std::collections::BTreeMap::new();
        for p in &self.problems {
            let g = groups
                .entry((&p.path, p.kind))
                .or_insert_with(|| FileProblems {
                    path: p.path.clone(),
                    kind: p.kind,
                    problems: 0,
                    records: 0,
                    lines: Vec::new(),
                    message: p.message.clone(),
                });
            g.problems += 1;
            g.records += p.records;
            g.lines.extend(p.line);
        }
        let mut out: Vec<FileProblems> = groups.into_values().collect();
        for g in &mut out {
            g.lines.sort_unstable();
            g.lines.dedup();
        }
        out
    }

    /// The overdue list per forvaltning and person, most overdue first: what a forvaltning's
    /// managers act on. `modules` gives the titles.
    pub fn per_person(
        &self,
        modules: &[super::ModuleHead],
    ) -> std::collections::BTreeMap<String, Vec<PersonDue>> {
        let today: jiff::civil::Date = self.today.parse().unwrap_or(jiff::civil::Date::MAX);
        let never: std::collections::HashSet<(&str, &str)> = self
            .never_started
            .iter()
            .map(|p| (p.forvaltning.as_str(), p.learner.as_str()))
            .collect();
        let mut people: std::collections::BTreeMap<(&str, &str), PersonDue> =
            std::collections::BTreeMap::new();
        for o in &self.overdue {
            let days = (today - o.since).get_days() + 1;
            people
                .entry((&o.forvaltning, &o.learner))
                .or_insert_with(|| PersonDue {
                    learner: o.learner.to_string(),
                    forvaltning: o.forvaltning.to_string(),
                    never_started: never.contains(&(&*o.forvaltning, &*o.learner)),
                    modules: Vec::new(),
                })
                .modules
                .push(DueModule {
                    id: o.module.to_string(),
                    title: modules.iter().find(|m| m.id == *o.module).map_or_else(
                        || (o.module.to_string(), o.module.to_string()),
                        |m| (m.title_da.clone(), m.title_en.clone()),
                    ),
                    days,
                    reason: o.reason,
                });
        }
        let mut out: std::collections::BTreeMap<String, Vec<PersonDue>> =
            std::collections::BTreeMap::new();
        for ((forv, _), mut p) in people {
            p.modules
                .sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.id.cmp(&b.id)));
            out.entry(forv.to_owned()).or_default().push(p);
        }
        for list in out.values_mut() {
            list.sort_by(|a, b| {
                b.most_days()
                    .cmp(&a.most_days())
                    .then_with(|| a.learner.cmp(&b.learner))
            });
        }
        out
    }
}
