//! What `bevidst check` reports about a course set that loaded cleanly: per module and in total.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{
    Audience, CourseError, CourseSet, LoadedModule, Module, ModuleKind, QuestionKind, Selection,
};
use crate::canon::hex;
use crate::handbook::Citation;
use crate::lang::Lang;
use crate::policy::Area;

/// One module's figures.
#[derive(Debug, Serialize)]
pub struct ModuleSummary {
    /// Module id.
    pub id: String,
    /// Module version.
    pub version: u32,
    /// `onboarding` or `refresher`.
    pub kind: &'static str,
    /// Months between refreshers, for refreshers.
    pub every_months: Option<u32>,
    /// `everyone` or `managers`.
    pub audience: &'static str,
    /// Danish title.
    pub title: String,
    /// Number of lessons.
    pub lessons: usize,
    /// Size of the question bank.
    pub questions: usize,
    /// Questions per attempt.
    pub draw: u32,
    /// Pass mark in percent.
    pub pass_mark: u32,
    /// Questions per area of policy 1.3 (areas with none are left out).
    pub questions_per_area: Vec<AreaCount>,
    /// Policy sections cited by the module's lessons and questions.
    pub sections: Vec<String>,
    /// SHA-256 content hash, hex.
    pub content_hash: String,
    /// Questions per kind (kinds with none are left out).
    pub questions_per_kind: Vec<KindCount>,
    /// True/false questions whose keyed answer is »Sandt« (true).
    pub true_false_keyed_true: usize,
    /// Per multiple-answer question: its id, its choices and how many are correct.
    pub multiple_answer: Vec<MultipleAnswer>,
}

/// A count of questions of one kind.
#[derive(Debug, Serialize)]
pub struct KindCount {
    /// The kind as course files name it.
    pub kind: &'static str,
    /// How many questions.
    pub questions: usize,
}

/// How many of a multiple-answer question's choices are correct.
#[derive(Debug, Serialize)]
pub struct MultipleAnswer {
    /// Question id.
    pub id: String,
    /// Number of choices.
    pub choices: usize,
    /// Number of correct choices.
    pub correct: usize,
}

/// Where one placeholder of the organisation profile is used.
#[derive(Debug, Serialize)]
pub struct PlaceholderUses {
    /// The placeholder's name.
    pub name: String,
    /// Whether the profile's value is an example to be replaced with the real one.
    pub example: bool,
    /// Each use as `file:line:column`.
    pub uses: Vec<String>,
}

/// A count of questions in one area.
#[derive(Debug, Serialize)]
pub struct AreaCount {
    /// The area's identifier in course files.
    pub area: &'static str,
    /// Its Danish name.
    pub name: &'static str,
    /// How many questions.
    pub questions: usize,
}

/// The whole set's figures, or its errors.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Whether the set loaded without errors.
    pub ok: bool,
    /// Each module.
    pub modules: Vec<ModuleSummary>,
    /// Total lessons.
    pub total_lessons: usize,
    /// Total questions.
    pub total_questions: usize,
    /// Questions per area over all modules (every area listed, zero included).
    pub questions_per_area: Vec<AreaCount>,
    /// Handbook sections covered by some lesson or question (the policy's as bare numbers,
    /// others as `DOC:NUMBER`).
    pub sections_covered: Vec<String>,
    /// Handbook sections no lesson or question cites.
    pub sections_missing: Vec<String>,
    /// Every value of the organisation profile with its uses (unused values included).
    pub placeholders: Vec<PlaceholderUses>,
    /// Every error, as `path:line:column: message`.
    pub errors: Vec<ErrorEntry>,
}

/// One error in machine-readable form.
#[derive(Debug, Serialize)]
pub struct ErrorEntry {
    /// The file.
    pub file: String,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column, if known.
    pub column: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

fn area_counts(areas: &[Area], keep_zero: bool) -> Vec<AreaCount> {
    Area::ALL
        .iter()
        .map(|&a| AreaCount {
            area: a.ident(),
            name: a.name(Lang::Da),
            questions: areas.iter().filter(|&&x| x == a).count(),
        })
        .filter(|c| keep_zero || c.questions > 0)
        .collect()
}

fn kind_counts(m: &Module) -> Vec<KindCount> {
    let mut counts: Vec<KindCount> = Vec::new();
    for q in &m.questions {
        match counts.iter_mut().find(|c| c.kind == q.kind.ident()) {
            Some(c) => c.questions += 1,
            None => counts.push(KindCount {
                kind: q.kind.ident(),
                questions: 1,
            }),
        }
    }
    counts.sort_by_key(|c| c.kind);
    counts
}

fn placeholder_uses(set: &CourseSet) -> Vec<PlaceholderUses> {
    set.organisation
        .values
        .iter()
        .map(|(name, value)| PlaceholderUses {
            name: name.clone(),
            example: value.example,
            uses: set
                .modules
                .iter()
                .flat_map(|l| {
                    l.placeholders
                        .iter()
                        .filter(|(n, _)| n == name)
                        .map(|(_, (line, col))| format!("{}:{line}:{col}", l.source))
                })
                .collect(),
        })
        .collect()
}

/// One loaded module's figures.
fn module_summary(l: &LoadedModule) -> ModuleSummary {
    let m = &l.module;
    let cited: BTreeSet<String> = m
        .lessons
        .iter()
        .map(|x| x.section.clone())
        .chain(m.questions.iter().map(|q| q.section.clone()))
        .collect();
    ModuleSummary {
        id: m.id.clone(),
        version: m.version,
        kind: match m.kind {
            ModuleKind::Onboarding => "onboarding",
            ModuleKind::Refresher { .. } => "refresher",
        },
        every_months: m.every_months(),
        audience: match m.audience {
            Audience::Everyone => "everyone",
            Audience::Managers => "managers",
        },
        title: m.title.da.clone(),
        lessons: m.lessons.len(),
        questions: m.questions.len(),
        draw: m.draw,
        pass_mark: m.pass_mark,
        questions_per_area: area_counts(
            &m.questions.iter().map(|q| q.area).collect::<Vec<_>>(),
            false,
        ),
        sections: cited.into_iter().collect(),
        content_hash: hex(&l.hash),
        questions_per_kind: kind_counts(m),
        true_false_keyed_true: m
            .questions
            .iter()
            .filter(|q| match q.kind {
                QuestionKind::TrueFalse => q.choices.first().is_some_and(|c| c.correct),
                QuestionKind::Single | QuestionKind::Multiple => false,
            })
            .count(),
        multiple_answer: m
            .questions
            .iter()
            .filter(|q| match q.kind.selection() {
                Selection::Many => true,
                Selection::One => false,
            })
            .map(|q| MultipleAnswer {
                id: q.id.clone(),
                choices: q.choices.len(),
                correct: q.choices.iter().filter(|c| c.correct).count(),
            })
            .collect(),
    }
}

/// Summarises a load result for `bevidst check`.
pub fn summarize(result: &Result<CourseSet, Vec<CourseError>>) -> Summary {
    let (set, errors) = match result {
        Ok(set) => (Some(set), Vec::new()),
        Err(errors) => (None, errors.clone()),
    };
    let loaded = set.map(|s| s.modules.as_slice()).unwrap_or_default();
    let modules: Vec<ModuleSummary> = loaded.iter().map(module_summary).collect();
    let covered: BTreeSet<Citation> = modules
        .iter()
        .flat_map(|m| m.sections.iter().map(|s| Citation::parse(s)))
        .collect();
    let (sections_covered, sections_missing): (Vec<Citation>, Vec<Citation>) = set
        .map(|s| {
            s.handbook
                .sections()
                .map(|(d, s)| d.cite(s))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .partition(|c| covered.contains(c));
    let short = |cs: Vec<Citation>| cs.iter().map(Citation::short).collect::<Vec<_>>();
    let all_areas: Vec<Area> = loaded
        .iter()
        .flat_map(|l| l.module.questions.iter().map(|q| q.area))
        .collect();
    Summary {
        ok: errors.is_empty(),
        total_lessons: modules.iter().map(|m| m.lessons).sum(),
        total_questions: modules.iter().map(|m| m.questions).sum(),
        questions_per_area: area_counts(&all_areas, true),
        sections_covered: short(sections_covered),
        sections_missing: short(sections_missing),
        placeholders: set.map(placeholder_uses).unwrap_or_default(),
        modules,
        errors: errors
            .into_iter()
            .map(|e| ErrorEntry {
                line: e.position.map(|p| p.0),
                column: e.position.map(|p| p.1),
                file: e.path,
                message: e.message,
            })
            .collect(),
    }
}

impl Summary {
    /// The human-readable form `bevidst check` prints on success.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        for m in &self.modules {
            let kind = match m.every_months {
                Some(n) => format!("refresher every {n} months"),
                None => "onboarding".to_owned(),
            };
            let _ = writeln!(
                out,
                "{} v{} ({kind}, for {}): {}",
                m.id, m.version, m.audience, m.title
            );
            let _ = writeln!(
                out,
                "  {} lessons, {} questions, draws {}, pass mark {}%, sections {}",
                m.lessons,
                m.questions,
                m.draw,
                m.pass_mark,
                m.sections.join(" ")
            );
            let areas: Vec<String> = m
                .questions_per_area
                .iter()
                .map(|a| format!("{} {}", a.area, a.questions))
                .collect();
            let _ = writeln!(out, "  areas: {}", areas.join(", "));
            let _ = writeln!(out, "  content hash {}", m.content_hash);
        }
        let _ = writeln!(
            out,
            "\n{} modules, {} lessons, {} questions",
            self.modules.len(),
            self.total_lessons,
            self.total_questions
        );
        for a in &self.questions_per_area {
            let _ = writeln!(out, "  {:>3}  {}", a.questions, a.name);
        }
        let _ = writeln!(out, "sections covered: {}", self.sections_covered.join(" "));
        let uses: Vec<String> = self
            .placeholders
            .iter()
            .map(|p| format!("{{{{{}}}}} {}", p.name, p.uses.len()))
            .collect();
        if !uses.is_empty() {
            let _ = writeln!(out, "placeholders used: {}", uses.join(", "));
        }
        let examples: Vec<&str> = self
            .placeholders
            .iter()
            .filter(|p| p.example)
            .map(|p| p.name.as_str())
            .collect();
        if !examples.is_empty() {
            let _ = writeln!(
                out,
                "organisation profile values that are examples (replace them with the real ones): {}",
                examples.join(", ")
            );
        }
        if !self.sections_missing.is_empty() {
            let _ = writeln!(
                out,
                "sections not covered: {}",
                self.sections_missing.join(" ")
            );
        }
        out
    }
}
