//! Checks a parsed module against the rules a course must keep beyond its syntax. Every
//! problem is reported (not only the first), each at the place in the file the author must edit.

use std::collections::HashSet;

use super::locate::Locator;
use super::{CitedBy, Module, ModuleKind, QuestionKind, Text};
use crate::handbook::{Citation, Handbook};
use crate::safe_text::first_forbidden;

/// The longest refresher interval accepted, in months.
pub const MAX_EVERY_MONTHS: u32 = 60;

/// A problem at a byte offset of the source.
pub(super) struct Issue {
    pub offset: usize,
    pub message: String,
}

/// Whether `id` is a valid module or question id: 1–64 characters of `[A-Za-z0-9._-]`.
pub fn is_valid_id(id: &str) -> bool {
    // A table and a fold without early exit: no branch per byte, and the report checks a
    // dozen ids in every record it reads.
    (1..=64).contains(&id.len()) && id.bytes().fold(true, |ok, b| ok & ID_BYTES[usize::from(b)])
}

/// The bytes an id may hold.
const ID_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0u8;
    loop {
        table[b as usize] = b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-');
        if b == u8::MAX {
            break table;
        }
        b += 1;
    }
};

const ID_RULE: &str = "use 1–64 characters from A–Z, a–z, 0–9, '.', '_' and '-'";

/// A citation as written, what cites it, and its byte offset.
pub(super) type Site = (String, CitedBy, usize);

struct Checker<'a> {
    loc: Locator<'a>,
    issues: Vec<Issue>,
    handbook: &'a Handbook,
    sites: Vec<Site>,
}

impl Checker<'_> {
    fn push(&mut self, offset: usize, message: String) {
        self.issues.push(Issue { offset, message });
    }

    /// Checks a citation against the handbook and records where it is.
    fn section(&mut self, cited: &str, owner: usize, what: &str, by: CitedBy) {
        let at = self.loc.string(cited, owner).unwrap_or(owner);
        self.sites.push((cited.to_owned(), by, at));
        let c = Citation::parse(cited);
        let message = match self.handbook.document(c.document) {
            None => {
                let ids: Vec<&str> = self
                    .handbook
                    .documents
                    .iter()
                    .map(|d| d.id.as_str())
                    .collect();
                format!(
                    "{what} cites \"{cited}\", but the handbook has no document `{}`; use one of \
                     {} (a bare number such as \"1.6\" cites the policy), or add the document \
                     to the handbook folder",
                    c.document,
                    ids.join(", ")
                )
            }
            Some(doc) if doc.section(c.section).is_none() => format!(
                "{what} cites section \"{}\" of `{}`, which that document does not have; use \
                 one of {}",
                c.section,
                doc.id,
                doc.numbers()
            ),
            Some(_) => return,
        };
        self.push(at, message);
    }

    fn text(&mut self, text: &Text, owner: usize, what: &str) {
        for (lang, s) in text.parts() {
            if s.trim().is_empty() {
                let which = if lang == "da" { "Danish" } else { "English" };
                let hint = if lang == "da" {
                    "write the Danish text"
                } else {
                    "write the English text or leave `en` out"
                };
                self.push(
                    owner,
                    format!("{what}: the {which} text (`{lang}`) is empty; {hint}"),
                );
            }
            if let Some((_, c, why)) = first_forbidden(s) {
                let at = self
                    .loc
                    .char(c, owner)
                    .or_else(|| self.loc.escape(c, owner))
                    .unwrap_or(owner);
                self.push(
                    at,
                    format!(
                        "{what} (`{lang}`) contains {why}, U+{:04X}; remove it, it could \
                         disturb or deceive the learner's screen",
                        u32::from(c)
                    ),
                );
            }
        }
    }

    fn beyond_policy(&mut self, source: Option<&str>, owner: usize, what: &str) {
        if let Some(source) = source
            && (source.trim().is_empty() || first_forbidden(source).is_some())
        {
            {
                let at = self.loc.field("beyond_policy", owner).unwrap_or(owner);
                self.push(
                    at,
                    format!(
                        "{what}: `beyond_policy` must name the source of what goes beyond the \
                         policy (e.g. \"ISO/IEC 27002\") in plain text, or be left out"
                    ),
                );
            }
        }
    }
}

/// Validates one module on its own (duplicates across files are the loader's concern), its
/// citations against `handbook`; returns the problems and every citation's place.
pub(super) fn validate(src: &str, m: &Module, handbook: &Handbook) -> (Vec<Issue>, Vec<Site>) {
    let mut c = Checker {
        loc: Locator::new(src),
        issues: Vec::new(),
        handbook,
        sites: Vec::new(),
    };
    let module_at = c.loc.field_with_string("id", &m.id, 0).unwrap_or(0);
    let at_field = |c: &Checker, name: &str| c.loc.field(name, 0).unwrap_or(module_at);

    if !is_valid_id(&m.id) {
        c.push(
            module_at,
            format!("module id \"{}\" is not valid; {ID_RULE}", m.id),
        );
    }
    if m.version == 0 {
        let at = at_field(&c, "version");
        c.push(at, "version is 0; versions start at 1 and go up with each change that must send everyone through the module again".into());
    }
    if let ModuleKind::Refresher { every_months } = m.kind
        && !(1..=MAX_EVERY_MONTHS).contains(&every_months)
    {
        {
            let at = at_field(&c, "every_months");
            c.push(at, format!("every_months is {every_months}; a refresher interval must be 1–{MAX_EVERY_MONTHS} months"));
        }
    }
    c.text(&m.title, at_field(&c, "title"), "module title");
    c.text(&m.summary, at_field(&c, "summary"), "module summary");
    if m.sections.is_empty() {
        let at = at_field(&c, "sections");
        c.push(
            at,
            "`sections` is empty; list the policy sections the module teaches".into(),
        );
    }
    let sections_at = at_field(&c, "sections");
    for s in &m.sections {
        c.section(s, sections_at, "`sections`", CitedBy::Module);
    }
    if !(1..=100).contains(&m.pass_mark) {
        let at = at_field(&c, "pass_mark");
        c.push(
            at,
            format!(
                "pass_mark is {}; it must be a percentage from 1 to 100",
                m.pass_mark
            ),
        );
    }
    let bank = m.questions.len();
    if m.draw == 0 {
        let at = at_field(&c, "draw");
        c.push(
            at,
            "draw is 0; an attempt must draw at least one question".into(),
        );
    } else if usize::try_from(m.draw).map_or(true, |d| d > bank) {
        let at = at_field(&c, "draw");
        c.push(
            at,
            format!(
                "draw is {} but the question bank holds {bank}; lower draw or add questions",
                m.draw
            ),
        );
    }
    if m.lessons.is_empty() {
        let at = at_field(&c, "lessons");
        c.push(
            at,
            "the module has no lessons; add at least one page to read before the quiz".into(),
        );
    }
    if bank == 0 {
        let at = at_field(&c, "questions");
        c.push(
            at,
            "the module has no questions; add a question bank".into(),
        );
    }

    let lessons_at = at_field(&c, "lessons");
    lessons(&mut c, m, lessons_at);
    questions(&mut c, m, module_at);
    (c.issues, c.sites)
}

fn lessons(c: &mut Checker, m: &Module, lessons_at: usize) {
    for (i, lesson) in m.lessons.iter().enumerate() {
        let what = format!("lesson {}", i + 1);
        let at = c
            .loc
            .string(&lesson.title.da, lessons_at)
            .unwrap_or(lessons_at);
        c.text(&lesson.title, at, &format!("{what} title"));
        c.text(&lesson.body, at, &format!("{what} body"));
        c.section(&lesson.section, at, &what, CitedBy::Lesson(i));
        c.beyond_policy(lesson.beyond_policy.as_deref(), at, &what);
    }
}

fn questions(c: &mut Checker, m: &Module, module_at: usize) {
    let mut ids_in_file: HashSet<&str> = HashSet::new();
    let mut occurrences: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for q in &m.questions {
        let nth = occurrences.entry(q.id.as_str()).or_insert(0);
        let at = c
            .loc
            .field_with_string("id", &q.id, *nth)
            .unwrap_or(module_at);
        *nth += 1;
        let what = format!("question `{}`", q.id);
        if !is_valid_id(&q.id) {
            c.push(
                at,
                format!("question id \"{}\" is not valid; {ID_RULE}", q.id),
            );
        }
        if !ids_in_file.insert(&q.id) {
            c.push(
                at,
                format!(
                    "question id `{}` is used twice in this file; give each question its own id",
                    q.id
                ),
            );
        }
        c.section(&q.section, at, &what, CitedBy::Question(q.id.clone()));
        c.beyond_policy(q.beyond_policy.as_deref(), at, &what);
        let mut goals = q.goals.clone();
        goals.sort();
        goals.dedup();
        if goals.len() != q.goals.len() {
            c.push(
                at,
                format!("{what} lists a goal twice in `goals`; list each once"),
            );
        }
        let prompt_at = c.loc.field("prompt", at).unwrap_or(at);
        c.text(&q.prompt, prompt_at, &format!("{what} prompt"));
        let explanation_at = c.loc.field("explanation", at).unwrap_or(at);
        c.text(
            &q.explanation,
            explanation_at,
            &format!("{what} explanation"),
        );
        for (j, choice) in q.choices.iter().enumerate() {
            c.text(&choice.text, at, &format!("{what} choice {}", j + 1));
            c.text(
                &choice.feedback,
                at,
                &format!("{what} choice {} feedback", j + 1),
            );
        }
        let n = q.choices.len();
        let correct = q.correct_choices().count();
        if n < 2 {
            c.push(
                at,
                format!("{what} has {n} choice(s); give it at least two"),
            );
        }
        // Fewer than two choices is reported above, for every kind.
        match q.kind {
            QuestionKind::TrueFalse if n > 2 => c.push(
                at,
                format!(
                    "{what} is TrueFalse and needs exactly two choices (true and false), not {n}"
                ),
            ),
            QuestionKind::TrueFalse | QuestionKind::Single | QuestionKind::Multiple => {}
        }
        if correct == 0 && n > 0 {
            c.push(
                at,
                format!("{what} has no correct choice; mark one choice with `correct: true`"),
            );
        }
        match q.kind {
            QuestionKind::Single if correct > 1 => c.push(
                at,
                format!(
                    "{what} is Single but {correct} choices are marked correct; mark exactly \
                     one, or make it `kind: Multiple`"
                ),
            ),
            QuestionKind::TrueFalse if correct > 1 => c.push(
                at,
                format!(
                    "{what} is TrueFalse but both choices are marked correct; mark only the \
                     true statement's answer as `correct: true`"
                ),
            ),
            QuestionKind::Single | QuestionKind::TrueFalse | QuestionKind::Multiple => {}
        }
    }
}
