//! `update`: how each message changes the model, screen by screen. Pure: no I/O, no clock, no
//! randomness; whatever needs the world is returned as an [`Effect`].
//!
//! This file holds what applies to every screen (effect outcomes, dialogs, help, language);
//! `screens` the first start, home, lessons, settings and the learner's results; `results` the quiz, result and review.

mod results;
mod screens;

use std::mem;

use super::doc;
use super::quiz::{Acceptance, SaveState};
use super::{AfterDiscard, Confirm, Effect, Message, Model, Notice, Overlay, QuizState, Screen};
use crate::attempt::FinishedAttempt;
use crate::quiz::Attempt;
use crate::verdict::utc_seconds;
use results::{hand_in, hand_in_page, quiz, result, review, review_max};
use screens::{first_start, home, lesson, lesson_max, my_results, my_results_max, settings};

/// Applies one message to the model; returns what the outside world must do, if anything.
pub fn update(model: &mut Model, msg: Message) -> Option<Effect> {
    match msg {
        Message::Resize(viewport) => {
            model.viewport = viewport;
            clamp_scroll(model);
            return None;
        }
        Message::TooSmall(too_small) => {
            model.too_small = too_small;
            return None;
        }
        Message::AttemptReady { attempt, started } => {
            attempt_ready(model, attempt, started);
            return None;
        }
        Message::RecordStored {
            receipt,
            attempt,
            copy_problem,
            send_problem,
        } => {
            judge(model, &attempt);
            model.remember(*attempt, receipt.clone());
            set_save(
                model,
                SaveState::Stored {
                    receipt,
                    copy_problem,
                    send_problem,
                },
            );
            return None;
        }
        Message::Background(news) => {
            if !model.log_notes.contains(&news) {
                model.log_notes.push(news);
            }
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
    // While the terminal is too small to show the screen, only quitting and the help act:
    // nothing may be answered, handed in or turned blind.
    let help_open = matches!(model.overlay, Some(Overlay::Help { .. }));
    if model.too_small && !help_open && !matches!(msg, Message::Quit | Message::Help) {
        return None;
    }
    if let Some(overlay) = model.overlay {
        return overlay_message(model, overlay, &msg);
    }
    if msg == Message::Help {
        model.overlay = Some(Overlay::Help { scroll: 0 });
        return None;
    }
    if msg == Message::ShowSource && model.cited().is_some() {
        model.overlay = Some(Overlay::Source { scroll: 0 });
        return None;
    }
    // While a form is answered, the language is one of its answers, not a key's toggle.
    let answering_form = model.form_step().is_some();
    if msg == Message::ToggleLanguage && !answering_form {
        model.config.language = model.config.language.other();
        if let Screen::Settings(s) = &mut model.screen {
            s.form.language = model.config.language;
        }
        return Some(Effect::SaveConfig(Box::new(model.config.clone())));
    }
    let before = mem::discriminant(&model.screen);
    let screen = mem::replace(&mut model.screen, Screen::Home);
    let (screen, effect) = match screen {
        Screen::FirstStart(form) => first_start(model, form, &msg),
        Screen::Home => home(model, &msg),
        Screen::Lesson(state) => lesson(model, state, &msg),
        Screen::Quiz(state) => quiz(model, state, &msg),
        Screen::HandIn(state) => hand_in_page(model, state, &msg),
        Screen::Result(state) => result(model, state, &msg),
        Screen::Review(state) => review(model, state, &msg),
        Screen::Settings(state) => settings(model, state, &msg),
        Screen::MyResults { scroll } => my_results(model, scroll, &msg),
    };
    if mem::discriminant(&screen) != before {
        model.notice = None;
    }
    model.screen = screen;
    effect
}

/// Far more lines than any screen's help has.
const HELP_MAX_SCROLL: usize = 40;

fn overlay_message(model: &mut Model, overlay: Overlay, msg: &Message) -> Option<Effect> {
    match overlay {
        Overlay::Help { scroll: mut at } => {
            // The help is drawn by the interface, which knows how long it is and keeps the
            // offset inside it; this only bounds it.
            if scroll(model, &mut at, HELP_MAX_SCROLL, msg) {
                model.overlay = Some(Overlay::Help { scroll: at });
                return None;
            }
            model.overlay = None;
            // Quitting from the help means quitting, asked as on the screen below.
            if *msg == Message::Quit {
                return update(model, Message::Quit);
            }
            None
        }
        Overlay::Source { scroll: mut at } => {
            let max = model
                .source_page()
                .map_or(0, |page| max_scroll(model, &page));
            if scroll(model, &mut at, max, msg) {
                model.overlay = Some(Overlay::Source { scroll: at });
                return None;
            }
            match msg {
                // Enter reads on like a pager, and closes at the end.
                Message::Confirm if at < max => {
                    scroll(model, &mut at, max, &Message::PageDown);
                    model.overlay = Some(Overlay::Source { scroll: at });
                    None
                }
                Message::Confirm | Message::Back | Message::ShowSource => {
                    model.overlay = None;
                    None
                }
                Message::Quit => {
                    model.overlay = None;
                    update(model, Message::Quit)
                }
                _ => None,
            }
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
                Confirm::HandIn { .. } => {
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
        Confirm::HandIn { .. } => {
            let Screen::HandIn(state) = mem::replace(&mut model.screen, Screen::Home) else {
                return None;
            };
            let (screen, effect) = hand_in(model, state.quiz);
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
pub(super) fn go_home(model: &mut Model) -> Screen {
    model.home = model.next_module().unwrap_or(model.home);
    Screen::Home
}

pub(super) fn draw(model: &Model, module: usize) -> Option<Effect> {
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
    // The learner hears before answering that this attempt cannot be recorded.
    model.notice = model.cannot_save.clone().map(Notice::CannotSave);
    model.screen = Screen::Quiz(QuizState::new(index, attempt, started));
}

/// Asks the verdict whether the stored attempt counts, at its own finish time (the clock's
/// "now" when it was stored), and notes the answer on the result on screen.
fn judge(model: &mut Model, attempt: &FinishedAttempt) {
    let acceptance = match model.judge.check(attempt, utc_seconds(attempt.finished)) {
        Ok(_) => Acceptance::Accepted,
        Err(why) => Acceptance::NotAccepted(why),
    };
    match &mut model.screen {
        Screen::Result(r) => r.acceptance = acceptance,
        Screen::Review(rv) => rv.result.acceptance = acceptance,
        _ => {}
    }
}

fn set_save(model: &mut Model, save: SaveState) {
    match &mut model.screen {
        Screen::Result(r) => r.save = save,
        Screen::Review(rv) => rv.result.save = save,
        _ => {}
    }
}

/// How far a page of `lines` lines can scroll in the viewport.
pub(super) fn max_scroll(model: &Model, paras: &[doc::Para]) -> usize {
    let lines = doc::layout(paras, usize::from(model.viewport.width)).len();
    lines.saturating_sub(usize::from(model.viewport.height))
}

/// Moves `scroll` for a scrolling message; returns whether the message was one.
pub(super) fn scroll(model: &Model, scroll: &mut usize, max: usize, msg: &Message) -> bool {
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
        Screen::MyResults { scroll } => Screen::MyResults {
            scroll: scroll.min(my_results_max(model)),
        },
        other => other,
    };
}
