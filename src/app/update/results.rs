//! The quiz, its result and the review, and the exits they share.

use super::{draw, go_home, max_scroll, scroll};
use crate::app::quiz::{QuizStep, ResultState, ReviewState, SaveState};
use crate::app::{
    AfterDiscard, Confirm, Effect, HandInState, Message, Model, Overlay, QuizState, Screen, doc,
};

pub(super) fn quiz(
    model: &mut Model,
    mut state: QuizState,
    msg: &Message,
) -> (Screen, Option<Effect>) {
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
        QuizStep::Summary => (Screen::HandIn(HandInState::new(state)), None),
    }
}

/// The hand-in page: choose a question to go back to, or hand in (asked once more).
pub(super) fn hand_in_page(
    model: &mut Model,
    mut state: HandInState,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    let last = state.quiz.answers.len().saturating_sub(1);
    match msg {
        Message::Up => state.selected = state.selected.saturating_sub(1),
        Message::Down => state.selected = (state.selected + 1).min(last),
        Message::First => state.selected = 0,
        Message::Last => state.selected = last,
        Message::Pick(i) if *i <= last => state.selected = *i,
        Message::Confirm | Message::Back => {
            // Back to the selected question (Esc: to the one the learner came from).
            let mut quiz = state.quiz;
            if *msg == Message::Confirm
                && let Some(module) = model.courses.modules.get(quiz.module)
            {
                quiz.go_to(state.selected, module);
            }
            return (Screen::Quiz(quiz), None);
        }
        Message::HandIn => {
            let unanswered = state.quiz.unanswered();
            model.overlay = Some(Overlay::Confirm(Confirm::HandIn { unanswered }));
        }
        Message::Quit => {
            model.overlay = Some(Overlay::Confirm(Confirm::LeaveQuiz { quit: true }));
        }
        _ => {}
    }
    (Screen::HandIn(state), None)
}

pub(super) fn hand_in(model: &mut Model, state: QuizState) -> (Screen, Option<Effect>) {
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
        Message::Retry => {
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

pub(super) fn result(
    model: &mut Model,
    mut state: ResultState,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    if let Handled::Yes(effect) = leave_result(model, &state, msg) {
        return (Screen::Result(state), effect);
    }
    let effect = match msg {
        Message::Confirm if matches!(state.save, SaveState::Failed(_)) => {
            save_effect(model, &mut state)
        }
        Message::Confirm | Message::Next if !matches!(state.save, SaveState::Saving) => {
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

pub(super) fn review_max(model: &Model, state: &ReviewState) -> usize {
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

pub(super) fn review(
    model: &mut Model,
    mut state: ReviewState,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    if let Handled::Yes(effect) = leave_result(model, &state.result, msg) {
        return (Screen::Review(state), effect);
    }
    let max = review_max(model, &state);
    // A pager, as a lesson: Enter reads on, and goes to the next question only at the end.
    let msg = match msg {
        Message::Confirm if state.scroll < max => &Message::PageDown,
        other => other,
    };
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
