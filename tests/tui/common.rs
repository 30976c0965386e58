//! Shared parts of the terminal UI tests: the fixture courses, services with a fixed clock, a
//! seeded random source and temporary folders, and helpers that walk the journey by messages.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use bevidst::app::runtime::{Flow, RecordStore, Services, Stored, dispatch};
use bevidst::app::store::LogStore;
use bevidst::app::{Message, Model, Screen};
use bevidst::attempt::FinishedAttempt;
use bevidst::config::{self, Config};
use bevidst::course::CourseSet;
use bevidst::record::LearnerLog;
use bevidst::tui::Theme;
use jiff::Timestamp;
use jiff::civil::{Date, date};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tempfile::TempDir;

/// The day every test lives on.
pub const TODAY: Date = date(2025, 11, 28);

/// The fixture courses: an onboarding module made for these tests, and the format example
/// (a refresher).
pub fn courses() -> CourseSet {
    let intro = include_str!("../fixtures/tui/intro.ron");
    let example = include_str!("../fixtures/valid/eksempel.ron");
    CourseSet::from_sources([
        ("intro.ron".to_owned(), intro.as_bytes()),
        ("eksempel.ron".to_owned(), example.as_bytes()),
    ])
    .expect("the fixture courses are valid")
}

/// Services for tests: a clock that moves a minute per reading, a seeded random source, the
/// configuration in a temporary folder and any record store.
pub struct TestServices<S> {
    pub clock: Cell<i64>,
    pub rng: ChaCha8Rng,
    pub config_dir: PathBuf,
    pub store: S,
    pub configs_saved: usize,
}

impl<S: RecordStore> Services for TestServices<S> {
    type Rng = ChaCha8Rng;

    fn now(&self) -> Timestamp {
        let t = self.clock.get();
        self.clock.set(t + 60);
        Timestamp::from_second(t).expect("test times are in range")
    }

    fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }

    fn save_config(&mut self, config: &Config) -> Result<(), config::ConfigError> {
        self.configs_saved += 1;
        config::save(&self.config_dir, config)
    }

    fn save_record(
        &mut self,
        attempt: &FinishedAttempt,
    ) -> Result<Stored, bevidst::record::RecordError> {
        self.store.append(attempt)
    }
}

/// A temporary folder with the configuration and data folders, and services on them.
pub struct Env {
    pub dir: TempDir,
    pub services: TestServices<LogStore>,
}

impl Env {
    /// Fresh folders, the learner's log created in `data/`, and the random source seeded.
    pub fn new(seed: u64) -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let log_path = dir.path().join("data").join("log.ron");
        let (log, _) =
            LearnerLog::open(&log_path, &mut ChaCha8Rng::seed_from_u64(99)).expect("open log");
        let services = TestServices {
            // 2025-11-28T09:00:00Z
            clock: Cell::new(1_764_320_400),
            rng: ChaCha8Rng::seed_from_u64(seed),
            config_dir: dir.path().join("config"),
            store: LogStore {
                log,
                collect_dir: None,
                delivery: bevidst::app::delivery::Delivery::Off,
            },
            configs_saved: 0,
        };
        Env { dir, services }
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.path().join("data").join("log.ron")
    }

    pub fn config_dir(&self) -> &Path {
        &self.services.config_dir
    }

    /// Sends messages one after another; returns the flow after the last.
    pub fn send(&mut self, model: &mut Model, msgs: &[Message]) -> Flow {
        let mut flow = Flow::Continue;
        for m in msgs {
            flow = dispatch(model, m.clone(), &mut self.services);
        }
        flow
    }
}

/// The records in the learner's log.
pub fn records(env: &Env) -> Vec<bevidst::record::CompletionRecord> {
    let (log, _) = LearnerLog::open(&env.log_path(), &mut ChaCha8Rng::seed_from_u64(0))
        .expect("the log opens");
    log.records().to_vec()
}

/// A model at first start on the fixture courses.
pub fn new_model() -> Model {
    Model::new(
        courses(),
        Config::default(),
        Vec::new(),
        TODAY,
        "jens hansen",
    )
}

/// Types `text` into the current text field after clearing it.
pub fn typed(text: &str) -> Vec<Message> {
    let mut msgs = vec![Message::Backspace; 80];
    msgs.extend(text.chars().map(Message::Input));
    msgs
}

/// Answers the first-start questions: Danish, `ab12`, Økonomiforvaltningen, no personnel
/// responsibility, 20 November 2025.
pub fn first_start(model: &mut Model, env: &mut Env) {
    let mut msgs = vec![Message::Confirm];
    msgs.extend(typed("ab12"));
    msgs.extend([Message::Confirm, Message::Pick(6), Message::Confirm]);
    msgs.extend([Message::Pick(0), Message::Confirm]);
    msgs.extend(typed("2025-11-20"));
    msgs.extend([Message::Confirm, Message::Confirm]);
    env.send(model, &msgs);
    assert_eq!(model.screen, Screen::Home, "the first start is done");
}

/// The display positions of the right choices of the question on screen.
pub fn right_positions(model: &Model) -> (Vec<usize>, Vec<usize>) {
    let Screen::Quiz(q) = &model.screen else {
        panic!("not on the quiz: {:?}", model.screen);
    };
    let module = &model.courses.modules[q.module].module;
    let item = &q.attempt.items[q.current];
    let question = &module.questions[item.question];
    let (right, wrong): (Vec<usize>, Vec<usize>) =
        (0..item.order.len()).partition(|&pos| question.choices[item.order[pos]].correct);
    (right, wrong)
}

/// Answers every question of the quiz on screen, all right or all wrong, with Enter after
/// each; stops on the hand-in page.
pub fn answer_questions(model: &mut Model, env: &mut Env, right: bool) {
    while let Screen::Quiz(_) = &model.screen {
        if model.overlay.is_some() {
            break;
        }
        let (good, bad) = right_positions(model);
        let chosen = if right { good } else { vec![bad[0]] };
        env.send(model, &[Message::Answer(chosen), Message::Confirm]);
    }
}

/// Answers every question of the quiz on screen, all right or all wrong, and hands it in
/// from the hand-in page.
pub fn answer_all(model: &mut Model, env: &mut Env, right: bool) {
    answer_questions(model, env, right);
    assert!(
        matches!(model.screen, Screen::HandIn(_)),
        "the last question leads to the hand-in page: {:?}",
        model.screen
    );
    env.send(model, &[Message::HandIn, Message::Yes]);
}

/// Opens the onboarding module from home, reads both pages and starts its quiz.
pub fn to_quiz(model: &mut Model, env: &mut Env) {
    env.send(
        model,
        &[
            Message::First,
            Message::Confirm,
            Message::Next,
            Message::Confirm,
        ],
    );
    assert!(
        matches!(model.screen, Screen::Quiz(_)),
        "{:?}",
        model.screen
    );
}

/// Draws `model` on a test terminal of `width`×`height`.
pub fn render(model: &Model, theme: Theme, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| bevidst::tui::view::view(model, theme, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer's text, one line per row, trailing spaces removed; a wide character's hidden
/// second cell is skipped.
pub fn text(buffer: &Buffer) -> String {
    bevidst::tui::buffer_text(buffer)
}

/// The row of the buffer whose text contains `needle`.
pub fn row_with(buffer: &Buffer, needle: &str) -> u16 {
    let all = text(buffer);
    let index = all
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row contains {needle:?}:\n{all}"));
    u16::try_from(index).expect("rows fit in u16")
}

/// The column where `needle` starts in a row (in cells).
pub fn column_of(buffer: &Buffer, y: u16, needle: &str) -> u16 {
    let area = buffer.area;
    let first = needle.chars().next().expect("non-empty needle").to_string();
    (area.left()..area.right())
        .find(|&x| buffer[(x, y)].symbol() == first)
        .unwrap_or_else(|| panic!("{needle:?} not in row {y}"))
}

/// Moves the quiz on screen to its first question of `kind`.
pub fn go_to_kind(model: &mut Model, env: &mut Env, kind: bevidst::course::QuestionKind) {
    for _ in 0..10 {
        let Screen::Quiz(q) = &model.screen else {
            panic!("not on the quiz");
        };
        let module = &model.courses.modules[q.module].module;
        if module.questions[q.attempt.items[q.current].question].kind == kind {
            return;
        }
        env.send(model, &[Message::Next]);
    }
    panic!("the quiz has no {kind:?} question");
}

/// A fixed receipt, so snapshots do not change with the program version (which the record,
/// and so its hash, contains).
fn fixed_receipt(model: &mut Model) {
    let save = match &mut model.screen {
        Screen::Result(r) => &mut r.save,
        Screen::Review(r) => &mut r.result.save,
        _ => return,
    };
    if let bevidst::app::SaveState::Stored { receipt, .. } = save {
        "7F3A-91C2-0B4D".clone_into(receipt);
    }
}

/// The first-start questions, each with its notable states; returns the model at the summary.
fn first_start_states(env: &mut Env, out: &mut Vec<(&'static str, Model)>) -> Model {
    let mut m = new_model();
    out.push(("first_start_language", m.clone()));
    env.send(&mut m, &[Message::Confirm]);
    out.push(("first_start_employee_id", m.clone()));
    let mut bad = m.clone();
    env.send(&mut bad, &typed("ab 12"));
    env.send(&mut bad, &[Message::Confirm]);
    out.push(("first_start_employee_id_refused", bad));
    env.send(&mut m, &typed("ab12"));
    env.send(&mut m, &[Message::Confirm]);
    // Nothing is chosen for the learner; Enter alone is refused.
    let mut none = m.clone();
    env.send(&mut none, &[Message::Confirm]);
    out.push(("first_start_forvaltning_not_chosen", none));
    env.send(&mut m, &[Message::Down, Message::Down, Message::Down]);
    out.push(("first_start_forvaltning", m.clone()));
    env.send(&mut m, &[Message::Confirm]);
    // Nor is a role: Enter alone is refused here too.
    let mut none = m.clone();
    env.send(&mut none, &[Message::Confirm]);
    out.push(("first_start_role_not_chosen", none));
    env.send(&mut m, &[Message::Down]);
    out.push(("first_start_role", m.clone()));
    env.send(&mut m, &[Message::Confirm]);
    out.push(("first_start_start_date", m.clone()));
    env.send(&mut m, &typed("2025-11-20"));
    env.send(&mut m, &[Message::Confirm]);
    out.push(("first_start_summary", m.clone()));
    m
}

/// Every screen, dialog and notable state, by name, reached through the journey.
pub fn states() -> Vec<(&'static str, Model)> {
    use bevidst::course::QuestionKind;
    let mut env = Env::new(7);
    let mut out = Vec::new();
    let mut m = first_start_states(&mut env, &mut out);
    env.send(&mut m, &[Message::Confirm]);
    out.push(("home", m.clone()));
    let mut en = m.clone();
    env.send(&mut en, &[Message::ToggleLanguage]);
    out.push(("home_english", en));
    let mut help = m.clone();
    env.send(&mut help, &[Message::Help]);
    out.push(("help_on_home", help));
    let mut settings = m.clone();
    env.send(&mut settings, &[Message::OpenSettings]);
    out.push(("settings", settings.clone()));
    env.send(
        &mut settings,
        &[Message::Down, Message::Down, Message::Confirm],
    );
    out.push(("settings_editing_forvaltning", settings.clone()));
    env.send(
        &mut settings,
        &[Message::Back, Message::Down, Message::Confirm],
    );
    out.push(("settings_editing_role", settings));
    env.send(&mut m, &[Message::Confirm]);
    out.push(("lesson_first_page", m.clone()));
    let mut source = m.clone();
    env.send(&mut source, &[Message::ShowSource]);
    out.push(("lesson_source", source));
    env.send(&mut m, &[Message::Next]);
    out.push(("lesson_last_page", m.clone()));
    env.send(&mut m, &[Message::Confirm]);
    let mut quiz = m.clone();
    go_to_kind(&mut quiz, &mut env, QuestionKind::Single);
    env.send(&mut quiz, &[Message::Down]);
    out.push(("quiz_single_choice", quiz));
    let mut quiz = m.clone();
    go_to_kind(&mut quiz, &mut env, QuestionKind::Multiple);
    env.send(
        &mut quiz,
        &[Message::Pick(0), Message::Pick(2), Message::Down],
    );
    out.push(("quiz_multiple_choice", quiz));
    let mut quiz = m.clone();
    go_to_kind(&mut quiz, &mut env, QuestionKind::TrueFalse);
    out.push(("quiz_true_false", quiz));
    let mut leave = m.clone();
    env.send(&mut leave, &[Message::Back]);
    out.push(("confirm_leave_quiz", leave));
    let mut unanswered = m.clone();
    env.send(
        &mut unanswered,
        &[
            Message::Next,
            Message::Next,
            Message::Pick(0),
            Message::Confirm,
        ],
    );
    out.push(("hand_in_page", unanswered.clone()));
    env.send(&mut unanswered, &[Message::HandIn]);
    out.push(("confirm_unanswered", unanswered));
    let mut needs = m.clone();
    env.send(&mut needs, &[Message::Confirm]);
    out.push(("quiz_needs_an_answer", needs));
    let mut failed = m.clone();
    answer_all(&mut failed, &mut env, false);
    fixed_receipt(&mut failed);
    out.push(("result_failed", failed.clone()));
    let mut unsaved = failed.clone();
    if let Screen::Result(r) = &mut unsaved.screen {
        r.save = bevidst::app::SaveState::Failed("the disk is full".into());
    }
    out.push(("result_not_stored", unsaved));
    env.send(&mut failed, &[Message::Confirm]);
    out.push(("review_wrong_answer", failed));
    answer_all(&mut m, &mut env, true);
    fixed_receipt(&mut m);
    out.push(("result_passed", m.clone()));
    env.send(&mut m, &[Message::Confirm]);
    out.push(("review_right_answer", m.clone()));
    let mut source = m.clone();
    env.send(&mut source, &[Message::ShowSource]);
    out.push(("review_source", source));
    env.send(&mut m, &[Message::Back, Message::Back]);
    out.push(("home_after_passing", m.clone()));
    out.push(("my_results", my_results(m)));
    out
}

/// »Mine resultater« after the pass, with a failed attempt after it and an earlier one the
/// verdict does not accept (handed in faster than it can be read); fixed receipts.
fn my_results(mut m: Model) -> Model {
    let pass = m.history.last().cloned().expect("the pass");
    let mut hasty = pass.clone();
    hasty.started -= 3_600;
    hasty.finished = hasty.started + 1;
    let mut failed = pass.clone();
    for a in &mut failed.answers {
        a.correct = false;
    }
    failed.score = 0;
    failed.passed = false;
    failed.started += 600;
    failed.finished += 900;
    m.history.insert(0, hasty);
    m.receipts.insert(0, None);
    m.remember(failed, String::new());
    let fixed = ["4559-6855-C36E", "7F3A-91C2-0B4D", "0B4D-7F3A-91C2"];
    m.receipts = fixed.iter().map(|r| Some((*r).to_owned())).collect();
    bevidst::app::update(&mut m, Message::OpenMyResults);
    m
}
