//! A lesson page: title, policy section, text wrapped by display width, scrollable, with the
//! page number in the header and where the keys lead under the text.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{key_hint, more_hint, scrolled_doc};
use crate::app::texts::texts;
use crate::app::{LessonState, Message, Mode, Model, doc};
use crate::tui::keymap::key_for;
use crate::tui::theme::Theme;

pub(super) fn render(
    model: &Model,
    state: &LessonState,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = model.lang();
    let t = texts(lang);
    let Some(module) = model.courses.modules.get(state.module) else {
        return;
    };
    let pages = module.module.lessons.len();
    let key = |a| key_for(Mode::Lesson, a, lang);
    let mut parts = Vec::new();
    if state.page + 1 < pages {
        parts.push((key(&Message::Confirm), t.go_next_page));
    } else {
        parts.push((key(&Message::Confirm), t.go_quiz));
    }
    if state.page > 0 {
        parts.push((key(&Message::Prev), t.go_prev_page));
    }
    let page = doc::lesson(module, state.page, lang);
    scrolled_doc(
        &page,
        state.scroll,
        (
            more_hint(Mode::Lesson, lang, theme),
            key_hint(&parts, theme),
        ),
        theme,
        frame,
        area,
    );
}
