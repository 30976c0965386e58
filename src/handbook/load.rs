//! Reading the handbook's document files: the same size, encoding and syntax checks as course
//! files, then the rules a document must keep, every problem at its file, line and column.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use jiff::civil::Date;
use serde::Deserialize;

use super::{Document, Handbook, Section};
use crate::course::locate::Locator;
use crate::course::{CourseError, Text, is_valid_id, normalize_layout};
use crate::safe_text::first_forbidden;

include!(concat!(env!("OUT_DIR"), "/bundled_handbook.rs"));

/// The longest review interval accepted, in months.
pub const MAX_REVIEW_MONTHS: u32 = 60;

/// A document as its file spells it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Document")]
struct DocumentFile {
    id: String,
    name: Text,
    cited_as: Text,
    revised: String,
    review_every_months: u32,
    sections: Vec<SectionFile>,
}

/// A section as its file spells it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Section")]
struct SectionFile {
    number: String,
    title: Text,
    text: String,
}

/// Parses and checks one document file; `name` is used in error messages.
pub fn parse_document(name: &str, bytes: &[u8]) -> Result<Document, Vec<CourseError>> {
    let (file, src): (DocumentFile, &str) = crate::course::load::read_ron(name, bytes)?;
    let loc = Locator::new(src);
    let mut issues: Vec<(usize, String)> = Vec::new();
    let doc_at = loc.field_with_string("id", &file.id, 0).unwrap_or(0);
    let at_field = |field: &str| loc.field(field, 0).unwrap_or(doc_at);
    if !is_valid_id(&file.id) {
        issues.push((
            doc_at,
            format!(
                "document id \"{}\" is not valid; use 1–64 characters from A–Z, a–z, 0–9, '.', \
                 '_' and '-' (citations write it before a colon: \"regulativ:2.1\")",
                file.id
            ),
        ));
    }
    let revised = file.revised.parse::<Date>();
    if revised.is_err() {
        issues.push((
            at_field("revised"),
            format!(
                "revised is \"{}\", not a date; write the date of the revision in force as \
                 \"YYYY-MM-DD\"",
                file.revised
            ),
        ));
    }
    if !(1..=MAX_REVIEW_MONTHS).contains(&file.review_every_months) {
        issues.push((
            at_field("review_every_months"),
            format!(
                "review_every_months is {}; a review interval must be 1–{MAX_REVIEW_MONTHS} months \
                 (policy 1.8: the policy every 24, the regulativ every 12)",
                file.review_every_months
            ),
        ));
    }
    text_issues(
        &mut issues,
        &file.name,
        at_field("name"),
        "document name",
        false,
    );
    text_issues(
        &mut issues,
        &file.cited_as,
        at_field("cited_as"),
        "cited_as",
        false,
    );
    if file.sections.is_empty() {
        issues.push((
            at_field("sections"),
            "the document has no sections; add at least one `Section(…)`".into(),
        ));
    }
    section_issues(&mut issues, &loc, &file.sections, doc_at);
    let Ok(revised) = revised else {
        return Err(located(name, &loc, issues));
    };
    if !issues.is_empty() {
        return Err(located(name, &loc, issues));
    }
    let mut name_text = file.name;
    let mut cited_as = file.cited_as;
    name_text.normalize();
    cited_as.normalize();
    Ok(Document {
        id: file.id,
        name: name_text,
        cited_as,
        revised,
        review_every_months: file.review_every_months,
        sections: file
            .sections
            .into_iter()
            .map(|s| {
                let mut title = s.title;
                title.normalize();
                Section {
                    number: s.number,
                    title,
                    text: normalize_layout(&s.text),
                }
            })
            .collect(),
        source: name.to_owned(),
    })
}

/// Numbers that are not valid or given twice, empty titles, unsafe characters.
fn section_issues(
    issues: &mut Vec<(usize, String)>,
    loc: &Locator,
    sections: &[SectionFile],
    doc_at: usize,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in sections {
        let nth = seen.entry(s.number.as_str()).or_insert(0);
        let at = loc
            .field_with_string("number", &s.number, *nth)
            .unwrap_or(doc_at);
        *nth += 1;
        let what = format!("section \"{}\"", s.number);
        if !is_valid_id(&s.number) {
            issues.push((
                at,
                format!(
                    "section number \"{}\" is not valid; use 1–64 characters from A–Z, a–z, \
                     0–9, '.', '_' and '-' (e.g. \"2.1\")",
                    s.number
                ),
            ));
        }
        if *nth > 1 {
            issues.push((
                at,
                format!("{what} is in the document twice; give each section its own number"),
            ));
        }
        text_issues(issues, &s.title, at, &format!("{what} title"), false);
        let text = Text {
            da: s.text.clone(),
            en: None,
        };
        text_issues(issues, &text, at, &format!("{what} text"), true);
    }
}

/// Empty texts (unless `may_be_empty`) and characters that could disturb a screen.
fn text_issues(
    issues: &mut Vec<(usize, String)>,
    text: &Text,
    at: usize,
    what: &str,
    may_be_empty: bool,
) {
    for (lang, s) in text.parts() {
        if !may_be_empty && s.trim().is_empty() {
            issues.push((at, format!("{what} (`{lang}`) is empty; write it")));
        }
        if let Some((_, c, why)) = first_forbidden(s) {
            issues.push((
                at,
                format!(
                    "{what} (`{lang}`) contains {why}, U+{:04X}; remove it",
                    u32::from(c)
                ),
            ));
        }
    }
}

fn located(name: &str, loc: &Locator, mut issues: Vec<(usize, String)>) -> Vec<CourseError> {
    issues.sort_by_key(|(offset, _)| *offset);
    issues
        .into_iter()
        .map(|(offset, message)| CourseError {
            path: name.to_owned(),
            position: Some(loc.line_col(offset)),
            message,
        })
        .collect()
}

/// Builds a handbook from named document files, reporting every error, including a document
/// id used by two files.
pub fn from_sources<'a>(
    files: impl IntoIterator<Item = (String, &'a [u8])>,
    folder: Option<&Path>,
) -> Result<Handbook, Vec<CourseError>> {
    let mut handbook = Handbook {
        documents: Vec::new(),
        folder: folder.map(Path::to_path_buf),
    };
    let mut errors = Vec::new();
    for (name, bytes) in files {
        match parse_document(&name, bytes) {
            Ok(doc) => {
                if let Some(first) = handbook.document(&doc.id) {
                    let src = std::str::from_utf8(bytes).unwrap_or_default();
                    let loc = Locator::new(src);
                    errors.push(CourseError {
                        path: name.clone(),
                        position: loc
                            .field_with_string("id", &doc.id, 0)
                            .map(|o| loc.line_col(o)),
                        message: format!(
                            "document id `{}` is also used by {}; give each document its own id",
                            doc.id, first.source
                        ),
                    });
                } else {
                    handbook.documents.push(doc);
                }
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(handbook)
    } else {
        Err(errors)
    }
}

/// Loads every `*.ron` file in a handbook folder (`DIR/handbook/`), in file-name order.
pub fn load_dir(folder: &Path) -> Result<Handbook, Vec<CourseError>> {
    let (files, mut errors) = crate::course::load::read_folder(
        folder,
        "no handbook documents (*.ron) in this folder; add the policy (politik.ron, see \
         courses/README.md) or remove the folder to use the bundled handbook",
    )?;
    match from_sources(
        files.iter().map(|(n, b)| (n.clone(), b.as_slice())),
        Some(folder),
    ) {
        Ok(handbook) if errors.is_empty() => Ok(handbook),
        Ok(_) => Err(errors),
        Err(mut more) => {
            errors.append(&mut more);
            Err(errors)
        }
    }
}

/// The handbook compiled into the binary from `courses/handbook/`.
pub fn bundled() -> Result<Handbook, Vec<CourseError>> {
    from_sources(
        BUNDLED_HANDBOOK
            .iter()
            .map(|(n, s)| ((*n).to_owned(), s.as_bytes())),
        None,
    )
}

static SHARED: LazyLock<Result<Arc<Handbook>, Vec<CourseError>>> =
    LazyLock::new(|| bundled().map(Arc::new));

/// The bundled handbook, read once and shared by every course set that cites it.
pub fn shared_bundled() -> Result<Arc<Handbook>, Vec<CourseError>> {
    SHARED.clone()
}

/// The bundled `courses/handbook/reviewed.lock`, if there is one.
pub fn bundled_lock() -> Option<(&'static str, &'static str)> {
    BUNDLED_LOCK
}
