//! The review of one question: the learner's answer and the right one (✓/✗, never colour
//! alone), each choice's feedback, and the explanation with its policy section.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{key_hint, more_hint, scrolled_doc};
use crate::app::texts::texts;
use crate::app::{Message, Mode, Model, ReviewState, doc};
use crate::tui::keymap::key_for;
use crate::tui::theme::Theme;

pub(super) fn render(
    model: &Model,
    state: &ReviewState,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = model.lang();
    let t = texts(lang);
    let Some(module) = model.courses.modules.get(state.result.module) else {
        return;
    };
    let key = |a| key_for(Mode::Review, a, lang);
    let count = state.result.attempt.items.len();
    // Enter goes on at the end of the text; Esc is in the footer already.
    let parts = if state.index + 1 < count {
        [(key(&Message::Confirm), t.go_next_question)]
    } else {
        [(key(&Message::Confirm), t.go_result)]
    };
    let page = doc::review(module, &state.result, state.index, lang);
    scrolled_doc(
        &page,
        state.scroll,
        (
            more_hint(Mode::Review, lang, theme),
            key_hint(&parts, theme),
        ),
        theme,
        frame,
        area,
    );
}
