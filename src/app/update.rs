//! `update`: how each message changes the model, screen by screen. Pure: no I/O, no clock, no
//! randomness; whatever needs the world is returned as an [`Effect`].

use std::mem;

use super::doc;
use super::form::{Outcome, Step};
use super::quiz::{QuizStep, ResultState, ReviewState, SaveState};
use super::{
    AfterDiscard, Confirm, Effect, Form, LessonState, Message, Model, Notice, Overlay, QuizState,
    Screen, SettingsState,
};
use crate::quiz::Attempt;

/// Applies one message to the model; returns what the outside world must do, if anything.
pub fn update(model: &mut Model, msg: Message) -> Option<Effect> {
    match msg {
        Message::Resize(viewport) => {
            model.viewport = viewport;
            clamp_scroll(model);
            return None;
        }
        Message::AttemptReady { attempt, started } => {
            attempt_ready(model, attempt, started);
            return None;
        }
        Message::RecordStored {
            receipt,
            past,
            copy_problem,
        } => {
            model.history.push(past);
            set_save(
                model,
                SaveState::Stored {
                    receipt,
                    copy_problem,
                },
            );
            return None;
        }
        Message::RecordFailed(why) => {
            set_save(model, SaveState::Failed(why));
            return None;
        }
        Message::ConfigSaved => {
            if matches!(model.screen, Screen::Settings(_)) {
                model.notice = Some(Notice::Saved);
            }
            return None;
        }
        Message::ConfigFailed(why) => {
            model.notice = Some(Notice::ConfigFailed(why));
            return None;
        }
        _ => {}
    }
    if let Some(overlay) = model.overlay {
        return overlay_message(model, overlay, &msg);
    }
    if msg == Message::Help {
        model.overlay = Some(Overlay::Help);
        return None;
    }
    let editing_form = match &model.screen {
        Screen::FirstStart(_) => true,
        Screen::Settings(s) => s.editing,
        _ => false,
    };
    if msg == Message::ToggleLanguage && !editing_form {
        model.config.language = model.config.language.other();
        if let Screen::Settings(s) = &mut model.screen {
            s.form.language = model.config.language;
        }
        return Some(Effect::SaveConfig(model.config.clone()));
    }
    let before = mem::discriminant(&model.screen);
    let screen = mem::replace(&mut model.screen, Screen::Home);
    let (screen, effect) = match screen {
        Screen::FirstStart(form) => first_start(model, form, &msg),
        Screen::Home => home(model, &msg),
        Screen::Lesson(state) => lesson(model, state, &msg),
        Screen::Quiz(state) => quiz(model, state, &msg),
        Screen::Result(state) => result(model, state, &msg),
        Screen::Review(state) => review(model, state, &msg),
        Screen::Settings(state) => settings(model, state, &msg),
    };
    if mem::discriminant(&screen) != before {
        model.notice = None;
    }
    model.screen = screen;
    effect
}

fn overlay_message(model: &mut Model, overlay: Overlay, msg: &Message) -> Option<Effect> {
    match overlay {
        Overlay::Help => {
            model.overlay = None;
            // Quitting from the help means quitting, asked as on the screen below.
            if *msg == Message::Quit {
                return update(model, Message::Quit);
            }
            None
        }
        Overlay::Confirm(confirm) => match msg {
            Message::Yes => {
                model.overlay = None;
                confirmed(model, confirm)
            }
            Message::No | Message::Back => {
                model.overlay = None;
                None
            }
            Message::Quit => match confirm {
                // A second quit while asked whether to leave means yes.
                Confirm::LeaveQuiz { .. } | Confirm::DiscardUnsaved(_) => Some(Effect::Quit),
                Confirm::SubmitUnanswered(_) => {
                    model.overlay = Some(Overlay::Confirm(Confirm::LeaveQuiz { quit: true }));
                    None
                }
            },
            _ => None,
        },
    }
}

fn confirmed(model: &mut Model, confirm: Confirm) -> Option<Effect> {
    match confirm {
        Confirm::LeaveQuiz { quit } => {
            model.screen = go_home(model);
            model.notice = None;
            quit.then_some(Effect::Quit)
        }
        Confirm::SubmitUnanswered(_) => {
            let Screen::Quiz(state) = mem::replace(&mut model.screen, Screen::Home) else {
                return None;
            };
            let (screen, effect) = hand_in(model, state);
            model.screen = screen;
            effect
        }
        Confirm::DiscardUnsaved(after) => match after {
            AfterDiscard::Home => {
                model.screen = go_home(model);
                None
            }
            AfterDiscard::Retry => {
                let module = match &model.screen {
                    Screen::Result(r) => r.module,
                    Screen::Review(rv) => rv.result.module,
                    _ => return None,
                };
                draw(model, module)
            }
            AfterDiscard::Quit => Some(Effect::Quit),
        },
    }
}

/// The home screen, with the next thing to do selected.
fn go_home(model: &mut Model) -> Screen {
    model.home = model.next_module().unwrap_or(model.home);
    Screen::Home
}

fn draw(model: &Model, module: usize) -> Option<Effect> {
    model
        .courses
        .modules
        .get(module)
        .map(|m| Effect::DrawAttempt {
            module: m.module.id.clone(),
        })
}

fn attempt_ready(model: &mut Model, attempt: Attempt, started: jiff::Timestamp) {
    let Some(index) = model
        .courses
        .modules
        .iter()
        .position(|m| m.module.id == attempt.module_id)
    else {
        return;
    };
    if attempt.items.is_empty() {
        model.notice = Some(Notice::NoQuestions);
        return;
    }
    model.overlay = None;
    model.notice = None;
    model.screen = Screen::Quiz(QuizState::new(index, attempt, started));
}

fn set_save(model: &mut Model, save: SaveState) {
    match &mut model.screen {
        Screen::Result(r) => r.save = save,
        Screen::Review(rv) => rv.result.save = save,
        _ => {}
    }
}

fn first_start(model: &mut Model, mut form: Form, msg: &Message) -> (Screen, Option<Effect>) {
    if *msg == Message::Quit {
        return (Screen::FirstStart(form), Some(Effect::Quit));
    }
    let learner = form.handle_first_start(msg);
    // The language applies at once, so the remaining questions are asked in it.
    model.config.language = form.language;
    match learner {
        Some(learner) => {
            model.config.learner = Some(learner);
            let screen = go_home(model);
            (screen, Some(Effect::SaveConfig(model.config.clone())))
        }
        None => (Screen::FirstStart(form), None),
    }
}

fn home(model: &mut Model, msg: &Message) -> (Screen, Option<Effect>) {
    let n = model.courses.modules.len();
    let last = n.saturating_sub(1);
    let effect = match msg {
        Message::Up => {
            model.home = model.home.saturating_sub(1);
            None
        }
        Message::Down => {
            model.home = (model.home + 1).min(last);
            None
        }
        Message::First => {
            model.home = 0;
            None
        }
        Message::Last => {
            model.home = last;
            None
        }
        Message::Pick(i) if *i < n => {
            model.home = *i;
            None
        }
        Message::Confirm => {
            let Some(m) = model.courses.modules.get(model.home) else {
                return (Screen::Home, None);
            };
            if m.module.lessons.is_empty() {
                draw(model, model.home)
            } else {
                let state = LessonState {
                    module: model.home,
                    page: 0,
                    scroll: 0,
                };
                return (Screen::Lesson(state), None);
            }
        }
        Message::StartQuiz => draw(model, model.home),
        Message::OpenSettings => {
            let state = SettingsState {
                form: Form::from_config(&model.config, model.today),
                selected: 0,
                editing: false,
            };
            return (Screen::Settings(state), None);
        }
        Message::Quit => Some(Effect::Quit),
        _ => None,
    };
    (Screen::Home, effect)
}

/// How far a page of `lines` lines can scroll in the viewport.
fn max_scroll(model: &Model, paras: &[doc::Para]) -> usize {
    let lines = doc::layout(paras, usize::from(model.viewport.width)).len();
    lines.saturating_sub(usize::from(model.viewport.height))
}

/// Moves `scroll` for a scrolling message; returns whether the message was one.
fn scroll(model: &Model, scroll: &mut usize, max: usize, msg: &Message) -> bool {
    let page = usize::from(model.viewport.height).saturating_sub(1).max(1);
    *scroll = match msg {
        Message::Up => scroll.saturating_sub(1),
        Message::Down => (*scroll + 1).min(max),
        Message::PageUp => scroll.saturating_sub(page),
        Message::PageDown => (*scroll + page).min(max),
        Message::First => 0,
        Message::Last => max,
        _ => return false,
    };
    true
}

fn lesson_max(model: &Model, state: &LessonState) -> usize {
    model.courses.modules.get(state.module).map_or(0, |m| {
        max_scroll(model, &doc::lesson(m, state.page, model.lang()))
    })
}

fn lesson(model: &mut Model, mut state: LessonState, msg: &Message) -> (Screen, Option<Effect>) {
    let pages = model
        .courses
        .modules
        .get(state.module)
        .map_or(0, |m| m.module.lessons.len());
    let max = lesson_max(model, &state);
    if scroll(model, &mut state.scroll, max, msg) {
        return (Screen::Lesson(state), None);
    }
    let effect = match msg {
        Message::Next | Message::Confirm if state.page + 1 < pages => {
            state.page += 1;
            state.scroll = 0;
            None
        }
        Message::Confirm | Message::StartQuiz => draw(model, state.module),
        Message::Prev if state.page > 0 => {
            state.page -= 1;
            state.scroll = 0;
            None
        }
        Message::Back => return (go_home(model), None),
        Message::Quit => Some(Effect::Quit),
        _ => None,
    };
    (Screen::Lesson(state), effect)
}

fn quiz(model: &mut Model, mut state: QuizState, msg: &Message) -> (Screen, Option<Effect>) {
    match msg {
        Message::Back | Message::Quit => {
            let quit = *msg == Message::Quit;
            model.overlay = Some(Overlay::Confirm(Confirm::LeaveQuiz { quit }));
            return (Screen::Quiz(state), None);
        }
        _ => {}
    }
    let Some(module) = model.courses.modules.get(state.module) else {
        return (go_home(model), None);
    };
    match state.handle(msg, module) {
        QuizStep::Stay => (Screen::Quiz(state), None),
        QuizStep::HandIn => {
            let unanswered = state.unanswered();
            if unanswered > 0 {
                model.overlay = Some(Overlay::Confirm(Confirm::SubmitUnanswered(unanswered)));
                (Screen::Quiz(state), None)
            } else {
                hand_in(model, state)
            }
        }
    }
}

fn hand_in(model: &mut Model, state: QuizState) -> (Screen, Option<Effect>) {
    let Some(module) = model.courses.modules.get(state.module) else {
        return (go_home(model), None);
    };
    let mut result = state.hand_in(module);
    let effect = save_effect(model, &mut result);
    (Screen::Result(result), effect)
}

/// Asks for the result to be stored, or marks it failed when there is no learner to store it
/// for (which the first start prevents).
fn save_effect(model: &Model, result: &mut ResultState) -> Option<Effect> {
    let module = model.courses.modules.get(result.module)?;
    if let Some(learner) = &model.config.learner {
        result.save = SaveState::Saving;
        Some(Effect::SaveRecord(result.finished(module, learner)))
    } else {
        result.save = SaveState::Failed("no employee id is set".into());
        None
    }
}

/// Whether a screen's shared handler took a message.
enum Handled {
    /// It did, with this effect.
    Yes(Option<Effect>),
    /// It did not; the screen handles it.
    No,
}

/// The common exits of the result and review screens: retry and quit; each asks first when
/// the result is not stored.
fn leave_result(model: &mut Model, result: &ResultState, msg: &Message) -> Handled {
    let stored = result.is_stored();
    let ask = |model: &mut Model, after| {
        model.overlay = Some(Overlay::Confirm(Confirm::DiscardUnsaved(after)));
        None
    };
    Handled::Yes(match msg {
        Message::Retry if !result.outcome.passed => {
            if stored {
                draw(model, result.module)
            } else {
                ask(model, AfterDiscard::Retry)
            }
        }
        Message::Quit => {
            if stored {
                Some(Effect::Quit)
            } else {
                ask(model, AfterDiscard::Quit)
            }
        }
        _ => return Handled::No,
    })
}

fn result(model: &mut Model, mut state: ResultState, msg: &Message) -> (Screen, Option<Effect>) {
    if let Handled::Yes(effect) = leave_result(model, &state, msg) {
        return (Screen::Result(state), effect);
    }
    let effect = match msg {
        Message::Confirm if matches!(state.save, SaveState::Failed(_)) => {
            save_effect(model, &mut state)
        }
        Message::Confirm | Message::Review | Message::Next
            if !matches!(state.save, SaveState::Saving) =>
        {
            let review = ReviewState {
                result: state,
                index: 0,
                scroll: 0,
            };
            return (Screen::Review(review), None);
        }
        Message::Back => {
            if state.is_stored() {
                return (go_home(model), None);
            }
            model.overlay = Some(Overlay::Confirm(Confirm::DiscardUnsaved(
                AfterDiscard::Home,
            )));
            None
        }
        _ => None,
    };
    (Screen::Result(state), effect)
}

fn review_max(model: &Model, state: &ReviewState) -> usize {
    model
        .courses
        .modules
        .get(state.result.module)
        .map_or(0, |m| {
            max_scroll(
                model,
                &doc::review(m, &state.result, state.index, model.lang()),
            )
        })
}

fn review(model: &mut Model, mut state: ReviewState, msg: &Message) -> (Screen, Option<Effect>) {
    if let Handled::Yes(effect) = leave_result(model, &state.result, msg) {
        return (Screen::Review(state), effect);
    }
    let max = review_max(model, &state);
    if scroll(model, &mut state.scroll, max, msg) {
        return (Screen::Review(state), None);
    }
    let count = state.result.attempt.items.len();
    match msg {
        Message::Next | Message::Confirm if state.index + 1 < count => {
            state.index += 1;
            state.scroll = 0;
        }
        Message::Confirm | Message::Back => return (Screen::Result(state.result), None),
        Message::Prev if state.index > 0 => {
            state.index -= 1;
            state.scroll = 0;
        }
        _ => {}
    }
    (Screen::Review(state), None)
}

fn settings(
    model: &mut Model,
    mut state: SettingsState,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    let fields = Step::FIELDS;
    if *msg == Message::Quit {
        return (Screen::Settings(state), Some(Effect::Quit));
    }
    let field = fields[state.selected.min(fields.len() - 1)];
    if state.editing {
        match state.form.handle(field, msg) {
            Outcome::Stay => return (Screen::Settings(state), None),
            Outcome::Cancelled => {
                state.editing = false;
                state.form = Form::from_config(&model.config, model.today);
                return (Screen::Settings(state), None);
            }
            Outcome::Accepted => {
                state.editing = false;
                let Ok(learner) = state.form.learner() else {
                    return (Screen::Settings(state), None);
                };
                let current = model.config.learner.get_or_insert_with(|| learner.clone());
                match field {
                    Step::EmployeeId => current.employee_id = learner.employee_id,
                    Step::Forvaltning => current.forvaltning = learner.forvaltning,
                    Step::StartDate => current.start_date = learner.start_date,
                    Step::Language | Step::Summary => {}
                }
                state.form = Form::from_config(&model.config, model.today);
                return (
                    Screen::Settings(state),
                    Some(Effect::SaveConfig(model.config.clone())),
                );
            }
        }
    }
    model.notice = None;
    match msg {
        Message::Up => state.selected = state.selected.saturating_sub(1),
        Message::Down => state.selected = (state.selected + 1).min(fields.len() - 1),
        Message::Pick(i) if *i < fields.len() => state.selected = *i,
        Message::Confirm if field == Step::Language => {
            model.config.language = model.config.language.other();
            state.form.language = model.config.language;
            return (
                Screen::Settings(state),
                Some(Effect::SaveConfig(model.config.clone())),
            );
        }
        Message::Confirm => {
            state.form = Form::from_config(&model.config, model.today);
            state.editing = true;
        }
        Message::Back => return (go_home(model), None),
        _ => {}
    }
    (Screen::Settings(state), None)
}

/// Keeps scroll offsets inside the page after the viewport changed.
fn clamp_scroll(model: &mut Model) {
    let screen = mem::replace(&mut model.screen, Screen::Home);
    model.screen = match screen {
        Screen::Lesson(mut s) => {
            s.scroll = s.scroll.min(lesson_max(model, &s));
            Screen::Lesson(s)
        }
        Screen::Review(mut s) => {
            s.scroll = s.scroll.min(review_max(model, &s));
            Screen::Review(s)
        }
        other => other,
    };
}
