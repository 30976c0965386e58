//! What kind of input the program expects now ([`Mode`]), decided in one place from the
//! model. Every front end reads it: the terminal UI's key table says what keys mean in each
//! mode, the plain mode's command table what typed words mean, and the form whether a field
//! is typed or chosen from a list. A new screen or overlay gets its mode here, and the
//! compiler then lists the tables and matches that must learn it.

use super::{Form, Message, Model, Overlay, SaveState, Screen, SettingsState, Step};

/// The kind of input the program expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Typing in a text field of the form (first start or settings): the employee id, the
    /// start date.
    Text,
    /// Choosing from a list of the form: the language, the forvaltning, the role.
    List,
    /// The first-start answers, to save or to change.
    Summary,
    /// The module list.
    Home,
    /// Reading a lesson page.
    Lesson,
    /// Answering a quiz question.
    Quiz,
    /// The hand-in page: the questions, answered or not, before handing in.
    HandIn,
    /// The result, stored.
    Result,
    /// The result, not stored (storing failed; confirming tries again).
    ResultUnsaved,
    /// The review of the questions.
    Review,
    /// The settings list.
    Settings,
    /// »Mine resultater«, the learner's own attempts and receipts.
    MyResults,
    /// The help over a screen.
    Help,
    /// A yes/no question over a screen.
    Confirm,
    /// Reading the cited handbook section over a lesson page or a review.
    Source,
    /// The terminal is too small to show the screen: only quitting and the help act, so no
    /// key does something the learner cannot see.
    TooSmall,
}

impl Mode {
    /// Every mode, for tests and tables that go through them all.
    pub const ALL: [Mode; 16] = [
        Mode::Text,
        Mode::List,
        Mode::Summary,
        Mode::Home,
        Mode::Lesson,
        Mode::Quiz,
        Mode::HandIn,
        Mode::Result,
        Mode::ResultUnsaved,
        Mode::Review,
        Mode::Settings,
        Mode::MyResults,
        Mode::Help,
        Mode::Confirm,
        Mode::Source,
        Mode::TooSmall,
    ];
}

impl Step {
    /// How the step is answered: typed ([`Mode::Text`]), chosen from a list ([`Mode::List`]),
    /// or, for the summary, saved or changed ([`Mode::Summary`]).
    pub fn mode(self) -> Mode {
        match self {
            Step::EmployeeId | Step::StartDate => Mode::Text,
            Step::Language | Step::Forvaltning | Step::Role => Mode::List,
            Step::Summary => Mode::Summary,
        }
    }
}

impl SettingsState {
    /// The field of the selected line.
    pub fn field(&self) -> Step {
        Step::FIELDS[self.selected.min(Step::FIELDS.len() - 1)]
    }
}

impl Model {
    /// The input the program expects now: the help's over everything (it can be read on a
    /// terminal too small for the rest), then nothing but quit and help while the terminal is
    /// too small, then a dialog's over the screen's.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Some(Overlay::Help { .. }) => Mode::Help,
            _ if self.too_small => Mode::TooSmall,
            Some(Overlay::Confirm(_)) => Mode::Confirm,
            Some(Overlay::Source { .. }) => Mode::Source,
            None => self.screen_mode(),
        }
    }

    /// The input the screen expects, under any dialog or help.
    pub fn screen_mode(&self) -> Mode {
        match &self.screen {
            Screen::FirstStart(form) => form.step.mode(),
            Screen::Home => Mode::Home,
            Screen::Lesson(_) => Mode::Lesson,
            Screen::Quiz(_) => Mode::Quiz,
            Screen::HandIn(_) => Mode::HandIn,
            Screen::Result(r) => match r.save {
                SaveState::Failed(_) => Mode::ResultUnsaved,
                SaveState::Saving | SaveState::Stored { .. } => Mode::Result,
            },
            Screen::Review(_) => Mode::Review,
            Screen::Settings(s) if s.editing => s.field().mode(),
            Screen::Settings(_) => Mode::Settings,
            Screen::MyResults { .. } => Mode::MyResults,
        }
    }

    /// Whether `msg` would do nothing on this screen although its mode's keys and words send
    /// it, so that no footer, help or prompt offers it: going back from the first question of
    /// the first start, which has nothing before it.
    pub fn inert(&self, msg: &Message) -> bool {
        match (&self.screen, msg) {
            (Screen::FirstStart(form), Message::Back) => form.step == Step::FIELDS[0],
            _ => false,
        }
    }

    /// The form and the step being answered, at first start or in the settings (the field
    /// open for editing); `None` on every other screen.
    pub fn form_step(&self) -> Option<(&Form, Step)> {
        match &self.screen {
            Screen::FirstStart(form) => Some((form, form.step)),
            Screen::Settings(s) if s.editing => Some((&s.form, s.field())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_is_typed_chosen_or_the_summary() {
        let modes: Vec<Mode> = Step::FIELDS.iter().map(|s| s.mode()).collect();
        assert_eq!(
            modes,
            [Mode::List, Mode::Text, Mode::List, Mode::List, Mode::Text]
        );
        assert_eq!(Step::Summary.mode(), Mode::Summary);
    }
}
