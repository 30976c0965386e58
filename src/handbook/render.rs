//! `bevidst handbook`: each section with the lessons and questions resting on it and their
//! modules, the sections with nothing, and each document's last revision and next review; as
//! terminal text, Markdown (for an auditor or a forum) and JSON.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

use super::due::ReviewDue;
use super::trace::{Use, coverage};
use crate::course::CourseSet;
use crate::lang::Lang;
use crate::safe_text::sanitize;

/// The whole overview, one entry per document.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// The documents, in the handbook's order.
    pub documents: Vec<DocumentView>,
    /// Sections no lesson and no question rests on (`politik:1.4`).
    pub sections_with_nothing: Vec<String>,
}

/// One document with its review cycle and sections.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    /// The identifier citations use.
    pub id: String,
    /// The name, in the chosen language.
    pub name: String,
    /// The review interval in months.
    pub review_every_months: u32,
    /// Last revision, next review and where it stands.
    pub review: ReviewDue,
    /// Its sections.
    pub sections: Vec<SectionView>,
}

/// One section and what rests on it.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// `politik:1.7`.
    pub citation: String,
    /// `1.7`.
    pub number: String,
    /// The title, in the chosen language.
    pub title: String,
    /// The modules resting on it.
    pub modules: Vec<String>,
    /// The lessons citing it.
    pub lessons: Vec<Use>,
    /// The questions citing it.
    pub questions: Vec<Use>,
}

/// The overview of a course set's handbook as of `today` (a Copenhagen date).
pub fn overview(set: &CourseSet, today: Date, lang: Lang) -> Overview {
    let safe = |s: &str| sanitize(s, true);
    let uses = coverage(set);
    let documents = set
        .handbook
        .documents
        .iter()
        .map(|doc| DocumentView {
            id: doc.id.clone(),
            name: safe(doc.name.get(lang)),
            review_every_months: doc.review_every_months,
            review: doc.review_due(today),
            sections: uses
                .iter()
                .filter(|u| u.document.id == doc.id)
                .map(|u| SectionView {
                    citation: u.citation().to_string(),
                    number: u.section.number.clone(),
                    title: safe(u.section.title.get(lang)),
                    modules: u.modules.clone(),
                    lessons: u.lessons.iter().map(safe_use).collect(),
                    questions: u.questions.iter().map(safe_use).collect(),
                })
                .collect(),
        })
        .collect();
    Overview {
        documents,
        sections_with_nothing: uses
            .iter()
            .filter(|u| u.lessons.is_empty() && u.questions.is_empty())
            .map(|u| u.citation().to_string())
            .collect(),
    }
}

fn safe_use(u: &Use) -> Use {
    Use {
        title: sanitize(&u.title, true),
        file: sanitize(&u.file, true),
        ..u.clone()
    }
}

impl Overview {
    /// The terminal text.
    pub fn to_text(&self, lang: Lang) -> String {
        self.render(lang, false)
    }

    /// Markdown for an auditor or a forum.
    pub fn to_markdown(&self, lang: Lang) -> String {
        self.render(lang, true)
    }

    /// One layout for both: Markdown headings, paragraphs and bullets, or indented text.
    fn render(&self, lang: Lang, markdown: bool) -> String {
        let (doc_head, section_head, body, item, gap) = if markdown {
            ("## ", "### ", "", "- ", "\n")
        } else {
            ("", "  ", "    ", "      ", "")
        };
        let mut out = String::new();
        if markdown {
            let _ = writeln!(
                out,
                "# {}\n",
                lang.pick(
                    "It-sikkerhedshåndbogen: hvad der hviler på hvert afsnit",
                    "The IT-security handbook: what rests on each section"
                )
            );
        }
        for doc in &self.documents {
            let _ = writeln!(out, "{doc_head}{} (`{}`){gap}", doc.name, doc.id);
            let review = doc.review.to_line(doc.review_every_months, lang);
            let _ = writeln!(out, "{review}\n");
            for s in &doc.sections {
                let _ = writeln!(out, "{section_head}{} {}{gap}", s.number, s.title);
                if s.lessons.is_empty() && s.questions.is_empty() {
                    let _ = writeln!(out, "{body}{}{gap}", nothing(lang));
                    continue;
                }
                let modules: Vec<String> = s.modules.iter().map(|m| format!("`{m}`")).collect();
                let _ = writeln!(
                    out,
                    "{body}{}: {}{gap}",
                    lang.pick("Moduler", "Modules"),
                    modules.join(", ")
                );
                for (label, items) in [
                    (lang.pick("Lektioner", "Lessons"), &s.lessons),
                    (lang.pick("Spørgsmål", "Questions"), &s.questions),
                ] {
                    let _ = writeln!(out, "{body}{label}: {}{gap}", items.len());
                    for u in items {
                        let _ = writeln!(out, "{item}{}", u.to_line(lang));
                    }
                    out.push_str(gap);
                }
            }
            out.push('\n');
        }
        let _ = writeln!(out, "{}", self.nothing_line(lang));
        out
    }

    fn nothing_line(&self, lang: Lang) -> String {
        if self.sections_with_nothing.is_empty() {
            lang.pick(
                "Alle afsnit har lektioner eller spørgsmål.",
                "Every section has lessons or questions.",
            )
            .to_owned()
        } else {
            format!(
                "{}: {}",
                lang.pick(
                    "Afsnit uden lektioner og spørgsmål",
                    "Sections without lessons and questions"
                ),
                self.sections_with_nothing.join(", ")
            )
        }
    }
}

fn nothing(lang: Lang) -> &'static str {
    lang.pick(
        "Intet hviler på afsnittet: ingen lektioner og ingen spørgsmål.",
        "Nothing rests on this section: no lessons and no questions.",
    )
}
