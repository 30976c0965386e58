//! The learner journey driven by messages alone: no terminal, a fixed clock, a seeded random
//! source, and the real configuration file and learner's log in a temporary folder.

use bevidst::app::runtime::{Flow, RecordStore, Stored};
use bevidst::app::{
    AfterDiscard, Confirm, Effect, Message, Model, Overlay, SaveState, Screen, Step, Viewport,
    update,
};
use bevidst::attempt::FinishedAttempt;
use bevidst::config;
use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;
use bevidst::record;
use bevidst::schedule::State;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::common::{
    Env, TestServices, answer_all, first_start, new_model, records, right_positions, to_quiz, typed,
};

fn receipt(model: &Model) -> Option<String> {
    match &model.screen {
        Screen::Result(r) => match &r.save {
            SaveState::Stored { receipt, .. } => Some(receipt.clone()),
            _ => None,
        },
        _ => None,
    }
}

#[test]
fn a_new_learner_goes_from_first_start_to_a_stored_receipt() {
    let mut env = Env::new(7);
    let mut model = new_model();
    let Screen::FirstStart(form) = &model.screen else {
        panic!("a first start begins with the questions");
    };
    assert_eq!(form.step, Step::Language);
    assert_eq!(form.employee_id, "jenshansen", "the login name is offered");

    // First start: a bad id is refused with a reason, then the answers are saved.
    env.send(&mut model, &[Message::Confirm]);
    env.send(&mut model, &typed("ab 12"));
    env.send(&mut model, &[Message::Confirm]);
    let Screen::FirstStart(form) = &model.screen else {
        panic!("still asking");
    };
    assert_eq!(form.step, Step::EmployeeId);
    assert!(form.error.is_some(), "a space in the id is refused");
    let mut model = new_model();
    first_start(&mut model, &mut env);
    let saved = config::load(env.config_dir()).expect("the configuration was saved");
    let learner = saved.learner.expect("with the learner");
    assert_eq!(learner.employee_id, "ab12");
    assert_eq!(learner.forvaltning, "Økonomiforvaltningen");
    assert_eq!(learner.start_date, jiff::civil::date(2025, 11, 20));

    // Home: the onboarding module is the next thing to do.
    assert_eq!(model.home, 0, "onboarding is preselected");
    assert!(matches!(model.statuses()[0].state, State::Due { .. }));

    // Lesson: two pages, then the quiz.
    env.send(&mut model, &[Message::Confirm]);
    assert!(matches!(model.screen, Screen::Lesson(l) if l.page == 0));
    env.send(&mut model, &[Message::Next]);
    assert!(matches!(model.screen, Screen::Lesson(l) if l.page == 1));
    env.send(&mut model, &[Message::Confirm]);
    let Screen::Quiz(quiz) = &model.screen else {
        panic!("the last page leads to the quiz");
    };
    assert_eq!(quiz.attempt.items.len(), 3);

    // Quiz and result.
    answer_all(&mut model, &mut env, true);
    let Screen::Result(result) = &model.screen else {
        panic!("the last answer hands in: {:?}", model.screen);
    };
    assert!(result.outcome.passed);
    assert_eq!((result.outcome.score, result.outcome.max), (3, 3));
    let shown = receipt(&model).expect("the receipt is shown once stored");

    // The record on disk is the one the receipt names.
    let stored = records(&env);
    assert_eq!(stored.len(), 1);
    let r = &stored[0];
    assert_eq!(record::receipt(&r.hash), shown);
    assert_eq!(
        (r.attempt.learner.as_str(), r.attempt.forvaltning.as_str()),
        ("ab12", "Økonomiforvaltningen")
    );
    assert_eq!(r.attempt.module, "tui-intro");
    assert_eq!(
        (r.attempt.score, r.attempt.max, r.attempt.passed),
        (3, 3, true)
    );
    assert!(
        r.attempt.finished > r.attempt.started,
        "the clock moved during the quiz"
    );
    let verified = record::verify_file(&env.log_path()).expect("verify");
    assert!(verified.bad.is_none());

    // Review every question, back to the result, back home: the module is passed.
    env.send(&mut model, &[Message::Confirm]);
    assert!(matches!(&model.screen, Screen::Review(r) if r.index == 0));
    env.send(&mut model, &[Message::Next, Message::Next]);
    assert!(matches!(&model.screen, Screen::Review(r) if r.index == 2));
    env.send(&mut model, &[Message::Confirm]);
    assert!(matches!(model.screen, Screen::Result(_)));
    env.send(&mut model, &[Message::Back]);
    assert_eq!(model.screen, Screen::Home);
    assert!(matches!(model.statuses()[0].state, State::Passed { .. }));
    assert_eq!(model.progress(), (1, 2));
    assert_eq!(model.home, 1, "the next module is preselected");
}

#[test]
fn the_role_question_refuses_enter_alone_and_keeps_the_answer_chosen() {
    let mut env = Env::new(7);
    let mut model = new_model();
    env.send(&mut model, &[Message::Confirm]);
    env.send(&mut model, &typed("ab12"));
    env.send(
        &mut model,
        &[Message::Confirm, Message::Pick(6), Message::Confirm],
    );
    let step = |model: &Model| match &model.screen {
        Screen::FirstStart(form) => (form.step, form.error, form.role),
        other => panic!("still asking: {other:?}"),
    };
    assert_eq!(step(&model), (Step::Role, None, None), "nothing chosen");
    env.send(&mut model, &[Message::Confirm]);
    let (at, error, role) = step(&model);
    assert_eq!((at, role), (Step::Role, None), "Enter alone is refused");
    assert_eq!(
        error.map(|e| e.text(Lang::Da)).as_deref(),
        Some("Vælg på listen, om du er leder med personaleansvar.")
    );
    env.send(&mut model, &[Message::Pick(1), Message::Confirm]);
    assert_eq!(
        step(&model),
        (Step::StartDate, None, Some(bevidst::course::Role::Manager))
    );
}

#[test]
fn the_same_seed_draws_the_same_quiz() {
    let attempts: Vec<_> = (0..2)
        .map(|_| {
            let mut env = Env::new(42);
            let mut model = new_model();
            first_start(&mut model, &mut env);
            to_quiz(&mut model, &mut env);
            match &model.screen {
                Screen::Quiz(q) => q.attempt.clone(),
                _ => unreachable!(),
            }
        })
        .collect();
    assert_eq!(attempts[0], attempts[1]);
}

#[test]
fn quitting_mid_quiz_asks_first_and_records_nothing() {
    let mut env = Env::new(3);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    to_quiz(&mut model, &mut env);
    let (right, _) = right_positions(&model);
    env.send(&mut model, &[Message::Answer(right.clone())]);

    // q asks; "no" keeps the answers.
    assert_eq!(env.send(&mut model, &[Message::Quit]), Flow::Continue);
    assert_eq!(
        model.overlay,
        Some(Overlay::Confirm(Confirm::LeaveQuiz { quit: true }))
    );
    env.send(&mut model, &[Message::No]);
    let Screen::Quiz(q) = &model.screen else {
        panic!("still in the quiz");
    };
    assert!(!q.answers[0].is_empty(), "the answer is kept");

    // Esc asks too; "yes" goes home, nothing recorded.
    env.send(&mut model, &[Message::Back, Message::Yes]);
    assert_eq!(model.screen, Screen::Home);
    assert!(records(&env).is_empty());

    // Quitting the program from the quiz: yes ends it, still nothing recorded.
    to_quiz(&mut model, &mut env);
    assert_eq!(env.send(&mut model, &[Message::Quit]), Flow::Continue);
    assert_eq!(env.send(&mut model, &[Message::Yes]), Flow::Quit);
    assert!(records(&env).is_empty());
}

#[test]
fn a_failed_attempt_can_be_retried_at_once() {
    let mut env = Env::new(11);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    to_quiz(&mut model, &mut env);
    answer_all(&mut model, &mut env, false);
    let Screen::Result(result) = &model.screen else {
        panic!("handed in");
    };
    assert!(!result.outcome.passed);
    assert!(
        receipt(&model).is_some(),
        "a failed attempt is recorded too"
    );
    assert!(matches!(model.statuses()[0].state, State::Due { .. }));

    env.send(&mut model, &[Message::Retry]);
    let Screen::Quiz(q) = &model.screen else {
        panic!("retry starts a new quiz: {:?}", model.screen);
    };
    assert!(q.answers.iter().all(std::collections::BTreeSet::is_empty));
    answer_all(&mut model, &mut env, true);
    assert!(matches!(&model.screen, Screen::Result(r) if r.outcome.passed));
    let stored = records(&env);
    assert_eq!(stored.len(), 2);
    assert_eq!(
        (stored[0].attempt.passed, stored[1].attempt.passed),
        (false, true)
    );
    assert_eq!(stored[1].prev, stored[0].hash, "the records are chained");
}

/// A store that fails a given number of times, then works.
struct Flaky {
    failures: usize,
    stored: Vec<FinishedAttempt>,
}

impl RecordStore for Flaky {
    fn append(&mut self, attempt: &FinishedAttempt) -> Result<Stored, record::RecordError> {
        if self.failures > 0 {
            self.failures -= 1;
            return Err(record::RecordError::Append {
                path: "log.ron".into(),
                source: std::io::Error::new(std::io::ErrorKind::StorageFull, "the disk is full"),
                cut_back_failed: false,
            });
        }
        self.stored.push(attempt.clone());
        Ok(Stored {
            receipt: "0000-0000-0001".into(),
            copy_problem: Some(record::RecordError::CollectionUnreachable {
                dir: "share".into(),
                source: std::io::Error::other("the shared folder is unreachable"),
            }),
            send_problem: None,
        })
    }
}

#[test]
fn a_result_that_cannot_be_stored_is_never_dropped_silently() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut services = TestServices {
        clock: std::cell::Cell::new(1_764_320_400),
        rng: ChaCha8Rng::seed_from_u64(1),
        config_dir: dir.path().to_owned(),
        store: Flaky {
            failures: 1,
            stored: Vec::new(),
        },
        configs_saved: 0,
    };
    let mut model = new_model();
    let mut send = |model: &mut Model, msgs: &[Message]| {
        let mut flow = Flow::Continue;
        for m in msgs {
            flow = bevidst::app::runtime::dispatch(model, m.clone(), &mut services);
        }
        flow
    };
    let mut msgs = vec![Message::Confirm];
    msgs.extend(typed("ab12"));
    msgs.extend([Message::Confirm, Message::Pick(0), Message::Confirm]);
    msgs.extend([Message::Pick(0), Message::Confirm]);
    msgs.extend([Message::Confirm, Message::Confirm]);
    send(&mut model, &msgs);
    send(&mut model, &[Message::StartQuiz]);
    for _ in 0..3 {
        send(&mut model, &[Message::Pick(0), Message::Confirm]);
    }
    send(&mut model, &[Message::HandIn, Message::Yes]);
    let Screen::Result(result) = &model.screen else {
        panic!("handed in: {:?}", model.screen);
    };
    // The system's reason is told in the learner's language (Danish), in words.
    assert!(matches!(&result.save, SaveState::Failed(why) if why.contains("disken er fuld")));

    // Leaving asks; saying no keeps the result; Enter tries again and it is stored.
    assert_eq!(send(&mut model, &[Message::Quit]), Flow::Continue);
    assert_eq!(
        model.overlay,
        Some(Overlay::Confirm(Confirm::DiscardUnsaved(
            AfterDiscard::Quit
        )))
    );
    send(&mut model, &[Message::No, Message::Back]);
    assert_eq!(
        model.overlay,
        Some(Overlay::Confirm(Confirm::DiscardUnsaved(
            AfterDiscard::Home
        )))
    );
    send(&mut model, &[Message::No, Message::Confirm]);
    let Screen::Result(result) = &model.screen else {
        panic!("still on the result");
    };
    assert!(
        matches!(
            &result.save,
            SaveState::Stored { receipt, copy_problem: Some(why), send_problem: None }
                if receipt == "0000-0000-0001"
                    && why.contains("kunne ikke kopieres til den fælles mappe")
                    // An OS reason that would not help the learner is left out.
                    && !why.contains("unreachable")
        ),
        "{:?}",
        result.save
    );
    assert_eq!(services.store.stored.len(), 1);
}

#[test]
fn update_returns_effects_as_values_and_does_no_io() {
    let mut model = new_model();
    let mut msgs = vec![Message::Confirm];
    msgs.extend(typed("ab12"));
    msgs.extend([
        Message::Confirm,
        Message::Down,
        Message::Confirm,
        Message::Down,
        Message::Confirm,
        Message::Confirm,
    ]);
    for m in msgs {
        assert_eq!(update(&mut model, m), None);
    }
    let Some(Effect::SaveConfig(saved)) = update(&mut model, Message::Confirm) else {
        panic!("the summary's Enter asks to save the configuration");
    };
    assert_eq!(saved.learner.expect("learner").employee_id, "ab12");
    assert_eq!(model.screen, Screen::Home);

    update(&mut model, Message::Confirm);
    update(&mut model, Message::Next);
    assert_eq!(
        update(&mut model, Message::Confirm),
        Some(Effect::DrawAttempt {
            module: "tui-intro".into()
        })
    );
    // Draw as the runtime would, with a seeded source, and hand it back as a message.
    let module = &model.courses.modules[0].module;
    let attempt = bevidst::quiz::draw_attempt(module, &mut ChaCha8Rng::seed_from_u64(9));
    let started = jiff::Timestamp::from_second(1_764_320_400).expect("time");
    assert_eq!(
        update(&mut model, Message::AttemptReady { attempt, started }),
        None
    );
    for _ in 0..3 {
        let (right, _) = right_positions(&model);
        update(&mut model, Message::Answer(right));
        assert_eq!(update(&mut model, Message::Confirm), None);
    }
    assert_eq!(
        update(&mut model, Message::HandIn),
        None,
        "handing in is asked"
    );
    let effect = update(&mut model, Message::Yes);
    let Some(Effect::SaveRecord(finished)) = effect else {
        panic!("handing in asks to store the record: {effect:?}");
    };
    assert_eq!(
        (finished.score, finished.max, finished.passed),
        (3, 3, true)
    );
    assert_eq!(finished.module, "tui-intro");
    assert_eq!(
        Some(finished.started),
        u64::try_from(started.as_second()).ok()
    );
    assert!(matches!(&model.screen, Screen::Result(r) if r.save == SaveState::Saving));
}

#[test]
fn settings_change_one_answer_and_remember_the_language() {
    let mut env = Env::new(2);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    let writes = env.services.configs_saved;
    env.send(
        &mut model,
        &[Message::OpenSettings, Message::Down, Message::Confirm],
    );
    env.send(&mut model, &typed("cd34"));
    env.send(&mut model, &[Message::Confirm]);
    assert_eq!(env.services.configs_saved, writes + 1);
    // Editing and cancelling changes nothing.
    env.send(&mut model, &[Message::Confirm]);
    env.send(&mut model, &typed("zz"));
    env.send(&mut model, &[Message::Back, Message::ToggleLanguage]);
    let saved = config::load(env.config_dir()).expect("load");
    let learner = saved.learner.expect("learner");
    assert_eq!(learner.employee_id, "cd34");
    assert_eq!(learner.forvaltning, "Økonomiforvaltningen", "untouched");
    assert_eq!(saved.language, Lang::En, "the language is remembered");
    assert_eq!(model.lang(), Lang::En);
}

/// A learner set up, on the first lesson page in a viewport of `width`×`height`.
fn first_page_in(width: u16, height: u16) -> (Env, Model) {
    let mut env = Env::new(1);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    env.send(
        &mut model,
        &[
            Message::Resize(Viewport { width, height }),
            Message::First,
            Message::Confirm,
        ],
    );
    (env, model)
}

#[test]
fn enter_reads_a_long_page_on_and_turns_it_only_at_the_end() {
    // A viewport so small that the first page does not fit.
    let (mut env, mut model) = first_page_in(30, 4);
    let mut enters = 0;
    while matches!(&model.screen, Screen::Lesson(l) if l.page == 0) {
        env.send(&mut model, &[Message::Confirm]);
        enters += 1;
        assert!(enters < 50, "the page ends");
    }
    assert!(enters > 1, "Enter first read on: {enters}");
    assert!(matches!(&model.screen, Screen::Lesson(l) if l.page == 1 && l.scroll == 0));
}

#[test]
fn scrolling_stops_at_the_end_of_the_page_for_any_viewport() {
    let (mut env, mut model) = first_page_in(20, 4);
    env.send(&mut model, &[Message::Last]);
    let Screen::Lesson(lesson) = model.screen else {
        panic!("on the lesson");
    };
    let lines = bevidst::app::doc::layout(
        &bevidst::app::doc::lesson(&model.courses.modules[0], 0, Lang::Da),
        20,
    )
    .len();
    assert_eq!(lesson.scroll, lines - 4, "the last line is at the bottom");
    env.send(&mut model, &[Message::Down, Message::PageDown]);
    assert!(matches!(model.screen, Screen::Lesson(l) if l.scroll == lines - 4));
    // A larger window pulls the page back so no empty space is scrolled into view.
    env.send(
        &mut model,
        &[Message::Resize(Viewport {
            width: 200,
            height: 100,
        })],
    );
    assert!(matches!(model.screen, Screen::Lesson(l) if l.scroll == 0));
}

/// `L` in a lesson and in a quiz switches the language there and then, as on the home screen:
/// the page and the question are shown in English at once, and the answers given so far stay.
#[test]
fn the_language_key_switches_in_a_lesson_and_mid_quiz() {
    use bevidst::tui::keymap;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let big_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
    let mut env = Env::new(1);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    env.send(&mut model, &[Message::First, Message::Confirm]);
    assert!(
        matches!(model.screen, Screen::Lesson(_)),
        "{:?}",
        model.screen
    );
    let key = keymap::to_message(model.mode(), big_l).expect("L means something in a lesson");
    env.send(&mut model, &[key]);
    assert_eq!(model.lang(), Lang::En);
    assert!(
        matches!(model.screen, Screen::Lesson(_)),
        "still the lesson"
    );

    env.send(&mut model, &[Message::Back]);
    to_quiz(&mut model, &mut env);
    env.send(&mut model, &[Message::Pick(0)]);
    let before = match &model.screen {
        Screen::Quiz(q) => format!("{q:?}"),
        other => panic!("not a quiz: {other:?}"),
    };
    let key = keymap::to_message(model.mode(), big_l).expect("L means something in a quiz");
    env.send(&mut model, &[key]);
    assert_eq!(model.lang(), Lang::Da);
    match &model.screen {
        Screen::Quiz(q) => assert_eq!(format!("{q:?}"), before, "the answers stay"),
        other => panic!("the quiz goes on: {other:?}"),
    }
    let saved = config::load(env.config_dir()).expect("load");
    assert_eq!(saved.language, Lang::Da, "the choice is remembered");
}
