//! The screen as the plain mode reads input for it: which kind of screen it is ([`Kind`],
//! what the command table is keyed by) and the data a typed line is checked against
//! ([`Context`]: the choices of a question, the items of a list, the text of a field).

use crate::app::{Form, Model, Overlay, SaveState, Screen, Step};
use crate::course::QuestionKind;
use crate::safe_text::sanitize;

/// What a typed line means on the screen as it stands, without the screen's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A typed answer: the employee id or the start date.
    Text,
    /// A choice from a list of the form: the language or the forvaltning.
    List,
    /// The first-start answers, to save or change.
    Summary,
    /// The module list.
    Home,
    /// A lesson page.
    Lesson,
    /// A quiz question.
    Quiz,
    /// A yes/no question.
    Confirm,
    /// The result, stored.
    Result,
    /// The result, not stored (saving failed).
    ResultUnsaved,
    /// The review of one question.
    Review,
    /// The settings list.
    Settings,
}

/// The screen as the parser and the prompt need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    /// A text field holding `current`.
    Text {
        /// The text as it stands (the suggestion, or the saved value).
        current: String,
    },
    /// A list of the form.
    List {
        /// The items, as shown.
        names: Vec<String>,
        /// The position of the item chosen now.
        current: usize,
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
        /// Whether the last question has an answer.
        last_answered: bool,
    },
    /// A yes/no question.
    Confirm,
    /// The result.
    Result {
        /// Whether the record is stored.
        stored: bool,
    },
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
}

impl Context {
    /// The context of the model as it stands.
    pub fn of(model: &Model) -> Context {
        let lang = model.lang();
        if let Some(Overlay::Confirm(_)) = model.overlay {
            return Context::Confirm;
        }
        match &model.screen {
            Screen::FirstStart(form) if form.step == Step::Summary => Context::Summary,
            Screen::FirstStart(form) => Context::of_field(form, form.step),
            Screen::Home => Context::Home {
                modules: model.courses.modules.len(),
                selected: model.home,
            },
            Screen::Lesson(s) => Context::Lesson {
                last: model
                    .courses
                    .modules
                    .get(s.module)
                    .is_none_or(|m| s.page + 1 >= m.module.lessons.len()),
            },
            Screen::Quiz(s) => {
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
                    last_answered: s.answers.last().is_some_and(|a| !a.is_empty()),
                }
            }
            Screen::Result(r) => Context::Result {
                stored: !matches!(r.save, SaveState::Failed(_)),
            },
            Screen::Review(r) => Context::Review {
                last: r.index + 1 >= r.result.attempt.items.len(),
            },
            Screen::Settings(s) if s.editing => Context::of_field(
                &s.form,
                Step::FIELDS[s.selected.min(Step::FIELDS.len() - 1)],
            ),
            Screen::Settings(_) => Context::Settings {
                fields: Step::FIELDS.len(),
            },
        }
    }

    /// The context of one field of the form.
    pub fn of_field(form: &Form, step: Step) -> Context {
        if step.is_list() {
            let names = form.choice_names(step);
            Context::List {
                names,
                current: form.list_selected(step),
            }
        } else {
            Context::Text {
                current: sanitize(form.text(step), true),
            }
        }
    }

    /// The kind of screen.
    pub fn kind(&self) -> Kind {
        match self {
            Context::Text { .. } => Kind::Text,
            Context::List { .. } => Kind::List,
            Context::Summary => Kind::Summary,
            Context::Home { .. } => Kind::Home,
            Context::Lesson { .. } => Kind::Lesson,
            Context::Quiz { .. } => Kind::Quiz,
            Context::Confirm => Kind::Confirm,
            Context::Result { stored: true } => Kind::Result,
            Context::Result { stored: false } => Kind::ResultUnsaved,
            Context::Review { .. } => Kind::Review,
            Context::Settings { .. } => Kind::Settings,
        }
    }
}
