//! The first start, the home screen, lessons, the settings and »Mine resultater«.

use super::super::form::{Outcome, Step};
use super::{draw, go_home, max_scroll, scroll};
use crate::app::{Effect, Form, LessonState, Message, Model, Screen, SettingsState, doc};

pub(super) fn first_start(
    model: &mut Model,
    mut form: Form,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    if *msg == Message::Quit {
        return (Screen::FirstStart(form), Some(Effect::Quit));
    }
    let learner = form.handle_first_start(msg);
    // The language applies at once, so the remaining questions are asked in it.
    model.config.language = form.language;
    match learner {
        Some(learner) => {
            model.config.learner = Some(learner);
            model.take_role();
            let screen = go_home(model);
            (
                screen,
                Some(Effect::SaveConfig(Box::new(model.config.clone()))),
            )
        }
        None => (Screen::FirstStart(form), None),
    }
}

pub(super) fn home(model: &mut Model, msg: &Message) -> (Screen, Option<Effect>) {
    let n = model.courses.modules.len();
    let last = n.saturating_sub(1);
    // A refresher waiting for the onboarding is not opened, only said why.
    let waits = matches!(
        model.statuses().get(model.home).map(|s| s.state),
        Some(crate::schedule::State::Waiting { from: None })
    );
    if waits && matches!(msg, Message::Confirm | Message::StartQuiz) {
        model.notice = Some(crate::app::Notice::WaitsForOnboarding);
        return (Screen::Home, None);
    }
    if matches!(
        msg,
        Message::Up | Message::Down | Message::First | Message::Last | Message::Pick(_)
    ) {
        model.notice = None;
    }
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
        Message::OpenMyResults => return (Screen::MyResults { scroll: 0 }, None),
        Message::Quit => Some(Effect::Quit),
        _ => None,
    };
    (Screen::Home, effect)
}

pub(super) fn lesson(
    model: &mut Model,
    mut state: LessonState,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    let pages = model
        .courses
        .modules
        .get(state.module)
        .map_or(0, |m| m.module.lessons.len());
    let max = lesson_max(model, &state);
    // A pager: Enter reads on a screen at a time, and turns the page only at its end.
    let msg = match msg {
        Message::Confirm if state.scroll < max => &Message::PageDown,
        other => other,
    };
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

pub(super) fn settings(
    model: &mut Model,
    mut state: SettingsState,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    let fields = Step::FIELDS;
    if *msg == Message::Quit {
        return (Screen::Settings(state), Some(Effect::Quit));
    }
    let field = state.field();
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
                    Step::Role => {
                        current.role = learner.role;
                        model.take_role();
                    }
                    Step::Language | Step::Summary => {}
                }
                state.form = Form::from_config(&model.config, model.today);
                return (
                    Screen::Settings(state),
                    Some(Effect::SaveConfig(Box::new(model.config.clone()))),
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
                Some(Effect::SaveConfig(Box::new(model.config.clone()))),
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

pub(super) fn lesson_max(model: &Model, state: &LessonState) -> usize {
    model.courses.modules.get(state.module).map_or(0, |m| {
        max_scroll(model, &doc::lesson(m, state.page, model.lang()))
    })
}

/// »Mine resultater«: a page to read like a pager (Enter reads on, and at the end goes back to
/// the overview), and Esc back to the overview.
pub(super) fn my_results(
    model: &mut Model,
    mut at: usize,
    msg: &Message,
) -> (Screen, Option<Effect>) {
    let max = my_results_max(model);
    let msg = match msg {
        Message::Confirm if at < max => &Message::PageDown,
        other => other,
    };
    if scroll(model, &mut at, max, msg) {
        return (Screen::MyResults { scroll: at }, None);
    }
    match msg {
        Message::Confirm | Message::Back => (go_home(model), None),
        Message::Quit => (Screen::MyResults { scroll: at }, Some(Effect::Quit)),
        _ => (Screen::MyResults { scroll: at }, None),
    }
}

pub(super) fn my_results_max(model: &Model) -> usize {
    max_scroll(model, &crate::app::my_results::page(model))
}
