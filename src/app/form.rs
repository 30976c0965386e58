//! The learner's details as a form: asked step by step at first start, and one field at a
//! time in the settings. Both use the same steps and the same checks.

use jiff::civil::Date;

use super::texts;
use super::{Message, Mode};
use crate::config::{self, Config, Learner};
use crate::course::Role;
use crate::lang::Lang;
use crate::safe_text::sanitize;

mod date;
mod error;
mod line;

pub use date::parse_date;
pub use error::FormError;
pub use line::Edit;

/// Typed text is capped here; longer input is never a valid id or date.
const MAX_INPUT_CHARS: usize = 80;

/// One question of the form; at first start they come in this order, then the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The interface language (asked first, so the rest is asked in it).
    Language,
    /// The employee id, typed.
    EmployeeId,
    /// The forvaltning, from a list.
    Forvaltning,
    /// Whether the learner is a manager, from a list.
    Role,
    /// The start date, typed.
    StartDate,
    /// All answers, to confirm (first start only).
    Summary,
}

impl Step {
    /// The fields of the form, in the order they are asked.
    pub const FIELDS: [Step; 5] = [
        Step::Language,
        Step::EmployeeId,
        Step::Forvaltning,
        Step::Role,
        Step::StartDate,
    ];

    /// The field's label.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = texts::texts(lang);
        match self {
            Step::Language => t.field_language,
            Step::EmployeeId => t.field_employee_id,
            Step::Forvaltning => t.field_forvaltning,
            Step::Role => t.field_role,
            Step::StartDate => t.field_start_date,
            Step::Summary => t.summary_title,
        }
    }

    /// The question the step asks.
    pub fn question(self, lang: Lang) -> &'static str {
        let t = texts::texts(lang);
        match self {
            Step::Language => t.ask_language,
            Step::EmployeeId => t.ask_employee_id,
            Step::Forvaltning => t.ask_forvaltning,
            Step::Role => t.ask_role,
            Step::StartDate => t.ask_start_date,
            Step::Summary => t.summary_intro,
        }
    }

    fn next(self) -> Step {
        match self {
            Step::Language => Step::EmployeeId,
            Step::EmployeeId => Step::Forvaltning,
            Step::Forvaltning => Step::Role,
            Step::Role => Step::StartDate,
            Step::StartDate | Step::Summary => Step::Summary,
        }
    }

    fn prev(self) -> Step {
        match self {
            Step::Language | Step::EmployeeId => Step::Language,
            Step::Forvaltning => Step::EmployeeId,
            Step::Role => Step::Forvaltning,
            Step::StartDate => Step::Role,
            Step::Summary => Step::StartDate,
        }
    }
}

/// The answers being given, and the step being asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The step on screen.
    pub step: Step,
    /// The chosen language.
    pub language: Lang,
    /// The employee id as typed.
    pub employee_id: String,
    /// The forvaltninger to choose from.
    pub forvaltninger: Vec<String>,
    /// The chosen forvaltning (index into `forvaltninger`); none until the learner chooses,
    /// so no one is filed under a forvaltning they did not pick.
    pub forvaltning: Option<usize>,
    /// The chosen role; none until the learner chooses, so no one is made a manager (or
    /// spared a managers' module) by a default.
    pub role: Option<Role>,
    /// The start date as typed.
    pub start_date: String,
    /// Today, to check the start date against.
    pub today: Date,
    /// Why the last answer was not accepted.
    pub error: Option<FormError>,
    /// Where the cursor of the text field is, in characters from the end of its text (so it
    /// stays valid when the text is replaced: 0 is the end).
    pub cursor_back: usize,
    /// Whether the employee id was suggested from the login name (and so may be said so).
    pub suggested: bool,
}

/// What a message did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still on the same step (or moved within the form).
    Stay,
    /// The current step was answered and accepted.
    Accepted,
    /// Esc on a step with nothing before it.
    Cancelled,
}

impl Form {
    /// The form at first start: the configured language, the login name as the id, no
    /// forvaltning (the learner chooses) and today as the start date.
    pub fn first_start(config: &Config, login: &str, today: Date) -> Form {
        let mut form = Form::from_config(config, today);
        form.employee_id = config::id_from_login(login);
        form.suggested = !form.employee_id.is_empty();
        form.start_date = today.to_string();
        form.step = Step::Language;
        form
    }

    /// The form holding the configuration's current values.
    pub fn from_config(config: &Config, today: Date) -> Form {
        let forvaltninger = config.forvaltninger();
        let learner = config.learner.as_ref();
        let forvaltning =
            learner.and_then(|l| forvaltninger.iter().position(|f| *f == l.forvaltning));
        Form {
            step: Step::Language,
            language: config.language,
            employee_id: learner.map(|l| l.employee_id.clone()).unwrap_or_default(),
            forvaltninger,
            forvaltning,
            role: learner.map(|l| l.role),
            start_date: learner.map_or_else(|| today.to_string(), |l| l.start_date.to_string()),
            today,
            error: None,
            cursor_back: 0,
            suggested: false,
        }
    }

    /// The question of a step as asked now: the employee id's says it was suggested only
    /// when it was.
    pub fn question(&self, step: Step, lang: Lang) -> &'static str {
        match step {
            Step::EmployeeId if !self.suggested => lang.pick(
                "Hvad er dit medarbejdernummer?",
                "What is your employee id?",
            ),
            _ => step.question(lang),
        }
    }

    /// The cursor of a text step, in characters from the start of its text.
    pub fn cursor(&self, step: Step) -> usize {
        let len = self.text(step).chars().count();
        len - self.cursor_back.min(len)
    }

    /// The number of items of a list step.
    pub fn list_len(&self, step: Step) -> usize {
        match step {
            Step::Language => 2,
            Step::Forvaltning => self.forvaltninger.len(),
            Step::Role => Role::ALL.len(),
            _ => 0,
        }
    }

    /// The selected item of a list step, if one is chosen.
    pub fn list_selected(&self, step: Step) -> Option<usize> {
        match step {
            Step::Language => Some(match self.language {
                Lang::Da => 0,
                Lang::En => 1,
            }),
            Step::Forvaltning => self.forvaltning,
            Step::Role => self
                .role
                .and_then(|r| Role::ALL.iter().position(|x| *x == r)),
            _ => None,
        }
    }

    fn set_selected(&mut self, step: Step, i: usize) {
        match step {
            Step::Language => {
                self.language = if i == 0 { Lang::Da } else { Lang::En };
            }
            Step::Forvaltning if i < self.forvaltninger.len() => self.forvaltning = Some(i),
            Step::Role => {
                if let Some(role) = Role::ALL.get(i) {
                    self.role = Some(*role);
                }
            }
            _ => {}
        }
    }

    /// The typed text of a text step.
    pub fn text(&self, step: Step) -> &str {
        match step {
            Step::EmployeeId => &self.employee_id,
            Step::StartDate => &self.start_date,
            _ => "",
        }
    }

    fn text_mut(&mut self, step: Step) -> Option<&mut String> {
        match step {
            Step::EmployeeId => Some(&mut self.employee_id),
            Step::StartDate => Some(&mut self.start_date),
            _ => None,
        }
    }

    /// Checks the answer of one step.
    pub fn check(&self, step: Step) -> Result<(), FormError> {
        match step {
            Step::EmployeeId => {
                config::check_employee_id(self.employee_id.trim()).map_err(FormError::Id)
            }
            Step::StartDate => parse_date(&self.start_date, self.today).map(|_| ()),
            Step::Forvaltning => self
                .forvaltning
                .filter(|i| *i < self.forvaltninger.len())
                .map(|_| ())
                .ok_or(FormError::NoForvaltning),
            Step::Role => self.role.map(|_| ()).ok_or(FormError::NoRole),
            Step::Language | Step::Summary => Ok(()),
        }
    }

    /// The learner the form describes, if every answer is accepted.
    pub fn learner(&self) -> Result<Learner, FormError> {
        config::check_employee_id(self.employee_id.trim()).map_err(FormError::Id)?;
        let forvaltning = self
            .forvaltning
            .and_then(|i| self.forvaltninger.get(i))
            .ok_or(FormError::NoForvaltning)?;
        Ok(Learner {
            employee_id: self.employee_id.trim().to_owned(),
            forvaltning: forvaltning.clone(),
            start_date: parse_date(&self.start_date, self.today)?,
            role: self.role.ok_or(FormError::NoRole)?,
        })
    }

    /// The choices of a list question as the learner reads them: the languages (each in its
    /// own name), the roles, or the forvaltninger (display-safe).
    pub fn choice_names(&self, step: Step) -> Vec<String> {
        match step {
            Step::Language => [Lang::Da, Lang::En]
                .iter()
                .map(|l| texts::texts(*l).language_name.to_owned())
                .collect(),
            Step::Role => Role::ALL
                .iter()
                .map(|r| texts::role_name(self.language, *r).to_owned())
                .collect(),
            _ => self
                .forvaltninger
                .iter()
                .map(|f| sanitize(f, true))
                .collect(),
        }
    }

    /// The values as the learner reads them, in the order of [`Step::FIELDS`]: the language's
    /// name, the id, the forvaltning, the role and the start date written out (as typed if
    /// unreadable).
    pub fn field_values(&self, lang: Lang) -> Vec<String> {
        vec![
            texts::texts(self.language).language_name.to_owned(),
            sanitize(self.employee_id.trim(), true),
            self.forvaltning
                .and_then(|i| self.forvaltninger.get(i))
                .map(|f| sanitize(f, true))
                .unwrap_or_default(),
            self.role
                .map(|r| texts::role_name(lang, r).to_owned())
                .unwrap_or_default(),
            parse_date(&self.start_date, self.today).map_or_else(
                |_| sanitize(&self.start_date, true),
                |d| texts::date(lang, d),
            ),
        ]
    }

    /// Handles a message on `step` (the step of the first-start wizard, or the settings field
    /// being edited).
    pub fn handle(&mut self, step: Step, msg: &Message) -> Outcome {
        match msg {
            Message::Confirm => match self.check(step) {
                Ok(()) => {
                    self.error = None;
                    return Outcome::Accepted;
                }
                Err(e) => self.error = Some(e),
            },
            Message::Back => return Outcome::Cancelled,
            _ => match step.mode() {
                Mode::List => self.choose(step, msg),
                Mode::Text => self.type_in(step, msg),
                // The summary takes only Confirm and Back (`Step::mode` gives no other mode).
                _ => {}
            },
        }
        Outcome::Stay
    }

    /// Moves the choice of a list step.
    fn choose(&mut self, step: Step, msg: &Message) {
        let len = self.list_len(step);
        let selected = self.list_selected(step);
        // With nothing chosen yet, either arrow starts at the top.
        let up = selected.map_or(0, |s| s.saturating_sub(1));
        let down = selected.map_or(0, |s| (s + 1).min(len.saturating_sub(1)));
        match msg {
            Message::Up => self.set_selected(step, up),
            Message::Down => self.set_selected(step, down),
            Message::First => self.set_selected(step, 0),
            Message::Last => self.set_selected(step, len.saturating_sub(1)),
            Message::Pick(i) if *i < len => self.set_selected(step, *i),
            Message::Toggle if step == Step::Language => {
                self.set_selected(step, 1 - selected.unwrap_or(0));
            }
            _ => {}
        }
    }

    /// Edits the text of a text step at its cursor. Nothing is dropped silently: a character
    /// the field cannot hold is kept, and refused with a word when the answer is checked.
    fn type_in(&mut self, step: Step, msg: &Message) {
        let at = self.cursor(step);
        let Some(text) = self.text_mut(step) else {
            return;
        };
        let chars: Vec<char> = text.chars().collect();
        let at = at.min(chars.len());
        let Some((chars, at)) = line::edit(chars, at, msg, MAX_INPUT_CHARS) else {
            return;
        };
        *text = chars.iter().collect();
        self.cursor_back = chars.len() - at;
        self.error = None;
    }

    /// Handles a message in the first-start wizard; returns the learner once the summary is
    /// confirmed.
    pub fn handle_first_start(&mut self, msg: &Message) -> Option<Learner> {
        if self.step == Step::Summary {
            match msg {
                Message::Confirm => match self.learner() {
                    Ok(learner) => return Some(learner),
                    Err(e) => {
                        // Cannot happen after the steps' checks, but go back to the field
                        // rather than store a bad value.
                        self.error = Some(e);
                        self.step = match e {
                            FormError::Id(_) => Step::EmployeeId,
                            FormError::NoForvaltning => Step::Forvaltning,
                            FormError::NoRole => Step::Role,
                            FormError::DateUnreadable
                            | FormError::DateNotExists
                            | FormError::DateRange => Step::StartDate,
                        };
                    }
                },
                Message::Back => self.step = Step::StartDate,
                _ => {}
            }
            return None;
        }
        match self.handle(self.step, msg) {
            Outcome::Accepted => {
                self.step = self.step.next();
                self.cursor_back = 0;
            }
            Outcome::Cancelled => {
                self.error = None;
                self.step = self.step.prev();
                self.cursor_back = 0;
            }
            Outcome::Stay => {}
        }
        None
    }
}

#[cfg(test)]
mod tests;
