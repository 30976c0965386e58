//! The IT-security handbook as data (policy 1.3: the policy, the regulativ and the detailed
//! rules), section by section, so that every lesson and question can be traced to the text it
//! rests on.
//!
//! The handbook lives in `courses/handbook/`, one RON file per document (format in
//! `courses/README.md`); the bundled one is compiled into the binary beside the bundled
//! courses, and `--courses DIR` reads `DIR/handbook/`. Lessons and questions cite a section as
//! `"DOC:NUMBER"` (`"regulativ:2.1"`); a bare number (`"1.6"`) means the policy.
//!
//! - [`load`]: reading and checking the document files.
//! - [`lock`]: the hash of each section's text, and `reviewed.lock`, which records the hash
//!   the courses were last reviewed against.
//! - [`trace`]: which lessons and questions rest on which section, and what must be reviewed.
//! - [`due`]: when each document's own next review is due (policy 1.8).
//! - [`render`]: `bevidst handbook` as text, Markdown and JSON.

pub mod due;
pub mod load;
pub mod lock;
pub mod render;
pub mod trace;

use std::path::PathBuf;

use jiff::civil::Date;

use crate::course::Text;
use crate::lang::Lang;

pub use load::{bundled, load_dir};

/// The identifier of the policy, which a bare section number (`"1.6"`) cites.
pub const POLICY_ID: &str = "politik";

/// The folder beside the course files that holds the handbook.
pub const FOLDER: &str = "handbook";

/// The documents of the handbook, in file-name order.
#[derive(Debug, Clone, Default)]
pub struct Handbook {
    /// The documents.
    pub documents: Vec<Document>,
    /// The folder they were read from; `None` for the handbook compiled into the binary.
    pub folder: Option<PathBuf>,
}

/// One document of the handbook: the policy, the regulativ, or a set of rules.
#[derive(Debug, Clone)]
pub struct Document {
    /// The identifier citations use (`politik`, `regulativ`, …).
    pub id: String,
    /// The document's name.
    pub name: Text,
    /// The words before a section number when a lesson shows its source ("Politikkens afsnit").
    pub cited_as: Text,
    /// The date of the revision in force.
    pub revised: Date,
    /// Months between reviews of the document (policy 1.8: 24 for the policy, 12 for the
    /// regulativ).
    pub review_every_months: u32,
    /// The sections, in the order the document has them.
    pub sections: Vec<Section>,
    /// The file it was read from, as named to the user.
    pub source: String,
}

/// One section of a document.
#[derive(Debug, Clone)]
pub struct Section {
    /// The section's number (`"1.6"`).
    pub number: String,
    /// Its title.
    pub title: Text,
    /// Its text in the document's own words (Danish), paragraphs separated by blank lines.
    pub text: String,
}

/// A citation split into document and section: `"regulativ:2.1"`, or `"1.6"` for the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation<'a> {
    /// The document's identifier.
    pub document: &'a str,
    /// The section's number.
    pub section: &'a str,
}

impl<'a> Citation<'a> {
    /// Splits a citation as authors write it; a bare number cites the policy.
    pub fn parse(cited: &'a str) -> Citation<'a> {
        match cited.split_once(':') {
            Some((document, section)) => Citation { document, section },
            None => Citation {
                document: POLICY_ID,
                section: cited,
            },
        }
    }
}

impl Citation<'_> {
    /// The form authors write: a bare number for the policy, `DOC:NUMBER` otherwise.
    pub fn short(&self) -> String {
        if self.document == POLICY_ID {
            self.section.to_owned()
        } else {
            self.to_string()
        }
    }
}

impl std::fmt::Display for Citation<'_> {
    /// The full form, `politik:1.7`, as the lock file and `--reviewed` use it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.document, self.section)
    }
}

impl Handbook {
    /// The document with the given identifier.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The document and section a citation names, if the handbook has them.
    pub fn resolve(&self, cited: &str) -> Option<(&Document, &Section)> {
        let c = Citation::parse(cited);
        let doc = self.document(c.document)?;
        Some((doc, doc.section(c.section)?))
    }

    /// "Politikkens afsnit 1.6: Bevidsthed om it-sikkerhed": how a lesson or a review names
    /// its source. An unresolved citation (never after validation) is shown as written.
    pub fn citation_label(&self, cited: &str, lang: Lang) -> String {
        match self.resolve(cited) {
            Some((doc, section)) => format!(
                "{} {}: {}",
                doc.cited_as.get(lang),
                section.number,
                section.title.get(lang)
            ),
            None => cited.to_owned(),
        }
    }

    /// Every section of every document, with its document.
    pub fn sections(&self) -> impl Iterator<Item = (&Document, &Section)> {
        self.documents
            .iter()
            .flat_map(|d| d.sections.iter().map(move |s| (d, s)))
    }
}

impl Document {
    /// The section with the given number.
    pub fn section(&self, number: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    /// The section numbers, for "use one of …" hints.
    pub fn numbers(&self) -> String {
        let numbers: Vec<&str> = self.sections.iter().map(|s| s.number.as_str()).collect();
        numbers.join(", ")
    }

    /// The citation of one of its sections.
    pub fn cite<'a>(&'a self, section: &'a Section) -> Citation<'a> {
        Citation {
            document: &self.id,
            section: &section.number,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_number_cites_the_policy() {
        let c = Citation::parse("1.6");
        assert_eq!((c.document, c.section), ("politik", "1.6"));
        let c = Citation::parse("regulativ:2.1");
        assert_eq!((c.document, c.section), ("regulativ", "2.1"));
        assert_eq!(c.to_string(), "regulativ:2.1");
    }

    #[test]
    fn the_bundled_policy_has_its_nine_sections_with_titles() {
        let handbook = bundled().expect("the bundled handbook loads");
        let policy = handbook.document(POLICY_ID).expect("the policy is bundled");
        let numbers: Vec<&str> = policy.sections.iter().map(|s| s.number.as_str()).collect();
        assert_eq!(
            numbers,
            ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"]
        );
        assert_eq!(
            handbook.citation_label("1.6", Lang::Da),
            "Politikkens afsnit 1.6: Bevidsthed om it-sikkerhed"
        );
        assert_eq!(
            handbook.citation_label("politik:1.7", Lang::En),
            "Policy section 1.7: IT contingency"
        );
        assert!(handbook.resolve("1.9").is_none());
        assert!(handbook.resolve("regulativ:1.1").is_none());
    }
}
