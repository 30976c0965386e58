//! Which lessons and questions rest on which section of the handbook, and which of them must be
//! reviewed because a section's text changed since `reviewed.lock` recorded it.

use std::fmt::Write as _;

use serde::Serialize;

use super::lock::{ReviewLock, section_hash};
use super::{Citation, Document, Handbook, Section};
use crate::course::{CitationSite, CitedBy, CourseSet, LoadedModule};
use crate::lang::Lang;

/// What kind of item rests on a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UseKind {
    /// A lesson page.
    Lesson,
    /// A question.
    Question,
}

/// One lesson or question citing a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Use {
    /// The module's id.
    pub module: String,
    /// A lesson or a question.
    pub kind: UseKind,
    /// The lesson's page number (1-based) or the question's id.
    pub item: String,
    /// The lesson's or question's title/prompt in Danish, for people.
    pub title: String,
    /// The course file.
    pub file: String,
    /// 1-based line of the citation.
    pub line: usize,
    /// 1-based column of the citation.
    pub column: usize,
}

impl Use {
    fn new(loaded: &LoadedModule, site: &CitationSite) -> Option<Use> {
        let m = &loaded.module;
        let (kind, item, title) = match &site.by {
            CitedBy::Module => return None,
            CitedBy::Lesson(i) => (
                UseKind::Lesson,
                (i + 1).to_string(),
                m.lessons.get(*i).map(|l| l.title.da.clone()),
            ),
            CitedBy::Question(id) => (
                UseKind::Question,
                id.clone(),
                m.question(id).map(|q| q.prompt.da.clone()),
            ),
        };
        Some(Use {
            module: m.id.clone(),
            kind,
            item,
            title: title.unwrap_or_default(),
            file: loaded.source.clone(),
            line: site.position.0,
            column: site.position.1,
        })
    }

    /// "courses/x.ron:12:5: lesson 3 »Title« (module `x`)" in English, or in Danish.
    pub fn to_line(&self, lang: Lang) -> String {
        let what = match (self.kind, lang) {
            (UseKind::Lesson, Lang::Da) => format!("lektion {} »{}«", self.item, self.title),
            (UseKind::Lesson, Lang::En) => format!("lesson {} »{}«", self.item, self.title),
            (UseKind::Question, Lang::Da) => format!("spørgsmål `{}`", self.item),
            (UseKind::Question, Lang::En) => format!("question `{}`", self.item),
        };
        format!(
            "{}:{}:{}: {what} ({} `{}`)",
            self.file,
            self.line,
            self.column,
            lang.pick("modul", "module"),
            self.module
        )
    }
}

/// A section with everything resting on it.
#[derive(Debug, Clone)]
pub struct SectionUses<'a> {
    /// The document.
    pub document: &'a Document,
    /// The section.
    pub section: &'a Section,
    /// The lessons citing it.
    pub lessons: Vec<Use>,
    /// The questions citing it.
    pub questions: Vec<Use>,
    /// The modules resting on it: listing it in `sections` or citing it in a lesson or question.
    pub modules: Vec<String>,
}

impl<'a> SectionUses<'a> {
    /// The section's citation, `politik:1.7`.
    pub fn citation(&self) -> Citation<'a> {
        self.document.cite(self.section)
    }
}

/// Every section of the handbook, in document and section order, with its lessons, questions
/// and modules.
pub fn coverage(set: &CourseSet) -> Vec<SectionUses<'_>> {
    coverage_of(&set.handbook, set)
}

fn coverage_of<'a>(handbook: &'a Handbook, set: &CourseSet) -> Vec<SectionUses<'a>> {
    handbook
        .sections()
        .map(|(document, section)| {
            let here = document.cite(section);
            let mut uses = SectionUses {
                document,
                section,
                lessons: Vec::new(),
                questions: Vec::new(),
                modules: Vec::new(),
            };
            for loaded in &set.modules {
                let mut rests_on = false;
                for site in loaded
                    .sites
                    .iter()
                    .filter(|s| Citation::parse(&s.cited) == here)
                {
                    rests_on = true;
                    if let Some(u) = Use::new(loaded, site) {
                        match u.kind {
                            UseKind::Lesson => uses.lessons.push(u),
                            UseKind::Question => uses.questions.push(u),
                        }
                    }
                }
                if rests_on {
                    uses.modules.push(loaded.module.id.clone());
                }
            }
            uses
        })
        .collect()
}

/// Why a section's lessons and questions must be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The text differs from the one recorded in the lock.
    Changed,
    /// The lock has no entry for the section yet (a new section, or a new lock).
    New,
}

/// What `bevidst check` says about the handbook.
#[derive(Debug, Clone)]
pub struct Review<'a> {
    /// Sections whose lessons and questions must be reviewed, with why.
    pub to_review: Vec<(SectionUses<'a>, Change)>,
    /// Sections no lesson cites.
    pub untaught: Vec<Citation<'a>>,
    /// Sections no question cites.
    pub untested: Vec<Citation<'a>>,
    /// Lock entries of sections the handbook no longer has (dropped at the next recording).
    pub stale: Vec<String>,
}

impl Review<'_> {
    /// Whether every section's text is the one last reviewed.
    pub fn is_clean(&self) -> bool {
        self.to_review.is_empty()
    }
}

/// Compares every section's text with the lock and lists what rests on changed ones.
pub fn review<'a>(set: &'a CourseSet, lock: &ReviewLock) -> Review<'a> {
    let mut review = Review {
        to_review: Vec::new(),
        untaught: Vec::new(),
        untested: Vec::new(),
        stale: lock.stale(&set.handbook).map(str::to_owned).collect(),
    };
    for uses in coverage(set) {
        let c = uses.citation();
        if uses.lessons.is_empty() {
            review.untaught.push(c);
        }
        if uses.questions.is_empty() {
            review.untested.push(c);
        }
        let change = match lock.get(c) {
            None => Some(Change::New),
            Some(h) if *h != section_hash(uses.section) => Some(Change::Changed),
            Some(_) => None,
        };
        if let Some(change) = change {
            review.to_review.push((uses, change));
        }
    }
    review
}

/// Records the review of the named sections in `lock`: `DOC:SECTION`, a bare number for the
/// policy, or a document id for all its sections. Returns the sections recorded, or a message
/// naming the first key the handbook does not have.
pub fn record(
    handbook: &Handbook,
    lock: &mut ReviewLock,
    keys: &[String],
) -> Result<Vec<String>, String> {
    let mut recorded = Vec::new();
    for key in keys {
        if let Some(doc) = handbook.document(key) {
            for s in &doc.sections {
                lock.record(doc.cite(s), s);
                recorded.push(doc.cite(s).to_string());
            }
        } else if let Some((doc, s)) = handbook.resolve(key) {
            lock.record(doc.cite(s), s);
            recorded.push(doc.cite(s).to_string());
        } else {
            let ids: Vec<&str> = handbook.documents.iter().map(|d| d.id.as_str()).collect();
            return Err(format!(
                "--reviewed {key}: the handbook has no such section; write DOC:SECTION (e.g. \
                 politik:1.7) or a document id ({})",
                ids.join(", ")
            ));
        }
    }
    let stale: Vec<String> = lock.stale(handbook).map(str::to_owned).collect();
    for key in stale {
        lock.entries.remove(&key);
    }
    Ok(recorded)
}

impl Review<'_> {
    /// What `bevidst check` prints (in English, like its other messages): each section to
    /// review with everything resting on it, one `file:line:column` a line, and how to record
    /// the review; `course_dir` is the folder to name in that command.
    pub fn to_review_text(&self, course_dir: &str) -> String {
        let mut out = String::new();
        for (uses, change) in &self.to_review {
            let c = uses.citation();
            let why = match change {
                Change::Changed => "has changed since the courses were last reviewed against it",
                Change::New => {
                    "is not yet recorded as reviewed (a new section, or no reviewed.lock yet)"
                }
            };
            let _ = writeln!(
                out,
                "{c} »{}« {why}; review what rests on it, then run `bevidst check {course_dir} \
                 --reviewed {c}`",
                uses.section.title.da
            );
            if uses.lessons.is_empty() && uses.questions.is_empty() {
                let _ = writeln!(out, "  no lesson or question cites it");
            }
            for u in uses.lessons.iter().chain(&uses.questions) {
                let _ = writeln!(out, "  to review: {}", u.to_line(Lang::En));
            }
        }
        out
    }

    /// The sections without lessons or questions, and stale lock entries: information, not
    /// failure.
    pub fn info_text(&self) -> String {
        let list = |cs: &[Citation]| {
            cs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut out = String::new();
        if !self.untaught.is_empty() {
            let _ = writeln!(
                out,
                "handbook sections no lesson teaches: {}",
                list(&self.untaught)
            );
        }
        if !self.untested.is_empty() {
            let _ = writeln!(
                out,
                "handbook sections no question tests: {}",
                list(&self.untested)
            );
        }
        if !self.stale.is_empty() {
            let _ = writeln!(
                out,
                "reviewed.lock names sections the handbook no longer has (dropped at the next \
                 --reviewed): {}",
                self.stale.join(" ")
            );
        }
        out
    }

    /// The same as JSON, for `bevidst check --format json`.
    pub fn to_json(&self) -> serde_json::Value {
        let names = |cs: &[Citation]| cs.iter().map(ToString::to_string).collect::<Vec<_>>();
        serde_json::json!({
            "clean": self.is_clean(),
            "to_review": self.to_review.iter().map(|(u, change)| serde_json::json!({
                "section": u.citation().to_string(),
                "change": change,
                "lessons": u.lessons,
                "questions": u.questions,
            })).collect::<Vec<_>>(),
            "untaught": names(&self.untaught),
            "untested": names(&self.untested),
            "stale": self.stale,
        })
    }
}
