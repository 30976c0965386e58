//! Courses: the model of a training module as authors write it in `courses/*.ron`, loading
//! with exact errors, validation, and the canonical content hash.
//!
//! The file format is documented in `courses/README.md`. Every type here denies unknown
//! fields and uses only externally tagged enums, so a typo is an error, never a silent default.

mod error;
mod hash;
pub(crate) mod load;
pub(crate) mod locate;
pub mod organisation;
mod summary;
mod validate;

use serde::Deserialize;

pub use error::CourseError;
pub use hash::content_hash;
pub use load::{
    CourseSet, LoadedModule, MAX_FILE_BYTES, bundled, bundled_organisation, load_dir, parse_module,
    parse_module_in,
};
pub use organisation::Organisation;
pub use summary::{Summary, summarize};
pub use validate::is_valid_id;

use crate::lang::Lang;
use crate::policy::{Area, Goal};

/// A text in Danish (required) and English (optional; Danish is shown when it is missing).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Danish text.
    pub da: String,
    /// The English text, if the author wrote one.
    #[serde(default)]
    pub en: Option<String>,
}

impl Text {
    /// The text in `lang`, falling back to Danish.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => en,
            _ => &self.da,
        }
    }

    /// Both texts with their field names, for validation messages.
    pub(crate) fn parts(&self) -> impl Iterator<Item = (&'static str, &str)> {
        std::iter::once(("da", self.da.as_str())).chain(self.en.as_deref().map(|en| ("en", en)))
    }

    /// Collapses the layout of a multi-line RON string: paragraphs are separated by blank lines,
    /// and within a paragraph every run of white space becomes one space. Reindenting a file
    /// therefore changes neither what the learner sees nor the content hash.
    pub(crate) fn normalize(&mut self) {
        self.da = normalize_layout(&self.da);
        self.en = self.en.as_deref().map(normalize_layout);
    }
}

/// The layout rule of [`Text::normalize`] for one string.
pub(crate) fn normalize_layout(s: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.extend(line.split_whitespace());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

/// A place where a module cites the handbook (`"1.6"`, `"regulativ:2.1"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationSite {
    /// The citation as the author wrote it.
    pub cited: String,
    /// What cites it.
    pub by: CitedBy,
    /// 1-based line and column (in characters) of the citation in the module's file.
    pub position: (usize, usize),
}

/// What in a module cites a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitedBy {
    /// The module's own `sections` list.
    Module,
    /// A lesson page (0-based index).
    Lesson(usize),
    /// A question, by id.
    Question(String),
}

/// Whether a module is taken at hiring or repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ModuleKind {
    /// Taken once, at hiring (policy 1.6 "ved ansættelse").
    Onboarding,
    /// Repeated every so many months (policy 1.6 "løbende").
    Refresher {
        /// Months from a pass until the module is due again.
        every_months: u32,
    },
}

/// Who a module is for. A managers' module is due only for learners who are managers; every
/// other module is for everyone, managers included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Audience {
    /// Every employee (the default when a module names no audience).
    #[default]
    Everyone,
    /// Managers (»ledere«: employees with personnel responsibility).
    Managers,
}

/// A learner's role, as far as the courses distinguish roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, Deserialize)]
pub enum Role {
    /// An employee without personnel responsibility.
    #[default]
    Employee,
    /// A manager (»leder«: an employee with personnel responsibility).
    Manager,
}

impl Role {
    /// Every role, in the order the first start offers them.
    pub const ALL: [Role; 2] = [Role::Employee, Role::Manager];

    /// The positions in `modules` of those a learner in this role is to take, in order: the
    /// one place a module's audience is applied. The learner's program, `bevidst status` and
    /// the simulator take theirs through [`CourseSet::for_role`], the report per person, so a
    /// managers' module is due for managers only, everywhere.
    pub fn modules_to_take<'a>(self, modules: impl IntoIterator<Item = &'a Module>) -> Vec<usize> {
        modules
            .into_iter()
            .enumerate()
            .filter(|(_, m)| m.audience.includes(self))
            .map(|(i, _)| i)
            .collect()
    }
}

impl Audience {
    /// Whether a learner in `role` is to take a module for this audience.
    pub fn includes(self, role: Role) -> bool {
        match (self, role) {
            (Audience::Everyone, _) | (Audience::Managers, Role::Manager) => true,
            (Audience::Managers, Role::Employee) => false,
        }
    }

    /// The audience's code in the content hash; never reuse a number.
    pub(crate) fn code(self) -> u8 {
        match self {
            Audience::Everyone => 0,
            Audience::Managers => 1,
        }
    }
}

/// One training module: lessons to read and a question bank to draw a quiz from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// Stable id (`[A-Za-z0-9._-]`, 1–64 characters); records refer to it.
    pub id: String,
    /// Bumped when a change must send everyone through the module again.
    pub version: u32,
    /// Onboarding or refresher.
    pub kind: ModuleKind,
    /// Who the module is for; everyone when the file names no audience.
    #[serde(default)]
    pub audience: Audience,
    /// The module's title.
    pub title: Text,
    /// One or two sentences on what the module is about.
    pub summary: Text,
    /// The policy sections the module teaches.
    pub sections: Vec<String>,
    /// Pages to read before the quiz.
    pub lessons: Vec<Lesson>,
    /// The question bank.
    pub questions: Vec<Question>,
    /// How many questions one attempt draws from the bank.
    pub draw: u32,
    /// The share of correct answers needed to pass, in percent (1–100).
    pub pass_mark: u32,
}

/// A page of a module's reading.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// The page title.
    pub title: Text,
    /// The policy section the page rests on.
    pub section: String,
    /// The source of what the page adds beyond the policy: good practice (`"ISO/IEC 27002"`,
    /// `"Datatilsynet"`) or law. Absent when the page teaches the policy itself. The learner
    /// sees such content labelled as beyond the policy, never as the policy's own.
    #[serde(default)]
    pub beyond_policy: Option<String>,
    /// The page text; paragraphs are separated by blank lines.
    pub body: Text,
}

/// How a question is answered.
///
/// Every place whose behaviour depends on the kind matches it exhaustively, directly or
/// through one of the methods below, so a new kind makes the compiler list each of them (no
/// `==` on a kind outside tests). Adding a kind touches:
/// - the methods here: [`QuestionKind::selection`] (one choice or many: how marking, Enter
///   and a typed answer behave in `app/quiz.rs` and `plain/input.rs`, and the marks drawn in
///   `tui/view/quiz.rs`), [`QuestionKind::keeps_choice_order`] (`quiz/mod.rs`) and
///   [`QuestionKind::code`] (the content hash; never reuse a number);
/// - `course/validate.rs`: the rules on the number of choices and of correct ones;
/// - the line that names the kind above the choices, in `tui/view/quiz.rs` and
///   `plain/screen.rs` (its words in `app/texts.rs`);
/// - the plain mode: answers typed as words (`plain/input.rs`) and the prompt
///   (`plain/screen.rs`).
///
/// Scoring (`quiz::is_correct`: exactly the correct choices) is the same for every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum QuestionKind {
    /// Exactly one choice is correct.
    Single,
    /// "Vælg alle der passer": one or more choices are correct, and all of them must be chosen.
    Multiple,
    /// Two choices (true and false), one correct.
    TrueFalse,
}

/// How many choices a learner marks on a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// One: marking a choice replaces the answer (radio buttons).
    One,
    /// Any number: marking a choice toggles it (check boxes).
    Many,
}

impl QuestionKind {
    /// The kind's name in course files (`Single`, `Multiple`, `TrueFalse`).
    pub fn ident(self) -> &'static str {
        match self {
            QuestionKind::Single => "Single",
            QuestionKind::Multiple => "Multiple",
            QuestionKind::TrueFalse => "TrueFalse",
        }
    }

    /// A stable number for canonical encodings.
    pub fn code(self) -> u8 {
        match self {
            QuestionKind::Single => 1,
            QuestionKind::Multiple => 2,
            QuestionKind::TrueFalse => 3,
        }
    }

    /// How many choices the learner marks.
    pub fn selection(self) -> Selection {
        match self {
            QuestionKind::Single | QuestionKind::TrueFalse => Selection::One,
            QuestionKind::Multiple => Selection::Many,
        }
    }

    /// Whether the choices are shown in the author's order rather than shuffled (a true/false
    /// question keeps »Sandt« first).
    pub fn keeps_choice_order(self) -> bool {
        match self {
            QuestionKind::TrueFalse => true,
            QuestionKind::Single | QuestionKind::Multiple => false,
        }
    }
}

/// A question in a module's bank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique across all modules; records refer to it.
    pub id: String,
    /// The area of policy 1.3 the question belongs to.
    pub area: Area,
    /// The goals of policy 1.1 the question touches.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The policy section the question rests on.
    pub section: String,
    /// The source of what the question tests beyond the policy (good practice or law).
    #[serde(default)]
    pub beyond_policy: Option<String>,
    /// Single, multiple or true/false.
    pub kind: QuestionKind,
    /// The question as the learner reads it.
    pub prompt: Text,
    /// The possible answers, in the order the author wrote them (the quiz shuffles them).
    pub choices: Vec<Choice>,
    /// Shown in the review after the quiz.
    pub explanation: Text,
}

impl Question {
    /// The indices of the correct choices.
    pub fn correct_choices(&self) -> impl Iterator<Item = usize> + '_ {
        self.choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.correct)
            .map(|(i, _)| i)
    }
}

/// One possible answer to a question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The answer as the learner reads it.
    pub text: Text,
    /// Whether choosing it is right.
    pub correct: bool,
    /// Why this answer is right or wrong; shown in the review.
    pub feedback: Text,
}

impl Module {
    /// Calls `f` on every text in the module.
    pub fn for_each_text(&mut self, mut f: impl FnMut(&mut Text)) {
        f(&mut self.title);
        f(&mut self.summary);
        for lesson in &mut self.lessons {
            f(&mut lesson.title);
            f(&mut lesson.body);
        }
        for q in &mut self.questions {
            f(&mut q.prompt);
            f(&mut q.explanation);
            for c in &mut q.choices {
                f(&mut c.text);
                f(&mut c.feedback);
            }
        }
    }

    /// Applies [`Text::normalize`] to every text in the module.
    fn normalize(&mut self) {
        self.for_each_text(Text::normalize);
    }

    /// The question with the given id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The months between refreshers, or `None` for onboarding.
    pub fn every_months(&self) -> Option<u32> {
        match self.kind {
            ModuleKind::Onboarding => None,
            ModuleKind::Refresher { every_months } => Some(every_months),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{QuestionKind, Selection, normalize_layout};

    #[test]
    fn only_multiple_choice_questions_take_several_marks() {
        assert_eq!(QuestionKind::Single.selection(), Selection::One);
        assert_eq!(QuestionKind::TrueFalse.selection(), Selection::One);
        assert_eq!(QuestionKind::Multiple.selection(), Selection::Many);
    }

    #[test]
    fn only_true_false_questions_keep_their_choice_order() {
        assert!(QuestionKind::TrueFalse.keeps_choice_order());
        assert!(!QuestionKind::Single.keeps_choice_order());
        assert!(!QuestionKind::Multiple.keeps_choice_order());
    }

    #[test]
    fn layout_is_normalized() {
        let s = "  Første linje\n      fortsætter her.\n\n\n   Andet   afsnit.\r\n";
        assert_eq!(
            normalize_layout(s),
            "Første linje fortsætter her.\n\nAndet afsnit."
        );
    }
}
