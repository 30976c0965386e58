//! The learner journey without a terminal: the state of the program ([`Model`]), what can
//! happen to it ([`Message`]), how it changes ([`update`], pure), and what the outside world
//! must do in response ([`Effect`]). The terminal UI (`crate::tui`) and the plain line mode
//! both drive this same journey: they turn input into messages, perform effects through
//! [`runtime::Services`], and show the model each in their own way.
//!
//! Nothing here imports a terminal library. Time and randomness never enter `update`: an
//! effect asks for them, and their result comes back as a message.

pub mod courier;
pub mod delivery;
pub mod doc;
pub mod form;
pub mod hand_in;
pub mod mode;
pub mod my_results;
pub mod outbox;
pub mod quiz;
pub mod runtime;
pub mod seen;
pub mod session;
pub mod source;
pub mod status;
pub mod store;
pub mod texts;
mod update;
pub mod wrap;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::attempt::FinishedAttempt;
use crate::config::Config;
use crate::course::{CourseSet, Role};
use crate::lang::Lang;
use crate::quiz::Attempt;
use crate::verdict::CourseIndex;

pub use form::{Form, FormError, Step};
pub use hand_in::HandInState;
pub use mode::Mode;
pub use quiz::{Acceptance, QuizState, ResultState, ReviewState, SaveState};
pub use update::update;

/// Everything the interface shows and the journey needs to know.
#[derive(Debug, Clone)]
pub struct Model {
    /// The modules the learner is to take: the part of [`Model::catalogue`] for their role
    /// (`CourseSet::for_role`), made again when the role changes. Every screen's module index
    /// points into it.
    pub courses: CourseSet,
    /// The whole course set, whoever each module is for.
    pub catalogue: std::sync::Arc<CourseSet>,
    /// The configuration as last saved (or about to be saved).
    pub config: Config,
    /// The login name, offered as the employee id at first start.
    pub login: String,
    /// Today's date where the learner is, for due dates.
    pub today: Date,
    /// The learner's finished attempts, oldest first (as their log holds them).
    pub history: Vec<FinishedAttempt>,
    /// The completion receipt of each attempt of `history`, in the same order; `None` where
    /// the model was made without the log (screen samples, tests). Changed only through
    /// [`Model::remember`], which keeps the two aligned.
    pub receipts: Vec<Option<String>>,
    /// The course set as the verdict looks things up in it (built once: the courses do not
    /// change during a session), with the earlier versions the history holds.
    pub judge: std::sync::Arc<CourseIndex>,
    /// What is on screen.
    pub screen: Screen,
    /// A dialog or the help over the screen.
    pub overlay: Option<Overlay>,
    /// The module selected on the home screen (an index into `courses.modules`).
    pub home: usize,
    /// The size of the scrollable text area, as the interface last reported it.
    pub viewport: Viewport,
    /// Whether the terminal is too small to show the screen (the terminal UI says so; the
    /// plain mode never is).
    pub too_small: bool,
    /// A message for the learner that stays until the next screen change.
    pub notice: Option<Notice>,
    /// Per module id, the day its current version came into use here (see [`seen`]).
    pub version_since: std::collections::BTreeMap<String, Date>,
    /// What the learner must know about their log (a line moved aside, damage that stops
    /// new records), already in their language; shown on the home screen.
    pub log_notes: Vec<String>,
    /// Why results cannot be saved (the data folder cannot be written to), as the operating
    /// system says it; a quiz says so on its first screen.
    pub cannot_save: Option<String>,
}

/// The screens of the journey. Each holds the state that only it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The questions asked once, before anything else.
    FirstStart(Form),
    /// Every module with its status.
    Home,
    /// Reading a module's pages.
    Lesson(LessonState),
    /// Answering a drawn attempt.
    Quiz(QuizState),
    /// Before handing in: every question, answered or not, with a way back to each.
    HandIn(HandInState),
    /// Score, pass or fail, per-area shares and the receipt.
    Result(ResultState),
    /// Question by question: the learner's answer, the right one, feedback, explanation.
    Review(ReviewState),
    /// Changing the first-start answers later.
    Settings(SettingsState),
    /// »Mine resultater«: every finished attempt with its receipt, and how long each module
    /// is valid ([`my_results`]).
    MyResults {
        /// Lines scrolled down.
        scroll: usize,
    },
}

/// Where the learner is in a module's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonState {
    /// Index into `courses.modules`.
    pub module: usize,
    /// Index into the module's lessons.
    pub page: usize,
    /// Lines scrolled down from the top of the page.
    pub scroll: usize,
}

/// The settings list, and the field being edited if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsState {
    /// The values being edited (copied from the configuration when editing starts).
    pub form: Form,
    /// The selected line.
    pub selected: usize,
    /// Whether the selected field is open for editing.
    pub editing: bool,
}

/// Something shown over the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the current screen.
    Help {
        /// Lines scrolled down (the help scrolls on a small terminal).
        scroll: usize,
    },
    /// A yes/no question.
    Confirm(Confirm),
    /// The handbook section the lesson page or reviewed question cites, in its own words.
    Source {
        /// Lines scrolled down.
        scroll: usize,
    },
}

/// The yes/no questions the journey may ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Leave the quiz; nothing is recorded. Quit the program afterwards if `quit`.
    LeaveQuiz {
        /// Quit the program (rather than go home) on yes.
        quit: bool,
    },
    /// Hand in the quiz; the answers cannot be changed afterwards.
    HandIn {
        /// How many questions are unanswered (they count as wrong).
        unanswered: usize,
    },
    /// Leave a result that could not be stored.
    DiscardUnsaved(AfterDiscard),
}

/// Where to go after discarding an unstored result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterDiscard {
    /// Back to the home screen.
    Home,
    /// A new attempt at the same module.
    Retry,
    /// Quit the program.
    Quit,
}

/// A message for the learner, rendered in the current language when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The settings were saved.
    Saved,
    /// The configuration could not be saved (why).
    ConfigFailed(String),
    /// The module has no questions to draw.
    NoQuestions,
    /// Results cannot be saved (the operating system's reason); shown as a quiz starts.
    CannotSave(String),
    /// The module waits until the onboarding is passed.
    WaitsForOnboarding,
}

impl Notice {
    /// The notice in the learner's language.
    pub fn text(&self, lang: Lang) -> String {
        let t = texts::texts(lang);
        match self {
            Notice::Saved => t.saved.to_owned(),
            Notice::ConfigFailed(why) => texts::config_failed(lang, why),
            Notice::NoQuestions => t.no_questions.to_owned(),
            Notice::CannotSave(why) => texts::cannot_save(lang, why),
            Notice::WaitsForOnboarding => lang
                .pick(
                    "Det modul venter, til du har bestået introduktionen. Tag introduktionen først.",
                    "That module waits until you have passed the onboarding. Take the onboarding first.",
                )
                .to_owned(),
        }
    }
}

/// The width and height of the interface's scrollable text area, in columns and lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    /// Columns.
    pub width: u16,
    /// Lines.
    pub height: u16,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            width: 76,
            height: 18,
        }
    }
}

/// What can happen: a learner's intent (from a key or a typed line) or the outcome of an
/// effect. Keys are mapped to these in `tui::keymap`; the plain mode maps typed lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Move the selection up, or scroll up.
    Up,
    /// Move the selection down, or scroll down.
    Down,
    /// Scroll a page up.
    PageUp,
    /// Scroll a page down.
    PageDown,
    /// To the first item or the top.
    First,
    /// To the last item or the bottom.
    Last,
    /// Previous page or question.
    Prev,
    /// Next page or question.
    Next,
    /// Choose the item at this display position (0-based): a digit key.
    Pick(usize),
    /// Set the current question's answer to exactly these display positions (0-based).
    Answer(Vec<usize>),
    /// Toggle the item under the cursor: Space.
    Toggle,
    /// Confirm, go on: Enter.
    Confirm,
    /// Go back: Esc.
    Back,
    /// Quit the program (asks first during a quiz).
    Quit,
    /// Answer yes to the open question.
    Yes,
    /// Answer no to the open question.
    No,
    /// Show or hide the help.
    Help,
    /// Show the text of the handbook section the page or question cites.
    ShowSource,
    /// Switch between Danish and English, and remember it.
    ToggleLanguage,
    /// Open the settings.
    OpenSettings,
    /// Open »Mine resultater«, the learner's own attempts and receipts.
    OpenMyResults,
    /// Go to the quiz of the current module without reading further.
    StartQuiz,
    /// Hand in the quiz: from a question, to the hand-in page; there, ask to hand in.
    HandIn,
    /// Take the quiz of the result again at once (after a failure, or for practice).
    Retry,
    /// A typed character in a text field.
    Input(char),
    /// Delete the character before the cursor of a text field.
    Backspace,
    /// Move the cursor of a text field, or delete around it.
    Edit(form::Edit),
    /// Replace a text field's whole text (the plain mode, which reads a line at a time).
    SetText(String),
    /// The scrollable text area now has this size.
    Resize(Viewport),
    /// The terminal is now too small to show the screen (`true`), or big enough again.
    TooSmall(bool),
    /// An attempt was drawn (answer to [`Effect::DrawAttempt`]).
    AttemptReady {
        /// The drawn questions.
        attempt: Attempt,
        /// When the quiz started.
        started: Timestamp,
    },
    /// The record was stored (answer to [`Effect::SaveRecord`]).
    RecordStored {
        /// The completion receipt to show (grouped hex of the record's hash).
        receipt: String,
        /// The attempt as it was stored, with its finish time (boxed: it is the largest
        /// payload of any message).
        attempt: Box<FinishedAttempt>,
        /// Why the copy to the collection folder failed, if it did.
        copy_problem: Option<String>,
        /// Why the record is not in the Learning Record Store yet, if it is not.
        send_problem: Option<String>,
    },
    /// Something the learner should know of work done in the background (records sent to a
    /// Learning Record Store at start did not arrive), in their language; shown on the home
    /// screen.
    Background(String),
    /// The record could not be stored (why).
    RecordFailed(String),
    /// The configuration was saved (answer to [`Effect::SaveConfig`]).
    ConfigSaved,
    /// The configuration could not be saved (why).
    ConfigFailed(String),
}

/// What `update` asks the outside world to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the configuration; answer with [`Message::ConfigSaved`] or [`Message::ConfigFailed`].
    /// (Boxed: a configuration is large beside the other effects.)
    SaveConfig(Box<Config>),
    /// Draw an attempt of this module (randomness and the clock live outside); answer with
    /// [`Message::AttemptReady`].
    DrawAttempt {
        /// The module's id.
        module: String,
    },
    /// Store the record of a finished attempt, after setting its finish time from the clock
    /// (`update` has none, so until then it is the start time); answer with
    /// [`Message::RecordStored`] or [`Message::RecordFailed`].
    SaveRecord(FinishedAttempt),
    /// End the program.
    Quit,
}

impl Model {
    /// A model at the start of the program: the first-start questions if the configuration
    /// has no learner yet, else the home screen with the next thing to do selected. `courses`
    /// is the whole set; the learner takes the part for their role.
    pub fn new(
        courses: CourseSet,
        config: Config,
        history: Vec<FinishedAttempt>,
        today: Date,
        login: &str,
    ) -> Model {
        let screen = if config.learner.is_some() {
            Screen::Home
        } else {
            Screen::FirstStart(Form::first_start(&config, login, today))
        };
        let judge = std::sync::Arc::new(CourseIndex::for_learner(&courses, &history));
        let receipts = vec![None; history.len()];
        let mut model = Model {
            courses: CourseSet::default(),
            catalogue: std::sync::Arc::new(courses),
            config,
            login: login.to_owned(),
            today,
            history,
            receipts,
            judge,
            version_since: std::collections::BTreeMap::new(),
            screen,
            overlay: None,
            home: 0,
            viewport: Viewport::default(),
            too_small: false,
            notice: None,
            log_notes: Vec::new(),
            cannot_save: None,
        };
        model.take_role();
        model
    }

    /// The learner's role (an employee until the first-start questions are answered).
    pub fn role(&self) -> Role {
        self.config
            .learner
            .as_ref()
            .map_or(Role::default(), |l| l.role)
    }

    /// Makes the modules the learner takes those for their role, and selects the next thing
    /// to do among them; called at the start and whenever the role may have changed.
    pub(crate) fn take_role(&mut self) {
        self.courses = self.catalogue.for_role(self.role());
        self.home = self.next_module().unwrap_or(0);
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.config.language
    }

    /// The status of every module, in the order of `courses.modules`.
    pub fn statuses(&self) -> Vec<crate::schedule::Status> {
        status::statuses(
            &self.courses,
            &self.judge,
            &self.history,
            &self.config,
            &self.version_since,
            self.today,
        )
    }

    /// The module to take next: the most urgent one not currently passed.
    pub fn next_module(&self) -> Option<usize> {
        status::next_module(&self.statuses())
    }

    /// How many modules are currently passed, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        let statuses = self.statuses();
        let passed = statuses
            .iter()
            .filter(|s| matches!(s.state, crate::schedule::State::Passed { .. }))
            .count();
        (passed, statuses.len())
    }

    /// Adds a stored attempt and its receipt to the learner's history.
    pub fn remember(&mut self, attempt: FinishedAttempt, receipt: String) {
        self.receipts.resize(self.history.len(), None);
        self.history.push(attempt);
        self.receipts.push(Some(receipt));
    }

    /// What the learner's history says about each question and area, for the adaptive draw.
    pub fn knowledge(&self) -> crate::quiz::Knowledge {
        crate::quiz::Knowledge::from_history(&self.history)
    }
}
