//! The screen as the plain mode reads input for it ([`Context`]): the model's input mode
//! ([`Mode`], decided by the model; what the command table is keyed by) with the data a typed
//! line is checked against (the choices of a question, the items of a list, the text of a
//! field).

use crate::app::{Form, Mode, Model, Screen, Step};
use crate::course::QuestionKind;
use crate::safe_text::sanitize;

/// The screen as the parser and the prompt need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    /// A text field holding `current`.
    Text {
        /// The text as it stands (the suggestion, or the saved value), display-safe.
        current: String,
        /// Whether it was just refused (then it is not offered to keep).
        refused: bool,
    },
    /// A list of the form.
    List {
        /// The items, as shown.
        names: Vec<String>,
        /// The position of the item chosen now, if one is.
        current: Option<usize>,
    },
    /// The first-start summary.
    Summary,
    /// The module list.
    Home {
        /// How many modules there are.
        modules: usize,
        /// The module Enter opens (the next one to take).
        selected: usize,
    },
    /// A lesson page.
    Lesson {
        /// Whether it is the module's last page.
        last: bool,
    },
    /// A quiz question.
    Quiz {
        /// Single, multiple or true/false.
        kind: QuestionKind,
        /// The choices in display order, as shown.
        choices: Vec<String>,
        /// The question's position in the attempt (0-based).
        index: usize,
        /// The number of questions.
        count: usize,
    },
    /// The hand-in page.
    HandIn {
        /// The number of questions.
        count: usize,
    },
    /// A yes/no question.
    Confirm,
    /// The cited handbook section.
    Source,
    /// The result, stored.
    Result,
    /// The result, not stored (saving failed).
    ResultUnsaved,
    /// The review.
    Review {
        /// Whether it is the last question.
        last: bool,
    },
    /// The settings list.
    Settings {
        /// The number of fields.
        fields: usize,
    },
    /// »Mine resultater«.
    MyResults,
}

impl Context {
    /// The context of the model as it stands.
    pub fn of(model: &Model) -> Context {
        Context::in_mode(model, model.mode())
    }

    /// The context of the model in `mode`, with the data the mode reads input against.
    fn in_mode(model: &Model, mode: Mode) -> Context {
        match mode {
            Mode::Text | Mode::List | Mode::Summary => {
                model.form_step().map_or(Context::Summary, |(form, step)| {
                    Context::of_field(form, step)
                })
            }
            Mode::Home => Context::Home {
                modules: model.courses.modules.len(),
                selected: model.home,
            },
            Mode::Lesson => Context::Lesson {
                last: match &model.screen {
                    Screen::Lesson(s) => model
                        .courses
                        .modules
                        .get(s.module)
                        .is_none_or(|m| s.page + 1 >= m.module.lessons.len()),
                    _ => true,
                },
            },
            Mode::Quiz => Context::quiz(model),
            Mode::HandIn => Context::HandIn {
                count: match &model.screen {
                    Screen::HandIn(s) => s.quiz.answers.len(),
                    _ => 0,
                },
            },
            Mode::Result => Context::Result,
            Mode::ResultUnsaved => Context::ResultUnsaved,
            Mode::Review => Context::Review {
                last: match &model.screen {
                    Screen::Review(r) => r.index + 1 >= r.result.attempt.items.len(),
                    _ => true,
                },
            },
            Mode::Settings => Context::Settings {
                fields: Step::FIELDS.len(),
            },
            Mode::Confirm => Context::Confirm,
            Mode::Source => Context::Source,
            Mode::MyResults => Context::MyResults,
            // The plain mode prints its help rather than opening it over the screen; a help
            // opened all the same is read through to the screen under it (never a help).
            // The plain mode is never too small; a model that says so all the same is read
            // through to its screen too.
            Mode::Help | Mode::TooSmall => Context::in_mode(model, model.screen_mode()),
        }
    }

    /// The question on screen with its choices as shown.
    fn quiz(model: &Model) -> Context {
        let lang = model.lang();
        let Screen::Quiz(s) = &model.screen else {
            return Context::Quiz {
                kind: QuestionKind::Single,
                choices: Vec::new(),
                index: 0,
                count: 0,
            };
        };
        let (kind, choices) = model
            .courses
            .modules
            .get(s.module)
            .and_then(|m| s.current_question(m))
            .map_or((QuestionKind::Single, Vec::new()), |(q, order)| {
                let names = order
                    .iter()
                    .filter_map(|&c| q.choices.get(c))
                    .map(|c| sanitize(c.text.get(lang), true))
                    .collect();
                (q.kind, names)
            });
        Context::Quiz {
            kind,
            choices,
            index: s.current,
            count: s.attempt.items.len(),
        }
    }

    /// The context of one step of the form: its list, its text field, or the summary.
    pub fn of_field(form: &Form, step: Step) -> Context {
        match step.mode() {
            Mode::List => Context::List {
                names: form.choice_names(step),
                current: form.list_selected(step),
            },
            Mode::Text => Context::Text {
                current: sanitize(form.text(step), true),
                refused: form.error.is_some(),
            },
            // The summary; a step has no other mode.
            _ => Context::Summary,
        }
    }

    /// The input mode the context reads.
    pub fn mode(&self) -> Mode {
        match self {
            Context::Text { .. } => Mode::Text,
            Context::List { .. } => Mode::List,
            Context::Summary => Mode::Summary,
            Context::Home { .. } => Mode::Home,
            Context::Lesson { .. } => Mode::Lesson,
            Context::Quiz { .. } => Mode::Quiz,
            Context::HandIn { .. } => Mode::HandIn,
            Context::Confirm => Mode::Confirm,
            Context::Source => Mode::Source,
            Context::Result => Mode::Result,
            Context::ResultUnsaved => Mode::ResultUnsaved,
            Context::Review { .. } => Mode::Review,
            Context::Settings { .. } => Mode::Settings,
            Context::MyResults => Mode::MyResults,
        }
    }
}
